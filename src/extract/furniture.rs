//! Site furniture that sits inside the article's own container, removed as the article is
//! prepared: breadcrumb trails, tag lists, author boxes, date-only lines, slideshow counters, the
//! headline repeated, "READ MORE" teasers, calls to action, ad-slot labels, reading times, bars of
//! links and buttons set as lines ("load more", "rate this"). Readability keeps
//! them; readers (and the human-made reference texts of the Zyte benchmark) do not count them as
//! the article.

use super::date_text::{is_month, DATE_WORDS};
use super::patterns::{
    contains_any, contains_phrase, AUTHOR_BOX_TOKENS, BREADCRUMB_MARKERS, TAG_LIST_TOKENS,
};
use super::phrases::{
    AD_LABELS, CALL_TO_ACTION_PREFIXES, NEWSLETTER_WORDS, READING_TIME_PHRASES, SIGN_UP_WORDS,
    TEASER_PREFIXES, WIDGET_PHRASES,
};
use super::score::{link_density, Measures};
use crate::dom::{Dom, NodeId};

/// Longest text a breadcrumb trail or a tag list can have and still be furniture.
const FURNITURE_MAX_CHARS: usize = 400;
/// Longest "about the author" box.
const AUTHOR_BOX_MAX_CHARS: usize = 1200;
/// Longest line that can be only a date ("Updated 1:33 am CST, Wednesday, November 20, 2019").
const DATE_LINE_MAX_CHARS: usize = 80;
/// Longest slideshow counter ("Picture 12 of 30").
const GALLERY_COUNTER_MAX_CHARS: usize = 24;
/// Longest call to action.
const CALL_TO_ACTION_MAX_CHARS: usize = 250;
/// Inline elements are never furniture on their own (a teaser is its paragraph, not its link).
const PHRASING: &[&str] = &[
    "a", "abbr", "b", "br", "cite", "code", "em", "i", "img", "mark", "picture", "q", "s", "small",
    "source", "strong", "sub", "sup", "u", "wbr",
];
/// Longest line that is only a credit ("© Aaron Schwartz", "© 2020 CBS Interactive Inc.").
const CREDIT_LINE_MAX_CHARS: usize = 100;
/// Longest teaser paragraph.
const TEASER_MAX_CHARS: usize = 300;

/// What an element holds below it, for the checks that ask: tags as bits, and its links and
/// how many of them are `rel="tag"`. Measured once, bottom-up, as `Measures` is: the checks ask
/// about an element before anything under it is taken out (asked of each element by a walk of
/// its subtree, a page of short wrappers nested thirty deep cost a walk per wrapper).
struct Below {
    tags: Vec<u8>,
    links: Vec<u32>,
    tag_links: Vec<u32>,
}

const A: u8 = 1;
const P: u8 = 2;
const DIV: u8 = 4;
const IMG: u8 = 8;
const UL: u8 = 16;
const TABLE: u8 = 32;
const LI: u8 = 64;
const PICTURE: u8 = 128;

impl Below {
    fn of(dom: &Dom, root: NodeId) -> Below {
        let mut tags = vec![0u8; dom.nodes.len()];
        let mut links = vec![0u32; dom.nodes.len()];
        let mut tag_links = vec![0u32; dom.nodes.len()];
        for node in dom.descendants(root).into_iter().rev() {
            for &child in dom.children(node) {
                let bit = match dom.tag(child) {
                    Some("a") => A,
                    Some("p") => P,
                    Some("div") => DIV,
                    Some("img") => IMG,
                    Some("ul") => UL,
                    Some("table") => TABLE,
                    Some("li") => LI,
                    Some("picture") => PICTURE,
                    _ => 0,
                };
                tags[node] |= tags[child] | bit;
                links[node] += links[child] + u32::from(bit == A);
                tag_links[node] +=
                    tag_links[child] + u32::from(bit == A && is_tag_link(dom, child));
            }
        }
        Below {
            tags,
            links,
            tag_links,
        }
    }

    /// Whether any element below `node` has one of the tags in `mask`.
    fn has(&self, node: NodeId, mask: u8) -> bool {
        self.tags[node] & mask != 0
    }
}

fn is_tag_link(dom: &Dom, link: NodeId) -> bool {
    dom.attr(link, "rel").is_some_and(|rel| {
        rel.split_ascii_whitespace()
            .any(|r| r.eq_ignore_ascii_case("tag"))
    })
}

