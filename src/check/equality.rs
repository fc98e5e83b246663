//! P2 — equality of treatment: missing (P201), conditioned on residence (P202), survivors
//! judged by their own nationality (P203), prior-residence conditions above the C118 ceilings
//! (P204), fewer branches than the material scope (P205).

use super::registry::{declare, Check, Explanation, Family, Policy};
use super::Context;
use crate::ast::{Duration, Unit, ValueKind};
use crate::diag::Diagnostic;
use crate::model::coordination::join_and;
use crate::model::Principle::*;
use crate::model::{Branch, Provision};
use std::collections::BTreeSet;

fn blocks<'a>(cx: &'a Context<'_>) -> impl Iterator<Item = &'a Provision> + 'a {
    cx.agreement.provisions_named("equal-treatment")
}

/// P201: no equality-of-treatment provision.
pub fn no_equal_treatment(cx: &Context<'_>) -> Vec<Diagnostic> {
    if blocks(cx).next().is_some() {
        return Vec::new();
    }
    vec![cx
        .finding(
            &P201,
            "the agreement has no equality-of-treatment provision",
            cx.agreement.anchor(),
        )
        .label("no equal treatment")
        .help("add to Part I `equal-treatment { persons: covered  branches: all  residence-condition: none }`")]
}

/// P202: equality only for residents of the Party concerned.
pub fn residence_conditioned_equality(cx: &Context<'_>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for p in blocks(cx) {
        let condition = p.field("residence-condition").and_then(|f| {
            let item = f.items.first()?;
            let v = item.values.first()?;
            match &v.kind {
                ValueKind::Word(w) if w != "none" => {
                    let who = match w.as_str() {
                        "stay-or-residence-in-other-party" => {
                            "persons staying or residing in the Party concerned"
                        }
                        "ordinarily-resident-in-party" => {
                            "persons ordinarily resident in the Party concerned"
                        }
                        _ => "residents of the Party concerned",
                    };
                    Some((crate::model::item_span(item), who.to_string()))
                }
                ValueKind::Duration(d) => Some((
                    crate::model::item_span(item),
                    format!("persons resident there for {d}"),
                )),
                _ => None,
            }
        });
        let residents_only = p
            .field("persons")
            .filter(|_| {
                let w = p.words("persons");
                !w.is_empty()
                    && w.iter()
                        .all(|w| *w == "residents" || *w == "nationals-residing")
            })
            .map(|f| {
                (
                    crate::model::field_span(f),
                    "residents of the Party concerned".to_string(),
                )
            });
        let Some((span, who)) = condition.or(residents_only) else {
            continue;
        };
        // C118 Art 4(1) allows the condition for a branch whose benefits every Party grants only on
        // residence: it may be imposed on the nationals of a State whose own legislation imposes it.
        let branches = equality_branches(cx, p);
        let unconditional: Vec<Branch> = branches
            .iter()
            .copied()
            .filter(|b| !every_party_requires_residence(cx, *b))
            .collect();
        if unconditional.is_empty() && !branches.is_empty() {
            continue;
        }
        let names: Vec<String> = unconditional
            .iter()
            .map(|b| b.title().to_string())
            .collect();
        let what = if unconditional.len() == branches.len() {
            String::new()
        } else {
            format!(" for {}", join_and(&names))
        };
        out.push(
            cx.finding(
                &P202,
                format!("equality of treatment{what} is granted only to {who}"),
                span,
            )
            .label("residence condition")
            .note("C118 Art 4(1) grants equality without any condition of residence, except for a branch whose benefits the legislation of the State whose nationals are concerned grants only on residence in its territory")
            .help("write `residence-condition: none`, or keep the condition in a block whose `branches:` are residence-based for every Party"),
        );
    }
    out
}

/// The branches an `equal-treatment` block covers (no `branches:`: the whole material scope).
fn equality_branches(cx: &Context<'_>, p: &Provision) -> BTreeSet<Branch> {
    if p.has("branches") {
        cx.agreement.branches_in(p, "branches")
    } else {
        cx.agreement.covered_branches()
    }
}

/// Whether every Party makes the grant of a branch's benefits depend on residence in its territory:
/// a scope line of each Party puts the branch under a `residence-based` or `residents-only` law.
fn every_party_requires_residence(cx: &Context<'_>, b: Branch) -> bool {
    let a = cx.agreement;
    a.party_codes().into_iter().all(|party| {
        a.scopes
            .iter()
            .any(|s| s.party.value == party && s.residence_based && s.branches.contains(&b))
    })
}

