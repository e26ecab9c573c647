//! Stage 6 and 9, where the byline is on the page: the element a page marks as one
//! (`is_valid_byline`), beside the headline or anywhere `select` walks, read with a space at each
//! block's edge (`byline_text`); and, where nothing the metadata or the walk found names a writer,
//! the one author the page marks (`marked_author`), the one writer it links to their page
//! (`linked_author`) or a line by the headline that introduces names (`introduced_name_near`).
//! What is read is cleaned to the names alone by `byline`.

use super::byline::clean_byline;
use super::introductions::{is_introduction, strip_introduction};
use super::patterns::{contains_any, BYLINE, OTHER_CONTENT_MARKERS, PHRASING_ELEMS};
use crate::dom::collapse_whitespace;
use crate::dom::{Dom, NodeId};

/// Whether `node` is a byline element: named so by `rel`, `itemprop` or its class and id
/// (`match_string`, lowercase), with a name's length of text.
pub(super) fn is_valid_byline(dom: &Dom, node: NodeId, match_string: &str) -> bool {
    let rel_author = dom.attr(node, "rel") == Some("author");
    let itemprop_author = dom
        .attr(node, "itemprop")
        .is_some_and(|i| i.contains("author"));
    if !(rel_author || itemprop_author || contains_any(match_string, BYLINE)) {
        return false;
    }
    let length = dom.text_content(node).trim().chars().count();
    length > 0 && length < 100
}

/// The byline element beside the headline, if the page has one there (see
/// `Anchor::byline_near`).
pub fn byline_beside_headline(dom: &Dom, anchor: &super::anchor::Anchor) -> Option<NodeId> {
    anchor.byline_near(dom, |d, n| {
        is_valid_byline(d, n, &d.class_and_id(n).to_lowercase())
    })
}

/// The longest line read as an introduced name ("Posted by Konstantin", "von Daniela Obers").
const MAX_INTRODUCED_CHARS: usize = 60;
/// The most words of the names after an introduction.
const MAX_NAME_WORDS: usize = 6;
/// Lowercase words inside names: particles and the words joining two names.
const NAME_JOINERS: &[&str] = &[
    "von", "van", "der", "den", "de", "da", "del", "della", "di", "du", "la", "le", "bin", "ibn",
    "al", "y", "e", "et", "and", "und", "&",
];

/// The names a line by the headline introduces, where the page marks no byline: a line of its
/// own that opens with an introduction ("By", "Posted by", "von", "Par") and holds names
/// only, each word capitalised but for the particles and joiners between them. A sentence
/// ("By the way, …", "Von Berlin aus …") is none.
/// A heading is a section's name ("By Topic"), never a byline line.
pub(super) fn introduced_name_near(dom: &Dom, anchor: &super::anchor::Anchor) -> Option<String> {
    let node = anchor.byline_near(dom, |d, n| {
        !d.tag(n).is_some_and(|tag| HEADINGS.contains(&tag))
            // Measured before it is read: a wrapper by the headline may hold the whole story.
            && !d.has_more_text_than(n, 4 * MAX_INTRODUCED_CHARS)
            && introduced_name(&d.inner_text(n)).is_some()
    })?;
    introduced_name(&dom.inner_text(node))
}

const HEADINGS: &[&str] = &["h1", "h2", "h3", "h4", "h5", "h6"];

/// The names `line` introduces. One word is a name only after an introduction of two words or
/// a colon ("Posted by Konstantin", "Autor: Konstantin"): after "By", "Text" or "Author" alone
/// it is a page's label ("By Topic", "Text Size", "Author Bio").
fn introduced_name(line: &str) -> Option<String> {
    let line = collapse_whitespace(line);
    if line.chars().count() > MAX_INTRODUCED_CHARS {
        return None;
    }
    let line = line.trim_start_matches(|c: char| !c.is_alphanumeric());
    let rest = strip_introduction(line)?;
    let introduction = line.strip_suffix(rest.as_str()).unwrap_or(line).trim();
    let spelled_out = introduction.contains([' ', ':', '：']);
    clean_byline(&rest)
        .filter(|names| names_only(names))
        .filter(|names| spelled_out || names.split_whitespace().nth(1).is_some())
}

