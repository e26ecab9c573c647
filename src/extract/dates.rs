//! Stage 5, when the metadata gives no date: the date the page shows by its headline. Almost every article
//! whose metadata is silent still says when it was published, in a `<time>` element, in its
//! address (`/2019/01/31/`) or on a line of its own marked as the date ("Veröffentlicht am
//! 3. März 2021", "12 marca 2021", "2021年3月12日"). Read in that order of trust; dates in
//! navigation, sidebars, comments and teasers for other stories are not the article's.
//!
//! The result is a calendar date, `YYYY-MM-DD`.

use super::anchor::Anchor;
use super::date_text::{calendar_date, date_in};
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

/// Class and id words of regions whose dates belong to other things.
const ELSEWHERE_MARKERS: &[&str] = &[
    "comment", "related", "sidebar", "widget", "teaser", "footer", "recent", "popular", "archive",
    "calendar", "event",
];

/// The date the page shows for itself, as `YYYY-MM-DD`. With the headline's place known, only
/// what stands near it is read: the dateline is by the headline, and a page of many elements
/// is not read whole for it.
pub fn visible_date(dom: &Dom, url: Option<&Url>, anchor: Option<&Anchor>) -> Option<String> {
    let body = dom.body().unwrap_or(ROOT);
    let near = |node: NodeId| anchor.is_none_or(|a| a.near_headline(node));
    let times = dom.find_all(body, &["time"]);
    let from_time = times
        .iter()
        .filter(|&&t| near(t) && !is_elsewhere(dom, t) && !is_modified_date(dom, t))
        .find_map(|&t| {
            dom.attr(t, "datetime")
                .and_then(date_in)
                .or_else(|| date_in(&dom.inner_text(t)))
        });
    from_time
        .or_else(|| url.and_then(|u| date_in_path(u.path())))
        .or_else(|| {
            dom.descendants(body).into_iter().find_map(|node| {
                (near(node)
                    && dom.is_element(node)
                    && is_marked_as_date(dom, node)
                    && dom.text_len(node) <= MAX_DATE_LINE_CHARS
                    && !is_elsewhere(dom, node))
                .then(|| date_in(&dom.inner_text(node)))
                .flatten()
            })
        })
}

/// A `<time>` for when the story was last changed, not when it was published.
fn is_modified_date(dom: &Dom, time: NodeId) -> bool {
    let names = format!(
        "{} {}",
        dom.class_and_id(time),
        dom.attr(time, "itemprop").unwrap_or_default()
    )
    .to_lowercase();
    names.contains("modified") || names.contains("updated")
}

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

fn is_elsewhere(dom: &Dom, node: NodeId) -> bool {
    dom.ancestors(node, 0).into_iter().any(|a| {
        matches!(dom.tag(a), Some("nav" | "aside" | "footer" | "li"))
            || contains_marker(&dom.class_and_id(a).to_lowercase())
    })
}

fn contains_marker(names: &str) -> bool {
    ELSEWHERE_MARKERS.iter().any(|m| names.contains(m))
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
}
