//! Explanations for the syntax and structure findings P001–P012. The findings themselves are
//! produced while parsing (`syntax`), resolving (`model`) and applying suppressions (`check`).

use super::registry::{declare, Check, Explanation, Family, Policy};
use super::Context;
use crate::diag::Diagnostic;
use crate::diag::Severity::*;
use crate::model::Kind;

declare!(P001 = Check {
    name: "syntax-error",
    family: Family::Structure,
    policy: Policy::Fixed(Error),
    principle: None,
    source: "Pacta language reference",
    summary: "the source does not parse, or uses a construct the language does not have",
    profile: Family::Structure.profile(),
    run: None,
    explanation: Explanation {
        what: "The file does not follow the grammar of Pacta, or uses a keyword or field the language does not have. \
               The message says what was expected at that point, in words, and the parser resumes at the next \
               article, part or top-level item so that every independent error is reported in one run.",
        why: "A draft that does not parse cannot be checked against any principle, and a misspelt field would \
              otherwise be silently ignored.",
        failing: "article 13 \"Aggregation\" {\n  aggregaton {\n    branches: old-age\n  }\n}",
        passing: "article 13 \"Aggregation\" {\n  aggregation {\n    branches: old-age\n  }\n}",
    },
});

declare!(P002 = Check {
    name: "duplicate-article",
    family: Family::Structure,
    policy: Policy::Fixed(Error),
    principle: None,
    source: "Pacta language reference",
    summary: "two articles, rules, paragraphs, fields or scenarios with the same number, label or name",
    profile: Family::Structure.profile(),
    run: None,
    explanation: Explanation {
        what: "Two articles share a number, two rules a label, two paragraphs of one article a label, two scenarios \
               a name, two articles a tag, or a block gives the same field twice.",
        why: "Cross-references, `overrides` clauses and the diff between drafts all rely on numbers and labels \
              naming exactly one thing.",
        failing: "rule 6.1: employed in X -> X\nrule 6.1: self-employed in X -> X",
        passing: "rule 6.1: employed in X -> X\nrule 6.2: self-employed in X -> X",
    },
});

declare!(P003 = Check {
    name: "unknown-reference",
    family: Family::Structure,
    policy: Policy::Fixed(Error),
    principle: None,
    source: "Pacta language reference",
    summary: "`overrides`, `by`, a tag or a cross-reference names an article or rule that does not exist",
    profile: Family::Structure.profile(),
    run: None,
    explanation: Explanation {
        what: "An `overrides` clause, a scenario's `expect: … by LABEL`, or a `see:` reference names a rule, article \
               or tag that does not exist (or a rule overrides itself).",
        why: "A precedence clause that points nowhere leaves two rules in conflict without anyone noticing.",
        failing: "rule 6.1: employed in X -> X\nrule 7.1: employed in Y, employer in X, posted -> X\n  overrides 6.9\n  limit 24 months",
        passing: "rule 6.1: employed in X -> X\nrule 7.1: employed in Y, employer in X, posted -> X\n  overrides 6.1\n  limit 24 months",
    },
});

declare!(P004 = Check {
    name: "unknown-party",
    family: Family::Structure,
    policy: Policy::Fixed(Error),
    principle: None,
    source: "Pacta language reference",
    summary: "a Party code that is not declared",
    profile: Family::Structure.profile(),
    run: None,
    explanation: Explanation {
        what:
            "A Party code is used (in a scope line, a rule, a scenario, an export destination) that no \
               `party` declaration introduces. Pacta suggests the nearest declared code.",
        why: "Provisions for an undeclared Party bind nobody; usually the code is misspelt.",
        failing: "party XA \"Arcadia\" { schemes: old-age }\n…\nscope XQ \"Pensions Act\": old-age",
        passing: "party XA \"Arcadia\" { schemes: old-age }\n…\nscope XA \"Pensions Act\": old-age",
    },
});

