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

/// Query parameters that only say how a reader arrived (campaigns, ad clicks, newsletters,
/// shares): a copied source line carries the article's address without them. Matched whole,
/// or by prefix where they end in `_`.
const TRACKING_PARAMETERS: &[&str] = &[
    "utm_",
    "fbclid",
    "gclid",
    "gclsrc",
    "dclid",
    "gbraid",
    "wbraid",
    "msclkid",
    "yclid",
    "ysclid",
    "mc_cid",
    "mc_eid",
    "_ga",
    "_gl",
    "igshid",
    "twclid",
    "ttclid",
    "li_fat_id",
    "mkt_tok",
    "oly_anon_id",
    "oly_enc_id",
    "vero_id",
    "_hsenc",
    "_hsmi",
    "__hstc",
    "__hssc",
    "__hsfp",
    "ocid",
    "ncid",
    "cmpid",
    "s_kwcid",
    "spm",
];

fn is_tracking(name: &str) -> bool {
    TRACKING_PARAMETERS
        .iter()
        .any(|t| name == *t || (t.ends_with('_') && name.starts_with(t)))
}

/// The address a copy cites: the page's canonical link where it is on the page's own site (same
/// scheme, port and host, `www.` aside; a page cannot send a copy elsewhere), else the page's
/// address, either way without tracking parameters.
pub fn citable(page: &Url, canonical: Option<&str>) -> Url {
    // Hosts are lowercase once parsed, and a default port is `None`.
    fn bare(url: &Url) -> Option<&str> {
        url.host_str().map(|h| h.trim_start_matches("www."))
    }
    let same_site = |url: &Url| {
        url.scheme() == page.scheme() && url.port() == page.port() && bare(url) == bare(page)
    };
    let mut url = canonical
        .and_then(|c| join(page, c))
        .filter(same_site)
        .unwrap_or_else(|| page.clone());
    // Segments of the query kept as written (no re-encoding: the form serializer costs 4.5 KB of
    // wasm code, measured by scripts/build-wasm.mjs); a name is compared as the page wrote it.
    if let Some(query) = url.query() {
        let kept: Vec<&str> = query
            .split('&')
            .filter(|part| {
                !part.is_empty() && !is_tracking(part.split('=').next().unwrap_or_default())
            })
            .collect();
        let kept = kept.join("&");
        url.set_query((!kept.is_empty()).then_some(kept.as_str()));
    }
    url
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copy_cites_the_canonical_address_without_tracking() {
        let page =
            parse("https://www.example.com/news/1?utm_source=tw&utm_medium=social&fbclid=Ab1&id=7")
                .unwrap();
        assert_eq!(
            citable(&page, None).as_str(),
            "https://www.example.com/news/1?id=7"
        );
        assert_eq!(
            citable(&page, Some("https://example.com/news/1-story")).as_str(),
            "https://example.com/news/1-story"
        );
        // Another site's address, or the same host over another scheme or port, is not cited.
        assert_eq!(
            citable(&page, Some("https://elsewhere.example/1")).as_str(),
            "https://www.example.com/news/1?id=7"
        );
        let local = parse("http://example.com:8080/a?gclid=1").unwrap();
        assert_eq!(
            citable(&local, Some("https://example.com/a")).as_str(),
            "http://example.com:8080/a"
        );
        // Parameters that only look like trackers stay.
        let kept = parse("https://example.com/a?utm=1&spmx=2&page=3").unwrap();
        assert_eq!(
            citable(&kept, None).as_str(),
            "https://example.com/a?utm=1&spmx=2&page=3"
        );
    }

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
