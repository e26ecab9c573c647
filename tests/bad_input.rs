//! Input a reader may throw at the tool: nothing here may panic or hang, and each case gets
//! either an answer or a clear error.

use masthead::{extract, extract_bytes, Error, Options};

#[test]
fn empty_and_whitespace_are_clear_errors() {
    assert_eq!(
        extract_bytes(b"", None, &Options::default()),
        Err(Error::Empty)
    );
    assert_eq!(
        extract_bytes(b" \n\t ", None, &Options::default()),
        Err(Error::Empty)
    );
    assert_eq!(extract("", None, &Options::default()), Err(Error::Empty));
}

#[test]
fn binary_files_are_refused() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0";
    assert_eq!(
        extract_bytes(png, None, &Options::default()),
        Err(Error::Binary)
    );
    let random: Vec<u8> = (0u32..4096)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    // Either refused as binary or answered as a non-article; never a panic.
    if let Ok(article) = extract_bytes(&random, None, &Options::default()) {
        assert!(!article.readerable);
    }
}

#[test]
fn invalid_utf8_is_decoded_with_replacements() {
    let mut page = b"<html><body><article><p>".to_vec();
    page.extend_from_slice(
        &b"Valid words then broken bytes \xff\xfe and more valid words, ".repeat(20),
    );
    page.extend_from_slice(b"</p></article></body></html>");
    let article = extract_bytes(&page, None, &Options::default()).unwrap();
    assert!(article.text.contains("Valid words"));
    assert!(article.text.contains('\u{fffd}'));
}

#[test]
fn a_page_that_is_not_an_article_still_gets_an_answer() {
    let home = "<html><body><nav><a href=/a>Home</a> <a href=/b>World</a></nav><ul><li><a href=/1>Story one</a></li><li><a href=/2>Story two</a></li></ul></body></html>";
    let article = extract(home, Some("https://example.com/"), &Options::default()).unwrap();
    assert!(!article.readerable);
}

#[test]
fn ten_megabyte_page_finishes() {
    let paragraph = "<p>Ten megabytes of ordinary paragraphs, with commas, clauses, and sentences that go on.</p>\n";
    let mut page = String::from(
        "<html><head><title>Huge page of many paragraphs</title></head><body><article>",
    );
    while page.len() < 10 * 1024 * 1024 {
        page.push_str(paragraph);
    }
    page.push_str("</article></body></html>");
    let article = extract(&page, None, &Options::default()).unwrap();
    assert!(article.word_count > 100_000);
}

