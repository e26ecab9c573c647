//! Stage 4, last: the answers a page folds away under its questions, shown. A page of
//! questions and answers (a service's FAQ, a shop's "How long does delivery take?") keeps each
//! answer in a panel that its question's button opens: the button names the panel in
//! `aria-controls` and says whether it is open in `aria-expanded`, and a closed panel is marked
//! `aria-hidden`, `hidden`, `display: none` or `visibility: hidden` until it opens. Those marks
//! say "not yet", not "not content", so the answers lose them here, before anything is measured.
//! Only where two questions or more open panels (an FAQ; the button's text is words ending in a
//! question mark, in any script), and only a panel that asks nothing back (no field: "Forgot
//! your password?" opens a form): menus, a shop's tabs and a site's drawers are opened by
//! buttons too. A page without buttons that say so folds each answer into the hidden block
//! right after its question; those are shown on the same terms.
//!
//! Measured on wcxb-dev's development folds before it was written: of the words in panels that
//! sat beside a panel the view showed and lay hidden, 2,297 of 2,498 under a question were in
//! the reference, against a third of those under other buttons.

use super::score::{is_probably_visible, style_hides};
use crate::dom::{collapse_whitespace, Dom, NodeId, ROOT};

/// A question longer than this (characters) is a block that happens to end in one.
const MAX_QUESTION_CHARS: usize = 300;
/// The most questions read on one page: a hostile page's thousands of nested buttons are not.
const MAX_QUESTIONS: usize = 2000;
/// The most panels shown on one page: an FAQ has tens.
const MAX_PANELS: usize = 64;
/// Questions fewer than this are a help icon or a drawer's link, not an FAQ.
const MIN_QUESTIONS: usize = 2;

/// Remove the "not yet shown" marks from every panel a question opens.
pub fn show_folded_answers(dom: &mut Dom) {
    // The panels' ids, from the questions' buttons (a few on a page: looked up by a scan, at
    // most `MAX_PANELS` of them; a hash map of its own cost the wasm 1.7 KB of code, a sort 3.9).
    let mut targets: Vec<&str> = Vec::new();
    let mut buttons = 0;
    let mut questions = 0;
    let elements: Vec<NodeId> = dom
        .descendants(ROOT)
        .into_iter()
        .filter(|&node| dom.is_element(node))
        .collect();
    for &node in &elements {
        let Some(controls) = dom.attr(node, "aria-controls") else {
            continue;
        };
        if dom.attr(node, "aria-expanded").is_none() || buttons >= MAX_QUESTIONS {
            continue;
        }
        buttons += 1;
        if !dom.has_more_text_than(node, MAX_QUESTION_CHARS) && is_question(&dom.text_content(node))
        {
            questions += 1;
            let room = MAX_PANELS - targets.len();
            targets.extend(controls.split_ascii_whitespace().take(room));
        }
    }
    if questions < MIN_QUESTIONS || targets.is_empty() {
        show_answers_after_questions(dom, &elements);
        return;
    }
    // At most `MAX_PANELS` elements (a page may give two the same id): each is looked into
    // for a field, and a hostile page could nest its ids deep over a mass of nodes.
    let panels: Vec<NodeId> = elements
        .into_iter()
        .filter(|&node| dom.attr(node, "id").is_some_and(|id| targets.contains(&id)))
        .take(MAX_PANELS)
        .filter(|&panel| asks_nothing(dom, panel))
        .collect();
    show(dom, &panels);
}

/// The answers an FAQ without buttons folds away: each question a block of its own, its answer
/// the hidden block right after it, opened by the page's script. Only where two questions or
/// more are followed so, and only an answer that asks nothing back, as above. wcxb-dev: services
/// 0.7884 -> 0.7935 (development folds 0.7952 -> 0.8014: four pages +0.06 to +0.63, a security
/// vendor's page -0.12, its story now chosen with the pricing table beside the FAQ), a course
/// site's listing 0.32 -> 0.83, a shop's product +0.13, a held-out article +0.11; no other
/// corpus moved.
fn show_answers_after_questions(dom: &mut Dom, elements: &[NodeId]) {
    let mut panels: Vec<NodeId> = Vec::new();
    // Hidden blocks looked at, each read once: at most `MAX_QUESTIONS` of them, as buttons.
    let mut read = 0;
    for &panel in elements {
        if panels.len() == MAX_PANELS || read == MAX_QUESTIONS {
            break;
        }
        if is_probably_visible(dom, panel) {
            continue;
        }
        let Some(question) = dom.previous_element_sibling(panel) else {
            continue;
        };
        read += 1;
        if !dom.has_more_text_than(question, MAX_QUESTION_CHARS)
            && is_probably_visible(dom, question)
            && is_question(&dom.text_content(question))
        {
            panels.push(panel);
        }
    }
    panels.retain(|&panel| asks_nothing(dom, panel));
    if panels.len() >= MIN_QUESTIONS {
        show(dom, &panels);
    }
}

/// Whether a panel holds no field: "Forgot your password?" opens a form.
fn asks_nothing(dom: &Dom, panel: NodeId) -> bool {
    dom.find_first(panel, |d, n| {
        d.is_tag(n, "input") || d.is_tag(n, "select") || d.is_tag(n, "textarea")
    })
    .is_none()
}

/// The "not yet shown" marks off each panel.
fn show(dom: &mut Dom, panels: &[NodeId]) {
    for &panel in panels {
        dom.remove_attr(panel, "hidden");
        if dom.attr(panel, "aria-hidden") == Some("true") {
            dom.remove_attr(panel, "aria-hidden");
        }
        if dom.attr(panel, "style").is_some_and(style_hides) {
            dom.remove_attr(panel, "style");
        }
    }
}

