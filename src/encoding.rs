//! Bytes to text: a byte-order mark first, then valid UTF-8 as such, then a `<meta charset>` (or `http-equiv`
//! content-type) in the head, then UTF-8. Invalid bytes become U+FFFD; nothing here can fail
//! or panic.

use encoding_rs::{Encoding, UTF_8};

/// How far to look for a charset declaration. The standard's prescan reads 1024 bytes, and a
/// browser's parser still honours a `<meta charset>` it meets later in the head (it reparses);
/// a saved page often has a web archive's toolbar or long scripts before it (a GB2312 page in
/// trafilatura-dev declares itself at byte 1180). The head rarely runs longer than this.
const PRESCAN_BYTES: usize = 16 * 1024;

/// Decode a page's bytes to a string, honouring its declared encoding.
pub fn decode(bytes: &[u8]) -> String {
    if let Some((encoding, bom_length)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_length..]);
        return text.into_owned();
    }
    // Pages saved to disk are often re-encoded as UTF-8 while keeping their old declaration
    // (the corpus page `qq` says gb2312 and is UTF-8). Text that is valid UTF-8 and not plain
    // ASCII is practically never meant as a legacy encoding, so UTF-8 wins then.
    if std::str::from_utf8(bytes).is_ok() {
        return String::from_utf8_lossy(bytes).into_owned();
    }
    let encoding = declared_encoding(&bytes[..bytes.len().min(PRESCAN_BYTES)]).unwrap_or(UTF_8);
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    text.into_owned()
}

/// Whether the bytes look like a binary file rather than text (NUL bytes early on).
pub fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    let nul = head.iter().filter(|&&b| b == 0).count();
    // UTF-16 has a NUL in every other byte of ASCII text, but it starts with a BOM.
    nul > 0 && Encoding::for_bom(bytes).is_none()
}

/// The encoding a `<meta>` tag in the prescan window names (`<meta charset=…>`, or
/// `charset=` in its `content`), if encoding_rs knows it. Only `<meta>` counts, as in the HTML
/// standard's prescan: `<script charset="utf-8">` (web archives put it before the page's own
/// head) says how that script is encoded, not the page.
fn declared_encoding(head: &[u8]) -> Option<&'static Encoding> {
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(at) = find(&lower[from..], b"<meta") {
        let start = from + at;
        let end = lower[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(lower.len(), |p| start + p);
        if let Some(encoding) = charset_in(&lower[start..end]) {
            return Some(encoding);
        }
        from = end.max(start + 1);
    }
    None
}

/// The encoding of the first `charset=` label in one (lowercase) tag.
fn charset_in(tag: &[u8]) -> Option<&'static Encoding> {
    let mut from = 0;
    while let Some(at) = find(&tag[from..], b"charset") {
        let mut i = from + at + b"charset".len();
        while i < tag.len() && tag[i].is_ascii_whitespace() {
            i += 1;
        }
        if i < tag.len() && tag[i] == b'=' {
            i += 1;
            while i < tag.len()
                && (tag[i].is_ascii_whitespace() || tag[i] == b'"' || tag[i] == b'\'')
            {
                i += 1;
            }
            let start = i;
            while i < tag.len() && (tag[i].is_ascii_alphanumeric() || b"-_:.".contains(&tag[i])) {
                i += 1;
            }
            if let Some(encoding) = Encoding::for_label(&tag[start..i]) {
                // A page that claims UTF-16 in ASCII bytes is not UTF-16 (HTML standard).
                if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
                    return Some(UTF_8);
                }
                return Some(encoding);
            }
        }
        from += at + 1;
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn honours_meta_charset() {
        let mut bytes = b"<meta charset=\"windows-1251\"><p>".to_vec();
        bytes.extend_from_slice(&[0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]);
        assert!(decode(&bytes).contains("Привет"));
    }

    #[test]
    fn only_meta_tags_declare_the_page_encoding() {
        // A web archive's toolbar script, then the page's own head, in GB2312 ("中文").
        // Its declaration past the standard prescan's 1024 bytes, as browsers still honour it.
        let mut bytes = b"<script charset=\"utf-8\" src=/toolbar.js></script>".to_vec();
        bytes.extend_from_slice(format!("<script>{}</script>", " ".repeat(1100)).as_bytes());
        bytes.extend_from_slice(
            b"<meta http-equiv=Content-Type content=\"text/html; charset=gb2312\"/><p>",
        );
        bytes.extend_from_slice(&[0xd6, 0xd0, 0xce, 0xc4]);
        assert!(decode(&bytes).ends_with("中文"));
    }

    #[test]
    fn honours_http_equiv_and_bom() {
        let bytes =
            b"<meta http-equiv=Content-Type content='text/html; charset=iso-8859-1'>caf\xe9";
        assert!(decode(bytes).ends_with("café"));
        let bom = b"\xef\xbb\xbfhello";
        assert_eq!(decode(bom), "hello");
    }

    #[test]
    fn invalid_utf8_is_replaced_not_fatal() {
        assert_eq!(
            decode(b"ok \xff\xfe\xfd end"),
            "ok \u{fffd}\u{fffd}\u{fffd} end"
        );
        assert!(looks_binary(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"));
        assert!(!looks_binary(b"<html>"));
    }
}
