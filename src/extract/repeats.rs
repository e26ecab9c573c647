//! Stage 8, last: a block the view already shows, shown again, is dropped. Pages built for every
//! screen carry some of their content twice (one copy for phones, one for wide screens, the other
//! hidden by a style sheet a reader mode never sees), and a product's or a service's page shows
//! its description or its specifications again in a tab. A reader wants each once.
//!
//! Only a run of blocks repeated whole counts: a block holding two blocks or more whose words
//! (whitespace aside), images and links match a block shown before it, with at least
//! [`MIN_CHARS`] characters of words, so that a repeated heading or a "Read more" stays. A
//! paragraph repeated alone is the writer's (filler, a caption, a citation), and quotations
//! repeat on purpose (a reply quoting the post it answers, a pull quote); neither is read for
//! it, nor a code block (it holds no blocks), nor a table's rows or a list's items one by one.
//! A refrain written as a box of its lines, twice, is shown once: no corpus page has one.
//!
//! Measured on every corpus (`tests/corpus.rs`) when it came in, each page's text before and
//! after: wcxb-dev 0.8460 -> 0.8478 (development folds 0.8518 -> 0.8535, held-out fold 0.8201
//! -> 0.8224), its product pages 0.5801 -> 0.5897, services 0.7874 -> 0.7885, listings 0.6125
//! -> 0.6166; Zyte's 0.9770 -> 0.9773; no page of Readability's or trafilatura's changes. Its
//! documentation pages lose 0.0008: an API's reference repeats one example under several calls,
//! and the answers keep every copy. Any paragraph repeated alone counted as well: Readability's
//! test pages, which repeat filler paragraphs, lost up to 0.68 each. A review then had the
//! characters counted without spaces; with the teasers' tighter test (`select`) in the same
//! change, seven wcxb-dev pages moved 0.002-0.033 either way.

use crate::article::{Block, Element};

/// A block shorter than this is no copy of anything: a heading, a label, a price.
const MIN_CHARS: usize = 60;

/// The most blocks remembered: each block is compared with every one before it (a list, not a
/// hash set, which cost the wasm 1.7 KB more code), so a page of more runs than this keeps the
/// rest as they are.
const MAX_REMEMBERED: usize = 2000;

/// Tags whose repetition is meant: what they hold is never dropped as a copy.
const QUOTES: &[&str] = &["blockquote", "q"];
/// Tags read as a unit of their own: table cells and rows repeat values by nature, so only a
/// whole table counts; a list's items too (an API's reference describes one parameter under
/// every call that takes it), so only a whole list does.
const UNITS: &[&str] = &[
    "p", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "table", "figure", "div", "details",
];

/// Drop every block of `blocks` that repeats one shown before it.
pub fn drop_repeats(blocks: &mut Vec<Block>) {
    let mut seen = Vec::new();
    keep_first_copies(blocks, &mut seen);
}

/// Walks in reading order; a block's key is recorded once its subtree is done, so a wrapper never
/// counts as a copy of its only child.
fn keep_first_copies(blocks: &mut Vec<Block>, seen: &mut Vec<u64>) {
    blocks.retain_mut(|block| {
        let Block::Element(element) = block else {
            return true;
        };
        if QUOTES.contains(&element.tag) {
            return true;
        }
        let key = (UNITS.contains(&element.tag) && is_a_run(element))
            .then(|| key_of(element))
            .filter(|key| key.chars >= MIN_CHARS)
            .map(|key| key.hash);
        if key.is_some_and(|key| seen.contains(&key)) {
            return false;
        }
        keep_first_copies(&mut element.children, seen);
        if let Some(key) = key.filter(|_| seen.len() < MAX_REMEMBERED) {
            seen.push(key);
        }
        true
    });
}

/// Whether a block holds two blocks or more: a copy is a run of the page's blocks. A paragraph,
/// a caption or a reference repeated alone is the writer's own repetition (Readability's test
/// pages repeat their filler paragraphs; a reference list cites one book twice).
fn is_a_run(element: &Element) -> bool {
    element
        .children
        .iter()
        .filter(|child| {
            matches!(child, Block::Element(child) if crate::article::BLOCK_TAGS.contains(&child.tag))
        })
        .nth(1)
        .is_some()
}

/// What a reader sees of a block, hashed: its words, whitespace collapsed, then the addresses of
/// its images and links (two figures with one caption but different photos are not copies, nor
/// two job offers of one title and place that lead to different pages). Hashed as the words go
/// by, not gathered into a string per block: a wrapper's words are read once per wrapper around
/// them, up to the model's depth.
fn key_of(element: &Element) -> Key {
    let mut key = Key::default();
    key.words(&element.children);
    key.hash_byte(0);
    key.addresses(&element.children);
    key
}

