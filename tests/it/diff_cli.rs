//! `pacta diff` through the binary: formats, `--fail-on` gates, `-o`, colour and exit codes.

use crate::common;

use assert_cmd::Command;
use common::root;

const D1: &str = "tests/fixtures/diff/draft1.pacta";
const D2: &str = "tests/fixtures/diff/draft2.pacta";
const FIN: &str = "tests/fixtures/diff/final.pacta";
const WARN: &str = "tests/fixtures/diff/gate-warning.pacta";
const ERR: &str = "tests/fixtures/diff/gate-error.pacta";

fn pacta(args: &[&str]) -> std::process::Output {
    Command::cargo_bin("pacta")
        .expect("the binary")
        .current_dir(root())
        .args(args)
        .output()
        .expect("run pacta")
}

fn stdout(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn the_default_is_uncoloured_text_when_not_on_a_terminal() {
    let o = pacta(&["diff", D1, D2]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("pacta diff: "));
    assert!(out.contains("Posting limit (Art. 6(1) → Art. 7(1)): 24 months → 36 months"));
    assert!(!out.contains('\x1b'));
    let o = pacta(&["diff", D1, D2, "--color", "always"]);
    assert!(stdout(&o).contains("\x1b[32m"));
}

#[test]
fn every_format_is_printed() {
    for (format, start) in [
        ("text", "pacta diff: "),
        ("markdown", "## Diff: "),
        ("json", "{"),
        ("html", "<!DOCTYPE html>"),
    ] {
        let o = pacta(&["diff", D1, D2, "--format", format]);
        assert_eq!(o.status.code(), Some(0), "{format}: {}", stderr(&o));
        assert!(stdout(&o).starts_with(start), "{format}");
        assert!(stderr(&o).is_empty(), "{format}: {}", stderr(&o));
    }
}

#[test]
fn fail_on_gates_on_findings_the_new_draft_introduces() {
    // Draft 2 drops the rule for the self-employed residing in a third State: the gap it opens
    // (P302) is a new error, which fails both gates. The final text restores the rule and only
    // resolves findings: neither gate fails.
    for gate in ["new-errors", "new-warnings"] {
        assert_eq!(
            pacta(&["diff", D1, D2, "--fail-on", gate]).status.code(),
            Some(1)
        );
        assert_eq!(
            pacta(&["diff", D2, FIN, "--fail-on", gate]).status.code(),
            Some(0)
        );
    }
    // A new warning (P008) fails `new-warnings` only.
    assert_eq!(
        pacta(&["diff", D1, WARN, "--fail-on", "new-warnings"])
            .status
            .code(),
        Some(1)
    );
    assert_eq!(
        pacta(&["diff", D1, WARN, "--fail-on", "new-errors"])
            .status
            .code(),
        Some(0)
    );
    // A new error (P303: the posting limit left out under R167) fails both; resolving it fails
    // neither; no gate, no failure.
    assert_eq!(
        pacta(&["diff", D1, ERR, "--fail-on", "new-errors"])
            .status
            .code(),
        Some(1)
    );
    assert_eq!(
        pacta(&["diff", D1, ERR, "--fail-on", "new-warnings"])
            .status
            .code(),
        Some(1)
    );
    assert_eq!(
        pacta(&["diff", ERR, D1, "--fail-on", "new-errors"])
            .status
            .code(),
        Some(0)
    );
    assert_eq!(pacta(&["diff", D1, ERR]).status.code(), Some(0));
}

#[test]
fn output_goes_to_a_file_atomically() {
    let dir = std::env::temp_dir().join(format!("pacta-diff-cli-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("redline.html");
    let path = file.to_string_lossy().into_owned();
    let o = pacta(&["diff", D1, D2, "--format", "html", "-o", &path]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).is_empty());
    let html = std::fs::read_to_string(&file).expect("written");
    assert!(html.starts_with("<!DOCTYPE html>") && html.ends_with("</html>\n"));
    let leftovers: Vec<_> = std::fs::read_dir(&dir).expect("dir").flatten().collect();
    assert_eq!(leftovers.len(), 1, "no temporary file left");
    // Text into a file is not coloured unless asked.
    let txt = dir.join("report.txt");
    pacta(&["diff", D1, D2, "-o", &txt.to_string_lossy()]);
    assert!(!std::fs::read_to_string(&txt)
        .expect("written")
        .contains('\x1b'));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_draft_that_does_not_parse_is_exit_1_with_its_syntax_errors() {
    let o = pacta(&[
        "diff",
        D1,
        "tests/fixtures/diff/broken.pacta",
        "--color",
        "never",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).is_empty());
    let err = stderr(&o);
    assert!(err.contains("error[P001]"), "{err}");
    assert!(
        err.contains("broken.pacta does not parse; no diff was made"),
        "{err}"
    );
}

#[test]
fn io_and_usage_errors_are_exit_2() {
    let o = pacta(&["diff", D1, "no/such/draft.pacta"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("error: cannot read no/such/draft.pacta"),
        "{err}"
    );
    assert_eq!(
        pacta(&["diff", D1, D2, "--format", "pdf"]).status.code(),
        Some(2)
    );
    assert_eq!(
        pacta(&["diff", D1, D2, "--fail-on", "new-infos"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(pacta(&["diff", D1]).status.code(), Some(2));
    let o = pacta(&["diff", D1, D2, "-o", "no/such/dir/out.txt"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).starts_with("error: cannot write no/such/dir/out.txt"));
}
