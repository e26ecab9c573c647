//! Stage 8: rebuild the cleaned content as the output model, from an allowlist.
//!
//! Nothing of the page's markup passes through: each allowed element is re-created with
//! only the attributes listed here, URLs are resolved against the page and kept only for safe
//! schemes, and everything else is either unwrapped (its text kept) or dropped.

use super::safe_urls::{best_from_srcset, safe_image, safe_link};
use crate::article::{is_block_tag, Block, Element};
use crate::dom::{collapse_whitespace, without_invisible_marks, Dom, NodeId, NodeKind};
use url::Url;

/// What to do with an element of the page.
enum Treatment {
    /// Re-create as this allowlisted tag.
    Keep(&'static str),
    /// Keep the children, drop the element.
    Unwrap,
    /// Drop with everything inside.
    Drop,
}

fn treatment(tag: &str) -> Treatment {
    use Treatment::*;
    match tag {
        "p" => Keep("p"),
        "h1" | "h2" => Keep("h2"),
        "h3" => Keep("h3"),
        "h4" => Keep("h4"),
        "h5" => Keep("h5"),
        "h6" => Keep("h6"),
        "ul" => Keep("ul"),
        "ol" => Keep("ol"),
        "li" => Keep("li"),
        "dl" => Keep("dl"),
        "dt" => Keep("dt"),
        "dd" => Keep("dd"),
        "blockquote" => Keep("blockquote"),
        "pre" | "listing" | "xmp" | "plaintext" => Keep("pre"),
        "code" => Keep("code"),
        "figure" => Keep("figure"),
        "figcaption" => Keep("figcaption"),
        "img" => Keep("img"),
        "table" => Keep("table"),
        "caption" => Keep("caption"),
        "thead" => Keep("thead"),
        "tbody" => Keep("tbody"),
        "tfoot" => Keep("tfoot"),
        "tr" => Keep("tr"),
        "td" => Keep("td"),
        "th" => Keep("th"),
        "a" => Keep("a"),
        "em" | "i" | "dfn" | "var" => Keep("em"),
        "strong" | "b" => Keep("strong"),
        "u" | "ins" => Keep("u"),
        "s" | "del" | "strike" => Keep("s"),
        "sub" => Keep("sub"),
        "sup" => Keep("sup"),
        "small" => Keep("small"),
        "mark" => Keep("mark"),
        "cite" => Keep("cite"),
        "q" => Keep("q"),
        "abbr" => Keep("abbr"),
        "time" => Keep("time"),
        "kbd" => Keep("kbd"),
        // Readings over CJK text (furigana): the view shows them as the page does.
        "ruby" => Keep("ruby"),
        "rt" => Keep("rt"),
        "rp" => Keep("rp"),
        "samp" | "tt" => Keep("code"),
        "br" => Keep("br"),
        "hr" => Keep("hr"),
        "details" => Keep("details"),
        "summary" => Keep("summary"),
        "div" | "section" | "article" | "main" | "header" | "center" | "address" | "aside"
        | "hgroup" | "footer" | "nav" => Keep("div"),
        // Forums wrap every post of a thread in a form (to moderate them together): a form
        // that holds prose is a box like any other (`is_field_form` drops the others).
        "form" => Keep("div"),
        "script" | "style" | "noscript" | "template" | "object" | "embed" | "input"
        | "textarea" | "select" | "option" | "button" | "svg" | "math" | "canvas" | "head"
        | "title" | "meta" | "link" | "base" | "dialog" | "source" | "track" | "map" | "area"
        | "frame" | "frameset" | "param" | "applet" | "portal" | "slot" | "datalist" => Drop,
        _ => Unwrap,
    }
}

/// Elements whose direct text children can only be layout whitespace.
/// In captions, a phrase that ends a sentence and one set beside it without a space
/// ("…phenomenon.</span><span>Credit: …", "…liefern.<cite>Foto: …") are two phrases the page's
/// styles kept apart; a space keeps the text from gluing them together.
fn space_caption_phrases(blocks: &mut Vec<Block>, in_caption: bool) {
    if in_caption {
        let mut i = 1;
        while i < blocks.len() {
            let ends = last_char(&blocks[i - 1]).is_some_and(|c| ".!?)”»…".contains(c));
            let starts = first_char(&blocks[i]).is_some_and(|c| c.is_uppercase() || c == '©');
            if ends && starts {
                blocks.insert(i, Block::Text(" ".into()));
                i += 1;
            }
            i += 1;
        }
    }
    for block in blocks.iter_mut() {
        if let Block::Element(element) = block {
            let inside = in_caption || element.tag == "figcaption";
            space_caption_phrases(&mut element.children, inside);
        }
    }
}

fn last_char(block: &Block) -> Option<char> {
    match block {
        Block::Text(text) => text.chars().last(),
        Block::Element(element) => element.children.last().and_then(last_char),
    }
}

fn first_char(block: &Block) -> Option<char> {
    match block {
        Block::Text(text) => text.chars().next(),
        Block::Element(element) => element.children.first().and_then(first_char),
    }
}

/// Class and id words of a photo credit or a source line set inline.
const CREDIT_MARKERS: &[&str] = &["credit", "copyright", "photographer", "fotograf", "quelle"];

/// A photo credit or source set inside a caption or paragraph, outside code.
fn is_credit(dom: &Dom, node: NodeId) -> bool {
    // Only inline elements glue to the words before them; blocks are apart already. Class
    // names are lowercase by custom, so they are matched as they are, without a copy.
    if !matches!(
        dom.tag(node),
        Some("span" | "small" | "cite" | "em" | "i" | "b" | "strong" | "font")
    ) {
        return false;
    }
    ["class", "id"].iter().any(|name| {
        dom.attr(node, name)
            .is_some_and(|value| CREDIT_MARKERS.iter().any(|m| value.contains(m)))
    }) && !dom.has_ancestor_tag(node, "pre", 0)
        && !dom.has_ancestor_tag(node, "code", 0)
}

fn is_container(tag: &str) -> bool {
    matches!(
        tag,
        "div"
            | "ul"
            | "ol"
            | "dl"
            | "table"
            | "thead"
            | "tbody"
            | "tfoot"
            | "tr"
            | "blockquote"
            | "figure"
            | "details"
    )
}

/// Indentation between a container's blocks is not content; the space between two links or
/// other inline elements set side by side in it is ("<a>Hangers</a> <a>Hardware</a>" in a
/// catalogue's index, read "HangersHardware" without it: wcxb-dev: a development
/// listing 0.21 -> 0.54; on the held-out fold a listing -0.11 and a collection -0.02, menus
/// beside them now counted word by word).
fn drop_indentation(children: &mut Vec<Block>) {
    // Words, or an element that is not a block of its own.
    let is_inline = |block: Option<&Block>| match block {
        Some(Block::Element(e)) => !is_block_tag(e.tag) && e.tag != "br",
        Some(Block::Text(text)) => !text.trim().is_empty(),
        None => false,
    };
    let mut kept = Vec::with_capacity(children.len());
    let mut previous_inline = false;
    let mut blocks = std::mem::take(children).into_iter().peekable();
    while let Some(block) = blocks.next() {
        if matches!(&block, Block::Text(t) if t.trim().is_empty()) {
            if previous_inline && is_inline(blocks.peek()) {
                kept.push(Block::Text(" ".into()));
            }
            continue;
        }
        previous_inline = is_inline(Some(&block));
        kept.push(block);
    }
    *children = kept;
}

/// Elements that mean nothing once empty.
fn keep_when_empty(tag: &str) -> bool {
    matches!(tag, "img" | "br" | "hr" | "td" | "th" | "tr")
}

pub struct Builder<'a> {
    pub dom: &'a Dom,
    pub base: Option<&'a Url>,
    pub max_depth: usize,
}

