//! Stage 6, first half: the walk. One pass over the page in document order that drops what
//! cannot be content (hidden boxes, overlays, furniture by class and role, the headline repeated,
//! empty blocks), takes the byline it meets, turns text-only `<div>`s into paragraphs, and
//! returns the elements whose text `select` scores.

use super::byline_on_page::{byline_text, is_valid_byline};
use super::patterns::{
    contains_any, DIV_TO_P_ELEMS, MAYBE_CANDIDATE, TAGS_TO_SCORE, UNLIKELY_CANDIDATES,
    UNLIKELY_ROLES,
};
use super::prepare::is_phrasing_content;
use super::score::{is_probably_visible, link_density, Flags, Measures};
use super::title::text_similarity;
use crate::dom::{Dom, NodeId, ROOT};
use std::collections::HashMap;
use std::rc::Rc;

/// What the walk needs to know from earlier stages.
pub struct Context<'a> {
    pub title: &'a str,
    /// Where the headline stands on the page as it was before any attempt (node ids are the
    /// same in every attempt's copy).
    pub anchor: Option<&'a super::anchor::Anchor>,
    /// The byline element beside the headline (`byline_beside_headline`), taken out of each
    /// attempt's copy before its walk.
    pub header_byline: Option<NodeId>,
    /// The byline the page's metadata gives, as the page wrote it (when there is one, the walk
    /// does not look for another).
    pub metadata_byline: Option<&'a str>,
    /// How many of the best-scoring candidates `select` compares (`Options::top_candidates`).
    pub top_candidates: usize,
    /// The page says it is an article (`Metadata::declares_article`): its story is the one
    /// under its headline.
    pub declares_article: bool,
}

/// The next element in document order; with `skip_children`, the subtree of `node` is skipped.
fn next_node(dom: &Dom, node: NodeId, skip_children: bool) -> Option<NodeId> {
    if !skip_children {
        if let Some(&first) = dom.children(node).iter().find(|&&c| dom.is_element(c)) {
            return Some(first);
        }
    }
    let mut current = node;
    loop {
        if let Some(next) = dom.next_element_sibling(current) {
            return Some(next);
        }
        current = dom.parent(current)?;
        if current == ROOT {
            return None;
        }
    }
}

fn remove_and_get_next(dom: &mut Dom, node: NodeId) -> Option<NodeId> {
    let next = next_node(dom, node, true);
    dom.detach(node);
    next
}

/// Layers drawn over the page — `position: fixed` boxes and popovers: cookie banners, sticky
/// bars, chat widgets, and a hostile page's fake reader view. An article scrolls with its page.
fn is_overlay(dom: &Dom, node: NodeId) -> bool {
    dom.attr(node, "popover").is_some()
        || dom.attr(node, "style").is_some_and(|style| {
            // Most styles say nothing of position: those are answered without a copy.
            let fixed = style
                .as_bytes()
                .windows(5)
                .any(|w| w.eq_ignore_ascii_case(b"fixed"));
            if !fixed {
                return false;
            }
            let compact: String = style
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_ascii_lowercase();
            compact.contains("position:fixed")
        })
}

/// The page's text lengths, measured once before the walk: the walk asks them of wrappers at
/// every level of a page, and measuring each subtree again would be quadratic.
struct PageText {
    measures: Measures,
    total: usize,
}

impl PageText {
    fn of(dom: &Dom) -> PageText {
        let measures = Measures::of(dom, ROOT);
        let total = measures.text_len(ROOT);
        PageText { measures, total }
    }

    /// Whether `node` held at least `share` of the page's text before the walk (a node the
    /// walk made holds none).
    fn holds(&self, node: NodeId, share: f64) -> bool {
        let length = self.measures.text_len_if_measured(node).unwrap_or(0);
        self.total > 0 && length as f64 >= share * self.total as f64
    }

    /// Whether `node`, hidden or named like a sidebar or header, is the page's frame: it holds
    /// four fifths of the page's text, or, where the headline is known, half of it and the
    /// headline. Layouts name their wrappers so ("…-with-sidebar", "…with_header") and hide
    /// the whole body until their script runs; a comments box that long holds no headline.
    fn is_frame(&self, dom: &Dom, node: NodeId, anchor: Option<&super::anchor::Anchor>) -> bool {
        match anchor {
            Some(anchor) => self.holds(node, 0.5) && anchor.encloses_headline(dom, node),
            None => self.holds(node, 0.8),
        }
    }
}

