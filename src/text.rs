//! The article model as clean text and as Markdown.
//!
//! Text: paragraphs separated by one blank line, headings on their own lines, list items as
//! `- `, table cells separated by ` | `, code blocks with their line breaks. Words never run
//! together across block boundaries and no whitespace runs are left over.

use crate::article::{is_block_tag, Block, Element};

/// The break owed before the next word.
#[derive(Clone, Copy, PartialEq, PartialOrd)]
enum Gap {
    None,
    Space,
    Line,
    Paragraph,
}

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Text,
    Markdown,
}

struct Writer {
    out: String,
    gap: Gap,
    mode: Mode,
    /// Indentation of continuation lines inside list items.
    indent: String,
    /// Nesting of lists: inside one, paragraph breaks become line breaks.
    list_depth: usize,
    /// Where the last list marker ended: a break owed right after it is dropped, so that
    /// `<li><p>text</p></li>` stays on the marker's line.
    marker_end: usize,
    /// Inside a figure of a quote, code or a table, whose caption (its source) the text keeps.
    in_text_figure: bool,
}

impl Writer {
    fn new(mode: Mode) -> Writer {
        Writer {
            out: String::new(),
            gap: Gap::None,
            mode,
            indent: String::new(),
            list_depth: 0,
            marker_end: usize::MAX,
            in_text_figure: false,
        }
    }

    fn gap(&mut self, gap: Gap) {
        if self.out.len() == self.marker_end {
            return;
        }
        let gap = if gap == Gap::Paragraph && self.list_depth > 0 {
            Gap::Line
        } else {
            gap
        };
        if gap > self.gap {
            self.gap = gap;
        }
    }

    /// Write the owed break, then `s` verbatim.
    fn push(&mut self, s: &str) {
        if !self.out.is_empty() {
            match self.gap {
                Gap::None => {}
                Gap::Space => {
                    if !self.out.ends_with([' ', '\n']) {
                        self.out.push(' ');
                    }
                }
                Gap::Line | Gap::Paragraph => {
                    while self.out.ends_with(' ') {
                        self.out.pop();
                    }
                    self.out.push('\n');
                    if self.gap == Gap::Paragraph {
                        self.out.push('\n');
                    }
                    self.out.push_str(&self.indent);
                }
            }
        }
        self.gap = Gap::None;
        self.out.push_str(s);
    }

    /// Write `s` right after what is written, keeping any owed break for later
    /// (closing Markdown markers: `*word*`, not `*word *`).
    fn attach(&mut self, s: &str) {
        let gap = self.gap;
        self.gap = Gap::None;
        self.out.push_str(s);
        self.gap = gap;
    }

    /// Inline text: whitespace runs become single spaces.
    fn text(&mut self, raw: &str) {
        if raw.starts_with(char::is_whitespace) {
            self.gap(Gap::Space);
        }
        let mut first = true;
        for word in raw.split_whitespace() {
            if !first {
                self.gap(Gap::Space);
            }
            first = false;
            if self.mode == Mode::Markdown {
                self.push(&escape_markdown(word));
            } else {
                self.push(word);
            }
        }
        if raw.ends_with(char::is_whitespace) && !raw.trim().is_empty() {
            self.gap(Gap::Space);
        }
    }

    fn blocks(&mut self, blocks: &[Block]) {
        for block in blocks {
            match block {
                Block::Text(text) => self.text(text),
                Block::Element(element) => self.element(element),
            }
        }
    }

