//! Quality on real pages: Mozilla Readability's 130 test pages, the Zyte benchmark's
//! development split and the development half of trafilatura's evaluation set (`../shared/corpora`, or `MASTHEAD_CORPORA`). Prints body F1 and
//! metadata agreement, and fails below floors that only go up.
//!
//! Per-page figures go to `target/corpus-<name>.tsv`, worst first, for finding what to fix;
//! trafilatura-dev's missed and wrong segments on the development folds to
//! `target/corpus-trafilatura-segments.tsv`.

mod common;

use common::{corpora_dir, held_out, site_of_url, MetadataTally, ReaderableTally, Score};
use masthead::text::word_count;
use masthead::{extract_bytes, Options};
use std::io::Read;
use std::path::Path;

/// Floors: raise them when the figures rise; lowering one is a decision, made in a commit.
/// Each sits a stated tolerance under the figure it was set at, so that a harmless change in the
/// third or fourth decimal (one page's paragraph more or less: about 0.001 on 80 pages) passes
/// and a real regression does not: body F1 0.002 under, metadata agreement 0.004 under the lowest.
const BODY_F1_TOLERANCE: f64 = 0.002;
/// Readability pages, body F1: 0.9845 when set, its view against Masthead's view (0.9816 the
/// copied text was, which numbers ordered lists and leaves captions out). Lowered from 0.9850
/// on purpose: the standfirst under the headline is the story's opening (its reference leaves
/// four out: buzzfeed-1, cnet, gitlab-blog, topicseed-1).
const READABILITY_BODY_F1_FLOOR: f64 = 0.9845 - BODY_F1_TOLERANCE;
/// Every metadata field the reference sets (title with its site or author part allowed off,
/// byline with the words around the names allowed off, excerpt,
/// site name, language, direction, published time, readerable verdict): the lowest, byline,
/// was 0.969 when set. The excerpt is 0.969 too since metadata escaped twice is decoded with
/// every named reference: msn's excerpt ends in a literal "&nbsp;" in Readability's reference,
/// which Masthead decodes (as it decodes "&bull;" in a JSON-LD headline).
const READABILITY_METADATA_FLOOR: f64 = 0.969 - 0.004;
/// The byline, lowered from that floor on purpose (issue 13): Masthead takes the byline beside
/// the headline, Readability the page's first byline-like element. Of the 76 pages Readability
/// finds one for, they now differ on 6 (0.921): three as before (bbc-1, ietf-1,
/// seattletimes-1), and herald-sun-1, salon-1 and liberation-1, where Readability's names the
/// author of another story's card (salon-1's "most read" list) or an author the page's own
/// metadata does not give, and Masthead's is the one under the headline. On trafilatura-dev,
/// whose authors people annotated, the same change took agreement 0.449 -> 0.515. Lowered
/// again to 0.908 on purpose: a byline that is only a date or a label ("Dec. 19", "Sat") is
/// none, and spiceworks' Readability byline is "Last Updated: January 7, 2025", where Masthead
/// had given "Last" (counted as agreeing) and now gives none; people's annotations agree more
/// (trafilatura-dev 0.526 -> 0.533, its held-out fold 0.373 -> 0.392).
const READABILITY_BYLINE_FLOOR: f64 = 0.908 - 0.004;
/// The published time, lowered from the metadata floor on purpose (issue 26): Readability's is
/// the metadata's value, Masthead's the day the page shows by its headline where that names
/// another (`dates::page_date`). Of the 33 pages whose metadata has a date, two differ, both
/// showing the reader another day: bug-1255978 its display date "Friday 25 December 2015"
/// (metadata 2015-09-17), topicseed-1 "On 6/13/2018" (metadata 2018-06-12T23:00Z, the same
/// moment in the page's zone). People's annotations agree more: date agreement wcxb-dev 0.790
/// -> 0.839, trafilatura-dev 0.794 -> 0.847, held-out folds 0.824 -> 0.878 and 0.797 -> 0.870.
const READABILITY_DATE_FLOOR: f64 = 31.0 / 33.0 - 0.004;
/// The pages named above: any other that differs fails the test.
const READABILITY_OTHER_DAYS: &[&str] = &["bug-1255978", "topicseed-1"];
/// Zyte development split, body F1: 0.9773 when last raised.
const ZYTE_BODY_F1_FLOOR: f64 = 0.9773 - BODY_F1_TOLERANCE;
/// trafilatura's development half, segment F1 (its own metric): 0.9385 when last raised.
const TRAFILATURA_F1_FLOOR: f64 = 0.9385 - BODY_F1_TOLERANCE;
/// Title, author and date agreement with trafilatura-dev's annotations, all pages (December
/// 2026), less `METADATA_TOLERANCE`.
const TRAFILATURA_METADATA_FLOORS: [f64; 3] = [0.764, 0.625, 0.847];
/// The same with wcxb-dev's answers.
const WCXB_METADATA_FLOORS: [f64; 3] = [0.730, 0.785, 0.840];

