//! A small mutable document tree for the extraction stages.
//!
//! Readability-style extraction removes, renames and re-parents nodes all the time, so pages
//! are parsed into this arena (by `crate::parse`, which builds it through `empty`, `append_new`
//! and `seal`), where every edit is cheap and no edit can invalidate another node's id. The
//! tree knows nothing of parsing. Every walk here is iterative: pages nest thousands of levels deep and a recursive walk
//! would overflow the (1 MB) wasm stack.

use std::cell::Cell;
use std::rc::Rc;

/// Index of a node in [`Dom::nodes`].
pub type NodeId = usize;

/// Strings are shared (`Rc`): each selection attempt works on a clone of the whole page, and
/// a clone then copies no text; an edit replaces the string (attributes: copy on write).
#[derive(Debug, Clone)]
pub enum NodeKind {
    Document,
    /// Tag names are lowercase; attribute names are lowercase (html5ever guarantees both).
    Element {
        tag: Rc<str>,
        attrs: Rc<Vec<(Rc<str>, String)>>,
    },
    Text(Rc<str>),
}

/// Whether two tag names are the same: lengths and first letters first, so that most
/// comparisons end without a call to `memcmp` (perf, the 130 Readability pages natively:
/// `memcmp` was 6.5% of the time, most of it tag names of two to ten bytes).
#[inline]
pub fn same_name(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.as_bytes().first() == b.as_bytes().first() && a == b
}

#[derive(Debug, Clone)]
pub struct Node {
    pub kind: NodeKind,
    pub parent: Option<NodeId>,
    pub children: Vec<NodeId>,
    /// Where this node was last seen in its parent's `children`: a hint, checked before use.
    /// Walking the siblings of a parent with 200,000 children (a 20 MB article) otherwise costs
    /// a linear search per step — 94% of the time on such a page, measured with callgrind.
    index_hint: Cell<usize>,
}

#[derive(Debug, Clone)]
pub struct Dom {
    pub nodes: Vec<Node>,
    /// Each parsed text node's [`TextRun`], measured on first use. Text nodes are never edited
    /// after parsing, and every selection attempt's copy of the page shares this cache.
    text_runs: Rc<Vec<Cell<Option<TextRun>>>>,
}

pub const ROOT: NodeId = 0;

/// The text of a subtree as [`Dom::text_len`] measures it: characters, words, and whether it
/// starts or ends inside a word, so that runs of neighbouring nodes join (`Measures` sums them
/// bottom-up).
#[derive(Debug, Clone, Copy, Default)]
pub struct TextRun {
    chars: usize,
    words: usize,
    any: bool,
    starts_in_word: bool,
    ends_in_word: bool,
}

impl TextRun {
    pub fn of(text: &str) -> TextRun {
        let mut run = TextRun::default();
        let mut in_word = false;
        for c in text.chars() {
            let white = c.is_whitespace();
            if !white {
                if !in_word {
                    run.words += 1;
                }
                run.chars += 1;
            }
            if !run.any {
                run.starts_in_word = !white;
            }
            run.any = true;
            in_word = !white;
        }
        run.ends_in_word = in_word;
        run
    }

    pub fn then(self, next: TextRun) -> TextRun {
        if !self.any {
            return next;
        }
        if !next.any {
            return self;
        }
        let joined = usize::from(self.ends_in_word && next.starts_in_word);
        TextRun {
            chars: self.chars + next.chars,
            words: self.words + next.words - joined,
            any: true,
            starts_in_word: self.starts_in_word,
            ends_in_word: next.ends_in_word,
        }
    }

    /// Characters plus one space between consecutive words: the length of the collapsed text.
    pub fn length(self) -> usize {
        self.chars + self.words.saturating_sub(1)
    }
}

