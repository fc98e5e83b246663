//! P3 — the structural checks of applicable legislation: postings without a limit (P303), long
//! postings (P304), unbounded extensions (P305), chaining (P306), no rule for activity in several
//! Parties (P307), special categories without a rule (P308), exceptions that may break single
//! legislation (P309), allocation clauses without effect (P314). The situation analysis (P301, P302, P310, P311) is in `crate::legislation`;
//! its explanations stand at the end of this file.

use super::registry::{declare, Check, Explanation, Family, Policy, Profile, Treatment};
use super::Context;
use crate::ast::{Activity, ClauseKind, ConditionKind, Duration, Places, Status};
use crate::diag::Diagnostic;
use crate::diag::Severity::*;
use crate::model::coordination::join_and;
use crate::model::Principle::*;
use crate::model::RuleDecl;

/// The longest posting, in months, that current practice accepts (limit plus extension).
pub(super) const LONGEST_POSTING_MONTHS: u64 = 60;

/// A posting rule: a rule with a `posted` condition.
fn posting_rules<'a>(cx: &'a Context<'_>) -> impl Iterator<Item = &'a RuleDecl> + 'a {
    cx.agreement.rules.iter().filter(|r| {
        r.rule
            .conditions
            .iter()
            .any(|c| matches!(c.kind, ConditionKind::Posted(..)))
    })
}

fn limit(r: &RuleDecl) -> Option<Duration> {
    r.rule.clauses.iter().find_map(|c| match c.kind {
        ClauseKind::Limit(d) => Some(d),
        _ => None,
    })
}

/// P303: a posting rule with no time limit.
pub(super) fn posting_without_limit(cx: &Context<'_>) -> Vec<Diagnostic> {
    posting_rules(cx)
        .filter(|r| limit(r).is_none())
        .map(|r| {
            cx.finding(
                &P303,
                format!("posting rule {} has no time limit", r.rule.label.value),
                r.rule.label.span,
            )
            .label("posting without a limit")
            .note("a posting with no limit keeps a worker under the sending Party's legislation for good (pre-1996 United States–Germany: \"not expected to be permanent\")")
            .help("add a clause such as `limit 24 months` under the rule")
            .fix(
                format!("Add `limit 24 months` to rule {}", r.rule.label.value),
                crate::span::Span::new(r.rule.target.span.end, r.rule.target.span.end),
                " limit 24 months",
            )
        })
        .collect()
}

/// P304: posting limit plus extension above 60 months.
pub(super) fn posting_limit_long(cx: &Context<'_>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for r in posting_rules(cx) {
        let Some(lim) = limit(r) else {
            continue;
        };
        let extension = r.rule.clauses.iter().find_map(|c| match c.kind {
            ClauseKind::Extension {
                duration: Some(d), ..
            } => Some(d),
            _ => None,
        });
        let total = lim.months() + extension.map_or(0, |d| d.months());
        if total <= LONGEST_POSTING_MONTHS {
            continue;
        }
        let span = r
            .rule
            .clauses
            .iter()
            .find(|c| matches!(c.kind, ClauseKind::Limit(_)))
            .map_or(r.rule.label.span, |c| c.span);
        let what = match extension {
            Some(e) => format!("{lim} plus {e} of extension"),
            None => lim.to_string(),
        };
        out.push(
            cx.finding(
                &P304,
                format!("posting rule {} allows {total} months ({what})", r.rule.label.value),
                span,
            )
            .label("longer than 60 months")
            .note("reference values: EU 24 months, India–Germany 48 months, United States agreements 60 months")
            .help("shorten the limit so that limit and extension stay within 60 months, e.g. `limit 24 months` and `extension 24 months by competent-authorities`"),
        );
    }
    out
}

/// P305: an extension with no maximum, or granted by someone other than the competent authorities.
pub(super) fn extension_unbounded(cx: &Context<'_>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for r in posting_rules(cx) {
        for c in &r.rule.clauses {
            let ClauseKind::Extension { duration, by } = &c.kind else {
                continue;
            };
            let by_ok = by
                .as_ref()
                .is_some_and(|b| b.value == "competent-authorities");
            let (problem, label) = match (duration, by_ok) {
                (Some(_), true) => continue,
                (None, true) => ("has no maximum".to_string(), "no maximum"),
                (Some(_), false) => match by {
                    Some(b) => (
                        format!("is granted by `{}`, not the competent authorities", b.value),
                        "not the competent authorities",
                    ),
                    None => (
                        "does not say the competent authorities must agree".to_string(),
                        "no consent required",
                    ),
                },
                (None, false) => (
                    "has no maximum and no consent of the competent authorities".to_string(),
                    "no maximum, no consent",
                ),
            };
            out.push(
                cx.finding(
                    &P305,
                    format!("the extension of posting rule {} {problem}", r.rule.label.value),
                    c.span,
                )
                .label(label)
                .help("write `extension 24 months by competent-authorities` (a maximum, granted by common agreement)"),
            );
        }
    }
    out
}

