//! The impact of the new draft on conformity: the findings it introduces and those it resolves,
//! and the cells of the coverage matrix (Party × branch × aspect) that change.
//!
//! Findings are matched by code, severity, where they stand in the model and their message with
//! numbers blanked, never by line: a finding on rule 7.1 in the old draft and on the same rule,
//! renumbered 8.1 in the new draft, is the same finding. "Where in the model" is the matched rule,
//! else the matched article, else the Party or scenario, else the agreement as a whole.

use super::changes::cite_rule;
use super::matching::{Matching, Pairs};
use super::Draft;
use crate::diag::render::Location;
use crate::diag::{Diagnostic, Severity};
use crate::emit::types::Coverage;
use crate::model::{Branch, Principle};
use schemars::JsonSchema;
use serde::Serialize;
use std::collections::BTreeMap;

/// What the new draft does to conformity.
#[derive(Clone, Debug, Default, PartialEq, Serialize, JsonSchema)]
pub struct Impact {
    /// Findings of the new draft that the old draft did not have.
    pub introduced: Vec<FindingChange>,
    /// Findings of the old draft that the new draft no longer has.
    pub resolved: Vec<FindingChange>,
    /// Cells of the coverage matrix whose value changed.
    pub coverage: Vec<CoverageChange>,
}

impl Impact {
    pub fn is_empty(&self) -> bool {
        self.introduced.is_empty() && self.resolved.is_empty() && self.coverage.is_empty()
    }
}

/// A finding introduced or resolved, as it stands in its draft (the new one when introduced,
/// the old one when resolved).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct FindingChange {
    pub code: String,
    pub name: String,
    pub severity: Severity,
    pub message: String,
    /// Where it stands in the model: `Art. 8(5)`, `Art. 2`, `Party XA`, or `None` for the whole
    /// agreement.
    pub at: Option<String>,
    pub location: Location,
}

impl FindingChange {
    /// `error[P302] no legislation for … (Art. 8)`
    pub fn line(&self) -> String {
        let at = self
            .at
            .as_ref()
            .map(|a| format!(" ({a})"))
            .unwrap_or_default();
        format!(
            "{}[{}] {}{at}",
            self.severity.as_str(),
            self.code,
            self.message
        )
    }
}

/// One aspect of the coverage of a branch for a Party.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Aspect {
    /// The branch is in the Party's material scope.
    MaterialScope,
    /// Equality of treatment extends to the branch.
    EqualityOfTreatment,
    /// Periods are aggregated for the branch.
    Aggregation,
    /// Benefits of the branch are provided abroad (export, care in kind abroad, children abroad).
    BenefitsAbroad,
    /// The Party designates an institution for the branch.
    Institution,
}

impl Aspect {
    pub const ALL: [Aspect; 5] = [
        Aspect::MaterialScope,
        Aspect::EqualityOfTreatment,
        Aspect::Aggregation,
        Aspect::BenefitsAbroad,
        Aspect::Institution,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Aspect::MaterialScope => "material scope",
            Aspect::EqualityOfTreatment => "equality of treatment",
            Aspect::Aggregation => "aggregation of periods",
            Aspect::BenefitsAbroad => "benefits abroad",
            Aspect::Institution => "institution designated",
        }
    }
}

/// A cell of the coverage matrix that changed.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, JsonSchema)]
pub struct CoverageChange {
    pub party: String,
    pub branch: Branch,
    pub aspect: Aspect,
    pub old: bool,
    pub new: bool,
}

pub fn impact(old: &Draft<'_>, new: &Draft<'_>, m: &Matching) -> Impact {
    let keys_old: Vec<(Key, Option<String>)> = old
        .diagnostics
        .iter()
        .map(|d| key(old, d, Side::Old, m))
        .collect();
    let keys_new: Vec<(Key, Option<String>)> = new
        .diagnostics
        .iter()
        .map(|d| key(new, d, Side::New, m))
        .collect();
    let mut count: BTreeMap<&Key, isize> = BTreeMap::new();
    for (k, _) in &keys_old {
        *count.entry(k).or_default() += 1;
    }
    // A new finding is introduced when its key has no old finding left to pair with.
    let mut introduced = Vec::new();
    for (d, (k, at)) in new.diagnostics.iter().zip(&keys_new) {
        let c = count.entry(k).or_default();
        if *c > 0 {
            *c -= 1;
        } else {
            introduced.push(finding(new, d, at));
        }
    }
    let mut left: BTreeMap<&Key, isize> = BTreeMap::new();
    for (k, _) in &keys_new {
        *left.entry(k).or_default() += 1;
    }
    let mut resolved = Vec::new();
    for (d, (k, at)) in old.diagnostics.iter().zip(&keys_old) {
        let c = left.entry(k).or_default();
        if *c > 0 {
            *c -= 1;
        } else {
            resolved.push(finding(old, d, at));
        }
    }
    // In the order of their drafts, whatever order the findings came in.
    let order = |x: &FindingChange, y: &FindingChange| {
        (&x.location, &x.code, &x.message).cmp(&(&y.location, &y.code, &y.message))
    };
    introduced.sort_by(order);
    resolved.sort_by(order);
    Impact {
        introduced,
        resolved,
        coverage: coverage_changes(old, new),
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Old,
    New,
}

/// What identifies a finding across drafts.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Key {
    code: &'static str,
    severity: Severity,
    locus: String,
    message: String,
}

