//! P6 — administrative assistance: liaison bodies (P601), free assistance (P602), claims and
//! appeals lodged with the other Party (P603), data protection (P604), languages (P605), disputes
//! (P606), institutions for each covered branch (P607), conversion of periods counted in different
//! units (P609).

use super::registry::{declare, Check, Explanation, Family, Policy, Profile, Treatment};
use super::Context;
use crate::diag::Diagnostic;
use crate::diag::Severity::*;
use crate::model::coordination::join_and;
use crate::model::Principle::*;
use crate::model::Provision;
use crate::span::Span;

fn blocks<'a>(cx: &'a Context<'_>) -> impl Iterator<Item = &'a Provision> + 'a {
    cx.agreement.provisions_named("administration")
}

/// Where to report something an `administration` block lacks: the field when it is written with
/// another value, else the first block, else the agreement's title.
fn anchor(cx: &Context<'_>, field: &str) -> Span {
    blocks(cx)
        .find_map(|p| p.field(field).map(crate::model::field_span))
        .or_else(|| blocks(cx).next().map(|p| p.keyword.span))
        .unwrap_or_else(|| cx.agreement.anchor())
}

/// P601: a Party without a liaison body. Liaison bodies the agreement leaves to the competent
/// authorities or the administrative arrangement (`liaison-bodies: designated` or `listed`) are
/// designated, though the treaty does not name them.
pub(super) fn no_liaison_body(cx: &Context<'_>) -> Vec<Diagnostic> {
    let delegated = blocks(cx).any(|p| {
        p.has_word("liaison-bodies", "designated") || p.has_word("liaison-bodies", "listed")
    });
    if delegated {
        return Vec::new();
    }
    cx.agreement
        .parties
        .iter()
        .filter(|p| p.liaison_bodies.is_empty())
        .map(|p| {
            cx.finding(
                &P601,
                format!("{} designates no liaison body", p.code.value),
                p.code.span,
            )
            .label("no liaison body")
            .note("the liaison bodies are how the institutions of the Parties reach each other")
            .help("add `liaison-body: \"…\"` to the Party, or write `liaison-bodies: designated` in the `administration` block when the competent authorities designate them")
        })
        .collect()
}

/// P602: administrative assistance not declared free of charge.
pub(super) fn assistance_not_free(cx: &Context<'_>) -> Vec<Diagnostic> {
    if blocks(cx).any(|p| p.has_word("assistance", "free")) {
        return Vec::new();
    }
    vec![cx
        .finding(
            &P602,
            "administrative assistance is not declared free of charge",
            anchor(cx, "assistance"),
        )
        .label("assistance not free")
        .note("the Parties' institutions must help each other without charging for it")
        .help("write `assistance: free` in the `administration` block")]
}

/// P603: claims or appeals lodged with the other Party do not count from the same date.
pub(super) fn claims_not_portable(cx: &Context<'_>) -> Vec<Diagnostic> {
    let missing: Vec<String> = ["claims", "appeals"]
        .into_iter()
        .filter(|f| !blocks(cx).any(|p| p.has_word(f, "lodged-with-either-party")))
        .map(str::to_string)
        .collect();
    let Some(first) = missing.first() else {
        return Vec::new();
    };
    vec![cx
        .finding(
            &P603,
            format!(
                "{} lodged with the other Party's institution do not count from the same date",
                join_and(&missing)
            ),
            anchor(cx, first),
        )
        .label("not portable")
        .note("a claim sent to the wrong Party's institution would otherwise be late everywhere")
        .help(format!(
            "write {} in the `administration` block",
            missing
                .iter()
                .map(|f| format!("`{f}: lodged-with-either-party`"))
                .collect::<Vec<_>>()
                .join(" and ")
        ))]
}

/// P604: no data-protection provision.
pub(super) fn no_data_protection(cx: &Context<'_>) -> Vec<Diagnostic> {
    if blocks(cx).any(|p| p.has_word("data-protection", "yes")) {
        return Vec::new();
    }
    vec![cx
        .finding(
            &P604,
            "personal data exchanged between institutions is not protected",
            anchor(cx, "data-protection"),
        )
        .label("no data protection")
        .help("write `data-protection: yes` in the `administration` block")]
}

