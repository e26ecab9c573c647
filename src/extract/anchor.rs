//! Stage 6's sense of place: where the page's headline stands. A page can hold more than one
//! story (the next one loaded below, teasers with their summaries, a long comment thread), and
//! the longest is not always the one the reader opened; the one they opened starts under its
//! headline. Known by text offsets in document order, so it still answers once the walk has
//! removed the headline itself.

use super::score::is_probably_visible;
use super::title::text_similarity;
use crate::dom::{Dom, NodeId, ROOT};

/// How alike a heading and the headline must be; the walk's check for the headline repeated
/// in the body uses the same.
pub(super) const HEADLINE_SIMILARITY: f64 = 0.75;
/// How alike a heading and the title must be to date the page by (`Anchor::find_loosely`).
const LOOSE_HEADLINE_SIMILARITY: f64 = 0.5;
/// Most text between the headline's end and the story's start: a byline, a date, a caption.
const MAX_GAP_CHARS: usize = 400;
/// Most text between a byline set above the headline and the headline (a kicker, a date).
const MAX_BYLINE_LEAD_CHARS: usize = 200;
/// Most text between the headline and a dateline after it: a story's length ("Erstellt am …"
/// lines end some).
const MAX_DATELINE_CHARS: usize = 5000;
/// Most text between the headline and the story's container for what lies between to be the
/// story's opening (a standfirst, a first paragraph set apart): more is a page's furniture.
const MAX_OPENING_GAP_CHARS: usize = 1500;
/// Fewest words of an opening paragraph: a byline, a date or a kicker is shorter.
const MIN_OPENING_WORDS: usize = 8;
/// Fewest characters (not counting spaces) a node needs to be looked at as one: eight
/// two-letter words, or a short CJK sentence.
const MIN_OPENING_CHARS: usize = 12;

/// How far after the headline a dateline is looked for.
#[derive(Clone, Copy)]
pub enum DatelineReach {
    /// Anywhere the story's dateline may stand, down to its end (`MAX_DATELINE_CHARS`).
    Story,
    /// The headline's own lines, where the byline and the date stand (`MAX_GAP_CHARS`).
    HeadlineLines,
}

impl DatelineReach {
    fn after(self) -> usize {
        match self {
            DatelineReach::Story => MAX_DATELINE_CHARS,
            DatelineReach::HeadlineLines => MAX_GAP_CHARS,
        }
    }
}

pub struct Anchor {
    /// Characters of text before each node, in document order, and within it.
    before: Vec<usize>,
    within: Vec<usize>,
    headline: NodeId,
}

impl Anchor {
    /// The first visible `<h1>` (else `<h2>`) that reads as the headline.
    pub fn find(dom: &Dom, title: &str) -> Option<Anchor> {
        Self::find_among(dom, title, &["h1", "h2"], HEADLINE_SIMILARITY)
    }

    /// Where the page's dateline may be read from when `find` finds no headline: the first
    /// heading down to `<h3>` (a blog's post title) more than half of whose text is the title's
    /// words (a headline that says "(With Confidence!)" where its title says ": A Beginner's
    /// Guide"). Only the date is read by it: the story is found without a headline.
    pub fn find_loosely(dom: &Dom, title: &str) -> Option<Anchor> {
        Self::find_among(dom, title, &["h1", "h2", "h3"], LOOSE_HEADLINE_SIMILARITY)
    }