/// P306: a posting rule with neither a re-posting gap nor a no-replacement condition.
pub(super) fn posting_chaining(cx: &Context<'_>) -> Vec<Diagnostic> {
    posting_rules(cx)
        .filter(|r| {
            !r.rule.clauses.iter().any(|c| {
                matches!(c.kind, ClauseKind::RepostGap(_) | ClauseKind::NoReplacement)
            })
        })
        .map(|r| {
            cx.finding(
                &P306,
                format!("posting rule {} does not prevent chained postings", r.rule.label.value),
                r.rule.label.span,
            )
            .label("postings can be chained")
            .note("without a gap or a no-replacement condition, successive postings keep a worker out of the host Party's scheme beyond the limit (Netherlands–Japan: 1 year gap; Netherlands–Korea: 12 months)")
            .help("add `repost-gap 12 months` or `no-replacement` under the rule")
        })
        .collect()
}

/// Whether a rule settles activity in two or more Parties.
fn is_multi_state(r: &RuleDecl) -> bool {
    r.rule.conditions.iter().any(|c| match &c.kind {
        ConditionKind::Activity {
            activity,
            places,
            and_then,
        } => {
            and_then.is_some()
                || *activity == Activity::Mixed
                || match places {
                    Places::Several(_) => true,
                    Places::Parties(ps) => ps.len() > 1,
                }
        }
        _ => false,
    })
}

/// P307: no rule for persons active in two or more Parties.
pub(super) fn no_multi_state_rule(cx: &Context<'_>) -> Vec<Diagnostic> {
    let a = cx.agreement;
    // Under per-activity allocation every activity is allocated on its own: nothing is missing.
    if crate::legislation::allocates_per_activity(a) {
        return Vec::new();
    }
    if a.rules.iter().any(is_multi_state) {
        return Vec::new();
    }
    let (message, label) = if a.rules.is_empty() {
        (
            "the agreement has no applicable-legislation rules, none for persons active in several Parties",
            "no applicable-legislation rules",
        )
    } else {
        (
            "no rule settles the legislation of persons active in two or more Parties",
            "no multi-state rule",
        )
    };
    vec![cx
        .finding(&P307, message, a.anchor())
        .label(label)
        .note("situation: employed or self-employed in two Parties at once — without a rule both legislations apply, or neither")
        .help("add rules such as `rule 8.1: employed in X and Y, resides in X -> X` and `rule 8.6: employed in X and self-employed in Y -> X`")]
}

/// Why no single activity can meet a rule's conditions, if none can: several places, two kinds of
/// activity, or no activity at all.
fn needs_whole_person(r: &RuleDecl) -> Option<(crate::span::Span, &'static str)> {
    r.rule.conditions.iter().find_map(|c| {
        let why = match &c.kind {
            ConditionKind::Activity {
                and_then: Some(_), ..
            } => Some("it needs employment and self-employment at once"),
            ConditionKind::Activity {
                activity: Activity::Mixed,
                ..
            } => Some("it needs employment and self-employment at once"),
            ConditionKind::Activity {
                places: Places::Several(_),
                ..
            } => Some("it needs activity in several Parties"),
            ConditionKind::Activity {
                places: Places::Parties(list),
                ..
            } if list.len() >= 2 => Some("it needs activity in several Parties"),
            ConditionKind::Status(Status::NonActive, _) => {
                Some("it concerns persons with no activity")
            }
            _ => None,
        };
        why.map(|w| (c.span, w))
    })
}

