//! The outlet and wire-agency datasets, linted like code: every row well-formed, sorted,
//! sourced, and no host claimed twice. A failing assertion names the file and the row.

mod common;

use common::reference_dir;
use masthead::label::{agencies, country_name, outlets, tier_of, Outlet};
use std::collections::{HashMap, HashSet};

/// Hosts that are never the source of a classification.
const NOT_SOURCES: &[&str] = &[
    "github.com",
    "githubusercontent.com",
    "gitlab.com",
    "wikileaks.org",
    "infogalactic.com",
    "wikimili.com",
    "wiki7.org",
    "docslib.org",
    "moviesonline.ca",
    "einpresswire.com",
    "mediabiasfactcheck.com",
    "fastly.net",
];

/// The header and rows of each table as written (the core sees them through build.rs).
fn raw_tables() -> Vec<(&'static str, Vec<Vec<String>>)> {
    [
        "data/outlets.csv",
        "data/wire-agencies.csv",
        "data/countries.csv",
    ]
    .into_iter()
    .map(|file| {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_path(file)
            .unwrap();
        let rows = reader
            .records()
            .map(|r| r.unwrap().iter().map(str::to_string).collect())
            .collect();
        (file, rows)
    })
    .collect()
}

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
        .map(|o| (o.country.to_string(), o.name.to_lowercase()))
        .collect();
    for pair in keys.windows(2) {
        assert!(pair[0] < pair[1], "data/outlets.csv: {:?} must come after {:?} (sorted by country, then name; no duplicates)", pair[0], pair[1]);
    }
    let mut names = HashSet::new();
    for outlet in outlets() {
        for name in std::iter::once(&outlet.name).chain(outlet.aliases.iter()) {
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
            !o.name.is_empty() && !o.basis.is_empty(),
            "{row}: name and basis are required"
        );
        assert!(
            o.owner.is_empty()
                || ["Owned by ", "Funded by ", "Part of "]
                    .iter()
                    .any(|p| o.owner.starts_with(p)),
            "{row}: owner {:?} must read \"Owned by …\", \"Funded by …\" or \"Part of …\"",
            o.owner
        );
        assert!(
            country_name(o.country).is_some(),
            "{row}: unknown ISO 3166-1 code {:?} (add it to data/countries.csv)",
            o.country
        );
        for code in o.monitor_2023.iter() {
            assert!(
                tier_of(code.trim_end_matches('?')).is_some(),
                "{row}: monitor_2023 {code:?} is not a State Media Matrix code"
            );
        }
        // Where the Monitor classes it otherwise, the reader is told the classification is contested.
        let disagrees = o
            .monitor_2023
            .iter()
            .any(|code| code.trim_end_matches('?') != o.category);
        assert!(
            !disagrees || !o.contested.is_empty(),
            "{row}: category {} but the Monitor's 2023 code is {:?}: say so in `contested`",
            o.category,
            o.monitor_2023
        );
        assert!(
            tier_of(o.category).is_some(),
            "{row}: category {:?} is not a State Media Matrix code",
            o.category
        );
        assert!(
            is_date(o.reviewed),
            "{row}: reviewed {:?} is not YYYY-MM-DD",
            o.reviewed
        );
        if !o.eu_sanctions.is_empty() {
            let (date, measure) = o
                .eu_sanctions
                .split_once(' ')
                .unwrap_or((o.eu_sanctions, ""));
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
        for source in o.sources.iter() {
            let url =
                url::Url::parse(source).unwrap_or_else(|e| panic!("{row}: source {source:?}: {e}"));
            assert!(
                matches!(url.scheme(), "http" | "https") && url.host_str().is_some(),
                "{row}: source {source:?} is not a web address"
            );
            let host = url.host_str().unwrap();
            assert!(
                !NOT_SOURCES.iter().any(|h| host == *h || host.ends_with(&format!(".{h}"))),
                "{row}: {source:?} is a code repository, routing list or mirror: it may tell which \
                 hosts an outlet uses, never who controls it"
            );
        }
        if !o.eu_sanctions.is_empty() {
            assert!(
                o.sources
                    .iter()
                    .any(|s| s.starts_with("https://eur-lex.europa.eu/eli/")),
                "{row}: an EU listing is sourced to the Official Journal (eur-lex.europa.eu/eli/…)"
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
        let mut sorted = o.hosts.to_vec();
        sorted.sort();
        assert_eq!(sorted, o.hosts, "{row}: hosts must be sorted");
        for entry in o.hosts.iter() {
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
                    .any(|p| !p.contains('/') && *p != host && host.ends_with(&format!(".{p}")))
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
        for host in o.hosts.iter() {
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
        for name in agency.credit_names.iter() {
            assert!(
                name.chars().count() >= 2,
                "{row}: credit name {name:?} is too short to be safe"
            );
        }
    }
}

/// What the reference material lists must be covered: every Sputnik edition host, and every
/// RT mirror unless it was reviewed and taken out (`data/hosts-removed.csv`).
#[test]
fn reference_hosts_are_covered() {
    let reference = reference_dir();
    let listed: HashSet<&str> = outlets()
        .iter()
        .flat_map(|o| o.hosts.iter().copied())
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
    let removed_file = std::fs::read_to_string("data/hosts-removed.csv").unwrap();
    let removed: HashSet<&str> = removed_file
        .lines()
        .skip(1)
        .filter_map(|l| l.split(',').next())
        .collect();
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
        // A routing list is not evidence on its own: a host it files under RT is either
        // labelled (with its evidence in data/host-evidence.csv) or was reviewed and taken out.
        assert!(
            covered(host) || removed.contains(host),
            "RT host {host:?} from the reference is neither in data/outlets.csv nor in data/hosts-removed.csv"
        );
        checked += 1;
    }
    println!("reference hosts covered: {checked}");
}

/// The import of the State Media Monitor's classification: every asset with an address is
/// labelled by a row that records the Monitor's code for it, or is listed in
/// `data/monitor-exclusions.csv` with the reason its address is not the outlet's own.
#[test]
fn every_monitor_asset_with_an_address_is_labelled_or_excluded() {
    let matrix = reference_dir().join("state-media-matrix/State_Media_Matrix.csv");
    let exclusions_file = concat!(env!("CARGO_MANIFEST_DIR"), "/data/monitor-exclusions.csv");
    let exclusions: HashMap<String, String> = csv::Reader::from_path(exclusions_file)
        .unwrap()
        .records()
        .map(|r| {
            let r = r.unwrap();
            (r[0].to_string(), r[1].to_string())
        })
        .collect();
    let mut reader =
        csv::Reader::from_path(&matrix).unwrap_or_else(|e| panic!("{}: {e}", matrix.display()));
    let (mut labelled, mut excluded, mut failures) = (0, 0, Vec::new());
    let (mut countries, mut used) = (HashSet::new(), HashSet::new());
    for record in reader.records() {
        let record = record.unwrap();
        let (country, asset, url, code) = (&record[1], &record[3], record[4].trim(), &record[5]);
        if url.is_empty() || country.is_empty() {
            continue;
        }
        if let Some(reason) = exclusions.get(url) {
            assert!(!reason.is_empty(), "{url}: an exclusion needs its reason");
            used.insert(url.to_string());
            excluded += 1;
            continue;
        }
        if code.is_empty() {
            failures.push(format!(
                "{asset} ({url}): no Monitor code; list it as excluded"
            ));
            continue;
        }
        let address = if url.contains("://") {
            url.to_string()
        } else {
            format!("https://{url}")
        };
        match masthead::label::label_url(&address) {
            Some(label) => {
                let row = outlets().iter().find(|o| o.name == label.outlet).unwrap();
                if !row.monitor_2023.contains(&code) {
                    failures.push(format!(
                        "{asset} ({url}): labelled by {:?}, whose monitor_2023 {:?} lacks {code}",
                        row.name, row.monitor_2023
                    ));
                }
                countries.insert(country.to_string());
                labelled += 1;
            }
            None => failures.push(format!("{asset} ({url}): no label")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    let stale: Vec<&String> = exclusions.keys().filter(|u| !used.contains(*u)).collect();
    assert!(
        stale.is_empty(),
        "data/monitor-exclusions.csv names addresses the Monitor does not list: {stale:?}"
    );
    // The excluded addresses are not the outlet's, and get no label of their own.
    for url in [
        "https://www.socar.az/",
        "https://www.pdvsa.com/",
        "https://exame.com/",
    ] {
        assert!(masthead::label::label_url(url).is_none(), "{url}");
    }
    assert!(labelled > 1000, "{labelled} assets labelled");
    println!(
        "Monitor assets with an address: {labelled} labelled, {excluded} excluded; {} countries",
        countries.len()
    );
}
