//! Stage 9, the byline as a reader reads it: the names, without what the page set around
//! them — the "By", "Von", "Par", "Autor:" before, the date and time after ("VON MORITZ
//! GATHMANN am 21. April 2020" → "MORITZ GATHMANN") — and no byline at all when the page's
//! byline box held only its label ("Posted on", "Veröffentlicht am"). The reader view shows
//! the date on the same line from the date itself, so a date left in the byline would be
//! shown twice. Where the byline is on the page is `byline_on_page`'s.

use super::date_text::{date_in, is_month, DATE_WORDS};
use super::introductions::strip_introduction;
use super::title::squeezed;
use crate::article::{is_block_tag, Block};
use crate::dom::collapse_whitespace;

/// Words of a byline box's label with no name in it, lowercase.
const LABEL_WORDS: &[&str] = &[
    "written",
    "posted",
    "published",
    "updated",
    "on",
    "at",
    "by",
    "veröffentlicht",
    "aktualisiert",
    "am",
    "um",
    "von",
    "publié",
    "le",
    "publicado",
    "el",
    "opublikowano",
    "dnia",
    "опубликовано",
];

/// The names in `raw`, or `None` when it holds none.
pub fn clean_byline(raw: &str) -> Option<String> {
    let mut text = collapse_whitespace(raw);
    text = strip_leading_date(text.trim_start_matches(|c: char| !c.is_alphanumeric())).to_string();
    // "Text und Interview: Harald Willenbrock", "Von FOCUS-Online-Experte …": up to two.
    for _ in 0..2 {
        match strip_introduction(&text) {
            Some(rest) => text = rest,
            None => break,
        }
    }
    let text = cut_trailing_date(&text);
    let text = text.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, '|' | '-' | '–' | '—' | '·' | ',' | ':')
    });
    let text = without_stray_quotes(text).to_string();
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    // A label, or a date without its year ("Dec. 19", "Sat"), holds no name.
    let only_label = words.iter().all(|w| {
        LABEL_WORDS.contains(&w.as_str())
            || DATE_WORDS.contains(&w.as_str())
            || is_month(w)
            || w.starts_with(|c: char| c.is_ascii_digit())
    });
    (!text.is_empty() && text.chars().any(char::is_alphabetic) && !only_label).then_some(text)
}

/// `text` without quotes around it or a quote left over at an end ("David Kim\""), keeping the
/// quotes inside a name (`Dwayne "The Rock" Johnson`, `Dwayne "The Rock"`).
fn without_stray_quotes(text: &str) -> &str {
    let text = text.trim();
    if text.matches(['"', '“', '”']).count() == 2 {
        let inside = [('"', '"'), ('“', '”')]
            .into_iter()
            .find_map(|(open, close)| text.strip_prefix(open)?.strip_suffix(close));
        if let Some(inside) = inside {
            return inside.trim();
        }
    }
    let odd = text.matches('"').count() % 2 == 1;
    let unopened = text.matches('“').count() < text.matches('”').count();
    let unclosed = text.matches('“').count() > text.matches('”').count();
    let stray = |c: char| (odd && c == '"') || (unopened && c == '”') || (unclosed && c == '“');
    let text = text
        .trim_start_matches(stray)
        .trim_end_matches(stray)
        .trim();
    // A single quote left at the end, its opener gone with the punctuation before the name
    // ("'Luana Patriolino, Raphael Felice'"); one inside a name ("O'Brien") is matched by none.
    let odd_single = text.matches('\'').count() % 2 == 1;
    let unopened_single = text.matches('‘').count() < text.matches('’').count();
    text.trim_end_matches(|c: char| (odd_single && c == '\'') || (unopened_single && c == '’'))
        .trim()
}

