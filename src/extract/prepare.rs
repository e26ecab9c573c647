//! Stages 1 and 4: parse the page, and take out what is never content (scripts, styles), as
//! Readability's `_prepDocument` does; recover images hidden in `<noscript>`; turn `<br><br>`
//! runs into paragraphs; read a page saved before its scripts ran (an app's shell, a page
//! streamed in hidden parts) as its scripts would have shown it.

use super::patterns::PHRASING_ELEMS;
use crate::dom::{Dom, NodeId, NodeKind, ROOT};
use crate::{Error, Options};

/// Parse `html`, refusing pages beyond the limits in `options`.
pub fn parse(html: &str, options: &Options) -> Result<Dom, Error> {
    if html.trim().is_empty() {
        return Err(Error::Empty);
    }
    if options.max_bytes > 0 && html.len() > options.max_bytes {
        return Err(Error::TooLarge(format!(
            "the page is {} bytes; the limit is {}",
            html.len(),
            options.max_bytes
        )));
    }
    let dom =
        crate::parse::document_with_limits(html, options.max_dom_depth, options.max_attributes)
            .map_err(|most| {
                Error::TooLarge(format!(
                    "a tag has {most} attributes; the limit is {}",
                    options.max_attributes
                ))
            })?;
    if options.max_nodes > 0 && dom.nodes.len() > options.max_nodes {
        return Err(Error::TooLarge(format!(
            "the page has {} nodes; the limit is {}",
            dom.nodes.len(),
            options.max_nodes
        )));
    }
    Ok(dom)
}

/// Remove scripts and styles, unwrap `<noscript>` images, replace `<br>` runs and `<font>`.
pub fn strip_document(dom: &mut Dom) {
    place_streamed_parts(dom);
    unwrap_app_shell(dom);
    unwrap_noscript_images(dom);
    for node in dom.find_all(ROOT, &["script", "noscript", "style", "template"]) {
        dom.detach(node);
    }
    show_streamed_parts(dom);
    for font in dom.find_all(ROOT, &["font"]) {
        dom.rename(font, "span");
    }
    if let Some(body) = dom.body() {
        replace_brs(dom, body);
    }
}

/// React's streaming server rendering (Next.js and other frameworks) sends the late parts of a
/// page each in a `<div hidden id="S:n">` at the end of the body, with a script that moves it to
/// its placeholder: `<template id="P:n">`, or the boundary named beside it in `$RC("B:m","S:n")`
/// (else `B:n`).
/// A page saved before its scripts ran (a crawl, a saved file) has its story there, hidden; the
/// reader's own tab has it in place already. Each part goes where its script would put it,
/// shown; a part with no placeholder is shown where it stands. wcxb-dev: 30 pages stream parts.
fn place_streamed_parts(dom: &mut Dom) {
    const MAX_STREAMED_PARTS: usize = 1000;
    let Some(body) = dom.body() else {
        return;
    };
    let mut parts = Vec::new();
    // Few per page: looked up by a scan, not a hash map (1.5 KB less code in the wasm).
    let mut placeholders: Vec<(String, NodeId)> = Vec::new();
    for node in dom.descendants(body) {
        let Some(id) = dom.attr(node, "id") else {
            continue;
        };
        if dom.is_tag(node, "template") && (id.starts_with("B:") || id.starts_with("P:")) {
            placeholders.push((id.to_string(), node));
        } else if id.starts_with("S:") && dom.attr(node, "hidden").is_some() {
            parts.push((id.to_string(), node));
        }
    }
    // A page's own streaming sends tens of parts; thousands are a hostile page's, shown where
    // they stand rather than matched pair by pair.
    if parts.is_empty() || parts.len() > MAX_STREAMED_PARTS {
        for (_, part) in parts {
            dom.remove_attr(part, "hidden");
        }
        return;
    }
    // The boundaries the page's scripts complete: `$RC("B:m","S:n")`.
    let mut boundary_of: Vec<(String, String)> = Vec::new();
    for script in dom.find_all(ROOT, &["script"]) {
        let text = dom.text_content(script);
        let mut rest = text.as_str();
        while let Some(at) = rest.find("$RC(\"") {
            rest = &rest[at + 5..];
            let Some((boundary, tail)) = rest.split_once('"') else {
                break;
            };
            if let Some(part) = tail.strip_prefix(",\"").and_then(|t| t.split('"').next()) {
                boundary_of.push((part.to_string(), boundary.to_string()));
            }
        }
    }
    let find = |wanted: &str| {
        placeholders
            .iter()
            .find(|(id, _)| id == wanted)
            .map(|(_, n)| *n)
    };
    for (id, part) in parts {
        let boundary = boundary_of
            .iter()
            .find(|(p, _)| *p == id)
            .map(|(_, b)| b.as_str());
        // Without the script (a crawl may keep none), the part's own number: boundaries and
        // segments count from one counter, so `B:n` or `P:n` is the one place it can go.
        let placeholder = boundary
            .and_then(find)
            .or_else(|| find(&format!("P:{}", &id[2..])))
            .or_else(|| find(&format!("B:{}", &id[2..])));
        dom.remove_attr(part, "hidden");
        if let Some(template) = placeholder {
            dom.replace(template, part);
        }
    }
}

