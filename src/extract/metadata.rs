//! Stage 3: what the page says about itself — JSON-LD, Open Graph, Twitter, Dublin Core and
//! plain `<meta>` tags — read before any cleaning, in Readability's order of preference.

use super::byline::is_login;
use super::title::SiteNames;
use crate::dom::{collapse_whitespace, Dom, ROOT};
use std::collections::HashMap;

/// Metadata found in the page's head and structured data.
#[derive(Debug, Default, Clone)]
pub struct Metadata {
    pub title: Option<String>,
    pub byline: Option<String>,
    /// An author the metadata gives that names no writer as a reader knows them (the site's own
    /// name; outside a forum, a login): the byline where nothing else names one.
    pub fallback_byline: Option<String>,
    pub excerpt: Option<String>,
    pub site_name: Option<String>,
    pub published_time: Option<String>,
    pub lead_image: Option<String>,
    pub lang: Option<String>,
    /// `<link rel="canonical">`, else `og:url`: where the page says it lives.
    pub canonical_url: Option<String>,
    /// The page's names for its publisher, kept apart for the outlet label's exact-name match.
    pub og_site_name: Option<String>,
    pub publisher: Option<String>,
    /// The page calls itself an article: a schema.org article type in its JSON-LD, or
    /// `og:type` "article".
    pub declares_article: bool,
}

const META_PREFIXES: &[&str] = &["article", "dc", "dcterm", "og", "twitter"];
const META_FIELDS: &[&str] = &[
    "author",
    "creator",
    "description",
    "published_time",
    "type",
    "title",
    "site_name",
    "image",
    "url",
];

/// Collect `<meta>` values under normalized keys such as `og:title` or `author`.
fn meta_values(dom: &Dom) -> HashMap<String, String> {
    let mut values = HashMap::new();
    for meta in dom.find_all(ROOT, &["meta"]) {
        let Some(content) = dom.attr(meta, "content") else {
            continue;
        };
        let content = content.trim();
        if content.is_empty() {
            continue;
        }
        let mut matched_property = false;
        if let Some(property) = dom.attr(meta, "property") {
            // `property` may hold several space-separated names.
            for name in property.split_whitespace() {
                let lower = name.to_ascii_lowercase();
                if let Some((prefix, field)) = lower.split_once(':') {
                    if META_PREFIXES.contains(&prefix) && META_FIELDS.contains(&field) {
                        values.insert(format!("{prefix}:{field}"), content.to_string());
                        matched_property = true;
                    }
                }
            }
        }
        if matched_property {
            continue;
        }
        if let Some(name) = dom
            .attr(meta, "name")
            .or_else(|| dom.attr(meta, "itemprop"))
        {
            let key = normalize_meta_name(name);
            if let Some(key) = key {
                values.entry(key).or_insert_with(|| content.to_string());
            }
        }
    }
    values
}

/// The name a page's labelled pair gives as its author: `twitter:data1` where `twitter:label1`
/// introduces a name ("Written by", "Verfasst von", "Escrito por"), as SEO plugins write them.
fn labelled_author(values: &HashMap<String, String>) -> Option<String> {
    let label = values.get("twitter:label1")?;
    super::introductions::is_introduction(label)
        .then(|| first_of(values, &["twitter:data1"]))
        .flatten()
}

/// `dc.creator`, `DC:Creator`, `twitter:title`, `parsely-pub-date`... → one canonical key.
fn normalize_meta_name(name: &str) -> Option<String> {
    let lower = collapse_whitespace(&name.to_ascii_lowercase());
    let plain = [
        "author",
        "creator",
        "pub-date",
        "description",
        "title",
        "site_name",
        "image",
        // A pair a page labels itself (`twitter:label1` "Written by", `twitter:data1` the name).
        "label1",
        "data1",
    ];
    if plain.contains(&lower.as_str()) {
        return Some(lower);
    }
    for prefix in [
        "dc",
        "dcterm",
        "og",
        "twitter",
        "parsely",
        "weibo:article",
        "weibo:webpage",
    ] {
        if let Some(rest) = lower.strip_prefix(prefix) {
            let rest = rest.trim_start();
            if let Some(field) = rest
                .strip_prefix(['-', '.', ':'])
                .map(str::trim)
                .filter(|f| plain.contains(f))
            {
                return Some(format!("{prefix}:{field}"));
            }
        }
    }
    None
}