declare!(P005 = Check {
    name: "unknown-branch",
    family: Family::Structure,
    policy: Policy::Fixed(Error),
    principle: None,
    source: "ILO C102 (the nine branches)",
    summary: "a branch key that is not one of the known branches",
    profile: Family::Structure.profile(),
    run: None,
    explanation: Explanation {
        what: "A branch key is not one of the nine branches of ILO C102 (`medical-care`, `sickness`, `maternity`, \
               `invalidity`, `old-age`, `survivors`, `employment-injury`, `unemployment`, `family`), `death-grant`, \
               `long-term-care`, or `all`.",
        why: "Every check of material scope, aggregation and export works branch by branch; an unknown branch \
              would drop out of all of them.",
        failing: "scope XA \"Pensions Act\": old-age, survivor",
        passing: "scope XA \"Pensions Act\": old-age, survivors",
    },
});

declare!(P006 = Check {
    name: "duplicate-party",
    family: Family::Structure,
    policy: Policy::Fixed(Error),
    principle: None,
    source: "Pacta language reference",
    summary: "the same Party code declared twice",
    profile: Family::Structure.profile(),
    run: None,
    explanation: Explanation {
        what: "Two `party` declarations use the same code.",
        why: "Each Party's schemes, institutions and liaison bodies must be stated once, or the checks read the wrong ones.",
        failing: "party XA \"Arcadia\" { schemes: old-age }\nparty XA \"Borduria\" { schemes: old-age }",
        passing: "party XA \"Arcadia\" { schemes: old-age }\nparty XB \"Borduria\" { schemes: old-age }",
    },
});

declare!(P007 = Check {
    name: "invalid-value",
    family: Family::Structure,
    policy: Policy::Fixed(Error),
    principle: None,
    source: "Pacta language reference",
    summary: "a malformed date, a duration without a unit, a zero limit, an unknown instrument or value",
    profile: Family::Structure.profile(),
    run: None,
    explanation: Explanation {
        what: "A value is malformed or not allowed where it stands: a date that is not a calendar day, a duration \
               without a unit or of zero length, an instrument Pacta does not know in `conforms-to`, a word that \
               a field does not accept, a required field left out, a rule whose target variable names no Party, or \
               a suppression without a reason.",
        why: "Values drive the checks (posting limits, notice periods, claimed instruments); a wrong value gives \
              wrong findings or none.",
        failing: "rule 7.1: employed in Y, employer in X, posted -> X\n  limit 0 months",
        passing: "rule 7.1: employed in Y, employer in X, posted -> X\n  limit 24 months",
    },
});

declare!(P008 = Check {
    name: "article-order",
    family: Family::Structure,
    policy: Policy::Fixed(Warning),
    principle: None,
    source: "Pacta language reference",
    summary: "article numbers out of order or with gaps, in a draft numbered sequentially",
    profile: Family::Structure.profile(),
    run: None,
    explanation: Explanation {
        what: "In a draft whose header declares `numbering: sequential`: article numbers that go backwards, \
               repeat out of order, skip numbers, do not start at 1, carry a suffix (`5bis`) or change between \
               Arabic and Roman. Without that declaration the articles keep the numbers they were signed with \
               (`5bis`, `IV`, `1er`, a gap where a protocol deleted an article) and nothing is reported; a \
               number used twice is still P002.",
        why: "Negotiators cite articles by number; in a draft still being numbered, a gap usually means an \
              article was deleted and the others were not renumbered, which breaks every cross-reference in the \
              final text. A signed treaty is cited by its own numbers, so its gaps and inserted articles are not \
              defects.",
        failing: "agreement \"…\" { numbering: sequential }\narticle 1 \"Definitions\" { … }\narticle 3 \"Persons covered\" { … }",
        passing: "agreement \"…\" { numbering: sequential }\narticle 1 \"Definitions\" { … }\narticle 2 \"Persons covered\" { … }",
    },
});

declare!(P009 = Check {
    name: "unused-definition",
    family: Family::Structure,
    policy: Policy::Fixed(Info),
    principle: None,
    source: "R167, Annex I (definitions)",
    summary: "a defined term that nothing uses",
    profile: Family::Structure.profile(),
    run: None,
    explanation: Explanation {
        what: "A `define` whose term appears in no prose, string, criterion or other definition of the agreement.",
        why: "Definitions that nothing uses are noise in a treaty text, or a sign that the provision that used the \
              term was dropped.",
        failing: "define \"stay\": \"temporary residence\"\n// no text mentions a stay",
        passing: "define \"stay\": \"temporary residence\"\ntext \"\"\"Medical care is provided during a stay in the other Party.\"\"\"",
    },
});

