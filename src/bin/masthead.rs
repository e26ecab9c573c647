//! `masthead`: the extractor on the command line.
//!
//! ```text
//! masthead extract [FILE|-] [--url URL] [--format json|text|markdown|html] [--lang TAG]
//! masthead label URL [--format json|text] [--lang TAG]
//! ```

use masthead::label::label_url_in;
use masthead::wording::Wording;
use masthead::{copy, extract_bytes, Article, Options};
use std::io::{Read, Write};
use std::process::ExitCode;

const USAGE: &str =
    "usage: masthead extract [FILE|-] [--url URL] [--format json|text|markdown|html] [--lang TAG]
       masthead label URL [--format json|text] [--lang TAG]
--lang: the reader's language (BCP 47: ru, ar, pt-BR, zh-HK…) for the label's and the copy's wording; English by default";

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
    lang: String,
}

fn lang_value(value: Option<&String>) -> Result<String, String> {
    let tag = value.ok_or("--lang needs a language tag (ru, ar, pt-BR…)")?;
    let well_formed = !tag.is_empty()
        && tag.split(['-', '_']).all(|part| {
            !part.is_empty() && part.len() <= 8 && part.bytes().all(|b| b.is_ascii_alphanumeric())
        });
    if !well_formed {
        return Err(format!("'{tag}' is not a language tag (ru, ar, pt-BR…)"));
    }
    Ok(tag.clone())
}

fn parse_extract_args(args: &[String]) -> Result<ExtractArgs, String> {
    let mut parsed = ExtractArgs {
        file: None,
        url: None,
        format: Format::Json,
        lang: "en".into(),
    };
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--url" => parsed.url = Some(rest.next().ok_or("--url needs a value")?.clone()),
            "--lang" => parsed.lang = lang_value(rest.next())?,
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
        if object.remove("content").is_some() {
            object.insert(
                "content_html".into(),
                masthead::render::to_html(&article.content).into(),
            );
        }
    }
    serde_json::to_string_pretty(&value).unwrap_or_default()
}

fn render(article: &Article, format: Format, wording: &Wording) -> String {
    match format {
        Format::Json => to_json(article),
        // As the extension's "Copy text" and "Copy as Markdown": the same renderer.
        Format::Text => copy::copy_text(article, wording),
        Format::Markdown => copy::copy_markdown(article, wording),
        Format::Html => masthead::render::to_html(&article.content),
    }
}

fn run(args: &[String]) -> Result<(), String> {
    match args.first().map(String::as_str) {
        Some("extract") => {
            let args = parse_extract_args(&args[1..])?;
            let bytes = read_input(args.file.as_deref())?;
            let options = Options {
                language: args.lang.clone(),
                ..Options::default()
            };
            let article =
                extract_bytes(&bytes, args.url.as_deref(), &options).map_err(|e| e.to_string())?;
            let wording = Wording::for_language(&args.lang);
            let mut out = std::io::stdout().lock();
            // A closed pipe (`| head`) is not an error worth a message.
            let _ = writeln!(out, "{}", render(&article, args.format, &wording));
            Ok(())
        }
        Some("label") => {
            let (url, json, lang) = parse_label_args(&args[1..])?;
            let wording = Wording::for_language(&lang);
            let label = label_url_in(&url, &wording);
            let output = if json {
                serde_json::to_string_pretty(&label).unwrap_or_default()
            } else {
                copy::label_text(label.as_ref(), &wording)
            };
            let _ = writeln!(std::io::stdout().lock(), "{output}");
            Ok(())
        }
        _ => Err(USAGE.into()),
    }
}

fn parse_label_args(args: &[String]) -> Result<(String, bool, String), String> {
    let mut url = None;
    let mut json = false;
    let mut lang = "en".to_string();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--format" => match rest.next().map(String::as_str) {
                Some("json") => json = true,
                Some("text") => json = false,
                _ => return Err("--format for label is json or text".into()),
            },
            "--lang" => lang = lang_value(rest.next())?,
            flag if flag.starts_with("--") => return Err(format!("unknown option '{flag}'")),
            value if url.is_none() => url = Some(value.to_string()),
            extra => return Err(format!("unexpected argument '{extra}'")),
        }
    }
    let url = url.ok_or("label needs a URL")?;
    if masthead::address::parse(&url).is_none() {
        return Err(format!("'{url}' is not an absolute URL (https://…)"));
    }
    Ok((url, json, lang))
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
