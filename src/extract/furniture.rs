//! Stage 8c: site furniture that sits inside the article's own container — breadcrumb trails,
//! tag lists, and "READ MORE"-style teaser paragraphs pointing at other stories. Readability
//! keeps all three; readers (and human-made reference texts) do not count them as the article.

use super::patterns::{BREADCRUMB_MARKERS, TAG_LIST_TOKENS, TEASER_PREFIXES};
use super::score::link_density;
use crate::dom::{Dom, NodeId};

/// Longest text a breadcrumb trail or a tag list can have and still be furniture.
const FURNITURE_MAX_CHARS: usize = 400;
/// Longest teaser paragraph.
const TEASER_MAX_CHARS: usize = 300;

pub fn remove_furniture(dom: &mut Dom, content: NodeId) {
    for node in dom.descendants(content).into_iter().skip(1) {
        if !dom.is_element(node) || !dom.is_attached_to(node, content) {
            continue;
        }
        if (is_breadcrumb(dom, node) || is_tag_list(dom, node))
            && dom.text_len(node) <= FURNITURE_MAX_CHARS
        {
            dom.detach(node);
        } else if dom.is_tag(node, "p") && is_teaser(dom, node) {
            dom.detach(node);
        }
    }
}

fn is_breadcrumb(dom: &Dom, node: NodeId) -> bool {
    let marks = [
        dom.class_and_id(node),
        dom.attr(node, "aria-label").unwrap_or_default().to_string(),
        dom.attr(node, "itemtype").unwrap_or_default().to_string(),
    ]
    .join(" ")
    .to_ascii_lowercase();
    BREADCRUMB_MARKERS.iter().any(|m| marks.contains(m))
}

/// A list of tags: named so by class or id, or made of `rel="tag"` links.
fn is_tag_list(dom: &Dom, node: NodeId) -> bool {
    let named = dom
        .class_and_id(node)
        .to_ascii_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '-')
        .any(|token| TAG_LIST_TOKENS.contains(&token));
    if named {
        return true;
    }
    let links = dom.find_all(node, &["a"]);
    links.len() >= 2
        && links.iter().all(|&a| {
            dom.attr(a, "rel")
                .is_some_and(|rel| rel.split_ascii_whitespace().any(|r| r.eq_ignore_ascii_case("tag")))
        })
        && link_density(dom, node) > 0.5
}

/// "READ MORE: …", "Related: …": a short paragraph, mostly a link, introduced as a pointer elsewhere.
fn is_teaser(dom: &Dom, node: NodeId) -> bool {
    if dom.text_len(node) > TEASER_MAX_CHARS || dom.find_all(node, &["a"]).is_empty() {
        return false;
    }
    let text = dom.inner_text(node);
    let lead = text.trim_start().to_lowercase();
    let density = link_density(dom, node);
    (TEASER_PREFIXES.iter().any(|p| lead.starts_with(p)) && density >= 0.5)
        || (density >= 0.95 && is_shouted(&text))
}

/// A headline set in capitals: how promotions for other stories are often set inside articles.
fn is_shouted(text: &str) -> bool {
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 12 && letters.iter().filter(|c| c.is_uppercase()).count() * 10 >= letters.len() * 9
}