/// P203: survivors' equality made to depend on the survivor's nationality.
pub fn survivors_nationality(cx: &Context<'_>) -> Vec<Diagnostic> {
    blocks(cx)
        .filter(|p| p.has_word("survivors", "nationals-only"))
        .map(|p| {
            cx.finding(
                &P203,
                "survivors are treated equally only if they are nationals themselves",
                p.field_span("survivors"),
            )
            .label("survivor's own nationality")
            .help("write `survivors: any-nationality`")
        })
        .collect()
}

/// The C118 Art 4(2) ceiling on prior residence for a branch, in days, with its wording.
fn ceiling(b: Branch) -> Option<(Duration, &'static str)> {
    let d = |amount, unit| Duration { amount, unit };
    match b {
        Branch::Maternity | Branch::Unemployment => {
            Some((d(6, Unit::Month), "6 months immediately before the claim"))
        }
        Branch::Invalidity | Branch::Survivors => Some((d(5, Unit::Year), "5 consecutive years")),
        Branch::OldAge => Some((d(10, Unit::Year), "10 years after age 18")),
        _ => None,
    }
}

/// P204: a prior-residence condition above the C118 ceilings.
pub fn residence_condition_too_long(cx: &Context<'_>) -> Vec<Diagnostic> {
    let a = cx.agreement;
    let mut out = Vec::new();
    for p in blocks(cx) {
        for item in p
            .fields
            .iter()
            .filter(|f| f.name.value == "prior-residence")
            .flat_map(|f| &f.items)
        {
            let Some(key) = crate::model::first_word(item) else {
                continue;
            };
            let Some(duration) = item.values.iter().find_map(|v| match v.kind {
                ValueKind::Duration(d) => Some(d),
                _ => None,
            }) else {
                continue;
            };
            let branches: Vec<Branch> = if key == "all" {
                a.covered_branches().into_iter().collect()
            } else {
                Branch::from_key(key).into_iter().collect()
            };
            for b in branches {
                let Some((max, wording)) = ceiling(b) else {
                    continue;
                };
                if duration.days() > max.days() {
                    out.push(
                        cx.finding(
                            &P204,
                            format!("{duration} of prior residence for {} exceeds the C118 ceiling of {max}", b.title()),
                            crate::model::item_span(item),
                        )
                        .label("residence condition too long")
                        .note(format!("C118 Art 4(2) allows at most {wording} for {}", b.title()))
                        .help(format!("write `prior-residence: {b} {max}` or less")),
                    );
                }
            }
        }
    }
    out
}

/// P205: equality covers fewer branches than the material scope.
pub fn equality_branches_narrower(cx: &Context<'_>) -> Vec<Diagnostic> {
    let a = cx.agreement;
    let Some(first) = blocks(cx).next() else {
        return Vec::new();
    };
    let mut equal: BTreeSet<Branch> = BTreeSet::new();
    for p in blocks(cx) {
        if p.has("branches") {
            equal.extend(a.branches_in(p, "branches"));
        } else {
            equal.extend(a.covered_branches());
        }
    }
    let missing: Vec<Branch> = a
        .covered_branches()
        .into_iter()
        .filter(|b| !equal.contains(b))
        .collect();
    if missing.is_empty() {
        return Vec::new();
    }
    let names: Vec<String> = missing.iter().map(|b| b.title().to_string()).collect();
    let keys: Vec<&str> = missing.iter().map(|b| b.key()).collect();
    vec![cx
        .finding(
            &P205,
            format!(
                "equality of treatment does not cover {}, which the material scope does",
                join_and(&names)
            ),
            first.field_span("branches"),
        )
        .label("fewer branches than the scope")
        .help(format!(
            "write `branches: all`, or add `{}`",
            keys.join("`, `")
        ))]
}

declare!(P201 = Check {
    name: "no-equal-treatment",
    family: Family::Equality,
    policy: Policy::Principle(EqualityOfTreatment),
    principle: Some(EqualityOfTreatment),
    source: "C118 Art 3(1); C102 Art 68",
    summary: "no equality-of-treatment provision",
    profile: Family::Equality.profile(),
    run: Some(no_equal_treatment),
    explanation: Explanation {
        what: "Looks for an `equal-treatment { … }` block anywhere in the agreement; reports its absence once, on the \
               agreement's title.",
        why: "Equality of treatment is the first ILO principle (C118 Art 3(1); C102 Art 68): without it, the other \
              Party's nationals may be charged contributions and refused benefits that nationals receive \
              (Netherlands–Pakistan has no such clause).",
        failing: "part I \"General provisions\" {\n  article 3 \"Persons covered\" {\n    personal-scope: insured-persons, family-members, survivors\n  }\n}",
        passing: "part I \"General provisions\" {\n  article 3 \"Persons covered\" {\n    personal-scope: insured-persons, family-members, survivors\n  }\n  article 4 \"Equality of treatment\" {\n    equal-treatment { persons: covered  branches: all  residence-condition: none }\n  }\n}",
    },
});

