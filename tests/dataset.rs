//! The outlet and wire-agency datasets, linted like code: every row well-formed, sorted,
//! sourced, and no host claimed twice. A failing assertion names the file and the row.

use masthead::label::{agencies, country_name, outlets, raw_tables, tier_of, Outlet};
use std::collections::{HashMap, HashSet};

fn is_date(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
        && (1..=12).contains(&text[5..7].parse::<u32>().unwrap())
        && (1..=31).contains(&text[8..10].parse::<u32>().unwrap())
}

#[test]
fn fields_are_trimmed_and_single_line() {
    for (file, rows) in raw_tables() {
        for row in &rows {
            for field in row {
                assert_eq!(
                    field.trim(),
                    field,
                    "{file}: stray space in {field:?} ({row:?})"
                );
                assert!(
                    !field.contains(['\n', '\t']),
                    "{file}: line break in {field:?}"
                );
            }
        }
    }
}

#[test]
fn outlets_are_sorted_by_country_then_name_and_unique() {
    let keys: Vec<(String, String)> = outlets()
        .iter()
        .map(|o| (o.country.clone(), o.name.to_lowercase()))
        .collect();
    for pair in keys.windows(2) {
        assert!(pair[0] < pair[1], "data/outlets.csv: {:?} must come after {:?} (sorted by country, then name; no duplicates)", pair[0], pair[1]);
    }
    let mut names = HashSet::new();
    for outlet in outlets() {
        for name in std::iter::once(&outlet.name).chain(&outlet.aliases) {
            assert!(
                names.insert(name.to_lowercase()),
                "data/outlets.csv: the name {name:?} is used twice"
            );
        }
    }
}

#[test]
fn codes_dates_and_sources_are_valid() {
    for o in outlets() {
        let row = &o.name;
        assert!(
            !o.name.is_empty() && !o.owner.is_empty() && !o.basis.is_empty(),
            "{row}: name, owner and basis are required"
        );
        assert!(
            country_name(&o.country).is_some(),
            "{row}: unknown ISO 3166-1 code {:?} (add it to label::country_name)",
            o.country
        );
        assert!(
            tier_of(&o.category).is_some(),
            "{row}: category {:?} is not a State Media Matrix code",
            o.category
        );
        assert!(
            is_date(&o.reviewed),
            "{row}: reviewed {:?} is not YYYY-MM-DD",
            o.reviewed
        );
        if !o.eu_sanctions.is_empty() {
            let (date, measure) = o
                .eu_sanctions
                .split_once(' ')
                .unwrap_or((&o.eu_sanctions, ""));
            assert!(
                is_date(date) && !measure.is_empty(),
                "{row}: eu_sanctions must be `YYYY-MM-DD measure`, not {:?}",
                o.eu_sanctions
            );
        }
        assert!(
            !o.sources.is_empty(),
            "{row}: every row needs at least one source URL"
        );
        for source in &o.sources {
            let url =
                url::Url::parse(source).unwrap_or_else(|e| panic!("{row}: source {source:?}: {e}"));
            assert!(
                matches!(url.scheme(), "http" | "https") && url.host_str().is_some(),
                "{row}: source {source:?} is not a web address"
            );
        }
        let unconfirmed_ok = o.unconfirmed.is_empty()
            || o.unconfirmed == "all"
            || o.unconfirmed
                .split(';')
                .all(|f| ["category", "owner", "domains"].contains(&f.split(':').next().unwrap()));
        assert!(
            unconfirmed_ok,
            "{row}: unconfirmed {:?} names no known field",
            o.unconfirmed
        );
    }
}

/// Hosts: lowercase, no scheme, port or trailing dot; a registrable domain (per the Public Suffix
/// List) or below one — never a public suffix such as `com.tr` or `github.io` — so that the
/// matcher's walk up the host's labels cannot over-match.
#[test]
fn hosts_are_registrable_domains_or_below() {
    for o in outlets() {
        let row = &o.name;
        assert!(!o.hosts.is_empty(), "{row}: no hosts");
        let mut sorted = o.hosts.clone();
        sorted.sort();
        assert_eq!(sorted, o.hosts, "{row}: hosts must be sorted");
        for entry in &o.hosts {
            let (host, path) = entry.split_once('/').unwrap_or((entry, ""));
            let well_formed = !host.is_empty()
                && host.split('.').count() >= 2
                && host.split('.').all(|label| {
                    !label.is_empty()
                        && !label.starts_with('-')
                        && !label.ends_with('-')
                        && label
                            .bytes()
                            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
                });
            assert!(
                well_formed,
                "{row}: {entry:?} is not a lowercase host without scheme, port or path errors"
            );
            assert!(
                path.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-_".contains(&b)),
                "{row}: path prefix in {entry:?} must be one lowercase segment"
            );
            let registrable = psl::domain_str(host);
            assert!(
                registrable.is_some(),
                "{row}: {host:?} is a public suffix, not a site (Public Suffix List)"
            );
            let registrable = registrable.unwrap();
            assert!(
                host == registrable || host.ends_with(&format!(".{registrable}")),
                "{row}: {host:?} vs registrable {registrable:?}"
            );
            // A subdomain of a host already in the same row is redundant.
            assert!(
                !o.hosts
                    .iter()
                    .any(|p| !p.contains('/') && p != host && host.ends_with(&format!(".{p}")))
                    || !path.is_empty(),
                "{row}: {entry:?} is already covered by its parent in the same row"
            );
        }
    }
}

