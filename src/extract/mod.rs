//! The extraction pipeline: an HTML string in, an [`Article`] out. The stages, in order, are
//! the body of [`extract`]; each module's header gives its number.
//!
//!  1. `prepare::parse`          the page into the arena, within the size limits
//!  2. `base_url`                where relative links point
//!  3. `metadata`                what the page says about itself, before anything is removed;
//!     `json_ld`: the schema.org article it declares
//!  4. `prepare::strip_document` scripts and styles out, `<noscript>` images in, `<br>` runs as paragraphs;
//!     `answers`: the answers folded under a page's questions shown
//!  5. `title`                   the headline; `anchor`: where it stands on the page; `dates`: the
//!     date shown by it, when the metadata has none
//!  6. `select`                  the article's container, scored (one attempt per set of flags);
//!     `walk`: what cannot be content dropped first, and the paragraphs to score found
//!  7. `clean`                   what slipped into that container taken out (each attempt), last
//!     `trailing`: the site's own sections after the story
//!  8. `build`                   the output model, rebuilt from the allowlist; `figures`: images
//!     boxed with a few words become figures with their captions; `shown`: what the page is
//!     shown as — `thread`: a discussion as its posts (`thread_boxes`: read from its repeated
//!     boxes); `listing`: a run of items as a list; `product`: a product's declared description;
//!     `main_region`: the page's main region, when what was found is a sliver of it; then
//!     `repeats`: a block shown twice, once
//!  9. text and counts           the plain text, word count and excerpt; `byline`: the names alone
//!     (`byline_on_page`: where the page shows them)
//! 10. `readerable`              whether what was found is an article: a stretch of running prose;
//!     `kind`: what kind of page it is
//! 11. `label`                   who stands behind the outlet, and any state wire copy
//!
//! Stages 6 and 7 repeat with looser rules while the article comes out short, or while cleaning
//! takes most of what was selected.

mod anchor;
mod answers;
mod build;
mod byline;
mod byline_on_page;
mod clean;
mod date_text;
mod dates;
mod figures;
mod forms;
mod furniture;
mod introductions;
mod json_ld;
mod kind;
mod listing;
mod main_region;
mod metadata;
pub mod patterns;
mod phrases;
mod prepare;
mod product;
mod readerable;
mod repeats;
mod safe_urls;
mod score;
mod select;
mod shown;
mod thread;
mod thread_boxes;
mod title;
mod trailing;
mod walk;

pub use kind::PageKind;
pub use safe_urls::safe_image;

use crate::article::{Article, Block};
use crate::dom::{collapse_whitespace, without_invisible_marks, Dom};
use crate::wording::Wording;
use crate::{label, text, Error, Options};
use url::Url;