/// A page streamed in parts and saved before its scripts ran (React's streaming server
/// rendering, and any page built the same way): the server sends each part in a `hidden` box
/// and a script moves it into place. When the body shows almost no text (`SHELL_TEXT_MAX`)
/// and its hidden boxes hold a page of it (`SHELL_NOSCRIPT_TEXT_MIN`), those boxes are the
/// page, shown where they stand. A page whose scripts ran (the reader's own tab) has moved
/// them out already, and a page with text of its own is left as it is (its hidden boxes stay
/// hidden). wcxb-dev: two blog posts read as nothing before.
fn show_streamed_parts(dom: &mut Dom) {
    let Some(body) = dom.body() else {
        return;
    };
    // The outermost hidden boxes only (a box inside another is counted with it): one walk that
    // does not go into a hidden box, linear however many a hostile page nests.
    let mut outermost: Vec<NodeId> = Vec::new();
    let mut stack = vec![body];
    while let Some(node) = stack.pop() {
        if node != body && dom.attr(node, "hidden").is_some() {
            outermost.push(node);
            continue;
        }
        stack.extend(dom.children(node).iter().filter(|&&c| dom.is_element(c)));
    }
    let hidden_text: usize = outermost.iter().map(|&n| dom.text_len(n)).sum();
    let shown_text = dom.text_len(body).saturating_sub(hidden_text);
    if shown_text > SHELL_TEXT_MAX || hidden_text < SHELL_NOSCRIPT_TEXT_MIN {
        return;
    }
    for node in outermost {
        dom.remove_attr(node, "hidden");
    }
}

/// At most this much text (characters) outside `<noscript>` makes a body an app's shell.
const SHELL_TEXT_MAX: usize = 400;
/// At least this much text in a `<noscript>` makes it the page an app shell stands in for.
const SHELL_NOSCRIPT_TEXT_MIN: usize = 500;

