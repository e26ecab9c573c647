//! Stage 7: clean the chosen content — drop forms, share bars, embeds that are not video,
//! link farms and image strips that slipped through, while keeping data tables, lists and
//! figures (Readability's `_prepArticle`).

use super::patterns::{DIV_TO_P_ELEMS, SHARE_ELEMENTS, VIDEO_HOSTS};
use super::prepare::looks_like_image_url;
use super::score::{class_weight, Flags, Measures};
use crate::dom::{same_name, Dom, NodeId};

/// Marks a table judged to hold data, so cleaning leaves it and its contents alone.
const DATA_TABLE: &str = "data-masthead-data-table";

/// Cleans `content`, whose text is `story_chars` long as the attempt measured it, and returns
/// the sign-up boxes found in it before their forms went (see `forms::signup_boxes`).
pub fn clean_article(
    dom: &mut Dom,
    content: NodeId,
    flags: Flags,
    title: &str,
    story_chars: usize,
) -> Vec<NodeId> {
    mark_data_tables(dom, content);
    let boxes = super::forms::signup_boxes(dom, content, story_chars);
    remove_unquotable(dom, content, story_chars);
    fix_lazy_images(dom, content);
    clean_conditionally(dom, content, "form", flags);
    clean_conditionally(dom, content, "fieldset", flags);
    clean(
        dom,
        content,
        &["object", "embed", "footer", "link", "aside"],
    );
    remove_share_elements(dom, content);
    super::furniture::remove_furniture(dom, content, title);
    clean(
        dom,
        content,
        &["iframe", "input", "textarea", "select", "button"],
    );
    clean_headers(dom, content, flags);
    for tag in ["table", "ul", "div"] {
        clean_conditionally(dom, content, tag, flags);
    }
    for h1 in dom.find_all(content, &["h1"]) {
        dom.rename(h1, "h2");
    }
    remove_empty_paragraphs(dom, content);
    remove_brs_before_paragraphs(dom, content);
    unwrap_single_cell_tables(dom, content);
    super::trailing::cut_trailing_sections(dom, content);
    boxes
}

/// Where search engines honour the page's `data-nosnippet` mark (Google's documentation).
const UNQUOTABLE_TAGS: &[&str] = &["span", "div", "section"];

/// Parts of the story the page marks `data-nosnippet` out: a site marks so the text search
/// engines must not quote as the page's own (an author's bio under the byline, a promotion), a
/// signal of the page's, like `hidden`. A mark on a part holding half the story is not taken
/// for one (the story itself would go). Each element's children are filtered in one pass
/// (`Dom::set_children`), so a wide list of marked siblings costs no more than reading it.
/// Measured after the story is chosen: before, two development-fold pages lost their story
/// (wcxb-dev, −0.36 each); here four gain and none loses.
fn remove_unquotable(dom: &mut Dom, content: NodeId, story_chars: usize) {
    dom.detach_where(content, &|dom, child| {
        dom.attr(child, "data-nosnippet").is_some()
            && UNQUOTABLE_TAGS.iter().any(|&tag| dom.is_tag(child, tag))
            && dom.text_len(child) * 2 < story_chars.max(1)
    });
}

fn is_video_embed(dom: &Dom, node: NodeId) -> bool {
    let attr_matches = dom.attrs(node).iter().any(|(_, value)| {
        let lower = value.to_ascii_lowercase();
        VIDEO_HOSTS.iter().any(|host| lower.contains(host))
    });
    attr_matches
        || (dom.is_tag(node, "object") && {
            let inner = dom.text_content(node).to_ascii_lowercase();
            VIDEO_HOSTS.iter().any(|host| inner.contains(host))
        })
}

/// Remove every element with one of `tags` except video embeds (kept so the reader can
/// follow them). One walk finds them all; removing one inside another changes nothing.
fn clean(dom: &mut Dom, content: NodeId, tags: &[&str]) {
    dom.detach_where(content, &|dom, node| {
        let Some(tag) = dom.tag(node) else {
            return false;
        };
        let is_embed = matches!(tag, "object" | "embed" | "iframe");
        tags.iter().any(|t| same_name(t, tag)) && !(is_embed && is_video_embed(dom, node))
    });
}

