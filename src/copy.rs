//! What "Copy text" and "Copy as Markdown" put on the clipboard, and what `masthead extract
//! --format text|markdown` prints: the headline, the byline and date, the body, then the source
//! and who stands behind it. The one place either is made; the extension receives both from the
//! core with the article, in the reader's language.

use crate::label::{Affiliation, Tier};
use crate::wording::Wording;
use crate::{text, Article};

/// The copied text: headline, byline and date, body, source and label, a blank line apart.
pub fn copy_text(article: &Article, wording: &Wording) -> String {
    let source = source_line(article);
    let parts = [
        article.title.clone().unwrap_or_default(),
        byline_line(article),
        article.text.clone(),
        attribution(article, source.as_deref(), wording).join("\n"),
    ];
    join_non_blank(&parts)
}

/// The same as Markdown: the headline as `#`, the byline in italics, the body, and the source
/// lines after a rule (a linked site name; two trailing spaces keep each on its own line).
pub fn copy_markdown(article: &Article, wording: &Wording) -> String {
    let site = site_name(article);
    let source = match (&article.url, &site) {
        (Some(url), Some(site)) => Some(format!("[{site}]({url})")),
        _ => site,
    };
    let byline = byline_line(article);
    let parts = [
        article
            .title
            .as_ref()
            .map(|t| format!("# {t}"))
            .unwrap_or_default(),
        if byline.is_empty() {
            byline
        } else {
            format!("*{byline}*")
        },
        // The lead photo, as the view shows it, when the body does not hold it already.
        article
            .lead_image
            .as_deref()
            .filter(|src| !crate::article::shows_image(&article.content, src))
            .map(|src| format!("![]({})", text::escape_url(src)))
            .unwrap_or_default(),
        text::to_markdown(&article.content),
        format!(
            "---\n{}",
            attribution(article, source.as_deref(), wording).join("  \n")
        ),
    ];
    join_non_blank(&parts)
}

/// The label as lines of text, worded as the reader view words it: the summary, its flags, why,
/// and the sources (`masthead label URL`).
pub fn label_text(label: Option<&Affiliation>, wording: &Wording) -> String {
    let Some(label) = label else {
        return wording.message("noLabel", &[]);
    };
    let mut lines = vec![label.summary.clone()];
    if let Some(sanctions) = &label.sanctions {
        lines.push(wording.message("flagSanctions", &[&sanctions.measure, &sanctions.since]));
    }
    if let Some(contested) = &label.contested {
        lines.push(wording.message("flagContested", &[contested]));
    }
    lines.push(format!("{} {}", wording.message("why", &[]), label.why));
    lines.push(wording.message(
        "whyCategory",
        &[&label.category, &label.basis, &label.reviewed],
    ));
    if let Some(unconfirmed) = &label.unconfirmed {
        lines.push(wording.message("whyUnconfirmed", &[unconfirmed]));
    }
    lines.push(format!(
        "{} {}",
        wording.message("whySources", &[]),
        label.sources.join(" ")
    ));
    lines.join("\n")
}

fn join_non_blank(parts: &[String]) -> String {
    parts
        .iter()
        .filter(|part| !part.trim().is_empty())
        .cloned()
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// `byline · date`, with the date as the calendar date the page gives (`2019-02-09`): the
/// same in every language, and never shifted by a time zone.
fn byline_line(article: &Article) -> String {
    let date = article.published_time.as_deref().map(calendar_date);
    [article.byline.as_deref(), date]
        .into_iter()
        .flatten()
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
}

/// `2019-02-09T13:36:00+03:00` → `2019-02-09`; anything not starting with a date is kept whole.
fn calendar_date(value: &str) -> &str {
    crate::text::iso_day(value).unwrap_or(value.trim())
}

fn site_name(article: &Article) -> Option<String> {
    article.site_name.clone().or_else(|| {
        let url = crate::address::parse(article.url.as_deref()?)?;
        url.host_str().map(str::to_string)
    })
}

/// `site — address`.
fn source_line(article: &Article) -> Option<String> {
    let cited = article.source_url.clone().or_else(|| article.url.clone());
    let parts: Vec<String> = [site_name(article), cited].into_iter().flatten().collect();
    (!parts.is_empty()).then(|| parts.join(" — "))
}

/// The closing lines: the source, who stands behind the outlet (or what the page claims), and
/// any state-controlled or government-captured agency whose copy it carries.
fn attribution(article: &Article, source: Option<&str>, wording: &Wording) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(source) = source {
        lines.push(wording.message("sourceLine", &[source]));
    }
    let outlet = article
        .affiliation
        .as_ref()
        .map(|a| a.summary.as_str())
        .or(article.name_claim.as_ref().map(|c| c.summary.as_str()));
    if let Some(summary) = outlet {
        lines.push(wording.message("outletLine", &[summary]));
    }
    for credit in &article.wire_credits {
        if credit.tier != Tier::Independent {
            lines.push(credit.summary.clone());
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{extract, Options};

    const PAGE: &str = "<html><head><title>Harbour</title>\
        <meta property='article:published_time' content='2019-02-09T13:36:00+03:00'>\
        <meta name='author' content='A. Writer'></head><body><article><h1>Harbour</h1>\
        <p>It began, as these things do, with a long paragraph about something that happened in \
        the harbour, and it went on for a while, long enough to be the article.</p></article></body></html>";

    #[test]
    fn text_and_markdown_carry_the_same_lines() {
        let article = extract(PAGE, Some("https://example.com/a"), &Options::default()).unwrap();
        let text = copy_text(&article, &Wording::english());
        assert!(
            text.starts_with("Harbour\n\nA. Writer · 2019-02-09\n\nIt began"),
            "{text}"
        );
        assert!(
            text.ends_with("Source: example.com — https://example.com/a"),
            "{text}"
        );
        let markdown = copy_markdown(&article, &Wording::english());
        assert!(
            markdown.starts_with("# Harbour\n\n*A. Writer · 2019-02-09*\n\nIt began"),
            "{markdown}"
        );
        assert!(
            markdown.ends_with("---\nSource: [example.com](https://example.com/a)"),
            "{markdown}"
        );
    }

    #[test]
    fn dates_are_calendar_dates_or_kept_whole() {
        assert_eq!(calendar_date("2019-02-09T13:36:00+03:00"), "2019-02-09");
        assert_eq!(calendar_date("9 February 2019"), "9 February 2019");
        assert_eq!(calendar_date("2019-2-9"), "2019-2-9");
    }
}