/// P314: an allocation clause with no effect — a rule marked `per-activity` whose conditions no
/// single activity can meet (it is only ever applied to the whole person), or a rule marked
/// `person-level` in an agreement that allocates nothing per activity.
pub(super) fn allocation_clause_without_effect(cx: &Context<'_>) -> Vec<Diagnostic> {
    let per_activity = crate::legislation::allocates_per_activity(cx.agreement);
    let mut out = Vec::new();
    for r in &cx.agreement.rules {
        for c in &r.rule.clauses {
            match c.kind {
                ClauseKind::Allocation(true) => {
                    if let Some((at, why)) = needs_whole_person(r) {
                        out.push(
                            cx.finding(
                                &P314,
                                format!(
                                    "rule {} is marked `per-activity`, but no single activity meets its conditions",
                                    r.rule.label.value
                                ),
                                c.span,
                            )
                            .label("never applied to one activity")
                            .secondary(at, why)
                            .note("an activity is decided on its own only when no rule applies to the whole person; this rule can only ever apply to the whole person")
                            .help("remove `per-activity` from this rule, and write `allocation: per-activity` in the agreement header if each activity is to be allocated on its own"),
                        );
                    }
                }
                ClauseKind::Allocation(false) if !per_activity => out.push(
                    cx.finding(
                        &P314,
                        format!(
                            "rule {} is marked `person-level`, but the agreement allocates nothing per activity",
                            r.rule.label.value
                        ),
                        c.span,
                    )
                    .label("no effect")
                    .note("every rule already applies to the whole person: `person-level` matters only under `allocation: per-activity`")
                    .help("remove `person-level`, or write `allocation: per-activity` in the agreement header if that is what the text does"),
                ),
                _ => {}
            }
        }
    }
    out
}

/// P308: no rule for seafarers, aircrew or transport crew, civil servants, or mission staff.
pub(super) fn special_category_missing(cx: &Context<'_>) -> Vec<Diagnostic> {
    let a = cx.agreement;
    let has = |wanted: &[Status]| {
        a.rules.iter().any(|r| {
            r.rule
                .conditions
                .iter()
                .any(|c| matches!(&c.kind, ConditionKind::Status(s, _) if wanted.contains(s)))
        })
    };
    // Each category with the rule a negotiator would typically write for it.
    let categories: [(&[Status], &str, &str); 4] = [
        (
            &[Status::Seafarer],
            "seafarers",
            "seafarer under flag X -> X",
        ),
        (
            &[Status::Aircrew, Status::TransportCrew],
            "aircrew or transport crew",
            "aircrew, employer in X -> X",
        ),
        (
            &[Status::CivilServant],
            "civil servants",
            "civil-servant of X -> X",
        ),
        (
            &[Status::MissionStaff],
            "diplomatic and consular mission staff",
            "mission-staff of X -> X",
        ),
    ];
    let missing: Vec<String> = categories
        .iter()
        .filter(|(s, _, _)| !has(s))
        .map(|(_, n, _)| n.to_string())
        .collect();
    let examples: Vec<String> = categories
        .iter()
        .filter(|(s, _, _)| !has(s))
        .map(|(_, _, rule)| format!("`rule …: {rule}`"))
        .collect();
    if missing.is_empty() {
        return Vec::new();
    }
    vec![cx
        .finding(
            &P308,
            format!("no rule for {}", join_and(&missing)),
            a.anchor(),
        )
        .label("special categories missing")
        .note("these persons work across borders by the nature of their work; the general rule gives no clear answer for them")
        .help(format!("add {} with `overrides` on the general rules", join_and(&examples)))]
}

/// P309: exceptions by common agreement that need not keep exactly one legislation.
pub(super) fn exception_breaks_single_legislation(cx: &Context<'_>) -> Vec<Diagnostic> {
    cx.agreement
        .provisions_named("exceptions")
        .filter(|p| !p.has_word("keeps", "single-legislation"))
        .map(|p| {
            cx.finding(
                &P309,
                "exceptions by common agreement need not keep exactly one legislation",
                p.field_span("keeps"),
            )
            .label("single legislation not required")
            .help("write `keeps: single-legislation` in the `exceptions` block")
        })
        .collect()
}

