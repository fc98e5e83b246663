//! P1 — material and personal scope: branches a Party has but the agreement leaves out (P101),
//! C102 branches nobody covers (P102), branches in scope with no rule (P103), one-sided coverage
//! (P104), personal scopes that leave people out (P105–P107), and export exceptions for benefits
//! outside the material scope (P108).

use super::registry::{declare, Check, Explanation, Family, Policy, Profile, Treatment};
use super::Context;
use crate::diag::Diagnostic;
use crate::diag::Severity::*;
use crate::model::coordination::join_and;
use crate::model::Principle::*;
use crate::model::{Branch, Provision};

/// P101: a Party's schemes that the material scope leaves out for that Party, in one finding per
/// Party. A branch legislated by the Party's sub-national units, not by the Party, is outside what
/// the Party can bring into the agreement; a branch in scope for the applicable legislation only
/// is in scope.
pub(super) fn branch_not_covered(cx: &Context<'_>) -> Vec<Diagnostic> {
    let a = cx.agreement;
    let mut out = Vec::new();
    for p in &a.parties {
        let code = p.code.value.as_str();
        let scope = a.scope_of(code);
        let lost: Vec<Branch> = p
            .schemes
            .iter()
            .copied()
            .filter(|b| !scope.contains(b) && !p.sub_national_branches.contains(b))
            .collect();
        let Some(first) = lost.first() else {
            continue;
        };
        let names: Vec<String> = lost.iter().map(|b| b.title().to_string()).collect();
        let keys: Vec<&str> = lost.iter().map(|b| b.key()).collect();
        let mut d = cx
            .finding(
                &P101,
                format!(
                    "{code} has legislation for {} that the agreement does not cover",
                    join_and(&names)
                ),
                a.scheme_span(code, *first),
            )
            .label(format!("`{first}` outside the material scope"))
            .concerning([code], lost.iter().copied());
        for b in &lost[1..] {
            d = d.secondary(a.scheme_span(code, *b), format!("`{b}` outside it too"));
        }
        if let Some(s) = a.scopes.iter().find(|s| s.party.value == code) {
            d = d.secondary(s.head(), format!("{code}'s material scope"));
        }
        out.push(d.help(format!(
            "cover `{keys}` in a `scope {code} \"…\"` line (`BRANCH applicable-legislation-only` for the applicable legislation only); where {code}'s sub-national units legislate for {it}, write {it} after the unit in `sub-national-units:`; where leaving {it} out is the Parties' choice, `allow P101 \"reason\"`",
            keys = keys.join("`, `"),
            it = if lost.len() == 1 { "it" } else { "them" }
        )));
    }
    out
}

/// P102: the C102 branches covered for no Party, in one finding.
pub(super) fn c102_branch_absent(cx: &Context<'_>) -> Vec<Diagnostic> {
    let a = cx.agreement;
    let covered = a.covered_branches();
    let absent: Vec<Branch> = Branch::C102
        .into_iter()
        .filter(|b| !covered.contains(b))
        .collect();
    if absent.is_empty() {
        return Vec::new();
    }
    let names: Vec<String> = absent.iter().map(|b| b.title().to_string()).collect();
    let keys: Vec<&str> = absent.iter().map(|b| b.key()).collect();
    vec![cx
        .finding(
            &P102,
            match absent.len() {
                1 => format!("one of the nine C102 branches is covered for no Party: {}", join_and(&names)),
                n => format!("{n} of the nine C102 branches are covered for no Party: {}", join_and(&names)),
            },
            a.anchor(),
        )
        .concerning(Vec::<String>::new(), absent.iter().copied())
        .label("branches left out")
        .note("most agreements cover only pensions; fewer than half cover any other branch (GB.344/POL/1 para 13)")
        .help(format!(
            "where a Party has legislation for them, add `{}` to its `scope` lines",
            keys.join("`, `")
        ))]
}