/// Whether `text` is names only: at most [`MAX_NAME_WORDS`] words, each capitalised but for the
/// particles and joiners between them, no figures.
fn names_only(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let capitalised = |word: &str| word.chars().next().is_some_and(char::is_uppercase);
    words.len() <= MAX_NAME_WORDS
        && words.first().is_some_and(|w| capitalised(w))
        && words.last().is_some_and(|w| capitalised(w))
        && words.iter().all(|word| {
            let word = word.trim_end_matches(',');
            !word.chars().any(|c| c.is_ascii_digit())
                && (capitalised(word) || NAME_JOINERS.contains(&word))
        })
}

/// A site's address for its writers' pages has one of these as a segment of its path
/// (`/author/ann-lee/`), in the corpora's languages.
const AUTHOR_PAGES: &[&str] = &[
    "author", "authors", "autor", "autoren", "autorin", "auteur", "auteurs", "autore", "autori",
    "autores", "autorzy",
];

/// The one writer the page links to their page on the site (`<a href="/author/ann-lee">Ann
/// Lee</a>`), read as `marked_author` reads the marked ones: names only, outside comments,
/// asides and other stories, and no answer where two names are linked so. The page's address
/// names them after the author segment: a menu's "Authors" (`/authors/`) and an encyclopedia's
/// "Author" (`/wiki/Author`) are no one's.
pub(super) fn linked_author(dom: &Dom, body: NodeId) -> Option<String> {
    let slug = |link: NodeId| dom.attr(link, "href").and_then(author_page_slug);
    let links = dom
        .find_all(body, &["a"])
        .into_iter()
        .filter(|&link| slug(link).is_some());
    the_one_name(dom, links, |link| {
        let slug = slug(link)?;
        clean_byline(&byline_text(dom, link))
            .filter(|name| names_only(name) && !is_introduction(name))
            .filter(|name| slug_names(&slug, name))
    })
}

/// The one name `name_of` reads from `nodes`, each outside comments, asides and other stories
/// and short enough to be a name; none where two differ, or where a page gives more than
/// [`MAX_MARKED_AUTHORS`] (a hostile page marks thousands: each is checked up its ancestors).
fn the_one_name(
    dom: &Dom,
    nodes: impl Iterator<Item = NodeId>,
    name_of: impl Fn(NodeId) -> Option<String>,
) -> Option<String> {
    let mut found: Option<String> = None;
    for (seen, node) in nodes.enumerate() {
        if seen >= MAX_MARKED_AUTHORS {
            return None;
        }
        if dom.has_more_text_than(node, MAX_MARKED_AUTHOR_CHARS) || elsewhere(dom, node) {
            continue;
        }
        let Some(name) = name_of(node) else {
            continue;
        };
        match &found {
            Some(earlier) if *earlier != name => return None,
            Some(_) => {}
            None => found = Some(name),
        }
    }
    found
}

/// The segment after an author segment of `href`'s path (`ann-lee` of `/author/ann-lee/`),
/// lowercase, when there is one.
fn author_page_slug(href: &str) -> Option<String> {
    let path = href.split(['?', '#']).next().unwrap_or_default();
    let mut segments = path.split('/').filter(|segment| !segment.is_empty());
    segments.find(|segment| {
        AUTHOR_PAGES
            .iter()
            .any(|page| segment.eq_ignore_ascii_case(page))
    })?;
    segments.next().map(str::to_lowercase)
}

/// Whether a writer's page address names `name`: one of its words (three letters or more) is
/// in the address's segment (`trevor-jackins` for "Trevor Jackins").
fn slug_names(slug: &str, name: &str) -> bool {
    name.split_whitespace()
        .map(|word| word.to_lowercase())
        .filter(|word| word.chars().count() >= 3)
        .any(|word| slug.contains(&word))
}

