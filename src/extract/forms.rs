//! Forms in the story (stage 7): which are fields and their labels rather than prose, and the
//! sign-up boxes around them, found before cleaning takes the forms and taken out once the story
//! is chosen.

use crate::dom::{Dom, NodeId};

/// The fewest words per visible field of a form that holds prose (a thread of posts with a
/// checkbox each) rather than fields and their labels (a sign-up or contact form, about five
/// words a field). Measured on wcxb-dev: forum threads wrapped in a form kept, lead forms out.
const PROSE_WORDS_PER_FIELD: usize = 40;

/// Whether `form` is fields and their labels, not a box of prose.
pub fn is_field_form(dom: &Dom, form: NodeId) -> bool {
    let fields = dom
        .find_all(form, &["input", "select", "textarea"])
        .into_iter()
        .filter(|&field| {
            !dom.attr(field, "type")
                .is_some_and(|kind| kind.eq_ignore_ascii_case("hidden"))
        })
        .count();
    // A list's choices are the field's, not prose.
    let words = |node| crate::text::word_count(&dom.text_content(node));
    let choices: usize = dom
        .find_all(form, &["select", "datalist"])
        .into_iter()
        .map(words)
        .sum();
    words(form).saturating_sub(choices) < PROSE_WORDS_PER_FIELD * (fields + 1)
}

/// The most text (characters other than whitespace) of a sign-up box around its form: a
/// heading, a line of what it offers, a consent notice and its thanks (a deal alert's in-story
/// box on wcxb-dev holds about 450).
const SIGNUP_BOX_CHARS: usize = 700;

/// The forms of a story looked at, and the wrappers climbed from each (a deal alert's box on
/// wcxb-dev is two wrappers above its form).
const MAX_SIGNUP_FORMS: usize = 32;
const MAX_BOX_DEPTH: usize = 8;

/// What a sign-up box does not hold: a heading, a list or a picture makes it the card of
/// something on offer, or a part of the story.
const BOX_STOPS: &[&str] = &[
    "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "img", "picture", "figure",
];

/// A form of fields in the story (a newsletter's or a deal alert's sign-up) goes with the box
/// it stands in: its heading, offer and consent notice mean nothing without it. The box is the
/// largest ancestor below `content` holding little text and under a third of the story's.
/// Found here, taken out once the story is chosen ([`remove_signup_boxes`]): taken out here,
/// they shortened a short story below what an attempt must keep, and a worse one was chosen.
pub fn signup_boxes(dom: &Dom, content: NodeId, story_chars: usize) -> Vec<NodeId> {
    let forms = dom.find_all(content, &["form"]);
    if forms.is_empty() {
        return Vec::new();
    }
    let limit = SIGNUP_BOX_CHARS.min(story_chars / 3);
    let mut boxes = Vec::new();
    // Bounds on a hostile page's cost (many forms, each deep in wrappers): no story holds
    // dozens of sign-ups, and a box is a few wrappers deep.
    for form in forms.into_iter().take(MAX_SIGNUP_FORMS) {
        if dom.has_more_text_than(form, limit)
            || !asks_to_type(dom, form)
            || !is_field_form(dom, form)
        {
            continue;
        }
        let mut boxed = form;
        for _ in 0..MAX_BOX_DEPTH {
            let Some(parent) = dom.parent(boxed) else {
                break;
            };
            // The text is measured first: it also bounds the walk that looks for the stops.
            if parent == content
                || dom.has_more_text_than(parent, limit)
                || dom
                    .find_first(parent, |dom, node| {
                        BOX_STOPS.iter().any(|&tag| dom.is_tag(node, tag))
                    })
                    .is_some()
            {
                break;
            }
            boxed = parent;
        }
        boxes.push(boxed);
    }
    boxes
}

/// The sign-up boxes of the story chosen out of it, those its cleaning left.
pub fn remove_signup_boxes(dom: &mut Dom, content: NodeId, boxes: &[NodeId]) {
    for &boxed in boxes {
        if dom.is_attached_to(boxed, content) {
            dom.detach(boxed);
        }
    }
}

/// Whether `form` has a field to type an address, a phone number or a name into, and no
/// password: a sign-up asks for one; a form of buttons alone ("Install", "Add to cart") is a
/// button, a field typed as a number or a search is the page's tool (a quantity, a search box
/// marked as one), and a log-in box may stand beside the story's opening (a paywall's teaser).
fn asks_to_type(dom: &Dom, form: NodeId) -> bool {
    let fields = dom.find_all(form, &["input", "textarea"]);
    let typed = |field: NodeId, kinds: &[&str]| {
        dom.attr(field, "type")
            .is_none_or(|kind| kinds.iter().any(|k| kind.eq_ignore_ascii_case(k)))
    };
    let password = |&field: &NodeId| {
        dom.attr(field, "type")
            .is_some_and(|kind| kind.eq_ignore_ascii_case("password"))
    };
    !fields.iter().any(password)
        && fields
            .into_iter()
            .any(|field| dom.is_tag(field, "textarea") || typed(field, &["text", "email", "tel"]))
}

#[cfg(test)]
mod tests {
    use crate::Options;

    fn text_of(html: &str) -> String {
        crate::extract(html, None, &Options::default())
            .unwrap()
            .text
    }

    /// A story with a sign-up box between its paragraphs: `form` is the box's form.
    fn story_with_box(form: &str) -> String {
        let story = |from: usize| {
            (1..=4)
                .map(|i| {
                    format!(
                        "<p>Paragraph {} of the story, with commas, clauses, and enough words to \
                         score as prose.</p>",
                        from + i
                    )
                })
                .collect::<String>()
        };
        format!(
            "<html><body><article><h1>The story</h1>{}<section><div>Be the first to know!</div>\
             <div>Deals sent to your phone.</div>{form}<div>By signing up you agree to receive \
             messages.</div></section>{}</article></body></html>",
            story(0),
            story(4)
        )
    }

    #[test]
    fn a_signup_box_in_the_story_goes_with_its_form() {
        let text = text_of(&story_with_box(
            "<form><input type=tel placeholder=Phone><button>Sign me up</button></form>",
        ));
        assert!(
            text.contains("Paragraph 1 of") && text.contains("Paragraph 8 of"),
            "{text}"
        );
        for gone in ["Be the first", "Deals sent", "By signing up", "Sign me up"] {
            assert!(!text.contains(gone), "{gone} stayed: {text}");
        }
    }

    #[test]
    fn a_form_of_buttons_alone_keeps_what_stands_beside_it() {
        let text = text_of(&story_with_box("<form><button>Install</button></form>"));
        assert!(
            text.contains("Be the first") && text.contains("By signing up"),
            "{text}"
        );
    }

    #[test]
    fn a_log_in_box_is_no_sign_up() {
        let login =
            "<form><input name=user><input type=password name=pass><button>Log in</button></form>";
        let text = text_of(&story_with_box(login));
        assert!(
            text.contains("Be the first") && text.contains("By signing up"),
            "{text}"
        );
    }

    #[test]
    fn a_card_with_a_heading_keeps_it_beside_its_form() {
        // Something on offer, with a waitlist to join: the card is the story's, only the form
        // goes.
        let card = "<div class=card><h3>The nature station</h3><span>Invite pollinators to the yard.</span>\
                    <form><input type=email><button>Join the waitlist</button></form></div>";
        let text = text_of(&story_with_box(card));
        assert!(
            text.contains("The nature station") && text.contains("Invite pollinators"),
            "{text}"
        );
    }
}