/// P103: a branch in a Party's material scope that no provision coordinates.
pub(super) fn branch_without_rule(cx: &Context<'_>) -> Vec<Diagnostic> {
    let a = cx.agreement;
    let mut out = Vec::new();
    for s in &a.scopes {
        let code = s.party.value.as_str();
        for b in &s.branches {
            // One finding per (Party, branch), on the first scope line that names it.
            let first = a.scope_entry(code, *b).is_some_and(|e| e.span == s.span);
            if !first || a.deliberately_uncoordinated(*b, code) || a.has_coordination(*b, code) {
                continue;
            }
            out.push(
                cx.finding(
                    &P103,
                    format!("{code} {} is in scope but no provision coordinates it", b.title()),
                    s.head(),
                )
                .label(format!("`{b}` has no rule"))
                .help(format!(
                    "add a provision for `{b}` (aggregation, export, a `benefit {b} {{ … }}` chapter), or write `benefit {b} {{ excluded: yes  parties: {code} }}`"
                )),
            );
        }
    }
    out
}

/// P104: a branch covered for one Party and not for another that has a scheme for it.
pub(super) fn asymmetric_scope(cx: &Context<'_>) -> Vec<Diagnostic> {
    let a = cx.agreement;
    let mut out = Vec::new();
    for b in Branch::ALL {
        let covering: Vec<&str> = a
            .party_codes()
            .into_iter()
            .filter(|p| a.scope_of(p).contains(&b))
            .collect();
        let left_out: Vec<&str> = a
            .parties
            .iter()
            .filter(|p| p.schemes.contains(&b) && !a.scope_of(&p.code.value).contains(&b))
            .map(|p| p.code.value.as_str())
            .collect();
        let (Some(first_in), Some(first_out)) = (covering.first(), left_out.first()) else {
            continue;
        };
        let mut d = cx
            .finding(
                &P104,
                format!(
                    "{} is covered for {} but not for {}",
                    b.title(),
                    covering.join(", "),
                    left_out.join(", ")
                ),
                a.scheme_span(first_out, b),
            )
            .concerning(covering.iter().chain(&left_out).copied(), [b])
            .label(format!("{first_out} has this scheme"));
        if let Some(e) = a.scope_entry(first_in, b) {
            d = d.secondary(e.head(), format!("covered for {first_in}"));
        }
        out.push(d.help(format!(
            "cover `{b}` for {} too, or record why the coverage is one-sided",
            left_out.join(", ")
        )));
    }
    out
}

fn personal_scope<'a>(cx: &'a Context<'a>) -> Option<&'a Provision> {
    cx.agreement.provisions_named("personal-scope").next()
}

/// The person words that name nationals only.
const NATIONALS: &[&str] = &[
    "nationals",
    "nationals-residing",
    "nationals-of-other-party",
    "nationals-of-either-party",
];

/// P105: a personal scope, or an equality clause, limited to nationals.
pub(super) fn nationality_based_scope(cx: &Context<'_>) -> Vec<Diagnostic> {
    let a = cx.agreement;
    let mut out = Vec::new();
    let regardless = a
        .provisions_named("regardless-of")
        .any(|p| p.has_word("regardless-of", "nationality"));
    let missing_from = |words: &[&str]| -> Vec<String> {
        [
            ("refugees", "refugees"),
            ("stateless-persons", "stateless persons"),
            ("third-country-nationals", "third-country nationals"),
        ]
        .iter()
        .filter(|(k, _)| !words.contains(k))
        .map(|(_, t)| t.to_string())
        .collect()
    };
    if let Some(ps) = personal_scope(cx) {
        let words: Vec<&str> = a
            .provisions_named("personal-scope")
            .flat_map(|p| p.words("personal-scope"))
            .collect();
        let open = words.iter().any(|w| {
            !NATIONALS.contains(w)
                && ![
                    "refugees",
                    "stateless-persons",
                    "third-country-nationals",
                    "family-members",
                    "survivors",
                ]
                .contains(w)
        });
        let missing = missing_from(&words);
        if words.iter().any(|w| NATIONALS.contains(w))
            && !open
            && !regardless
            && !missing.is_empty()
        {
            out.push(
                cx.finding(
                    &P105,
                    format!("the agreement covers nationals only: {} are left out", join_and(&missing)),
                    ps.field_span("personal-scope"),
                )
                .label("limited to nationals")
                .help("cover every insured person: `personal-scope: insured-persons, family-members, survivors` with `regardless-of: nationality`"),
            );
        }
    }
    for p in a.provisions_named("equal-treatment") {
        let words = p.words("persons");
        if words.is_empty() || !words.iter().all(|w| NATIONALS.contains(w)) {
            continue;
        }
        let missing = missing_from(&words);
        out.push(
            cx.finding(
                &P105,
                format!("equality of treatment is for nationals only: {} are left out", join_and(&missing)),
                p.field_span("persons"),
            )
            .label("equality for nationals only")
            .note("C118 Art 10(1) extends equality to refugees and stateless persons without any condition of reciprocity")
            .help("write `persons: covered` in the `equal-treatment` block"),
        );
    }
    out
}

