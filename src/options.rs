//! Every tunable of the extractor, with its default and what it changes.

/// Options for [`crate::extract`]. `Options::default()` is what the extension and the tool use.
#[derive(Debug, Clone)]
pub struct Options {
    /// An article shorter than this many characters makes the extractor retry with looser rules
    /// (Readability's `charThreshold`, 500).
    pub char_threshold: usize,
    /// How many top-scoring candidates are compared when choosing the article's container
    /// (Readability's `nbTopCandidates`, 5).
    pub top_candidates: usize,
    /// Pages that parse to more nodes (elements and text) than this are refused with
    /// [`crate::Error::TooLarge`] (0 disables the check). A million `<span>x</span>` make two
    /// million nodes; a 20 MB article of paragraphs about 450,000.
    pub max_nodes: usize,
    /// Input larger than this many bytes is refused with [`crate::Error::TooLarge`] (0 disables).
    pub max_bytes: usize,
    /// Elements nested deeper than this are re-attached at this depth when the page is parsed
    /// (their text and order are kept). Bounds the cost of hostile, deeply nested pages.
    pub max_dom_depth: usize,
    /// A page with a tag carrying more attributes than this is refused with
    /// [`crate::Error::TooLarge`] when it needs html5ever (0 disables): html5ever checks each
    /// attribute against all before it, and a tag with millions would not finish. The fast
    /// parser has no such cost and no such limit.
    pub max_attributes: usize,
    /// Output trees deeper than this are flattened: deep nesting carries no meaning in an
    /// article and deep trees cost stack in every later walk.
    pub max_output_depth: usize,
    /// Words of running prose (paragraphs not broken by a block of links) the extracted body
    /// must hold to be called an article (`readerable`). 60 words is one long paragraph or two
    /// short ones; a listing of headlines with summaries has none that long.
    pub readerable_min_words: usize,
    /// The reader's language (BCP 47), for the sentences the core writes: the label's summary
    /// and explanation, claim and wire notes (`crate::wording`). English when there is no
    /// translation.
    pub language: String,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            char_threshold: 500,
            top_candidates: 5,
            max_nodes: 1_000_000,
            max_bytes: 32 * 1024 * 1024,
            max_dom_depth: 256,
            max_attributes: 10_000,
            max_output_depth: 48,
            readerable_min_words: 60,
            language: "en".into(),
        }
    }
}
