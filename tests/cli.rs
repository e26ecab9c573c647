//! The `masthead` command as a user runs it.

use std::io::Write;
use std::process::{Command, Stdio};

fn masthead(args: &[&str], stdin: &[u8]) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_masthead"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/sputnik-guaido.html"
);

#[test]
fn json_has_every_field_with_nulls_for_missing_values() {
    let (code, out, _) = masthead(
        &[
            "extract",
            SAMPLE,
            "--url",
            "https://sputnikglobe.com/a.html",
        ],
        b"",
    );
    assert_eq!(code, 0);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    for key in [
        "title",
        "byline",
        "excerpt",
        "site_name",
        "published_time",
        "lang",
        "dir",
        "lead_image",
        "readerable",
        "content_html",
        "text",
        "word_count",
    ] {
        assert!(json.get(key).is_some(), "missing key {key}");
    }
    assert!(json["byline"].is_null());
    assert_eq!(json["readerable"], true);
}

#[test]
fn reads_stdin_and_prints_text_and_markdown() {
    let html = std::fs::read(SAMPLE).unwrap();
    let (code, text, _) = masthead(&["extract", "-", "--format", "text"], &html);
    assert_eq!(code, 0);
    assert!(text.starts_with("Guaido Not Ruling Out Intervention"));
    assert!(!text.contains("  ") && !text.contains("\n\n\n"));
    let (_, markdown, _) = masthead(&["extract", "--format", "markdown"], &html);
    assert!(markdown.starts_with("# Guaido Not Ruling Out Intervention"));
    assert!(markdown.contains("> We will consider lifting sanctions"));
}

#[test]
fn unreadable_input_fails_with_one_line() {
    let (code, _, err) = masthead(&["extract", "/no/such/file.html"], b"");
    assert_ne!(code, 0);
    assert_eq!(err.trim().lines().count(), 1);
    let (code, _, err) = masthead(&["extract", "-"], b"\x89PNG\r\n\x1a\n\0\0\0");
    assert_ne!(code, 0);
    assert!(err.contains("binary"));
    let (code, _, err) = masthead(&["extract", "--format", "pdf"], b"");
    assert_ne!(code, 0);
    assert!(err.contains("unknown format"));
}

#[test]
fn text_ends_with_the_source_and_its_label() {
    let html = std::fs::read(SAMPLE).unwrap();
    let url = "https://sputnikglobe.com/20190209/guaido-intervention-us-contacts-1072305.html";
    let (code, text, _) = masthead(&["extract", "-", "--url", url, "--format", "text"], &html);
    assert_eq!(code, 0);
    assert!(
        text.trim_end().ends_with("Outlet: Sputnik International — state-controlled media, Russia. Owned by Rossiya Segodnya."),
        "{}",
        &text[text.len().saturating_sub(300)..]
    );
}

#[test]
fn label_prints_a_url_s_label_or_says_there_is_none() {
    let (code, text, _) = masthead(&["label", "https://de.rt.com/inland/1/"], b"");
    assert_eq!(code, 0);
    assert!(
        text.starts_with("RT DE — state-controlled media, Russia."),
        "{text}"
    );
    assert!(text.contains(", since 2022-03-02."), "{text}");
    assert!(text.contains("Sources: https://"));
    let (code, json, _) = masthead(
        &["label", "https://www.dw.com/en/a", "--format", "json"],
        b"",
    );
    assert_eq!(code, 0);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json["tier"], "independent");
    let (code, text, _) = masthead(&["label", "https://rt.com.au/"], b"");
    assert_eq!(
        (code, text.trim()),
        (0, "No state affiliation on record for this address.")
    );
    let (code, json, _) = masthead(&["label", "https://art.com/", "--format", "json"], b"");
    assert_eq!((code, json.trim()), (0, "null"));
    let (code, _, err) = masthead(&["label", "rt.com"], b"");
    assert_ne!(code, 0);
    assert!(err.contains("not an absolute URL"), "{err}");
}

#[test]
fn label_and_copy_speak_the_language_asked_for() {
    let (code, out, _) = masthead(&["label", "https://sputnikglobe.com/", "--lang", "ru"], b"");
    assert_eq!(code, 0);
    assert!(out.contains("СМИ, подконтрольные государству"), "{out}");
    let (_, out, _) = masthead(&["label", "https://sputnikglobe.com/", "--lang", "fa"], b"");
    assert!(out.contains("رسانهٔ تحت کنترل حکومت"), "{out}");
    // The language's usual locale, then English for a language without one.
    let (_, pt, _) = masthead(&["label", "https://sputnikglobe.com/", "--lang", "pt"], b"");
    let (_, pt_br, _) = masthead(
        &["label", "https://sputnikglobe.com/", "--lang", "pt-BR"],
        b"",
    );
    assert_eq!(pt, pt_br);
    let (_, xx, _) = masthead(&["label", "https://sputnikglobe.com/", "--lang", "xx"], b"");
    assert!(xx.contains("state-controlled media"), "{xx}");
    let (code, _, err) = masthead(
        &["label", "https://sputnikglobe.com/", "--lang", "r u"],
        b"",
    );
    assert_eq!(
        (code, err.trim()),
        (1, "masthead: 'r u' is not a language tag (ru, ar, pt-BR…)")
    );
    let html = b"<html><head><title>T</title></head><body><article><h1>T</h1><p>One two three four five six seven eight nine ten eleven twelve.</p></article></body></html>";
    let (_, text, _) = masthead(
        &[
            "extract",
            "-",
            "--url",
            "https://sputnikglobe.com/1.html",
            "--format",
            "text",
            "--lang",
            "de",
        ],
        html,
    );
    assert!(text.contains("staatlich kontrolliertes Medium"), "{text}");
}
