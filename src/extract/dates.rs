//! Stage 5: the page's date (`page_date`). The metadata's, unless the page shows another day by
//! its headline that is not an update's; and where the metadata is silent, the date the page
//! shows. Almost every article whose metadata is silent still says when it was published, in a
//! `<time>` element, in its address (`/2019/01/31/`), on a line of its own marked as the date
//! ("Veröffentlicht am 3. März 2021", "12 marca 2021", "2021年3月12日"), or on a short line near
//! the headline however it is marked (not in a link, a quote or a figure). Read in that order of
//! trust; dates in navigation, sidebars, comments and teasers for other stories are not the
//! article's.
//!
//! The result is a calendar date, `YYYY-MM-DD`, or the metadata's time as it gives it.

use super::anchor::{Anchor, DatelineReach};
use super::date_text::{calendar_date, date_in};
use super::patterns::{contains_any, OTHER_CONTENT_MARKERS, PHRASING_ELEMS};
use crate::dom::{Dom, NodeId, ROOT};
use url::Url;

/// Longest text of an element marked as the date (a dateline, not a paragraph).
const MAX_DATE_LINE_CHARS: usize = 120;

/// Class, id and itemprop words of an element that holds the publication date.
const DATE_MARKERS: &[&str] = &[
    "date",
    "time",
    "datum",
    "fecha",
    "published",
    "posted",
    "pubdate",
    "timestamp",
    "dateline",
    "byline",
    "meta",
    "info",
];

/// Class and id words of regions whose dates belong to other things, beside the regions of
/// other people's posts and other stories (`OTHER_CONTENT_MARKERS`): a footer's copyright year,
/// an archive's months, a calendar's events.
const ELSEWHERE_MARKERS: &[&str] = &["footer", "archive", "calendar", "event"];

/// The headline as the page's date is read by: its text, and where it stands when found.
pub struct Headline<'a> {
    pub text: &'a str,
    pub anchor: Option<&'a Anchor>,
}

/// The page's date: the one the page shows by its headline, unless it is an update's, over a
/// metadata date of another day (`shown_publication_date`; not on a discussion, whose page shows
/// its posts' dates); else the metadata's; else any the page shows, or its address gives.
/// Where no heading reads as the headline, one more than half of whose text is the title's
/// words places a dateline for a page without a metadata date (`Anchor::find_loosely`; it measured no better at
/// overruling a metadata date: wcxb-dev's development folds two pages worse, trafilatura-dev's
/// two better), and then the whole page is read.
pub fn page_date(
    dom: &Dom,
    declared: Option<&str>,
    url: Option<&Url>,
    headline: Headline,
    discussion: bool,
) -> Option<String> {
    match (declared, headline.anchor) {
        (Some(declared), Some(anchor)) if !discussion => Some(
            shown_publication_date(dom, anchor)
                .filter(|shown| crate::text::iso_day(declared) != Some(shown.as_str()))
                .unwrap_or_else(|| declared.to_string()),
        ),
        (Some(declared), _) => Some(declared.to_string()),
        (None, Some(anchor)) => visible_date(dom, url, Some(anchor)),
        (None, None) => Anchor::find_loosely(dom, headline.text)
            .and_then(|loose| visible_date(dom, url, Some(&loose)))
            .or_else(|| visible_date(dom, url, None)),
    }
}

/// The date the page shows for itself, as `YYYY-MM-DD`. With the headline's place known, only
/// what stands near it is read: the dateline is by the headline, and a page of many elements
/// is not read whole for it.
fn visible_date(dom: &Dom, url: Option<&Url>, anchor: Option<&Anchor>) -> Option<String> {
    let find = Datelines::new(dom, anchor, DatelineReach::Story);
    find.time()
        .map(|(date, _)| date)
        .or_else(|| url.and_then(|u| date_in_path(u.path())))
        .or_else(|| find.marked().map(|(date, _)| date))
        .or_else(|| find.line().map(|(date, _)| date))
}