impl Dom {
    /// The first difference between two trees, in document order (`None` when they are equal).
    pub fn first_difference(&self, other: &Dom) -> Option<String> {
        let mut stack = vec![(ROOT, ROOT)];
        while let Some((a, b)) = stack.pop() {
            let (left, right) = (&self.nodes[a], &other.nodes[b]);
            let same = match (&left.kind, &right.kind) {
                (NodeKind::Document, NodeKind::Document) => true,
                (NodeKind::Text(x), NodeKind::Text(y)) => x == y,
                (
                    NodeKind::Element { tag, attrs },
                    NodeKind::Element {
                        tag: other_tag,
                        attrs: other_attrs,
                    },
                ) => tag == other_tag && attrs == other_attrs,
                _ => false,
            };
            if !same || left.children.len() != right.children.len() {
                let path: Vec<String> = self
                    .ancestors(a, 0)
                    .iter()
                    .rev()
                    .filter_map(|&n| self.tag(n).map(str::to_string))
                    .collect();
                return Some(format!(
                    "at {}: {:?} with {} children vs {:?} with {} children",
                    path.join(">"),
                    left.kind,
                    left.children.len(),
                    right.kind,
                    right.children.len()
                ));
            }
            for (&x, &y) in left.children.iter().zip(&right.children).rev() {
                stack.push((x, y));
            }
        }
        None
    }

    /// A tree holding only the document node, with room for `capacity` nodes.
    pub(crate) fn empty(capacity: usize) -> Dom {
        let mut nodes = Vec::with_capacity(capacity);
        nodes.push(Node {
            kind: NodeKind::Document,
            parent: None,
            children: Vec::new(),
            index_hint: Cell::new(0),
        });
        Dom {
            nodes,
            text_runs: Rc::default(),
        }
    }

    /// Called once the parser is done: from here on, text runs are cached per node.
    pub(crate) fn seal(mut self) -> Dom {
        self.text_runs = Rc::new(vec![Cell::new(None); self.nodes.len()]);
        self
    }

    /// The [`TextRun`] of text node `id` holding `text`.
    pub fn text_run(&self, id: NodeId, text: &str) -> TextRun {
        match self.text_runs.get(id) {
            Some(cell) => cell.get().unwrap_or_else(|| {
                let run = TextRun::of(text);
                cell.set(Some(run));
                run
            }),
            None => TextRun::of(text),
        }
    }

    /// A new node appended to `parent`'s children.
    pub(crate) fn append_new(&mut self, parent: NodeId, kind: NodeKind) -> NodeId {
        self.push(kind, Some(parent))
    }

    pub(crate) fn push(&mut self, kind: NodeKind, parent: Option<NodeId>) -> NodeId {
        let id = self.nodes.len();
        self.nodes.push(Node {
            kind,
            parent,
            children: Vec::new(),
            index_hint: Cell::new(0),
        });
        if let Some(parent) = parent {
            self.nodes[id]
                .index_hint
                .set(self.nodes[parent].children.len());
            self.nodes[parent].children.push(id);
        }
        id
    }

    /// Copy the children of `from` in `other` (another page's tree) under `parent`, in order.
    pub fn graft(&mut self, other: &Dom, from: NodeId, parent: NodeId) {
        let mut stack: Vec<(NodeId, NodeId)> = other.nodes[from]
            .children
            .iter()
            .rev()
            .map(|&child| (child, parent))
            .collect();
        while let Some((node, under)) = stack.pop() {
            let copy = self.push(other.nodes[node].kind.clone(), Some(under));
            stack.extend(other.nodes[node].children.iter().rev().map(|&c| (c, copy)));
        }
    }

    /// A new element not yet in the tree.
    pub fn create_element(&mut self, tag: &str) -> NodeId {
        self.push(
            NodeKind::Element {
                tag: Rc::from(tag),
                attrs: Rc::new(Vec::new()),
            },
            None,
        )
    }

    pub fn tag(&self, id: NodeId) -> Option<&str> {
        match &self.nodes[id].kind {
            NodeKind::Element { tag, .. } => Some(tag),
            _ => None,
        }
    }

