//! A fast HTML parser for the pages the extension actually sees, with html5ever as the fallback.
//!
//! The extension hands the core `document.documentElement.outerHTML`: markup a browser wrote,
//! every element closed in order, no misnesting. Building that into the arena directly is a few
//! times faster than html5ever's general tree construction plus a copy of its tree — and parsing
//! was half of the core's time. Measured as the reader feels it (tests/e2e/bench-readability.mjs,
//! PEER, paired per page in one run): with html5ever alone the core takes 1.40× as long on a cold
//! click (fetch, compile, first extraction; html5ever's generic code is more to compile) and
//! 1.30× warm. So this parser follows the HTML standard's tree construction
//! (as html5ever 0.40 implements it) for everything well-formed pages and ordinary hand-written
//! pages contain: implied `<html>`, `<head>`, `<body>`, `<tbody>`, `<tr>` and `<colgroup>`;
//! paragraphs, list items, options and cells closed by what follows; raw text and escaped
//! scripts; SVG and MathML with their renamed names; templates; character references by the
//! full entity table. Wherever the standard would do more — re-open a formatting element, move
//! content out of a table, nest links — it answers [`Unsupported`] and the caller parses with
//! html5ever. `tests/fast_parse.rs` checks that both build the same tree for every corpus page
//! this parser accepts, `tests.rs` does for the constructs above, and the `parse` fuzz target on
//! arbitrary input.
//!
//! Here: the modes up to `<body>` and the dispatch; `body.rs`, `table.rs`, `foreign.rs` the
//! rules by context; `scope.rs` the scope checks; `insert.rs` building the arena;
//! `tokenize.rs` and `names.rs` below them.

mod body;
mod foreign;
mod html5ever;
mod insert;
mod names;
mod scope;
mod table;
mod tokenize;

use crate::dom::{Dom, NodeId};
pub use html5ever::with_html5ever;
use names::*;
use std::borrow::Cow;
use std::rc::Rc;
use table::is_table_part;
use tokenize::{Token, Tokenizer};

/// Character references in `text` decoded as in an attribute value (every named reference
/// HTML knows, numeric ones, a legacy name before `=` or a letter left as written): for text a
/// page escaped twice, whose first level the parser undid.
pub fn decode_references(text: &str) -> Cow<'_, str> {
    tokenize::decode(text, true)
}

/// Why the fast parser handed a page to html5ever.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unsupported(pub &'static str);

/// Parse `html` into the arena, without limits. Comments, doctypes and processing
/// instructions are dropped: nothing downstream reads them.
pub fn document(html: &str) -> Dom {
    match document_with_limits(html, usize::MAX, 0) {
        Ok(dom) => dom,
        Err(_) => with_html5ever(html, usize::MAX),
    }
}

/// Parse with the fast parser, else html5ever, re-attaching nodes deeper than `max_depth`
/// to their ancestor at that depth: no article needs hundreds of levels, and every later
/// measure walks ancestors or subtrees, so a hostile 10,000-deep page would otherwise cost
/// quadratic time. A page html5ever must parse with a tag of more than `max_attributes`
/// attributes (0: no limit) is `Err` with that count: html5ever's duplicate check is
/// quadratic in them.
pub fn document_with_limits(
    html: &str,
    max_depth: usize,
    max_attributes: usize,
) -> Result<Dom, usize> {
    if let Ok(dom) = fast(html, max_depth) {
        return Ok(dom);
    }
    if max_attributes > 0 {
        let most = most_attributes(html);
        if most > max_attributes {
            return Err(most);
        }
    }
    Ok(with_html5ever(html, max_depth))
}

/// Build the arena for `html` with the fast parser, or say why this page needs html5ever.
/// `max_depth` as in [`document_with_limits`]: a page nested deeper is left to html5ever, which
/// flattens it.
pub fn fast(html: &str, max_depth: usize) -> Result<Dom, Unsupported> {
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
            if let Some(decode) = raw_text_kind(&tag.name) {
                if tokens.raw_text(&tag.name, decode).is_err() {
                    break;
                }
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
                Token::StartTag(tag) if tag.name == "html" => self.lend_to_html(tag),
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
            Token::Text(text, _) => match self.insert_leading_space(&text) {
                None => Ok(()),
                Some(rest) => {
                    self.leave_head();
                    self.process(Token::Text(rest, false))
                }
            },
            Token::StartTag(tag) => match &*tag.name {
                "html" => self.lend_to_html(tag),
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

    /// In and after `<head>`, leading whitespace stays where it is; what follows it (if
    /// anything) is returned, to be processed once the mode has moved on.
    fn insert_leading_space(&mut self, text: &str) -> Option<Cow<'a, str>> {
        let (space, rest) = split_leading_whitespace(text);
        self.insert_text(space);
        (!rest.is_empty()).then(|| Cow::Owned(rest.to_string()))
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
            Token::Text(text, _) => match self.insert_leading_space(&text) {
                None => Ok(()),
                Some(rest) => {
                    self.insert_body(Vec::new())?;
                    self.process(Token::Text(rest, false))
                }
            },
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
}

fn strip_first(text: Cow<'_, str>) -> Cow<'_, str> {
    match text {
        Cow::Borrowed(text) => Cow::Borrowed(&text[1..]),
        Cow::Owned(text) => Cow::Owned(text[1..].to_string()),
    }
}

#[cfg(test)]
mod tests;
