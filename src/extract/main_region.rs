//! Stage 8, last: the page's own main region (`<main>`, `role="main"`, else its first
//! `<article>`), shown when what the scorer found is a sliver of it. Landing pages, a shop's
//! categories, section fronts and service pages are many short blocks (a tagline, a card, a
//! price, a line of links), none of which scores as a story; the scorer then picks one block
//! and leaves the rest, while the page itself says where its content is. The region is shown
//! without the site's own parts inside it: navigation, header, footer, asides, forms. It is also
//! shown where the text found lies wholly outside a page's `<main>`: a footer's disclosures or a
//! sidebar's promotion, however well they read, are not what the page says it is about. A page
//! that names no region at all (a service page in plain wrappers) is read as its body, without
//! the site's parts and its lists of links, unless it shows the signs of a story or a post.

use super::build::Builder;
use super::score::{is_probably_visible, is_site_part, Measures};

use crate::article::Block;
use crate::dom::{Dom, NodeId};
use crate::text::{to_text, word_count};

/// How many times the found text's words the region must hold to be shown in its place, where
/// the page names no region and its body is read (`MIN_TIMES_FOUND_NAMED` where it names one).
/// Chosen on wcxb-dev's development folds, where 2, 3 and 4 times gained about as much; 3 is
/// the middle of that flat stretch.
const MIN_TIMES_FOUND: usize = 3;
/// The same for a region the page names (its `<main>`, else its first `<article>`), as a
/// fraction: one and a half times. The page says where its content is, so less weight of words
/// need say it. Chosen on wcxb-dev's development folds: at 1.5 four pages gain 0.04-0.23 and
/// none loses; at 1.35 two shop pages lose 0.06-0.14, at 1.75 two of the four stop gaining; no
/// page of Readability's, Zyte's or trafilatura's sets changes. (A body read where the page
/// names no region keeps 3: at 2 one page more gains, at 1.5 a forum thread loses 0.19.)
const MIN_TIMES_FOUND_NAMED: (usize, usize) = (3, 2);
/// Running prose this long is a story of its own, shown as found: the region around it holds
/// its comments and "more stories". Chosen on the development folds of every corpus: at 200
/// words no article of Readability's, Zyte's or trafilatura's sets changes, at 400 two of
/// trafilatura's lose their end to the region (`tests/corpus.rs`; wcxb-dev 0.834 -> 0.839 on
/// the development folds, 0.807 -> 0.818 on the held-out fold).
const MIN_STORY_WORDS: usize = 200;
/// More of a block's text in links than this, on a page that names no region, makes it the
/// site's navigation (a sidebar's lists of posts and links), however it is marked up.
const MAX_LINK_DENSITY: f64 = 0.5;
/// The share of the found text's words (numerator, denominator) the page's main region must
/// hold to stand in for text found outside it. Chosen on wcxb-dev's development folds: a third
/// to a fifth change the same four pages (a footer's disclosures, a shop's promotions taken for
/// the page: three gain, one loses), half leaves one of them; no page of Readability's, Zyte's
/// or trafilatura's sets changes at any of them.
const MIN_OUTSIDE_SHARE: (usize, usize) = (1, 3);