    /// The tag as a shared string, to keep while the tree is edited.
    pub fn tag_shared(&self, id: NodeId) -> Option<Rc<str>> {
        match &self.nodes[id].kind {
            NodeKind::Element { tag, .. } => Some(Rc::clone(tag)),
            _ => None,
        }
    }

    /// Whether any text under `id` is more than whitespace; stops at the first that is.
    pub fn has_visible_text(&self, id: NodeId) -> bool {
        let mut stack = vec![id];
        while let Some(node) = stack.pop() {
            match &self.nodes[node].kind {
                NodeKind::Text(text) => {
                    if !text.trim().is_empty() {
                        return true;
                    }
                }
                _ => stack.extend(self.nodes[node].children.iter()),
            }
        }
        false
    }

    /// Whether any text in `id`'s subtree holds the ASCII character `byte` (no text copied).
    pub fn has_text_char(&self, id: NodeId, byte: u8) -> bool {
        let mut stack = vec![id];
        while let Some(node) = stack.pop() {
            match &self.nodes[node].kind {
                NodeKind::Text(text) => {
                    if memchr::memchr(byte, text.as_bytes()).is_some() {
                        return true;
                    }
                }
                _ => stack.extend(self.nodes[node].children.iter()),
            }
        }
        false
    }

    pub fn is_tag(&self, id: NodeId, name: &str) -> bool {
        self.tag(id).is_some_and(|tag| same_name(tag, name))
    }

    pub fn is_element(&self, id: NodeId) -> bool {
        matches!(self.nodes[id].kind, NodeKind::Element { .. })
    }

    pub fn text_of(&self, id: NodeId) -> Option<&str> {
        match &self.nodes[id].kind {
            NodeKind::Text(text) => Some(text),
            _ => None,
        }
    }

    pub fn attr(&self, id: NodeId, name: &str) -> Option<&str> {
        match &self.nodes[id].kind {
            NodeKind::Element { attrs, .. } => attrs
                .iter()
                .find(|(key, _)| &**key == name)
                .map(|(_, value)| value.as_str()),
            _ => None,
        }
    }

    pub fn attrs(&self, id: NodeId) -> &[(Rc<str>, String)] {
        match &self.nodes[id].kind {
            NodeKind::Element { attrs, .. } => attrs,
            _ => &[],
        }
    }

    pub fn set_attr(&mut self, id: NodeId, name: &str, value: &str) {
        if let NodeKind::Element { attrs, .. } = &mut self.nodes[id].kind {
            let attrs = Rc::make_mut(attrs);
            match attrs.iter_mut().find(|(key, _)| &**key == name) {
                Some(slot) => slot.1 = value.to_string(),
                None => attrs.push((Rc::from(name), value.to_string())),
            }
        }
    }

    pub fn remove_attr(&mut self, id: NodeId, name: &str) {
        if let NodeKind::Element { attrs, .. } = &mut self.nodes[id].kind {
            Rc::make_mut(attrs).retain(|(key, _)| &**key != name);
        }
    }

    pub fn rename(&mut self, id: NodeId, new_tag: &str) {
        if let NodeKind::Element { tag, .. } = &mut self.nodes[id].kind {
            *tag = Rc::from(new_tag);
        }
    }

    /// `class` and `id` joined, the string Readability matches its patterns against.
    pub fn class_and_id(&self, id: NodeId) -> String {
        let mut out = String::new();
        if let Some(class) = self.attr(id, "class") {
            out.push_str(class);
        }
        if let Some(ident) = self.attr(id, "id") {
            out.push(' ');
            out.push_str(ident);
        }
        out
    }

    pub fn parent(&self, id: NodeId) -> Option<NodeId> {
        self.nodes[id].parent
    }

    pub fn children(&self, id: NodeId) -> &[NodeId] {
        &self.nodes[id].children
    }

    /// Element children only.
    pub fn element_children(&self, id: NodeId) -> Vec<NodeId> {
        self.nodes[id]
            .children
            .iter()
            .copied()
            .filter(|&c| self.is_element(c))
            .collect()
    }

