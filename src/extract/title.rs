//! Stage 5, the headline: from metadata when the page gives one, else from `<title>` with the site
//! name cut off (Readability's `_getArticleTitle`), then any "| Site Name" suffix removed
//! when it repeats the known site name.

use super::patterns::TITLE_SEPARATORS;
use crate::dom::{collapse_whitespace, Dom, ROOT};

fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// The `<title>` text.
pub fn document_title(dom: &Dom) -> String {
    dom.find_first(ROOT, |d, n| d.is_tag(n, "title"))
        .map(|t| collapse_whitespace(&dom.text_content(t)))
        .unwrap_or_default()
}

/// Positions of " <sep> " separators in `title` (byte index of the separator character).
fn separator_positions(title: &str) -> Vec<usize> {
    let chars: Vec<(usize, char)> = title.char_indices().collect();
    let mut out = Vec::new();
    for i in 1..chars.len().saturating_sub(1) {
        if TITLE_SEPARATORS.contains(&chars[i].1)
            && chars[i - 1].1.is_whitespace()
            && chars[i + 1].1.is_whitespace()
        {
            out.push(chars[i].0);
        }
    }
    out
}

/// Readability's title heuristics over the document title.
pub fn from_document(dom: &Dom) -> String {
    let original = document_title(dom);
    let mut title = original.clone();
    let mut had_hierarchical_separators = false;

    let separators = separator_positions(&title);
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

/// Remove a trailing " | Site Name" (or leading "Site Name | ") when it names the site.
pub fn strip_site_name(title: &str, site_name: Option<&str>) -> String {
    let Some(site) = site_name.map(str::trim).filter(|s| !s.is_empty()) else {
        return title.to_string();
    };
    let lower_site = site.to_lowercase();
    for at in separator_positions(title).into_iter().rev() {
        let sep_len = title[at..].chars().next().map_or(1, char::len_utf8);
        let (head, tail) = (title[..at].trim(), title[at + sep_len..].trim());
        if tail.to_lowercase() == lower_site && word_count(head) >= 2 {
            return head.to_string();
        }
        if head.to_lowercase() == lower_site && word_count(tail) >= 2 {
            return tail.to_string();
        }
    }
    title.to_string()
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
            strip_site_name("A long headline here | The Paper", Some("The Paper")),
            "A long headline here"
        );
        assert_eq!(
            strip_site_name("A long headline here | Other", Some("The Paper")),
            "A long headline here | Other"
        );
    }

    #[test]
    fn similarity_is_one_for_identical_text() {
        assert!((text_similarity("Hello world", "hello, world") - 1.0).abs() < 1e-9);
        assert!(text_similarity("abc", "xyz") < 0.01);
    }
}
