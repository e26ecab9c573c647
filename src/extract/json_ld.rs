//! Stage 3's structured data: the schema.org article a page declares in its JSON-LD (in a
//! graph, or as a page's main entity), and the date a web page object gives. Only what the
//! metadata needs is read; the types are looked up by name, never by site.

use crate::dom::collapse_whitespace;
use serde_json::{Map, Value};

/// What the page's schema.org article says of itself.
#[derive(Default)]
pub(super) struct JsonLd {
    pub(super) found: bool,
    pub(super) title: Option<String>,
    pub(super) byline: Option<String>,
    pub(super) excerpt: Option<String>,
    pub(super) site_name: Option<String>,
    pub(super) published_time: Option<String>,
    /// A web page object's `datePublished`: the date when neither an article nor the meta
    /// tags give one.
    pub(super) page_date: Option<String>,
    pub(super) lead_image: Option<String>,
}

const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "AdvertiserContentArticle",
    "NewsArticle",
    "AnalysisNewsArticle",
    "AskPublicNewsArticle",
    "BackgroundNewsArticle",
    "OpinionNewsArticle",
    "ReportageNewsArticle",
    "ReviewNewsArticle",
    "Report",
    "SatiricalArticle",
    "ScholarlyArticle",
    "MedicalScholarlyArticle",
    "SocialMediaPosting",
    "BlogPosting",
    "LiveBlogPosting",
    "DiscussionForumPosting",
    "TechArticle",
    "APIReference",
];

fn is_article_type(value: &Value) -> bool {
    match value {
        Value::String(s) => ARTICLE_TYPES.contains(&s.as_str()),
        Value::Array(items) => items.iter().any(is_article_type),
        _ => false,
    }
}

fn string_of(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) => Some(collapse_whitespace(s)).filter(|s| !s.is_empty()),
        _ => None,
    }
}

/// The objects of the page's JSON-LD by their `@id`: a graph names its article's author and
/// publisher by reference (`"author":{"@id":"…/#/schema/person/…"}`, as SEO plugins write
/// it), and the person or organisation stands elsewhere in the graph.
/// A list, not a map: a graph holds a few dozen nodes, and a hash map's code is 1.6 KB more wasm
/// for the click to compile.
struct Nodes<'a>(Vec<(&'a str, &'a Map<String, Value>)>);

/// How deep in a page's JSON-LD its article, page and nodes are looked for.
const MAX_DEPTH: usize = 8;

/// Most objects a page's JSON-LD is searched through for `@id`s.
const MAX_NODES: usize = 2_000;

impl<'a> Nodes<'a> {
    fn of(scripts: &'a [Value]) -> Self {
        let mut nodes = Vec::new();
        let mut stack: Vec<(&Value, usize)> = scripts.iter().map(|v| (v, 0)).collect();
        let mut seen = 0;
        while let Some((value, depth)) = stack.pop() {
            seen += 1;
            if seen > MAX_NODES || depth > MAX_DEPTH {
                continue;
            }
            match value {
                Value::Array(items) => stack.extend(items.iter().map(|v| (v, depth + 1))),
                Value::Object(map) => {
                    if let Some(id) = map.get("@id").and_then(Value::as_str) {
                        // An object that says more than its id is the node itself.
                        if map.len() > 1 {
                            nodes.push((id, map));
                        }
                    }
                    if let Some(graph) = map.get("@graph") {
                        stack.push((graph, depth + 1));
                    }
                }
                _ => {}
            }
        }
        Nodes(nodes)
    }

    /// `map` itself, or the node it refers to when it is only a reference.
    fn resolve(&self, map: &'a Map<String, Value>) -> &'a Map<String, Value> {
        match map.get("@id").and_then(Value::as_str) {
            Some(id) if !map.contains_key("name") => self
                .0
                .iter()
                .find(|(node_id, _)| *node_id == id)
                .map_or(map, |&(_, node)| node),
            _ => map,
        }
    }

    /// Names from an `author` value: a string, an object with `name` (or a reference to one),
    /// or a list of either.
    fn author_names(&self, value: &'a Value) -> Vec<String> {
        match value {
            Value::String(s) => vec![collapse_whitespace(s)],
            Value::Object(map) => string_of(self.resolve(map).get("name"))
                .into_iter()
                .collect(),
            Value::Array(items) => items.iter().flat_map(|v| self.author_names(v)).collect(),
            _ => Vec::new(),
        }
    }
}

fn image_url(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.trim().to_string()),
        Value::Object(map) => string_of(map.get("url")),
        Value::Array(items) => items.iter().find_map(image_url),
        _ => None,
    }
}