declare!(P202 = Check {
    name: "residence-conditioned-equality",
    family: Family::Equality,
    policy: Policy::Principle(EqualityOfTreatment),
    principle: Some(EqualityOfTreatment),
    source: "C118 Art 4(1)",
    summary: "equality granted only to residents of the Party concerned",
    profile: Family::Equality.profile(),
    run: Some(residence_conditioned_equality),
    explanation: Explanation {
        what: "An `equal-treatment` block with any `residence-condition:` other than `none` (`resident-in-party`, \
               `ordinarily-resident-in-party`, `stay-or-residence-in-other-party`, or a duration of residence), or whose \
               `persons:` are only `residents` or `nationals-residing`. The condition is allowed, and not reported, for \
               the branches whose benefits every Party grants on residence (each Party has a scope line putting the \
               branch under a `residence-based` or `residents-only` law): C118 Art 4(1) lets a State require residence \
               of the nationals of a State whose legislation requires it. A block covering such branches and others is \
               reported for the others, named in the message.",
        why: "C118 Art 4(1) grants equality of treatment without any condition of residence: a frontier worker or a \
              pensioner living abroad must be treated like a national too. Netherlands–Japan Art 4 limits equality to \
              persons ordinarily resident in the State concerned; Netherlands–Korea to persons staying or residing there.",
        failing: "equal-treatment {\n  persons: covered\n  branches: all\n  residence-condition: ordinarily-resident-in-party\n}",
        passing: "scope XA \"National Old Age Pensions Act\" residence-based: old-age\nscope XB \"Residents' Pension Act\" residents-only: old-age\n…\nequal-treatment {\n  persons: covered\n  branches: old-age\n  residence-condition: resident-in-party\n}",
    },
});

declare!(P203 = Check {
    name: "survivors-nationality",
    family: Family::Equality,
    policy: Policy::Principle(EqualityOfTreatment),
    principle: Some(EqualityOfTreatment),
    source: "C118 Art 3(2)",
    summary: "survivors' equality made to depend on the survivor's nationality",
    profile: Family::Equality.profile(),
    run: Some(survivors_nationality),
    explanation: Explanation {
        what: "An `equal-treatment` block with `survivors: nationals-only`.",
        why: "C118 Art 3(2) gives survivors equality of treatment whatever their own nationality: the widow of a \
              migrant worker draws her rights from him.",
        failing: "equal-treatment {\n  persons: covered\n  branches: all\n  survivors: nationals-only\n}",
        passing: "equal-treatment {\n  persons: covered\n  branches: all\n  survivors: any-nationality\n}",
    },
});

declare!(P204 = Check {
    name: "residence-condition-too-long",
    family: Family::Equality,
    policy: Policy::Principle(EqualityOfTreatment),
    principle: Some(EqualityOfTreatment),
    source: "C118 Art 4(2)",
    summary: "a prior-residence condition above the C118 ceilings",
    profile: Family::Equality.profile(),
    run: Some(residence_condition_too_long),
    explanation: Explanation {
        what: "Each `prior-residence:` phrase of an `equal-treatment` block (`old-age 15 years`) is compared with the \
               C118 Art 4(2) ceilings: 6 months for maternity and unemployment, 5 years for invalidity and survivors, \
               10 years (after age 18) for old age.",
        why: "Non-contributory benefits may require prior residence, but C118 caps it so that migrants are not \
              excluded in practice.",
        failing: "equal-treatment {\n  persons: covered\n  branches: all\n  prior-residence: old-age 15 years\n}",
        passing: "equal-treatment {\n  persons: covered\n  branches: all\n  prior-residence: old-age 10 years\n}",
    },
});

declare!(P205 = Check {
    name: "equality-branches-narrower",
    family: Family::Equality,
    policy: Policy::Principle(EqualityOfTreatment),
    principle: Some(EqualityOfTreatment),
    source: "C118 Art 3",
    summary: "equality covers fewer branches than the material scope",
    profile: Family::Equality.profile(),
    run: Some(equality_branches_narrower),
    explanation: Explanation {
        what: "Compares the branches of the `equal-treatment` blocks (a block without `branches:` covers the whole \
               material scope) with the branches in the material scope, and lists those left out in one finding.",
        why: "C118 Art 3 requires equality for each branch a State accepts; equality that stops at pensions lets \
              other branches discriminate.",
        failing: "scope XA \"Social Insurance Act\": old-age, unemployment\n…\nequal-treatment {\n  persons: covered\n  branches: old-age\n}",
        passing: "scope XA \"Social Insurance Act\": old-age, unemployment\n…\nequal-treatment {\n  persons: covered\n  branches: all\n}",
    },
});

/// The checks declared in this file.
pub(super) static CHECKS: &[&Check] = &[&P201, &P202, &P203, &P204, &P205];