    fn element(&mut self, element: &Element) {
        let markdown = self.mode == Mode::Markdown;
        match element.tag {
            "br" => self.gap(Gap::Line),
            // The clean text holds no images, and an image's caption without it reads as a
            // stray sentence in the story (credits as noise); Markdown keeps both, as the view.
            // A quote's, a listing's or a table's caption (its source) stays.
            "figcaption" if !markdown && !self.in_text_figure => {}
            "figure" if !markdown && element.children.iter().any(holds_text_figure) => {
                let outer = std::mem::replace(&mut self.in_text_figure, true);
                self.gap(Gap::Paragraph);
                self.blocks(&element.children);
                self.gap(Gap::Paragraph);
                self.in_text_figure = outer;
            }
            // A reading over a word (furigana) is for the eye: "子こども" in a text is neither
            // the word nor its reading.
            "rt" | "rp" => {}
            "hr" => {
                self.gap(Gap::Paragraph);
                if markdown {
                    self.push("---");
                }
                self.gap(Gap::Paragraph);
            }
            "img" => {
                if markdown {
                    let alt = escape_markdown(element.attr("alt").unwrap_or(""));
                    let src = element.attr("src").unwrap_or("");
                    self.push(&format!("![{alt}]({})", escape_url(src)));
                    self.gap(Gap::Space);
                }
            }
            "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.gap(Gap::Paragraph);
                if markdown {
                    let level = element.tag[1..].parse::<usize>().unwrap_or(2);
                    self.push(&"#".repeat(level));
                    self.gap(Gap::Space);
                }
                self.blocks(&element.children);
                self.gap(Gap::Paragraph);
            }
            "ul" | "ol" => self.list(element),
            "pre" => self.preformatted(element),
            "blockquote" if markdown => self.quote(element),
            "tr" => self.table_row(element),
            "table" if markdown => self.markdown_table(element),
            "em" | "strong" | "s" | "code" | "a" if markdown => self.markdown_inline(element),
            tag if is_block_tag(tag) => {
                self.gap(Gap::Paragraph);
                self.blocks(&element.children);
                self.gap(Gap::Paragraph);
            }
            _ => self.blocks(&element.children),
        }
    }

    fn list(&mut self, list: &Element) {
        let ordered = list.tag == "ol";
        let mut number: i64 = list.attr("start").and_then(|s| s.parse().ok()).unwrap_or(1);
        self.gap(if self.list_depth > 0 {
            Gap::Line
        } else {
            Gap::Paragraph
        });
        let saved_indent = self.indent.clone();
        self.list_depth += 1;
        for item in &list.children {
            let Block::Element(item) = item else {
                self.blocks(std::slice::from_ref(item));
                continue;
            };
            if item.tag != "li" {
                self.element(item);
                continue;
            }
            let marker = if ordered {
                format!("{number}. ")
            } else {
                "- ".to_string()
            };
            number += 1;
            self.gap(Gap::Line);
            self.push(&marker);
            self.marker_end = self.out.len();
            self.indent = format!("{saved_indent}{}", " ".repeat(marker.len()));
            self.blocks(&item.children);
            self.indent = saved_indent.clone();
        }
        self.list_depth -= 1;
        self.gap(if self.list_depth > 0 {
            Gap::Line
        } else {
            Gap::Paragraph
        });
    }

    fn preformatted(&mut self, pre: &Element) {
        let raw = raw_text(&pre.children);
        let raw = raw.trim_matches('\n').trim_end();
        if raw.trim().is_empty() {
            return;
        }
        self.gap(Gap::Paragraph);
        let body = if self.mode == Mode::Markdown {
            let lang = pre
                .attr("class")
                .or_else(|| first_code_class(pre))
                .and_then(|c| c.strip_prefix("language-"))
                .unwrap_or("");
            format!("```{lang}\n{raw}\n```")
        } else {
            raw.to_string()
        };
        let indented = body.replace('\n', &format!("\n{}", self.indent));
        self.push(&indented);
        self.gap(Gap::Paragraph);
    }

    fn quote(&mut self, quote: &Element) {
        let mut inner = Writer::new(self.mode);
        inner.blocks(&quote.children);
        let body = inner.out.trim();
        if body.is_empty() {
            return;
        }
        let quoted: Vec<String> = body
            .lines()
            .map(|l| {
                if l.is_empty() {
                    ">".into()
                } else {
                    format!("> {l}")
                }
            })
            .collect();
        self.gap(Gap::Paragraph);
        self.push(&quoted.join(&format!("\n{}", self.indent)));
        self.gap(Gap::Paragraph);
    }

    fn table_row(&mut self, row: &Element) {
        self.gap(Gap::Line);
        let mut first = true;
        for cell in &row.children {
            if let Block::Element(cell) = cell {
                let text = cell_text(cell, self.mode);
                if text.is_empty() && !matches!(cell.tag, "td" | "th") {
                    continue;
                }
                if !first {
                    self.attach(" |");
                    self.gap(Gap::Space);
                }
                first = false;
                if !text.is_empty() {
                    self.push(&text);
                }
            }
        }
        self.gap(Gap::Line);
    }

    fn markdown_table(&mut self, table: &Element) {
        let mut rows: Vec<Vec<String>> = Vec::new();
        let mut caption = None;
        collect_rows(table, self.mode, &mut rows, &mut caption);
        if rows.is_empty() {
            return;
        }
        let width = rows.iter().map(Vec::len).max().unwrap_or(0);
        self.gap(Gap::Paragraph);
        if let Some(caption) = caption {
            self.push(&caption);
            self.gap(Gap::Paragraph);
        }
        let mut lines = Vec::new();
        for (i, row) in rows.iter().enumerate() {
            let mut cells = row.clone();
            cells.resize(width, String::new());
            lines.push(format!("| {} |", cells.join(" | ")));
            if i == 0 {
                lines.push(format!("|{}", " --- |".repeat(width)));
            }
        }
        self.push(&lines.join(&format!("\n{}", self.indent)));
        self.gap(Gap::Paragraph);
    }

    fn markdown_inline(&mut self, element: &Element) {
        match element.tag {
            "code" => {
                let raw = raw_text(&element.children);
                let code = raw.split_whitespace().collect::<Vec<_>>().join(" ");
                if !code.is_empty() {
                    let fence = if code.contains('`') { "``" } else { "`" };
                    self.push(&format!("{fence}{code}{fence}"));
                }
            }
            "a" => {
                let href = element.attr("href").unwrap_or("");
                self.push("[");
                self.blocks(&element.children);
                self.attach(&format!("]({})", escape_url(href)));
            }
            tag => {
                let marker = match tag {
                    "em" => "*",
                    "strong" => "**",
                    _ => "~~",
                };
                if raw_text(&element.children).trim().is_empty() {
                    return self.blocks(&element.children);
                }
                if element.children.first().is_some_and(starts_with_space) {
                    self.gap(Gap::Space);
                }
                self.push(marker);
                self.blocks(&element.children);
                self.attach(marker);
            }
        }
    }
}

