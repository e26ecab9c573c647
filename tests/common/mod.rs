//! Shared by the corpus tests and benchmarks: where the corpora are, and the metric.

#![allow(dead_code)] // Each test binary uses a different part of this module.

use std::collections::HashMap;
use std::path::PathBuf;

/// `../shared/corpora` beside the checkout, or `MASTHEAD_CORPORA` when set. A quality gate
/// that passed without its data would say nothing, and CI always has the corpora: missing
/// corpora fail the test, with where they were looked for.
pub fn corpora_dir() -> PathBuf {
    let dir = std::env::var_os("MASTHEAD_CORPORA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora"));
    assert!(
        dir.is_dir(),
        "corpora not found at {} (set MASTHEAD_CORPORA to the corpora folder)",
        dir.display()
    );
    dir
}

/// `\w+` tokens, as Python's `re` finds them in Unicode mode.
pub fn tokens(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|t| !t.is_empty())
        .collect()
}

/// Overlapping 4-token shingles with their counts; a text shorter than four tokens is one
/// shingle (and an empty text the empty shingle), as in the benchmark's evaluation script.
fn shingles(text: &str) -> HashMap<Vec<&str>, usize> {
    let tokens = tokens(text);
    let mut counts = HashMap::new();
    let n = 4;
    let windows = tokens.len().saturating_sub(n - 1).max(1);
    for i in 0..windows {
        let end = (i + n).min(tokens.len());
        *counts.entry(tokens[i..end].to_vec()).or_insert(0) += 1;
    }
    counts
}

/// Precision and recall of one page's shingles.
pub fn precision_recall(truth: &str, prediction: &str) -> (f64, f64) {
    let truth = shingles(truth);
    let prediction = shingles(prediction);
    let mut matched = 0;
    let mut extra = 0;
    for (shingle, &count) in &prediction {
        let in_truth = truth.get(shingle).copied().unwrap_or(0);
        matched += count.min(in_truth);
        extra += count.saturating_sub(in_truth);
    }
    let missing: usize = truth
        .iter()
        .map(|(shingle, &count)| {
            count.saturating_sub(prediction.get(shingle).copied().unwrap_or(0))
        })
        .sum();
    let precision = if matched + extra > 0 {
        matched as f64 / (matched + extra) as f64
    } else {
        0.0
    };
    let recall = if matched + missing > 0 {
        matched as f64 / (matched + missing) as f64
    } else {
        0.0
    };
    (precision, recall)
}

/// Averages precision and recall over pages, then takes their harmonic mean.
#[derive(Default)]
pub struct Score {
    precision: f64,
    recall: f64,
    exact: usize,
    pages: usize,
}

impl Score {
    pub fn add(&mut self, truth: &str, prediction: &str) -> f64 {
        let (p, r) = precision_recall(truth, prediction);
        self.precision += p;
        self.recall += r;
        self.pages += 1;
        if tokens(truth) == tokens(prediction) {
            self.exact += 1;
        }
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    }

    pub fn f1(&self) -> f64 {
        let p = self.precision / self.pages.max(1) as f64;
        let r = self.recall / self.pages.max(1) as f64;
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    }

    pub fn summary(&self) -> String {
        let n = self.pages.max(1) as f64;
        format!(
            "F1 {:.4} (precision {:.4}, recall {:.4}), exact {}/{} ({:.3})",
            self.f1(),
            self.precision / n,
            self.recall / n,
            self.exact,
            self.pages,
            self.exact as f64 / n
        )
    }
}

/// Folds by site, so that a rule can be checked on sites it was not written against: every page
/// of a site lands in the same fold. Fold [`HELD_OUT`] is the one kept out of sight while tuning;
/// the corpus tests print the figure on the other folds and on it, side by side.
pub const FOLDS: u64 = 5;
pub const HELD_OUT: u64 = 4;

/// The fold of a site (a host without `www.`, or a Readability page's name without its number):
/// FNV-1a of its lowercase bytes, so the split is the same on every machine and every run.
pub fn fold_of(site: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in site.to_ascii_lowercase().bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash % FOLDS
}

