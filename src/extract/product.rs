//! Stage 8, for one product's page: when the story found is no running prose and holds less than
//! half of the words the page's structured data gives as the product's description, the page's
//! own block holding that
//! description is shown instead (the description itself where the page shows it nowhere). A
//! product page's longest text is often its reviews, its size guide or its legal small print,
//! none of which is the product. Measured on wcxb-dev's product pages (`tests/corpus.rs`).
//!
//! Before the story is looked for, a product page that offers it for sale has its buyers'
//! reviews taken out (`remove_reviews`): they are often the page's longest, most paragraph-like
//! text, and the scorer took them for the story. wcxb-dev's product pages 0.5388 -> 0.5644
//! (development folds 0.5377 -> 0.5675, held-out fold 0.5434 -> 0.5520); no page of
//! Readability's or Zyte's sets changes, trafilatura-dev 0.9358 -> 0.9362. Without the offer
//! (`Declarations::offer`), a service page's testimonials went too (one page 0.83 -> 0.53);
//! with only the `offers` key, pages that give a product code and no offer kept their reviews
//! (0.5597).

use super::build::Builder;
use super::patterns::{starts_a_word, REVIEW_MARKERS};
use super::score::Measures;
use crate::article::Block;
use crate::dom::{collapse_whitespace, Dom, NodeId, NodeKind};
use serde_json::Value;

/// A description shorter than this is a tagline, not the product's text.
const MIN_DESCRIPTION_WORDS: usize = 20;
/// The found story stands when it holds at least this share of the description's words.
const FOUND_SHARE: f64 = 0.5;
/// The most of a declared description compared with the page.
const MAX_DESCRIPTION_CHARS: usize = 4000;
/// The most blocks of the description's length looked into for its opening words.
const MAX_CANDIDATES: usize = 2000;
/// The description's opening words, looked for on the page.
const KEY_WORDS: usize = 8;
/// The found block's wrappers are taken while they hold at most this many times the
/// description's length: the description's own list of materials and sizes sits beside its
/// paragraph. Chosen on wcxb-dev's development folds: at 1.5 one page gains (0.73 -> 0.92) and
/// one loses 0.005; at 2 that one loses 0.22 (a shop's front, its product grid taken in).
const CLIMB_TIMES: f64 = 1.5;

/// A review block holding more than this share of the page's text is taken for the page itself
/// (a page of reviews). No figure moves between a half and four fifths; the larger spares more.
const MAX_REVIEW_SHARE: f64 = 0.8;

/// Take a product page's review blocks out before its story is looked for: elements whose class
/// or id names reviews, unless they hold the page's headline (its first `<h1>`) or most of its
/// text.
pub fn remove_reviews(dom: &mut Dom, body: NodeId) {
    // Measured once, bottom-up: a page nesting review-named wrappers around its headline would
    // otherwise cost a walk of its subtree per wrapper.
    let measures = Measures::of(dom, body);
    let page_text = measures.text_len(body).max(1) as f64;
    let headline = dom.find_first(body, |d, n| d.is_tag(n, "h1"));
    let mut stack: Vec<NodeId> = dom.children(body).to_vec();
    let mut reviews = Vec::new();
    while let Some(node) = stack.pop() {
        if !dom.is_element(node) {
            continue;
        }
        let names = dom.class_and_id(node);
        if starts_a_word(&names, REVIEW_MARKERS)
            && !headline.is_some_and(|h1| dom.is_attached_to(h1, node))
            && (measures.text_len(node) as f64) < MAX_REVIEW_SHARE * page_text
        {
            reviews.push(node);
        } else {
            stack.extend_from_slice(dom.children(node));
        }
    }
    for node in reviews {
        dom.detach(node);
    }
}

/// The product's description from the page's JSON-LD (`Product`, anywhere in it), collapsed.
pub fn declared_description(json_ld_scripts: &[String]) -> Option<String> {
    json_ld_scripts
        .iter()
        .find_map(|script| {
            let parsed = serde_json::from_str::<Value>(script).ok()?;
            description_in(&parsed, 0).map(collapse_whitespace)
        })
        .filter(|d| crate::text::word_count(d) >= MIN_DESCRIPTION_WORDS)
        .map(|d| match d.char_indices().nth(MAX_DESCRIPTION_CHARS) {
            // A description is a few paragraphs; a longer one is cut, so the comparisons below
            // stay short whatever the page declares.
            Some((end, _)) => d[..end].to_string(),
            None => d,
        })
}

