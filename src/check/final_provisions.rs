//! P7 — transitional and final provisions: entry into force (P701), duration or termination
//! (P702), acquired rights after termination (P703), periods before entry into force (P704), rights
//! under a superseded agreement (P705).

use super::registry::{declare, Check, Explanation, Family, Policy, Profile, Treatment};
use super::Context;
use crate::diag::Diagnostic;
use crate::diag::Severity::*;
use crate::model::Principle::*;

/// P701: no entry-into-force provision.
pub(super) fn no_entry_into_force(cx: &Context<'_>) -> Vec<Diagnostic> {
    let a = cx.agreement;
    let in_header = a.header_fields.iter().any(|f| f.name.value == "in-force");
    if in_header || a.provisions_named("entry-into-force").next().is_some() {
        return Vec::new();
    }
    vec![cx
        .finding(&P701, "the agreement does not say when it enters into force", a.anchor())
        .label("no entry into force")
        .help("add to Part VI `entry-into-force: \"first day of the third month after the exchange of notes\"`")]
}

/// P702: no duration or termination provision.
pub(super) fn no_termination(cx: &Context<'_>) -> Vec<Diagnostic> {
    let a = cx.agreement;
    if a.provisions_named("duration").next().is_some()
        || a.provisions_named("termination").next().is_some()
    {
        return Vec::new();
    }
    vec![cx
        .finding(&P702, "the agreement has no duration or termination provision", a.anchor())
        .label("no duration or termination")
        .help("add to Part VI `duration: indefinite` and `termination { notice: 12 months  acquired-rights: retained }`")]
}

/// P703: termination without retention of acquired rights.
pub(super) fn rights_lost_on_termination(cx: &Context<'_>) -> Vec<Diagnostic> {
    let a = cx.agreement;
    if a.provisions_named("termination")
        .any(|p| p.has_word("acquired-rights", "retained"))
    {
        return Vec::new();
    }
    let span = a
        .provisions_named("termination")
        .find_map(|p| p.field("acquired-rights").map(crate::model::field_span))
        .or_else(|| {
            a.provisions_named("termination")
                .next()
                .map(|p| p.keyword.span)
        })
        .unwrap_or_else(|| a.anchor());
    vec![cx
        .finding(
            &P703,
            "rights acquired under the agreement are not retained if it is terminated",
            span,
        )
        .label("rights lost on termination")
        .note("pensions already awarded and being paid abroad would stop (Netherlands–Japan Art 32(2) retains them)")
        .help("write `acquired-rights: retained` in the `termination` block")]
}

/// P704: no rule that periods before entry into force count.
pub(super) fn prior_periods_ignored(cx: &Context<'_>) -> Vec<Diagnostic> {
    let a = cx.agreement;
    // Without aggregation, no period of one Party counts under the other's law, before entry
    // into force or after.
    if a.provisions_named("aggregation").next().is_none()
        && !a
            .provisions
            .iter()
            .any(|p| p.branch.is_some() && p.has_word("aggregation", "yes"))
    {
        return Vec::new();
    }
    if a.provisions_named("transitional").any(|p| {
        p.has_word("prior-periods", "count")
            || p.has_word("prior-periods", "count-if-not-already-used")
    }) {
        return Vec::new();
    }
    let span = a
        .provisions_named("transitional")
        .find_map(|p| p.field("prior-periods").map(crate::model::field_span))
        .or_else(|| {
            a.provisions_named("transitional")
                .next()
                .map(|p| p.keyword.span)
        })
        .unwrap_or_else(|| a.anchor());
    vec![cx
        .finding(
            &P704,
            "periods completed before entry into force are not counted",
            span,
        )
        .label("prior periods ignored")
        .note("EU Regulation 883/2004 Art 87(2) takes periods completed before its application into account; C118 Art 12(2) leaves it to the agreements to say how far they reach contingencies that arose before")
        .help("write `prior-periods: count` in the `transitional` block")]
}

/// P705: an agreement that supersedes another without preserving the rights acquired under it.
pub(super) fn superseded_rights(cx: &Context<'_>) -> Vec<Diagnostic> {
    let a = cx.agreement;
    let Some(field) = a
        .header_fields
        .iter()
        .find(|f| f.name.value == "supersedes")
    else {
        return Vec::new();
    };
    if a.provisions_named("transitional")
        .any(|p| p.has_word("superseded-agreements", "acquired-rights-retained"))
    {
        return Vec::new();
    }
    vec![cx
        .finding(
            &P705,
            "rights acquired under the superseded agreement are not preserved",
            crate::model::field_span(field),
        )
        .label("supersedes without preserving")
        .note("MERCOSUR Art 17(4): the multilateral agreement replaces bilateral ones without loss of acquired rights")
        .help("write `superseded-agreements: acquired-rights-retained` in the `transitional` block")]
}