#[test]
fn five_thousand_deep_nesting_finishes() {
    let depth = 5000;
    let page = format!(
        "<html><body>{}<p>Deep inside, a paragraph long enough to be scored as content, with a comma.</p>{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    let article = extract(&page, None, &Options::default()).unwrap();
    assert!(article.text.contains("Deep inside"));
    let inline = format!(
        "<html><body><p>{}x{}</p></body></html>",
        "<span><b>".repeat(depth),
        "</b></span>".repeat(depth)
    );
    extract(&inline, None, &Options::default()).unwrap();
}

#[test]
fn limits_refuse_with_a_message() {
    let options = Options {
        max_bytes: 100,
        ..Options::default()
    };
    let page = "<p>".repeat(100);
    let error = extract(&page, None, &options).unwrap_err();
    assert!(matches!(error, Error::TooLarge(_)));
    assert!(error.to_string().contains("too large"));
}

/// A page html5ever must parse (a formatting element re-opened) with a tag of 200,000
/// attributes: html5ever would compare each with all before it (27 s for this page); it is
/// refused at once instead. The same tag on a page the fast parser takes is simply parsed.
#[test]
fn a_tag_with_a_flood_of_attributes_is_refused_or_parsed() {
    let attrs: String = (0..200_000).map(|i| format!(" a{i}=1")).collect();
    let words = "Ordinary text, with commas, that goes on for a while. ".repeat(20);
    let refused = format!("<body><p><b>x<p>y<div{attrs}>x</div><p>{words}</p>");
    let error = extract(&refused, None, &Options::default()).unwrap_err();
    assert!(
        error
            .to_string()
            .contains("a tag has 200000 attributes; the limit is 10000"),
        "{error}"
    );
    let parsed = format!("<body><div{attrs}>x</div><p>{words}</p>");
    assert!(extract(&parsed, None, &Options::default()).is_ok());
}

#[test]
fn broken_markup_and_odd_urls_do_not_panic() {
    for page in [
        "<html><body><p>unclosed <b>bold <i>italic</p><table><tr><td>cell</table>",
        "<base href='::::'><a href='http://[::1'>x</a><img src='http://%zz'>",
        "<script>never closed",
        "<!-- comment only -->",
        "<p>\u{0}\u{feff}\u{202e}text</p>",
        "<svg><script>alert(1)</script></svg><math><mi>x</mi></math>",
    ] {
        let _ = extract(page, Some("not a url"), &Options::default());
        let _ = extract(page, Some("https://example.com/a/b"), &Options::default());
    }
}

/// Issue 6's pathological pages: each finishes (timings are reported by hand in the README,
/// not asserted here) or stops with a clear "too large" message.
#[test]
fn pathological_pages_finish_or_are_refused_clearly() {
    let options = Options::default();
    let paragraph = "<p>Ordinary paragraph text, with commas, clauses, and sentences that go on for a while.</p>\n";
    let twenty_mb = format!(
        "<html><body><article>{}</article></body></html>",
        paragraph.repeat(20 * 1024 * 1024 / paragraph.len())
    );
    assert!(extract(&twenty_mb, None, &options).unwrap().word_count > 200_000);

    let million = format!(
        "<html><body><div>{}</div></body></html>",
        "<span>x</span>".repeat(1_000_000)
    );
    let error = extract(&million, None, &options).unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("the page is too large to process: the page has 2000005 nodes"),
        "{error}"
    );

    let deep = format!("<html><body>{}<p>Deep text, long enough to be scored as content, with a comma.</p>{}</body></html>",
        "<div>".repeat(10_000), "</div>".repeat(10_000));
    assert!(extract(&deep, None, &options)
        .unwrap()
        .text
        .contains("Deep text"));

    let one_text_node = format!(
        "<html><body><p>{}</p></body></html>",
        "word ".repeat(1024 * 1024)
    );
    assert_eq!(
        extract(&one_text_node, None, &options).unwrap().word_count,
        1024 * 1024
    );

    let table = "<table><tr><td>a</td><td>b</td></tr><tr><td>1</td><td>2</td></tr></table>\n";
    let tables = format!(
        "<html><body><article>{}{}</article></body></html>",
        paragraph.repeat(5),
        table.repeat(5000)
    );
    assert!(extract(&tables, None, &options).is_ok());

    // 200,000 divs of lines broken by <br>: the readerable check counted each div once by
    // searching all counted before it (8 s); now by a mark per node (2.7 s for the page).
    let broken_lines = format!(
        "<html><body>{}</body></html>",
        "<div>line one<br>line two</div>".repeat(200_000)
    );
    assert!(extract(&broken_lines, None, &options).is_ok());
}