fn starts_with_space(block: &Block) -> bool {
    matches!(block, Block::Text(t) if t.starts_with(char::is_whitespace))
}

fn first_code_class(pre: &Element) -> Option<&str> {
    pre.children.iter().find_map(|c| match c {
        Block::Element(e) if e.tag == "code" => e.attr("class"),
        _ => None,
    })
}

fn collect_rows(
    element: &Element,
    mode: Mode,
    rows: &mut Vec<Vec<String>>,
    caption: &mut Option<String>,
) {
    for child in &element.children {
        if let Block::Element(child) = child {
            match child.tag {
                "tr" => rows.push(
                    child
                        .children
                        .iter()
                        .filter_map(|c| match c {
                            Block::Element(cell) => Some(cell_text(cell, mode).replace('|', "\\|")),
                            Block::Text(_) => None,
                        })
                        .collect(),
                ),
                "caption" => *caption = Some(cell_text(child, mode)),
                "thead" | "tbody" | "tfoot" => collect_rows(child, mode, rows, caption),
                _ => {}
            }
        }
    }
}

/// A table cell's content on one line.
fn cell_text(cell: &Element, mode: Mode) -> String {
    let mut inner = Writer::new(mode);
    inner.blocks(&cell.children);
    inner.out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text of `blocks` with its whitespace as written (for code).
fn raw_text(blocks: &[Block]) -> String {
    let mut out = String::new();
    for block in blocks {
        match block {
            Block::Text(text) => out.push_str(text),
            Block::Element(element) if element.tag == "br" => out.push('\n'),
            Block::Element(element) => out.push_str(&raw_text(&element.children)),
        }
    }
    out
}

/// Whether a figure's part is text a caption names the source of: a quote, code, a table.
fn holds_text_figure(block: &Block) -> bool {
    match block {
        Block::Text(_) => false,
        Block::Element(element) => {
            matches!(element.tag, "blockquote" | "pre" | "code" | "table")
                || (element.tag != "figcaption" && element.children.iter().any(holds_text_figure))
        }
    }
}

fn escape_markdown(text: &str) -> std::borrow::Cow<'_, str> {
    const SPECIAL: &[char] = &['\\', '*', '_', '`', '[', ']', '<', '>'];
    if !text.contains(SPECIAL) {
        // Most words need no escape: no copy for them (one allocation per word was the
        // Markdown copy's largest cost).
        return text.into();
    }
    let mut out = String::with_capacity(text.len() + 4);
    for c in text.chars() {
        if SPECIAL.contains(&c) {
            out.push('\\');
        }
        out.push(c);
    }
    out.into()
}

