//! The JSON rule set (`pacta build`): what institutions' systems consume. A dedicated, versioned
//! output model ([`types`], `pacta.ruleset/1`) built from the resolved agreement, its findings and
//! the decision table; every item carries its [`types::Source`]. Deterministic: no timestamps,
//! stable order, the same bytes on every run.

mod coverage;
mod provisions;
mod rules;
pub(crate) mod source;
pub mod types;
mod values;

pub use types::RuleSet;
pub(crate) use types::SCHEMA_ID;

/// The branches the coverage matrix has rows for.
pub(crate) fn coverage_branches(agreement: &Agreement) -> Vec<crate::model::Branch> {
    coverage::branches(agreement)
}

/// The coverage matrix of an agreement (Party × branch × principle), as the rule set carries it.
pub(crate) fn coverage_matrix(
    file: &SourceFile,
    agreement: &Agreement,
) -> Vec<types::CoverageCell> {
    coverage::matrix(agreement, &source::Tracer::new(file, agreement))
}

use crate::check::registry;
use crate::diag::{Diagnostic, Severity};
use crate::model::Agreement;
use crate::span::SourceFile;
use crate::Checked;
use source::{institution_eid, party_eid, Tracer};
use types::*;

/// The rule set of a checked file; `None` when the file did not parse into an agreement.
pub fn build(checked: &Checked) -> Option<RuleSet> {
    let a = checked.agreement.as_ref()?;
    Some(ruleset(&checked.file, a, &checked.diagnostics))
}

/// The rule set of a resolved agreement with its findings.
pub fn ruleset(file: &SourceFile, a: &Agreement, diagnostics: &[Diagnostic]) -> RuleSet {
    let t = Tracer::new(file, a);
    let mut out = RuleSet {
        schema: SCHEMA_ID.to_string(),
        file: file.name.clone(),
        agreement: metadata(a, &t),
        parties: parties(a, &t),
        articles: articles(a, &t),
        definitions: a
            .definitions
            .iter()
            .map(|d| Definition {
                term: d.term.value.clone(),
                meaning: d.meaning.value.clone(),
                source: t.at(&d.place, d.span),
            })
            .collect(),
        material_scope: material_scope(a, &t),
        ..RuleSet::default()
    };
    provisions::fill(a, &t, &mut out);
    out.applicable_legislation.rules = rules::rules(a, file, &t);
    out.applicable_legislation.decision_table = rules::decision_table(a, &t);
    out.coverage = coverage::matrix(a, &t);
    out.accepted = a
        .suppressions
        .iter()
        .map(|s| Accepted {
            code: s.code.map(str::to_string),
            check: s.check.value.clone(),
            reason: s.reason.value.clone(),
            source: t.locate(s.span),
        })
        .collect();
    out.findings = diagnostics.iter().map(|d| finding(&t, d)).collect();
    out.summary = summary(diagnostics);
    out
}

/// The rule set as pretty-printed JSON with a final newline.
pub fn to_json(rules: &RuleSet) -> String {
    let mut s = serde_json::to_string_pretty(rules).unwrap_or_else(|_| "{}".to_string());
    s.push('\n');
    s
}

/// The JSON Schema of the rule set.
pub fn schema() -> schemars::Schema {
    schemars::schema_for!(RuleSet)
}

/// Any JSON Schema as pretty-printed JSON with a final newline.
pub fn schema_to_json(schema: &schemars::Schema) -> String {
    let mut s = serde_json::to_string_pretty(schema).unwrap_or_else(|_| "{}".to_string());
    s.push('\n');
    s
}

fn metadata(a: &Agreement, t: &Tracer<'_>) -> Metadata {
    let field = |name: &str| a.header_fields.iter().find(|f| f.name.value == name);
    let first = |name: &str| {
        field(name)
            .and_then(|f| f.items.first())
            .map(values::item_text)
    };
    let all = |name: &str| {
        field(name)
            .map(|f| f.items.iter().map(values::item_text).collect())
            .unwrap_or_default()
    };
    Metadata {
        title: a.title.as_ref().map(|t| t.value.clone()),
        short_title: first("short-title"),
        draft: first("draft"),
        date: first("date"),
        signed: first("signed"),
        in_force: first("in-force"),
        place: first("place"),
        languages: all("languages"),
        supersedes: all("supersedes"),
        claims: a
            .claims
            .iter()
            .map(|c| Claim {
                instrument: c.instrument.code.to_string(),
                title: c.instrument.title.to_string(),
                year: c.instrument.year,
                principles: c.instrument.principles.to_vec(),
                source: t.outside("preface".to_string(), c.span),
            })
            .collect(),
        source: a.header_span.map(|s| t.outside("preface".to_string(), s)),
    }
}

