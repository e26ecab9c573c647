//! Where a batch's pages come from: files, folders (recursively, by a name pattern), WARC files
//! (record by record, `warc_input.rs`) and standard input, each page with its source.

use serde_json::json;
use std::path::{Path, PathBuf};

/// Where one page came from, as the output names it.
#[derive(Clone, Debug)]
pub enum Source {
    Stdin,
    File(PathBuf),
    Warc {
        file: PathBuf,
        record_id: String,
        /// Bytes into the file where the record starts (where its gzip member starts, for
        /// `.warc.gz`): enough to read it again without reading the whole file.
        offset: u64,
    },
}

impl Source {
    pub fn to_json(&self) -> serde_json::Value {
        match self {
            Source::Stdin => json!({ "stdin": true }),
            Source::File(path) => json!({ "path": path.display().to_string() }),
            Source::Warc {
                file,
                record_id,
                offset,
            } => {
                json!({ "warc": file.display().to_string(), "record_id": record_id, "offset": offset })
            }
        }
    }

    /// A short name for messages and for the file written per page.
    pub fn describe(&self) -> String {
        match self {
            Source::Stdin => "standard input".into(),
            Source::File(path) => path.display().to_string(),
            Source::Warc {
                file, record_id, ..
            } => format!("{} {record_id}", file.display()),
        }
    }
}

/// One page to extract, or a source that could not be read.
pub enum Item {
    Page {
        source: Source,
        bytes: Vec<u8>,
        url: Option<String>,
    },
    Unreadable {
        source: Source,
        error: String,
    },
    /// A WARC record that is not an HTML response (a request, metadata, an image): counted.
    Skipped,
}

pub fn is_warc(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    name.ends_with(".warc") || name.ends_with(".warc.gz")
}

/// Whether `name` matches `pattern`, where `*` is any run of characters and `?` any one.
pub fn matches(pattern: &str, name: &str) -> bool {
    let (pattern, name): (Vec<char>, Vec<char>) =
        (pattern.chars().collect(), name.chars().collect());
    // The classic two-pointer wildcard match, backtracking to the last `*`.
    let (mut p, mut n, mut star, mut mark) = (0, 0, None, 0);
    while n < name.len() {
        if p < pattern.len() && (pattern[p] == '?' || pattern[p] == name[n]) {
            p += 1;
            n += 1;
        } else if p < pattern.len() && pattern[p] == '*' {
            star = Some(p);
            mark = n;
            p += 1;
        } else if let Some(s) = star {
            p = s + 1;
            mark += 1;
            n = mark;
        } else {
            return false;
        }
    }
    pattern[p..].iter().all(|&c| c == '*')
}

/// Every page of `inputs`, in order, handed to `emit` (which returns false to stop early).
pub fn each_item(inputs: &[PathBuf], glob: &str, emit: &mut dyn FnMut(Item) -> bool) {
    for input in inputs {
        if input.as_os_str() == "-" {
            let mut bytes = Vec::new();
            let item = match std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes) {
                Ok(_) => Item::Page {
                    source: Source::Stdin,
                    bytes,
                    url: None,
                },
                Err(e) => Item::Unreadable {
                    source: Source::Stdin,
                    error: format!("cannot read standard input: {e}"),
                },
            };
            if !emit(item) {
                return;
            }
        } else if input.is_dir() {
            for file in files_under(input, glob) {
                if !emit_file(&file, emit) {
                    return;
                }
            }
        } else if !emit_file(input, emit) {
            return;
        }
    }
}

fn emit_file(path: &Path, emit: &mut dyn FnMut(Item) -> bool) -> bool {
    if is_warc(path) {
        return crate::warc_input::each_record(path, emit);
    }
    emit(match read_page(path) {
        Ok(bytes) => Item::Page {
            source: Source::File(path.to_path_buf()),
            bytes,
            url: None,
        },
        Err(e) => Item::Unreadable {
            source: Source::File(path.to_path_buf()),
            error: format!("cannot read {}: {e}", path.display()),
        },
    })
}

/// A page file's bytes; a gzipped one (`page.html.gz`, as corpora and mirrors keep them)
/// uncompressed.
fn read_page(path: &Path) -> std::io::Result<Vec<u8>> {
    let bytes = std::fs::read(path)?;
    if !path.to_string_lossy().to_ascii_lowercase().ends_with(".gz") {
        return Ok(bytes);
    }
    let mut plain = Vec::new();
    std::io::Read::read_to_end(
        &mut flate2::read::MultiGzDecoder::new(&bytes[..]),
        &mut plain,
    )?;
    Ok(plain)
}

/// The files under `dir` whose name matches `glob` (WARC files always), sorted, depth first.
fn files_under(dir: &Path, glob: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        entries.sort();
        for path in entries.into_iter().rev() {
            if path.is_dir() {
                stack.push(path);
            } else {
                let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
                if is_warc(&path) || name.is_some_and(|n| matches(glob, &n)) {
                    found.push(path);
                }
            }
        }
    }
    found.sort();
    found
}

#[cfg(test)]
mod tests {
    use super::matches;

    #[test]
    fn name_patterns() {
        assert!(matches("*.htm*", "story.html"));
        assert!(matches("*.htm*", "story.htm"));
        assert!(!matches("*.htm*", "story.txt"));
        assert!(matches("page-??.html", "page-01.html"));
        assert!(!matches("page-??.html", "page-1.html"));
        assert!(matches("*", ""));
    }
}
