//! The numbers of Parts and paragraphs, read off the tree: a Part number that is not a Roman
//! numeral (`part IM`) or a paragraph number too large to use is a P007; Parts or paragraphs
//! numbered backwards or twice are a P019. Gaps are not judged: a protocol may delete a Part or
//! a paragraph, and the text keeps the numbers it was signed with.

use crate::ast::{Article, ArticleItem, Division, Document, PartItem};
use crate::diag::{Diagnostic, Severity};
use crate::numbering::{roman_value, to_roman};
use crate::span::Span;

/// Every finding about the numbering of Parts and paragraphs of a document.
pub(super) fn check(doc: &Document) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut previous: Option<(u32, Span)> = None;
    for division in &doc.body {
        match division {
            Division::Part(part) => {
                let text = part.number.value.as_str();
                let span = part.number.span;
                let Some(value) = roman_value(text) else {
                    out.push(not_roman(text, span, previous.map(|(v, _)| v)));
                    continue;
                };
                if let Some((before, before_span)) = previous {
                    if value <= before {
                        let what = if value == before {
                            "is numbered like the Part before it"
                        } else {
                            "comes after a higher-numbered Part"
                        };
                        out.push(
                            Diagnostic::new(
                                "P019",
                                Severity::Warning,
                                format!("Part {text} {what} (Part {})", to_roman(before)),
                                span,
                            )
                            .label("out of order")
                            .secondary(before_span, "the Part before it")
                            .help(format!(
                                "number it `{}`, or move it; `pacta renumber` numbers Parts in order",
                                to_roman(before + 1)
                            )),
                        );
                    }
                }
                previous = Some((value, span));
                for item in &part.items {
                    match item {
                        PartItem::Article(a) => paragraphs(a, &mut out),
                        PartItem::Chapter(c) => {
                            c.articles.iter().for_each(|a| paragraphs(a, &mut out));
                        }
                        PartItem::Text(_) | PartItem::Allow(_) => {}
                    }
                }
            }
            Division::Article(a) => paragraphs(a, &mut out),
        }
    }
    out
}

/// `part IM`: the help proposes the number that follows the Part before it.
fn not_roman(text: &str, span: Span, previous: Option<u32>) -> Diagnostic {
    let shown: String = text.chars().take(20).collect();
    let next = to_roman(previous.map_or(1, |p| p.saturating_add(1)).min(3999));
    let place = if previous.is_some() {
        "the Part after"
    } else {
        "the first Part is"
    };
    let before = previous
        .map(to_roman)
        .map_or(String::new(), |r| format!(" Part {r}"));
    Diagnostic::new(
        "P007",
        Severity::Error,
        format!("`{shown}` is not a Roman numeral"),
        span,
    )
    .label("not a Part number")
    .note(format!(
        "Parts are numbered with Roman numerals in their usual spelling (I, II, III, IV, IX, XIV); \
         {place}{before} is Part {next}"
    ))
    .help(format!("did you mean `{next}`?"))
}

/// The number a paragraph label starts with (`2` of `2`, `2a`, `2bis`), if it starts with digits.
fn leading_number(label: &str) -> Option<Result<u64, ()>> {
    let digits: &str = &label[..label
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(label.len())];
    if digits.is_empty() {
        return None;
    }
    Some(digits.parse::<u32>().map(u64::from).map_err(|_| ()))
}

fn paragraphs(article: &Article, out: &mut Vec<Diagnostic>) {
    let mut previous: Option<(u64, &str, Span)> = None;
    for item in &article.items {
        let ArticleItem::Paragraph(p) = item else {
            continue;
        };
        let label = p.label.value.as_str();
        let span = p.label.span;
        match leading_number(label) {
            Some(Err(())) => out.push(
                Diagnostic::new("P007", Severity::Error, "paragraph number too large", span)
                    .label("not a usable paragraph number")
                    .help("number the paragraphs of an article 1, 2, 3 … as the text does"),
            ),
            Some(Ok(n)) => {
                if let Some((before, before_label, before_span)) = previous {
                    if n < before {
                        out.push(
                            Diagnostic::new(
                                "P019",
                                Severity::Warning,
                                format!(
                                    "paragraph {label} of article {} comes after paragraph {before_label}",
                                    article.number.value
                                ),
                                span,
                            )
                            .label("out of order")
                            .secondary(before_span, "the paragraph before it")
                            .help(format!(
                                "number it `{}`, or move it; `pacta renumber` numbers paragraphs in order",
                                before + 1
                            )),
                        );
                    }
                }
                previous = Some((n, label, span));
            }
            None => {}
        }
    }
}