/// `names` without the outlet's name set after them ("Rob Picheta, CNN" on CNN's page): the
/// site is its own line of the view, and the names are the writers'. Only a last part that is
/// the site's name whole goes, after a comma, a bar or a dash, or a first part before a bar or
/// a dash.
pub fn without_site_name(names: &str, site_name: Option<&str>) -> String {
    let Some(site) = site_name.map(str::trim).filter(|site| !site.is_empty()) else {
        return names.to_string();
    };
    // Set before them too: "unocero - Alberto Ávila" on unocero's page, after a bar or a dash.
    let first_cut = names
        .char_indices()
        .find(|&(at, c)| c != ',' && parts_names(names, at, c))
        .filter(|&(at, _)| names[..at].trim().to_lowercase() == site.to_lowercase())
        .map(|(at, c)| at + c.len_utf8());
    let names = match first_cut {
        Some(after) if names[after..].chars().any(char::is_alphabetic) => {
            names[after..].trim_start()
        }
        _ => names,
    };
    // The last separator.
    let cut = names
        .char_indices()
        .rev()
        .find(|&(at, c)| parts_names(names, at, c))
        .map(|(at, c)| (at, at + c.len_utf8()))
        .filter(|&(_, after)| names[after..].trim().to_lowercase() == site.to_lowercase())
        .map(|(at, _)| at);
    match cut {
        Some(at) if names[..at].chars().any(char::is_alphabetic) => {
            names[..at].trim_end().to_string()
        }
        _ => names.to_string(),
    }
}

/// Whether `c`, at byte `at` of `names`, parts them: a comma, a bar, a dash, or a hyphen between
/// spaces.
fn parts_names(names: &str, at: usize, c: char) -> bool {
    matches!(c, ',' | '|' | '–' | '—')
        || (c == '-' && names[..at].ends_with(' ') && names[at + 1..].starts_with(' '))
}

/// Whether `name` is a login rather than a name as people write it: one word of ASCII letters,
/// digits, dots, underscores and hyphens, either with no capital ("wordpressadmin",
/// "kffnirmitap", "admin2") or joined by dots or underscores ("edilson.la.rosa",
/// "Matt_Brooks"). A name with a space, an apostrophe or a letter beyond ASCII never is one.
pub fn is_login(name: &str) -> bool {
    let name = name.trim().as_bytes();
    let login_chars = name
        .iter()
        .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-'));
    if name.is_empty() || !login_chars {
        return false;
    }
    let joined = name.iter().any(|&b| b == b'_' || b == b'.');
    let lowercase =
        name.iter().any(u8::is_ascii_lowercase) && !name.iter().any(u8::is_ascii_uppercase);
    joined || lowercase
}

/// `text` after a date it opens with ("Dec. 19, 2025 · Ann Bee", "Sat 18th Dec 2025 Ann Bee",
/// "12.03.2021 Ann Bee"): the words a dateline sets before a date ("Published", weekdays), a day
/// and its month (or a date in figures), then only the year, the time and its zone. A name
/// after it keeps all its words, even one that is a month ("Dec 17, 2025 April Glaser"); text
/// that opens with no date is left whole ("June Carter, 12 March 2021").
fn strip_leading_date(text: &str) -> &str {
    // Each word's core (lowercase, its marks trimmed) and where it ends in `text`.
    let mut words: Vec<(String, usize)> = Vec::new();
    let mut at = 0;
    for word in text.split_inclusive(char::is_whitespace) {
        at += word.len();
        let core = word
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        if !core.is_empty() {
            words.push((core, at));
        }
        if words.len() > MAX_DATE_OPENING_WORDS {
            break;
        }
    }
    let mut i = words
        .iter()
        .take_while(|(w, _)| DATE_WORDS.contains(&w.as_str()))
        .count();
    let word = |i: usize| words.get(i).map_or("", |(w, _)| w.as_str());
    let opening = if (is_day(word(i)) && is_month(word(i + 1)))
        || (is_month(word(i)) && is_day(word(i + 1)))
    {
        2
    } else if word(i).starts_with(|c: char| c.is_ascii_digit()) && date_in(word(i)).is_some() {
        1
    } else {
        return text;
    };
    i += opening;
    while word(i).starts_with(|c: char| c.is_ascii_digit()) || AFTER_DATE_WORDS.contains(&word(i)) {
        i += 1;
    }
    let end = words[i - 1].1;
    text[end..].trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | '·' | '|' | '•' | '–' | '—' | '-' | ':')
    })
}

/// The most words a date and what a dateline sets before it take at a byline's start.
const MAX_DATE_OPENING_WORDS: usize = 12;

