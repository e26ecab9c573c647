//! Many pages in one run: read by one thread (`inputs.rs`), extracted by `--jobs` threads, each
//! page given up after `--timeout`, written in the order they finish as JSON Lines (to standard
//! output or a `.jsonl`/`.jsonl.gz` file) or one file per page; a progress line on a terminal
//! and a summary at the end. A page that fails is one line on standard error and an error
//! object in the output; the run goes on.

use crate::cli::{render, ExtractArgs, Format};
use crate::inputs::{each_item, Item, Source};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use masthead::wording::Wording;
use masthead::{extract_bytes, Article, Options};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use std::sync::mpsc::{channel, sync_channel, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// What became of one item.
enum Done {
    Page {
        index: usize,
        source: Source,
        article: Box<Article>,
    },
    Failed {
        source: Source,
        error: String,
    },
    Skipped,
}

/// The run's counts, for the progress line and the summary.
#[derive(Default)]
struct Tally {
    pages: usize,
    articles: usize,
    tiers: BTreeMap<String, usize>,
    skipped: usize,
    failed: usize,
}

/// Where the output goes.
enum Output {
    Lines(Box<dyn Write>),
    Folder { dir: PathBuf, format: Format },
}

pub fn run(args: &ExtractArgs) -> Result<bool, String> {
    let jobs = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from))
        .max(1);
    let options = Options {
        language: args.lang.clone(),
        max_bytes: args.max_bytes.unwrap_or(Options::default().max_bytes),
        ..Options::default()
    };
    let wording = Wording::for_language(&args.lang);
    let timeout = Duration::from_secs_f64(args.timeout.clamp(0.1, 86_400.0));
    let mut output = open_output(args)?;
    let progress = if args.quiet {
        ProgressBar::hidden()
    } else {
        // Drawn only on a terminal: nothing when standard error is piped or redirected.
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
        bar.set_style(
            ProgressStyle::with_template("{spinner} {elapsed} {msg}").expect("a valid template"),
        );
        bar.enable_steady_tick(Duration::from_millis(200));
        bar
    };
    let started = Instant::now();
    let mut tally = Tally::default();
    std::thread::scope(|scope| -> Result<(), String> {
        let (item_tx, item_rx) = sync_channel::<(usize, Item)>(jobs * 4);
        let (done_tx, done_rx) = channel::<Done>();
        scope.spawn(move || {
            let mut index = 0;
            each_item(&args.inputs, &args.glob, &mut |item| {
                index += 1;
                item_tx.send((index, item)).is_ok()
            });
        });
        let item_rx = Arc::new(Mutex::new(item_rx));
        for _ in 0..jobs {
            let (item_rx, done_tx, options) =
                (Arc::clone(&item_rx), done_tx.clone(), options.clone());
            scope.spawn(move || loop {
                let next = item_rx
                    .lock()
                    .map_err(|_| ())
                    .and_then(|rx| rx.recv().map_err(|_| ()));
                let Ok((index, item)) = next else { break };
                if done_tx.send(work(index, item, &options, timeout)).is_err() {
                    break;
                }
            });
        }
        drop(done_tx);
        for done in done_rx {
            match done {
                Done::Skipped => tally.skipped += 1,
                Done::Failed { source, error } => {
                    tally.failed += 1;
                    progress.suspend(|| eprintln!("masthead: {}: {error}", source.describe()));
                    if let Output::Lines(out) = &mut output {
                        let line =
                            serde_json::json!({ "source": source.to_json(), "error": error });
                        writeln!(out, "{line}")
                            .map_err(|e| format!("cannot write the output: {e}"))?;
                    }
                }
                Done::Page {
                    index,
                    source,
                    article,
                } => {
                    tally.pages += 1;
                    tally.articles += usize::from(article.readerable);
                    if let Some(label) = &article.affiliation {
                        let tier = serde_json::to_value(label.tier).ok();
                        let tier = tier.as_ref().and_then(|t| t.as_str()).unwrap_or("other");
                        *tally.tiers.entry(tier.to_string()).or_default() += 1;
                    }
                    write_page(&mut output, index, &source, &article, args, &wording)?;
                }
            }
            progress.set_message(tally.line(started.elapsed()));
        }
        Ok(())
    })?;
    progress.finish_and_clear();
    if let Output::Lines(out) = &mut output {
        out.flush()
            .map_err(|e| format!("cannot write the output: {e}"))?;
    }
    drop(output); // a .gz file's trailer is written here
    if !args.quiet {
        eprintln!("masthead: {}", tally.summary(started.elapsed(), jobs));
    }
    Ok(tally.failed == 0)
}

