//! How a change names what it is about: Article citations ("Art. 7.1") and the written text of a
//! field.

use super::*;

/// A field's items as written, separated by commas.
pub(crate) fn field_text(file: &SourceFile, f: &Field) -> String {
    items_text(file, &f.items).join(", ")
}

/// A field's items with strings unquoted: `draft: "2"` gives `2`.
pub(crate) fn field_plain(file: &SourceFile, f: &Field) -> String {
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

/// `Art. 7` or `Art. 7(2)`: an article, or a paragraph of it, cited as treaties cite them.
pub(crate) fn cite_place(a: &Agreement, place: &Place) -> Option<String> {
    let art = a.article_of(place)?;
    Some(match &place.paragraph {
        Some(p) => cite_label(&art.number, p),
        None => art.cite(),
    })
}

/// A label cited under its article as a treaty cites a paragraph: `7.1` and `1` in Article 7
/// are both `Art. 7(1)`, `7.1.a` is `Art. 7(1)(a)`; `7(2)` stays as written.
fn cite_label(number: &crate::numbering::ArticleNo, label: &str) -> String {
    let n = number.to_string();
    let rest = match label.strip_prefix(&n) {
        Some(rest) if rest.starts_with('(') => return format!("Art. {label}"),
        Some("") => return format!("Art. {n}"),
        Some(rest) if rest.starts_with('.') => rest.trim_start_matches('.'),
        _ => label,
    };
    let parts: String = rest
        .split('.')
        .filter(|p| !p.is_empty())
        .map(|p| format!("({p})"))
        .collect();
    format!("Art. {n}{parts}")
}

/// Where a rule stands, cited as the treaty cites the provision: the paragraph it is in
/// (`Art. 8(2)`), else its label read as a paragraph of its article (`rule 8.5` in Article 8 is
/// `Art. 8(5)`), else `Art. 8, rule a` when its label does not follow the article's number.
/// A rule label is never cited as if it were an Article number.
pub(crate) fn cite_rule(a: &Agreement, r: &crate::model::RuleDecl) -> Option<String> {
    let art = a.article_of(&r.place)?;
    if let Some(p) = &r.place.paragraph {
        return Some(cite_label(&art.number, p));
    }
    let label = &r.rule.label.value;
    let n = art.number.to_string();
    Some(match label.strip_prefix(&n) {
        Some(rest) if rest.is_empty() || rest.starts_with(['.', '(']) => {
            cite_label(&art.number, label)
        }
        _ => format!("Art. {}, rule {label}", art.number),
    })
}