pub fn remove_furniture(dom: &mut Dom, content: NodeId, title: &str) {
    let title = normalized(title);
    // Outer nodes come first, so each node's subtree is as measured here when it is judged.
    let measures = Measures::of(dom, content);
    let below = Below::of(dom, content);
    let longest = AUTHOR_BOX_MAX_CHARS.max(title.len() + 8);
    // What this pass took out, so that their descendants are passed over without walking up
    // to `content` from each (the list is in document order: a parent comes before its own).
    let mut removed = vec![false; dom.nodes.len()];
    for node in dom.descendants(content).into_iter().skip(1) {
        if dom.parent(node).is_some_and(|parent| removed[parent]) {
            removed[node] = true;
            continue;
        }
        // Furniture is short: lengths measured once, bottom-up, spare every longer element
        // the checks below, and each check gets the length instead of measuring again.
        let length = measures.text_len(node);
        if length > longest || dom.tag(node).is_none_or(|tag| PHRASING.contains(&tag)) {
            continue;
        }
        let fits = |max: usize| length <= max;
        // Class and id, lowercase, once for the checks that read them.
        let names = dom.class_and_id(node).to_ascii_lowercase();
        let furniture = (fits(FURNITURE_MAX_CHARS)
            && (is_breadcrumb(dom, node) || is_tag_list(dom, node, &names, &below)))
            || (fits(AUTHOR_BOX_MAX_CHARS) && is_author_box(&names))
            || (fits(DATE_LINE_MAX_CHARS) && is_date_line(dom, node, content, &below))
            || (fits(GALLERY_COUNTER_MAX_CHARS) && is_gallery_counter(dom, node, &below))
            || (fits(title.len() + 8) && repeats_title(dom, node, &title))
            || (fits(TEASER_MAX_CHARS) && dom.is_tag(node, "p") && is_teaser(dom, node, &below))
            || (fits(CALL_TO_ACTION_MAX_CHARS) && is_call_to_action(dom, node, &below))
            || (fits(CREDIT_LINE_MAX_CHARS) && is_credit_line(dom, node, &below))
            || (fits(SHORT_LINE_MAX_CHARS) && is_reading_time_or_button(dom, node))
            || (fits(FURNITURE_MAX_CHARS) && is_bar_of_links(dom, node));
        if furniture {
            dom.detach(node);
            removed[node] = true;
        }
    }
}

fn is_breadcrumb(dom: &Dom, node: NodeId) -> bool {
    ["class", "id", "aria-label", "itemtype"]
        .iter()
        .any(|name| {
            dom.attr(node, name).is_some_and(|value| {
                // Most values are lowercase already: copied only when they are not.
                if value.bytes().any(|b| b.is_ascii_uppercase()) {
                    contains_any(&value.to_ascii_lowercase(), BREADCRUMB_MARKERS)
                } else {
                    contains_any(value, BREADCRUMB_MARKERS)
                }
            })
        })
}

/// A list of tags: named so by class or id, or made of `rel="tag"` links.
fn is_tag_list(dom: &Dom, node: NodeId, names: &str, below: &Below) -> bool {
    let named = names
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '-')
        .any(|token| TAG_LIST_TOKENS.contains(&token));
    if named {
        return true;
    }
    below.links[node] >= 2
        && below.tag_links[node] == below.links[node]
        && link_density(dom, node) > 0.5
}

/// "READ MORE: …", "Related: …": a short paragraph (the caller checks its length), mostly a link,
/// introduced as a pointer elsewhere.
fn is_teaser(dom: &Dom, node: NodeId, below: &Below) -> bool {
    if below.links[node] == 0 {
        return false;
    }
    let text = dom.inner_text(node);
    let lead = text.trim_start().to_lowercase();
    let introduced = TEASER_PREFIXES.iter().any(|p| lead.starts_with(p));
    let shouted = is_shouted(&text);
    if !introduced && !shouted {
        return false;
    }
    let density = link_density(dom, node);
    (introduced && density >= 0.5) || (shouted && density >= 0.95)
}

/// "Sign up for our newsletter", "Follow us on Twitter", "Abonnez-vous à notre lettre
/// d'information", or an ad slot's label: a short paragraph asking the reader to do something for
/// the site, not telling the story (the caller checks its length). Words and phrases in
/// `patterns` cover the corpora's languages.
fn is_call_to_action(dom: &Dom, node: NodeId, below: &Below) -> bool {
    if !matches!(dom.tag(node), Some("p" | "div" | "span")) {
        return false;
    }
    if dom.is_tag(node, "div") && below.has(node, P | DIV | IMG | UL | TABLE) {
        return false;
    }
    let text = dom.inner_text(node).trim().to_lowercase();
    let label = text.trim_matches(|c: char| !c.is_alphanumeric());
    AD_LABELS.contains(&label)
        || CALL_TO_ACTION_PREFIXES.iter().any(|p| text.starts_with(p))
        // The shorter list first: few short paragraphs name a newsletter at all.
        || (contains_any(&text, NEWSLETTER_WORDS) && contains_any(&text, SIGN_UP_WORDS))
}

