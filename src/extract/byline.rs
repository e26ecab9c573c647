//! Stage 9, the byline as a reader reads it: the names, without what the page set around
//! them — the "By", "Von", "Par", "Autor:" before, the date and time after ("VON MORITZ
//! GATHMANN am 21. April 2020" → "MORITZ GATHMANN") — and no byline at all when the page's
//! byline box held only its label ("Posted on", "Veröffentlicht am"). The reader view shows
//! the date on the same line from the date itself, so a date left in the byline would be
//! shown twice. And where the byline is: the element a page marks as one (`is_valid_byline`),
//! beside the headline or anywhere `select` walks, read with a space at each block's edge.

use super::date_text::{date_in, is_month, DATE_WORDS};
use super::introductions::strip_introduction;
use super::patterns::{contains_any, BYLINE, OTHER_CONTENT_MARKERS, PHRASING_ELEMS};
use super::title::squeezed;
use crate::article::{is_block_tag, Block};
use crate::dom::collapse_whitespace;
use crate::dom::{Dom, NodeId};

/// Words of a byline box's label with no name in it, lowercase.
const LABEL_WORDS: &[&str] = &[
    "written",
    "posted",
    "published",
    "updated",
    "on",
    "at",
    "by",
    "veröffentlicht",
    "aktualisiert",
    "am",
    "um",
    "von",
    "publié",
    "le",
    "publicado",
    "el",
    "opublikowano",
    "dnia",
    "опубликовано",
];

/// The names in `raw`, or `None` when it holds none.
pub fn clean_byline(raw: &str) -> Option<String> {
    let mut text = collapse_whitespace(raw);
    text = strip_leading_date(text.trim_start_matches(|c: char| !c.is_alphanumeric())).to_string();
    // "Text und Interview: Harald Willenbrock", "Von FOCUS-Online-Experte …": up to two.
    for _ in 0..2 {
        match strip_introduction(&text) {
            Some(rest) => text = rest,
            None => break,
        }
    }
    let text = cut_trailing_date(&text);
    let text = text
        .trim_matches(|c: char| {
            c.is_whitespace()
                || matches!(c, '|' | '-' | '–' | '—' | '·' | ',' | ':' | '"' | '“' | '”')
        })
        .to_string();
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    // A label, or a date without its year ("Dec. 19", "Sat"), holds no name.
    let only_label = words.iter().all(|w| {
        LABEL_WORDS.contains(&w.as_str())
            || DATE_WORDS.contains(&w.as_str())
            || is_month(w)
            || w.starts_with(|c: char| c.is_ascii_digit())
    });
    (!text.is_empty() && text.chars().any(char::is_alphabetic) && !only_label).then_some(text)
}

/// `names` without the outlet's name set after them ("Rob Picheta, CNN" on CNN's page): the
/// site is its own line of the view, and the names are the writers'. Only a last part that is
/// the site's name whole goes, after a comma, a bar or a dash.
pub fn without_site_name(names: &str, site_name: Option<&str>) -> String {
    let Some(site) = site_name.map(str::trim).filter(|site| !site.is_empty()) else {
        return names.to_string();
    };
    // The last separator: a comma, a bar, a dash, or a hyphen between spaces.
    let cut = names
        .char_indices()
        .rev()
        .find(|&(at, c)| {
            matches!(c, ',' | '|' | '–' | '—')
                || (c == '-' && names[..at].ends_with(' ') && names[at + 1..].starts_with(' '))
        })
        .map(|(at, c)| (at, at + c.len_utf8()))
        .filter(|&(_, after)| names[after..].trim().to_lowercase() == site.to_lowercase())
        .map(|(at, _)| at);
    match cut {
        Some(at) if names[..at].chars().any(char::is_alphabetic) => {
            names[..at].trim_end().to_string()
        }
        _ => names.to_string(),
    }
}

