//! `masthead`: the extractor on the command line, for one page or a crawl.
//!
//! ```text
//! masthead extract [INPUT…] [--url URL] [--format json|text|markdown|html] [--lang TAG]
//!                  [--output FILE | --output-dir DIR] [--fields a,b] [--jobs N] …
//! masthead label [URL…] [--from-list FILE] [--format json|text] [--lang TAG]
//! ```
//!
//! One page (a file, or standard input) prints as it always did. Many pages (several files,
//! folders, WARC files, a list) print one JSON object per page, a line each, with where it came
//! from (`batch.rs`).

use crate::{batch, inputs};
use clap::{Args, Parser, Subcommand, ValueEnum};
use masthead::label::label_url_in;
use masthead::wording::Wording;
use masthead::{copy, extract_bytes, Article, Options};
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "masthead",
    version,
    about = "Clean article text, and who stands behind the outlet, from saved pages, folders and WARC files",
    after_help = "One page prints as JSON (or --format); many print as JSON Lines, one object per page.\nExamples:\n  masthead extract page.html --url https://example.com/story --format text\n  masthead extract saved-pages/ crawl.warc.gz --output pages.jsonl.gz\n  masthead label https://sputnikglobe.com/"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// The article of each page, with its outlet label
    Extract(ExtractArgs),
    /// The outlet label of each address (no page needed)
    Label(LabelArgs),
}

#[derive(Args)]
pub struct ExtractArgs {
    /// Pages: HTML files (gzipped too: .html.gz), folders (searched recursively), WARC files
    /// (.warc, .warc.gz); none, or `-`, reads one page from standard input
    pub inputs: Vec<PathBuf>,
    /// More inputs, one path per line, from FILE (`-` for standard input)
    #[arg(long, value_name = "FILE")]
    pub from_list: Option<PathBuf>,
    /// The page's address, for a single page: its links and images resolve against it and its
    /// label comes from it (a WARC record's own target address is used for each record)
    #[arg(long)]
    pub url: Option<String>,
    /// In folders, only the files whose name matches this pattern (`*` and `?`)
    #[arg(long, default_value = "*.htm*")]
    pub glob: String,
    /// What to print for each page
    #[arg(long, value_enum, default_value_t = Format::Json)]
    pub format: Format,
    /// The reader's language (BCP 47: ru, ar, pt-BR, zh-HK…) for the label's and the copy's
    /// wording
    #[arg(long, default_value = "en", value_parser = lang_value)]
    pub lang: String,
    /// Write the JSON Lines to FILE (`.jsonl`, or `.jsonl.gz` compressed) instead of standard
    /// output
    #[arg(short, long, value_name = "FILE", conflicts_with = "output_dir")]
    pub output: Option<PathBuf>,
    /// Write one file per page into DIR, in --format
    #[arg(long, value_name = "DIR")]
    pub output_dir: Option<PathBuf>,
    /// Keep only these fields of each JSON object (comma-separated; `source` and `error` stay)
    #[arg(long, value_delimiter = ',')]
    pub fields: Vec<String>,
    /// Pages worked on at once [default: every core]
    #[arg(short, long)]
    pub jobs: Option<usize>,
    /// Give up on a page after this many seconds
    #[arg(long, default_value_t = 30.0)]
    pub timeout: f64,
    /// Pass over pages larger than this many bytes [default: the core's limit]
    #[arg(long)]
    pub max_bytes: Option<usize>,
    /// No progress bar and no summary
    #[arg(short, long)]
    pub quiet: bool,
}

#[derive(Args)]
struct LabelArgs {
    /// Addresses (https://…)
    urls: Vec<String>,
    /// More addresses, one per line, from FILE (`-` for standard input)
    #[arg(long, value_name = "FILE")]
    from_list: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = LabelFormat::Text)]
    format: LabelFormat,
    /// The reader's language (BCP 47) for the label's wording
    #[arg(long, default_value = "en", value_parser = lang_value)]
    lang: String,
}

#[derive(Clone, Copy, PartialEq, ValueEnum)]
pub enum Format {
    /// Every field; JSON Lines for many pages
    Json,
    /// As the extension's "Copy text"
    Text,
    /// As the extension's "Copy Markdown"
    #[value(alias = "md")]
    Markdown,
    /// The article body as HTML (the model, escaped)
    Html,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Text => "txt",
            Format::Markdown => "md",
            Format::Html => "html",
        }
    }
}

#[derive(Clone, Copy, PartialEq, ValueEnum)]
enum LabelFormat {
    Json,
    Text,
}

