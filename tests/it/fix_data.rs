//! The fixes of P303 (a posting rule with no limit) and P301 (two rules that meet, settled by an
//! `overrides`): applied as `pacta check --fix` and the language server's code actions apply them,
//! the file still parses and the finding is gone.

use assert_cmd::Command;
use pacta::config::Config;
use pacta::diag::{Diagnostic, Fix};

fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn apply(text: &str, fix: &Fix) -> String {
    let mut edits = fix.edits.clone();
    edits.sort_by_key(|e| std::cmp::Reverse(e.span.start));
    let mut out = text.to_string();
    for e in edits {
        out.replace_range(e.span.range(), &e.replacement);
    }
    out
}

/// What identifies a finding across an edit that moves spans: its code, message and the text its
/// labels point at.
fn identity(text: &str, d: &Diagnostic) -> (String, String, Vec<String>) {
    let head = |s: pacta::span::Span| text[s.range()].lines().next().unwrap_or("").to_string();
    (
        d.code.to_string(),
        d.message.clone(),
        std::iter::once(d.primary.span)
            .chain(d.secondary.iter().map(|l| l.span))
            .map(head)
            .collect(),
    )
}

fn assert_fixes_settle(text: &str, code: &str) {
    let config = Config::default();
    let checked = pacta::check_source("a.pacta", text, &config);
    // Every finding of the code that a fix can settle carries one (a P301 of a single rule that
    // designates two Parties, or of two national laws, has none: no `overrides` settles it).
    let findings: Vec<&Diagnostic> = checked
        .diagnostics
        .iter()
        .filter(|d| d.code == code && !d.fixes.is_empty())
        .collect();
    assert!(!findings.is_empty(), "the fixture has no {code} with a fix");
    for d in findings {
        let fix = &d.fixes[0];
        let fixed = apply(text, fix);
        let parsed = pacta::syntax::parse(&fixed);
        assert!(
            parsed.document.is_some() && parsed.diagnostics.is_empty(),
            "`{}` breaks the file: {:?}",
            fix.title,
            parsed.diagnostics
        );
        let after = pacta::check_source("a.pacta", &fixed, &config);
        let was = identity(text, d);
        assert!(
            !after.diagnostics.iter().any(|x| identity(&fixed, x) == was),
            "`{}` leaves the finding: {}",
            fix.title,
            d.message
        );
        assert!(
            !after
                .diagnostics
                .iter()
                .any(|x| x.severity == pacta::diag::Severity::Error && x.code.starts_with("P0")),
            "`{}` introduces a structure error",
            fix.title
        );
    }
}

#[test]
fn a_missing_limit_is_added() {
    let text = read("tests/fixtures/check/P303.pacta");
    assert_fixes_settle(&text, "P303");
}

#[test]
fn an_overrides_settles_an_overlap() {
    let text = read("tests/fixtures/legislation/P301.pacta");
    assert_fixes_settle(&text, "P301");
    // A rule that already overrides another gains a label in the same clause.
    let with_clause = text.replace(
        "rule 2.1: employed in X and Y, resides in X -> X",
        "rule 2.1: employed in X and Y, resides in X -> X overrides 1.1",
    );
    assert_fixes_settle(&with_clause, "P301");
}

#[test]
fn check_fix_applies_them_and_the_findings_are_gone() {
    let dir = std::env::temp_dir().join(format!("pacta-fix-data-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("a.pacta");
    std::fs::write(&file, read("tests/fixtures/check/P303.pacta")).unwrap();
    Command::cargo_bin("pacta")
        .unwrap()
        .args(["check", "--fix"])
        .arg(&file)
        .output()
        .unwrap();
    let fixed = std::fs::read_to_string(&file).unwrap();
    let checked = pacta::check_source("a.pacta", &fixed, &Config::default());
    assert!(fixed.contains("-> X limit 24 months"), "{fixed}");
    assert!(checked
        .diagnostics
        .iter()
        .all(|d| d.code != "P303" && d.code != "P001"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn the_language_server_offers_them_as_code_actions() {
    let text = read("tests/fixtures/check/P303.pacta");
    let a = pacta::ide::Analysis::new("a.pacta", &text, &Config::default());
    let at = text.find("6.1: employed").unwrap();
    let fixes = a.fixes_in(pacta::span::Span::new(at, at + 3));
    assert!(fixes
        .iter()
        .any(|(d, f)| d.code == "P303" && f.title.contains("limit 24 months")));
}