/// Extract the article from `html`, a page whose address is `url` (used to resolve relative
/// links and images; pass `None` when unknown).
pub fn extract(html: &str, url: Option<&str>, options: &Options) -> Result<Article, Error> {
    // 1. Parse, within the size limits.
    let mut dom = prepare::parse(html, options)?;
    // 2. Where relative links point: the page URL, overridden by a <base href>.
    //    The page's own address, parsed once: the base, the shown date, the site's host and
    //    the model's url all read it.
    let page_url = url.and_then(crate::address::parse);
    let base = base_url(&dom, page_url.as_ref());
    // 3. What the page says about itself, read before cleaning removes its scripts.
    let document_title = title::document_title(&dom);
    let declared = kind::Declarations::read(&dom);
    let discussion = declared.discussion();
    let meta = metadata::read(
        &dom,
        &document_title,
        &declared.json_ld,
        page_url.as_ref().and_then(Url::host_str),
        discussion,
    );
    //    One product's page is one for sale: a service's or a shop category's page declares a
    //    `Product` for its rating stars alone (wcxb-dev: two shop categories +0.14 and +0.15, a
    //    held-out service +0.05, none lower; eight pages of other kinds no longer called a
    //    product's, three product pages that sell nothing no longer called one).
    let product = declared.product() && declared.offer();
    let product_description = product
        .then(|| product::declared_description(&declared.json_ld))
        .flatten();
    // 4. Take out scripts and styles, recover noscript images, turn <br> runs into paragraphs.
    prepare::strip_document(&mut dom);
    answers::show_folded_answers(&mut dom);
    //    One product's page: its reviews out before the story is looked for. Not on a page
    //    that calls itself an article: a review of a product is the story.
    let sells = product && !meta.declares_article;
    if let (true, Some(body)) = (sells, dom.body()) {
        product::remove_reviews(&mut dom, body);
    }
    // 5. The headline: metadata first, else the document title without its site suffix.
    //    The page's own <h1> wins when the metadata title only wraps it in a site name or a kicker.
    let headline = match &meta.title {
        Some(title) => title.clone(),
        None => title::from_document(&dom),
    };
    let headline = title::on_page_headline(&dom, &headline).unwrap_or(headline);
    // 6–7. Find the article and clean it, retrying with looser rules while it comes out short.
    //    Where the headline stands, measured once: every attempt works on a copy with the same
    //    node ids.
    let anchor = anchor::Anchor::find(&dom, &headline);
    //    The date: the metadata's, or the one the page shows by its headline (see `dates`).
    let published_time = dates::page_date(
        &dom,
        meta.published_time.as_deref(),
        page_url.as_ref(),
        dates::Headline {
            text: &headline,
            anchor: anchor.as_ref(),
        },
        discussion,
    );
    let mut selection = select::with_retries(
        &dom,
        &headline,
        anchor.as_ref(),
        meta.byline.as_deref(),
        meta.declares_article,
        options,
    );
    //    Sign-up boxes out of the story chosen (after the choice: they are the story's
    //    length as the attempts measure it, and a short story's choice stands with them).
    if let Some((selected_dom, chosen)) = &mut selection {
        forms::remove_signup_boxes(selected_dom, chosen.content, &chosen.signup_boxes);
        //    One product's page whose story was chosen around the page's own main region (not
        //    a review that calls itself an article: an article's region was not measured so).
        if product && !meta.declares_article {
            chosen.content = main_region::within_main(&dom, selected_dom, chosen.content);
        }
    }
    // 8. Rebuild it from the allowlist as the output model; captions set beside images marked.
    let content = match &selection {
        Some((selected_dom, selection)) => build::Builder {
            dom: selected_dom,
            base: base.as_ref(),
            max_depth: options.max_output_depth,
        }
        .build(selection.content),
        None => Vec::new(),
    };
    //    The whole page's builder, for what the story's container may have left out.
    let whole_page = build::Builder {
        dom: &dom,
        base: base.as_ref(),
        max_depth: options.max_output_depth,
    };
    let body = dom.body();
    //    What the page is shown as: a thread's posts, a listing's items, a product's own
    //    description, or the page's main region around a sliver (see `shown`).
    let shown = shown::choose(
        &shown::Page {
            dom: &dom,
            whole_page: &whole_page,
            found: selection
                .as_ref()
                .map(|(selected, chosen)| (selected, chosen.content)),
            discussion,
            product,
            declares_article: meta.declares_article,
            product_description: product_description.as_deref(),
            readerable_min_words: options.readerable_min_words,
            anchor: anchor.as_ref(),
            dated: published_time.is_some(),
        },
        content,
    );
    let mut content = shown.content;
    let shown_as = shown.kind;
    let first_post_date = shown.first_post_date;
    let first_post_author = shown.first_post_author;
    //    A block shown twice (a copy for each screen size, a tab repeating the description)
    //    is shown once.
    repeats::drop_repeats(&mut content);
    let lead_image = meta
        .lead_image
        .as_deref()
        .and_then(|src| safe_image(src, base.as_ref()));
    //    The lead photo the story's container left out, with the page's caption and credit.
    if let (Some(lead), Some(body)) = (&lead_image, body) {
        if !content.is_empty() && !crate::article::shows_image(&content, lead) {
            if let Some(figure) = whole_page.lead_figure(body, lead) {
                content.insert(0, figure);
            }
        }
    }
    //    A thread whose metadata gave no date is as old as its first post: a date shown by its
    //    title may be its last reply's. Last, the date the page's microdata gives its own item
    //    (for the reader only: it is no date the page shows, so not a sign of a story).
    let published_time = match (meta.published_time.is_some(), first_post_date) {
        (false, Some(first_post)) => Some(first_post),
        _ => published_time,
    }
    .or_else(|| dates::microdata_date(&dom));
    //    The site's front page is no one story: it is the site.
    let front_page = page_url.as_ref().is_some_and(title::is_front_page);
    // 9. The byline, the names alone, and its line out of the body; the plain text and counts;
    //    metadata gaps filled from the content.
    let byline = meta
        .byline
        .as_deref()
        .and_then(byline::clean_byline)
        //  A thread's is its first post's author.
        .or_else(|| first_post_author.as_deref().and_then(byline::clean_byline))
        .or_else(|| {
            selection
                .as_ref()
                .and_then(|(_, s)| s.byline.as_deref())
                .and_then(byline::clean_byline)
        })
        //  Last, the one author the page marks as one, wherever it stands.
        .or_else(|| body.and_then(|body| byline_on_page::marked_author(&dom, body)))
        //  Or, on a page that is one story (a product's "by" names its maker, a listing's or a
        //  front page's its first item's), a line by the headline that introduces names
        //  ("Posted by Konstantin"), else the one writer it links to their page on the site.
        .or_else(|| {
            let one_story = !product && !front_page && shown_as != Some(PageKind::Listing);
            let body = body.filter(|_| one_story)?;
            anchor
                .as_ref()
                .and_then(|a| byline_on_page::introduced_name_near(&dom, a))
                .or_else(|| byline_on_page::linked_author(&dom, body))
        })
        //  A login or the site's own name, given as the author, where nothing names a writer.
        .or_else(|| {
            meta.fallback_byline
                .as_deref()
                .and_then(byline::clean_byline)
        })
        .map(|names| without_invisible_marks(&names));
    //    The byline's line out of the body, as the page wrote it ("By Rob Picheta, CNN"); then
    //    the outlet's name after the writers' out of the byline.
    if let Some(names) = &byline {
        byline::drop_byline_line(&mut content, names);
    }
    let byline = byline.map(|names| {
        let writers = byline::without_site_name(&names, meta.site_name.as_deref());
        if writers != names {
            byline::drop_byline_line(&mut content, &writers);
        }
        writers
    });
    let plain = text::to_text(&content);
    let site_name = meta.site_name;
    let host = page_url.as_ref().and_then(Url::host_str);
    //    Where the title is only the site's own name, the page's heading names its subject (for
    //    the reader: the story was looked for under the title the page gave; as the story's
    //    headline the heading cost two pages their text, 0.49 and 0.86).
    //    Not on the site's front page, which is the site.
    let shown_headline = (!front_page)
        .then(|| title::instead_of_site_name(&dom, &headline, site_name.as_deref(), host))
        .flatten()
        .unwrap_or_else(|| headline.clone());
    let title = Some(title::strip_site_name(
        &shown_headline,
        site_name.as_deref(),
        host,
    ))
    .map(|t| {
        title::heading_before_separator(&dom, &t, site_name.as_deref(), host)
            .or_else(|| title::headline_before_bar(&dom, &t, site_name.as_deref(), host))
            .unwrap_or(t)
    })
    .map(|t| collapse_whitespace(&without_invisible_marks(&t)))
    .filter(|t| !t.is_empty());
    // 10. Is it an article? Judged on what was found, not on the page's markup.
    let readerable = readerable::has_running_prose(&content, options.readerable_min_words);
    let kind = shown_as.unwrap_or(if product {
        PageKind::Product
    } else if readerable {
        PageKind::Article
    } else {
        PageKind::Page
    });
    let excerpt = meta
        .excerpt
        .map(|e| without_invisible_marks(&e).trim().to_string())
        .filter(|e| !e.is_empty())
        .or_else(|| first_paragraph(&content));
    // 11. Who stands behind it: the outlet by address (the page's own claim is only reported as
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
        published_time,
        lang: meta.lang,
        dir: selection.as_ref().and_then(|(_, s)| s.dir.clone()),
        lead_image,
        url: page_url.as_ref().map(Url::to_string),
        source_url: page_url
            .as_ref()
            .map(|page| crate::address::citable(page, meta.canonical_url.as_deref()).to_string()),
        readerable,
        kind,
        word_count: text::word_count(&plain),
        text: plain,
        content,
        affiliation,
        name_claim,
        wire_credits,
    })
}

