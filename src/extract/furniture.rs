//! Stage 8c: site furniture that sits inside the article's own container — breadcrumb trails,
//! tag lists, and "READ MORE"-style teaser paragraphs pointing at other stories. Readability
//! keeps all three; readers (and human-made reference texts) do not count them as the article.

use super::patterns::{
    AD_LABELS, AUTHOR_BOX_TOKENS, BREADCRUMB_MARKERS, CALL_TO_ACTION_PREFIXES, MONTHS, TAG_LIST_TOKENS, TEASER_PREFIXES,
};
use super::score::link_density;
use crate::dom::{Dom, NodeId};

/// Longest text a breadcrumb trail or a tag list can have and still be furniture.
const FURNITURE_MAX_CHARS: usize = 400;
/// Longest "about the author" box.
const AUTHOR_BOX_MAX_CHARS: usize = 1200;
/// Longest line that can be only a date ("Updated 1:33 am CST, Wednesday, November 20, 2019").
const DATE_LINE_MAX_CHARS: usize = 80;
/// Longest call to action.
const CALL_TO_ACTION_MAX_CHARS: usize = 250;
/// Longest teaser paragraph.
const TEASER_MAX_CHARS: usize = 300;

pub fn remove_furniture(dom: &mut Dom, content: NodeId) {
    for node in dom.descendants(content).into_iter().skip(1) {
        if !dom.is_element(node) || !dom.is_attached_to(node, content) {
            continue;
        }
        if (is_breadcrumb(dom, node) || is_tag_list(dom, node))
            && dom.text_len(node) <= FURNITURE_MAX_CHARS
            || is_author_box(dom, node) && dom.text_len(node) <= AUTHOR_BOX_MAX_CHARS
            || is_date_line(dom, node, content)
            || is_gallery_counter(dom, node)
        {
            dom.detach(node);
        } else if (dom.is_tag(node, "p") && is_teaser(dom, node)) || is_call_to_action(dom, node) {
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

/// "Sign up for our newsletter", "Follow us on Twitter", "Join our forums": a short paragraph
/// asking the reader to do something for the site, not telling the story.
fn is_call_to_action(dom: &Dom, node: NodeId) -> bool {
    if !matches!(dom.tag(node), Some("p" | "div" | "span")) || dom.text_len(node) > CALL_TO_ACTION_MAX_CHARS {
        return false;
    }
    if dom.is_tag(node, "div") && !dom.find_all(node, &["p", "div", "img", "ul", "table"]).is_empty() {
        return false;
    }
    let text = dom.inner_text(node).trim().to_lowercase();
    let label = text.trim_matches(|c: char| !c.is_alphanumeric());
    AD_LABELS.contains(&label)
        || CALL_TO_ACTION_PREFIXES.iter().any(|p| text.starts_with(p))
        || (text.contains("sign up") && text.contains("newsletter"))
}

/// A headline set in capitals: how promotions for other stories are often set inside articles.
fn is_shouted(text: &str) -> bool {
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 12 && letters.iter().filter(|c| c.is_uppercase()).count() * 10 >= letters.len() * 9
}

/// "About the author" boxes, named so by class or id.
fn is_author_box(dom: &Dom, node: NodeId) -> bool {
    dom.class_and_id(node)
        .to_ascii_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '-')
        .any(|token| AUTHOR_BOX_TOKENS.contains(&token))
}

/// A block that only dates the story ("Published 10:02 AM EST Nov 19, 2019"): a month name or a
/// numeric date with a year, and no sentence.
fn is_date_line(dom: &Dom, node: NodeId, content: NodeId) -> bool {
    if !matches!(dom.tag(node), Some("p" | "div" | "time")) || dom.text_len(node) > DATE_LINE_MAX_CHARS {
        return false;
    }
    // Dates inside tables, lists, code, quotes and citations are data, not the story's date.
    let in_data = dom.ancestors(node, 0).into_iter().take_while(|&a| a != content).any(|a| {
        matches!(dom.tag(a), Some("table" | "ul" | "ol" | "li" | "pre" | "code" | "blockquote" | "figure" | "cite" | "dl"))
    });
    if in_data || !dom.find_all(node, &["img", "p", "li", "table"]).is_empty() {
        return false;
    }
    let text = dom.inner_text(node);
    let text = text.trim();
    if text.is_empty() || text.ends_with(['.', '!', '?', '"', '”']) {
        return false;
    }
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let has_year = words.iter().any(|w| w.len() == 4 && (w.starts_with("19") || w.starts_with("20")) && w.bytes().all(|b| b.is_ascii_digit()));
    let has_month = words.iter().any(|w| MONTHS.contains(w));
    let numeric_date = text.split(|c: char| c.is_whitespace() || c == ',').any(|t| {
        let parts: Vec<&str> = t.split(['/', '.', '-']).collect();
        parts.len() == 3 && parts.iter().all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
    });
    // Everything else is date words: weekdays, "published", "updated", times, zones.
    let other = words.iter().filter(|w| !w.bytes().all(|b| b.is_ascii_digit()) && !MONTHS.contains(w) && !DATE_WORDS.contains(w)).count();
    (has_year && has_month || numeric_date) && other <= 1
}

const DATE_WORDS: &[&str] = &[
    "published", "updated", "posted", "first", "last", "modified", "on", "at", "am", "pm", "a", "p", "m",
    "est", "edt", "cst", "cdt", "pst", "pdt", "gmt", "utc", "bst", "cet", "ist", "et", "pt", "ct",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "wed", "thu",
    "fri", "sat", "sun", "de", "às", "h", "le", "am", "um", "uhr", "el", "del", "th", "st", "nd", "rd",
    "segunda", "terça", "quarta", "quinta", "sexta", "feira", "sábado", "domingo",
];

/// A slideshow's counter ("Image 1 of 5", "1 / 4"): the gallery's controls, not its pictures.
fn is_gallery_counter(dom: &Dom, node: NodeId) -> bool {
    if dom.text_len(node) > 24 || !dom.find_all(node, &["img", "picture"]).is_empty() {
        return false;
    }
    let text = dom.inner_text(node).to_lowercase();
    let words: Vec<&str> = text.split(|c: char| c.is_whitespace() || c == '/').filter(|w| !w.is_empty()).collect();
    let numbers = words.iter().filter(|w| w.bytes().all(|b| b.is_ascii_digit())).count();
    let rest: Vec<&&str> = words.iter().filter(|w| !w.bytes().all(|b| b.is_ascii_digit())).collect();
    numbers == 2
        && rest.iter().all(|w| matches!(**w, "image" | "photo" | "picture" | "slide" | "of" | "1of"))
        && (text.contains(" of ") || text.contains('/'))
}
