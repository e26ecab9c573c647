//! Stage 4, last: the answers a page folds away under its questions, shown. A page of
//! questions and answers (a service's FAQ, a shop's "How long does delivery take?") keeps each
//! answer in a panel that its question's button opens: the button names the panel in
//! `aria-controls` and says whether it is open in `aria-expanded`, and a closed panel is marked
//! `aria-hidden`, `hidden` or `display: none` until it opens. Those marks say "not yet", not "not
//! content", so the answers lose them here, before anything is measured. Only a panel opened
//! by a question (the button's text ends in a question mark, in any script) is shown: menus,
//! a shop's tabs and a site's drawers are opened by buttons too.
//!
//! Measured on wcxb-dev's development folds before it was written: of the words in panels that
//! sat beside a panel the view showed and lay hidden, 2,297 of 2,498 under a question were in
//! the reference, against a third of those under other buttons.

use crate::dom::{collapse_whitespace, Dom, NodeId, ROOT};

/// A question longer than this (characters) is a block that happens to end in one.
const MAX_QUESTION_CHARS: usize = 300;
/// The most questions read on one page: a hostile page's thousands of nested buttons are not.
const MAX_QUESTIONS: usize = 2000;
/// The most panels shown on one page.
const MAX_PANELS: usize = 500;

/// Remove the "not yet shown" marks from every panel a question opens.
pub fn show_folded_answers(dom: &mut Dom) {
    // The panels' ids, from the questions' buttons (a few on a page: looked up by a scan, at
    // most `MAX_PANELS` of them; a hash map or a sort of its own cost the wasm 2-4 KB of code).
    let mut targets: Vec<&str> = Vec::new();
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
        if dom.attr(node, "aria-expanded").is_none() || questions >= MAX_QUESTIONS {
            continue;
        }
        questions += 1;
        if !dom.has_more_text_than(node, MAX_QUESTION_CHARS) && is_question(&dom.text_content(node))
        {
            targets.extend(controls.split_ascii_whitespace());
            targets.truncate(MAX_PANELS);
        }
    }
    if targets.is_empty() {
        return;
    }
    let panels: Vec<NodeId> = elements
        .into_iter()
        .filter(|&node| dom.attr(node, "id").is_some_and(|id| targets.contains(&id)))
        .collect();
    for panel in panels {
        dom.remove_attr(panel, "hidden");
        if dom.attr(panel, "aria-hidden") == Some("true") {
            dom.remove_attr(panel, "aria-hidden");
        }
        if dom.attr(panel, "style").is_some_and(hides) {
            dom.remove_attr(panel, "style");
        }
    }
}

/// Whether a button's text asks a question: it ends in `?`, the full-width `？` or the Arabic `؟`.
fn is_question(text: &str) -> bool {
    collapse_whitespace(text)
        .trim_end()
        .ends_with(['?', '？', '؟'])
}

/// Whether an inline style hides its element.
fn hides(style: &str) -> bool {
    let compact: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    compact.contains("display:none") || compact.contains("visibility:hidden")
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

    fn faq(question: &str, panel_marks: &str) -> String {
        let intro = "We insure cats and dogs of every age and breed, with no upper age limit \
            and no questions about their past. Cover starts the day after you join, and you \
            can see every claim as it goes through. "
            .repeat(2);
        format!(
            "<html><body><main><h1>Pet insurance</h1><p>{intro}</p>\
             <div><button aria-expanded=true aria-controls=a1>Who can be insured?</button>\
             <div id=a1><p>Every cat and dog living with you in the country, whatever its age \
             or breed, from eight weeks old.</p></div>\
             <button aria-expanded=false aria-controls=a2>{question}</button>\
             <div id=a2 {panel_marks}><p>{ANSWER}</p></div></div></main>\
             <nav><button aria-expanded=false aria-controls=m1>Products</button>\
             <div id=m1 hidden><p>Home insurance, travel insurance and car insurance for \
             drivers of every age.</p></div></nav></body></html>"
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
            let text = extract(&faq("How much does a claim pay back?", marks));
            assert!(text.contains("ninety percent"), "{marks}: {text}");
        }
        // Questions in other scripts end in their own marks.
        for question in ["保险赔付多少？", "كم يدفع التأمين؟"] {
            let text = extract(&faq(question, "aria-hidden=true"));
            assert!(text.contains("ninety percent"), "{question}: {text}");
        }
    }

    #[test]
    fn a_panel_not_opened_by_a_question_stays_hidden() {
        let text = extract(&faq("Claims and payments", "aria-hidden=true"));
        assert!(!text.contains("ninety percent"), "{text}");
        let text = extract(&faq("How much does a claim pay back?", "aria-hidden=true"));
        assert!(!text.contains("travel insurance"), "{text}");
    }
}
