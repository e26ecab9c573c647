//! Bytes to text: a byte-order mark first, then valid UTF-8 as such, then a `<meta charset>` (or `http-equiv`
//! content-type) in the first 1024 bytes, then UTF-8. Invalid bytes become U+FFFD; nothing
//! here can fail or panic.

use encoding_rs::{Encoding, UTF_8};

/// How many bytes the HTML standard's prescan looks at for a charset declaration.
const PRESCAN_BYTES: usize = 1024;

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

/// The encoding named by `charset=` in the prescan window, if encoding_rs knows it.
fn declared_encoding(head: &[u8]) -> Option<&'static Encoding> {
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(at) = find(&lower[from..], b"charset") {
        let mut i = from + at + b"charset".len();
        while i < lower.len() && lower[i].is_ascii_whitespace() {
            i += 1;
        }
        if i < lower.len() && lower[i] == b'=' {
            i += 1;
            while i < lower.len()
                && (lower[i].is_ascii_whitespace() || lower[i] == b'"' || lower[i] == b'\'')
            {
                i += 1;
            }
            let start = i;
            while i < lower.len()
                && (lower[i].is_ascii_alphanumeric() || b"-_:.".contains(&lower[i]))
            {
                i += 1;
            }
            if let Some(encoding) = Encoding::for_label(&lower[start..i]) {
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