    /// The parent of `id` and its index among the parent's children.
    pub fn position_in_parent(&self, id: NodeId) -> Option<(NodeId, usize)> {
        let parent = self.nodes[id].parent?;
        let siblings = &self.nodes[parent].children;
        let hint = self.nodes[id].index_hint.get();
        let at = if siblings.get(hint) == Some(&id) {
            hint
        } else {
            let found = siblings.iter().position(|&c| c == id)?;
            self.nodes[id].index_hint.set(found);
            found
        };
        Some((parent, at))
    }

    /// Detach `id` from its parent; the node and its subtree stay in the arena, unreachable.
    pub fn detach(&mut self, id: NodeId) {
        if let Some((parent, at)) = self.position_in_parent(id) {
            self.nodes[parent].children.remove(at);
            self.nodes[id].parent = None;
        }
    }

    /// Gives `parent` `children` as its own, in order, each pointing back at it. Every former
    /// child must be among them or have been given another place: regrouping a long list in one
    /// pass, where moving each child alone shifts the list (a hostile page's wrapper of 600,000
    /// elements took 15 s to wrap into paragraphs one move at a time).
    pub fn set_children(&mut self, parent: NodeId, children: Vec<NodeId>) {
        for (at, &child) in children.iter().enumerate() {
            self.nodes[child].parent = Some(parent);
            self.nodes[child].index_hint.set(at);
        }
        self.nodes[parent].children = children;
    }

    /// Takes out every element under `root` that `gone` picks, without looking inside those it
    /// takes, filtering each list of children once: a wide list of picked siblings costs no
    /// more than reading it (taken one at a time, each shifted the list: a hostile page's
    /// 200,000 buttons in one wrapper took 6.7 s to clean away).
    pub fn detach_where(&mut self, root: NodeId, gone: &dyn Fn(&Dom, NodeId) -> bool) {
        let mut stack = vec![root];
        while let Some(node) = stack.pop() {
            let children = &self.nodes[node].children;
            if children.iter().any(|&c| gone(self, c)) {
                let (out, kept): (Vec<NodeId>, Vec<NodeId>) =
                    children.iter().copied().partition(|&c| gone(self, c));
                for child in out {
                    self.nodes[child].parent = None;
                }
                self.set_children(node, kept);
            }
            let children = &self.nodes[node].children;
            stack.extend(children.iter().copied().filter(|&c| self.is_element(c)));
        }
    }

    pub fn append(&mut self, parent: NodeId, child: NodeId) {
        self.detach(child);
        self.nodes[child].parent = Some(parent);
        self.nodes[child]
            .index_hint
            .set(self.nodes[parent].children.len());
        self.nodes[parent].children.push(child);
    }

    /// A copy of `id`'s subtree, not yet in the tree (text and attributes shared, not copied).
    pub fn clone_subtree(&mut self, id: NodeId) -> NodeId {
        let copy = self.push(self.nodes[id].kind.clone(), None);
        let mut stack = vec![(id, copy)];
        while let Some((from, to)) = stack.pop() {
            for child in self.nodes[from].children.clone() {
                let new = self.push(self.nodes[child].kind.clone(), Some(to));
                stack.push((child, new));
            }
        }
        copy
    }

    /// Put `children` (detached first) at the start of `parent`, in their order.
    pub fn prepend(&mut self, parent: NodeId, children: &[NodeId]) {
        for &child in children {
            self.detach(child);
            self.nodes[child].parent = Some(parent);
        }
        self.nodes[parent]
            .children
            .splice(0..0, children.iter().copied());
        for (at, &child) in children.iter().enumerate() {
            self.nodes[child].index_hint.set(at);
        }
    }

    /// Put `new` where `old` is; `old` becomes detached.
    pub fn replace(&mut self, old: NodeId, new: NodeId) {
        self.detach(new);
        if let Some((parent, at)) = self.position_in_parent(old) {
            self.nodes[parent].children[at] = new;
            self.nodes[old].parent = None;
            self.nodes[new].parent = Some(parent);
            self.nodes[new].index_hint.set(at);
        }
    }