declare!(P303 = Check {
    name: "posting-without-limit",
    family: Family::ApplicableLegislation,
    policy: Policy::Principle(ApplicableLegislation),
    principle: Some(ApplicableLegislation),
    source: "EU Regulation 883/2004 Art 12; pre-1996 US–Germany",
    summary: "a posting rule with no time limit",
    profile: Family::ApplicableLegislation.profile(),
    run: Some(posting_without_limit),
    explanation: Explanation {
        what: "A posting rule (a rule with a `posted` condition) without a `limit` clause.",
        why: "A posted worker stays under the sending Party's legislation only for a limited time (EU Regulation \
              883/2004 Art 12: 24 months). Without a limit, a posting is a permanent exception to the law of the place \
              of work, as in the pre-1996 United States–Germany text (\"not expected to be permanent\").",
        failing: "rule 6.1: employed in X -> X\nrule 7.1: employed in Y, employer in X, posted -> X\n  overrides 6.1\n  repost-gap 12 months",
        passing: "rule 6.1: employed in X -> X\nrule 7.1: employed in Y, employer in X, posted -> X\n  overrides 6.1\n  limit 24 months\n  repost-gap 12 months",
    },
});

declare!(P304 = Check {
    name: "posting-limit-long",
    family: Family::ApplicableLegislation,
    policy: Policy::Fixed(Warning),
    principle: Some(ApplicableLegislation),
    source: "practice (EU 24, India–Germany 48, US 60 months)",
    summary: "posting limit plus extension above 60 months",
    profile: Family::ApplicableLegislation.profile(),
    run: Some(posting_limit_long),
    explanation: Explanation {
        what: "A posting rule whose `limit` plus `extension` exceeds 60 months (durations are normalised: a year is 12 \
               months, a quarter 3).",
        why: "Reference values are 24 months in the EU, 48 months in India–Germany and 60 months in the United States \
              agreements; beyond that, the worker has in fact moved and should join the host Party's scheme.",
        failing: "rule 6.1: employed in X -> X\nrule 7.1: employed in Y, employer in X, posted -> X\n  overrides 6.1\n  limit 5 years\n  extension 2 years by competent-authorities\n  repost-gap 12 months",
        passing: "rule 6.1: employed in X -> X\nrule 7.1: employed in Y, employer in X, posted -> X\n  overrides 6.1\n  limit 24 months\n  extension 24 months by competent-authorities\n  repost-gap 12 months",
    },
});

declare!(P305 = Check {
    name: "extension-unbounded",
    family: Family::ApplicableLegislation,
    policy: Policy::Fixed(Info),
    principle: Some(ApplicableLegislation),
    source: "EU Regulation 883/2004 Art 16",
    summary: "an extension with no maximum, or without the competent authorities' consent",
    profile: Family::ApplicableLegislation.profile(),
    run: Some(extension_unbounded),
    explanation: Explanation {
        what: "An `extension` clause of a posting rule without a duration, or without `by competent-authorities`.",
        why: "EU Regulation 883/2004 Art 16 allows exceptions only by agreement of the competent authorities, case by \
              case, and sets no maximum itself; so an extension with no maximum is common and lawful, and the \
              finding is information: without the authorities' consent, or with no ceiling agreed in practice, \
              the extension removes the limit.",
        failing: "rule 6.1: employed in X -> X\nrule 7.1: employed in Y, employer in X, posted -> X\n  overrides 6.1\n  limit 24 months\n  extension by employer\n  repost-gap 12 months",
        passing: "rule 6.1: employed in X -> X\nrule 7.1: employed in Y, employer in X, posted -> X\n  overrides 6.1\n  limit 24 months\n  extension 24 months by competent-authorities\n  repost-gap 12 months",
    },
});

declare!(P306 = Check {
    name: "posting-chaining",
    family: Family::ApplicableLegislation,
    policy: Policy::Fixed(Warning),
    principle: Some(ApplicableLegislation),
    source: "EU Regulation 883/2004 Art 12; Netherlands–Japan",
    summary: "a posting rule with neither a re-posting gap nor a no-replacement condition",
    profile: Family::ApplicableLegislation.profile(),
    run: Some(posting_chaining),
    explanation: Explanation {
        what: "A posting rule with neither a `repost-gap` nor a `no-replacement` clause.",
        why: "Without a gap before the same person is posted again, or a ban on replacing one posted worker by another, \
              postings can be chained to keep workers outside the host scheme indefinitely (EU Regulation 883/2004 \
              Art 12; Netherlands–Japan requires a 1-year gap).",
        failing: "rule 6.1: employed in X -> X\nrule 7.1: employed in Y, employer in X, posted -> X\n  overrides 6.1\n  limit 24 months",
        passing: "rule 6.1: employed in X -> X\nrule 7.1: employed in Y, employer in X, posted -> X\n  overrides 6.1\n  limit 24 months\n  repost-gap 12 months\n  no-replacement",
    },
});

