//! P5 — maintenance of acquired rights and provision of benefits abroad: pensions not exported
//! (P501), export for nationals only (P502), unlisted exceptions (P503), children living in another
//! Party (P504), medical care during a stay or residence abroad (P505), guarantees against
//! reduction only (P508).

use super::registry::{declare, Check, Explanation, Family, Policy};
use super::Context;
use crate::diag::Diagnostic;
use crate::diag::Severity::*;
use crate::model::Branch;
use crate::model::Principle::*;

/// P501: a long-term benefit in scope that is not exported.
pub(super) fn long_term_not_exported(cx: &Context<'_>) -> Vec<Diagnostic> {
    let a = cx.agreement;
    let mut out = Vec::new();
    for b in Branch::ALL
        .into_iter()
        .filter(|b| b.is_exportable_pension())
    {
        let parties: Vec<&str> = a
            .parties_covering(b)
            .into_iter()
            .filter(|p| !a.exports(b, p))
            .collect();
        if parties.is_empty() {
            continue;
        }
        out.push(
            cx.finding(
                &P501,
                format!("{} is not paid abroad for {}", b.title(), parties.join(", ")),
                a.branch_anchor(b, &parties),
            )
            // Every Party is concerned: the obligation runs between them, branch by branch.
            .concerning(Vec::<String>::new(), [b])
            .label(format!("`{b}` not exported"))
            .note("C118 Art 5 requires invalidity, old-age, survivors' and employment-injury pensions and death grants to be paid to beneficiaries living in another Party")
            .help(format!("add `{b}` to the `branches:` of the `export` block")),
        );
    }
    out
}

/// The Parties a provision concerns (`parties:`, every Party without it).
fn concerned<'a>(cx: &'a Context<'_>, p: &crate::model::Provision) -> Vec<&'a str> {
    let a = cx.agreement;
    a.party_codes()
        .into_iter()
        .filter(|c| a.concerns(p, c))
        .collect()
}

/// P502: export limited to nationals.
pub(super) fn export_nationals_only(cx: &Context<'_>) -> Vec<Diagnostic> {
    cx.agreement
        .provisions_named("export")
        .filter(|p| {
            let w = p.words("persons");
            !w.is_empty() && w.iter().all(|w| *w == "nationals" || *w == "nationals-residing")
        })
        .map(|p| {
            cx.finding(
                &P502,
                "benefits are paid abroad to nationals only",
                p.field_span("persons"),
            )
            .concerning(concerned(cx, p), cx.agreement.branches_of(p))
            .label("export for nationals only")
            .note("C118 Art 5 guarantees payment abroad to every beneficiary covered, whatever their nationality")
            .help("write `persons: covered`")
        })
        .collect()
}

/// P503: export with exceptions not enumerated.
pub(super) fn export_exception_unlisted(cx: &Context<'_>) -> Vec<Diagnostic> {
    cx.agreement
        .provisions_named("export")
        .filter(|p| {
            p.has_word("exceptions", "unlisted")
                || (p.has_word("exceptions", "listed") && p.strings("except").is_empty())
        })
        .map(|p| {
            cx.finding(
                &P503,
                "export has exceptions that are not listed",
                p.field_span("exceptions"),
            )
            .concerning(concerned(cx, p), cx.agreement.branches_of(p))
            .label("exceptions not enumerated")
            .note("a beneficiary must be able to tell from the text which benefits stop at the border")
            .help("list each benefit that is not exported: `except: \"…\", \"…\"`")
        })
        .collect()
}

/// P504: family benefits in scope with no rule for children living in another Party.
pub(super) fn family_children_abroad(cx: &Context<'_>) -> Vec<Diagnostic> {
    let a = cx.agreement;
    let b = Branch::Family;
    let parties: Vec<&str> = a
        .parties_covering(b)
        .into_iter()
        .filter(|p| {
            !a.exports(b, p)
                && !a
                    .benefits_covering(b, p)
                    .any(|f| f.has_word("children-in-other-party", "yes"))
        })
        .collect();
    if parties.is_empty() {
        return Vec::new();
    }
    vec![cx
        .finding(
            &P504,
            format!(
                "no rule for children living in another Party ({} family benefit)",
                parties.join(", ")
            ),
            a.branch_anchor(b, &parties),
        )
        // Every Party is concerned, as for P501: the obligation runs between them.
        .concerning(Vec::<String>::new(), [b])
        .label("`family` for children abroad missing")
        .note("C118 Art 6 provides family allowances for children who live in another Party")
        .help("add `benefit family { children-in-other-party: yes }`")]
}

