//! Stage 5, the headline: from metadata when the page gives one, else from `<title>` with the site
//! name cut off (Readability's `_getArticleTitle`), then any "| Site Name" suffix removed
//! when it repeats the known site name.

use super::patterns::TITLE_SEPARATORS;
use super::score::is_probably_visible;
use crate::dom::{collapse_whitespace, Dom, NodeId, ROOT};

fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// The `<title>` text.
pub fn document_title(dom: &Dom) -> String {
    dom.find_first(ROOT, |d, n| d.is_tag(n, "title"))
        .map(|t| collapse_whitespace(&dom.text_content(t)))
        .unwrap_or_default()
}

/// Readability's title heuristics over the document title.
pub fn from_document(dom: &Dom) -> String {
    let original = document_title(dom);
    let mut title = original.clone();
    let mut had_hierarchical_separators = false;

    // Readability's heuristics know only " <sep> ", spaced.
    let separators = separator_positions(&title, TITLE_SEPARATORS, &[]);
    if let Some(&last) = separators.last() {
        had_hierarchical_separators = separators.iter().any(|&at| {
            let c = title[at..].chars().next().unwrap_or(' ');
            matches!(c, '\\' | '/' | '>' | '»')
        });
        // "Article title | Site" → the part before the last separator.
        title = title[..last].trim().to_string();
        if word_count(&title) < 3 {
            // "Site | Article title" → the part after the first separator.
            let first = separators[0];
            let sep_len = original[first..].chars().next().map_or(1, char::len_utf8);
            title = original[first + sep_len..].trim().to_string();
        }
    } else if let Some(colon) = title.find(": ") {
        let headings = dom.find_all(ROOT, &["h1", "h2"]);
        let matches_heading = headings
            .iter()
            .any(|&h| collapse_whitespace(&dom.text_content(h)) == original);
        if !matches_heading {
            let last_colon = title.rfind(':').unwrap_or(colon);
            title = original[last_colon + 1..].trim().to_string();
            if word_count(&title) < 3 {
                title = original[colon + 1..].trim().to_string();
            } else if word_count(&original[..colon]) > 5 {
                title = original.clone();
            }
        }
    } else if title.chars().count() > 150 || title.chars().count() < 15 {
        let h1s = dom.find_all(ROOT, &["h1"]);
        if h1s.len() == 1 {
            title = collapse_whitespace(&dom.text_content(h1s[0]));
        }
    }

    title = collapse_whitespace(&title);
    let count = word_count(&title);
    let original_without_separators = {
        let mut stripped = original.clone();
        stripped.retain(|c| !TITLE_SEPARATORS.contains(&c));
        word_count(&stripped)
    };
    if count <= 4 && (!had_hierarchical_separators || count != original_without_separators - 1) {
        title = original;
    }
    title
}

/// Characters that part a headline from a site's name, a section or a kicker, in any script.
const PARTING: &[char] = &[
    '|', '-', '–', '—', ':', '：', '»', '«', '·', '•', '/', '\\', '>', '_', '｜', '丨', 'ǀ', '~',
    '‹', '›',
];
/// Of those, the ones that part a title even without spaces around them ("標題_網站",
/// "SITE|見出し"); the others join words too ("Schmand-Kuchen", "3:1").
const PARTING_UNSPACED: &[char] = &['|', '｜', '丨', '_', 'ǀ'];

/// A title part long enough to be a headline on its own: two words, or one long word, or
/// four CJK characters.
fn is_substantial(text: &str) -> bool {
    word_count(text) >= 2 || text.chars().count() >= 8 || crate::text::word_count(text) >= 4
}

/// The headline as the page shows it, when the metadata title wraps it: an `<h1>` whose text
/// the title holds whole at its start or its end, the rest (a site name, a section, a kicker,
/// an SEO tail) parted from it by a separator. The page's own headline is the evidence, so
/// no list of site names or phrases is needed. At the end of the title the `<h1>` must be the
/// longer part: "Kicker - The headline at length", not "The article — the site's own name",
/// which documentation sites set as their `<h1>`.
pub fn on_page_headline(dom: &Dom, title: &str) -> Option<String> {
    let title = collapse_whitespace(title);
    let parted = |rest: &str| {
        let rest = rest.trim();
        !rest.is_empty()
            && (rest.starts_with(PARTING)
                || rest.ends_with(PARTING)
                || !separator_positions(rest, PARTING, PARTING_UNSPACED).is_empty())
    };
    dom.find_all(ROOT, &["h1"]).into_iter().find_map(|h1| {
        let text = collapse_whitespace(&dom.text_content(h1));
        if text == title || !is_substantial(&text) {
            return None;
        }
        let longer = |rest: &str| text.chars().count() > rest.trim().chars().count();
        let wrapped = title.strip_prefix(text.as_str()).is_some_and(parted)
            || title
                .strip_suffix(text.as_str())
                .is_some_and(|rest| parted(rest) && longer(rest));
        wrapped.then_some(text)
    })
}