/// P106: a sector or status excluded from the personal scope.
pub(super) fn excluded_category(cx: &Context<'_>) -> Vec<Diagnostic> {
    let a = cx.agreement;
    let mut out = Vec::new();
    for p in a.provisions_named("excluded-categories") {
        for item in p.fields.iter().flat_map(|f| &f.items) {
            let Some(word) = crate::model::first_word(item) else {
                continue;
            };
            let (who, why) = match word {
                "domestic" => ("domestic workers", "R201 asks that they enjoy the same social security protection"),
                "seasonal-agricultural" => ("seasonal agricultural workers", "they are among the migrant workers most often left without protection (GB.344/POL/1 para 5)"),
                "platform" => ("platform workers", "they are among the migrant workers most often left without protection (GB.344/POL/1 para 15)"),
                "informal" => ("workers in the informal economy", "they are among the migrant workers most often left without protection (GB.344/POL/1 para 15)"),
                "irregular-status" => ("workers without regular status", "C143 Art 9(1) keeps their rights arising from past employment"),
                _ => continue,
            };
            out.push(
                cx.finding(
                    &P106,
                    format!("the personal scope excludes {who}"),
                    crate::model::item_span(item),
                )
                .label("category excluded")
                .note(format!("why it matters: {why}"))
                .help(format!("remove `{word}` from `excluded-categories:`")),
            );
        }
    }
    out
}

/// P107: family members or survivors left out of the personal scope.
pub(super) fn family_not_covered(cx: &Context<'_>) -> Vec<Diagnostic> {
    let a = cx.agreement;
    let Some(ps) = personal_scope(cx) else {
        return Vec::new();
    };
    let words: Vec<&str> = a
        .provisions_named("personal-scope")
        .flat_map(|p| p.words("personal-scope"))
        .collect();
    if words.contains(&"everyone") {
        return Vec::new();
    }
    let missing: Vec<&str> = ["family-members", "survivors"]
        .into_iter()
        .filter(|w| !words.contains(w))
        .collect();
    if missing.is_empty() {
        return Vec::new();
    }
    let names: Vec<String> = missing.iter().map(|w| w.replace('-', " ")).collect();
    vec![cx
        .finding(
            &P107,
            format!("{} are not in the personal scope", join_and(&names)),
            ps.field_span("personal-scope"),
        )
        .label("no family or survivors")
        .help(format!(
            "add `{}` to `personal-scope:`",
            missing.join("`, `")
        ))]
}

/// P108: an `except:` item of an `export` block whose branches are in no concerned Party's
/// material scope: the exception names a benefit the agreement does not cover.
pub(super) fn export_exception_outside_scope(cx: &Context<'_>) -> Vec<Diagnostic> {
    let a = cx.agreement;
    // The export provisions were not verified in the text: say nothing about them.
    if super::unverified::declared(a).iter().any(|f| f == "export") {
        return Vec::new();
    }
    let mut out = Vec::new();
    for p in a.provisions_named("export") {
        let parties: Vec<&str> = a
            .party_codes()
            .into_iter()
            .filter(|c| a.concerns(p, c))
            .collect();
        let covered: std::collections::BTreeSet<Branch> =
            parties.iter().flat_map(|c| a.scope_of(c)).collect();
        for item in p
            .field("except")
            .map(|f| f.items.as_slice())
            .unwrap_or_default()
        {
            let mut values = item.values.iter();
            let Some(crate::ast::ValueKind::Str(name)) = values.next().map(|v| &v.kind) else {
                continue;
            };
            // Only the branches written after the benefit tell where it belongs.
            let outside: Vec<Branch> = values
                .filter_map(|v| match &v.kind {
                    crate::ast::ValueKind::Word(w) => Branch::from_key(w),
                    _ => None,
                })
                .filter(|b| !covered.contains(b))
                .collect();
            if outside.is_empty() {
                continue;
            }
            let names: Vec<String> = outside.iter().map(|b| b.title().to_string()).collect();
            out.push(
                cx.finding(
                    &P108,
                    format!(
                        "the export exception \"{name}\" is for {}, which the material scope does not cover for {}",
                        join_and(&names),
                        join_and(&parties.iter().map(|p| p.to_string()).collect::<Vec<_>>())
                    ),
                    crate::model::item_span(item),
                )
                .concerning(parties.iter().copied(), outside.iter().copied())
                .label("excepted benefit outside the scope")
                .note("an exception can only take out of the export guarantee a benefit the agreement covers; naming another one suggests the material scope is wider than written, or the exception is misplaced")
                .help(format!(
                    "add the legislation to a `scope` line with `{}`, or remove the exception",
                    outside.iter().map(|b| b.key()).collect::<Vec<_>>().join("`, `")
                )),
            );
        }
    }
    out
}

