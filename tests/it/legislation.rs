//! The applicable-legislation analysis: fixtures with inline `// expect: CODE` markers, scenario
//! runs, `pacta resolve` and `pacta test` through the real binary, and the agreements.

use pacta::config::Config;
use pacta::diag::render::{human, FileReport};
use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

const CODES: &[&str] = &["P301", "P302", "P310", "P311", "P312", "P313", "P007"];

/// (line, code) of every `// expect: CODE` marker.
fn markers(text: &str) -> BTreeSet<(usize, String)> {
    text.lines()
        .enumerate()
        .filter_map(|(i, l)| {
            let (_, code) = l.split_once("// expect: ")?;
            Some((i + 1, code.trim().to_string()))
        })
        .collect()
}

#[test]
fn fixtures_report_exactly_the_marked_lines() {
    insta::glob!("../fixtures/legislation", "**/*.pacta", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let name = format!(
            "tests/fixtures/legislation/{}",
            path.file_name().unwrap().to_string_lossy()
        );
        let checked = pacta::check_source(&name, &text, &Config::default());
        let ours: Vec<_> = checked
            .diagnostics
            .into_iter()
            .filter(|d| CODES.contains(&d.code))
            .collect();
        let found: BTreeSet<(usize, String)> = ours
            .iter()
            .map(|d| {
                (
                    checked.file.line_col(d.primary.span.start).line,
                    d.code.to_string(),
                )
            })
            .collect();
        assert_eq!(found, markers(&text), "{name}");
        let report = FileReport {
            file: checked.file,
            diagnostics: ours,
        };
        insta::assert_snapshot!(human::render(&[report], false));
    });
}

fn pacta(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_pacta"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn arcadia_borduria_has_no_gap_and_no_overlap_and_its_scenarios_pass() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("agreements/arcadia-borduria.pacta");
    let text = std::fs::read_to_string(path).unwrap();
    let checked = pacta::check_source("arcadia-borduria.pacta", &text, &Config::default());
    let ours: Vec<_> = checked
        .diagnostics
        .iter()
        .filter(|d| d.code.starts_with("P30") || d.code.starts_with("P31"))
        .filter(|d| ["P301", "P302", "P310", "P311"].contains(&d.code))
        .collect();
    assert!(ours.is_empty(), "{ours:#?}");
    let agreement = checked.agreement.unwrap();
    let runs = pacta::legislation::run_scenarios(&agreement);
    assert_eq!(runs.len(), 3);
    assert!(runs.iter().all(|r| r.passed), "{runs:#?}");
    let (code, out, _) = pacta(&["test", "agreements/arcadia-borduria.pacta"]);
    assert_eq!(code, 0);
    assert_eq!(out.lines().last(), Some("3 passed, 0 failed"));
}

#[test]
fn scenarios_pass_and_fail_with_a_trace() {
    let (code, out, err) = pacta(&["test", "tests/fixtures/legislation/scenarios/"]);
    assert_eq!(code, 1);
    assert_eq!(out.lines().last(), Some("7 passed, 6 failed"));
    insta::assert_snapshot!(
        "test_human",
        format!("exit {code}\n--- stdout\n{out}--- stderr\n{err}")
    );
}

#[test]
fn scenarios_in_junit() {
    let (code, out, _) = pacta(&[
        "test",
        "--format",
        "junit",
        "tests/fixtures/legislation/scenarios/fail.pacta",
    ]);
    assert_eq!(code, 1);
    assert!(
        out.contains("tests=\"5\"") && out.contains("failures=\"4\""),
        "{out}"
    );
    insta::assert_snapshot!("test_junit", out);
}

