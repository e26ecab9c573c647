//! The fast parser against html5ever on every corpus page: where it builds a tree, it must be
//! html5ever's tree exactly; and it must take most pages (the point of having it). Skips with a
//! printed reason when the corpora are absent.

mod common;

use common::corpora_dir;
use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

fn read_gz(path: &Path) -> String {
    let mut bytes = Vec::new();
    flate2::read::GzDecoder::new(std::fs::File::open(path).unwrap())
        .read_to_end(&mut bytes)
        .unwrap();
    masthead::encoding::decode(&bytes)
}

/// Every corpus page's HTML, with its name.
fn corpus_pages(dir: &Path) -> Vec<(String, String)> {
    let mut pages = Vec::new();
    let readability = dir.join("readability");
    let mut names: Vec<_> = std::fs::read_dir(&readability)
        .unwrap()
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.join("source.html").is_file())
        .collect();
    names.sort();
    for path in names {
        let html = std::fs::read_to_string(path.join("source.html")).unwrap();
        pages.push((path.display().to_string(), html));
    }
    let zyte = dir.join("zyte-dev/html");
    let mut names: Vec<_> = std::fs::read_dir(&zyte)
        .unwrap()
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .collect();
    names.sort();
    for path in names {
        pages.push((path.display().to_string(), read_gz(&path)));
    }
    pages
}

#[test]
fn the_fast_parser_builds_html5evers_tree_or_none() {
    let dir = corpora_dir();
    let pages = corpus_pages(&dir);
    let mut refusals: BTreeMap<&str, usize> = BTreeMap::new();
    let mut differences = Vec::new();
    let mut accepted = 0;
    for (name, html) in &pages {
        match masthead::fast_parse_agreement(html) {
            Ok(Some(())) => accepted += 1,
            Ok(None) => {
                let why = masthead::fast_parse_refusal(html).unwrap_or("?");
                *refusals.entry(why).or_default() += 1;
            }
            Err(difference) => differences.push(format!("{name}: {difference}")),
        }
    }
    println!(
        "fast parser: {accepted} of {} pages, same tree as html5ever; handed to html5ever: {refusals:?}",
        pages.len()
    );
    assert!(differences.is_empty(), "{}", differences.join("\n"));
}