fn description_in(value: &Value, depth: usize) -> Option<&str> {
    if depth > 8 {
        return None;
    }
    match value {
        Value::Array(items) => items.iter().find_map(|v| description_in(v, depth + 1)),
        Value::Object(map) => {
            let product = match map.get("@type") {
                Some(Value::String(t)) => t == "Product" || t == "ProductGroup",
                Some(Value::Array(ts)) => ts.iter().any(|t| t == "Product" || t == "ProductGroup"),
                _ => false,
            };
            match map.get("description") {
                Some(Value::String(d)) if product && !d.trim().is_empty() => Some(d),
                _ => map.values().find_map(|v| description_in(v, depth + 1)),
            }
        }
        _ => None,
    }
}

/// Lowercase words between single spaces (" a steel fire pit "): texts compared whatever their
/// markup and spacing.
fn spaced_words(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push(' ');
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        out.extend(word.chars().flat_map(char::to_lowercase));
        out.push(' ');
    }
    out
}

/// Whether the story found (`found`, its text) says too little of the description.
pub fn misses(found: &str, description: &str) -> bool {
    // The found words as a set: one look-up per described word, not a scan of the found text
    // (which no bound keeps short) for each.
    let have = spaced_words(found);
    let have: std::collections::HashSet<&str> = have.split(' ').filter(|w| !w.is_empty()).collect();
    let wanted = spaced_words(description);
    let (mut held, mut all) = (0, 0);
    for word in wanted.split(' ').filter(|w| !w.is_empty()) {
        all += 1;
        held += usize::from(have.contains(word));
    }
    (held as f64) < FOUND_SHARE * all as f64
}

