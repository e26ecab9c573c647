//! Wire copy: does the article carry a state agency's copy, as opposed to mentioning it?
//!
//! Only credit forms count — a dateline (`BEIJING, Sept. 2 (Xinhua) --`, `BRUSSELS, May 17.
//! /TASS/.`, `МОСКВА, 1 янв — РИА Новости.`, `Damascus, SANA-`), a credit line (`© Sputnik /`,
//! `Source: Xinhua`, `(With files from Sputnik)`), a stand-alone credit paragraph (`(Xinhua)`),
//! the byline, or a republication phrase (`ORIGINALLY PUBLISHED AT RT.COM`). "State-run Press
//! TV said" is a mention, and a bare "RT", "SPA" or "Sputnik" never counts.

use super::dataset::{agencies, outlets, Agency, Outlet};
use super::{tier_of, Tier};
use crate::wording::Wording;
use serde::Serialize;

/// A state agency whose copy the article carries.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WireCredit {
    pub agency: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    pub tier: Tier,
    /// The text that shows the carriage.
    pub evidence: String,
    /// "This article carries copy from Xinhua, China's state news agency."
    pub summary: String,
}

/// How far into a paragraph a dateline may sit.
const DATELINE_REACH: usize = 80;
/// The paragraphs at the top of an article where a dateline may be.
const DATELINE_PARAGRAPHS: usize = 3;
/// Words that introduce a credit inside a caption or a closing line.
const CREDIT_LEADS: &[&str] = &[
    "Source:",
    "Sources:",
    "Credit:",
    "Credits:",
    "Photo:",
    "Photos:",
    "Photo credit:",
    "Image:",
    "Video:",
    "Foto:",
    "Fuente:",
    "Quelle:",
    "Источник:",
    "Фото:",
    "来源：",
    "来源:",
];
const FILES_LEADS: &[&str] = &[
    "With files from",
    "with files from",
    "With inputs from",
    "with inputs from",
];

/// The agencies whose copy `paragraphs` (the article's text blocks, in order) carry, skipping
/// the page's own outlet and its owner's other outlets.
pub fn find_wire_credits(
    paragraphs: &[String],
    byline: Option<&str>,
    own: Option<&str>,
    wording: &Wording,
) -> Vec<WireCredit> {
    let own_outlet = own.and_then(|name| outlets().iter().find(|o| o.name == name));
    // Most articles name no agency at all: one search of the whole text per name rules an
    // agency out before its lines are looked at one by one, and the lines (with their
    // lowercase copies) are made only for an agency that is named (callgrind, 130 Readability
    // pages: 124 M instructions of 3.04 G when every line was searched for every agency).
    let whole = paragraphs.join("\n");
    let named_in_text = named_agencies(&whole);
    let mut lines: Option<Vec<Line>> = None;
    let mut credits: Vec<WireCredit> = Vec::new();
    for (agency, named) in agencies().iter().zip(named_in_text) {
        let named = named
            || agency
                .phrases
                .iter()
                .any(|p| contains_ignoring_ascii_case(&whole, p));
        let byline_named =
            byline.is_some_and(|b| agency.credit_names.iter().any(|n| b.contains(*n)));
        if !named && !byline_named {
            continue;
        }
        let Some(outlet) = outlets().iter().find(|o| o.name == agency.outlet) else {
            continue;
        };
        if own_outlet.is_some_and(|own| {
            own.name == outlet.name || own.owner == outlet.owner || own.name == outlet.owner
        }) {
            continue;
        }
        let Some(tier) = tier_of(outlet.category) else {
            continue;
        };
        let lines = lines.get_or_insert_with(|| paragraphs.iter().map(|p| Line::new(p)).collect());
        if let Some(evidence) = evidence_of(agency, lines, byline) {
            credits.push(credit(agency, outlet, tier, evidence, wording));
        }
    }
    credits
}

/// Which agencies (by index in [`agencies`]) have a credit name somewhere in `text`: one pass
/// over its bytes, a name tried only where its first two bytes are (the ~80 names searched one
/// by one were 93 M instructions of 2.9 G over the 130 Readability pages).
fn named_agencies(text: &str) -> Vec<bool> {
    let pair = |a: u8, b: u8| usize::from(a) << 8 | usize::from(b);
    let mut starts = vec![0u64; 65536 / 64];
    for name in agencies().iter().flat_map(|a| a.credit_names) {
        if let [a, b, ..] = name.as_bytes() {
            let at = pair(*a, *b);
            starts[at / 64] |= 1 << (at % 64);
        }
    }
    let mut named = vec![false; agencies().len()];
    let bytes = text.as_bytes();
    for i in 0..bytes.len().saturating_sub(1) {
        let at = pair(bytes[i], bytes[i + 1]);
        if starts[at / 64] & (1 << (at % 64)) == 0 {
            continue;
        }
        let rest = &bytes[i..];
        for (k, agency) in agencies().iter().enumerate() {
            named[k] = named[k]
                || agency
                    .credit_names
                    .iter()
                    .any(|n| rest.starts_with(n.as_bytes()));
        }
    }
    named
}

