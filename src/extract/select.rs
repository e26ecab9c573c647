//! Stage 6: find the article. Walk the page dropping what cannot be content (`walk`), score
//! every paragraph into its ancestors, pick the best container, and gather its related siblings
//! (Readability's `_grabArticle`, one attempt); `with_retries` runs it and stage 7's cleaning on
//! a fresh copy of the page with looser flags while the story comes out short.

use super::byline_on_page::byline_text;
use super::score::{commas_in, initial_score, link_density, score_of_paragraph, Flags, Measures};
use super::walk::walk;
pub use super::walk::Context;
use crate::dom::{Dom, NodeId, ROOT};
use std::collections::HashMap;

/// The result of one attempt.
pub struct Selection {
    /// A detached `<div>` holding the article's nodes.
    pub content: NodeId,
    /// Characters of collapsed text in `content` once cleaned (stage 7 measures it).
    pub text_length: usize,
    /// A byline found in the body while walking it.
    pub byline: Option<String>,
    /// `dir` of the article's nearest ancestor that sets one.
    pub dir: Option<String>,
    /// Sign-up boxes in `content`, found before cleaning took their forms (stage 7): taken
    /// out of the story chosen, once the attempts have measured it.
    pub signup_boxes: Vec<NodeId>,
}

/// Share of the best candidate's score a candidate under the headline needs to be chosen
/// over it.
const ANCHORED_MIN_SHARE: f64 = 0.3;
/// The same on a page that says it is an article, whose next stories load below it as it is
/// read: a short story under its headline stands over the longer one after it. Chosen on the
/// development folds: at 0.2 trafilatura-dev gains (a news site's four-paragraph story had
/// given way to the next story, 0 -> 1) and no corpus loses; without the declaration, at 0.2
/// shop categories and rankings lost their lists to the text under their heading (0.49, 0.40).
const DECLARED_ANCHORED_MIN_SHARE: f64 = 0.2;

/// Score paragraphs into up to five levels of ancestors; returns the scores of all candidates.
fn score_paragraphs(
    dom: &Dom,
    to_score: &[NodeId],
    flags: Flags,
) -> (Vec<NodeId>, HashMap<NodeId, f64>) {
    let mut candidates = Vec::new();
    let mut scores: HashMap<NodeId, f64> = HashMap::new();
    for &element in to_score {
        let Some(parent) = dom.parent(element) else {
            continue;
        };
        if !dom.is_element(parent) || !dom.is_attached(element) {
            continue;
        }
        let length = dom.text_len(element);
        if length < 25 {
            continue;
        }
        let ancestors = dom.ancestors(element, 5);
        if ancestors.is_empty() {
            continue;
        }
        let score = score_of_paragraph(length, commas_in(dom, element));
        for (level, &ancestor) in ancestors.iter().enumerate() {
            if !dom.is_element(ancestor) || dom.parent(ancestor).is_none_or(|p| !dom.is_element(p))
            {
                continue;
            }
            let slot = scores.entry(ancestor).or_insert_with(|| {
                candidates.push(ancestor);
                initial_score(dom, ancestor, flags)
            });
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                _ => level as f64 * 3.0,
            };
            *slot += score / divider;
        }
    }
    (candidates, scores)
}