/// One item through the core, given up after `timeout` (the page's thread is left to finish on
/// its own; its answer is not waited for).
fn work(index: usize, item: Item, options: &Options, timeout: Duration) -> Done {
    let (source, bytes, url) = match item {
        Item::Skipped => return Done::Skipped,
        Item::Unreadable { source, error } => return Done::Failed { source, error },
        Item::Page { source, bytes, url } => (source, bytes, url),
    };
    let (answer_tx, answer_rx) = channel();
    let options = options.clone();
    std::thread::spawn(move || {
        let _ = answer_tx.send(extract_bytes(&bytes, url.as_deref(), &options));
    });
    match answer_rx.recv_timeout(timeout) {
        Ok(Ok(article)) => Done::Page {
            index,
            source,
            article: Box::new(article),
        },
        Ok(Err(error)) => Done::Failed {
            source,
            error: error.to_string(),
        },
        Err(RecvTimeoutError::Timeout) => Done::Failed {
            source,
            error: format!("gave up after {:.0} s (--timeout)", timeout.as_secs_f64()),
        },
        Err(RecvTimeoutError::Disconnected) => Done::Failed {
            source,
            error: "the extraction stopped without an answer".into(),
        },
    }
}

fn open_output(args: &ExtractArgs) -> Result<Output, String> {
    if let Some(dir) = &args.output_dir {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        return Ok(Output::Folder {
            dir: dir.clone(),
            format: args.format,
        });
    }
    let Some(path) = &args.output else {
        return Ok(Output::Lines(Box::new(std::io::BufWriter::new(
            std::io::stdout(),
        ))));
    };
    let file = std::fs::File::create(path)
        .map_err(|e| format!("cannot create {}: {e}", path.display()))?;
    let file = std::io::BufWriter::new(file);
    Ok(Output::Lines(if path.to_string_lossy().ends_with(".gz") {
        Box::new(flate2::write::GzEncoder::new(
            file,
            flate2::Compression::default(),
        ))
    } else {
        Box::new(file)
    }))
}

fn write_page(
    output: &mut Output,
    index: usize,
    source: &Source,
    article: &Article,
    args: &ExtractArgs,
    wording: &Wording,
) -> Result<(), String> {
    match output {
        Output::Lines(out) => {
            let mut value = masthead::render::to_json(article);
            if let Some(object) = value.as_object_mut() {
                if !args.fields.is_empty() {
                    object.retain(|key, _| args.fields.iter().any(|f| f == key));
                }
                object.insert("source".into(), source.to_json());
            }
            writeln!(out, "{value}").map_err(|e| format!("cannot write the output: {e}"))
        }
        Output::Folder { dir, format } => {
            // In input order by number, named after the page's file or record.
            let name: String = match source {
                Source::File(path) => path
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                Source::Warc { record_id, .. } => record_id.clone(),
                Source::Stdin => "stdin".into(),
            }
            .chars()
            .map(|c| {
                if c.is_alphanumeric() || c == '-' || c == '_' {
                    c
                } else {
                    '-'
                }
            })
            .take(80)
            .collect();
            let path = dir.join(format!(
                "{index:06}-{}.{}",
                name.trim_matches('-'),
                format.extension()
            ));
            std::fs::write(&path, render(article, *format, wording) + "\n")
                .map_err(|e| format!("cannot write {}: {e}", path.display()))
        }
    }
}

impl Tally {
    fn line(&self, elapsed: Duration) -> String {
        format!(
            "{} pages ({:.0}/s), {} articles, {} labelled, {} skipped, {} failed",
            self.pages,
            self.pages as f64 / elapsed.as_secs_f64().max(1e-3),
            self.articles,
            self.tiers.values().sum::<usize>(),
            self.skipped,
            self.failed
        )
    }

    fn summary(&self, elapsed: Duration, jobs: usize) -> String {
        let tiers: Vec<String> = self
            .tiers
            .iter()
            .map(|(tier, n)| format!("{tier} {n}"))
            .collect();
        format!(
            "{} pages in {:.1} s ({:.1} pages/s, {jobs} jobs): {} articles; labelled {}{}; {} records not HTML skipped; {} failed",
            self.pages,
            elapsed.as_secs_f64(),
            self.pages as f64 / elapsed.as_secs_f64().max(1e-3),
            self.articles,
            self.tiers.values().sum::<usize>(),
            if tiers.is_empty() { String::new() } else { format!(" ({})", tiers.join(", ")) },
            self.skipped,
            self.failed
        )
    }
}
