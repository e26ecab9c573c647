//! Every word list and class/id pattern the extractor uses, in one place.
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

/// Whole texts of the labels ad slots leave inside articles (lowercase): "advertisement",
/// "sponsored", "story continues below" in English, Portuguese, Spanish, German, French, Polish,
/// Russian, Chinese, Japanese, Arabic, Italian and Dutch.
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
    "patrocinado",
    "continúa después de la publicidad",
    "anzeige",
    "werbung",
    "gesponsert",
    "weiter nach der anzeige",
    "artikel wird nach der anzeige fortgesetzt",
    "publicité",
    "sponsorisé",
    "la suite après la publicité",
    "la suite après cette publicité",
    "reklama",
    "ogłoszenie",
    "sponsorowane",
    "artykuł sponsorowany",
    "materiał sponsorowany",
    "реклама",
    "спонсорский материал",
    "广告",
    "廣告",
    "赞助内容",
    "贊助內容",
    "広告",
    "スポンサーリンク",
    "إعلان",
    "اعلان",
    "محتوى ممول",
    "pubblicità",
    "advertentie",
];

/// How calls to action begin (lowercase): the site asking, not the story telling. "Sign up",
/// "subscribe", "join", "follow us", "download our app", "don't forget to", "never miss" in
/// English, German, Spanish, French, Polish, Russian, Chinese, Japanese, Arabic, Portuguese,
/// Italian and Dutch. Matched at the start of the text: imperatives addressed to the reader, not
/// the verbs alone (Arabic "اشترك في" is also "took part in", Chinese "订阅" also "subscriptions").
/// How long an article takes to read, lowercase, in the corpora's languages (and Italian,
/// Portuguese, Dutch): "5 min read", "Lesezeit", "tiempo de lectura".
pub const READING_TIME_PHRASES: &[&str] = &[
    "min read",
    "minute read",
    "minutes read",
    "reading time",
    "lesezeit",
    "lesedauer",
    "tiempo de lectura",
    "minutos de lectura",
    "temps de lecture",
    "min de lecture",
    "minutes de lecture",
    "czas czytania",
    "przeczytasz w",
    "время чтения",
    "мин чтения",
    "минут чтения",
    "阅读时间",
    "閱讀時間",
    "読了時間",
    "分で読めます",
    "وقت القراءة",
    "دقائق قراءة",
    "tempo di lettura",
    "tempo de leitura",
    "leestijd",
];

/// Buttons set as lines of their own: loading more, rating the article, lowercase, in the
/// corpora's languages. Matched anywhere in a line of at most 60 characters.
pub const WIDGET_PHRASES: &[&str] = &[
    "load more",
    "show more",
    "rate this",
    "weitere inhalte",
    "mehr laden",
    "artikel bewerten",
    "bewerten sie",
    "cargar más",
    "valora este",
    "charger plus",
    "notez cet",
    "załaduj więcej",
    "oceń artykuł",
    "загрузить ещё",
    "загрузить еще",
    "оцените статью",
    "加载更多",
    "评价本文",
    "もっと見る",
    "この記事を評価",
    "تحميل المزيد",
    "قيم هذا",
];

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
    "jetzt abonnieren",
    "abonnieren sie",
    "jetzt anmelden",
    "jetzt registrieren",
    "folgen sie uns",
    "folge uns",
    "folgt uns",
    "laden sie unsere",
    "vergessen sie nicht",
    "verpassen sie keine",
    "nichts mehr verpassen",
    "suscríbete",
    "suscríbase",
    "regístrate",
    "regístrese",
    "únete a nuestra",
    "únete a nuestro",
    "síguenos",
    "síganos",
    "descarga nuestra",
    "descargue nuestra",
    "descarga la app",
    "descarga la aplicación",
    "no olvides",
    "no olvide",
    "no te pierdas nada",
    "inscrivez-vous",
    "abonnez-vous",
    "rejoignez-nous",
    "rejoignez notre",
    "suivez-nous",
    "téléchargez notre",
    "téléchargez l'application",
    "téléchargez l’application",
    "n'oubliez pas",
    "n’oubliez pas",
    "ne manquez aucun",
    "ne ratez aucun",
    "ne ratez rien",
    "zapisz się",
    "zasubskrybuj",
    "subskrybuj",
    "dołącz do nas",
    "dołącz do naszej",
    "dołącz do naszego",
    "obserwuj nas",
    "śledź nas",
    "polub nas",
    "pobierz naszą",
    "pobierz aplikację",
    "nie zapomnij",
    "bądź na bieżąco",
    "подпишитесь",
    "подписывайтесь",
    "подпишись",
    "присоединяйтесь",
    "следите за нами",
    "скачайте наше",
    "скачайте приложение",
    "не забудьте",
    "будьте в курсе",
    "立即订阅",
    "立即訂閱",
    "欢迎订阅",
    "歡迎訂閱",
    "订阅我们",
    "訂閱我們",
    "关注我们",
    "關注我們",
    "立即注册",
    "立即註冊",
    "加入我们",
    "加入我們",
    "下载我们的",
    "下載我們的",
    "别忘了",
    "別忘了",
    "今すぐ登録",
    "無料登録",
    "メルマガ登録",
    "アプリをダウンロード",
    "اشترك الآن",
    "اشترك معنا",
    "اشترك في نشرتنا",
    "اشترك في قناتنا",
    "سجل الآن",
    "سجّل الآن",
    "انضم إلينا",
    "انضموا إلينا",
    "تابعونا",
    "تابعنا على",
    "حمّل تطبيق",
    "حمل تطبيق",
    "لا تنس",
    "inscreva-se",
    "assine já",
    "siga-nos",
    "baixe o app",
    "baixe nosso",
    "iscriviti",
    "seguici",
    "scarica l'app",
    "schrijf je in",
    "volg ons",
];