/// Run one attempt on `dom` (a fresh copy of the cleaned page).
pub fn grab_article(dom: &mut Dom, context: &Context, flags: Flags) -> Option<Selection> {
    let body = dom.body()?;
    let anchor = context.anchor;
    // The byline beside the headline, taken out before the walk (which would otherwise take
    // the page's first byline-like element, or lose it with an unlikely-looking wrapper).
    let header_byline = context.header_byline.map(|node| {
        let text = byline_text(dom, node);
        dom.detach(node);
        text
    });
    // The paragraphs that may open the story, copied before the walk, which takes a header
    // holding a standfirst for furniture.
    let openings: Vec<(NodeId, NodeId)> = match anchor {
        Some(anchor) => {
            let names = header_byline
                .as_deref()
                .or(context.metadata_byline)
                .and_then(super::byline::clean_byline);
            let candidates = anchor.opening_candidates(dom, names.as_deref());
            candidates
                .into_iter()
                .map(|node| (node, dom.clone_subtree(node)))
                .collect()
        }
        None => Vec::new(),
    };
    let (to_score, walk_byline) = walk(dom, context, flags);
    let byline = header_byline.or(walk_byline);
    let (candidates, mut scores) = score_paragraphs(dom, &to_score, flags);

    // Scale by link density and keep the best few. Candidates nest (each paragraph's ancestors),
    // so their link densities are measured once, bottom-up, for the whole page.
    let measures = Measures::of(dom, ROOT);
    let mut top: Vec<NodeId> = Vec::new();
    for &candidate in &candidates {
        let scaled = scores[&candidate] * (1.0 - measures.link_density(candidate));
        scores.insert(candidate, scaled);
        let at = top
            .iter()
            .position(|t| scaled > scores[t])
            .unwrap_or(top.len());
        if at < context.top_candidates {
            top.insert(at, candidate);
            top.truncate(context.top_candidates);
        }
    }

    // The story under the headline over a longer one elsewhere on the page, when it scores
    // within reach of it: the best candidate that holds the headline or starts right after it,
    // among all of them (a page of several stories has more than the top few elsewhere).
    let mut moved_to_headline = false;
    let min_share = if context.declares_article {
        DECLARED_ANCHORED_MIN_SHARE
    } else {
        ANCHORED_MIN_SHARE
    };
    if let (Some(anchor), Some(&first)) = (anchor, top.first()) {
        if !anchor.holds(first) {
            let anchored = candidates
                .iter()
                .copied()
                .filter(|&c| anchor.holds(c) && scores[&c] >= min_share * scores[&first])
                // A wrapper around the headline and the best candidate both: the best
                // candidate is under the headline already.
                .filter(|&c| !dom.is_attached_to(first, c))
                .max_by(|a, b| scores[a].total_cmp(&scores[b]));
            if let Some(anchored) = anchored {
                top.retain(|&t| t != anchored);
                top.insert(0, anchored);
                top.truncate(context.top_candidates);
                moved_to_headline = true;
            }
        }
    }
    let mut top_candidate = top.first().copied().filter(|&t| !dom.is_tag(t, "body"));
    let created_container = top_candidate.is_none();
    let top_candidate = match top_candidate.take() {
        None => {
            // Nothing scored: the whole body is the article.
            let div = dom.create_element("div");
            dom.move_children(body, div);
            dom.append(body, div);
            scores.insert(div, initial_score(dom, div, flags));
            div
        }
        Some(mut best) => {
            best = prefer_common_ancestor(dom, best, &top, &scores, body);
            scores
                .entry(best)
                .or_insert_with(|| initial_score(dom, best, flags));
            best = climb_while_score_rises(dom, best, &scores, body);
            // An only child shares its parent's siblings: climb so they can be joined.
            while let Some(parent) = dom.parent(best) {
                if parent == body || dom.element_children(parent).len() != 1 {
                    break;
                }
                best = parent;
            }
            scores
                .entry(best)
                .or_insert_with(|| initial_score(dom, best, flags));
            best
        }
    };

    let content = dom.create_element("div");
    let parent = dom.parent(top_candidate).unwrap_or(body);
    if created_container {
        dom.append(content, top_candidate);
    } else {
        // Once the story under the headline was preferred, the longer one it was preferred to
        // does not come back as a sibling.
        let headline_anchor = anchor;
        let anchor = anchor.filter(|_| moved_to_headline);
        gather_siblings(dom, top_candidate, parent, &scores, anchor, content);
        // The story's opening, where the walk took it out or the layout set it outside the
        // container, comes first.
        if let Some(start) = headline_anchor.and_then(|a| a.story_start(dom, content)) {
            let missing: Vec<NodeId> = openings
                .iter()
                .filter(|(node, _)| {
                    !dom.is_attached_to(*node, content)
                        && headline_anchor
                            .and_then(|a| a.end_of(*node))
                            .is_some_and(|end| end <= start)
                })
                .map(|&(_, copy)| copy)
                .collect();
            dom.prepend(content, &missing);
        }
    }
    let dir = [parent, top_candidate]
        .into_iter()
        .chain(dom.ancestors(parent, 0))
        .find_map(|n| dom.attr(n, "dir").map(str::to_string));
    Some(Selection {
        content,
        text_length: 0,
        byline,
        dir,
        signup_boxes: Vec::new(),
    })
}

