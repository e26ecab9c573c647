//! Stage 4: whether the page is an article at all (Readability's `isProbablyReaderable`): enough
//! visible paragraphs of real length outside page furniture.

use super::patterns::{contains_any, MAYBE_CANDIDATE, UNLIKELY_CANDIDATES};
use super::score::is_probably_visible;
use crate::dom::{Dom, ROOT};
use crate::Options;

pub fn is_probably_readerable(dom: &Dom, options: &Options) -> bool {
    // One walk: paragraphs, and the divs holding text broken by <br> (which count as
    // paragraphs too, after them, each once).
    let found = dom.find_all(ROOT, &["p", "pre", "article", "br"]);
    let mut nodes: Vec<_> = found
        .iter()
        .copied()
        .filter(|&n| !dom.is_tag(n, "br"))
        .collect();
    let mut counted = vec![false; dom.nodes.len()];
    for &br in found.iter().filter(|&&n| dom.is_tag(n, "br")) {
        if let Some(parent) = dom.parent(br) {
            if dom.is_tag(parent, "div") && !std::mem::replace(&mut counted[parent], true) {
                nodes.push(parent);
            }
        }
    }
    let mut score = 0.0;
    for node in nodes {
        if !is_probably_visible(dom, node) {
            continue;
        }
        let match_string = dom.class_and_id(node).to_lowercase();
        if contains_any(&match_string, UNLIKELY_CANDIDATES)
            && !contains_any(&match_string, MAYBE_CANDIDATE)
        {
            continue;
        }
        if dom.is_tag(node, "p") && dom.has_ancestor_tag(node, "li", 0) {
            continue;
        }
        let length = dom.text_content(node).trim().chars().count();
        if length < options.readerable_min_content_length {
            continue;
        }
        score += ((length - options.readerable_min_content_length) as f64).sqrt();
        if score > options.readerable_min_score {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_paragraphs_are_readerable_and_menus_are_not() {
        let paragraph = format!("<p>{}</p>", "word ".repeat(80));
        let article = format!("<body>{}</body>", paragraph.repeat(3));
        assert!(is_probably_readerable(
            &crate::parse::document(&article),
            &Options::default()
        ));
        let menu = format!(
            "<body>{}</body>",
            paragraph.replace("<p>", "<p class=menu>").repeat(3)
        );
        assert!(!is_probably_readerable(
            &crate::parse::document(&menu),
            &Options::default()
        ));
        assert!(!is_probably_readerable(
            &crate::parse::document("<body><p>short</p></body>"),
            &Options::default()
        ));
    }
}