/// Words asking the reader to sign up or subscribe (lowercase substrings), in English, German,
/// Spanish, French, Polish, Russian, Chinese, Japanese, Arabic, Portuguese, Italian and Dutch:
/// with one of `NEWSLETTER_WORDS` anywhere in a short block, a call to action.
pub const SIGN_UP_WORDS: &[&str] = &[
    "sign up",
    "subscribe",
    "anmelden",
    "melden sie sich",
    "melde dich",
    "abonnieren",
    "abonniere",
    "registrieren",
    "suscríbete",
    "suscríbase",
    "suscribirse",
    "suscribirte",
    "regístrate",
    "regístrese",
    "inscrivez-vous",
    "inscris-toi",
    "abonnez-vous",
    "abonne-toi",
    "s'inscrire",
    "s’inscrire",
    "s'abonner",
    "s’abonner",
    "zapisz się",
    "zapisać się",
    "zasubskrybuj",
    "subskrybuj",
    "подпишитесь",
    "подпишись",
    "подписаться",
    "подписывайтесь",
    "订阅",
    "訂閱",
    "登録",
    "購読",
    "اشترك",
    "اشتراك",
    "inscreva-se",
    "assine",
    "iscriviti",
    "schrijf je in",
    "meld je aan",
    "abonneer",
];

/// Words for a newsletter (lowercase substrings, so "newslettera", "рассылку" match), in the
/// languages of `SIGN_UP_WORDS` ("newsletter" is also the German, French, Polish, Italian and
/// Portuguese word).
pub const NEWSLETTER_WORDS: &[&str] = &[
    "newsletter",
    "boletín",
    "boletin",
    "boletim",
    "lettre d'information",
    "lettre d’information",
    "infolettre",
    "biuletyn",
    "рассылк",
    "ニュースレター",
    "メールマガジン",
    "メルマガ",
    "电子报",
    "電子報",
    "新闻通讯",
    "新聞通訊",
    "النشرة البريدية",
    "النشرة الإخبارية",
    "نشرتنا",
    "nieuwsbrief",
];