/// When three or more near-best candidates share an ancestor, that ancestor is the article.
fn prefer_common_ancestor(
    dom: &Dom,
    best: NodeId,
    top: &[NodeId],
    scores: &HashMap<NodeId, f64>,
    body: NodeId,
) -> NodeId {
    const MINIMUM: usize = 3;
    let best_score = scores[&best];
    let alternatives: Vec<Vec<NodeId>> = top[1..]
        .iter()
        .filter(|t| scores[t] / best_score >= 0.75)
        .map(|&t| dom.ancestors(t, 0))
        .collect();
    if alternatives.len() < MINIMUM {
        return best;
    }
    let mut parent = dom.parent(best);
    while let Some(ancestor) = parent {
        if ancestor == body || ancestor == ROOT {
            break;
        }
        let containing = alternatives
            .iter()
            .filter(|list| list.contains(&ancestor))
            .count();
        if containing >= MINIMUM {
            return ancestor;
        }
        parent = dom.parent(ancestor);
    }
    best
}

/// Climb while a parent scores higher; more content may be lurking beside the best node.
fn climb_while_score_rises(
    dom: &Dom,
    best: NodeId,
    scores: &HashMap<NodeId, f64>,
    body: NodeId,
) -> NodeId {
    let mut last_score = scores[&best];
    let threshold = last_score / 3.0;
    let mut parent = dom.parent(best);
    while let Some(ancestor) = parent {
        if ancestor == body || ancestor == ROOT {
            break;
        }
        let Some(&score) = scores.get(&ancestor) else {
            parent = dom.parent(ancestor);
            continue;
        };
        if score < threshold {
            break;
        }
        if score > last_score {
            return ancestor;
        }
        last_score = score;
        parent = dom.parent(ancestor);
    }
    best
}

/// Move the best node and the siblings that look like part of the article into `content`.
fn gather_siblings(
    dom: &mut Dom,
    best: NodeId,
    parent: NodeId,
    scores: &HashMap<NodeId, f64>,
    anchor: Option<&super::anchor::Anchor>,
    content: NodeId,
) {
    let best_score = scores.get(&best).copied().unwrap_or(0.0);
    let threshold = f64::max(10.0, best_score * 0.2);
    let best_class = dom.attr(best, "class").unwrap_or("").to_string();
    let mut past_best = false;
    for sibling in dom.element_children(parent) {
        let append = if sibling == best {
            past_best = true;
            true
        } else if past_best && is_run_of_teasers(dom, sibling) {
            false
        } else {
            let mut bonus = 0.0;
            if !best_class.is_empty() && dom.attr(sibling, "class") == Some(best_class.as_str()) {
                bonus += best_score * 0.2;
            }
            let beside_headline = anchor.is_none_or(|a| a.holds(sibling));
            if beside_headline && scores.get(&sibling).is_some_and(|s| s + bonus >= threshold) {
                true
            } else if dom.is_tag(sibling, "p") {
                let density = link_density(dom, sibling);
                let text = dom.inner_text(sibling);
                let length = text.chars().count();
                (length > 80 && density < 0.25)
                    || (length < 80
                        && length > 0
                        && density == 0.0
                        && (text.contains(". ") || text.ends_with('.')))
            } else {
                false
            }
        };
        if append {
            if !super::patterns::ALTER_TO_DIV_EXCEPTIONS.contains(&dom.tag(sibling).unwrap_or("")) {
                dom.rename(sibling, "div");
            }
            dom.append(content, sibling);
        }
    }
}

