//! The applicable-legislation analysis: fixtures with inline `// expect: CODE` markers, scenario
//! runs, `pacta resolve` and `pacta test` through the real binary, and the agreements.

use pacta::config::Config;
use pacta::diag::render::{human, FileReport};
use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

const CODES: &[&str] = &["P301", "P302", "P310", "P311", "P007"];

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
    assert_eq!(out.lines().last(), Some("1 passed, 5 failed"));
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
    // Exactly limit plus extension (48 months) is within rule 7.1; one day more is not.
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
        at("employed in XB, employer in XA, resides in XA, posted 48 months"),
        "7.1"
    );
    assert_eq!(
        at("employed in XB, employer in XA, resides in XA, posted 1441 days"),
        "6.1"
    );
    assert_eq!(
        at("employed in XB, employer in XA, resides in XA, posted 4 years"),
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
    // A posting of exactly 48 months from the employer's seat stays with the seat (7.1).
    let row = table
        .iter()
        .find(|d| d.situation == "employed in X, employer in Y, resides in Y, posted 48 months")
        .expect("row for a 48-month posting");
    assert_eq!(row.outcome, Outcome::Party { party: "Y".into() });
    assert_eq!(row.rule.as_deref(), Some("7.1"));
    assert_eq!(row.overridden, vec!["6.1".to_string()]);
    // One month more falls to the State of work (6.1).
    let row = table
        .iter()
        .find(|d| d.situation == "employed in X, employer in Y, resides in Y, posted 49 months")
        .expect("row past the limit");
    assert_eq!(row.rule.as_deref(), Some("6.1"));
    let json = serde_json::to_value(&table).unwrap();
    let back: Vec<pacta::legislation::Decision> = serde_json::from_value(json).unwrap();
    assert_eq!(back, table);
}
