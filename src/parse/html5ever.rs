//! The general parser: html5ever (through scraper, the same algorithm browsers use), its tree
//! copied into the arena. For the pages the fast parser hands over, a few in a hundred.

use crate::dom::{Dom, NodeKind, ROOT};
use scraper::Html;
use std::rc::Rc;

/// Parse `html` with html5ever, re-attaching elements deeper than `max_depth` to their
/// ancestor at that depth.
pub fn with_html5ever(html: &str, max_depth: usize) -> Dom {
    let parsed = Html::parse_document(html);
    from_scraper(&parsed, max_depth)
}

fn from_scraper(parsed: &Html, max_depth: usize) -> Dom {
    let mut dom = Dom::empty(parsed.tree.nodes().len());
    // (source node, parent in the arena, its depth); children are pushed in reverse so
    // they pop in document order.
    let mut stack = Vec::new();
    for child in parsed.tree.root().children().rev() {
        stack.push((child, ROOT, 0));
    }
    while let Some((source, parent, depth)) = stack.pop() {
        let kind = match source.value() {
            scraper::Node::Element(element) => NodeKind::Element {
                tag: Rc::from(element.name()),
                attrs: Rc::new(
                    element
                        .attrs()
                        .map(|(name, value)| (Rc::from(name), value.to_string()))
                        .collect(),
                ),
            },
            scraper::Node::Text(text) => NodeKind::Text(Rc::from(&**text)),
            _ => continue,
        };
        // Past the limit, elements are dropped and their children adopted by `parent`.
        let flatten = depth >= max_depth && matches!(kind, NodeKind::Element { .. });
        let (id, child_depth) = if flatten {
            (parent, depth)
        } else {
            (dom.push(kind, Some(parent)), depth + 1)
        };
        for child in source.children().rev() {
            stack.push((child, id, child_depth));
        }
    }
    dom.seal()
}
