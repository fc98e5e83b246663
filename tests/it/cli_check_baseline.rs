//! Baselines: write today's findings, check unchanged (exit 0), add a defect (exit 1, only the
//! new one reported), and hear which entries are gone.

use assert_cmd::Command;
use std::path::{Path, PathBuf};

/// The CI fixtures' configuration: the principle checks off, so that the findings are the
/// structure findings planted below.
fn toml() -> String {
    std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ci/pacta.toml"),
    )
    .expect("fixture pacta.toml")
}

/// Warnings (P008 twice) and an info (P009); an error would come from a syntax error.
const AGREEMENT: &str = r#"agreement "Baseline test" {
  date: 2026-02-01  numbering: sequential
}

party XA "Arcadia" {
  schemes: old-age
}

party XC "Corvinia" {
  schemes: old-age
}

article 1 "Definitions" {
  define "frontier worker": "a worker who returns home every day"
}

article 3 "Legislation covered" {
  scope XA "Pensions Act": old-age
  scope XC "Old-Age Insurance Law": old-age
}

article 2 "General rule" {
  rule 2.1: employed in X -> X
}
"#;

fn setup(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("agreements")).expect("dir");
    std::fs::write(dir.join("pacta.toml"), toml()).expect("toml");
    std::fs::write(dir.join("agreements/a.pacta"), AGREEMENT).expect("a");
    dir
}

fn pacta(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_pacta"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn write_then_check_unchanged_then_add_a_defect() {
    let dir = setup("baseline-flow");
    let strict = ["--deny", "infos", "--format", "short"];

    // Without a baseline the file fails when every finding is denied.
    let (code, before, _) = pacta(&dir, &[&["check", "agreements"][..], &strict].concat());
    assert_eq!(code, 1);
    assert_eq!(before.lines().count(), 3, "{before}");

    let (code, stdout, stderr) = pacta(
        &dir,
        &[
            "check",
            "agreements",
            "--write-baseline",
            "pacta-baseline.json",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.is_empty());
    assert!(stderr.contains("wrote 3 findings"), "{stderr}");
    let text = std::fs::read_to_string(dir.join("pacta-baseline.json")).expect("written");
    let v: serde_json::Value = serde_json::from_str(&text).expect("json");
    assert_eq!(v["schema"], "pacta.baseline/1");
    assert_eq!(v["entries"].as_array().map(Vec::len), Some(3));
    // Paths are relative to the repository root (the pacta.toml directory), whatever the cwd.
    assert!(
        v["entries"]
            .as_array()
            .into_iter()
            .flatten()
            .all(|e| e["file"] == "agreements/a.pacta"),
        "{text}"
    );
    assert!(
        !text.contains("\"line\""),
        "no line numbers in a baseline: {text}"
    );

    // Unchanged: nothing reported, exit 0, from the root and from a subdirectory.
    let with = [
        &["check", "agreements", "--baseline", "pacta-baseline.json"][..],
        &strict,
    ]
    .concat();
    let (code, stdout, stderr) = pacta(&dir, &with);
    assert_eq!((code, stdout.as_str()), (0, ""), "{stderr}");
    let (code, _, stderr) = pacta(
        &dir.join("agreements"),
        &[
            "check",
            ".",
            "--baseline",
            "../pacta-baseline.json",
            "--deny",
            "infos",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("(3 more in the baseline)"), "{stderr}");

    // Lines inserted above the findings move them; the baseline still holds them.
    let moved = AGREEMENT.replacen("party XA", "// a comment\n\n// another\nparty XA", 1);
    std::fs::write(dir.join("agreements/a.pacta"), &moved).expect("edit");
    let (code, stdout, _) = pacta(&dir, &with);
    assert_eq!((code, stdout.as_str()), (0, ""));

    // A new defect: a second unused definition. Only it is reported, and it fails the run.
    let defect = moved.replacen(
        "  define \"frontier worker\"",
        "  define \"seasonal worker\": \"a worker employed for a season\"\n  define \"frontier worker\"",
        1,
    );
    std::fs::write(dir.join("agreements/a.pacta"), &defect).expect("edit");
    let (code, stdout, _) = pacta(&dir, &with);
    assert_eq!(code, 1);
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    assert!(
        stdout.contains("info[P009]") && stdout.contains("seasonal worker"),
        "{stdout}"
    );

    // A fixed finding: the baseline entry is reported as gone, the run still passes.
    // Renumbering the articles in order fixes both P008 warnings.
    let fixed = moved
        .replace("article 3 \"Legislation", "article 2 \"Legislation")
        .replace("article 2 \"General", "article 3 \"General");
    std::fs::write(dir.join("agreements/a.pacta"), &fixed).expect("edit");
    let (code, stdout, stderr) = pacta(&dir, &with);
    assert_eq!((code, stdout.as_str()), (0, ""), "{stderr}");
    assert!(
        stderr.contains("2 baseline entries are no longer found"),
        "{stderr}"
    );
    assert!(stderr.contains("agreements/a.pacta: P008"), "{stderr}");
}

#[test]
fn a_bad_baseline_is_a_usage_error() {
    let dir = setup("baseline-bad");
    std::fs::write(
        dir.join("b.json"),
        "{\"schema\": \"other/1\", \"entries\": []}",
    )
    .expect("w");
    let (code, _, stderr) = pacta(&dir, &["check", "agreements", "--baseline", "b.json"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("pacta.baseline/1"), "{stderr}");
    let (code, _, _) = pacta(&dir, &["check", "agreements", "--baseline", "missing.json"]);
    assert_eq!(code, 2);
    let (code, _, _) = pacta(
        &dir,
        &[
            "check",
            "agreements",
            "--baseline",
            "b.json",
            "--write-baseline",
            "c.json",
        ],
    );
    assert_eq!(code, 2);
}
