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

/// Public archives running the Wayback software, whose copies are
/// `<host>/<collection path>/<capture time>/<original URL>`: the Internet Archive, Arquivo.pt,
/// the Library of Congress, the UK Web Archive and the UK Government Web Archive, Iceland's,
/// Estonia's and Stanford's web archives, and Archive-It's collections (a number as the path).
const WAYBACK_ARCHIVES: &[(&str, &str)] = &[
    ("web.archive.org", "web"),
    ("wayback.archive.org", "web"),
    ("arquivo.pt", "wayback"),
    ("webarchive.loc.gov", "all"),
    ("webarchive.loc.gov", "legacy"),
    ("webarchive.org.uk", "wayback/archive"),
    ("webarchive.org.uk", "wayback/en/archive"),
    ("webarchive.nationalarchives.gov.uk", "ukgwa"),
    ("webarchive.nationalarchives.gov.uk", ""),
    ("vefsafn.is", "is"),
    ("vefsafn.is", "en"),
    ("veebiarhiiv.digar.ee", "a"),
    ("swap.stanford.edu", ""),
    ("wayback.archive-it.org", "*"),
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

/// How many wrappers deep a copy is unwrapped: far more than any real link (an archived AMP
/// copy of a translation is three), and a bound on the work an address can ask for.
const MAX_WRAPPERS: usize = 16;

/// Unwrap `url` through caches, archives and proxies, nested up to [`MAX_WRAPPERS`] deep.
pub fn unwrap(url: &Url) -> (Url, Route) {
    let mut current = url.clone();
    let mut route = Route::Direct;
    for _ in 0..MAX_WRAPPERS {
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
    // Any prefix of a full timestamp (`2`, `2022`, `202203`) redirects to the nearest capture.
    let plain = |t: &str| (1..=14).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit());
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
    if let Some(rest) = wayback_copy_path(host, url.path()) {
        return wayback_copy(rest, url);
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
        let query = query_value(url, &["q"])?;
        let original = query.strip_prefix("cache:")?;
        let original = original.split_once(' ').map_or(original, |(u, _)| u);
        // `cache:<id>:<url>`, as search results linked it, or `cache:<url>`.
        let original = match original.split_once(':') {
            Some((id, rest))
                if !id.is_empty()
                    && !id.contains('.')
                    && !id.eq_ignore_ascii_case("http")
                    && !id.eq_ignore_ascii_case("https") =>
            {
                rest
            }
            _ => original,
        };
        return embedded_url(original, None).map(|u| (u, Route::SearchCache));
    }
    if let Some(found) = amp_viewer(url, host) {
        return Some(found);
    }
    if let Some(found) = yandex_turbo(url, host) {
        return Some((found, Route::SearchCache));
    }
    translation_proxy(url, host).map(|u| (u, Route::TranslationProxy))
}

/// The search engines' own domains (with or without `www.`; Google's from its list of supported
/// domains, Yandex's country sites), written out: a rule such as "google.co.<any country>" would
/// take in `google.co.de`, which anyone can register under a resold second level.
const GOOGLE_DOMAINS: &[&str] = &[
    "google.ae",
    "google.at",
    "google.be",
    "google.bg",
    "google.by",
    "google.ca",
    "google.ch",
    "google.cl",
    "google.cn",
    "google.co.id",
    "google.co.il",
    "google.co.in",
    "google.co.jp",
    "google.co.ke",
    "google.co.kr",
    "google.co.nz",
    "google.co.th",
    "google.co.uk",
    "google.co.ve",
    "google.co.za",
    "google.com",
    "google.com.ar",
    "google.com.au",
    "google.com.bd",
    "google.com.br",
    "google.com.co",
    "google.com.eg",
    "google.com.hk",
    "google.com.mx",
    "google.com.my",
    "google.com.ng",
    "google.com.pe",
    "google.com.ph",
    "google.com.pk",
    "google.com.sa",
    "google.com.sg",
    "google.com.tr",
    "google.com.tw",
    "google.com.ua",
    "google.com.vn",
    "google.cz",
    "google.de",
    "google.dk",
    "google.es",
    "google.fi",
    "google.fr",
    "google.gr",
    "google.hu",
    "google.ie",
    "google.it",
    "google.kz",
    "google.lt",
    "google.lv",
    "google.nl",
    "google.no",
    "google.pl",
    "google.pt",
    "google.ro",
    "google.rs",
    "google.ru",
    "google.se",
    "google.sk",
];
const YANDEX_DOMAINS: &[&str] = &[
    "yandex.by",
    "yandex.com",
    "yandex.com.am",
    "yandex.com.ge",
    "yandex.com.tr",
    "yandex.kz",
    "yandex.ru",
    "yandex.ua",
    "yandex.uz",
];

/// `host` is one of `domains`, or its `www.`.
fn is_engine_host(host: &str, domains: &[&str]) -> bool {
    domains.contains(&host.strip_prefix("www.").unwrap_or(host))
}

/// The value of the first of `names` in the query string, percent-decoded.
fn query_value(url: &Url, names: &[&str]) -> Option<String> {
    url.query_pairs()
        .find(|(k, v)| names.contains(&k.as_ref()) && !v.is_empty())
        .map(|(_, v)| v.into_owned())
}

/// Search engines' AMP viewers and caches on their own hosts: Google's
/// `www.google.<tld>/amp/s/<host>/<path>` and Bing's `<dashed host>.bing-amp.com/c/s/…`.
fn amp_viewer(url: &Url, host: &str) -> Option<(Url, Route)> {
    let inner = if host.ends_with(".bing-amp.com") {
        amp_cache_path(url)?
    } else {
        if !is_engine_host(host, GOOGLE_DOMAINS) {
            return None;
        }
        let rest = url.path().strip_prefix("/amp/")?;
        let text = match rest.strip_prefix("s/") {
            Some(rest) => format!("https://{rest}"),
            None => format!("http://{rest}"),
        };
        embedded_url(&text, Some(url))?
    };
    Some((inner, Route::AmpCache))
}

/// Yandex's Turbo pages, its fast copies of a page: `yandex.<tld>/turbo/s/<host>/<path>`,
/// `yandex.<tld>/turbo?text=<url>` and `<dashed host>.turbopages.org/<host>/s/<path>`.
fn yandex_turbo(url: &Url, host: &str) -> Option<Url> {
    let path = url.path();
    if host.ends_with(".turbopages.org") && host != "translated.turbopages.org" {
        let path = path.trim_start_matches('/');
        let (original_host, rest) = path
            .strip_prefix("turbo/")
            .unwrap_or(path)
            .split_once('/')?;
        let rest = rest.strip_prefix("s/").unwrap_or(rest);
        return embedded_url(&format!("{original_host}/{rest}"), Some(url));
    }
    if !is_engine_host(host, YANDEX_DOMAINS) {
        return None;
    }
    match path.strip_prefix("/turbo")?.trim_start_matches('/') {
        "" => embedded_url(&query_value(url, &["text"])?, None),
        rest => embedded_url(rest.strip_prefix("s/").unwrap_or(rest), None),
    }
}

/// Translation proxies that carry the original address: Google's (`translate.google.<tld>/
/// translate?u=<url>`, `translate.googleusercontent.com/translate_c?u=<url>`), Bing's and
/// Microsoft's (`?a=<url>`), Yandex's (`translate.yandex.<tld>/translate?url=<url>`) and its
/// translated-page proxy (`translated.turbopages.org/proxy_u/<langs>/<scheme>/<host>/<path>`).
fn translation_proxy(url: &Url, host: &str) -> Option<Url> {
    let path = url.path();
    let by_query = |names: &[&str]| embedded_url(&query_value(url, names)?, None);
    let google = host
        .strip_prefix("translate.")
        .is_some_and(|engine| is_engine_host(engine, GOOGLE_DOMAINS))
        || host == "translate.googleusercontent.com";
    if google && (path.starts_with("/translate") || path == "/website") {
        return by_query(&["u"]);
    }
    if matches!(host, "www.translatetheweb.com" | "translatetheweb.com")
        || (is_within(host, &["microsofttranslator.com"]) && path.eq_ignore_ascii_case("/bv.aspx"))
    {
        return by_query(&["a"]);
    }
    let yandex = host
        .strip_prefix("translate.")
        .is_some_and(|engine| is_engine_host(engine, YANDEX_DOMAINS));
    if yandex && path.starts_with("/translate") {
        return by_query(&["url"]);
    }
    if matches!(host, "translated.turbopages.org" | "z5h64q92x9.net") {
        // /proxy_u/ru-en.en/https/www.rt.com/news/1 (the scheme may be left out)
        let rest = path.strip_prefix("/proxy_u/")?.split_once('/')?.1;
        let rest = match rest.split_once('/') {
            Some(("http" | "https", _)) => rest.replacen('/', "://", 1),
            _ => rest.to_string(),
        };
        return embedded_url(&rest, Some(url));
    }
    None
}

/// The part of a Wayback archive's address after its collection path, when `host` is one.
fn wayback_copy_path<'a>(host: &str, path: &'a str) -> Option<&'a str> {
    let host = host.strip_prefix("www.").unwrap_or(host);
    let path = path.strip_prefix('/')?;
    WAYBACK_ARCHIVES
        .iter()
        .filter(|(archive, _)| *archive == host)
        .find_map(|(_, collection)| match *collection {
            "" => Some(path),
            // Archive-It: a collection number.
            "*" => {
                let (number, rest) = path.split_once('/')?;
                number.bytes().all(|b| b.is_ascii_digit()).then_some(rest)
            }
            collection => path.strip_prefix(collection)?.strip_prefix('/'),
        })
}