fn write_report(name: &str, mut rows: Vec<(f64, String)>) {
    rows.sort_by(|a, b| a.0.total_cmp(&b.0));
    let body: String = rows
        .iter()
        .map(|(f1, key)| format!("{f1:.4}\t{key}\n"))
        .collect();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("target/corpus-{name}.tsv"));
    let _ = std::fs::create_dir_all(path.parent().unwrap());
    let _ = std::fs::write(path, body);
}

/// The text of an HTML fragment with a line break at every block boundary, so that words
/// in adjacent blocks stay apart (the reference is Readability's HTML output).
fn reference_text(html: &str) -> String {
    let fragment = scraper::Html::parse_fragment(html);
    let mut out = String::new();
    for edge in fragment.root_element().traverse() {
        match edge {
            ego_tree_edge::Open(node) | ego_tree_edge::Close(node) => {
                if let Some(element) = node.value().as_element() {
                    if !matches!(
                        element.name(),
                        "a" | "b"
                            | "i"
                            | "em"
                            | "strong"
                            | "span"
                            | "code"
                            | "sup"
                            | "sub"
                            | "small"
                            | "u"
                            | "s"
                            | "abbr"
                            | "cite"
                            | "q"
                            | "mark"
                            | "time"
                            | "font"
                    ) {
                        out.push('\n');
                    }
                } else if let (ego_tree_edge::Open(_), Some(text)) = (&edge, node.value().as_text())
                {
                    out.push_str(text);
                }
            }
        }
    }
    out
}

mod ego_tree_edge {
    pub use ego_tree::iter::Edge::{Close, Open};
}

/// Whether `got` is Readability's title less a part it keeps and Masthead drops: the site's,
/// the author's or the section's name before or after a separator ("Headline | Site",
/// "見出し_科技_腾讯网"), so that the headline itself is compared. Masthead shows the page's own
/// headline; Readability keeps what the metadata title wraps it in.
fn same_headline(got: Option<&str>, expected: Option<&str>) -> bool {
    if same(got, expected) {
        return true;
    }
    let (Some(got), Some(expected)) = (got, expected) else {
        return false;
    };
    let collapse = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let (got, expected) = (collapse(got), collapse(expected));
    let parted = |rest: &str| rest.chars().any(|c| "|-–—:：»·/\\>_｜丨".contains(c));
    got.chars().count() >= 8
        && (expected.strip_prefix(got.as_str()).is_some_and(parted)
            || expected.strip_suffix(got.as_str()).is_some_and(parted))
}

/// Whether `got` is Readability's byline with the words around the names dropped: Readability
/// keeps the byline element's whole text ("By Nathan Willis March 25, 2015"), Masthead the
/// names ("Nathan Willis").
fn same_names(got: Option<&str>, expected: Option<&str>) -> bool {
    if same(got, expected) {
        return true;
    }
    let (Some(got), Some(expected)) = (got, expected) else {
        return false;
    };
    let collapse = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let got = collapse(got);
    got.chars().filter(|c| c.is_alphabetic()).count() >= 3 && collapse(expected).contains(&got)
}