/// Words that follow a day and its month in a dateline: the time's, in the corpora's
/// languages (the year and the time itself are figures).
const AFTER_DATE_WORDS: &[&str] = &[
    "at", "um", "am", "pm", "uhr", "utc", "gmt", "est", "edt", "cst", "cdt", "pst", "pdt", "cet",
    "cest", "bst",
];

/// A day of the month as a dateline writes it: "19", "07", "18th", "1er".
fn is_day(word: &str) -> bool {
    let digits = word.chars().take_while(char::is_ascii_digit).count();
    (1..=2).contains(&digits)
        && word.len() - digits <= 2
        && word[digits..].chars().all(char::is_alphabetic)
}

/// `text` up to where a date begins ("Ann Bee, 07 Dezember, 2022", "Ann Bee am 21. April
/// 2020", "Ann Bee · 22. Oktober 2019", "Ann 18.10.2019 16:06 Uhr").
fn cut_trailing_date(text: &str) -> String {
    let mut cut = text.len();
    for (at, c) in text.char_indices() {
        if c.is_whitespace() && at > 0 && abbreviated_weekday_and_day(text, at) {
            cut = at;
            break;
        }
        let boundary = c.is_whitespace() || matches!(c, ',' | '·' | '|' | '–' | '—');
        // After a separator, any number is the dateline's: "Ann Bee - 11/18/19 11:04 PM".
        let separated = matches!(c, ',' | '·' | '|' | '–' | '—' | '-')
            && text[at + c.len_utf8()..]
                .trim_start()
                .starts_with(|d: char| d.is_ascii_digit());
        if at > 0 && (separated || boundary && starts_a_date(&text[at..])) {
            cut = at;
            break;
        }
    }
    text[..cut].to_string()
}

/// Weekdays abbreviated to two letters before a date ("Do 9 Apr 2020"). They are names too
/// ("Anh Do", "Mo Farah"), so only these words followed by a day's number, after a name of two
/// words or more, are a date's start; `DATE_WORDS` does not hold them.
const TWO_LETTER_WEEKDAYS: &[&str] = &["mo", "di", "mi", "do", "fr", "sa", "so"];

/// Whether a two-letter weekday and a day's number follow the space at `at` in `text`, after two
/// words of a name or more ("Heiko Sauer Do 9 Apr 2020", not "Anh Do, 12 March 2020").
fn abbreviated_weekday_and_day(text: &str, at: usize) -> bool {
    let mut words = text[at..].split_whitespace();
    let weekday = words
        .next()
        .map(|w| w.trim_end_matches(['.', ',']).to_lowercase())
        .is_some_and(|w| TWO_LETTER_WEEKDAYS.contains(&w.as_str()));
    weekday
        && words
            .next()
            .is_some_and(|day| is_day(day.trim_end_matches(['.', ','])))
        && text[..at].split_whitespace().nth(1).is_some()
}

/// Whether a date begins `rest` (after the words a dateline sets before it: "am", "on",
/// "Monday").
fn starts_a_date(rest: &str) -> bool {
    let words: Vec<&str> = rest
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .split_whitespace()
        .skip_while(|w| {
            let word = w
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            !word.is_empty() && DATE_WORDS.contains(&word.as_str())
        })
        .take(5)
        .collect();
    let Some(first) = words.first() else {
        return false;
    };
    let begins = first.starts_with(|c: char| c.is_ascii_digit())
        || is_month(&first.trim_end_matches(['.', ',']).to_lowercase());
    // A day and its month are the date's start even where what follows is no year a date
    // reads ("22 Dec 2016651": a comment count set against it).
    let day_and_month = words.get(1).is_some_and(|second| {
        let word = |w: &str| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        };
        let (first, second) = (word(first), word(second));
        (is_day(&first) && is_month(&second)) || (is_month(&first) && is_day(&second))
    });
    begins && (day_and_month || date_in(&words.join(" ")).is_some())
}

/// How many of the body's first text blocks may be the byline line.
const LEADING_BLOCKS: usize = 4;
/// Longest byline line.
const MAX_BYLINE_LINE_CHARS: usize = 150;

