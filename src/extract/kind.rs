//! What kind of page this is, as the model says it: an article, a discussion shown as its posts
//! (`thread`), a listing shown as its items (`listing`), one product's page, or a page that is
//! none of these. Read from the page's own structured data and from what the stages found, never
//! from its address or software.

use crate::dom::{Dom, ROOT};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PageKind {
    /// Running prose: a story, a post, a documentation page.
    Article,
    /// A discussion, shown as its posts (`thread`).
    Thread,
    /// A run of items (a section front, results, a category), shown as a list (`listing`).
    Listing,
    /// One product's page, as its structured data says.
    Product,
    /// Neither running prose nor any of the above.
    Page,
}

/// Whether the page declares itself one product's: exactly one schema.org `Product` in its
/// JSON-LD, or, with none there, exactly one in its microdata. A shop's category declares none
/// or many (wcxb-dev: 63 of 92 product pages declare one, 3 of 91 collections and 1 of 711
/// articles). Read before the page's scripts are taken out.
pub fn declares_product(dom: &Dom) -> bool {
    let mut in_json = 0;
    for script in dom.find_all(ROOT, &["script"]) {
        if dom
            .attr(script, "type")
            .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
        {
            in_json += count_product_types(&dom.text_content(script));
        }
    }
    if in_json > 0 {
        return in_json == 1;
    }
    let in_microdata = dom
        .descendants(ROOT)
        .into_iter()
        .filter(|&n| {
            dom.attr(n, "itemscope").is_some()
                && dom.attr(n, "itemtype").is_some_and(|t| {
                    t.trim().trim_end_matches('/').rsplit('/').next() == Some("Product")
                })
        })
        .count();
    in_microdata == 1
}

/// `"@type": "Product"` (any spacing) in a JSON-LD text.
fn count_product_types(json: &str) -> usize {
    let mut count = 0;
    let mut rest = json;
    while let Some(at) = rest.find("\"@type\"") {
        rest = &rest[at + 7..];
        let value = rest.trim_start().strip_prefix(':').map(str::trim_start);
        if value.is_some_and(|v| v.starts_with("\"Product\"")) {
            count += 1;
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::count_product_types;

    #[test]
    fn product_types_are_counted_whatever_the_spacing() {
        assert_eq!(
            count_product_types(r#"{"@type" : "Product", "offers": {"@type":"Offer"}}"#),
            1
        );
        assert_eq!(
            count_product_types(r#"[{"@type":"Product"},{"@type": "Product"}]"#),
            2
        );
        assert_eq!(count_product_types(r#"{"@type":"ProductGroup"}"#), 0);
    }
}
