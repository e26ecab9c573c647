//! Every host in `data/outlets.csv` is the outlet's own, and the file says why: each host has a
//! row in `data/host-evidence.csv` whose evidence is checked here against the material it
//! names. Hosts that are another organisation's (`data/host-traps.csv`: a telecom, a namesake
//! broadcaster, a platform of anyone's posts) and hosts taken out on review
//! (`data/hosts-removed.csv`) can never come back unnoticed.

mod common;

use common::reference_dir;
use masthead::label::{label_url, outlets};
use std::collections::{HashMap, HashSet};

fn read_csv(path: impl AsRef<std::path::Path>) -> Vec<HashMap<String, String>> {
    let path = path.as_ref();
    let mut reader =
        csv::Reader::from_path(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let headers = reader.headers().unwrap().clone();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            headers
                .iter()
                .zip(r.iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

/// An address as the importer reads it: the host lowercased without `www.`, and the first
/// path segment (for outlets that are a section of a shared host).
fn host_and_first_segment(url: &str) -> (String, String) {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    let host = host.rsplit('@').next().unwrap().split(':').next().unwrap();
    let mut host = host.trim_end_matches('.').to_ascii_lowercase();
    for prefix in ["www.", "www3.", "ww.", "test."] {
        if host.starts_with(prefix) && host.matches('.').count() >= 2 {
            host = host[prefix.len()..].to_string();
        }
    }
    let segment = path.split(['/', '?', '#']).next().unwrap_or("").to_string();
    (host, segment)
}

/// `host` is `parent` or below it.
fn is_within(host: &str, parent: &str) -> bool {
    host == parent || host.ends_with(&format!(".{parent}"))
}

/// The hosts of the State Media Monitor's addresses, with `host/segment` for each path.
fn monitor_hosts() -> HashSet<String> {
    let matrix = reference_dir().join("state-media-matrix/State_Media_Matrix.csv");
    let mut hosts = HashSet::new();
    for row in read_csv(matrix) {
        let url = row["URL"].trim();
        if url.is_empty() {
            continue;
        }
        let (host, segment) = host_and_first_segment(url);
        if !segment.is_empty() {
            hosts.insert(format!("{host}/{segment}"));
        }
        hosts.insert(host);
    }
    hosts
}

/// The hosts each routing list of the reference names (`rt` → `rt.txt`).
fn routing_list(name: &str) -> HashSet<String> {
    let file = reference_dir().join(format!("v2fly-domain-lists/{name}.txt"));
    std::fs::read_to_string(&file)
        .unwrap_or_else(|e| panic!("{}: {e}", file.display()))
        .lines()
        .map(|l| l.split('#').next().unwrap().trim())
        .filter(|l| !l.is_empty())
        .map(|l| {
            l.trim_start_matches("full:")
                .trim_start_matches("domain:")
                .split([' ', '@'])
                .next()
                .unwrap()
                .to_string()
        })
        .collect()
}

#[test]
fn every_host_is_shown_to_be_the_outlets_own() {
    let evidence = read_csv("data/host-evidence.csv");
    let reference = reference_dir();
    let monitor = monitor_hosts();
    let extra: HashSet<String> = read_csv("data/monitor-extra-hosts.csv")
        .into_iter()
        .map(|r| r["host"].clone())
        .collect();
    let editions = std::fs::read_to_string(reference.join("sputnik-editions.csv")).unwrap();
    let editions: HashSet<&str> = editions
        .lines()
        .skip(1)
        .filter_map(|l| l.split(',').find(|f| f.contains('.') && !f.contains(' ')))
        .map(str::trim)
        .collect();
    let found_in_reference: HashSet<String> = read_csv(reference.join("outlets.csv"))
        .into_iter()
        .filter(|r| r["confidence"] == "found")
        .flat_map(|r| {
            r["domains"]
                .split_whitespace()
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect();
    let monitor_backed = |host: &str| {
        monitor.contains(host)
            || (!host.contains('/') && monitor.iter().any(|m| is_within(m, host)))
    };

    let listed: HashSet<(String, String)> = outlets()
        .iter()
        .flat_map(|o| o.hosts.iter().map(|h| (h.to_string(), o.name.to_string())))
        .collect();
    let mut seen = HashSet::new();
    let mut failures = Vec::new();
    let mut counts: HashMap<String, usize> = HashMap::new();
    for row in &evidence {
        let (host, outlet, kind) = (&row["host"], &row["outlet"], &row["evidence"]);
        let (source, note) = (&row["source"], &row["note"]);
        let at = format!("data/host-evidence.csv: {host} ({outlet})");
        if !seen.insert(host.clone()) {
            failures.push(format!("{at}: listed twice"));
        }
        if !listed.contains(&(host.clone(), outlet.clone())) {
            failures.push(format!(
                "{at}: not a host of that outlet in data/outlets.csv"
            ));
        }
        *counts.entry(kind.clone()).or_default() += 1;
        let ok = match kind.as_str() {
            "monitor" => monitor_backed(host),
            "monitor-extra" => extra.contains(host),
            "editions" => editions.contains(host.as_str()),
            "reference" => found_in_reference.contains(host),
            // The outlet's own site names the host: the page is on a host the Monitor gives
            // for that same outlet.
            "outlet-site" => {
                let (page_host, _) = host_and_first_segment(source);
                outlets().iter().filter(|o| o.name == outlet).any(|o| {
                    o.hosts
                        .iter()
                        .any(|h| monitor_backed(h) && is_within(&page_host, h))
                }) && !note.is_empty()
            }
            // A routing list alone is not evidence: the hand review must say what it found.
            "routing-list" => {
                let list = source.rsplit('/').next().unwrap_or_default();
                routing_list(list).contains(host) && note.starts_with("reviewed by hand: ")
            }
            "hand" => source.starts_with("http") && !note.is_empty(),
            _ => false,
        };
        if !ok {
            failures.push(format!(
                "{at}: its evidence {kind:?} ({source}) does not hold"
            ));
        }
    }
    for (host, outlet) in &listed {
        if !seen.contains(host) {
            failures.push(format!(
                "{host} ({outlet}): no row in data/host-evidence.csv says why it is the outlet's"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    let mut counts: Vec<_> = counts.into_iter().collect();
    counts.sort();
    println!("host evidence: {counts:?}");
}

#[test]
fn no_host_belongs_to_another_organisation() {
    let mut traps: Vec<(String, String)> = read_csv("data/host-traps.csv")
        .into_iter()
        .map(|r| {
            assert!(
                r["source"].starts_with("http") && !r["belongs_to"].is_empty(),
                "data/host-traps.csv: {} needs whose it is and a source",
                r["host"]
            );
            (r["host"].clone(), r["belongs_to"].clone())
        })
        .collect();
    assert!(traps.iter().any(|(h, _)| h == "rt.ru"));
    // The government's own sites in the reference are not media either.
    traps.extend(
        routing_list("category-gov-ru")
            .into_iter()
            .map(|h| (h, "a Russian government site (reference)".to_string())),
    );
    for o in outlets() {
        for entry in o.hosts.iter() {
            let host = entry.split('/').next().unwrap();
            for (trap, whose) in &traps {
                assert!(
                    !is_within(host, trap) && !is_within(trap, host),
                    "{}: {entry} is {whose}'s domain, not the outlet's",
                    o.name
                );
            }
        }
    }
    // And what a reader opens there gets no label.
    for (trap, _) in &traps {
        for url in [
            format!("https://{trap}/"),
            format!("https://lk.{trap}/"),
            format!("https://www.{trap}/news/1"),
        ] {
            assert!(
                label_url(&url).is_none(),
                "{url}: labelled {:?}",
                label_url(&url).map(|l| l.outlet)
            );
        }
    }
}

#[test]
fn hosts_taken_out_on_review_stay_out() {
    let removed = read_csv("data/hosts-removed.csv");
    let mut previous = String::new();
    for row in &removed {
        let host = &row["host"];
        assert!(
            !row["why"].is_empty() && row["reviewed"].len() == 10,
            "data/hosts-removed.csv: {host} needs why and the review date"
        );
        assert!(
            *host > previous,
            "data/hosts-removed.csv: sort by host ({host})"
        );
        previous = host.clone();
        assert!(
            outlets().iter().all(|o| !o.hosts.contains(&host.as_str())),
            "{host} was taken out on review ({}) and is back in data/outlets.csv",
            row["why"]
        );
        // Nor back by another entry (a `www.` form, a path, a parent): nothing there is labelled.
        for url in [
            format!("https://{host}/"),
            format!("https://www.{host}/news/1"),
        ] {
            assert!(label_url(&url).is_none(), "{url} is labelled again");
        }
    }
}