/// Find the first schema.org article object in the page's JSON-LD scripts.
fn find_article(value: &Value, depth: usize) -> Option<&Map<String, Value>> {
    if depth > MAX_DEPTH {
        return None;
    }
    match value {
        Value::Array(items) => items.iter().find_map(|v| find_article(v, depth + 1)),
        Value::Object(map) => {
            if map.get("@type").is_some_and(is_article_type) {
                return Some(map);
            }
            // A page's graph, or the page object naming the article as its main entity.
            ["@graph", "mainEntity"]
                .iter()
                .find_map(|key| find_article(map.get(*key)?, depth + 1))
        }
        _ => None,
    }
}

/// The `datePublished` of the first web page object (`WebPage` or a kind of it, `FAQPage`,
/// `ItemPage`…) in a JSON-LD value: where SEO plugins put a post's date when they declare no
/// article.
fn page_date(value: &Value, depth: usize) -> Option<String> {
    if depth > MAX_DEPTH {
        return None;
    }
    match value {
        Value::Array(items) => items.iter().find_map(|v| page_date(v, depth + 1)),
        Value::Object(map) => {
            let is_page = |kind: &Value| match kind {
                Value::String(s) => s.ends_with("Page"),
                Value::Array(kinds) => kinds
                    .iter()
                    .any(|k| k.as_str().is_some_and(|s| s.ends_with("Page"))),
                _ => false,
            };
            if map.get("@type").is_some_and(is_page) {
                if let Some(date) = string_of(map.get("datePublished")) {
                    return Some(date);
                }
            }
            map.get("@graph").and_then(|g| page_date(g, depth + 1))
        }
        _ => None,
    }
}

/// The first schema.org article in the page's JSON-LD scripts, and a web page object's date.
pub(super) fn read(scripts: &[String], document_title: &str) -> JsonLd {
    // serde_json refuses nesting past 128 levels: a hostile page gets no stack.
    let parsed: Vec<Value> = scripts
        .iter()
        .filter_map(|raw| serde_json::from_str::<Value>(raw).ok())
        .collect();
    let mut found = json_ld_article(&parsed, document_title);
    found.page_date = parsed.iter().find_map(|value| page_date(value, 0));
    found
}

fn json_ld_article(scripts: &[Value], document_title: &str) -> JsonLd {
    let nodes = Nodes::of(scripts);
    for parsed in scripts {
        let Some(article) = find_article(parsed, 0) else {
            continue;
        };
        let name = string_of(article.get("name"));
        let headline = string_of(article.get("headline"));
        let title = match (name, headline) {
            (Some(name), Some(headline)) if name != headline => {
                // Prefer whichever the document title resembles (Readability does the same).
                let name_sim = super::title::text_similarity(&name, document_title);
                let head_sim = super::title::text_similarity(&headline, document_title);
                Some(if head_sim > name_sim { headline } else { name })
            }
            (name, headline) => name.or(headline),
        };
        let byline = article
            .get("author")
            .map(|a| nodes.author_names(a))
            .and_then(|names| {
                let names: Vec<_> = names.into_iter().filter(|n| !n.is_empty()).collect();
                (!names.is_empty()).then(|| names.join(", "))
            });
        let site_name = article
            .get("publisher")
            .and_then(|p| p.as_object())
            .and_then(|p| string_of(nodes.resolve(p).get("name")));
        return JsonLd {
            found: true,
            title,
            byline,
            excerpt: string_of(article.get("description")),
            site_name,
            published_time: string_of(article.get("datePublished")),
            page_date: None,
            lead_image: article.get("image").and_then(image_url),
        };
    }
    JsonLd::default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_author_and_a_publisher_named_by_reference_are_read_from_the_graph() {
        let script = r#"{"@context":"https://schema.org","@graph":[
            {"@type":"Article","headline":"H","author":{"@id":"https://a.example/#/person/1"},
             "publisher":{"@id":"https://a.example/#org"}},
            {"@type":"Person","@id":"https://a.example/#/person/1","name":"Doris Schuppe"},
            {"@type":"Organization","@id":"https://a.example/#org","name":"Doschu"}]}"#;
        let ld = read(&[script.to_string()], "H");
        assert_eq!(ld.byline.as_deref(), Some("Doris Schuppe"));
        assert_eq!(ld.site_name.as_deref(), Some("Doschu"));
        // A reference to nothing on the page names no one.
        let dangling =
            r#"{"@type":"Article","headline":"H","author":{"@id":"https://a.example/#x"}}"#;
        assert_eq!(read(&[dangling.to_string()], "H").byline, None);
    }
}
