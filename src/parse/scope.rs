//! "Has an element in scope": how far down the stack of open elements a tag may reach.

use super::names::*;
use super::{Builder, Ns, Open};
use crate::dom::NodeId;

impl<'a> Builder<'a> {
    pub(super) fn in_scope(&self, name: &str, button: bool) -> bool {
        self.in_scope_of(
            name,
            if button {
                ScopeKind::Button
            } else {
                ScopeKind::Default
            },
        )
    }

    pub(super) fn in_scope_of(&self, name: &str, kind: ScopeKind) -> bool {
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

    pub(super) fn in_table_scope(&self, name: &str) -> bool {
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

    pub(super) fn heading_in_scope(&self) -> bool {
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

    pub(super) fn node_in_scope(&self, node: NodeId) -> bool {
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
    pub(super) fn a_is_open(&self) -> bool {
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
}

#[derive(Clone, Copy)]
pub(super) enum ScopeKind {
    Default,
    Button,
    ListItem,
}

impl ScopeKind {
    pub(super) fn for_end(name: &str) -> ScopeKind {
        if name == "li" {
            ScopeKind::ListItem
        } else {
            ScopeKind::Default
        }
    }

    pub(super) fn is_boundary(self, open: &Open) -> bool {
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
