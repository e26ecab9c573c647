//! Compiles `data/*.csv` into static tables (`$OUT_DIR/tables.rs`, included by
//! `src/label/dataset.rs`): the tables are then plain data in the wasm's data section, ready the
//! moment it is instantiated. Parsed at run time instead, the 280 KB of CSV cost a cold worker's
//! first label 14–19 ms, median over 50 pages (tests/e2e/bench-readability.mjs, cold row).
//! A malformed file fails the build, naming the file and the line.

use std::fmt::Write;
use std::path::Path;

/// Each table: its file, the Rust type of a row, and per column its field name and, for a list
/// column, the separator of its items.
struct Table {
    file: &'static str,
    rust_type: &'static str,
    static_name: &'static str,
    columns: &'static [(&'static str, Option<char>)],
}

const TABLES: &[Table] = &[
    Table {
        file: "data/outlets.csv",
        rust_type: "Outlet",
        static_name: "OUTLETS",
        columns: &[
            ("name", None),
            ("aliases", Some('|')),
            ("claim_names", Some('|')),
            ("country", None),
            ("category", None),
            ("owner", None),
            ("hosts", Some(' ')),
            ("eu_sanctions", None),
            ("contested", None),
            ("basis", None),
            ("monitor_2023", Some('|')),
            ("unconfirmed", None),
            ("sources", Some(' ')),
            ("reviewed", None),
        ],
    },
    Table {
        file: "data/wire-agencies.csv",
        rust_type: "Agency",
        static_name: "AGENCIES",
        columns: &[
            ("agency", None),
            ("outlet", None),
            ("credit_names", Some('|')),
            ("phrases", Some('|')),
            ("described_as", None),
        ],
    },
    Table {
        file: "data/countries.csv",
        rust_type: "Country",
        static_name: "COUNTRIES",
        columns: &[("code", None), ("name", None), ("monitor_names", Some('|'))],
    },
];

/// `HOSTS`: every listed host with its outlet's row and path prefix, sorted by host and, for
/// one host, path-prefixed entries first (`bbc.com/persian` before `bbc.com`), for a binary
/// search. Built here rather than as a map on the first label: that cost a cold worker 5 ms
/// more (the same benchmark).
fn host_index(code: &mut String, records: &[csv::StringRecord], hosts_column: usize) {
    let mut entries = Vec::new();
    for (row, record) in records.iter().enumerate() {
        for entry in record[hosts_column].split(' ').filter(|e| !e.is_empty()) {
            let (host, prefix) = match entry.split_once('/') {
                Some((host, prefix)) => (host.to_string(), Some(prefix.to_string())),
                None => (entry.to_string(), None),
            };
            entries.push((host, prefix.is_none(), prefix, row));
        }
    }
    entries.sort();
    code.push_str("pub static HOSTS: &[(&str, Option<&str>, usize)] = &[\n");
    for (host, _, prefix, row) in entries {
        writeln!(code, "    ({host:?}, {prefix:?}, {row}),").unwrap();
    }
    code.push_str("];\n");
}

/// `LOCALES`: every `extension/_locales/LANG/messages.json`, as (language, [(key, message)]) with
/// keys sorted: the strings the core writes for a reader come from the same files as the
/// extension's (src/wording.rs).
fn locales(code: &mut String) {
    let dir = Path::new("extension/_locales");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut languages: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .collect();
    languages.sort();
    code.push_str("pub static LOCALES: &[(&str, &[(&str, &str)])] = &[\n");
    for language in languages {
        let file = dir.join(&language).join("messages.json");
        println!("cargo:rerun-if-changed={}", file.display());
        let text = std::fs::read_to_string(&file).unwrap();
        let messages: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let mut entries: Vec<(&String, &str)> = messages
            .iter()
            .map(|(key, entry)| {
                let message = entry["message"].as_str();
                (
                    key,
                    message.unwrap_or_else(|| panic!("{}: {key} has no message", file.display())),
                )
            })
            .collect();
        entries.sort();
        writeln!(code, "    ({language:?}, &{entries:?}),").unwrap();
    }
    code.push_str("];\n");
}