fn first_of(values: &HashMap<String, String>, keys: &[&str]) -> Option<String> {
    keys.iter()
        .find_map(|key| values.get(*key))
        .map(|v| collapse_whitespace(v))
        .filter(|v| !v.is_empty())
}

/// Read the page's metadata. `document_title` is the `<title>` text, used to choose between
/// JSON-LD `name` and `headline` when they differ; `host` is the page's, and `in_forum` whether
/// it declares a discussion, for the byline.
pub fn read(
    dom: &Dom,
    document_title: &str,
    json_ld_scripts: &[String],
    host: Option<&str>,
    in_forum: bool,
) -> Metadata {
    let values = meta_values(dom);
    let ld = super::json_ld::read(json_ld_scripts, document_title);
    // An author that is the site itself ("Badische Zeitung" on its own pages, "LAOLA1.at") or,
    // outside a forum, a login ("wordpressadmin") names no writer as a reader knows them: the
    // next source is asked first, and the page's own byline after it; such a name stands only
    // where nothing names a writer (`fallback_byline`, a login before the site's name). In a
    // forum, posters go by their logins. An address (a profile link) is no name at all. Each is
    // compared as the page means it, its twice-escaped references decoded (see below).
    let site = SiteNames::new(
        &[
            ld.site_name.as_deref(),
            first_of(&values, &["og:site_name"]).as_deref(),
        ],
        host,
    );
    let authors: Vec<String> = [
        ld.byline.clone(),
        first_of(&values, &["dc:creator"]),
        first_of(&values, &["dcterm:creator"]),
        first_of(&values, &["author"]),
        first_of(&values, &["parsely:author"]),
        labelled_author(&values),
    ]
    .into_iter()
    .flatten()
    .map(|name| {
        if name.contains('&') {
            unescape_entities(&name)
        } else {
            name
        }
    })
    .filter(|name| !name.starts_with("http://") && !name.starts_with("https://"))
    .collect();
    let login = |name: &str| !in_forum && is_login(name);
    let names_no_writer = |name: &str| site.is_declared_or_address(name) || login(name);
    let byline = authors.iter().find(|name| !names_no_writer(name)).cloned();
    let fallback_byline = authors
        .iter()
        .find(|name| login(name))
        .or_else(|| {
            authors
                .iter()
                .find(|name| site.is_declared_or_address(name))
        })
        .cloned();
    let mut meta = Metadata {
        title: ld.title.clone().or_else(|| {
            first_of(
                &values,
                &[
                    "dc:title",
                    "dcterm:title",
                    "og:title",
                    "weibo:article:title",
                    "weibo:webpage:title",
                    "title",
                    "twitter:title",
                    "parsely:title",
                ],
            )
        }),
        byline,
        fallback_byline,
        excerpt: ld.excerpt.clone().or_else(|| {
            first_of(
                &values,
                &[
                    "dc:description",
                    "dcterm:description",
                    "og:description",
                    "weibo:article:description",
                    "weibo:webpage:description",
                    "description",
                    "twitter:description",
                ],
            )
        }),
        site_name: ld
            .site_name
            .clone()
            .or_else(|| first_of(&values, &["og:site_name"])),
        published_time: ld
            .published_time
            .clone()
            .or_else(|| {
                first_of(
                    &values,
                    &["article:published_time", "parsely:pub-date", "dc:date"],
                )
            })
            .or_else(|| ld.page_date.clone()),
        lead_image: first_of(&values, &["og:image", "twitter:image", "image"])
            .or(ld.lead_image.clone()),
        lang: None,
        canonical_url: canonical_link(dom).or_else(|| first_of(&values, &["og:url"])),
        og_site_name: first_of(&values, &["og:site_name"]),
        publisher: ld.site_name,
        declares_article: ld.found
            || first_of(&values, &["og:type"])
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("article")),
    };
    // Sites escape their metadata twice (`Olive &#038; Herb`, `&amp;amp;`, `&bull;` in JSON-LD);
    // the parser has undone one level, this undoes the second (every reference HTML knows, where
    // Readability knows five).
    for field in [
        &mut meta.title,
        &mut meta.excerpt,
        &mut meta.site_name,
        &mut meta.published_time,
    ] {
        if let Some(value) = field.as_mut() {
            if value.contains('&') {
                *value = unescape_entities(value);
            }
        }
    }
    meta.published_time = meta.published_time.map(as_calendar_date);
    meta.lang = dom
        .find_first(ROOT, |d, n| d.is_tag(n, "html"))
        .and_then(|html| dom.attr(html, "lang"))
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string);
    meta
}

