//! Inserting into the arena: elements, text (joined as html5ever joins it), attributes in
//! scraper's order, raw text elements and templates.

use super::names::*;
use super::tokenize::{Tag, Token};
use super::{Builder, Context, Mode, Ns, Open, Unsupported};
use crate::dom::{NodeId, NodeKind, ROOT};
use std::borrow::Cow;
use std::rc::Rc;

impl<'a> Builder<'a> {
    /// A second `<html>` start tag lends its attributes to the first, where missing.
    pub(super) fn lend_to_html(&mut self, tag: Tag<'a>) -> Result<(), Unsupported> {
        let html = self.open[0].node;
        self.add_missing_attributes(html, tag.attrs);
        Ok(())
    }

    /// A second `<html>` or `<body>` start tag lends its attributes to the first, where missing.
    pub(super) fn add_missing_attributes(
        &mut self,
        node: NodeId,
        attrs: Vec<(Cow<'_, str>, String)>,
    ) {
        let attrs = self.html_attributes(attrs);
        if let NodeKind::Element {
            attrs: existing, ..
        } = &mut self.dom.nodes[node].kind
        {
            let existing = Rc::make_mut(existing);
            for (name, value) in attrs {
                if let Err(at) = existing.binary_search_by(|(key, _)| key.cmp(&name)) {
                    existing.insert(at, (name, value));
                }
            }
        }
    }

    /// A tag or attribute name as a shared string.
    pub(super) fn name(&mut self, name: &str) -> Rc<str> {
        match common_name(name) {
            Some(slot) => Rc::clone(self.names[slot].get_or_insert_with(|| Rc::from(name))),
            None => Rc::from(name),
        }
    }

    /// Attributes in scraper's order (sorted by name); a repeated name keeps its first value,
    /// as html5ever does.
    pub(super) fn html_attributes(
        &mut self,
        attrs: Vec<(Cow<'_, str>, String)>,
    ) -> Vec<(Rc<str>, String)> {
        let ranked = attrs
            .into_iter()
            .map(|(name, value)| (0, self.name(&name), value))
            .collect();
        sorted_attributes(ranked)
    }

    pub(super) fn insert_html(&mut self, attrs: Vec<(Rc<str>, String)>) -> Result<(), Unsupported> {
        self.insert_element("html", attrs, Ns::Html, true)?;
        self.mode = Mode::BeforeHead;
        Ok(())
    }

    pub(super) fn insert_head(&mut self, attrs: Vec<(Rc<str>, String)>) -> Result<(), Unsupported> {
        self.insert_element("head", attrs, Ns::Html, true)?;
        self.mode = Mode::InHead;
        Ok(())
    }

    pub(super) fn insert_body(&mut self, attrs: Vec<(Rc<str>, String)>) -> Result<(), Unsupported> {
        self.insert_element("body", attrs, Ns::Html, true)?;
        self.mode = Mode::InBody;
        Ok(())
    }

    pub(super) fn insert(&mut self, tag: Tag<'a>) -> Result<(), Unsupported> {
        let attrs = self.html_attributes(tag.attrs);
        self.insert_element(&tag.name, attrs, Ns::Html, true)
    }

    pub(super) fn insert_void(&mut self, tag: Tag<'a>) -> Result<(), Unsupported> {
        let attrs = self.html_attributes(tag.attrs);
        self.insert_element(&tag.name, attrs, Ns::Html, false)
    }

    /// `<template>`: scraper keeps a template's content in a fragment of its own, which the arena
    /// does not copy, so the element stays empty and its content is read past up to the
    /// matching `</template>` (nothing inside can close anything outside: the template is a
    /// scope boundary for every end tag).
    pub(super) fn template(&mut self, tag: Tag<'a>) -> Result<(), Unsupported> {
        self.insert_void(tag)?;
        let mut depth = 1;
        // Inside SVG or MathML (`foreign` levels deep), `<style>` and `<script>` hold markup.
        let mut foreign = 0;
        loop {
            let token = self
                .tokens
                .next_token(foreign > 0)?
                .ok_or(Unsupported("a template without an end"))?;
            match token {
                // `</template>` closes any SVG or MathML left open inside it.
                Token::EndTag(name) if name == "template" => {
                    foreign = 0;
                    depth -= 1;
                    if depth == 0 {
                        return Ok(());
                    }
                }
                Token::StartTag(tag) if foreign > 0 => {
                    if breaks_out_of_foreign(&tag.name) {
                        return Err(Unsupported("HTML inside SVG or MathML"));
                    }
                    foreign += usize::from(!tag.self_closing);
                }
                Token::EndTag(_) if foreign > 0 => foreign -= 1,
                Token::StartTag(tag) => match &*tag.name {
                    "template" => depth += 1,
                    "svg" | "math" => foreign = usize::from(!tag.self_closing),
                    "plaintext" => return Err(Unsupported("<plaintext>")),
                    name => {
                        if let Some(decode) = raw_text_kind(name) {
                            self.tokens.raw_text(name, decode)?;
                        }
                    }
                },
                _ => {}
            }
        }
    }

    /// `script`, `style`, `title`, `textarea`…: the element and its text, closed at once.
    pub(super) fn raw_text_element(
        &mut self,
        tag: Tag<'a>,
        decode: bool,
    ) -> Result<(), Unsupported> {
        let name = tag.name.clone();
        self.insert(tag)?;
        let text = self.tokens.raw_text(&name, decode)?;
        let text = if std::mem::take(&mut self.skip_newline) {
            text.strip_prefix('\n').unwrap_or(&text).to_string()
        } else {
            text.into_owned()
        };
        self.insert_text(&text);
        self.open.pop();
        Ok(())
    }

    pub(super) fn insert_element(
        &mut self,
        name: &str,
        attrs: Vec<(Rc<str>, String)>,
        ns: Ns,
        push: bool,
    ) -> Result<(), Unsupported> {
        if self.open.len() >= self.max_depth {
            return Err(Unsupported("nesting deeper than the depth limit"));
        }
        let parent = self.open.last().map_or(ROOT, |open| open.node);
        let tag = self.name(name);
        let node = self.dom.append_new(
            parent,
            NodeKind::Element {
                tag: Rc::clone(&tag),
                attrs: Rc::new(attrs),
            },
        );
        if self.comment_in == Some(parent) {
            self.comment_in = None;
        }
        if push {
            let context = if ns != Ns::Html {
                self.open.last().map_or(Context::Body, |open| open.context)
            } else {
                match name {
                    "table" => Context::Table,
                    "tbody" | "thead" | "tfoot" => Context::TableBody,
                    "tr" => Context::Row,
                    "td" | "th" => Context::Cell,
                    "caption" => Context::Caption,
                    "colgroup" => Context::ColumnGroup,
                    "html" | "body" => Context::Body,
                    _ => self.open.last().map_or(Context::Body, |open| open.context),
                }
            };
            self.open.push(Open {
                node,
                name: tag,
                ns,
                context,
            });
        }
        Ok(())
    }

    /// Append text to the current node, joining the text node before it as html5ever does.
    pub(super) fn insert_text(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        let parent = self.current().node;
        let last = self.dom.nodes[parent].children.last().copied();
        let after_comment = self.comment_in == Some(parent);
        self.comment_in = self.comment_in.filter(|&node| node != parent);
        if !after_comment {
            if let Some((node, buffer)) = &mut self.pending_text {
                if last == Some(*node) {
                    buffer.push_str(text);
                    return;
                }
            }
            if let Some(last) = last {
                if let NodeKind::Text(existing) = &self.dom.nodes[last].kind {
                    // A second piece for the same node: from here on, joined in a buffer.
                    let joined = [&**existing, text].concat();
                    self.flush_text();
                    self.pending_text = Some((last, joined));
                    return;
                }
            }
        }
        self.dom.append_new(parent, NodeKind::Text(Rc::from(text)));
    }

    pub(super) fn flush_text(&mut self) {
        if let Some((node, text)) = self.pending_text.take() {
            self.dom.nodes[node].kind = NodeKind::Text(Rc::from(text));
        }
    }
}

/// Attributes sorted by prefix rank and name, each name's first value kept. One routine for
/// every element: the standard library's sorts would add kilobytes to the wasm package.
pub(super) fn sorted_attributes(attrs: Vec<(u8, Rc<str>, String)>) -> Vec<(Rc<str>, String)> {
    if attrs.len() < 2 {
        return attrs
            .into_iter()
            .map(|(_, name, value)| (name, value))
            .collect();
    }
    let order = sorted_order(attrs.len(), &|a, b| {
        (attrs[a].0, &attrs[a].1) < (attrs[b].0, &attrs[b].1)
    });
    let mut slots: Vec<Option<(u8, Rc<str>, String)>> = attrs.into_iter().map(Some).collect();
    let mut out: Vec<(u8, Rc<str>, String)> = Vec::with_capacity(order.len());
    for at in order {
        if let Some(attr) = slots[at].take() {
            if out
                .last()
                .is_none_or(|last| (last.0, &last.1) != (attr.0, &attr.1))
            {
                out.push(attr);
            }
        }
    }
    out.into_iter()
        .map(|(_, name, value)| (name, value))
        .collect()
}

/// Positions `0..count` in stable sorted order: insertion for the handful of attributes an
/// element has, a bottom-up merge for a hostile tag with thousands.
fn sorted_order(count: usize, less: &dyn Fn(usize, usize) -> bool) -> Vec<usize> {
    let mut order: Vec<usize> = (0..count).collect();
    if count <= 32 {
        for end in 1..count {
            let mut at = end;
            while at > 0 && less(order[at], order[at - 1]) {
                order.swap(at, at - 1);
                at -= 1;
            }
        }
        return order;
    }
    let mut merged = order.clone();
    let mut width = 1;
    while width < count {
        for start in (0..count).step_by(2 * width) {
            let middle = (start + width).min(count);
            let end = (start + 2 * width).min(count);
            let (mut left, mut right) = (start, middle);
            for slot in &mut merged[start..end] {
                let take_right = left == middle || (right < end && less(order[right], order[left]));
                if take_right {
                    *slot = order[right];
                    right += 1;
                } else {
                    *slot = order[left];
                    left += 1;
                }
            }
        }
        std::mem::swap(&mut order, &mut merged);
        width *= 2;
    }
    order
}