/// Whether `name` is a login rather than a name as people write it: one word of ASCII letters,
/// digits, dots, underscores and hyphens, either with no capital ("wordpressadmin",
/// "kffnirmitap", "admin2") or joined by dots or underscores ("edilson.la.rosa",
/// "Matt_Brooks"). A name with a space, an apostrophe or a letter beyond ASCII never is one.
pub fn is_login(name: &str) -> bool {
    let name = name.trim().as_bytes();
    let login_chars = name
        .iter()
        .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-'));
    if name.is_empty() || !login_chars {
        return false;
    }
    let joined = name.iter().any(|&b| b == b'_' || b == b'.');
    let lowercase =
        name.iter().any(u8::is_ascii_lowercase) && !name.iter().any(u8::is_ascii_uppercase);
    joined || lowercase
}

/// `text` after a date it opens with ("Dec. 19, 2025 · Ann Bee", "Sat 18th Dec 2025 Ann Bee",
/// "12.03.2021 Ann Bee"): the words a dateline sets before a date ("Published", weekdays), a day
/// and its month (or a date in figures), then only the year, the time and its zone. A name
/// after it keeps all its words, even one that is a month ("Dec 17, 2025 April Glaser"); text
/// that opens with no date is left whole ("June Carter, 12 March 2021").
fn strip_leading_date(text: &str) -> &str {
    // Each word's core (lowercase, its marks trimmed) and where it ends in `text`.
    let mut words: Vec<(String, usize)> = Vec::new();
    let mut at = 0;
    for word in text.split_inclusive(char::is_whitespace) {
        at += word.len();
        let core = word
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        if !core.is_empty() {
            words.push((core, at));
        }
        if words.len() > MAX_DATE_OPENING_WORDS {
            break;
        }
    }
    let mut i = words
        .iter()
        .take_while(|(w, _)| DATE_WORDS.contains(&w.as_str()))
        .count();
    let word = |i: usize| words.get(i).map_or("", |(w, _)| w.as_str());
    let opening = if (is_day(word(i)) && is_month(word(i + 1)))
        || (is_month(word(i)) && is_day(word(i + 1)))
    {
        2
    } else if word(i).starts_with(|c: char| c.is_ascii_digit()) && date_in(word(i)).is_some() {
        1
    } else {
        return text;
    };
    i += opening;
    while word(i).starts_with(|c: char| c.is_ascii_digit()) || AFTER_DATE_WORDS.contains(&word(i)) {
        i += 1;
    }
    let end = words[i - 1].1;
    text[end..].trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | '·' | '|' | '•' | '–' | '—' | '-' | ':')
    })
}

/// The most words a date and what a dateline sets before it take at a byline's start.
const MAX_DATE_OPENING_WORDS: usize = 12;

/// Words that follow a day and its month in a dateline: the time's, in the corpora's
/// languages (the year and the time itself are figures).
const AFTER_DATE_WORDS: &[&str] = &[
    "at", "um", "am", "pm", "uhr", "utc", "gmt", "est", "edt", "cst", "cdt", "pst", "pdt", "cet",
    "cest", "bst",
];

/// A day of the month as a dateline writes it: "19", "07", "18th", "1er".
fn is_day(word: &str) -> bool {
    let digits = word.chars().take_while(char::is_ascii_digit).count();
    (1..=2).contains(&digits)
        && word.len() - digits <= 2
        && word[digits..].chars().all(char::is_alphabetic)
}

/// `text` up to where a date begins ("Ann Bee, 07 Dezember, 2022", "Ann Bee am 21. April
/// 2020", "Ann Bee · 22. Oktober 2019", "Ann 18.10.2019 16:06 Uhr").
fn cut_trailing_date(text: &str) -> String {
    let mut cut = text.len();
    for (at, c) in text.char_indices() {
        let boundary = c.is_whitespace() || matches!(c, ',' | '·' | '|' | '–' | '—');
        // After a separator, any number is the dateline's: "Ann Bee - 11/18/19 11:04 PM".
        let separated = matches!(c, ',' | '·' | '|' | '–' | '—' | '-')
            && text[at + c.len_utf8()..]
                .trim_start()
                .starts_with(|d: char| d.is_ascii_digit());
        if at > 0 && (separated || boundary && starts_a_date(&text[at..])) {
            cut = at;
            break;
        }
    }
    text[..cut].to_string()
}

