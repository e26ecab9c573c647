//! The reader view opens on articles however they are marked up, and not on pages that only
//! list them (issue 13). The corpora check the first on every article of 100 words or more
//! (`tests/corpus.rs`); these fixtures add the markup the corpora have too little of, and
//! the pages that are not articles.

use masthead::{extract_bytes, Options};

fn verdict(fixture: &str) -> (bool, usize) {
    let path = format!("{}/tests/fixtures/{fixture}", env!("CARGO_MANIFEST_DIR"));
    let html = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let article = extract_bytes(
        &html,
        Some("https://news.example/story"),
        &Options::default(),
    )
    .unwrap_or_else(|e| panic!("{fixture}: {e}"));
    (article.readerable, article.word_count)
}

#[test]
fn articles_without_paragraph_tags_are_articles() {
    // Paragraphs as <div>s (Sputnik's own markup), and lines broken by <br> in a table cell:
    // no <p> anywhere, which Readability's isProbablyReaderable needs.
    for fixture in [
        "readerable/div-only-article.html",
        "readerable/br-only-article.html",
        "sputnik-guaido.html",
    ] {
        let (readerable, words) = verdict(fixture);
        assert!(readerable, "{fixture}: not an article ({words} words)");
        assert!(words >= 100, "{fixture}: {words} words");
    }
}

#[test]
fn pages_that_list_articles_are_not_articles() {
    // Each holds more words than a short article, in headlines and summaries.
    for fixture in [
        "home-page.html",
        "readerable/listing-page.html",
        "readerable/search-page.html",
    ] {
        let (readerable, words) = verdict(fixture);
        assert!(!readerable, "{fixture}: called an article ({words} words)");
        assert!(
            words >= 150,
            "{fixture}: only {words} words; the test needs more"
        );
    }
}
