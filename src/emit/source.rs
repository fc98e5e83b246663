//! Traceability: turning spans and places into [`Source`]s with Akoma Ntoso-style identifiers.
//!
//! An article is `art_7`; a provision in it is `art_7__para_N`, where N is the paragraph label when
//! the provision stands in a `paragraph`, else the last component of a rule's label (`7.1` and
//! `7(1)` give `1`), else the provision's ordinal in its article. Parties are `party_XA`, their
//! institutions `party_XA__institution_N`, and the header `preface`.

use super::types::Source;
use crate::model::{Agreement, Place};
use crate::span::{SourceFile, Span};

/// Builds sources for one checked file.
pub(crate) struct Tracer<'a> {
    file: &'a SourceFile,
    agreement: &'a Agreement,
    /// Every traceable region with its article and eid, for locating findings.
    anchors: Vec<(Span, Option<usize>, String)>,
}

impl<'a> Tracer<'a> {
    pub(crate) fn new(file: &'a SourceFile, agreement: &'a Agreement) -> Self {
        let mut t = Tracer {
            file,
            agreement,
            anchors: Vec::new(),
        };
        let mut anchors = Vec::new();
        if let Some(h) = agreement.header_span {
            anchors.push((h, None, "preface".to_string()));
        }
        for p in &agreement.parties {
            anchors.push((p.span, None, party_eid(&p.code.value)));
            for (i, inst) in p.institutions.iter().enumerate() {
                anchors.push((inst.span, None, institution_eid(&p.code.value, i)));
            }
        }
        for (i, a) in agreement.articles.iter().enumerate() {
            anchors.push((a.span, Some(i), a.eid()));
        }
        for s in &agreement.scopes {
            anchors.push((s.span, s.place.article, t.eid(&s.place, None)));
        }
        for p in &agreement.provisions {
            anchors.push((p.span, p.place.article, t.eid(&p.place, None)));
        }
        for r in &agreement.rules {
            let eid = t.eid(&r.place, Some(&r.rule.label.value));
            anchors.push((r.rule.span, r.place.article, eid));
        }
        for d in &agreement.definitions {
            anchors.push((d.span, d.place.article, t.eid(&d.place, None)));
        }
        t.anchors = anchors;
        t
    }

    /// The eid of a provision at a place; `rule` is the label of a rule.
    pub(crate) fn eid(&self, place: &Place, rule: Option<&str>) -> String {
        let Some(article) = self.agreement.article_of(place) else {
            return "preface".to_string();
        };
        let n = match (&place.paragraph, rule.and_then(last_component)) {
            (Some(label), _) => sanitize(label),
            (None, Some(last)) => last,
            (None, None) => place.ordinal.to_string(),
        };
        format!("{}__para_{n}", article.eid())
    }

    /// The source of a provision at a place.
    pub(crate) fn at(&self, place: &Place, span: Span) -> Source {
        self.with(place.article, self.eid(place, None), span)
    }

    /// The source of a rule.
    pub(crate) fn rule(&self, place: &Place, label: &str, span: Span) -> Source {
        self.with(place.article, self.eid(place, Some(label)), span)
    }

    /// The source of an article, spanning its heading.
    pub(crate) fn article(&self, index: usize) -> Option<Source> {
        let a = self.agreement.articles.get(index)?;
        Some(self.with(Some(index), a.eid(), a.head_span))
    }

    /// A source with an explicit eid, outside any article.
    pub(crate) fn outside(&self, eid: String, span: Span) -> Source {
        self.with(None, eid, span)
    }

    /// The source of any span: the innermost traceable item that contains it.
    pub(crate) fn locate(&self, span: Span) -> Source {
        let best = self
            .anchors
            .iter()
            .filter(|(s, _, _)| s.contains(span))
            .min_by_key(|(s, _, _)| s.end - s.start);
        match best {
            Some((_, article, eid)) => self.with(*article, eid.clone(), span),
            None => self.with(None, "agreement".to_string(), span),
        }
    }

    fn with(&self, article: Option<usize>, eid: String, span: Span) -> Source {
        let info = article.and_then(|i| self.agreement.articles.get(i));
        let span = trim_end(&self.file.text, span);
        let a = self.file.line_col(span.start);
        let b = self.file.line_col(span.end);
        Source {
            article: info.map(|i| i.number.value),
            tag: info.and_then(|i| i.tag.clone()),
            eid,
            line: a.line,
            column: a.column,
            end_line: b.line,
            end_column: b.column,
        }
    }
}

/// A span without the white space the parser keeps after a construct.
fn trim_end(text: &str, span: Span) -> Span {
    let bytes = text.as_bytes();
    let mut end = span.end.min(bytes.len());
    while end > span.start && bytes.get(end - 1).is_some_and(u8::is_ascii_whitespace) {
        end -= 1;
    }
    Span::new(span.start, end)
}

pub(crate) fn party_eid(code: &str) -> String {
    format!("party_{}", sanitize(code))
}

pub(crate) fn institution_eid(code: &str, index: usize) -> String {
    format!("{}__institution_{}", party_eid(code), index + 1)
}

/// The last component of a rule label: `7.1` → `1`, `7(2)` → `2`, `12` → `12`.
pub(crate) fn last_component(label: &str) -> Option<String> {
    label
        .split(['.', '(', ')'])
        .rfind(|s| !s.is_empty())
        .map(sanitize)
}

/// Keep an identifier to letters, digits, `-` and `_`.
fn sanitize(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_labels_give_their_last_component() {
        assert_eq!(last_component("7.1").as_deref(), Some("1"));
        assert_eq!(last_component("7(2)").as_deref(), Some("2"));
        assert_eq!(last_component("12").as_deref(), Some("12"));
        assert_eq!(last_component("8.2.a").as_deref(), Some("a"));
        assert_eq!(last_component("").as_deref(), None);
    }

    #[test]
    fn provisions_take_paragraph_then_rule_then_ordinal() {
        let text = "agreement \"t\" {}\narticle 7 \"Posting\" { rule 7.1: employed in X -> X }\n";
        let checked = crate::check_source("t.pacta", text, &crate::config::Config::default());
        let a = checked.agreement.expect("parses");
        let t = Tracer::new(&checked.file, &a);
        let in_para = Place {
            article: Some(0),
            paragraph: Some("2".into()),
            ordinal: 5,
        };
        let bare = Place {
            article: Some(0),
            paragraph: None,
            ordinal: 3,
        };
        assert_eq!(t.eid(&in_para, Some("7.1")), "art_7__para_2");
        assert_eq!(t.eid(&bare, Some("7(4)")), "art_7__para_4");
        assert_eq!(t.eid(&bare, None), "art_7__para_3");
        assert_eq!(t.eid(&Place::default(), None), "preface");
        let rule = &a.rules[0];
        let s = t.rule(&rule.place, &rule.rule.label.value, rule.rule.span);
        assert_eq!(
            (s.article, s.eid.as_str(), s.line),
            (Some(7), "art_7__para_1", 2)
        );
        assert_eq!(t.locate(rule.rule.conditions[0].span).eid, "art_7__para_1");
    }
}