fn parties(a: &Agreement, t: &Tracer<'_>) -> Vec<Party> {
    let mut out: Vec<Party> = a
        .parties
        .iter()
        .map(|p| {
            let code = &p.code.value;
            Party {
                code: code.clone(),
                name: p.name.value.clone(),
                competent_authority: p.competent_authority.as_ref().map(|c| c.value.clone()),
                schemes: p.schemes.iter().copied().collect(),
                institutions: p
                    .institutions
                    .iter()
                    .enumerate()
                    .map(|(i, inst)| Institution {
                        name: inst.name.value.clone(),
                        branches: inst.branches.iter().copied().collect(),
                        source: t.outside(institution_eid(code, i), inst.span),
                    })
                    .collect(),
                liaison_bodies: p.liaison_bodies.iter().map(|l| l.value.clone()).collect(),
                sub_national_units: p
                    .sub_national_units
                    .iter()
                    .map(|u| u.value.clone())
                    .collect(),
                sub_national_branches: p.sub_national_branches.iter().copied().collect(),
                period_unit: p.period_unit.as_ref().map(|u| u.value.clone()),
                source: t.outside(party_eid(code), p.span),
            }
        })
        .collect();
    // Stable: a duplicated code (P006) keeps its declaration order.
    out.sort_by(|x, y| x.code.cmp(&y.code));
    out
}

fn articles(a: &Agreement, t: &Tracer<'_>) -> Vec<Article> {
    a.articles
        .iter()
        .enumerate()
        .filter_map(|(i, info)| {
            Some(Article {
                number: info.number.value,
                label: info.number.label(),
                eid: info.eid(),
                title: info.title.clone(),
                tag: info.tag.clone(),
                part: info.part.clone(),
                part_title: info.part_title.clone(),
                chapter: info.chapter,
                text: info.texts.clone(),
                source: t.article(i)?,
            })
        })
        .collect()
}

fn material_scope(a: &Agreement, t: &Tracer<'_>) -> MaterialScope {
    let laws: Vec<ScopeLaw> = a
        .scopes
        .iter()
        .map(|s| ScopeLaw {
            party: s.party.value.clone(),
            law: s.law.value.clone(),
            residence_based: s.residence_based,
            bases: s.bases.iter().map(|b| b.key().to_string()).collect(),
            branches: s.branches.iter().copied().collect(),
            legislation_only: s.legislation_only.iter().copied().collect(),
            source: t.at(&s.place, s.span),
        })
        .collect();
    let mut codes: Vec<&str> = a.party_codes();
    codes.sort();
    codes.dedup();
    let by_party = codes
        .into_iter()
        .map(|code| {
            let scope = a.scope_of(code);
            let coordinated = a.coordinated_scope_of(code);
            let branches = scope
                .iter()
                .map(|&branch| {
                    let entries = laws
                        .iter()
                        .filter(|l| l.party == code && l.branches.contains(&branch));
                    ScopedBranch {
                        branch,
                        laws: entries.clone().map(|l| l.law.clone()).collect(),
                        residence_based: entries.clone().any(|l| l.residence_based),
                        legislation_only: !coordinated.contains(&branch),
                        sources: entries.map(|l| l.source.clone()).collect(),
                    }
                })
                .collect();
            let outside_scope = a
                .party(code)
                .map(|p| p.schemes.difference(&scope).copied().collect())
                .unwrap_or_default();
            PartyScope {
                party: code.to_string(),
                branches,
                outside_scope,
            }
        })
        .collect();
    MaterialScope {
        laws,
        by_party,
        ..MaterialScope::default()
    }
}

fn finding(t: &Tracer<'_>, d: &Diagnostic) -> Finding {
    let info = registry::get(d.code);
    Finding {
        code: d.code.to_string(),
        name: registry::name_of(d.code).to_string(),
        severity: d.severity,
        principle: info.and_then(|i| i.principle),
        message: d.message.clone(),
        label: Some(d.primary.message.clone()).filter(|l| !l.is_empty()),
        source: t.locate(d.primary.span),
        related: d
            .secondary
            .iter()
            .map(|l| Related {
                message: l.message.clone(),
                source: t.locate(l.span),
            })
            .collect(),
        notes: d.notes.clone(),
        help: d.help.clone(),
        parties: d.concerns.parties.clone(),
        branches: d.concerns.branch_keys(),
    }
}

fn summary(diagnostics: &[Diagnostic]) -> Summary {
    let count = |s: Severity| diagnostics.iter().filter(|d| d.severity == s).count();
    Summary {
        errors: count(Severity::Error),
        warnings: count(Severity::Warning),
        infos: count(Severity::Info),
    }
}
