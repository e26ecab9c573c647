//! A fast HTML parser for the pages the extension actually sees, with html5ever as the fallback.
//!
//! The extension hands the core `document.documentElement.outerHTML`: markup a browser wrote,
//! every element closed in order, no misnesting. Building that into the arena directly is a few
//! times faster than html5ever's general tree construction plus a copy of its tree — and parsing
//! was half of the core's time. So this parser follows the HTML standard's tree construction
//! (as html5ever 0.40 implements it) for everything well-formed pages and ordinary hand-written
//! pages contain: implied `<html>`, `<head>`, `<body>`, `<tbody>` and `<tr>`; `<p>`, `<li>`, `<dd>`
//! and cells closed by what follows; raw text elements; SVG with its camelCase names; character
//! references by the full entity table. Wherever the standard would do more — re-open a
//! formatting element, move content out of a table, merge a second `<body>`'s attributes, parse
//! `<select>` or `<template>` — it answers [`Unsupported`] and the caller parses with html5ever.
//! `tests/fast_parse.rs` checks that both build the same tree for every corpus page this parser
//! accepts, and the `parse` fuzz target checks it on arbitrary input.

mod names;
mod tokenize;

use crate::dom::{Dom, NodeId, NodeKind, ROOT};
use names::*;
use std::borrow::Cow;
use std::rc::Rc;
use tokenize::{Tag, Token, Tokenizer};

/// Why the fast parser handed a page to html5ever.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unsupported(pub &'static str);

/// Build the arena for `html`, or say why this page needs html5ever. `max_depth` as in
/// [`Dom::parse_with_depth_limit`]: a page nested deeper is left to html5ever, which flattens it.
pub fn parse(html: &str, max_depth: usize) -> Result<Dom, Unsupported> {
    // html5ever drops a byte order mark at the start.
    let html = html.strip_prefix('\u{FEFF}').unwrap_or(html);
    if memchr::memchr(0, html.as_bytes()).is_some() {
        return Err(Unsupported("a NUL character"));
    }
    // The standard's input stream turns CR LF and lone CR into LF before tokenizing.
    if memchr::memchr(b'\r', html.as_bytes()).is_some() {
        let normalized = html.replace("\r\n", "\n").replace('\r', "\n");
        return Builder::new(&normalized, max_depth).run();
    }
    Builder::new(html, max_depth).run()
}

/// The most attributes any tag of `html` carries (scripts and styles read past as raw text):
/// checked before a page goes to html5ever, whose cost grows with the square of that number.
pub fn most_attributes(html: &str) -> usize {
    let mut tokens = Tokenizer::new(html);
    let mut most = 0;
    while let Ok(Some(token)) = tokens.next_token(false) {
        if let Token::StartTag(tag) = token {
            most = most.max(tag.attrs.len());
            let raw = matches!(
                &*tag.name,
                "script"
                    | "style"
                    | "noscript"
                    | "noframes"
                    | "iframe"
                    | "noembed"
                    | "xmp"
                    | "title"
                    | "textarea"
            );
            if raw && tokens.raw_text(&tag.name, false).is_err() {
                break;
            }
        }
    }
    most
}

/// html5ever's insertion modes up to `<body>`; after it, the nearest table element decides.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Initial,
    BeforeHtml,
    BeforeHead,
    InHead,
    AfterHead,
    InBody,
}

/// The insertion mode while an element is the current node: "in body" until a table element
/// says otherwise.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Context {
    Body,
    Table,
    TableBody,
    Row,
    Cell,
    Caption,
    ColumnGroup,
}

/// The namespace of an open element: HTML, or the foreign content of `<svg>` and `<math>`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ns {
    Html,
    Svg,
    MathMl,
}

struct Open {
    node: NodeId,
    name: Rc<str>,
    ns: Ns,
    context: Context,
}

impl Open {
    fn foreign(&self) -> bool {
        self.ns != Ns::Html
    }
}

struct Builder<'a> {
    tokens: Tokenizer<'a>,
    dom: Dom,
    /// The stack of open elements; with nothing re-opened or foster-parented, it is always the
    /// current node's ancestors.
    open: Vec<Open>,
    mode: Mode,
    form: Option<NodeId>,
    skip_newline: bool,
    /// The element whose last child (in html5ever's tree) is a comment: text appended there
    /// starts a new node instead of joining the text before the comment.
    comment_in: Option<NodeId>,
    after_body: bool,
    max_depth: usize,
    /// The text node being appended to, and its text so far: written into the node when
    /// text goes elsewhere (joining into the node's string each time was quadratic).
    pending_text: Option<(NodeId, String)>,
    /// Shared strings for [`COMMON_NAMES`], made on first use.
    names: [Option<Rc<str>>; COMMON_NAMES.len()],
}