/// The author the page marks as one (`rel="author"`, `itemprop="author"`) where neither its
/// metadata nor the story's walk gave a byline: one name, however often it is marked, outside
/// comments, asides and lists of other stories. Two different names are no answer (a page of
/// posts, a thread). Four pages of the corpora gain a byline, three of them the reference's
/// (trafilatura-dev's author agreement 0.518 -> 0.526), the fourth a repository's owner; none
/// loses one, and no page's text changes.
pub(super) fn marked_author(dom: &Dom, body: NodeId) -> Option<String> {
    let marked = dom.descendants(body).into_iter().filter(|&node| {
        dom.attr(node, "rel").is_some_and(|rel| {
            rel.split_ascii_whitespace()
                .any(|word| word.eq_ignore_ascii_case("author"))
        }) || dom.attr(node, "itemprop") == Some("author")
    });
    // A name, not a sentence about one ("View all posts by Ann Lee").
    the_one_name(dom, marked, |node| {
        clean_byline(&byline_text(dom, node))
            .filter(|name| crate::text::word_count(name) <= MAX_MARKED_AUTHOR_WORDS)
    })
}

/// A page that marks more authors than this is a page of many posts: no one's byline.
const MAX_MARKED_AUTHORS: usize = 100;
/// A marked author's name longer than this (words) is a sentence about them.
const MAX_MARKED_AUTHOR_WORDS: usize = 5;
/// A marked author's element longer than this (characters) is a box about them, not a name.
const MAX_MARKED_AUTHOR_CHARS: usize = 80;

/// Whether `node` sits among comments, asides or other stories, or in an item of another kind
/// (a review's, a comment's or an answer's author is not the story's).
fn elsewhere(dom: &Dom, node: NodeId) -> bool {
    dom.ancestors(node, 0).into_iter().any(|a| {
        matches!(dom.tag(a), Some("nav" | "aside"))
            || dom.attr(a, "itemtype").is_some_and(is_other_item)
            || contains_any(&dom.class_and_id(a).to_lowercase(), OTHER_CONTENT_MARKERS)
    })
}