/// A page saved as an app's shell (a Discourse forum, a single-page app): its words are only
/// in the `<noscript>` the server fills for readers without scripts, which the parser keeps as
/// raw text. When the body holds almost no text outside its noscripts and one of them holds a
/// page of it, that noscript's markup is the page. A page whose scripts drew it (the reader's
/// own tab) has its text outside, and is left as it is.
fn unwrap_app_shell(dom: &mut Dom) {
    let Some(body) = dom.body() else {
        return;
    };
    let noscripts = dom.find_all(body, &["noscript"]);
    let Some(&largest) = noscripts.iter().max_by_key(|&&n| dom.text_len(n)) else {
        return;
    };
    if dom.text_len(largest) < SHELL_NOSCRIPT_TEXT_MIN
        || text_outside_noscript(dom, body) > SHELL_TEXT_MAX
    {
        return;
    }
    let fragment = crate::parse::document(&dom.text_content(largest));
    let Some(fragment_body) = fragment.body() else {
        return;
    };
    if fragment.text_len(fragment_body) < SHELL_NOSCRIPT_TEXT_MIN {
        return;
    }
    let holder = dom.create_element("div");
    dom.graft(&fragment, fragment_body, holder);
    dom.replace(largest, holder);
}

/// Characters of text under `root`, outside `<noscript>`, `<script>`, `<style>` and `<template>`.
fn text_outside_noscript(dom: &Dom, root: NodeId) -> usize {
    let mut total = 0;
    let mut stack = vec![root];
    while let Some(node) = stack.pop() {
        match &dom.nodes[node].kind {
            NodeKind::Text(text) => total += text.split_whitespace().map(str::len).sum::<usize>(),
            NodeKind::Element { tag, .. }
                if !matches!(&**tag, "noscript" | "script" | "style" | "template") =>
            {
                stack.extend(dom.children(node));
            }
            _ => {}
        }
    }
    total
}

/// Whether an image has a real source rather than a placeholder.
fn is_single_image(dom: &Dom, node: NodeId) -> bool {
    let mut current = node;
    loop {
        if dom.is_tag(current, "img") {
            return true;
        }
        let children = dom.element_children(current);
        if children.len() != 1 || !dom.inner_text(current).is_empty() {
            return false;
        }
        current = children[0];
    }
}

/// Lazy-loading pages put the real `<img>` in `<noscript>` and a placeholder before it.
/// html5ever parses `<noscript>` content as raw text (scripting is on), so it is re-parsed
/// here; when it is a single image, it replaces the placeholder (Readability's
/// `_unwrapNoscriptImages`).
fn unwrap_noscript_images(dom: &mut Dom) {
    for noscript in dom.find_all(ROOT, &["noscript"]) {
        let raw = dom.text_content(noscript);
        if !raw.contains("<img") {
            continue;
        }
        let fragment = crate::parse::document(&raw);
        let Some(fragment_body) = fragment.body() else {
            continue;
        };
        if !is_single_image(&fragment, fragment_body) {
            continue;
        }
        let Some(new_img) = fragment.find_first(fragment_body, |d, n| d.is_tag(n, "img")) else {
            continue;
        };
        let new_attrs = fragment.attrs(new_img).to_vec();
        // The placeholder is the previous element sibling, when it is (or wraps) one image.
        let Some(parent) = dom.parent(noscript) else {
            continue;
        };
        let siblings = dom.element_children(parent);
        let at = siblings.iter().position(|&s| s == noscript).unwrap_or(0);
        let previous = if at > 0 { Some(siblings[at - 1]) } else { None };
        match previous {
            Some(prev) if is_single_image(dom, prev) => {
                let old_img = if dom.is_tag(prev, "img") {
                    prev
                } else {
                    match dom.find_first(prev, |d, n| d.is_tag(n, "img")) {
                        Some(img) => img,
                        None => continue,
                    }
                };
                // Keep the placeholder's attributes under data-old-* so a real source survives.
                for (name, value) in dom.attrs(old_img).to_vec() {
                    if value.is_empty() {
                        continue;
                    }
                    if &*name == "src" || &*name == "srcset" || looks_like_image_url(&value) {
                        if new_attrs.iter().any(|(n, v)| *n == name && *v == value) {
                            continue;
                        }
                        let keep = if new_attrs.iter().any(|(n, _)| *n == name) {
                            format!("data-old-{name}")
                        } else {
                            name.to_string()
                        };
                        dom.set_attr(old_img, &keep, &value);
                    }
                }
                for (name, value) in &new_attrs {
                    dom.set_attr(old_img, name, value);
                }
                dom.detach(noscript);
            }
            _ => {
                // No placeholder: the noscript image is the only copy; keep it.
                let img = dom.create_element("img");
                for (name, value) in &new_attrs {
                    dom.set_attr(img, name, value);
                }
                dom.replace(noscript, img);
            }
        }
    }
}

