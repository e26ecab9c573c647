//! The sentences the core writes for a reader — the label's summary and explanation, the notes
//! on claims and wire copy, the closing lines of copied text — from the extension's locale files
//! (`extension/_locales/LANG/messages.json`, compiled in by build.rs): the same strings the
//! reader view takes through the browser's i18n API, so a label says the same thing wherever it
//! is rendered, and a translation is one new file.

include!(concat!(env!("OUT_DIR"), "/locales.rs"));

const FALLBACK: &str = "en";

type Table = &'static [(&'static str, &'static str)];

/// The messages of one language, with English behind every key a translation lacks.
#[derive(Debug, Clone, Copy)]
pub struct Wording {
    /// The locale folder's name (`en`, `pt_BR`, `zh_TW`).
    locale: &'static str,
    messages: Table,
    fallback: Table,
}

fn locale(language: &str) -> Option<(&'static str, Table)> {
    LOCALES
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(language))
        .copied()
}

/// `table`'s entry for `locale`, then the value for `key` in it (tables sorted by key).
fn lookup(tables: &'static [(&str, Table)], locale: &str, key: &str) -> Option<&'static str> {
    let (_, table) = tables.iter().find(|(name, _)| *name == locale)?;
    let at = table.binary_search_by(|(k, _)| (*k).cmp(key)).ok()?;
    Some(table[at].1)
}

impl Wording {
    /// For a BCP 47 tag (`pt-BR`, `de`): the exact locale (as `pt_BR`), then the language's usual
    /// one (`pt` → `pt_BR`; `zh-HK`, `zh-MO` and `zh-Hant` → Traditional, other `zh` →
    /// Simplified), then the language alone, then English.
    #[inline(never)]
    pub fn for_language(tag: &str) -> Wording {
        let tag = tag.replace('-', "_");
        let language = tag.split('_').next().unwrap_or_default();
        let is = |name: &str| language.eq_ignore_ascii_case(name);
        let traditional = ["_hk", "_mo", "_tw", "_hant"]
            .iter()
            .any(|region| tag.to_ascii_lowercase().contains(region));
        let usual = match () {
            _ if is("pt") => "pt_BR",
            _ if is("zh") && traditional => "zh_TW",
            _ if is("zh") => "zh_CN",
            _ => language,
        };
        let fallback = locale(FALLBACK).expect("extension/_locales/en is compiled in");
        let (locale, messages) = locale(&tag).or_else(|| locale(usual)).unwrap_or(fallback);
        Wording {
            locale,
            messages,
            fallback: fallback.1,
        }
    }

    /// The locale folder's name (`en`, `pt_BR`, `zh_TW`).
    pub fn locale(&self) -> &'static str {
        self.locale
    }

    /// Whether the language is written right to left (Arabic, Persian).
    pub fn is_right_to_left(&self) -> bool {
        matches!(self.locale, "ar" | "fa")
    }

    /// A country's name in this language (CLDR's, `data/country-names.csv`), `None` for English
    /// or a code CLDR does not name.
    pub fn country(&self, code: &str) -> Option<&'static str> {
        lookup(COUNTRY_NAMES, self.locale, code)
    }

    /// The dataset's English text (an owner, a sanctions measure, a contested note) in this
    /// language, from `data/translations/LANG.csv`; the English where there is none.
    pub fn phrase<'a>(&self, english: &'a str) -> &'a str {
        lookup(PHRASES, self.locale, english).unwrap_or(english)
    }

    pub fn english() -> Wording {
        Wording::for_language(FALLBACK)
    }

    /// The message `key` with `$1`… replaced by `subs`, as `i18n.getMessage` does.
    pub fn message(&self, key: &str, subs: &[&str]) -> String {
        let find = |messages: &[(&str, &'static str)]| {
            messages
                .binary_search_by(|(k, _)| (*k).cmp(key))
                .ok()
                .map(|at| messages[at].1)
        };
        let Some(template) = find(self.messages).or_else(|| find(self.fallback)) else {
            debug_assert!(false, "no message {key}");
            return String::new();
        };
        let mut out = String::with_capacity(template.len());
        let mut rest = template;
        while let Some(at) = rest.find('$') {
            out.push_str(&rest[..at]);
            let after = &rest[at + 1..];
            match after.chars().next().and_then(|c| c.to_digit(10)) {
                Some(n) if n >= 1 => {
                    let sub = subs.get(n as usize - 1).copied().unwrap_or_default();
                    // In a right-to-left sentence a name or number keeps its own direction
                    // (first-strong isolate … pop directional isolate), so "RT" or "2022-03-02"
                    // inside Arabic reads in the right order.
                    // Not around an address: a link-finder would take the closing mark into
                    // the URL of a copied line.
                    if self.is_right_to_left() && !sub.is_empty() && !sub.contains("://") {
                        out.push('\u{2068}');
                        out.push_str(sub);
                        out.push('\u{2069}');
                    } else {
                        out.push_str(sub);
                    }
                    rest = &after[1..];
                }
                _ if after.starts_with('$') => {
                    out.push('$');
                    rest = &after[1..];
                }
                _ => {
                    out.push('$');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_substitute_and_fall_back() {
        let english = Wording::english();
        assert_eq!(
            english.message("sourceLine", &["Example"]),
            "Source: Example"
        );
        // The language's usual locale, and Traditional Chinese for Hong Kong and Macau.
        let source = |tag: &str| Wording::for_language(tag).message("sourceLine", &["X"]);
        assert_eq!(source("pt"), source("pt-BR"));
        assert_ne!(source("pt"), source("en"));
        assert_eq!(source("zh-HK"), source("zh-TW"));
        assert_eq!(source("zh-Hant"), source("zh_TW"));
        assert_eq!(source("zh"), source("zh-CN"));
        assert_ne!(source("zh-HK"), source("zh-CN"));
        assert_eq!(source("ru-RU"), source("ru"));
        // An unknown language reads English.
        assert_eq!(
            Wording::for_language("xx-YY").message("sourceLine", &["Example"]),
            "Source: Example"
        );
    }
}
