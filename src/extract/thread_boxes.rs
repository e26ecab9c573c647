//! Stage 8, for a discussion that marks up no posts: its posts read from its repeated boxes. A
//! page that declares a discussion (`DiscussionForumPosting`, `QAPage`) but marks no post up as
//! an item (`thread`) showed its longest post alone: the scorer finds one post's text. The box
//! around that text which repeats beside it (the same tag and class, or the same letters before
//! a numbered id: `edit3759…`) is a post; each is shown as its own text, the part in the same
//! place as the text found (no user card, signature or row of buttons), under its author and
//! date. Where no box repeats (the question in a box of its own, the answers in a list), every
//! box on the page like the text's own, or the one inside it holding its text, is a post's.
//! Not on pages that declare no discussion: an article's comments are repeated boxes too.
//!
//! Measured on wcxb-dev's forum pages (`tests/corpus.rs`): the development folds' forums 0.7732
//! -> 0.7947 (six threads gain 0.19-0.48; one whose reference stops after three posts loses
//! 0.13), the held-out fold and the other corpora unchanged.

use super::build::Builder;
use super::score::is_probably_visible;
use super::thread::{date_of, Posts, MAX_LINE_CHARS, MIN_POSTS};
use crate::dom::{Dom, NodeId};

/// How far above the text found a post's own box is looked for.
const MAX_POST_DEPTH: usize = 8;
/// A box holding more than this many times the found text (and `BOX_SLACK_CHARS` more) is the
/// page's layout around the thread, not a post: two columns repeat as boxes do.
const MAX_BOX_TIMES: usize = 4;
const BOX_SLACK_CHARS: usize = 2000;
/// How far below the text found its own box (one with a class or numbered id) is looked for.
const MAX_TEXT_BOX_DEPTH: usize = 3;
/// The most posts read: a page of thousands is shown as its first.
const MAX_POSTS: usize = 500;
/// A poster's name longer than this (characters) is a link of another kind.
const MAX_NAME_CHARS: usize = 40;

/// The posts of a discussion that marks up none, read from its repeated boxes around the text
/// the scorer found (`found`, by the page's ids); `None` when no box repeats, or when the story
/// found is the run of boxes already.
pub fn repeated_posts(builder: &Builder, body: NodeId, found: &[NodeId]) -> Option<Posts> {
    let dom = builder.dom;
    // The found element with the most text: the post's text, not a heading or a line of meta;
    // the box around it where that is one of the post's paragraphs found.
    let longest = found.iter().copied().max_by_key(|&n| dom.text_len(n))?;
    let parent = dom.parent(longest).filter(|&p| p != body);
    let text = match parent {
        Some(p)
            if dom.is_tag(longest, "p")
                && found.iter().filter(|&&n| dom.parent(n) == Some(p)).count() > 1 =>
        {
            p
        }
        _ => longest,
    };
    let most_chars = dom.text_len(text) * MAX_BOX_TIMES + BOX_SLACK_CHARS;
    // From the text found up: each box passed on the way, with its place among the children of
    // its parent that look like it, so that a post's other boxes are followed the same way.
    let mut path: Vec<(NodeId, usize)> = Vec::new();
    let mut post = text;
    for _ in 0..MAX_POST_DEPTH {
        let Some(parent) = dom.parent(post).filter(|&p| p != body) else {
            break;
        };
        if dom.has_more_text_than(post, most_chars) {
            break;
        }
        let run: Vec<NodeId> = dom
            .children(parent)
            .iter()
            .copied()
            .filter(|&c| dom.is_element(c) && looks_the_same(dom, c, post))
            .take(MAX_POSTS)
            .collect();
        // A box with a class or a numbered id, repeated: the posts. Paragraphs and plain
        // wrappers repeat inside any story.
        if run.len() >= MIN_POSTS && signature(dom, post).is_some() {
            // Boxes the story found holds already are shown as it found them (counted from
            // the found side: the run may be long, and so may the story).
            let found_in_run = found
                .iter()
                .filter(|&&n| dom.parent(n) == Some(parent) && looks_the_same(dom, n, post))
                .count();
            if path.is_empty() && found_in_run >= run.len() {
                return None;
            }
            if let Some(posts) = boxes_as_posts(builder, &run, &path) {
                return Some(posts);
            }
        }
        // Counted over all the look-alike children, not only the run's first `MAX_POSTS`.
        let place = dom
            .children(parent)
            .iter()
            .take_while(|&&c| c != post)
            .filter(|&&c| dom.is_element(c) && looks_the_same(dom, c, post))
            .count();
        path.push((post, place));
        post = parent;
    }
    same_texts(builder, body, text)
}

