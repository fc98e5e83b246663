//! P008: the order of Article numbers, judged only in drafts that declare `numbering: sequential`.

use super::*;

impl Resolver {
    /// P008: only a draft that declares `numbering: sequential` is held to articles 1, 2, 3 … in
    /// order, in one style, without suffixes or gaps. A treaty keeps the numbers it was signed
    /// with (`5bis`, `IV`, a gap where a protocol deleted an article), so without the declaration
    /// nothing is judged here; a number used twice is still P002.
    pub(super) fn article_order(&mut self) {
        let sequential = self
            .agreement
            .header_fields
            .iter()
            .filter(|f| f.name.value == "numbering")
            .flat_map(|f| &f.items)
            .flat_map(|i| &i.values)
            .any(|v| matches!(&v.kind, ValueKind::Word(w) if w == "sequential"));
        if !sequential {
            return;
        }
        let mut previous: Option<&ArticleInfo> = None;
        let mut found = Vec::new();
        let warn = |message: String, a: &ArticleInfo| {
            Diagnostic::new("P008", Severity::Warning, message, a.head_span)
        };
        let style = self.agreement.articles.first().map(|a| a.number.style);
        // An article whose number does not parse is a P007 already; neither it nor the article
        // after it (whose predecessor is unknown) is judged, so one bad number is one finding.
        let mut after_unreadable = false;
        for a in &self.agreement.articles {
            if crate::numbering::ArticleNo::parse(&a.number.text).is_err() {
                after_unreadable = true;
                continue;
            }
            if std::mem::take(&mut after_unreadable) {
                previous = Some(a);
                continue;
            }
            let next = previous.map_or(1, |p| p.number.value + 1);
            let written = |n: u32| match a.number.style {
                Style::Roman => crate::numbering::to_roman(n),
                Style::Arabic => n.to_string(),
            };
            if !a.number.is_plain() {
                found.push(
                    warn(
                        format!(
                            "article {} is an inserted article in a draft numbered sequentially",
                            a.number
                        ),
                        a,
                    )
                    .label("suffixed number")
                    .help(format!(
                        "number it {} and renumber the articles after it",
                        written(next)
                    ))
                    .note(
                        "the header declares `numbering: sequential`; a signed treaty that keeps \
                           inserted articles should leave the field out",
                    ),
                );
            } else if Some(a.number.style) != style {
                found.push(
                    warn(
                        format!(
                            "article {} is numbered in another style than article 1",
                            a.number
                        ),
                        a,
                    )
                    .label("mixed Roman and Arabic numbers")
                    .help(format!("number it {}", written(next))),
                );
            } else if let Some(p) = previous {
                if a.number.value <= p.number.value {
                    found.push(
                        warn(
                            format!("article {} comes after article {}", a.number, p.number),
                            a,
                        )
                        .label("out of order")
                        .secondary(p.head_span, "previous article")
                        .help(format!("number it {}", written(next))),
                    );
                } else if a.number.value > next {
                    found.push(
                        warn(
                            if a.number.value == next + 1 {
                                format!("article {} is missing", written(next))
                            } else {
                                format!(
                                    "articles {} to {} are missing",
                                    written(next),
                                    written(a.number.value - 1)
                                )
                            },
                            a,
                        )
                        .label("numbering skips here")
                        .secondary(p.head_span, "previous article")
                        .help(format!("number it {}", written(next))),
                    );
                }
            } else if a.number.value != 1 {
                found.push(
                    warn(format!("the first article is numbered {}", a.number), a)
                        .label("numbering starts here")
                        .help(format!("number the first article {}", written(1))),
                );
            }
            previous = Some(a);
        }
        self.diags.extend(found);
    }
}