fn same(a: Option<&str>, b: Option<&str>) -> bool {
    let norm = |s: Option<&str>| {
        s.map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|s| !s.is_empty())
    };
    norm(a) == norm(b)
}

#[test]
fn readability_test_pages() {
    let dir = corpora_dir().join("readability");
    let mut score = Score::default();
    let mut folds = [Score::default(), Score::default()];
    let mut rows = Vec::new();
    let fields = [
        "title",
        "byline",
        "excerpt",
        "siteName",
        "lang",
        "dir",
        "publishedTime",
    ];
    let mut agree = [0usize; 7];
    // Pages each field is compared on: all of them, except where Readability finds no date
    // (it reads one only from metadata) or no byline: a page it gives none for is no reference
    // for the date the page shows (`dates.rs`) or the byline beside the headline
    // (`anchor.rs`); those are counted apart.
    let mut compared = [0usize; 7];
    let mut shown_dates = 0;
    // Pages whose published time differs from Readability's metadata read (see
    // `READABILITY_DATE_FLOOR`).
    let mut other_days: Vec<String> = Vec::new();
    let mut found_bylines = 0;
    let mut pages = 0;
    let mut strict_title = 0;
    let mut strict_byline = 0;
    let mut readerable = ReaderableTally::default();
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for page in entries
        .into_iter()
        .filter(|p| p.join("source.html").is_file())
    {
        let key = page.file_name().unwrap().to_string_lossy().to_string();
        let source = std::fs::read(page.join("source.html")).unwrap();
        let expected_html = std::fs::read_to_string(page.join("expected.html")).unwrap_or_default();
        let expected: serde_json::Value =
            std::fs::read_to_string(page.join("expected-metadata.json"))
                .ok()
                .and_then(|s| serde_json::from_str(&s).ok())
                .unwrap_or_default();
        let url = format!("http://fakehost/test/{key}/");
        let article = extract_bytes(&source, Some(&url), &Options::default());
        let article = match article {
            Ok(article) => article,
            Err(e) => panic!("{key}: {e}"),
        };
        // Readability's reference is its reader view as HTML, figures and captions in it: it is
        // compared with Masthead's view (the model as HTML, through the same text function),
        // not with the copied text, which leaves out captions of images it cannot hold.
        let view_text = reference_text(&masthead::render::to_html(&article.content));
        let f1 = score.add(&reference_text(&expected_html), &view_text);
        readerable.add(
            &key,
            word_count(&reference_text(&expected_html)),
            article.readerable,
        );
        // The site is the page's name without its number (`nytimes-2` → `nytimes`).
        let site = key.trim_end_matches(|c: char| c.is_ascii_digit() || c == '-');
        folds[usize::from(held_out(site))].add(&reference_text(&expected_html), &view_text);
        rows.push((f1, key.clone()));
        pages += 1;
        let got = [
            article.title.as_deref(),
            article.byline.as_deref(),
            article.excerpt.as_deref(),
            article.site_name.as_deref(),
            article.lang.as_deref(),
            article.dir.as_deref(),
            article.published_time.as_deref(),
        ];
        if same(got[0], expected["title"].as_str()) {
            strict_title += 1;
        }
        if same(got[1], expected["byline"].as_str()) {
            strict_byline += 1;
        }
        for (i, field) in fields.iter().enumerate() {
            if *field == "publishedTime" && expected[field].is_null() {
                shown_dates += usize::from(got[i].is_some());
                continue;
            }
            if *field == "byline" && expected[field].is_null() {
                found_bylines += usize::from(got[i].is_some());
                continue;
            }
            compared[i] += 1;
            let ok = if *field == "title" {
                same_headline(got[0], expected["title"].as_str())
            } else if *field == "byline" {
                same_names(got[1], expected["byline"].as_str())
            } else {
                same(got[i], expected[field].as_str())
            };
            if !ok && *field == "publishedTime" {
                other_days.push(key.clone());
            }
            if ok {
                agree[i] += 1;
            } else if std::env::var_os("MASTHEAD_CORPUS_VERBOSE").is_some() {
                println!(
                    "{key}: {field}: expected {:?}, got {:?}",
                    expected[field],
                    got.get(i)
                );
            }
        }
    }
    write_report("readability", rows);
    println!("readability ({pages} pages): body {}", score.summary());
    println!(
        "  by site: development folds {}; held-out fold {}",
        folds[0].summary(),
        folds[1].summary()
    );
    let mut line = String::from("readability metadata agreement:");
    for (i, field) in fields.iter().enumerate() {
        line.push_str(&format!(
            " {field} {:.3}",
            agree[i] as f64 / compared[i].max(1) as f64
        ));
    }
    println!("{line}");
    println!(
        "  published time on the {} pages whose metadata has a date; a date shown on the page found on {shown_dates} of the {} without",
        compared[6],
        pages - compared[6]
    );
    println!(
        "  byline on the {} pages Readability finds one for; one found beside the headline on {found_bylines} of the {} without",
        compared[1],
        pages - compared[1]
    );
    println!(
        "readability title agreement counted strictly (the site's or author's name kept as Readability keeps it): {:.3}",
        strict_title as f64 / pages as f64
    );
    println!(
        "readability byline agreement counted strictly (\"By\" and dates kept as Readability keeps them): {:.3}",
        strict_byline as f64 / pages as f64
    );
    println!("  {}", readerable.summary());
    assert!(readerable.missed.is_empty(), "{}", readerable.summary());
    assert!(
        score.f1() >= READABILITY_BODY_F1_FLOOR,
        "body F1 {:.4} below floor {READABILITY_BODY_F1_FLOOR}",
        score.f1()
    );
    other_days.retain(|page| !READABILITY_OTHER_DAYS.contains(&page.as_str()));
    assert!(
        other_days.is_empty(),
        "published time differs from Readability's on {other_days:?}"
    );
    for (i, field) in fields.iter().enumerate() {
        let agreement = agree[i] as f64 / compared[i].max(1) as f64;
        let floor = match *field {
            "byline" => READABILITY_BYLINE_FLOOR,
            "publishedTime" => READABILITY_DATE_FLOOR,
            _ => READABILITY_METADATA_FLOOR,
        };
        assert!(
            agreement >= floor,
            "{field} agreement {agreement:.3} below floor {floor}"
        );
    }
}