/// Each box of `run` as a post: the part `path` leads to in it, under its author and date;
/// `None` when fewer than two boxes hold such a part, shown.
fn boxes_as_posts(builder: &Builder, run: &[NodeId], path: &[(NodeId, usize)]) -> Option<Posts> {
    let dom = builder.dom;
    let mut posts = Posts::default();
    for &post in run {
        let Some(part) = follow(dom, post, path) else {
            continue;
        };
        let built = builder.build(part);
        if built.is_empty() {
            continue;
        }
        let (author, date) = box_header(dom, post, part);
        posts.push(author, date, built);
    }
    (posts.count >= MIN_POSTS).then_some(posts)
}

/// Down from `post` along `path` (the found post's boxes from the text found up, each with its
/// place among the look-alike children of its parent): at each step the child in the same
/// place. `None` where a step is missing or hidden: a box that only looks like the post's (its
/// footer, a hidden template) holds no text shown in the same place.
fn follow(dom: &Dom, post: NodeId, path: &[(NodeId, usize)]) -> Option<NodeId> {
    if !is_probably_visible(dom, post) {
        return None;
    }
    let mut at = post;
    for &(step, place) in path.iter().rev() {
        at = dom
            .children(at)
            .iter()
            .copied()
            .filter(|&c| dom.is_element(c) && looks_the_same(dom, c, step))
            .nth(place)
            .filter(|&c| is_probably_visible(dom, c))?;
    }
    Some(at)
}

