//! The words a page sets before an author's name ("By", "Von", "Par", "Autor:"), in the
//! corpora's languages: taken off the byline (`byline`), and a sign that a paragraph near the
//! headline is the byline, not the story's opening (`anchor`).

/// Words that introduce the author's name, lowercase, in the corpora's languages; each is
/// taken off only as whole words at the start, before a name.
const INTRODUCTIONS: &[&str] = &[
    "written by",
    "authored by",
    "posted by",
    "published by",
    "story by",
    "words by",
    "text and photos",
    "by",
    "author",
    "authors",
    "text und interview",
    "text und fotos",
    "ein beitrag von",
    "artikel von",
    "geschrieben von",
    "verfasst von",
    "veröffentlicht von",
    "gepostet von",
    "beitrag von",
    "von",
    "autor",
    "autorin",
    "autoren",
    "text",
    "interview",
    "escrito por",
    "publicado por",
    "por",
    "écrit par",
    "publié par",
    "par",
    "auteur",
    "autora",
    "przez",
    "autorzy",
    "автор",
    "авторы",
    "текст",
    "作者",
    "文",
    "著者",
    "記者",
    "بقلم",
    "الكاتب",
];

/// Whether `label` is an introduction alone ("Written by", "Verfasst von:"), as a page labels
/// the author's name set beside it.
pub fn is_introduction(label: &str) -> bool {
    let label = label
        .trim()
        .trim_end_matches([':', '：'])
        .trim_end()
        .to_lowercase();
    INTRODUCTIONS.contains(&label.as_str())
}

/// Whether `text` opens with a byline's introduction ("By Alex Heath, a deputy editor…").
pub fn starts_with_introduction(text: &str) -> bool {
    strip_introduction(text).is_some()
}

/// `text` without an introduction at its start, when a name follows it.
pub fn strip_introduction(text: &str) -> Option<String> {
    INTRODUCTIONS.iter().find_map(|intro| {
        // As many characters of `text` as the introduction has, compared lowercased: the cut
        // falls on a character of `text` itself (lowercasing can change a string's length:
        // "İ", "ẞ").
        let chars = intro.chars().count();
        let at = text
            .char_indices()
            .nth(chars)
            .map_or(text.len(), |(i, _)| i);
        let (head, rest) = text.split_at(at);
        if head.to_lowercase() != *intro {
            return None;
        }
        // A whole word: followed by a space, a colon or the like, not by more letters
        // ("Bygone", "Vonnegut", "文章").
        if rest.chars().next()?.is_alphanumeric() {
            return None;
        }
        let rest = rest.trim_start_matches(|c: char| {
            c.is_whitespace() || matches!(c, ':' | '：' | '-' | '–' | '/' | '|')
        });
        rest.chars()
            .any(char::is_alphabetic)
            .then(|| rest.to_string())
    })
}