/// Text is empty and the only children are `<br>` / `<hr>`.
fn is_element_without_content(dom: &Dom, node: NodeId) -> bool {
    if dom.has_visible_text(node) {
        return false;
    }
    let children = dom.element_children(node);
    children
        .iter()
        .all(|&c| dom.is_tag(c, "br") || dom.is_tag(c, "hr"))
}

fn has_single_tag_inside(dom: &Dom, node: NodeId, tag: &str) -> bool {
    let children = dom.element_children(node);
    if children.len() != 1 || !dom.is_tag(children[0], tag) {
        return false;
    }
    !dom.children(node)
        .iter()
        .any(|&c| dom.text_of(c).is_some_and(|t| !t.trim().is_empty()))
}

fn has_child_block_element(dom: &Dom, node: NodeId) -> bool {
    // Stops at the first block: asked of every div, most of which hold blocks early on.
    dom.children(node).iter().any(|&child| {
        dom.find_first(child, |d, n| {
            d.tag(n).is_some_and(|t| DIV_TO_P_ELEMS.contains(&t))
        })
        .is_some()
    })
}

fn header_duplicates_title(dom: &Dom, node: NodeId, title: &str) -> bool {
    if !(dom.is_tag(node, "h1") || dom.is_tag(node, "h2")) || title.is_empty() {
        return false;
    }
    text_similarity(title, &dom.inner_text(node)) > super::anchor::HEADLINE_SIMILARITY
}

/// Wrap runs of phrasing content directly inside a `<div>` into `<p>`s: a run starts at its
/// first child that is not whitespace, and a run a block ends loses its trailing whitespace.
/// The div's children are regrouped in one pass (`Dom::set_children`).
fn wrap_phrasing_runs(dom: &mut Dom, div: NodeId) {
    let children = dom.children(div).to_vec();
    let mut regrouped = Vec::with_capacity(children.len());
    let mut run: Vec<NodeId> = Vec::new();
    for child in children {
        if is_phrasing_content(dom, child) {
            if !run.is_empty() || !dom.is_whitespace_text(child) {
                run.push(child);
            } else {
                regrouped.push(child);
            }
            continue;
        }
        if !run.is_empty() {
            while run.last().is_some_and(|&last| dom.is_whitespace_text(last)) {
                let last = run.pop().expect("the run's last child");
                dom.nodes[last].parent = None;
            }
            regrouped.push(paragraph_of(dom, std::mem::take(&mut run)));
        }
        regrouped.push(child);
    }
    if !run.is_empty() {
        regrouped.push(paragraph_of(dom, run));
    }
    dom.set_children(div, regrouped);
}

/// A new `<p>` holding `run`.
fn paragraph_of(dom: &mut Dom, run: Vec<NodeId>) -> NodeId {
    let p = dom.create_element("p");
    dom.set_children(p, run);
    p
}