/// The fewest headings made of one link each that make a block the site's "more stories".
const MIN_TEASERS: usize = 3;
/// The most words a teaser has, its heading and summary: a round-up's items say more.
const MAX_TEASER_WORDS: usize = 60;

/// Whether `node` is a run of teasers: three headings or more, each wholly one link's text, to
/// as many different pages, at most a third of its headings of another kind (a section's
/// label), and a few lines under each. After the story, such a block is the site's list of its
/// other stories, however well their summaries read; a round-up's items, which say more under
/// each heading, are not. Only a sibling joined to the story is read so: the same rule ending
/// the story inside its container cost a documentation page its "next steps" (wcxb-dev 1442,
/// -0.20) and a held-out listing 0.24 for two pages' gain.
fn is_run_of_teasers(dom: &Dom, node: NodeId) -> bool {
    let mut destinations: Vec<&str> = Vec::new();
    let (mut teasers, mut others) = (0, 0);
    for heading in dom.find_all(node, &["h2", "h3", "h4"]) {
        let text = dom.inner_text(heading);
        let text = text.trim();
        if text.is_empty() {
            continue;
        }
        let link = dom.find_all(heading, &["a"]).into_iter().find(|&link| {
            dom.attr(link, "href")
                .is_some_and(|href| !href.starts_with('#'))
                && dom.inner_text(link).trim() == text
        });
        match link.and_then(|link| dom.attr(link, "href")) {
            Some(href) => {
                teasers += 1;
                if !destinations.contains(&href) {
                    destinations.push(href);
                }
            }
            None => others += 1,
        }
    }
    teasers >= MIN_TEASERS
        && destinations.len() >= MIN_TEASERS
        && others * 2 <= teasers
        && crate::text::word_count(&dom.inner_text(node)) <= MAX_TEASER_WORDS * teasers
}

/// Stages 6 and 7 on a fresh copy of the page with each set of flags in turn, until one gives
/// enough text and its cleaning kept most of what it selected; else the first that gave enough
/// text, else the longest result.
pub fn with_retries(
    dom: &Dom,
    headline: &str,
    anchor: Option<&super::anchor::Anchor>,
    metadata_byline: Option<&str>,
    declares_article: bool,
    options: &crate::Options,
) -> Option<(Dom, Selection)> {
    // The byline beside the headline, looked for once: every attempt's copy has the same node.
    let header_byline = anchor
        .filter(|_| metadata_byline.is_none())
        .and_then(|a| super::byline_on_page::byline_beside_headline(dom, a));
    let context = Context {
        title: headline,
        anchor,
        header_byline,
        metadata_byline,
        top_candidates: options.top_candidates,
        declares_article,
    };
    let mut flags = Flags::ALL;
    let mut best: Option<(Dom, Selection)> = None;
    // The first long enough attempt whose cleaning took most of what it selected: kept in case
    // no looser attempt keeps its text.
    let mut gutted: Option<(Dom, Selection)> = None;
    loop {
        let mut attempt_dom = dom.clone();
        if let Some(mut selection) = grab_article(&mut attempt_dom, &context, flags) {
            let selected = attempt_dom.text_len(selection.content);
            selection.signup_boxes = super::clean::clean_article(
                &mut attempt_dom,
                selection.content,
                flags,
                headline,
                selected,
            );
            selection.text_length = attempt_dom.text_len(selection.content);
            if selection.text_length >= options.char_threshold {
                let kept = (selection.text_length as f64) >= MIN_KEPT_SHARE * selected as f64;
                // An attempt without conditional cleaning keeps everything, junk included: it
                // does not stand in for a gutted one. One that keeps less text than the gutted
                // one may: asking for at least as much cost every corpus (Readability 0.9847 ->
                // 0.9844, trafilatura-dev 0.9358 -> 0.9355, wcxb-dev listings 0.604 -> 0.600).
                let cleaned = flags.clean_conditionally;
                if !cleaned
                    && gutted.is_none()
                    && is_menus_over_prose(&attempt_dom, &selection, &best)
                {
                    break;
                }
                match gutted {
                    None if kept || !cleaned => return Some((attempt_dom, selection)),
                    None => gutted = Some((attempt_dom, selection)),
                    Some(_) if kept && cleaned => return Some((attempt_dom, selection)),
                    Some(_) => {}
                }
            } else if best
                .as_ref()
                .is_none_or(|(_, b)| selection.text_length > b.text_length)
            {
                best = Some((attempt_dom, selection));
            }
        }
        match flags.loosen() {
            Some(looser) => flags = looser,
            None => break,
        }
    }
    gutted.or(best.filter(|(_, s)| s.text_length > 0))
}