fn lang_value(tag: &str) -> Result<String, String> {
    let well_formed = !tag.is_empty()
        && tag.split(['-', '_']).all(|part| {
            !part.is_empty() && part.len() <= 8 && part.bytes().all(|b| b.is_ascii_alphanumeric())
        });
    if !well_formed {
        return Err(format!("'{tag}' is not a language tag (ru, ar, pt-BR…)"));
    }
    Ok(tag.to_string())
}

/// One page in `format`, as the single-page tool prints it.
pub fn render(article: &Article, format: Format, wording: &Wording) -> String {
    match format {
        Format::Json => {
            serde_json::to_string_pretty(&masthead::render::to_json(article)).unwrap_or_default()
        }
        // As the extension's "Copy text" and "Copy as Markdown": the same renderer.
        Format::Text => copy::copy_text(article, wording),
        Format::Markdown => copy::copy_markdown(article, wording),
        Format::Html => masthead::render::to_html(&article.content),
    }
}

/// Paths or addresses, one per line, from a file or standard input (`-`).
fn read_list(from: &PathBuf) -> Result<Vec<String>, String> {
    let text = if from.as_os_str() == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| format!("cannot read the list from standard input: {e}"))?;
        text
    } else {
        std::fs::read_to_string(from)
            .map_err(|e| format!("cannot read the list {}: {e}", from.display()))?
    };
    Ok(text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect())
}

/// One page, printed as before the batch tool existed: what `./x build` and the README show.
fn extract_one(args: &ExtractArgs) -> Result<(), String> {
    let bytes = match args.inputs.first().filter(|p| p.as_os_str() != "-") {
        None => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| format!("cannot read standard input: {e}"))?;
            bytes
        }
        Some(path) => {
            std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?
        }
    };
    let options = Options {
        language: args.lang.clone(),
        max_bytes: args.max_bytes.unwrap_or(Options::default().max_bytes),
        ..Options::default()
    };
    let article =
        extract_bytes(&bytes, args.url.as_deref(), &options).map_err(|e| e.to_string())?;
    let wording = Wording::for_language(&args.lang);
    // A closed pipe (`| head`) is not an error worth a message.
    let _ = writeln!(
        std::io::stdout().lock(),
        "{}",
        render(&article, args.format, &wording)
    );
    Ok(())
}

fn extract(mut args: ExtractArgs) -> Result<bool, String> {
    if let Some(list) = &args.from_list {
        args.inputs
            .extend(read_list(list)?.into_iter().map(PathBuf::from));
    }
    let single = args.inputs.len() <= 1
        && args.output.is_none()
        && args.output_dir.is_none()
        && args.from_list.is_none()
        && args
            .inputs
            .first()
            .is_none_or(|p| p.as_os_str() == "-" || (!p.is_dir() && !inputs::is_warc(p)));
    if single {
        extract_one(&args)?;
        return Ok(true);
    }
    if args.url.is_some() {
        return Err("--url names one page; with many, each page's own address is used (a WARC record's target)".into());
    }
    if args.format != Format::Json && args.output_dir.is_none() {
        return Err("many pages print as JSON Lines; for text, Markdown or HTML give --output-dir DIR (one file per page)".into());
    }
    batch::run(&args)
}

fn label(args: LabelArgs) -> Result<bool, String> {
    let mut urls = args.urls;
    if let Some(list) = &args.from_list {
        urls.extend(read_list(list)?);
    }
    if urls.is_empty() {
        return Err("label needs an address (https://…)".into());
    }
    let wording = Wording::for_language(&args.lang);
    let many = urls.len() > 1;
    let mut out = std::io::stdout().lock();
    let mut all_good = true;
    for url in &urls {
        if masthead::address::parse(url).is_none() {
            all_good = false;
            let message = format!("'{url}' is not an absolute URL (https://…)");
            if !many {
                return Err(message);
            }
            eprintln!("masthead: {message}");
            let _ = writeln!(
                out,
                "{}",
                serde_json::json!({ "url": url, "error": message })
            );
            continue;
        }
        let label = label_url_in(url, &wording);
        let line = match (args.format, many) {
            (LabelFormat::Text, false) => copy::label_text(label.as_ref(), &wording),
            (LabelFormat::Json, false) => serde_json::to_string_pretty(&label).unwrap_or_default(),
            // Many addresses: one JSON object a line, the address with its label (or null).
            (_, true) => serde_json::json!({ "url": url, "label": label }).to_string(),
        };
        let _ = writeln!(out, "{line}");
    }
    Ok(all_good)
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Extract(args) => extract(args),
        Command::Label(args) => label(args),
    };
    match outcome {
        Ok(true) => ExitCode::SUCCESS,
        // Every page was tried; some failed (each said so on standard error).
        Ok(false) => ExitCode::from(1),
        Err(message) => {
            eprintln!("masthead: {message}");
            ExitCode::FAILURE
        }
    }
}
