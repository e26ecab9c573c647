//! Tree construction "in body": the start and end tags of ordinary content, and the
//! implied closings of paragraphs and list items.

use super::names::*;
use super::scope::ScopeKind;
use super::tokenize::Tag;
use super::{Builder, Ns, Open, Unsupported};

impl<'a> Builder<'a> {
    pub(super) fn body_start_tag(&mut self, tag: Tag<'a>) -> Result<(), Unsupported> {
        let name = &*tag.name;
        match name {
            "html" => self.lend_to_html(tag),
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

    pub(super) fn body_end_tag(&mut self, name: &str) -> Result<(), Unsupported> {
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
            _ if is_block_end(name) => {
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
    pub(super) fn any_other_end_tag(&mut self, name: &str) -> Result<(), Unsupported> {
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

    /// `<li>` closes the open `<li>` (`<dd>`/`<dt>` the open `<dd>` or `<dt>`) unless a special
    /// element other than `address`, `div` and `p` comes first.
    pub(super) fn close_list_item(&mut self, list: bool) -> Result<(), Unsupported> {
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

    pub(super) fn close_p_in_button_scope(&mut self) -> Result<(), Unsupported> {
        if self.in_scope("p", true) {
            self.close_p()
        } else {
            Ok(())
        }
    }

    pub(super) fn close_p(&mut self) -> Result<(), Unsupported> {
        self.pop_implied_except("p")?;
        self.pop_until(|n| n == "p")
    }

    /// Pop while the current node's end tag may be implied (but not `except`).
    pub(super) fn pop_implied_except(&mut self, except: &str) -> Result<(), Unsupported> {
        loop {
            let current = self.current();
            if current.foreign() || !is_implied_end(&current.name) || &*current.name == except {
                return Ok(());
            }
            self.open.pop();
        }
    }

    /// Pop up to and including the nearest HTML element `is_end` accepts.
    pub(super) fn pop_until(&mut self, is_end: impl Fn(&str) -> bool) -> Result<(), Unsupported> {
        loop {
            let open = self.pop_checked()?;
            if !open.foreign() && is_end(&open.name) {
                return Ok(());
            }
        }
    }

    /// Pop the current node; a formatting element closed this way would be re-opened by
    /// html5ever later, which this parser does not reproduce.
    pub(super) fn pop_checked(&mut self) -> Result<Open, Unsupported> {
        let open = self.open.pop().ok_or(Unsupported("the stack emptied"))?;
        if self.open.is_empty() {
            return Err(Unsupported("an end tag closed <html>"));
        }
        if !open.foreign() && is_formatting(&open.name) {
            return Err(Unsupported("a formatting element closed implicitly"));
        }
        Ok(open)
    }
}
