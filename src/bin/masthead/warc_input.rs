//! WARC files, record by record (the `warc` crate parses them): each HTML response is a page,
//! its target address the page's URL; every other record (requests, metadata, images, scripts)
//! is skipped and counted. `.warc.gz` is read gzip member by gzip member, as crawlers write it
//! (one record each), so every record's offset in the compressed file is known.

use crate::inputs::{Item, Source};
use flate2::bufread::GzDecoder;
use std::cell::Cell;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::rc::Rc;
use warc::{RecordType, WarcHeader, WarcReader};

/// A reader that counts the bytes its user has consumed: where the next record starts.
struct Counting<R> {
    inner: R,
    consumed: Rc<Cell<u64>>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.consumed.set(self.consumed.get() + n as u64);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Counting<R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        self.inner.fill_buf()
    }
    fn consume(&mut self, amount: usize) {
        self.consumed.set(self.consumed.get() + amount as u64);
        self.inner.consume(amount);
    }
}

/// Every record of the WARC file at `path`, as items handed to `emit` (false: stop).
pub fn each_record(path: &Path, emit: &mut dyn FnMut(Item) -> bool) -> bool {
    let unreadable = |error: String| Item::Unreadable {
        source: Source::File(path.to_path_buf()),
        error,
    };
    let file = match File::open(path) {
        Ok(file) => file,
        Err(e) => return emit(unreadable(format!("cannot read {}: {e}", path.display()))),
    };
    let consumed = Rc::new(Cell::new(0));
    let mut reader = Counting {
        inner: BufReader::with_capacity(1 << 16, file),
        consumed: Rc::clone(&consumed),
    };
    let gzipped = path.to_string_lossy().to_ascii_lowercase().ends_with(".gz");
    if !gzipped {
        return records_in(&mut reader, path, &|| consumed.get(), emit);
    }
    // One gzip member after another; each holds a record (or, from some tools, several).
    loop {
        match reader.fill_buf() {
            Ok([]) => return true,
            Ok(_) => {}
            Err(e) => return emit(unreadable(format!("cannot read {}: {e}", path.display()))),
        }
        let start = consumed.get();
        let mut member = Vec::new();
        if let Err(e) = GzDecoder::new(&mut reader).read_to_end(&mut member) {
            return emit(unreadable(format!(
                "{}: not gzip at byte {start}: {e}",
                path.display()
            )));
        }
        if !records_in(&mut &member[..], path, &|| start, emit) {
            return false;
        }
    }
}

/// The records in `reader`, each at the offset `offset()` gives before it is read.
fn records_in<R: BufRead>(
    reader: R,
    path: &Path,
    offset: &dyn Fn() -> u64,
    emit: &mut dyn FnMut(Item) -> bool,
) -> bool {
    let mut records = WarcReader::new(reader).iter_records();
    loop {
        let at = offset();
        let Some(record) = records.next() else {
            return true;
        };
        let item = match record {
            Err(e) => Item::Unreadable {
                source: Source::Warc {
                    file: path.to_path_buf(),
                    record_id: String::new(),
                    offset: at,
                },
                error: format!("{}: a malformed record at byte {at}: {e}", path.display()),
            },
            Ok(record) if *record.warc_type() != RecordType::Response => Item::Skipped,
            Ok(record) => {
                let source = Source::Warc {
                    file: path.to_path_buf(),
                    record_id: record.warc_id().to_string(),
                    offset: at,
                };
                let url = record
                    .header(WarcHeader::TargetURI)
                    .map(|u| u.trim_matches(['<', '>', ' ']).to_string());
                match html_body(record.body()) {
                    Ok(Some(bytes)) => Item::Page { source, bytes, url },
                    Ok(None) => Item::Skipped,
                    Err(error) => Item::Unreadable { source, error },
                }
            }
        };
        if !emit(item) {
            return false;
        }
    }
}

/// The HTML body of an HTTP response block, decoded from its transfer and content encodings;
/// `None` when the response is not HTML.
pub fn html_body(block: &[u8]) -> Result<Option<Vec<u8>>, String> {
    let mut headers = [httparse::EMPTY_HEADER; 128];
    let mut response = httparse::Response::new(&mut headers);
    let length = match response.parse(block) {
        Ok(httparse::Status::Complete(length)) => length,
        Ok(httparse::Status::Partial) => return Err("the HTTP headers are cut off".into()),
        Err(e) => return Err(format!("not an HTTP response: {e}")),
    };
    let header = |name: &str| {
        response
            .headers
            .iter()
            .find(|h| h.name.eq_ignore_ascii_case(name))
            .map(|h| String::from_utf8_lossy(h.value).to_ascii_lowercase())
    };
    let mut body = block[length..].to_vec();
    if header("transfer-encoding").is_some_and(|t| t.contains("chunked")) {
        body = dechunk(&body).ok_or("a chunked body that is cut off")?;
    }
    match header("content-encoding").as_deref().map(str::trim) {
        None | Some("") | Some("identity") => {}
        Some("gzip") | Some("x-gzip") => {
            let mut plain = Vec::new();
            flate2::read::MultiGzDecoder::new(&body[..])
                .read_to_end(&mut plain)
                .map_err(|e| format!("a gzip body that does not decode: {e}"))?;
            body = plain;
        }
        Some("deflate") => {
            let mut plain = Vec::new();
            flate2::read::ZlibDecoder::new(&body[..])
                .read_to_end(&mut plain)
                .map_err(|e| format!("a deflate body that does not decode: {e}"))?;
            body = plain;
        }
        Some(other) => {
            return Err(format!(
                "a body in an encoding Masthead does not read ({other})"
            ))
        }
    }
    let html = match header("content-type") {
        Some(kind) => kind.contains("html"),
        // No type given: what the body starts with.
        None => {
            let start = String::from_utf8_lossy(&body[..body.len().min(1024)]).to_ascii_lowercase();
            start.contains("<html") || start.contains("<!doctype html")
        }
    };
    Ok(html.then_some(body))
}

/// A chunked HTTP body, joined; `None` when it is cut off.
fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    loop {
        let line_end = body.windows(2).position(|w| w == b"\r\n")?;
        let size_text = std::str::from_utf8(&body[..line_end]).ok()?;
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        body = &body[line_end + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(body.get(..size)?);
        body = body.get(size + 2..).unwrap_or_default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_html_response_gives_its_body_and_other_types_none() {
        let html = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>hi</p>";
        assert_eq!(html_body(html).unwrap().unwrap(), b"<p>hi</p>");
        let image = b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG";
        assert_eq!(html_body(image).unwrap(), None);
        let chunked = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n<p>h\r\n5\r\ni</p>\r\n0\r\n\r\n";
        assert_eq!(html_body(chunked).unwrap().unwrap(), b"<p>hi</p>");
        assert!(html_body(b"not http").is_err());
    }
}