#[test]
fn resolve_posting_past_the_limit_falls_to_the_work_state() {
    let (code, out, err) = pacta(&[
        "resolve",
        "agreements/arcadia-borduria.pacta",
        "--situation",
        "employed in XB, employer in XA, posted 49 months",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("legislation: XB") && out.contains("decided by:  rule 6.1"),
        "{out}"
    );
    insta::assert_snapshot!("resolve_past_limit", out);
}

#[test]
fn resolve_boundary_months() {
    // The limit (24 months) holds without an extension; exactly limit plus extension (48 months)
    // only where the extension was granted; one day more never.
    let at = |s: &str| {
        let (_, out, _) = pacta(&[
            "resolve",
            "agreements/arcadia-borduria.pacta",
            "--format",
            "json",
            "--situation",
            s,
        ]);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        v["resolutions"][0]["rule"]
            .as_str()
            .unwrap_or("")
            .to_string()
    };
    assert_eq!(
        at("employed in XB, employer in XA, resides in XA, posted 24 months"),
        "7.1"
    );
    assert_eq!(
        at("employed in XB, employer in XA, resides in XA, posted 25 months"),
        "6.1"
    );
    assert_eq!(
        at("employed in XB, employer in XA, resides in XA, posted 48 months"),
        "6.1"
    );
    assert_eq!(
        at("employed in XB, employer in XA, resides in XA, posted 48 months, extension granted"),
        "7.1"
    );
    assert_eq!(
        at("employed in XB, employer in XA, resides in XA, posted 1441 days, extension granted"),
        "6.1"
    );
    assert_eq!(
        at("employed in XB, employer in XA, resides in XA, posted 4 years, extension granted"),
        "7.1"
    );
}

#[test]
fn resolve_json_and_a_situation_that_depends_on_residence() {
    let (code, out, _) = pacta(&[
        "resolve",
        "agreements/arcadia-borduria.pacta",
        "--format",
        "json",
        "--situation",
        "employed in XB, employer in XA, posted 30 months",
    ]);
    assert_eq!(code, 0);
    insta::assert_snapshot!("resolve_json", out);
    let (code, out, _) = pacta(&[
        "resolve",
        "agreements/arcadia-borduria.pacta",
        "--situation",
        "employed in XA and XB, employer in XA",
    ]);
    assert_eq!(code, 1, "the outcome depends on the residence");
    insta::assert_snapshot!("resolve_depends", out);
}

#[test]
fn resolve_a_malformed_situation_is_a_diagnostic() {
    let (code, out, err) = pacta(&[
        "resolve",
        "agreements/arcadia-borduria.pacta",
        "--situation",
        "employed in XA, resides in XQ",
    ]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.contains("P004") && err.contains("XQ"), "{err}");
    let (code, _, err) = pacta(&[
        "resolve",
        "agreements/arcadia-borduria.pacta",
        "--situation",
        "employed in, resides",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("P001"), "{err}");
}

#[test]
fn decision_table_of_arcadia_borduria() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("agreements/arcadia-borduria.pacta");
    let text = std::fs::read_to_string(path).unwrap();
    let checked = pacta::check_source("arcadia-borduria.pacta", &text, &Config::default());
    let table = pacta::legislation::decision_table(checked.agreement.as_ref().unwrap());
    use pacta::legislation::Outcome;
    assert!(table
        .iter()
        .all(|d| !matches!(d.outcome, Outcome::Gap | Outcome::Overlap { .. })));
    // A posting of exactly 48 months from the employer's seat stays with the seat (7.1) where the
    // extension was granted, and falls to the State of work where it was not.
    let row = table
        .iter()
        .find(|d| d.situation == "employed in X, employer in Y, resides in Y, posted 48 months")
        .expect("row for a 48-month posting without extension");
    assert_eq!(row.rule.as_deref(), Some("6.1"));
    let row = table
        .iter()
        .find(|d| {
            d.situation
                == "employed in X, employer in Y, resides in Y, posted 48 months, extension granted"
        })
        .expect("row for a 48-month posting with the extension granted");
    assert_eq!(row.outcome, Outcome::Party { party: "Y".into() });
    assert_eq!(row.rule.as_deref(), Some("7.1"));
    assert_eq!(row.overridden, vec!["6.1".to_string()]);
    // One month more falls to the State of work (6.1).
    let row = table
        .iter()
        .find(|d| {
            d.situation
                == "employed in X, employer in Y, resides in Y, posted 49 months, extension granted"
        })
        .expect("row past the limit");
    assert_eq!(row.rule.as_deref(), Some("6.1"));
    let json = serde_json::to_value(&table).unwrap();
    let back: Vec<pacta::legislation::Decision> = serde_json::from_value(json).unwrap();
    assert_eq!(back, table);
}

/// An agreement of `n` Parties, the first `named` of which each have their own rule naming them
/// by code (`employed in P3 -> P3`), plus a general rule for the self-employed.
fn named_parties(n: usize, named: usize) -> String {
    let code = |i: usize| {
        let a = (b'A' + (i / 26) as u8) as char;
        let b = (b'A' + (i % 26) as u8) as char;
        format!("Q{a}{b}")
    };
    let mut s = String::from("agreement \"Many Parties\" {\n  kind: coordination\n}\n");
    for i in 0..n {
        s.push_str(&format!(
            "party {} \"State {i}\" {{ schemes: old-age }}\n",
            code(i)
        ));
    }
    s.push_str("article 1 \"Rules\" {\n");
    for i in 0..named {
        let c = code(i);
        s.push_str(&format!("  rule 1.{}: employed in {c} -> {c}\n", i + 1));
    }
    s.push_str(&format!(
        "  rule 1.{}: self-employed in X -> X\n}}\n",
        named + 1
    ));
    s
}

fn analysed(text: &str) -> (usize, bool) {
    let checked = pacta::check_source("many.pacta", text, &Config::default());
    let a = checked.agreement.as_ref().expect("resolves");
    let analysis = pacta::legislation::Analysis::new(a);
    (analysis.classes(), analysis.exhausted())
}

#[test]
fn parties_named_alike_cost_nothing_more() {
    // Twelve Parties each with its own `employed in XA -> XA` took 58 s and 6.8 GB before the
    // classes of interchangeable Parties: now the number of situations decided does not depend on
    // how many Parties are named alike, and no budget is needed.
    let (c12, e12) = analysed(&named_parties(12, 12));
    let (c32, e32) = analysed(&named_parties(32, 32));
    let (c300, e300) = analysed(&named_parties(300, 10));
    let (c30, _) = analysed(&named_parties(30, 10));
    assert!(!e12 && !e32 && !e300);
    assert_eq!(
        c12, c32,
        "the count of decided classes grows with Parties named alike"
    );
    assert_eq!(
        c300, c30,
        "the count of decided classes grows with unnamed Parties"
    );
    assert!(c12 < 20_000, "{c12} classes for 12 named Parties");
}

#[test]
fn a_rule_needing_more_parties_than_the_agreement_has_is_cheap_and_dead() {
    // `employed in A and B and … and J` binds ten distinct Parties: with two Parties it can never
    // apply (P311), and the space is no larger than for an ordinary rule.
    let rule = "employed in A and B and C and D and E and F and G and H and I and J -> A";
    let text = |r: &str| {
        format!(
            "agreement \"t\" {{\n  kind: coordination\n}}\nparty XA \"A\" {{ schemes: old-age }}\nparty XB \"B\" {{ schemes: old-age }}\narticle 1 \"Rules\" {{\n  rule 1.1: employed in X -> X\n  rule 1.2: {r}\n}}\n"
        )
    };
    let (wide, exhausted) = analysed(&text(rule));
    let (narrow, _) = analysed(&text("employed in X and Y -> X"));
    assert!(!exhausted);
    assert!(wide <= narrow, "{wide} classes against {narrow}");
    let checked = pacta::check_source("wide.pacta", &text(rule), &Config::default());
    assert!(checked
        .diagnostics
        .iter()
        .any(|d| d.code == "P311" && d.message.contains("1.2")));
}

/// A misspelt branch after a rule or in a scenario is P005, not a rule that silently concerns no
/// branch or a scenario that silently speaks of none.
#[test]
fn unknown_branches_in_rules_and_scenarios_are_p005() {
    let text = "agreement \"t\" { conforms-to: C157 }\n\
        party XA \"A\" { schemes: old-age }\nparty XB \"B\" { schemes: old-age }\n\
        article 1 \"r\" {\n  rule 1.1: employed in X -> X\n    branches old-agee\n}\n\
        scenario \"s\" {\n  situation: employed in XA\n  branches: survivor\n  expect: XA\n}\n";
    let checked = pacta::check_source("b.pacta", text, &Config::default());
    let p005: Vec<(usize, &str)> = checked
        .diagnostics
        .iter()
        .filter(|d| d.code == "P005")
        .map(|d| {
            (
                checked.file.line_of(d.primary.span.start),
                d.message.as_str(),
            )
        })
        .collect();
    assert_eq!(
        p005,
        vec![
            (6, "unknown branch `old-agee`"),
            (10, "unknown branch `survivor`")
        ]
    );
}

/// A situation's Parties are checked whatever condition names them: `national of XC` with no
/// Party XC declared is an unknown Party (the scenario resolver used to skip nationality), and
/// `several` in a situation is P007.
#[test]
fn a_situation_names_declared_parties_in_every_condition() {
    let text = "agreement \"t\" { conforms-to: C157 }\n\
        party XA \"A\" { schemes: old-age }\nparty XB \"B\" { schemes: old-age }\n\
        article 1 \"r\" {\n  rule 1.1: employed in X -> X\n}\n\
        scenario \"s\" {\n  situation: employed in XA, national of XC\n  expect: XA\n}\n\
        scenario \"t\" {\n  situation: employed in several\n  expect: XA\n}\n";
    let checked = pacta::check_source("n.pacta", text, &Config::default());
    let found: Vec<(usize, &str)> = checked
        .diagnostics
        .iter()
        .filter(|d| d.code.starts_with("P0"))
        .map(|d| (checked.file.line_of(d.primary.span.start), d.code))
        .collect();
    assert!(found.contains(&(8, "P004")), "{found:?}");
    assert!(found.contains(&(12, "P007")), "{found:?}");
}