    /// Move every child of `from` to the end of `to`.
    pub fn move_children(&mut self, from: NodeId, to: NodeId) {
        let children = std::mem::take(&mut self.nodes[from].children);
        for &child in &children {
            self.nodes[child].parent = Some(to);
        }
        self.nodes[to].children.extend(children);
    }

    pub fn is_attached(&self, id: NodeId) -> bool {
        let mut current = id;
        while let Some(parent) = self.nodes[current].parent {
            current = parent;
        }
        current == ROOT
    }

    /// Whether `ancestor` is `id` or one of its ancestors.
    pub fn is_attached_to(&self, id: NodeId, ancestor: NodeId) -> bool {
        let mut current = Some(id);
        while let Some(node) = current {
            if node == ancestor {
                return true;
            }
            current = self.nodes[node].parent;
        }
        false
    }

    /// Ancestors of `id`, nearest first, stopping after `max` (0 means all).
    pub fn ancestors(&self, id: NodeId, max: usize) -> Vec<NodeId> {
        let mut out = Vec::new();
        let mut current = self.nodes[id].parent;
        while let Some(node) = current {
            if self.nodes[node].parent.is_none() && node == ROOT {
                break;
            }
            out.push(node);
            if max > 0 && out.len() == max {
                break;
            }
            current = self.nodes[node].parent;
        }
        out
    }

    pub fn has_ancestor_tag(&self, id: NodeId, tag: &str, max_depth: usize) -> bool {
        let mut depth = 0;
        let mut current = self.nodes[id].parent;
        while let Some(node) = current {
            if max_depth > 0 && depth > max_depth {
                return false;
            }
            if self.is_tag(node, tag) {
                return true;
            }
            depth += 1;
            current = self.nodes[node].parent;
        }
        false
    }

    /// The subtree of `id` in document order, `id` first.
    pub fn descendants(&self, id: NodeId) -> Vec<NodeId> {
        let mut out = Vec::new();
        let mut stack = vec![id];
        while let Some(node) = stack.pop() {
            out.push(node);
            stack.extend(self.nodes[node].children.iter().rev());
        }
        out
    }

    /// Descendant elements (not `id` itself) with one of `tags`, in document order.
    pub fn find_all(&self, id: NodeId, tags: &[&str]) -> Vec<NodeId> {
        let mut out = Vec::new();
        let mut stack: Vec<NodeId> = self.nodes[id].children.iter().rev().copied().collect();
        while let Some(node) = stack.pop() {
            let children = &self.nodes[node].children;
            if let NodeKind::Element { tag, .. } = &self.nodes[node].kind {
                if tags.iter().any(|t| same_name(t, tag)) {
                    out.push(node);
                }
                stack.extend(children.iter().rev());
            }
        }
        out
    }

    /// First element in document order matching `test`.
    pub fn find_first(&self, id: NodeId, test: impl Fn(&Dom, NodeId) -> bool) -> Option<NodeId> {
        let mut stack = vec![id];
        while let Some(node) = stack.pop() {
            if self.is_element(node) && test(self, node) {
                return Some(node);
            }
            stack.extend(self.nodes[node].children.iter().rev());
        }
        None
    }

    /// Concatenated text of the subtree, as the DOM's `textContent`.
    pub fn text_content(&self, id: NodeId) -> String {
        let mut out = String::new();
        let mut stack = vec![id];
        while let Some(node) = stack.pop() {
            match &self.nodes[node].kind {
                NodeKind::Text(text) => out.push_str(text),
                _ => stack.extend(self.nodes[node].children.iter().rev()),
            }
        }
        out
    }

    /// Text with whitespace runs collapsed and trimmed: Readability's `getInnerText`.
    pub fn inner_text(&self, id: NodeId) -> String {
        collapse_whitespace(&self.text_content(id))
    }

