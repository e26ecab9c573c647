//! Who stands behind a page: the outlet's state affiliation from `data/outlets.csv`, and the
//! state agencies whose copy the article carries (`data/wire-agencies.csv`).
//!
//! Matching, in order: the page's address (unwrapped from caches, archives and translation
//! proxies) by host suffix and path prefix; on a syndication host, the page's canonical link;
//! only then the page's own claim (`og:site_name`, JSON-LD `publisher`), on an exact name match.

mod address;
mod dataset;
mod wire;

pub use address::{is_syndication_host, Route};
pub use dataset::{agencies, outlets, raw_tables, Agency, Outlet, AGENCY_COLUMNS, OUTLET_COLUMNS};
pub use wire::{find_wire_credits, WireCredit};

use serde::Serialize;
use std::collections::HashMap;
use std::sync::OnceLock;
use url::Url;

/// The three tiers a reader sees.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Tier {
    /// State-controlled (SC).
    Controlled,
    /// Government-captured or government-aligned (CaPu, CaPr).
    Captured,
    /// Publicly funded, editorially independent (ISFM, ISF, ISM, IP).
    Independent,
}

/// How the page was tied to the outlet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchedBy {
    Host,
    AmpCache,
    WebArchive,
    TranslationProxy,
    SearchCache,
    /// The page's canonical link, trusted on syndication hosts and when no address was given.
    Canonical,
    /// The page's own `og:site_name`: a claim, not a verified address.
    SiteNameClaim,
    /// The page's own JSON-LD `publisher` name: a claim, not a verified address.
    PublisherClaim,
}

/// An EU sanctions listing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sanctions {
    /// `YYYY-MM-DD`.
    pub since: String,
    pub measure: String,
}

/// The label for an outlet with a state tie.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Affiliation {
    pub outlet: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    pub country_name: String,
    /// State Media Matrix code.
    pub category: String,
    pub category_name: String,
    pub tier: Tier,
    pub owner: String,
    pub sanctions: Option<Sanctions>,
    pub contested: Option<String>,
    /// Fields of the dataset row not confirmed in a public source.
    pub unconfirmed: Option<String>,
    pub basis: String,
    pub sources: Vec<String>,
    pub reviewed: String,
    pub matched_by: MatchedBy,
    /// The host, or the claimed name, that matched.
    pub matched_on: String,
    /// One line: "Sputnik International — state-controlled media, Russia. Owned by Rossiya Segodnya."
    pub summary: String,
    /// The category in plain words.
    pub why: String,
}

/// The page's own claims about its name, in order of trust.
#[derive(Debug, Default, Clone, Copy)]
pub struct PageClaims<'a> {
    pub canonical_url: Option<&'a str>,
    pub site_name: Option<&'a str>,
    pub publisher: Option<&'a str>,
}

/// The label for a page at `url` (`None` when unknown) with the given claims.
pub fn affiliation(url: Option<&str>, claims: PageClaims) -> Option<Affiliation> {
    let page = url.and_then(crate::address::parse);
    if let Some(page) = &page {
        let (original, route) = address::unwrap(page);
        if let Some((outlet, host)) = outlet_for_url(&original) {
            return Some(label(outlet, matched_by(route), host));
        }
        let host = original.host_str().unwrap_or_default().to_ascii_lowercase();
        if is_syndication_host(&host) {
            if let Some(found) = canonical_match(page, claims.canonical_url) {
                return Some(found);
            }
        }
    } else if let Some(found) = claims
        .canonical_url
        .and_then(crate::address::parse)
        .and_then(|c| canonical_match(&c, Some(c.as_str())))
    {
        return Some(found);
    }
    let claimed = [
        (claims.site_name, MatchedBy::SiteNameClaim),
        (claims.publisher, MatchedBy::PublisherClaim),
    ];
    claimed.into_iter().find_map(|(name, how)| {
        let name = name?;
        outlet_by_name(name).map(|outlet| label(outlet, how, name.trim().to_string()))
    })
}

/// A listed host (with its path prefix, if any) and its outlet's tier: what a browser needs
/// to mark labeled outlets before any click without reading the page's address itself.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HostRule {
    pub host: String,
    pub path_prefix: Option<String>,
    pub tier: Tier,
}

/// Every listed host as a [`HostRule`], in dataset order.
pub fn host_rules() -> Vec<HostRule> {
    outlets()
        .iter()
        .filter_map(|outlet| Some((outlet, tier_of(&outlet.category)?)))
        .flat_map(|(outlet, tier)| {
            outlet.hosts.iter().map(move |entry| {
                let (host, prefix) = entry.split_once('/').unzip();
                HostRule {
                    host: host.unwrap_or(entry).to_string(),
                    path_prefix: prefix.map(|p| format!("/{p}")),
                    tier,
                }
            })
        })
        .collect()
}

/// The label for an address alone (`masthead label URL`).
pub fn label_url(url: &str) -> Option<Affiliation> {
    affiliation(Some(url), PageClaims::default())
}