pub fn looks_like_image_url(value: &str) -> bool {
    let lower = value.to_ascii_lowercase();
    [".jpg", ".jpeg", ".png", ".webp", ".gif", ".avif"]
        .iter()
        .any(|ext| lower.contains(ext))
}

pub fn is_phrasing_content(dom: &Dom, node: NodeId) -> bool {
    match &dom.nodes[node].kind {
        NodeKind::Text(_) => true,
        NodeKind::Element { tag, .. } => {
            PHRASING_ELEMS.contains(&&**tag)
                || (matches!(&**tag, "a" | "del" | "ins")
                    && dom
                        .children(node)
                        .iter()
                        .all(|&c| is_phrasing_content(dom, c)))
        }
        NodeKind::Document => false,
    }
}

/// The next sibling that is not whitespace-only text.
fn next_significant_sibling(dom: &Dom, node: NodeId) -> Option<NodeId> {
    let (parent, at) = dom.position_in_parent(node)?;
    let siblings = dom.children(parent);
    siblings[at + 1..]
        .iter()
        .copied()
        .find(|&c| !dom.is_whitespace_text(c))
}

/// Two or more `<br>` in a row mark a paragraph break: the phrasing content after them
/// becomes a `<p>` (Readability's `_replaceBrs`).
fn replace_brs(dom: &mut Dom, body: NodeId) {
    for br in dom.find_all(body, &["br"]) {
        if !dom.is_attached(br) {
            continue;
        }
        let mut replaced = false;
        while let Some(next) = next_significant_sibling(dom, br) {
            if !dom.is_tag(next, "br") {
                break;
            }
            replaced = true;
            dom.detach(next);
        }
        if !replaced {
            continue;
        }
        let p = dom.create_element("p");
        dom.replace(br, p);
        let parent = dom.parent(p).unwrap_or(body);
        while let Some((_, at)) = dom.position_in_parent(p) {
            let siblings = dom.children(parent);
            let Some(&next) = siblings.get(at + 1) else {
                break;
            };
            if dom.is_tag(next, "br") {
                if let Some(after) = next_significant_sibling(dom, next) {
                    if dom.is_tag(after, "br") {
                        break;
                    }
                }
            }
            if !is_phrasing_content(dom, next) {
                break;
            }
            dom.append(p, next);
        }
        while let Some(&last) = dom.children(p).last() {
            if !dom.is_whitespace_text(last) {
                break;
            }
            dom.detach(last);
        }
        if dom.is_tag(parent, "p") {
            dom.rename(parent, "div");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn br_runs_become_paragraphs() {
        let mut dom = crate::parse::document(
            "<body><div>one<br><br>two <b>bold</b><br><br>three</div></body>",
        );
        strip_document(&mut dom);
        let body = dom.body().unwrap();
        let ps = dom.find_all(body, &["p"]);
        assert_eq!(ps.len(), 2);
        assert_eq!(dom.inner_text(ps[0]), "two bold");
        assert_eq!(dom.inner_text(ps[1]), "three");
    }

    #[test]
    fn an_app_shell_reads_the_page_its_noscript_holds() {
        let post =
            "<p>The first post of the thread, long enough to be a page of its own words. </p>"
                .repeat(8);
        let shell = format!(
            "<body><div class=splash>Loading</div><noscript><div id=main><h1>Thread</h1>{post}</div></noscript></body>"
        );
        let mut dom = crate::parse::document(&shell);
        strip_document(&mut dom);
        assert_eq!(dom.find_all(ROOT, &["h1"]).len(), 1);
        assert_eq!(dom.find_all(ROOT, &["p"]).len(), 8);
        // The same noscript on a page whose scripts drew it: the page's own text stands.
        let drawn = format!("<body><main>{post}</main><noscript><p>Please enable JavaScript {post}</p></noscript></body>");
        let mut dom = crate::parse::document(&drawn);
        strip_document(&mut dom);
        assert!(!dom.inner_text(ROOT).contains("Please enable JavaScript"));
    }

    #[test]
    fn a_page_streamed_in_hidden_parts_is_shown_and_a_drawn_page_keeps_its_hidden_boxes() {
        let story =
            "<p>A paragraph of the story, streamed by the server in a hidden part. </p>".repeat(8);
        let streamed = format!(
            "<body><template id=B:0></template><div hidden id=S:0><main><h1>Story</h1>{story}</main></div>\
             <script>$RC('B:0','S:0')</script></body>"
        );
        let mut dom = crate::parse::document(&streamed);
        strip_document(&mut dom);
        let main = dom.find_all(ROOT, &["main"])[0];
        assert!(dom.attr(dom.parent(main).unwrap(), "hidden").is_none());
        // A page with its own text: its hidden menu stays hidden.
        let drawn =
            format!("<body><main>{story}</main><div hidden id=menu><p>{story}</p></div></body>");
        let mut dom = crate::parse::document(&drawn);
        strip_document(&mut dom);
        let menu = dom
            .find_first(ROOT, |d, n| d.attr(n, "id") == Some("menu"))
            .unwrap();
        assert!(dom.attr(menu, "hidden").is_some());
    }

    #[test]
    fn a_streamed_part_goes_where_its_script_would_put_it() {
        let story =
            "<p>The story, sent after the page's frame and moved into place by a script. </p>"
                .repeat(4);
        let page = format!(
            "<body><main><h1>Story</h1><!--$?--><template id=B:0></template><!--/$--></main>\
             <footer>Site footer</footer><div hidden id=S:0><article>{story}</article></div>\
             <script>$RC(\"B:0\",\"S:0\")</script></body>"
        );
        let mut dom = crate::parse::document(&page);
        strip_document(&mut dom);
        let article = dom.find_all(ROOT, &["article"])[0];
        let main = dom.find_all(ROOT, &["main"])[0];
        assert!(
            dom.is_attached_to(article, main),
            "the part is in the boundary's place"
        );
        assert!(dom
            .find_first(ROOT, |d, n| d.attr(n, "hidden").is_some())
            .is_none());
        // Saved without its scripts: the part goes to the boundary of its own number.
        let unscripted = page.replace("<script>$RC(\"B:0\",\"S:0\")</script>", "");
        assert_ne!(unscripted, page);
        let mut dom = crate::parse::document(&unscripted);
        strip_document(&mut dom);
        let article = dom.find_all(ROOT, &["article"])[0];
        let main = dom.find_all(ROOT, &["main"])[0];
        assert!(dom.is_attached_to(article, main));
    }

    #[test]
    fn scripts_and_styles_go() {
        let mut dom = crate::parse::document(
            "<body><script>x()</script><style>p{}</style><p>text</p></body>",
        );
        strip_document(&mut dom);
        assert_eq!(dom.inner_text(ROOT), "text");
    }

    #[test]
    fn noscript_image_replaces_placeholder() {
        let mut dom = crate::parse::document(
            r#"<body><p><img src="data:image/gif;base64,R0lGOD" class="lazy"><noscript><img src="real.jpg" alt="a"></noscript></p></body>"#,
        );
        strip_document(&mut dom);
        let imgs = dom.find_all(ROOT, &["img"]);
        assert_eq!(imgs.len(), 1);
        assert_eq!(dom.attr(imgs[0], "src"), Some("real.jpg"));
    }
}