/// Whether `haystack` holds `needle`, ASCII letters compared without case (the republication
/// phrases are ASCII, or CJK with a Latin name; a phrase with other cased letters would need
/// Unicode folding): no lowercase copy of the article is made.
fn contains_ignoring_ascii_case(haystack: &str, needle: &str) -> bool {
    let (haystack, needle) = (haystack.as_bytes(), needle.as_bytes());
    let Some(&first) = needle.first() else {
        return true;
    };
    memchr::memchr2_iter(
        first.to_ascii_lowercase(),
        first.to_ascii_uppercase(),
        haystack,
    )
    .any(|at| {
        haystack
            .get(at..at + needle.len())
            .is_some_and(|candidate| candidate.eq_ignore_ascii_case(needle))
    })
}

fn credit(
    agency: &Agency,
    outlet: &Outlet,
    tier: Tier,
    evidence: String,
    wording: &Wording,
) -> WireCredit {
    WireCredit {
        agency: agency.agency.to_string(),
        country: outlet.country.to_string(),
        tier,
        evidence,
        summary: wording.message(
            "wireSummary",
            &[agency.agency, wording.phrase(agency.described_as)],
        ),
    }
}

/// What each line offers a credit, worked out once for all agencies: most lines of an article
/// carry no credit mark at all, and are then only looked at for a dateline (top lines) or as a
/// stand-alone credit (short lines).
struct Line<'a> {
    text: &'a str,
    credit_mark: bool,
    short: bool,
}

