//! Differential: wherever the fast parser accepts a page, it must build html5ever's tree.
//! Inputs are wrapped in a few well-formed shells first, so that most runs reach the tree
//! builder's table, list and foreign-content rules rather than stopping at the first byte.
#![no_main]

use libfuzzer_sys::fuzz_target;

const SHELLS: &[(&str, &str)] = &[
    ("", ""),
    ("<!DOCTYPE html><html><head><title>t</title></head><body>", "</body></html>"),
    ("<body><table><tr><td>", "</td></tr></table>"),
    ("<body><ul><li>", "</ul>"),
    ("<body><svg>", "</svg>"),
    ("<body><p>", ""),
    ("<head>", ""),
    ("<body><template>", "</template>"),
];

fuzz_target!(|data: &[u8]| {
    let Some((&choice, rest)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(rest);
    let (before, after) = SHELLS[usize::from(choice) % SHELLS.len()];
    let html = format!("{before}{text}{after}");
    if let Err(difference) = masthead::fast_parse_agreement(&html) {
        panic!("the fast parser built another tree than html5ever for {html:?}: {difference}");
    }
});