declare!(P701 = Check {
    name: "no-entry-into-force",
    family: Family::FinalProvisions,
    policy: Policy::UnlessDraft(Error),
    principle: None,
    source: "R167",
    summary: "no entry-into-force provision",
    profile: Family::FinalProvisions.profile(),
    run: Some(no_entry_into_force),
    explanation: Explanation {
        what: "Looks for an `entry-into-force:` line or an `in-force:` date in the header; reports their absence once, \
               on the agreement's title.",
        why: "Periods, postings in progress and the first benefits are all counted from entry into force; the final \
              provisions of every model agreement (R167, Annex II) state it.",
        failing: "article 23 \"Duration\" {\n  duration: indefinite\n}",
        passing: "article 23 \"Entry into force\" {\n  entry-into-force: \"first day of the third month after the exchange of notes\"\n}",
    },
});

declare!(P702 = Check {
    name: "no-termination",
    family: Family::FinalProvisions,
    policy: Policy::UnlessDraft(Error),
    principle: None,
    source: "R167",
    summary: "no duration or termination provision",
    profile: Family::FinalProvisions.profile(),
    run: Some(no_termination),
    explanation: Explanation {
        what: "Looks for a `duration:` line or a `termination { … }` block; reports their absence once, on the \
               agreement's title.",
        why: "The Parties need to know how long the agreement lasts and how it ends; the notice period protects people \
              whose claims are pending.",
        failing: "article 23 \"Entry into force\" {\n  entry-into-force: \"on signature\"\n}",
        passing: "article 24 \"Duration and termination\" {\n  duration: indefinite\n  termination { notice: 12 months  acquired-rights: retained }\n}",
    },
});

declare!(P703 = Check {
    name: "rights-lost-on-termination",
    family: Family::FinalProvisions,
    policy: Policy::Principle(AcquiredRights),
    principle: Some(AcquiredRights),
    source: "C157 Part IV; Netherlands–Japan Art 32(2)",
    summary: "termination without retention of acquired rights",
    profile: Profile { coverage: Treatment::Off, posting: Treatment::Off, ..Family::FinalProvisions.profile() },
    run: Some(rights_lost_on_termination),
    explanation: Explanation {
        what: "Looks for a `termination` block with `acquired-rights: retained`. Reported once: on `acquired-rights:` \
               when it says otherwise, on the `termination` block when it is silent, on the title when there is no \
               termination block at all.",
        why: "Rights acquired under the agreement — pensions awarded, being paid abroad — must survive its termination \
              (C157 Part IV; Netherlands–Japan Art 32(2)). Netherlands–Korea and Netherlands–Pakistan say nothing, so \
              a termination would stop payments.",
        failing: "termination {\n  notice: 12 months\n}",
        passing: "termination {\n  notice: 12 months\n  acquired-rights: retained\n}",
    },
});

declare!(P704 = Check {
    name: "prior-periods-ignored",
    family: Family::FinalProvisions,
    policy: Policy::Fixed(Warning),
    principle: Some(RightsInCourseOfAcquisition),
    source: "EU Regulation 883/2004 Art 87(2); C118 Art 12(2); Netherlands–Japan",
    summary: "no rule that periods before entry into force count",
    profile: Profile { coverage: Treatment::Off, posting: Treatment::Off, export: Treatment::Off, ..Family::FinalProvisions.profile() },
    run: Some(prior_periods_ignored),
    explanation: Explanation {
        what: "In an agreement that aggregates periods, looks for a `transitional` block with `prior-periods: count`; \
               reports its absence once. Without aggregation there is nothing to count, and the check is silent.",
        why: "Workers whose careers began before the agreement must have those periods counted for rights that arise \
              after it, or the first generation of migrants gains nothing. C118 does not require it: its Art 12(2) \
              leaves the treatment of contingencies that arose before entry into force to the agreements; EU \
              Regulation 883/2004 Art 87(2) and Netherlands–Japan count earlier periods.",
        failing: "aggregation {\n  branches: old-age\n  periods: insurance\n}\n…\ntransitional {\n  benefits-before-entry-into-force: none\n}",
        passing: "aggregation {\n  branches: old-age\n  periods: insurance\n}\n…\ntransitional {\n  prior-periods: count\n  benefits-before-entry-into-force: none\n}",
    },
});

declare!(P705 = Check {
    name: "superseded-rights",
    family: Family::FinalProvisions,
    policy: Policy::Principle(AcquiredRights),
    principle: Some(AcquiredRights),
    source: "MERCOSUR Art 17(4)",
    summary: "an agreement that supersedes another without preserving rights acquired under it",
    profile: Family::FinalProvisions.profile(),
    run: Some(superseded_rights),
    explanation: Explanation {
        what: "When the header has `supersedes:`, looks for a `transitional` block with \
               `superseded-agreements: acquired-rights-retained` (rights acquired under the agreements this one replaces).",
        why: "A new agreement that replaces an old one must keep the rights acquired under it (MERCOSUR Art 17(4)), or \
              the improvement takes pensions away.",
        failing: "agreement \"…\" {\n  supersedes: \"Agreement of 1980\"\n}\n…\ntransitional {\n  prior-periods: count\n}",
        passing: "agreement \"…\" {\n  supersedes: \"Agreement of 1980\"\n}\n…\ntransitional {\n  prior-periods: count\n  superseded-agreements: acquired-rights-retained\n}",
    },
});

/// The checks declared in this file.
pub(super) static CHECKS: &[&Check] = &[&P701, &P702, &P703, &P704, &P705];