/// Longest reading-time or button line ("5 min read", "Lade weitere Inhalte …").
const SHORT_LINE_MAX_CHARS: usize = 60;

/// A line that says how long the article takes to read ("5 min read", "Lesezeit: 3 Minuten",
/// "Ten tekst przeczytasz w mniej niż minutę": a phrase of the corpora's languages and a
/// number or a minute), or that is a button (load more, rate this article). One lowercase
/// copy of the line for both.
fn is_reading_time_or_button(dom: &Dom, node: NodeId) -> bool {
    if !matches!(dom.tag(node), Some("p" | "div" | "span" | "li" | "button")) {
        return false;
    }
    let text = dom.inner_text(node).to_lowercase();
    let reading_time = || {
        contains_phrase(&text, READING_TIME_PHRASES)
            && (text.bytes().any(|b| b.is_ascii_digit())
                || contains_any(&text, &["min", "минут", "分", "دقي"]))
    };
    contains_phrase(&text, WIDGET_PHRASES) || reading_time()
}

/// A line of three or more short items set apart by bars ("Impressum | Datenschutz |
/// Kontakt", "Kommentarfeed | Kommentare geschlossen | Trackback-URL"): a site's menu or a
/// post's tool row, in any language. Prose does not set its words between bars.
fn is_bar_of_links(dom: &Dom, node: NodeId) -> bool {
    if !matches!(dom.tag(node), Some("p" | "div" | "span" | "li" | "ul"))
        || !dom.has_text_char(node, b'|')
    {
        return false;
    }
    let text = dom.inner_text(node);
    let items: Vec<&str> = text
        .split('|')
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .collect();
    items.len() >= 3
        && items
            .iter()
            .all(|item| item.split_whitespace().count() <= 6)
}

/// A block that is only a copyright or photo credit, set on a line of its own: it starts with
/// the copyright sign, in every language the same.
fn is_credit_line(dom: &Dom, node: NodeId, below: &Below) -> bool {
    matches!(
        dom.tag(node),
        Some("p" | "div" | "span" | "small" | "figcaption")
    ) && !below.has(node, IMG | P | DIV)
        && dom.inner_text(node).starts_with('©')
}

/// A headline set in capitals: how promotions for other stories are often set inside articles.
fn is_shouted(text: &str) -> bool {
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 12
        && letters.iter().filter(|c| c.is_uppercase()).count() * 10 >= letters.len() * 9
}

/// "About the author" boxes, named so by class or id.
/// `names`: the node's class and id, lowercase.
fn is_author_box(names: &str) -> bool {
    names
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '-')
        .any(|token| AUTHOR_BOX_TOKENS.contains(&token))
}

/// A block that only dates the story ("Published 10:02 AM EST Nov 19, 2019", "Opublikowano:
/// 19 listopada 2019", "发布时间：2019年11月19日"): a month name or a numeric date with a year, and
/// no sentence (the caller checks its length).
fn is_date_line(dom: &Dom, node: NodeId, content: NodeId, below: &Below) -> bool {
    if !matches!(dom.tag(node), Some("p" | "div" | "time")) {
        return false;
    }
    // Dates inside tables, lists, code, quotes and citations are data, not the story's date.
    let in_data = dom
        .ancestors(node, 0)
        .into_iter()
        .take_while(|&a| a != content)
        .any(|a| {
            matches!(
                dom.tag(a),
                Some(
                    "table"
                        | "ul"
                        | "ol"
                        | "li"
                        | "pre"
                        | "code"
                        | "blockquote"
                        | "figure"
                        | "cite"
                        | "dl"
                )
            )
        });
    if in_data || below.has(node, IMG | P | LI | TABLE) {
        return false;
    }
    let text = dom.inner_text(node);
    let text = text.trim();
    if text.is_empty() || text.ends_with(['.', '!', '?', '"', '”', '。', '！', '？', '؟']) {
        return false;
    }
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let has_year = words.iter().any(|w| {
        w.len() == 4
            && (w.starts_with("19") || w.starts_with("20"))
            && w.bytes().all(|b| b.is_ascii_digit())
    });
    let cjk_date = words.iter().any(|w| is_cjk_date(w));
    let numeric_date = cjk_date
        || text
            .split(|c: char| c.is_whitespace() || c == ',')
            .any(|t| {
                let parts: Vec<&str> = t.split(['/', '.', '-']).collect();
                parts.len() == 3
                    && parts.iter().all(|p| {
                        !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit())
                    })
            });
    // A year or a numeric date first: most short lines have neither, and are answered before
    // their words are looked up among the months.
    if !(numeric_date || has_year && words.iter().any(|w| is_month(w))) {
        return false;
    }
    // Everything else is date words: weekdays, "published", "updated", times, zones.
    let other = words
        .iter()
        .filter(|w| {
            !w.bytes().all(|b| b.is_ascii_digit())
                && !is_month(w)
                && !DATE_WORDS.contains(w)
                && !is_cjk_date(w)
        })
        .count();
    other <= 1
}

