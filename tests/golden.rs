//! The sample page's article, as the native core extracts it, pinned in
//! `tests/fixtures/sputnik-guaido.expected.json`. The wasm test (`tests/web.rs`) compares the
//! browser build against the same file, so the two builds are shown to agree.
//! After an intended change: `MASTHEAD_BLESS=1 cargo test --test golden`.

use masthead::{extract, Options};

const SAMPLE_URL: &str =
    "https://sputnikglobe.com/20190209/guaido-intervention-us-contacts-1072305.html";

#[test]
fn sample_page_matches_the_golden_article() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let html = std::fs::read_to_string(dir.join("sputnik-guaido.html")).unwrap();
    let article = extract(&html, Some(SAMPLE_URL), &Options::default()).unwrap();
    let mut value = serde_json::to_value(&article).unwrap();
    value.as_object_mut().unwrap().remove("content");
    let golden_path = dir.join("sputnik-guaido.expected.json");
    if std::env::var_os("MASTHEAD_BLESS").is_some() {
        std::fs::write(
            &golden_path,
            serde_json::to_string_pretty(&value).unwrap() + "\n",
        )
        .unwrap();
    }
    let golden: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&golden_path).unwrap()).unwrap();
    assert_eq!(
        value, golden,
        "the sample's article changed; bless it if intended"
    );

    // What a reader sees: the article's paragraphs, none of the page's furniture.
    let text = &article.text;
    for wanted in [
        "Venezuela's self-proclaimed interim president",
        "biggest oil reserves in the world",
    ] {
        assert!(text.contains(wanted), "missing: {wanted}");
    }
    for chrome in [
        "READ MORE",
        "Subscribe",
        "Newsfeed",
        "log in or register",
        "Заголовок",
        "Most read",
        "Terms of use",
        "Roger Waters Slams",
    ] {
        assert!(!text.contains(chrome), "page chrome in the text: {chrome}");
    }
    assert_eq!(
        article.title.as_deref(),
        Some("Guaido Not Ruling Out Intervention Amid Alleged US Contacts With Venezuelan Army")
    );
    assert_eq!(article.site_name.as_deref(), Some("Sputnik International"));
    assert!(article.readerable);
    // The lead photo set above the story keeps the page's caption and credit (and nothing of
    // the "Subscribe" link beside it); the Markdown carries both, the clean text neither.
    let markdown = masthead::copy::copy_markdown(&article, &masthead::wording::Wording::english());
    let figure = markdown
        .split("\n\n")
        .position(|part| part.starts_with("![Juan Guaido"))
        .expect("the lead photo in the Markdown");
    let caption = markdown.split("\n\n").nth(figure + 1).unwrap();
    assert!(
        caption.contains("© REUTERS / Carlos Garcia Rawlins")
            && caption.contains("holds a copy of Venezuelan constitution"),
        "{caption}"
    );
    assert!(!caption.contains("Subscribe"), "{caption}");
    assert!(!text.contains("Carlos Garcia Rawlins"));
    // And what the seed page never said: who stands behind it.
    let label = article.affiliation.expect("Sputnik is labeled");
    assert_eq!(
        label.summary,
        "Sputnik International — state-controlled media, Russia. Owned by Rossiya Segodnya."
    );
}
