//! From a page's address to the address of the story it shows: caches, archives and
//! translation proxies carry the original URL, and the outlet is the original's.

use url::Url;

/// How the address that named the outlet was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    /// The page's own address.
    Direct,
    /// An AMP cache copy (`*.cdn.ampproject.org/c/s/…`).
    AmpCache,
    /// A web archive copy (`web.archive.org/web/<time>/<url>`, `archive.ph/<time>/<url>`).
    WebArchive,
    /// A translation proxy (`www-rt-com.translate.goog`).
    TranslationProxy,
    /// A search-engine cache (`webcache.googleusercontent.com/search?q=cache:<url>`).
    SearchCache,
}

/// Syndication portals (and their subdomains) whose story pages come only from licensed
/// publishers, so the page's `<link rel="canonical">` names the original. Caches, archives and
/// proxies are not here: their addresses carry the original, and their pages can be made from
/// anyone's upload or capture. Nor are portals that publish contributors' own posts.
const SYNDICATION_HOSTS: &[&str] = &[
    "apple.news",
    "ground.news",
    "inkl.com",
    "msn.com",
    "pressreader.com",
    "smartnews.com",
    "yahoo.com",
];

/// Web archives whose copy addresses are `<host>/<capture time>/<original URL>`.
const ARCHIVE_TODAY_HOSTS: &[&str] = &[
    "archive.fo",
    "archive.is",
    "archive.li",
    "archive.md",
    "archive.ph",
    "archive.today",
    "archive.vn",
];

/// Unwrap `url` through caches, archives and proxies (nested at most a few levels deep).
pub fn unwrap(url: &Url) -> (Url, Route) {
    let mut current = url.clone();
    let mut route = Route::Direct;
    for _ in 0..4 {
        match unwrap_once(&current) {
            Some((inner, how)) => {
                if route == Route::Direct {
                    route = how;
                }
                current = inner;
            }
            None => break,
        }
    }
    (current, route)
}

/// Whether `host` is a syndication portal, where the canonical link is trusted.
pub fn is_syndication_host(host: &str) -> bool {
    is_within(host, SYNDICATION_HOSTS)
}

fn is_within(host: &str, parents: &[&str]) -> bool {
    parents
        .iter()
        .any(|s| host == *s || host.strip_suffix(s).is_some_and(|p| p.ends_with('.')))
}

/// A capture's time in a copy's address: `20220301000000`, `2022`, `20220301000000id_`
/// (web.archive.org's raw-copy flag), `2023.01.01-000000`, or `newest`/`oldest` (which redirect
/// to one capture). A `*` marks a search over many captures: a listing, not a copy.
fn is_capture_time(segment: &str) -> bool {
    let digits = segment.strip_suffix('_').map_or(segment, |s| {
        s.trim_end_matches(|c: char| c.is_ascii_lowercase())
    });
    let plain = |t: &str| (4..=14).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit());
    let dotted = |t: &str| {
        t.len() == 17
            && t.bytes().enumerate().all(|(i, b)| match i {
                4 | 7 => b == b'.',
                10 => b == b'-',
                _ => b.is_ascii_digit(),
            })
    };
    matches!(segment, "newest" | "oldest") || plain(digits) || dotted(segment)
}

fn unwrap_once(url: &Url) -> Option<(Url, Route)> {
    let host = url.host_str()?.to_ascii_lowercase();
    let host = host.trim_end_matches('.');
    if host == "cdn.ampproject.org" || host.ends_with(".cdn.ampproject.org") {
        return amp_cache(url, host).map(|u| (u, Route::AmpCache));
    }
    if host == "web.archive.org" || host == "wayback.archive.org" {
        let rest = url.path().strip_prefix("/web/")?;
        return archived_copy(rest, url);
    }
    if is_within(host, ARCHIVE_TODAY_HOSTS) {
        // archive.ph/<time>/<url> and archive.ph/newest/<url>; a bare archive.ph/<url> lists
        // the captures, and a short id carries no URL.
        return archived_copy(url.path().trim_start_matches('/'), url);
    }
    if let Some(label) = host.strip_suffix(".translate.goog") {
        let original = decode_dashed_host(label)?;
        let mut inner = url.clone();
        inner.set_host(Some(&original)).ok()?;
        // The proxy adds its own `_x_tr_*` parameters; they do not matter for matching.
        return Some((inner, Route::TranslationProxy));
    }
    if host == "webcache.googleusercontent.com" {
        let query = url.query_pairs().find(|(k, _)| k == "q")?.1.into_owned();
        let original = query.strip_prefix("cache:")?;
        let original = original.split_once(' ').map_or(original, |(u, _)| u);
        return embedded_url(original, None).map(|u| (u, Route::SearchCache));
    }
    None
}

/// `<capture time>/<original URL>` of a single capture; `None` for a listing of captures.
fn archived_copy(rest: &str, url: &Url) -> Option<(Url, Route)> {
    let (time, original) = rest.split_once('/')?;
    if !is_capture_time(time)
        || original.contains('*')
        || url.query().is_some_and(|q| q.contains('*'))
    {
        return None;
    }
    embedded_url(original, Some(url)).map(|u| (u, Route::WebArchive))
}

