//! Measures shared by the selection and cleaning stages: class weight, link density, text
//! density, visibility, and the content score of a paragraph.

use super::patterns::{contains_any, has_token, COMMAS, NEGATIVE, NEGATIVE_TOKENS, POSITIVE};
use crate::dom::{Dom, NodeId, NodeKind, TextRun};
use std::cell::RefCell;
use std::collections::HashMap;

/// Readability's retry flags: each retry drops one, loosening the rules.
#[derive(Debug, Clone, Copy)]
pub struct Flags {
    pub strip_unlikelys: bool,
    pub weight_classes: bool,
    pub clean_conditionally: bool,
}

impl Flags {
    pub const ALL: Flags = Flags {
        strip_unlikelys: true,
        weight_classes: true,
        clean_conditionally: true,
    };

    /// The next looser set of rules, or `None` when every flag is already off.
    pub fn loosen(self) -> Option<Flags> {
        if self.strip_unlikelys {
            Some(Flags {
                strip_unlikelys: false,
                ..self
            })
        } else if self.weight_classes {
            Some(Flags {
                weight_classes: false,
                ..self
            })
        } else if self.clean_conditionally {
            Some(Flags {
                clean_conditionally: false,
                ..self
            })
        } else {
            None
        }
    }
}

/// ±25 for positive or negative words in the class, and again in the id.
pub fn class_weight(dom: &Dom, node: NodeId, flags: Flags) -> f64 {
    if !flags.weight_classes {
        return 0.0;
    }
    ["class", "id"]
        .iter()
        .filter_map(|name| dom.attr(node, name))
        .map(value_weight)
        .sum()
}

thread_local! {
    /// Weights of the class and id values seen so far: a page repeats a few dozen values
    /// across thousands of elements, and each is weighed once instead of per element.
    static VALUE_WEIGHTS: RefCell<HashMap<String, f64>> = RefCell::new(HashMap::new());
}

/// −25 for a negative pattern, +25 for a positive one, both or neither.
fn value_weight(value: &str) -> f64 {
    if value.is_empty() {
        return 0.0;
    }
    if let Some(weight) = VALUE_WEIGHTS.with(|cache| cache.borrow().get(value).copied()) {
        return weight;
    }
    let lower = value.to_lowercase();
    let mut weight = 0.0;
    if contains_any(&lower, NEGATIVE) || has_token(&lower, NEGATIVE_TOKENS) {
        weight -= 25.0;
    }
    if contains_any(&lower, POSITIVE) {
        weight += 25.0;
    }
    VALUE_WEIGHTS.with(|cache| {
        let mut cache = cache.borrow_mut();
        if cache.len() >= 4096 {
            cache.clear();
        }
        cache.insert(value.to_string(), weight);
    });
    weight
}

