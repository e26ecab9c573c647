//! The output model: plain data, serializable, with no trace of the page's own markup.
//!
//! The article body is a tree of [`Block`]s built from an allowlist of tags and attributes
//! (see `extract::build`); everything the reader sees — HTML (`render`), clean text and Markdown (`text`, `copy`),
//! the extension's reader view — is rendered from this tree, never copied from the page.

use crate::label::{Affiliation, NameClaim, WireCredit};
use serde::Serialize;

/// An extracted article.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Article {
    /// The headline, cleaned of the site-name suffix.
    pub title: Option<String>,
    pub byline: Option<String>,
    pub excerpt: Option<String>,
    pub site_name: Option<String>,
    /// As the page gives it (usually ISO 8601).
    pub published_time: Option<String>,
    /// BCP 47 language tag from `<html lang>` or metadata.
    pub lang: Option<String>,
    /// `ltr` or `rtl` when the page says so.
    pub dir: Option<String>,
    /// Absolute URL of the lead image (Open Graph / Twitter / JSON-LD).
    pub lead_image: Option<String>,
    /// The page's URL after resolution, or `None` when none was given.
    pub url: Option<String>,
    /// The address the copied text cites: the page's canonical link where it is on the page's own
    /// site, else its URL, without tracking parameters (`utm_*`, `fbclid`, `gclid`…).
    pub source_url: Option<String>,
    /// Whether the page looks like an article worth a reader view.
    pub readerable: bool,
    /// What kind of page it is: `article`, `thread` (shown as its posts), `listing` (shown as its
    /// items), `product` or `page`.
    pub kind: crate::extract::PageKind,
    /// The article body as clean text (headline not included).
    pub text: String,
    pub word_count: usize,
    /// The article body as a tree of allowlisted nodes.
    pub content: Vec<Block>,
    /// Who stands behind the outlet, when it has a state tie (`data/outlets.csv`).
    pub affiliation: Option<Affiliation>,
    /// The outlet the page calls itself, when that is a listed outlet whose address it does not
    /// have: a claim reported as one, never a label.
    pub name_claim: Option<NameClaim>,
    /// State agencies whose copy the article carries (`data/wire-agencies.csv`).
    pub wire_credits: Vec<WireCredit>,
}

/// A node of the article body. Tags and attribute names are from the allowlist in
/// `extract::build`, so they are `'static`; attribute values are already validated.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(untagged)]
pub enum Block {
    Text(String),
    Element(Element),
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Element {
    pub tag: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub attrs: Vec<(&'static str, String)>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<Block>,
}

impl Block {
    /// An element with no attributes: the model's own structure (a list of items, a thread's
    /// rules and headers, a figure around a caption), not one of the page's.
    pub fn element(tag: &'static str, children: Vec<Block>) -> Block {
        Block::Element(Element {
            tag,
            attrs: Vec::new(),
            children,
        })
    }
}

impl Element {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(key, _)| *key == name)
            .map(|(_, value)| value.as_str())
    }
}

/// Whether `blocks` show the image at `src` anywhere (the lead image is drawn above the body
/// only when they do not).
pub fn shows_image(blocks: &[Block], src: &str) -> bool {
    blocks.iter().any(|block| match block {
        Block::Element(element) => {
            (element.tag == "img" && element.attr("src") == Some(src))
                || shows_image(&element.children, src)
        }
        Block::Text(_) => false,
    })
}

/// Every tag the model can hold (`extract::build` re-creates nothing else). The reader view
/// (`extension/src/reader.js`) renders only these too; `tests/allowlist.rs` keeps the two equal.
pub const MODEL_TAGS: &[&str] = &[
    "p",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "code",
    "figure",
    "figcaption",
    "img",
    "table",
    "caption",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "td",
    "th",
    "a",
    "em",
    "strong",
    "u",
    "s",
    "sub",
    "sup",
    "small",
    "mark",
    "cite",
    "q",
    "abbr",
    "time",
    "kbd",
    "ruby",
    "rt",
    "rp",
    "br",
    "hr",
    "details",
    "summary",
    "div",
];

/// Every attribute the model can hold, by tag; values are validated when the model is built.
pub const MODEL_ATTRIBUTES: &[(&str, &[&str])] = &[
    ("a", &["href", "title"]),
    ("img", &["src", "alt", "title", "width", "height"]),
    ("td", &["colspan", "rowspan"]),
    ("th", &["colspan", "rowspan"]),
    ("ol", &["start"]),
    ("time", &["datetime"]),
    ("abbr", &["title"]),
    ("pre", &["class"]),
    ("code", &["class"]),
];

/// Tags rendered as blocks of their own (paragraph breaks in text and Markdown).
pub const BLOCK_TAGS: &[&str] = &[
    "p",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "blockquote",
    "pre",
    "figure",
    "figcaption",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "td",
    "th",
    "caption",
    "hr",
    "dl",
    "dt",
    "dd",
    "div",
    "section",
    "details",
    "summary",
    "aside",
];

pub fn is_block_tag(tag: &str) -> bool {
    BLOCK_TAGS.contains(&tag)
}

/// Model builders for the unit tests of the stages and renderers that read the model.
#[cfg(test)]
pub(crate) mod build_for_tests {
    use super::{Block, Element};

    pub fn el(tag: &'static str, children: Vec<Block>) -> Block {
        Block::Element(Element {
            tag,
            attrs: Vec::new(),
            children,
        })
    }

    pub fn t(s: &str) -> Block {
        Block::Text(s.to_string())
    }
}