/// Whether a button's text asks a question: words ending in `?`, the full-width `？` or the
/// Arabic `؟` (a lone "?" is a help icon).
fn is_question(text: &str) -> bool {
    let text = collapse_whitespace(text);
    let text = text.trim();
    text.ends_with(['?', '？', '؟']) && text.chars().filter(|c| c.is_alphabetic()).count() >= 2
}

#[cfg(test)]
mod tests {
    use crate::Options;

    fn extract(html: &str) -> String {
        crate::extract::extract(html, None, &Options::default())
            .unwrap()
            .text
    }

    const ANSWER: &str = "Most policies pay back up to ninety percent of the vet's bill within \
        a fortnight of the claim, once the waiting period after you sign up has passed.";

    const COVER: &str =
        "Cover starts on the day after you join, for accidents and illnesses alike.";

    /// An FAQ in a page's main region: a question open, one folded, and `question` opening a
    /// panel marked `panel_marks`; then `more` (other buttons and their panels).
    fn faq(question: &str, panel_marks: &str, more: &str) -> String {
        let intro = "We insure cats and dogs of every age and breed, with no upper age limit \
            and no questions about their past. Cover starts the day after you join, and you \
            can see every claim as it goes through. "
            .repeat(2);
        format!(
            "<html><body><main><h1>Pet insurance</h1><p>{intro}</p>\
             <div><button aria-expanded=true aria-controls=a1>Who can be insured?</button>\
             <div id=a1><p>Every cat and dog living with you in the country, whatever its age \
             or breed, from eight weeks old.</p></div>\
             <button aria-expanded=false aria-controls=a3>When does cover start?</button>\
             <div id=a3 aria-hidden=true><p>{COVER}</p></div>\
             <button aria-expanded=false aria-controls=a2>{question}</button>\
             <div id=a2 {panel_marks}><p>{ANSWER}</p></div></div>{more}</main></body></html>"
        )
    }

    #[test]
    fn an_answer_folded_under_its_question_is_shown() {
        for marks in [
            "aria-hidden=true",
            "hidden",
            "style='display: none'",
            "aria-hidden=true style='visibility:hidden' hidden",
        ] {
            let text = extract(&faq("How much does a claim pay back?", marks, ""));
            assert!(
                text.contains("ninety percent") && text.contains(COVER),
                "{marks}: {text}"
            );
        }
        // Questions in other scripts end in their own marks.
        for question in ["保险赔付多少？", "كم يدفع التأمين؟"] {
            let text = extract(&faq(question, "aria-hidden=true", ""));
            assert!(text.contains("ninety percent"), "{question}: {text}");
        }
    }

    #[test]
    fn a_panel_not_opened_by_a_question_stays_hidden() {
        let text = extract(&faq("Claims and payments", "aria-hidden=true", ""));
        assert!(!text.contains("ninety percent"), "{text}");
        assert!(text.contains(COVER), "{text}");
        // A help icon's lone "?", and a question that opens a form, beside the FAQ.
        let more = "<button aria-expanded=false aria-controls=h1>?</button>\
            <div id=h1 hidden><p>Prices shown include the insurance premium tax at twelve percent.</p></div>\
            <button aria-expanded=false aria-controls=h2>Forgot your password?</button>\
            <div id=h2 hidden><p>Enter the address you joined with and we will send a new link.</p>\
            <form><input type=email name=email></form></div>";
        let text = extract(&faq("How much does a claim pay back?", "hidden", more));
        assert!(text.contains("ninety percent"), "{text}");
        assert!(
            !text.contains("premium tax") && !text.contains("send a new link"),
            "{text}"
        );
    }

    #[test]
    fn an_answer_folded_after_its_question_is_shown() {
        let intro = "We insure cats and dogs of every age and breed, with no upper age limit \
            and no questions about their past. Cover starts the day after you join. "
            .repeat(3);
        let page = |second_question: &str| {
            format!(
                "<html><body><main><h1>Pet insurance</h1><p>{intro}</p><div>\
                 <div class=question>When does cover start? <span></span></div>\
                 <div class=answer style='display: none'><p>{COVER}</p></div>\
                 <div class=question>{second_question}</div>\
                 <div class=answer hidden><p>{ANSWER}</p></div>\
                 <div>Forgot your password?</div>\
                 <div hidden><p>Enter the address you joined with.</p><input name=email></div>\
                 </div></main></body></html>"
            )
        };
        let text = extract(&page("How much does a claim pay back?"));
        assert!(
            text.contains(COVER) && text.contains("ninety percent"),
            "{text}"
        );
        assert!(!text.contains("address you joined"), "{text}");
        // One question is no FAQ: a block hidden after a heading is a menu's or a drawer's.
        let text = extract(&page("Claims and payments"));
        assert!(
            !text.contains(COVER) && !text.contains("ninety percent"),
            "{text}"
        );
    }

    #[test]
    fn one_question_is_no_faq() {
        let page = faq("How much does a claim pay back?", "hidden", "")
            .replace("When does cover start?", "Start dates");
        let page = page.replace(
            "<button aria-expanded=true aria-controls=a1>Who can be insured?</button>",
            "<button aria-expanded=true aria-controls=a1>Eligibility</button>",
        );
        let text = extract(&page);
        assert!(
            !text.contains("ninety percent") && !text.contains(COVER),
            "{text}"
        );
    }
}