/// The date the page shows by its headline as its own, when that is not an update's ("Last
/// updated: Sep 4, 2025"): the first date the reader sees in the headline's own lines (not as
/// far down as `visible_date` looks), read as it reads them but not from the address. Set
/// beside a metadata date that says otherwise, it is the one the page stands by: a story
/// republished under an old CMS date, a post dated by its import. `None` when the first shown
/// date is an update's: the metadata's publication date is then the better one.
fn shown_publication_date(dom: &Dom, anchor: &Anchor) -> Option<String> {
    let find = Datelines::new(dom, Some(anchor), DatelineReach::HeadlineLines);
    let (date, node) = [find.time(), find.marked(), find.line()]
        .into_iter()
        .flatten()
        .min_by_key(|&(_, node)| anchor.start(node))?;
    (!says_updated(dom, node) && !in_another_story(dom, node, anchor)).then_some(date)
}

/// Most levels between a date above the headline and the header they share (not the page's
/// body): a kicker's line beside the headline, not a site header's "Wednesday, 24 September
/// 2025" above the story.
const MAX_SHARED_HEADER_LEVELS: usize = 3;

/// The three ways a page shows a date by its headline, each giving the date and its element.
struct Datelines<'a> {
    dom: &'a Dom,
    body: NodeId,
    anchor: Option<&'a Anchor>,
    reach: DatelineReach,
}

impl<'a> Datelines<'a> {
    fn new(dom: &'a Dom, anchor: Option<&'a Anchor>, reach: DatelineReach) -> Self {
        let body = dom.body().unwrap_or(ROOT);
        Datelines {
            dom,
            body,
            anchor,
            reach,
        }
    }

    /// Whether `node` is where a dateline may stand: anywhere without the headline; within the
    /// reach of it with it. In the headline's own lines, not the headline itself ("Floods of
    /// March 3, 2021"), and above it only in the header it shares with the headline.
    fn in_reach(&self, node: NodeId) -> bool {
        let Some(anchor) = self.anchor else {
            return true;
        };
        if !anchor.in_reach(node, self.reach) {
            return false;
        }
        match self.reach {
            DatelineReach::Story => true,
            DatelineReach::HeadlineLines => {
                !anchor.touches_headline(self.dom, node)
                    && (!anchor.before_headline(node)
                        || self
                            .dom
                            .ancestors(node, MAX_SHARED_HEADER_LEVELS)
                            .into_iter()
                            .find(|&a| anchor.encloses_headline(self.dom, a))
                            .is_some_and(|shared| {
                                !matches!(self.dom.tag(shared), Some("body" | "html"))
                            }))
            }
        }
    }

    /// The elements under `tags` (all of them when none), in document order, up to the last
    /// one that may be in reach.
    fn candidates(&self, tags: &[&str]) -> impl Iterator<Item = NodeId> + '_ {
        let nodes = if tags.is_empty() {
            self.dom.descendants(self.body)
        } else {
            self.dom.find_all(self.body, tags)
        };
        nodes
            .into_iter()
            .take_while(|&node| !self.anchor.is_some_and(|a| a.past_reach(node, self.reach)))
    }

    /// The first `<time>` in reach that is the article's and not marked as a change.
    fn time(&self) -> Option<(String, NodeId)> {
        let dom = self.dom;
        self.candidates(&["time"])
            .filter(|&t| {
                self.in_reach(t)
                    && !is_elsewhere(dom, t, self.anchor)
                    && !names_a_change(&markup_names(dom, t))
            })
            .find_map(|t| {
                dom.attr(t, "datetime")
                    .and_then(date_in)
                    .or_else(|| date_in(&dom.inner_text(t)))
                    .map(|date| (date, t))
            })
    }

    /// The first short element in reach whose class, id or itemprop marks it as a date.
    fn marked(&self) -> Option<(String, NodeId)> {
        let dom = self.dom;
        self.candidates(&[]).find_map(|node| {
            (dom.is_element(node)
                && is_marked_as_date(dom, node)
                && self.in_reach(node)
                && !dom.has_more_text_than(node, MAX_DATE_LINE_CHARS)
                && !is_elsewhere(dom, node, self.anchor))
            .then(|| date_in(&dom.inner_text(node)).map(|date| (date, node)))
            .flatten()
        })
    }

    /// Last, with the headline found, a short line in reach that holds a date, however it is
    /// marked up ("Published July 8, 2025", "Ann Bee • Nov 11, 2020", "Posted on Nov 21,
    /// 2018"): not the headline itself ("Floods of March 3, 2021"), and not a phrase set in a
    /// longer block (a sentence's "<strong>June 30, 2024</strong>").
    fn line(&self) -> Option<(String, NodeId)> {
        let (dom, anchor) = (self.dom, self.anchor?);
        self.candidates(&[]).find_map(|node| {
            if !dom.is_element(node)
                || only_wraps(dom, node)
                || !self.in_reach(node)
                || dom.has_more_text_than(node, MAX_BARE_DATE_LINE_CHARS)
            {
                return None;
            }
            let line = dom.inner_text(node);
            if crate::text::word_count(&line) > MAX_BARE_DATE_LINE_WORDS {
                return None;
            }
            // The checks that climb the node's ancestors last, on the few lines that hold a
            // date: a page of deep wrappers holds thousands of short lines.
            let date = date_in(&line)?;
            let set_apart = !anchor.touches_headline(dom, node)
                && !in_a_longer_block(dom, node)
                && !quoted_or_linked(dom, node)
                && !is_elsewhere(dom, node, Some(anchor));
            set_apart.then_some((date, node))
        })
    }
}