/// P605: documents in another Party's official language may be refused.
pub(super) fn no_language_clause(cx: &Context<'_>) -> Vec<Diagnostic> {
    if blocks(cx).any(|p| accepts_every_language(cx, p)) {
        return Vec::new();
    }
    vec![cx
        .finding(
            &P605,
            "documents in the other Party's official language may be refused",
            anchor(cx, "documents-in"),
        )
        .label(if blocks(cx).any(|p| p.has("documents-in")) {
            "not every official language"
        } else {
            "no language clause"
        })
        .help("write `documents-in: any-official-language` in the `administration` block")]
}

/// Whether an `administration` block accepts documents in every Party's official language:
/// `documents-in: any-official-language`, or a list naming every language the Parties declare in
/// `official-languages:`; when a Party declares none, a list naming at least one language per Party.
fn accepts_every_language(cx: &Context<'_>, p: &Provision) -> bool {
    let listed: Vec<String> = p
        .field("documents-in")
        .map(|f| f.lowercase_words().collect())
        .unwrap_or_default();
    if listed.is_empty() {
        return false;
    }
    if listed.iter().any(|w| w == "any-official-language") {
        return true;
    }
    let a = cx.agreement;
    if a.parties.iter().any(|p| p.official_languages.is_empty()) {
        return listed.len() >= a.parties.len();
    }
    a.parties
        .iter()
        .flat_map(|p| &p.official_languages)
        .all(|l| listed.contains(l))
}

/// P606: no dispute settlement.
pub(super) fn no_disputes_clause(cx: &Context<'_>) -> Vec<Diagnostic> {
    if blocks(cx).any(|p| p.has("disputes") && !p.has_word("disputes", "none")) {
        return Vec::new();
    }
    vec![cx
        .finding(
            &P606,
            "the agreement does not say how disputes are settled",
            anchor(cx, "disputes"),
        )
        .label("no dispute settlement")
        .help("write `disputes: consultation, arbitration` in the `administration` block")]
}

/// P607: a covered branch with no institution designated for a Party.
pub(super) fn no_institution(cx: &Context<'_>) -> Vec<Diagnostic> {
    let a = cx.agreement;
    let mut out = Vec::new();
    for p in &a.parties {
        let code = p.code.value.as_str();
        for b in a.scope_of(code) {
            if a.deliberately_uncoordinated(b, code)
                || p.institutions.iter().any(|i| i.branches.contains(&b))
            {
                continue;
            }
            out.push(
                cx.finding(
                    &P607,
                    format!("{code} designates no institution for {}", b.title()),
                    p.code.span,
                )
                .concerning([code], [b])
                .label(format!("no institution for `{b}`"))
                .note("claims for a covered branch need an institution to go to")
                .help(format!("add `institution \"…\": {b}` to Party {code}")),
            );
        }
    }
    out
}

/// P609: Parties that count periods in different units (`period-unit:`) and aggregate them, with
/// no rule on converting one unit into the other.
pub(super) fn period_units_unconverted(cx: &Context<'_>) -> Vec<Diagnostic> {
    let a = cx.agreement;
    if super::unverified::declared(a)
        .iter()
        .any(|f| f == "aggregation")
    {
        return Vec::new();
    }
    let aggregations: Vec<&Provision> = a.provisions_named("aggregation").collect();
    if aggregations.iter().any(|p| p.has("conversion")) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for p in &aggregations {
        // The Parties this aggregation concerns whose unit is declared; a Party with none says nothing.
        let units: Vec<(&str, &crate::span::Spanned<String>)> = a
            .parties
            .iter()
            .filter(|d| a.concerns(p, &d.code.value))
            .filter_map(|d| d.period_unit.as_ref().map(|u| (d.code.value.as_str(), u)))
            .collect();
        let Some((first, first_unit)) = units.first() else {
            continue;
        };
        let Some((other, other_unit)) = units.iter().find(|(_, u)| u.value != first_unit.value)
        else {
            continue;
        };
        let parties: Vec<&str> = units.iter().map(|(c, _)| *c).collect();
        out.push(
            cx.finding(
                &P609,
                format!(
                    "{first} counts periods in {} and {other} in {}, and no rule says how one converts into the other",
                    first_unit.value, other_unit.value
                ),
                p.keyword.span,
            )
            .concerning(parties, a.branches_of(p))
            .label("periods added across units")
            .secondary(first_unit.span, format!("{first} counts in {}", first_unit.value))
            .secondary(other_unit.span, format!("{other} counts in {}", other_unit.value))
            .note("adding a quarter to a week, or a year to a month, needs a rule: without one each institution converts the other's periods its own way, and a career may count for less than it lasted")
            .help("state the conversion (`conversion: stated`, with the rule in the Article's text) or leave it to the administrative arrangement (`conversion: administrative-arrangement`)"),
        );
        // One finding is enough: the rule, once written, serves every aggregation.
        break;
    }
    out
}

