//! Hostile markup inside an article: whatever the page holds, the HTML rendering is rebuilt from
//! the allowlist. Vectors in the style of the html5sec list and DOMPurify's tests, each placed
//! inside an article long enough to be extracted; the output is parsed again and every element,
//! attribute and URL checked against the allowlist.

use masthead::article::{MODEL_ATTRIBUTES, MODEL_TAGS};
use masthead::{extract, Options};

const VECTORS: &[&str] = &[
    r#"<script>alert(1)</script>"#,
    r#"<img src=x onerror=alert(1)>"#,
    r#"<img src="javascript:alert(1)">"#,
    r#"<a href="javascript:alert(1)">link</a>"#,
    r#"<a href="JaVaScRiPt:alert(1)">link</a>"#,
    r#"<a href="java&#x09;script:alert(1)">link</a>"#,
    r#"<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">link</a>"#,
    r#"<a href=" javascript:alert(1)">link</a>"#,
    r#"<a href="vbscript:msgbox(1)">link</a>"#,
    r#"<a href="data:text/html,<script>alert(1)</script>">link</a>"#,
    r#"<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">link</a>"#,
    r#"<img src="data:image/svg+xml,<svg onload=alert(1)>">"#,
    r#"<iframe src="javascript:alert(1)"></iframe>"#,
    r#"<iframe srcdoc="<script>alert(1)</script>"></iframe>"#,
    r#"<object data="javascript:alert(1)"></object>"#,
    r#"<embed src="javascript:alert(1)">"#,
    r#"<form action="javascript:alert(1)"><button>go</button></form>"#,
    r#"<svg><script>alert(1)</script></svg>"#,
    r#"<svg onload=alert(1)><circle r=5></circle></svg>"#,
    r#"<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>"#,
    r#"<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>"#,
    r#"<math href="javascript:alert(1)">x</math>"#,
    r#"<base href="javascript:alert(1)//">"#,
    r#"<meta http-equiv="refresh" content="0;url=javascript:alert(1)">"#,
    r#"<p style="background:url(javascript:alert(1))">styled</p>"#,
    r#"<p style="x:expression(alert(1))">expression</p>"#,
    r#"<div onmouseover="alert(1)">hover</div>"#,
    r#"<body onload=alert(1)>"#,
    r#"<details open ontoggle=alert(1)><summary>s</summary>d</details>"#,
    r#"<video><source onerror="alert(1)"></video>"#,
    r#"<audio src=x onerror=alert(1)></audio>"#,
    r#"<input autofocus onfocus=alert(1)>"#,
    r#"<textarea><script>alert(1)</script></textarea>"#,
    r#"<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>"#,
    r#"<template><script>alert(1)</script></template>"#,
    r#"<a href="https://example.com/" onclick="alert(1)" style="color:red" target="_top">ok link</a>"#,
    r#"<img src="https://example.com/a.png" srcset="javascript:alert(1) 2x" onload="alert(1)">"#,
    r#"<a href="//evil.example/%0ajavascript:alert(1)">protocol-relative</a>"#,
    r#"<table background="javascript:alert(1)"><tr><td>cell</td></tr></table>"#,
    r#"<blockquote cite="javascript:alert(1)">quote</blockquote>"#,
    r#"<a href="&#0000106avascript:alert(1)">padded entity</a>"#,
    r#"<img/src=x/onerror=alert(1)>"#,
    r#"<scr<script>ipt>alert(1)</scr</script>ipt>"#,
    r#"<style>@import 'javascript:alert(1)';</style>"#,
    r#"<link rel=stylesheet href="javascript:alert(1)">"#,
    r#"<isindex action=javascript:alert(1) type=image>"#,
    r#"<frameset onload=alert(1)>"#,
    r#"<marquee onstart=alert(1)>m</marquee>"#,
    r#"<xss id=x tabindex=1 onfocusin=alert(1)></xss>"#,
    r#"<a href="mailto:someone@example.com?body=<script>">mail</a>"#,
];

fn page(vector: &str) -> String {
    let paragraph = "<p>An ordinary paragraph of the article, long enough to be content, with commas, clauses, and a full stop.</p>";
    format!(
        "<html><head><title>A hostile page with an ordinary story</title></head><body><article>{p}{p}{vector}{p}{p}</article></body></html>",
        p = paragraph
    )
}

fn extract_page(vector: &str) -> masthead::Article {
    extract(
        &page(vector),
        Some("https://news.example/story"),
        &Options::default(),
    )
    .unwrap()
}

fn check_url(attribute: &str, value: &str, vector: &str) {
    let lower = value.to_ascii_lowercase();
    let allowed = lower.starts_with("http://")
        || lower.starts_with("https://")
        || (attribute == "href" && lower.starts_with("mailto:"))
        || (attribute == "src"
            && lower.starts_with("data:image/")
            && !lower.starts_with("data:image/svg"));
    assert!(allowed, "unsafe {attribute}={value:?} from {vector}");
}

#[test]
fn no_vector_survives_in_the_output() {
    for vector in VECTORS {
        let article = extract_page(vector);
        assert!(
            article.text.contains("An ordinary paragraph"),
            "article lost for {vector}"
        );
        let html = &masthead::render::to_html(&article.content);
        let parsed = scraper::Html::parse_fragment(html);
        // The fragment parser wraps the fragment in its own root element: skip it.
        for node in parsed.root_element().descendants().skip(1) {
            let Some(element) = node.value().as_element() else {
                continue;
            };
            let tag = element.name();
            assert!(
                MODEL_TAGS.contains(&tag),
                "<{tag}> in the output for {vector}: {html}"
            );
            let allowed = MODEL_ATTRIBUTES
                .iter()
                .find(|(t, _)| *t == tag)
                .map_or(&[][..], |(_, names)| *names);
            for (name, value) in element.attrs() {
                assert!(
                    allowed.contains(&name),
                    "attribute {name} on <{tag}> in the output for {vector}: {html}"
                );
                if name == "href" || name == "src" {
                    check_url(name, value, vector);
                }
                if name == "class" {
                    assert!(
                        value.starts_with("language-"),
                        "class {value:?} for {vector}"
                    );
                }
            }
        }
    }
}

#[test]
fn markdown_and_text_carry_no_active_links() {
    for vector in VECTORS {
        let article = extract_page(vector);
        let markdown = masthead::text::to_markdown(&article.content).to_ascii_lowercase();
        assert!(
            !markdown.contains("](javascript:")
                && !markdown.contains("](vbscript:")
                && !markdown.contains("](data:text"),
            "active link in Markdown for {vector}: {markdown}"
        );
    }
}
