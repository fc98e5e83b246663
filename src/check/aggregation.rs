//! P4 — maintenance of rights in course of acquisition: long-term branches without aggregation
//! (P401), aggregation missing a purpose (P402), no calculation method (P403), minimum periods
//! without fallback (P404), overlapping periods (P405), short-term branches without aggregation
//! (P406), residence-based schemes that posted workers leave behind (P409).

use super::registry::{declare, Check, Explanation, Family, Policy, Profile, Treatment};
use super::Context;
use crate::ast::{ConditionKind, Status, ValueKind};
use crate::diag::Diagnostic;
use crate::diag::Severity::*;
use crate::model::coordination::join_and;
use crate::model::Principle::*;
use crate::model::{Branch, Provision};
use std::collections::BTreeSet;

/// The Parties (of those covering the branch) that do not get `test` for it, and the finding's
/// anchor; `None` when every Party does.
fn lacking<'a>(
    cx: &'a Context<'_>,
    branch: Branch,
    test: impl Fn(&str) -> bool,
) -> Option<Vec<&'a str>> {
    let parties: Vec<&str> = cx
        .agreement
        .parties_covering(branch)
        .into_iter()
        .filter(|p| !test(p))
        .collect();
    (!parties.is_empty()).then_some(parties)
}

/// The branches whose contingency (invalidity, death) can be met while insured elsewhere.
const CONTINGENCY_BRANCHES: [Branch; 2] = [Branch::Invalidity, Branch::Survivors];

/// Whether a Party counts being insured under another Party's legislation when the contingency
/// occurs as being insured under its own (`benefit BRANCH { insured-at-contingency: either-party }`):
/// a pension that requires insurance at the onset of invalidity or at death is then not lost by
/// moving (Netherlands–Japan Art 14(2), 16(1) and 18).
fn assimilates_insurance(cx: &Context<'_>, b: Branch, party: &str) -> bool {
    CONTINGENCY_BRANCHES.contains(&b)
        && cx
            .agreement
            .benefits_covering(b, party)
            .any(|p| p.has_word("insured-at-contingency", "either-party"))
}

/// P401: a long-term branch in scope without aggregation of periods.
pub(super) fn no_aggregation(cx: &Context<'_>) -> Vec<Diagnostic> {
    let a = cx.agreement;
    let mut out = Vec::new();
    for b in Branch::LONG_TERM {
        // A law that asks no qualifying period loses nothing without aggregation.
        let protected = |p: &str| {
            a.aggregates(b, p)
                || assimilates_insurance(cx, b, p)
                || a.asks_no_qualifying_period(b, p)
        };
        let Some(parties) = lacking(cx, b, protected) else {
            continue;
        };
        let mut d = cx
            .finding(
                &P401,
                format!(
                    "{} periods are not aggregated for {}",
                    b.title(),
                    parties.join(", ")
                ),
                a.branch_anchor(b, &parties),
            )
            // Every Party is concerned: the obligation runs between them, branch by branch.
            .concerning(Vec::<String>::new(), [b])
            .label(format!("`{b}` without aggregation"))
            .note("a career split between the Parties may reach the qualifying period in neither");
        // Where a Party has laws without a qualifying period beside others, name the others.
        let (without, asking): (Vec<_>, Vec<_>) = a
            .scopes
            .iter()
            .filter(|s| parties.contains(&s.party.value.as_str()) && s.branches.contains(&b))
            .partition(|s| {
                s.bases
                    .contains(&crate::model::basis::Basis::NoQualifyingPeriod)
            });
        let some_without = !without.is_empty();
        let asking: Vec<String> = asking
            .iter()
            .map(|s| format!("{} \"{}\"", s.party.value, s.law.value))
            .collect();
        if some_without && !asking.is_empty() {
            d = d.note(format!(
                "these laws ask a qualifying period (no `no-qualifying-period`): {}",
                asking.join(", ")
            ));
        }
        out.push(
            d
            .help(format!(
                "add `aggregation {{ branches: {b}  periods: insurance  purposes: acquisition, maintenance, recovery, calculation  overlapping-periods: count-once }}`"
            )),
        );
    }
    out
}