    fn find_among(dom: &Dom, title: &str, tags: &[&str], similarity: f64) -> Option<Anchor> {
        if title.is_empty() {
            return None;
        }
        let headline = tags.iter().find_map(|tag| {
            dom.find_all(ROOT, &[tag]).into_iter().find(|&h| {
                is_probably_visible(dom, h)
                    && text_similarity(title, &dom.inner_text(h)) > similarity
            })
        })?;
        let order = dom.descendants(ROOT);
        let mut before = vec![0; dom.nodes.len()];
        let mut within = vec![0; dom.nodes.len()];
        let mut seen = 0;
        for &node in &order {
            before[node] = seen;
            if let Some(text) = dom.text_of(node) {
                // Characters other than ASCII whitespace, counted by their first bytes: the
                // whole page's text passes here.
                let length = text
                    .bytes()
                    .filter(|&b| (b as i8) >= -0x40 && !b.is_ascii_whitespace())
                    .count();
                within[node] = length;
                seen += length;
            }
        }
        for &node in order.iter().rev() {
            if let Some(parent) = dom.parent(node) {
                within[parent] += within[node];
            }
        }
        Some(Anchor {
            before,
            within,
            headline,
        })
    }

    /// Where the headline's text starts and ends.
    fn headline_span(&self) -> (usize, usize) {
        let start = self.before[self.headline];
        (start, start + self.within[self.headline])
    }

    /// Where a node's text starts and how long it is; `None` for a node made after the
    /// measure (the walk makes some).
    fn span(&self, node: NodeId) -> Option<(usize, usize)> {
        Some((*self.before.get(node)?, *self.within.get(node)?))
    }

    /// Whether `node` is the headline, lies inside it or holds it.
    pub fn touches_headline(&self, dom: &Dom, node: NodeId) -> bool {
        dom.is_attached_to(node, self.headline) || dom.is_attached_to(self.headline, node)
    }

    /// Whether `node` holds the headline element itself, as the page is now.
    pub fn encloses_headline(&self, dom: &Dom, node: NodeId) -> bool {
        dom.is_attached_to(self.headline, node)
    }

    /// Whether `node` (as the page was before the walk) holds the headline or begins just
    /// after it.
    pub fn holds(&self, node: NodeId) -> bool {
        let Some((start, length)) = self.span(node) else {
            return false;
        };
        let (headline_start, headline_end) = self.headline_span();
        (start <= headline_start && start + length >= headline_end)
            || (start >= headline_end && start - headline_end <= MAX_GAP_CHARS)
    }

    /// Whether `node` starts within `reach` of the headline: a kicker's or a byline's distance
    /// before it, or the reach's stretch after it.
    pub fn in_reach(&self, node: NodeId, reach: DatelineReach) -> bool {
        let Some((start, _)) = self.span(node) else {
            return false;
        };
        let (headline_start, headline_end) = self.headline_span();
        (start < headline_start && headline_start - start <= MAX_BYLINE_LEAD_CHARS)
            || (start >= headline_start && start - headline_end.min(start) <= reach.after())
    }

    /// Whether `node` starts past `reach` after the headline: in document order, nothing after
    /// it is in reach either.
    pub fn past_reach(&self, node: NodeId, reach: DatelineReach) -> bool {
        let (_, headline_end) = self.headline_span();
        self.span(node)
            .is_some_and(|(start, _)| start > headline_end + reach.after())
    }

    /// Whether `node`'s text starts before the headline's.
    pub fn before_headline(&self, node: NodeId) -> bool {
        self.start(node) < self.headline_span().0
    }

    /// Where `node`'s text starts in the page's, for telling which of two comes first.
    pub fn start(&self, node: NodeId) -> usize {
        self.span(node).map_or(usize::MAX, |(start, _)| start)
    }

