//! Stage 7, last step: the article ends where the site's own sections begin. A heading or a
//! line of its own that names one — related stories, "read also", most read, comments, about
//! the author, the previous and next post — found after most of the article's text, ends it:
//! the label and everything after it in the container go. Sites put these inside the
//! article's container more often than not, and each is a block of text the scorer cannot
//! tell from the story by its shape alone; the label is the evidence.
//!
//! The labels cover the corpora's languages (German, English, Spanish, French, Polish,
//! Chinese, Japanese, Russian, Arabic, and Portuguese, Italian, Dutch); a label must be the
//! whole line, so a sentence that mentions comments is never one. Sections readers count as
//! part of the story (references, sources, "see also", further reading) are not listed.

use super::score::Measures;
use crate::dom::{Dom, NodeId};

/// Share of the article's text that must come before a section label for it to end the
/// article: a label in the first half is a box the story flows around, not its end.
const MIN_TEXT_BEFORE: f64 = 0.5;
/// Longest label, in characters.
const MAX_LABEL_CHARS: usize = 60;

/// Whole-line labels of the site's own sections, lowercase, without trailing punctuation.
const SECTION_LABELS: &[&str] = &[
    // English
    "related",
    "related articles",
    "related stories",
    "related posts",
    "related news",
    "related content",
    "related coverage",
    "more stories",
    "more articles",
    "more news",
    "read also",
    "also read",
    "read next",
    "you may also like",
    "you might also like",
    "you may also be interested in",
    "recommended",
    "recommended for you",
    "recommended stories",
    "most read",
    "most popular",
    "popular posts",
    "recent posts",
    "latest news",
    "latest articles",
    "similar posts",
    "comments",
    "leave a comment",
    "leave a reply",
    "join the discussion",
    "about the author",
    "previous post",
    "next post",
    // German
    "ähnliche beiträge",
    "ähnliche artikel",
    "verwandte artikel",
    "verwandte beiträge",
    "weitere artikel",
    "weitere beiträge",
    "weitere nachrichten",
    "weitere meldungen",
    "mehr zum thema",
    "mehr zu diesem thema",
    "mehr themen",
    "weitere themen",
    "lesen sie auch",
    "lies auch",
    "auch lesen",
    "auch interessant",
    "das könnte sie auch interessieren",
    "das könnte dich auch interessieren",
    "zum weiterlesen",
    "empfohlene artikel",
    "meistgelesen",
    "meistgelesene artikel",
    "meistdiskutierte artikel",
    "beliebte beiträge",
    "neueste beiträge",
    "aktuelle beiträge",
    "kommentare",
    "kommentar schreiben",
    "schreibe einen kommentar",
    "hinterlasse einen kommentar",
    "über den autor",
    "über die autorin",
    "zum autor",
    "zur autorin",
    "zur person",
    "vorheriger beitrag",
    "nächster beitrag",
    // Spanish
    "artículos relacionados",
    "noticias relacionadas",
    "entradas relacionadas",
    "relacionado",
    "relacionados",
    "te puede interesar",
    "le puede interesar",
    "también te puede interesar",
    "te recomendamos",
    "lee también",
    "lea también",
    "más noticias",
    "lo más leído",
    "más leídas",
    "comentarios",
    "deja un comentario",
    "sobre el autor",
    "acerca del autor",
    // French
    "articles similaires",
    "articles liés",
    "à lire aussi",
    "lire aussi",
    "à lire également",
    "lire également",
    "sur le même sujet",
    "dans la même rubrique",
    "vous aimerez aussi",
    "les plus lus",
    "commentaires",
    "laisser un commentaire",
    "à propos de l'auteur",
    "à propos de l’auteur",
    // Polish
    "zobacz też",
    "zobacz także",
    "czytaj też",
    "czytaj także",
    "przeczytaj też",
    "przeczytaj także",
    "polecamy",
    "podobne artykuły",
    "powiązane artykuły",
    "najczęściej czytane",
    "komentarze",
    "dodaj komentarz",
    "o autorze",
    // Chinese
    "相关新闻",
    "相关文章",
    "相关阅读",
    "相关推荐",
    "相關新聞",
    "相關文章",
    "延伸阅读",
    "延伸閱讀",
    "推荐阅读",
    "热门文章",
    "评论",
    "網友評論",
    "网友评论",
    "关于作者",
    // Japanese
    "関連記事",
    "関連ニュース",
    "おすすめ記事",
    "人気記事",
    "あわせて読みたい",
    "コメント",
    "この記事を書いた人",
    // Russian
    "читайте также",
    "похожие статьи",
    "похожие новости",
    "другие новости",
    "самое читаемое",
    "комментарии",
    "об авторе",
    // Arabic
    "اقرأ أيضا",
    "اقرأ أيضاً",
    "مقالات ذات صلة",
    "أخبار ذات صلة",
    "مواضيع ذات صلة",
    "الأكثر قراءة",
    "التعليقات",
    "عن الكاتب",
    // The site's lists of related links (not external links or further reading: readers
    // count those), contacts and the comment box, in every language above
    "related links",
    "enlaces relacionados",
    "liens connexes",
    "powiązane linki",
    "ссылки по теме",
    "相关链接",
    "関連リンク",
    "روابط ذات صلة",
    "contact",
    "kontakt",
    "pressekontakt",
    "press contact",
    "media contact",
    "contacto",
    "contact presse",
    "kontakt dla mediów",
    "контакты",
    "联系我们",
    "お問い合わせ",
    "اتصل بنا",
    "no comments",
    "write a comment",
    "add a comment",
    "post a comment",
    "keine kommentare",
    "kommentar verfassen",
    "sin comentarios",
    "escribe un comentario",
    "aucun commentaire",
    "écrire un commentaire",
    "brak komentarzy",
    "napisz komentarz",
    "нет комментариев",
    "написать комментарий",
    "暂无评论",
    "发表评论",
    "コメントを書く",
    "لا توجد تعليقات",
    "أضف تعليق",
    // Portuguese, Italian, Dutch
    "leia também",
    "notícias relacionadas",
    "comentários",
    "leggi anche",
    "articoli correlati",
    "commenti",
    "lees ook",
    "gerelateerde artikelen",
    "reacties",
];