fn read_gz(path: &Path) -> Vec<u8> {
    let mut bytes = Vec::new();
    flate2::read::GzDecoder::new(std::fs::File::open(path).unwrap())
        .read_to_end(&mut bytes)
        .unwrap();
    bytes
}

#[test]
fn zyte_development_split() {
    let dir = corpora_dir().join("zyte-dev");
    let truth: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("ground-truth.json")).unwrap())
            .unwrap();
    let truth = truth.as_object().unwrap();

    // The metric, checked against a peer's published figure on the same split.
    let peer: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("peers/readability_js.json")).unwrap(),
    )
    .unwrap();
    let mut peer_score = Score::default();
    for (key, page) in truth {
        peer_score.add(
            page["articleBody"].as_str().unwrap_or(""),
            peer[key]["articleBody"].as_str().unwrap_or(""),
        );
    }
    assert!(
        (peer_score.f1() - 0.953).abs() < 0.001,
        "metric drifted: Readability.js scores {:.4}",
        peer_score.f1()
    );

    let mut score = Score::default();
    let mut folds = [Score::default(), Score::default()];
    let mut rows = Vec::new();
    let mut readerable = ReaderableTally::default();
    for (key, page) in truth {
        let html = read_gz(&dir.join(format!("html/{key}.html.gz")));
        let article = extract_bytes(&html, page["url"].as_str(), &Options::default())
            .unwrap_or_else(|e| panic!("{key}: {e}"));
        let f1 = score.add(page["articleBody"].as_str().unwrap_or(""), &article.text);
        readerable.add(
            key,
            word_count(page["articleBody"].as_str().unwrap_or("")),
            article.readerable,
        );
        let site = site_of_url(page["url"].as_str().unwrap_or_default());
        folds[usize::from(held_out(&site))]
            .add(page["articleBody"].as_str().unwrap_or(""), &article.text);
        rows.push((f1, key.clone()));
    }
    write_report("zyte", rows);
    println!(
        "zyte-dev ({} pages): body {}  [Readability.js on the same pages: {}]",
        truth.len(),
        score.summary(),
        peer_score.summary()
    );
    println!(
        "  by site: development folds {}; held-out fold {}",
        folds[0].summary(),
        folds[1].summary()
    );
    println!("  {}", readerable.summary());
    assert!(readerable.missed.is_empty(), "{}", readerable.summary());
    assert!(
        score.f1() >= ZYTE_BODY_F1_FLOOR,
        "body F1 {:.4} below floor {ZYTE_BODY_F1_FLOOR}",
        score.f1()
    );
}

