//! Who stands behind a page: the outlet's state affiliation from `data/outlets.csv`, and the
//! state agencies whose copy the article carries (`data/wire-agencies.csv`).
//!
//! A label is given only on evidence the page cannot forge: its address (unwrapped from caches,
//! archives and translation proxies) by host suffix and path prefix, or, on a syndication portal
//! whose pages only licensed publishers supply, its canonical link. What the page says about
//! itself (`og:site_name`, JSON-LD `publisher`, a canonical link elsewhere) is a claim: when it
//! names a listed outlet from an address that is not the outlet's, the reader is told exactly
//! that ([`NameClaim`]), never given the outlet's label. A name counts only when it leaves no
//! doubt which newsroom is meant (the dataset's hand-reviewed `claim_names`: "Sputnik", "CGTN",
//! never "ABC", "SBS" or "NTV", which several newsrooms share) and the page does not name
//! itself otherwise; when in doubt the note is left out, since a false note accuses a newsroom.

mod dataset;
mod route;
mod wire;

pub use dataset::{agencies, country_name, outlets, Agency, Country, Outlet};
pub use route::{is_syndication_host, Route};
pub use wire::{find_wire_credits, WireCredit};

use crate::wording::Wording;
use serde::Serialize;
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
    /// The page's canonical link, on a syndication portal that only licensed publishers supply.
    Canonical,
}

/// Where a page named an outlet itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimedIn {
    SiteName,
    Publisher,
    Canonical,
}

/// A page that names a listed outlet from an address that is not one of the outlet's: a claim
/// anyone can write, so it is reported as a claim and never lends the outlet's label.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NameClaim {
    /// The outlet the page claims to be, as the dataset names it.
    pub outlet: String,
    /// What the page wrote (a name, or the host of its canonical link).
    pub claimed: String,
    pub claimed_in: ClaimedIn,
    /// Whether the page came with an address at all (a saved file may not).
    pub address_known: bool,
    /// "This page calls itself BBC News; its address is not among BBC's known addresses."
    pub summary: String,
}

/// What the label says about a page: the outlet's affiliation, or a claim it could not back.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OutletLabel {
    pub affiliation: Option<Affiliation>,
    pub name_claim: Option<NameClaim>,
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
    /// What of the dataset row is not yet confirmed in a public source, as a list in the
    /// reader's language ("the owner, which addresses are its own (globaltimes.cn)").
    pub unconfirmed: Option<String>,
    pub basis: String,
    pub sources: Vec<String>,
    pub reviewed: String,
    pub matched_by: MatchedBy,
    /// The host, or the claimed name, that matched.
    pub matched_on: String,
    /// One line: "Sputnik International — state-controlled media, Russia. Owned by Rossiya Segodnya."
    pub summary: String,
    /// The same without the tier, for the view to set after its tier heading: "Sputnik
    /// International, Russia. Owned by Rossiya Segodnya."
    pub line: String,
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

/// The label for a page at `url` (`None` when unknown) with the given claims, worded in
/// `wording`'s language.
pub fn outlet_label(url: Option<&str>, claims: PageClaims, wording: &Wording) -> OutletLabel {
    let page = url.and_then(crate::address::parse);
    if let Some(page) = &page {
        let (original, route) = route::unwrap(page);
        if let Some((outlet, host)) = outlet_for_url(&original) {
            return OutletLabel {
                affiliation: Some(label(outlet, matched_by(route), host, wording)),
                name_claim: None,
            };
        }
        let host = page.host_str().unwrap_or_default().to_ascii_lowercase();
        if route == Route::Direct && is_syndication_host(&host) {
            if let Some((outlet, host)) = canonical_outlet(page, claims.canonical_url) {
                return OutletLabel {
                    affiliation: Some(label(outlet, MatchedBy::Canonical, host, wording)),
                    name_claim: None,
                };
            }
        }
    }
    OutletLabel {
        affiliation: None,
        name_claim: name_claim(page.as_ref(), claims, wording),
    }
}

/// The affiliation alone (see [`outlet_label`]), in English.
pub fn affiliation(url: Option<&str>, claims: PageClaims) -> Option<Affiliation> {
    outlet_label(url, claims, &Wording::english()).affiliation
}