/// The site of a page's address: its host without a leading `www.`.
pub fn site_of_url(url: &str) -> String {
    let host = url.split("://").nth(1).unwrap_or(url);
    let host = host.split(['/', '?', '#', ':']).next().unwrap_or_default();
    host.trim_start_matches("www.").to_ascii_lowercase()
}

/// Whether a page of `site` is in the held-out fold.
pub fn held_out(site: &str) -> bool {
    fold_of(site) == HELD_OUT
}

/// The readerable gate (issue 13): a page whose article body has 100 words or more is an
/// article, and the reader view must open on it. Counts such pages and names any called "not
/// an article".
#[derive(Default)]
pub struct ReaderableTally {
    pub articles: usize,
    pub missed: Vec<String>,
}

impl ReaderableTally {
    pub const MIN_WORDS: usize = 100;

    pub fn add(&mut self, key: &str, body_words: usize, readerable: bool) {
        if body_words >= Self::MIN_WORDS {
            self.articles += 1;
            if !readerable {
                self.missed.push(key.to_string());
            }
        }
    }

    pub fn summary(&self) -> String {
        format!(
            "readerable on {} of {} articles of {}+ words{}",
            self.articles - self.missed.len(),
            self.articles,
            Self::MIN_WORDS,
            if self.missed.is_empty() {
                String::new()
            } else {
                format!(" (not: {})", self.missed.join(", "))
            }
        )
    }
}

/// How far a metadata agreement may fall below its floor: about one page in 250.
pub const METADATA_TOLERANCE: f64 = 0.004;

/// Title, author and date agreement with a corpus's own answers, where it gives one, for all
/// pages and by fold (development folds, held-out fold). Each corpus's test holds all pages'
/// figure to a floor.
#[derive(Default)]
pub struct MetadataTally {
    /// [field][fold] = [agreeing, given]
    counts: [[[usize; 2]; 2]; 3],
}

impl MetadataTally {
    pub const FIELDS: [&'static str; 3] = ["title", "author", "date"];

    /// One page's field (an index into `FIELDS`): `wanted` as the corpus gives it (nothing when
    /// it gives none), `agrees` whether Masthead's says the same.
    pub fn add(&mut self, field: usize, held_out: bool, wanted: &str, agrees: bool) {
        if wanted.is_empty() {
            return;
        }
        let tally = &mut self.counts[field][usize::from(held_out)];
        tally[1] += 1;
        tally[0] += usize::from(agrees);
    }

    /// A field's agreement over all pages.
    pub fn agreement(&self, field: usize) -> f64 {
        let [development, kept_out] = self.counts[field];
        (development[0] + kept_out[0]) as f64 / (development[1] + kept_out[1]).max(1) as f64
    }

    /// The fields whose agreement is below their floor (`FIELDS`' order), as messages.
    pub fn below(&self, floors: [f64; 3]) -> Vec<String> {
        Self::FIELDS
            .iter()
            .enumerate()
            .filter(|&(field, _)| self.agreement(field) < floors[field] - METADATA_TOLERANCE)
            .map(|(field, name)| {
                format!(
                    "{name} agreement {:.3} below floor {}",
                    self.agreement(field),
                    floors[field]
                )
            })
            .collect()
    }

    /// "title 0.759 (432 pages; 0.760 / 0.755), ...": all pages, then development / held-out.
    pub fn summary(&self) -> String {
        let share = |[agree, given]: [usize; 2]| agree as f64 / given.max(1) as f64;
        Self::FIELDS
            .iter()
            .zip(&self.counts)
            .map(|(name, [development, kept_out])| {
                let all = [development[0] + kept_out[0], development[1] + kept_out[1]];
                format!(
                    "{name} {:.3} ({} pages; {:.3} / {:.3})",
                    share(all),
                    all[1],
                    share(*development),
                    share(*kept_out)
                )
            })
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The reference material on state media (`../shared/reference/state-media`, or
/// `MASTHEAD_REFERENCE`); CI always has it, so its absence fails the test rather than skipping it.
pub fn reference_dir() -> PathBuf {
    let dir = std::env::var_os("MASTHEAD_REFERENCE")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/reference/state-media")
        });
    assert!(
        dir.is_dir(),
        "reference material not found at {} (set MASTHEAD_REFERENCE)",
        dir.display()
    );
    dir
}