fn canonical_match(base: &Url, canonical: Option<&str>) -> Option<Affiliation> {
    let canonical = crate::address::join(base, canonical?)?;
    let (original, _) = address::unwrap(&canonical);
    outlet_for_url(&original).map(|(outlet, host)| label(outlet, MatchedBy::Canonical, host))
}

fn matched_by(route: Route) -> MatchedBy {
    match route {
        Route::Direct => MatchedBy::Host,
        Route::AmpCache => MatchedBy::AmpCache,
        Route::WebArchive => MatchedBy::WebArchive,
        Route::TranslationProxy => MatchedBy::TranslationProxy,
        Route::SearchCache => MatchedBy::SearchCache,
    }
}

/// Hosts of the dataset, each with its outlets and their path prefixes (`None` for the whole host).
type HostIndex = HashMap<&'static str, Vec<(&'static Outlet, Option<&'static str>)>>;

fn host_index() -> &'static HostIndex {
    static INDEX: OnceLock<HostIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index = HostIndex::new();
        for outlet in outlets() {
            for entry in &outlet.hosts {
                let (host, prefix) = match entry.split_once('/') {
                    Some((host, prefix)) => (host, Some(prefix)),
                    None => (entry.as_str(), None),
                };
                index.entry(host).or_default().push((outlet, prefix));
            }
        }
        // Path-prefixed entries first: `bbc.com/persian` before `bbc.com`.
        for entries in index.values_mut() {
            entries.sort_by_key(|(_, prefix)| prefix.is_none());
        }
        index
    })
}

/// The outlet for an address: the longest listed host that is the page's host or a parent of
/// it, then the longest path prefix. Walking the host's own labels means `art.com`,
/// `rt.com.au` or `rt.example.org` can never match `rt.com`; the dataset lint guarantees every
/// listed host is a registrable domain or below it (never a public suffix such as `com.tr`).
pub fn outlet_for_url(url: &Url) -> Option<(&'static Outlet, String)> {
    if !matches!(url.scheme(), "http" | "https") {
        return None;
    }
    let host = url.host_str()?.to_ascii_lowercase();
    let host = host.trim_end_matches('.');
    let path = url.path();
    let index = host_index();
    let mut candidate = host;
    loop {
        if let Some(entries) = index.get(candidate) {
            for (outlet, prefix) in entries {
                match prefix {
                    Some(prefix) if !path_has_prefix(path, prefix) => continue,
                    _ => {}
                }
                let matched = match prefix {
                    Some(prefix) => format!("{candidate}/{prefix}"),
                    None => candidate.to_string(),
                };
                return Some((outlet, matched));
            }
        }
        candidate = candidate.split_once('.')?.1;
        if !candidate.contains('.') {
            return None;
        }
    }
}

fn path_has_prefix(path: &str, prefix: &str) -> bool {
    path.trim_start_matches('/')
        .strip_prefix(prefix)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// An outlet whose name or alias is exactly `name` (ignoring case and surrounding space).
pub fn outlet_by_name(name: &str) -> Option<&'static Outlet> {
    let wanted = normalize_name(name);
    if wanted.is_empty() {
        return None;
    }
    outlets().iter().find(|o| {
        normalize_name(&o.name) == wanted || o.aliases.iter().any(|a| normalize_name(a) == wanted)
    })
}

fn normalize_name(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The tier of a State Media Matrix code, `None` for an unknown code.
pub fn tier_of(category: &str) -> Option<Tier> {
    match category {
        "SC" => Some(Tier::Controlled),
        "CaPu" | "CaPr" => Some(Tier::Captured),
        "ISFM" | "ISF" | "ISM" | "IP" => Some(Tier::Independent),
        _ => None,
    }
}

/// The category's name and its meaning in plain words.
pub fn category_text(category: &str) -> (&'static str, &'static str) {
    match category {
        "SC" => ("State-controlled media", "The government funds it, runs it and controls what it publishes."),
        "CaPu" => ("Government-captured media", "It is publicly owned or managed, and the government controls its editorial line."),
        "CaPr" => ("Government-aligned media", "It is nominally private, but its owners are closely tied to the state and its coverage follows the government line."),
        "ISFM" => ("Publicly funded, editorially independent", "The state funds and manages it, but does not decide what it publishes."),
        "ISF" => ("Publicly funded, editorially independent", "The state funds it; its governance and editorial decisions are independent."),
        "ISM" => ("Publicly funded, editorially independent", "The state has a hand in its ownership or governance, but it does not depend on state money and is editorially independent."),
        "IP" => ("Publicly funded, editorially independent", "Public money pays for it, and its funding, governance and editorial decisions are independent of the government."),
        _ => ("", ""),
    }
}

/// The English short name of a country code used in the dataset.
pub fn country_name(code: &str) -> Option<&'static str> {
    Some(match code {
        "AE" => "United Arab Emirates",
        "AU" => "Australia",
        "BY" => "Belarus",
        "CA" => "Canada",
        "CN" => "China",
        "CU" => "Cuba",
        "DE" => "Germany",
        "EG" => "Egypt",
        "ES" => "Spain",
        "FR" => "France",
        "GB" => "United Kingdom",
        "HK" => "Hong Kong",
        "IR" => "Iran",
        "JP" => "Japan",
        "KP" => "North Korea",
        "KR" => "South Korea",
        "LA" => "Laos",
        "QA" => "Qatar",
        "RU" => "Russia",
        "SA" => "Saudi Arabia",
        "SG" => "Singapore",
        "SY" => "Syria",
        "TR" => "Turkey",
        "TW" => "Taiwan",
        "US" => "United States",
        "VE" => "Venezuela",
        "VN" => "Vietnam",
        _ => return None,
    })
}