    /// Paragraphs that may open the story, in the first stretch after the headline: the
    /// standfirst and any opening paragraph a layout sets apart from the body (in the header,
    /// which the walk takes for furniture, or between the headline and the body's container).
    /// Whole sentences of eight words or more, hardly linked, not in a list, figure, quote or
    /// navigation, not the headline again and not a byline's line. Looked for before the walk;
    /// [`Anchor::story_start`] says after it which of them the article lacks.
    pub fn opening_candidates(&self, dom: &Dom, byline: Option<&str>) -> Vec<NodeId> {
        let (_, headline_end) = self.headline_span();
        let headline = dom.inner_text(self.headline);
        let mut opening: Vec<NodeId> = Vec::new();
        for node in dom.descendants(ROOT) {
            let Some((start, length)) = self.span(node) else {
                continue;
            };
            // Eight words are more than a dozen characters: shorter nodes are passed over before
            // anything is measured.
            if start < headline_end
                || start + length > headline_end + MAX_OPENING_GAP_CHARS
                || length < MIN_OPENING_CHARS
            {
                continue;
            }
            if opening.iter().any(|&o| dom.is_attached_to(node, o)) || !is_paragraph(dom, node) {
                continue;
            }
            let text = dom.inner_text(node);
            // A sentence, whole: not the tail of one set beside a link (", a deputy editor…").
            let starts = text.chars().next().is_some_and(|c| {
                (c.is_alphanumeric() && !c.is_lowercase())
                    || matches!(
                        c,
                        '"' | '“' | '„' | '«' | '»' | '¿' | '¡' | '(' | '‘' | '\''
                    )
            });
            let sentence =
                starts && text.ends_with(['.', '!', '?', '…', '"', '“', '”', '»', '«', '。']);
            if sentence
                && crate::text::word_count(&text) >= MIN_OPENING_WORDS
                && is_probably_visible(dom, node)
                && super::score::link_density(dom, node) < 0.2
                && text_similarity(&headline, &text) <= HEADLINE_SIMILARITY
                && !super::introductions::starts_with_introduction(&text)
                && !byline.is_some_and(|names| names_in(&text, names))
            {
                opening.push(node);
            }
        }
        opening
    }

    /// Where the story `content` holds starts after the headline, when that is within the
    /// first stretch after it: the content is the story under this headline, and what lies
    /// before that point and after the headline is its opening.
    pub fn story_start(&self, dom: &Dom, content: NodeId) -> Option<usize> {
        let (_, headline_end) = self.headline_span();
        let start = dom
            .descendants(content)
            .into_iter()
            .filter(|&n| dom.text_of(n).is_some_and(|t| !t.trim().is_empty()))
            .filter_map(|n| self.span(n).map(|(start, _)| start))
            .filter(|&start| start >= headline_end)
            .min()?;
        (start - headline_end <= MAX_OPENING_GAP_CHARS).then_some(start)
    }

    /// Where a node's text ends, as the page was before the walk.
    pub fn end_of(&self, node: NodeId) -> Option<usize> {
        self.span(node).map(|(start, length)| start + length)
    }

    /// The first element that `is_byline` accepts beside the headline: within the gap after
    /// it, else just before it (and not in a list, where the cards of other stories are). A
    /// byline on a card elsewhere on the page names another story's author.
    pub fn byline_near(
        &self,
        dom: &Dom,
        is_byline: impl Fn(&Dom, NodeId) -> bool,
    ) -> Option<NodeId> {
        let (headline_start, headline_end) = self.headline_span();
        let nodes = dom.descendants(ROOT);
        let accepted = |node: NodeId| {
            dom.is_element(node) && is_probably_visible(dom, node) && is_byline(dom, node)
        };
        let after = nodes.iter().copied().find(|&node| {
            self.span(node).is_some_and(|(start, _)| {
                start >= headline_end && start - headline_end <= MAX_GAP_CHARS
            }) && accepted(node)
        });
        after.or_else(|| {
            nodes.iter().copied().find(|&node| {
                let Some((start, length)) = self.span(node) else {
                    return false;
                };
                let end = start + length;
                end <= headline_start
                    && headline_start - start <= MAX_BYLINE_LEAD_CHARS
                    && !dom.has_ancestor_tag(node, "li", 0)
                    && accepted(node)
            })
        })
    }
}

/// Whether `text` holds the byline's names (words compared, whatever the spaces between them:
/// pages put no-break spaces in names).
fn names_in(text: &str, names: &str) -> bool {
    use crate::dom::collapse_whitespace;
    let names = collapse_whitespace(names);
    !names.is_empty() && collapse_whitespace(text).contains(&names)
}