/// Character references left in metadata (`&#038;`, `&amp;amp;`, `&bull;` in a JSON-LD
/// headline), decoded as the parser decodes an attribute: Readability's `_unescapeHtmlEntities`
/// knows five names, and left "Healthy Eating Plate &bull; The Nutrition Source" as a title.
fn unescape_entities(text: &str) -> String {
    crate::parse::decode_references(text).into_owned()
}

fn canonical_link(dom: &Dom) -> Option<String> {
    dom.find_all(ROOT, &["link"])
        .into_iter()
        .find(|&link| {
            dom.attr(link, "rel").is_some_and(|rel| {
                rel.split_ascii_whitespace()
                    .any(|r| r.eq_ignore_ascii_case("canonical"))
            })
        })
        .and_then(|link| dom.attr(link, "href"))
        .map(str::trim)
        .filter(|href| !href.is_empty())
        .map(str::to_string)
}

/// A date the metadata writes for people ("Feb 08, 2022", "12. März 2021") as its calendar
/// date, which the view and the copy show in the reader's own way; an ISO 8601 time, or a
/// form that names no unambiguous day ("03/04/2025": March or April), as written.
fn as_calendar_date(value: String) -> String {
    if crate::text::iso_day(&value).is_some() {
        return value;
    }
    super::date_text::date_in(&value).unwrap_or(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The metadata of `html`, read as the pipeline reads it (its structured data found first).
    fn read_page(html: &str, title: &str) -> Metadata {
        let dom = crate::parse::document(html);
        read(
            &dom,
            title,
            &super::super::kind::Declarations::read(&dom).json_ld,
            None,
            false,
        )
    }

    #[test]
    fn a_date_written_for_people_is_read_as_its_day() {
        let page = |date: &str| {
            format!(
                r#"<html><head><script type="application/ld+json">{{"@type":"BlogPosting",
                "headline":"H","datePublished":"{date}"}}</script></head><body></body></html>"#
            )
        };
        for (written, read) in [
            ("Feb 08, 2022", "2022-02-08"),
            ("12. März 2021", "2021-03-12"),
            ("2021-03-12T08:00:00-05:00", "2021-03-12T08:00:00-05:00"),
            ("09/25/2025", "2025-09-25"),
            ("03/04/2025", "03/04/2025"),
        ] {
            let meta = read_page(&page(written), "H");
            assert_eq!(meta.published_time.as_deref(), Some(read), "{written}");
        }
    }

    #[test]
    fn the_page_object_gives_its_main_entity_and_its_date() {
        let main_entity = r#"<html><head><script type="application/ld+json">{"@type":"WebPage",
            "mainEntity":{"@type":"DiscussionForumPosting","headline":"Which keyboard?",
            "author":{"name":"Ann"},"datePublished":"2024-05-01T10:00:00Z"}}</script></head></html>"#;
        let meta = read_page(main_entity, "Which keyboard?");
        assert_eq!(meta.byline.as_deref(), Some("Ann"));
        assert_eq!(meta.published_time.as_deref(), Some("2024-05-01T10:00:00Z"));
        let graph = r#"<html><head><script type="application/ld+json">{"@graph":[
            {"@type":"Organization","name":"Firm"},
            {"@type":["WebPage","FAQPage"],"name":"Guide","datePublished":"2021-01-27T06:00:00+00:00"}
            ]}</script></head></html>"#;
        let meta = read_page(graph, "Guide");
        assert_eq!(
            meta.published_time.as_deref(),
            Some("2021-01-27T06:00:00+00:00")
        );
        assert!(!meta.declares_article);
        // The page's own meta tag for an article's date comes before the page object's.
        let with_tag = graph.replace(
            "<head>",
            r#"<head><meta property="article:published_time" content="2021-01-20">"#,
        );
        let meta = read_page(&with_tag, "Guide");
        assert_eq!(meta.published_time.as_deref(), Some("2021-01-20"));
    }

    #[test]
    fn json_ld_wins_over_meta_tags() {
        let html = r#"<html lang="en"><head><title>Doc</title>
            <meta property="og:title" content="OG title">
            <meta name="author" content="Meta Author">
            <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
              "headline":"LD title","author":[{"@type":"Person","name":"Ann"},{"name":"Bob"}],
              "publisher":{"@type":"Organization","name":"The Paper"},"datePublished":"2020-01-02"}</script>
            </head><body></body></html>"#;
        let meta = read_page(html, "Doc");
        assert_eq!(meta.title.as_deref(), Some("LD title"));
        assert_eq!(meta.byline.as_deref(), Some("Ann, Bob"));
        assert_eq!(meta.site_name.as_deref(), Some("The Paper"));
        assert_eq!(meta.published_time.as_deref(), Some("2020-01-02"));
        assert_eq!(meta.lang.as_deref(), Some("en"));
    }

    #[test]
    fn a_labelled_pair_names_the_author_only_under_an_author_s_label() {
        let page = |label: &str, data: &str| {
            format!(
                r#"<html><head><title>Doc</title><meta name="twitter:label1" content="{label}">
                <meta name="twitter:data1" content="{data}"></head><body></body></html>"#
            )
        };
        let byline = |label: &str, data: &str| read_page(&page(label, data), "Doc").byline;
        assert_eq!(
            byline("Verfasst von", "Karoline Herr").as_deref(),
            Some("Karoline Herr")
        );
        assert_eq!(byline("Written by", "Ann Bee").as_deref(), Some("Ann Bee"));
        assert_eq!(byline("Est. reading time", "3 minutes"), None);
        assert_eq!(byline("Availability", "In stock"), None);
    }

    #[test]
    fn an_author_that_is_the_site_gives_way_to_one_that_names_a_writer() {
        let html = r#"<html><head><title>Doc</title>
            <meta property="og:site_name" content="Badische Zeitung">
            <meta name="author" content="Badische Zeitung">
            <meta name="parsely-author" content="Lisa Petrich">
            </head><body></body></html>"#;
        let meta = read_page(html, "Doc");
        assert_eq!(meta.byline.as_deref(), Some("Lisa Petrich"));
        assert_eq!(meta.fallback_byline.as_deref(), Some("Badische Zeitung"));
        // The site's address, or its first label, is its name too.
        let html = r#"<html><head><meta name="author" content="LAOLA1.at"></head></html>"#;
        let dom = crate::parse::document(html);
        let meta = read(&dom, "", &[], Some("www.laola1.at"), false);
        assert_eq!(meta.byline, None);
        assert_eq!(meta.fallback_byline.as_deref(), Some("LAOLA1.at"));
    }

    #[test]
    fn twice_escaped_metadata_is_unescaped_once_more() {
        assert_eq!(
            unescape_entities("Olive &#038; Herb &amp;amp; Co"),
            "Olive & Herb &amp; Co"
        );
        assert_eq!(
            unescape_entities("A &#8211; B &#x2014; C &bogus; D & E"),
            "A – B — C &bogus; D & E"
        );
        assert_eq!(unescape_entities("&#1114112; &#0;"), "\u{fffd} \u{fffd}");
        assert_eq!(
            unescape_entities("Healthy Eating Plate &bull; The Nutrition Source"),
            "Healthy Eating Plate • The Nutrition Source"
        );
        // A legacy name before a letter is text, as in an attribute: "AT&T", "&copyright".
        assert_eq!(unescape_entities("AT&T &copyright"), "AT&T &copyright");
        let html = r#"<head><meta property="og:title" content="Olive &amp;#038; Herb"></head>"#;
        let meta = read_page(html, "");
        assert_eq!(meta.title.as_deref(), Some("Olive & Herb"));
    }

    #[test]
    fn meta_names_are_normalized() {
        let html = r#"<head><meta name="DC.Creator" content="Dee"><meta property="og:site_name twitter:site_name" content="Site">
            <meta name="twitter:description" content="Tw"></head>"#;
        let meta = read_page(html, "");
        assert_eq!(meta.byline.as_deref(), Some("Dee"));
        assert_eq!(meta.site_name.as_deref(), Some("Site"));
        assert_eq!(meta.excerpt.as_deref(), Some("Tw"));
    }
}