/// P505: medical care in scope with no in-kind provision during a stay or residence abroad.
pub(super) fn medical_care_abroad(cx: &Context<'_>) -> Vec<Diagnostic> {
    let a = cx.agreement;
    let b = Branch::MedicalCare;
    let parties: Vec<&str> = a
        .parties_covering(b)
        .into_iter()
        // A branch in scope for the applicable legislation only has no benefits to provide abroad.
        .filter(|p| a.coordinated_scope_of(p).contains(&b))
        .filter(|p| {
            !a.benefits_covering(b, p).any(|m| {
                m.has_word("in-kind-during", "stay") || m.has_word("in-kind-during", "residence")
            })
        })
        .collect();
    if parties.is_empty() {
        return Vec::new();
    }
    vec![cx
        .finding(
            &P505,
            format!(
                "no medical care in kind during a stay or residence in another Party ({})",
                parties.join(", ")
            ),
            a.branch_anchor(b, &parties),
        )
        .label("`medical-care` stops at the border")
        .note("EU Regulation 883/2004 Arts 17–20: the institution of the place provides care for the competent institution")
        .help("add `benefit medical-care { in-kind-during: stay, residence  provided-by: institution-of-place  paid-by: competent-institution }`")]
}

/// P508: an export guarantee that forbids reducing a benefit paid abroad but not suspending or
/// withdrawing it.
pub(super) fn export_suspension_allowed(cx: &Context<'_>) -> Vec<Diagnostic> {
    let a = cx.agreement;
    let mut out = Vec::new();
    for p in a.provisions_named("export") {
        if !p.has_word("reduction", "none") {
            continue;
        }
        let open: Vec<&str> = ["suspension", "withdrawal"]
            .into_iter()
            .filter(|f| !p.has_word(f, "none"))
            .collect();
        if open.is_empty() {
            continue;
        }
        let parties = concerned(cx, p);
        out.push(
            cx.finding(
                &P508,
                format!(
                    "benefits paid abroad may not be reduced, but nothing forbids their {}",
                    open.join(" or ")
                ),
                p.field_span("reduction"),
            )
            .concerning(parties, a.branches_of(p))
            .label("only reduction forbidden")
            .note("C118 Art 5 guarantees benefits abroad against reduction, suspension and withdrawal alike: a benefit suspended while the beneficiary lives in the other Party is lost as surely as a reduced one")
            .help(format!(
                "where the text forbids it, write {}; otherwise add the guarantee to the Article",
                open.iter().map(|f| format!("`{f}: none`")).collect::<Vec<_>>().join(" and ")
            )),
        );
    }
    out
}

declare!(P501 = Check {
    name: "long-term-not-exported",
    family: Family::Export,
    policy: Policy::Principle(AcquiredRights),
    principle: Some(AcquiredRights),
    source: "C118 Art 5; C157 Part IV; EU Regulation 883/2004 Art 7",
    summary: "a long-term benefit in scope that is not exported",
    profile: Family::Export.profile(),
    run: Some(long_term_not_exported),
    explanation: Explanation {
        what: "For each invalidity, old-age, survivors', employment-injury or death-grant branch in a Party's material \
               scope, looks for an `export` block naming it (or `benefit BRANCH { exported: yes }`) concerning that \
               Party. One finding per branch, on the scope line, deliberately uncoordinated branches included.",
        why: "Paying a pension in full to a beneficiary who lives in the other Party is the fourth ILO principle (C118 \
              Art 5; C157 Part IV; EU Regulation 883/2004 Art 7): without it, a worker who goes home loses the pension \
              earned abroad.",
        failing: "scope XA \"Pensions Act\": old-age, survivors\n…\nexport {\n  branches: old-age\n}",
        passing: "scope XA \"Pensions Act\": old-age, survivors\n…\nexport {\n  branches: old-age, survivors\n  to: parties, third-states\n  persons: covered\n}",
    },
});

declare!(P502 = Check {
    name: "export-nationals-only",
    family: Family::Export,
    policy: Policy::Principle(AcquiredRights),
    principle: Some(AcquiredRights),
    source: "C118 Art 5",
    summary: "export limited to nationals",
    profile: Family::Export.profile(),
    run: Some(export_nationals_only),
    explanation: Explanation {
        what: "An `export` block whose `persons:` are only `nationals` (or `nationals-residing`).",
        why: "C118 Art 5 guarantees benefits abroad to every person covered; export for nationals only leaves refugees, \
              stateless persons and third-country nationals with pensions they cannot take home.",
        failing: "export {\n  branches: old-age\n  persons: nationals\n}",
        passing: "export {\n  branches: old-age\n  persons: covered\n}",
    },
});

