//! Stage 8, for a listing: a page whose story is not one article but a run of them (a section
//! front, search results, a job board, a shop's category) shows as that run, one item per card,
//! each its title link and the words under it. A card is found by the page's structure alone:
//! four or more sibling elements of one kind (tag and first class name), each with a link of a
//! few words (a headline, not a menu item; beside such cards, a word will do) and at most a
//! short summary's words, outside the page's navigation, header, footer and asides. Measured on
//! wcxb-dev's listing and collection pages (`tests/corpus.rs`), the held-out fold beside the
//! others, and on every corpus's articles, which must not change.

use super::build::Builder;
use super::patterns::{contains_any, MAYBE_CANDIDATE, UNLIKELY_CANDIDATES};
use super::score::is_site_part;
use crate::article::Block;
use crate::dom::{Dom, NodeId};
use crate::text::word_count;

/// Fewer cards than this are a "related stories" box, not a listing.
const MIN_CARDS: usize = 4;
/// A card with more words than this is an article (or a page) of its own.
const MAX_CARD_WORDS: usize = 150;
/// A story this long is shown as itself, whatever runs of links the page has around it.
const MAX_STORY_WORDS: usize = 400;
/// A card's title link: a headline's words, more than a menu item's.
const MIN_TITLE_WORDS: usize = 3;

/// The page's listing: its cards in order, and their words.
pub struct Listing {
    pub cards: Vec<NodeId>,
    pub words: usize,
}

impl Listing {
    /// Whether the items say more than the story found (`found_words`): twice its words, when
    /// it is shorter than a feature. Chosen on wcxb-dev's development folds (listing pages 0.56
    /// -> 0.63 word F1, collections 0.42 -> 0.49, articles unchanged); a long story's comments
    /// or "more stories" never outweigh it.
    pub fn outweighs(&self, found_words: usize) -> bool {
        found_words < MAX_STORY_WORDS && self.words >= 2 * found_words
    }

    /// Whether the items are most of what the story's container holds (`found_words`): two
    /// thirds of its words or more, and not much beyond them (the same run, found twice).
    pub fn is_most_of(&self, found_words: usize) -> bool {
        3 * self.words >= 2 * found_words && 5 * self.words <= 6 * found_words
    }

    /// The cards as the model: one list item each, its title and summary.
    pub fn build(&self, builder: &Builder) -> Vec<Block> {
        let items = self
            .cards
            .iter()
            .map(|&card| Block::element("li", builder.build(card)))
            .filter(|item| matches!(item, Block::Element(e) if !e.children.is_empty()))
            .collect();
        vec![Block::element("ul", items)]
    }
}

/// The kind of sibling a card is: its tag and first class name.
fn kind(dom: &Dom, node: NodeId) -> Option<(&str, &str)> {
    let tag = dom.tag(node)?;
    let class = dom
        .attr(node, "class")
        .and_then(|c| c.split_whitespace().next())
        .unwrap_or("");
    Some((tag, class))
}

fn is_site_region(dom: &Dom, node: NodeId) -> bool {
    // Readability's test for furniture by class and id (comments, related links, menus), with
    // its rescue for containers named as content.
    let names = dom.class_and_id(node).to_lowercase();
    (contains_any(&names, UNLIKELY_CANDIDATES) && !contains_any(&names, MAYBE_CANDIDATE))
        || is_site_part(dom, node)
}

/// A card's words, when `node` is one: a title link of a headline's words and no more words
/// than a summary's.
fn card_words(dom: &Dom, node: NodeId) -> Option<usize> {
    card_words_titled(dom, node, MIN_TITLE_WORDS)
}

/// A card's words, when `node` is a box of no more words than a summary's with a link of at
/// least `title_words` words.
fn card_words_titled(dom: &Dom, node: NodeId, title_words: usize) -> Option<usize> {
    // Characters first: cheaper than words, and a long box is no card.
    if dom.text_len(node) > MAX_CARD_WORDS * 12 {
        return None;
    }
    let words = word_count(&dom.text_content(node));
    if words > MAX_CARD_WORDS {
        return None;
    }
    let titled = dom.find_all(node, &["a"]).into_iter().any(|link| {
        dom.attr(link, "href")
            .is_some_and(|h| !h.trim().is_empty() && !h.trim_start().starts_with('#'))
            && word_count(&dom.text_content(link)) >= title_words
    });
    titled.then_some(words)
}

