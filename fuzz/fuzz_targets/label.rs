//! Any text as an address, page claims and article lines: the outlet matcher, the address
//! unwrapping and the wire-credit detector must return, never panic, and keep their promises.
#![no_main]

use libfuzzer_sys::fuzz_target;
use masthead::label::{affiliation, find_wire_credits, label_url, PageClaims};
use masthead::wording::Wording;

/// Address shapes that reach each unwrapping path, chosen by the first byte.
const PREFIXES: &[&str] = &[
    "",
    "https://",
    "https://web.archive.org/web/20220301000000/",
    "https://archive.ph/2023.01.01-000000/",
    "https://www-rt-com.cdn.ampproject.org/c/s/",
    "https://news.yahoo.com/",
    "https://webcache.googleusercontent.com/search?q=cache:",
];

fuzz_target!(|data: &[u8]| {
    let Some((&choice, rest)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(rest);
    let mut lines = text.lines();
    let address = format!("{}{}", PREFIXES[choice as usize % PREFIXES.len()], lines.next().unwrap_or(""));
    let claim = lines.next();
    let canonical = lines.next();
    if let Some(label) = label_url(&address) {
        assert!(!label.sources.is_empty() && label.summary.starts_with(&label.outlet));
    }
    let claims = PageClaims { canonical_url: canonical, site_name: claim, publisher: claim };
    let own = affiliation(Some(&address), claims).map(|a| a.outlet);
    let _ = affiliation(None, claims);
    let paragraphs: Vec<String> = lines.map(str::to_string).collect();
    for credit in find_wire_credits(&paragraphs, claim, own.as_deref(), &Wording::english()) {
        assert!(!credit.evidence.is_empty() && credit.summary.contains(&credit.agency));
    }
});