/// Share bars are short and say "share" in their class or id.
fn remove_share_elements(dom: &mut Dom, content: NodeId) {
    for child in dom.element_children(content) {
        for node in dom.descendants(child) {
            if !dom.is_element(node) || !dom.is_attached_to(node, content) {
                continue;
            }
            let match_string = dom.class_and_id(node).to_lowercase();
            let is_share = match_string
                .split(|c: char| !c.is_alphanumeric())
                .any(|token| SHARE_ELEMENTS.contains(&token));
            if is_share && dom.text_content(node).chars().count() < 500 {
                dom.detach(node);
            }
        }
    }
}

fn clean_headers(dom: &mut Dom, content: NodeId, flags: Flags) {
    for heading in dom.find_all(content, &["h1", "h2"]) {
        if class_weight(dom, heading, flags) < 0.0 {
            dom.detach(heading);
        }
    }
}

fn mark_data_tables(dom: &mut Dom, content: NodeId) {
    for table in dom.find_all(content, &["table"]) {
        if is_data_table(dom, table) {
            dom.set_attr(table, DATA_TABLE, "1");
        }
    }
}

fn is_data_table(dom: &Dom, table: NodeId) -> bool {
    if dom.attr(table, "role") == Some("presentation") || dom.attr(table, "datatable") == Some("0")
    {
        return false;
    }
    if dom.attr(table, "summary").is_some() {
        return true;
    }
    if let Some(caption) = dom.find_all(table, &["caption"]).first() {
        if !dom.children(*caption).is_empty() {
            return true;
        }
    }
    if !dom
        .find_all(table, &["col", "colgroup", "tfoot", "thead", "th"])
        .is_empty()
    {
        return true;
    }
    if !dom.find_all(table, &["table"]).is_empty() {
        return false;
    }
    let rows = dom.find_all(table, &["tr"]);
    let columns = rows
        .iter()
        .map(|&row| {
            dom.element_children(row)
                .iter()
                .filter(|&&c| dom.is_tag(c, "td") || dom.is_tag(c, "th"))
                .map(|&c| {
                    dom.attr(c, "colspan")
                        .and_then(|s| s.trim().parse::<usize>().ok())
                        .unwrap_or(1)
                        .min(1000)
                })
                .sum::<usize>()
        })
        .max()
        .unwrap_or(0);
    rows.len() >= 10 || columns > 4 || rows.len() * columns > 10
}

fn in_data_table(dom: &Dom, node: NodeId) -> bool {
    let mut current = dom.parent(node);
    while let Some(ancestor) = current {
        if dom.is_tag(ancestor, "table") && dom.attr(ancestor, DATA_TABLE).is_some() {
            return true;
        }
        current = dom.parent(ancestor);
    }
    false
}

/// Lazy-loading images keep the real address in `data-src` and friends; move it to `src`.
fn fix_lazy_images(dom: &mut Dom, content: NodeId) {
    for node in dom.find_all(content, &["img", "picture", "figure"]) {
        let src = dom.attr(node, "src").unwrap_or("").to_string();
        // A tiny inline placeholder is no image when another attribute names a real one.
        if src.starts_with("data:") {
            let is_svg = src.starts_with("data:image/svg+xml");
            let payload = src.split_once(',').map_or(0, |(_, p)| p.len());
            let other_image = dom
                .attrs(node)
                .iter()
                .any(|(name, value)| &**name != "src" && looks_like_image_url(value));
            if !is_svg && payload < 133 && other_image {
                dom.remove_attr(node, "src");
            }
        }
        let has_src = dom.attr(node, "src").is_some_and(|s| !s.is_empty());
        let has_srcset = dom
            .attr(node, "srcset")
            .is_some_and(|s| !s.is_empty() && s != "null");
        let lazy_class = dom
            .attr(node, "class")
            .is_some_and(|c| c.to_lowercase().contains("lazy"));
        if (has_src || has_srcset) && !lazy_class {
            continue;
        }
        for (name, value) in dom.attrs(node).to_vec() {
            if matches!(&*name, "src" | "srcset" | "alt") {
                continue;
            }
            let target = if is_srcset_value(&value) {
                "srcset"
            } else if is_single_image_url(&value) {
                "src"
            } else {
                continue;
            };
            if dom.is_tag(node, "img") || dom.is_tag(node, "picture") {
                dom.set_attr(node, target, &value);
            } else if dom.find_all(node, &["img", "picture"]).is_empty() {
                let img = dom.create_element("img");
                dom.set_attr(img, target, &value);
                dom.append(node, img);
            }
        }
    }
}