/// "2019年11月19日", "2019年11月": a Chinese or Japanese date, its year written in full.
fn is_cjk_date(word: &str) -> bool {
    let digits = |s: &str, max: usize| {
        !s.is_empty() && s.len() <= max && s.bytes().all(|b| b.is_ascii_digit())
    };
    let Some((year, rest)) = word.split_once('年') else {
        return false;
    };
    let Some((month, day)) = rest.split_once('月') else {
        return false;
    };
    year.len() == 4
        && digits(year, 4)
        && (year.starts_with("19") || year.starts_with("20"))
        && digits(month, 2)
        && (day.is_empty() || day.strip_suffix('日').is_some_and(|d| digits(d, 2)))
}

/// A slideshow's counter ("Image 1 of 5", "1 / 4"): the gallery's controls, not its pictures
/// (the caller checks its length).
fn is_gallery_counter(dom: &Dom, node: NodeId, below: &Below) -> bool {
    if below.has(node, IMG | PICTURE) {
        return false;
    }
    let text = dom.inner_text(node).to_lowercase();
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == '/')
        .filter(|w| !w.is_empty())
        .collect();
    let numbers = words
        .iter()
        .filter(|w| w.bytes().all(|b| b.is_ascii_digit()))
        .count();
    let rest: Vec<&&str> = words
        .iter()
        .filter(|w| !w.bytes().all(|b| b.is_ascii_digit()))
        .collect();
    numbers == 2
        && rest
            .iter()
            .all(|w| matches!(**w, "image" | "photo" | "picture" | "slide" | "of" | "1of"))
        && (text.contains(" of ") || text.contains('/'))
}

/// The headline again, inside the article (the view shows it above): a block whose whole text is
/// the title (the caller checks its length).
fn repeats_title(dom: &Dom, node: NodeId, title: &str) -> bool {
    title.len() >= 15
        && matches!(
            dom.tag(node),
            Some("p" | "div" | "span" | "h1" | "h2" | "h3" | "header")
        )
        && normalized(&dom.inner_text(node)) == title
}

