//! The coverage matrix: for each Party × branch × principle, whether the agreement covers it.
//!
//! - `not-applicable`: the Party has no scheme for the branch, or no ILO standard asks for the
//!   principle in that branch and the agreement does not provide it anyway;
//! - `excluded`: the Party has a scheme, but the branch is outside its material scope or is
//!   excluded from coordination (`benefit BRANCH { excluded: yes }`);
//! - `covered`: a provision gives the principle for the branch (its sources are listed);
//! - `not-covered`: the branch is in scope for the Party and nothing gives the principle.
//!
//! A branch in scope with no coordination provision at all (no aggregation, export or branch
//! provision: P103) is `not-covered` for acquired rights and rights in course of acquisition even
//! where no standard would otherwise ask for them — unless it is in scope for the applicable
//! legislation only (`BRANCH applicable-legislation-only`), where no coordination is expected.
//! Such a branch is still `not-covered` where a standard asks for the principle (the reason says
//! so).

use super::source::Tracer;
use super::types::{Coverage, CoverageCell, Source};
use crate::model::{Agreement, Branch, PartyDecl, Principle, Provision};
use std::collections::BTreeSet;

/// The branches of the matrix: the nine of C102, plus death grants and long-term care when a
/// Party has a scheme for them or the scope names them.
pub(super) fn branches(a: &Agreement) -> Vec<Branch> {
    let mut out = Branch::C102.to_vec();
    for extra in [Branch::DeathGrant, Branch::LongTermCare] {
        let named = a.parties.iter().any(|p| p.schemes.contains(&extra))
            || a.covered_branches().contains(&extra);
        if named {
            out.push(extra);
        }
    }
    out
}

/// The whole matrix, sorted by Party code, branch and principle.
pub(super) fn matrix(a: &Agreement, t: &Tracer<'_>) -> Vec<CoverageCell> {
    let mut parties: Vec<&PartyDecl> = a.parties.iter().collect();
    parties.sort_by(|x, y| x.code.value.cmp(&y.code.value));
    parties.dedup_by(|x, y| x.code.value == y.code.value);
    let rows = branches(a);
    let mut out = Vec::new();
    for party in parties {
        let scope = a.scope_of(&party.code.value);
        for &branch in &rows {
            for principle in Principle::ALL {
                let (status, reason, sources) = cell(a, t, party, &scope, branch, principle);
                out.push(CoverageCell {
                    party: party.code.value.clone(),
                    branch,
                    principle,
                    status,
                    reason,
                    sources,
                });
            }
        }
    }
    out
}

type Cell = (Coverage, String, Vec<Source>);

fn cell(
    a: &Agreement,
    t: &Tracer<'_>,
    party: &PartyDecl,
    scope: &BTreeSet<Branch>,
    branch: Branch,
    principle: Principle,
) -> Cell {
    let code = &party.code.value;
    let key = branch.key();
    if !party.schemes.contains(&branch) && !scope.contains(&branch) {
        return (
            Coverage::NotApplicable,
            format!("{code} has no scheme for {key}"),
            Vec::new(),
        );
    }
    let exclusions = sources(
        t,
        a.benefits_for(branch)
            .filter(|p| p.has_word("excluded", "yes")),
    );
    if !exclusions.is_empty() {
        return (
            Coverage::Excluded,
            format!("{key} is excluded from coordination"),
            exclusions,
        );
    }
    if !scope.contains(&branch) {
        return (
            Coverage::Excluded,
            format!("{key} is outside the material scope for {code}"),
            Vec::new(),
        );
    }
    let only = !a.coordinated_scope_of(code).contains(&branch);
    let found = match principle {
        Principle::EqualityOfTreatment => equality(a, t, branch),
        Principle::ApplicableLegislation => applicable(a, t),
        Principle::AcquiredRights => acquired(a, t, branch, only),
        Principle::RightsInCourseOfAcquisition => aggregation(a, t, code, branch, only),
        Principle::AdministrativeAssistance => institution(t, party, branch),
    };
    if only && found.0 == Coverage::NotCovered {
        let reason = format!("{} (in scope for the applicable legislation only)", found.1);
        return (Coverage::NotCovered, reason, found.2);
    }
    found
}

fn sources<'a>(t: &Tracer<'_>, provisions: impl Iterator<Item = &'a Provision>) -> Vec<Source> {
    provisions.map(|p| t.at(&p.place, p.span)).collect()
}

fn covered(sources: Vec<Source>, reason: String) -> Cell {
    (Coverage::Covered, reason, sources)
}

fn equality(a: &Agreement, t: &Tracer<'_>, branch: Branch) -> Cell {
    let found = sources(
        t,
        a.provisions_named("equal-treatment")
            .filter(|p| !p.has("branches") || a.branches_in(p, "branches").contains(&branch)),
    );
    if found.is_empty() {
        let reason = if a.provisions_named("equal-treatment").next().is_some() {
            format!("equality of treatment does not cover {}", branch.key())
        } else {
            "no equality-of-treatment provision".to_string()
        };
        return (Coverage::NotCovered, reason, Vec::new());
    }
    covered(found, "equality of treatment".to_string())
}

