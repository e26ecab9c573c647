//! Stage 8, after the model is built: an image boxed with a few words beside it is a figure,
//! and the words are its caption. Also the lead photo a story's container left out, built from
//! the page's own box around it with its caption and credit (`Builder::lead_figure`).
//!
//! Pages mark up most captions without `<figcaption>`: a box holding the image and a short
//! paragraph, a credit line, a line of small print. Left as paragraphs, they read as stray
//! sentences in the copied text (whose images are gone) and in the view look like prose. The
//! rule is structural, so it holds on any site and in any language: a box (not the article's own
//! top level) whose content is one or two images and, on one side of them, a little text with
//! no structure of its own. Measured on the three corpora (`tests/corpus.rs`); the reader view
//! keeps every word, as a caption.

use super::build::Builder;
use crate::article::{Block, Element};
use crate::dom::NodeId;
use crate::text::word_count;

/// The most words a caption box holds: captions run to a sentence or three with a credit, a
/// paragraph of the story beside an inline image runs longer.
const MAX_CAPTION_WORDS: usize = 50;
/// Inside an explicit `<figure>`, the page itself says the text belongs to the image.
pub(super) const MAX_FIGURE_CAPTION_WORDS: usize = 120;
const MAX_IMAGES: usize = 2;

/// Turn caption boxes inside `blocks` into `<figure>`s with a `<figcaption>`. The story's own
/// container (the top level, or a box that is all of it) is never one, and no caption may hold
/// a third of the article's words: a short story beside its photo stays a story.
pub fn mark_captions(blocks: &mut [Block]) {
    if !blocks.iter().any(has_image) {
        return;
    }
    let article_words: usize = blocks.iter().map(words_in).sum();
    mark_below(blocks, article_words);
}

/// The boxes inside `blocks`, the story's own container: while that is one box, the story is
/// what is inside it.
fn mark_below(blocks: &mut [Block], article_words: usize) {
    let mut solid = blocks.iter_mut().filter(|b| !is_blank(b));
    if let (Some(Block::Element(only)), None) = (solid.next(), solid.next()) {
        if only.tag == "div" {
            return mark_below(&mut only.children, article_words);
        }
    }
    mark_children(blocks, article_words);
}

/// Image boxes side by side that hold a third of the article's words or more are the story
/// told as a series (a recipe's steps, a how-to's stages, each a photo over its instruction):
/// their words stay in its text. A gallery inside a longer story is captions.
const MIN_SERIES: usize = 3;

fn mark_children(blocks: &mut [Block], article_words: usize) {
    let splits: Vec<Option<Split>> = blocks
        .iter()
        .map(|block| match block {
            Block::Element(element) => caption_split_of(element, article_words),
            Block::Text(_) => None,
        })
        .collect();
    let boxed: Vec<usize> = blocks
        .iter()
        .zip(&splits)
        .filter(|(_, split)| split.is_some())
        .map(|(block, _)| words_in(block))
        .collect();
    let series = boxed.len() >= MIN_SERIES && boxed.iter().sum::<usize>() * 3 >= article_words;
    for (block, split) in blocks.iter_mut().zip(splits) {
        let Block::Element(element) = block else {
            continue;
        };
        match split {
            Some(split) if !series => caption_box(element, split),
            Some(_) => {}
            None => mark_children(&mut element.children, article_words),
        }
    }
}

fn caption_split_of(element: &Element, article_words: usize) -> Option<Split> {
    let limit = match element.tag {
        "div" => MAX_CAPTION_WORDS,
        "figure" => MAX_FIGURE_CAPTION_WORDS,
        _ => return None,
    };
    caption_split(&element.children, limit.min(article_words / 3))
}

/// Where the images end and the caption starts (or the caption ends and the images start):
/// the children before `at` are one side, the rest the other, and `images_first` says which.
struct Split {
    at: usize,
    images_first: bool,
}

fn caption_split(children: &[Block], max_words: usize) -> Option<Split> {
    // Each child is an image part, a caption part, or blank; anything else (a heading, a
    // list, a table, a quote, a figure with its caption) and this is not a caption box. The
    // images are looked for first: most boxes have none beside their text, and are left after
    // one look at their children, not a walk through their words.
    let mut kinds = Vec::with_capacity(children.len());
    let mut images = 0;
    for child in children {
        let kind = if is_blank(child) {
            Part::Blank
        } else if let Some(count) = image_count(child) {
            images += count;
            Part::Image
        } else {
            Part::Caption
        };
        kinds.push(kind);
    }
    if !(1..=MAX_IMAGES).contains(&images) {
        return None;
    }
    // The images on one side and the caption on the other, not interleaved.
    let solid: Vec<(usize, Part)> = kinds
        .iter()
        .copied()
        .enumerate()
        .filter(|(_, k)| *k != Part::Blank)
        .collect();
    let first = solid.first()?.1;
    let switch = solid.iter().position(|(_, k)| *k != first)?;
    if solid[switch..].iter().any(|(_, k)| *k == first) {
        return None;
    }
    let mut budget = max_words;
    for (child, kind) in children.iter().zip(&kinds) {
        if *kind == Part::Caption && !plain_text_within(child, &mut budget) {
            return None;
        }
    }
    if budget == max_words {
        return None;
    }
    Some(Split {
        at: solid[switch].0,
        images_first: first == Part::Image,
    })
}