declare!(P601 = Check {
    name: "no-liaison-body",
    family: Family::Administration,
    policy: Policy::Principle(AdministrativeAssistance),
    principle: Some(AdministrativeAssistance),
    source: "C157 Part V",
    summary: "a Party without a liaison body",
    profile: Family::Administration.profile(),
    run: Some(no_liaison_body),
    explanation: Explanation {
        what: "Each `party` must have at least one `liaison-body:`, unless an `administration` block leaves their \
               designation to the competent authorities (`liaison-bodies: designated`) or lists them in the \
               administrative arrangement (`liaison-bodies: listed`): liaison bodies delegated so are designated, \
               though the treaty does not name them (Netherlands–Japan Art 22(1) and the Administrative Arrangement \
               Art 2). One finding per Party without one.",
        why: "Liaison bodies are how institutions of the Parties reach each other to exchange records of periods and \
              decide claims (C157 Part V).",
        failing: "party XB \"Borduria\" {\n  schemes: old-age\n  institution \"Borduria Social Insurance\": all\n}",
        passing: "party XB \"Borduria\" {\n  schemes: old-age\n  institution \"Borduria Social Insurance\": all\n  liaison-body: \"Borduria Social Insurance, International Office\"\n}",
    },
});

declare!(P602 = Check {
    name: "assistance-not-free",
    family: Family::Administration,
    policy: Policy::Principle(AdministrativeAssistance),
    principle: Some(AdministrativeAssistance),
    source: "C118 Art 11",
    summary: "administrative assistance not declared free of charge",
    profile: Family::Administration.profile(),
    run: Some(assistance_not_free),
    explanation: Explanation {
        what: "Looks for an `administration` block with `assistance: free`; reports its absence once.",
        why: "C118 Art 11 requires the Parties' institutions to assist each other free of charge; charging each other \
              delays claims and ends up on the insured person.",
        failing: "administration {\n  assistance: reimbursed\n}",
        passing: "administration {\n  assistance: free\n}",
    },
});

declare!(P603 = Check {
    name: "claims-not-portable",
    family: Family::Administration,
    policy: Policy::Principle(AdministrativeAssistance),
    principle: Some(AdministrativeAssistance),
    source: "C157 Part V",
    summary: "a claim or appeal lodged with another Party's institution does not count from the same date",
    profile: Profile { coverage: Treatment::Off, posting: Treatment::Off, ..Family::Administration.profile() },
    run: Some(claims_not_portable),
    explanation: Explanation {
        what: "Looks for `claims: lodged-with-either-party` and `appeals: lodged-with-either-party` in an \
               `administration` block; one finding lists whichever is missing.",
        why: "A claim or appeal lodged with the other Party's institution must count as lodged with the competent one \
              on the same date (C157 Part V), or a migrant who writes to the wrong institution misses every deadline.",
        failing: "administration {\n  assistance: free\n  claims: competent-party-only\n}",
        passing: "administration {\n  assistance: free\n  claims: lodged-with-either-party\n  appeals: lodged-with-either-party\n}",
    },
});

declare!(P604 = Check {
    name: "no-data-protection",
    family: Family::Administration,
    policy: Policy::Fixed(Warning),
    principle: Some(AdministrativeAssistance),
    source: "practice",
    summary: "no data-protection provision",
    profile: Family::Administration.profile(),
    run: Some(no_data_protection),
    explanation: Explanation {
        what: "Looks for `data-protection: yes` in an `administration` block; reports its absence once.",
        why: "Institutions exchange earnings records, medical reports and family data; current practice protects them \
              explicitly.",
        failing: "administration {\n  assistance: free\n}",
        passing: "administration {\n  assistance: free\n  data-protection: yes\n}",
    },
});

declare!(P605 = Check {
    name: "no-language-clause",
    family: Family::Administration,
    policy: Policy::Fixed(Warning),
    principle: Some(AdministrativeAssistance),
    source: "practice",
    summary: "documents in another Party's official language may be refused",
    profile: Family::Administration.profile(),
    run: Some(no_language_clause),
    explanation: Explanation {
        what: "Looks for an `administration` block whose `documents-in:` accepts every Party's official language: \
               `any-official-language`, or a list naming every language the Parties declare in `official-languages:` \
               (when a Party declares none, a list with at least one language per Party). Reported once. A \
               `working-language:` alone does not count: it says how institutions correspond, not which documents \
               they accept.",
        why: "Without a language clause an institution may refuse a claim written in the other Party's official \
              language, or demand sworn translations.",
        failing: "party XA \"Arcadia\" { … official-languages: en }\nparty XB \"Borduria\" { … official-languages: fr }\n…\nadministration {\n  assistance: free\n  documents-in: en\n}",
        passing: "party XA \"Arcadia\" { … official-languages: en }\nparty XB \"Borduria\" { … official-languages: fr }\n…\nadministration {\n  assistance: free\n  documents-in: en, fr\n}",
    },
});