fn base_url(dom: &Dom, page: Option<&Url>) -> Option<Url> {
    let page = page.cloned();
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The text `extract` finds on `html`.
    fn text_of(html: &str) -> String {
        extract(html, None, &Options::default()).unwrap().text
    }

    /// `count` numbered paragraphs, each `line(n)`.
    fn paragraphs(count: usize, line: impl Fn(usize) -> String) -> String {
        (1..=count).map(|i| format!("<p>{}</p>", line(i))).collect()
    }

    /// A page builder's layout: every section of the story in a wrapper whose class the scorer
    /// counts against it ("…-height-scrolling"), a call to action between them.
    fn page_builder_story() -> String {
        let section = |body: &str| {
            format!(
                r#"<div class="builder-row non-full-height-scrolling"><div class="column"><div class="text">{body}</div></div></div>"#
            )
        };
        let story = paragraphs(30, |i| {
            format!(
                "Tool number {i} turns rows of raw numbers into charts, and analysts use it, \
                 among other things, to clean, join and summarise data sets."
            )
        });
        format!(
            "<html><head><title>Fifteen data tools</title><meta property=\"og:type\" content=\"article\"></head><body><main><article><h1>Fifteen data tools</h1><div class=\"post-content\">{}{}{}</div></article></main></body></html>",
            section(
                "<p>We hear the word data constantly: businesses want more of it, websites \
                 track it, and whole apps are built around it. Handed a pile of raw rows of \
                 dates, names, clicks and numbers, you would find it means little.</p>\
                 <p>On its own, data is just noise, and it becomes valuable only when someone \
                 knows how to work with it. To do that, professionals depend on a handful of \
                 tools, each good at one part of the job, and most of them free to try. Below \
                 are fifteen of them, from spreadsheets to notebooks, with what each is for.</p>"
            ),
            section("<h3>Earn a degree</h3><p>Our programme teaches these skills.</p><a href=\"/apply\">Learn more</a>"),
            section(&format!("<h2>The tools</h2>{story}")),
        )
    }

    #[test]
    fn a_declared_article_is_the_short_story_under_its_headline_not_the_next_one() {
        // A news site loading its next stories below the one opened, each in a box of its own
        // with its header, tags, comments and a carousel of other stories.
        let story = |headline: &str, topic: &str, count: usize, more: &str| {
            let cards: String = (0..10)
                .map(|i| format!(r#"<article class="unit"><a href="/s{i}"><h3>Other story {i}</h3></a></article>"#))
                .collect();
            format!(
                r#"<div class="scrollblock"><article class="entry-main-content"><header class="entry-heading"><p class="byline">6 May 2022</p><h1>{headline}</h1><p class="lead">A short lead on {topic}, for the people who read it.</p></header><div class="entry-text">{}</div><footer class="footnotes">Tags: cars</footer><aside class="comments-content"></aside><section class="carousel">{cards}</section></article></div>"#,
                paragraphs(count, |i| format!(
                    "Paragraph {i} on {topic}: the people of the city, and those who come to \
                     see them, will gather on the avenue, as they do every year, from six in \
                     the morning until nine at night.{more}"
                ))
            )
        };
        let page = |declared: &str| {
            format!(
                "<html><head><title>Blessing of the cars this Saturday</title>{declared}</head>\
                 <body><main>{}{}</main></body></html>",
                story("Blessing of the cars this Saturday", "the blessing", 4, ""),
                story(
                    "The prosecutor's visit",
                    "the visit",
                    16,
                    " They will stay, talk, eat, and go home again, as they always have."
                )
            )
        };
        let declared = text_of(&page(r#"<meta property="og:type" content="article">"#));
        assert!(declared.contains("on the blessing"), "{declared}");
        assert!(!declared.contains("on the visit"), "{declared}");
        // Undeclared, the page is read as before: the longer text with the first story.
        let undeclared = text_of(&page(""));
        assert!(undeclared.contains("on the visit"), "{undeclared}");
    }

    #[test]
    fn a_login_as_author_gives_way_to_the_writer_the_page_shows_outside_a_forum() {
        let page = |declared: &str| {
            format!(
                r#"<html><head><title>Rivers run high</title>
                <meta name="author" content="wordpressadmin">{declared}</head><body><article>
                <h1>Rivers run high</h1><p class="byline">By Silvia Jura</p>{}</article></body></html>"#,
                paragraphs(8, |i| format!(
                    "Paragraph {i} tells how the river rose overnight, and how the town's \
                     people moved their cars, their animals and their furniture uphill."
                ))
            )
        };
        let byline_of = |html: &str| extract(html, None, &Options::default()).unwrap().byline;
        assert_eq!(byline_of(&page("")).as_deref(), Some("Silvia Jura"));
        // In a forum, posters go by their logins.
        let forum = r#"<script type="application/ld+json">{"@context":"https://schema.org","@type":"DiscussionForumPosting","headline":"Rivers run high"}</script>"#;
        assert_eq!(byline_of(&page(forum)).as_deref(), Some("wordpressadmin"));
    }

    #[test]
    fn the_date_shown_by_the_headline_stands_over_another_in_the_metadata() {
        let page = |declared: &str, shown: &str| {
            format!(
                r#"<html><head><title>Rivers run high</title>
                <meta property="article:published_time" content="2025-06-24T10:00:00Z">{declared}
                </head><body><article><h1>Rivers run high</h1>{shown}{}</article></body></html>"#,
                paragraphs(8, |i| format!(
                    "Paragraph {i} tells how the river rose overnight, and how the town's \
                     people moved their cars, their animals and their furniture uphill."
                ))
            )
        };
        let date_of = |html: &str| {
            extract(html, None, &Options::default())
                .unwrap()
                .published_time
        };
        let byline = r#"<div class="byline">Ann Bee · August 25, 2024</div>"#;
        assert_eq!(date_of(&page("", byline)).as_deref(), Some("2024-08-25"));
        // The same day keeps the metadata's time; an update shown keeps its publication date.
        let same_day = r#"<div class="byline">June 24, 2025</div>"#;
        assert_eq!(
            date_of(&page("", same_day)).as_deref(),
            Some("2025-06-24T10:00:00Z")
        );
        let updated = r#"<div class="byline">Updated August 25, 2025</div>"#;
        assert_eq!(
            date_of(&page("", updated)).as_deref(),
            Some("2025-06-24T10:00:00Z")
        );
        // A thread's page shows its posts' dates: the metadata dates the discussion.
        let forum = r#"<script type="application/ld+json">{"@context":"https://schema.org","@type":"DiscussionForumPosting","headline":"Rivers run high"}</script>"#;
        assert_eq!(
            date_of(&page(forum, byline)).as_deref(),
            Some("2025-06-24T10:00:00Z")
        );
    }

    #[test]
    fn the_site_named_as_author_gives_way_to_the_writer_the_page_shows() {
        let page = |byline: &str| {
            format!(
                r#"<html><head><title>Rivers run high</title>
                <meta name="author" content="LAOLA1.at"></head><body><article>
                <h1>Rivers run high</h1>{byline}{}</article></body></html>"#,
                paragraphs(8, |i| format!(
                    "Paragraph {i} tells how the river rose overnight, and how the town's \
                     people moved their cars, their animals and their furniture uphill."
                ))
            )
        };
        let byline_of = |html: &str| {
            extract(
                html,
                Some("https://www.laola1.at/news/1"),
                &Options::default(),
            )
            .unwrap()
            .byline
        };
        assert_eq!(
            byline_of(&page(r#"<p class="byline">By Alexander Karper</p>"#)).as_deref(),
            Some("Alexander Karper")
        );
        // Where nothing else names a writer, the site's name is the byline still.
        assert_eq!(byline_of(&page("")).as_deref(), Some("LAOLA1.at"));
    }

    #[test]
    fn a_story_in_wrappers_classed_as_furniture_is_kept_whole() {
        let text = text_of(&page_builder_story());
        assert!(text.contains("Tool number 1 turns"), "{text}");
        assert!(text.contains("Tool number 30 turns"), "{text}");
    }

    #[test]
    fn a_frame_named_for_its_sidebar_around_the_headline_is_not_a_sidebar() {
        let story = paragraphs(8, |i| {
            format!(
                "Rental desk number {i} was weighed on price, fees and service, and on how \
                 quickly, at a busy airport, it handed over the keys."
            )
        });
        let disclosure = "Some of the offers on this site come from companies that pay us, \
            and this may affect how and where they appear, including the order in which they \
            appear. ";
        let html = format!(
            "<html><head><title>The best rental desks</title></head><body>\
             <div class=\"layout-with-sidebar\"><h1>The best rental desks</h1>{story}\
             <div class=\"widget\"><a href=\"/more\">More guides</a></div></div>\
             <div class=\"disclosure\"><p>{}</p></div></body></html>",
            disclosure.repeat(4)
        );
        let text = text_of(&html);
        assert!(text.contains("Rental desk number 1 was"), "{text}");
        assert!(text.contains("Rental desk number 8 was"), "{text}");
    }

    #[test]
    fn a_frame_around_the_whole_page_is_not_furniture_for_its_class_name() {
        let story = paragraphs(3, |i| {
            format!(
                "Part {i}: every day, players enter battle as one of a hundred heroes, and no \
                 matter if it is their tenth hour of play or their thousandth, there is always \
                 something new to discover."
            )
        });
        let menu = paragraphs(8, |i| {
            format!(
                "Filter {i}: reviews in English, Russian, German, Spanish, French, Polish, \
                 Czech, Korean, Thai, Turkish, Ukrainian, Portuguese, by date, by helpfulness, \
                 by playtime."
            )
        });
        let html = format!(
            "<html><head><title>A game on a store</title></head><body>\
             <div class=\"page_frame with_header\"><div class=\"game_description\">{story}</div>\
             <div class=\"reviews_menu_flyout\">{menu}</div></div></body></html>"
        );
        let text = text_of(&html);
        assert!(text.contains("Part 3: every day"), "{text}");
        assert!(!text.contains("Filter 1"), "{text}");
    }

    #[test]
    fn a_page_hidden_until_its_script_runs_is_read_as_shown() {
        let story = paragraphs(6, |i| {
            format!(
                "Step {i}: machine learning lets a computer learn from data, without being \
                 programmed for every task, and improve with experience."
            )
        });
        let html = format!(
            "<html><head><title>Machine learning</title></head><body>\
             <div style=\"visibility:hidden;min-height:100vh\"><h1>Machine learning</h1>{story}\
             <div style=\"display:none\"><p>A menu, hidden for real, with enough words to count as a paragraph.</p></div>\
             </div></body></html>"
        );
        let text = text_of(&html);
        assert!(text.contains("Step 6: machine learning"), "{text}");
        assert!(!text.contains("A menu"), "{text}");
    }

    #[test]
    fn a_line_by_the_headline_introducing_a_name_is_the_byline() {
        let story = paragraphs(6, |i| {
            format!(
                "Paragraph {i} explains why small integers are interned by the interpreter, \
                 and what that means for code comparing them with the identity operator."
            )
        });
        let html = format!(
            "<html><head><title>Interning of small integers</title></head><body><article>\
             <h1>Interning of small integers</h1><div class=\"postdata\"><span class=\"category\">\
             Posted by Konstantin</span></div><div class=\"entry\">{story}</div></article></body></html>"
        );
        let article = extract(&html, None, &Options::default()).unwrap();
        assert_eq!(article.byline.as_deref(), Some("Konstantin"));
        assert!(!article.text.contains("Posted by"), "{}", article.text);
    }

    #[test]
    fn a_story_laid_out_twice_for_two_screens_is_shown_once() {
        let story = paragraphs(8, |i| {
            format!(
                "Paragraph {i} of the story tells the reader how the river rose overnight \
                 and what the town did about it before the morning came."
            )
        });
        let html = format!(
            "<html><head><title>The river rose</title></head><body><article><h1>The river rose</h1>\
             <div class=\"desktop\">{story}</div><div class=\"mobile\">{story}</div>\
             </article></body></html>"
        );
        let text = text_of(&html);
        assert_eq!(
            text.matches("Paragraph 3 of the story").count(),
            1,
            "{text}"
        );
        assert!(text.contains("Paragraph 8 of the story"), "{text}");
    }

    #[test]
    fn a_long_comments_box_is_no_frame() {
        let story = paragraphs(8, |i| {
            format!(
                "Part {i}: the council met on Tuesday, and after a long debate, it voted to \
                 rebuild the old harbour wall."
            )
        });
        let comments = paragraphs(30, |i| {
            format!(
                "Reader {i} wrote: I walked along that wall every day, and I think, honestly, \
                 that it should have been rebuilt years ago."
            )
        });
        let html = format!(
            "<html><head><title>Harbour wall</title></head><body><article><h1>Harbour wall</h1>\
             {story}</article><div class=\"comments\">{comments}</div></body></html>"
        );
        let text = text_of(&html);
        assert!(text.contains("Part 8: the council"), "{text}");
        assert!(!text.contains("Reader 1 wrote"), "{text}");
    }
}