/// The first listed outlet the page names itself as, in order: canonical link, `og:site_name`,
/// JSON-LD publisher.
fn name_claim(page: Option<&Url>, claims: PageClaims, wording: &Wording) -> Option<NameClaim> {
    let by_canonical = canonical_link(page, claims.canonical_url).and_then(|c| {
        let (outlet, _) = outlet_for_url(&route::unwrap(&c).0)?;
        Some((outlet, c.host_str()?.to_string(), ClaimedIn::Canonical))
    });
    let (outlet, claimed, claimed_in) = by_canonical.or_else(|| claimed_by_name(page, claims))?;
    let address_known = page.is_some();
    let name = &outlet.name;
    let key = match (claimed_in, address_known) {
        (ClaimedIn::Canonical, true) => "claimAddressElsewhere",
        (ClaimedIn::Canonical, false) => "claimAddressUnchecked",
        (_, true) => "claimNameElsewhere",
        (_, false) => "claimNameUnchecked",
    };
    let summary = wording.message(key, &[&claimed, name]);
    Some(NameClaim {
        outlet: name.to_string(),
        claimed,
        claimed_in,
        address_known,
        summary,
    })
}

/// The outlet a page names itself as in `og:site_name` or its JSON-LD publisher, when that leaves
/// no doubt: a claim name of exactly one outlet, on an address that is not a syndication portal
/// (whose pages name the licensed publisher that supplied them), and no other name for itself
/// in the other field (a page calling itself "NDTV" with "BBC News" as publisher is NDTV's,
/// carrying BBC copy).
fn claimed_by_name(
    page: Option<&Url>,
    claims: PageClaims,
) -> Option<(&'static Outlet, String, ClaimedIn)> {
    // The portal behind a copy counts as the portal (an archived or translated Yahoo story).
    let original = page.map(|page| route::unwrap(page).0);
    let host = original
        .as_ref()
        .and_then(Url::host_str)
        .unwrap_or_default();
    if is_syndication_host(&host.to_ascii_lowercase()) {
        return None;
    }
    let named: Vec<(&str, ClaimedIn)> = [
        (claims.site_name, ClaimedIn::SiteName),
        (claims.publisher, ClaimedIn::Publisher),
    ]
    .into_iter()
    .filter_map(|(name, how)| Some((name.map(str::trim).filter(|n| !n.is_empty())?, how)))
    .collect();
    let (outlet, name, how) = named
        .iter()
        .find_map(|&(name, how)| Some((outlet_by_claim_name(name)?, name, how)))?;
    let is_one_of_its_names = |other: &str| {
        std::iter::once(&outlet.name)
            .chain(outlet.aliases)
            .chain(outlet.claim_names)
            .any(|known| same_name(other, known))
    };
    if !named.iter().all(|(other, _)| is_one_of_its_names(other)) {
        return None;
    }
    Some((outlet, name.to_string(), how))
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
        .filter_map(|outlet| Some((outlet, tier_of(outlet.category)?)))
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

/// The label for an address alone (`masthead label URL`), in English.
pub fn label_url(url: &str) -> Option<Affiliation> {
    affiliation(Some(url), PageClaims::default())
}

/// The label for an address alone, in `wording`'s language (the toolbar badge's tooltip).
pub fn label_url_in(url: &str, wording: &Wording) -> Option<Affiliation> {
    outlet_label(Some(url), PageClaims::default(), wording).affiliation
}

/// The page's canonical link as an address, resolved against the page's own when it has one.
fn canonical_link(page: Option<&Url>, canonical: Option<&str>) -> Option<Url> {
    match page {
        Some(page) => crate::address::join(page, canonical?),
        None => crate::address::parse(canonical?),
    }
}

fn canonical_outlet(base: &Url, canonical: Option<&str>) -> Option<(&'static Outlet, String)> {
    outlet_for_url(&route::unwrap(&canonical_link(Some(base), canonical)?).0)
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

/// The entries of the dataset's host table (`build.rs`) for exactly `host`, path-prefixed first.
fn host_entries(host: &str) -> impl Iterator<Item = (&'static Outlet, Option<&'static str>)> + '_ {
    let hosts = dataset::HOSTS;
    let start = hosts.partition_point(|(listed, _, _)| *listed < host);
    hosts[start..]
        .iter()
        .take_while(move |(listed, _, _)| *listed == host)
        .map(|(_, prefix, row)| (&outlets()[*row], *prefix))
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
    let mut candidate = host;
    loop {
        for (outlet, prefix) in host_entries(candidate) {
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

/// The outlet whose hand-reviewed claim names include exactly `name` (ignoring case and
/// surrounding space). Names several newsrooms share are in no outlet's claim names, so they
/// name none.
pub fn outlet_by_claim_name(name: &str) -> Option<&'static Outlet> {
    // Some forty outlets have claim names; the rest are skipped on an empty list.
    outlets()
        .iter()
        .find(|o| o.claim_names.iter().any(|known| same_name(name, known)))
}

/// The same name, ignoring case and runs of whitespace; compared as character streams, with no
/// copy of either.
fn same_name(a: &str, b: &str) -> bool {
    normalized_name(a).eq(normalized_name(b))
}

/// `name`'s characters with whitespace runs as one space, no space at either end, lowercase
/// (character by character: a word-final Σ becomes σ, not ς as `str::to_lowercase` has it; no
/// outlet's name has one, and both sides go through this same function).
fn normalized_name(name: &str) -> impl Iterator<Item = char> + '_ {
    name.split_whitespace()
        .enumerate()
        .flat_map(|(i, word)| (i > 0).then_some(' ').into_iter().chain(word.chars()))
        .flat_map(char::to_lowercase)
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

/// The category's name and its meaning in plain words, in `wording`'s language.
pub fn category_text(category: &str, wording: &Wording) -> (String, String) {
    let (name, why) = match category {
        "SC" => ("tierControlled", "whySC"),
        "CaPu" => ("tierCaptured", "whyCaPu"),
        "CaPr" => ("categoryCaPr", "whyCaPr"),
        "ISFM" => ("tierIndependent", "whyISFM"),
        "ISF" => ("tierIndependent", "whyISF"),
        "ISM" => ("tierIndependent", "whyISM"),
        "IP" => ("tierIndependent", "whyIP"),
        _ => return (String::new(), String::new()),
    };
    (wording.message(name, &[]), wording.message(why, &[]))
}

/// "Sputnik International — state-controlled media, Russia. Owned by Rossiya Segodnya.", and
/// the same without the tier ("Sputnik International, Russia. Owned by …").
fn summary(outlet: &Outlet, country_name: &str, wording: &Wording) -> (String, String) {
    let key = match outlet.category {
        "SC" => "summarySC",
        "CaPu" => "summaryCaPu",
        "CaPr" => "summaryCaPr",
        _ => "summaryIndependent",
    };
    let with_owner = |line: String| with_owner(line, outlet, wording);
    (
        with_owner(wording.message(key, &[outlet.name, country_name])),
        with_owner(wording.message("labelLine", &[outlet.name, country_name])),
    )
}

/// `line`, then who owns or funds the outlet, where the dataset says.
fn with_owner(line: String, outlet: &Outlet, wording: &Wording) -> String {
    match outlet.owner.trim_end_matches('.') {
        "" => line,
        owner => wording.message("summaryOwner", &[&line, &owner_text(owner, wording)]),
    }
}

/// The dataset's `unconfirmed` (`owner;domains:globaltimes.cn`) as words in the reader's language.
fn unconfirmed_text(fields: &str, wording: &Wording) -> Option<String> {
    let items: Vec<String> = fields
        .split(';')
        .filter(|f| !f.is_empty())
        .map(|field| {
            let (name, detail) = field.split_once(':').unwrap_or((field, ""));
            let key = match name {
                "all" => "unconfirmedAll",
                "category" => "unconfirmedCategory",
                "owner" => "unconfirmedOwner",
                _ => "unconfirmedDomains",
            };
            let words = wording.message(key, &[]);
            match detail {
                "" => words,
                detail => format!("{words} ({detail})"),
            }
        })
        .collect();
    (!items.is_empty()).then(|| items.join(", "))
}

/// The owner sentence in the reader's language: the dataset's own translation of it where the
/// owner is described in words ("Owned by the Cuban state"), else "Owned by", "Funded by" or
/// "Part of" in the language with the organisation's name as written.
fn owner_text(owner: &str, wording: &Wording) -> String {
    let translated = wording.phrase(owner);
    if translated != owner || wording.locale() == "en" {
        return translated.to_string();
    }
    [
        ("Owned by ", "ownerOwnedBy"),
        ("Funded by ", "ownerFundedBy"),
        ("Part of ", "ownerPartOf"),
    ]
    .iter()
    .find_map(|(prefix, key)| Some(wording.message(key, &[owner.strip_prefix(prefix)?])))
    .unwrap_or_else(|| owner.to_string())
}

fn label(
    outlet: &'static Outlet,
    matched_by: MatchedBy,
    matched_on: String,
    wording: &Wording,
) -> Affiliation {
    let tier = tier_of(outlet.category).unwrap_or(Tier::Independent);
    let (category_name, why) = category_text(outlet.category, wording);
    let country_name = wording
        .country(outlet.country)
        .or_else(|| country_name(outlet.country))
        .unwrap_or(outlet.country);
    let (summary, line) = summary(outlet, country_name, wording);
    let sanctions = outlet
        .eu_sanctions
        .split_once(' ')
        .map(|(since, measure)| Sanctions {
            since: since.to_string(),
            measure: wording.phrase(measure).to_string(),
        });
    let non_empty = |s: &str| (!s.is_empty()).then(|| wording.phrase(s).to_string());
    Affiliation {
        outlet: outlet.name.to_string(),
        country: outlet.country.to_string(),
        country_name: country_name.to_string(),
        category: outlet.category.to_string(),
        category_name: category_name.to_string(),
        tier,
        owner: outlet.owner.to_string(),
        sanctions,
        contested: non_empty(outlet.contested),
        unconfirmed: unconfirmed_text(outlet.unconfirmed, wording),
        basis: outlet.basis.to_string(),
        sources: outlet.sources.iter().map(|s| s.to_string()).collect(),
        reviewed: outlet.reviewed.to_string(),
        matched_by,
        matched_on,
        summary,
        line,
        why: why.to_string(),
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
    fn a_page_claiming_an_outlet_from_an_unlisted_host_gets_a_claim_not_the_label() {
        let claims = PageClaims {
            site_name: Some(" BBC News "),
            ..Default::default()
        };
        let label = outlet_label(
            Some("https://bbc-news.example/a"),
            claims,
            &Wording::english(),
        );
        assert_eq!(label.affiliation, None);
        let claim = label.name_claim.unwrap();
        assert_eq!(
            claim.summary,
            "This page calls itself BBC News; its address is not among BBC's known addresses."
        );
        assert_eq!(
            (claim.claimed_in, claim.address_known),
            (ClaimedIn::SiteName, true)
        );
        // The publisher name and the canonical link are claims too.
        let publisher = PageClaims {
            publisher: Some("Sputnik International"),
            ..Default::default()
        };
        let label = outlet_label(
            Some("https://mirror.example/a"),
            publisher,
            &Wording::english(),
        );
        assert!(label.affiliation.is_none());
        assert_eq!(label.name_claim.unwrap().claimed_in, ClaimedIn::Publisher);
        let canonical = PageClaims {
            canonical_url: Some("https://www.bbc.com/news/1"),
            ..Default::default()
        };
        let label = outlet_label(
            Some("https://blog.example/1"),
            canonical,
            &Wording::english(),
        );
        assert!(label.affiliation.is_none());
        assert_eq!(label.name_claim.unwrap().claimed, "www.bbc.com");
        // A near miss is no claim at all.
        let near = PageClaims {
            site_name: Some("Sputnik International Fan Club"),
            ..Default::default()
        };
        assert_eq!(
            outlet_label(Some("https://mirror.example/a"), near, &Wording::english()),
            OutletLabel::default()
        );
        // On a listed host the address decides; what the page says about itself does not matter.
        let label = outlet_label(
            Some("https://www.dw.com/en/a"),
            publisher,
            &Wording::english(),
        );
        assert_eq!(label.affiliation.unwrap().outlet, "Deutsche Welle");
        assert!(label.name_claim.is_none());
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
        // Not on a cache or an archive either: anyone can make a page there.
        let uploaded = "https://storage.googleusercontent.com/bucket/story.html";
        assert!(affiliation(Some(uploaded), claims).is_none());
        // With no address at all (a saved file), the canonical link is only a claim.
        let label = outlet_label(None, claims, &Wording::english());
        assert!(label.affiliation.is_none());
        assert!(!label.name_claim.unwrap().address_known);
    }

    #[test]
    fn the_label_speaks_the_readers_language() {
        let ru = Wording::for_language("ru-RU");
        let label = label_url_in("https://www.rt.com/news/1/", &ru).unwrap();
        assert_eq!(label.country_name, "Россия");
        // RT's owner is described in words: the dataset's own translation of it.
        assert!(!label.summary.contains("Owned by"), "{}", label.summary);
        assert!(
            label.summary.contains("ANO TV-Novosti"),
            "{}",
            label.summary
        );
        assert!(!label
            .sanctions
            .unwrap()
            .measure
            .contains("broadcasting ban"));
        // A name-only owner: the language's "Part of" with the name as written.
        let de = Wording::for_language("de");
        let label = label_url_in("https://www.rutube.ru/video/1/", &de).unwrap();
        assert!(label.summary.contains("Gazprom Media"), "{}", label.summary);
        assert!(!label.summary.contains("Part of"), "{}", label.summary);
        // Arabic: names and numbers isolated inside the right-to-left sentence.
        let ar = Wording::for_language("ar");
        let label = label_url_in("https://sputnikglobe.com/1.html", &ar).unwrap();
        assert!(label
            .summary
            .contains("\u{2068}Sputnik International\u{2069}"));
        // English reads as before.
        let en = label_url("https://sputnikglobe.com/1.html").unwrap();
        assert_eq!(
            en.summary,
            "Sputnik International — state-controlled media, Russia. Owned by Rossiya Segodnya."
        );
    }

    #[test]
    fn non_web_addresses_never_match() {
        assert_eq!(outlet("ftp://rt.com/a"), None);
        assert_eq!(outlet("not a url"), None);
        assert_eq!(outlet("https://127.0.0.1/"), None);
    }
}
