//! Stage 10: whether what the extraction found is an article a reader wants to see — judged on
//! the extracted model, not on the page's markup. Readability's `isProbablyReaderable` counts
//! `<p>` elements of the page as served and says "no" to articles written in `<div>`s or lines
//! broken by `<br>` (Sputnik's own markup), though its `parse()` finds them; a reader who
//! clicked wants what was found.
//!
//! The evidence: a stretch of running prose. The body's blocks are read in order; a block that
//! is mostly link text of a headline's length (a teaser, a search result's title) ends a
//! stretch, anything else adds its words to it. An article has one stretch of
//! `min_words` or more, or that many words in all broken by a link or two (a short piece
//! with a "read more" line); a home page, a listing or a search page alternates linked
//! headlines with short summaries, stretch after stretch, and has neither, however much text
//! it holds.

use crate::article::{is_block_tag, Block};
use crate::text::measure;

/// A block whose link text is at least this share of its text is a link, not prose.
const LINK_SHARE: f64 = 0.5;
/// A link block shorter than this is a button or a name ("Subscribe", "Jane Doe"), which an
/// article has between its paragraphs too; a listing's links are headlines.
const MIN_HEADLINE_WORDS: usize = 4;
/// More stretches of prose than this between links is a listing's rhythm, not an article's.
const MAX_BROKEN_STRETCHES: usize = 2;

/// Whether `content` holds a stretch of prose of at least `min_words` words (each CJK
/// character counted as one, as [`word_count`] does), or that many in a few stretches.
pub fn has_running_prose(content: &[Block], min_words: usize) -> bool {
    let mut reader = BlockReader {
        enough: min_words,
        ..BlockReader::default()
    };
    reader.walk(content, false);
    reader.flush();
    reader.longest_stretch >= min_words
        || (reader.words >= min_words && reader.stretches <= MAX_BROKEN_STRETCHES)
}

#[derive(Default)]
struct BlockReader {
    /// The current block's characters (not counting spaces), those inside links, and its
    /// words; counted piece by piece as the text goes by, no copy made.
    chars: usize,
    linked_chars: usize,
    block_words: usize,
    /// Words since the last link block.
    stretch: usize,
    longest_stretch: usize,
    /// Stretches begun, and words of prose in all.
    stretches: usize,
    words: usize,
    /// The stretch that settles it: the rest of the article is not read once one is this long
    /// (most articles have it in their first paragraphs).
    enough: usize,
}

impl BlockReader {
    fn walk(&mut self, blocks: &[Block], in_link: bool) {
        for block in blocks {
            if self.longest_stretch >= self.enough {
                return;
            }
            match block {
                Block::Text(text) => {
                    let measured = measure(text);
                    self.chars += measured.chars;
                    if in_link {
                        self.linked_chars += measured.chars;
                    }
                    // Inline elements part words (the model's text is rendered so), so each
                    // piece's words are its own.
                    self.block_words += measured.words;
                }
                Block::Element(element) => {
                    let block_level = is_block_tag(element.tag);
                    if block_level {
                        self.flush();
                    }
                    self.walk(&element.children, in_link || element.tag == "a");
                    if block_level {
                        self.flush();
                    }
                }
            }
        }
    }

    /// Ends the current block: prose lengthens the stretch, a link block ends it.
    fn flush(&mut self) {
        let (chars, words) = (self.chars, self.block_words);
        if chars > 0 {
            if self.linked_chars as f64 >= LINK_SHARE * chars as f64 {
                if words >= MIN_HEADLINE_WORDS {
                    self.stretch = 0;
                }
            } else {
                // Inline links are part of the prose: a paragraph citing its sources is one.
                if self.stretch == 0 && words > 0 {
                    self.stretches += 1;
                }
                self.stretch += words;
                self.words += words;
                self.longest_stretch = self.longest_stretch.max(self.stretch);
            }
        }
        self.chars = 0;
        self.linked_chars = 0;
        self.block_words = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::build_for_tests::{el, t};

    #[test]
    fn paragraphs_in_a_row_are_prose() {
        let body: Vec<Block> = (0..4)
            .map(|_| el("p", vec![t(&"word ".repeat(20))]))
            .collect();
        assert!(has_running_prose(&body, 60));
        assert!(!has_running_prose(&body[..2], 60));
    }

    #[test]
    fn headlines_with_summaries_are_a_listing() {
        // Ten teasers of 30-word summaries: 300 words, but never 60 in a row.
        let body: Vec<Block> = (0..10)
            .flat_map(|i| {
                [
                    el(
                        "h3",
                        vec![el("a", vec![t(&format!("Headline {i} about the news"))])],
                    ),
                    el("p", vec![t(&"summary ".repeat(30))]),
                ]
            })
            .collect();
        assert!(!has_running_prose(&body, 60));
    }

    #[test]
    fn inline_links_are_prose_and_link_lists_are_not() {
        let paragraph = || {
            el(
                "p",
                vec![
                    t(&"word ".repeat(15)),
                    el("a", vec![t("a linked phrase")]),
                    t(&" word".repeat(15)),
                ],
            )
        };
        assert!(has_running_prose(&[paragraph(), paragraph()], 60));
        assert!(!has_running_prose(
            &[el("p", vec![el("a", vec![t(&"linked ".repeat(100))])])],
            60
        ));
    }

    #[test]
    fn buttons_and_names_between_paragraphs_are_not_headlines() {
        let body: Vec<Block> = (0..4)
            .flat_map(|_| {
                [
                    el("p", vec![t(&"word ".repeat(20))]),
                    el("p", vec![el("a", vec![t("Subscribe now")])]),
                ]
            })
            .collect();
        assert!(has_running_prose(&body, 60));
    }

    #[test]
    fn cjk_characters_count_as_words() {
        let body = [el("p", vec![t(&"新闻".repeat(40))])];
        assert!(has_running_prose(&body, 60));
    }
}
