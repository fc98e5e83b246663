//! The resolved agreement: Parties and their schemes, material and personal scope per Party and
//! branch, each provision by kind with the article it stands in, the rules, scenarios and
//! suppressions, and the instruments the agreement claims. Built from the AST by [`resolve`],
//! which also reports the structure findings P002–P009.

pub mod basis;
pub(crate) mod branch;
pub(crate) mod coordination;
pub(crate) mod instrument;
pub(crate) mod kind;
mod resolve;
pub mod schema;

pub use branch::Branch;
pub use instrument::{Instrument, Principle};
pub use kind::Kind;
pub use resolve::resolve;

use crate::ast::{self, Field, Item, ValueKind};
use crate::span::{Span, Spanned};
use std::collections::BTreeSet;

/// Where a provision stands: article, Part and chapter.
#[derive(Clone, Debug, PartialEq)]
pub struct ArticleInfo {
    /// The number as signed (`7`, `5bis`, `IV`, `1er`).
    pub number: crate::numbering::ArticleNo,
    pub title: Option<String>,
    pub tag: Option<String>,
    /// The Part's Roman numeral, when the article stands in a Part.
    pub part: Option<String>,
    pub part_title: Option<String>,
    pub chapter: Option<u32>,
    pub span: Span,
    /// The span of `article N "title" #tag`, for labels.
    pub head_span: Span,
    /// The article's prose, in order.
    pub texts: Vec<String>,
    /// The article's prose blocks with their language and paragraph, in order.
    pub prose: Vec<Prose>,
}

/// One `text` block of an article.
#[derive(Clone, Debug, PartialEq)]
pub struct Prose {
    /// The language written after `text` (`text fr """…"""`), lowercased; `None` when not given.
    pub lang: Option<String>,
    pub text: String,
    pub span: Span,
    /// The paragraph label, when the prose stands in a `paragraph`.
    pub paragraph: Option<String>,
}

impl ArticleInfo {
    /// `Art. 7`
    pub fn cite(&self) -> String {
        format!("Art. {}", self.number)
    }

    /// The Akoma Ntoso-style identifier `art_7` (`art_5bis`, `art_IV` for numbers written so).
    pub fn eid(&self) -> String {
        format!("art_{}", self.number)
    }
}

/// Where one provision stands inside the article.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Place {
    /// Index into [`Agreement::articles`]; `None` for the header and Parties.
    pub article: Option<usize>,
    /// The paragraph label, when the provision stands in a `paragraph`.
    pub paragraph: Option<String>,
    /// 1-based position of the provision among its article's provisions.
    pub ordinal: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PartyDecl {
    pub code: Spanned<String>,
    pub name: Spanned<String>,
    pub competent_authority: Option<Spanned<String>>,
    /// The branches for which the Party has legislation (`schemes:`).
    pub schemes: BTreeSet<Branch>,
    pub schemes_span: Option<Span>,
    pub institutions: Vec<InstitutionDecl>,
    pub liaison_bodies: Vec<Spanned<String>>,
    pub sub_national_units: Vec<Spanned<String>>,
    /// The branches whose legislation the sub-national units make, not the Party: the branches
    /// written after a unit (`sub-national-units: states employment-injury unemployment`).
    pub sub_national_branches: BTreeSet<Branch>,
    /// The unit in which the Party's legislation counts periods (`period-unit: quarters`).
    pub period_unit: Option<Spanned<String>>,
    /// The Party's official languages (`official-languages:`), lowercased.
    pub official_languages: Vec<String>,
    /// The ILO Conventions the Party has ratified (`ratified:`).
    pub ratified: Vec<Ratification>,
    /// The `ratified:` field, when the Party has one.
    pub ratified_span: Option<Span>,
    pub span: Span,
}

/// One Convention a Party has ratified: `C118 old-age invalidity` in `ratified:`.
#[derive(Clone, Debug)]
pub struct Ratification {
    pub instrument: &'static Instrument,
    /// The branches accepted, for C118 (Art 2) and C102 (its Parts); empty when not given, which
    /// counts as every branch.
    pub branches: BTreeSet<Branch>,
    pub span: Span,
}

