//! Addresses for the whole crate: absolute URLs parsed, and links resolved against their page,
//! by the `url` crate (WHATWG URL, with IDNA: `президент.рф` → `xn--d1abbgf6aiiy.xn--p1ai`).
//! Surrounding whitespace is dropped first, as browsers do with an `href`.

use url::Url;

/// Parse an absolute address.
pub fn parse(text: &str) -> Option<Url> {
    Url::parse(text.trim()).ok()
}

/// Resolve `href` against `base`.
pub fn join(base: &Url, href: &str) -> Option<Url> {
    base.join(href.trim()).ok()
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
    fn not_an_address() {
        assert!(parse("not a url").is_none());
        assert!(parse("").is_none());
    }
}
