//! The reader view renders only what the model can hold: its tag and attribute lists
//! (`extension/src/reader.js`, `TAGS` and `ATTRS`) are the core's (`MODEL_TAGS`,
//! `MODEL_ATTRIBUTES`), which `extract::build`'s own test holds the builder to.

use masthead::article::{MODEL_ATTRIBUTES, MODEL_TAGS};
use std::collections::BTreeMap;

const READER: &str = include_str!("../extension/src/reader.js");

/// The quoted names in `text`, in order.
fn quoted(text: &str) -> Vec<&str> {
    text.split('\'').skip(1).step_by(2).collect()
}

/// The source text between `start` and the first `end` after it.
fn between<'a>(start: &str, end: &str) -> &'a str {
    let from = READER
        .find(start)
        .unwrap_or_else(|| panic!("reader.js has no {start}"))
        + start.len();
    let to = from + READER[from..].find(end).unwrap();
    &READER[from..to]
}

#[test]
fn the_reader_view_renders_exactly_the_model_s_tags() {
    let mut view = quoted(between("const TAGS = new Set([", "]);"));
    view.sort_unstable();
    let mut model = MODEL_TAGS.to_vec();
    model.sort_unstable();
    assert_eq!(view, model);
}

#[test]
fn the_reader_view_keeps_exactly_the_model_s_attributes() {
    let view: BTreeMap<String, Vec<&str>> = between("const ATTRS = {", "};")
        .split("],")
        .filter(|entry| entry.contains(':'))
        .map(|entry| {
            let (tag, names) = entry.split_once(':').unwrap();
            (tag.trim().to_string(), quoted(names))
        })
        .collect();
    let model: BTreeMap<String, Vec<&str>> = MODEL_ATTRIBUTES
        .iter()
        .map(|(tag, names)| (tag.to_string(), names.to_vec()))
        .collect();
    assert_eq!(view, model);
}