/// The page's main region as the model, when it holds `MIN_TIMES_FOUND` times the words of
/// `found` (`MIN_TIMES_FOUND_NAMED` where the page names it; `found` is the content the scorer
/// chose, `prose` when it reads as running prose) and `found` is
/// no story of its own, or when `found_nodes` (the found text's elements, by the page's ids) all
/// lie outside the page's `<main>` and it holds `MIN_OUTSIDE_SHARE` of their words; `None`
/// otherwise. A page that names no region is read as its body without its lists of links,
/// unless it shows `story_signs` (a date, or found text under the headline); then `None`.
pub fn instead_of(
    dom: &Dom,
    body: NodeId,
    found: &[Block],
    found_nodes: &[NodeId],
    prose: bool,
    story_signs: bool,
    builder: &Builder,
) -> Option<Vec<Block>> {
    let found_words = word_count(&to_text(found));
    let visible = |tag: &'static str| {
        move |d: &Dom, n: NodeId| {
            (d.is_tag(n, tag) || d.attr(n, "role") == Some(tag)) && is_probably_visible(d, n)
        }
    };
    let main = the_main(dom, body);
    // Text found wholly outside the page's own main region is the page's edge (a footer's
    // disclosures, a sidebar), however well it reads: the region is shown when it holds
    // `MIN_OUTSIDE_SHARE` of the found text's words.
    let outside = main.is_some_and(|main| {
        !found_nodes.is_empty()
            && found_nodes
                .iter()
                .all(|&node| !dom.is_attached_to(node, main) && !dom.is_attached_to(main, node))
    });
    if prose && found_words >= MIN_STORY_WORDS && !outside {
        return None;
    }
    // Without a main region, the page's first article is one (a card in a run of them holds
    // too few words to pass the test below). Without either, the body is, unless the page
    // shows the signs of a story or a post (`story_signs`): a service or landing page marks up
    // no region, and its blocks are its content; the body around a story is the site's.
    let named = main.or_else(|| dom.find_first(body, visible("article")));
    let region = named.or((!story_signs).then_some(body))?;
    let enough = |words: usize| {
        if outside {
            words * MIN_OUTSIDE_SHARE.1 >= found_words.max(1) * MIN_OUTSIDE_SHARE.0
        } else {
            let (times, per) = if named.is_some() {
                MIN_TIMES_FOUND_NAMED
            } else {
                (MIN_TIMES_FOUND, 1)
            };
            words * per >= times * found_words.max(1)
        }
    };
    // The whole region first, which only loses words once its site parts are out: most pages
    // stop here without a copy of the page.
    if !enough(word_count(&dom.text_content(region))) {
        return None;
    }
    // The site's parts taken out in one walk that does not enter what it takes out.
    let mut copy = dom.clone();
    // On a page that names no region, the site's navigation in plain wrappers goes too.
    let link_lists = named.is_none().then(|| LinkLists::of(&copy, region));
    let link_list = |node: NodeId| link_lists.as_ref().is_some_and(|l| l.is_one(node));
    let mut stack: Vec<NodeId> = copy.children(region).to_vec();
    while let Some(node) = stack.pop() {
        if !copy.is_element(node) {
            continue;
        }
        if is_site_part(&copy, node) || link_list(node) {
            copy.detach(node);
        } else {
            stack.extend_from_slice(copy.children(node));
        }
    }
    let blocks = Builder {
        dom: &copy,
        ..*builder
    }
    .build(region);
    enough(word_count(&to_text(&blocks))).then_some(blocks)
}

/// The story chosen (`content`, in `selected`, a copy of `page` with the same ids) narrowed to
/// the page's own main region where it was chosen around it: for one product's page, whose
/// site header and footer came with it (wcxb-dev's development folds: three product pages gain
/// 0.03-0.33, one service page that declares a product loses 0.05; on every page kind, two of
/// trafilatura's articles lost 0.2 and a shop's category 0.88).
pub fn within_main(page: &Dom, selected: &Dom, content: NodeId) -> NodeId {
    match page.body().and_then(|body| the_main(page, body)) {
        Some(main) if main != content && selected.is_attached_to(main, content) => main,
        _ => content,
    }
}

/// The page's own main region: its first shown `<main>` or `role="main"`.
fn the_main(dom: &Dom, body: NodeId) -> Option<NodeId> {
    dom.find_first(body, |d, n| {
        (d.is_tag(n, "main") || d.attr(n, "role") == Some("main")) && is_probably_visible(d, n)
    })
}

/// Blocks that are lists of links (a sidebar's posts, a menu in plain `<div>`s): more than
/// `MAX_LINK_DENSITY` of their text in links, and two links or more (a linked heading or a card's
/// one link is content). Measured once, bottom-up, before anything is taken out.
struct LinkLists {
    measures: Measures,
    links: Vec<u32>,
}

