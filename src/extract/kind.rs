//! What kind of page this is, as the model says it: an article, a discussion shown as its posts
//! (`thread`), a listing shown as its items (`listing`), one product's page, or a page that is
//! none of these. Read from the page's own structured data and from what the stages found, never
//! from its address or software.

use crate::dom::{Dom, NodeId, ROOT};
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
    /// One product's page, for sale, as its structured data says.
    Product,
    /// Neither running prose nor any of the above.
    Page,
}

/// What the page says of itself in its structured data, read in one walk before its scripts
/// are taken out: the text of each JSON-LD script (CDATA markers off), and the type of each
/// microdata item. The metadata, the discussion and the product stages all read these.
pub struct Declarations {
    pub json_ld: Vec<String>,
    item_types: Vec<String>,
}

impl Declarations {
    pub fn read(dom: &Dom) -> Declarations {
        let mut json_ld = Vec::new();
        let mut item_types = Vec::new();
        for node in dom.descendants(ROOT) {
            if let Some(kind) = item_type(dom, node) {
                item_types.push(kind.to_string());
            }
            if dom.is_tag(node, "script")
                && dom
                    .attr(node, "type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
            {
                let text = dom.text_content(node);
                // Some sites wrap the JSON in CDATA markers.
                let json = text
                    .trim()
                    .trim_start_matches("<![CDATA[")
                    .trim_end_matches("]]>");
                json_ld.push(json.to_string());
            }
        }
        Declarations {
            json_ld,
            item_types,
        }
    }

    /// Whether the page says it is a discussion (`DiscussionForumPosting`, `QAPage`) and not an
    /// FAQ, in its JSON-LD (a plain look for the type names) or its microdata.
    pub fn discussion(&self) -> bool {
        let says = |names: &[&str]| {
            self.json_ld.iter().any(|text| {
                names
                    .iter()
                    .any(|name| text.contains(&format!("\"{name}\"")))
            }) || self
                .item_types
                .iter()
                .any(|kind| names.contains(&kind.as_str()))
        };
        !says(&["FAQPage"]) && says(&["DiscussionForumPosting", "QAPage"])
    }

    /// Whether the page declares itself one product's: one `ProductGroup` (a product sold in
    /// variants, each a `Product`), else exactly one schema.org `Product` in its JSON-LD, or,
    /// with none there, exactly one in its microdata. A shop's category declares
    /// none or many (wcxb-dev: 63 of 92 product pages declare one, 3 of 91 collections and 1 of
    /// 711 articles; the groups added two product pages, and changed no other page).
    pub fn product(&self) -> bool {
        let count = |kind: &str| -> usize {
            self.json_ld
                .iter()
                .map(|text| count_types(text, kind))
                .sum()
        };
        // One product sold in variants (sizes, colours) declares their group, each variant a
        // `Product` of its own; a shop's category lists its products (`ItemList`) instead.
        if count("ProductGroup") == 1 && count("ItemList") == 0 {
            return true;
        }
        let in_json = count("Product");
        if in_json > 0 {
            return in_json == 1;
        }
        self.item_types
            .iter()
            .filter(|kind| *kind == "Product")
            .count()
            == 1
    }

    /// Whether the page sells what it declares: an offer or a product code (SKU, GTIN, MPN,
    /// product id) in its JSON-LD, matched in any case (pages write `"Offers"`), or an `Offer`
    /// in its microdata. A service page declares a `Product` for its rating stars alone.
    pub fn offer(&self) -> bool {
        const KEYS: &[&str] = &[
            "\"offers\"",
            "\"sku\"",
            "\"gtin",
            "\"mpn\"",
            "\"productid\"",
        ];
        self.json_ld.iter().any(|text| {
            let text = text.to_ascii_lowercase();
            KEYS.iter().any(|key| text.contains(key))
        }) || self
            .item_types
            .iter()
            .any(|kind| kind == "Offer" || kind == "AggregateOffer")
    }
}

/// The type of a microdata item (`itemscope` with `itemtype="https://schema.org/Comment"` is
/// `Comment`), or `None` for an element that is no item.
pub fn item_type(dom: &Dom, node: NodeId) -> Option<&str> {
    dom.attr(node, "itemscope")?;
    let kind = dom.attr(node, "itemtype")?;
    Some(
        kind.trim()
            .trim_end_matches('/')
            .rsplit('/')
            .next()
            .unwrap_or(kind),
    )
}

/// `"@type": "<kind>"` (any spacing) in a JSON-LD text.
fn count_types(json: &str, kind: &str) -> usize {
    let mut count = 0;
    let mut rest = json;
    while let Some(at) = rest.find("\"@type\"") {
        rest = &rest[at + 7..];
        let value = rest.trim_start().strip_prefix(':').map(str::trim_start);
        let named = value
            .and_then(|v| v.strip_prefix('"'))
            .and_then(|v| v.strip_prefix(kind))
            .is_some_and(|v| v.starts_with('"'));
        if named {
            count += 1;
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::{count_types, Declarations};

    #[test]
    fn types_are_counted_whatever_the_spacing() {
        assert_eq!(
            count_types(
                r#"{"@type" : "Product", "offers": {"@type":"Offer"}}"#,
                "Product"
            ),
            1
        );
        assert_eq!(
            count_types(r#"[{"@type":"Product"},{"@type": "Product"}]"#, "Product"),
            2
        );
        assert_eq!(count_types(r#"{"@type":"ProductGroup"}"#, "Product"), 0);
        assert_eq!(
            count_types(r#"{"@type":"ProductGroup"}"#, "ProductGroup"),
            1
        );
    }

    #[test]
    fn a_product_for_sale_is_told_by_its_offer_or_code() {
        let declares = |json: &str| {
            let page = format!("<script type='application/ld+json'>{json}</script>");
            Declarations::read(&crate::parse::document(&page)).offer()
        };
        assert!(declares(r#"{"@type":"Product","offers":{"price":"399"}}"#));
        assert!(declares(r#"{"@type":"Product","Offers":{"price":"399"}}"#));
        assert!(declares(r#"{"@type":"Product","gtin13":"4006381333931"}"#));
        assert!(!declares(
            r#"{"@type":"Product","name":"Pest control","aggregateRating":{"ratingValue":"5"}}"#
        ));
    }

    #[test]
    fn one_product_in_variants_is_one_products_page() {
        let product = |json: &str| {
            let page = format!("<script type='application/ld+json'>{json}</script>");
            Declarations::read(&crate::parse::document(&page)).product()
        };
        assert!(product(r#"{"@type":"Product","name":"Trail 25"}"#));
        // A shop's category: many products.
        assert!(!product(r#"[{"@type":"Product"},{"@type":"Product"}]"#));
        // One product in two sizes: its group and a `Product` per variant.
        assert!(product(
            r#"{"@type":"ProductGroup","hasVariant":[{"@type":"Product","size":"S"},{"@type":"Product","size":"L"}]}"#
        ));
        assert!(product(r#"{"@type":"ProductGroup","name":"Trail 25"}"#));
        // A shop's category that lists its products, one a group.
        assert!(!product(
            r#"{"@type":"ItemList","itemListElement":[{"@type":"ProductGroup"},{"@type":"Product"},{"@type":"Product"}]}"#
        ));
    }
}
