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
mod references;
mod rules;
mod scenarios;

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

    fn parties(&mut self, doc: &Document) {
        let mut seen: HashMap<&str, Span> = HashMap::new();
        for p in &doc.parties {
            if p.code.value.len() < 2 {
                self.push(
                    error(
                        "P007",
                        format!("`{}` cannot name a Party", p.code.value),
                        p.code.span,
                    )
                    .label("single letters are party variables")
                    .help("use a code of two or more letters, such as an ISO 3166 code"),
                );
            }
            if let Some(first) = seen.get(p.code.value.as_str()) {
                self.push(duplicate(
                    "P006",
                    format!("Party `{}` is declared twice", p.code.value),
                    p.code.span,
                    *first,
                    ("declared again here", "first declared here"),
                    "remove one declaration or give the Party another code",
                ));
                continue;
            }
            seen.insert(&p.code.value, p.code.span);
            self.fields(&p.fields, schema::PARTY, &format!("Party {}", p.code.value));
            self.flush_missing(p.code.span);
            let mut decl = PartyDecl {
                code: p.code.clone(),
                name: p.name.clone(),
                competent_authority: None,
                schemes: BTreeSet::new(),
                schemes_span: None,
                institutions: Vec::new(),
                liaison_bodies: Vec::new(),
                sub_national_units: Vec::new(),
                sub_national_branches: BTreeSet::new(),
                period_unit: None,
                official_languages: Vec::new(),
                ratified: Vec::new(),
                ratified_span: None,
                span: p.span,
            };
            for f in &p.fields {
                let strings = || -> Vec<Spanned<String>> {
                    f.items
                        .iter()
                        .flat_map(|i| &i.values)
                        .filter_map(|v| match &v.kind {
                            ValueKind::Str(s) => Some(Spanned::new(s.clone(), v.span)),
                            _ => None,
                        })
                        .collect()
                };
                match f.name.value.as_str() {
                    "competent-authority" => {
                        decl.competent_authority = strings().into_iter().next()
                    }
                    "schemes" => {
                        decl.schemes = self.branch_list(&f.items, None);
                        decl.schemes_span = Some(f.span);
                        self.scheme_spans(&p.code.value, &f.items);
                    }
                    "liaison-body" => decl.liaison_bodies.extend(strings()),
                    "official-languages" => decl.official_languages.extend(f.lowercase_words()),
                    "period-unit" => {
                        decl.period_unit =
                            f.items
                                .iter()
                                .flat_map(|i| &i.values)
                                .find_map(|v| match &v.kind {
                                    ValueKind::Word(w) => Some(Spanned::new(w.clone(), v.span)),
                                    _ => None,
                                });
                    }
                    "sub-national-units" => {
                        decl.sub_national_units.extend(strings());
                        decl.sub_national_branches.extend(
                            f.items
                                .iter()
                                .flat_map(|i| i.values.iter().skip(1))
                                .filter_map(|v| match &v.kind {
                                    ValueKind::Word(w) => Branch::from_key(w),
                                    _ => None,
                                }),
                        );
                    }
                    "ratified" => {
                        decl.ratified_span = Some(f.span);
                        for item in &f.items {
                            let Some(instrument) =
                                item.values.first().and_then(|v| match &v.kind {
                                    ValueKind::Code(c) | ValueKind::Word(c) => instrument::find(c),
                                    _ => None,
                                })
                            else {
                                continue;
                            };
                            if instrument.ratifications.is_none() {
                                continue;
                            }
                            let branches = item.values[1..]
                                .iter()
                                .filter_map(|v| match &v.kind {
                                    ValueKind::Word(w) => Branch::from_key(w),
                                    _ => None,
                                })
                                .collect();
                            decl.ratified.push(Ratification {
                                instrument,
                                branches,
                                span: item_span(item),
                            });
                        }
                    }
                    _ => {}
                }
            }
            for a in &p.allows {
                self.suppression(a, p.span);
            }
            self.agreement.parties.push(decl);
        }
    }

    /// Institutions, once the material scope is known: `all` in `institution "…": all` means
    /// every branch in the Party's material scope (its schemes when it has no scope line).
    fn institutions(&mut self, doc: &Document) {
        for p in &doc.parties {
            let code = &p.code.value;
            let scope = self.agreement.scope_of(code);
            for i in &p.institutions {
                let (all, named): (Vec<&Item>, Vec<&Item>) = i
                    .branches
                    .iter()
                    .partition(|item| item.as_word() == Some("all"));
                let named: Vec<Item> = named.into_iter().cloned().collect();
                let mut branches = self.branch_list(&named, Some(code));
                if !all.is_empty() {
                    if scope.is_empty() {
                        let all: Vec<Item> = all.into_iter().cloned().collect();
                        branches.extend(self.branch_list(&all, Some(code)));
                    } else {
                        branches.extend(scope.iter().copied());
                    }
                }
                let decl = self
                    .agreement
                    .parties
                    .iter_mut()
                    .find(|d| d.code.value == *code);
                if let Some(decl) = decl.filter(|d| d.span == p.span) {
                    decl.institutions.push(InstitutionDecl {
                        name: i.name.clone(),
                        branches,
                        span: i.span,
                    });
                }
            }
        }
    }

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