impl LinkLists {
    fn of(dom: &Dom, root: NodeId) -> LinkLists {
        let mut links = vec![0u32; dom.nodes.len()];
        for node in dom.descendants(root).into_iter().rev() {
            let inner: u32 = dom.children(node).iter().map(|&child| links[child]).sum();
            links[node] = inner + u32::from(dom.is_tag(node, "a"));
        }
        LinkLists {
            measures: Measures::of(dom, root),
            links,
        }
    }

    fn is_one(&self, node: NodeId) -> bool {
        self.links.get(node).is_some_and(|&n| n >= 2)
            && self.measures.link_density(node) > MAX_LINK_DENSITY
    }
}

#[cfg(test)]
mod tests {
    use super::{to_text, word_count, Builder};
    use crate::Options;

    fn extract(html: &str) -> String {
        super::super::extract(html, None, &Options::default())
            .unwrap()
            .text
    }

    /// A landing page: short lines in its main region, none a paragraph the scorer weighs, and
    /// a legal notice below it that is.
    fn landing_page(story: &str, more: &str) -> String {
        landing_page_in("main", story, more)
    }

    fn landing_page_in(region: &str, story: &str, more: &str) -> String {
        let lines: String = (1..=30)
            .map(|i| format!("<div><span>Pack {i}, sewn by hand</span></div>"))
            .collect();
        format!(
            "<html><head><title>Packs</title></head><body><{region}>\
             <nav><a href=/a>Shop</a> <a href=/b>Mending</a> <a href=/c>Visit</a></nav>\
             {story}{lines}{more}</{region}><div class=legal><div><p>© Packs LLC, 2025. All designs, \
             graphics, photographs, icons, text and other materials on this site, and every \
             trademark in them, are ours, and may not be copied.</p></div></div></body></html>"
        )
    }

    #[test]
    fn a_page_of_short_lines_is_shown_as_its_main_region() {
        let text = extract(&landing_page("", ""));
        assert!(text.contains("Pack 1, sewn by hand"), "{text}");
        assert!(text.contains("Pack 30, sewn by hand"), "{text}");
        assert!(!text.contains("Packs LLC"), "{text}");
        assert!(!text.contains("Mending"), "{text}");
    }

    #[test]
    fn a_named_region_of_twice_the_words_found_is_shown() {
        let intro = "Our tents are cut, sewn, taped and tested in one workshop by the river, and \
                     each one carries the name of the person who made it. "
            .repeat(4);
        let lines: String = (1..=24)
            .map(|i| format!("<li><a href=/tents/{i}>Tent {i} for two walkers</a></li>"))
            .collect();
        let page = format!(
            "<html><head><title>Tents</title></head><body><nav><a href=/a>Shop</a></nav>\
             <main><section><p>{intro}</p></section><ul>{lines}</ul></main>\
             <footer><p>© Tents LLC</p></footer></body></html>"
        );
        let text = extract(&page);
        assert!(text.contains("tested in one workshop"), "{text}");
        assert!(text.contains("Tent 24 for two walkers"), "{text}");
    }

    #[test]
    fn without_a_main_region_the_pages_article_is_one() {
        let text = extract(&landing_page_in("article", "", ""));
        assert!(text.contains("Pack 30, sewn by hand"), "{text}");
        assert!(!text.contains("Packs LLC"), "{text}");
    }

    /// A landing page that names no region: short lines in plain wrappers, a sidebar's list of
    /// links, and `head` in its `<head>`.
    fn landing_page_without_region(head: &str) -> String {
        let posts: String = (1..=12)
            .map(|i| format!("<li><a href=/p{i}>Post number {i}</a></li>"))
            .collect();
        landing_page_in(
            "div",
            "<div><h3><a href=/repairs>Repairs for life</a></h3></div>",
            "",
        )
        .replace("<head>", &format!("<head>{head}"))
        .replace(
            "</body>",
            &format!("<div class=widget><ul>{posts}</ul></div></body>"),
        )
    }