    /// Equals `inner_text(id).chars().count()` without building the string: link and text
    /// density ask for it on every candidate and link, so it is on the hot path.
    pub fn text_len(&self, id: NodeId) -> usize {
        let mut run = TextRun::default();
        let mut stack = vec![id];
        while let Some(node) = stack.pop() {
            match &self.nodes[node].kind {
                NodeKind::Text(text) => run = run.then(self.text_run(node, text)),
                _ => stack.extend(self.nodes[node].children.iter().rev()),
            }
        }
        run.length()
    }

    /// Whether the subtree of `id` holds more than `limit` characters other than ASCII
    /// whitespace, or is too large to tell within a bounded reading: it stops as soon as it
    /// knows, so asking about a large subtree costs at most about twice its budget of
    /// `max(64 * limit, 1024)` steps (a climb from a small element asks at every step).
    pub fn has_more_text_than(&self, id: NodeId, limit: usize) -> bool {
        let budget = limit.saturating_mul(64).max(1024);
        let (mut chars, mut read) = (0usize, 0usize);
        let mut stack = vec![id];
        while let Some(node) = stack.pop() {
            read += 1;
            match &self.nodes[node].kind {
                NodeKind::Text(text) => {
                    let looked_at = &text.as_bytes()[..text.len().min(budget)];
                    read += looked_at.len();
                    // A character's first byte: not a UTF-8 continuation byte.
                    chars += looked_at
                        .iter()
                        .filter(|&&b| !b.is_ascii_whitespace() && b & 0xC0 != 0x80)
                        .count();
                }
                _ => {
                    // Counted before they are pushed: a wrapper of a million children is
                    // too large to tell at once.
                    let children = &self.nodes[node].children;
                    read += children.len();
                    if read > budget {
                        return true;
                    }
                    stack.extend(children.iter().rev());
                }
            }
            if chars > limit || read > budget {
                return true;
            }
        }
        false
    }

    pub fn body(&self) -> Option<NodeId> {
        self.find_first(ROOT, |dom, n| dom.is_tag(n, "body"))
    }

    /// Previous and next element siblings.
    pub fn previous_element_sibling(&self, id: NodeId) -> Option<NodeId> {
        let (parent, at) = self.position_in_parent(id)?;
        self.nodes[parent].children[..at]
            .iter()
            .rev()
            .copied()
            .find(|&c| self.is_element(c))
    }

    pub fn next_element_sibling(&self, id: NodeId) -> Option<NodeId> {
        let (parent, at) = self.position_in_parent(id)?;
        let siblings = &self.nodes[parent].children;
        let offset = siblings[at + 1..]
            .iter()
            .position(|&c| self.is_element(c))?;
        let next = siblings[at + 1 + offset];
        // The next step of a walk starts from `next`: leave it a correct hint.
        self.nodes[next].index_hint.set(at + 1 + offset);
        Some(next)
    }

    pub fn is_whitespace_text(&self, id: NodeId) -> bool {
        self.text_of(id).is_some_and(|t| t.trim().is_empty())
    }
}

/// Marks that are invisible but are characters all the same: soft hyphens (U+00AD), zero-width
/// spaces (U+200B), word joiners (U+2060) and stray byte-order marks (U+FEFF). Left in, they
/// split words for anyone who searches or copies the text ("re\u{ad}opening" is not
/// "reopening"). Joiners that shape a script (U+200C, U+200D) stay.
pub fn without_invisible_marks(text: &str) -> String {
    const MARKS: [char; 4] = ['\u{ad}', '\u{200b}', '\u{2060}', '\u{feff}'];
    // All four start with one of these bytes; most texts hold none of them.
    if !text.bytes().any(|b| matches!(b, 0xC2 | 0xE2 | 0xEF)) || !text.contains(MARKS) {
        return text.to_string();
    }
    text.chars().filter(|c| !MARKS.contains(c)).collect()
}