#[test]
fn no_host_is_claimed_by_two_outlets() {
    let mut owner: HashMap<&str, &Outlet> = HashMap::new();
    for o in outlets() {
        for host in &o.hosts {
            if let Some(other) = owner.insert(host, o) {
                panic!(
                    "{host:?} is claimed by both {:?} and {:?}",
                    other.name, o.name
                );
            }
        }
    }
}

#[test]
fn agencies_are_sorted_and_point_at_outlets() {
    let names: Vec<String> = agencies().iter().map(|a| a.agency.to_lowercase()).collect();
    for pair in names.windows(2) {
        assert!(
            pair[0] < pair[1],
            "data/wire-agencies.csv: {:?} must come after {:?}",
            pair[0],
            pair[1]
        );
    }
    for agency in agencies() {
        let row = &agency.agency;
        assert!(
            outlets().iter().any(|o| o.name == agency.outlet),
            "{row}: outlet {:?} is not in data/outlets.csv",
            agency.outlet
        );
        assert!(
            !agency.credit_names.is_empty() || !agency.phrases.is_empty(),
            "{row}: needs credit names or phrases"
        );
        assert!(
            !agency.described_as.is_empty(),
            "{row}: described_as is required"
        );
        for name in &agency.credit_names {
            assert!(
                name.chars().count() >= 2,
                "{row}: credit name {name:?} is too short to be safe"
            );
        }
    }
}

/// What the reference material lists must be covered: every Sputnik edition host and every
/// RT mirror, and every outlet with a confirmed basis (unless held back in data/README.md).
#[test]
fn reference_hosts_are_covered() {
    let reference = reference_dir();
    let listed: HashSet<&str> = outlets()
        .iter()
        .flat_map(|o| o.hosts.iter().map(String::as_str))
        .collect();
    let covered = |host: &str| {
        let mut candidate = host;
        loop {
            if listed.contains(candidate) {
                return true;
            }
            match candidate.split_once('.') {
                Some((_, rest)) if rest.contains('.') => candidate = rest,
                _ => return false,
            }
        }
    };
    let editions = std::fs::read_to_string(reference.join("sputnik-editions.csv")).unwrap();
    let mut checked = 0;
    for line in editions.lines().skip(1) {
        let host = line
            .split(',')
            .find(|f| f.contains('.') && !f.contains(' '))
            .unwrap();
        assert!(
            covered(host.trim()),
            "Sputnik edition {host:?} is not in data/outlets.csv"
        );
        checked += 1;
    }
    let mirrors = std::fs::read_to_string(reference.join("v2fly-domain-lists/rt.txt")).unwrap();
    let mut in_infrastructure = false;
    for line in mirrors.lines() {
        if line.starts_with('#') {
            // Infrastructure, merchandise and school hosts are not news pages.
            in_infrastructure = ["Infrastructure", "KTECH", "Merchendise", "RT School"]
                .iter()
                .any(|s| line.contains(s));
            continue;
        }
        let host = line.split('#').next().unwrap().trim();
        if host.is_empty() || in_infrastructure {
            continue;
        }
        assert!(
            covered(host),
            "RT host {host:?} from the reference is not in data/outlets.csv"
        );
        checked += 1;
    }
    println!("reference hosts covered: {checked}");
}

/// The reference material; CI always has it, so its absence fails the test rather than skipping it.
fn reference_dir() -> std::path::PathBuf {
    let dir = std::env::var_os("MASTHEAD_REFERENCE")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| {
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/reference/state-media")
        });
    assert!(
        dir.is_dir(),
        "reference material not found at {} (set MASTHEAD_REFERENCE)",
        dir.display()
    );
    dir
}