    #[test]
    fn an_undated_page_naming_no_region_is_shown_as_its_body_without_link_lists() {
        let text = extract(&landing_page_without_region(""));
        assert!(text.contains("Pack 1, sewn by hand"), "{text}");
        assert!(text.contains("Pack 30, sewn by hand"), "{text}");
        assert!(!text.contains("Post number"), "{text}");
        // One link is no list of them: a linked heading stays.
        assert!(text.contains("Repairs for life"), "{text}");
        assert!(!text.contains("Mending"), "{text}");
    }

    #[test]
    fn a_dated_page_naming_no_region_is_shown_as_found() {
        let dated = r#"<meta property="article:published_time" content="2025-03-01T09:00:00Z">"#;
        let text = extract(&landing_page_without_region(dated));
        assert!(text.contains("Packs LLC"), "{text}");
        assert!(!text.contains("Pack 30, sewn by hand"), "{text}");
    }

    #[test]
    fn a_story_of_its_own_is_not_traded_for_the_region_around_it() {
        let sentence = "The council met on Tuesday, and after a long debate, it voted to \
                        rebuild the old harbour wall before the winter storms arrive. ";
        let story = format!("<article><p>{}</p></article>", sentence.repeat(10));
        let related: String = (1..=150)
            .map(|i| format!("<li><a href=/s{i}>Another story, number {i}</a></li>"))
            .collect();
        let text = extract(&landing_page(&story, &format!("<ul>{related}</ul>")));
        assert!(text.contains("harbour wall"), "{text}");
        assert!(!text.contains("number 150"), "{text}");
    }

    /// What the stage shows on a page whose `<main>` holds `region_lines` short lines (eight
    /// words each) and whose footer, outside it, holds a disclosure in prose (252 words: a story's
    /// length, which the region would not replace were it inside) that the scorer found.
    fn shown_for_prose_outside_main(region_lines: usize) -> Option<String> {
        let lines: String = (1..=region_lines)
            .map(|i| format!("<div>Cover for vet bills and yearly check-ups, plan {i}</div>\n"))
            .collect();
        let disclosure = "Policies are underwritten by an insurer and its affiliates, and \
                          administered by an agency licensed in every state but one. ";
        let dom = crate::parse::document(&format!(
            "<html><body><main>{lines}</main><div><div id=terms><p>{}</p></div></div></body></html>",
            disclosure.repeat(14)
        ));
        let builder = Builder {
            dom: &dom,
            base: None,
            max_depth: 64,
        };
        let body = dom.body()?;
        let terms = dom.find_first(body, |d, n| d.attr(n, "id") == Some("terms"))?;
        let found = builder.build(terms);
        assert!(word_count(&to_text(&found)) >= super::MIN_STORY_WORDS);
        super::instead_of(&dom, body, &found, &[terms], true, false, &builder)
            .map(|blocks| to_text(&blocks))
    }

    #[test]
    fn prose_found_outside_the_main_region_gives_way_to_it() {
        // 20 lines: 160 words, under three times the found text's but over a third of it.
        let text = shown_for_prose_outside_main(20).expect("the region is shown");
        assert!(
            text.contains("plan 1\n") && text.contains("plan 20"),
            "{text}"
        );
        assert!(!text.contains("underwritten"), "{text}");
    }

    #[test]
    fn a_main_region_of_a_few_words_does_not_stand_in_for_prose_outside_it() {
        assert_eq!(shown_for_prose_outside_main(2), None);
    }

    #[test]
    fn a_story_chosen_around_the_main_region_is_narrowed_to_it() {
        let dom = crate::parse::document(
            "<body><div id=site><header><a href=/>Shop</a></header><main><p>The pack.</p></main>\
             <footer>Terms</footer></div></body>",
        );
        let site = dom.find_all(0, &["div"])[0];
        let main = dom.find_all(0, &["main"])[0];
        assert_eq!(super::within_main(&dom, &dom, site), main);
        // A story inside the region, or beside it, stands.
        let paragraph = dom.find_all(0, &["p"])[0];
        assert_eq!(super::within_main(&dom, &dom, paragraph), paragraph);
        let footer = dom.find_all(0, &["footer"])[0];
        assert_eq!(super::within_main(&dom, &dom, footer), footer);
    }
}