/// The byline line the page set at the top of the body ("By Justine Coleman - 11/18/19 11:04
/// PM EST"): among the body's first blocks, one whose names are the byline's goes. The view
/// shows the byline and the date above the body, from the model.
pub fn drop_byline_line(content: &mut Vec<Block>, byline: &str) {
    let wanted = squeezed(byline);
    if !wanted.is_empty() {
        drop_in(content, &wanted, &mut 0);
    }
}

/// Returns true once the first blocks have all been seen.
fn drop_in(blocks: &mut Vec<Block>, wanted: &str, seen: &mut usize) -> bool {
    let mut i = 0;
    while i < blocks.len() {
        if *seen >= LEADING_BLOCKS {
            return true;
        }
        match &mut blocks[i] {
            Block::Element(element)
                if is_block_tag(element.tag) && !has_block(&element.children) =>
            {
                let text = collapse_whitespace(&crate::text::to_text(&element.children));
                if text.is_empty() {
                    i += 1;
                    continue;
                }
                *seen += 1;
                let names = (text.chars().count() <= MAX_BYLINE_LINE_CHARS)
                    .then(|| clean_byline(&text))
                    .flatten();
                if names.is_some_and(|n| squeezed(&n) == wanted) {
                    blocks.remove(i);
                    return true;
                }
            }
            Block::Element(element) => {
                if drop_in(&mut element.children, wanted, seen) {
                    return true;
                }
            }
            Block::Text(text) if !text.trim().is_empty() => *seen += 1,
            Block::Text(_) => {}
        }
        i += 1;
    }
    false
}