fn purposes_required(cx: &Context<'_>, p: &Provision) -> &'static [&'static str] {
    let long_term = cx
        .agreement
        .branches_of(p)
        .iter()
        .any(|b| Branch::LONG_TERM.contains(b));
    if long_term {
        &["acquisition", "maintenance", "recovery", "calculation"]
    } else {
        &["acquisition"]
    }
}

/// The methods that compute an amount from the Party's own periods alone: the other Party's
/// periods do not enter the calculation.
const OWN_PERIODS_METHODS: &[&str] = &["own-periods-only", "independent"];

/// The methods a `calculation` block gives a Party: its `party-method:` phrases naming the Party,
/// else its `method:` when the block concerns the Party.
fn methods_for<'a>(cx: &Context<'_>, c: &'a Provision, party: &str) -> Vec<&'a str> {
    let own: Vec<&str> = c
        .field("party-method")
        .map(|f| {
            f.items
                .iter()
                .filter(|i| crate::model::first_word(i) == Some(party))
                .filter_map(|i| {
                    i.values.get(1).and_then(|v| match &v.kind {
                        crate::ast::ValueKind::Word(w) => Some(w.as_str()),
                        _ => None,
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    if !own.is_empty() {
        return own;
    }
    if cx.agreement.concerns(c, party) {
        c.words("method")
    } else {
        Vec::new()
    }
}

/// Whether the calculation of a branch's amount for a Party is settled without a `calculation`
/// purpose of aggregation: every calculation block that covers it either computes on the Party's
/// own periods alone (`own-periods-only`, `independent`) or states its formula (`formula:`), which
/// says itself which periods enter the amount. `false` when no method is given for the Party.
fn calculation_settled(cx: &Context<'_>, b: Branch, party: &str) -> bool {
    let a = cx.agreement;
    let mut any = false;
    for c in a
        .provisions_named("calculation")
        .filter(|c| a.branches_of(c).contains(&b))
    {
        let methods = methods_for(cx, c, party);
        if methods.is_empty() {
            continue;
        }
        any = true;
        let settled = c.has("formula") || methods.iter().all(|m| OWN_PERIODS_METHODS.contains(m));
        if !settled {
            return false;
        }
    }
    any
}

/// Whether an aggregation block must count periods for the calculation: some Party it concerns
/// calculates one of its pensions with the other Parties' periods (pro rata, or the higher of a
/// pro-rata and an independent amount) under a method the treaty does not state as a formula.
fn calculation_purpose_needed(cx: &Context<'_>, p: &Provision) -> bool {
    let a = cx.agreement;
    let parties: Vec<&str> = a
        .party_codes()
        .into_iter()
        .filter(|c| a.concerns(p, c))
        .collect();
    a.branches_of(p)
        .into_iter()
        .filter(|b| Branch::LONG_TERM.contains(b))
        .any(|b| {
            parties
                .iter()
                .filter(|c| a.scope_of(c).contains(&b))
                .any(|c| !calculation_settled(cx, b, c))
        })
}

/// P402: aggregation that omits acquisition, maintenance, recovery or calculation.
pub(super) fn aggregation_purpose_missing(cx: &Context<'_>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for p in cx.agreement.provisions_named("aggregation") {
        // Without any calculation method, P403 reports the missing calculation once; with methods
        // that use own periods only or a formula the treaty states, there is nothing to count.
        let calculated = uncalculated(cx, p).is_empty();
        let needs_calculation = calculated && calculation_purpose_needed(cx, p);
        let missing: Vec<&str> = purposes_required(cx, p)
            .iter()
            .copied()
            .filter(|w| !p.has_word("purposes", w))
            .filter(|w| *w != "calculation" || needs_calculation)
            .collect();
        if missing.is_empty() {
            continue;
        }
        let list: Vec<String> = missing.iter().map(|w| w.to_string()).collect();
        out.push(
            cx.finding(
                &P402,
                format!("aggregation does not count periods for {}", join_and(&list)),
                p.field_span("purposes"),
            )
            .label("purpose missing")
            .note("C118 Art 7 counts periods for the acquisition, maintenance or recovery of rights and, for pensions, the calculation of benefits")
            .help(if missing.contains(&"calculation") {
                format!(
                    "add `{}` to `purposes:`, or, where the treaty states the formula of the amount, write it as `formula: \"…\"` in the `calculation` block",
                    missing.join("`, `")
                )
            } else {
                format!("add `{}` to `purposes:`", missing.join("`, `"))
            }),
        );
    }
    out
}

/// The long-term branches of an aggregation block that no calculation method covers.
fn uncalculated(cx: &Context<'_>, p: &Provision) -> Vec<Branch> {
    let a = cx.agreement;
    a.branches_of(p)
        .into_iter()
        .filter(|b| Branch::LONG_TERM.contains(b))
        .filter(|b| {
            !a.provisions_named("calculation")
                .any(|c| a.branches_of(c).contains(b) && (c.has("method") || c.has("party-method")))
        })
        .collect()
}

/// P403: aggregation for a long-term cash benefit with no calculation method.
pub(super) fn no_calculation_method(cx: &Context<'_>) -> Vec<Diagnostic> {
    let a = cx.agreement;
    let mut out = Vec::new();
    for p in a.provisions_named("aggregation") {
        let uncalculated = uncalculated(cx, p);
        if uncalculated.is_empty() {
            continue;
        }
        let names: Vec<String> = uncalculated.iter().map(|b| b.title().to_string()).collect();
        let keys: Vec<&str> = uncalculated.iter().map(|b| b.key()).collect();
        out.push(
            cx.finding(
                &P403,
                format!("no calculation method for aggregated {}", join_and(&names)),
                p.field_span("branches"),
            )
            .concerning(
                a.party_codes().into_iter().filter(|c| a.concerns(p, c)),
                uncalculated.iter().copied(),
            )
            .label("aggregated, never calculated")
            .note("after aggregation each Party must say how it computes its share: pro rata, independent, or the higher of the two (EU Regulation 883/2004 Art 52)")
            .help(format!(
                "add `calculation {{ branches: {}  method: pro-rata, higher-of-independent }}`",
                keys.join(", ")
            )),
        );
    }
    out
}

/// P404: a minimum-period clause that can lose short careers everywhere.
pub(super) fn minimum_period_without_fallback(cx: &Context<'_>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let a = cx.agreement;
    for p in a.provisions_named("minimum-period") {
        let others_count = p.has_word("others-count", "yes");
        let fallback = p.has("fallback") && !p.has_word("fallback", "none");
        // The Parties that apply the threshold (`parties:`, every Party without it). When some
        // Party applies none, it counts the short periods with its own and pays: no career is lost
        // everywhere, and no fallback is needed.
        let applying: Vec<&str> = a
            .party_codes()
            .into_iter()
            .filter(|c| a.concerns(p, c))
            .collect();
        let every_party = applying.len() == a.parties.len();
        let (message, span, help) = match (others_count, fallback) {
            (true, true) => continue,
            (true, false) if !every_party => continue,
            (false, _) => (
                "the other Parties need not count periods below the minimum",
                p.field_span("others-count"),
                "write `others-count: yes` and a `fallback:` such as `last-competent-party`",
            ),
            (true, false) => (
                "no fallback when every Party's periods are below the minimum",
                p.field_span("fallback"),
                "write `fallback: last-competent-party` (or `party-of-residence`, `most-periods`)",
            ),
        };
        out.push(
            cx.finding(&P404, format!("{message} ({})", applying.join(", ")), span)
                .concerning(applying.iter().copied(), [])
                .label("short careers can be lost")
                .note("EU Regulation 883/2004 Art 57: the other Parties still count the short periods, and one Party pays when all are short")
                .help(help),
        );
    }
    out
}

/// P405: aggregation that does not say overlapping periods count once.
pub(super) fn overlapping_periods(cx: &Context<'_>) -> Vec<Diagnostic> {
    cx.agreement
        .provisions_named("aggregation")
        .filter(|p| !p.has_word("overlapping-periods", "count-once"))
        .map(|p| {
            cx.finding(
                &P405,
                "aggregation does not say that coinciding periods count once",
                p.field_span("overlapping-periods"),
            )
            .concerning(
                cx.agreement
                    .party_codes()
                    .into_iter()
                    .filter(|c| cx.agreement.concerns(p, c)),
                cx.agreement.branches_of(p),
            )
            .label("overlapping periods unsettled")
            .help("write `overlapping-periods: count-once`")
        })
        .collect()
}

/// P406: sickness, maternity or unemployment in scope without aggregation for acquisition.
pub(super) fn short_term_without_aggregation(cx: &Context<'_>) -> Vec<Diagnostic> {
    let a = cx.agreement;
    let mut out = Vec::new();
    for b in Branch::ALL.into_iter().filter(|b| b.is_short_term_cash()) {
        let for_acquisition = |p: &str| {
            a.blocks_covering("aggregation", b, p)
                .any(|g| !g.has("purposes") || g.has_word("purposes", "acquisition"))
                || a.benefits_covering(b, p)
                    .any(|g| g.has_word("aggregation", "yes"))
        };
        // A branch in scope for the applicable legislation only needs no aggregation.
        let for_acquisition =
            |p: &str| for_acquisition(p) || !a.coordinated_scope_of(p).contains(&b);
        let Some(parties) = lacking(cx, b, for_acquisition) else {
            continue;
        };
        out.push(
            cx.finding(
                &P406,
                format!(
                    "{} periods are not aggregated for acquisition for {}",
                    b.title(),
                    parties.join(", ")
                ),
                a.branch_anchor(b, &parties),
            )
            .label(format!("`{b}` without aggregation"))
            .note("a worker who has just moved may not yet qualify under the new Party's waiting period")
            .help(format!(
                "add `aggregation {{ branches: {b}  periods: insurance  purposes: acquisition  overlapping-periods: count-once }}`"
            )),
        );
    }
    out
}

/// Whether a rule has a condition of this kind.
fn has_condition(r: &crate::model::RuleDecl, f: impl Fn(&ConditionKind) -> bool) -> bool {
    r.rule.conditions.iter().any(|c| f(&c.kind))
}

/// Whether a rule can designate a Party: it names it, or a variable.
fn can_designate(r: &crate::model::RuleDecl, party: &str) -> bool {
    r.rule.target.is_variable() || r.rule.target.name == party
}

/// Words that say a residence fiction reaches the family of the person it concerns.
const FAMILY_WORDS: &[&str] = &["famil", "spouse", "partner", "child", "accompan"];

/// P409: a Party whose scheme is residence-based and to which posted workers stay subject, with no
/// residence fiction bridging those branches, or no rule for the family accompanying them.
pub(super) fn residence_scheme_posting_unbridged(cx: &Context<'_>) -> Vec<Diagnostic> {
    let a = cx.agreement;
    let unverified = super::unverified::declared(a);
    if unverified.iter().any(|f| f == "applicable-legislation") {
        return Vec::new();
    }
    let mut out = Vec::new();
    for party in a.party_codes() {
        let Some(posting) = a.rules.iter().find(|r| {
            has_condition(r, |k| matches!(k, ConditionKind::Posted(..))) && can_designate(r, party)
        }) else {
            continue;
        };
        let lines: Vec<&crate::model::ScopeEntry> = a
            .scopes
            .iter()
            .filter(|s| s.party.value == party && s.residence_based)
            .collect();
        let Some(line) = lines.first() else {
            continue;
        };
        let residence: BTreeSet<Branch> = lines
            .iter()
            .flat_map(|s| s.branches.iter().copied())
            .collect();
        // A branch that another of the Party's laws reaches by work (the posting rule keeps the worker
        // under that law as if working in the Party) needs no fiction for the worker.
        let by_work: BTreeSet<Branch> = a
            .scopes
            .iter()
            .filter(|s| s.party.value == party && !s.residence_based)
            .flat_map(|s| s.branches.iter().copied())
            .collect();
        let fictions: Vec<&Provision> = a
            .provisions_named("residence-fiction")
            .filter(|p| a.concerns(p, party))
            .collect();
        // Any residence fiction for the Party counts: its `branches:` may be narrower than the text.
        let unbridged: Vec<Branch> = if fictions.is_empty() {
            residence.difference(&by_work).copied().collect()
        } else {
            Vec::new()
        };
        let family_rule = a.rules.iter().any(|r| {
            has_condition(r, |k| matches!(k, ConditionKind::Status(Status::Accompanying, _)))
                && can_designate(r, party)
        }) || fictions.iter().any(|p| {
            p.fields.iter().flat_map(|f| &f.items).flat_map(|i| &i.values).any(|v| {
                matches!(&v.kind, ValueKind::Str(t) if FAMILY_WORDS.iter().any(|w| t.to_lowercase().contains(w)))
            })
        });
        let worker = (!unbridged.is_empty()).then(|| {
            let names: Vec<String> = unbridged.iter().map(|b| b.title().to_string()).collect();
            join_and(&names)
        });
        let message = match (&worker, family_rule) {
            (None, true) => continue,
            (Some(b), true) => format!(
                "workers posted under {party}'s legislation leave its residence-based scheme for {b} behind: no residence fiction keeps them in it"
            ),
            (None, false) => format!(
                "the family accompanying a worker posted under {party}'s legislation leave its residence-based scheme behind: no rule keeps them in it"
            ),
            (Some(b), false) => format!(
                "workers posted under {party}'s legislation, and the family accompanying them, leave its residence-based scheme for {b} behind: no residence fiction, and no rule for the family"
            ),
        };
        let concerned: Vec<Branch> = if unbridged.is_empty() {
            residence.iter().copied().collect()
        } else {
            unbridged.clone()
        };
        out.push(
            cx.finding(
                &P409,
                message,
                posting.rule.head_span,
            )
            .concerning([party], concerned)
            .label(format!("posting keeps {party}'s legislation"))
            .secondary(line.head(), format!("{party}'s scheme reaches residents"))
            .note(format!("whoever goes abroad with a posting stops residing in {party}, and a scheme that insures residents no longer reaches them, though the agreement keeps the worker under {party}'s legislation"))
            .help(if worker.is_none() {
                format!("name the spouse and children who accompany a posted worker in the `persons:` of {party}'s residence fiction, or add a rule `rule …: accompanying {party}, resides in Y -> {party}`")
            } else {
                format!(
                    "add `residence-fiction {{ branches: {}  parties: {party}  persons: \"…\" }}` treating posted workers, and the family accompanying them, as residing in {party}; or a rule `rule …: accompanying {party}, resides in Y -> {party}` for the family",
                    residence.iter().map(|b| b.key()).collect::<Vec<_>>().join(", ")
                )
            }),
        );
    }
    out
}

declare!(P401 = Check {
    name: "no-aggregation",
    family: Family::Aggregation,
    policy: Policy::Principle(RightsInCourseOfAcquisition),
    principle: Some(RightsInCourseOfAcquisition),
    source: "C118 Art 7; C157 Part III; EU Regulation 883/2004 Art 6",
    summary: "a long-term branch in scope without aggregation of periods",
    profile: Profile { export: Treatment::Info, ..Family::Aggregation.profile() },
    run: Some(no_aggregation),
    explanation: Explanation {
        what: "For each long-term branch (invalidity, old-age, survivors) in the material scope of a Party, looks for \
               an `aggregation` block naming it (or `benefit BRANCH { aggregation: yes }`) that concerns that Party. For \
               invalidity and survivors, assimilation of insurance status at the contingency also protects the rights \
               in course of acquisition: `benefit invalidity { parties: NL  insured-at-contingency: either-party }` says \
               that being insured under the other Party's legislation when invalidity arises or at death counts as \
               being insured under this Party's (Netherlands–Japan Art 14(2), 16(1) and 18), so a career is not lost \
               by moving. A law that asks no qualifying period, its benefit accruing for each year insured, loses \
               nothing either: `scope NL \"General Old Age Pensions Act\" residence-based no-qualifying-period: old-age` \
               (every law of the Party for the branch must say so). One finding per branch, on the scope line, naming \
               the Parties without any of these. Branches kept \
               in scope on purpose without coordination (`applicable-legislation-only`, `excluded: yes`) are still \
               reported: the periods are still lost.",
        why: "Aggregation (totalization) of periods completed under each Party's legislation is the third ILO \
              principle (C118 Art 7; C157 Part III; EU Regulation 883/2004 Art 6): without it, a career split between \
              two Parties may reach the qualifying period in neither (Netherlands–Korea and Netherlands–Pakistan have \
              no aggregation at all).",
        failing: "scope XA \"Pensions Act\": invalidity, old-age, survivors\n…\n// no aggregation block",
        passing: "scope XA \"Pensions Act\": invalidity, old-age, survivors\n…\naggregation {\n  branches: invalidity, old-age, survivors\n  periods: insurance, residence\n  purposes: acquisition, maintenance, recovery, calculation\n  overlapping-periods: count-once\n}",
    },
});

declare!(P402 = Check {
    name: "aggregation-purpose-missing",
    family: Family::Aggregation,
    policy: Policy::Principle(RightsInCourseOfAcquisition),
    principle: Some(RightsInCourseOfAcquisition),
    source: "C118 Art 7",
    summary: "aggregation that omits acquisition, maintenance, recovery or calculation",
    profile: Family::Aggregation.profile(),
    run: Some(aggregation_purpose_missing),
    explanation: Explanation {
        what: "Each `aggregation` block's `purposes:`. A block covering a long-term branch must list `acquisition`, \
               `maintenance` and `recovery`, and `calculation` where a Party it concerns calculates a pension with the \
               other Parties' periods; a block for short-term branches only must list `acquisition`. A block without \
               `purposes:` misses them all. `calculation` is not needed when every Party the block concerns calculates \
               each of its pensions on its own periods alone (`method: own-periods-only` or `independent`, or a \
               `party-method:` naming the Party) or by a formula the treaty states in full (`formula: \"…\"` in the \
               `calculation` block, as Netherlands–Japan Art 14(3) and 16(2) do): the formula says itself which \
               periods enter the amount. When no calculation method covers the block's pensions at all, the missing \
               `calculation` purpose is left to P403.",
        why: "C118 Art 7 counts periods for acquiring, maintaining and recovering rights and for calculating \
              benefits; leaving one out (for instance recovery after a break in insurance) loses rights in between.",
        failing: "aggregation {\n  branches: old-age\n  purposes: acquisition\n  overlapping-periods: count-once\n}",
        passing: "aggregation {\n  branches: old-age\n  purposes: acquisition, maintenance, recovery, calculation\n  overlapping-periods: count-once\n}",
    },
});

declare!(P403 = Check {
    name: "no-calculation-method",
    family: Family::Aggregation,
    policy: Policy::Principle(RightsInCourseOfAcquisition),
    principle: Some(RightsInCourseOfAcquisition),
    source: "EU Regulation 883/2004 Art 52; C157 Part III",
    summary: "aggregation for a cash benefit with no calculation method",
    profile: Family::Aggregation.profile(),
    run: Some(no_calculation_method),
    explanation: Explanation {
        what: "Each `aggregation` block covering invalidity, old-age or survivors' benefits needs a `calculation` block \
               for the same branches with a `method:` or `party-method:`. One finding per aggregation block, listing \
               the branches without a method.",
        why: "Aggregation decides whether a right exists; the calculation method decides how much each Party pays \
              (pro rata temporis, independent benefit, or the higher of the two — EU Regulation 883/2004 Art 52; C157 \
              Part III). Without it each Party might pay a full benefit, or only for its own periods.",
        failing: "aggregation {\n  branches: old-age\n  purposes: acquisition, maintenance, recovery, calculation\n  overlapping-periods: count-once\n}",
        passing: "aggregation {\n  branches: old-age\n  purposes: acquisition, maintenance, recovery, calculation\n  overlapping-periods: count-once\n}\ncalculation {\n  branches: old-age\n  method: pro-rata, higher-of-independent\n}",
    },
});

declare!(P404 = Check {
    name: "minimum-period-without-fallback",
    family: Family::Aggregation,
    policy: Policy::Principle(RightsInCourseOfAcquisition),
    principle: Some(RightsInCourseOfAcquisition),
    source: "EU Regulation 883/2004 Art 57",
    summary: "a minimum-period clause that can lose short careers everywhere",
    profile: Family::Aggregation.profile(),
    run: Some(minimum_period_without_fallback),
    explanation: Explanation {
        what: "Each `minimum-period` block must say `others-count: yes` (the other Parties still count the short \
               periods) and, when every Party applies the threshold, give a `fallback:` other than `none` (who pays \
               when every Party's periods are short). A block whose `parties:` leave a Party out needs no fallback: \
               that Party has no minimum and counts the short periods with its own. The message names the Parties \
               that apply the threshold.",
        why: "A Party may refuse to pay for less than a year of periods, but then the others must count those periods \
              and someone must pay when all are short, or short careers are lost everywhere (EU Regulation 883/2004 \
              Art 57; MERCOSUR).",
        failing: "minimum-period {\n  threshold: 12 months\n  others-count: no\n}",
        passing: "minimum-period {\n  threshold: 12 months\n  others-count: yes\n  fallback: last-competent-party\n}",
    },
});

declare!(P405 = Check {
    name: "overlapping-periods",
    family: Family::Aggregation,
    policy: Policy::Principle(RightsInCourseOfAcquisition),
    principle: Some(RightsInCourseOfAcquisition),
    source: "EU Regulation 883/2004; real agreements",
    summary: "aggregation that does not say overlapping periods count once",
    profile: Family::Aggregation.profile(),
    run: Some(overlapping_periods),
    explanation: Explanation {
        what: "Each `aggregation` block must say `overlapping-periods: count-once`.",
        why: "A month insured in both Parties must not count twice towards a qualifying period or a pro-rata \
              calculation; real agreements state this explicitly.",
        failing: "aggregation {\n  branches: old-age\n  purposes: acquisition, maintenance, recovery, calculation\n}",
        passing: "aggregation {\n  branches: old-age\n  purposes: acquisition, maintenance, recovery, calculation\n  overlapping-periods: count-once\n}",
    },
});

declare!(P406 = Check {
    name: "short-term-without-aggregation",
    family: Family::Aggregation,
    policy: Policy::Fixed(Warning),
    principle: Some(RightsInCourseOfAcquisition),
    source: "C157 Part III",
    summary: "sickness, maternity or unemployment in scope without aggregation for acquisition",
    profile: Family::Aggregation.profile(),
    run: Some(short_term_without_aggregation),
    explanation: Explanation {
        what: "For each short-term cash branch (sickness, maternity, unemployment) in the material scope of a Party, \
               looks for aggregation for acquisition (an `aggregation` block naming it whose `purposes:` include \
               `acquisition` or are not given, or `benefit BRANCH { aggregation: yes }`). One finding per branch. A \
               branch in a Party's scope for the applicable legislation only (`BRANCH applicable-legislation-only` \
               in its scope line: the agreement settles who pays contributions, no benefit is paid under it) is not \
               reported for that Party; a branch `excluded: yes` still is.",
        why: "Short-term benefits have waiting periods; a worker who has just moved would otherwise have to requalify \
              from zero (C157 Part III).",
        failing: "scope XA \"Employment Insurance Act\": unemployment\n…\nbenefit unemployment {\n  export-period: 3 months\n}",
        passing: "scope XA \"Employment Insurance Act\": unemployment\n…\naggregation {\n  branches: unemployment\n  periods: insurance, employment\n  purposes: acquisition\n  overlapping-periods: count-once\n}",
    },
});

declare!(P409 = Check {
    name: "residence-scheme-posting-unbridged",
    family: Family::Aggregation,
    policy: Policy::Fixed(Warning),
    principle: Some(RightsInCourseOfAcquisition),
    source: "C157 Part II; C157 Part III",
    summary: "a residence-based scheme whose posted workers have no residence fiction, or whose accompanying family has no rule",
    profile: Profile { coverage: Treatment::Full, posting: Treatment::Full, export: Treatment::Off, ..Family::Aggregation.profile() },
    run: Some(residence_scheme_posting_unbridged),
    explanation: Explanation {
        what: "For each Party with a `residence-based` or `residents-only` scope line to which a posting rule can keep \
               a worker subject (the rule designates it, or a variable), looks for a `residence-fiction` concerning \
               that Party (any: its `branches:` may be narrower than the text) — needed unless each residence-based \
               branch is also reached by another of the Party's laws that insures work — and for a rule for the family \
               accompanying the worker (a rule with `accompanying`, or a residence fiction whose `persons:` name the \
               spouse, partner, children or family). One finding per Party, saying which is missing. Silent when the \
               header says `unverified: applicable-legislation`.",
        why: "A posting rule keeps the worker under the home Party's legislation (C157 Part II), but a scheme that \
              insures residents stops insuring a person who goes to live abroad: without a residence fiction the \
              posted worker accrues nothing there while abroad, and loses rights in course of acquisition (C157 Part \
              III). The spouse and children who go with the worker are in the same position (Netherlands–Japan, \
              Netherlands–Korea: a residence fiction and a rule for accompanying family members).",
        failing: "scope XA \"General Old Age Pensions Act\" residence-based: old-age\n…\nrule 6.1: employed in Y, employer in X, posted -> X\n// no residence-fiction",
        passing: "scope XA \"General Old Age Pensions Act\" residence-based: old-age\n…\nrule 6.1: employed in Y, employer in X, posted -> X\n…\nresidence-fiction {\n  branches: old-age\n  parties: XA\n  persons: \"posted workers and the spouse and children accompanying them\"\n  treated-as: \"residing in Arcadia\"\n}",
    },
});

/// The checks declared in this file.
pub(super) static CHECKS: &[&Check] = &[&P401, &P402, &P403, &P404, &P405, &P406, &P409];