impl PartialEq for Ratification {
    fn eq(&self, other: &Ratification) -> bool {
        self.instrument.code == other.instrument.code
            && self.branches == other.branches
            && self.span == other.span
    }
}

impl PartyDecl {
    /// Whether the Party has declared its ratifications (`ratified:`, even empty).
    pub(crate) fn declares_ratifications(&self) -> bool {
        self.ratified_span.is_some()
    }

    /// The Convention by which the Party is bound to the principle for all of `branches` (any
    /// branch when empty), if any: one it has ratified that contains the principle, whose reach
    /// covers them (C19 binds for employment injury only, MLC-2006 for no finding on the agreement
    /// as a whole) and, for C118 and C102, whose accepted branches include them.
    pub(crate) fn bound_by(
        &self,
        principle: Principle,
        branches: &[Branch],
    ) -> Option<&'static Instrument> {
        self.ratified
            .iter()
            .find(|r| {
                r.instrument.principles.contains(&principle)
                    && r.instrument.reach.covers(branches)
                    && (r.branches.is_empty() || branches.iter().all(|b| r.branches.contains(b)))
            })
            .map(|r| r.instrument)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct InstitutionDecl {
    pub name: Spanned<String>,
    pub branches: BTreeSet<Branch>,
    pub span: Span,
}

/// `scope XA "law" residence-based: branches`
#[derive(Clone, Debug, PartialEq)]
pub struct ScopeEntry {
    pub party: Spanned<String>,
    pub law: Spanned<String>,
    /// Residence gives rights (`residence-based` or `residents-only`).
    pub residence_based: bool,
    /// The coverage bases as written (empty: work in the territory).
    pub bases: Vec<basis::Basis>,
    pub branches: BTreeSet<Branch>,
    /// Branches written `BRANCH applicable-legislation-only`: in scope for the applicable
    /// legislation, but not coordinated (no aggregation, export or benefit rules expected).
    pub legislation_only: BTreeSet<Branch>,
    pub span: Span,
    pub place: Place,
}

/// A block provision (`aggregation { … }`) or a branch provision (`benefit family { … }`, with
/// `branch` set) or a line provision (`personal-scope: …`, with one field named after the keyword).
#[derive(Clone, Debug, PartialEq)]
pub struct Provision {
    pub keyword: Spanned<String>,
    pub branch: Option<Branch>,
    pub fields: Vec<Field>,
    pub span: Span,
    pub place: Place,
}

impl Provision {
    pub fn field(&self, name: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.name.value == name)
    }

    pub fn has(&self, name: &str) -> bool {
        self.field(name).is_some()
    }

    /// The words and codes of a field, each item's first value (phrases give their first word).
    pub fn words(&self, name: &str) -> Vec<&str> {
        self.field(name)
            .map(|f| f.items.iter().filter_map(first_word).collect())
            .unwrap_or_default()
    }

    pub(crate) fn has_word(&self, name: &str, word: &str) -> bool {
        self.words(name).contains(&word)
    }

