//! The fast parser against html5ever on the constructs it claims: each case must give the same
//! arena tree, or (the second list) be handed to html5ever.

use super::fast as parse;

const LIMIT: usize = 256;

fn assert_same_tree(html: &str) {
    let fast = parse(html, LIMIT).unwrap_or_else(|why| panic!("refused {html:?}: {why:?}"));
    let general = crate::parse::with_html5ever(html, LIMIT);
    if let Some(difference) = fast.first_difference(&general) {
        panic!("{html:?}: {difference}");
    }
}

#[test]
fn builds_html5evers_tree() {
    let cases = [
        // Implied and explicit document structure, whitespace and comments around it.
        "",
        "plain text",
        "\u{FEFF}<!DOCTYPE html>\n<html lang=en>\n<head>\n<title>T &amp; U</title>\n</head>\n<body>\n<p>x</p>\n</body><!--c--></html>\n",
        "<title>x</title><p>y",
        "<html><head><meta charset=utf-8></meta><link rel=x></link></head><body class=a><body id=b class=c><p>z",
        "<html><html data-x=1><p>after a second html",
        "<p>a<!-- c -->b</p>",
        "<p>CR\r\nLF\rlone</p>",
        "</body> after body <p>more</p></html> trailing",
        // Paragraphs, lists and headings closed by what follows.
        "<p>one<p>two<div>three</div><h2>four<h3>five</h3>",
        "<ul><li>a<li>b<ul><li>c</ul><li>d</ul><dl><dt>t<dd>d<dt>u</dl>",
        "<div><p>unclosed</div><span>after</span>",
        "<p>a</p></p><p>b",
        "<li><span>in span<li>next",
        "<h1>x<h2>y</h2>",
        "<pre>\nkept newline only once</pre><pre>&#10;numeric</pre><textarea>\nfirst</textarea><listing>\nx</listing>",
        "<p><b>bold</b> <i>it</i> <a href=x>link</a></p><form><input name=a></form></form><form>",
        // Raw text, RCDATA and character references.
        "<script>if (a < b && c > d) { x = '</p>'; }</script><style>p > a { }</style>",
        "<script><!-- <script>document.write('</script>')</script> still --></script><p>after",
        "<script><!--</script><p>ends at the first end tag",
        "<script>a<!-- x --> b</script><p>y",
        "<noscript><img src=a.jpg></noscript><iframe><b>raw</b></iframe><xmp><i></xmp>",
        "<title>&lt;T&gt; &copy2024 &notit; &#x1F600; &#128; &#0;</title>",
        "<a href='?a=1&copy=2&amp;b&lt=3' title=\"&quot;q&quot;\" data-x=&eacute;t>x</a>",
        "<p>AT&T &amp &amp; &#; &#x; & &; &nosuch; &ampx &lt3</p>",
        "<p a=1 A=2 b = '3' c=\"4\"d=5 e f/ =g>attrs</p><br/><img src=x />",
        // Tables: implied sections and rows, cells closed by cells.
        "<table><tr><td>a<td>b<tr><th>c</table>",
        "<table><caption>cap</caption><colgroup><col><col></colgroup><thead><tr><th>h</thead><tbody><tr><td><b>x</td></tr></tbody><tfoot></tfoot></table>",
        "<table><col><tr><td>1</td></tr></table><table>\n <tbody>\n <tr>\n <td>x</td>\n </tr>\n </tbody>\n</table>",
        "<table><td><p>cell para<td>next</table><p>after",
        "<table><tr><td><table><tr><td>inner</table></td></tr></table>",
        // Select, ruby, buttons, objects.
        "<select><option>a<option>b<optgroup label=g><option>c</select><p>after",
        "<ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp></ruby>",
        "<button>b</button><object data=x><param name=a></object><marquee>m</marquee>",
        // Foreign content.
        "<svg viewbox='0 0 1 1' xmlns:xlink=x><defs><lineargradient id=g></lineargradient></defs><use xlink:href=#g /><path d=M0/></svg>",
        "<svg><title>icon</title><desc>d</desc><foreignobject></foreignobject><style>.a{}</style></svg>",
        "<math definitionurl=x><mi>x</mi><mo>=</mo><mfrac><mn>1</mn><mn>2</mn></mfrac></math>",
        "<p>a<svg/>b<math/>c</p>",
        // Templates: the element stays empty, as scraper's fragment is not copied.
        "<template><p>inside<script></template></script></template><p>outside",
        "<head><template id=t><style>x</style></template></head><body><table><template><tr></template><tr><td>x</table>",
        "<template><svg><style></template><p>after</p>",
        "<template><template>nested</template>still</template><p>out",
    ];
    for html in cases {
        assert_same_tree(html);
    }
    // Over 32 attributes the sort merges; repeats keep their first value either way.
    let many: String = (0..40)
        .map(|i| format!(" a{}={i} z=x{i}", 39 - i))
        .collect();
    assert_same_tree(&format!("<div{many}>x</div><svg{many} viewbox=1></svg>"));
}

#[test]
fn hands_html5ever_what_it_does_not_reproduce() {
    let cases = [
        "<p><b>re-opened<p>formatting",
        "<a>one<a>two",
        "<table>text in a table</table>",
        "<table><div>moved out</div></table>",
        "<p>x</br>",
        "<plaintext>rest",
        "<svg><p>breaks out</svg>",
        "<svg><![CDATA[x]]></svg>",
        "<div>\0nul</div>",
        "<p>cut <a href=\"x",
        "<script>no end",
        // Found by the fuzz target: <object> leaves a marker the cell's closing does not clear.
        "<table><td><s><object></table>,",
    ];
    for html in cases {
        assert!(parse(html, LIMIT).is_err(), "accepted {html:?}");
    }
    // Deeper than the limit: html5ever's copy flattens it.
    let deep = "<div>".repeat(300);
    assert!(parse(&deep, LIMIT).is_err());
}

#[test]
fn long_runs_of_dropped_markup_do_not_recurse() {
    let html = format!("<p>a{}b</p>", "</>".repeat(1_000_000));
    let dom = parse(&html, LIMIT).expect("accepted");
    let p = dom.find_all(0, &["p"])[0];
    assert_eq!(dom.text_content(p), "ab");
}

#[test]
fn hostile_tags_and_text_runs_stay_linear() {
    // 200,000 attributes: repeats are dropped after sorting, not by comparing each with all.
    let attrs: String = (0..200_000)
        .map(|i| format!(" a{}=1", i % 150_000))
        .collect();
    let dom = parse(&format!("<div{attrs}>x</div>"), LIMIT).expect("accepted");
    let div = dom.find_all(0, &["div"])[0];
    assert_eq!(dom.attrs(div).len(), 150_000);
    // 400,000 pieces of text joined across dropped end tags: one buffer, not a copy each time.
    let html = format!("<p>{}</p>", "a</b>".repeat(400_000));
    let dom = parse(&html, LIMIT).expect("accepted");
    let p = dom.find_all(0, &["p"])[0];
    assert_eq!(dom.text_content(p).len(), 400_000);
}
