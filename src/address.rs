//! URL parsing for the whole crate, ASCII hosts only inside.
//!
//! The `url` crate's IDNA support pulls the ICU4X normalization data into the wasm (48 KB
//! gzipped, a seventh of the package), so `Cargo.lock` pins `idna_adapter` to 1.0, its ASCII-only
//! backend. Browsers hand us addresses with hosts already in Punycode (`location.href`); for an
//! address written with a Unicode host (a link in a page, `--url` on the command line) this module
//! lowercases the host and encodes it with Punycode (RFC 3492) before parsing, which covers the
//! IDN hosts news sites use (`президент.рф` → `xn--d1abbgf6aiiy.xn--p1ai`).

use std::borrow::Cow;
use url::Url;

/// Parse an absolute address.
pub fn parse(text: &str) -> Option<Url> {
    Url::parse(&ascii_host(text.trim())).ok()
}

/// Resolve `href` against `base`.
pub fn join(base: &Url, href: &str) -> Option<Url> {
    base.join(&ascii_host(href.trim())).ok()
}

/// Where the authority of `text` starts: after a leading `//` (a scheme-relative link) or after
/// `scheme://`. A `//` anywhere else (`/wiki//Москва`, `?next=//Киев`) is part of a path or
/// query, not a host.
fn authority_start(text: &str) -> Option<usize> {
    if text.starts_with("//") {
        return Some(2);
    }
    let colon = text.find(':')?;
    let scheme = &text[..colon];
    let is_scheme = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
    (is_scheme && text[colon + 1..].starts_with("//")).then_some(colon + 3)
}

/// `text` with the host of its authority in ASCII, when it is not already.
fn ascii_host(text: &str) -> Cow<'_, str> {
    let Some(start) = authority_start(text) else {
        return Cow::Borrowed(text);
    };
    let rest = &text[start..];
    let end = rest.find(['/', '?', '#', '\\']).unwrap_or(rest.len());
    let authority = &rest[..end];
    if authority.is_ascii() {
        return Cow::Borrowed(text);
    }
    // user:pass@host:port — only the host is encoded.
    let (userinfo, host_port) = match authority.rfind('@') {
        Some(at) => (&authority[..=at], &authority[at + 1..]),
        None => ("", authority),
    };
    let (host, port) = match host_port.rfind(':') {
        Some(colon) if host_port[colon + 1..].bytes().all(|b| b.is_ascii_digit()) => {
            (&host_port[..colon], &host_port[colon..])
        }
        _ => (host_port, ""),
    };
    let mut encoded = String::with_capacity(host.len() * 2);
    for (i, label) in host.split(['.', '。', '．', '｡']).enumerate() {
        if i > 0 {
            encoded.push('.');
        }
        let label = label.to_lowercase();
        if label.is_ascii() {
            encoded.push_str(&label);
        } else {
            encoded.push_str("xn--");
            encoded.push_str(&punycode(&label));
        }
    }
    Cow::Owned(format!(
        "{}{userinfo}{encoded}{port}{}",
        &text[..start],
        &rest[end..]
    ))
}

