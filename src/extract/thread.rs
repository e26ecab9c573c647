//! Stage 8, for a discussion: a page that says it is one (schema.org `DiscussionForumPosting` or
//! `QAPage`, in its JSON-LD or microdata; an FAQ is not) and marks up its posts as schema.org
//! items (`DiscussionForumPosting`, `Comment`, `Question`, `Answer`, with `itemprop="text"`) is
//! shown as those posts, in order, each under its author and date. Structural: the page's own
//! markup of its posts, whatever its software or language; one that marks up none is read from
//! its repeated boxes (`thread_boxes`). Measured on wcxb-dev's forum pages (`tests/corpus.rs`),
//! the held-out fold beside the others.

use super::build::Builder;
use super::kind::item_type;
use crate::article::Block;
use crate::dom::{collapse_whitespace, Dom, NodeId};

const POST_TYPES: &[&str] = &["DiscussionForumPosting", "Comment", "Question", "Answer"];
/// A thread is at least a question and an answer.
pub const MIN_POSTS: usize = 2;
/// An author's name or a date longer than this is not one.
pub const MAX_LINE_CHARS: usize = 100;

/// Whether `node` carries one of the microdata properties `names` (`itemprop` holds several,
/// space-separated).
pub(super) fn has_itemprop(dom: &Dom, node: NodeId, names: &[&str]) -> bool {
    dom.attr(node, "itemprop")
        .is_some_and(|props| props.split_whitespace().any(|p| names.contains(&p)))
}

/// The posts under `body`, as the model: each an `h3` of author and date, its text, and a rule
/// between them; `None` when the page marks up fewer than two.
pub fn posts(builder: &Builder, body: NodeId) -> Option<Posts> {
    let dom = builder.dom;
    let mut bodies: Vec<NodeId> = Vec::new();
    let mut posts = Posts::default();
    for item in dom.descendants(body) {
        if !item_type(dom, item).is_some_and(|t| POST_TYPES.contains(&t)) {
            continue;
        }
        let inside: Vec<NodeId> = dom.descendants(item).into_iter().skip(1).collect();
        let Some(&text) = inside
            .iter()
            .find(|&&n| has_itemprop(dom, n, &["text", "articleBody"]))
        else {
            continue;
        };
        // A post inside another reaches the same text from both: it is shown once.
        if bodies.contains(&text) {
            continue;
        }
        bodies.push(text);
        let author = inside
            .iter()
            .find(|&&n| has_itemprop(dom, n, &["author"]))
            .map(|&author| {
                let name = dom
                    .descendants(author)
                    .into_iter()
                    .find(|&n| has_itemprop(dom, n, &["name"]));
                match name {
                    Some(n) => dom
                        .attr(n, "content")
                        .map(collapse_whitespace)
                        .unwrap_or_else(|| dom.inner_text(n)),
                    None => dom.inner_text(author),
                }
            });
        let date = inside
            .iter()
            .find(|&&n| has_itemprop(dom, n, &["datePublished", "dateCreated"]))
            .and_then(|&n| date_of(dom, n));
        posts.push(author, date, builder.build(text));
    }
    (bodies.len() >= MIN_POSTS).then_some(posts)
}

/// A post's date as its element shows it, else as its `content` or `datetime` attribute says.
pub fn date_of(dom: &Dom, node: NodeId) -> Option<String> {
    let shown = dom.inner_text(node);
    if shown.is_empty() {
        let value = dom
            .attr(node, "content")
            .or_else(|| dom.attr(node, "datetime"))?;
        super::date_text::date_in(value)
    } else {
        Some(shown)
    }
}

/// A thread as the model shows it: each post an `h3` of its author and date (each when short
/// enough to be one), its text, and a rule between posts; and the calendar day and the author
/// of the first post, which date and sign a thread that gives neither of its own.
#[derive(Default)]
pub struct Posts {
    pub blocks: Vec<Block>,
    pub first_date: Option<String>,
    pub first_author: Option<String>,
    pub count: usize,
}