#[derive(Clone, Copy, PartialEq)]
enum Part {
    Blank,
    Image,
    Caption,
}

fn caption_box(element: &mut Element, split: Split) {
    let mut children = std::mem::take(&mut element.children);
    let tail = children.split_off(split.at);
    let (images, caption) = if split.images_first {
        (children, tail)
    } else {
        (tail, children)
    };
    let caption = Block::Element(Element {
        tag: "figcaption",
        attrs: Vec::new(),
        children: caption,
    });
    element.tag = "figure";
    element.children = images;
    if split.images_first {
        element.children.push(caption);
    } else {
        element.children.insert(0, caption);
    }
}

fn is_blank(block: &Block) -> bool {
    match block {
        Block::Text(text) => text.trim().is_empty(),
        Block::Element(element) => element.tag == "br",
    }
}

/// The images a child holds when it holds nothing else: an `<img>`, or a link, paragraph or
/// box around images only.
fn image_count(block: &Block) -> Option<usize> {
    let Block::Element(element) = block else {
        return None;
    };
    if element.tag == "img" {
        return Some(1);
    }
    if !matches!(element.tag, "a" | "p" | "div" | "figure") {
        return None;
    }
    let mut count = 0;
    for child in &element.children {
        if is_blank(child) {
            continue;
        }
        count += image_count(child)?;
    }
    (count > 0).then_some(count)
}

/// Text without structure (no image, heading, list, table, quote, code block or figure
/// inside) of at most `budget` words, which it takes off the budget.
fn plain_text_within(block: &Block, budget: &mut usize) -> bool {
    match block {
        Block::Text(text) => {
            let words = word_count(text);
            if words > *budget {
                return false;
            }
            *budget -= words;
            true
        }
        Block::Element(element) => {
            !matches!(
                element.tag,
                "img"
                    | "h2"
                    | "h3"
                    | "h4"
                    | "h5"
                    | "h6"
                    | "ul"
                    | "ol"
                    | "dl"
                    | "table"
                    | "blockquote"
                    | "pre"
                    | "figure"
                    | "figcaption"
                    | "details"
            ) && element
                .children
                .iter()
                .all(|child| plain_text_within(child, budget))
        }
    }
}

fn has_image(block: &Block) -> bool {
    match block {
        Block::Text(_) => false,
        Block::Element(element) => element.tag == "img" || element.children.iter().any(has_image),
    }
}

fn words_in(block: &Block) -> usize {
    match block {
        Block::Text(text) => word_count(text),
        Block::Element(element) => element.children.iter().map(words_in).sum(),
    }
}

impl Builder<'_> {
    /// The page's own box around its lead image (`lead`, resolved), for a story whose container
    /// left the photo out (set above the story, beside the headline): the image with the caption
    /// and credit the page gives it, as one `<figure>`. `None` when the image stands alone.
    pub fn lead_figure(&self, root: NodeId, lead: &str) -> Option<Block> {
        let dom = self.dom;
        let image = dom.find_all(root, &["img"]).into_iter().find(|&img| {
            self.attributes(img, "img")
                .is_some_and(|attrs| attrs[0].1 == lead)
        })?;
        // The widest box that still holds this one image and no more words than a caption.
        // A link or a button is the page's furniture ("Subscribe"), not the photo's words.
        let mut boxed = image;
        for ancestor in dom.ancestors(image, 4) {
            let text = dom.text_content(ancestor);
            if dom.find_all(ancestor, &["img"]).len() > 1
                || dom
                    .find_all(ancestor, &["a", "button"])
                    .iter()
                    .any(|&n| dom.text_len(n) > 0)
                || crate::text::word_count(&text) > MAX_FIGURE_CAPTION_WORDS
            {
                break;
            }
            boxed = ancestor;
        }
        let mut built = Vec::new();
        self.node(boxed, 1, &mut built);
        // The words as lines of text: the clean text leaves captions out, so they become paragraphs.
        as_paragraphs(&mut built);
        let lines = crate::text::to_text(&built);
        let mut caption = Vec::new();
        for line in lines.lines().map(str::trim).filter(|l| !l.is_empty()) {
            if !caption.is_empty() {
                caption.push(Block::element("br", Vec::new()));
            }
            caption.push(Block::Text(line.to_string()));
        }
        if caption.is_empty() {
            return None;
        }
        let mut picture = Vec::new();
        self.node(image, 1, &mut picture);
        picture.push(Block::element("figcaption", caption));
        Some(Block::element("figure", picture))
    }
}