fn has_block(blocks: &[Block]) -> bool {
    blocks.iter().any(|b| match b {
        Block::Element(e) => is_block_tag(e.tag) || has_block(&e.children),
        Block::Text(_) => false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_without_their_decoration() {
        for (raw, name) in [
            ("By Celia Parbey", "Celia Parbey"),
            ("VON MORITZ GATHMANN am 21. April 2020", "MORITZ GATHMANN"),
            (
                "Von Christian Thiele, 07 Dezember, 2022",
                "Christian Thiele",
            ),
            ("von Limespacer · 22. Oktober 2019", "Limespacer"),
            ("von Ulrike 18.10.2019 16:06 Uhr", "Ulrike"),
            ("Auteur: Anna Kubišta", "Anna Kubišta"),
            ("| Autor: gnaddrig", "gnaddrig"),
            (
                "Text und Interview: Harald Willenbrock",
                "Harald Willenbrock",
            ),
            ("By James Whittaker -", "James Whittaker"),
            ("By Nathan Willis March 25, 2015", "Nathan Willis"),
            ("Stella Kim, Jennifer Jett", "Stella Kim, Jennifer Jett"),
            ("Janic Cathomen, 01.12.2021", "Janic Cathomen"),
            ("Joe Wee Monday, 13 April 2015", "Joe Wee"),
            ("Bygone Days Staff", "Bygone Days Staff"),
            ("Kurt Vonnegut", "Kurt Vonnegut"),
            ("作者：肖春芳", "肖春芳"),
            // Letters whose lowercase is longer or shorter than they are.
            ("İbrahim Yılmaz", "İbrahim Yılmaz"),
            ("Von ẞtefan Groß", "ẞtefan Groß"),
            ("Von ẞẞ Groß", "ẞẞ Groß"),
            ("İİİİİİİİİİ", "İİİİİİİİİİ"),
            // A date before the name, with or without a separator.
            ("Dec. 19, 2025 · Niko Matsakis", "Niko Matsakis"),
            ("Dec 17, 2025 Julian K. Arni", "Julian K. Arni"),
            ("Monday 3 March 2025, 11:04 Ann Bee", "Ann Bee"),
            ("May Li", "May Li"),
            // A name that opens with a month, or follows a date, keeps it.
            ("June Carter, 12 March 2021", "June Carter"),
            ("Dec 17, 2025 April Glaser", "April Glaser"),
            ("Sat 18th Dec 2025 at 11:04 Ann Bee", "Ann Bee"),
            ("12.03.2021 Ann Bee", "Ann Bee"),
            // A weekday's abbreviation before the date goes with it; a name that is one stays.
            ("Heiko Sauer Do  9 Apr 2020", "Heiko Sauer"),
            ("Mo Farah", "Mo Farah"),
            ("Anh Do, 12 March 2020", "Anh Do"),
            ("Mo", "Mo"),
            ("Authored by: Dr. Ehsan Jazini", "Dr. Ehsan Jazini"),
            ("David Kim\"", "David Kim"),
            ("“David Kim”", "David Kim"),
            ("Ann Bee ”", "Ann Bee"),
            ("Dwayne \"The Rock\"", "Dwayne \"The Rock\""),
            (
                "'Luana Patriolino, Raphael Felice'",
                "Luana Patriolino, Raphael Felice",
            ),
            ("‘Ann Bee’", "Ann Bee"),
            ("Conan O'Brien", "Conan O'Brien"),
            ("Conan O’Brien", "Conan O’Brien"),
        ] {
            assert_eq!(clean_byline(raw).as_deref(), Some(name), "{raw}");
        }
    }

    #[test]
    fn the_outlet_after_the_names_goes_and_a_date_label_is_no_name() {
        let cnn = Some("CNN");
        assert_eq!(without_site_name("Rob Picheta, CNN", cnn), "Rob Picheta");
        assert_eq!(without_site_name("Ann Bee | cnn", cnn), "Ann Bee");
        assert_eq!(without_site_name("Ann Bee - CNN", cnn), "Ann Bee");
        assert_eq!(without_site_name("CNN - Ann Bee", cnn), "Ann Bee");
        assert_eq!(
            without_site_name("cnn | Ann Bee, Rob Picheta", cnn),
            "Ann Bee, Rob Picheta"
        );
        assert_eq!(without_site_name("CNN -", cnn), "CNN -");
        assert_eq!(without_site_name("CNN | Ann Bee | CNN", cnn), "Ann Bee");
        assert_eq!(
            without_site_name("CNN-Reporterin Ann Bee", cnn),
            "CNN-Reporterin Ann Bee"
        );
        // Another outlet, the site's name inside a name, or nothing before it, stay.
        assert_eq!(
            without_site_name("Rob Picheta, Reuters", cnn),
            "Rob Picheta, Reuters"
        );
        assert_eq!(without_site_name("CNN Staff", cnn), "CNN Staff");
        assert_eq!(without_site_name(", CNN", cnn), ", CNN");
        assert_eq!(
            without_site_name("Rob Picheta, CNN", None),
            "Rob Picheta, CNN"
        );
        assert_eq!(clean_byline("Publiziert am"), None);
    }

    #[test]
    fn a_quote_alone_is_stray() {
        for quote in ["\"", "“", "”", "“”", "\"\""] {
            assert_eq!(without_stray_quotes(quote), "", "{quote}");
        }
    }

    #[test]
    fn the_byline_line_leaves_the_body() {
        use crate::article::build_for_tests::{el, t};
        let p = |text: &str| el("p", vec![t(text)]);
        let mut body = vec![
            p("By Justine Coleman - 11/18/19 11:04 PM EST"),
            p("A New York man pleaded guilty on Monday."),
        ];
        drop_byline_line(&mut body, "Justine Coleman");
        assert_eq!(body, vec![p("A New York man pleaded guilty on Monday.")]);
        // A sentence naming the author is the story's.
        let mut body = vec![p("Justine Coleman reported from the courthouse that day.")];
        drop_byline_line(&mut body, "Justine Coleman");
        assert_eq!(body.len(), 1);
    }

    #[test]
    fn a_label_alone_is_no_byline() {
        for raw in [
            "Posted on",
            "Veröffentlicht am",
            "Posted",
            "By",
            "12.03.2021",
            "Dec. 19",
            "Sat",
        ] {
            assert_eq!(clean_byline(raw), None, "{raw}");
        }
    }

    #[test]
    fn logins_are_told_from_names() {
        for login in [
            "wordpressadmin",
            "edilson.la.rosa",
            "Matt_Brooks",
            "kffnirmitap",
        ] {
            assert!(is_login(login), "{login}");
        }
        for name in [
            "Ann Lee",
            "Stefanus",
            "张三",
            "Пётр",
            "O'Brien",
            "Jean-Luc Picard",
            "",
        ] {
            assert!(!is_login(name), "{name}");
        }
    }
}