/// "a.jpg 1x, b.jpg 2x": an image URL followed by a width or density.
fn is_srcset_value(value: &str) -> bool {
    let lower = value.to_ascii_lowercase();
    [".jpg", ".jpeg", ".png", ".webp"].iter().any(|ext| {
        lower.match_indices(ext).any(|(at, _)| {
            let rest = &lower[at + ext.len()..];
            let trimmed = rest.trim_start();
            trimmed.len() < rest.len() && trimmed.starts_with(|c: char| c.is_ascii_digit())
        })
    })
}

/// One token that looks like an image URL.
fn is_single_image_url(value: &str) -> bool {
    let trimmed = value.trim();
    !trimmed.is_empty()
        && !trimmed.contains(char::is_whitespace)
        && looks_like_image_url(trimmed)
        && !trimmed.starts_with('{')
}

fn is_ad_or_loading_words(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    let lower = lower.trim_end_matches("...").trim_end_matches('…');
    matches!(
        lower,
        "ad" | "advertising"
            | "advertisement"
            | "pub"
            | "publicité"
            | "werb"
            | "werbung"
            | "广告"
            | "реклама"
            | "anuncio"
            | "loading"
            | "正在加载"
            | "загрузка"
            | "chargement"
            | "cargando"
    )
}

/// Readability's `_cleanConditionally`: remove `tag` elements that look like furniture.
fn clean_conditionally(dom: &mut Dom, content: NodeId, tag: &str, flags: Flags) {
    if !flags.clean_conditionally {
        return;
    }
    // Innermost first is not required: removal of an outer node simply detaches the inner ones.
    // Outer nodes come first, so a node's subtree is unchanged when it is judged, and the
    // lengths measured once before the loop still hold for it.
    let measures = Measures::of(dom, content);
    for node in dom.find_all(content, &[tag]) {
        if !dom.is_attached_to(node, content) {
            continue;
        }
        if should_remove(dom, node, tag, flags, &measures) {
            dom.detach(node);
        }
    }
}

/// What `should_remove` asks of a node's subtree, gathered in one walk: it runs for every
/// candidate, outer ones first, and one walk per question made nested pages quadratic.
#[derive(Default)]
struct Survey {
    data_table: bool,
    video: bool,
    embeds: usize,
    commas: usize,
    paragraphs: f64,
    images: f64,
    list_items: f64,
    inputs: f64,
    list_text: usize,
    heading_text: usize,
    /// Non-blank text inside a span, li, td or block element (Readability: the "text density"
    /// of those elements is not zero).
    textish_text: bool,
}

fn survey(dom: &Dom, node: NodeId, measures: &Measures) -> Survey {
    let mut found = Survey::default();
    let mut stack: Vec<(NodeId, bool)> = dom.children(node).iter().map(|&c| (c, false)).collect();
    while let Some((current, inside)) = stack.pop() {
        if let Some(text) = dom.text_of(current) {
            found.commas += text.bytes().filter(|&b| b == b',').count();
            if inside && !found.textish_text && !text.trim().is_empty() {
                found.textish_text = true;
            }
            continue;
        }
        let Some(tag) = dom.tag(current) else {
            continue;
        };
        match tag {
            "table" => found.data_table |= dom.attr(current, DATA_TABLE).is_some(),
            "ul" | "ol" => found.list_text += measures.text_len(current),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                found.heading_text += measures.text_len(current)
            }
            "p" => found.paragraphs += 1.0,
            "img" => found.images += 1.0,
            "li" => found.list_items += 1.0,
            "input" => found.inputs += 1.0,
            "object" | "embed" | "iframe" => {
                found.video |= is_video_embed(dom, current);
                found.embeds += 1;
            }
            _ => {}
        }
        let inside = inside || matches!(tag, "span" | "li" | "td") || DIV_TO_P_ELEMS.contains(&tag);
        stack.extend(dom.children(current).iter().map(|&c| (c, inside)));
    }
    found
}