fn is_whitespace(text: &str) -> bool {
    text.bytes()
        .all(|b| matches!(b, b'\t' | b'\n' | b'\x0C' | b'\r' | b' '))
}

fn split_leading_whitespace(text: &str) -> (&str, &str) {
    let at = text
        .bytes()
        .position(|b| !matches!(b, b'\t' | b'\n' | b'\x0C' | b'\r' | b' '))
        .unwrap_or(text.len());
    text.split_at(at)
}

const BLOCK_END_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "button",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "header",
    "hgroup",
    "listing",
    "main",
    "menu",
    "nav",
    "ol",
    "pre",
    "search",
    "section",
    "select",
    "summary",
    "ul",
];

impl<'a> Builder<'a> {
    fn new(html: &'a str, max_depth: usize) -> Builder<'a> {
        Builder {
            tokens: Tokenizer::new(html),
            dom: Dom::empty(html.len() / 40),
            open: Vec::new(),
            mode: Mode::Initial,
            form: None,
            skip_newline: false,
            comment_in: None,
            after_body: false,
            max_depth,
            pending_text: None,
            names: std::array::from_fn(|_| None),
        }
    }

    fn run(mut self) -> Result<Dom, Unsupported> {
        loop {
            let foreign = self.open.last().is_some_and(|open| open.foreign());
            let Some(token) = self.tokens.next_token(foreign)? else {
                self.finish()?;
                self.flush_text();
                return Ok(self.dom.seal());
            };
            let skip_newline = std::mem::take(&mut self.skip_newline);
            let token = match token {
                Token::Text(text, starts_with_named_reference)
                    if skip_newline && !starts_with_named_reference && text.starts_with('\n') =>
                {
                    Token::Text(strip_first(text), false)
                }
                token => token,
            };
            self.process(token)?;
        }
    }

    /// At the end of the page, the elements the standard implies are created as html5ever does.
    fn finish(&mut self) -> Result<(), Unsupported> {
        if matches!(self.mode, Mode::Initial | Mode::BeforeHtml) {
            self.insert_html(Vec::new())?;
        }
        if self.mode == Mode::BeforeHead {
            self.insert_head(Vec::new())?;
        }
        if self.mode == Mode::InHead {
            self.leave_head();
        }
        if self.mode == Mode::AfterHead {
            self.insert_body(Vec::new())?;
        }
        Ok(())
    }

    fn current(&self) -> &Open {
        self.open
            .last()
            .expect("the stack holds <html> once it is created")
    }

    fn current_name(&self) -> &str {
        &self.current().name
    }

    fn current_is(&self, name: &str) -> bool {
        let current = self.current();
        !current.foreign() && &*current.name == name
    }

    fn process(&mut self, token: Token<'a>) -> Result<(), Unsupported> {
        match self.mode {
            Mode::Initial => match token {
                Token::Doctype => {
                    self.mode = Mode::BeforeHtml;
                    Ok(())
                }
                Token::Comment => Ok(()),
                token => {
                    self.mode = Mode::BeforeHtml;
                    self.process(token)
                }
            },
            Mode::BeforeHtml => match token {
                Token::Doctype | Token::Comment => Ok(()),
                Token::Text(text, _) => {
                    let (_, rest) = split_leading_whitespace(&text);
                    if rest.is_empty() {
                        return Ok(());
                    }
                    self.insert_html(Vec::new())?;
                    self.process(Token::Text(Cow::Owned(rest.to_string()), false))
                }
                Token::StartTag(tag) if tag.name == "html" => {
                    let attrs = self.html_attributes(tag.attrs);
                    self.insert_html(attrs)
                }
                Token::EndTag(name) if !matches!(&*name, "head" | "body" | "html" | "br") => Ok(()),
                token => {
                    self.insert_html(Vec::new())?;
                    self.process(token)
                }
            },
            Mode::BeforeHead => match token {
                Token::Doctype => Ok(()),
                Token::Comment => {
                    self.comment_in = Some(self.current().node);
                    Ok(())
                }
                Token::Text(text, _) => {
                    let (_, rest) = split_leading_whitespace(&text);
                    if rest.is_empty() {
                        return Ok(());
                    }
                    self.insert_head(Vec::new())?;
                    self.process(Token::Text(Cow::Owned(rest.to_string()), false))
                }
                Token::StartTag(tag) if tag.name == "html" => {
                    let html = self.open[0].node;
                    self.add_missing_attributes(html, tag.attrs);
                    Ok(())
                }
                Token::StartTag(tag) if tag.name == "head" => {
                    let attrs = self.html_attributes(tag.attrs);
                    self.insert_head(attrs)
                }
                Token::EndTag(name) if !matches!(&*name, "head" | "body" | "html" | "br") => Ok(()),
                token => {
                    self.insert_head(Vec::new())?;
                    self.process(token)
                }
            },
            Mode::InHead => self.in_head(token),
            Mode::AfterHead => self.after_head(token),
            Mode::InBody => self.in_body(token),
        }
    }

    fn in_head(&mut self, token: Token<'a>) -> Result<(), Unsupported> {
        match token {
            Token::Doctype => Ok(()),
            Token::Comment => {
                self.comment_in = Some(self.current().node);
                Ok(())
            }
            Token::Text(text, _) => {
                let (space, rest) = split_leading_whitespace(&text);
                self.insert_text(space);
                if rest.is_empty() {
                    return Ok(());
                }
                let rest = Cow::Owned(rest.to_string());
                self.leave_head();
                self.process(Token::Text(rest, false))
            }
            Token::StartTag(tag) => match &*tag.name {
                "html" => {
                    let html = self.open[0].node;
                    self.add_missing_attributes(html, tag.attrs);
                    Ok(())
                }
                "base" | "basefont" | "bgsound" | "link" | "meta" => self.insert_void(tag),
                "title" => self.raw_text_element(tag, true),
                "noscript" | "noframes" | "style" | "script" => self.raw_text_element(tag, false),
                "template" => self.template(tag),
                "head" => Err(Unsupported("a second <head>")),
                _ => {
                    self.leave_head();
                    self.process(Token::StartTag(tag))
                }
            },
            Token::EndTag(name) => match &*name {
                "head" => {
                    self.leave_head();
                    Ok(())
                }
                "body" | "html" | "br" => {
                    self.leave_head();
                    self.process(Token::EndTag(name))
                }
                _ => Ok(()),
            },
        }
    }

    fn leave_head(&mut self) {
        self.open.pop();
        self.mode = Mode::AfterHead;
    }

    fn after_head(&mut self, token: Token<'a>) -> Result<(), Unsupported> {
        match token {
            Token::Doctype => Ok(()),
            Token::Comment => {
                self.comment_in = Some(self.current().node);
                Ok(())
            }
            Token::Text(text, _) => {
                let (space, rest) = split_leading_whitespace(&text);
                self.insert_text(space);
                if rest.is_empty() {
                    return Ok(());
                }
                let rest = Cow::Owned(rest.to_string());
                self.insert_body(Vec::new())?;
                self.process(Token::Text(rest, false))
            }
            Token::StartTag(tag) => match &*tag.name {
                "body" => {
                    let attrs = self.html_attributes(tag.attrs);
                    self.insert_body(attrs)
                }
                "html" | "frameset" | "head" | "base" | "basefont" | "bgsound" | "link"
                | "meta" | "noframes" | "script" | "style" | "template" | "title" => {
                    Err(Unsupported("head content after </head>"))
                }
                _ => {
                    self.insert_body(Vec::new())?;
                    self.process(Token::StartTag(tag))
                }
            },
            Token::EndTag(name) => match &*name {
                "body" | "html" | "br" => {
                    self.insert_body(Vec::new())?;
                    self.process(Token::EndTag(name))
                }
                _ => Ok(()),
            },
        }
    }

    fn in_body(&mut self, token: Token<'a>) -> Result<(), Unsupported> {
        match token {
            Token::Doctype => Ok(()),
            Token::Comment => {
                if !self.after_body {
                    self.comment_in = Some(self.current().node);
                }
                Ok(())
            }
            Token::Text(text, _) => {
                if !is_whitespace(&text) {
                    self.after_body = false;
                    if matches!(
                        self.current().context,
                        Context::Table | Context::TableBody | Context::Row | Context::ColumnGroup
                    ) && !self.current().foreign()
                    {
                        return Err(Unsupported("text in a table outside its cells"));
                    }
                }
                self.insert_text(&text);
                Ok(())
            }
            Token::StartTag(tag) => {
                self.after_body = false;
                if self.current().foreign() {
                    return self.foreign_start_tag(tag);
                }
                match self.current().context {
                    Context::Table => self.table_start_tag(tag),
                    Context::TableBody => self.table_body_start_tag(tag),
                    Context::Row => self.row_start_tag(tag),
                    Context::ColumnGroup => {
                        if tag.name == "col" {
                            self.insert_void(tag)
                        } else if tag.name == "template" {
                            self.template(tag)
                        } else {
                            self.open.pop();
                            self.process(Token::StartTag(tag))
                        }
                    }
                    Context::Cell | Context::Caption if is_table_part(&tag.name) => {
                        self.close_cell_or_caption()?;
                        self.process(Token::StartTag(tag))
                    }
                    _ => self.body_start_tag(tag),
                }
            }
            Token::EndTag(name) => {
                if self.current().foreign() {
                    return self.foreign_end_tag(&name);
                }
                match self.current().context {
                    Context::Table | Context::TableBody | Context::Row | Context::ColumnGroup => {
                        self.table_end_tag(&name)
                    }
                    Context::Cell | Context::Caption => self.cell_end_tag(name),
                    Context::Body => self.body_end_tag(&name),
                }
            }
        }
    }

    fn body_start_tag(&mut self, tag: Tag<'a>) -> Result<(), Unsupported> {
        let name = &*tag.name;
        match name {
            "html" => {
                let html = self.open[0].node;
                self.add_missing_attributes(html, tag.attrs);
                Ok(())
            }
            "body" => {
                if let Some(body) = self.open.get(1).filter(|open| &*open.name == "body") {
                    let body = body.node;
                    self.add_missing_attributes(body, tag.attrs);
                }
                Ok(())
            }
            "frameset" => Err(Unsupported("<frameset>")),
            "caption" | "col" | "colgroup" | "frame" | "head" | "tbody" | "td" | "tfoot" | "th"
            | "thead" | "tr" => Ok(()),
            "base" | "basefont" | "bgsound" | "link" | "meta" => self.insert_void(tag),
            "title" => self.raw_text_element(tag, true),
            "noframes" | "style" | "script" | "iframe" | "noembed" | "noscript" => {
                self.raw_text_element(tag, false)
            }
            "xmp" => {
                self.close_p_in_button_scope()?;
                self.raw_text_element(tag, false)
            }
            "textarea" => {
                self.skip_newline = true;
                self.raw_text_element(tag, true)
            }
            "template" => self.template(tag),
            // html5ever parses `<select>` content as the 2025 standard does: by the rules of
            // the body, `<select>` a scope boundary, options closed by the next.
            "select" if self.in_scope("select", false) => Err(Unsupported("nested <select>")),
            "option" | "optgroup" => {
                if self.in_scope("select", false) {
                    self.pop_implied_except(if name == "option" { "optgroup" } else { "" })?;
                } else if self.current_is("option") {
                    self.open.pop();
                }
                self.insert(tag)
            }
            "input" if self.in_scope("select", false) => Err(Unsupported("<input> in <select>")),
            "plaintext" | "image" => Err(Unsupported("<plaintext> or <image>")),
            _ if closes_p(name) => {
                self.close_p_in_button_scope()?;
                self.insert(tag)
            }
            _ if is_heading(name) => {
                self.close_p_in_button_scope()?;
                if is_heading(self.current_name()) && !self.current().foreign() {
                    self.open.pop();
                }
                self.insert(tag)
            }
            "pre" | "listing" => {
                self.close_p_in_button_scope()?;
                self.insert(tag)?;
                self.skip_newline = true;
                Ok(())
            }
            "form" => {
                if self.form.is_some() {
                    return Ok(());
                }
                self.close_p_in_button_scope()?;
                self.insert(tag)?;
                self.form = Some(self.current().node);
                Ok(())
            }
            "li" | "dd" | "dt" => {
                self.close_list_item(name == "li")?;
                self.close_p_in_button_scope()?;
                self.insert(tag)
            }
            "button" if self.in_scope("button", false) => Err(Unsupported("nested buttons")),
            "a" if self.a_is_open() => Err(Unsupported("nested links")),
            "nobr" if self.in_scope("nobr", false) => Err(Unsupported("nested <nobr>")),
            "table" if self.in_scope("p", true) => Err(Unsupported("a table inside a paragraph")),
            "area" | "br" | "embed" | "img" | "keygen" | "wbr" | "input" | "param" | "source"
            | "track" => self.insert_void(tag),
            "hr" => {
                self.close_p_in_button_scope()?;
                if self.in_scope("select", false) {
                    self.pop_implied_except("")?;
                }
                self.insert_void(tag)
            }
            "rb" | "rtc" | "rp" | "rt" => {
                if self.in_scope("ruby", false) {
                    let keep = if matches!(name, "rp" | "rt") {
                        "rtc"
                    } else {
                        ""
                    };
                    while is_implied_end(self.current_name()) && self.current_name() != keep {
                        self.pop_checked()?;
                    }
                }
                self.insert(tag)
            }
            "svg" | "math" => {
                let ns = if name == "svg" { Ns::Svg } else { Ns::MathMl };
                let attrs = self.foreign_attributes(tag.attrs, ns);
                self.insert_element(name, attrs, ns, !tag.self_closing)
            }
            _ => self.insert(tag),
        }
    }

    fn body_end_tag(&mut self, name: &str) -> Result<(), Unsupported> {
        match name {
            "body" | "html" => {
                if self.in_scope("body", false) {
                    self.after_body = true;
                }
                Ok(())
            }
            "p" => {
                if !self.in_scope("p", true) {
                    // An empty paragraph, as html5ever inserts for a stray `</p>`.
                    self.insert_element("p", Vec::new(), Ns::Html, true)?;
                }
                self.close_p()
            }
            "li" | "dd" | "dt" => {
                if !self.in_scope_of(name, ScopeKind::for_end(name)) {
                    return Ok(());
                }
                self.pop_implied_except(name)?;
                self.pop_until(|n| n == name)
            }
            _ if is_heading(name) => {
                if !self.heading_in_scope() {
                    return Ok(());
                }
                self.pop_implied_except("")?;
                self.pop_until(is_heading)
            }
            "form" => {
                let Some(form) = self.form.take() else {
                    return Ok(());
                };
                if !self.node_in_scope(form) {
                    return Ok(());
                }
                self.pop_implied_except("")?;
                if self.current().node != form {
                    return Err(Unsupported("</form> closing past other elements"));
                }
                self.open.pop();
                Ok(())
            }
            "applet" | "marquee" | "object" => {
                if !self.in_scope(name, false) {
                    return Ok(());
                }
                self.pop_implied_except("")?;
                self.pop_to_marker(|n| n == name)
            }
            "br" => Err(Unsupported("</br>")),
            "template" => Ok(()),
            _ if BLOCK_END_TAGS.contains(&name) => {
                if !self.in_scope(name, false) {
                    return Ok(());
                }
                self.pop_implied_except("")?;
                self.pop_until(|n| n == name)
            }
            _ if is_formatting(name) => {
                if self.current_is(name) {
                    self.open.pop();
                    Ok(())
                } else if self.open.iter().any(|o| !o.foreign() && &*o.name == name) {
                    Err(Unsupported("misnested formatting elements"))
                } else {
                    Ok(())
                }
            }
            _ => self.any_other_end_tag(name),
        }
    }

    /// The standard's "any other end tag": close the nearest open element of that name unless a
    /// special element comes first.
    fn any_other_end_tag(&mut self, name: &str) -> Result<(), Unsupported> {
        for at in (0..self.open.len()).rev() {
            let open = &self.open[at];
            if !open.foreign() && &*open.name == name {
                self.pop_implied_except(name)?;
                while self.open.len() > at {
                    self.pop_checked()?;
                }
                return Ok(());
            }
            if !open.foreign() && is_special(&open.name) {
                return Ok(());
            }
        }
        Ok(())
    }

    fn table_start_tag(&mut self, tag: Tag<'a>) -> Result<(), Unsupported> {
        match &*tag.name {
            "caption" | "colgroup" | "tbody" | "thead" | "tfoot" => self.insert(tag),
            "col" => {
                self.insert_element("colgroup", Vec::new(), Ns::Html, true)?;
                self.process(Token::StartTag(tag))
            }
            "tr" | "td" | "th" => {
                self.insert_element("tbody", Vec::new(), Ns::Html, true)?;
                self.process(Token::StartTag(tag))
            }
            "style" | "script" => self.raw_text_element(tag, false),
            "template" => self.template(tag),
            _ => Err(Unsupported("an element directly inside a table")),
        }
    }

    fn table_body_start_tag(&mut self, tag: Tag<'a>) -> Result<(), Unsupported> {
        match &*tag.name {
            "tr" => self.insert(tag),
            "td" | "th" => {
                self.insert_element("tr", Vec::new(), Ns::Html, true)?;
                self.process(Token::StartTag(tag))
            }
            "caption" | "col" | "colgroup" | "tbody" | "thead" | "tfoot" => {
                self.open.pop();
                self.process(Token::StartTag(tag))
            }
            "style" | "script" => self.raw_text_element(tag, false),
            "template" => self.template(tag),
            _ => Err(Unsupported("an element directly inside a table")),
        }
    }

    fn row_start_tag(&mut self, tag: Tag<'a>) -> Result<(), Unsupported> {
        match &*tag.name {
            "td" | "th" => self.insert(tag),
            "caption" | "col" | "colgroup" | "tbody" | "thead" | "tfoot" | "tr" => {
                self.open.pop();
                self.process(Token::StartTag(tag))
            }
            "style" | "script" => self.raw_text_element(tag, false),
            "template" => self.template(tag),
            _ => Err(Unsupported("an element directly inside a table row")),
        }
    }

    fn table_end_tag(&mut self, name: &str) -> Result<(), Unsupported> {
        let context = self.current().context;
        match (context, name) {
            (Context::Table, "table") => {
                self.open.pop();
                Ok(())
            }
            (Context::TableBody, "tbody" | "thead" | "tfoot") if self.current_is(name) => {
                self.open.pop();
                Ok(())
            }
            (Context::TableBody, "table") => {
                self.open.pop();
                self.table_end_tag(name)
            }
            (Context::Row, "tr") => {
                self.open.pop();
                Ok(())
            }
            (Context::Row, "table") => {
                self.open.pop();
                self.table_end_tag(name)
            }
            (Context::Row, "tbody" | "thead" | "tfoot") if self.in_table_scope(name) => {
                self.open.pop();
                self.table_end_tag(name)
            }
            (Context::ColumnGroup, "colgroup") => {
                self.open.pop();
                Ok(())
            }
            (Context::ColumnGroup, _) if name != "col" && name != "template" => {
                self.open.pop();
                self.process(Token::EndTag(Cow::Owned(name.to_string())))
            }
            (
                _,
                "body" | "caption" | "col" | "colgroup" | "html" | "tbody" | "td" | "tfoot" | "th"
                | "thead" | "tr",
            ) => Ok(()),
            _ => Err(Unsupported("an end tag directly inside a table")),
        }
    }

    fn cell_end_tag(&mut self, name: Cow<'a, str>) -> Result<(), Unsupported> {
        let in_cell = self.current().context == Context::Cell;
        match &*name {
            "td" | "th" if in_cell => {
                if !self.in_table_scope(&name) {
                    return Ok(());
                }
                self.pop_to_marker(|n| n == &*name)
            }
            "caption" if !in_cell => {
                self.close_cell_or_caption()?;
                Ok(())
            }
            "table" | "tbody" | "tfoot" | "thead" | "tr" if in_cell => {
                if !self.in_table_scope(&name) {
                    return Ok(());
                }
                self.close_cell_or_caption()?;
                self.process(Token::EndTag(name))
            }
            "table" => {
                self.close_cell_or_caption()?;
                self.process(Token::EndTag(name))
            }
            "body" | "caption" | "col" | "colgroup" | "html" => Ok(()),
            "tbody" | "td" | "tfoot" | "th" | "thead" | "tr" => Ok(()),
            _ => self.body_end_tag(&name),
        }
    }

    /// Close the innermost cell or caption and everything open inside it (formatting elements
    /// included: the standard clears them from its list with the cell's marker).
    fn close_cell_or_caption(&mut self) -> Result<(), Unsupported> {
        self.pop_to_marker(|n| matches!(n, "td" | "th" | "caption"))
    }

    /// Pop up to and including the element `is_end` accepts, one that put a marker in the
    /// standard's list of formatting elements (a cell, caption, applet, marquee or object).
    /// Formatting elements inside are cleared with that marker, so popping them is safe —
    /// unless another marker element was left open inside, which would leave them in the list
    /// to be re-opened later: that is left to html5ever.
    fn pop_to_marker(&mut self, is_end: impl Fn(&str) -> bool) -> Result<(), Unsupported> {
        let mut formatting = false;
        let mut inner_marker = false;
        while let Some(open) = self.open.pop() {
            if open.foreign() {
                continue;
            }
            if is_end(&open.name) {
                return if formatting && inner_marker {
                    Err(Unsupported("formatting elements outlasting their cell"))
                } else {
                    Ok(())
                };
            }
            formatting |= is_formatting(&open.name);
            inner_marker |= matches!(&*open.name, "applet" | "marquee" | "object");
        }
        Err(Unsupported("the stack emptied"))
    }

    /// A start tag while the current node is SVG or MathML.
    fn foreign_start_tag(&mut self, tag: Tag<'a>) -> Result<(), Unsupported> {
        let current = self.current();
        // Integration points hand their content back to HTML; that is left to html5ever.
        let integration_point = match current.ns {
            Ns::Svg => matches!(&*current.name, "foreignObject" | "desc" | "title"),
            _ => {
                matches!(&*current.name, "mi" | "mo" | "mn" | "ms" | "mtext")
                    && !matches!(&*tag.name, "mglyph" | "malignmark")
                    || &*current.name == "annotation-xml"
            }
        };
        if integration_point {
            return Err(Unsupported("HTML inside SVG or MathML"));
        }
        let font_with_style = tag.name == "font"
            && tag
                .attrs
                .iter()
                .any(|(key, _)| matches!(&**key, "color" | "face" | "size"));
        if breaks_out_of_foreign(&tag.name) || font_with_style {
            return Err(Unsupported("HTML inside SVG or MathML"));
        }
        let ns = current.ns;
        if matches!(&*tag.name, "svg" | "math") && (ns == Ns::MathMl) != (tag.name == "svg") {
            return Err(Unsupported("SVG and MathML nested"));
        }
        let name = match ns {
            Ns::Svg => svg_tag(&tag.name).unwrap_or(&tag.name),
            _ => &tag.name,
        }
        .to_string();
        let attrs = self.foreign_attributes(tag.attrs, ns);
        self.insert_element(&name, attrs, ns, !tag.self_closing)
    }

    fn foreign_end_tag(&mut self, name: &str) -> Result<(), Unsupported> {
        for at in (0..self.open.len()).rev() {
            let open = &self.open[at];
            if !open.foreign() {
                return Err(Unsupported("an HTML end tag inside SVG"));
            }
            if open.name.eq_ignore_ascii_case(name) {
                self.open.truncate(at);
                return Ok(());
            }
        }
        Ok(())
    }

    /// `<li>` closes the open `<li>` (`<dd>`/`<dt>` the open `<dd>` or `<dt>`) unless a special
    /// element other than `address`, `div` and `p` comes first.
    fn close_list_item(&mut self, list: bool) -> Result<(), Unsupported> {
        for at in (0..self.open.len()).rev() {
            let open = &self.open[at];
            if open.foreign() {
                continue;
            }
            let closes = if list {
                &*open.name == "li"
            } else {
                matches!(&*open.name, "dd" | "dt")
            };
            if closes {
                let name = open.name.clone();
                self.pop_implied_except(&name)?;
                return self.pop_until(|n| n == &*name);
            }
            if is_special(&open.name) && !matches!(&*open.name, "address" | "div" | "p") {
                return Ok(());
            }
        }
        Ok(())
    }

    fn close_p_in_button_scope(&mut self) -> Result<(), Unsupported> {
        if self.in_scope("p", true) {
            self.close_p()
        } else {
            Ok(())
        }
    }

    fn close_p(&mut self) -> Result<(), Unsupported> {
        self.pop_implied_except("p")?;
        self.pop_until(|n| n == "p")
    }

    /// Pop while the current node's end tag may be implied (but not `except`).
    fn pop_implied_except(&mut self, except: &str) -> Result<(), Unsupported> {
        loop {
            let current = self.current();
            if current.foreign() || !is_implied_end(&current.name) || &*current.name == except {
                return Ok(());
            }
            self.open.pop();
        }
    }

    /// Pop up to and including the nearest HTML element `is_end` accepts.
    fn pop_until(&mut self, is_end: impl Fn(&str) -> bool) -> Result<(), Unsupported> {
        loop {
            let open = self.pop_checked()?;
            if !open.foreign() && is_end(&open.name) {
                return Ok(());
            }
        }
    }

    /// Pop the current node; a formatting element closed this way would be re-opened by
    /// html5ever later, which this parser does not reproduce.
    fn pop_checked(&mut self) -> Result<Open, Unsupported> {
        let open = self.open.pop().ok_or(Unsupported("the stack emptied"))?;
        if self.open.is_empty() {
            return Err(Unsupported("an end tag closed <html>"));
        }
        if !open.foreign() && is_formatting(&open.name) {
            return Err(Unsupported("a formatting element closed implicitly"));
        }
        Ok(open)
    }

    fn in_scope(&self, name: &str, button: bool) -> bool {
        self.in_scope_of(
            name,
            if button {
                ScopeKind::Button
            } else {
                ScopeKind::Default
            },
        )
    }

    fn in_scope_of(&self, name: &str, kind: ScopeKind) -> bool {
        for open in self.open.iter().rev() {
            if !open.foreign() && &*open.name == name {
                return true;
            }
            if kind.is_boundary(open) {
                return false;
            }
        }
        false
    }

    fn in_table_scope(&self, name: &str) -> bool {
        for open in self.open.iter().rev() {
            if !open.foreign() && &*open.name == name {
                return true;
            }
            if !open.foreign() && matches!(&*open.name, "html" | "table" | "template") {
                return false;
            }
        }
        false
    }

    fn heading_in_scope(&self) -> bool {
        for open in self.open.iter().rev() {
            if !open.foreign() && is_heading(&open.name) {
                return true;
            }
            if ScopeKind::Default.is_boundary(open) {
                return false;
            }
        }
        false
    }

    fn node_in_scope(&self, node: NodeId) -> bool {
        for open in self.open.iter().rev() {
            if open.node == node {
                return true;
            }
            if ScopeKind::Default.is_boundary(open) {
                return false;
            }
        }
        false
    }

    /// Whether an `<a>` is open since the last cell, caption or object.
    fn a_is_open(&self) -> bool {
        for open in self.open.iter().rev() {
            if open.foreign() {
                continue;
            }
            match &*open.name {
                "a" => return true,
                "td" | "th" | "caption" | "applet" | "marquee" | "object" | "template" => {
                    return false
                }
                _ => {}
            }
        }
        false
    }

    /// A second `<html>` or `<body>` start tag lends its attributes to the first, where missing.
    fn add_missing_attributes(&mut self, node: NodeId, attrs: Vec<(Cow<'_, str>, String)>) {
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
    fn name(&mut self, name: &str) -> Rc<str> {
        match common_name(name) {
            Some(slot) => Rc::clone(self.names[slot].get_or_insert_with(|| Rc::from(name))),
            None => Rc::from(name),
        }
    }

    /// Attributes in scraper's order (sorted by name); a repeated name keeps its first value,
    /// as html5ever does.
    fn html_attributes(&mut self, attrs: Vec<(Cow<'_, str>, String)>) -> Vec<(Rc<str>, String)> {
        let ranked = attrs
            .into_iter()
            .map(|(name, value)| (0, self.name(&name), value))
            .collect();
        sorted_attributes(ranked)
    }

    /// SVG or MathML attributes with their standard names, in scraper's order (by prefix,
    /// then name). Renaming is one to one, so repeats are still repeats afterwards.
    fn foreign_attributes(
        &mut self,
        attrs: Vec<(Cow<'_, str>, String)>,
        ns: Ns,
    ) -> Vec<(Rc<str>, String)> {
        let ranked = attrs
            .into_iter()
            .map(|(name, value)| {
                let (local, rank) = foreign_attribute(&name, ns == Ns::Svg);
                (rank, self.name(local), value)
            })
            .collect();
        sorted_attributes(ranked)
    }

    fn insert_html(&mut self, attrs: Vec<(Rc<str>, String)>) -> Result<(), Unsupported> {
        self.insert_element("html", attrs, Ns::Html, true)?;
        self.mode = Mode::BeforeHead;
        Ok(())
    }

    fn insert_head(&mut self, attrs: Vec<(Rc<str>, String)>) -> Result<(), Unsupported> {
        self.insert_element("head", attrs, Ns::Html, true)?;
        self.mode = Mode::InHead;
        Ok(())
    }

    fn insert_body(&mut self, attrs: Vec<(Rc<str>, String)>) -> Result<(), Unsupported> {
        self.insert_element("body", attrs, Ns::Html, true)?;
        self.mode = Mode::InBody;
        Ok(())
    }

    fn insert(&mut self, tag: Tag<'a>) -> Result<(), Unsupported> {
        let attrs = self.html_attributes(tag.attrs);
        self.insert_element(&tag.name, attrs, Ns::Html, true)
    }

    fn insert_void(&mut self, tag: Tag<'a>) -> Result<(), Unsupported> {
        let attrs = self.html_attributes(tag.attrs);
        self.insert_element(&tag.name, attrs, Ns::Html, false)
    }

    /// `<template>`: scraper keeps a template's content in a fragment of its own, which the arena
    /// does not copy, so the element stays empty and its content is read past up to the
    /// matching `</template>` (nothing inside can close anything outside: the template is a
    /// scope boundary for every end tag).
    fn template(&mut self, tag: Tag<'a>) -> Result<(), Unsupported> {
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
                    "script" | "style" | "noscript" | "noframes" | "iframe" | "noembed" | "xmp" => {
                        self.tokens.raw_text(&tag.name, false)?;
                    }
                    "title" | "textarea" => {
                        self.tokens.raw_text(&tag.name, true)?;
                    }
                    "svg" | "math" => foreign = usize::from(!tag.self_closing),
                    "plaintext" => return Err(Unsupported("<plaintext>")),
                    _ => {}
                },
                _ => {}
            }
        }
    }

    /// `script`, `style`, `title`, `textarea`…: the element and its text, closed at once.
    fn raw_text_element(&mut self, tag: Tag<'a>, decode: bool) -> Result<(), Unsupported> {
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

    fn insert_element(
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
    fn insert_text(&mut self, text: &str) {
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

    fn flush_text(&mut self) {
        if let Some((node, text)) = self.pending_text.take() {
            self.dom.nodes[node].kind = NodeKind::Text(Rc::from(text));
        }
    }
}

fn strip_first(text: Cow<'_, str>) -> Cow<'_, str> {
    match text {
        Cow::Borrowed(text) => Cow::Borrowed(&text[1..]),
        Cow::Owned(text) => Cow::Owned(text[1..].to_string()),
    }
}

/// Start tags that close a cell or caption before they are processed.
fn is_table_part(name: &str) -> bool {
    matches!(
        name,
        "caption" | "col" | "colgroup" | "tbody" | "td" | "tfoot" | "th" | "thead" | "tr"
    )
}

#[derive(Clone, Copy)]
enum ScopeKind {
    Default,
    Button,
    ListItem,
}

impl ScopeKind {
    fn for_end(name: &str) -> ScopeKind {
        if name == "li" {
            ScopeKind::ListItem
        } else {
            ScopeKind::Default
        }
    }

    fn is_boundary(self, open: &Open) -> bool {
        match open.ns {
            Ns::Svg => return matches!(&*open.name, "foreignObject" | "desc" | "title"),
            Ns::MathMl => return matches!(&*open.name, "mi" | "mo" | "mn" | "ms" | "mtext"),
            Ns::Html => {}
        }
        let name = &*open.name;
        is_scope_boundary(name)
            || match self {
                ScopeKind::Default => false,
                ScopeKind::Button => name == "button",
                ScopeKind::ListItem => matches!(name, "ol" | "ul"),
            }
    }
}

/// Attributes sorted by prefix rank and name, each name's first value kept. One routine for
/// every element: the standard library's sorts would add kilobytes to the wasm package.
fn sorted_attributes(attrs: Vec<(u8, Rc<str>, String)>) -> Vec<(Rc<str>, String)> {
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

#[cfg(test)]
mod tests;