/// trafilatura's metric (`tests/eval_common.py` upstream): per page, the "with" segments found in
/// the whitespace-collapsed text are true positives, those missing false negatives, the
/// "without" segments found false positives; summed over the pages. A page that fails to
/// extract counts as a full miss.
#[derive(Default)]
struct SegmentScore {
    true_positives: usize,
    false_negatives: usize,
    false_positives: usize,
}

impl SegmentScore {
    /// Adds a page; returns its own F1 (1.0 for a page with nothing to find and nothing found).
    fn add(&mut self, text: &str, with: &[&str], without: &[&str]) -> f64 {
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let found = with.iter().filter(|s| text.contains(**s)).count();
        let wrong = without.iter().filter(|s| text.contains(**s)).count();
        self.true_positives += found;
        self.false_negatives += with.len() - found;
        self.false_positives += wrong;
        let missed = with.len() - found;
        if found + missed + wrong == 0 {
            1.0
        } else {
            2.0 * found as f64 / (2 * found + missed + wrong) as f64
        }
    }

    fn precision(&self) -> f64 {
        self.true_positives as f64 / (self.true_positives + self.false_positives).max(1) as f64
    }

    fn recall(&self) -> f64 {
        self.true_positives as f64 / (self.true_positives + self.false_negatives).max(1) as f64
    }

    fn f1(&self) -> f64 {
        2.0 * self.true_positives as f64
            / (2 * self.true_positives + self.false_positives + self.false_negatives).max(1) as f64
    }
}

