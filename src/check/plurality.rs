//! P8 — undue plurality: no anti-overlap rule (P801), national anti-overlap rules applied between
//! same-kind pro-rata benefits (P802).

use super::registry::{declare, Check, Explanation, Family, Policy, Profile, Treatment};
use super::Context;
use crate::diag::Diagnostic;
use crate::diag::Severity::*;

/// P801: no rule on overlapping benefits.
pub(super) fn no_anti_overlap(cx: &Context<'_>) -> Vec<Diagnostic> {
    let a = cx.agreement;
    if a.provisions_named("overlapping").next().is_some() {
        return Vec::new();
    }
    vec![cx
        .finding(&P801, "the agreement has no rule on overlapping benefits", a.anchor())
        .label("no anti-overlap rule")
        .help("add to Part IV `overlapping { national-rules: apply-to-foreign  same-kind-pro-rata: exempt  simultaneous-reduction: shared }`")]
}

/// P802: national anti-overlap rules applied between same-kind pro-rata benefits. A means test
/// that counts the other Party's benefits as income (`national-rules: means-test`) is a national
/// rule on overlapping, but it reduces means-tested benefits, not same-kind pro-rata pensions.
pub(super) fn same_kind_reduction(cx: &Context<'_>) -> Vec<Diagnostic> {
    cx.agreement
        .provisions_named("overlapping")
        .filter(|p| {
            p.has_word("same-kind-pro-rata", "reduce")
                || (p.has_word("national-rules", "apply-to-foreign")
                    && !p.has("same-kind-pro-rata"))
        })
        .map(|p| {
            let span = if p.has("same-kind-pro-rata") {
                p.field_span("same-kind-pro-rata")
            } else {
                p.field_span("national-rules")
            };
            cx.finding(
                &P802,
                "national anti-overlap rules reduce same-kind pro-rata benefits",
                span,
            )
            .label("same-kind benefits reduced")
            .note("each pro-rata benefit already pays only for its own periods; reducing one for the other cuts the pension twice")
            .help("write `same-kind-pro-rata: exempt`")
        })
        .collect()
}

declare!(P801 = Check {
    name: "no-anti-overlap",
    family: Family::Plurality,
    policy: Policy::Fixed(Warning),
    principle: None,
    source: "R167, Annex I (undue plurality); EU Regulation 883/2004 Art 10",
    summary: "no rule on overlapping benefits",
    profile: Profile { export: Treatment::Info, ..Family::Plurality.profile() },
    run: Some(no_anti_overlap),
    explanation: Explanation {
        what: "Looks for an `overlapping { … }` block; reports its absence once.",
        why: "R167, Annex I regulates undue plurality: national reduction and suspension rules also apply to benefits \
              and income from the other Party, so that nobody draws two full benefits for the same contingency.",
        failing: "part IV \"Undue plurality\" {\n  article 20 \"Overlapping of benefits\" {\n    text \"\"\"To be agreed.\"\"\"\n  }\n}",
        passing: "part IV \"Undue plurality\" {\n  article 20 \"Overlapping of benefits\" {\n    overlapping {\n      national-rules: apply-to-foreign\n      same-kind-pro-rata: exempt\n      simultaneous-reduction: shared\n    }\n  }\n}",
    },
});

declare!(P802 = Check {
    name: "same-kind-reduction",
    family: Family::Plurality,
    policy: Policy::Fixed(Warning),
    principle: None,
    source: "R167, Annex I (undue plurality)",
    summary: "national anti-overlap rules applied between same-kind pro-rata benefits",
    profile: Family::Plurality.profile(),
    run: Some(same_kind_reduction),
    explanation: Explanation {
        what: "An `overlapping` block with `same-kind-pro-rata: reduce`, or with `national-rules: apply-to-foreign` and \
               nothing said about same-kind pro-rata benefits. A means-test offset — the other Party's benefits counted \
               as income when a means-tested benefit is assessed — is a national rule on overlapping benefits too, \
               written `national-rules: means-test`; it reduces a means-tested benefit, not a pro-rata pension of the \
               same kind, so without `apply-to-foreign` it is not reported.",
        why: "R167, Annex I exempts benefits of the same kind awarded pro rata from national anti-overlap rules: each \
              already pays only for its own periods, so reducing one because of the other cuts the pension twice.",
        failing: "overlapping {\n  national-rules: apply-to-foreign\n  same-kind-pro-rata: reduce\n}",
        passing: "overlapping {\n  national-rules: apply-to-foreign\n  same-kind-pro-rata: exempt\n}",
    },
});

/// The checks declared in this file.
pub(super) static CHECKS: &[&Check] = &[&P801, &P802];