impl Builder<'_> {
    /// The model of `content`'s children.
    pub fn build(&self, content: NodeId) -> Vec<Block> {
        let mut blocks = self.build_tree(content);
        super::figures::mark_captions(&mut blocks);
        space_caption_phrases(&mut blocks, false);
        blocks
    }

    fn build_tree(&self, content: NodeId) -> Vec<Block> {
        self.children(content, 0)
    }

    fn children(&self, node: NodeId, depth: usize) -> Vec<Block> {
        let mut out = Vec::new();
        for &child in self.dom.children(node) {
            self.node(child, depth, &mut out);
        }
        out
    }

    pub(super) fn node(&self, node: NodeId, depth: usize, out: &mut Vec<Block>) {
        let (tag, _) = match &self.dom.nodes[node].kind {
            NodeKind::Text(text) => {
                out.push(Block::Text(without_invisible_marks(text)));
                return;
            }
            NodeKind::Element { tag, attrs } => (&**tag, attrs),
            NodeKind::Document => return,
        };
        if depth >= self.max_depth {
            // Past the depth limit the subtree keeps only its text.
            let text = collapse_whitespace(&without_invisible_marks(&self.dom.text_content(node)));
            if !text.is_empty() {
                out.push(Block::Text(format!(" {text} ")));
            }
            return;
        }
        if tag == "form" && super::forms::is_field_form(self.dom, node) {
            return;
        }
        if is_credit(self.dom, node) {
            // "…of the harbour.<span class=credit>Photo: Ann Bee</span>": the credit is
            // its own phrase; spaces keep it from being glued to the caption's last word.
            out.push(Block::Text(" ".into()));
            let mut inner = Vec::new();
            self.node_inner(node, tag, depth, &mut inner);
            out.append(&mut inner);
            out.push(Block::Text(" ".into()));
            return;
        }
        self.node_inner(node, tag, depth, out);
    }

    fn node_inner(&self, node: NodeId, tag: &str, depth: usize, out: &mut Vec<Block>) {
        if tag == "iframe" || tag == "video" || tag == "audio" {
            if let Some(link) = self.embed_link(node, tag) {
                out.push(link);
            }
            return;
        }
        match treatment(tag) {
            Treatment::Drop => {}
            Treatment::Unwrap => {
                for &child in self.dom.children(node) {
                    self.node(child, depth + 1, out);
                }
            }
            Treatment::Keep(new_tag) => {
                let Some(attrs) = self.attributes(node, new_tag) else {
                    // An element that needs an attribute it lacks (an image without a safe
                    // source, a link to `javascript:`) keeps only its content.
                    if new_tag != "img" {
                        for &child in self.dom.children(node) {
                            self.node(child, depth + 1, out);
                        }
                    }
                    return;
                };
                let mut children = if matches!(new_tag, "img" | "br" | "hr") {
                    Vec::new()
                } else {
                    self.children(node, depth + 1)
                };
                if is_container(new_tag) {
                    drop_indentation(&mut children);
                }
                // A div around one element is that element.
                if new_tag == "div"
                    && children.len() == 1
                    && matches!(children[0], Block::Element(_))
                {
                    out.append(&mut children);
                    return;
                }
                let empty = children.iter().all(|c| match c {
                    Block::Text(t) => t.trim().is_empty(),
                    Block::Element(_) => false,
                });
                if empty && !keep_when_empty(new_tag) {
                    // Keep the whitespace so words on either side stay apart.
                    if !children.is_empty() {
                        out.push(Block::Text(" ".into()));
                    }
                    return;
                }
                out.push(Block::Element(Element {
                    tag: new_tag,
                    attrs,
                    children,
                }));
            }
        }
    }

    /// The allowlisted attributes of `node`, or `None` when a required one is missing.
    pub(super) fn attributes(
        &self,
        node: NodeId,
        tag: &str,
    ) -> Option<Vec<(&'static str, String)>> {
        let dom = self.dom;
        let mut attrs = Vec::new();
        let copy = |name: &'static str, attrs: &mut Vec<(&'static str, String)>| {
            if let Some(value) = dom.attr(node, name) {
                let value = collapse_whitespace(value);
                if !value.is_empty() && value.len() <= 2000 {
                    attrs.push((name, value));
                }
            }
        };
        match tag {
            "a" => {
                let href = dom.attr(node, "href")?;
                if href.trim_start().starts_with('#') {
                    return None;
                }
                attrs.push(("href", safe_link(href, self.base)?));
                copy("title", &mut attrs);
            }
            "img" => {
                let src = dom
                    .attr(node, "src")
                    .filter(|s| !s.trim().is_empty())
                    .or_else(|| dom.attr(node, "srcset").and_then(best_from_srcset))
                    .or_else(|| dom.attr(node, "data-src"))?;
                attrs.push(("src", safe_image(src, self.base)?));
                copy("alt", &mut attrs);
                copy("title", &mut attrs);
                for name in ["width", "height"] {
                    if let Some(v) = dom.attr(node, name).map(str::trim) {
                        if !v.is_empty() && v.len() < 6 && v.bytes().all(|b| b.is_ascii_digit()) {
                            attrs.push((name, v.to_string()));
                        }
                    }
                }
            }
            "td" | "th" => {
                for name in ["colspan", "rowspan"] {
                    if let Some(v) = dom.attr(node, name).map(str::trim) {
                        if let Ok(n) = v.parse::<u16>() {
                            if n > 1 {
                                attrs.push((name, n.min(1000).to_string()));
                            }
                        }
                    }
                }
            }
            "ol" => {
                if let Some(start) = dom
                    .attr(node, "start")
                    .and_then(|s| s.trim().parse::<i32>().ok())
                {
                    attrs.push(("start", start.to_string()));
                }
            }
            "time" => copy("datetime", &mut attrs),
            "abbr" => copy("title", &mut attrs),
            "pre" | "code" => {
                // Keep a language hint for code blocks ("language-rust").
                if let Some(class) = dom.attr(node, "class") {
                    if let Some(lang) = class
                        .split_whitespace()
                        .find_map(|c| c.strip_prefix("language-").or(c.strip_prefix("lang-")))
                        .filter(|l| {
                            l.len() < 30
                                && l.chars()
                                    .all(|c| c.is_ascii_alphanumeric() || "+-#_.".contains(c))
                        })
                    {
                        attrs.push(("class", format!("language-{lang}")));
                    }
                }
            }
            _ => {}
        }
        Some(attrs)
    }

    /// A video or audio embed becomes a link to it, so it does not vanish without a trace.
    fn embed_link(&self, node: NodeId, tag: &str) -> Option<Block> {
        let dom = self.dom;
        let src = dom
            .attr(node, "src")
            .or_else(|| dom.attr(node, "data-src"))
            .or_else(|| {
                dom.find_all(node, &["source"])
                    .first()
                    .and_then(|&s| dom.attr(s, "src"))
            })?;
        let href = safe_link(src, self.base)?;
        let host = crate::address::parse(&href)?
            .host_str()?
            .trim_start_matches("www.")
            .to_string();
        let is_video = tag == "video"
            || super::patterns::VIDEO_HOSTS
                .iter()
                .any(|h| host == *h || host.ends_with(&format!(".{h}")));
        if tag == "iframe" && !is_video {
            return None;
        }
        let label = match tag {
            "audio" => format!("Audio ({host})"),
            _ => format!("Video ({host})"),
        };
        Some(Block::Element(Element {
            tag: "p",
            attrs: Vec::new(),
            children: vec![Block::Element(Element {
                tag: "a",
                attrs: vec![("href", href)],
                children: vec![Block::Text(label)],
            })],
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn build(html: &str) -> Vec<Block> {
        let dom = crate::parse::document(html);
        let body = dom.body().unwrap();
        let base = Url::parse("https://example.com/news/story.html").unwrap();
        Builder {
            dom: &dom,
            base: Some(&base),
            max_depth: 48,
        }
        .build(body)
    }

    #[test]
    fn links_side_by_side_in_a_box_stay_apart() {
        let text = |html: &str| crate::text::to_text(&build(html));
        assert_eq!(
            text("<div>\n  <a href=/h>Hangers</a>\n  <a href=/k>Hooks</a>\n  <b>new</b>\n</div>"),
            "Hangers Hooks new"
        );
        // Words of an element the model unwraps stand beside a link the same way.
        assert_eq!(
            text("<div><a href=/h>Hangers</a>\n<span>Hooks</span></div>"),
            "Hangers Hooks"
        );
        // Indentation between blocks is still not content.
        assert_eq!(
            text("<div>\n  <p>One.</p>\n  <a href=/h>Two</a>\n</div>"),
            "One.\n\nTwo"
        );
    }

    #[test]
    fn credits_are_not_glued_to_captions() {
        let text = |html: &str| crate::text::to_text(&build(html));
        // Captions are in the Markdown (the clean text leaves them with their images).
        let caption = |html: &str| crate::text::to_markdown(&build(html));
        assert_eq!(
            caption("<figure><figcaption><span>Seen from the dish.</span><span>Credit: Ann Bee</span></figcaption></figure>"),
            "Seen from the dish. Credit: Ann Bee"
        );
        assert_eq!(
            text("<p>The harbour at dawn<span class=photo-credit>Photo: Ann Bee</span></p>"),
            "The harbour at dawn Photo: Ann Bee"
        );
        // Words split across inline elements stay whole, and code keeps its spacing.
        assert_eq!(
            caption("<figure><figcaption>i<span>Phone</span></figcaption></figure>"),
            "iPhone"
        );
        assert_eq!(
            text("<pre><span class=copyright>a</span>b</pre>").trim(),
            "ab"
        );
    }

    #[test]
    fn invisible_marks_do_not_split_words() {
        let text = |html: &str| crate::text::to_text(&build(html));
        assert_eq!(
            text("<p>re&shy;open&#8203;ing on a&#x2060;Sunday&#xfeff;</p>"),
            "reopening on aSunday"
        );
        // The joiners a script needs stay, and so does every other character.
        assert_eq!(
            text("<p>\u{645}\u{200c}\u{627} caf\u{e9} 20\u{b0}</p>"),
            "\u{645}\u{200c}\u{627} caf\u{e9} 20\u{b0}"
        );
    }

    #[test]
    fn links_are_resolved_and_unsafe_ones_unwrapped() {
        let blocks = build(r#"<p><a href="../a">rel</a> <a href="javascript:alert(1)">js</a></p>"#);
        let Block::Element(p) = &blocks[0] else {
            panic!()
        };
        let Block::Element(a) = &p.children[0] else {
            panic!()
        };
        assert_eq!(a.attr("href"), Some("https://example.com/a"));
        assert_eq!(p.children[2], Block::Text("js".into()));
    }

    #[test]
    fn attributes_outside_the_allowlist_are_dropped() {
        let blocks = build(r#"<p onclick="x()" style="color:red" class="c">t</p>"#);
        let Block::Element(p) = &blocks[0] else {
            panic!()
        };
        assert!(p.attrs.is_empty());
    }

    /// The model holds only `MODEL_TAGS` and `MODEL_ATTRIBUTES`, whatever tags and attributes
    /// the page uses: every tag the builder knows, each carrying every attribute it reads.
    #[test]
    fn the_model_holds_only_the_declared_allowlist() {
        use crate::article::{MODEL_ATTRIBUTES, MODEL_TAGS};
        let attributes = r#"href="https://x.test/a" src="https://x.test/i.png" title="t" alt="a" width="3" height="4" colspan="2" rowspan="2" start="3" datetime="2020-01-01" class="language-rust c" style="x" onclick="x()" id="i""#;
        let tags = "p h1 h2 h3 h4 h5 h6 ul ol li dl dt dd blockquote pre listing code figure figcaption img a em i dfn var strong b u ins s del strike sub sup small mark cite q abbr time kbd samp tt br hr details summary div section article main header aside footer nav span font";
        let html: String = tags
            .split(' ')
            .map(|tag| format!("<{tag} {attributes}>text of {tag}</{tag}>"))
            .collect();
        let table = format!("<table {attributes}><caption>c</caption><thead><tr><th {attributes}>h</th></tr></thead><tbody><tr><td {attributes}>d</td></tr></tbody><tfoot><tr><td>f</td></tr></tfoot></table>");
        let ruby = format!(
            "<ruby {attributes}>r<rp {attributes}>(</rp><rt {attributes}>t</rt><rp>)</rp></ruby>"
        );
        let mut stack = build(&format!("{html}{table}{ruby}"));
        let mut seen = std::collections::BTreeSet::new();
        while let Some(block) = stack.pop() {
            let Block::Element(element) = block else {
                continue;
            };
            assert!(
                MODEL_TAGS.contains(&element.tag),
                "{} is not in MODEL_TAGS",
                element.tag
            );
            seen.insert(element.tag);
            let allowed = MODEL_ATTRIBUTES
                .iter()
                .find(|(tag, _)| *tag == element.tag)
                .map_or(&[][..], |(_, names)| *names);
            for (name, _) in &element.attrs {
                assert!(
                    allowed.contains(name),
                    "{}[{name}] is not in MODEL_ATTRIBUTES",
                    element.tag
                );
            }
            stack.extend(element.children);
        }
        // And the list holds nothing the builder never makes.
        for tag in MODEL_TAGS {
            assert!(
                seen.contains(tag),
                "MODEL_TAGS lists {tag}, which the builder never made"
            );
        }
    }

    #[test]
    fn video_iframes_become_links() {
        let blocks = build(
            r#"<iframe src="https://www.youtube.com/embed/x"></iframe><iframe src="https://ads.example/x"></iframe>"#,
        );
        assert_eq!(blocks.len(), 1);
    }

    #[test]
    fn deep_trees_are_flattened() {
        let html = "<div>".repeat(500) + "deep text" + &"</div>".repeat(500);
        let blocks = build(&html);
        assert!(format!("{blocks:?}").contains("deep text"));
    }
}