fn normalized(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "<p>Words of the article, written at length, with commas, so that it reads as a paragraph.</p>";

    /// The text left after furniture removal in `<div id=content>{inner}</div>`.
    fn kept(inner: &str, title: &str) -> String {
        let mut dom =
            crate::parse::document(&format!("<body><div id=content>{inner}</div></body>"));
        let content = dom
            .find_first(0, |d, n| d.attr(n, "id") == Some("content"))
            .unwrap();
        remove_furniture(&mut dom, content, title);
        crate::dom::collapse_whitespace(&dom.text_content(content))
    }

    #[test]
    fn furniture_goes() {
        for furniture in [
            r#"<nav class="breadcrumb"><ol><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ol></nav>"#,
            r#"<div class="post-tags"><a href="/t/a">alpha</a> <a href="/t/b">beta</a></div>"#,
            r#"<p><a rel="tag" href="/t/a">alpha</a>, <a rel="tag" href="/t/b">beta</a></p>"#,
            r#"<div class="author-bio">Jane writes about the sea.</div>"#,
            "<p>Updated 1:33 am CST, Wednesday, November 20, 2019</p>",
            "<p>05/10/2018</p>",
            "<p>Image 1 of 5</p>",
            "<h2>Harbour towns count the cost of a stormy winter</h2>",
            r#"<p>READ MORE: <a href="/other">Another story entirely</a></p>"#,
            r#"<p><strong><a href="/other">TAYLOR SWIFT CLEARED TO PERFORM HITS</a></strong></p>"#,
            "<p>Sign up for our newsletter to get the day's news in your inbox.</p>",
            "<p>Advertisement</p>",
            "<p>© Aaron Schwartz</p>",
            "<div>© 2020 CBS Interactive Inc. All Rights Reserved.</div>",
            "<p>5 min read</p>",
            "<span>Lesezeit: 3 Minuten</span>",
            "<p>Ten tekst przeczytasz w mniej niż minutę</p>",
            r#"<p><a href="/i">Impressum</a> | <a href="/d">Datenschutz</a> | <a href="/k">Kontakt</a></p>"#,
            "<div>Kommentarfeed | Kommentare geschlossen | Trackback-URL</div>",
            "<div>Lade weitere Inhalte ...</div>",
            "<p>Hier können Sie den Artikel bewerten</p>",
            "<span>加载更多</span>",
        ] {
            assert_eq!(
                kept(
                    &format!("{STORY}{furniture}{STORY}"),
                    "Harbour towns count the cost of a stormy winter"
                ),
                kept(&format!("{STORY}{STORY}"), ""),
                "should go: {furniture}"
            );
        }
    }

    #[test]
    fn the_story_stays() {
        for content in [
            "<p>The storm reached the coast on November 20, 2019, and the sea walls failed in three places.</p>",
            "<table><tr><td>November 20, 2019</td><td>Storm</td></tr></table>",
            r#"<p>Read more about the <a href="/report">flood defences report</a> and what the council plans to do about the damage this winter.</p>"#,
            "<p>Click here to get more information or download this game.</p>",
            "<p>The harbour master said the boats took a beating.</p>",
            r#"<p>See <a href="/a">the full list</a>.</p>"#,
            "<p>We have found no evidence to corroborate this claim.</p>",
            "<p>Reading time is what the new rules were meant to give back to pupils, the minister said.</p>",
            "<p>The vote split 12 | 9 | 3 between the three parties, and the count took all night long.</p>",
        ] {
            let text = kept(&format!("{STORY}{content}"), "Harbour towns count the cost of a stormy winter");
            assert!(text.len() > kept(STORY, "").len() + 5, "should stay: {content}");
        }
    }

    #[test]
    fn furniture_goes_in_other_languages() {
        let title = "Harbour towns count the cost of a stormy winter";
        for furniture in [
            r#"<p>Lesen Sie auch: <a href="/other">Ein ganz anderer Artikel</a></p>"#,
            r#"<p>Czytaj także: <a href="/other">Zupełnie inny artykuł</a></p>"#,
            r#"<p>Читайте также: <a href="/other">Совсем другая статья</a></p>"#,
            r#"<p>相关阅读：<a href="/other">另一篇文章</a></p>"#,
            r#"<p>اقرأ أيضاً: <a href="/other">قصة أخرى عن الموانئ بعد العاصفة</a></p>"#,
            "<p>Abonnez-vous à notre lettre d'information pour recevoir l'essentiel de l'actualité.</p>",
            "<p>Para recibir las noticias del día, suscríbete a nuestro boletín.</p>",
            "<p>Чтобы не пропустить главное, подпишитесь на нашу рассылку.</p>",
            "<p>Veröffentlicht am 19. November 2019, 10:02 Uhr</p>",
            "<p>Opublikowano: wtorek, 19 listopada 2019, godz. 10:02</p>",
            "<p>Обновлено 19 ноября 2019, 10:02 мск</p>",
            "<p>发布时间：2019年11月19日 10:02</p>",
            "<p>Publicité</p>",
            "<p>広告</p>",
        ] {
            assert_eq!(
                kept(&format!("{STORY}{furniture}{STORY}"), title),
                kept(&format!("{STORY}{STORY}"), ""),
                "should go: {furniture}"
            );
        }
        for content in [
            // Begins as a teaser does, but is a sentence with a link in it.
            r#"<p>Lesen Sie auch den <a href="/bericht">Bericht der Kommission</a> über die Schäden, den die Stadt im Winter veröffentlicht hat</p>"#,
            // "Mehr", "Lee", "По теме" begin sentences: not teasers on their own.
            r#"<p>Mehr als <a href="/boote">hundert Boote</a></p>"#,
            r#"<p>По теме <a href="/doklad">доклада о последствиях шторма</a> выступил министр</p>"#,
            // Arabic "took part in", not "subscribe to"; a date inside a sentence.
            "<p>اشترك في الاجتماع ممثلون عن الموانئ الثلاثة</p>",
            "<p>Am 19. November 2019 erreichte der Sturm die Küste und beschädigte die Mauern</p>",
            "<p>2019年11月19日，暴风雨袭击了海岸。</p>",
        ] {
            let text = kept(&format!("{STORY}{content}"), title);
            assert!(
                text.len() > kept(STORY, "").len() + 5,
                "should stay: {content}"
            );
        }
    }
}
