//! Tree construction in tables: implied sections and rows, cells closed by cells, and the
//! end tags that close them.

use super::names::is_formatting;
use super::tokenize::{Tag, Token};
use super::{Builder, Context, Ns, Unsupported};
use std::borrow::Cow;

impl<'a> Builder<'a> {
    pub(super) fn table_start_tag(&mut self, tag: Tag<'a>) -> Result<(), Unsupported> {
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

    pub(super) fn table_body_start_tag(&mut self, tag: Tag<'a>) -> Result<(), Unsupported> {
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

    pub(super) fn row_start_tag(&mut self, tag: Tag<'a>) -> Result<(), Unsupported> {
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

    pub(super) fn table_end_tag(&mut self, name: &str) -> Result<(), Unsupported> {
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

    pub(super) fn cell_end_tag(&mut self, name: Cow<'a, str>) -> Result<(), Unsupported> {
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
    pub(super) fn close_cell_or_caption(&mut self) -> Result<(), Unsupported> {
        self.pop_to_marker(|n| matches!(n, "td" | "th" | "caption"))
    }

    /// Pop up to and including the element `is_end` accepts, one that put a marker in the
    /// standard's list of formatting elements (a cell, caption, applet, marquee or object).
    /// Formatting elements inside are cleared with that marker, so popping them is safe —
    /// unless another marker element was left open inside, which would leave them in the list
    /// to be re-opened later: that is left to html5ever.
    pub(super) fn pop_to_marker(
        &mut self,
        is_end: impl Fn(&str) -> bool,
    ) -> Result<(), Unsupported> {
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
}

/// Start tags that close a cell or caption before they are processed.
pub(super) fn is_table_part(name: &str) -> bool {
    matches!(
        name,
        "caption" | "col" | "colgroup" | "tbody" | "td" | "tfoot" | "th" | "thead" | "tr"
    )
}
