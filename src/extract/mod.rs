//! The extraction pipeline: an HTML string in, an [`Article`] out.
//!
//! The stages, in order, are the body of [`extract`]; each lives in its own module.

mod build;
mod clean;
mod furniture;
mod metadata;
pub mod patterns;
mod prepare;
mod readerable;
mod score;
mod select;
mod title;

pub use build::safe_image;

use crate::article::{Article, Block};
use crate::dom::{collapse_whitespace, Dom};
use crate::wording::Wording;
use crate::{label, text, Error, Options};
use score::Flags;
use url::Url;

/// Extract the article from `html`, a page whose address is `url` (used to resolve relative
/// links and images; pass `None` when unknown).
pub fn extract(html: &str, url: Option<&str>, options: &Options) -> Result<Article, Error> {
    // 1. Parse, within the size limits.
    let mut dom = prepare::parse(html, options)?;
    // 2. Where relative links point: the page URL, overridden by a <base href>.
    let base = base_url(&dom, url);
    // 3. What the page says about itself, read before cleaning removes its scripts.
    let document_title = title::document_title(&dom);
    let meta = metadata::read(&dom, &document_title);
    // 4. Is it an article at all? Judged on the page as served.
    let readerable = readerable::is_probably_readerable(&dom, options);
    // 5. Take out scripts and styles, recover noscript images, turn <br> runs into paragraphs.
    prepare::clean_document(&mut dom);
    // 6. The headline: metadata first, else the document title without its site suffix.
    let headline = match &meta.title {
        Some(title) => title.clone(),
        None => title::from_document(&dom),
    };
    // 7. Find the article, retrying with looser rules while it comes out short.
    let selection = select_with_retries(&dom, &headline, meta.byline.is_some(), options);
    // 8. Rebuild it from the allowlist as the output model.
    let content = match &selection {
        Some((selected_dom, selection)) => build::Builder {
            dom: selected_dom,
            base: base.as_ref(),
            max_depth: options.max_output_depth,
        }
        .build(selection.content),
        None => Vec::new(),
    };
    // 9. Render the model as HTML, text and counts; fill metadata gaps from the content.
    let plain = text::to_text(&content);
    let site_name = meta.site_name;
    let title = Some(title::strip_site_name(&headline, site_name.as_deref()))
        .map(|t| collapse_whitespace(&t))
        .filter(|t| !t.is_empty());
    let byline = meta
        .byline
        .or_else(|| selection.as_ref().and_then(|(_, s)| s.byline.clone()))
        .filter(|b| !b.is_empty());
    let excerpt = meta.excerpt.or_else(|| first_paragraph(&content));
    let lead_image = meta
        .lead_image
        .as_deref()
        .and_then(|src| safe_image(src, base.as_ref()));
    // 10. Who stands behind it: the outlet by address (the page's own claim is only reported as
    //     one), and any state agency whose copy it carries.
    let wording = Wording::for_language(&options.language);
    let label::OutletLabel {
        affiliation,
        name_claim,
    } = label::outlet_label(
        url,
        label::PageClaims {
            canonical_url: meta.canonical_url.as_deref(),
            site_name: meta.og_site_name.as_deref(),
            publisher: meta.publisher.as_deref(),
        },
        &wording,
    );
    // Text lines are the article's paragraphs, headings, list items and captions.
    let lines: Vec<String> = plain
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect();
    let wire_credits = label::find_wire_credits(
        &lines,
        byline.as_deref(),
        affiliation.as_ref().map(|a| a.outlet.as_str()),
        &wording,
    );
    Ok(Article {
        title,
        byline,
        excerpt,
        site_name,
        published_time: meta.published_time,
        lang: meta.lang,
        dir: selection.as_ref().and_then(|(_, s)| s.dir.clone()),
        lead_image,
        url: url.and_then(crate::address::parse).map(|u| u.to_string()),
        readerable,
        word_count: text::word_count(&plain),
        text: plain,
        content,
        affiliation,
        name_claim,
        wire_credits,
    })
}

/// Run the selection on a fresh copy of the page with each set of flags in turn, until one
/// gives enough text; otherwise keep the longest result.
fn select_with_retries(
    dom: &Dom,
    headline: &str,
    have_byline: bool,
    options: &Options,
) -> Option<(Dom, select::Selection)> {
    let context = select::Context {
        title: headline,
        have_byline,
        top_candidates: options.top_candidates,
    };
    let mut flags = Flags::ALL;
    let mut best: Option<(Dom, select::Selection)> = None;
    loop {
        let mut attempt_dom = dom.clone();
        if let Some(selection) = select::grab_article(&mut attempt_dom, &context, flags) {
            if selection.text_length >= options.char_threshold {
                return Some((attempt_dom, selection));
            }
            if best
                .as_ref()
                .is_none_or(|(_, b)| selection.text_length > b.text_length)
            {
                best = Some((attempt_dom, selection));
            }
        }
        match flags.loosen() {
            Some(looser) => flags = looser,
            None => break,
        }
    }
    best.filter(|(_, s)| s.text_length > 0)
}

fn base_url(dom: &Dom, url: Option<&str>) -> Option<Url> {
    let page = url.and_then(crate::address::parse);
    let base_href = dom
        .find_first(crate::dom::ROOT, |d, n| {
            d.is_tag(n, "base") && d.attr(n, "href").is_some()
        })
        .and_then(|b| dom.attr(b, "href"));
    match (page, base_href) {
        (Some(page), Some(href)) => crate::address::join(&page, href).or(Some(page)),
        (None, Some(href)) => crate::address::parse(href),
        (page, None) => page,
    }
}

/// The first paragraph's text, the excerpt when the page gives none.
fn first_paragraph(content: &[Block]) -> Option<String> {
    let mut stack: Vec<&Block> = content.iter().rev().collect();
    while let Some(block) = stack.pop() {
        if let Block::Element(element) = block {
            if element.tag == "p" {
                let text = collapse_whitespace(&text::to_text(&element.children));
                if !text.is_empty() {
                    return Some(text);
                }
            }
            stack.extend(element.children.iter().rev());
        }
    }
    None
}
