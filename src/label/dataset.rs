//! The outlet, wire-agency and country tables (`data/*.csv`), compiled into static data by
//! `build.rs`: a data segment costs the compile nothing and needs no parsing at run time.
//! `tests/dataset.rs` lints them like code.

/// One row of `data/outlets.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct Outlet {
    pub name: &'static str,
    /// Other names the outlet gives itself.
    pub aliases: &'static [&'static str],
    /// Names that no other newsroom uses, reviewed by hand: the only names a page's
    /// `og:site_name` or JSON-LD publisher is matched against for a "calls itself" note.
    pub claim_names: &'static [&'static str],
    /// ISO 3166-1 alpha-2.
    pub country: &'static str,
    /// State Media Matrix code: SC, CaPu, CaPr, ISFM, ISF, ISM or IP.
    pub category: &'static str,
    /// Who stands behind it, as a phrase: "Owned by …", "Funded by …" or "Part of …"; may be empty.
    pub owner: &'static str,
    /// Lowercase hosts, some with a path prefix (`bbc.com/persian`).
    pub hosts: &'static [&'static str],
    /// `YYYY-MM-DD measure`, empty when not sanctioned by the EU.
    pub eu_sanctions: &'static str,
    pub contested: &'static str,
    pub basis: &'static str,
    /// The State Media Monitor's 2023 codes for the assets at this outlet's addresses (`|`-separated).
    pub monitor_2023: &'static [&'static str],
    /// Fields not confirmed in a public source (`all`, or `;`-separated field names).
    pub unconfirmed: &'static str,
    pub sources: &'static [&'static str],
    pub reviewed: &'static str,
}

/// One row of `data/wire-agencies.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct Agency {
    pub agency: &'static str,
    /// The row of `data/outlets.csv` that gives the agency's country and category.
    pub outlet: &'static str,
    /// How copy credits it, case-sensitive: `Xinhua`, `TASS`, `ТАСС`.
    pub credit_names: &'static [&'static str],
    /// Whole phrases that only a republished item carries (`ORIGINALLY PUBLISHED AT RT.COM`).
    pub phrases: &'static [&'static str],
    /// "China's state news agency".
    pub described_as: &'static str,
}

/// One row of `data/countries.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct Country {
    /// ISO 3166-1 alpha-2, or the Monitor's own code for a territory.
    pub code: &'static str,
    /// The English short name.
    pub name: &'static str,
    /// The names the State Media Monitor uses for it, when they differ (read by the importer).
    pub monitor_names: &'static [&'static str],
}

include!(concat!(env!("OUT_DIR"), "/tables.rs"));

/// All outlets, in file order.
pub fn outlets() -> &'static [Outlet] {
    OUTLETS
}

/// All wire agencies, in file order.
pub fn agencies() -> &'static [Agency] {
    AGENCIES
}

/// The English short name of a country code in `data/countries.csv`.
pub fn country_name(code: &str) -> Option<&'static str> {
    COUNTRIES.iter().find(|c| c.code == code).map(|c| c.name)
}