declare!(P307 = Check {
    name: "no-multi-state-rule",
    family: Family::ApplicableLegislation,
    policy: Policy::Principle(ApplicableLegislation),
    principle: Some(ApplicableLegislation),
    source: "EU Regulation 883/2004 Art 13",
    summary: "no rule for persons active in two or more Parties",
    profile: Profile { posting: Treatment::Info, ..Family::ApplicableLegislation.profile() },
    run: Some(no_multi_state_rule),
    explanation: Explanation {
        what: "Looks for at least one rule about activity in two or more Parties: `employed in X and Y`, \
               `self-employed in X and Y`, `employed in X and self-employed in Y`, `… in several` or `mixed in several`. \
               Reported once, on the agreement's title; when the agreement has no applicable-legislation rules at all, \
               the message says so.",
        why: "Persons working in two Parties at once are the classic case of double coverage or none (EU Regulation \
              883/2004 Art 13). This check is structural; the situation analysis (P302) shows the concrete gaps.",
        failing: "rule 6.1: employed in X -> X\nrule 6.2: self-employed in X -> X",
        passing: "rule 6.1: employed in X -> X\nrule 6.2: self-employed in X -> X\nrule 8.1: employed in X and Y, resides in X -> X\nrule 8.4: self-employed in X and Y, resides in X -> X\nrule 8.6: employed in X and self-employed in Y -> X",
    },
});

declare!(P308 = Check {
    name: "special-category-missing",
    family: Family::ApplicableLegislation,
    policy: Policy::Fixed(Warning),
    principle: Some(ApplicableLegislation),
    source: "EU Regulation 883/2004 Art 11",
    summary: "no rule for seafarers, aircrew or transport crew, civil servants, or mission staff",
    profile: Profile { posting: Treatment::Info, ..Family::ApplicableLegislation.profile() },
    run: Some(special_category_missing),
    explanation: Explanation {
        what: "Looks for rules on each special category — seafarers (`seafarer`), aircrew or transport crew (`aircrew`, \
               `transport-crew`), civil servants (`civil-servant`), diplomatic and consular mission staff \
               (`mission-staff`; a rule for `locally-engaged` staff, engaged in the host State, does not settle those \
               sent by a Party) — and lists those with none in one finding on the agreement's title.",
        why: "These persons work across borders by the nature of their work; EU Regulation 883/2004 Art 11 and the \
              model agreements give each a rule (flag State, employer's seat, employing administration, Vienna \
              Conventions).",
        failing: "rule 6.1: employed in X -> X",
        passing: "rule 6.1: employed in X -> X\nrule 9.1: seafarer under flag X -> X overrides 6.1\nrule 9.2: aircrew, employer in X -> X overrides 6.1\nrule 10.1: civil-servant of X -> X overrides 6.1\nrule 10.2: mission-staff of X -> X overrides 6.1",
    },
});

declare!(P309 = Check {
    name: "exception-breaks-single-legislation",
    family: Family::ApplicableLegislation,
    policy: Policy::Principle(ApplicableLegislation),
    principle: Some(ApplicableLegislation),
    source: "EU Regulation 883/2004 Art 16; Netherlands–Japan Art 10",
    summary: "exceptions by agreement that need not keep exactly one legislation",
    profile: Family::ApplicableLegislation.profile(),
    run: Some(exception_breaks_single_legislation),
    explanation: Explanation {
        what: "An `exceptions { … }` block (exceptions by common agreement) without `keeps: single-legislation`.",
        why: "The competent authorities may agree exceptions in the interest of the persons concerned, but each must \
              still leave the person under exactly one legislation (EU Regulation 883/2004 Art 16; Netherlands–Japan \
              Art 10).",
        failing: "exceptions {\n  granted-by: competent-authorities\n}",
        passing: "exceptions {\n  granted-by: competent-authorities\n  keeps: single-legislation\n}",
    },
});

declare!(P301 = Check {
    name: "double-legislation",
    family: Family::ApplicableLegislation,
    policy: Policy::Principle(ApplicableLegislation),
    principle: Some(ApplicableLegislation),
    source: "C157 Part II; EU Regulation 883/2004 Art 11(1); GB.344/POL/1 fn 11",
    summary: "a class of situations settled to two Parties by rules neither of which overrides the other",
    profile: Family::ApplicableLegislation.profile(),
    // Reported by the situation analysis, `crate::legislation`.
    run: None,
    explanation: crate::legislation::explain::P301,
});

