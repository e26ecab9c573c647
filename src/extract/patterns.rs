//! The class/id patterns, tag and role lists the extractor uses, in one place (what furniture
//! says in words is in `phrases.rs`).
//!
//! Readability.js writes these as case-insensitive regular expressions; they are plain
//! substring alternations, so they are matched here as lowercase substrings (no regex engine
//! in the wasm binary). Lists that Readability anchors to whole words are matched per token.

/// Elements that hold the site's own parts, not a page's items or text: navigation, header,
/// footer, asides, menus, forms and dialogs. The listing stage looks for cards outside them;
/// the main-region stage leaves them out of the region.
pub const SITE_PART_TAGS: &[&str] = &[
    "nav", "header", "footer", "aside", "menu", "select", "form", "dialog",
];
/// ARIA roles of the same parts.
pub const SITE_PART_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "menu",
    "menubar",
    "tablist",
    "search",
];

/// Class/id substrings of page furniture: removed before scoring while `STRIP_UNLIKELYS` holds.
pub const UNLIKELY_CANDIDATES: &[&str] = &[
    "-ad-",
    "ai2html",
    "banner",
    "breadcrumbs",
    "combx",
    "comment",
    "community",
    "cover-wrap",
    "disqus",
    "extra",
    "footer",
    "gdpr",
    "header",
    "legends",
    "menu",
    "related",
    "remark",
    "replies",
    "rss",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "social",
    "sponsor",
    "supplemental",
    "ad-break",
    "agegate",
    "pagination",
    "pager",
    "popup",
    "yom-remote",
];

/// Substrings that rescue an unlikely-looking element.
pub const MAYBE_CANDIDATE: &[&str] = &[
    "and", "article", "body", "column", "content", "main", "shadow",
];

/// Class/id substrings that raise a node's weight by 25.
pub const POSITIVE: &[&str] = &[
    "article",
    "body",
    "content",
    "entry",
    "hentry",
    "h-entry",
    "main",
    "page",
    "pagination",
    "post",
    "text",
    "blog",
    "story",
];

/// Class/id substrings that lower a node's weight by 25.
pub const NEGATIVE: &[&str] = &[
    "-ad-",
    "banner",
    "combx",
    "comment",
    "com-",
    "contact",
    "footer",
    "gdpr",
    "masthead",
    "media",
    "meta",
    "outbrain",
    "promo",
    "related",
    "scroll",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "shopping",
    "tags",
    "widget",
];

/// Whole class/id tokens that lower the weight (Readability's `^hid$`-style anchors).
pub const NEGATIVE_TOKENS: &[&str] = &["hid"];

/// Class/id substrings of share bars, removed from the article's direct children.
pub const SHARE_ELEMENTS: &[&str] = &["share", "sharedaddy"];

/// Class, id, `aria-label` or `itemtype` substrings of a breadcrumb trail.
pub const BREADCRUMB_MARKERS: &[&str] = &["breadcrumb", "crumbs"];

/// Class/id tokens of an "about the author" box.
pub const AUTHOR_BOX_TOKENS: &[&str] = &[
    "author-bio",
    "authorbio",
    "about-author",
    "about-the-author",
    "author-box",
    "authorbox",
    "author-info",
    "author-card",
    "author-details",
    "author-profile",
    "bio-box",
    "post-author",
    "entry-author",
];

/// Class/id tokens of a list of tags.
pub const TAG_LIST_TOKENS: &[&str] = &[
    "tags",
    "tag-list",
    "taglist",
    "tagcloud",
    "tag-cloud",
    "post-tags",
    "entry-tags",
    "article-tags",
    "story-tags",
    "tag-links",
    "tags-list",
    "keywords",
];

/// Class/id substrings, at a word's start, of what a product page's buyers say of it: its
/// reviews and their ratings. Readers come for the product; the reviews are the shop's widget
/// around it (`product::remove_reviews`). English, as the other class lists here: what developers
/// name their classes in, not what a page says to its readers.
pub const REVIEW_MARKERS: &[&str] = &["review"];

/// Class/id/rel/itemprop substrings of a byline.
pub const BYLINE: &[&str] = &["byline", "author", "dateline", "writtenby", "p-author"];

/// ARIA roles that are never the article.
pub const UNLIKELY_ROLES: &[&str] = &[
    "menu",
    "menubar",
    "complementary",
    "navigation",
    "alert",
    "alertdialog",
    "dialog",
];

/// Tags whose text is scored as a paragraph.
pub const TAGS_TO_SCORE: &[&str] = &["section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre"];

/// Elements that make a `<div>` more than a paragraph wrapper.
pub const DIV_TO_P_ELEMS: &[&str] = &[
    "blockquote",
    "dl",
    "div",
    "img",
    "ol",
    "p",
    "pre",
    "table",
    "ul",
    "figure",
    "section",
    "header",
    "footer",
    "article",
    "aside",
    "nav",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
];

/// Class and id words of the regions that hold other people's posts and other stories
/// (comments, related stories, sidebars, widgets, teasers, most-read lists): a date or an author
/// found there is not the page's own.
pub const OTHER_CONTENT_MARKERS: &[&str] = &[
    "comment", "related", "sidebar", "widget", "teaser", "recent", "popular",
];