/// The starting score of a candidate container, by tag, plus its class weight.
pub fn initial_score(dom: &Dom, node: NodeId, flags: Flags) -> f64 {
    let by_tag = match dom.tag(node).unwrap_or("") {
        "div" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    by_tag + class_weight(dom, node, flags)
}

/// Share of the text that sits inside links; in-page `#` links count for 30%.
///
/// Lengths are of whitespace-collapsed text, as `Dom::text_len` measures them, and a link
/// inside a link counts for both (Readability sums over `getElementsByTagName("a")`). One walk
/// measures the node and all its links: this runs for every candidate and was a quarter of the
/// extraction time when it measured each link separately (callgrind, Zyte page e372e42c).
pub fn link_density(dom: &Dom, node: NodeId) -> f64 {
    struct OpenLink {
        coefficient: f64,
        chars: usize,
        words: usize,
        in_word: bool,
    }
    enum Step {
        Enter(NodeId),
        LeaveLink,
    }
    let (mut chars, mut words, mut in_word) = (0usize, 0usize, false);
    let mut open: Vec<OpenLink> = Vec::new();
    let mut link_length = 0.0;
    let mut stack = vec![Step::Enter(node)];
    while let Some(step) = stack.pop() {
        let id = match step {
            Step::LeaveLink => {
                if let Some(link) = open.pop() {
                    link_length +=
                        (link.chars + link.words.saturating_sub(1)) as f64 * link.coefficient;
                }
                continue;
            }
            Step::Enter(id) => id,
        };
        if let NodeKind::Text(text) = &dom.nodes[id].kind {
            for c in text.chars() {
                let white = c.is_whitespace();
                if !white {
                    if !in_word {
                        words += 1;
                    }
                    chars += 1;
                }
                in_word = !white;
                for link in open.iter_mut() {
                    if !white {
                        if !link.in_word {
                            link.words += 1;
                        }
                        link.chars += 1;
                    }
                    link.in_word = !white;
                }
            }
            continue;
        }
        if id != node && dom.is_tag(id, "a") {
            let in_page = dom.attr(id, "href").is_some_and(|h| h.starts_with('#'));
            open.push(OpenLink {
                coefficient: if in_page { 0.3 } else { 1.0 },
                chars: 0,
                words: 0,
                in_word: false,
            });
            stack.push(Step::LeaveLink);
        }
        stack.extend(dom.children(id).iter().rev().map(|&c| Step::Enter(c)));
    }
    let text_length = chars + words.saturating_sub(1);
    if text_length == 0 {
        return 0.0;
    }
    link_length / text_length as f64
}

/// Share of the text inside descendants with one of `tags`.
/// Text length and link density of every node of a subtree, computed bottom-up in one pass:
/// equal to `Dom::text_len` and [`link_density`] for any node whose subtree has not changed since.
/// Cleaning asks both of nested candidates; measuring each from scratch walks the page once per
/// level of nesting.
pub struct Measures {
    text: Vec<TextRun>,
    /// Weighted link text inside each node (its own `<a>` not counted, as in `link_density`).
    links: Vec<f64>,
}

impl Measures {
    pub fn of(dom: &Dom, root: NodeId) -> Measures {
        let mut text = vec![TextRun::default(); dom.nodes.len()];
        let mut links = vec![0.0; dom.nodes.len()];
        for node in dom.descendants(root).into_iter().rev() {
            if let NodeKind::Text(value) = &dom.nodes[node].kind {
                text[node] = dom.text_run(node, value);
                continue;
            }
            let mut run = TextRun::default();
            let mut inner_links = 0.0;
            for &child in dom.children(node) {
                run = run.then(text[child]);
                inner_links += links[child];
                if dom.is_tag(child, "a") {
                    let in_page = dom.attr(child, "href").is_some_and(|h| h.starts_with('#'));
                    inner_links += text[child].length() as f64 * if in_page { 0.3 } else { 1.0 };
                }
            }
            text[node] = run;
            links[node] = inner_links;
        }
        Measures { text, links }
    }

    pub fn text_len(&self, node: NodeId) -> usize {
        self.text[node].length()
    }

    /// The text length of `node`, or `None` for a node made after the measure.
    pub fn text_len_if_measured(&self, node: NodeId) -> Option<usize> {
        self.text.get(node).map(|run| run.length())
    }

    pub fn link_density(&self, node: NodeId) -> f64 {
        match self.text_len(node) {
            0 => 0.0,
            length => self.links[node] / length as f64,
        }
    }
}

/// The score a paragraph hands to its ancestors: one point, one per comma-separated piece,
/// one per 100 characters up to three.
#[cfg(test)]
pub fn paragraph_score(text: &str) -> f64 {
    let commas = text.chars().filter(|c| COMMAS.contains(c)).count();
    score_of_paragraph(text.chars().count(), commas)
}

/// The paragraph's score from its collapsed text's length and its commas.
pub fn score_of_paragraph(length: usize, commas: usize) -> f64 {
    1.0 + (commas + 1) as f64 + (length / 100).min(3) as f64
}

/// The commas (of every script) in the text under `node`.
pub fn commas_in(dom: &Dom, node: NodeId) -> usize {
    let mut count = 0;
    let mut stack = vec![node];
    while let Some(current) = stack.pop() {
        match dom.text_of(current) {
            Some(text) => count += text.chars().filter(|c| COMMAS.contains(c)).count(),
            None => stack.extend(dom.children(current)),
        }
    }
    count
}

/// One of the site's own parts (`SITE_PART_TAGS`, `SITE_PART_ROLES`), or hidden.
pub fn is_site_part(dom: &Dom, node: NodeId) -> bool {
    use super::patterns::{SITE_PART_ROLES, SITE_PART_TAGS};
    dom.tag(node)
        .is_some_and(|tag| SITE_PART_TAGS.contains(&tag))
        || dom
            .attr(node, "role")
            .is_some_and(|role| SITE_PART_ROLES.contains(&role.trim()))
        || !is_probably_visible(dom, node)
}

/// Hidden by `hidden`, `aria-hidden`, or an inline `display:none` / `visibility:hidden`.
pub fn is_probably_visible(dom: &Dom, node: NodeId) -> bool {
    if dom.attr(node, "style").is_some_and(style_hides) {
        return false;
    }
    if dom.attr(node, "hidden").is_some() {
        return false;
    }
    if dom.attr(node, "aria-hidden") == Some("true")
        && !dom
            .attr(node, "class")
            .is_some_and(|c| c.contains("fallback-image"))
    {
        return false;
    }
    true
}

/// Whether an inline style hides its element (`display: none`, `visibility: hidden`).
pub fn style_hides(style: &str) -> bool {
    let compact: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    compact.contains("display:none") || compact.contains("visibility:hidden")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_density_counts_link_text() {
        let dom =
            crate::parse::document(r#"<body><div id=d>four <a href="/x">link</a></div></body>"#);
        let div = dom.find_all(0, &["div"])[0];
        assert!((link_density(&dom, div) - 4.0 / 9.0).abs() < 1e-9);
    }

    #[test]
    fn measures_equal_measuring_each_node() {
        let html = r##"<body><div id=top> A <b>bold</b>word <a href="/x">one link</a><a href="#y">in page</a>
            <p>para<span>graph</span> <em> </em>end</p><ul><li><a href="/z">item <i>x</i></a></li><li>two</li></ul>
            <div><a href="/n"><a href="/m">nested</a> links</a></div>text</div></body>"##;
        let dom = crate::parse::document(html);
        let top = dom
            .find_first(0, |d, n| d.attr(n, "id") == Some("top"))
            .unwrap();
        let measures = Measures::of(&dom, top);
        for node in dom.descendants(top) {
            assert_eq!(
                measures.text_len(node),
                dom.text_len(node),
                "text of {:?}",
                dom.tag(node)
            );
            if dom.is_element(node) {
                assert!(
                    (measures.link_density(node) - link_density(&dom, node)).abs() < 1e-12,
                    "links of {:?}",
                    dom.tag(node)
                );
            }
        }
    }

    #[test]
    fn link_density_matches_measuring_each_link() {
        let dom = crate::parse::document(
            r##"<body><div>Some  text <a href="/a">a long <b>link</b></a> and <a href="#x">in page</a>
               <p><a href="/n">outer <a href="/m">inner</a></a> tail</p></div></body>"##,
        );
        let div = dom.find_all(0, &["div"])[0];
        let by_links: f64 = dom
            .find_all(div, &["a"])
            .iter()
            .map(|&a| {
                let weight = if dom.attr(a, "href").unwrap().starts_with('#') {
                    0.3
                } else {
                    1.0
                };
                dom.text_len(a) as f64 * weight
            })
            .sum::<f64>()
            / dom.text_len(div) as f64;
        assert!((link_density(&dom, div) - by_links).abs() < 1e-12);
    }

    #[test]
    fn class_weight_reads_class_and_id() {
        let dom =
            crate::parse::document(r#"<body><div class="article-body" id="sidebar"></div></body>"#);
        let div = dom.find_all(0, &["div"])[0];
        assert_eq!(class_weight(&dom, div, Flags::ALL), 0.0);
        let dom = crate::parse::document(r#"<body><div class="post-content"></div></body>"#);
        let div = dom.find_all(0, &["div"])[0];
        assert_eq!(class_weight(&dom, div, Flags::ALL), 25.0);
    }

    #[test]
    fn paragraph_score_rewards_commas_and_length() {
        assert_eq!(paragraph_score("a, b, c"), 4.0);
        assert_eq!(paragraph_score(&"x".repeat(450)), 5.0);
        let dom = crate::parse::document("<body><p>a, b，<b>c、</b> d</p></body>");
        let p = dom.find_all(0, &["p"])[0];
        let text = dom.inner_text(p);
        assert_eq!(
            score_of_paragraph(dom.text_len(p), commas_in(&dom, p)),
            paragraph_score(&text)
        );
    }
}