declare!(P606 = Check {
    name: "no-disputes-clause",
    family: Family::Administration,
    policy: Policy::Fixed(Warning),
    principle: Some(AdministrativeAssistance),
    source: "practice",
    summary: "no dispute settlement",
    profile: Family::Administration.profile(),
    run: Some(no_disputes_clause),
    explanation: Explanation {
        what: "Looks for `disputes:` other than `none` in an `administration` block; reports its absence once.",
        why: "Disagreements about interpretation are settled by consultation and, failing that, arbitration; without a \
              clause they block claims indefinitely.",
        failing: "administration {\n  assistance: free\n}",
        passing: "administration {\n  assistance: free\n  disputes: consultation, arbitration\n}",
    },
});

declare!(P607 = Check {
    name: "no-institution",
    family: Family::Administration,
    policy: Policy::Principle(AdministrativeAssistance),
    principle: Some(AdministrativeAssistance),
    source: "C157 Part V",
    summary: "a covered branch with no institution designated for a Party",
    profile: Profile { coverage: Treatment::Info, posting: Treatment::Info, ..Family::Administration.profile() },
    run: Some(no_institution),
    explanation: Explanation {
        what: "For each Party and each branch it coordinates (in its material scope, not `applicable-legislation-only`, \
               not explicitly excluded), looks for an \
               `institution \"…\": BRANCHES` of that Party naming the branch (`all` = the Party's schemes). One finding \
               per Party and branch, on the Party's code.",
        why: "A claim for a covered branch needs an institution that decides it (C157 Part V).",
        failing: "party XA \"Arcadia\" {\n  schemes: old-age, family\n  institution \"Pension Institute\": old-age\n  liaison-body: \"Pension Institute\"\n}\n…\nscope XA \"Social Insurance Act\": old-age, family",
        passing: "party XA \"Arcadia\" {\n  schemes: old-age, family\n  institution \"Pension Institute\": old-age\n  institution \"Family Office\": family\n  liaison-body: \"Pension Institute\"\n}\n…\nscope XA \"Social Insurance Act\": old-age, family",
    },
});

declare!(P609 = Check {
    name: "period-units-unconverted",
    family: Family::Administration,
    policy: Policy::Fixed(Warning),
    principle: Some(RightsInCourseOfAcquisition),
    source: "EU Regulation 987/2009 Art 13; C157 Part III",
    summary: "Parties that count periods in different units, with no rule for converting them",
    profile: Profile { coverage: Treatment::Off, posting: Treatment::Off, export: Treatment::Off, ..Family::Administration.profile() },
    run: Some(period_units_unconverted),
    explanation: Explanation {
        what: "When an `aggregation` block concerns two Parties whose `period-unit:` differ (`days`, `weeks`, \
               `months`, `quarters`, `years`), looks for a `conversion:` field in an `aggregation` block — \
               `stated` (the Article gives the rule) or `administrative-arrangement`. One finding, on the first \
               such block. A Party that does not declare its unit is not judged, nor is an agreement whose header \
               says `unverified: aggregation`.",
        why: "Aggregation adds the periods of one Party to those of the other (C157 Part III). When one counts \
              quarters of coverage and the other weeks or months, the sum needs a conversion rule, as EU Regulation \
              987/2009 Art 13 provides between Member States; without one, each institution converts on its own \
              terms and the same career may count differently, or for less than it lasted.",
        failing: "party XA \"Arcadia\" { period-unit: quarters … }\nparty XB \"Borduria\" { period-unit: months … }\n…\naggregation {\n  branches: old-age\n  periods: insurance\n}",
        passing: "party XA \"Arcadia\" { period-unit: quarters … }\nparty XB \"Borduria\" { period-unit: months … }\n…\naggregation {\n  branches: old-age\n  periods: insurance\n  conversion: stated\n}",
    },
});

/// The checks declared in this file.
pub(super) static CHECKS: &[&Check] = &[&P601, &P602, &P603, &P604, &P605, &P606, &P607, &P609];
