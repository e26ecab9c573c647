//! The only module that names wasm-bindgen, web-sys, js-sys, serde-wasm-bindgen and
//! console_error_panic_hook: conversions between JavaScript and the core, nothing decided here.

use crate::{copy, extract, wording::Wording, Options};
use wasm_bindgen::prelude::*;

/// Install the panic hook once, so that a bug shows its message in the console.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsError> {
    // Maps as plain objects and missing values as `null`, as the JSON of the tool.
    let serializer = serde_wasm_bindgen::Serializer::new()
        .serialize_maps_as_objects(true)
        .serialize_missing_as_null(true);
    value
        .serialize(&serializer)
        .map_err(|e| JsError::new(&format!("cannot convert the article: {e}")))
}

/// The article as the reader page receives it: the model, and what its two copy buttons put on
/// the clipboard, made by the core's one renderer (`copy`) in the reader's language.
#[derive(serde::Serialize)]
struct ArticleForPage<'a> {
    #[serde(flatten)]
    article: &'a crate::Article,
    copy_text: String,
    copy_markdown: String,
}

/// Extract the article from an HTML string. Returns a plain object with the fields of
/// `masthead extract --format json` (with `content`, the model tree, in place of its HTML) plus
/// `copy_text` and `copy_markdown`. `language` is the reader's (`navigator.language`, the
/// browser's UI language), for the sentences the core writes.
#[wasm_bindgen(js_name = extractArticle)]
pub fn extract_article(
    html: &str,
    url: Option<String>,
    language: Option<String>,
) -> Result<JsValue, JsError> {
    let mut options = Options::default();
    if let Some(language) = language {
        options.language = language;
    }
    let article =
        extract(html, url.as_deref(), &options).map_err(|e| JsError::new(&e.to_string()))?;
    let wording = Wording::for_language(&options.language);
    // The model tree has thousands of small objects: one JSON string and the browser's own
    // JSON.parse build them several times faster than a property set per field across the
    // wasm boundary (measured in tests/e2e/bench-readability.mjs).
    let json = serde_json::to_string(&ArticleForPage {
        article: &article,
        copy_text: copy::copy_text(&article, &wording),
        copy_markdown: copy::copy_markdown(&article, &wording),
    })
    .map_err(|e| JsError::new(&format!("cannot convert the article: {e}")))?;
    js_sys::JSON::parse(&json).map_err(|_| JsError::new("cannot convert the article"))
}

/// Extract the article from the live document this code runs in: its serialized HTML and URL.
#[wasm_bindgen(js_name = extractDocument)]
pub fn extract_document() -> Result<JsValue, JsError> {
    let window = web_sys::window().ok_or_else(|| JsError::new("no window"))?;
    let document = window
        .document()
        .ok_or_else(|| JsError::new("no document"))?;
    let html = document
        .document_element()
        .map(|root| root.outer_html())
        .ok_or_else(|| JsError::new("the document has no root element"))?;
    let url = document.url().ok();
    let language = window.navigator().language();
    extract_article(&html, url, language)
}

/// The outlet label for an address alone (the toolbar badge), or `null`, in `language`.
#[wasm_bindgen(js_name = labelUrl)]
pub fn label_url(url: &str, language: Option<String>) -> Result<JsValue, JsError> {
    let wording = language.map_or_else(Wording::english, |l| Wording::for_language(&l));
    to_js(&crate::label::label_url_in(url, &wording))
}

/// Every listed host with its tier, for the browser's own host rules (Chrome's declarativeContent).
#[wasm_bindgen(js_name = labeledHosts)]
pub fn labeled_hosts() -> Result<JsValue, JsError> {
    to_js(&crate::label::host_rules())
}
