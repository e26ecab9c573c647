//! Stage 8, for a discussion: a page that says it is one (schema.org `DiscussionForumPosting` or
//! `QAPage`, in its JSON-LD or microdata; an FAQ is not) and marks up its posts as schema.org
//! items (`DiscussionForumPosting`, `Comment`, `Question`, `Answer`, with `itemprop="text"`) is
//! shown as those posts, in order, each under its author and date. Structural: the page's own
//! markup of its posts, whatever its software or language. A discussion that marks up no posts
//! is read from its repeated boxes (`repeated_posts`): the box around the text the scorer found
//! that repeats beside it, by tag and class or numbered id, each box shown as its own text.
//! Measured on wcxb-dev's forum pages (`tests/corpus.rs`), the held-out fold beside the others:
//! the repeated boxes took the development folds' forums from 0.7732 to 0.7906 (five threads
//! gain 0.19-0.46; one loses 0.13, whose reference stops after three posts), the held-out fold
//! and the other corpora unchanged.

use super::build::Builder;
use super::kind::item_type;
use crate::article::Block;
use crate::dom::{collapse_whitespace, Dom, NodeId};

const POST_TYPES: &[&str] = &["DiscussionForumPosting", "Comment", "Question", "Answer"];
/// A thread is at least a question and an answer.
const MIN_POSTS: usize = 2;
/// An author's name or a date longer than this is not one.
const MAX_LINE_CHARS: usize = 100;

fn has_itemprop(dom: &Dom, node: NodeId, names: &[&str]) -> bool {
    dom.attr(node, "itemprop")
        .is_some_and(|props| props.split_whitespace().any(|p| names.contains(&p)))
}

/// The posts under `body`, as the model: each an `h3` of author and date, its text, and a rule
/// between them; `None` when the page marks up fewer than two.
pub fn posts(builder: &Builder, body: NodeId) -> Option<Vec<Block>> {
    let dom = builder.dom;
    let mut bodies: Vec<NodeId> = Vec::new();
    let mut blocks = Vec::new();
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
            .and_then(|&n| {
                let shown = dom.inner_text(n);
                if shown.is_empty() {
                    let value = dom.attr(n, "content").or_else(|| dom.attr(n, "datetime"))?;
                    super::date_text::date_in(value)
                } else {
                    Some(shown)
                }
            });
        let header: Vec<String> = [author, date]
            .into_iter()
            .flatten()
            .filter(|s| !s.is_empty() && s.chars().count() <= MAX_LINE_CHARS)
            .collect();
        if !blocks.is_empty() {
            blocks.push(Block::element("hr", Vec::new()));
        }
        if !header.is_empty() {
            blocks.push(Block::element("h3", vec![Block::Text(header.join(" · "))]));
        }
        blocks.push(Block::element("div", builder.build(text)));
    }
    (bodies.len() >= MIN_POSTS).then_some(blocks)
}

/// How far above the text found a post's own box is looked for.
const MAX_POST_DEPTH: usize = 8;
/// The most sibling posts read: a page of thousands is shown as its first.
const MAX_POSTS: usize = 500;
/// A poster's name longer than this (characters) is a link of another kind.
const MAX_NAME_CHARS: usize = 40;

/// A discussion that marks up no posts, read from its repeated boxes: the box around the first
/// of `found` (the story the scorer chose, by the page's ids) that has siblings of the same tag
/// and class, each shown as its part in the same place as that in its own box (its text, without the
/// author's card and the buttons around it). `None` when no box around it repeats, or when the
/// story found is the run of boxes already.
pub fn repeated_posts(builder: &Builder, body: NodeId, found: &[NodeId]) -> Option<Vec<Block>> {
    let dom = builder.dom;
    let same = |a: NodeId, b: NodeId| looks_the_same(dom, a, b);
    // From the text found up: the path (as child positions among same-looking siblings) taken
    // down from each box to it.
    let mut path: Vec<NodeId> = Vec::new();
    let mut post = *found.first()?;
    for _ in 0..MAX_POST_DEPTH {
        let Some(parent) = dom.parent(post).filter(|&p| p != body) else {
            break;
        };
        let run: Vec<NodeId> = dom
            .children(parent)
            .iter()
            .copied()
            .filter(|&c| dom.is_element(c) && same(c, post))
            .take(MAX_POSTS)
            .collect();
        // A box with a class of its own, repeated: the posts. Paragraphs and plain wrappers
        // repeat inside any story.
        // Boxes the story found holds already are shown as it found them.
        let shown = path.is_empty() && run.iter().all(|box_| found.contains(box_));
        if run.len() >= MIN_POSTS && signature(dom, post).is_some() && !shown {
            let mut blocks = Vec::new();
            let mut posts = 0;
            for &sibling in &run {
                let Some(part) = follow(dom, sibling, &path) else {
                    continue;
                };
                let built = builder.build(part);
                if built.is_empty() {
                    continue;
                }
                if !blocks.is_empty() {
                    blocks.push(Block::element("hr", Vec::new()));
                }
                if let Some(header) = box_header(dom, sibling, part) {
                    blocks.push(Block::element("h3", vec![Block::Text(header)]));
                }
                blocks.push(Block::element("div", built));
                posts += 1;
            }
            if posts >= MIN_POSTS {
                return Some(blocks);
            }
        }
        path.push(post);
        post = parent;
    }
    same_texts(builder, body, found[0])
}