declare!(P101 = Check {
    name: "branch-not-covered",
    family: Family::Scope,
    policy: Policy::Instruments(&["C157", "R167"], Warning),
    principle: None,
    source: "C157 Part I; C118 Art 2",
    summary: "a Party has a scheme for a branch that the material scope leaves out for that Party",
    profile: Family::Scope.profile(),
    run: Some(branch_not_covered),
    explanation: Explanation {
        what: "For each Party, every branch listed in its `schemes:` (the branches for which it has legislation) must \
               appear in one of its `scope` lines — for the applicable legislation only is enough \
               (`sickness applicable-legislation-only`). Branches the Party's sub-national units legislate for, \
               written after a unit (`sub-national-units: states employment-injury unemployment`), are outside \
               what the Party can bring into the agreement and are not reported. One finding per Party, listing \
               every branch left out, on the first of them in `schemes:`.",
        why: "C157 applies to every branch for which a State has legislation in force, so an agreement claiming C157 \
              (or R167) that leaves a branch out is incomplete; C118 lets a State accept obligations branch by branch, \
              which is why the finding is only a warning without such a claim. Migrant workers lose the branch entirely. \
              The scheme itself is real: the fix is to cover it, or to record that leaving it out is the Parties' choice.",
        failing: "party XA \"Arcadia\" {\n  schemes: old-age, unemployment\n  …\n}\narticle 2 \"Legislation covered\" {\n  scope XA \"Pensions Act\": old-age\n}",
        passing: "party XA \"Arcadia\" {\n  schemes: old-age, unemployment\n  …\n}\narticle 2 \"Legislation covered\" {\n  scope XA \"Pensions Act\": old-age\n  scope XA \"Employment Insurance Act\": unemployment\n}",
    },
});

declare!(P102 = Check {
    name: "c102-branch-absent",
    family: Family::Scope,
    policy: Policy::Fixed(Info),
    principle: None,
    source: "C102; GB.344/POL/1 para 13",
    summary: "C102 branches covered for no Party, listed in one finding",
    profile: Profile { coverage: Treatment::Off, posting: Treatment::Off, export: Treatment::Off, ..Family::Scope.profile() },
    run: Some(c102_branch_absent),
    explanation: Explanation {
        what: "Lists, in one finding on the agreement's title, the branches of C102 (medical care, sickness, maternity, \
               invalidity, old-age, survivors, employment injury, unemployment, family) that no Party's material scope covers.",
        why: "Almost 90 % of agreements cover pensions and fewer than half cover any other branch (GB.344/POL/1 \
              para 13). Seeing the missing branches at once helps negotiators decide whether leaving them out is a choice.",
        failing: "article 2 \"Legislation covered\" {\n  scope XA \"Pensions Act\": invalidity, old-age, survivors\n  scope XB \"Pensions Code\": invalidity, old-age, survivors\n}",
        passing: "article 2 \"Legislation covered\" {\n  scope XA \"Social Insurance Act\": all\n  scope XB \"Social Insurance Code\": all\n}",
    },
});