/// Whether `node` stands in an `<article>` of its own that does not hold the headline: a
/// related story's card set just under it. (A story whose headline stands in a header above
/// its `<article>` loses its shown date to this, and keeps its metadata's.)
fn in_another_story(dom: &Dom, node: NodeId, anchor: &Anchor) -> bool {
    std::iter::once(node)
        .chain(dom.ancestors(node, 0))
        .find(|&a| dom.is_tag(a, "article"))
        .is_some_and(|story| !anchor.encloses_headline(dom, story))
}

/// Most elements inside a date's line looked at for markup that names a change.
const MAX_LINE_ELEMENTS: usize = 64;

/// Whether the date in `node` is a change's: its markup names a modification (on it, or on an
/// element in it: `<time itemprop=dateModified>` in a byline's box), or its line, or a short
/// line around it with its label ("Last Updated:" in an element of its own, one or two levels
/// up), says so.
fn says_updated(dom: &Dom, node: NodeId) -> bool {
    let inside = dom.descendants(node);
    let marked_inside = inside
        .iter()
        .filter(|&&n| dom.is_element(n))
        .take(MAX_LINE_ELEMENTS)
        .any(|&n| names_a_change(&markup_names(dom, n)));
    let mut short_lines = std::iter::once(node).chain(
        dom.ancestors(node, MAX_SHARED_HEADER_LEVELS)
            .into_iter()
            .take_while(|&a| !dom.has_more_text_than(a, MAX_DATE_LINE_CHARS)),
    );
    marked_inside || short_lines.any(|n| says_change(&dom.inner_text(n)))
}

/// An element's class, id and itemprop, lowercase.
fn markup_names(dom: &Dom, node: NodeId) -> String {
    format!(
        "{} {}",
        dom.class_and_id(node),
        dom.attr(node, "itemprop").unwrap_or_default()
    )
    .to_lowercase()
}

/// Whether markup names a change ("date-modified", `itemprop="dateModified"`, "updated"), and
/// not the publication beside it (WordPress marks its publication date "published updated").
fn names_a_change(names: &str) -> bool {
    (names.contains("modified") || names.contains("updated")) && !names.contains("published")
}

/// Whether a line says its date is a change's, not the publication's: a word starting as one of
/// `UPDATE_STEMS`, or one of `UPDATE_PHRASES` anywhere in it.
fn says_change(line: &str) -> bool {
    let line = line.to_lowercase();
    line.split(|c: char| !c.is_alphanumeric())
        .any(|word| UPDATE_STEMS.iter().any(|stem| word.starts_with(stem)))
        || contains_any(&line, UPDATE_PHRASES)
}

/// How words saying "updated", "revised" or "modified" start, in the languages whose months
/// `date_text` reads: English, German, French, Spanish, Portuguese, Italian, Dutch, Polish,
/// Russian ("Update:", "Last updated", "Aktualisiert", "Actualización", "Atualizado",
/// "Aggiornato", "Bijgewerkt", "Zaktualizowano", "Обновлено").
const UPDATE_STEMS: &[&str] = &[
    "updat",
    "revised",
    "modified",
    "aktualisiert",
    "geändert",
    "zuletzt",
    "modifié",
    "actualiza",
    "modificad",
    "atualiza",
    "aggiornat",
    "bijgewerkt",
    "zaktualizow",
    "aktualizacj",
    "обновл",
    "изменен",
];