/// A paragraph: a `<p>`, or a box of text and inline elements only, outside the places a
/// story's opening never is.
fn is_paragraph(dom: &Dom, node: NodeId) -> bool {
    let Some(tag) = dom.tag(node) else {
        return false;
    };
    let boxed = matches!(tag, "div" | "span" | "section" | "header")
        && dom.children(node).iter().all(|&child| {
            dom.tag(child)
                .is_none_or(|t| super::patterns::PHRASING_ELEMS.contains(&t) && t != "img")
        });
    (tag == "p" || boxed)
        && !dom.ancestors(node, 0).into_iter().any(|a| {
            matches!(
                dom.tag(a),
                Some(
                    "li" | "figure"
                        | "figcaption"
                        | "blockquote"
                        | "nav"
                        | "aside"
                        | "a"
                        | "form"
                        | "table"
                )
            )
        })
}

#[cfg(test)]
mod tests {
    use crate::Options;

    fn paragraphs(sentence: &str, count: usize) -> String {
        (0..count)
            .map(|i| {
                format!("<p>{sentence} This is sentence {i}, with a comma, of some length.</p>")
            })
            .collect()
    }

    #[test]
    fn the_story_under_the_headline_over_a_longer_one_below() {
        // The story the reader opened, then the next one loaded below it, three times longer.
        let html = format!(
            "<html><head><title>Blessing of the vehicles on Saturday</title></head><body>\
             <div class=story><h1>Blessing of the vehicles on Saturday</h1>\
             <p class=byline>By Ana Ruiz</p><div class=text>{}</div></div>\
             <div class=story><h2>Prosecutor speaks on cooperation</h2>\
             <p class=byline>By Luis Paz</p><div class=text>{}</div></div></body></html>",
            paragraphs("The friars will bless cars and their drivers.", 6),
            paragraphs("The prosecutor spoke about the fight against crime.", 18)
        );
        let article = crate::extract(&html, None, &Options::default()).unwrap();
        assert!(article.text.contains("bless cars"), "{}", article.text);
        assert!(!article.text.contains("prosecutor"), "{}", article.text);
        assert_eq!(article.byline.as_deref(), Some("Ana Ruiz"));
    }

    #[test]
    fn the_standfirst_set_apart_from_the_body_opens_the_story() {
        let html = format!(
            "<html><head><title>Harbour wall to be rebuilt before winter</title>\
             <meta name=author content=\"Ana Ruiz\"></head><body>\
             <header><h1>Harbour wall to be rebuilt before winter</h1>\
             <p class=standfirst>The council voted on Tuesday to spend two million on the old wall.</p>\
             <p>By <a href=/ana>Ana Ruiz</a><span>, a reporter who covers the harbour and the town.</span></p>\
             <p><a href=/a>Another story with a long linked headline of its own.</a></p></header>\
             <div class=text>{}</div></body></html>",
            paragraphs("The works start in March and last a year.", 6)
        );
        let article = crate::extract(&html, None, &Options::default()).unwrap();
        assert!(
            article.text.starts_with("The council voted on Tuesday"),
            "{}",
            article.text
        );
        assert!(
            !article.text.contains("a reporter who covers"),
            "{}",
            article.text
        );
        assert!(!article.text.contains("Another story"), "{}", article.text);
    }

    #[test]
    fn a_card_before_the_headline_does_not_lend_its_byline() {
        let html = format!(
            "<html><head><title>The sharing economy is a lie, says a long headline</title></head><body>\
             <ul><li><a href=/other>Another story</a> <span class=byline>Paul Card</span></li></ul>\
             <h1>The sharing economy is a lie, says a long headline</h1>\
             <h2>A subtitle of the story</h2><span class=byline>Rita Eskow</span>{}</body></html>",
            paragraphs("Companies talk a good game about sharing.", 6)
        );
        let article = crate::extract(&html, None, &Options::default()).unwrap();
        assert_eq!(article.byline.as_deref(), Some("Rita Eskow"));
    }
}
