//! The wasm build in a real browser (headless Chromium through wasm-bindgen-test): the exported
//! functions return the same article as the native core, and read the live document.
//! Run by `./x test`; the native side of the comparison is `tests/golden.rs`.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SAMPLE: &str = include_str!("fixtures/sputnik-guaido.html");
const SAMPLE_URL: &str =
    "https://sputnikglobe.com/20190209/guaido-intervention-us-contacts-1072305.html";
const GOLDEN: &str = include_str!("fixtures/sputnik-guaido.expected.json");

fn to_json(value: wasm_bindgen::JsValue) -> serde_json::Value {
    let text = js_sys::JSON::stringify(&value)
        .unwrap()
        .as_string()
        .unwrap();
    serde_json::from_str(&text).unwrap()
}

#[wasm_bindgen_test]
fn exported_extraction_matches_the_native_core() {
    let value = masthead::web::extract_article(SAMPLE, Some(SAMPLE_URL.to_string()), None).unwrap();
    let mut article = to_json(value);
    let object = article.as_object_mut().unwrap();
    // The copy buttons' text, as the command-line tool prints it (the same renderer).
    let copy_text = object.remove("copy_text").unwrap();
    assert!(copy_text.as_str().unwrap().contains("Juan Guaido"));
    assert!(copy_text
        .as_str()
        .unwrap()
        .ends_with("Outlet: Sputnik International — state-controlled media, Russia. Owned by Rossiya Segodnya."));
    assert!(object
        .remove("copy_markdown")
        .unwrap()
        .as_str()
        .unwrap()
        .starts_with("# Guaido Not Ruling Out"));
    object.remove("content");
    let golden: serde_json::Value = serde_json::from_str(GOLDEN).unwrap();
    assert_eq!(article, golden);
}

#[wasm_bindgen_test]
fn missing_values_are_null_not_absent() {
    let value = masthead::web::extract_article("<p>hi</p>", None, None).unwrap();
    let article = to_json(value);
    assert!(article.get("byline").unwrap().is_null());
    assert_eq!(article["readerable"], serde_json::Value::Bool(false));
}

#[wasm_bindgen_test]
fn errors_become_js_errors() {
    assert!(masthead::web::extract_article("   ", None, Some("de".into())).is_err());
}

#[wasm_bindgen_test]
fn reads_the_live_document() {
    let document = web_sys::window().unwrap().document().unwrap();
    // Added beside the runner's own output, which must survive for the runner to see results.
    let article = document.create_element("article").unwrap();
    let paragraph = "A paragraph written into the live page, long enough to count as content, with commas, clauses, and more words. ".repeat(4);
    article.set_inner_html(&format!(
        "<h1>Live</h1><p>{paragraph}</p><p>{paragraph}</p>"
    ));
    document.body().unwrap().append_child(&article).unwrap();
    let result = masthead::web::extract_document().map(to_json);
    article.remove();
    let extracted = result.unwrap_or_default();
    web_sys::console::log_1(&format!("extracted: {extracted}").into());
    let text = extracted["text"].as_str().unwrap_or_default();
    assert!(
        text.contains("A paragraph written into the live page"),
        "text: {text}"
    );
    assert_eq!(extracted["url"].as_str(), document.url().ok().as_deref());
}