/// The same said in more than one word, or in a script without spaces: French "mis à jour",
/// Arabic "تحديث" (with its article: "آخر تحديث", "تم التحديث"), Chinese and Japanese "更新".
const UPDATE_PHRASES: &[&str] = &["à jour", "تحديث", "更新"];

/// Whether `node` only wraps one block and has no text of its own: that block is read in its
/// place (a page of wrappers hundreds deep is read once, not once per wrapper). A wrapper of a
/// phrase is read itself: a date linked to its day's archive is the wrapper's line.
fn only_wraps(dom: &Dom, node: NodeId) -> bool {
    let mut block = None;
    for &child in dom.children(node) {
        if dom.is_element(child) {
            if block.is_some() {
                return false;
            }
            block = Some(child);
        } else if dom.text_of(child).is_some_and(|t| !t.trim().is_empty()) {
            return false;
        }
    }
    block.is_some_and(|b| !dom.tag(b).is_some_and(|tag| PHRASING_ELEMS.contains(&tag)))
}

/// Whether `node` is a phrase (`<span>`, `<strong>`, …) in a paragraph longer than a dateline:
/// a date a sentence names, not one set apart (a breadcrumb's or a meta line's last part is).
fn in_a_longer_block(dom: &Dom, node: NodeId) -> bool {
    let phrasing = |n: NodeId| dom.tag(n).is_some_and(|tag| PHRASING_ELEMS.contains(&tag));
    if !phrasing(node) {
        return false;
    }
    dom.ancestors(node, 0)
        .into_iter()
        .find(|&a| !phrasing(a))
        .is_some_and(|block| {
            dom.is_tag(block, "p") && dom.has_more_text_than(block, MAX_BARE_DATE_LINE_CHARS)
        })
}

/// A line near the headline that holds a date is the dateline when it has at most this many
/// characters other than whitespace (`MAX_BARE_DATE_LINE_CHARS`) and words
/// (`MAX_BARE_DATE_LINE_WORDS`): a sentence that names a date is the story's. Chosen on the
/// development folds: wcxb-dev's date agreement 0.716 -> 0.759 (25 more pages right, one wrong),
/// trafilatura-dev's 0.740 -> 0.786; the held-out folds, checked after, 0.733 -> 0.809 and
/// 0.739 -> 0.797, with no page's text changed in any corpus.
const MAX_BARE_DATE_LINE_CHARS: usize = 60;
/// See `MAX_BARE_DATE_LINE_CHARS`.
const MAX_BARE_DATE_LINE_WORDS: usize = 8;

/// A date in a link, a quote or a figure is another page's or another post's (an embedded
/// post's "August 22, 2013"), not this story's.
fn quoted_or_linked(dom: &Dom, node: NodeId) -> bool {
    ["a", "blockquote", "q", "figure"]
        .iter()
        .any(|tag| dom.is_tag(node, tag) || dom.has_ancestor_tag(node, tag, 0))
}

/// The date a page's microdata gives its own item (`<meta itemprop="datePublished"
/// content="2025-07-18">`: schema.org markup set without JSON-LD), as a calendar day, where
/// nothing shown or declared gave one. Only a top-level item's, and not a reader's review,
/// comment, question or answer: an item that is a property of another (a citation in a paper's
/// references) or a reader's has a date of its own.
pub fn microdata_date(dom: &Dom) -> Option<String> {
    dom.find_all(ROOT, &["meta"])
        .into_iter()
        .filter(|&meta| super::thread::has_itemprop(dom, meta, &["datePublished"]))
        .take(MAX_MICRODATA_DATES)
        .find(|&meta| {
            let item = dom
                .ancestors(meta, 0)
                .into_iter()
                .find(|&a| dom.attr(a, "itemscope").is_some());
            item.is_none_or(|item| {
                dom.attr(item, "itemprop").is_none()
                    && !dom
                        .attr(item, "itemtype")
                        .is_some_and(super::byline_on_page::is_other_item)
            })
        })
        .and_then(|meta| dom.attr(meta, "content"))
        .and_then(date_in)
}