fn should_remove(dom: &Dom, node: NodeId, tag: &str, flags: Flags, measures: &Measures) -> bool {
    if tag == "table" && dom.attr(node, DATA_TABLE).is_some() {
        return false;
    }
    if in_data_table(dom, node) || dom.has_ancestor_tag(node, "code", 3) {
        return false;
    }
    let found = survey(dom, node, measures);
    if found.data_table {
        return false;
    }
    let weight = class_weight(dom, node, flags);
    if weight < 0.0 {
        return true;
    }
    // The collapsed text's length, as Readability's getInnerText measures it.
    let text_length = measures.text_len(node);
    let is_list = tag == "ul"
        || tag == "ol"
        || (text_length > 0 && found.list_text as f64 / text_length as f64 > 0.9);
    if found.commas >= 10 {
        return false;
    }
    let (paragraphs, images, list_items, inputs) = (
        found.paragraphs,
        found.images,
        found.list_items - 100.0,
        found.inputs,
    );
    let heading_density = if text_length == 0 {
        0.0
    } else {
        found.heading_text as f64 / text_length as f64
    };
    if found.video {
        return false;
    }
    let embeds = found.embeds;
    // The ad and loading words are short: longer text is never one of them.
    if text_length <= 64 && is_ad_or_loading_words(&dom.inner_text(node)) {
        return true;
    }
    let content_length = text_length;
    let density = measures.link_density(node);
    let has_textish_text = found.textish_text;
    let in_figure = dom.has_ancestor_tag(node, "figure", 0);

    let remove = (!in_figure && images > 1.0 && paragraphs / images < 0.5)
        || (!is_list && list_items > paragraphs)
        || (inputs > (paragraphs / 3.0).floor())
        || (!is_list
            && !in_figure
            && heading_density < 0.9
            && content_length < 25
            && (images == 0.0 || images > 2.0)
            && density > 0.0)
        || (!is_list && weight < 25.0 && density > 0.2)
        || (weight >= 25.0 && density > 0.5)
        || ((embeds == 1 && content_length < 75) || embeds > 1)
        || (images == 0.0 && !has_textish_text);

    // A list of images (one image per item) is content.
    if is_list && remove {
        let items = dom.element_children(node);
        if items.iter().any(|&i| dom.element_children(i).len() > 1) {
            return true;
        }
        if images == found.list_items {
            return false;
        }
    }
    remove
}

fn remove_empty_paragraphs(dom: &mut Dom, content: NodeId) {
    for p in dom.find_all(content, &["p"]) {
        let has_media = !dom
            .find_all(p, &["img", "embed", "object", "iframe"])
            .is_empty();
        if !has_media && dom.text_content(p).trim().is_empty() {
            dom.detach(p);
        }
    }
}

fn remove_brs_before_paragraphs(dom: &mut Dom, content: NodeId) {
    for br in dom.find_all(content, &["br"]) {
        let Some((parent, at)) = dom.position_in_parent(br) else {
            continue;
        };
        let siblings = dom.children(parent);
        let next = siblings[at + 1..]
            .iter()
            .copied()
            .find(|&c| !dom.is_whitespace_text(c));
        if next.is_some_and(|n| dom.is_tag(n, "p")) {
            dom.detach(br);
        }
    }
}