    /// The strings of a field.
    pub fn strings(&self, name: &str) -> Vec<&str> {
        self.field(name)
            .map(|f| {
                f.items
                    .iter()
                    .flat_map(|i| &i.values)
                    .filter_map(|v| match &v.kind {
                        ValueKind::Str(s) => Some(s.as_str()),
                        _ => None,
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The first duration of a field.
    pub fn duration(&self, name: &str) -> Option<Spanned<ast::Duration>> {
        self.field(name)?
            .items
            .iter()
            .flat_map(|i| &i.values)
            .find_map(|v| match v.kind {
                ValueKind::Duration(d) => Some(Spanned::new(d, v.span)),
                _ => None,
            })
    }

    /// The span of a field from its name to its last value, or the provision's keyword when it has
    /// no such field.
    pub(crate) fn field_span(&self, name: &str) -> Span {
        self.field(name).map_or(self.keyword.span, field_span)
    }
}

/// The span of a field from its name to the end of its last value (a field's own span may run on
/// over the comments and blank lines after it).
pub(crate) fn field_span(f: &Field) -> Span {
    let end = f
        .items
        .iter()
        .flat_map(|i| &i.values)
        .map(|v| v.span.end)
        .max()
        .unwrap_or(f.name.span.end);
    Span::new(f.span.start, end.max(f.span.start))
}

/// The span of a list item from its first to its last value.
pub(crate) fn item_span(item: &Item) -> Span {
    match (item.values.first(), item.values.last()) {
        (Some(a), Some(b)) => Span::new(a.span.start, b.span.end.max(a.span.start)),
        _ => item.span,
    }
}

/// The first word or code of an item.
pub fn first_word(item: &Item) -> Option<&str> {
    item.values.first().and_then(|v| match &v.kind {
        ValueKind::Word(w) | ValueKind::Code(w) => Some(w.as_str()),
        _ => None,
    })
}

/// A rule of applicable legislation, where it stands.
#[derive(Clone, Debug, PartialEq)]
pub struct RuleDecl {
    pub rule: ast::Rule,
    pub place: Place,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Definition {
    pub term: Spanned<String>,
    pub meaning: Spanned<String>,
    pub span: Span,
    pub place: Place,
}

/// `allow CODE "reason"` and the region it covers.
#[derive(Clone, Debug, PartialEq)]
pub struct Suppression {
    /// The catalogue code the suppression names (resolved from a code or a name).
    pub code: Option<&'static str>,
    pub check: Spanned<String>,
    pub reason: Spanned<String>,
    pub span: Span,
    /// Findings whose primary span lies in this region are suppressed.
    pub region: Span,
}

/// A claimed instrument (`conforms-to: C157`).
#[derive(Clone, Debug)]
pub struct Claim {
    pub instrument: &'static Instrument,
    pub span: Span,
}

/// The resolved agreement.
#[derive(Clone, Debug, Default)]
pub struct Agreement {
    pub title: Option<Spanned<String>>,
    pub header_span: Option<Span>,
    /// Header fields as written (`short-title`, `draft`, `date`, …).
    pub header_fields: Vec<Field>,
    /// The header's prose: the preamble, in each language it is given in.
    pub preamble: Vec<Prose>,
    pub claims: Vec<Claim>,
    /// The kind of agreement (`kind:`), when the header says; see [`Agreement::assumed_kind`].
    pub kind: Option<Spanned<Kind>>,
    pub parties: Vec<PartyDecl>,
    pub articles: Vec<ArticleInfo>,
    pub scopes: Vec<ScopeEntry>,
    /// Block, branch and line provisions in source order.
    pub provisions: Vec<Provision>,
    pub rules: Vec<RuleDecl>,
    pub definitions: Vec<Definition>,
    pub scenarios: Vec<ast::Scenario>,
    pub suppressions: Vec<Suppression>,
    /// Where each (Party, branch) of a Party's `schemes:` is written, for labels.
    pub scheme_spans: std::collections::BTreeMap<(String, Branch), Span>,
    /// The whole file.
    pub span: Span,
}

impl Agreement {
    /// The kind whose profile the checks apply: the declared kind, else [`Kind::ASSUMED`].
    pub fn assumed_kind(&self) -> Kind {
        self.kind.as_ref().map_or(Kind::ASSUMED, |k| k.value)
    }

    /// Whether the agreement promises every person in its personal scope a legislation, or sets
    /// out only to avoid double coverage ([`Kind::promises_coverage`] of the assumed kind).
    pub fn promises_coverage(&self) -> bool {
        self.assumed_kind().promises_coverage()
    }

    pub fn party(&self, code: &str) -> Option<&PartyDecl> {
        self.parties.iter().find(|p| p.code.value == code)
    }

    pub(crate) fn party_codes(&self) -> Vec<&str> {
        self.parties.iter().map(|p| p.code.value.as_str()).collect()
    }

    /// The branches in the material scope of one Party.
    pub(crate) fn scope_of(&self, party: &str) -> BTreeSet<Branch> {
        self.scopes
            .iter()
            .filter(|s| s.party.value == party)
            .flat_map(|s| s.branches.iter().copied())
            .collect()
    }

    /// The branches of one Party's material scope that the agreement coordinates (its scope
    /// without the branches covered for the applicable legislation only).
    pub(crate) fn coordinated_scope_of(&self, party: &str) -> BTreeSet<Branch> {
        // A branch coordinated under one law stays coordinated even if another law covers it
        // for the applicable legislation only.
        self.scopes
            .iter()
            .filter(|s| s.party.value == party)
            .flat_map(|s| s.branches.difference(&s.legislation_only).copied())
            .collect()
    }

    /// The branches in the material scope of any Party.
    pub(crate) fn covered_branches(&self) -> BTreeSet<Branch> {
        self.scopes
            .iter()
            .flat_map(|s| s.branches.iter().copied())
            .collect()
    }

    /// The provisions with a keyword (`aggregation`, `export`, `personal-scope`, …).
    pub(crate) fn provisions_named<'a>(
        &'a self,
        keyword: &'a str,
    ) -> impl Iterator<Item = &'a Provision> + 'a {
        self.provisions
            .iter()
            .filter(move |p| p.keyword.value == keyword && p.branch.is_none())
    }

    /// The branch provisions `benefit BRANCH { … }` for one branch.
    pub(crate) fn benefits_for(&self, branch: Branch) -> impl Iterator<Item = &Provision> + '_ {
        self.provisions
            .iter()
            .filter(move |p| p.branch == Some(branch))
    }

    /// The branches a field of a provision names, with `all` meaning every branch in the
    /// material scope.
    pub(crate) fn branches_in(&self, provision: &Provision, field: &str) -> BTreeSet<Branch> {
        let mut out = BTreeSet::new();
        for w in provision.words(field) {
            if w == "all" {
                out.extend(self.covered_branches());
            } else if let Some(b) = Branch::from_key(w) {
                out.insert(b);
            }
        }
        out
    }

    /// Whether the text is a draft: the header's `draft:` names one other than `final`.
    pub(crate) fn is_draft(&self) -> bool {
        self.header_fields
            .iter()
            .filter(|f| f.name.value == "draft")
            .flat_map(|f| &f.items)
            .flat_map(|i| &i.values)
            .any(|v| match &v.kind {
                ValueKind::Str(s) | ValueKind::Word(s) => !s.trim().eq_ignore_ascii_case("final"),
                _ => true,
            })
    }

    /// Whether any Party declares its ratifications (`ratified:`); only then does ratification,
    /// rather than `conforms-to`, decide whether a principle binds.
    pub(crate) fn declares_ratifications(&self) -> bool {
        self.parties.iter().any(PartyDecl::declares_ratifications)
    }

    /// Whether the Parties concerned (every Party when `parties` is empty) are bound by the
    /// principle for `branches`: for each, the Convention binding it, or `None` when it is not
    /// bound. `None` altogether when no Party declares its ratifications.
    pub fn binding(
        &self,
        principle: Principle,
        parties: &[String],
        branches: &[Branch],
    ) -> Option<Vec<(&str, Option<&'static Instrument>)>> {
        if !self.declares_ratifications() {
            return None;
        }
        Some(
            self.parties
                .iter()
                .filter(|p| parties.is_empty() || parties.contains(&p.code.value))
                .map(|p| (p.code.value.as_str(), p.bound_by(principle, branches)))
                .collect(),
        )
    }

    /// Whether the agreement claims an instrument that contains the principle.
    pub(crate) fn claims_principle(&self, principle: Principle) -> bool {
        self.claims
            .iter()
            .any(|c| c.instrument.principles.contains(&principle))
    }

    pub(crate) fn claims_instrument(&self, code: &str) -> bool {
        self.claims.iter().any(|c| c.instrument.code == code)
    }

    pub(crate) fn article_of(&self, place: &Place) -> Option<&ArticleInfo> {
        place.article.and_then(|i| self.articles.get(i))
    }

    /// The span that anchors findings about something missing from the whole agreement: the
    /// header's title when there is a header, else the start of the file.
    pub fn anchor(&self) -> Span {
        self.title
            .as_ref()
            .map_or(Span::new(self.span.start, self.span.start), |t| t.span)
    }

    /// The rule with a label.
    pub fn rule(&self, label: &str) -> Option<&RuleDecl> {
        self.rules.iter().find(|r| r.rule.label.value == label)
    }
}