/// Whether an attempt without conditional cleaning took the page's menus, where a stricter
/// attempt found a paragraph of prose too short to stand on its own: a landing page whose
/// intro is its only text, its list drawn by a script. The menus are mostly link text; the
/// prose is the page's. wcxb-dev: a development listing 0.13 -> 0.95, a front page's
/// trending box 0.24 -> 0.46, a job board's listing -0.09; a held-out trafilatura-dev page
/// +0.33 (at a link share of 0.3 a shop's category page lost 0.05; at 0.7 the landing page kept
/// its menus).
fn is_menus_over_prose(dom: &Dom, loosest: &Selection, best: &Option<(Dom, Selection)>) -> bool {
    let Some((best_dom, prose)) = best else {
        return false;
    };
    // The prose a small part of what the last attempt took (not the same box, cleaned there).
    prose.text_length * MIN_MENU_TIMES_PROSE <= loosest.text_length
        && prose.text_length >= MIN_PROSE_CHARS
        && link_density(best_dom, prose.content) < MAX_PROSE_LINK_SHARE
        && link_density(dom, loosest.content) > MIN_MENU_LINK_SHARE
}

/// What the last attempt took, in times the prose's characters. Attempts share no node ids
/// that say which box each took (each container is a node of its own copy), so the prose's
/// share tells it: at 3 a shop's category lost 0.82, its cards the box a stricter attempt
/// cleaned to a line; from 5 to 10 the same pages move.
const MIN_MENU_TIMES_PROSE: usize = 5;
/// A paragraph of prose: some 35 words, hardly any of them links.
const MIN_PROSE_CHARS: usize = 200;
const MAX_PROSE_LINK_SHARE: f64 = 0.25;
/// More than half its text links: menus, not a story.
const MIN_MENU_LINK_SHARE: f64 = 0.5;

/// Share of an attempt's selected text its cleaning must keep for the attempt to stand: a
/// cleaning that takes more took the story's own container for furniture (a page builder's
/// wrapper class), and a looser attempt that keeps it is the better one.
const MIN_KEPT_SHARE: f64 = 0.5;

#[cfg(test)]
mod tests {
    use super::*;

    fn select(html: &str) -> (Dom, Selection) {
        let mut dom = crate::parse::document(html);
        let context = Context {
            title: "",
            anchor: None,
            header_byline: None,
            metadata_byline: None,
            top_candidates: 5,
            declares_article: false,
        };
        let selection = grab_article(&mut dom, &context, Flags::ALL).unwrap();
        (dom, selection)
    }

    const PARAGRAPH: &str = "The council met on Tuesday, and after a long debate, it voted to rebuild the old harbour wall before the winter storms arrive.";