/// Where no box around the text repeats: every box on the page that looks like the text's own
/// (`text`, or one inside it holding most of its text), in order, each shown once. `None` when
/// no such box is found twice.
fn same_texts(builder: &Builder, body: NodeId, text: NodeId) -> Option<Posts> {
    let dom = builder.dom;
    // The boxes to try: the text's, then those inside it that hold most of its text. Not those
    // around it: a page's layout repeats its boxes too.
    let mut tries = vec![text];
    let mut inner = text;
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

/// Every shown box under `body` that looks like `text_box`, in document order and not inside
/// another, as posts; `None` when fewer than two hold text.
fn posts_like(builder: &Builder, body: NodeId, text_box: NodeId) -> Option<Posts> {
    let dom = builder.dom;
    let mut boxes = Vec::new();
    let mut stack = vec![body];
    while let Some(node) = stack.pop() {
        if node != body && !is_probably_visible(dom, node) {
            continue;
        }
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
    boxes_as_posts(builder, &boxes, &[])
}

/// A post box's author and date: the first link before its text `part` that reads as a name (a
/// profile's link on the user card; not a link within the page, such as the post's own number),
/// and the first `<time>` outside its text.
fn box_header(dom: &Dom, post: NodeId, part: NodeId) -> (Option<String>, Option<String>) {
    if post == part {
        return (None, None);
    }
    let mut author = None;
    let mut date = None;
    let mut before_text = true;
    let mut stack = vec![post];
    while let Some(node) = stack.pop() {
        if node == part {
            before_text = false;
            continue;
        }
        let short = || !dom.has_more_text_than(node, MAX_LINE_CHARS);
        if before_text
            && author.is_none()
            && dom.is_tag(node, "a")
            && dom
                .attr(node, "href")
                .is_some_and(|h| !h.trim_start().starts_with('#'))
            && short()
        {
            let name = dom.inner_text(node);
            let chars = name.chars().count();
            if (2..=MAX_NAME_CHARS).contains(&chars) && name.chars().any(char::is_alphabetic) {
                author = Some(name);
            }
        }
        if dom.is_tag(node, "time") {
            // A date's own words, not gone into again by a time inside it.
            if date.is_none() && short() {
                date = date_of(dom, node);
            }
            continue;
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
    (author, date)
}

/// What makes a box one of a run: the letters its numbered id begins with (`post1041`,
/// `post1042`), else its class; `None` for a box with neither. The id first: a thread's first
/// post, or a post the site highlights (a staff member's), carries a class more than the others
/// (wcxb-dev's development folds: one thread 0.83 -> 0.98 when its two highlighted posts joined
/// the run).
fn signature(dom: &Dom, node: NodeId) -> Option<&str> {
    let numbered = dom.attr(node, "id").and_then(|id| {
        let prefix = id.trim_end_matches(|c: char| c.is_ascii_digit() || c == '_' || c == '-');
        (prefix.len() < id.len() && !prefix.is_empty()).then_some(prefix)
    });
    numbered.or_else(|| {
        dom.attr(node, "class")
            .map(str::trim)
            .filter(|c| !c.is_empty())
    })
}

/// Two boxes of the same tag and signature (two without either look the same too: the path
/// down a post passes through plain wrappers, told apart by their places).
fn looks_the_same(dom: &Dom, a: NodeId, b: NodeId) -> bool {
    dom.tag(a) == dom.tag(b) && signature(dom, a) == signature(dom, b)
}

#[cfg(test)]
mod tests {
    use crate::extract::PageKind;
    use crate::{extract, Article, Options};

    const POST: &str =
        "A reply long enough to read as one, with a sentence or two of its own words in it.";

    /// A thread that declares itself one in JSON-LD and marks up no post: each post is
    /// `open` (the box, given the post's number) around `inside(n)`, closed by `</div>`.
    fn thread_of(open: &dyn Fn(usize) -> String, inside: &dyn Fn(usize) -> String) -> String {
        let posts: String = (1..=3)
            .map(|n| format!("{}{}</div>", open(n), inside(n)))
            .collect();
        format!(
            "<html><head><script type='application/ld+json'>{{\"@type\":\"DiscussionForumPosting\",\"headline\":\"How do I start?\"}}</script></head>\
             <body><nav><a href=/>Home</a> <a href=/latest>Latest</a></nav><main><h1>How do I start?</h1>\
             <div class=feed>{posts}</div></main><aside><h2>Similar topics</h2><p>Another thread entirely, with words of its own.</p></aside></body></html>"
        )
    }

    /// A post's text: the second one the longest (the scorer finds it), the others shorter.
    fn text_of(n: usize) -> String {
        let paragraph =
            format!("<p>{POST} {POST} A second paragraph, with a comma, and another.</p>");
        let more = paragraph.repeat(match n {
            2 => 6,
            1 => 4,
            _ => 0,
        });
        format!("<p>{POST} Post {n}.</p>{more}")
    }

    /// A user card, the text's box, a row of buttons.
    fn card_text_buttons(n: usize) -> String {
        format!(
            "<div class=card><a href=#p{n}>Permalink</a> <a href=/u/{n}>Member {n}</a><span>1,204 posts</span>\
             <time datetime='2024-05-0{n}T10:00'>May {n}, 2024</time></div>\
             <div class=body><div class=text>{}</div></div>\
             <div class=buttons><a href=#r>Quote</a> <a href=#l>Like</a></div>",
            text_of(n)
        )
    }

    fn read(page: &str) -> Article {
        extract(page, Some("https://forum.example/t/1"), &Options::default()).unwrap()
    }

    #[test]
    fn a_thread_without_marked_posts_reads_as_its_repeated_boxes() {
        let by_class = |_: usize| "<div class='post box'>".to_string();
        // Numbered ids, one post highlighted by a class of its own.
        let by_numbered_id = |n: usize| {
            let class = if n == 3 { "post staff" } else { "post" };
            format!("<div id=edit{n}0421 class='{class}'>")
        };
        for open in [&by_class as &dyn Fn(usize) -> String, &by_numbered_id] {
            let article = read(&thread_of(open, &card_text_buttons));
            assert_eq!(article.kind, PageKind::Thread);
            // The thread is signed by its first post's author.
            assert_eq!(article.byline.as_deref(), Some("Member 1"));
            let text = article.text;
            for n in 1..=3 {
                assert!(text.contains(&format!("Post {n}.")), "{text}");
                // Each post under its author and date, from its user card (not its number).
                assert!(
                    text.contains(&format!("Member {n} · May {n}, 2024")),
                    "{text}"
                );
            }
            for furniture in ["Quote", "1,204 posts", "Similar topics", "Permalink"] {
                assert!(!text.contains(furniture), "{furniture}: {text}");
            }
        }
    }

    #[test]
    fn a_posts_plain_wrappers_are_followed_by_their_place() {
        // The card and the text in two plain boxes: each post's text is its second, as the
        // text found (post 2's) is its post's second.
        let posts: String = (1..=3)
            .map(|n| {
                format!(
                    "<div class=post><div><a href=/u/{n}>Member {n}</a> <span>Joined 2019</span></div>\
                     <div><p>{POST} Post {n}.</p></div></div>"
                )
            })
            .collect();
        let dom = crate::parse::document(&format!("<body><div class=feed>{posts}</div></body>"));
        let body = dom.body().unwrap();
        let found = dom
            .find_all(body, &["div"])
            .into_iter()
            .rfind(|&d| {
                dom.text_content(d).starts_with("A reply")
                    && dom.text_content(d).contains("Post 2.")
            })
            .unwrap();
        let builder = super::Builder {
            dom: &dom,
            base: None,
            max_depth: 64,
        };
        let posts = super::repeated_posts(&builder, body, &[found]).unwrap();
        let text = crate::text::to_text(&posts.blocks);
        for n in 1..=3 {
            assert!(text.contains(&format!("Member {n}\n")), "{text}");
            assert!(text.contains(&format!("Post {n}.")), "{text}");
        }
        assert!(!text.contains("Joined 2019"), "{text}");
    }

    #[test]
    fn a_hidden_box_is_no_post() {
        let open = |n: usize| {
            if n == 3 {
                "<div class=post style='display:none'>".to_string()
            } else {
                "<div class=post>".to_string()
            }
        };
        let article = read(&thread_of(&open, &card_text_buttons));
        assert_eq!(article.kind, PageKind::Thread);
        assert!(article.text.contains("Post 1."), "{}", article.text);
        assert!(!article.text.contains("Post 3."), "{}", article.text);
    }

    #[test]
    fn boxes_that_do_not_repeat_are_no_thread() {
        // Each box has a class of its own, and the text's box none: the story stands as the
        // scorer found it.
        let inside = |n: usize| format!("<div><div>{}</div></div>", text_of(n));
        let article = read(&thread_of(&|n| format!("<div class=post{n}>"), &inside));
        assert_ne!(article.kind, PageKind::Thread);
        assert!(
            article.text.contains("A second paragraph"),
            "{}",
            article.text
        );
    }

    #[test]
    fn a_run_the_story_found_whole_is_not_read_again() {
        let posts: String = (1..=3)
            .map(|n| {
                format!(
                    "<div class=post><a href=/u/{n}>Member {n}</a><p>{POST} Post {n}.</p></div>"
                )
            })
            .collect();
        let dom = crate::parse::document(&format!("<body><div class=feed>{posts}</div></body>"));
        let body = dom.body().unwrap();
        let boxes = dom.find_all(body, &["div"])[1..].to_vec();
        let builder = super::Builder {
            dom: &dom,
            base: None,
            max_depth: 64,
        };
        assert!(super::repeated_posts(&builder, body, &boxes).is_none());
        // One of them found, the run is read.
        assert!(super::repeated_posts(&builder, body, &boxes[1..2]).is_some());
    }

    #[test]
    fn boxes_saying_little_more_than_the_story_leave_it_as_found() {
        // Post 2 holds nearly all the thread's words: the boxes say under 1.6 times as much.
        let inside = |n: usize| {
            let text = if n == 2 {
                text_of(2).repeat(3)
            } else {
                format!("<p>{POST} Post {n}.</p>")
            };
            format!("<div class=card><a href=/u/{n}>Member {n}</a></div><div class=body><div class=text>{text}</div></div>")
        };
        let article = read(&thread_of(&|_| "<div class=post>".to_string(), &inside));
        assert_ne!(article.kind, PageKind::Thread);
    }

    #[test]
    fn a_story_found_as_the_run_of_boxes_stands() {
        // Short posts: the scorer takes the whole run, which is shown as it found it.
        let inside = |n: usize| format!("<p class=line>{POST} Post {n}.</p>");
        let article = read(&thread_of(&|_| "<div class=post>".to_string(), &inside));
        assert_ne!(article.kind, PageKind::Thread);
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
                     <div class='user-text'><p>{POST} Answer {n}.</p><p>{POST} {POST}</p></div><a href=#r>Reply</a></li>"
                )
            })
            .collect();
        let page = format!(
            "<html><head><script type='application/ld+json'>{{\"@type\":\"QAPage\"}}</script></head>\
             <body><main><h1>How do I start?</h1><div class=question><a href=/u/0>Asker</a>\
             <div class='user-text'>{long}</div></div><ul class=answers>{answers}</ul></main></body></html>"
        );
        let article = read(&page);
        assert_eq!(article.kind, PageKind::Thread);
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