impl Posts {
    /// One post added: `date` as the page shows it (its day read for the first post).
    pub fn push(&mut self, author: Option<String>, date: Option<String>, text: Vec<Block>) {
        let short = |s: &String| !s.is_empty() && s.chars().count() <= MAX_LINE_CHARS;
        if self.count == 0 {
            self.first_date = date.as_deref().and_then(super::date_text::date_in);
            self.first_author = author.clone().filter(short);
        }
        let header: Vec<String> = [author, date].into_iter().flatten().filter(short).collect();
        if !self.blocks.is_empty() {
            self.blocks.push(Block::element("hr", Vec::new()));
        }
        if !header.is_empty() {
            self.blocks
                .push(Block::element("h3", vec![Block::Text(header.join(" · "))]));
        }
        self.blocks.push(Block::element("div", text));
        self.count += 1;
    }
}

#[cfg(test)]
mod tests {
    use crate::{extract, Options};

    const POST: &str =
        "A reply long enough to read as one, with a sentence or two of its own words in it.";

    fn thread(kind: &str, item: &str) -> String {
        let post = |n: usize, who: &str| {
            format!(
                "<div itemscope itemtype='https://schema.org/{item}'><span itemprop=author itemscope><span itemprop=name>{who}</span></span>\
                 <time itemprop=datePublished datetime='2024-05-0{n}'></time><div itemprop=text><p>{POST} Post {n}.</p></div>\
                 <div class=votes>12 Likes</div></div>"
            )
        };
        format!(
            "<html><body><nav><a href=/>Home</a> <a href=/latest>Latest</a></nav><main itemscope itemtype='https://schema.org/{kind}'><h1>How do I start?</h1>{}{}{}</main>\
             <aside><h2>Similar topics</h2><p>Another thread entirely, with words of its own.</p></aside></body></html>",
            post(1, "Ann"),
            post(2, "Bo"),
            post(3, "Cy")
        )
    }

    #[test]
    fn a_thread_reads_as_its_posts_under_author_and_date() {
        let page = thread("DiscussionForumPosting", "Comment");
        let article = extract(
            &page,
            Some("https://forum.example/t/1"),
            &Options::default(),
        )
        .unwrap();
        let text = &article.text;
        // The opening post's author is the page's byline (the view's header says it); each
        // reply is under its own.
        assert_eq!(article.byline.as_deref(), Some("Ann"));

        for (n, who) in [(2, "Bo"), (3, "Cy")] {
            assert!(text.contains(&format!("{who} · 2024-05-0{n}")), "{text}");
        }
        for n in 1..=3 {
            assert!(text.contains(&format!("Post {n}.")), "{text}");
        }
        assert!(
            !text.contains("12 Likes") && !text.contains("Similar topics"),
            "{text}"
        );
    }

    #[test]
    fn a_thread_is_as_old_as_its_first_post() {
        // The posts' dates only in their markup, which nothing else reads as the page's.
        let page = thread("DiscussionForumPosting", "Comment")
            .replace(
                "<time itemprop=datePublished datetime=",
                "<meta itemprop=datePublished content=",
            )
            .replace("></time>", ">");
        let article = extract(
            &page,
            Some("https://forum.example/t/1"),
            &Options::default(),
        )
        .unwrap();
        assert!(article.text.contains("Bo · 2024-05-02"), "{}", article.text);
        assert_eq!(article.published_time.as_deref(), Some("2024-05-01"));
    }

    #[test]
    fn a_thread_is_not_dated_by_its_last_reply() {
        // The line under the title shows the thread's latest activity, not its start.
        let page = thread("DiscussionForumPosting", "Comment").replace(
            "<h1>How do I start?</h1>",
            "<h1>How do I start?</h1><div class=thread-info>Last reply \
             <time datetime='2024-06-30'>June 30, 2024</time></div>",
        );
        let article = extract(
            &page,
            Some("https://forum.example/t/1"),
            &Options::default(),
        )
        .unwrap();
        assert_eq!(article.published_time.as_deref(), Some("2024-05-01"));
    }

    #[test]
    fn an_faq_is_not_a_thread() {
        let page = thread("FAQPage", "Question");
        let article = extract(
            &page,
            Some("https://shop.example/help"),
            &Options::default(),
        )
        .unwrap();
        assert!(
            !article.text.contains("Ann · 2024-05-01"),
            "{}",
            article.text
        );
    }
}