    #[test]
    fn picks_the_article_over_navigation_and_sidebar() {
        let article: String = (0..6).map(|_| format!("<p>{PARAGRAPH}</p>")).collect();
        let html = format!(
            r#"<body><nav class="menu"><a href="/">Home</a><a href="/w">World</a></nav>
               <div class="sidebar"><p>Most read: something else entirely, with many words in it here.</p></div>
               <div class="story-body">{article}</div>
               <div class="footer">About us</div></body>"#
        );
        let (dom, selection) = select(&html);
        let text = dom.inner_text(selection.content);
        assert!(text.starts_with("The council met"));
        assert!(
            !text.contains("Most read") && !text.contains("Home") && !text.contains("About us")
        );
    }

    #[test]
    fn a_short_intro_stands_over_the_page_s_menus() {
        let group = |name: &str| {
            let links: String = [
                "Berlin", "Paris", "Madrid", "Lisbon", "Vienna", "Prague", "Dublin", "Warsaw",
            ]
            .iter()
            .map(|city| format!(r#"<a href="/jobs/{city}">{name} jobs in {city}</a>"#))
            .collect();
            format!(
                r#"<div class="menu"><div>{name} roles, all of them remote, most of them full time, some of them senior, posted this week</div><div>{links}</div></div>"#
            )
        };
        let menus: String = [
            "Design", "Data", "Sales", "Support", "Finance", "Legal", "Writing", "Research",
        ]
        .iter()
        .map(|name| group(name))
        .collect();
        let html = format!(
            r#"<body><div>{menus}</div>
               <div><div><h1>Remote jobs</h1></div><p>{PARAGRAPH} {PARAGRAPH}</p></div></body>"#
        );
        let dom = crate::parse::document(&html);
        let (dom, selection) = with_retries(
            &dom,
            "Remote jobs",
            None,
            None,
            false,
            &crate::Options::default(),
        )
        .unwrap();
        assert!(dom
            .inner_text(selection.content)
            .starts_with("The council met"));
    }

    #[test]
    fn layers_over_the_page_are_not_the_article() {
        let article: String = (0..6).map(|_| format!("<p>{PARAGRAPH}</p>")).collect();
        let html = format!(
            r#"<body>{article}<p style="position: FIXED; inset:0">A fake view, drawn over.</p>
               <p popover=manual>A popover. It says things.</p></body>"#
        );
        let (dom, selection) = select(&html);
        let text = dom.inner_text(selection.content);
        assert!(text.contains("The council met"));
        assert!(
            !text.contains("fake view") && !text.contains("popover"),
            "{text}"
        );
    }

    #[test]
    fn finds_a_byline_and_keeps_it_out_of_the_text() {
        let article: String = (0..4).map(|_| format!("<p>{PARAGRAPH}</p>")).collect();
        let html = format!(
            r#"<body><article><div class="byline">By Ada Reporter</div>{article}</article></body>"#
        );
        let (dom, selection) = select(&html);
        assert_eq!(selection.byline.as_deref(), Some("By Ada Reporter"));
        assert!(!dom.inner_text(selection.content).contains("Ada"));
    }

    #[test]
    fn joins_sibling_paragraphs_split_by_an_ad() {
        let html = format!(
            r#"<body><div id="main"><div class="content"><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></div>
               <p>A closing paragraph that sits beside the content block, long enough to be kept as part of it.</p></div></body>"#
        );
        let (dom, selection) = select(&html);
        assert!(dom
            .inner_text(selection.content)
            .contains("A closing paragraph"));
    }

    #[test]
    fn the_site_s_other_stories_beside_the_story_stay_out() {
        let teaser = |n: usize| {
            format!(
                r#"<div class="card"><h3><a href="/story-{n}">Another story, number {n}</a></h3><p>{PARAGRAPH}</p></div>"#
            )
        };
        let teasers: String = (1..=4).map(teaser).collect();
        let html = format!(
            r#"<body><div id="main"><div class="story"><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></div>
               <div class="more"><h2>More stories</h2>{teasers}</div></div></body>"#
        );
        let (dom, selection) = select(&html);
        let text = dom.inner_text(selection.content);
        assert!(!text.contains("Another story"), "{text}");
        assert_eq!(text.matches(PARAGRAPH).count(), 4, "{text}");
    }
}