fn applicable(a: &Agreement, t: &Tracer<'_>) -> Cell {
    let articles: BTreeSet<usize> = a.rules.iter().filter_map(|r| r.place.article).collect();
    if a.rules.is_empty() {
        return (
            Coverage::NotCovered,
            "no rule of applicable legislation".to_string(),
            Vec::new(),
        );
    }
    let found = articles.into_iter().filter_map(|i| t.article(i)).collect();
    covered(found, "rules of applicable legislation".to_string())
}

/// Whether the branch has any coordination provision (the P103 test).
fn has_any_rule(a: &Agreement, branch: Branch) -> bool {
    let named = |kw: &str| {
        a.provisions_named(kw)
            .any(|p| a.branches_in(p, "branches").contains(&branch))
    };
    named("aggregation") || named("export") || a.benefits_for(branch).next().is_some()
}

fn acquired(a: &Agreement, t: &Tracer<'_>, branch: Branch, only: bool) -> Cell {
    let exported = a
        .provisions_named("export")
        .filter(|p| a.branches_in(p, "branches").contains(&branch));
    let abroad = a.benefits_for(branch).filter(|p| {
        p.has_word("exported", "yes")
            || p.has_word("children-in-other-party", "yes")
            || p.has("export-period")
            || p.words("in-kind-during")
                .iter()
                .any(|w| *w == "stay" || *w == "residence")
    });
    let mut found = sources(t, exported.chain(abroad));
    found.sort();
    if !found.is_empty() {
        return covered(found, format!("{} is provided abroad", branch.key()));
    }
    let required = match branch {
        b if b.is_exportable_pension() => Some("is not exported"),
        Branch::Family => Some("has no rule for children in another Party"),
        Branch::MedicalCare => Some("has no in-kind provision during a stay or residence abroad"),
        _ => None,
    };
    match required {
        Some(what) => (
            Coverage::NotCovered,
            format!("{} {what}", branch.key()),
            Vec::new(),
        ),
        None => unrequired(a, branch, "export", only),
    }
}

fn aggregation(a: &Agreement, t: &Tracer<'_>, party: &str, branch: Branch, only: bool) -> Cell {
    let blocks = a.provisions_named("aggregation").filter(|p| {
        a.branches_in(p, "branches").contains(&branch) && {
            let parties = p.words("parties");
            parties.is_empty() || parties.contains(&"all") || parties.contains(&party)
        }
    });
    let flagged = a
        .benefits_for(branch)
        .filter(|p| p.has_word("aggregation", "yes"));
    let mut found = sources(t, blocks.chain(flagged));
    found.sort();
    if !found.is_empty() {
        return covered(
            found,
            format!("periods are aggregated for {}", branch.key()),
        );
    }
    // Insurance under the other Party's legislation at the onset of invalidity or at death counts
    // as insurance here: that protects the rights in course of acquisition too (P401).
    if matches!(branch, Branch::Invalidity | Branch::Survivors) {
        let mut assimilated = sources(
            t,
            a.benefits_for(branch).filter(|p| {
                a.concerns(p, party) && p.has_word("insured-at-contingency", "either-party")
            }),
        );
        assimilated.sort();
        if !assimilated.is_empty() {
            return covered(
                assimilated,
                format!(
                    "insurance under the other Party's legislation at the contingency counts for {}",
                    branch.key()
                ),
            );
        }
    }
    if Branch::LONG_TERM.contains(&branch) || branch.is_short_term_cash() {
        return (
            Coverage::NotCovered,
            format!("no aggregation of periods for {} in {party}", branch.key()),
            Vec::new(),
        );
    }
    unrequired(a, branch, "aggregation", only)
}

/// A principle no standard asks for in this branch: not applicable, unless the branch has no
/// coordination provision at all and is not in scope for the applicable legislation only.
fn unrequired(a: &Agreement, branch: Branch, what: &str, only: bool) -> Cell {
    if only || has_any_rule(a, branch) {
        (
            Coverage::NotApplicable,
            format!("{what} is not required for {}", branch.key()),
            Vec::new(),
        )
    } else {
        (
            Coverage::NotCovered,
            format!("{} has no coordination rule at all", branch.key()),
            Vec::new(),
        )
    }
}

fn institution(t: &Tracer<'_>, party: &PartyDecl, branch: Branch) -> Cell {
    let code = &party.code.value;
    let found: Vec<Source> = party
        .institutions
        .iter()
        .enumerate()
        .filter(|(_, i)| i.branches.contains(&branch))
        .map(|(n, i)| t.outside(super::source::institution_eid(code, n), i.span))
        .collect();
    if found.is_empty() {
        return (
            Coverage::NotCovered,
            format!("no institution designated for {} in {code}", branch.key()),
            Vec::new(),
        );
    }
    covered(found, "institution designated".to_string())
}