/// The largest run of cards under `body` (by their words), with every card of the same kind
/// elsewhere on the page; `None` when no run has `MIN_CARDS`.
pub fn find(dom: &Dom, body: NodeId) -> Option<Listing> {
    // Elements outside the site's regions, in document order.
    let mut open = Vec::new();
    let mut stack = vec![body];
    while let Some(node) = stack.pop() {
        open.push(node);
        for &child in dom.children(node).iter().rev() {
            if dom.is_element(child) && !is_site_region(dom, child) {
                stack.push(child);
            }
        }
    }
    let mut best: Option<((&str, &str), usize)> = None;
    for &parent in &open {
        let children = dom.element_children(parent);
        if children.len() < MIN_CARDS {
            continue;
        }
        let mut runs: Vec<((&str, &str), usize, usize)> = Vec::new();
        for child in children {
            let (Some(kind), Some(words)) = (kind(dom, child), card_words(dom, child)) else {
                continue;
            };
            match runs.iter_mut().find(|(k, _, _)| *k == kind) {
                Some(run) => {
                    run.1 += 1;
                    run.2 += words;
                }
                None => runs.push((kind, 1, words)),
            }
        }
        for (kind, cards, words) in runs {
            if cards >= MIN_CARDS && best.is_none_or(|(_, most)| words > most) {
                best = Some((kind, words));
            }
        }
    }
    let (wanted, _) = best?;
    let titled = cards_of_kind(dom, &open, wanted, &[]);
    if titled.cards.len() < MIN_CARDS {
        return None;
    }
    // Beside its cards, a box of the same kind whose title is a word or two is a card too
    // ("Hooks" in a catalogue's index, a two-word headline). wcxb-dev's development folds:
    // a catalogue's index 0.54 -> 0.91, a shop's category +0.05, a magazine's section -0.001.
    // Marked by node, each looked up at once: a hostile page puts each card in a box of its
    // own (a sorted list, looked up by halves, cost the wasm 4.6 KB more code).
    let mut parents = vec![false; dom.nodes.len()];
    for parent in titled.cards.iter().filter_map(|&c| dom.parent(c)) {
        parents[parent] = true;
    }
    Some(cards_of_kind(dom, &open, wanted, &parents))
}

/// The cards of kind `wanted` among `open`, in document order; a box whose parent `parents`
/// marks (beside a card) needs only a link of a word.
fn cards_of_kind(dom: &Dom, open: &[NodeId], wanted: (&str, &str), parents: &[bool]) -> Listing {
    let mut cards: Vec<NodeId> = Vec::new();
    let mut words = 0;
    for &node in open {
        // In document order a card's insides follow it: only the last card can hold this node
        // (one check each, however many cards a page has).
        if kind(dom, node) != Some(wanted)
            || cards.last().is_some_and(|&c| dom.is_attached_to(node, c))
        {
            continue;
        }
        let beside_cards = dom
            .parent(node)
            .is_some_and(|p| parents.get(p) == Some(&true));
        let title_words = if beside_cards { 1 } else { MIN_TITLE_WORDS };
        if let Some(count) = card_words_titled(dom, node, title_words) {
            cards.push(node);
            words += count;
        }
    }
    Listing { cards, words }
}

#[cfg(test)]
mod tests {
    use crate::extract::PageKind;
    use crate::{extract, Options};

    fn card(n: usize) -> String {
        format!(
            "<div class=card><h3><a href=/story-{n}>Harbour towns count the cost of storm number {n}</a></h3>\
             <p>Residents along the coast began clearing debris on day {n}.</p><time>2 May</time></div>"
        )
    }

    fn front(intro: &str, meta: &str) -> String {
        let cards: String = (1..=8).map(card).collect();
        format!(
            "<html><head>{meta}<title>Coast</title></head><body><nav><a href=/>Home</a> <a href=/coast>Coast</a></nav>\
             <main><h1>Coast</h1>{intro}<section class=grid>{cards}</section></main>\
             <footer><a href=/about>About the Evening Dispatch newsroom</a></footer></body></html>"
        )
    }

    #[test]
    fn a_section_front_reads_as_its_items() {
        let article = extract(
            &front("<p>The latest from the coast.</p>", ""),
            Some("https://news.example/coast"),
            &Options::default(),
        )
        .unwrap();
        assert_eq!(article.kind, PageKind::Listing);
        for n in 1..=8 {
            assert!(
                article
                    .text
                    .contains(&format!("storm number {n}\n\nResidents")),
                "{}",
                article.text
            );
        }
        assert!(!article.text.contains("About the Evening Dispatch"));
    }

    #[test]
    fn a_card_with_a_short_title_beside_the_others_is_one() {
        let short = "<div class=card><h3><a href=/floods>Floods</a></h3>\
            <p>Rivers rose across the valley overnight.</p></div>";
        // Beside the cards, not elsewhere: a box of their kind in the page's other parts.
        let elsewhere = "<aside><div class=card><a href=/tides>Tides</a></div></aside>\
            <div><div class=card><a href=/wind>Wind</a></div></div>";
        let page = front("<p>The latest from the coast.</p>", "")
            .replace(
                "<section class=grid>",
                &format!("<section class=grid>{short}"),
            )
            .replace("</main>", &format!("{elsewhere}</main>"));
        let dom = crate::parse::document(&page);
        let listing = super::find(&dom, dom.body().unwrap()).unwrap();
        let titles: Vec<String> = listing
            .cards
            .iter()
            .map(|&card| dom.text_content(card))
            .collect();
        assert_eq!(titles.len(), 9, "{titles:?}");
        assert!(titles[0].starts_with("Floods"), "{titles:?}");
    }

    #[test]
    fn a_story_or_a_page_that_calls_itself_an_article_is_never_a_listing() {
        let story = format!(
            "<p>{}</p>",
            "The storm took the harbour wall in the night, and by morning the quay was under water. "
                .repeat(6)
        );
        for (intro, meta) in [
            (story.as_str(), ""),
            (
                "<p>The latest.</p>",
                "<meta property='og:type' content='article'>",
            ),
        ] {
            let article = extract(
                &front(intro, meta),
                Some("https://news.example/coast/storm"),
                &Options::default(),
            )
            .unwrap();
            assert_ne!(article.kind, PageKind::Listing, "{meta}");
        }
    }
}