declare!(
    P302 = Check {
        name: "no-legislation",
        family: Family::ApplicableLegislation,
        policy: Policy::Principle(ApplicableLegislation),
        principle: Some(ApplicableLegislation),
        source: "C157 Part II",
        summary: "a class of situations in personal scope that no rule settles",
        profile: Family::ApplicableLegislation.profile(),
        // Reported by the situation analysis, `crate::legislation`.
        run: None,
        explanation: crate::legislation::explain::P302,
    }
);

declare!(
    P310 = Check {
        name: "override-cycle",
        family: Family::ApplicableLegislation,
        policy: Policy::Fixed(Error),
        principle: Some(ApplicableLegislation),
        source: "Pacta semantics of `overrides`",
        summary: "rules that override each other in a cycle",
        profile: Family::ApplicableLegislation.profile(),
        // Reported by the situation analysis, `crate::legislation`.
        run: None,
        explanation: crate::legislation::explain::P310,
    }
);

declare!(
    P311 = Check {
        name: "rule-never-applies",
        family: Family::ApplicableLegislation,
        policy: Policy::Fixed(Info),
        principle: Some(ApplicableLegislation),
        source: "Pacta semantics of rules",
        summary: "a rule overridden wherever it applies, or whose conditions no situation meets",
        profile: Family::ApplicableLegislation.profile(),
        // Reported by the situation analysis, `crate::legislation`.
        run: None,
        explanation: crate::legislation::explain::P311,
    }
);

declare!(
    P312 = Check {
        name: "lex-specialis",
        family: Family::ApplicableLegislation,
        policy: Policy::Fixed(Info),
        principle: Some(ApplicableLegislation),
        source: "Pacta semantics of rules (lex specialis)",
        summary: "a more specific rule prevails over a general one without `overrides`",
        profile: Family::ApplicableLegislation.profile(),
        // Reported by the situation analysis, `crate::legislation`.
        run: None,
        explanation: crate::legislation::explain::P312,
    }
);

declare!(
    P313 = Check {
        name: "analysis-budget",
        family: Family::ApplicableLegislation,
        policy: Policy::Fixed(Warning),
        principle: Some(ApplicableLegislation),
        source: "Pacta analysis budget",
        summary: "the applicable-legislation analysis stopped at its budget",
        profile: Family::ApplicableLegislation.profile(),
        // Reported by the situation analysis, `crate::legislation`.
        run: None,
        explanation: crate::legislation::explain::P313,
    }
);

declare!(
    P314 = Check {
        name: "allocation-clause-without-effect",
        family: Family::ApplicableLegislation,
        policy: Policy::Fixed(Warning),
        principle: Some(ApplicableLegislation),
        source: "Pacta semantics of rules",
        summary: "a `per-activity` rule no single activity can meet, or a `person-level` rule where nothing is allocated per activity",
        profile: Family::ApplicableLegislation.profile(),
        run: Some(allocation_clause_without_effect),
        explanation: Explanation {
            what: "A rule's allocation clause that changes nothing: `per-activity` after a rule whose conditions need several \
                   activities, both kinds of activity, or none (`employed in several`, `employed in X and self-employed in Y`, \
                   `non-active`), or `person-level` after a rule of an agreement that allocates nothing per activity.",
            why: "Under per-activity allocation a person active in several Parties is decided activity by activity only where no \
                  rule applies to the whole person; each activity is then judged as if it were the person's only one. A rule that \
                  needs several activities can never apply to a single one, so its `per-activity` clause is never used — and since \
                  any `per-activity` clause switches the whole agreement to per-activity allocation, the clause most likely says \
                  something the drafter did not mean. `person-level` only exempts a rule from the activity-by-activity pass, which \
                  does not exist without per-activity allocation.",
            failing: "rule 8.1: employed in several, resides in X -> X\n  per-activity",
            passing: "rule 8.1: employed in several, resides in X -> X",
        },
    }
);

/// The checks declared in this file.
pub(super) static CHECKS: &[&Check] = &[
    &P301, &P302, &P303, &P304, &P305, &P306, &P307, &P308, &P309, &P310, &P311, &P312, &P313,
    &P314,
];