pub fn escape_url(url: &str) -> String {
    url.replace(' ', "%20")
        .replace('(', "%28")
        .replace(')', "%29")
}

fn finish(writer: Writer) -> String {
    let mut out = String::with_capacity(writer.out.len());
    for line in writer.out.lines() {
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out.trim_matches('\n').to_string()
}

/// The article body as clean text.
pub fn to_text(blocks: &[Block]) -> String {
    let mut writer = Writer::new(Mode::Text);
    writer.blocks(blocks);
    finish(writer)
}

/// The article body as Markdown.
pub fn to_markdown(blocks: &[Block]) -> String {
    let mut writer = Writer::new(Mode::Markdown);
    writer.blocks(blocks);
    finish(writer)
}

/// The calendar day an ISO 8601 date or time starts with (`2019-02-09T13:36:00+03:00` →
/// `2019-02-09`), or `None` for anything else.
pub fn iso_day(value: &str) -> Option<&str> {
    let day = value.trim().get(..10)?;
    let b = day.as_bytes();
    let is_day = b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    is_day.then_some(day)
}

/// Words as a reader counts them: whitespace-separated runs, and each CJK character.
pub fn word_count(text: &str) -> usize {
    measure(text).words
}

/// A text's words (as [`word_count`] counts them) and its characters other than whitespace.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct Measure {
    pub words: usize,
    pub chars: usize,
}

/// [`Measure`] in one pass over the characters, no word split off: the readerable verdict and
/// the caption check measure every text of the article (callgrind, the 130 Readability pages:
/// the split-and-rescan version was 183 M instructions of 3.25 G).
pub fn measure(text: &str) -> Measure {
    let mut measure = Measure::default();
    // Whether the word being read has a letter or digit that is not CJK (it counts once).
    let mut word_has_rest = false;
    for c in text.chars() {
        if c.is_whitespace() {
            measure.words += usize::from(word_has_rest);
            word_has_rest = false;
            continue;
        }
        measure.chars += 1;
        if c.is_ascii() {
            word_has_rest |= c.is_ascii_alphanumeric();
        } else if is_cjk(c) {
            measure.words += 1;
        } else {
            word_has_rest |= c.is_alphanumeric();
        }
    }
    measure.words += usize::from(word_has_rest);
    measure
}