declare!(P010 = Check {
    name: "unused-suppression",
    family: Family::Structure,
    policy: Policy::Fixed(Warning),
    principle: None,
    source: "Pacta language reference",
    summary: "an `allow` that matches no finding",
    profile: Family::Structure.profile(),
    run: None,
    explanation: Explanation {
        what: "An `allow CODE \"reason\"` that matches no finding in its region (the article, chapter, Part, Party or \
               scenario it stands in; the whole file when it is in the header).",
        why: "A stale suppression would silently hide the defect if it came back in a later draft.",
        failing: "article 7 \"Detached workers\" {\n  allow P303 \"limit left open\"\n  rule 7.1: employed in Y, employer in X, posted -> X\n    limit 24 months\n}",
        passing: "article 7 \"Detached workers\" {\n  rule 7.1: employed in Y, employer in X, posted -> X\n    limit 24 months\n}",
    },
});

// P011 is reported by `super::unverified`.
declare!(P011 = Check {
    name: "unverified-encoding",
    family: Family::Structure,
    policy: Policy::Fixed(Info),
    principle: None,
    source: "Pacta language reference",
    summary: "the header declares check families whose provisions were not verified in the text; their checks are silent",
    profile: Family::Structure.profile(),
    run: None,
    explanation: Explanation {
        what: "The header's `unverified:` names check families (scope, equality, applicable-legislation, \
               aggregation, export, administration, final-provisions, plurality) whose provisions the encoder \
               could not verify in the treaty's text. The checks of those families report nothing for the file, \
               nor does a finding that rests on them (a branch that no provision coordinates, P103, when the \
               aggregation or export provisions were not verified); this one info lists the families instead.",
        why: "An encoding that leaves out a provision it could not read would make the tool report the gap as a \
              defect of the treaty. A reader who sees one such false finding on a treaty they know will not \
              believe the next one; declaring the encoding partial keeps every reported finding true.",
        failing: "agreement \"…\" {\n  unverified: administration\n}",
        passing: "agreement \"…\" {\n  source: \"BWBV0001756, English text read\"\n}",
    },
});

/// P012: no `kind:` in the header; say once which profile the checks applied.
pub(super) fn profile_assumed(cx: &Context<'_>) -> Vec<Diagnostic> {
    let a = cx.agreement;
    if a.kind.is_some() {
        return Vec::new();
    }
    let k = Kind::ASSUMED;
    vec![cx
        .finding(
            &P012,
            format!(
                "the agreement does not say what kind it is: checked with the `{k}` profile ({})",
                k.purpose()
            ),
            a.anchor(),
        )
        .label("no `kind:`")
        .help(format!(
            "add `kind: {}` to the header",
            Kind::ALL.map(Kind::key).join(" | ")
        ))]
}

declare!(P012 = Check {
    name: "profile-assumed",
    family: Family::Structure,
    policy: Policy::Fixed(Info),
    principle: None,
    source: "Pacta language reference",
    summary: "no `kind:` in the header: the profile assumed is said once",
    profile: Family::Structure.profile(),
    run: Some(profile_assumed),
    explanation: Explanation {
        what: "An agreement whose header has no `kind:`. The checks then apply the `coordination` profile — every \
               check, at the severity its policy gives — and this info says so once, on the title.",
        why: "Which checks make sense depends on what the agreement sets out to do: an agreement that only settles \
              the applicable legislation has no aggregation or export to check, and a pension agreement between \
              a residence-based and an employment-based State is not a defective full coordination instrument. \
              Saying the kind lets the checks use its profile instead of assuming one silently.",
        failing: "agreement \"Agreement on Social Security between Arcadia and Borduria\" {\n  conforms-to: C157\n}",
        passing: "agreement \"Agreement on Social Security between Arcadia and Borduria\" {\n  kind: coordination\n  conforms-to: C157\n}",
    },
});

/// The checks declared in this file.
pub(super) static CHECKS: &[&Check] = &[
    &P001, &P002, &P003, &P004, &P005, &P006, &P007, &P008, &P009, &P010, &P011, &P012,
];
