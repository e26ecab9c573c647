//! When a page on an address that is not an outlet's names itself as that outlet, the reader
//! is told so; but only when the name leaves no doubt. A false note accuses a genuine newsroom,
//! so names several newsrooms share (`data/shared-names.csv`: ABC, SBS, RTS, TV3, NTV, CNA…)
//! are never claim names, and no claim name is another listed outlet's name.

use masthead::label::{outlet_label, outlets, PageClaims};
use masthead::wording::Wording;
use std::collections::HashMap;

fn normalized(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn shared_names() -> Vec<(String, String)> {
    csv::Reader::from_path("data/shared-names.csv")
        .unwrap()
        .records()
        .map(|r| {
            let r = r.unwrap();
            assert!(r[2].starts_with("http"), "{}: a source", &r[0]);
            (r[0].to_string(), r[1].to_string())
        })
        .collect()
}

fn claim_on(host: &str, site_name: &str) -> Option<String> {
    let claims = PageClaims {
        site_name: Some(site_name),
        ..Default::default()
    };
    let url = format!("https://{host}/news/2026/story.html");
    let label = outlet_label(Some(&url), claims, &Wording::english());
    assert!(label.affiliation.is_none(), "{url}: a label from a name");
    label.name_claim.map(|c| c.outlet)
}

#[test]
fn claim_names_are_no_one_elses() {
    let shared: HashMap<String, String> = shared_names()
        .into_iter()
        .map(|(n, who)| (normalized(&n), who))
        .collect();
    // Every name a listed outlet goes by, with the parenthesised short forms ("(RTD)").
    let mut names_of: HashMap<String, Vec<&str>> = HashMap::new();
    for o in outlets() {
        let short = o
            .name
            .rsplit_once('(')
            .map(|(_, s)| s.trim_end_matches(')'));
        for name in [o.name]
            .into_iter()
            .chain(o.aliases.iter().copied())
            .chain(short)
        {
            names_of.entry(normalized(name)).or_default().push(o.name);
        }
    }
    let mut owner: HashMap<String, &str> = HashMap::new();
    let mut count = 0;
    for o in outlets() {
        for name in o.claim_names.iter() {
            let key = normalized(name);
            assert!(
                !shared.contains_key(&key),
                "{}: claim name {name:?} is shared ({})",
                o.name,
                shared[&key]
            );
            if let Some(other) = owner.insert(key.clone(), o.name) {
                panic!(
                    "claim name {name:?} given to both {other:?} and {:?}",
                    o.name
                );
            }
            let others: Vec<&&str> = names_of
                .get(&key)
                .into_iter()
                .flatten()
                .filter(|n| **n != o.name)
                .collect();
            assert!(
                others.is_empty(),
                "{}: claim name {name:?} is also {others:?}'s name",
                o.name
            );
            count += 1;
        }
    }
    assert!(count >= 30, "{count} claim names");
}

#[test]
fn a_shared_name_on_another_address_is_no_claim() {
    for (name, _) in shared_names() {
        for host in ["www.example-news.com", "news.example.kr"] {
            assert_eq!(claim_on(host, &name), None, "{name} on {host}");
        }
    }
    // The namesakes on their own addresses, as the issue found them accused.
    for (host, name) in [
        ("abcnews.go.com", "ABC News"),
        ("www.sbs.co.kr", "SBS"),
        ("www.rts.ch", "RTS"),
        ("www.tv3.lt", "TV3"),
        ("www.n-tv.de", "n-tv"),
        ("www.ntv.co.jp", "NTV"),
        ("www.catholicnewsagency.com", "CNA"),
        ("www.br.de", "BR24"),
        ("www.mdr.de", "MDR"),
    ] {
        assert_eq!(claim_on(host, name), None, "{name} on {host}");
    }
}

#[test]
fn every_claim_name_is_told_on_a_mirror() {
    for o in outlets() {
        for name in o.claim_names.iter() {
            assert_eq!(
                claim_on("mirror-domain.example", name).as_deref(),
                Some(o.name),
                "{name:?} on an unlisted address"
            );
        }
    }
}

#[test]
fn a_page_that_names_itself_otherwise_is_not_claiming_to_be_the_outlet() {
    let wording = Wording::english();
    let on = |site_name: Option<&str>, publisher: Option<&str>, url: &str| {
        let claims = PageClaims {
            site_name,
            publisher,
            ..Default::default()
        };
        outlet_label(Some(url), claims, &wording)
            .name_claim
            .map(|c| c.outlet)
    };
    let page = "https://www.ndtv.example/world/story-1";
    // A newsroom carrying BBC copy: its own name in one field, the BBC's in the other.
    assert_eq!(on(Some("NDTV"), Some("BBC News"), page), None);
    assert_eq!(on(Some("BBC News"), Some("NDTV"), page), None);
    // Both fields agree on the outlet (a mirror): the note stands.
    assert_eq!(
        on(Some("Sputnik"), Some("Sputnik International"), page).as_deref(),
        Some("Sputnik International")
    );
    assert_eq!(
        on(Some("BBC News"), Some("BBC"), page).as_deref(),
        Some("BBC")
    );
    // A syndication portal names the licensed publisher that supplied the story, and so does a
    // copy of its page.
    for portal in [
        "https://news.yahoo.com/story-1.html",
        "https://web.archive.org/web/2024/https://news.yahoo.com/story-1.html",
        "https://news-yahoo-com.translate.goog/story-1.html",
    ] {
        assert_eq!(on(None, Some("Xinhua"), portal), None, "{portal}");
    }
}
