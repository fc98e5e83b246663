//! `pacta build` and `pacta schema` through the real binary: exit codes, refusal on errors,
//! atomic output, determinism across runs and thread counts, and the committed schemas.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn pacta(args: &[&str], threads: Option<&str>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_pacta"));
    cmd.args(args).current_dir(root()).env("NO_COLOR", "1");
    if let Some(n) = threads {
        cmd.env("RAYON_NUM_THREADS", n);
    }
    cmd.output().expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A scratch directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("pacta-build-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch directory");
    dir
}

const WITH_ERROR: &str = r#"agreement "A" {}
party XA "A" { schemes: old-age }
party XB "B" { schemes: old-age }
article 1 "Scope" {
  scope XC "Act": old-age
}
"#;

#[test]
fn build_is_byte_identical_across_runs_and_thread_counts() {
    for file in [
        "agreements/arcadia-borduria.pacta",
        "agreements/nl-kr.pacta",
    ] {
        let one = pacta(&["build", file], Some("1"));
        let again = pacta(&["build", file], Some("1"));
        let four = pacta(&["build", file], Some("4"));
        assert_eq!(one.status.code(), Some(0), "{}", text(&one.stderr));
        assert!(one
            .stdout
            .starts_with(b"{\n  \"schema\": \"pacta.ruleset/1\""));
        assert_eq!(one.stdout, again.stdout, "{file}: two runs differ");
        assert_eq!(one.stdout, four.stdout, "{file}: 1 and 4 threads differ");
    }
}

#[test]
fn build_writes_the_same_bytes_to_a_file() {
    let dir = scratch("output");
    let out = dir.join("ruleset.json");
    let out_arg = out.to_string_lossy().into_owned();
    let file = "agreements/arcadia-borduria.pacta";
    let written = pacta(&["build", file, "-o", &out_arg], None);
    assert_eq!(written.status.code(), Some(0), "{}", text(&written.stderr));
    assert!(written.stdout.is_empty());
    let stdout = pacta(&["build", file], None).stdout;
    assert_eq!(std::fs::read(&out).expect("output written"), stdout);
    // Nothing else is left behind (the temporary file was renamed).
    let entries: Vec<_> = std::fs::read_dir(&dir).expect("dir").collect();
    assert_eq!(entries.len(), 1);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn build_refuses_an_agreement_with_errors() {
    let dir = scratch("errors");
    let file = dir.join("bad.pacta");
    std::fs::write(&file, WITH_ERROR).expect("fixture");
    let out = dir.join("ruleset.json");
    let (file_arg, out_arg) = (file.to_string_lossy(), out.to_string_lossy());
    let refused = pacta(&["build", &file_arg, "-o", &out_arg], None);
    assert_eq!(refused.status.code(), Some(1));
    assert!(refused.stdout.is_empty());
    assert!(!out.exists(), "no output on refusal");
    let stderr = text(&refused.stderr);
    assert!(stderr.contains("error[P004]"), "{stderr}");
    assert!(stderr.contains("no rule set built"), "{stderr}");

    let allowed = pacta(&["build", &file_arg, "--allow-errors"], None);
    assert_eq!(allowed.status.code(), Some(0), "{}", text(&allowed.stderr));
    let rules: serde_json::Value = serde_json::from_slice(&allowed.stdout).expect("JSON");
    assert_eq!(rules["findings"][0]["code"], "P004");
    assert_eq!(rules["findings"][0]["source"]["article"], 1);
    assert_eq!(rules["summary"]["errors"], 1);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn build_refuses_a_file_that_does_not_parse_even_with_allow_errors() {
    let dir = scratch("syntax");
    let file = dir.join("broken.pacta");
    std::fs::write(&file, "agreement \"A\" {\n").expect("fixture");
    let refused = pacta(&["build", &file.to_string_lossy(), "--allow-errors"], None);
    assert_eq!(refused.status.code(), Some(1));
    assert!(refused.stdout.is_empty());
    let stderr = text(&refused.stderr);
    assert!(stderr.contains("error[P001]"), "{stderr}");
    assert!(stderr.contains("the file does not parse"), "{stderr}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn build_reports_io_errors_in_one_line_with_exit_2() {
    let missing = pacta(&["build", "agreements/no-such-file.pacta"], None);
    assert_eq!(missing.status.code(), Some(2));
    let stderr = text(&missing.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.starts_with("error: cannot read agreements/no-such-file.pacta"));

    let unwritable = pacta(
        &[
            "build",
            "agreements/arcadia-borduria.pacta",
            "-o",
            "no-such-dir/x/out.json",
        ],
        None,
    );
    assert_eq!(unwritable.status.code(), Some(2));
    assert!(text(&unwritable.stderr).starts_with("error: cannot write no-such-dir/x/out.json"));
}

/// `pacta schema KIND` must equal the committed copy; `PACTA_BLESS=1` rewrites it.
fn assert_committed(kind: &str, path: &str) {
    let out = pacta(&["schema", kind], None);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let file = root().join(path);
    if std::env::var_os("PACTA_BLESS").is_some() {
        std::fs::write(&file, &out.stdout).expect("write schema");
        return;
    }
    let committed = std::fs::read(&file).unwrap_or_default();
    assert!(
        committed == out.stdout,
        "{path} is stale: run `PACTA_BLESS=1 cargo test --test it build_cli::` and commit it"
    );
}

#[test]
fn committed_schemas_are_current() {
    assert_committed("ruleset", "docs/ruleset.schema.json");
    assert_committed("findings", "docs/findings.schema.json");
    assert_committed("diff", "docs/diff.schema.json");
    let default = pacta(&["schema"], None);
    assert_eq!(default.stdout, pacta(&["schema", "ruleset"], None).stdout);
}

#[test]
fn findings_of_pacta_check_validate_against_their_schema() {
    let schema: serde_json::Value =
        serde_json::from_slice(&pacta(&["schema", "findings"], None).stdout).expect("schema");
    let validator = jsonschema::validator_for(&schema).expect("valid schema");
    let out = pacta(&["check", "agreements/", "--format", "json"], None);
    let findings: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert!(validator.is_valid(&findings));
}
