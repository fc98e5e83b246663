//! P2 — equality of treatment: missing (P201), conditioned on residence (P202), survivors
//! judged by their own nationality (P203), prior-residence conditions above the C118 ceilings
//! (P204), fewer branches than the material scope (P205), posted workers paying twice for a branch
//! outside the host Party's scope (P207).

use super::registry::{declare, Check, Explanation, Family, Policy, Profile, Treatment};
use super::Context;
use crate::ast::{Duration, Unit, ValueKind};
use crate::diag::Diagnostic;
use crate::diag::Severity::Warning;
use crate::model::coordination::join_and;
use crate::model::Principle::*;
use crate::model::{Branch, Provision};
use std::collections::BTreeSet;

fn blocks<'a>(cx: &'a Context<'_>) -> impl Iterator<Item = &'a Provision> + 'a {
    cx.agreement.provisions_named("equal-treatment")
}

/// P201: no equality-of-treatment provision.
pub(super) fn no_equal_treatment(cx: &Context<'_>) -> Vec<Diagnostic> {
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
pub(super) fn residence_conditioned_equality(cx: &Context<'_>) -> Vec<Diagnostic> {
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
pub(super) fn survivors_nationality(cx: &Context<'_>) -> Vec<Diagnostic> {
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
pub(super) fn residence_condition_too_long(cx: &Context<'_>) -> Vec<Diagnostic> {
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
pub(super) fn equality_branches_narrower(cx: &Context<'_>) -> Vec<Diagnostic> {
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

/// The Parties a rule's party reference can stand for: the Party it names, or any Party for a
/// variable.
fn parties_of<'a>(a: &'a crate::model::Agreement, r: &'a crate::ast::PartyRef) -> Vec<&'a str> {
    if r.is_variable() {
        a.party_codes()
    } else {
        a.party_codes()
            .into_iter()
            .filter(|c| *c == r.name)
            .collect()
    }
}

/// Branches often financed from taxation rather than contributions (medical care through national
/// health services, family benefits through the tax system): the language cannot tell, so P207
/// does not judge them.
const TAX_FINANCED_OFTEN: [Branch; 2] = [Branch::MedicalCare, Branch::Family];

/// P207: a posting rule keeps a worker under the home Party's legislation for a branch that the
/// host Party has a scheme for but leaves out of its material scope: nothing relieves the worker of
/// the host's scheme, so both apply.
pub(super) fn posted_double_contributions(cx: &Context<'_>) -> Vec<Diagnostic> {
    use crate::ast::{ClauseKind, ConditionKind, Places};
    let a = cx.agreement;
    let unverified = super::unverified::declared(a);
    if unverified
        .iter()
        .any(|f| f == "applicable-legislation" || f == "scope")
    {
        return Vec::new();
    }
    let mut out = Vec::new();
    for r in &a.rules {
        let conditions = &r.rule.conditions;
        if !conditions
            .iter()
            .any(|c| matches!(c.kind, ConditionKind::Posted(..)))
        {
            continue;
        }
        // The Party where the posted person works.
        let Some(host) = conditions.iter().find_map(|c| match &c.kind {
            ConditionKind::Activity {
                places: Places::Parties(ps),
                and_then: None,
                ..
            } if ps.len() == 1 => Some(&ps[0]),
            ConditionKind::WorksIn(p) => Some(p),
            _ => None,
        }) else {
            continue;
        };
        let limited: Option<BTreeSet<Branch>> = r.rule.clauses.iter().find_map(|c| match &c.kind {
            ClauseKind::Branches(bs) => Some(
                bs.iter()
                    .filter_map(|b| Branch::from_key(&b.value))
                    .collect(),
            ),
            _ => None,
        });
        let mut pairs: Vec<(String, String, Vec<Branch>)> = Vec::new();
        for home in parties_of(a, &r.rule.target) {
            for there in parties_of(a, host) {
                // Two variables stand for two different Parties.
                if there == home {
                    continue;
                }
                let Some(h) = a.party(there) else { continue };
                let home_scope = a.scope_of(home);
                let host_scope = a.scope_of(there);
                let twice: Vec<Branch> = home_scope
                    .iter()
                    .copied()
                    .filter(|b| limited.as_ref().map_or(true, |l| l.contains(b)))
                    .filter(|b| !host_scope.contains(b))
                    .filter(|b| h.schemes.contains(b) && !h.sub_national_branches.contains(b))
                    .filter(|b| !TAX_FINANCED_OFTEN.contains(b))
                    .collect();
                if !twice.is_empty() {
                    pairs.push((home.to_string(), there.to_string(), twice));
                }
            }
        }
        let Some((home, there, first)) = pairs.first() else {
            continue;
        };
        let names: Vec<String> = first.iter().map(|b| b.title().to_string()).collect();
        let mut d = cx
            .finding(
                &P207,
                format!(
                    "a worker posted from {home} to {there} stays under {home}'s legislation for {}, and nothing in the agreement relieves them of {there}'s legislation for {}, which is outside its material scope: where {there}'s law reaches their work, they pay contributions to both",
                    join_and(&names),
                    if first.len() == 1 { "that branch" } else { "these branches" }
                ),
                r.rule.head_span,
            )
            .concerning(
                pairs.iter().flat_map(|(h, t, _)| [h.clone(), t.clone()]).collect::<BTreeSet<_>>(),
                pairs.iter().flat_map(|(_, _, bs)| bs.iter().copied()).collect::<BTreeSet<_>>(),
            )
            .label("posting keeps the home legislation")
            .note("an agreement can set aside only the legislation in its material scope; a branch left out for the host Party stays under the host's law while the posting rule keeps the worker under the home Party's law for it");
        for (h, t, bs) in &pairs[1..] {
            let names: Vec<String> = bs.iter().map(|b| b.title().to_string()).collect();
            d = d.note(format!("likewise from {h} to {t} for {}", join_and(&names)));
        }
        let keys: Vec<&str> = first.iter().map(|b| b.key()).collect();
        out.push(d.help(format!(
            "bring {there}'s legislation for `{}` into the material scope (`applicable-legislation-only` is enough), or limit the posting rule with `branches …` to what both scopes share; where {there}'s law does not reach posted workers, `allow P207 \"reason\"`",
            keys.join("`, `")
        )));
    }
    out
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

declare!(P207 = Check {
    name: "posted-double-contributions",
    family: Family::Equality,
    policy: Policy::Fixed(Warning),
    principle: Some(ApplicableLegislation),
    source: "C157 Part II; EU Regulation 883/2004 Art 11(1); EU Regulation 883/2004 Art 12",
    summary: "a posting rule keeps a worker under the home legislation for a branch whose host scheme is outside the agreement",
    profile: Profile { coverage: Treatment::Full, posting: Treatment::Full, export: Treatment::Off, ..Family::Equality.profile() },
    run: Some(posted_double_contributions),
    explanation: Explanation {
        what: "For each posting rule (a rule with `posted`), each home Party it can designate and each host Party where \
               the person works: the branches in the home Party's material scope (those of the rule's `branches` \
               clause, if it has one) for which the host Party has a scheme (`schemes:`, not left to its sub-national \
               units) that is not in its own material scope. Medical care and family benefits are not judged: they \
               are often financed from taxes, not contributions, and the language does not say which. One finding \
               per rule. Silent when the header says \
               `unverified: applicable-legislation` or `unverified: scope`. Kept with the equality checks because a \
               posted worker who pays twice bears a burden no local worker bears.",
        why: "Rules on the applicable legislation set aside only the legislation in the material scope. When the home \
              Party's scope covers a branch and the host Party's does not, the posting rule keeps the worker under the \
              home scheme while the host scheme, which reaches work in its territory, still applies: contributions are \
              due twice for the same work, against the aim of one legislation only (C157 Part II; EU Regulation \
              883/2004 Arts 11(1) and 12).",
        failing: "party XB \"Borduria\" { schemes: old-age, unemployment … }\nscope XA \"Social Insurance Act\": old-age, unemployment\nscope XB \"Pensions Code\": old-age\n…\nrule 6.1: employed in Y, employer in X, posted -> X",
        passing: "party XB \"Borduria\" { schemes: old-age, unemployment … }\nscope XA \"Social Insurance Act\": old-age, unemployment\nscope XB \"Pensions Code\": old-age\nscope XB \"Jobseekers Act\": unemployment applicable-legislation-only\n…\nrule 6.1: employed in Y, employer in X, posted -> X",
    },
});

/// The checks declared in this file.
pub(super) static CHECKS: &[&Check] = &[&P201, &P202, &P203, &P204, &P205, &P207];
