//! Stage 8, what the page is shown as: a discussion as its posts, where the page marks them up
//! or repeats them in boxes (`thread`, `thread_boxes`); a run of items as a list (`listing`); a
//! product's own description where the story found says too little of it (`product`); and the
//! page's main region where what was found is a sliver of it (`main_region`). Each gives way to
//! the one before it, and what the page says it is (an article, a thread, a product) decides
//! which may run.

use super::anchor::Anchor;
use super::build::Builder;
use super::{listing, main_region, product, readerable, thread, thread_boxes, PageKind};
use crate::article::Block;
use crate::dom::{Dom, NodeId};
use crate::text;

/// What the stages before know of the page.
pub struct Page<'a> {
    pub dom: &'a Dom,
    /// The whole page's builder, for what the story's container may have left out.
    pub whole_page: &'a Builder<'a>,
    /// The story found: the copy of the page it was chosen in, and its container there.
    pub found: Option<(&'a Dom, NodeId)>,
    pub discussion: bool,
    pub product: bool,
    pub declares_article: bool,
    pub product_description: Option<&'a str>,
    pub readerable_min_words: usize,
    pub anchor: Option<&'a Anchor>,
    /// Whether the page has a date (the metadata's, or one shown by its headline).
    pub dated: bool,
}

/// What the page is shown as.
pub struct Shown {
    pub content: Vec<Block>,
    /// `Thread` or `Listing` where the page is shown as one; else its kind is judged later.
    pub kind: Option<PageKind>,
    /// A thread's first post's day, which dates a thread that gives no date of its own.
    pub first_post_date: Option<String>,
    /// A thread's first post's author, who signs a thread whose metadata names no one.
    pub first_post_author: Option<String>,
}

/// The page as it is shown, from `content`, the story found.
pub fn choose(page: &Page<'_>, mut content: Vec<Block>) -> Shown {
    let Page {
        dom,
        whole_page,
        found,
        discussion,
        product,
        declares_article,
        product_description,
        readerable_min_words,
        anchor,
        dated,
    } = *page;
    let body = dom.body();
    //    A discussion as its posts, where the page marks them up; a listing as its items, where
    //    they hold more than the story found (see `listing`).
    let mut shown_as = None;
    // A thread's first post's day, which dates a thread that gives no date of its own.
    let mut first_post_date = None;
    let mut first_post_author = None;
    // The cards shown in place of the story found, when they are (their ids are the page's).
    let mut shown_cards = None;
    if let (true, Some(body)) = (discussion, body) {
        // The posts as the page marks them up, else as its repeated boxes around the text found.
        //    The boxes stand in for the story only where it is a part of them: where they say
        //    less than 1.6 times its words, it held the thread already (wcxb-dev's development
        //    folds: the threads that gain say 1.6-6 times the story found; a board's page of
        //    messages found whole, then read as the page's layout boxes, said 1.5 times, 0.66
        //    -> 0.47; a question whose answers said 1.52 times gained 0.03).
        let posts = thread::posts(whole_page, body).or_else(|| {
            let found = found.map(|(selected, content)| page_nodes(dom, selected, content))?;
            let found_words = text::word_count(&text::to_text(&content));
            thread_boxes::repeated_posts(whole_page, body, &found).filter(|posts| {
                5 * text::word_count(&text::to_text(&posts.blocks)) >= 8 * found_words
            })
        });
        if let Some(posts) = posts {
            content = posts.blocks;
            first_post_date = posts.first_date;
            first_post_author = posts.first_author;
            shown_as = Some(PageKind::Thread);
        }
    }
    //    A page that calls itself an article or a product is never shown as a listing.
    if let (None, false, Some(body)) = (shown_as, product || declares_article, body) {
        if let Some(items) = listing::find(dom, body) {
            let found_words = text::word_count(&text::to_text(&content));
            let prose = readerable::has_running_prose(&content, readerable_min_words);
            if !prose && items.outweighs(found_words) {
                content = items.build(whole_page);
                shown_as = Some(PageKind::Listing);
                shown_cards = Some(items.cards.clone());
            } else if items.is_most_of(found_words) {
                // The story's container already is the run of items.
                shown_as = Some(PageKind::Listing);
            }
        }
    }
    //    One product's page: its own description, where the story found is no prose and says
    //    too little of it.
    if let (None, Some(description), Some(body)) = (shown_as, product_description, body) {
        if !readerable::has_running_prose(&content, readerable_min_words)
            && product::misses(&text::to_text(&content), description)
        {
            content = product::description_block(whole_page, body, description);
        }
    }
    // A page that says it is an article, a thread or a product is shown as the stages above
    // found it. A listing's cards may still give way to the region around them, which holds
    // them (wcxb-dev's listings and collections gained by it); the kind stays `listing`.
    let says_what_it_is = shown_as == Some(PageKind::Thread) || product || declares_article;
    if let (false, Some(body)) = (says_what_it_is, body) {
        let prose = readerable::has_running_prose(&content, readerable_min_words);
        // The shown text's own nodes, by the page's ids: a listing's cards, or what the
        // selection moved into a container of its own (nodes it made have ids past the page's).
        let found_nodes: Vec<_> = shown_cards.unwrap_or_else(|| {
            found
                .map(|(selected, content)| page_nodes(dom, selected, content))
                .unwrap_or_default()
        });
        // A date, or found text that holds the headline or begins just under it, makes the page
        // a story or a post, whose body around it is the site's (the next story loaded below
        // it, a sidebar): the region stage does not read its body in place of a region it lacks.
        let story_signs =
            dated || anchor.is_some_and(|a| found_nodes.iter().any(|&node| a.holds(node)));
        if let Some(region) = main_region::instead_of(
            dom,
            body,
            &content,
            &found_nodes,
            prose,
            story_signs,
            whole_page,
        ) {
            content = region;
        }
    }
    Shown {
        content,
        kind: shown_as,
        first_post_date,
        first_post_author,
    }
}

/// The elements the story found holds, by the page's ids, outermost first (`content` is the
/// selection's own container in `selected`, a copy of `dom`; nodes the selection made, such as
/// paragraphs around loose text, have ids past the page's and are looked into).
fn page_nodes(dom: &Dom, selected: &Dom, content: NodeId) -> Vec<NodeId> {
    let mut nodes = Vec::new();
    let mut stack: Vec<NodeId> = selected.children(content).iter().rev().copied().collect();
    while let Some(node) = stack.pop() {
        if !selected.is_element(node) {
            continue;
        }
        if node < dom.nodes.len() {
            nodes.push(node);
        } else {
            stack.extend(selected.children(node).iter().rev());
        }
    }
    nodes
}