/// Whether a date begins `rest` (after the words a dateline sets before it: "am", "on",
/// "Monday").
fn starts_a_date(rest: &str) -> bool {
    let words: Vec<&str> = rest
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .split_whitespace()
        .skip_while(|w| {
            let word = w
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            !word.is_empty() && DATE_WORDS.contains(&word.as_str())
        })
        .take(5)
        .collect();
    let Some(first) = words.first() else {
        return false;
    };
    let begins = first.starts_with(|c: char| c.is_ascii_digit())
        || is_month(&first.trim_end_matches(['.', ',']).to_lowercase());
    // A day and its month are the date's start even where what follows is no year a date
    // reads ("22 Dec 2016651": a comment count set against it).
    let day_and_month = words.get(1).is_some_and(|second| {
        let word = |w: &str| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        };
        let (first, second) = (word(first), word(second));
        (is_day(&first) && is_month(&second)) || (is_month(&first) && is_day(&second))
    });
    begins && (day_and_month || date_in(&words.join(" ")).is_some())
}

/// How many of the body's first text blocks may be the byline line.
const LEADING_BLOCKS: usize = 4;
/// Longest byline line.
const MAX_BYLINE_LINE_CHARS: usize = 150;

/// The byline line the page set at the top of the body ("By Justine Coleman - 11/18/19 11:04
/// PM EST"): among the body's first blocks, one whose names are the byline's goes. The view
/// shows the byline and the date above the body, from the model.
pub fn drop_byline_line(content: &mut Vec<Block>, byline: &str) {
    let wanted = squeezed(byline);
    if !wanted.is_empty() {
        drop_in(content, &wanted, &mut 0);
    }
}

/// Returns true once the first blocks have all been seen.
fn drop_in(blocks: &mut Vec<Block>, wanted: &str, seen: &mut usize) -> bool {
    let mut i = 0;
    while i < blocks.len() {
        if *seen >= LEADING_BLOCKS {
            return true;
        }
        match &mut blocks[i] {
            Block::Element(element)
                if is_block_tag(element.tag) && !has_block(&element.children) =>
            {
                let text = collapse_whitespace(&crate::text::to_text(&element.children));
                if text.is_empty() {
                    i += 1;
                    continue;
                }
                *seen += 1;
                let names = (text.chars().count() <= MAX_BYLINE_LINE_CHARS)
                    .then(|| clean_byline(&text))
                    .flatten();
                if names.is_some_and(|n| squeezed(&n) == wanted) {
                    blocks.remove(i);
                    return true;
                }
            }
            Block::Element(element) => {
                if drop_in(&mut element.children, wanted, seen) {
                    return true;
                }
            }
            Block::Text(text) if !text.trim().is_empty() => *seen += 1,
            Block::Text(_) => {}
        }
        i += 1;
    }
    false
}

fn has_block(blocks: &[Block]) -> bool {
    blocks.iter().any(|b| match b {
        Block::Element(e) => is_block_tag(e.tag) || has_block(&e.children),
        Block::Text(_) => false,
    })
}

// Finding the byline on the page (stage 6, for `select` and the headline's neighbourhood).

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
pub(super) fn introduced_name_near(dom: &Dom, anchor: &super::anchor::Anchor) -> Option<String> {
    let node = anchor.byline_near(dom, |d, n| introduced_name(&d.inner_text(n)).is_some())?;
    introduced_name(&dom.inner_text(node))
}

