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
    assert!(err.contains("invalid value 'pdf'"), "{err}");
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
    // A usage error: status 2, as argument parsers have it, and what is wrong.
    assert_eq!(code, 2);
    assert!(
        err.contains("'r u' is not a language tag (ru, ar, pt-BR…)"),
        "{err}"
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

/// A WARC record: `block` under the headers every record needs.
fn warc_record(kind: &str, id: &str, uri: &str, block: &[u8]) -> Vec<u8> {
    let mut record = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{id}>\r\nWARC-Date: 2026-12-06T00:00:00Z\r\nWARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype={kind}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    record.extend_from_slice(block);
    record.extend_from_slice(b"\r\n\r\n");
    record
}

fn http_response(content_type: &str, body: &[u8]) -> Vec<u8> {
    let mut block = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    block.extend_from_slice(body);
    block
}

/// A crawl as crawlers write it: a request, the story's HTML response, an image; gzip member
/// by member when `gzip`.
fn crawl(gzip: bool) -> Vec<u8> {
    let story = std::fs::read(SAMPLE).unwrap();
    let url = "https://sputnikglobe.com/20190209/guaido-intervention-us-contacts-1072305.html";
    let records = [
        warc_record(
            "request",
            "00000000-0000-0000-0000-000000000001",
            url,
            b"GET / HTTP/1.1\r\n\r\n",
        ),
        warc_record(
            "response",
            "00000000-0000-0000-0000-000000000002",
            url,
            &http_response("text/html; charset=utf-8", &story),
        ),
        warc_record(
            "response",
            "00000000-0000-0000-0000-000000000003",
            "https://sputnikglobe.com/logo.png",
            &http_response("image/png", b"\x89PNG"),
        ),
    ];
    if !gzip {
        return records.concat();
    }
    records
        .iter()
        .flat_map(|record| {
            let mut encoder =
                flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
            encoder.write_all(record).unwrap();
            encoder.finish().unwrap()
        })
        .collect()
}

fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn json_lines(out: &str) -> Vec<serde_json::Value> {
    out.lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

#[test]
fn help_and_version_go_to_standard_output() {
    let (code, out, _) = masthead(&["--help"], b"");
    assert_eq!(code, 0);
    assert!(out.contains("extract") && out.contains("label"), "{out}");
    let (code, out, _) = masthead(&["extract", "--help"], b"");
    assert_eq!(code, 0);
    assert!(out.contains("--jobs") && out.contains("WARC"), "{out}");
    let (code, out, _) = masthead(&["--version"], b"");
    assert_eq!(code, 0);
    assert_eq!(
        out.trim(),
        format!("masthead {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn a_folder_and_warc_files_give_one_json_line_per_page_with_its_source() {
    let dir = scratch("batch");
    let pages = dir.join("pages/deeper");
    std::fs::create_dir_all(&pages).unwrap();
    std::fs::copy(SAMPLE, dir.join("pages/story.html")).unwrap();
    std::fs::write(
        pages.join("home.htm"),
        "<html><body><nav><a href=/a>A</a></nav></body></html>",
    )
    .unwrap();
    std::fs::write(pages.join("notes.txt"), "not a page").unwrap();
    // A page kept gzipped, as corpora keep them.
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(&std::fs::read(SAMPLE).unwrap()).unwrap();
    std::fs::write(pages.join("kept.html.gz"), gz.finish().unwrap()).unwrap();
    std::fs::write(dir.join("crawl.warc"), crawl(false)).unwrap();
    std::fs::write(dir.join("crawl.warc.gz"), crawl(true)).unwrap();
    let paths = [
        dir.join("pages"),
        dir.join("crawl.warc"),
        dir.join("crawl.warc.gz"),
    ];
    let paths: Vec<&str> = paths.iter().map(|p| p.to_str().unwrap()).collect();
    let args = ["extract", paths[0], paths[1], paths[2], "--jobs", "2"];
    let (code, out, err) = masthead(&args, b"");
    assert_eq!(code, 0, "{err}");
    let lines = json_lines(&out);
    // Three files (the .txt left out by the pattern), and the story from each WARC file.
    assert_eq!(lines.len(), 5, "{out}");
    let kept = lines
        .iter()
        .find(|l| {
            l["source"]["path"]
                .as_str()
                .is_some_and(|p| p.ends_with("kept.html.gz"))
        })
        .unwrap();
    assert_eq!(
        kept["readerable"], true,
        "the gzipped page read as its HTML"
    );
    let from_warc: Vec<_> = lines
        .iter()
        .filter(|l| l["source"]["warc"].is_string())
        .collect();
    assert_eq!(from_warc.len(), 2);
    for line in &from_warc {
        // The record's target address is the page's: its label comes with it.
        assert_eq!(line["affiliation"]["tier"], "controlled");
        assert_eq!(
            line["source"]["record_id"],
            "<urn:uuid:00000000-0000-0000-0000-000000000002>"
        );
        assert!(line["source"]["offset"].as_u64().unwrap() > 0);
    }
    // In the gzip file the offset is where the record's member starts: read from there, it is
    // the story's record.
    let gz = from_warc
        .iter()
        .find(|l| l["source"]["warc"].as_str().unwrap().ends_with(".gz"))
        .unwrap();
    let bytes = std::fs::read(dir.join("crawl.warc.gz")).unwrap();
    let mut member = String::new();
    let offset = gz["source"]["offset"].as_u64().unwrap() as usize;
    std::io::Read::read_to_string(
        &mut flate2::read::GzDecoder::new(&bytes[offset..]),
        &mut member,
    )
    .unwrap();
    assert!(member.contains("000000000002") && member.contains("Guaido"));
    let story = lines
        .iter()
        .find(|l| {
            l["source"]["path"]
                .as_str()
                .is_some_and(|p| p.ends_with("story.html"))
        })
        .unwrap();
    assert_eq!(story["readerable"], true);
    assert!(
        err.contains("5 pages")
            && err.contains("4 records not HTML skipped")
            && err.contains("0 failed"),
        "{err}"
    );
}

#[test]
fn a_page_that_fails_is_one_error_line_and_the_run_goes_on() {
    let dir = scratch("failing");
    std::fs::copy(SAMPLE, dir.join("a-story.html")).unwrap();
    std::fs::write(dir.join("b-binary.html"), b"\x89PNG\r\n\x1a\n\0\0\0\0").unwrap();
    let (code, out, err) = masthead(&["extract", dir.to_str().unwrap(), "--quiet"], b"");
    assert_eq!(code, 1, "the exit status says a page failed");
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 2);
    assert!(lines
        .iter()
        .any(|l| l["error"].as_str().is_some_and(|e| e.contains("binary"))));
    assert!(lines.iter().any(|l| l["readerable"] == true));
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("b-binary.html"), "{err}");
}

#[test]
fn output_to_a_gzip_file_a_folder_and_only_some_fields() {
    let dir = scratch("outputs");
    std::fs::copy(SAMPLE, dir.join("story.html")).unwrap();
    let list = format!(
        "{}\n{}\n",
        dir.join("story.html").display(),
        dir.join("story.html").display()
    );
    let jsonl = dir.join("out.jsonl.gz");
    let (code, out, err) = masthead(
        &[
            "extract",
            "--from-list",
            "-",
            "--output",
            jsonl.to_str().unwrap(),
            "--fields",
            "title,word_count",
            "--quiet",
        ],
        list.as_bytes(),
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.is_empty());
    let mut text = String::new();
    std::io::Read::read_to_string(
        &mut flate2::read::GzDecoder::new(std::fs::File::open(&jsonl).unwrap()),
        &mut text,
    )
    .unwrap();
    let lines = json_lines(&text);
    assert_eq!(lines.len(), 2);
    let keys: Vec<&String> = lines[0].as_object().unwrap().keys().collect();
    assert_eq!(keys, ["source", "title", "word_count"]);
    let folder = dir.join("text");
    let (code, _, err) = masthead(
        &[
            "extract",
            dir.join("story.html").to_str().unwrap(),
            "-",
            "--output-dir",
            folder.to_str().unwrap(),
            "--format",
            "text",
            "--quiet",
        ],
        &std::fs::read(SAMPLE).unwrap(),
    );
    assert_eq!(code, 0, "{err}");
    let mut written: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    assert_eq!(written, ["000001-story.txt", "000002-stdin.txt"]);
    let text = std::fs::read_to_string(folder.join("000001-story.txt")).unwrap();
    assert!(text.starts_with("Guaido Not Ruling Out Intervention"));
}

#[test]
fn label_takes_many_addresses_as_json_lines() {
    let (code, out, _) = masthead(
        &[
            "label",
            "https://sputnikglobe.com/",
            "https://www.example.com/",
            "--format",
            "json",
        ],
        b"",
    );
    assert_eq!(code, 0);
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["label"]["tier"], "controlled");
    assert!(lines[1]["label"].is_null());
}