/// `blocks` without their images, their figures and captions as plain boxes and paragraphs.
fn as_paragraphs(blocks: &mut Vec<Block>) {
    blocks.retain(|b| !matches!(b, Block::Element(e) if e.tag == "img"));
    for block in blocks {
        if let Block::Element(element) = block {
            element.tag = match element.tag {
                "figure" => "div",
                "figcaption" => "p",
                tag => tag,
            };
            as_paragraphs(&mut element.children);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::build_for_tests::{el, t};

    fn img() -> Block {
        el("img", vec![])
    }

    fn story() -> Block {
        el("p", vec![t(&"word ".repeat(40))])
    }

    /// `boxed` marked, as it sits in an article between two paragraphs of the story.
    fn marked(boxed: Block) -> Block {
        let mut blocks = vec![el("div", vec![story(), boxed, story()])];
        mark_captions(&mut blocks);
        let Block::Element(mut article) = blocks.remove(0) else {
            unreachable!()
        };
        article.children.remove(1)
    }

    #[test]
    fn an_image_boxed_with_a_line_is_a_figure() {
        let got = marked(el(
            "div",
            vec![
                el("a", vec![img()]),
                el("p", vec![t("Photo: Ann Bee")]),
                el("p", vec![t("The harbour at dawn.")]),
            ],
        ));
        let want = el(
            "figure",
            vec![
                el("a", vec![img()]),
                el(
                    "figcaption",
                    vec![
                        el("p", vec![t("Photo: Ann Bee")]),
                        el("p", vec![t("The harbour at dawn.")]),
                    ],
                ),
            ],
        );
        assert_eq!(got, want);
    }

    #[test]
    fn a_caption_above_its_image_stays_above() {
        let got = marked(el("div", vec![el("small", vec![t("Credit: X")]), img()]));
        let want = el(
            "figure",
            vec![
                el("figcaption", vec![el("small", vec![t("Credit: X")])]),
                img(),
            ],
        );
        assert_eq!(got, want);
    }

    #[test]
    fn a_figure_without_figcaption_gets_one() {
        let got = marked(el(
            "figure",
            vec![img(), el("p", vec![t("Seen from above.")])],
        ));
        let want = el(
            "figure",
            vec![
                img(),
                el("figcaption", vec![el("p", vec![t("Seen from above.")])]),
            ],
        );
        assert_eq!(got, want);
    }

    #[test]
    fn story_text_beside_an_image_stays_text() {
        let long = "word ".repeat(MAX_CAPTION_WORDS + 1);
        let boxes = [
            // a paragraph longer than a caption
            el("div", vec![img(), el("p", vec![t(&long)])]),
            // images and text interleaved
            el(
                "div",
                vec![
                    img(),
                    el("p", vec![t("One.")]),
                    img(),
                    el("p", vec![t("Two.")]),
                ],
            ),
            // a box with a heading or a list is a section, not a figure
            el(
                "div",
                vec![img(), el("h3", vec![t("Title")]), el("p", vec![t("x")])],
            ),
            el("div", vec![img(), el("ul", vec![el("li", vec![t("x")])])]),
            // a box of text alone, or of images alone
            el("div", vec![el("p", vec![t("Just words.")])]),
            el("div", vec![img(), img()]),
            // three images
            el("div", vec![img(), img(), img(), el("p", vec![t("Three.")])]),
        ];
        for boxed in boxes {
            assert_eq!(marked(boxed.clone()), boxed);
        }
    }

    #[test]
    fn steps_told_in_photos_stay_text_and_a_gallery_is_captions() {
        let step = |n: &str| {
            el(
                "div",
                vec![img(), el("p", vec![t(&format!("Step {n}: stir well"))])],
            )
        };
        // A recipe's steps, each a photo over its instruction, are most of its words.
        let recipe = vec![
            el("p", vec![t("Serves four.")]),
            step("1"),
            step("2"),
            step("3"),
        ];
        let mut got = recipe.clone();
        mark_captions(&mut got);
        assert_eq!(got, recipe);
        // The same three boxes inside a long story are a gallery.
        let mut story_with_gallery = vec![story(), step("1"), step("2"), step("3"), story()];
        mark_captions(&mut story_with_gallery);
        let figures = story_with_gallery
            .iter()
            .filter(|b| matches!(b, Block::Element(e) if e.tag == "figure"))
            .count();
        assert_eq!(figures, 3);
    }

    #[test]
    fn the_story_itself_is_never_a_caption() {
        let cases = [
            // the story's own container, however deep
            vec![el(
                "div",
                vec![el("div", vec![img(), el("p", vec![t("A short story.")])])],
            )],
            // a caption with a third of the article's words
            vec![
                el(
                    "div",
                    vec![img(), el("p", vec![t("four words of caption")])],
                ),
                el("p", vec![t("and seven words of the story here")]),
            ],
        ];
        for case in cases {
            let mut got = case.clone();
            mark_captions(&mut got);
            assert_eq!(got, case);
        }
    }
}