/// How teaser paragraphs pointing at other stories begin (lowercase): "read more", "read also",
/// "related", "see also", "more:", "recommended", "don't miss", "click here" in English, German,
/// Spanish, French, Polish, Russian, Chinese (simplified and traditional), Japanese, Arabic,
/// Portuguese, Italian and Dutch. Matched as prefixes of a mostly-link paragraph, so each is a
/// whole phrase or ends in its colon (not German "mehr", Spanish "lee", Russian "по теме"
/// without its colon: sentences begin so); "أيضا" also begins "أيضاً".
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
    "lesen sie auch",
    "lesen sie mehr",
    "lies auch",
    "mehr zum thema",
    "mehr:",
    "auch interessant",
    "das könnte sie auch interessieren",
    "siehe auch",
    "weiterlesen",
    "verwandte artikel",
    "empfohlen:",
    "verpassen sie nicht",
    "klicken sie hier",
    "lee también",
    "lea también",
    "leer también",
    "lee más",
    "lea más",
    "leer más",
    "te puede interesar",
    "le puede interesar",
    "también te puede interesar",
    "también le puede interesar",
    "puede interesarte",
    "relacionado:",
    "relacionada:",
    "relacionados:",
    "relacionadas:",
    "noticia relacionada",
    "noticias relacionadas",
    "artículo relacionado",
    "artículos relacionados",
    "ver también",
    "véase también",
    "más:",
    "recomendado:",
    "no te pierdas",
    "no se pierda",
    "haz clic aquí",
    "haga clic aquí",
    "lire aussi",
    "à lire aussi",
    "a lire aussi",
    "lire également",
    "à lire également",
    "lisez aussi",
    "lire la suite",
    "en savoir plus",
    "voir aussi",
    "à voir aussi",
    "à voir également",
    "sur le même sujet",
    "article lié",
    "articles liés",
    "recommandé :",
    "recommandé:",
    "à ne pas manquer",
    "ne manquez pas",
    "cliquez ici",
    "czytaj też",
    "czytaj także",
    "czytaj również",
    "czytaj więcej",
    "czytaj dalej",
    "przeczytaj też",
    "przeczytaj także",
    "przeczytaj również",
    "przeczytaj:",
    "zobacz też",
    "zobacz także",
    "zobacz również",
    "więcej:",
    "polecamy:",
    "powiązane:",
    "podobne artykuły",
    "nie przegap",
    "kliknij tutaj",
    "читайте также",
    "читайте тоже",
    "читайте еще",
    "читайте ещё",
    "читать также",
    "читать далее",
    "читать дальше",
    "подробнее:",
    "смотрите также",
    "см. также",
    "по теме:",
    "материалы по теме",
    "новости по теме",
    "еще по теме",
    "ещё по теме",
    "рекомендуем:",
    "не пропустите",
    "похожие статьи",
    "нажмите здесь",
    "相关阅读",
    "延伸阅读",
    "推荐阅读",
    "相关新闻",
    "相关文章",
    "相关报道",
    "阅读更多",
    "更多阅读",
    "阅读全文",
    "另请参阅",
    "不要错过",
    "点击这里",
    "点击此处",
    "相關閱讀",
    "延伸閱讀",
    "推薦閱讀",
    "相關新聞",
    "相關文章",
    "相關報導",
    "閱讀更多",
    "閱讀全文",
    "點擊這裡",
    "更多：",
    "関連記事",
    "関連ニュース",
    "関連リンク",
    "あわせて読みたい",
    "合わせて読みたい",
    "併せて読みたい",
    "こちらもおすすめ",
    "おすすめ記事",
    "続きを読む",
    "もっと読む",
    "詳しくはこちら",
    "اقرأ أيضا",
    "اقرأ أيضًا",
    "إقرأ أيضا",
    "إقرأ أيضًا",
    "اقرأ ايضا",
    "اقرا ايضا",
    "اقرأ المزيد",
    "إقرأ المزيد",
    "شاهد أيضا",
    "شاهد أيضًا",
    "شاهد ايضا",
    "طالع أيضا",
    "طالع أيضًا",
    "انظر أيضا",
    "انظر أيضًا",
    "أخبار ذات صلة",
    "مقالات ذات صلة",
    "مواضيع ذات صلة",
    "ذات صلة",
    "لا تفوت",
    "اضغط هنا",
    "leia também",
    "leia mais",
    "veja também",
    "saiba mais",
    "notícias relacionadas",
    "não perca",
    "clique aqui",
    "leggi anche",
    "leggi di più",
    "vedi anche",
    "potrebbe interessarti",
    "articoli correlati",
    "non perdere",
    "lees ook",
    "lees meer",
    "zie ook",
    "gerelateerd:",
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
