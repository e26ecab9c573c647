//! # Masthead
//!
//! Reader mode with a masthead: the article of a web page, clean, and who stands behind it.
//!
//! The core is pure Rust — strings in, plain data out — so it runs the same in the browser
//! extension (through `web`, compiled to WebAssembly), on the `www/` demo page, and in the
//! `masthead` command-line tool:
//!
//! ```
//! let html = "<html><head><title>A story about the harbour - The Paper</title></head><body><article>\
//!             <h1>A story about the harbour</h1><p>It began, as these things do, with a long paragraph \
//!             about something that happened, and it went on for a while.</p></article></body></html>";
//! let article = masthead::extract(html, Some("https://example.com/a"), &masthead::Options::default()).unwrap();
//! assert_eq!(article.title.as_deref(), Some("A story about the harbour"));
//! assert!(article.text.starts_with("It began"));
//! ```
#![forbid(unsafe_code)]

pub mod address;
pub mod article;
pub mod copy;
mod dom;
pub mod encoding;
mod extract;
pub mod label;
pub mod options;
mod parse;
pub mod render;
pub mod text;
pub mod wording;

#[cfg(target_arch = "wasm32")]
pub mod web;

pub use article::{Article, Block, Element};

/// How the fast parser did on a page, for the agreement tests and the `parse` fuzz target:
/// `Ok(None)` when it handed the page to html5ever (with why), `Ok(Some(..))` when it built the
/// same tree as html5ever, `Err` with the first difference otherwise.
#[doc(hidden)]
pub fn fast_parse_agreement(html: &str) -> Result<Option<()>, String> {
    let limit = Options::default().max_dom_depth;
    match parse::fast(html, limit) {
        Err(_) => Ok(None),
        Ok(fast) => match fast.first_difference(&parse::with_html5ever(html, limit)) {
            None => Ok(Some(())),
            Some(difference) => Err(difference),
        },
    }
}

/// Why the fast parser hands `html` to html5ever (`None` when it does not).
#[doc(hidden)]
pub fn fast_parse_refusal(html: &str) -> Option<&'static str> {
    parse::fast(html, Options::default().max_dom_depth)
        .err()
        .map(|unsupported| unsupported.0)
}
pub use extract::extract;
pub use options::Options;

/// Why a page could not be processed. A page that is simply not an article is not an error:
/// it gets an [`Article`] with `readerable: false`.
#[derive(Debug, Clone, PartialEq)]
pub enum Error {
    /// The input is empty or only whitespace.
    Empty,
    /// The input is a binary file, not a page.
    Binary,
    /// The page is beyond the configured limits ([`Options::max_bytes`], [`Options::max_nodes`]).
    TooLarge(String),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Empty => write!(f, "the page is empty"),
            Error::Binary => write!(f, "this is a binary file, not a web page"),
            Error::TooLarge(why) => write!(f, "the page is too large to process: {why}"),
        }
    }
}

impl std::error::Error for Error {}

/// Decode a page's bytes (honouring its BOM or `<meta charset>`) and extract its article.
pub fn extract_bytes(bytes: &[u8], url: Option<&str>, options: &Options) -> Result<Article, Error> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Error::Empty);
    }
    if encoding::looks_binary(bytes) {
        return Err(Error::Binary);
    }
    extract(&encoding::decode(bytes), url, options)
}