/// Elements a label can be: headings, and lines of their own.
const LABEL_TAGS: &[&str] = &[
    "h1", "h2", "h3", "h4", "h5", "h6", "p", "div", "span", "strong", "b", "header", "dt", "li",
];

/// Removes the first section label after most of `content`'s text, and everything after it.
pub fn cut_trailing_sections(dom: &mut Dom, content: NodeId) {
    // Lengths measured once, bottom-up: every element is a candidate, and measuring each
    // subtree again would be quadratic on deep pages.
    let measures = Measures::of(dom, content);
    let total = measures.text_len(content);
    if total == 0 {
        return;
    }
    let mut before = 0;
    for node in dom.descendants(content) {
        if dom.text_of(node).is_some() {
            before += measures.text_len(node);
            continue;
        }
        let length = measures.text_len(node);
        if (before as f64) < MIN_TEXT_BEFORE * total as f64
            || length > MAX_FOOTER_CHARS
            || !dom.tag(node).is_some_and(|tag| LABEL_TAGS.contains(&tag))
        {
            continue;
        }
        let heading = dom
            .tag(node)
            .is_some_and(|tag| matches!(tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6"));
        // Labels are short; a footer line is longer, and is looked for in the text's last stretch.
        let footer_candidate = !heading && before as f64 >= MIN_FOOTER_TEXT_BEFORE * total as f64;
        if length > MAX_LABEL_CHARS && !footer_candidate {
            continue;
        }
        // Code says "comments" and "related" as words of its own, never as a label.
        if dom.has_ancestor_tag(node, "pre", 0) || dom.has_ancestor_tag(node, "code", 0) {
            continue;
        }
        let text = dom.inner_text(node);
        if (length <= MAX_LABEL_CHARS && is_section_label(&text, heading))
            || (footer_candidate && is_post_footer(dom, node, &text))
        {
            cut_from(dom, content, node);
            return;
        }
    }
}

/// Share of the article's text before a post's footer: it is the post's last line or close to.
const MIN_FOOTER_TEXT_BEFORE: f64 = 0.75;
/// Longest line of a post's footer ("This entry was posted in News. Bookmark the permalink.").
const MAX_FOOTER_CHARS: usize = 400;

/// What only a blog post's footer says, lowercase, in the corpora's languages: its permanent
/// link, its trackback.
const POST_FOOTER_PHRASES: &[&str] = &[
    "permalink",
    "trackback",
    "lesezeichen auf den permalink",
    "enlace permanente",
    "permalien",
    "bezpośredni odnośnik",
    "постоянная ссылка",
    "固定链接",
    "パーマリンク",
    "الرابط الدائم",
];
/// Where a post was filed: prose says these too ("the video, posted in March"), so they count
/// only in a line with links, the categories': with a date, or mostly linked.
const FILED_UNDER_PHRASES: &[&str] = &[
    "posted in",
    "filed under",
    "abgelegt unter",
    "veröffentlicht in",
    "archivado en",
    "classé dans",
    "opublikowano w kategorii",
];

/// Share of a "filed under" line's text that is linked, without a date: the category names.
const MIN_FILED_UNDER_LINK_DENSITY: f64 = 0.2;

/// A post's footer line, after its text: its permanent link, or where it was filed and when.
fn is_post_footer(dom: &Dom, node: NodeId, text: &str) -> bool {
    let lower = text.to_lowercase();
    super::patterns::contains_phrase(&lower, POST_FOOTER_PHRASES)
        || (super::patterns::contains_phrase(&lower, FILED_UNDER_PHRASES)
            && !dom.find_all(node, &["a"]).is_empty()
            && (super::date_text::date_in(text).is_some()
                || super::score::link_density(dom, node) >= MIN_FILED_UNDER_LINK_DENSITY))
}

/// Words a label may run on by ("Lesen Sie auch die folgenden Beiträge:", "Related stories
/// from Asia") when it introduces what follows: ends with a colon, or is a heading.
const MAX_LABEL_TAIL_WORDS: usize = 4;

fn is_section_label(text: &str, heading: bool) -> bool {
    let trimmed = text.trim();
    let colon = trimmed.ends_with([':', '：']);
    let label = trimmed
        .trim_end_matches(|c: char| {
            c.is_whitespace() || matches!(c, ':' | '：' | '.' | '…' | '!' | '?' | '»' | '>' | '›')
        })
        .to_lowercase();
    let label = label.split_whitespace().collect::<Vec<_>>().join(" ");
    SECTION_LABELS.iter().any(|known| {
        // A label of one word runs on only before a colon, and then only by a count
        // ("Comments (12):"): a heading "Contact tracing in schools" or "Comments from the
        // minister" is the story's, and so is "Recommended courses:" before its list.
        let one_word = !known.contains(' ');
        let introduces = colon || (heading && !one_word);
        label == *known
            || (introduces
                && label.strip_prefix(known).is_some_and(|tail| {
                    tail.starts_with(' ')
                        && tail.split_whitespace().count() <= MAX_LABEL_TAIL_WORDS
                        && !(one_word && tail.chars().any(char::is_alphabetic))
                }))
    })
}

/// Detaches `node` and everything after it in document order, up to `content`.
fn cut_from(dom: &mut Dom, content: NodeId, node: NodeId) {
    let mut current = node;
    while current != content {
        let Some(parent) = dom.parent(current) else {
            return;
        };
        let siblings = dom.children(parent).to_vec();
        if let Some(position) = siblings.iter().position(|&s| s == current) {
            for &sibling in &siblings[position + 1..] {
                dom.detach(sibling);
            }
        }
        current = parent;
    }
    dom.detach(node);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept(inner: &str) -> String {
        let mut dom = crate::parse::document(&format!("<body><div id=c>{inner}</div></body>"));
        let content = dom
            .find_first(crate::dom::ROOT, |d, n| d.attr(n, "id") == Some("c"))
            .unwrap();
        cut_trailing_sections(&mut dom, content);
        dom.inner_text(content)
    }

    const STORY: &str = "<p>The story itself, told at length over several sentences, which is what a reader came for, and more of it.</p>";

    #[test]
    fn the_article_ends_at_a_section_label() {
        let page = format!(
            "{STORY}{STORY}<div><h3>Lesen Sie auch:</h3><ul><li><a href=/a>Another story</a></li></ul></div><p>After</p>"
        );
        let text = kept(&page);
        assert!(
            !text.contains("Lesen Sie auch")
                && !text.contains("Another")
                && !text.contains("After")
        );
        assert!(text.contains("The story itself"));
        assert!(
            !kept(&format!("{STORY}{STORY}<h2>関連記事</h2><p>他の記事</p>")).contains("他の記事")
        );
    }

    #[test]
    fn a_label_may_run_on_when_it_introduces_a_list() {
        let page = format!(
            "{STORY}{STORY}<p>Lesen Sie auch die folgenden Beiträge:</p><ul><li><a href=/a>Another</a></li></ul>"
        );
        assert!(!kept(&page).contains("Another"));
        let heading = format!("{STORY}{STORY}<h3>Related stories from Asia</h3><p>Another</p>");
        assert!(!kept(&heading).contains("Another"));
        // A subheading that starts with a one-word label is the story's.
        for heading in ["Contact tracing in schools", "Comments from the minister"] {
            let page = format!("{STORY}{STORY}<h2>{heading}</h2><p>More</p>");
            assert!(kept(&page).contains("More"), "{heading}");
        }
        // Not a heading and no colon: a line of the story.
        let line = format!("{STORY}{STORY}<p>Related stories from Asia</p><p>More</p>");
        assert!(kept(&line).contains("More"));
    }

    #[test]
    fn a_word_in_code_is_no_label() {
        let code = format!(
            "{STORY}{STORY}<pre><span>print(issue[</span><span>comments</span><span>])</span>\n3</pre><p>LAST</p>"
        );
        assert!(kept(&code).contains("LAST"));
    }

    #[test]
    fn a_one_word_label_runs_on_only_by_a_count() {
        let count = format!("{STORY}{STORY}<h3>Comments (12):</h3><p>A reader</p>");
        assert!(!kept(&count).contains("A reader"));
        // Words after it introduce the story's own list of recommendations.
        let own_list =
            format!("{STORY}{STORY}<h5>Recommended courses:</h5><ul><li>Motion</li></ul>");
        assert!(kept(&own_list).contains("Motion"));
    }

    #[test]
    fn a_post_ends_at_its_footer() {
        for footer in [
            r#"<p>This entry was posted in <a href=/c>News</a>. Bookmark the <a href=/p>permalink</a>.</p>"#,
            r#"<div>Erstellt am Dienstag 6. Mai 2014 um 23:30 und abgelegt unter <a href=/l>Linux</a>.</div>"#,
            r#"<p>Posted in <a href=/n>News</a>, <a href=/p>Politics</a></p>"#,
        ] {
            let text = kept(&format!("{STORY}{STORY}{STORY}{footer}<p>Comment one</p>"));
            assert!(
                !text.contains("Comment one") && !text.contains("2014"),
                "{footer}"
            );
        }
        // Sections readers count as the story's stay: external links, further reading.
        let links = format!("{STORY}{STORY}<h2>External links</h2><ul><li>Official site</li></ul>");
        assert!(kept(&links).contains("Official site"));
        let contact = format!("{STORY}{STORY}<h3>Kontakt</h3><p>Pressestelle, Tel. 030 123</p>");
        assert!(!kept(&contact).contains("Pressestelle"));
        // Prose that says where or when something was published is the story's.
        for prose in [
            "<p>The video, posted in March, was viewed a million times.</p>",
            r#"<p>Die Studie wurde veröffentlicht in der Zeitschrift <a href=/n>Nature</a>.</p>"#,
        ] {
            assert!(
                kept(&format!("{STORY}{STORY}{STORY}{prose}<p>LAST</p>")).contains("LAST"),
                "{prose}"
            );
        }
        // Early on, it is not the end.
        assert!(kept(&format!("<p>Filed under News.</p>{STORY}{STORY}")).contains("Filed under"));
    }

    #[test]
    fn labels_early_on_or_inside_sentences_stay() {
        // A "related" box before most of the story is not the end of it.
        let early = format!("<h3>Related</h3>{STORY}{STORY}");
        assert!(kept(&early).contains("Related"));
        let sentence =
            format!("{STORY}{STORY}<p>Comments from the minister followed later that day.</p>");
        assert!(kept(&sentence).contains("Comments from the minister"));
    }
}