/// An identity shared by matched elements: `m<old index>`, or one private to one side.
fn shared_id(pairs: &Pairs, i: usize, side: Side) -> String {
    match side {
        Side::Old => match pairs.new_of(i) {
            Some(_) => format!("m{i}"),
            None => format!("o{i}"),
        },
        Side::New => match pairs.old_of(i) {
            Some(o) => format!("m{o}"),
            None => format!("n{i}"),
        },
    }
}

/// A message with its numbers blanked, so that renumbering does not make a finding new.
fn blank_numbers(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut in_number = false;
    for ch in message.chars() {
        if ch.is_ascii_digit() {
            if !in_number {
                out.push('#');
            }
            in_number = true;
        } else if ch == '.' && in_number {
            // `7.1` is one number; a final period stays out of it.
        } else {
            in_number = false;
            out.push(ch);
        }
    }
    out
}

/// The identity of a finding and the citation shown for it (not part of the identity).
fn key(d: &Draft<'_>, diag: &Diagnostic, side: Side, m: &Matching) -> (Key, Option<String>) {
    let a = d.agreement;
    let span = diag.primary.span;
    let (locus, at) = if let Some((i, r)) = a
        .rules
        .iter()
        .enumerate()
        .find(|(_, r)| r.rule.span.contains(span))
    {
        (
            format!("rule:{}", shared_id(&m.rules, i, side)),
            cite_rule(a, r),
        )
    } else if let Some((i, art)) = a
        .articles
        .iter()
        .enumerate()
        .find(|(_, x)| x.span.contains(span))
    {
        (
            format!("article:{}", shared_id(&m.articles, i, side)),
            Some(art.cite()),
        )
    } else if let Some(p) = a.parties.iter().find(|p| p.span.contains(span)) {
        (
            format!("party:{}", p.code.value),
            Some(format!("Party {}", p.code.value)),
        )
    } else if let Some((i, s)) = a
        .scenarios
        .iter()
        .enumerate()
        .find(|(_, s)| s.span.contains(span))
    {
        (
            format!("scenario:{}", shared_id(&m.scenarios, i, side)),
            Some(format!("scenario \"{}\"", s.name.value)),
        )
    } else {
        ("agreement".to_string(), None)
    };
    let key = Key {
        code: diag.code,
        severity: diag.severity,
        locus,
        message: blank_numbers(&diag.message),
    };
    (key, at)
}

fn finding(d: &Draft<'_>, diag: &Diagnostic, at: &Option<String>) -> FindingChange {
    FindingChange {
        code: diag.code.to_string(),
        name: crate::check::registry::name_of(diag.code).to_string(),
        severity: diag.severity,
        message: diag.message.clone(),
        at: at.clone(),
        location: Location::of(d.file, diag.primary.span),
    }
}

// ───────────────────────────── coverage ─────────────────────────────

/// The coverage of one draft: every (Party, branch, aspect) and whether it is covered. The
/// principles come from the rule set's coverage matrix ([`crate::emit::coverage_matrix`]), so the
/// diff and `pacta build` never disagree; the material scope comes from the `scope` lines.
pub fn coverage(d: &Draft<'_>) -> BTreeMap<(String, Branch, Aspect), bool> {
    let a = d.agreement;
    let mut out = BTreeMap::new();
    for cell in crate::emit::coverage_matrix(d.file, a) {
        let aspect = match cell.principle {
            Principle::EqualityOfTreatment => Aspect::EqualityOfTreatment,
            Principle::RightsInCourseOfAcquisition => Aspect::Aggregation,
            Principle::AcquiredRights => Aspect::BenefitsAbroad,
            Principle::AdministrativeAssistance => Aspect::Institution,
            // The matrix's applicable-legislation cells follow the material scope.
            Principle::ApplicableLegislation => continue,
        };
        out.insert(
            (cell.party.clone(), cell.branch, aspect),
            cell.status == Coverage::Covered,
        );
    }
    for party in &a.parties {
        let code = &party.code.value;
        let scope = a.scope_of(code);
        for br in crate::emit::coverage_branches(a) {
            out.insert(
                (code.clone(), br, Aspect::MaterialScope),
                scope.contains(&br),
            );
        }
    }
    out
}

/// The cells that differ between two drafts (a Party absent from a draft covers nothing there).
pub(crate) fn coverage_changes(old: &Draft<'_>, new: &Draft<'_>) -> Vec<CoverageChange> {
    let (a, b) = (coverage(old), coverage(new));
    let mut cells: Vec<&(String, Branch, Aspect)> = a.keys().chain(b.keys()).collect();
    cells.sort();
    cells.dedup();
    cells
        .into_iter()
        .filter_map(|cell| {
            let x = a.get(cell).copied().unwrap_or(false);
            let y = b.get(cell).copied().unwrap_or(false);
            (x != y).then(|| CoverageChange {
                party: cell.0.clone(),
                branch: cell.1,
                aspect: cell.2,
                old: x,
                new: y,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_blanked_whole() {
        assert_eq!(
            blank_numbers("rule 7.1 has a limit of 72 months."),
            "rule # has a limit of # months."
        );
        assert_eq!(blank_numbers("no digits"), "no digits");
    }
}
