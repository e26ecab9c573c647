//! Any bytes, as a page: extraction and every renderer must return, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use masthead::{extract_bytes, text, Options};

fuzz_target!(|data: &[u8]| {
    if let Ok(article) = extract_bytes(data, Some("https://news.example/section/story.html"), &Options::default()) {
        let _ = text::to_markdown(&article.content);
    }
});