/// The page's own headline where the title found is only the site's name (its declared name,
/// its address, or its address's first label: "Glossier" on glossier.com, "Time 4 talks" on
/// time4talks.com): the first shown `<h1>` that is not the site's name too, and not in the
/// site's navigation, an aside, a footer or a link (a teaser's). A shop, a blog or a forum that
/// titles every page with its own name still sets the page's subject as its heading. Only the
/// whole name counts: `names_site`, which finds a site's name among a title's parts, also takes
/// "SQLAlchemy 2.0 Documentation" and cost two development-fold pages their title.
pub fn instead_of_site_name(
    dom: &Dom,
    title: &str,
    site_name: Option<&str>,
    host: Option<&str>,
) -> Option<String> {
    let site = SiteNames::new(&[site_name], host);
    let is_site = |text: &str| site.is_named(text);
    if !is_site(title) {
        return None;
    }
    dom.find_all(ROOT, &["h1"]).into_iter().find_map(|h1| {
        if dom.has_more_text_than(h1, MAX_HEADLINE_CHARS) || !shown_in_place(dom, h1) {
            return None;
        }
        let text = collapse_whitespace(&dom.text_content(h1));
        (is_substantial(&text) && !is_site(&text)).then_some(text)
    })
}

/// The names a site goes by, each compared whole with letters and digits only, case aside: the
/// names it declares, its address, and its address's first label ("Glossier" on glossier.com,
/// "LAOLA1.at", "24Horas.cl").
pub struct SiteNames {
    /// The declared names and the address.
    names: Vec<String>,
    first_label: Option<String>,
}

impl SiteNames {
    pub fn new(declared: &[Option<&str>], host: Option<&str>) -> Self {
        let host = host.map(|host| host.strip_prefix("www.").unwrap_or(host));
        let first_label = host
            .map(|host| squeezed(host.split('.').next().unwrap_or(host)))
            .filter(|label| !label.is_empty());
        let names = declared
            .iter()
            .copied()
            .chain([host])
            .flatten()
            .map(squeezed)
            .filter(|name| !name.is_empty())
            .collect();
        SiteNames { names, first_label }
    }

    /// Whether `text` is one of the site's names, whole, its address's first label included.
    pub fn is_named(&self, text: &str) -> bool {
        let text = squeezed(text);
        !text.is_empty() && (self.names.contains(&text) || self.first_label.as_ref() == Some(&text))
    }

    /// Whether `text` is a name the site declares, or its whole address: not its address's
    /// first label, which on a writer's own site ("annlee.com") is the writer's name.
    pub fn is_declared_or_address(&self, text: &str) -> bool {
        let text = squeezed(text);
        !text.is_empty() && self.names.contains(&text)
    }
}

/// Whether `heading` is shown (it and every box around it) and stands outside the site's
/// navigation, asides, footers and links.
fn shown_in_place(dom: &Dom, heading: NodeId) -> bool {
    is_probably_visible(dom, heading)
        && dom.ancestors(heading, 0).into_iter().all(|a| {
            is_probably_visible(dom, a)
                && !matches!(dom.tag(a), Some("nav" | "aside" | "footer" | "a"))
        })
}

/// A heading longer than this is a block set as one, not a headline.
const MAX_HEADLINE_CHARS: usize = 300;

/// Whether `url` is a site's front page: its root or a language's (`/`, `/en/`).
pub fn is_front_page(url: &url::Url) -> bool {
    let segments: Vec<&str> = url.path().split('/').filter(|s| !s.is_empty()).collect();
    match segments.as_slice() {
        [] => true,
        [only] => only.len() == 2 && only.chars().all(|c| c.is_ascii_lowercase()),
        _ => false,
    }
}