/// How far below the text found its own box (one with a class or numbered id) is looked for.
const MAX_TEXT_BOX_DEPTH: usize = 3;

/// A thread whose question and answers stand in boxes of different make (the question's box
/// apart, the answers in a list of their own) still gives each post's text the same box: every
/// box on the page that looks like the one around `found` (the scorer's choice, by the page's
/// ids), or the one inside it holding its text, in order, each shown once. `None` when no such
/// box is found twice.
fn same_texts(builder: &Builder, body: NodeId, found: NodeId) -> Option<Vec<Block>> {
    let dom = builder.dom;
    // The boxes to try: the one found, then those inside it that hold most of its text. Not
    // those around it: a page's layout repeats its boxes too.
    let mut tries = vec![found];
    let mut inner = found;
    for _ in 0..MAX_TEXT_BOX_DEPTH {
        let whole = dom.text_len(inner);
        let Some(&most) = dom
            .children(inner)
            .iter()
            .filter(|&&c| dom.is_element(c))
            .max_by_key(|&&c| dom.text_len(c))
        else {
            break;
        };
        if dom.text_len(most) * 5 < whole * 4 {
            break;
        }
        tries.push(most);
        inner = most;
    }
    tries
        .into_iter()
        .filter(|&text_box| signature(dom, text_box).is_some())
        .find_map(|text_box| posts_like(builder, body, text_box))
}

/// Every box under `body` that looks like `text_box`, in document order and not inside another,
/// as posts; `None` when fewer than two show text.
fn posts_like(builder: &Builder, body: NodeId, text_box: NodeId) -> Option<Vec<Block>> {
    let dom = builder.dom;
    let mut boxes = Vec::new();
    let mut stack = vec![body];
    while let Some(node) = stack.pop() {
        if node != body && looks_the_same(dom, node, text_box) {
            boxes.push(node);
            if boxes.len() == MAX_POSTS {
                break;
            }
            continue;
        }
        stack.extend(
            dom.children(node)
                .iter()
                .rev()
                .filter(|&&c| dom.is_element(c)),
        );
    }
    if boxes.len() < MIN_POSTS {
        return None;
    }
    let mut blocks = Vec::new();
    let mut posts = 0;
    for node in boxes {
        let built = builder.build(node);
        if built.is_empty() {
            continue;
        }
        if !blocks.is_empty() {
            blocks.push(Block::element("hr", Vec::new()));
        }
        blocks.push(Block::element("div", built));
        posts += 1;
    }
    (posts >= MIN_POSTS).then_some(blocks)
}

/// A post box's author and date, as a header: the first link before its text `part` that reads
/// as a name (a profile's link on the user card), and the first `<time>` outside its text.
fn box_header(dom: &Dom, post: NodeId, part: NodeId) -> Option<String> {
    let mut author = None;
    let mut date = None;
    let mut before_text = true;
    let mut stack = vec![post];
    while let Some(node) = stack.pop() {
        if node == part {
            before_text = false;
            continue;
        }
        if before_text
            && author.is_none()
            && dom.is_tag(node, "a")
            && dom.attr(node, "href").is_some()
        {
            let name = dom.inner_text(node);
            let chars = name.chars().count();
            if (2..=MAX_NAME_CHARS).contains(&chars) && name.chars().any(char::is_alphabetic) {
                author = Some(name);
            }
        }
        if date.is_none() && dom.is_tag(node, "time") {
            let shown = dom.inner_text(node);
            date = if shown.is_empty() {
                dom.attr(node, "datetime")
                    .and_then(super::date_text::date_in)
            } else {
                Some(shown)
            }
            .filter(|d| d.chars().count() <= MAX_LINE_CHARS);
        }
        if author.is_some() && date.is_some() {
            break;
        }
        stack.extend(
            dom.children(node)
                .iter()
                .rev()
                .filter(|&&c| dom.is_element(c)),
        );
    }
    let header: Vec<String> = [author, date].into_iter().flatten().collect();
    (!header.is_empty()).then(|| header.join(" · "))
}

/// What makes a box one of a run: its class, else the letters its numbered id begins with
/// (`post1041`, `post1042`); `None` for a box with neither.
fn signature(dom: &Dom, node: NodeId) -> Option<&str> {
    if let Some(class) = dom
        .attr(node, "class")
        .map(str::trim)
        .filter(|c| !c.is_empty())
    {
        return Some(class);
    }
    let id = dom.attr(node, "id")?;
    let prefix = id.trim_end_matches(|c: char| c.is_ascii_digit() || c == '_' || c == '-');
    (prefix.len() < id.len() && !prefix.is_empty()).then_some(prefix)
}