#[test]
fn trafilatura_development_half() {
    let dir = corpora_dir().join("trafilatura-dev");
    let eval: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("evaldata.json")).unwrap()).unwrap();
    let eval = eval.as_object().unwrap();
    let segments = |page: &serde_json::Value, key: &str| -> Vec<String> {
        page[key]
            .as_array()
            .map(|items| {
                items
                    .iter()
                    .filter_map(|s| s.as_str())
                    .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut score = SegmentScore::default();
    let mut folds = [SegmentScore::default(), SegmentScore::default()];
    // Metadata against the annotators' own title, author and date, where they gave one.
    // Reported, not gated: a baseline for the metadata work.
    let mut metadata = MetadataTally::default();
    let mut rows = Vec::new();
    let mut failed = 0;
    let mut readerable = ReaderableTally::default();
    let mut segment_misses = Vec::new();
    for (url, page) in eval {
        let file = page["file"].as_str().unwrap();
        let html = read_gz(&dir.join(format!("html/{file}.gz")));
        let with = segments(page, "with");
        let without = segments(page, "without");
        let with: Vec<&str> = with.iter().map(String::as_str).collect();
        let without: Vec<&str> = without.iter().map(String::as_str).collect();
        let article = extract_bytes(&html, Some(url), &Options::default()).ok();
        if article.is_none() {
            failed += 1;
        }
        let collapse = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
        let got = [
            article.as_ref().and_then(|a| a.title.clone()),
            article.as_ref().and_then(|a| a.byline.clone()),
            article.as_ref().and_then(|a| {
                a.published_time
                    .as_ref()
                    .map(|d| d.chars().take(10).collect())
            }),
        ];
        let kept_out = held_out(&site_of_url(url));
        for (i, field) in MetadataTally::FIELDS.iter().enumerate() {
            let wanted = collapse(page[field].as_str().unwrap_or_default());
            let agrees = got[i].as_deref().map(collapse).as_deref() == Some(wanted.as_str());
            metadata.add(i, kept_out, &wanted, agrees);
        }
        // The annotators marked no whole body; a page whose extraction holds every segment
        // they marked as the article's and none they marked as not, with 100 words or more,
        // has its article body found.
        let readerable_verdict = article.as_ref().is_some_and(|a| a.readerable);
        let text = article.map(|a| a.text).unwrap_or_default();
        let collapsed = collapse(&text);
        if !with.is_empty()
            && with.iter().all(|s| collapsed.contains(s))
            && !without.iter().any(|s| collapsed.contains(s))
        {
            readerable.add(url, word_count(&text), readerable_verdict);
        }
        let f1 = score.add(&text, &with, &without);
        folds[usize::from(kept_out)].add(&text, &with, &without);
        rows.push((f1, url.clone()));
        // What went wrong, segment by segment, on the development folds only: the held-out
        // fold stays out of sight.
        if !kept_out {
            for s in with.iter().filter(|s| !collapsed.contains(**s)) {
                segment_misses.push(format!("{url}\tmissed\t{s}\n"));
            }
            for s in without.iter().filter(|s| collapsed.contains(**s)) {
                segment_misses.push(format!("{url}\twrong\t{s}\n"));
            }
        }
    }
    write_report("trafilatura", rows);
    segment_misses.sort();
    let _ = std::fs::write(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("target/corpus-trafilatura-segments.tsv"),
        segment_misses.concat(),
    );
    println!(
        "trafilatura-dev ({} pages): segment F1 {:.4} (precision {:.4}, recall {:.4}), {failed} not extracted",
        eval.len(),
        score.f1(),
        score.precision(),
        score.recall()
    );
    println!(
        "  by site: development folds F1 {:.4} (P {:.4}, R {:.4}); held-out fold F1 {:.4} (P {:.4}, R {:.4})",
        folds[0].f1(),
        folds[0].precision(),
        folds[0].recall(),
        folds[1].f1(),
        folds[1].precision(),
        folds[1].recall()
    );
    println!(
        "  metadata, exactly as annotated (development folds / held-out fold): {}",
        metadata.summary()
    );
    println!("  {}", readerable.summary());
    assert!(readerable.missed.is_empty(), "{}", readerable.summary());
    let below = metadata.below(TRAFILATURA_METADATA_FLOORS);
    assert!(below.is_empty(), "{below:?}");
    assert!(
        score.f1() >= TRAFILATURA_F1_FLOOR,
        "segment F1 {:.4} below floor {TRAFILATURA_F1_FLOOR}",
        score.f1()
    );
}

/// WCXB's word F1 as its evaluate.py computes it: `\w+` runs of the lower-cased text as a bag of
/// words. (Rust's alphanumeric takes a few combining marks that Python's `\w` splits on; on
/// Latin, Cyrillic and CJK text the two agree.)
fn wcxb_tokens(text: &str) -> std::collections::HashMap<String, usize> {
    let mut bag = std::collections::HashMap::new();
    for token in text
        .to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|t| !t.is_empty())
    {
        *bag.entry(token.to_string()).or_insert(0) += 1;
    }
    bag
}

/// Per page: precision, recall and F1 (an empty reference scores 1 only against an empty
/// prediction; an empty prediction scores 0).
fn wcxb_score(reference: &str, prediction: &str) -> [f64; 3] {
    let truth = wcxb_tokens(reference);
    let predicted = wcxb_tokens(prediction);
    let (truth_count, predicted_count) = (
        truth.values().sum::<usize>(),
        predicted.values().sum::<usize>(),
    );
    if truth_count == 0 {
        let score = if predicted_count == 0 { 1.0 } else { 0.0 };
        return [score; 3];
    }
    if predicted_count == 0 {
        return [0.0; 3];
    }
    let overlap: usize = predicted
        .iter()
        .map(|(token, n)| (*n).min(truth.get(token).copied().unwrap_or(0)))
        .sum();
    let precision = overlap as f64 / predicted_count as f64;
    let recall = overlap as f64 / truth_count as f64;
    let f1 = if overlap == 0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    [precision, recall, f1]
}

/// WCXB's page types, in the order its README lists them, with the floor of each: the word F1
/// when set (December 2026), less the tolerance. On 90–160 pages a type's mean moves about 0.001
/// with one page's paragraph; these are the figures Masthead starts from on the page kinds it
/// was not built for (forums, products, listings), to rise from.
const WCXB_TYPES: [(&str, f64); 7] = [
    ("article", 0.9560),
    ("service", 0.7951),
    ("forum", 0.7864),
    ("listing", 0.6418),
    ("product", 0.5914),
    ("collection", 0.6305),
    ("documentation", 0.9252),
];

#[derive(Default, Clone, Copy)]
struct MeanScore {
    pages: usize,
    sums: [f64; 3],
    empty: usize,
}

impl MeanScore {
    fn add(&mut self, [precision, recall, f1]: [f64; 3], empty: bool) {
        self.pages += 1;
        self.sums[0] += precision;
        self.sums[1] += recall;
        self.sums[2] += f1;
        self.empty += usize::from(empty);
    }
    fn mean(&self, i: usize) -> f64 {
        self.sums[i] / self.pages.max(1) as f64
    }
    fn f1(&self) -> f64 {
        self.mean(2)
    }
}

#[test]
fn wcxb_development_split() {
    let dir = corpora_dir().join("wcxb-dev");
    let mut answers: Vec<_> = std::fs::read_dir(dir.join("ground-truth"))
        .unwrap_or_else(|e| panic!("wcxb-dev not found at {}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .collect();
    answers.sort();
    assert!(
        answers.len() > 1300,
        "wcxb-dev has {} answers",
        answers.len()
    );
    let mut all = MeanScore::default();
    let mut by_type = [MeanScore::default(); WCXB_TYPES.len()];
    // [development folds, held-out fold] per type, and overall.
    let mut folds = [[MeanScore::default(); 2]; WCXB_TYPES.len()];
    let mut snippets = [[0usize; 2]; 2]; // with: [found, all]; without: [found, all]
                                         // Title, author and date exactly as the reference gives them. Reported.
    let mut metadata = MetadataTally::default();
    let mut rows = Vec::new();
    for path in &answers {
        let answer: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let id = answer["file_id"].as_str().unwrap();
        let url = answer["url"].as_str();
        let kind = answer["_internal"]["page_type"]["primary"]
            .as_str()
            .unwrap();
        let type_index = WCXB_TYPES
            .iter()
            .position(|(name, _)| *name == kind)
            .unwrap_or_else(|| panic!("{id}: unknown page type {kind}"));
        let truth = &answer["ground_truth"];
        let html = read_gz(&dir.join(format!("html/{id}.html.gz")));
        let article = extract_bytes(&html, url, &Options::default()).ok();
        let site = url.map_or_else(|| id.to_string(), site_of_url);
        let kept_out = held_out(&site);
        let collapse = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
        // The date by its calendar day, as the reference gives it.
        let day = |t: &str| t.chars().take(10).collect::<String>();
        for (i, (field, got)) in [
            ("title", article.as_ref().and_then(|a| a.title.clone())),
            ("author", article.as_ref().and_then(|a| a.byline.clone())),
            (
                "publish_date",
                article
                    .as_ref()
                    .and_then(|a| a.published_time.as_deref().map(day)),
            ),
        ]
        .into_iter()
        .enumerate()
        {
            let mut wanted = collapse(truth[field].as_str().unwrap_or_default());
            if field == "publish_date" {
                wanted = day(&wanted);
            }
            let agrees = got.as_deref().map(collapse).as_deref() == Some(wanted.as_str());
            metadata.add(i, kept_out, &wanted, agrees);
        }
        let text = article.map(|a| a.text).unwrap_or_default();
        let score = wcxb_score(truth["main_content"].as_str().unwrap_or_default(), &text);
        let empty = text.trim().is_empty();
        all.add(score, empty);
        by_type[type_index].add(score, empty);
        folds[type_index][usize::from(kept_out)].add(score, empty);
        let lower = text.to_lowercase();
        for (i, key) in ["with", "without"].iter().enumerate() {
            for snippet in truth[key].as_array().into_iter().flatten() {
                let snippet = snippet.as_str().unwrap_or_default().to_lowercase();
                snippets[i][1] += 1;
                snippets[i][0] += usize::from(lower.contains(&snippet));
            }
        }
        rows.push((
            score[2],
            format!(
                "{id}\t{kind}\t{}\tP {:.3} R {:.3}",
                url.unwrap_or("-"),
                score[0],
                score[1]
            ),
        ));
    }
    write_report("wcxb", rows);
    println!(
        "wcxb-dev ({} pages): word F1 {:.4} (precision {:.4}, recall {:.4}), {} empty; snippets: with {:.3} found, without {:.3} found",
        all.pages,
        all.f1(),
        all.mean(0),
        all.mean(1),
        all.empty,
        snippets[0][0] as f64 / snippets[0][1].max(1) as f64,
        snippets[1][0] as f64 / snippets[1][1].max(1) as f64,
    );
    println!(
        "  metadata, exactly as the reference gives it, the date by the day (development folds / held-out fold): {}",
        metadata.summary()
    );
    let mut fold_totals = [MeanScore::default(); 2];
    let mut failures = metadata.below(WCXB_METADATA_FLOORS);
    for (i, (kind, floor)) in WCXB_TYPES.iter().enumerate() {
        let [development, kept_out] = folds[i];
        for (total, part) in fold_totals.iter_mut().zip([development, kept_out]) {
            total.pages += part.pages;
            for k in 0..3 {
                total.sums[k] += part.sums[k];
            }
            total.empty += part.empty;
        }
        println!(
            "  {kind:<13} ({:>3} pages): F1 {:.4} (P {:.4}, R {:.4}), {} empty; development folds {:.4}, held-out fold {:.4} ({} pages)",
            by_type[i].pages,
            by_type[i].f1(),
            by_type[i].mean(0),
            by_type[i].mean(1),
            by_type[i].empty,
            development.f1(),
            kept_out.f1(),
            kept_out.pages,
        );
        if by_type[i].f1() < floor - BODY_F1_TOLERANCE {
            failures.push(format!(
                "{kind}: F1 {:.4} below floor {floor}",
                by_type[i].f1()
            ));
        }
    }
    println!(
        "  by site: development folds F1 {:.4} ({} pages); held-out fold F1 {:.4} ({} pages)",
        fold_totals[0].f1(),
        fold_totals[0].pages,
        fold_totals[1].f1(),
        fold_totals[1].pages
    );
    assert!(failures.is_empty(), "{failures:?}");
}