pub fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::build_for_tests::{el, t};

    #[test]
    fn blocks_are_separated_and_words_never_join() {
        let blocks = vec![
            el("h2", vec![t("Heading")]),
            el(
                "p",
                vec![t("One  "), el("em", vec![t("two")]), t("\n three")],
            ),
            el(
                "div",
                vec![el("p", vec![t("Four")]), el("p", vec![t("Five")])],
            ),
            el(
                "ul",
                vec![
                    el("li", vec![t("a")]),
                    el("li", vec![el("p", vec![t("b")])]),
                ],
            ),
        ];
        assert_eq!(
            to_text(&blocks),
            "Heading\n\nOne two three\n\nFour\n\nFive\n\n- a\n- b"
        );
    }

    #[test]
    fn markdown_marks_up_structure() {
        let link = Block::Element(Element {
            tag: "a",
            attrs: vec![("href", "https://x.test/a b".into())],
            children: vec![t("link")],
        });
        let blocks = vec![
            el("h2", vec![t("Title")]),
            el(
                "p",
                vec![
                    t("Some "),
                    el("strong", vec![t("bold")]),
                    t(" and "),
                    link,
                    t("."),
                ],
            ),
            el("blockquote", vec![el("p", vec![t("Quoted")])]),
            el(
                "ol",
                vec![el("li", vec![t("first")]), el("li", vec![t("second")])],
            ),
            el("pre", vec![el("code", vec![t("fn main() {\n    x();\n}")])]),
        ];
        assert_eq!(
            to_markdown(&blocks),
            "## Title\n\nSome **bold** and [link](https://x.test/a%20b).\n\n> Quoted\n\n1. first\n2. second\n\n```\nfn main() {\n    x();\n}\n```"
        );
    }

    #[test]
    fn captions_go_with_their_images() {
        let img = Block::Element(Element {
            tag: "img",
            attrs: vec![("src", "https://x.test/a.jpg".into()), ("alt", "A".into())],
            children: vec![],
        });
        let blocks = vec![
            el("p", vec![t("Before.")]),
            el(
                "figure",
                vec![
                    img,
                    el("figcaption", vec![t("The harbour. Photo: Ann Bee")]),
                ],
            ),
            el("p", vec![t("After.")]),
        ];
        assert_eq!(to_text(&blocks), "Before.\n\nAfter.");
        // A quote's caption names its source: it stays.
        let quote = vec![el(
            "figure",
            vec![
                el("blockquote", vec![el("p", vec![t("To be.")])]),
                el("figcaption", vec![t("— Hamlet")]),
            ],
        )];
        assert_eq!(to_text(&quote), "To be.\n\n— Hamlet");
        assert_eq!(
            to_markdown(&blocks),
            "Before.\n\n![A](https://x.test/a.jpg)\n\nThe harbour. Photo: Ann Bee\n\nAfter."
        );
    }

    #[test]
    fn readings_over_words_are_left_out() {
        let ruby = |base: &str, reading: &str| {
            el(
                "ruby",
                vec![
                    t(base),
                    el("rp", vec![t("(")]),
                    el("rt", vec![t(reading)]),
                    el("rp", vec![t(")")]),
                ],
            )
        };
        let blocks = vec![el(
            "p",
            vec![ruby("子", "こ"), t("どもへの"), ruby("虐待", "ぎゃくたい")],
        )];
        assert_eq!(to_text(&blocks), "子どもへの虐待");
        assert_eq!(to_markdown(&blocks), "子どもへの虐待");
    }

    #[test]
    fn tables_become_rows_of_cells() {
        let row = |a: &str, b: &str| el("tr", vec![el("td", vec![t(a)]), el("td", vec![t(b)])]);
        let table = vec![el(
            "table",
            vec![el("tbody", vec![row("a", "1"), row("b", "2")])],
        )];
        assert_eq!(to_text(&table), "a | 1\nb | 2");
        assert_eq!(to_markdown(&table), "| a | 1 |\n| --- | --- |\n| b | 2 |");
    }

    #[test]
    fn counts_words_and_cjk_characters() {
        assert_eq!(word_count("one two  three"), 3);
        assert_eq!(word_count("中文字"), 3);
    }
}
