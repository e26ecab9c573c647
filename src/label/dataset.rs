//! The outlet, wire-agency and country tables (`data/*.csv`), embedded in the core as data (not
//! code: a data segment costs the compile nothing) and parsed once, on the first label.
//! `tests/dataset.rs` lints them like code.

use std::sync::OnceLock;

const OUTLETS_CSV: &str = include_str!("../../data/outlets.csv");
const AGENCIES_CSV: &str = include_str!("../../data/wire-agencies.csv");
const COUNTRIES_CSV: &str = include_str!("../../data/countries.csv");

/// One row of `data/outlets.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct Outlet {
    pub name: String,
    /// Other names the outlet gives itself, matched exactly against `og:site_name` and JSON-LD.
    pub aliases: Vec<String>,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    /// State Media Matrix code: SC, CaPu, CaPr, ISFM, ISF, ISM or IP.
    pub category: String,
    /// Who stands behind it, as a phrase: "Owned by …", "Funded by …" or "Part of …"; may be empty.
    pub owner: String,
    /// Lowercase hosts, some with a path prefix (`bbc.com/persian`).
    pub hosts: Vec<String>,
    /// `YYYY-MM-DD measure`, empty when not sanctioned by the EU.
    pub eu_sanctions: String,
    pub contested: String,
    pub basis: String,
    /// The State Media Monitor's 2023 codes for the assets at this outlet's addresses (`|`-separated).
    pub monitor_2023: Vec<String>,
    /// Fields not confirmed in a public source (`all`, or `;`-separated field names).
    pub unconfirmed: String,
    pub sources: Vec<String>,
    pub reviewed: String,
}

/// One row of `data/wire-agencies.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct Agency {
    pub agency: String,
    /// The row of `data/outlets.csv` that gives the agency's country and category.
    pub outlet: String,
    /// How copy credits it, case-sensitive: `Xinhua`, `TASS`, `ТАСС`.
    pub credit_names: Vec<String>,
    /// Whole phrases that only a republished item carries (`ORIGINALLY PUBLISHED AT RT.COM`).
    pub phrases: Vec<String>,
    /// "China's state news agency".
    pub described_as: String,
}

pub const OUTLET_COLUMNS: &[&str] = &[
    "name",
    "aliases",
    "country",
    "category",
    "owner",
    "hosts",
    "eu_sanctions",
    "contested",
    "basis",
    "monitor_2023",
    "unconfirmed",
    "sources",
    "reviewed",
];
pub const AGENCY_COLUMNS: &[&str] = &[
    "agency",
    "outlet",
    "credit_names",
    "phrases",
    "described_as",
];

/// All outlets, in file order.
pub fn outlets() -> &'static [Outlet] {
    static OUTLETS: OnceLock<Vec<Outlet>> = OnceLock::new();
    OUTLETS.get_or_init(|| {
        records(OUTLETS_CSV)
            .skip(1)
            .map(|r| {
                let field = |i: usize| r.get(i).cloned().unwrap_or_default();
                Outlet {
                    name: field(0),
                    aliases: split(&field(1), '|'),
                    country: field(2),
                    category: field(3),
                    owner: field(4),
                    hosts: split(&field(5), ' '),
                    eu_sanctions: field(6),
                    contested: field(7),
                    basis: field(8),
                    monitor_2023: split(&field(9), '|'),
                    unconfirmed: field(10),
                    sources: split(&field(11), ' '),
                    reviewed: field(12),
                }
            })
            .collect()
    })
}

/// All wire agencies, in file order.
pub fn agencies() -> &'static [Agency] {
    static AGENCIES: OnceLock<Vec<Agency>> = OnceLock::new();
    AGENCIES.get_or_init(|| {
        records(AGENCIES_CSV)
            .skip(1)
            .map(|r| {
                let field = |i: usize| r.get(i).cloned().unwrap_or_default();
                Agency {
                    agency: field(0),
                    outlet: field(1),
                    credit_names: split(&field(2), '|'),
                    phrases: split(&field(3), '|'),
                    described_as: field(4),
                }
            })
            .collect()
    })
}

/// The English short name of a country code in `data/countries.csv`.
pub fn country_name(code: &str) -> Option<&'static str> {
    static COUNTRIES: OnceLock<Vec<(String, String)>> = OnceLock::new();
    COUNTRIES
        .get_or_init(|| {
            records(COUNTRIES_CSV)
                .skip(1)
                .filter_map(|r| Some((r.first()?.clone(), r.get(1)?.clone())))
                .collect()
        })
        .iter()
        .find(|(c, _)| c == code)
        .map(|(_, name)| name.as_str())
}

/// The header and rows of each file, as written, for the lint test.
pub fn raw_tables() -> [(&'static str, Vec<Vec<String>>); 3] {
    [
        ("data/outlets.csv", records(OUTLETS_CSV).collect()),
        ("data/wire-agencies.csv", records(AGENCIES_CSV).collect()),
        ("data/countries.csv", records(COUNTRIES_CSV).collect()),
    ]
}

fn split(field: &str, separator: char) -> Vec<String> {
    field
        .split(separator)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// RFC 4180 records: comma-separated, fields optionally double-quoted with `""` escapes.
fn records(csv: &str) -> impl Iterator<Item = Vec<String>> + '_ {
    let mut chars = csv.chars().peekable();
    std::iter::from_fn(move || {
        chars.peek()?;
        let mut record = Vec::new();
        let mut field = String::new();
        let mut quoted = false;
        while let Some(c) = chars.next() {
            match c {
                '"' if quoted && chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = !quoted,
                ',' if !quoted => record.push(std::mem::take(&mut field)),
                '\r' if !quoted => {}
                '\n' if !quoted => break,
                _ => field.push(c),
            }
        }
        record.push(field);
        Some(record)
    })
    .filter(|r| !(r.len() == 1 && r[0].is_empty()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_commas_and_escaped_quotes() {
        let rows: Vec<_> = records("a,\"b, c\",\"say \"\"hi\"\"\"\r\nd,,\n\n").collect();
        assert_eq!(
            rows,
            vec![vec!["a", "b, c", "say \"hi\""], vec!["d", "", ""]]
        );
    }

    #[test]
    fn every_row_has_every_column() {
        for (file, rows) in raw_tables() {
            let width = rows[0].len();
            for row in &rows {
                assert_eq!(row.len(), width, "{file}: {row:?}");
            }
        }
        assert_eq!(raw_tables()[0].1[0], OUTLET_COLUMNS);
        assert_eq!(raw_tables()[1].1[0], AGENCY_COLUMNS);
    }
}
