//! AST → resolved [`Agreement`], with name resolution and the structure checks P002–P009.

use super::schema::{self, FieldSpec, Values};
use super::*;
use crate::ast::{
    ArticleItem, ClauseKind, ConditionKind, Division, Document, ExpectKind, PartItem, PartyRef,
    Place as AstPlace, Places,
};
use crate::check::registry;
use crate::diag::{Diagnostic, Severity};
use crate::numbering::{ArticleNo, Style};
use crate::suggest::did_you_mean;
use basis::{Basis, BASES};
use std::collections::{BTreeMap, HashMap};

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
                    "official-languages" => decl.official_languages.extend(
                        f.items
                            .iter()
                            .flat_map(|i| &i.values)
                            .filter_map(|v| match &v.kind {
                                ValueKind::Word(w) | ValueKind::Code(w) | ValueKind::Str(w) => {
                                    Some(w.to_lowercase())
                                }
                                _ => None,
                            }),
                    ),
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
            for v in &item.values {
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

    // ───────────────────────────── fields ─────────────────────────────

    /// Validate fields against a schema: unknown fields (P001), repeated fields (P002), values (P007),
    /// branches (P005), Parties (P004), required fields (P007).
    fn fields(&mut self, fields: &[Field], specs: &'static [FieldSpec], owner: &str) {
        let mut seen: HashMap<&str, Span> = HashMap::new();
        for f in fields {
            let name = f.name.value.as_str();
            let Some(spec) = schema::find(specs, name) else {
                let mut d = error(
                    "P001",
                    format!("unknown field `{name}` in {owner}"),
                    f.name.span,
                )
                .label("unknown field");
                d = match did_you_mean(name, specs.iter().map(|s| s.name)) {
                    Some(s) => d.help(format!("did you mean `{s}`?")),
                    None => d.help(format!(
                        "the fields of {owner} are {}",
                        specs
                            .iter()
                            .map(|s| format!("`{}`", s.name))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )),
                };
                self.push(d);
                continue;
            };
            if let Some(first) = seen.get(name) {
                self.push(duplicate(
                    "P002",
                    format!("field `{name}` is given twice in {owner}"),
                    f.name.span,
                    *first,
                    ("given again here", "first given here"),
                    "merge the two lists into one field",
                ));
            }
            seen.insert(name, f.name.span);
            self.values(&f.items, spec.values, name);
        }
        for spec in specs.iter().filter(|s| s.required) {
            if !fields.iter().any(|f| f.name.value == spec.name) {
                self.missing.push((spec.name, owner.to_string()));
            }
        }
    }

    fn values(&mut self, items: &[Item], values: Values, field: &str) {
        for item in items {
            let Some(first) = item.values.first() else {
                continue;
            };
            match values {
                Values::Free => {}
                Values::Strings => {
                    for v in &item.values {
                        if !matches!(v.kind, ValueKind::Str(_)) {
                            self.invalid(v.span, field, "a string in double quotes", None);
                        }
                    }
                }
                Values::Date => match &first.kind {
                    ValueKind::Date(d) if valid_date(d) => {}
                    ValueKind::Date(d) => self.push(
                        error("P007", format!("`{d}` is not a calendar date"), first.span)
                            .label("no such date")
                            .help("write the date as YYYY-MM-DD with a real month and day"),
                    ),
                    _ => self.invalid(first.span, field, "a date such as `2026-05-01`", None),
                },
                Values::Branches => {
                    self.branch_list(std::slice::from_ref(item), None);
                }
                Values::Instruments => {
                    for v in &item.values {
                        match &v.kind {
                            ValueKind::Code(c) | ValueKind::Word(c)
                                if instrument::find(c).is_some() => {}
                            other => {
                                let text = match other {
                                    ValueKind::Code(c) | ValueKind::Word(c) => c.clone(),
                                    o => o.describe(),
                                };
                                let mut d =
                                    error("P007", format!("unknown instrument `{text}`"), v.span)
                                        .label("not an ILO instrument Pacta knows");
                                d = match did_you_mean(&text, instrument::codes()) {
                                    Some(s) => d.help(format!("did you mean `{s}`?")),
                                    None => d.help(format!(
                                        "the instruments are {}",
                                        instrument::codes().collect::<Vec<_>>().join(", ")
                                    )),
                                };
                                self.push(d);
                            }
                        }
                    }
                }
                Values::Ratifications => {
                    let instrument = match &first.kind {
                        ValueKind::Code(c) | ValueKind::Word(c) => instrument::find(c),
                        _ => None,
                    };
                    match instrument {
                        Some(i) if i.ratifications.is_none() => self.push(
                            error(
                                "P007",
                                format!("{} is a Recommendation: it cannot be ratified", i.code),
                                first.span,
                            )
                            .label("not a Convention")
                            .help("name the Conventions the Party has ratified; write the Recommendations the agreement follows in `conforms-to:`"),
                        ),
                        Some(i) => {
                            let per_branch = matches!(i.code, "C118" | "C102");
                            for v in &item.values[1..] {
                                match &v.kind {
                                    ValueKind::Word(w) if per_branch => {
                                        if Branch::from_key(w).is_none() {
                                            let w = w.clone();
                                            self.unknown_branch(&w, v.span);
                                        }
                                    }
                                    _ => self.invalid(
                                        v.span,
                                        field,
                                        "branches, after C118 or C102 only (`C118 old-age survivors`)",
                                        None,
                                    ),
                                }
                            }
                        }
                        None => {
                            let text = match &first.kind {
                                ValueKind::Code(c) | ValueKind::Word(c) => c.clone(),
                                o => o.describe(),
                            };
                            let mut d = error("P007", format!("unknown instrument `{text}`"), first.span)
                                .label("not an ILO Convention Pacta knows");
                            if let Some(s) = did_you_mean(&text, instrument::codes()) {
                                d = d.help(format!("did you mean `{s}`?"));
                            }
                            self.push(d);
                        }
                    }
                }
                Values::Duration => match first.kind {
                    ValueKind::Duration(d) if d.amount > 0 => {}
                    ValueKind::Duration(_) => self.push(
                        error(
                            "P007",
                            format!("`{field}` must be longer than zero"),
                            first.span,
                        )
                        .label("zero duration")
                        .help("write a positive duration such as `12 months`"),
                    ),
                    ValueKind::Integer(n) => self.push(unitless(n, first.span)),
                    _ => self.invalid(first.span, field, "a duration such as `12 months`", None),
                },
                Values::YesNo => self.words_in(item, &["yes", "no"], field),
                Values::Words(allowed) => self.words_in(item, allowed, field),
                Values::WordsOrDuration(allowed) => match first.kind {
                    ValueKind::Duration(_) => {}
                    ValueKind::Integer(n) => self.push(unitless(n, first.span)),
                    _ => self.words_in(item, allowed, field),
                },
                Values::PartiesOr(allowed) => match &first.kind {
                    ValueKind::Code(c) => {
                        let c = c.clone();
                        self.check_party_code(&c, first.span);
                    }
                    _ => self.words_in(item, allowed, field),
                },
                Values::BranchPhrases => match &first.kind {
                    ValueKind::Word(w) if w == "all" || Branch::from_key(w).is_some() => {}
                    ValueKind::Word(w) => {
                        let w = w.clone();
                        self.unknown_branch(&w, first.span);
                    }
                    _ => self.invalid(
                        first.span,
                        field,
                        "a branch followed by a value, such as `old-age 10 years`",
                        None,
                    ),
                },
                Values::PartyPhrases => match &first.kind {
                    ValueKind::Code(c) => {
                        let c = c.clone();
                        self.check_party_code(&c, first.span);
                    }
                    _ => self.invalid(
                        first.span,
                        field,
                        "a Party code followed by a value, such as `US 6 quarters`",
                        None,
                    ),
                },
                Values::References => {}
            }
        }
    }

    fn words_in(&mut self, item: &Item, allowed: &[&str], field: &str) {
        let Some(first) = item.values.first() else {
            return;
        };
        let word = match &first.kind {
            ValueKind::Word(w) => w.as_str(),
            _ => {
                let list = allowed
                    .iter()
                    .map(|w| format!("`{w}`"))
                    .collect::<Vec<_>>()
                    .join(", ");
                self.invalid(first.span, field, &format!("one of {list}"), None);
                return;
            }
        };
        if !allowed.contains(&word) {
            let suggestion = did_you_mean(word, allowed.iter().copied());
            let list = allowed
                .iter()
                .map(|w| format!("`{w}`"))
                .collect::<Vec<_>>()
                .join(", ");
            self.invalid(first.span, field, &format!("one of {list}"), suggestion);
        } else if item.values.len() > 1 {
            let extra = &item.values[1];
            self.push(
                error(
                    "P007",
                    format!("unexpected {} after `{word}`", extra.kind.describe()),
                    extra.span,
                )
                .label("extra value")
                .help("separate values with commas"),
            );
        }
    }

    fn invalid(&mut self, span: Span, field: &str, expected: &str, suggestion: Option<&str>) {
        let mut d =
            error("P007", format!("invalid value for `{field}`"), span).label("not accepted here");
        d = match suggestion {
            Some(s) => d.help(format!("did you mean `{s}`?")),
            None => d.help(format!("write {expected}")),
        };
        self.push(d);
    }

    // ───────────────────────────── body ─────────────────────────────

    fn body(&mut self, doc: &Document) {
        for division in &doc.body {
            match division {
                Division::Part(part) => {
                    for item in &part.items {
                        match item {
                            PartItem::Chapter(c) => {
                                for a in &c.allows {
                                    self.suppression(a, c.span);
                                }
                                for a in &c.articles {
                                    self.article(a, Some(part), Some(c.number.value));
                                }
                            }
                            PartItem::Article(a) => self.article(a, Some(part), None),
                            PartItem::Allow(a) => self.suppression(a, part.span),
                            PartItem::Text(_) => {}
                        }
                    }
                }
                Division::Article(a) => self.article(a, None, None),
            }
        }
    }

    fn article(&mut self, a: &ast::Article, part: Option<&ast::Part>, chapter: Option<u32>) {
        let index = self.agreement.articles.len();
        let head_end = a
            .tag
            .as_ref()
            .map(|t| t.span.end)
            .or(a.title.as_ref().map(|t| t.span.end))
            .unwrap_or(a.number.span.end);
        let mut info = ArticleInfo {
            number: a.number.value.clone(),
            title: a.title.as_ref().map(|t| t.value.clone()),
            tag: a.tag.as_ref().map(|t| t.value.clone()),
            part: part.map(|p| p.number.value.clone()),
            part_title: part.and_then(|p| p.title.as_ref().map(|t| t.value.clone())),
            chapter,
            span: a.span,
            head_span: Span::new(a.span.start, head_end),
            texts: Vec::new(),
            prose: Vec::new(),
        };
        let mut ordinal = 0;
        let mut paragraphs: HashMap<String, Span> = HashMap::new();
        for item in &a.items {
            match item {
                ArticleItem::Provision(p) => {
                    ordinal += 1;
                    let place = Place {
                        article: Some(index),
                        paragraph: None,
                        ordinal,
                    };
                    self.provision(p, place, &mut info, a.span);
                }
                ArticleItem::Paragraph(para) => {
                    if let Some(first) = paragraphs.get(&para.label.value) {
                        self.push(duplicate(
                            "P002",
                            format!(
                                "paragraph {} appears twice in article {}",
                                para.label.value, a.number.value
                            ),
                            para.label.span,
                            *first,
                            ("duplicate paragraph", "first numbered here"),
                            "renumber the paragraphs",
                        ));
                    }
                    paragraphs.insert(para.label.value.clone(), para.label.span);
                    for p in &para.provisions {
                        ordinal += 1;
                        let place = Place {
                            article: Some(index),
                            paragraph: Some(para.label.value.clone()),
                            ordinal,
                        };
                        self.provision(p, place, &mut info, a.span);
                    }
                }
            }
        }
        self.agreement.articles.push(info);
    }

    fn provision(
        &mut self,
        p: &ast::Provision,
        place: Place,
        info: &mut ArticleInfo,
        article_span: Span,
    ) {
        match p {
            ast::Provision::Rule(r) => {
                self.rule(r);
                self.agreement.rules.push(RuleDecl {
                    rule: r.clone(),
                    place,
                });
            }
            ast::Provision::Text(t) => {
                info.texts.push(t.text.clone());
                info.prose.push(Prose {
                    lang: t.lang.as_ref().map(|l| l.value.to_lowercase()),
                    text: t.text.clone(),
                    span: t.span,
                    paragraph: place.paragraph.clone(),
                });
            }
            ast::Provision::Allow(a) => self.suppression(a, article_span),
            ast::Provision::Define(d) => self.agreement.definitions.push(Definition {
                term: d.term.clone(),
                meaning: d.meaning.clone(),
                span: d.span,
                place,
            }),
            ast::Provision::Scope(s) => {
                let code = s.party.value.clone();
                self.check_party_code(&code, s.party.span);
                // `old-age applicable-legislation-only`: the modifier is split off the item.
                let mut items = Vec::new();
                let mut only_items = Vec::new();
                for item in &s.branches {
                    match item.values.as_slice() {
                        [b, m] if matches!(&m.kind, ValueKind::Word(w) if w == "applicable-legislation-only") =>
                        {
                            let one = Item {
                                values: vec![b.clone()],
                                span: b.span,
                            };
                            only_items.push(one.clone());
                            items.push(one);
                        }
                        [_, extra, ..] => {
                            let text = extra.kind.describe();
                            self.push(
                                error("P007", format!("unexpected {text} after a branch"), extra.span)
                                    .label("not a branch modifier")
                                    .help("separate branches with commas; the only modifier is `applicable-legislation-only`"),
                            );
                            items.push(Item {
                                values: vec![item.values[0].clone()],
                                span: item.span,
                            });
                        }
                        _ => items.push(item.clone()),
                    }
                }
                let branches = self.branch_list(&items, Some(&code));
                let legislation_only = self.branch_list(&only_items, Some(&code));
                let mut bases = Vec::new();
                for b in &s.bases {
                    match Basis::from_key(&b.value) {
                        Some(x) if !bases.contains(&x) => bases.push(x),
                        Some(_) => {}
                        None => {
                            let keys: Vec<&str> = BASES.iter().map(|(k, _, _)| *k).collect();
                            let mut d = error(
                                "P007",
                                format!("unknown coverage basis `{}`", b.value),
                                b.span,
                            )
                            .label("not a coverage basis");
                            d = match did_you_mean(&b.value, keys.iter().copied()) {
                                Some(k) => d.help(format!("did you mean `{k}`?")),
                                None => {
                                    d.help(format!("the coverage bases are {}", keys.join(", ")))
                                }
                            };
                            self.push(d);
                        }
                    }
                }
                self.agreement.scopes.push(ScopeEntry {
                    party: s.party.clone(),
                    law: s.law.clone(),
                    residence_based: bases
                        .iter()
                        .any(|b| matches!(b, Basis::Residence | Basis::ResidentsOnly)),
                    bases,
                    branches,
                    legislation_only,
                    span: s.span,
                    place,
                });
            }
            ast::Provision::Benefit(b) => {
                let branch = match Branch::from_key(&b.branch.value) {
                    Some(br) => Some(br),
                    None => {
                        self.unknown_branch(&b.branch.value.clone(), b.branch.span);
                        None
                    }
                };
                self.fields(
                    &b.fields,
                    schema::BENEFIT,
                    &format!("`benefit {}`", b.branch.value),
                );
                self.flush_missing(b.branch.span);
                if let Some(branch) = branch {
                    self.agreement.provisions.push(Provision {
                        keyword: Spanned::new("benefit".to_string(), b.branch.span),
                        branch: Some(branch),
                        fields: b.fields.clone(),
                        span: b.span,
                        place,
                    });
                }
            }
            ast::Provision::Block(b) => {
                if let Some(specs) = schema::block_fields(&b.keyword.value) {
                    self.fields(&b.fields, specs, &format!("`{}`", b.keyword.value));
                    self.flush_missing(b.keyword.span);
                }
                self.agreement.provisions.push(Provision {
                    keyword: b.keyword.clone(),
                    branch: None,
                    fields: b.fields.clone(),
                    span: b.span,
                    place,
                });
            }
            ast::Provision::Line(l) => {
                let values = schema::line_values(&l.keyword.value);
                self.values(&l.items, values, &l.keyword.value);
                let field = Field {
                    name: l.keyword.clone(),
                    items: l.items.clone(),
                    span: l.span,
                };
                self.agreement.provisions.push(Provision {
                    keyword: l.keyword.clone(),
                    branch: None,
                    fields: vec![field],
                    span: l.span,
                    place,
                });
            }
        }
    }

    fn flush_missing(&mut self, span: Span) {
        for (name, owner) in std::mem::take(&mut self.missing) {
            self.push(
                error("P007", format!("{owner} has no `{name}` field"), span)
                    .label(format!("`{name}` missing"))
                    .help(format!("add `{name}: …`")),
            );
        }
    }

    // ───────────────────────────── rules ─────────────────────────────

    fn rule(&mut self, r: &ast::Rule) {
        let mut bound: BTreeSet<String> = BTreeSet::new();
        let mut refs: Vec<&PartyRef> = Vec::new();
        for c in &r.conditions {
            match &c.kind {
                ConditionKind::Activity {
                    places, and_then, ..
                } => {
                    for p in [Some(places), and_then.as_ref().map(|(_, p)| p)]
                        .into_iter()
                        .flatten()
                    {
                        if let Places::Parties(ps) = p {
                            refs.extend(ps);
                        }
                    }
                }
                ConditionKind::WorksIn(p) | ConditionKind::UsuallySelfEmployedIn(p) => refs.push(p),
                ConditionKind::Employer(AstPlace::In(p))
                | ConditionKind::Resides(AstPlace::In(p)) => refs.push(p),
                ConditionKind::Status(_, Some(p)) | ConditionKind::National(p) => refs.push(p),
                ConditionKind::Posted(Some(d), _) => {
                    self.push(
                        error("P007", "a rule cannot fix the length of a posting", c.span)
                            .label("duration in a rule condition")
                            .help(format!("write `posted` and add the clause `limit {d}`")),
                    );
                }
                _ => {}
            }
        }
        for p in &refs {
            self.check_party_ref(p);
            if p.is_variable() {
                bound.insert(p.name.clone());
            }
        }
        let mut limits = 0;
        for clause in &r.clauses {
            match &clause.kind {
                ClauseKind::Where { variable, .. } => {
                    bound.insert(variable.name.clone());
                }
                ClauseKind::Limit(d) | ClauseKind::RepostGap(d) if d.amount == 0 => self.push(
                    error("P007", "a zero duration in a rule clause", clause.span)
                        .label("zero duration")
                        .help("write a positive duration such as `24 months`"),
                ),
                ClauseKind::Extension {
                    duration: Some(d), ..
                } if d.amount == 0 => self.push(
                    error("P007", "a zero extension", clause.span)
                        .label("zero duration")
                        .help("remove the extension, or write a positive duration"),
                ),
                _ => {}
            }
            if matches!(clause.kind, ClauseKind::Limit(_)) {
                limits += 1;
                if limits > 1 {
                    self.push(
                        error(
                            "P002",
                            format!("rule {} has two limits", r.label.value),
                            clause.span,
                        )
                        .label("second limit")
                        .help("keep one `limit` clause"),
                    );
                }
            }
        }
        self.check_party_ref(&r.target);
        if r.target.is_variable() && !bound.contains(&r.target.name) {
            self.push(
                error(
                    "P007",
                    format!(
                        "the variable `{}` names no Party in rule {}",
                        r.target.name, r.label.value
                    ),
                    r.target.span,
                )
                .label("unbound variable")
                .help(format!(
                    "use `{}` in a condition (such as `employed in {}`) or add `where {} is \"…\"`",
                    r.target.name, r.target.name, r.target.name
                )),
            );
        }
    }

    // ───────────────────────────── scenarios ─────────────────────────────

    fn scenarios(&mut self, doc: &Document) {
        let mut names: HashMap<&str, Span> = HashMap::new();
        for s in &doc.scenarios {
            if let Some(first) = names.get(s.name.value.as_str()) {
                self.push(duplicate(
                    "P002",
                    format!("two scenarios are named \"{}\"", s.name.value),
                    s.name.span,
                    *first,
                    ("same name again", "first used here"),
                    "give each scenario its own name",
                ));
            }
            names.insert(&s.name.value, s.name.span);
            for a in &s.allows {
                self.suppression(a, s.span);
            }
            if let Some(sit) = &s.situation {
                for c in &sit.conditions {
                    let mut refs: Vec<&PartyRef> = Vec::new();
                    match &c.kind {
                        ConditionKind::Activity {
                            places, and_then, ..
                        } => {
                            for p in [Some(places), and_then.as_ref().map(|(_, p)| p)]
                                .into_iter()
                                .flatten()
                            {
                                match p {
                                    Places::Parties(ps) => refs.extend(ps),
                                    Places::Several(span) => self.push(
                                        error(
                                            "P007",
                                            "a situation names its places of work",
                                            *span,
                                        )
                                        .label("`several` in a situation")
                                        .help("name the Parties, such as `employed in XA and XB`"),
                                    ),
                                }
                            }
                        }
                        ConditionKind::WorksIn(p) | ConditionKind::UsuallySelfEmployedIn(p) => {
                            refs.push(p)
                        }
                        ConditionKind::Employer(AstPlace::In(p))
                        | ConditionKind::Resides(AstPlace::In(p)) => refs.push(p),
                        ConditionKind::Status(_, Some(p)) => refs.push(p),
                        _ => {}
                    }
                    for r in refs {
                        if r.is_variable() {
                            self.push(
                                error(
                                    "P007",
                                    format!(
                                        "a situation names Parties, not variables: `{}`",
                                        r.name
                                    ),
                                    r.span,
                                )
                                .label("variable in a situation")
                                .help("write the Party's code, such as `XA`"),
                            );
                        } else {
                            self.check_party_code(&r.name, r.span);
                        }
                    }
                }
            }
            if let Some(e) = &s.expect {
                if let ExpectKind::Party { party, .. } = &e.kind {
                    self.check_party_ref(party);
                }
            }
            self.agreement.scenarios.push(s.clone());
        }
    }

    // ───────────────────────────── references ─────────────────────────────

    fn references(&mut self) {
        // Duplicate rule labels (P002).
        let mut labels: BTreeMap<String, Span> = BTreeMap::new();
        let rules = self.agreement.rules.clone();
        for r in &rules {
            let l = &r.rule.label;
            if let Some(first) = labels.get(&l.value) {
                self.push(
                    error("P002", format!("rule {} is defined twice", l.value), l.span)
                        .label("label used again")
                        .secondary(*first, "first defined here")
                        .help("give each rule its own label"),
                );
            } else {
                labels.insert(l.value.clone(), l.span);
            }
        }
        // Duplicate article numbers and tags (P002).
        let mut numbers: BTreeMap<ArticleNo, Span> = BTreeMap::new();
        let mut tags: BTreeMap<String, Span> = BTreeMap::new();
        for a in self.agreement.articles.clone() {
            if let Some(first) = numbers.get(&a.number) {
                self.push(duplicate(
                    "P002",
                    format!("article {} appears twice", a.number),
                    a.head_span,
                    *first,
                    ("number used again", "first used here"),
                    "renumber one of the articles",
                ));
            } else {
                numbers.insert(a.number.clone(), a.head_span);
            }
            if let Some(tag) = &a.tag {
                if let Some(first) = tags.get(tag) {
                    self.push(duplicate(
                        "P002",
                        format!("the tag #{tag} is on two articles"),
                        a.head_span,
                        *first,
                        ("tag used again", "first used here"),
                        "a tag names one article; choose another",
                    ));
                } else {
                    tags.insert(tag.clone(), a.head_span);
                }
            }
        }
        let label_names: Vec<String> = labels.keys().cloned().collect();
        let unknown_label = |label: &Spanned<String>, what: &str| {
            let mut d = error(
                "P003",
                format!("{what} names rule {}, which does not exist", label.value),
                label.span,
            )
            .label("no such rule");
            d = match did_you_mean(&label.value, label_names.iter().map(String::as_str)) {
                Some(s) => d.help(format!("did you mean {s}?")),
                None => d.help("check the label against the rules of Part II"),
            };
            d
        };
        let mut found = Vec::new();
        for r in &rules {
            for c in &r.rule.clauses {
                if let ClauseKind::Overrides(ls) = &c.kind {
                    for l in ls {
                        if !labels.contains_key(&l.value) {
                            found.push(unknown_label(l, "`overrides`"));
                        } else if l.value == r.rule.label.value {
                            found.push(
                                error("P003", format!("rule {} overrides itself", l.value), l.span)
                                    .label("self-reference")
                                    .help("remove the label from the `overrides` list"),
                            );
                        }
                    }
                }
            }
        }
        for s in &self.agreement.scenarios {
            if let Some(ast::Expectation {
                kind: ExpectKind::Party { by: Some(l), .. },
                ..
            }) = &s.expect
            {
                if !labels.contains_key(&l.value) {
                    found.push(unknown_label(l, "the scenario"));
                }
            }
        }
        // `see:` references: tags and rule labels.
        for p in self
            .agreement
            .provisions
            .iter()
            .filter(|p| p.keyword.value == "see")
        {
            for v in p
                .fields
                .iter()
                .flat_map(|f| &f.items)
                .flat_map(|i| &i.values)
            {
                match &v.kind {
                    ValueKind::Tag(t) if !tags.contains_key(t) => {
                        let mut d = error("P003", format!("no article is tagged #{t}"), v.span)
                            .label("unknown tag");
                        if let Some(s) = did_you_mean(t, tags.keys().map(String::as_str)) {
                            d = d.help(format!("did you mean #{s}?"));
                        } else {
                            d = d.help(
                                "add the tag to the article, as in `article 7 \"…\" #posting`",
                            );
                        }
                        found.push(d);
                    }
                    ValueKind::Label(l)
                        if !labels.contains_key(l)
                            && !ArticleNo::parse(l).is_ok_and(|n| numbers.contains_key(&n)) =>
                    {
                        found.push(unknown_label(&Spanned::new(l.clone(), v.span), "`see`"));
                    }
                    ValueKind::Integer(n)
                        if *n > u32::MAX as u64
                            || !numbers.contains_key(&ArticleNo::plain(*n as u32)) =>
                    {
                        found.push(
                            error("P003", format!("there is no article {n}"), v.span)
                                .label("unknown article")
                                .help("check the article number"),
                        );
                    }
                    _ => {}
                }
            }
        }
        self.diags.extend(found);
    }

    /// P008: only a draft that declares `numbering: sequential` is held to articles 1, 2, 3 … in
    /// order, in one style, without suffixes or gaps. A treaty keeps the numbers it was signed
    /// with (`5bis`, `IV`, a gap where a protocol deleted an article), so without the declaration
    /// nothing is judged here; a number used twice is still P002.
    fn article_order(&mut self) {
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
        for a in &self.agreement.articles {
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

    /// P009: a defined term that no prose, string or other definition uses.
    fn unused_definitions(&mut self, doc: &Document) {
        if self.agreement.definitions.is_empty() {
            return;
        }
        let mut corpus = String::new();
        for a in &self.agreement.articles {
            for t in &a.texts {
                corpus.push_str(&t.to_lowercase());
                corpus.push('\n');
            }
        }
        for h in doc.header.iter().flat_map(|h| &h.texts) {
            corpus.push_str(&h.text.to_lowercase());
        }
        for p in &self.agreement.provisions {
            for s in p
                .fields
                .iter()
                .flat_map(|f| &f.items)
                .flat_map(|i| &i.values)
            {
                match &s.kind {
                    ValueKind::Str(x) => corpus.push_str(&x.to_lowercase()),
                    ValueKind::Word(w) => corpus.push_str(&w.replace('-', " ")),
                    _ => {}
                }
                corpus.push('\n');
            }
            // `periods: insurance` uses the term "period of insurance".
            for w in p.words("periods") {
                corpus.push_str(&format!("period of {}", w.replace('-', " ")));
                corpus.push('\n');
            }
        }
        for r in &self.agreement.rules {
            for c in &r.rule.clauses {
                if let ClauseKind::Where { criterion, .. } = &c.kind {
                    corpus.push_str(&criterion.value.to_lowercase());
                }
            }
        }
        let corpus = stem(&corpus);
        let defs = self.agreement.definitions.clone();
        let meanings: Vec<String> = defs.iter().map(|d| stem(&d.meaning.value)).collect();
        for d in &defs {
            let term = stem(&d.term.value);
            let used_elsewhere = defs
                .iter()
                .zip(&meanings)
                .any(|(o, meaning)| o.span != d.span && meaning.contains(&term));
            if !used_elsewhere && !corpus.contains(&term) {
                self.push(
                    Diagnostic::new(
                        "P009",
                        Severity::Info,
                        format!("the term \"{}\" is defined but never used", d.term.value),
                        d.term.span,
                    )
                    .label("defined here")
                    .help("use the term in the text, or remove the definition"),
                );
            }
        }
    }

    // ───────────────────────────── suppressions ─────────────────────────────

    fn suppression(&mut self, a: &ast::Allow, region: Span) {
        let code = registry::resolve_code(&a.check.value);
        if code.is_none() {
            let mut d = error(
                "P007",
                format!("`{}` is not a check code or name", a.check.value),
                a.check.span,
            )
            .label("unknown check");
            d = match did_you_mean(&a.check.value, registry::codes_and_names()) {
                Some(s) => d.help(format!("did you mean `{s}`?")),
                None => d.help("write a code from `pacta explain`, such as `P303`"),
            };
            self.push(d);
        }
        if a.reason.value.trim().is_empty() {
            self.push(
                error("P007", "a suppression needs a reason", a.reason.span)
                    .label("empty reason")
                    .help("say why the Parties accept this finding, e.g. \"left open until the 2027 round\""),
            );
        }
        self.agreement.suppressions.push(Suppression {
            code,
            check: a.check.clone(),
            reason: a.reason.clone(),
            span: a.span,
            region,
        });
    }
}

/// P007 for a number written where a duration is expected.
fn unitless(n: u64, span: Span) -> Diagnostic {
    error("P007", format!("the duration `{n}` has no unit"), span)
        .label("unit missing")
        .help(format!(
            "write the unit, such as `{n} months` or `{n} years`"
        ))
}

/// Lowercase words with simple plural endings removed, so that "competent authorities" uses the
/// term "competent authority".
fn stem(text: &str) -> String {
    let lower = text.to_lowercase();
    let mut out = String::with_capacity(lower.len());
    for w in lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        if let Some(base) = w.strip_suffix("ies") {
            out.push_str(base);
            out.push('y');
        } else if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") {
            out.push_str(&w[..w.len() - 1]);
        } else {
            out.push_str(w);
        }
    }
    out
}

/// Whether `YYYY-MM-DD` names a real calendar day.
fn valid_date(d: &str) -> bool {
    let parts: Vec<u32> = d.split('-').filter_map(|p| p.parse().ok()).collect();
    let [y, m, day] = parts.as_slice() else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(day)
}
