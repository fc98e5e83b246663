//! AST → resolved [`Agreement`], with name resolution and the structure checks P002–P009.
//!
//! This file holds the resolver, the header and the Parties; the submodules resolve the rest, one
//! job each: `fields` (values against the schema), `body` (Articles and provisions), `rules`,
//! `scenarios`, `references`, `numbering` (P008) and `definitions` (P009).

use super::schema::{self, FieldSpec, Values};
use super::*;
use crate::ast::{
    ArticleItem, ClauseKind, ConditionKind, Division, Document, ExpectKind, PartItem, PartyRef,
};
use crate::check::registry;
use crate::diag::{Diagnostic, Severity};
use crate::numbering::{ArticleNo, Style};
use crate::suggest::did_you_mean;
use basis::{Basis, BASES};
use std::collections::{BTreeMap, HashMap};

mod body;
mod definitions;
mod fields;
mod numbering;
mod parties;
mod references;
mod rules;
mod scenarios;
mod scope;

struct Resolver {
    agreement: Agreement,
    diags: Vec<Diagnostic>,
    /// Required fields found missing by the last [`Resolver::fields`] call.
    missing: Vec<(&'static str, String)>,
}

/// Resolve a parsed document. Findings are returned with their default severities.
pub fn resolve(doc: &Document) -> (Agreement, Vec<Diagnostic>) {
    let mut r = Resolver {
        agreement: Agreement {
            span: doc.span,
            ..Agreement::default()
        },
        diags: Vec::new(),
        missing: Vec::new(),
    };
    r.header(doc);
    r.parties(doc);
    r.body(doc);
    r.institutions(doc);
    r.scenarios(doc);
    r.references();
    r.article_order();
    r.unused_definitions(doc);
    (r.agreement, r.diags)
}

fn error(code: &'static str, message: impl Into<String>, span: Span) -> Diagnostic {
    Diagnostic::new(code, Severity::Error, message, span)
}

/// A name or number used twice: the primary label on the second use, a secondary on the first.
fn duplicate(
    code: &'static str,
    message: impl Into<String>,
    span: Span,
    first: Span,
    (again, before): (&str, &str),
    help: impl Into<String>,
) -> Diagnostic {
    error(code, message, span)
        .label(again)
        .secondary(first, before)
        .help(help)
}

impl Resolver {
    fn push(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    // ───────────────────────────── header ─────────────────────────────

    fn header(&mut self, doc: &Document) {
        let Some(h) = &doc.header else {
            self.push(
                error(
                    "P001",
                    "the file has no agreement header",
                    Span::new(doc.span.start, doc.span.start),
                )
                .label("header expected")
                .help("start the file with `agreement \"title\" { conforms-to: … }`"),
            );
            return;
        };
        self.agreement.title = Some(h.title.clone());
        self.agreement.header_span = Some(h.span);
        self.fields(&h.fields, schema::HEADER, "the agreement header");
        self.flush_missing(h.title.span);
        self.agreement.header_fields = h.fields.clone();
        self.agreement.preamble = h
            .texts
            .iter()
            .map(|t| Prose {
                lang: t.lang.as_ref().map(|l| l.value.to_lowercase()),
                text: t.text.clone(),
                span: t.span,
                paragraph: None,
            })
            .collect();
        for f in h.fields.iter().filter(|f| f.name.value == "conforms-to") {
            for v in f.items.iter().flat_map(|i| &i.values) {
                if let ValueKind::Code(code) | ValueKind::Word(code) = &v.kind {
                    if let Some(instrument) = instrument::find(code) {
                        self.agreement.claims.push(Claim {
                            instrument,
                            span: v.span,
                        });
                    }
                }
            }
        }
        for f in h.fields.iter().filter(|f| f.name.value == "kind") {
            if let Some(v) = f.items.first().and_then(|i| i.values.first()) {
                if let ValueKind::Word(w) = &v.kind {
                    if let Some(kind) = Kind::from_key(w) {
                        self.agreement.kind = Some(Spanned::new(kind, v.span));
                    }
                }
            }
        }
        for a in &h.allows {
            self.suppression(a, self.agreement.span);
        }
    }

    // ───────────────────────────── Parties ─────────────────────────────

    /// Where each branch of a Party's `schemes:` is written (`all` stands for every branch).
    fn scheme_spans(&mut self, party: &str, items: &[Item]) {
        for v in items.iter().flat_map(|i| &i.values) {
            if let ValueKind::Word(w) = &v.kind {
                let branches: Vec<Branch> = match Branch::from_key(w) {
                    Some(b) => vec![b],
                    None if w == "all" => Branch::C102.to_vec(),
                    None => Vec::new(),
                };
                for b in branches {
                    self.agreement
                        .scheme_spans
                        .entry((party.to_string(), b))
                        .or_insert(v.span);
                }
            }
        }
    }

    /// Branch keys in a list. `all` means the Party's schemes (or, with no Party, every C102 branch).
    fn branch_list(&mut self, items: &[Item], party: Option<&str>) -> BTreeSet<Branch> {
        let mut out = BTreeSet::new();
        for item in items {
            // `old age`: one branch written with a space for its hyphen is one finding, not two.
            let mut values: &[crate::ast::Value] = &item.values;
            if let Some((b, n)) = spaced_branch(values) {
                let span = Span::new(values[0].span.start, values[n - 1].span.end);
                let key = b.key();
                self.push(
                    error(
                        "P005",
                        format!("the branch `{key}` is written with hyphens"),
                        span,
                    )
                    .label("a space for a hyphen")
                    .help(format!("did you mean `{key}`?")),
                );
                out.insert(b);
                values = &values[n..];
            }
            for v in values {
                match &v.kind {
                    ValueKind::Word(w) if w == "all" => {
                        let schemes = party
                            .and_then(|p| self.agreement.party(p))
                            .map(|p| p.schemes.clone());
                        match schemes {
                            Some(s) if !s.is_empty() => out.extend(s),
                            _ => out.extend(Branch::C102),
                        }
                    }
                    ValueKind::Word(w) => match Branch::from_key(w) {
                        Some(b) => {
                            out.insert(b);
                        }
                        None => self.unknown_branch(w, v.span),
                    },
                    other => self.push(
                        error(
                            "P005",
                            format!("{} is not a branch", other.describe()),
                            v.span,
                        )
                        .label("a branch key is expected")
                        .help("write a branch such as `old-age`, or `all`"),
                    ),
                }
            }
        }
        out
    }

    fn unknown_branch(&mut self, word: &str, span: Span) {
        let mut d = error("P005", format!("unknown branch `{word}`"), span).label("not a branch");
        d = match did_you_mean(word, Branch::keys()) {
            Some(s) => d.help(format!("did you mean `{s}`?")),
            None => d.help(format!(
                "the branches are {}",
                Branch::keys().collect::<Vec<_>>().join(", ")
            )),
        };
        self.push(d);
    }

    fn unknown_party(&mut self, code: &str, span: Span) {
        let codes: Vec<String> = self
            .agreement
            .parties
            .iter()
            .map(|p| p.code.value.clone())
            .collect();
        let mut d =
            error("P004", format!("unknown Party `{code}`"), span).label("not a declared Party");
        d = match did_you_mean(code, codes.iter().map(String::as_str)) {
            Some(s) => d.help(format!("did you mean `{s}`?")),
            None if codes.is_empty() => {
                d.help("declare the Party with `party CODE \"name\" { … }`")
            }
            None => d.help(format!("the declared Parties are {}", codes.join(", "))),
        };
        self.push(d);
    }

    fn check_party_code(&mut self, code: &str, span: Span) {
        if self.agreement.party(code).is_none() {
            self.unknown_party(code, span);
        }
    }

    fn check_party_ref(&mut self, r: &PartyRef) {
        if !r.is_variable() {
            self.check_party_code(&r.name, r.span);
        }
    }
}

/// A branch key written as words (`old age`, `long term care`): the branch and how many words
/// it takes.
pub(crate) fn spaced_branch(values: &[crate::ast::Value]) -> Option<(Branch, usize)> {
    let words: Vec<&str> = values
        .iter()
        .take(3)
        .map_while(|v| match &v.kind {
            ValueKind::Word(w) => Some(w.as_str()),
            _ => None,
        })
        .collect();
    (2..=words.len())
        .rev()
        .find_map(|n| Branch::from_key(&words[..n].join("-")).map(|b| (b, n)))
}