/// Collapse every whitespace run to one space and trim the ends.
pub fn collapse_whitespace(text: &str) -> String {
    // The words as `split_whitespace` finds them, joined by one space, read byte by byte with
    // ASCII decided without decoding: every element's text on the hot paths passes here, and
    // the iterator was 4.4% of the core's time in wasm (a CPU profile in Chromium).
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut word_start: Option<usize> = None;
    let mut at = 0;
    while at < bytes.len() {
        let byte = bytes[at];
        let (space, width) = if byte < 0x80 {
            (
                matches!(byte, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r'),
                1,
            )
        } else {
            let c = text[at..].chars().next().unwrap_or(' ');
            (c.is_whitespace(), c.len_utf8())
        };
        match (space, word_start) {
            (true, Some(start)) => {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(&text[start..at]);
                word_start = None;
            }
            (false, None) => word_start = Some(at),
            _ => {}
        }
        at += width;
    }
    if let Some(start) = word_start {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&text[start..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picked_elements_are_taken_out_in_order_and_not_looked_into() {
        let mut dom = crate::parse::document(
            "<body><div id=w><b>1</b><button>x</button><i>2</i><button><button>y</button></button>\
             <span><button>z</button>3</span></div></body>",
        );
        let body = dom.body().unwrap();
        let seen = std::cell::Cell::new(0);
        dom.detach_where(body, &|d, n| {
            // The inner button of a taken one is never asked about.
            if d.is_tag(n, "button")
                && d.text_content(n) == "y"
                && d.parent(n).is_some_and(|p| d.is_tag(p, "button"))
            {
                seen.set(seen.get() + 1);
            }
            d.is_tag(n, "button")
        });
        assert_eq!(seen.get(), 0);
        assert_eq!(dom.text_content(body), "123");
        let wrapper = dom.find_all(body, &["div"])[0];
        // Each kept child points back at its place.
        for (at, &child) in dom.children(wrapper).iter().enumerate() {
            assert_eq!(dom.position_in_parent(child), Some((wrapper, at)));
        }
    }

    #[test]
    fn whitespace_collapses_as_split_whitespace_does() {
        for text in [
            "",
            " ",
            "a",
            " a  b\t\nc ",
            "x\u{a0}y\u{3000}z\u{85}w",
            "é  ü",
            "\u{2028}q\u{200b}r",
            "a\u{0b}b\u{0c}c",
        ] {
            let expected = text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(collapse_whitespace(text), expected, "{text:?}");
        }
    }

    #[test]
    fn parses_and_edits_without_losing_order() {
        let mut dom =
            crate::parse::document("<body><p id=a>one</p><div><p>two</p></div><p>three</p></body>");
        let body = dom.body().unwrap();
        assert_eq!(dom.inner_text(body), "onetwothree");
        let div = dom.find_all(body, &["div"])[0];
        let inner = dom.element_children(div)[0];
        dom.replace(div, inner);
        let tags: Vec<_> = dom
            .element_children(body)
            .iter()
            .map(|&c| dom.tag(c).unwrap().to_string())
            .collect();
        assert_eq!(tags, ["p", "p", "p"]);
        let first = dom.element_children(body)[0];
        assert_eq!(dom.attr(first, "id"), Some("a"));
        dom.detach(first);
        assert!(!dom.is_attached(first));
        assert_eq!(dom.inner_text(body), "twothree");
    }

    #[test]
    fn text_len_counts_the_collapsed_text() {
        let dom = crate::parse::document("<body> <p>one  two</p>\n<p>th<b>ree</b> é </p></body>");
        let body = dom.body().unwrap();
        assert_eq!(dom.text_len(body), dom.inner_text(body).chars().count());
        assert_eq!(dom.text_len(body), "one two three é".chars().count());
    }

    #[test]
    fn more_text_than_is_told_within_a_bounded_reading() {
        let dom = crate::parse::document(&format!(
            "<body><div id=small>Sign up: it is free.</div><div id=wide>{}</div></body>",
            "<span></span>".repeat(5_000)
        ));
        let find = |id: &str| {
            dom.find_first(0, |d, n| d.attr(n, "id") == Some(id))
                .unwrap()
        };
        // Sixteen characters other than whitespace.
        assert!(!dom.has_more_text_than(find("small"), 16));
        assert!(dom.has_more_text_than(find("small"), 15));
        // Characters, not bytes: eight accented letters are eight.
        let accented = crate::parse::document("<body><p id=p>Ünïcödé!</p></body>");
        let p = accented
            .find_first(0, |d, n| d.attr(n, "id") == Some("p"))
            .unwrap();
        assert!(!accented.has_more_text_than(p, 8));
        // No text at all, but more than a limit of 10 lets it read: too large to tell.
        assert!(dom.has_more_text_than(find("wide"), 10));
        assert!(!dom.has_more_text_than(find("wide"), 200));
    }

    #[test]
    fn text_runs_of_ascii_text_match_the_general_count() {
        for text in [
            "",
            " ",
            "a",
            " a b ",
            "one  two\n",
            "\x0Bx\x0B",
            "a\tb\x0Cc\rd",
            "x y",
        ] {
            let run = TextRun::of(text);
            let words = text
                .split(char::is_whitespace)
                .filter(|w| !w.is_empty())
                .count();
            let chars = text.chars().filter(|c| !c.is_whitespace()).count();
            assert_eq!(
                (run.words, run.chars, run.any),
                (words, chars, !text.is_empty()),
                "{text:?}"
            );
            let first = text.chars().next().is_some_and(|c| !c.is_whitespace());
            let last = text.chars().last().is_some_and(|c| !c.is_whitespace());
            assert_eq!(
                (run.starts_in_word, run.ends_in_word),
                (first, last),
                "{text:?}"
            );
        }
    }

    #[test]
    fn subtrees_copy_and_children_go_first() {
        let mut dom = crate::parse::document(
            "<body><div id=a><p>one <b>two</b></p></div><p id=b>three</p></body>",
        );
        let body = dom.body().unwrap();
        let a = dom
            .find_first(ROOT, |d, n| d.attr(n, "id") == Some("a"))
            .unwrap();
        let copy = dom.clone_subtree(a);
        assert_eq!(dom.inner_text(copy), "one two");
        assert!(!dom.is_attached(copy));
        dom.prepend(body, &[copy]);
        assert_eq!(dom.inner_text(body), "one twoone twothree");
        assert_eq!(dom.position_in_parent(copy), Some((body, 0)));
        assert_eq!(dom.position_in_parent(a), Some((body, 1)));
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = "<div>".repeat(10_000) + "deep" + &"</div>".repeat(10_000);
        let dom = crate::parse::document(&html);
        assert!(dom.inner_text(ROOT).contains("deep"));
    }
}

#[cfg(test)]
mod entity_tests {
    use super::*;

    /// Character references decode as the HTML standard says, through the vendored compact
    /// entity table (third_party/web_atoms): full names, legacy names without a semicolon,
    /// longest match, and prefixes that are no entity.
    #[test]
    fn character_references_decode_by_the_standard() {
        let cases = [
            ("&amp; &lt;&gt; &quot;", "& <> \""),
            ("&notin; &notit; &not", "∉ ¬it; ¬"),
            ("&AMP &copy2018 &eacute;t&eacute;", "& ©2018 été"),
            ("&ClockwiseContourIntegral; &zwnj;x", "∲ \u{200c}x"),
            ("&NotNestedGreaterGreater; &fjlig;", "⪢̸ fj"),
            ("&#x41;&#66;&#x1F600;", "AB😀"),
            ("&nosuch; &am &", "&nosuch; &am &"),
        ];
        for (html, text) in cases {
            let dom = crate::parse::document(&format!("<p>{html}</p>"));
            let p = dom.find_first(ROOT, |d, n| d.is_tag(n, "p")).unwrap();
            assert_eq!(dom.text_content(p), text, "{html}");
        }
    }
}
