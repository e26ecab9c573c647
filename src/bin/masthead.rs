//! `masthead`: the extractor on the command line.
//!
//! ```text
//! masthead extract [FILE|-] [--url URL] [--format json|text|markdown|html]
//! ```

use masthead::{extract_bytes, text, Article, Options};
use std::io::{Read, Write};
use std::process::ExitCode;

const USAGE: &str =
    "usage: masthead extract [FILE|-] [--url URL] [--format json|text|markdown|html]";

#[derive(Clone, Copy)]
enum Format {
    Json,
    Text,
    Markdown,
    Html,
}

struct ExtractArgs {
    file: Option<String>,
    url: Option<String>,
    format: Format,
}

fn parse_extract_args(args: &[String]) -> Result<ExtractArgs, String> {
    let mut parsed = ExtractArgs {
        file: None,
        url: None,
        format: Format::Json,
    };
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--url" => parsed.url = Some(rest.next().ok_or("--url needs a value")?.clone()),
            "--format" => {
                parsed.format = match rest.next().map(String::as_str) {
                    Some("json") => Format::Json,
                    Some("text") => Format::Text,
                    Some("markdown") | Some("md") => Format::Markdown,
                    Some("html") => Format::Html,
                    Some(other) => {
                        return Err(format!(
                            "unknown format '{other}' (json, text, markdown, html)"
                        ))
                    }
                    None => return Err("--format needs a value".into()),
                }
            }
            "-h" | "--help" => return Err(USAGE.into()),
            flag if flag.starts_with("--") => return Err(format!("unknown option '{flag}'")),
            file if parsed.file.is_none() => parsed.file = Some(file.to_string()),
            extra => return Err(format!("unexpected argument '{extra}'")),
        }
    }
    Ok(parsed)
}

fn read_input(file: Option<&str>) -> Result<Vec<u8>, String> {
    match file {
        None | Some("-") => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| format!("cannot read standard input: {e}"))?;
            Ok(bytes)
        }
        Some(path) => std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}")),
    }
}

/// The JSON object of `masthead extract`: every field present, missing ones `null`.
fn to_json(article: &Article) -> String {
    let mut value = serde_json::to_value(article).unwrap_or_default();
    if let Some(object) = value.as_object_mut() {
        // The model tree is for renderers; the JSON carries its HTML and text forms.
        object.remove("content");
    }
    serde_json::to_string_pretty(&value).unwrap_or_default()
}

fn render(article: &Article, format: Format) -> String {
    match format {
        Format::Json => to_json(article),
        Format::Text => match &article.title {
            Some(title) if !article.text.is_empty() => format!("{title}\n\n{}", article.text),
            Some(title) => title.clone(),
            None => article.text.clone(),
        },
        Format::Markdown => {
            let body = text::to_markdown(&article.content);
            match &article.title {
                Some(title) => format!("# {title}\n\n{body}"),
                None => body,
            }
        }
        Format::Html => article.content_html.clone(),
    }
}

fn run(args: &[String]) -> Result<(), String> {
    match args.first().map(String::as_str) {
        Some("extract") => {
            let args = parse_extract_args(&args[1..])?;
            let bytes = read_input(args.file.as_deref())?;
            let article = extract_bytes(&bytes, args.url.as_deref(), &Options::default())
                .map_err(|e| e.to_string())?;
            let mut out = std::io::stdout().lock();
            // A closed pipe (`| head`) is not an error worth a message.
            let _ = writeln!(out, "{}", render(&article, args.format));
            Ok(())
        }
        _ => Err(USAGE.into()),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("masthead: {message}");
            ExitCode::FAILURE
        }
    }
}
