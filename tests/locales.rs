//! The locale files (`extension/_locales/*/messages.json`) linted like code: every language has
//! every message of English, with the same placeholders; a message with a count has exactly the
//! plural forms the language uses for whole numbers (CLDR, as `Intl.PluralRules` chooses them in
//! the view); nothing is left in English but names, symbols and badges; badges fit the toolbar.

use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
use std::collections::{BTreeMap, BTreeSet};
use unic_langid::LanguageIdentifier;

type Messages = BTreeMap<String, String>;

fn read(locale: &str) -> Messages {
    let path = format!("extension/_locales/{locale}/messages.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let json: serde_json::Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    json.as_object()
        .unwrap()
        .iter()
        .map(|(key, value)| {
            let message = value["message"].as_str();
            (
                key.clone(),
                message
                    .unwrap_or_else(|| panic!("{path}: {key} has no message"))
                    .to_string(),
            )
        })
        .collect()
}

fn locales() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir("extension/_locales")
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n != "en")
        .collect();
    names.sort();
    names
}

const CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// `KEY_category` → (`KEY`, category).
fn plural_key(key: &str) -> Option<(&str, &str)> {
    let (base, category) = key.rsplit_once('_')?;
    CATEGORIES.contains(&category).then_some((base, category))
}

/// The categories `language` uses for whole numbers, from CLDR's rules.
fn integer_categories(locale: &str) -> BTreeSet<&'static str> {
    // The locale's own rules, else its language's (CLDR gives pt-BR's and zh-TW's as pt's, zh's).
    let create = |tag: &str| {
        let language: LanguageIdentifier = tag.parse().unwrap();
        PluralRules::create(language, PluralRuleType::CARDINAL).ok()
    };
    let language = locale.split('_').next().unwrap();
    let rules = create(&locale.replace('_', "-"))
        .or_else(|| create(language))
        .unwrap_or_else(|| panic!("{locale}: no CLDR plural rules"));
    let mut seen = BTreeSet::from(["other"]);
    for n in (0..=1000u64).chain([10_000, 100_000, 1_000_000, 10_000_000]) {
        seen.insert(match rules.select(n).unwrap() {
            PluralCategory::ZERO => "zero",
            PluralCategory::ONE => "one",
            PluralCategory::TWO => "two",
            PluralCategory::FEW => "few",
            PluralCategory::MANY => "many",
            PluralCategory::OTHER => "other",
        });
    }
    seen
}

/// `$1`, `$2`… in a message, as a sorted list.
fn placeholders(message: &str) -> Vec<char> {
    let mut found: Vec<char> = message
        .split('$')
        .skip(1)
        .filter_map(|rest| rest.chars().next().filter(char::is_ascii_digit))
        .collect();
    found.sort();
    found
}

/// Messages that may read the same in every language: names, symbols, layout.
fn may_match_english(key: &str, english: &str) -> bool {
    key.starts_with("badge")
        || key == "summaryOwner"
        || !english.chars().any(char::is_alphabetic)
        // The same word in some languages (French "Image", Spanish and German "Sepia").
        || ["Masthead", "Markdown", "Sepia", "Image", "Atkinson Hyperlegible"].contains(&english)
}