/// `https://www-rt-com.cdn.ampproject.org/c/s/www.rt.com/news/1/` → `https://www.rt.com/news/1/`.
fn amp_cache(url: &Url, host: &str) -> Option<Url> {
    let mut segments = url.path_segments()?.peekable();
    // The first segment says what is served: c(ontent), v(iewer), i(mage), r(aw), wp (web package).
    if matches!(segments.peek(), Some(&("c" | "v" | "i" | "r" | "wp"))) {
        segments.next();
        let scheme = if segments.peek() == Some(&"s") {
            segments.next();
            "https"
        } else {
            "http"
        };
        let rest: Vec<&str> = segments.collect();
        if let Some((original_host, path)) = rest.split_first() {
            if original_host.contains('.') {
                let mut text = format!("{scheme}://{original_host}/{}", path.join("/"));
                if let Some(query) = url.query() {
                    text.push('?');
                    text.push_str(query);
                }
                return Url::parse(&text).ok();
            }
        }
    }
    // Otherwise the cache subdomain itself encodes the original host.
    let label = host.strip_suffix(".cdn.ampproject.org")?;
    let original = decode_dashed_host(label)?;
    Url::parse(&format!("https://{original}{}", url.path())).ok()
}

/// The cache encoding of a host: `-` stands for `.` and `--` for `-` (`www-rt-com` → `www.rt.com`).
fn decode_dashed_host(label: &str) -> Option<String> {
    if label.contains('.') || label.is_empty() {
        return None;
    }
    let decoded = label
        .replace("--", "\u{0}")
        .replace('-', ".")
        .replace('\u{0}', "-");
    decoded.contains('.').then_some(decoded)
}

/// A URL written into another URL's path, as archives do: with or without its scheme, and with
/// the `//` sometimes collapsed to `/`.
fn embedded_url(text: &str, outer: Option<&Url>) -> Option<Url> {
    let text = text.trim();
    let rebuilt = if let Some(rest) = text
        .strip_prefix("https:/")
        .or_else(|| text.strip_prefix("http:/"))
    {
        let scheme = if text.starts_with("https") {
            "https"
        } else {
            "http"
        };
        format!("{scheme}://{}", rest.trim_start_matches('/'))
    } else {
        format!("https://{text}")
    };
    let mut parsed = crate::address::parse(&rebuilt)?;
    // An archive's address keeps the original's query string in its own.
    if let Some(outer) = outer.filter(|_| parsed.query().is_none()) {
        parsed.set_query(outer.query());
    }
    parsed
        .host_str()
        .is_some_and(|h| h.contains('.'))
        .then_some(parsed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unwrapped(text: &str) -> (String, Route) {
        let (url, route) = unwrap(&Url::parse(text).unwrap());
        (url.to_string(), route)
    }

    #[test]
    fn amp_cache_paths_and_subdomains() {
        assert_eq!(
            unwrapped("https://www-rt-com.cdn.ampproject.org/c/s/www.rt.com/news/1-story/amp/"),
            (
                "https://www.rt.com/news/1-story/amp/".into(),
                Route::AmpCache
            )
        );
        assert_eq!(
            unwrapped("https://sputnik--news-example.cdn.ampproject.org/amp/x"),
            ("https://sputnik-news.example/amp/x".into(), Route::AmpCache)
        );
    }

    #[test]
    fn web_archives() {
        assert_eq!(
            unwrapped("https://web.archive.org/web/20220301000000/https://www.rt.com/news/1/"),
            ("https://www.rt.com/news/1/".into(), Route::WebArchive)
        );
        assert_eq!(
            unwrapped("https://web.archive.org/web/20220301000000id_/http:/sputniknews.com/a"),
            ("http://sputniknews.com/a".into(), Route::WebArchive)
        );
        assert_eq!(
            unwrapped("https://archive.ph/2023.01.01-000000/https://tass.com/politics/1"),
            ("https://tass.com/politics/1".into(), Route::WebArchive)
        );
        assert_eq!(
            unwrapped("https://archive.ph/newest/https://tass.com/politics/1").1,
            Route::WebArchive
        );
        // A short archive id carries no address.
        assert_eq!(unwrapped("https://archive.ph/AbCd1").1, Route::Direct);
    }

    #[test]
    fn a_listing_of_captures_is_not_a_copy() {
        for listing in [
            "https://web.archive.org/web/*/rt.com*",
            "https://web.archive.org/web/2022*/https://www.rt.com/news/",
            "https://web.archive.org/web/20220301000000*/rt.com",
            "https://archive.ph/https://www.rt.com/",
            "https://archive.ph/rt.com",
            "https://archive.ph/newest/https://www.rt.com/*",
        ] {
            assert_eq!(unwrapped(listing).1, Route::Direct, "{listing}");
        }
    }

    #[test]
    fn nested_copies_unwrap_to_the_original() {
        assert_eq!(
            unwrapped("https://web.archive.org/web/2022/https://www-rt-com.cdn.ampproject.org/c/s/www.rt.com/a"),
            ("https://www.rt.com/a".into(), Route::WebArchive)
        );
    }

    #[test]
    fn translation_proxy_and_search_cache() {
        assert_eq!(
            unwrapped("https://de-rt-com.translate.goog/inland/1/?_x_tr_sl=de&_x_tr_tl=en"),
            (
                "https://de.rt.com/inland/1/?_x_tr_sl=de&_x_tr_tl=en".into(),
                Route::TranslationProxy
            )
        );
        assert_eq!(
            unwrapped("https://webcache.googleusercontent.com/search?q=cache:https://www.globaltimes.cn/page/1.shtml"),
            ("https://www.globaltimes.cn/page/1.shtml".into(), Route::SearchCache)
        );
    }

    #[test]
    fn ordinary_addresses_are_left_alone() {
        assert_eq!(
            unwrapped("https://example.com/web/2022/https://rt.com/").1,
            Route::Direct
        );
        assert!(is_syndication_host("news.yahoo.com"));
        assert!(!is_syndication_host("notyahoo.com"));
        // Anyone can upload or capture a page there: its canonical link proves nothing.
        for open_host in [
            "sites.googleusercontent.com",
            "archive.org",
            "archive.ph",
            "www-rt-com.cdn.ampproject.org",
        ] {
            assert!(!is_syndication_host(open_host), "{open_host}");
        }
    }
}
