//! What running an agreement finds: a scenario that fails (P015), and a diff whose matching ran
//! out of its work budget (P016, reported in the diff's report, declared here for
//! `pacta explain`).

use super::registry::{declare, Check, Explanation, Family, Policy};
use super::Context;
use crate::diag::Diagnostic;
use crate::diag::Severity::*;

/// P015: a scenario whose expectation the rules do not meet. Scenarios that cannot run (no
/// situation, no expectation, a malformed situation) are reported by the checks of their own.
/// Run by [`crate::check_source`] with the analysis, like the other P0 findings, on a file free
/// of syntax and structure errors.
pub fn failing_scenarios(agreement: &crate::model::Agreement) -> Vec<Diagnostic> {
    let cx = Context { agreement };
    let a = agreement;
    if a.scenarios.is_empty() {
        return Vec::new();
    }
    let runs = crate::legislation::run_scenarios(a);
    a.scenarios
        .iter()
        .zip(runs)
        .filter(|(_, run)| !run.passed && run.not_run.is_none())
        .map(|(sc, run)| {
            let span = sc.expect.as_ref().map_or(sc.name.span, |e| e.span);
            // P0 findings keep the severity they are made with.
            let mut d = cx
                .finding(
                    &P015,
                    format!(
                        "scenario \"{}\" fails: it expects {}, the rules give {}",
                        sc.name.value, run.expected, run.actual
                    ),
                    span,
                )
                .label(format!("the rules give {}", run.actual))
                .secondary(sc.name.span, "this scenario")
                .help("correct the rules or the expectation; `pacta test` shows the rule trace");
            d.severity = Error;
            d
        })
        .collect()
}

declare!(P015 = Check {
    name: "scenario-failed",
    family: Family::Structure,
    policy: Policy::Fixed(Error),
    principle: None,
    source: "Pacta language reference (scenarios)",
    summary: "a scenario whose expectation the rules do not meet",
    profile: Family::Structure.profile(),
    run: None,
    explanation: Explanation {
        what: "A `scenario` whose situation, resolved by the agreement's rules, does not give the legislation its \
               `expect:` names (`pacta test` prints the rule trace).",
        why: "Scenarios are the agreement's own test cases, written from the treaty's text: a failing one means \
              the rules encode something the treaty does not say, or the expectation is wrong. Either way the \
              rule set must not be built from it.",
        failing: "rule 6.1: employed in X -> X\nscenario \"posted worker\" {\n  situation: employed in XB, employer in XA, posted 12 months\n  expect: XA\n}",
        passing: "rule 6.1: employed in X -> X\nrule 7.1: employed in Y, employer in X, posted -> X\n  overrides 6.1\n  limit 24 months\nscenario \"posted worker\" {\n  situation: employed in XB, employer in XA, posted 12 months\n  expect: XA\n}",
    },
});

declare!(P016 = Check {
    name: "diff-budget-exceeded",
    family: Family::Structure,
    policy: Policy::Fixed(Info),
    principle: None,
    source: "Pacta diff (docs/diff.md)",
    summary: "two drafts too far apart for the diff to match within its work budget",
    profile: Family::Structure.profile(),
    run: None,
    explanation: Explanation {
        what: "`pacta diff` matches articles, rules and provisions by identity first, then by similarity within a \
               window of nearby positions, and diffs the prose of matched articles word by word, paying every \
               comparison from one budget of steps (`--budget`). When the budget is spent, the remaining \
               similarity searches and word diffs are skipped: the report is complete but coarser, elements it \
               could not pair are shown removed and added, prose it could not compare deleted and inserted whole. \
               The report carries `budget` (JSON) or a `P016` line (text, Markdown, HTML).",
        why: "A diff runs on every pull request; two hostile or unrelated drafts must give a clear result in bounded \
              time, not hang the CI job.",
        failing: "pacta diff old.pacta completely-rewritten.pacta",
        passing: "give articles stable tags (`article 7 \"Detached workers\" #posting`) so that they match by identity",
    },
});

/// The checks declared in this file.
pub(super) static CHECKS: &[&Check] = &[&P015, &P016];