/// One pass of the walk: removes junk, returns the elements whose text is scored and a
/// byline found on the way.
pub(super) fn walk(
    dom: &mut Dom,
    context: &Context,
    flags: Flags,
) -> (Vec<NodeId>, Option<String>) {
    let mut to_score = Vec::new();
    let mut byline = None;
    let mut should_remove_title_header = true;
    // Class and id strings repeat across a page's elements: each distinct one is lowercased
    // and matched against the unlikely-candidate patterns once (the patterns were a sixth of
    // the extraction's instructions when matched per element).
    let mut seen: HashMap<String, (Rc<str>, bool)> = HashMap::new();
    let mut node = dom.find_first(ROOT, |d, n| d.is_tag(n, "html"));
    let page_text = PageText::of(dom);
    while let Some(current) = node {
        let tag = dom.tag_shared(current).unwrap_or_else(|| "".into());
        let (match_string, unlikely) = seen
            .entry(dom.class_and_id(current))
            .or_insert_with_key(|raw| {
                let lower = raw.to_lowercase();
                let unlikely = contains_any(&lower, UNLIKELY_CANDIDATES)
                    && !contains_any(&lower, MAYBE_CANDIDATE);
                (Rc::from(lower), unlikely)
            })
            .clone();

        // A page that hides its whole body until its script runs (against a flash of
        // unstyled content) is read as it will be shown.
        if !is_probably_visible(dom, current) && !page_text.holds(current, 0.8) {
            node = remove_and_get_next(dom, current);
            continue;
        }
        if (dom.attr(current, "aria-modal") == Some("true")
            && dom.attr(current, "role") == Some("dialog"))
            || is_overlay(dom, current)
        {
            node = remove_and_get_next(dom, current);
            continue;
        }
        if byline.is_none()
            && context.metadata_byline.is_none()
            && is_valid_byline(dom, current, &match_string)
        {
            byline = Some(byline_text(dom, current));
            node = remove_and_get_next(dom, current);
            continue;
        }
        if should_remove_title_header && header_duplicates_title(dom, current, context.title) {
            should_remove_title_header = false;
            node = remove_and_get_next(dom, current);
            continue;
        }
        if flags.strip_unlikelys {
            if unlikely
                && !dom.has_ancestor_tag(current, "table", 3)
                && !dom.has_ancestor_tag(current, "code", 3)
                && &*tag != "body"
                && &*tag != "a"
                && !page_text.is_frame(dom, current, context.anchor)
            {
                node = remove_and_get_next(dom, current);
                continue;
            }
            if dom
                .attr(current, "role")
                .is_some_and(|r| UNLIKELY_ROLES.contains(&r))
            {
                node = remove_and_get_next(dom, current);
                continue;
            }
        }
        if matches!(
            &*tag,
            "div" | "section" | "header" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
        ) && is_element_without_content(dom, current)
        {
            node = remove_and_get_next(dom, current);
            continue;
        }
        if TAGS_TO_SCORE.contains(&&*tag) {
            to_score.push(current);
        }
        let mut current = current;
        if &*tag == "div" {
            wrap_phrasing_runs(dom, current);
            // A div around a single paragraph is that paragraph.
            if has_single_tag_inside(dom, current, "p") && link_density(dom, current) < 0.25 {
                let child = dom.element_children(current)[0];
                dom.replace(current, child);
                current = child;
                to_score.push(current);
            } else if !has_child_block_element(dom, current) {
                dom.rename(current, "p");
                to_score.push(current);
            }
        }
        node = next_node(dom, current, false);
    }
    (to_score, byline)
}

#[cfg(test)]
mod tests {
    use super::wrap_phrasing_runs;
    use crate::dom::Dom;

    fn wrapped(inner: &str) -> String {
        let mut dom = crate::parse::document(&format!("<body><div id=d>{inner}</div></body>"));
        let div = dom
            .find_first(0, |d, n| d.attr(n, "id") == Some("d"))
            .unwrap();
        wrap_phrasing_runs(&mut dom, div);
        shape(&dom, div)
    }

    /// The tags and texts under `node`, brackets for children.
    fn shape(dom: &Dom, node: usize) -> String {
        if let Some(text) = dom.text_of(node) {
            return format!("{text:?}");
        }
        let inner: Vec<String> = dom.children(node).iter().map(|&c| shape(dom, c)).collect();
        format!("{}[{}]", dom.tag(node).unwrap_or("?"), inner.join(","))
    }

    #[test]
    fn runs_of_phrasing_content_become_paragraphs() {
        assert_eq!(
            wrapped(" <b>One</b> two <span>three</span> <p>Block</p> four "),
            r#"div[" ",p[b["One"]," two ",span["three"]],p["Block"],p[" four "]]"#
        );
    }

    #[test]
    fn a_long_run_is_regrouped_with_every_child_in_its_place() {
        let spans: String = (0..2_000).map(|i| format!("<span>{i}</span>")).collect();
        let mut dom =
            crate::parse::document(&format!("<body><div id=d>{spans}<p>End</p></div></body>"));
        let div = dom
            .find_first(0, |d, n| d.attr(n, "id") == Some("d"))
            .unwrap();
        wrap_phrasing_runs(&mut dom, div);
        let p = dom.children(div)[0];
        assert_eq!(dom.children(p).len(), 2_000);
        for (at, &span) in dom.children(p).iter().enumerate() {
            assert_eq!(dom.parent(span), Some(p));
            assert_eq!(dom.position_in_parent(span), Some((p, at)));
        }
        assert_eq!(dom.parent(p), Some(div));
    }
}