#[test]
fn every_language_has_every_message_with_its_placeholders_and_plural_forms() {
    let english = read("en");
    let mut failures = Vec::new();
    let locales = locales();
    assert!(locales.len() >= 13, "{locales:?}");
    for locale in &locales {
        let messages = read(locale);
        let needed = integer_categories(locale);
        let mut plural_forms: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
        for key in messages.keys() {
            if let Some((base, category)) = plural_key(key) {
                plural_forms.entry(base).or_default().insert(category);
            } else if !english.contains_key(key) {
                failures.push(format!("{locale}: {key} is not an English message"));
            }
        }
        for (key, message) in &english {
            let (lookup, english_message) = match plural_key(key) {
                Some((base, _)) => {
                    let forms = plural_forms.get(base).cloned().unwrap_or_default();
                    let missing: Vec<_> = needed.difference(&forms).collect();
                    if !missing.is_empty() {
                        failures.push(format!(
                            "{locale}: {base} lacks the plural forms {missing:?}"
                        ));
                    }
                    continue;
                }
                None => (key, message),
            };
            let Some(translated) = messages.get(lookup) else {
                failures.push(format!("{locale}: no {key}"));
                continue;
            };
            if placeholders(translated) != placeholders(english_message) {
                failures.push(format!(
                    "{locale}: {key} has other placeholders than English"
                ));
            }
            if translated == english_message && !may_match_english(key, english_message) {
                failures.push(format!("{locale}: {key} is left in English"));
            }
        }
        for (base, forms) in &plural_forms {
            for category in forms {
                let key = format!("{base}_{category}");
                if !placeholders(&messages[&key]).contains(&'1') {
                    failures.push(format!("{locale}: {key} does not show the count ($1)"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn badges_fit_the_toolbar() {
    // Chrome's badge shows about four characters, Firefox's three; the three tiers must differ.
    for locale in std::iter::once("en".to_string()).chain(locales()) {
        let messages = read(&locale);
        for (suffix, width) in [("", 4), ("Short", 3)] {
            let tiers: BTreeSet<&String> = ["Controlled", "Captured", "Independent"]
                .iter()
                .map(|tier| &messages[&format!("badge{tier}{suffix}")])
                .collect();
            assert_eq!(tiers.len(), 3, "{locale}: the tiers' badges must differ");
            for tier in ["Controlled", "Captured", "Independent", "Wire"] {
                let key = format!("badge{tier}{suffix}");
                let badge = &messages[&key];
                assert!(
                    !badge.is_empty() && badge.chars().count() <= width,
                    "{locale}: {key} {badge:?} is wider than {width} characters"
                );
            }
        }
    }
}

/// Words that may stand lowercase inside an organisation's name in the languages of the dataset
/// ("Office de Radiodiffusion et Télévision du Bénin"); any other lowercase word makes an owner a
/// description, which needs its translation.
const NAME_PARTICLES: &[&str] = &[
    "a", "al", "an", "and", "da", "das", "de", "del", "della", "delle", "dei", "den", "der", "des",
    "di", "die", "do", "dos", "du", "e", "el", "en", "et", "for", "i", "in", "la", "le", "les",
    "na", "och", "of", "og", "on", "para", "per", "pour", "the", "und", "van", "von", "y", "za",
];

/// An owner the label can say in another language with "Owned by"/"Funded by"/"Part of" and the
/// name as written; any other needs a translation of its own.
fn owner_is_a_name(owner: &str) -> bool {
    let Some(rest) = ["Owned by ", "Funded by ", "Part of "]
        .iter()
        .find_map(|prefix| owner.strip_prefix(prefix))
    else {
        return false;
    };
    let starts_as_description = ["the ", "a ", "an "].iter().any(|w| rest.starts_with(w));
    let described = rest
        .split(|c: char| !(c.is_alphabetic() || c == '\'' || c == '’'))
        .filter(|w| w.starts_with(|c: char| c.is_ascii_lowercase()))
        .any(|w| !NAME_PARTICLES.contains(&w));
    !starts_as_description && !described && !rest.contains(';')
}

/// The dataset's prose a reader sees: descriptive owners, sanctions measures, contested notes
/// (data/outlets.csv) and how wire notes describe an agency (data/wire-agencies.csv); with every
/// owner, for the translations that may also say a name-only owner.
fn dataset_prose() -> (BTreeSet<String>, BTreeSet<String>) {
    let mut prose = BTreeSet::new();
    let mut owners = BTreeSet::new();
    let mut outlets = csv::Reader::from_path("data/outlets.csv").unwrap();
    let headers = outlets.headers().unwrap().clone();
    let column = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let (owner, sanctions, contested) =
        (column("owner"), column("eu_sanctions"), column("contested"));
    for row in outlets.records() {
        let row = row.unwrap();
        owners.insert(row[owner].to_string());
        if !row[owner].is_empty() && !owner_is_a_name(&row[owner]) {
            prose.insert(row[owner].to_string());
        }
        if let Some((_, measure)) = row[sanctions].split_once(' ') {
            prose.insert(measure.to_string());
        }
        if !row[contested].is_empty() {
            prose.insert(row[contested].to_string());
        }
    }
    let mut agencies = csv::Reader::from_path("data/wire-agencies.csv").unwrap();
    let described = agencies
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == "described_as")
        .unwrap();
    for row in agencies.records() {
        prose.insert(row.unwrap()[described].to_string());
    }
    (prose, owners)
}

#[test]
fn every_language_says_the_datasets_prose_and_names_every_country() {
    let (prose, owners) = dataset_prose();
    let countries: BTreeSet<String> = csv::Reader::from_path("data/countries.csv")
        .unwrap()
        .records()
        .map(|r| r.unwrap()[0].to_string())
        .collect();
    let mut names = csv::Reader::from_path("data/country-names.csv").unwrap();
    let name_columns: Vec<String> = names
        .headers()
        .unwrap()
        .iter()
        .skip(1)
        .map(str::to_string)
        .collect();
    let name_rows: Vec<csv::StringRecord> = names.records().map(Result::unwrap).collect();
    let named: BTreeSet<String> = name_rows.iter().map(|r| r[0].to_string()).collect();
    assert_eq!(
        named, countries,
        "data/country-names.csv: rerun scripts/import-cldr-country-names.mjs"
    );
    let mut failures = Vec::new();
    for locale in locales() {
        if !name_columns.contains(&locale) {
            failures.push(format!("{locale}: no column in data/country-names.csv"));
        }
        let file = format!("data/translations/{locale}.csv");
        let Ok(mut reader) = csv::Reader::from_path(&file) else {
            failures.push(format!("{file}: missing"));
            continue;
        };
        let translated: BTreeMap<String, String> = reader
            .records()
            .map(|r| {
                let r = r.unwrap();
                (r[0].to_string(), r[1].to_string())
            })
            .collect();
        for english in &prose {
            match translated.get(english) {
                Some(t) if !t.trim().is_empty() => {}
                _ => failures.push(format!("{file}: no translation of {english:?}")),
            }
        }
        for source in translated
            .keys()
            .filter(|s| !prose.contains(*s) && !owners.contains(*s))
        {
            failures.push(format!("{file}: {source:?} is no longer in the dataset"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_view_offers_every_language_by_its_own_name() {
    let reader = std::fs::read_to_string("extension/src/reader.js").unwrap();
    let list = reader
        .split_once("const LANGUAGES = [")
        .and_then(|(_, rest)| rest.split_once(']'))
        .map(|(list, _)| list)
        .expect("LANGUAGES in extension/src/reader.js");
    let offered: BTreeSet<String> = list
        .split(',')
        .map(|item| item.trim().trim_matches('\'').to_string())
        .filter(|item| !item.is_empty())
        .collect();
    let mut folders: BTreeSet<String> = locales().into_iter().collect();
    folders.insert("en".into());
    assert_eq!(
        offered, folders,
        "the language setting offers exactly the locale folders"
    );
    // Every language named in itself: the keys of ENDONYMS, read from its object literal.
    let endonyms = reader
        .split_once("const ENDONYMS = {")
        .and_then(|(_, rest)| rest.split_once("};"))
        .map(|(body, _)| body)
        .expect("ENDONYMS in extension/src/reader.js");
    let named: BTreeSet<String> = endonyms
        .split(',')
        .filter_map(|entry| entry.split_once(':'))
        .map(|(key, _)| key.trim().to_string())
        .collect();
    assert_eq!(named, folders, "ENDONYMS names exactly the locale folders");
}