declare!(P103 = Check {
    name: "branch-without-rule",
    family: Family::Scope,
    policy: Policy::Instruments(&["C157", "R167"], Warning),
    principle: None,
    source: "real agreements (Netherlands–Korea); C157 Part I",
    summary: "a branch in the material scope with no coordination rule at all",
    profile: Profile { coverage: Treatment::Off, posting: Treatment::Off, ..Family::Scope.profile() },
    run: Some(branch_without_rule),
    explanation: Explanation {
        what: "For each Party and each branch in its material scope, looks for a coordination rule concerning that Party: \
               an `aggregation`, `calculation`, `export`, `minimum-period` or `residence-fiction` block whose `branches:` \
               name the branch (`all` = the material scope; `minimum-period` without `branches:` = the long-term ones), \
               or a branch chapter `benefit BRANCH { … }`. A provision concerns a Party unless its `parties:` field names \
               only other Parties. A branch written `BRANCH applicable-legislation-only` in a scope line is in scope \
               for the applicable legislation only and needs no rule. An explicit exclusion — `benefit BRANCH { excluded: yes  parties: NL }` — counts as a \
               deliberate decision too and silences this check (and P607) for that Party; the principle checks (P401, \
               P406, P501, P504, P505) still report the branch (P406 and P505 not a branch in scope for the \
               applicable legislation only).",
        why: "A branch listed in the material scope with nothing that coordinates it looks covered but gives migrant \
              workers nothing beyond the applicable-legislation rules (Netherlands–Korea: Dutch sickness and \
              unemployment benefits). Either write the rule or say the branch is excluded. An error when the agreement \
              claims C157 or R167, which cover every branch a Party has legislation for; otherwise a warning.",
        failing: "article 2 \"Legislation covered\" {\n  scope XA \"Unemployment Act\": unemployment\n}\n// no provision names unemployment",
        passing: "article 2 \"Legislation covered\" {\n  scope XA \"Unemployment Act\": unemployment\n}\narticle 18 \"Unemployment\" {\n  benefit unemployment { excluded: yes  parties: XA }\n}",
    },
});

declare!(P104 = Check {
    name: "asymmetric-scope",
    family: Family::Scope,
    policy: Policy::Fixed(Info),
    principle: None,
    source: "C157 Part I",
    summary: "a branch covered for one Party but not another, where both have a scheme",
    profile: Family::Scope.profile(),
    run: Some(asymmetric_scope),
    explanation: Explanation {
        what: "For each branch, reports (as info, once) when one Party's material scope covers it and another Party \
               that has a scheme for it (`schemes:`) leaves it out.",
        why: "One-sided coverage is sometimes right (the other Party's scheme is provincial or residence-based and \
              bridged elsewhere) but is often an oversight that breaks reciprocity.",
        failing: "party XB \"Borduria\" { schemes: old-age, family … }\narticle 2 \"Legislation covered\" {\n  scope XA \"Family Allowances Act\": family\n  scope XB \"Pensions Code\": old-age\n}",
        passing: "party XB \"Borduria\" { schemes: old-age, family … }\narticle 2 \"Legislation covered\" {\n  scope XA \"Family Allowances Act\": family\n  scope XB \"Pensions Code\": old-age\n  scope XB \"Family Code\": family\n}",
    },
});

declare!(P105 = Check {
    name: "nationality-based-scope",
    family: Family::Scope,
    policy: Policy::Instruments(&["C118"], Info),
    principle: Some(EqualityOfTreatment),
    source: "C118 Art 10(1); C157 Part I",
    summary: "personal scope limited to nationals",
    profile: Family::Scope.profile(),
    run: Some(nationality_based_scope),
    explanation: Explanation {
        what: "A `personal-scope:` that lists nationals (`nationals`, `nationals-of-either-party`, …) and otherwise only \
               refugees, stateless persons, third-country nationals, family members or survivors, with no \
               `regardless-of: nationality`, when it leaves out refugees, stateless persons or third-country nationals; \
               and an `equal-treatment` block whose `persons:` are nationals only. One finding for each.",
        why: "C118 Art 10(1) extends equality to refugees and stateless persons without reciprocity, and C157 Art 3 \
              covers persons who are or were subject to a Party's legislation whatever their nationality. A \
              nationality-based scope or equality clause leaves third-country nationals with split careers unprotected \
              (Netherlands–Korea: equality for nationals of the two States).",
        failing: "article 3 \"Persons covered\" {\n  personal-scope: nationals, family-members, survivors\n}",
        passing: "article 3 \"Persons covered\" {\n  personal-scope: insured-persons, family-members, survivors\n  regardless-of: nationality\n}",
    },
});