/// The most `datePublished` marks read: a page of reviews marks one per review.
const MAX_MICRODATA_DATES: usize = 50;

fn is_marked_as_date(dom: &Dom, node: NodeId) -> bool {
    // Asked of every element of a page whose metadata has no date: most have no class, id or
    // itemprop, and are answered without building a string.
    ["class", "id", "itemprop"].iter().any(|name| {
        dom.attr(node, name).is_some_and(|value| {
            value
                .to_lowercase()
                .split(|c: char| !c.is_alphanumeric())
                .any(|word| {
                    DATE_MARKERS
                        .iter()
                        .any(|m| word.starts_with(m) || word.ends_with(m))
                })
        })
    })
}

/// Whether `node` stands in a region whose dates are other things' (navigation, a sidebar, a
/// list of other stories, comments). A region that holds the headline too is the page's frame
/// or the story's own ("sno-story-sidebar-mode", a body classed for its widgets): its name says
/// nothing of the dateline inside it.
fn is_elsewhere(dom: &Dom, node: NodeId, anchor: Option<&Anchor>) -> bool {
    dom.ancestors(node, 0).into_iter().any(|a| {
        (matches!(dom.tag(a), Some("nav" | "aside" | "footer" | "li"))
            || contains_marker(&dom.class_and_id(a).to_lowercase()))
            && !anchor.is_some_and(|anchor| anchor.encloses_headline(dom, a))
    })
}

fn contains_marker(names: &str) -> bool {
    contains_any(names, OTHER_CONTENT_MARKERS) || contains_any(names, ELSEWHERE_MARKERS)
}