fn introduced_name(line: &str) -> Option<String> {
    if line.len() > 4 * MAX_INTRODUCED_CHARS {
        return None;
    }
    let line = collapse_whitespace(line);
    if line.chars().count() > MAX_INTRODUCED_CHARS {
        return None;
    }
    let rest = strip_introduction(line.trim_start_matches(|c: char| !c.is_alphanumeric()))?;
    clean_byline(&rest).filter(|names| names_only(names))
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
/// asides and other stories, and no answer where two names are linked so.
pub(super) fn linked_author(dom: &Dom, body: NodeId) -> Option<String> {
    let mut found: Option<String> = None;
    let mut seen = 0;
    for link in dom.find_all(body, &["a"]) {
        let to_author_page = dom.attr(link, "href").is_some_and(|href| {
            let path = href.split(['?', '#']).next().unwrap_or_default();
            path.split('/').any(|segment| {
                AUTHOR_PAGES
                    .iter()
                    .any(|page| segment.eq_ignore_ascii_case(page))
            })
        });
        if !to_author_page {
            continue;
        }
        seen += 1;
        if seen > MAX_MARKED_AUTHORS {
            return None;
        }
        if dom.has_more_text_than(link, MAX_MARKED_AUTHOR_CHARS) || elsewhere(dom, link) {
            continue;
        }
        let Some(name) = clean_byline(&byline_text(dom, link)).filter(|name| names_only(name))
        else {
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

/// The author the page marks as one (`rel="author"`, `itemprop="author"`) where neither its
/// metadata nor the story's walk gave a byline: one name, however often it is marked, outside
/// comments, asides and lists of other stories. Two different names are no answer (a page of
/// posts, a thread). Four pages of the corpora gain a byline, three of them the reference's
/// (trafilatura-dev's author agreement 0.518 -> 0.526), the fourth a repository's owner; none
/// loses one, and no page's text changes.
pub(super) fn marked_author(dom: &Dom, body: NodeId) -> Option<String> {
    let mut found: Option<String> = None;
    let mut seen = 0;
    for node in dom.descendants(body) {
        let marked = dom.attr(node, "rel").is_some_and(|rel| {
            rel.split_ascii_whitespace()
                .any(|word| word.eq_ignore_ascii_case("author"))
        }) || dom.attr(node, "itemprop") == Some("author");
        if !marked {
            continue;
        }
        // A hostile page marks thousands: each is checked up its ancestors.
        seen += 1;
        if seen > MAX_MARKED_AUTHORS {
            return None;
        }
        if dom.has_more_text_than(node, MAX_MARKED_AUTHOR_CHARS) || elsewhere(dom, node) {
            continue;
        }
        // A name, not a sentence about one ("View all posts by Ann Lee").
        let Some(name) = clean_byline(&byline_text(dom, node))
            .filter(|name| crate::text::word_count(name) <= MAX_MARKED_AUTHOR_WORDS)
        else {
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
            inside.iter().copied().take(MAX_NAME_CANDIDATES).find(|&n| {
                // "classname" is a style tool's word for any element, not the writer's name.
                let names = dom
                    .class_and_id(n)
                    .to_ascii_lowercase()
                    .replace("classname", "");
                names.contains("name") && clean_byline(&dom.text_content(n)).is_some()
            })
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
    fn names_without_their_decoration() {
        for (raw, name) in [
            ("By Celia Parbey", "Celia Parbey"),
            ("VON MORITZ GATHMANN am 21. April 2020", "MORITZ GATHMANN"),
            (
                "Von Christian Thiele, 07 Dezember, 2022",
                "Christian Thiele",
            ),
            ("von Limespacer · 22. Oktober 2019", "Limespacer"),
            ("von Ulrike 18.10.2019 16:06 Uhr", "Ulrike"),
            ("Auteur: Anna Kubišta", "Anna Kubišta"),
            ("| Autor: gnaddrig", "gnaddrig"),
            (
                "Text und Interview: Harald Willenbrock",
                "Harald Willenbrock",
            ),
            ("By James Whittaker -", "James Whittaker"),
            ("By Nathan Willis March 25, 2015", "Nathan Willis"),
            ("Stella Kim, Jennifer Jett", "Stella Kim, Jennifer Jett"),
            ("Janic Cathomen, 01.12.2021", "Janic Cathomen"),
            ("Joe Wee Monday, 13 April 2015", "Joe Wee"),
            ("Bygone Days Staff", "Bygone Days Staff"),
            ("Kurt Vonnegut", "Kurt Vonnegut"),
            ("作者：肖春芳", "肖春芳"),
            // Letters whose lowercase is longer or shorter than they are.
            ("İbrahim Yılmaz", "İbrahim Yılmaz"),
            ("Von ẞtefan Groß", "ẞtefan Groß"),
            ("Von ẞẞ Groß", "ẞẞ Groß"),
            ("İİİİİİİİİİ", "İİİİİİİİİİ"),
            // A date before the name, with or without a separator.
            ("Dec. 19, 2025 · Niko Matsakis", "Niko Matsakis"),
            ("Dec 17, 2025 Julian K. Arni", "Julian K. Arni"),
            ("Monday 3 March 2025, 11:04 Ann Bee", "Ann Bee"),
            ("May Li", "May Li"),
            // A name that opens with a month, or follows a date, keeps it.
            ("June Carter, 12 March 2021", "June Carter"),
            ("Dec 17, 2025 April Glaser", "April Glaser"),
            ("Sat 18th Dec 2025 at 11:04 Ann Bee", "Ann Bee"),
            ("12.03.2021 Ann Bee", "Ann Bee"),
            // A weekday's abbreviation before the date goes with it; a name that is one stays.
            ("Heiko Sauer Do  9 Apr 2020", "Heiko Sauer"),
            ("Mo Farah", "Mo Farah"),
            ("Authored by: Dr. Ehsan Jazini", "Dr. Ehsan Jazini"),
            ("David Kim\"", "David Kim"),
        ] {
            assert_eq!(clean_byline(raw).as_deref(), Some(name), "{raw}");
        }
    }

    #[test]
    fn the_outlet_after_the_names_goes_and_a_date_label_is_no_name() {
        let cnn = Some("CNN");
        assert_eq!(without_site_name("Rob Picheta, CNN", cnn), "Rob Picheta");
        assert_eq!(without_site_name("Ann Bee | cnn", cnn), "Ann Bee");
        assert_eq!(without_site_name("Ann Bee - CNN", cnn), "Ann Bee");
        // Another outlet, the site's name inside a name, or nothing before it, stay.
        assert_eq!(
            without_site_name("Rob Picheta, Reuters", cnn),
            "Rob Picheta, Reuters"
        );
        assert_eq!(without_site_name("CNN Staff", cnn), "CNN Staff");
        assert_eq!(without_site_name(", CNN", cnn), ", CNN");
        assert_eq!(
            without_site_name("Rob Picheta, CNN", None),
            "Rob Picheta, CNN"
        );
        assert_eq!(clean_byline("Publiziert am"), None);
    }

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
    fn the_byline_line_leaves_the_body() {
        use crate::article::build_for_tests::{el, t};
        let p = |text: &str| el("p", vec![t(text)]);
        let mut body = vec![
            p("By Justine Coleman - 11/18/19 11:04 PM EST"),
            p("A New York man pleaded guilty on Monday."),
        ];
        drop_byline_line(&mut body, "Justine Coleman");
        assert_eq!(body, vec![p("A New York man pleaded guilty on Monday.")]);
        // A sentence naming the author is the story's.
        let mut body = vec![p("Justine Coleman reported from the courthouse that day.")];
        drop_byline_line(&mut body, "Justine Coleman");
        assert_eq!(body.len(), 1);
    }

    #[test]
    fn a_label_alone_is_no_byline() {
        for raw in [
            "Posted on",
            "Veröffentlicht am",
            "Posted",
            "By",
            "12.03.2021",
            "Dec. 19",
            "Sat",
        ] {
            assert_eq!(clean_byline(raw), None, "{raw}");
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
    fn logins_are_told_from_names() {
        for login in [
            "wordpressadmin",
            "edilson.la.rosa",
            "Matt_Brooks",
            "kffnirmitap",
        ] {
            assert!(is_login(login), "{login}");
        }
        for name in [
            "Ann Lee",
            "Stefanus",
            "张三",
            "Пётр",
            "O'Brien",
            "Jean-Luc Picard",
            "",
        ] {
            assert!(!is_login(name), "{name}");
        }
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
            linked("<a href=/author/ann>Ann Lee</a> <a href=/author/bo>Bo Chan</a>"),
            None
        );
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