/// Whether a schema.org type (`https://schema.org/Review`) is a reader's contribution (a
/// review, a comment, a question or an answer), by its own name: a `CriticReview` or a
/// `ReviewNewsArticle` is the story.
pub(super) fn is_other_item(item_type: &str) -> bool {
    let name = item_type
        .trim_end_matches('/')
        .rsplit(['/', '#'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    matches!(
        name.as_str(),
        "review" | "userreview" | "comment" | "usercomments" | "answer" | "question"
    )
}

/// The most elements of a byline box looked at for the one named for the name.
const MAX_NAME_CANDIDATES: usize = 64;

/// A byline element's text; a child marked as the name is the cleaner name: `itemprop="name"`,
/// else one whose class or id says "name" (`author-name`, `author__name`, `authorName`) beside
/// the writer's position, picture or date ("Liza Burke" of "Liza Burke Marketing Director").
pub(super) fn byline_text(dom: &Dom, node: NodeId) -> String {
    // The box's elements, listed once for both looks.
    let inside: Vec<NodeId> = dom
        .descendants(node)
        .into_iter()
        .skip(1)
        .filter(|&n| dom.is_element(n))
        .collect();
    let name_node = inside
        .iter()
        .copied()
        .find(|&n| dom.attr(n, "itemprop").is_some_and(|i| i.contains("name")))
        .or_else(|| {
            // A byline box holds a few elements; a page nesting thousands under one is not
            // read element by element (each is measured whole).
            let candidates = || inside.iter().copied().take(MAX_NAME_CANDIDATES);
            let named = |n: NodeId| {
                // "classname" is a style tool's word for any element, not the writer's name.
                let names = dom
                    .class_and_id(n)
                    .to_ascii_lowercase()
                    .replace("classname", "");
                names.contains("name") && clean_byline(&dom.text_content(n)).is_some()
            };
            // The innermost so named: a "nameContainer" holds the name and the job title.
            let mut found = candidates().find(|&n| named(n))?;
            while let Some(inner) =
                candidates().find(|&n| n != found && dom.is_attached_to(n, found) && named(n))
            {
                found = inner;
            }
            Some(found)
        });
    spaced_text(dom, name_node.unwrap_or(node))
}

/// The text of `node` with a space at every block's edge and line break: "<p>By</p><p>Ann
/// Lee</p>" is "By Ann Lee", not "ByAnn Lee" as `textContent` has it. Across any element's edge a
/// lowercase letter followed by a capital is two words too, as are a number and a word ("<span>Dec
/// 17, 2025</span><span>Ann Bee</span>"): a label the page shows apart from
/// the name, or reads out to screen readers only ("<span>Author</span><a>Ann Lee</a>"), is no
/// part of it. (A name split mid-word by markup, "<b>Mc</b>Donald", is read as two words: no
/// corpus page writes one so.) Author agreement: trafilatura-dev 0.515 -> 0.518, wcxb-dev
/// 0.698 -> 0.700 (its held-out fold 0.646 -> 0.654); no page's text changes in any corpus.
fn spaced_text(dom: &Dom, node: NodeId) -> String {
    let mut out = String::new();
    // Whether an element's edge lies between the text written last and the next.
    let mut at_edge = false;
    let mut stack = vec![(node, false)];
    while let Some((current, leaving)) = stack.pop() {
        if leaving {
            at_edge = true;
            if !dom
                .tag(current)
                .is_some_and(|tag| PHRASING_ELEMS.contains(&tag))
            {
                out.push(' ');
            }
            continue;
        }
        match &dom.nodes[current].kind {
            crate::dom::NodeKind::Text(text) => {
                let joins_words = match (out.chars().next_back(), text.chars().next()) {
                    (Some(before), Some(after)) => {
                        (before.is_lowercase() && after.is_uppercase())
                            || (before.is_ascii_digit() && after.is_alphabetic())
                            || (before.is_alphabetic() && after.is_ascii_digit())
                    }
                    _ => false,
                };
                if at_edge && joins_words {
                    out.push(' ');
                }
                out.push_str(text);
                at_edge = false;
            }
            crate::dom::NodeKind::Element { tag, .. } => {
                at_edge = true;
                if !PHRASING_ELEMS.contains(&&**tag) || &**tag == "br" {
                    out.push(' ');
                }
                stack.push((current, true));
                stack.extend(dom.children(current).iter().rev().map(|&c| (c, false)));
            }
            crate::dom::NodeKind::Document => {}
        }
    }
    crate::dom::collapse_whitespace(&out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_introducing_names_is_a_byline_and_a_sentence_is_not() {
        for (line, names) in [
            ("Posted by Konstantin", "Konstantin"),
            ("von Daniela Obers", "Daniela Obers"),
            ("Written by Madeline Puckette", "Madeline Puckette"),
            ("| By Jane Doe and John Roe", "Jane Doe and John Roe"),
            ("Par Jean de La Fontaine", "Jean de La Fontaine"),
        ] {
            assert_eq!(introduced_name(line).as_deref(), Some(names), "{line}");
        }
        for line in [
            "By Topic",
            "Text Size",
            "Author Bio",
            "By the way, this is fine",
            "Von Berlin aus fuhr der Zug",
            "By 2030 Solar Power",
            "Jane Doe",
            "By Jane Doe, a reporter who has covered the city council for many years",
        ] {
            assert_eq!(introduced_name(line), None, "{line}");
        }
    }

    #[test]
    fn words_in_separate_elements_stay_apart() {
        for (html, text) in [
            (
                "<span class=byline><span class=sr>Author</span><a href=/a>Ann Lee</a></span>",
                "Author Ann Lee",
            ),
            (
                "<div class=byline><a href=/a>Ann Lee</a><br><time>Do 9 Apr 2020</time></div>",
                "Ann Lee Do 9 Apr 2020",
            ),
            // Within one text, a name's own capitals stay as written.
            (
                "<span class=byline>By <a href=/a>Ann McDonald</a></span>",
                "By Ann McDonald",
            ),
        ] {
            let dom = crate::parse::document(&format!("<body>{html}</body>"));
            let node = dom.find_first(crate::dom::ROOT, |d, n| {
                d.attr(n, "class") == Some("byline")
            });
            assert_eq!(byline_text(&dom, node.unwrap()), text, "{html}");
        }
        assert_eq!(clean_byline("Author Ann Lee").as_deref(), Some("Ann Lee"));
    }

    #[test]
    fn the_element_named_for_the_name_is_the_byline() {
        let text_of = |html: &str| {
            let dom = crate::parse::document(&format!("<body>{html}</body>"));
            let byline = dom
                .find_first(crate::dom::ROOT, |d, n| d.attr(n, "id") == Some("b"))
                .unwrap();
            clean_byline(&byline_text(&dom, byline))
        };
        assert_eq!(
            text_of(
                r#"<div id=b class=author-info><div class=author-name>Liza Burke</div>
                <div class=author-position>Marketing Director</div><div>May 14, 2025</div></div>"#
            )
            .as_deref(),
            Some("Liza Burke")
        );
        // The innermost element so named: its container holds the job title too.
        assert_eq!(
            text_of(
                r#"<a id=b class=author href=/a><div class=name-container>
                <p class=styles_name>Harry Rabinowitz</p><p class=job-title>Tech Reporter</p>
                </div></a>"#
            )
            .as_deref(),
            Some("Harry Rabinowitz")
        );
        // A style tool's "className" names no one.
        assert_eq!(
            text_of(
                r#"<div id=b class=author><span class=__className_d4>Follow</span>
                <span class=author-name>Julian K. Arni</span></div>"#
            )
            .as_deref(),
            Some("Julian K. Arni")
        );
        // A date is no name: the next element named for the name is.
        assert_eq!(
            text_of(
                r#"<div id=b class=author><span class=post-name-date>Dec 17, 2025</span>
                <span class=post-name>Julian K. Arni</span><span>Staff writer</span></div>"#
            )
            .as_deref(),
            Some("Julian K. Arni")
        );
    }

    #[test]
    fn the_writer_the_page_links_to_their_page() {
        let linked = |html: &str| {
            let dom = crate::parse::document(&format!("<body>{html}</body>"));
            linked_author(&dom, dom.body().unwrap())
        };
        assert_eq!(
            linked("<h1>Rivers</h1><span><a href=\"/authors/trevor-jackins\">Trevor Jackins</a></span>")
                .as_deref(),
            Some("Trevor Jackins")
        );
        // A sentence about them, two writers, or a commenter's page say nothing of the story's.
        assert_eq!(
            linked("<a href=/author/ann>View all posts by Ann</a>"),
            None
        );
        assert_eq!(
            linked("<a href=/author/ann-lee>Ann Lee</a> <a href=/author/bo-chan>Bo Chan</a>"),
            None
        );
        // A menu's writers' page, an encyclopedia's entry, a name the address does not give.
        assert_eq!(
            linked("<ul class=menu><li><a href=/authors/>Authors</a></li></ul>"),
            None
        );
        assert_eq!(linked("<a href=/wiki/Author>Author</a>"), None);
        assert_eq!(linked("<a href=/author/4711>Ann Lee</a>"), None);
        assert_eq!(
            linked("<ol class=comments><li><a href=/author/bo>Bo Chan</a></li></ol>"),
            None
        );
        // Only a segment of the path: a story about authorship is no writer's page.
        assert_eq!(linked("<a href=/authorship-explained>Ann Lee</a>"), None);
    }

    #[test]
    fn the_author_the_page_marks() {
        let marked = |html: &str| {
            let dom = crate::parse::document(&format!("<body>{html}</body>"));
            marked_author(&dom, dom.body().unwrap())
        };
        assert_eq!(
            marked("<h1>Rivers run high</h1><footer>Posted by <a rel=author href=/u/ann>Ann Lee</a></footer>")
                .as_deref(),
            Some("Ann Lee")
        );
        // The same name marked twice is one author.
        assert_eq!(
            marked("<a rel=author href=/u/ann>Ann Lee</a><span itemprop=author>Ann Lee</span>")
                .as_deref(),
            Some("Ann Lee")
        );
        // A review's author, a commenter, or two different names say nothing of the story's.
        assert_eq!(
            marked(
                "<div itemscope itemtype=https://schema.org/Review><p>Works well.</p>\
                 <span itemprop=author>Richard I</span></div>"
            ),
            None
        );
        assert_eq!(
            marked("<ol class=comments><li><a rel=author href=/u/bo>Bo Chan</a></li></ol>"),
            None
        );
        // A critic's review is the story: its author is the byline.
        assert_eq!(
            marked(
                "<article itemscope itemtype=https://schema.org/CriticReview>\
                 <span itemprop=author>Ann Lee</span></article>"
            )
            .as_deref(),
            Some("Ann Lee")
        );
        // A sentence about the author is no name.
        assert_eq!(
            marked("<a rel=author href=/u/ann>View all posts by Ann Lee</a>"),
            None
        );
        assert_eq!(
            marked("<a rel=author href=/u/ann>Ann Lee</a> <a rel=author href=/u/bo>Bo Chan</a>"),
            None
        );
    }
}