impl<'a> Line<'a> {
    fn new(text: &'a str) -> Line<'a> {
        let credit_mark = text.contains('©')
            || text.contains("(c)")
            || text.contains("(C)")
            || text.contains("Copyright")
            || CREDIT_LEADS.iter().any(|lead| text.contains(lead))
            || FILES_LEADS.iter().any(|lead| text.contains(lead));
        Line {
            text,
            credit_mark,
            short: text.len() <= STANDALONE_MAX_BYTES,
        }
    }
}

/// Longest paragraph that can be only a credit ("(Xinhua)", "— TASS").
const STANDALONE_MAX_BYTES: usize = 48;

fn evidence_of(agency: &Agency, lines: &[Line], byline: Option<&str>) -> Option<String> {
    if let Some(byline) = byline.map(str::trim) {
        let byline = byline.strip_prefix("By ").unwrap_or(byline);
        if agency
            .credit_names
            .iter()
            .any(|n| byline == *n || byline.strip_prefix(*n) == Some(" News Agency"))
        {
            return Some(format!("Byline: {byline}"));
        }
    }
    let phrases = agency.phrases;
    for (index, line) in lines.iter().enumerate() {
        let top = index < DATELINE_PARAGRAPHS;
        if !(top || line.credit_mark || line.short || !phrases.is_empty()) {
            continue;
        }
        let found = phrases
            .iter()
            .any(|p| contains_ignoring_ascii_case(line.text, p))
            || agency.credit_names.iter().any(|name| {
                line.text.contains(*name)
                    && ((top && dateline_credit(line.text, name))
                        || (line.credit_mark && credit_line(line.text, name))
                        || (line.short && standalone_credit(line.text, name)))
            });
        if found {
            return Some(snippet(line.text));
        }
    }
    None
}

/// `CITY, Date (NAME) --`, `CITY (… / NAME - date)`, `CITY, Date. /NAME/.`, `CITY, date — NAME.`,
/// `City, NAME-` and `City, date, NAME --`: the agency right after a short dateline.
fn dateline_credit(paragraph: &str, name: &str) -> bool {
    for start in token_positions(paragraph, name) {
        let before = &paragraph[..start];
        let after = &paragraph[start + name.len()..];
        if before.chars().count() > DATELINE_REACH {
            break;
        }
        // (NAME) followed by a dash or colon, or (… / NAME - date).
        if let Some(open) = before.rfind('(') {
            let inside_before = &before[open + 1..];
            if !inside_before.contains(')') && is_dateline(&before[..open]) {
                if let Some(close) = after.find(')') {
                    let inside_after = &after[..close];
                    let part_before = inside_before.rsplit('/').next().unwrap_or("").trim();
                    let slashed = inside_before.contains('/');
                    let rest = inside_after.trim_start();
                    let name_alone = part_before.is_empty()
                        && (rest.is_empty() || (slashed && starts_with_dash_or_comma(rest)));
                    let then = after[close + 1..].trim_start();
                    if name_alone && (slashed || starts_with_dash(then) || then.starts_with(':')) {
                        return true;
                    }
                }
            }
        }
        // /NAME/.
        if before.ends_with('/')
            && after.starts_with("/.")
            && is_dateline(&before[..before.len() - 1])
        {
            return true;
        }
        let trimmed = before.trim_end();
        // — NAME. after the dateline.
        if let Some(head) = strip_dash_suffix(trimmed) {
            if is_dateline(head) && after.trim_start().starts_with(['.', ':', ',']) {
                return true;
            }
        }
        // City, NAME- and City, date, NAME --.
        if let Some(head) = trimmed.strip_suffix(',') {
            if is_dateline(head) && starts_with_dash(after.trim_start()) {
                return true;
            }
        }
    }
    false
}

/// `© NAME`, `(c) NAME`, `Source: NAME`, `Photo: NAME/…`, `With files from … NAME`.
fn credit_line(paragraph: &str, name: &str) -> bool {
    for start in token_positions(paragraph, name) {
        let before = paragraph[..start].trim_end();
        let after = &paragraph[start + name.len()..];
        if !ends_credit(after) {
            continue;
        }
        let before = before.trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ');
        if before.ends_with('©')
            || before.ends_with("(c)")
            || before.ends_with("(C)")
            || before.ends_with("Copyright")
        {
            return true;
        }
        if CREDIT_LEADS.iter().any(|lead| before.ends_with(lead)) {
            return true;
        }
        if let Some(lead_at) = FILES_LEADS
            .iter()
            .filter_map(|lead| before.rfind(lead))
            .max()
        {
            // Within the same credit: no sentence end between the lead and the name.
            if !paragraph[lead_at..start].contains(". ") {
                return true;
            }
        }
    }
    false
}

/// A paragraph that is only the credit: `(Xinhua)`, `— TASS`, `Xinhua`.
fn standalone_credit(paragraph: &str, name: &str) -> bool {
    let core = paragraph
        .trim()
        .trim_start_matches(['(', '[', '—', '–', '-', ' '])
        .trim_end_matches([')', ']', '.', ' ']);
    core == name
}

/// A short run of words before the agency — a city and a date — not a sentence.
fn is_dateline(text: &str) -> bool {
    let text = text.trim();
    if text.is_empty() {
        return true;
    }
    let words = text.split_whitespace().count();
    text.chars().count() <= DATELINE_REACH
        && words <= 8
        && text.chars().next().is_some_and(char::is_uppercase)
        && !text.contains(['"', '“', '”', '«', '»'])
}

fn starts_with_dash(text: &str) -> bool {
    text.starts_with(['-', '–', '—', '―'])
}

fn starts_with_dash_or_comma(text: &str) -> bool {
    starts_with_dash(text) || text.starts_with(',')
}

fn strip_dash_suffix(text: &str) -> Option<&str> {
    text.strip_suffix("--")
        .or_else(|| text.strip_suffix(['—', '–', '―', '-']))
        .map(str::trim_end)
}

/// After the name: the end, or punctuation that closes a credit (`/`, `|`, `,`, `)`), not a word.
fn ends_credit(after: &str) -> bool {
    let rest = after.trim_start();
    rest.is_empty() || rest.starts_with(['/', '|', ',', ';', '.', ')', ']', '-', '–', '—', '丨'])
}

/// Byte offsets where `name` occurs as a whole token (not inside a longer word).
fn token_positions<'a>(text: &'a str, name: &'a str) -> impl Iterator<Item = usize> + 'a {
    text.match_indices(name).map(|(i, _)| i).filter(move |&i| {
        let before = text[..i].chars().next_back();
        let after = text[i + name.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The evidence as shown: the paragraph, shortened at a character boundary.
fn snippet(paragraph: &str) -> String {
    const LIMIT: usize = 140;
    let text = paragraph.trim();
    match text.char_indices().nth(LIMIT) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_match_without_case_and_agencies_by_name() {
        assert!(contains_ignoring_ascii_case(
            "Ärger… Originally published at RT.com",
            "ORIGINALLY PUBLISHED AT RT.COM"
        ));
        assert!(contains_ignoring_ascii_case("新闻丨cctv.com", "丨CCTV.com"));
        assert!(!contains_ignoring_ascii_case(
            "published at RT.co",
            "published at RT.com"
        ));
        assert!(!contains_ignoring_ascii_case("RT", "RT.com"));
        let named = named_agencies("BEIJING, Sept. 2 (Xinhua) -- ");
        let xinhua = agencies()
            .iter()
            .position(|a| a.agency == "Xinhua")
            .unwrap();
        assert!(named[xinhua]);
        assert_eq!(named.iter().filter(|n| **n).count(), 1);
        assert!(named_agencies("").iter().all(|n| !n));
    }
}