declare!(P503 = Check {
    name: "export-exception-unlisted",
    family: Family::Export,
    policy: Policy::Fixed(Warning),
    principle: Some(AcquiredRights),
    source: "real agreements",
    summary: "export with exceptions not enumerated",
    profile: Family::Export.profile(),
    run: Some(export_exception_unlisted),
    explanation: Explanation {
        what: "An `export` block with `exceptions: unlisted`, or `exceptions: listed` without an `except:` list naming \
               the benefits.",
        why: "Exceptions to export (non-contributory, means-tested benefits) are accepted practice, but only when the \
              text names them; an open-ended exception lets an institution stop any payment.",
        failing: "export {\n  branches: old-age\n  persons: covered\n  exceptions: unlisted\n}",
        passing: "export {\n  branches: old-age\n  persons: covered\n  except: \"minimum income supplement (means-tested)\"\n}",
    },
});

declare!(P504 = Check {
    name: "family-children-abroad",
    family: Family::Export,
    policy: Policy::Principle(AcquiredRights),
    principle: Some(AcquiredRights),
    source: "C118 Art 6",
    summary: "family benefits in scope with no rule for children living in another Party",
    profile: Family::Export.profile(),
    run: Some(family_children_abroad),
    explanation: Explanation {
        what: "When family benefits are in a Party's material scope, looks for `benefit family { \
               children-in-other-party: yes }` or an `export` of `family` concerning that Party.",
        why: "C118 Art 6 provides family allowances for the children of a worker who live in another Party; without a \
              rule, families who stay at home lose them.",
        failing: "scope XA \"Family Allowances Act\": family\n…\n// no provision for children abroad",
        passing: "scope XA \"Family Allowances Act\": family\n…\nbenefit family {\n  children-in-other-party: yes\n}",
    },
});

declare!(P505 = Check {
    name: "medical-care-abroad",
    family: Family::Export,
    policy: Policy::Principle(AcquiredRights),
    principle: Some(AcquiredRights),
    source: "EU Regulation 883/2004 Arts 17–20",
    summary: "medical care in scope with no in-kind provision during a stay or residence in another Party",
    profile: Family::Export.profile(),
    run: Some(medical_care_abroad),
    explanation: Explanation {
        what: "When medical care is in a Party's material scope, looks for `benefit medical-care { in-kind-during: stay \
               and/or residence }` concerning that Party. Medical care in a Party's scope for the applicable \
               legislation only (`medical-care applicable-legislation-only` in its scope line) is not reported: the \
               agreement provides no care under it.",
        why: "Medical care is a benefit in kind and cannot be exported as money; persons staying or living in the other \
              Party need its institution to provide care on behalf of the competent one (EU Regulation 883/2004 Arts \
              17–20).",
        failing: "scope XA \"Health Insurance Act\": medical-care\n…\nbenefit medical-care {\n  in-kind-during: none\n}",
        passing: "scope XA \"Health Insurance Act\": medical-care\n…\nbenefit medical-care {\n  in-kind-during: stay, residence\n  provided-by: institution-of-place\n  paid-by: competent-institution\n}",
    },
});

declare!(P508 = Check {
    name: "export-suspension-allowed",
    family: Family::Export,
    policy: Policy::Principle(AcquiredRights),
    principle: Some(AcquiredRights),
    source: "C118 Art 5",
    summary: "an export guarantee that forbids reducing benefits paid abroad but not suspending or withdrawing them",
    profile: Family::Export.profile(),
    run: Some(export_suspension_allowed),
    explanation: Explanation {
        what: "An `export` block that says `reduction: none` (benefits paid abroad are not reduced) without also saying \
               `suspension: none` and `withdrawal: none`. One finding per block, naming what is left open. An `export` \
               block that says nothing about reduction is not judged.",
        why: "C118 Art 5 guarantees benefits to beneficiaries living abroad against suspension and withdrawal as well as \
              reduction. A guarantee against reduction alone lets an institution stop paying a pension while the \
              beneficiary lives in the other Party, which takes away more than any reduction.",
        failing: "export {\n  branches: old-age, survivors\n  persons: covered\n  reduction: none\n}",
        passing: "export {\n  branches: old-age, survivors\n  persons: covered\n  reduction: none\n  suspension: none\n  withdrawal: none\n}",
    },
});

/// The checks declared in this file.
pub(super) static CHECKS: &[&Check] = &[&P501, &P502, &P503, &P504, &P505, &P508];