/// Positions of separators from `set` in `text`: spaced on both sides, or any of `unspaced`
/// as they stand (byte index of the separator character).
fn separator_positions(text: &str, set: &[char], unspaced: &[char]) -> Vec<usize> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    for i in 1..chars.len().saturating_sub(1) {
        let c = chars[i].1;
        let spaced = chars[i - 1].1.is_whitespace() && chars[i + 1].1.is_whitespace();
        // A dash between CJK characters parts the title as a spaced one does ("标题-新浪网"):
        // those scripts write no spaces, and compound words there take no hyphen.
        let between_cjk = matches!(c, '-' | '–' | '—')
            && crate::text::is_cjk(chars[i - 1].1)
            && crate::text::is_cjk(chars[i + 1].1);
        if set.contains(&c) && (spaced || between_cjk || unspaced.contains(&c)) {
            out.push(chars[i].0);
        }
    }
    out
}

/// Letters and digits only, lowercase: "Petri-Heil.ch" and "petri-heil.ch" compare equal
/// (site names here, names in a byline there).
pub(super) fn squeezed(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether a title part names the site: its name as the page gives it, its host, or the
/// host's own label ("heizung" of heizung.de) within a part of three words at most
/// ("Schweizerische Vogelwarte" on vogelwarte.ch).
fn names_site(part: &str, site_name: Option<&str>, host: Option<&str>) -> bool {
    let words = word_count(part);
    let part = squeezed(part);
    if part.is_empty() {
        return false;
    }
    if site_name.is_some_and(|site| squeezed(site) == part) {
        return true;
    }
    let Some(host) = host else {
        return false;
    };
    if squeezed(host.trim_start_matches("www.")) == part {
        return true;
    }
    let label = host_label(host);
    label.chars().count() >= 4
        && words <= 3
        && part.contains(&label)
        && part.chars().count() <= 3 * label.chars().count()
}

/// The label before the public suffix, squeezed: "vogelwarte" of www.vogelwarte.ch, "bbc" of
/// bbc.co.uk (two-letter second levels are skipped).
fn host_label(host: &str) -> String {
    let host = host.trim_start_matches("www.");
    let labels: Vec<&str> = host.split('.').collect();
    labels
        .iter()
        .rev()
        .skip(1)
        .find(|l| l.len() > 3 || labels.len() == 2)
        .map(|l| squeezed(l))
        .unwrap_or_default()
}

/// Removes the site's name from the end or the start of a title, with whatever follows or
/// precedes it ("Headline | Site | Tagline", "Site - Headline", "見出し_サイト"), in any
/// script and with any separator; a title that would be left without a headline stays whole.
pub fn strip_site_name(title: &str, site_name: Option<&str>, host: Option<&str>) -> String {
    let cuts = separator_positions(title, PARTING, PARTING_UNSPACED);
    let part_end = |i: usize| cuts.get(i).copied().unwrap_or(title.len());
    let after = |at: usize| at + title[at..].chars().next().map_or(1, char::len_utf8);
    // Parts between separators; the first that names the site, after the first part, ends the
    // headline.
    for (i, &at) in cuts.iter().enumerate() {
        let part = &title[after(at)..part_end(i + 1)];
        let head = title[..at].trim();
        if names_site(part, site_name, host) && is_substantial(head) {
            return head.to_string();
        }
    }
    if let Some(&first) = cuts.first() {
        let tail = title[after(first)..].trim();
        if names_site(&title[..first], site_name, host) && is_substantial(tail) {
            return tail.to_string();
        }
    }
    title.to_string()
}

/// The headline before a title's first bar: "Best Resume Writing Service | Professional Resume
/// Writers", "Homeowners Insurance Guide 2026 | Coverage Types, Costs & Savings". A bar parts a
/// headline from what a search result should also show; a dash is a headline's own
/// ("Tutorial - User Guide"). Not where the part before it is short, is the site's ("Gregory
/// Szorc's Digital Home | …") or leaves a bracket open ("… in R (5 Examples | Some Title)"),
/// nor where a heading on the page shows the whole title or what follows the bar: then the part
/// before it is a section's label ("Letters to the Editor | Why our schools…").
pub fn headline_before_bar(
    dom: &Dom,
    title: &str,
    site_name: Option<&str>,
    host: Option<&str>,
) -> Option<String> {
    let bar = title.find(" | ")?;
    let (head, tail) = (title[..bar].trim(), title[bar + 3..].trim());
    let open_bracket = head.matches(['(', '[']).count() > head.matches([')', ']']).count();
    if word_count(head) < MIN_HEAD_WORDS || open_bracket || mentions_site(head, site_name, host) {
        return None;
    }
    // A heading showing the whole title or what follows the bar: the part before it is a
    // section's label ("Letters to the Editor | Why our schools…"), not the headline.
    let shown_beyond_head = any_heading(dom, &|text| {
        text == title || (!tail.is_empty() && text.contains(tail))
    });
    (!shown_beyond_head).then(|| head.to_string())
}

/// Whether a heading on the page (an `<h1>` or `<h2>` of a headline's length) reads as `test`
/// says, its whitespace collapsed.
fn any_heading(dom: &Dom, test: &dyn Fn(&str) -> bool) -> bool {
    dom.find_all(ROOT, &["h1", "h2"])
        .into_iter()
        .any(|heading| {
            !dom.has_more_text_than(heading, MAX_HEADLINE_CHARS)
                && test(&collapse_whitespace(&dom.text_content(heading)))
        })
}

/// The page's first heading where the title opens with it and a separator, however short it
/// is ("Kayaks | REI Co-op" under "Kayaks", "Promise - JavaScript | MDN" under "Promise"): the
/// page shows it as its headline, and the rest is the site's. Not a heading that names the
/// site (a logo set as the page's `<h1>`), nor one in the site's navigation or a link, nor a
/// section's label whose story a heading shows ("Opinion | The headline" under an `<h2>` of
/// the headline); not where the title runs on in the same word ("Covid-19 vaccines" under
/// "Covid"). A permalink in the heading ("Quickstart¶") is no part of it.
pub fn heading_before_separator(
    dom: &Dom,
    title: &str,
    site_name: Option<&str>,
    host: Option<&str>,
) -> Option<String> {
    let title = collapse_whitespace(title);
    let h1 = dom
        .find_all(ROOT, &["h1"])
        .into_iter()
        .find(|&h1| !dom.has_more_text_than(h1, MAX_HEADLINE_CHARS) && shown_in_place(dom, h1))?;
    let text = heading_text(dom, h1);
    let text = text.trim();
    let rest = title.strip_prefix(text)?;
    // The separator right after the heading's words, parting the title as a separator does.
    let separator = separator_positions(&title, PARTING, PARTING_UNSPACED)
        .into_iter()
        .find(|&at| at >= text.len() && rest[..at - text.len()].trim().is_empty())?;
    let tail = title[separator..].chars().skip(1).collect::<String>();
    let tail = tail.trim();
    let is_site =
        mentions_site(text, site_name, host) || SiteNames::new(&[site_name], host).is_named(text);
    let named = text.chars().any(char::is_alphanumeric) && tail.chars().any(char::is_alphanumeric);
    // A heading that is the rest: the story under its section's label.
    let story_shown = any_heading(dom, &|text| text == tail);
    (named && !is_site && !story_shown).then(|| text.to_string())
}

/// A heading's words without a permalink's mark in it (`<a href="#quickstart">¶</a>`).
fn heading_text(dom: &Dom, heading: NodeId) -> String {
    let mut text = String::new();
    let mut stack = vec![heading];
    while let Some(node) = stack.pop() {
        if let Some(words) = dom.text_of(node) {
            text.push_str(words);
            continue;
        }
        let in_page = dom.is_tag(node, "a")
            && dom
                .attr(node, "href")
                .is_some_and(|href| href.trim_start().starts_with('#'));
        if !in_page {
            stack.extend(dom.children(node).iter().rev());
        }
    }
    collapse_whitespace(&text)
}

/// The words a headline before its first bar needs to stand alone.
const MIN_HEAD_WORDS: usize = 3;

/// Whether `part` holds the site's name or its address's name ("Gregory Szorc's Digital Home"
/// on gregoryszorc.com), compared by letters and digits alone.
fn mentions_site(part: &str, site_name: Option<&str>, host: Option<&str>) -> bool {
    let part = squeezed(part);
    let site = site_name.map(squeezed);
    let label = host.map(host_label);
    [site, label]
        .into_iter()
        .flatten()
        .filter(|name| name.chars().count() >= 4)
        .any(|name| part.contains(&name))
}

/// Share of `b`'s distinct words that `a` also has — 1.0 means every word matches
/// (Readability's `_textSimilarity`, measured on word tokens).
pub fn text_similarity(a: &str, b: &str) -> f64 {
    let tokenize = |s: &str| -> Vec<String> {
        s.to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .filter(|t| !t.is_empty())
            .map(str::to_string)
            .collect()
    };
    let tokens_a = tokenize(a);
    let tokens_b = tokenize(b);
    if tokens_a.is_empty() || tokens_b.is_empty() {
        return 0.0;
    }
    let unique_b: Vec<&String> = tokens_b.iter().filter(|t| !tokens_a.contains(t)).collect();
    let joined_b_len = tokens_b.join(" ").chars().count() as f64;
    let unique_len = unique_b
        .iter()
        .map(|t| t.as_str())
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .count() as f64;
    1.0 - unique_len / joined_b_len
}

#[cfg(test)]
mod tests {
    use super::*;

    fn title_of(html: &str) -> String {
        from_document(&crate::parse::document(html))
    }

    #[test]
    fn a_title_that_is_the_site_name_gives_way_to_the_heading() {
        let dom = crate::parse::document(
            "<body><header><h1>Glossier</h1></header><main><h1>Custom Skincare Set</h1></main></body>",
        );
        let shown = |title: &str, site: Option<&str>, host: Option<&str>| {
            instead_of_site_name(&dom, title, site, host)
        };
        // Named by the page or by its address.
        assert_eq!(
            shown("Glossier", Some("Glossier"), None).as_deref(),
            Some("Custom Skincare Set")
        );
        assert_eq!(
            shown("Glossier", None, Some("www.glossier.com")).as_deref(),
            Some("Custom Skincare Set")
        );
        // A heading in the navigation or a hidden box is not the page's.
        let hidden = crate::parse::document(
            "<body><nav><h1>Menu and more</h1></nav><div hidden><h1>Sign in to Glossier</h1></div>\
             <main><h1>Custom Skincare Set</h1></main></body>",
        );
        assert_eq!(
            instead_of_site_name(&hidden, "Glossier", Some("Glossier"), None).as_deref(),
            Some("Custom Skincare Set")
        );
        // A title of its own stands.
        assert_eq!(
            shown("Skincare sets", Some("Glossier"), Some("glossier.com")),
            None
        );
    }

    #[test]
    fn a_site_name_after_a_dash_between_cjk_characters_is_cut() {
        assert_eq!(
            strip_site_name("港股收盘恒指涨百分之二-新浪财经", Some("新浪财经"), None),
            "港股收盘恒指涨百分之二"
        );
        // Latin compounds keep their hyphen.
        assert_eq!(
            strip_site_name("Schmand-Kuchen backen", Some("Kuchen"), None),
            "Schmand-Kuchen backen"
        );
    }

    #[test]
    fn site_suffix_is_cut() {
        assert_eq!(
            title_of("<title>Guaido Not Ruling Out Intervention - Sputnik International</title>"),
            "Guaido Not Ruling Out Intervention"
        );
    }

    #[test]
    fn short_remainder_keeps_the_original() {
        assert_eq!(title_of("<title>Home | Site</title>"), "Home | Site");
    }

    #[test]
    fn site_name_is_stripped_only_when_it_matches() {
        assert_eq!(
            strip_site_name("A long headline here | The Paper", Some("The Paper"), None),
            "A long headline here"
        );
        assert_eq!(
            strip_site_name("A long headline here - Other", Some("The Paper"), None),
            "A long headline here - Other"
        );
    }

    #[test]
    fn a_headline_stands_before_the_title_s_first_bar() {
        let host = Some("gregoryszorc.com");
        let page = |body: &str| crate::parse::document(&format!("<body>{body}</body>"));
        let plain = page("<p>No heading.</p>");
        for (title, headline) in [
            (
                "Best Resume Writing Service | Professional Resume Writers",
                Some("Best Resume Writing Service"),
            ),
            (
                "A long headline here | Other | More",
                Some("A long headline here"),
            ),
            // Two words, the site's own name, or an open bracket before the bar.
            ("Web Designs | Portfolio", None),
            ("Gregory Szorc's Digital Home | Mercurial's Journey", None),
            ("Font Size in R (5 Examples | Axis Text)", None),
            // A dash is the headline's own.
            ("Tutorial - User Guide - Fast", None),
        ] {
            assert_eq!(
                headline_before_bar(&plain, title, None, host).as_deref(),
                headline,
                "{title}"
            );
        }
        // A heading shows what follows the bar, or the whole title: the part before is a label.
        let title = "Letters to the Editor | Why our schools need more time";
        let shown = page("<h2>Why our schools need more time</h2>");
        assert_eq!(headline_before_bar(&shown, title, None, host), None);
        let whole = page(&format!("<h1>{title}</h1>"));
        assert_eq!(headline_before_bar(&whole, title, None, host), None);
    }

    #[test]
    fn the_site_is_known_by_its_host_in_any_script_and_separator() {
        let host = Some("www.vogelwarte.ch");
        assert_eq!(
            strip_site_name(
                "Förderung im lichten Wald | Schweizerische Vogelwarte",
                None,
                host
            ),
            "Förderung im lichten Wald"
        );
        assert_eq!(
            strip_site_name(
                "Ein Titel | petri-heil.ch | Dein Magazin",
                None,
                Some("petri-heil.ch")
            ),
            "Ein Titel"
        );
        assert_eq!(
            strip_site_name("科技新闻的标题在这里_科技_腾讯网", Some("腾讯网"), None),
            "科技新闻的标题在这里_科技"
        );
        // A host label inside the headline's words is not the site's name.
        assert_eq!(
            strip_site_name("Vogelwarte counts the birds - Local news", None, host),
            "Vogelwarte counts the birds - Local news"
        );
    }

    #[test]
    fn the_pages_own_headline_wins_over_the_title_wrapping_it() {
        let page = |title: &str, h1: &str| {
            let dom = crate::parse::document(&format!(
                "<title>x</title><body><h1>{h1}</h1><p>text</p></body>"
            ));
            on_page_headline(&dom, title)
        };
        assert_eq!(
            page(
                "Mandarinen-Schmand-Kuchen von jesusfreak | Chefkoch",
                "Mandarinen-Schmand-Kuchen"
            )
            .as_deref(),
            Some("Mandarinen-Schmand-Kuchen")
        );
        assert_eq!(
            page(
                "Corona-Pandemie - „Es kommt darauf an, wie“",
                "„Es kommt darauf an, wie“"
            )
            .as_deref(),
            Some("„Es kommt darauf an, wie“")
        );
        // The site's name as the <h1>, at the end of the title: the title stays.
        assert_eq!(
            page("Shared Mutable History — evolve for hg", "evolve for hg"),
            None
        );
        // An <h1> that only starts the title, without a separator, is not the headline.
        assert_eq!(page("Rust in production today", "Rust in production"), None);
    }

    #[test]
    fn a_short_heading_the_title_opens_with_is_the_headline() {
        let page = |title: &str, body: &str| {
            let dom = crate::parse::document(&format!("<title>x</title><body>{body}</body>"));
            heading_before_separator(&dom, title, Some("REI"), Some("www.rei.com"))
        };
        let h1 = |text: &str| format!("<h1>{text}</h1><p>Forty kayaks in stock.</p>");
        assert_eq!(
            page("Kayaks | REI Co-op", &h1("Kayaks")).as_deref(),
            Some("Kayaks")
        );
        assert_eq!(
            page("Promise - JavaScript | MDN", &h1("Promise")).as_deref(),
            Some("Promise")
        );
        assert_eq!(
            page(
                "Quickstart — Flask Documentation",
                "<h1>Quickstart<a href='#quickstart'>¶</a></h1>"
            )
            .as_deref(),
            Some("Quickstart")
        );
        // The site's logo as the page's heading, a heading in a link or the navigation, one the
        // title only opens with, and a title that is the heading alone: the title stays.
        assert_eq!(page("REI | Kayaks for every river", &h1("REI")), None);
        assert_eq!(
            page("Kayaks | REI Co-op", "<a href=/><h1>Kayaks</h1></a>"),
            None
        );
        assert_eq!(
            page("Kayaks | REI Co-op", "<nav><h1>Kayaks</h1></nav>"),
            None
        );
        assert_eq!(page("Kayaks and canoes | REI", &h1("Kayaks")), None);
        assert_eq!(page("Kayaks |", &h1("Kayaks")), None);
        // The title running on in the heading's last word, and a section's label over its story.
        assert_eq!(page("Covid-19 vaccines | BBC", &h1("Covid")), None);
        assert_eq!(
            page(
                "Opinion | Kayaks for every river",
                "<h1>Opinion</h1><h2>Kayaks for every river</h2><p>Text.</p>"
            ),
            None
        );
        // A C# heading keeps its mark.
        assert_eq!(
            page("C# | Programming guide", &h1("C#")).as_deref(),
            Some("C#")
        );
    }

    #[test]
    fn similarity_is_one_for_identical_text() {
        assert!((text_similarity("Hello world", "hello, world") - 1.0).abs() < 1e-9);
        assert!(text_similarity("abc", "xyz") < 0.01);
    }
}