/// FNV-1a over a block's words and addresses; `chars` counts the words' characters, spaces
/// aside.
struct Key {
    hash: u64,
    chars: usize,
    space_pending: bool,
}

impl Default for Key {
    fn default() -> Self {
        Key {
            hash: 0xcbf2_9ce4_8422_2325,
            chars: 0,
            space_pending: false,
        }
    }
}

impl Key {
    fn hash_byte(&mut self, byte: u8) {
        self.hash = (self.hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
    }

    fn hash_str(&mut self, text: &str) {
        text.bytes().for_each(|byte| self.hash_byte(byte));
    }

    /// The words of `blocks`, whitespace collapsed to one space between them; blocks meet at a
    /// space, as a reader sees them.
    fn words(&mut self, blocks: &[Block]) {
        for block in blocks {
            match block {
                Block::Text(text) => {
                    for word in text.split(char::is_whitespace) {
                        self.word(word);
                    }
                }
                Block::Element(element) => {
                    self.space_pending = true;
                    self.words(&element.children);
                    self.space_pending = true;
                }
            }
        }
    }

    fn word(&mut self, word: &str) {
        if word.is_empty() {
            self.space_pending = true;
            return;
        }
        if self.space_pending && self.chars > 0 {
            self.hash_byte(b' ');
        }
        self.space_pending = false;
        self.hash_str(word);
        self.chars += word.chars().count();
    }

    fn addresses(&mut self, blocks: &[Block]) {
        for block in blocks {
            if let Block::Element(element) = block {
                let address = match element.tag {
                    "img" => element.attr("src"),
                    "a" => element.attr("href"),
                    _ => None,
                };
                if let Some(address) = address {
                    self.hash_str(address);
                    self.hash_byte(b' ');
                }
                self.addresses(&element.children);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str) -> Block {
        Block::element("p", vec![Block::Text(text.into())])
    }

    const LONG: &str = "Join me each week for a live, virtual class. Cancel any time you like.";
    const OTHER: &str = "Members receive free access to select bonus experiences every month.";

    #[test]
    fn a_run_shown_twice_is_shown_once() {
        let copy = || Block::element("div", vec![p(LONG), p(OTHER)]);
        let mut blocks = vec![copy(), p("Between"), copy()];
        drop_repeats(&mut blocks);
        assert_eq!(blocks, vec![copy(), p("Between")]);
    }

    #[test]
    fn a_run_repeated_inside_another_wrapper_goes() {
        let run = || Block::element("div", vec![p(LONG), p(OTHER)]);
        let mut blocks = vec![
            run(),
            Block::element("div", vec![p("A heading of its own"), run()]),
        ];
        drop_repeats(&mut blocks);
        assert_eq!(
            blocks,
            vec![
                run(),
                Block::element("div", vec![p("A heading of its own")])
            ]
        );
    }

    #[test]
    fn a_paragraph_or_a_list_item_repeated_alone_stays() {
        let item = || Block::element("li", vec![p(LONG), p(OTHER)]);
        let mut blocks = vec![
            p(LONG),
            p(LONG),
            Block::element("ul", vec![item(), p("x")]),
            Block::element("ul", vec![item(), p("y")]),
        ];
        let expected = blocks.clone();
        drop_repeats(&mut blocks);
        assert_eq!(blocks, expected);
    }

    #[test]
    fn a_wrapper_is_no_copy_of_what_it_holds() {
        // The outer box's words are its inner box's: recorded before the inner box was read,
        // its key would drop the inner box.
        let nested = || {
            Block::element(
                "div",
                vec![
                    Block::element("div", vec![p(LONG), p(OTHER)]),
                    Block::element("hr", Vec::new()),
                ],
            )
        };
        let mut blocks = vec![nested()];
        drop_repeats(&mut blocks);
        assert_eq!(blocks, vec![nested()]);
    }

    #[test]
    fn other_photos_quotes_and_short_runs_stay() {
        let figure = |src: &str| {
            Block::Element(Element {
                tag: "figure",
                attrs: Vec::new(),
                children: vec![
                    Block::Element(Element {
                        tag: "img",
                        attrs: vec![("src", src.into())],
                        children: Vec::new(),
                    }),
                    Block::element("figcaption", vec![Block::Text(LONG.into())]),
                ],
            })
        };
        let run = || Block::element("div", vec![p(LONG), p(OTHER)]);
        let buttons = || Block::element("div", vec![p("Price"), p("Add to cart")]);
        let mut blocks = vec![
            Block::element("div", vec![figure("https://example.com/a.jpg"), p(OTHER)]),
            Block::element("div", vec![figure("https://example.com/b.jpg"), p(OTHER)]),
            run(),
            Block::element("blockquote", vec![run()]),
            buttons(),
            buttons(),
        ];
        let expected = blocks.clone();
        drop_repeats(&mut blocks);
        assert_eq!(blocks, expected);
    }
}