declare!(P106 = Check {
    name: "excluded-category",
    family: Family::Scope,
    policy: Policy::Principle(EqualityOfTreatment),
    principle: Some(EqualityOfTreatment),
    source: "C143 Art 9(1); R201; GB.344/POL/1 paras 5, 15",
    summary: "personal scope excludes a sector or status",
    profile: Family::Scope.profile(),
    run: Some(excluded_category),
    explanation: Explanation {
        what: "Each category in `excluded-categories:` that names a sector or status — `domestic`, \
               `seasonal-agricultural`, `platform`, `informal`, `irregular-status` — is reported on its own.",
        why: "These are the workers most often without social protection (GB.344/POL/1 paras 5 and 15); R201 asks for \
              domestic workers to be protected like others, and C143 Art 9(1) keeps the rights arising from past \
              employment of workers without regular status.",
        failing: "article 3 \"Persons covered\" {\n  personal-scope: insured-persons, family-members, survivors\n  excluded-categories: domestic, seasonal-agricultural\n}",
        passing: "article 3 \"Persons covered\" {\n  personal-scope: insured-persons, family-members, survivors\n  regardless-of: nationality, migration-status\n}",
    },
});

declare!(P107 = Check {
    name: "family-not-covered",
    family: Family::Scope,
    policy: Policy::Principle(EqualityOfTreatment),
    principle: Some(EqualityOfTreatment),
    source: "C118 Art 3(2); C157",
    summary: "family members or survivors left out of the personal scope",
    profile: Family::Scope.profile(),
    run: Some(family_not_covered),
    explanation: Explanation {
        what: "A `personal-scope:` that lists neither `everyone` nor both `family-members` and `survivors`.",
        why: "Family members and survivors draw their rights from the insured person; C118 Art 3(2) gives survivors \
              equality whatever their nationality, and C157 covers them. Left out, a widow of a migrant worker may \
              receive nothing.",
        failing: "article 3 \"Persons covered\" {\n  personal-scope: insured-persons\n}",
        passing: "article 3 \"Persons covered\" {\n  personal-scope: insured-persons, family-members, survivors\n}",
    },
});

declare!(P108 = Check {
    name: "export-exception-outside-scope",
    family: Family::Scope,
    policy: Policy::Fixed(Warning),
    principle: None,
    source: "C157 Part I; C118 Art 5",
    summary: "an export exception names a benefit of a branch that the material scope does not cover",
    profile: Profile { coverage: Treatment::Off, posting: Treatment::Off, ..Family::Scope.profile() },
    run: Some(export_exception_outside_scope),
    explanation: Explanation {
        what: "Each item of an `export` block's `except:` list that names its branches after the benefit \
               (`except: \"Income Supplement\" old-age`) is compared with the material scope of the Parties the block \
               concerns. An item whose branches are in none of those scopes is reported. Items without branches are \
               not judged: the name of a benefit alone does not say where it belongs. Silent when the header says \
               `unverified: export`.",
        why: "An exception takes a covered benefit out of the guarantee of payment abroad (C118 Art 5). An exception \
              for a benefit outside the material scope (C157 Part I) excepts nothing, and usually means that the scope \
              was meant to be wider — with rules the text does not give — or that the exception belongs to another \
              Party or provision.",
        failing: "scope XA \"Pensions Act\": old-age\n…\nexport {\n  branches: old-age\n  persons: covered\n  except: \"Child Supplement\" family\n}",
        passing: "scope XA \"Pensions Act\": old-age\n…\nexport {\n  branches: old-age\n  persons: covered\n  except: \"Minimum Pension Supplement\" old-age\n}",
    },
});

/// The checks declared in this file.
pub(super) static CHECKS: &[&Check] = &[&P101, &P102, &P103, &P104, &P105, &P106, &P107, &P108];