/// Pages built against the stages that read a page's kinds: hidden boxes nested ten thousand
/// deep, thirty thousand streamed parts, fifty thousand cards (side by side, and each in a box
/// of its own), a product description wrapped ten thousand deep, folded answers. Each finishes; none is quadratic in what a page repeats. By hand, the command
/// line on each (release build): 0.18, 0.96, 3.26 and 0.14 s, against 0.16, 0.79, 2.31 and 0.14 s
/// before these stages (the cards' page is 4.5 MB).
#[test]
fn pages_repeating_what_the_page_kind_stages_read_finish() {
    let options = Options::default();
    let nested_hidden = format!(
        "<html><body>{}<p>Hidden words, enough of them to be a page of text if shown.</p>{}</body></html>",
        "<div hidden>".repeat(10_000),
        "</div>".repeat(10_000)
    );
    assert!(extract(&nested_hidden, None, &options).is_ok());

    let parts: String = (0..30_000)
        .map(|n| format!("<template id=B:{n}></template><div hidden id=S:{n}><p>Part {n}.</p></div><script>$RC(\"B:{n}\",\"S:{n}\")</script>"))
        .collect();
    let streamed = format!("<html><body>{parts}</body></html>");
    assert!(extract(&streamed, None, &options).is_ok());

    let cards =
        "<div class=card><a href=/story>A headline of several words</a><p>Its summary.</p></div>"
            .repeat(50_000);
    let listing = format!("<html><body><main>{cards}</main></body></html>");
    assert!(extract(&listing, Some("https://news.example/"), &options).is_ok());
    // Four cards side by side, then fifty thousand each in a box of its own: every box is
    // looked up among the cards' parents, by halves.
    let boxed = format!(
        "<html><body><main><section>{}</section>{}</main></body></html>",
        "<div class=card><a href=/story>A headline of several words</a></div>".repeat(4),
        "<div><div class=card><a href=/s>Short</a></div></div>".repeat(50_000)
    );
    assert!(extract(&boxed, Some("https://news.example/"), &options).is_ok());

    let description =
        "A steel fire pit that burns with almost no smoke and seats seven around it. ".repeat(60);
    let product = format!(
        "<html><head><script type=application/ld+json>{{\"@type\":\"Product\",\"offers\":{{\"price\":\"1\"}},\"description\":\"{description}\"}}</script></head>\
         <body><ul><li>S</li><li>M</li></ul>{}<p>{description}</p>{}</body></html>",
        "<div>".repeat(10_000),
        "</div>".repeat(10_000)
    );
    assert!(extract(&product, None, &options).is_ok());

    // An FAQ's questions by the hundred thousand, naming panels nested deep over a mass of text:
    // each panel is looked into once, and at most 64 of them.
    let questions: String = (0..100_000)
        .map(|n| {
            format!(
                "<button aria-expanded=false aria-controls=\"a{} a{}\">Why {n}?</button>",
                n % 50,
                n % 7
            )
        })
        .collect();
    let faq = format!(
        "<html><body><main><h1>FAQ</h1>{questions}{}{}{}</main></body></html>",
        (0..250)
            .map(|n| format!("<div id=a{} hidden>", n % 50))
            .collect::<String>(),
        "<p>An answer.</p>".repeat(50_000),
        "</div>".repeat(250)
    );
    assert!(extract(&faq, None, &options).is_ok());
    // Hidden blocks by the ten thousand, each after a box of many empty elements and no
    // question: at most 2,000 of them are read.
    let folded = format!(
        "<html><body><main><h1>FAQ</h1>{}</main></body></html>",
        format!(
            "<div>{}</div><div hidden>An answer.</div>",
            "<i></i>".repeat(40)
        )
        .repeat(20_000)
    );
    assert!(extract(&folded, None, &options).is_ok());

    // A thread's repeated boxes by the tens of thousands, and answers of the question's class.
    let long =
        "<p>A long post with many words in it, and commas, for the scorer to find.</p>".repeat(40);
    let posts: String = (0..20_000)
        .map(|n| format!("<div class=post><div class=card><a href=/u/{n}>User {n}</a><time>May 1</time></div>\
             <div class=body><div class=text><p>Reply {n}, a few words of its own.</p></div></div></div>"))
        .collect();
    let thread = format!(
        "<html><head><script type=\"application/ld+json\">{{\"@type\":\"DiscussionForumPosting\"}}</script></head>\
         <body><main><h1>T</h1><div class=feed><div class=post><div class=card><a href=/u/x>X</a></div>\
         <div class=body><div class=text>{long}</div></div></div>{posts}</div></main></body></html>"
    );
    assert!(extract(&thread, None, &options).is_ok());
    let answers =
        "<li class=answer><div class=user-text><p>An answer of a few words.</p></div></li>"
            .repeat(50_000);
    let qa = format!(
        "<html><head><script type=\"application/ld+json\">{{\"@type\":\"QAPage\"}}</script></head>\
         <body><main><h1>Q</h1><div class=question><div class=user-text>{long}</div></div><ul>{answers}</ul></main></body></html>"
    );
    assert!(extract(&qa, None, &options).is_ok());

    // Two hundred thousand buttons in one wrapper, cleaned away in one pass.
    let buttons = format!(
        "<html><body><article><p>{}</p><div>{}</div></article></body></html>",
        "The story's own words, long enough to be one. ".repeat(20),
        "<button>Share</button>".repeat(200_000)
    );
    let article = extract(&buttons, None, &options).unwrap();
    assert!(!article.text.contains("Share"));

    // The header's facts read where the metadata gives none: wrappers hundreds deep around short
    // lines by the headline (each wrapper read once), and thousands of marked authors (read up
    // to a hundred).
    let wrapper = format!(
        "{}<span>Nov 11</span>{}",
        "<div>".repeat(250),
        "</div>".repeat(250)
    );
    let deep = format!(
        "<html><body><h1>Rivers run high</h1>{}<p>{}</p></body></html>",
        wrapper.repeat(400),
        "The story's own words, long enough to be one. ".repeat(20)
    );
    assert_eq!(extract(&deep, None, &options).unwrap().published_time, None);
    let authors = format!(
        "<html><body><h1>Rivers run high</h1><p>{}</p>{}</body></html>",
        "The story's own words, long enough to be one. ".repeat(20),
        "<a rel=author href=/a>Ann Lee</a> ".repeat(50_000)
    );
    assert!(extract(&authors, None, &options).is_ok());
    // A byline box nesting elements named for the name as deep as the parser goes, each
    // holding all the rest and only a date (no name, so every one is a candidate read whole),
    // and one holding thousands of them side by side: read for the first few only.
    for inside in [
        format!(
            "{}Nov 11, 2020{}",
            "<span class=author-name>".repeat(4000),
            "</span>".repeat(4000)
        ),
        "<span class=author-name>Nov 11, 2020</span>".repeat(50_000),
    ] {
        let names = format!(
            "<html><body><h1>Rivers run high</h1><div class=byline>{inside}</div><p>{}</p></body></html>",
            "The story's own words, long enough to be one. ".repeat(20)
        );
        assert!(extract(&names, None, &options).is_ok());
    }
}