/// A table of one cell is layout: keep its content as a paragraph or a div.
fn unwrap_single_cell_tables(dom: &mut Dom, content: NodeId) {
    for table in dom.find_all(content, &["table"]) {
        let mut cell = table;
        let mut single = true;
        // table > (tbody >) tr > td
        for expected in [&["tbody", "tr"][..], &["tr", "td"][..], &["td", "th"][..]] {
            let children = dom.element_children(cell);
            if children.len() != 1 {
                single = false;
                break;
            }
            let child = children[0];
            if !expected.iter().any(|t| dom.is_tag(child, t)) {
                single = false;
                break;
            }
            cell = child;
            if dom.is_tag(cell, "td") || dom.is_tag(cell, "th") {
                break;
            }
        }
        if !single || !(dom.is_tag(cell, "td") || dom.is_tag(cell, "th")) {
            continue;
        }
        let all_phrasing = dom
            .children(cell)
            .iter()
            .all(|&c| super::prepare::is_phrasing_content(dom, c));
        dom.rename(cell, if all_phrasing { "p" } else { "div" });
        dom.replace(table, cell);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cleaned(inner: &str) -> (Dom, NodeId) {
        let mut dom =
            crate::parse::document(&format!("<body><div id=content>{inner}</div></body>"));
        let content = dom
            .find_first(0, |d, n| d.attr(n, "id") == Some("content"))
            .unwrap();
        let story_chars = dom.text_len(content);
        clean_article(&mut dom, content, Flags::ALL, "", story_chars);
        (dom, content)
    }

    const PARAGRAPH: &str = "<p>Words of the article, written at length, with commas, so that it reads as a paragraph of content.</p>";

    #[test]
    fn what_the_page_marks_unquotable_goes() {
        let (dom, content) = cleaned(&format!(
            "{PARAGRAPH}<div><div data-nosnippet><p>The author has written about phones for years.</p>\
             </div></div>{PARAGRAPH}"
        ));
        let text = dom.inner_text(content);
        assert!(text.contains("Words of the article"), "{text}");
        assert!(!text.contains("written about phones"), "{text}");
    }

    #[test]
    fn a_mark_on_the_story_itself_is_not_taken_for_a_part_of_it() {
        let (dom, content) = cleaned(&format!(
            "<div data-nosnippet>{PARAGRAPH}{PARAGRAPH}</div><p>Share this story.</p>"
        ));
        assert!(dom.inner_text(content).contains("Words of the article"));
    }

    #[test]
    fn forms_share_bars_and_link_lists_go() {
        let (dom, content) = cleaned(&format!(
            r#"{PARAGRAPH}<form><input name=q><button>Search</button></form>
               <div class="share-tools"><a href="/fb">Facebook</a> <a href="/tw">Twitter</a></div>
               <div><a href="/1">Related one</a> <a href="/2">Related two</a> <a href="/3">Related three</a></div>{PARAGRAPH}"#
        ));
        let text = dom.inner_text(content);
        assert!(text.contains("Words of the article"));
        for gone in ["Search", "Facebook", "Related one"] {
            assert!(!text.contains(gone), "{gone} survived");
        }
    }

    #[test]
    fn data_tables_stay_and_layout_tables_unwrap() {
        let rows: String = (0..4)
            .map(|i| format!("<tr><td>{i}</td><td>a</td><td>b</td></tr>"))
            .collect();
        let (dom, content) = cleaned(&format!(
            "{PARAGRAPH}<table><thead><tr><th>n</th><th>x</th><th>y</th></tr></thead>{rows}</table><table><tr><td>Only cell text</td></tr></table>"
        ));
        assert_eq!(dom.find_all(content, &["table"]).len(), 1);
        assert!(dom.inner_text(content).contains("Only cell text"));
    }

    #[test]
    fn lazy_images_get_their_real_source() {
        let (dom, content) = cleaned(&format!(
            r#"{PARAGRAPH}<figure><img class="lazyload" data-src="/photo.jpg" alt="A photo"><figcaption>Caption</figcaption></figure>"#
        ));
        let img = dom.find_all(content, &["img"])[0];
        assert_eq!(dom.attr(img, "src"), Some("/photo.jpg"));
    }
}
