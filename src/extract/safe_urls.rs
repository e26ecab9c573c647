//! Which addresses the model keeps: links and images resolved against the page and kept only
//! for schemes that cannot run code in the view (http, https, mailto; raster `data:` images),
//! and the largest candidate of a `srcset`. Used by `build` and by the lead image.

use url::Url;

/// Resolve `raw` against `base`; keep it only for http(s) and mailto.
pub fn safe_link(raw: &str, base: Option<&Url>) -> Option<String> {
    let url = resolve(raw, base)?;
    matches!(url.scheme(), "http" | "https" | "mailto").then(|| url.to_string())
}

/// Like [`safe_link`], and also inline raster images (`data:image/png;base64,...`).
pub fn safe_image(raw: &str, base: Option<&Url>) -> Option<String> {
    let trimmed = raw.trim();
    let lower = trimmed.get(..20).unwrap_or(trimmed).to_ascii_lowercase();
    if lower.starts_with("data:image/") {
        // SVG can carry script; raster data cannot.
        return (!lower.starts_with("data:image/svg")).then(|| trimmed.to_string());
    }
    safe_link(trimmed, base)
}

fn resolve(raw: &str, base: Option<&Url>) -> Option<Url> {
    // The URL parser strips tabs and newlines inside schemes ("java\tscript:") as browsers do,
    // so the scheme check below sees what a browser would run.
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return None;
    }
    match base {
        Some(base) => crate::address::join(base, trimmed),
        None => crate::address::parse(trimmed),
    }
}

/// A `srcset` descriptor's number (`800` of `800w`, `1.5` of `1.5x`), read without the float
/// parser (whose tables the wasm package need not carry for this).
fn descriptor_size(text: &str) -> Option<f64> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    if whole.is_empty() && fraction.is_empty() || whole.len() > 9 || fraction.len() > 9 {
        return None;
    }
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || !digits(fraction) {
        return None;
    }
    let whole = if whole.is_empty() {
        0
    } else {
        whole.parse::<u32>().ok()?
    };
    let fraction_value = if fraction.is_empty() {
        0
    } else {
        fraction.parse::<u32>().ok()?
    };
    Some(f64::from(whole) + f64::from(fraction_value) / 10f64.powi(fraction.len() as i32))
}

/// The largest candidate of a `srcset`.
pub(super) fn best_from_srcset(srcset: &str) -> Option<&str> {
    let mut best: Option<(&str, f64)> = None;
    for candidate in srcset.split(',') {
        let mut parts = candidate.split_whitespace();
        let Some(url) = parts.next() else { continue };
        let size = parts
            .next()
            .and_then(|d| descriptor_size(&d[..d.len().saturating_sub(1)]))
            .unwrap_or(1.0);
        if best.is_none_or(|(_, s)| size >= s) {
            best = Some((url, size));
        }
    }
    best.map(|(url, _)| url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptors_and_the_largest_candidate() {
        assert_eq!(descriptor_size("800"), Some(800.0));
        assert_eq!(descriptor_size("1.5"), Some(1.5));
        assert_eq!(descriptor_size(".5"), Some(0.5));
        assert_eq!(descriptor_size("x"), None);
        assert_eq!(descriptor_size(""), None);
        assert_eq!(
            best_from_srcset("a.jpg 1x, b.jpg 2.5x, c.jpg 2x"),
            Some("b.jpg")
        );
        assert_eq!(best_from_srcset("a.jpg 320w, b.jpg 1280w"), Some("b.jpg"));
    }
}
