//! How a change names what it is about: Article citations ("Art. 7.1") and the written text of a
//! field.

use super::*;

/// A field's items as written, separated by commas.
pub fn field_text(file: &SourceFile, f: &Field) -> String {
    items_text(file, &f.items).join(", ")
}

/// A field's items with strings unquoted: `draft: "2"` gives `2`.
pub fn field_plain(file: &SourceFile, f: &Field) -> String {
    f.items
        .iter()
        .map(|i| match i.single().map(|v| &v.kind) {
            Some(ast::ValueKind::Str(s)) => s.clone(),
            _ => normalize(file.slice(i.span)),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

pub(super) fn items_text(file: &SourceFile, items: &[ast::Item]) -> Vec<String> {
    items
        .iter()
        .map(|i| normalize(file.slice(i.span)))
        .collect()
}

/// `Art. 7`, `Art. 7(2)` or `Art. 7.2` for a paragraph labelled `7.2`.
pub fn cite_place(a: &Agreement, place: &Place) -> Option<String> {
    let art = a.article_of(place)?;
    Some(match &place.paragraph {
        Some(p) => cite_label(&art.number, p),
        None => art.cite(),
    })
}

/// A label cited under its article: `Art. 7.1` when the label starts with the article number,
/// else `Art. 7(a)`.
fn cite_label(number: &crate::numbering::ArticleNo, label: &str) -> String {
    let n = number.to_string();
    match label.strip_prefix(&n) {
        Some(rest) if rest.starts_with(['.', '(']) => format!("Art. {label}"),
        _ => format!("Art. {number}({label})"),
    }
}

/// Where a rule stands: `Art. 7.1`, or `Art. 7, rule a` when its label does not follow the
/// article's number.
pub fn cite_rule(a: &Agreement, r: &crate::model::RuleDecl) -> Option<String> {
    let art = a.article_of(&r.place)?;
    let label = &r.rule.label.value;
    let n = art.number.to_string();
    Some(match label.strip_prefix(&n) {
        Some(rest) if rest.is_empty() || rest.starts_with(['.', '(']) => format!("Art. {label}"),
        _ => format!("Art. {}, rule {label}", art.number),
    })
}