/// Elements that may sit inside a `<p>` (HTML's phrasing content).
pub const PHRASING_ELEMS: &[&str] = &[
    "abbr", "audio", "b", "bdo", "br", "button", "cite", "code", "data", "datalist", "dfn", "em",
    "embed", "i", "img", "input", "kbd", "label", "mark", "math", "meter", "noscript", "object",
    "output", "progress", "q", "ruby", "samp", "script", "select", "small", "span", "strong",
    "sub", "sup", "textarea", "time", "var", "wbr", "a", "del", "ins", "s", "u",
];

/// Elements that are removed even when empty text would otherwise keep them.
pub const ALTER_TO_DIV_EXCEPTIONS: &[&str] = &["div", "article", "section", "p", "ol", "ul"];

/// Hosts of video embeds that are kept as links rather than dropped silently.
pub const VIDEO_HOSTS: &[&str] = &[
    "youtube.com",
    "youtube-nocookie.com",
    "youtu.be",
    "player.vimeo.com",
    "vimeo.com",
    "dailymotion.com",
    "twitch.tv",
    "archive.org",
    "upload.wikimedia.org",
    "player.bilibili.com",
    "v.qq.com",
];

/// Separators between a page title and its site name.
pub const TITLE_SEPARATORS: &[char] = &['|', '-', '–', '—', '\\', '/', '>', '»'];

/// Commas in Latin, Chinese/Japanese and Arabic scripts, counted when scoring a paragraph.
pub const COMMAS: &[char] = &[',', '，', '、', '،', '﹐', '︐', '︑', '⸴', '⸲', '﹑'];

/// True when the lowercase `haystack` contains any of `needles`.
///
/// One pass over the haystack, a needle tried only where its first byte stands: lists of
/// thirty words are asked of class names and short lines some 2.4 M times over the 130
/// Readability pages, and a search per needle (`str::contains`, then `memchr` per needle) was
/// most of their cost in wasm (a CPU profile in Chromium: memchr's iterator 7% of the core's
/// time).
pub fn contains_any(haystack: &str, needles: &[&str]) -> bool {
    matches_any(haystack, needles, |_, _| true)
}

/// True when `haystack` holds one of `phrases` as whole words: a phrase that starts or ends with
/// a letter of a cased script must not run on into more letters ("rate this" is not in
/// "corroborate this"); CJK phrases, written without spaces, match anywhere.
pub fn contains_phrase(haystack: &str, phrases: &[&str]) -> bool {
    let needs_boundary = |c: char| c.is_alphanumeric() && (c as u32) < 0x2E80;
    matches_any(haystack, phrases, |at, phrase| {
        let (Some(first), Some(last)) = (phrase.chars().next(), phrase.chars().last()) else {
            return true;
        };
        // `at` is where a phrase's first byte matched: a character boundary (a UTF-8 lead byte
        // never stands inside a character).
        let before = haystack[..at].chars().next_back();
        let after = haystack[at + phrase.len()..].chars().next();
        let runs_on_before = needs_boundary(first) && before.is_some_and(char::is_alphanumeric);
        let runs_on_after = needs_boundary(last) && after.is_some_and(char::is_alphanumeric);
        !runs_on_before && !runs_on_after
    })
}

/// True when one of `markers` (lowercase) stands in the class or id `names` at a word's start,
/// in any case: at the start, after anything but a letter (`user_reviews`, `home-review-card`),
/// or as a capital after a small letter (`customerReviews`); not inside a word
/// (`bundle_contents_preview`).
pub fn starts_a_word(names: &str, markers: &[&str]) -> bool {
    // ASCII lowercasing keeps every byte where it was, so `at` indexes both.
    let bytes = names.as_bytes();
    matches_any(&names.to_ascii_lowercase(), markers, |at, _| {
        at == 0
            || !bytes[at - 1].is_ascii_alphabetic()
            || (bytes[at].is_ascii_uppercase() && bytes[at - 1].is_ascii_lowercase())
    })
}

/// Whether a needle occurs in `haystack` at a place `accept` takes (given the byte offset and
/// the needle); an empty needle matches at once.
fn matches_any(haystack: &str, needles: &[&str], accept: impl Fn(usize, &str) -> bool) -> bool {
    let mut first_bytes = [false; 256];
    for needle in needles {
        match needle.as_bytes().first() {
            Some(&byte) => first_bytes[usize::from(byte)] = true,
            None => return true,
        }
    }
    let bytes = haystack.as_bytes();
    (0..bytes.len()).any(|at| {
        first_bytes[usize::from(bytes[at])]
            && needles
                .iter()
                .any(|n| bytes[at..].starts_with(n.as_bytes()) && accept(at, n))
    })
}

/// True when any whitespace-separated token of `haystack` equals one of `tokens`.
pub fn has_token(haystack: &str, tokens: &[&str]) -> bool {
    haystack.split_whitespace().any(|t| tokens.contains(&t))
}

#[cfg(test)]
mod tests {
    use super::starts_a_word;

    #[test]
    fn reviews_are_named_at_a_words_start() {
        for names in [
            "user_reviews",
            "reviewsHeader",
            "home-review-card",
            "Review",
            "customerReviews",
        ] {
            assert!(starts_a_word(names, &["review"]), "{names}");
        }
        assert!(!starts_a_word("bundle_contents_preview", &["review"]));
        assert!(!starts_a_word("bundlePreview", &["review"]));
    }
}
