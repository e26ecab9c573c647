//! SVG and MathML: their elements, renamed attributes, and end tags.

use super::insert::sorted_attributes;
use super::names::*;
use super::tokenize::Tag;
use super::{Builder, Ns, Unsupported};
use std::borrow::Cow;
use std::rc::Rc;

impl<'a> Builder<'a> {
    /// A start tag while the current node is SVG or MathML.
    pub(super) fn foreign_start_tag(&mut self, tag: Tag<'a>) -> Result<(), Unsupported> {
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

    pub(super) fn foreign_end_tag(&mut self, name: &str) -> Result<(), Unsupported> {
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

    /// SVG or MathML attributes with their standard names, in scraper's order (by prefix,
    /// then name). Renaming is one to one, so repeats are still repeats afterwards.
    pub(super) fn foreign_attributes(
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
}