/// A Wayback copy: `<capture time>/<url>`, or `<url>` alone, which redirects to the newest
/// capture. A `*` anywhere asks for a listing of many captures, which is no copy.
fn wayback_copy(rest: &str, url: &Url) -> Option<(Url, Route)> {
    if rest.contains('*') || url.query().is_some_and(|q| q.contains('*')) {
        return None;
    }
    let first = rest.split('/').next().unwrap_or_default();
    if is_capture_time(first) {
        return archived_copy(rest, url);
    }
    let has_scheme = ["http:", "https:"]
        .iter()
        .any(|s| first.eq_ignore_ascii_case(s));
    if !has_scheme {
        return None;
    }
    embedded_url(rest, Some(url)).map(|u| (u, Route::WebArchive))
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
    if let Some(inner) = amp_cache_path(url) {
        return Some(inner);
    }
    // Otherwise the cache subdomain itself encodes the original host.
    let label = host.strip_suffix(".cdn.ampproject.org")?;
    let original = decode_dashed_host(label)?;
    Url::parse(&format!("https://{original}{}", url.path())).ok()
}

/// An AMP cache's `/c/s/<host>/<path>` (content; also `v`, `i`, `r`, `wp`), `s` for https.
fn amp_cache_path(url: &Url) -> Option<Url> {
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
    None
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
    fn search_cache_with_a_result_id() {
        assert_eq!(
            unwrapped("https://webcache.googleusercontent.com/search?q=cache:Xy1AbC-d2EfJ:https://www.rt.com/news/1/+&cd=1&hl=en"),
            ("https://www.rt.com/news/1/".into(), Route::SearchCache)
        );
        assert_eq!(
            unwrapped(
                "https://webcache.googleusercontent.com/search?q=cache:Xy1AbC-d2EfJ:rt.com/news/1/"
            ),
            ("https://rt.com/news/1/".into(), Route::SearchCache)
        );
    }

    #[test]
    fn search_engines_amp_viewers_and_fast_pages() {
        for (wrapped, original) in [
            (
                "https://www.google.com/amp/s/www.rt.com/news/1/amp/",
                "https://www.rt.com/news/1/amp/",
            ),
            (
                "https://www.google.co.uk/amp/s/sputnikglobe.com/amp/1.html",
                "https://sputnikglobe.com/amp/1.html",
            ),
            (
                "https://google.com.br/amp/tass.com/world/1",
                "http://tass.com/world/1",
            ),
            (
                "https://www-rt-com.bing-amp.com/c/s/www.rt.com/news/1/",
                "https://www.rt.com/news/1/",
            ),
        ] {
            assert_eq!(
                unwrapped(wrapped),
                (original.into(), Route::AmpCache),
                "{wrapped}"
            );
        }
        for (wrapped, original) in [
            (
                "https://yandex.ru/turbo/s/ria.ru/20260101/1.html",
                "https://ria.ru/20260101/1.html",
            ),
            (
                "https://yandex.ru/turbo?text=https%3A%2F%2Fria.ru%2F20260101%2F1.html",
                "https://ria.ru/20260101/1.html",
            ),
            (
                "https://ria-ru.turbopages.org/ria.ru/s/20260101/1.html",
                "https://ria.ru/20260101/1.html",
            ),
            (
                "https://ria-ru.turbopages.org/turbo/ria.ru/s/20260101/1.html",
                "https://ria.ru/20260101/1.html",
            ),
        ] {
            assert_eq!(
                unwrapped(wrapped),
                (original.into(), Route::SearchCache),
                "{wrapped}"
            );
        }
        // Look-alikes of the engines are not engines.
        for other in [
            "https://www.google.example.com/amp/s/www.rt.com/",
            "https://notgoogle.com/amp/s/www.rt.com/",
            "https://google.community/amp/s/www.rt.com/",
            "https://yandex.example.org/turbo/s/ria.ru/1",
            // Second levels anyone can register under (resold registries on the PSL's private list).
            "https://google.co.de/amp/s/www.rt.com/news/1/",
            "https://translate.google.com.de/translate?u=https://www.rt.com/",
            "https://yandex.co.nl/turbo?text=https://ria.ru/1.html",
            "https://evilmicrosofttranslator.com/bv.aspx?a=https://www.rt.com/news/1/",
        ] {
            assert_eq!(unwrapped(other).1, Route::Direct, "{other}");
        }
    }

    #[test]
    fn translation_proxies_with_the_address_in_the_query_or_path() {
        for wrapped in [
            "https://translate.google.com/translate?sl=auto&tl=en&u=https://www.rt.com/news/1/",
            "https://translate.google.de/translate?hl=de&sl=ru&u=https%3A%2F%2Fwww.rt.com%2Fnews%2F1%2F&prev=search",
            "https://translate.googleusercontent.com/translate_c?depth=1&sl=ru&tl=en&u=https://www.rt.com/news/1/",
            "https://www.translatetheweb.com/?from=ru&to=en&a=https%3A%2F%2Fwww.rt.com%2Fnews%2F1%2F",
            "https://www.microsofttranslator.com/bv.aspx?from=&to=en&a=https://www.rt.com/news/1/",
            "https://translate.yandex.com/translate?url=https%3A%2F%2Fwww.rt.com%2Fnews%2F1%2F&lang=ru-en",
            "https://translate.yandex.ru/translate?lang=ru-en&url=www.rt.com/news/1/",
            "https://translated.turbopages.org/proxy_u/ru-en.en/https/www.rt.com/news/1/",
            "https://z5h64q92x9.net/proxy_u/ru-en.en/www.rt.com/news/1/",
        ] {
            let (url, route) = unwrapped(wrapped);
            assert_eq!(route, Route::TranslationProxy, "{wrapped}");
            assert!(url.ends_with("www.rt.com/news/1/"), "{wrapped}: {url}");
        }
        // A translator's own pages carry no address.
        assert_eq!(
            unwrapped("https://translate.google.com/?sl=ru&tl=en").1,
            Route::Direct
        );
    }

    #[test]
    fn wayback_forms_that_redirect_to_a_capture() {
        for wrapped in [
            "https://web.archive.org/web/2/https://www.rt.com/news/1/",
            "https://web.archive.org/web/https://www.rt.com/news/1/",
            "https://web.archive.org/web/20220301/http://www.rt.com/news/1/",
            "https://arquivo.pt/wayback/20220301000000/https://www.rt.com/news/1/",
            "https://webarchive.loc.gov/all/20220301000000/https://www.rt.com/news/1/",
            "https://webarchive.loc.gov/legacy/20220301000000/https://www.rt.com/news/1/",
            "https://www.webarchive.org.uk/wayback/archive/20220301000000/https://www.rt.com/news/1/",
            "https://webarchive.nationalarchives.gov.uk/ukgwa/20220301000000/https://www.rt.com/news/1/",
            "https://vefsafn.is/is/20220301000000/https://www.rt.com/news/1/",
            "https://veebiarhiiv.digar.ee/a/20220301000000/https://www.rt.com/news/1/",
            "https://swap.stanford.edu/20220301000000/https://www.rt.com/news/1/",
            "https://wayback.archive-it.org/1234/20220301000000/https://www.rt.com/news/1/",
        ] {
            let (url, route) = unwrapped(wrapped);
            assert_eq!(route, Route::WebArchive, "{wrapped}");
            assert!(url.ends_with("www.rt.com/news/1/"), "{wrapped}: {url}");
        }
        // Listings of many captures stay listings in every archive.
        for listing in [
            "https://web.archive.org/web/https://www.rt.com/*",
            "https://arquivo.pt/wayback/*/https://www.rt.com/",
            "https://webarchive.loc.gov/all/*/rt.com",
            "https://web.archive.org/web/rt.com",
        ] {
            assert_eq!(unwrapped(listing).1, Route::Direct, "{listing}");
        }
    }

    #[test]
    fn deeply_nested_copies_unwrap() {
        let mut address = "https://www.rt.com/news/1/".to_string();
        for _ in 0..6 {
            address = format!("https://web.archive.org/web/2022/{address}");
        }
        assert_eq!(
            unwrapped(&address),
            ("https://www.rt.com/news/1/".into(), Route::WebArchive)
        );
        // The bound holds: an address cannot ask for unbounded work.
        let mut address = "https://www.rt.com/".to_string();
        for _ in 0..40 {
            address = format!("https://web.archive.org/web/2/{address}");
        }
        let (url, route) = unwrapped(&address);
        assert_eq!(route, Route::WebArchive);
        assert!(url.starts_with("https://web.archive.org/web/2/"), "{url}");
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