/// A year/month/day in an address path: `/2019/01/31/`, `/2019-01-31-title`.
fn date_in_path(path: &str) -> Option<String> {
    let parts: Vec<&str> = path.split(['/', '-', '_']).collect();
    parts.windows(3).find_map(|w| {
        let year = w[0].parse::<u32>().ok().filter(|_| w[0].len() == 4)?;
        let month = w[1].parse::<u32>().ok().filter(|_| w[1].len() == 2)?;
        let day = w[2].parse::<u32>().ok().filter(|_| w[2].len() == 2)?;
        calendar_date(year, month, day)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_article_date_not_a_sidebar_date() {
        let dom = crate::parse::document(
            "<body><aside><time datetime=2001-01-01>old</time></aside>\
             <time itemprop=dateModified datetime=2020-02-02>changed</time>\
             <article><h1>Headline</h1><div class=post-meta>Von Ann · 06.05.2014</div>\
             <p>Text</p></article></body>",
        );
        assert_eq!(
            visible_date(&dom, None, None).as_deref(),
            Some("2014-05-06")
        );
        let url = Url::parse("https://blog.example/2019/01/31/title/").unwrap();
        let bare = crate::parse::document("<body><p>Text</p></body>");
        assert_eq!(
            visible_date(&bare, Some(&url), None).as_deref(),
            Some("2019-01-31")
        );
    }

    /// The date on a short line by the headline, marked up as nothing in particular; not one in
    /// an embedded post's link, and not one a sentence of the story names.
    fn date_by_headline(lines: &str) -> Option<String> {
        let page = format!(
            "<body><nav><a href=/>Home</a></nav><article><h1>Rivers of the north run high</h1>\
             {lines}<p>The rivers of the north ran higher this spring than in any year since \
             records began, and the towns along them are counting the cost.</p></article></body>"
        );
        let dom = crate::parse::document(&page);
        let anchor = Anchor::find(&dom, "Rivers of the north run high");
        visible_date(&dom, None, anchor.as_ref())
    }

    #[test]
    fn the_microdata_date_of_the_page_own_item() {
        let date = |html: &str| microdata_date(&crate::parse::document(html));
        assert_eq!(
            date("<body><article itemscope itemtype=https://schema.org/BlogPosting>\
                  <meta itemprop=datePublished content=2019-06-02T13:43:38-0400><p>Text</p></article></body>")
                .as_deref(),
            Some("2019-06-02")
        );
        // A cited paper's date, or a reader's review's, is theirs.
        assert_eq!(
            date("<body><article itemscope itemtype=https://schema.org/ScholarlyArticle><ol>\
                  <li itemprop=citation itemscope><meta itemprop=datePublished content=1988-01-01></li></ol>\
                  </article><div itemscope itemtype=https://schema.org/Review>\
                  <meta itemprop=datePublished content=2016-11-04></div></body>"),
            None
        );
    }

    #[test]
    fn a_date_in_the_headline_is_not_the_page_date() {
        let page = "<body><article><h1>Floods of March 3, 2021</h1><p>The rivers of the north ran \
            higher that spring than in any year since records began, and the towns along them are \
            counting the cost.</p></article></body>";
        let dom = crate::parse::document(page);
        let anchor = Anchor::find(&dom, "Floods of March 3, 2021");
        assert!(anchor.is_some());
        assert_eq!(visible_date(&dom, None, anchor.as_ref()), None);
    }

    #[test]
    fn a_short_line_by_the_headline_gives_the_date() {
        assert_eq!(
            date_by_headline("<div><span>Ann Bee</span> • <span>Nov 11, 2020</span></div>")
                .as_deref(),
            Some("2020-11-11")
        );
        assert_eq!(
            date_by_headline("<div>Veröffentlicht 3. März 2021</div>").as_deref(),
            Some("2021-03-03")
        );
        assert_eq!(
            date_by_headline(
                "<blockquote><p>High water today</p><a href=/s/1>August 22, 2013</a></blockquote>"
            ),
            None
        );
        assert_eq!(
            date_by_headline("<p>On March 3, 2021 the river broke its banks at the old mill.</p>"),
            None
        );
        // A date set in a longer sentence, even in a phrase of its own, is the story's.
        assert_eq!(
            date_by_headline(
                "<p>Claims for the floods are open until <strong>June 30, 2024</strong> at the \
                 town hall, and forms are at every library.</p>"
            ),
            None
        );
    }
}

#[cfg(test)]
mod shown_over_metadata {
    use super::*;

    /// The date shown by the headline as `shown_publication_date` reads it.
    fn shown(lines: &str, after_story: &str) -> Option<String> {
        let page = format!(
            "<body><nav><a href=/>Home</a></nav><article><h1>Rivers of the north run high</h1>\
             {lines}<p>The rivers of the north ran higher this spring than in any year since \
             records began, and the towns along them are counting the cost.</p></article>\
             {after_story}</body>"
        );
        let dom = crate::parse::document(&page);
        let anchor = Anchor::find(&dom, "Rivers of the north run high").unwrap();
        shown_publication_date(&dom, &anchor)
    }

    #[test]
    fn the_first_date_by_the_headline_is_the_one_shown() {
        assert_eq!(
            shown("<div class=byline>Ann Bee · August 25, 2024</div>", "").as_deref(),
            Some("2024-08-25")
        );
        // The dateline's `<time>` comes after a marked line with a date: the first one counts.
        assert_eq!(
            shown(
                "<p class=meta>Sep 4, 2025</p><time datetime=2021-01-02>Jan 2, 2021</time>",
                ""
            )
            .as_deref(),
            Some("2025-09-04")
        );
    }

    #[test]
    fn an_update_is_not_the_date_shown() {
        for line in [
            "<div><span>Last updated:</span> <time>Sep 4, 2025</time></div>",
            "<div class=byline>Ann Bee <time itemprop=dateModified>Sep 4, 2025</time></div>",
            "<div class=meta><span itemprop=dateModified>Sep 4, 2025</span></div>",
            "<div><span>Updated</span> <span class=v><time>Sep 4, 2025</time></span></div>",
            "<div>Aggiornato il 4 settembre 2025</div>",
            "<div>Обновлен 4 сентября 2025</div>",
            "<div class=date>Updated August 14, 2025</div>",
            "<div><span>Last updated:</span> <span>Sep 4, 2025</span></div>",
            "<p><time datetime=2025-06-18>Updated on June 18, 2025</time></p>",
            "<div class=date-modified>14.08.2025</div>",
            "<div>Aktualisiert am 14.08.2025</div>",
            "<div><span>Mis à jour le</span> <span>14 août 2025</span></div>",
        ] {
            assert_eq!(shown(line, ""), None, "{line}");
        }
    }

    #[test]
    fn a_frame_around_the_headline_is_not_elsewhere_for_its_name() {
        // A page laid out "with a sidebar" names its whole frame for it; the story's own
        // dateline inside that frame is still the story's.
        let page = "<body><div class='story-page sidebar-mode'><article>\
            <h1>Rivers of the north run high</h1><ul class=post-info><li>Ann Bee</li>\
            <li><time>May 31, 2024</time></li></ul><p>The rivers of the north ran higher this \
            spring than in any year since records began.</p></article>\
            <aside class=sidebar><time>June 2, 2024</time></aside></div></body>";
        let dom = crate::parse::document(page);
        let anchor = Anchor::find(&dom, "Rivers of the north run high");
        assert_eq!(
            visible_date(&dom, None, anchor.as_ref()).as_deref(),
            Some("2024-05-31")
        );
        // Without the headline to go by, a list item's date may be an archive's.
        assert_eq!(visible_date(&dom, None, None), None);
    }

    #[test]
    fn a_heading_that_shares_half_the_title_places_the_dateline() {
        let dom = crate::parse::document(
            "<body><nav><a href=/>Home</a></nav><article>\
             <h1>How To Use Gym Equipment (With Confidence!)</h1><p>Sweat</p>\
             <p>August 16, 2019</p><p>The machines in a gym look daunting until someone shows \
             you how each of them works, one at a time.</p></article></body>",
        );
        let title = "How To Use Gym Equipment: A Beginner's Guide";
        assert!(Anchor::find(&dom, title).is_none());
        let headline = Headline {
            text: title,
            anchor: None,
        };
        assert_eq!(
            page_date(&dom, None, None, headline, false).as_deref(),
            Some("2019-08-16")
        );
    }

    #[test]
    fn a_publication_marked_with_its_update_class_is_still_the_publication() {
        // WordPress marks its publication date "published updated".
        assert_eq!(
            shown(
                "<p><time class='entry-date published updated' datetime=2024-08-25>August 25, 2024</time></p>",
                ""
            )
            .as_deref(),
            Some("2024-08-25")
        );
    }

    #[test]
    fn a_site_header_above_the_story_and_the_headline_are_not_its_dateline() {
        let page = "<body><header class=site><p>Wednesday, 24 September 2025</p></header>\
            <main><article><h1>Rivers of the north run high</h1><p>The rivers of the north ran \
            higher this spring than in any year since records began.</p></article></main></body>";
        let dom = crate::parse::document(page);
        let anchor = Anchor::find(&dom, "Rivers of the north run high").unwrap();
        assert_eq!(shown_publication_date(&dom, &anchor), None);
        // A kicker's date in the headline's own header is the story's.
        let page = page.replace(
            "<article><h1>",
            "<article><header><p class=kicker>May 31, 2024</p><h1>",
        );
        let page = page.replace("</h1>", "</h1></header>");
        let dom = crate::parse::document(&page);
        let anchor = Anchor::find(&dom, "Rivers of the north run high").unwrap();
        assert_eq!(
            shown_publication_date(&dom, &anchor).as_deref(),
            Some("2024-05-31")
        );
        // The headline's own date is its subject's.
        let page = "<body><article><header class=post-info><h1>Floods of March 3, 2021</h1>\
            </header><p>The rivers of the north ran higher that spring than in any year since \
            records began.</p></article></body>";
        let dom = crate::parse::document(page);
        let anchor = Anchor::find(&dom, "Floods of March 3, 2021").unwrap();
        assert_eq!(shown_publication_date(&dom, &anchor), None);
    }

    #[test]
    fn another_story_and_the_story_body_are_not_the_dateline() {
        // A related story's card just under a short story: its date is its own.
        let related = "<h2>Related</h2><article class=card><a href=/b>Next</a>\
                       <time datetime=2025-12-18>18 Dec 2025</time></article>";
        assert_eq!(shown("", related), None);
        // A date far into the story is no dateline.
        let far = format!(
            "<p>{}</p><p class=date>March 3, 2021</p>",
            "The towns along the river are counting the cost. ".repeat(20)
        );
        assert_eq!(shown(&far, ""), None);
    }
}
