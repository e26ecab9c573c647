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
        || ["Masthead", "Markdown", "Sepia"].contains(&english)
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
