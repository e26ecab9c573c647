//! The article model as HTML: every text and attribute value escaped, only allowlisted tags
//! and attributes (the model holds nothing else), so the output is safe to insert anywhere.

use crate::article::{Block, Element};

/// Escape text for an HTML text node or a double-quoted attribute value.
pub fn escape(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}

const VOID: &[&str] = &["img", "br", "hr"];

fn element(element: &Element, out: &mut String) {
    out.push('<');
    out.push_str(element.tag);
    for (name, value) in &element.attrs {
        out.push(' ');
        out.push_str(name);
        out.push_str("=\"");
        escape(value, out);
        out.push('"');
    }
    out.push('>');
    if VOID.contains(&element.tag) {
        return;
    }
    blocks(&element.children, out);
    out.push_str("</");
    out.push_str(element.tag);
    out.push('>');
}

fn blocks(items: &[Block], out: &mut String) {
    for block in items {
        match block {
            Block::Text(text) => escape(text, out),
            Block::Element(e) => element(e, out),
        }
    }
}

/// The article as one JSON object, as `masthead extract` prints it and the Python package
/// returns it: every field, missing ones `null`, the model tree as its HTML (`content_html`).
pub fn to_json(article: &crate::Article) -> serde_json::Value {
    let mut value = serde_json::to_value(article).unwrap_or_default();
    if let Some(object) = value.as_object_mut() {
        if object.remove("content").is_some() {
            object.insert("content_html".into(), to_html(&article.content).into());
        }
    }
    value
}

/// Render the model as an HTML fragment.
pub fn to_html(content: &[Block]) -> String {
    let mut out = String::new();
    blocks(content, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_are_escaped() {
        let content = vec![Block::Element(Element {
            tag: "a",
            attrs: vec![("href", "https://x.test/?a=\"b\"&c".into())],
            children: vec![Block::Text("<script>alert(1)</script>".into())],
        })];
        assert_eq!(
            to_html(&content),
            "<a href=\"https://x.test/?a=&quot;b&quot;&amp;c\">&lt;script&gt;alert(1)&lt;/script&gt;</a>"
        );
    }
}
