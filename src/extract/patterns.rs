//! Every word list and class/id pattern the extractor uses, in one place.
//!
//! Readability.js writes these as case-insensitive regular expressions; they are plain
//! substring alternations, so they are matched here as lowercase substrings (no regex engine
//! in the wasm binary). Lists that Readability anchors to whole words are matched per token.

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

/// Month names and abbreviations (English, Portuguese, Spanish, French, German), lowercase.
pub const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "janeiro",
    "fevereiro",
    "março",
    "abril",
    "maio",
    "junho",
    "julho",
    "agosto",
    "setembro",
    "outubro",
    "novembro",
    "dezembro",
    "enero",
    "febrero",
    "marzo",
    "mayo",
    "junio",
    "julio",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    "januar",
    "februar",
    "märz",
    "juni",
    "juli",
    "oktober",
    "dezember",
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

/// Whole texts of the labels ad slots leave inside articles (lowercase).
pub const AD_LABELS: &[&str] = &[
    "advertisement",
    "advertising",
    "sponsored",
    "continue reading below",
    "story continues below",
    "article continues below",
    "continue reading the main story",
    "scroll to continue with content",
    "publicidade",
    "publicidad",
    "anzeige",
    "werbung",
    "реклама",
    "广告",
];

/// How calls to action begin (lowercase): the site asking, not the story telling.
pub const CALL_TO_ACTION_PREFIXES: &[&str] = &[
    "sign up",
    "subscribe to",
    "subscribe now",
    "join our",
    "follow us",
    "follow @",
    "like us on",
    "download our",
    "download the",
    "get the free",
    "get our",
    "don't forget to",
    "never miss",
];

/// How teaser paragraphs pointing at other stories begin (lowercase).
pub const TEASER_PREFIXES: &[&str] = &[
    "read more",
    "read also",
    "also read",
    "related:",
    "related story",
    "related article",
    "see also",
    "more:",
    "recommended:",
    "watch:",
    "don't miss",
    "read next",
    "read the full",
    "click here to",
];

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
pub fn contains_any(haystack: &str, needles: &[&str]) -> bool {
    needles.iter().any(|needle| haystack.contains(needle))
}

/// True when any whitespace-separated token of `haystack` equals one of `tokens`.
pub fn has_token(haystack: &str, tokens: &[&str]) -> bool {
    haystack.split_whitespace().any(|t| tokens.contains(&t))
}
