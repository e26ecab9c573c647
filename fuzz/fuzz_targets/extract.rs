//! Any bytes, as a page: extraction and every renderer must return, never panic. Every other
//! input is also wrapped as a page's JSON-LD, so the metadata reader meets hostile JSON too.
#![no_main]

use libfuzzer_sys::fuzz_target;
use masthead::{extract, extract_bytes, text, Options};

const URL: &str = "https://news.example/section/story.html";

fuzz_target!(|data: &[u8]| {
    if let Ok(article) = extract_bytes(data, Some(URL), &Options::default()) {
        let _ = text::to_markdown(&article.content);
    }
    if data.len() % 2 == 1 {
        let json = String::from_utf8_lossy(data);
        let page = format!(
            "<html><head><script type=\"application/ld+json\">{json}</script></head>\
             <body><article><p>A paragraph of the story, long enough to be read as one.</p></article></body></html>"
        );
        let _ = extract(&page, Some(URL), &Options::default());
    }
});