/// `COUNTRY_NAMES`: per locale, (country code, its name in that language) sorted by code, from
/// `data/country-names.csv` (CLDR's names, written by scripts/import-cldr-country-names.mjs).
fn country_names(code: &mut String) {
    let file = "data/country-names.csv";
    println!("cargo:rerun-if-changed={file}");
    let mut reader = csv::Reader::from_path(file).unwrap_or_else(|e| panic!("{file}: {e}"));
    let locales: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .skip(1)
        .map(str::to_string)
        .collect();
    let mut rows: Vec<csv::StringRecord> = reader
        .records()
        .map(|r| r.unwrap_or_else(|e| panic!("{file}: {e}")))
        .collect();
    rows.sort_by(|a, b| a[0].cmp(&b[0]));
    code.push_str("pub static COUNTRY_NAMES: &[(&str, &[(&str, &str)])] = &[\n");
    for (column, locale) in locales.iter().enumerate() {
        let names: Vec<(&str, &str)> = rows.iter().map(|r| (&r[0], &r[column + 1])).collect();
        writeln!(code, "    ({locale:?}, &{names:?}),").unwrap();
    }
    code.push_str("];\n");
}

/// `PHRASES`: per locale, (the dataset's English text, its translation) sorted by the English,
/// from `data/translations/LANG.csv`: owners, sanctions measures and contested notes.
fn phrases(code: &mut String) {
    let dir = Path::new("data/translations");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map(|entries| entries.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default();
    files.sort();
    code.push_str("pub static PHRASES: &[(&str, &[(&str, &str)])] = &[\n");
    for file in files {
        println!("cargo:rerun-if-changed={}", file.display());
        let locale = file.file_stem().unwrap().to_str().unwrap().to_string();
        let mut reader =
            csv::Reader::from_path(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let mut pairs: Vec<(String, String)> = reader
            .records()
            .map(|r| {
                let r = r.unwrap_or_else(|e| panic!("{}: {e}", file.display()));
                (r[0].to_string(), r[1].to_string())
            })
            .collect();
        pairs.sort();
        writeln!(code, "    ({locale:?}, &{pairs:?}),").unwrap();
    }
    code.push_str("];\n");
}

fn main() {
    let mut code = String::from("// Generated by build.rs from data/*.csv.\n");
    for table in TABLES {
        println!("cargo:rerun-if-changed={}", table.file);
        let mut reader =
            csv::Reader::from_path(table.file).unwrap_or_else(|e| panic!("{}: {e}", table.file));
        let header: Vec<String> = reader
            .headers()
            .unwrap_or_else(|e| panic!("{}: {e}", table.file))
            .iter()
            .map(str::to_string)
            .collect();
        let expected: Vec<&str> = table.columns.iter().map(|(name, _)| *name).collect();
        assert_eq!(
            header, expected,
            "{}: the columns must be these",
            table.file
        );
        writeln!(
            code,
            "pub static {}: &[{}] = &[",
            table.static_name, table.rust_type
        )
        .unwrap();
        // A row with a missing or extra field is an error here (the csv crate's default).
        let records: Vec<csv::StringRecord> = reader
            .records()
            .map(|record| record.unwrap_or_else(|e| panic!("{}: {e}", table.file)))
            .collect();
        for record in &records {
            write!(code, "    {} {{", table.rust_type).unwrap();
            for ((name, separator), field) in table.columns.iter().zip(record.iter()) {
                match separator {
                    None => write!(code, " {name}: {field:?},").unwrap(),
                    Some(separator) => {
                        let items: Vec<&str> = field
                            .split(*separator)
                            .map(str::trim)
                            .filter(|item| !item.is_empty())
                            .collect();
                        write!(code, " {name}: &{items:?},").unwrap();
                    }
                }
            }
            code.push_str(" },\n");
        }
        code.push_str("];\n");
        if let Some(hosts_column) = expected.iter().position(|name| *name == "hosts") {
            host_index(&mut code, &records, hosts_column);
        }
    }
    let out = Path::new(&std::env::var("OUT_DIR").unwrap()).join("tables.rs");
    std::fs::write(out, code).unwrap();
    let mut messages = String::from(
        "// Generated by build.rs from extension/_locales, data/country-names.csv and data/translations.\n",
    );
    locales(&mut messages);
    country_names(&mut messages);
    phrases(&mut messages);
    let out = Path::new(&std::env::var("OUT_DIR").unwrap()).join("locales.rs");
    std::fs::write(out, messages).unwrap();
    println!("cargo:rerun-if-changed=build.rs");
}