/// RFC 3492 Punycode encoding of one label (without the `xn--` prefix).
fn punycode(label: &str) -> String {
    const BASE: u32 = 36;
    const T_MIN: u32 = 1;
    const T_MAX: u32 = 26;
    const SKEW: u32 = 38;
    const DAMP: u32 = 700;
    fn adapt(mut delta: u32, points: u32, first: bool) -> u32 {
        delta /= if first { DAMP } else { 2 };
        delta += delta / points;
        let mut k = 0;
        while delta > ((BASE - T_MIN) * T_MAX) / 2 {
            delta /= BASE - T_MIN;
            k += BASE;
        }
        k + (BASE - T_MIN + 1) * delta / (delta + SKEW)
    }
    fn digit(d: u32) -> char {
        (if d < 26 {
            b'a' + d as u8
        } else {
            b'0' + (d - 26) as u8
        }) as char
    }
    let chars: Vec<u32> = label.chars().map(|c| c as u32).collect();
    let mut output: String = label.chars().filter(char::is_ascii).collect();
    let basic = output.len() as u32;
    if basic > 0 {
        output.push('-');
    }
    let (mut n, mut delta, mut bias, mut handled) = (0x80u32, 0u32, 72u32, basic);
    while (handled as usize) < chars.len() {
        let m = chars.iter().copied().filter(|&c| c >= n).min().unwrap_or(n);
        delta = delta.saturating_add((m - n).saturating_mul(handled + 1));
        n = m;
        for &c in &chars {
            if c < n {
                delta = delta.saturating_add(1);
            }
            if c == n {
                let mut q = delta;
                let mut k = BASE;
                loop {
                    let t = if k <= bias {
                        T_MIN
                    } else if k >= bias + T_MAX {
                        T_MAX
                    } else {
                        k - bias
                    };
                    if q < t {
                        break;
                    }
                    output.push(digit(t + (q - t) % (BASE - t)));
                    q = (q - t) / (BASE - t);
                    k += BASE;
                }
                output.push(digit(q));
                bias = adapt(delta, handled + 1, handled == basic);
                delta = 0;
                handled += 1;
            }
        }
        delta = delta.saturating_add(1);
        n += 1;
    }
    output
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_double_slash_in_a_path_or_query_is_not_a_host() {
        let base = parse("https://ru.wikipedia.org/wiki/Start").unwrap();
        assert_eq!(
            join(&base, "/wiki//Москва").unwrap().path(),
            "/wiki//%D0%9C%D0%BE%D1%81%D0%BA%D0%B2%D0%B0"
        );
        assert_eq!(
            join(&base, "/login?next=//Киев").unwrap().query(),
            Some("next=//%D0%9A%D0%B8%D0%B5%D0%B2")
        );
        assert_eq!(ascii_host("page?next=//Киев"), "page?next=//Киев");
        // Where `//` does start an authority, the host is still encoded.
        assert_eq!(
            join(&base, "//президент.рф/news").unwrap().host_str(),
            Some("xn--d1abbgf6aiiy.xn--p1ai")
        );
        assert_eq!(
            parse("https://президент.рф/a//б").unwrap().as_str(),
            "https://xn--d1abbgf6aiiy.xn--p1ai/a//%D0%B1"
        );
    }

    #[test]
    fn punycode_matches_rfc_3492_examples() {
        assert_eq!(punycode("bücher"), "bcher-kva");
        assert_eq!(punycode("münchen"), "mnchen-3ya");
        assert_eq!(punycode("рф"), "p1ai");
        assert_eq!(punycode("президент"), "d1abbgf6aiiy");
        assert_eq!(punycode("例え"), "r8jz45g");
    }

    #[test]
    fn unicode_hosts_parse_and_resolve() {
        let url = parse("https://Президент.рф/news/1?q=а#x").unwrap();
        assert_eq!(url.host_str(), Some("xn--d1abbgf6aiiy.xn--p1ai"));
        assert_eq!(url.path(), "/news/1");
        let base = parse("https://example.com/a/b").unwrap();
        assert_eq!(
            join(&base, "//bücher.example:8080/x").unwrap().as_str(),
            "https://xn--bcher-kva.example:8080/x"
        );
        assert_eq!(
            join(&base, "../c").unwrap().as_str(),
            "https://example.com/c"
        );
        assert_eq!(
            parse("https://user@bücher.de/").unwrap().host_str(),
            Some("xn--bcher-kva.de")
        );
    }

    #[test]
    fn ascii_addresses_are_untouched() {
        assert!(matches!(
            ascii_host("https://example.com/ü"),
            Cow::Borrowed(_)
        ));
        assert!(parse("not a url").is_none());
    }
}