/// The page's smallest block under `body` that holds the description's opening words, as the
/// model; else the description as a paragraph.
pub fn description_block(builder: &Builder, body: NodeId, description: &str) -> Vec<Block> {
    let dom = builder.dom;
    let opening = spaced_words(description);
    let key = match opening.match_indices(' ').nth(KEY_WORDS) {
        Some((end, _)) => &opening[..=end],
        None => opening.as_str(),
    };
    // Each element's text length, measured once from the leaves up.
    let order = dom.descendants(body);
    let mut length = vec![0usize; dom.nodes.len()];
    for &node in order.iter().rev() {
        length[node] = match &dom.nodes[node].kind {
            NodeKind::Text(text) => text.len(),
            _ => dom.children(node).iter().map(|&c| length[c]).sum(),
        };
    }
    let wanted = description.len();
    let block = order
        .iter()
        .copied()
        .filter(|&n| dom.is_element(n) && length[n] * 2 >= wanted && length[n] <= wanted * 3)
        .take(MAX_CANDIDATES)
        .filter(|&n| spaced_words(&dom.text_content(n)).contains(key))
        .min_by_key(|&n| length[n]);
    let within = |node: NodeId| node != body && length[node] as f64 <= wanted as f64 * CLIMB_TIMES;
    let block = block.map(|mut node| {
        while let Some(parent) = dom.parent(node).filter(|&p| within(p)) {
            node = parent;
        }
        node
    });
    match block.map(|n| builder.build(n)) {
        Some(blocks) if !blocks.is_empty() => blocks,
        _ => vec![Block::element(
            "p",
            vec![Block::Text(description.to_string())],
        )],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::kind::Declarations;

    const DESCRIPTION: &str =
        "A stainless steel fire pit that burns with almost no smoke, lights in seconds with \
        kindling or gel, and seats five to seven people around its tall, bright flame all evening.";

    #[test]
    fn the_description_is_read_from_a_product_anywhere_in_the_json_ld() {
        let page = format!(
            "<html><head><script type='application/ld+json'>{{\"@graph\":[{{\"@type\":\"WebPage\",\"description\":\"Shop\"}},\
             {{\"@type\":[\"Product\"],\"name\":\"Summit\",\"description\":\"{DESCRIPTION}\"}}]}}</script></head><body></body></html>"
        );
        let dom = crate::parse::document(&page);
        assert_eq!(
            declared_description(&Declarations::read(&dom).json_ld).as_deref(),
            Some(collapse_whitespace(DESCRIPTION).as_str())
        );
        // A tagline is not a description.
        let short = "<script type='application/ld+json'>{\"@type\":\"Product\",\"description\":\"Warm.\"}</script>";
        assert_eq!(
            declared_description(&Declarations::read(&crate::parse::document(short)).json_ld),
            None
        );
    }

    #[test]
    fn a_story_holding_half_the_description_stands() {
        assert!(misses(
            "Size guide: S M L XL. Free returns within 30 days.",
            DESCRIPTION
        ));
        assert!(!misses(
            &format!("Summit. {DESCRIPTION} Reviews below."),
            DESCRIPTION
        ));
    }

    #[test]
    fn the_descriptions_own_list_comes_with_it() {
        let page = format!(
            "<html><body><div id=buy><h1>Summit</h1><p>€399</p><form><button>Add to cart</button><p>Free delivery on orders over €100, returns within 30 days, pay in three instalments.</p></form>\
             <div class=about><p>{DESCRIPTION}</p><ul><li>Steel, 15.9 kg</li><li>62.5 cm wide</li></ul></div>\
             </div><footer>Terms</footer></body></html>"
        );
        let dom = crate::parse::document(&page);
        let builder = Builder {
            dom: &dom,
            base: None,
            max_depth: 64,
        };
        let body = dom.body().unwrap();
        let text = crate::text::to_text(&description_block(
            &builder,
            body,
            &collapse_whitespace(DESCRIPTION),
        ));
        assert!(
            text.contains("seats five to seven people") && text.contains("62.5 cm wide"),
            "{text}"
        );
        assert!(!text.contains("€399") && !text.contains("Terms"), "{text}");
    }

    #[test]
    fn the_pages_own_block_is_shown_in_place_of_what_was_found() {
        let page = format!(
            "<html><body><div id=buy><h1>Summit</h1><p>€399</p></div><section id=about><h2>About</h2><p>{DESCRIPTION}</p></section>\
             <footer>Terms</footer></body></html>"
        );
        let dom = crate::parse::document(&page);
        let builder = Builder {
            dom: &dom,
            base: None,
            max_depth: 64,
        };
        let blocks = description_block(
            &builder,
            dom.body().unwrap(),
            &collapse_whitespace(DESCRIPTION),
        );
        let text = crate::text::to_text(&blocks);
        assert!(
            text.contains("seats five to seven people")
                && !text.contains("€399")
                && !text.contains("Terms"),
            "{text}"
        );
    }

    /// A page declaring one `Product` (with `offer` keys or not), its description in the page
    /// and a block of buyers' reviews below it.
    fn page_with_reviews(offers: &str) -> String {
        let review =
            "I bought this for our garden and it has kept us warm on every cold night since. ";
        let reviews: String = (1..=6)
            .map(|i| {
                format!(
                    "<div class=review-card><p>{}</p><span>Buyer {i}</span></div>",
                    review.repeat(3)
                )
            })
            .collect();
        format!(
            "<html><head><title>Summit</title><script type='application/ld+json'>{{\"@type\":\"Product\",\
             \"name\":\"Summit\",\"description\":\"{DESCRIPTION}\"{offers}}}</script></head><body>\
             <div id=product><h1>Summit</h1><p>{DESCRIPTION} {DESCRIPTION}</p>\
             <div id=customer-reviews><h2>What buyers say</h2>{reviews}</div></div></body></html>"
        )
    }

    fn extracted(page: &str) -> String {
        crate::extract::extract(page, None, &crate::Options::default())
            .unwrap()
            .text
    }

    #[test]
    fn a_product_for_sale_is_shown_without_its_reviews() {
        let text = extracted(&page_with_reviews(",\"offers\":{\"price\":\"399\"}"));
        assert!(text.contains("seats five to seven people"), "{text}");
        assert!(!text.contains("kept us warm"), "{text}");
    }

    #[test]
    fn a_page_that_sells_nothing_keeps_what_its_customers_say() {
        // A service page declares a Product for its rating stars; its testimonials are its text.
        let text = extracted(&page_with_reviews(""));
        assert!(text.contains("kept us warm"), "{text}");
        // Nor is it a product's page.
        let kind = |offers: &str| {
            crate::extract::extract(&page_with_reviews(offers), None, &crate::Options::default())
                .unwrap()
                .kind
        };
        assert_ne!(kind(""), crate::extract::PageKind::Product);
        assert_eq!(
            kind(",\"offers\":{\"price\":\"399\"}"),
            crate::extract::PageKind::Product
        );
    }

    #[test]
    fn a_review_that_calls_itself_an_article_keeps_its_text() {
        // An editor's review of a product: the page declares the product for sale and calls
        // itself an article; its body's class names the review.
        let body =
            "We carried the Summit to three campsites and lit it in wind and rain. ".repeat(12);
        let page = format!(
            "<html><head><title>Summit review</title><meta property='og:type' content='article'>\
             <script type='application/ld+json'>{{\"@type\":\"Product\",\"name\":\"Summit\",\
             \"offers\":{{\"price\":\"399\"}}}}</script></head><body><header><h1>Summit review</h1></header>\
             <div class=review-body><p>{body}</p><p>{body}</p></div><nav>{}</nav></body></html>",
            "<a href=/x>Another review of another thing</a> ".repeat(60)
        );
        let text = extracted(&page);
        assert!(text.contains("three campsites"), "{text}");
    }
}