/// Two boxes of the same tag and signature (two without either look the same too: the path
/// down a post passes through plain wrappers).
fn looks_the_same(dom: &Dom, a: NodeId, b: NodeId) -> bool {
    dom.tag(a) == dom.tag(b) && signature(dom, a) == signature(dom, b)
}

/// Down from `post` along `path` (the found post's boxes from the text found up, the post's own
/// child last): at each step the first child that looks the same. `None` where a step is
/// missing: a box that only looks like the post's (its footer, a row of buttons) holds no
/// text in the same place.
fn follow(dom: &Dom, post: NodeId, path: &[NodeId]) -> Option<NodeId> {
    let mut at = post;
    for &step in path.iter().rev() {
        at = dom
            .children(at)
            .iter()
            .copied()
            .find(|&c| dom.is_element(c) && looks_the_same(dom, c, step))?;
    }
    Some(at)
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

    /// A thread that declares itself one in JSON-LD and marks up no post: each post is
    /// `open` (the box, given the post's number) around a user card, the text and a row of
    /// buttons, closed by `</div>`.
    fn unmarked_thread(open: &dyn Fn(usize) -> String) -> String {
        let posts: String = (1..=3)
            .map(|n| {
                let more = if n == 2 {
                    format!("<p>{POST} {POST} A second paragraph, with a comma, and another.</p>")
                        .repeat(6)
                } else {
                    String::new()
                };
                format!(
                    "{}<div class=card><a href=/u/{n}>Member {n}</a><span>1,204 posts</span>\
                     <time datetime='2024-05-0{n}T10:00'>May {n}, 2024</time></div>\
                     <div class=body><div class=text><p>{POST} Post {n}.</p>{more}</div></div>\
                     <div class=buttons><a href=#r>Quote</a> <a href=#l>Like</a></div></div>",
                    open(n)
                )
            })
            .collect();
        format!(
            "<html><head><script type='application/ld+json'>{{\"@type\":\"DiscussionForumPosting\",\"headline\":\"How do I start?\"}}</script></head>\
             <body><nav><a href=/>Home</a> <a href=/latest>Latest</a></nav><main><h1>How do I start?</h1>\
             <div class=feed>{posts}</div></main><aside><h2>Similar topics</h2><p>Another thread entirely, with words of its own.</p></aside></body></html>"
        )
    }

    fn read(page: &str) -> crate::Article {
        extract(page, Some("https://forum.example/t/1"), &Options::default()).unwrap()
    }

    #[test]
    fn a_thread_without_marked_posts_reads_as_its_repeated_boxes() {
        let by_class = |_: usize| "<div class='post box'>".to_string();
        let by_numbered_id = |n: usize| format!("<div id=edit{n}0421>");
        for open in [&by_class as &dyn Fn(usize) -> String, &by_numbered_id] {
            let article = read(&unmarked_thread(open));
            assert_eq!(article.kind, crate::extract::PageKind::Thread);
            let text = article.text;
            for n in 1..=3 {
                assert!(text.contains(&format!("Post {n}.")), "{text}");
                // Each post under its author and date, from its user card.
                assert!(
                    text.contains(&format!("Member {n} · May {n}, 2024")),
                    "{text}"
                );
            }
            for furniture in ["Quote", "1,204 posts", "Similar topics"] {
                assert!(!text.contains(furniture), "{furniture}: {text}");
            }
        }
    }

    #[test]
    fn boxes_that_do_not_repeat_are_no_thread() {
        // Each box has a class of its own, and the text's box none: the story stands as the
        // scorer found it.
        let page = unmarked_thread(&|n| format!("<div class=post{n}>"))
            .replace("<div class=body><div class=text>", "<div><div>");
        let article = read(&page);
        assert_ne!(article.kind, crate::extract::PageKind::Thread);
        assert!(
            article.text.contains("A second paragraph"),
            "{}",
            article.text
        );
    }

    #[test]
    fn a_question_apart_from_its_answers_reads_with_them() {
        // The question in a box of its own; the answers in a list, each text in the same
        // class of box as the question's.
        let long = format!("<p>{POST} The question, at length.</p>").repeat(6);
        let answers: String = (1..=3)
            .map(|n| {
                format!(
                    "<li class=answer><a href=/u/{n}>Member {n}</a>\
                     <div class='user-text'><p>{POST} Answer {n}.</p></div><a href=#r>Reply</a></li>"
                )
            })
            .collect();
        let page = format!(
            "<html><head><script type='application/ld+json'>{{\"@type\":\"QAPage\"}}</script></head>\
             <body><main><h1>How do I start?</h1><div class=question><a href=/u/0>Asker</a>\
             <div class='user-text'>{long}</div></div><ul class=answers>{answers}</ul></main></body></html>"
        );
        let article = read(&page);
        assert_eq!(article.kind, crate::extract::PageKind::Thread);
        assert!(
            article.text.contains("The question, at length."),
            "{}",
            article.text
        );
        for n in 1..=3 {
            assert!(
                article.text.contains(&format!("Answer {n}.")),
                "{}",
                article.text
            );
        }
        assert!(!article.text.contains("Reply"), "{}", article.text);
    }
}