fn label(outlet: &'static Outlet, matched_by: MatchedBy, matched_on: String) -> Affiliation {
    let tier = tier_of(&outlet.category).unwrap_or(Tier::Independent);
    let (category_name, why) = category_text(&outlet.category);
    let country_name = country_name(&outlet.country).unwrap_or(outlet.country.as_str());
    let owned = match tier {
        Tier::Independent => "Funded by",
        Tier::Controlled | Tier::Captured => "Owned by",
    };
    let summary = format!(
        "{} — {}, {}. {} {}.",
        outlet.name,
        lowercase_first(category_name),
        country_name,
        owned,
        outlet.owner.trim_end_matches('.')
    );
    let sanctions = outlet
        .eu_sanctions
        .split_once(' ')
        .map(|(since, measure)| Sanctions {
            since: since.to_string(),
            measure: measure.to_string(),
        });
    let non_empty = |s: &str| (!s.is_empty()).then(|| s.to_string());
    Affiliation {
        outlet: outlet.name.clone(),
        country: outlet.country.clone(),
        country_name: country_name.to_string(),
        category: outlet.category.clone(),
        category_name: category_name.to_string(),
        tier,
        owner: outlet.owner.clone(),
        sanctions,
        contested: non_empty(&outlet.contested),
        unconfirmed: non_empty(&outlet.unconfirmed),
        basis: outlet.basis.clone(),
        sources: outlet.sources.clone(),
        reviewed: outlet.reviewed.clone(),
        matched_by,
        matched_on,
        summary,
        why: why.to_string(),
    }
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outlet(url: &str) -> Option<String> {
        label_url(url).map(|a| a.outlet)
    }

    #[test]
    fn sputnik_label_reads_as_the_issue_asks() {
        let label = label_url("https://sputnikglobe.com/20190209/story.html").unwrap();
        assert_eq!(
            label.summary,
            "Sputnik International — state-controlled media, Russia. Owned by Rossiya Segodnya."
        );
        assert_eq!(label.tier, Tier::Controlled);
        assert_eq!(label.sanctions.unwrap().since, "2022-03-02");
        assert_eq!(label.matched_by, MatchedBy::Host);
    }

    #[test]
    fn path_prefixed_outlets_match_only_under_their_prefix() {
        assert_eq!(
            outlet("https://www.bbc.com/persian/articles/c1").as_deref(),
            Some("BBC World Service (incl. BBC Persian, BBC Arabic, BBC Russian)")
        );
        assert_eq!(
            outlet("https://www.bbc.com/persiangulf").as_deref(),
            Some("BBC")
        );
        assert_eq!(
            outlet("https://www.bbc.com/news/world-1").as_deref(),
            Some("BBC")
        );
    }

    #[test]
    fn page_claims_count_only_on_exact_names_and_only_for_unknown_hosts() {
        let claims = PageClaims {
            site_name: Some(" Sputnik International "),
            ..Default::default()
        };
        let label = affiliation(Some("https://mirror.example/a"), claims).unwrap();
        assert_eq!(label.matched_by, MatchedBy::SiteNameClaim);
        let near = PageClaims {
            site_name: Some("Sputnik International Fan Club"),
            ..Default::default()
        };
        assert!(affiliation(Some("https://mirror.example/a"), near).is_none());
        // A listed host wins over what the page says about itself.
        let label = affiliation(Some("https://www.dw.com/en/a"), claims).unwrap();
        assert_eq!(label.outlet, "Deutsche Welle");
    }

    #[test]
    fn canonical_counts_on_syndication_hosts_only() {
        let claims = PageClaims {
            canonical_url: Some("https://www.globaltimes.cn/page/1.shtml"),
            ..Default::default()
        };
        let label = affiliation(Some("https://news.yahoo.com/story-1.html"), claims).unwrap();
        assert_eq!(
            (label.outlet.as_str(), label.matched_by),
            ("Global Times", MatchedBy::Canonical)
        );
        assert!(affiliation(Some("https://blog.example/story-1.html"), claims).is_none());
        // With no address at all (a saved file), the page's canonical link is all there is.
        assert_eq!(
            affiliation(None, claims).unwrap().matched_by,
            MatchedBy::Canonical
        );
    }

    #[test]
    fn non_web_addresses_never_match() {
        assert_eq!(outlet("ftp://rt.com/a"), None);
        assert_eq!(outlet("not a url"), None);
        assert_eq!(outlet("https://127.0.0.1/"), None);
    }
}
