//! `pacta check` in every output format on `tests/fixtures/ci/`: a folder with a clean file,
//! warnings and an info (`b-order`), a syntax error (`c-syntax`), structure errors in a subfolder
//! (`nested/d-structure`) and an excluded draft, under a `pacta.toml` that turns the principle
//! checks off and excludes `drafts/**`.

use assert_cmd::Command;
use serde_json::Value;
use std::path::PathBuf;

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ci")
}

/// Run `pacta check . ARGS` in the fixture folder: (exit code, stdout, stderr).
fn check(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_pacta"))
        .current_dir(fixtures())
        .env_remove("RAYON_NUM_THREADS")
        .args(["check", "."])
        .args(args)
        .output()
        .expect("the binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The findings the fixtures were written to have, by file: (file, code, severity, line).
const EXPECTED: &[(&str, &str, &str, u64)] = &[
    ("b-order.pacta", "P009", "info", 17),
    ("b-order.pacta", "P008", "warning", 20),
    ("b-order.pacta", "P008", "warning", 25),
    ("b-order.pacta", "P010", "warning", 26),
    ("c-syntax.pacta", "P001", "error", 13),
    ("nested/d-structure.pacta", "P004", "error", 17),
    ("nested/d-structure.pacta", "P002", "error", 22),
];

#[test]
fn json_holds_exactly_the_planted_findings() {
    let (code, stdout, _) = check(&["--format", "json"]);
    assert_eq!(code, 1, "errors fail the run");
    let v: Value = serde_json::from_str(&stdout).expect("json");
    assert_eq!(v["files"], 4, "the excluded draft is not checked");
    let found: Vec<(String, String, String, u64)> = v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["file"].as_str().unwrap_or_default().to_string(),
                f["code"].as_str().unwrap_or_default().to_string(),
                f["severity"].as_str().unwrap_or_default().to_string(),
                f["location"]["line"].as_u64().unwrap_or_default(),
            )
        })
        .collect();
    let expected: Vec<(String, String, String, u64)> = EXPECTED
        .iter()
        .map(|(f, c, s, l)| (f.to_string(), c.to_string(), s.to_string(), *l))
        .collect();
    assert_eq!(found, expected);
}

#[test]
fn sarif_validates_against_the_official_schema() {
    let (code, stdout, _) = check(&["--format", "sarif"]);
    assert_eq!(code, 1);
    let log: Value = serde_json::from_str(&stdout).expect("json");
    let schema_text = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/schemas/sarif-schema-2.1.0.json"),
    )
    .expect("schema");
    let schema: Value = serde_json::from_str(&schema_text).expect("schema json");
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // The validator does reject what the schema forbids.
    let mut broken = log.clone();
    broken["runs"][0]["results"][0]["level"] = Value::String("fatal".into());
    broken["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] =
        Value::from(0);
    assert!(validator.iter_errors(&broken).count() >= 2);

    // A rule for every registry code, with descriptions and help.
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules");
    assert_eq!(rules.len(), pacta::check::registry::CHECKS.len());
    for r in rules {
        for key in ["id", "name"] {
            assert!(r[key].as_str().is_some_and(|s| !s.is_empty()), "{r}");
        }
        for key in ["shortDescription", "fullDescription", "help"] {
            assert!(
                r[key]["text"].as_str().is_some_and(|s| !s.is_empty()),
                "{r}"
            );
        }
    }
    // Results point at repository-relative files, with the rule's index.
    let results = log["runs"][0]["results"].as_array().expect("results");
    assert_eq!(results.len(), EXPECTED.len());
    for (r, (file, code, severity, line)) in results.iter().zip(EXPECTED) {
        assert_eq!(r["ruleId"], *code);
        let index = r["ruleIndex"].as_u64().expect("index") as usize;
        assert_eq!(rules[index]["id"], *code);
        let level = if *severity == "info" {
            "note"
        } else {
            severity
        };
        assert_eq!(r["level"], level);
        let loc = &r["locations"][0]["physicalLocation"];
        assert_eq!(loc["artifactLocation"]["uri"], *file);
        assert_eq!(loc["artifactLocation"]["uriBaseId"], "%SRCROOT%");
        assert_eq!(loc["region"]["startLine"], *line);
    }
}

#[test]
fn sarif_paths_are_relative_to_the_repository_root_from_any_directory() {
    // Run from a subfolder: the root is still the folder holding pacta.toml.
    let out = Command::new(env!("CARGO_BIN_EXE_pacta"))
        .current_dir(fixtures().join("nested"))
        .args(["check", ".", "--format", "sarif"])
        .output()
        .expect("runs");
    let log: Value = serde_json::from_slice(&out.stdout).expect("json");
    let uris: Vec<&str> = log["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .filter_map(|r| r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].as_str())
        .collect();
    assert_eq!(
        uris,
        ["nested/d-structure.pacta", "nested/d-structure.pacta"]
    );
}

#[test]
fn snapshot_human() {
    let (code, stdout, stderr) = check(&["--color", "never"]);
    assert_eq!(code, 1);
    insta::assert_snapshot!("human", format!("{stdout}--- stderr\n{stderr}"));
}

#[test]
fn snapshot_short() {
    let (code, stdout, _) = check(&["--format", "short"]);
    assert_eq!(code, 1);
    insta::assert_snapshot!("short", stdout);
}

#[test]
fn snapshot_json() {
    let (_, stdout, _) = check(&["--format", "json"]);
    insta::assert_snapshot!("json", stdout);
}

#[test]
fn snapshot_sarif() {
    let (_, stdout, _) = check(&["--format", "sarif"]);
    // The rules are the registry, tested above; the snapshot keeps the results.
    let mut log: Value = serde_json::from_str(&stdout).expect("json");
    log["runs"][0]["tool"]["driver"]["rules"] = Value::String("…".into());
    insta::assert_json_snapshot!("sarif", log);
}

#[test]
fn snapshot_github() {
    let (code, stdout, _) = check(&["--format", "github"]);
    assert_eq!(code, 1);
    for line in stdout.lines() {
        assert!(
            line.starts_with("::error file=")
                || line.starts_with("::warning file=")
                || line.starts_with("::notice file="),
            "{line}"
        );
        assert!(!line.contains('\r'));
    }
    assert_eq!(stdout.lines().count(), EXPECTED.len());
    insta::assert_snapshot!("github", stdout);
}

#[test]
fn snapshot_junit() {
    let (code, stdout, _) = check(&["--format", "junit"]);
    assert_eq!(code, 1);
    // Four files, two failing (the errors); the warnings and the info pass as output.
    assert!(stdout.contains("tests=\"4\""), "{stdout}");
    assert_eq!(stdout.matches("<failure").count(), 2, "{stdout}");
    assert!(!stdout.contains("timestamp") && !stdout.contains("time="));
    insta::assert_snapshot!("junit", stdout);
}

#[test]
fn junit_fails_warnings_when_denied() {
    let (code, stdout, _) = check(&["--format", "junit", "--deny", "warnings"]);
    assert_eq!(code, 1);
    assert_eq!(stdout.matches("<failure").count(), 3, "{stdout}");
}

#[test]
fn exit_codes_follow_the_failing_severity() {
    // Only the warnings-and-info file: passes by default, fails with --deny warnings.
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_pacta"))
            .current_dir(fixtures())
            .args([
                "check",
                "b-order.pacta",
                "a-clean.pacta",
                "--format",
                "short",
            ])
            .args(args)
            .output()
            .expect("runs")
            .status
            .code()
    };
    assert_eq!(run(&[]), Some(0));
    assert_eq!(run(&["--deny", "warnings"]), Some(1));
    assert_eq!(run(&["--deny", "infos"]), Some(1));
    // A missing file and a bad flag are usage errors.
    assert_eq!(run(&["missing.pacta"]), Some(2));
    assert_eq!(run(&["--format", "xml"]), Some(2));
}

#[test]
fn fail_on_in_pacta_toml_sets_the_failing_severity() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("fail-on");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("dir");
    std::fs::copy(fixtures().join("b-order.pacta"), dir.join("b.pacta")).expect("copy");
    let toml = std::fs::read_to_string(fixtures().join("pacta.toml")).expect("toml");
    let run = |toml: &str| {
        std::fs::write(dir.join("pacta.toml"), toml).expect("write");
        Command::new(env!("CARGO_BIN_EXE_pacta"))
            .current_dir(&dir)
            .args(["check", ".", "--format", "short"])
            .output()
            .expect("runs")
            .status
            .code()
    };
    assert_eq!(run(&toml), Some(0));
    assert_eq!(run(&format!("fail-on = \"warning\"\n{toml}")), Some(1));
    assert_eq!(run(&format!("fail-on = \"loud\"\n{toml}")), Some(2));
}

#[test]
fn output_flag_writes_the_report_to_a_file() {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("out.sarif");
    let _ = std::fs::remove_file(&path);
    let (code, stdout, _) = check(&["--format", "sarif", "-o", path.to_str().expect("utf8")]);
    assert_eq!(code, 1);
    assert!(stdout.is_empty());
    let (_, direct, _) = check(&["--format", "sarif"]);
    assert_eq!(std::fs::read_to_string(&path).expect("written"), direct);
}

#[test]
fn same_bytes_with_one_and_many_threads() {
    // The fixtures, and the repository's real agreements (more files, many findings each).
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    for (dir, path) in [(fixtures(), "."), (root, "agreements")] {
        for format in ["human", "short", "json", "sarif", "github", "junit"] {
            let run = |threads: &str| {
                Command::new(env!("CARGO_BIN_EXE_pacta"))
                    .current_dir(&dir)
                    .env("RAYON_NUM_THREADS", threads)
                    .args(["check", path, "--color", "never", "--format", format])
                    .output()
                    .expect("runs")
            };
            let one = run("1");
            let many = run("4");
            assert!(!one.stdout.is_empty());
            assert_eq!(one.stdout, many.stdout, "{path} {format}");
            assert_eq!(one.stderr, many.stderr, "{path} {format}");
            assert_eq!(one.status.code(), many.status.code());
        }
    }
}

#[test]
fn syntax_errors_read_the_same_when_many_files_fail_in_parallel() {
    // Failing files are parsed again with pest's error detail, a process-wide switch: many of
    // them at once, among files that parse, must give the same messages whatever the threads.
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("parallel-errors");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("dir");
    let good = std::fs::read_to_string(fixtures().join("a-clean.pacta")).expect("a");
    let bad = std::fs::read_to_string(fixtures().join("c-syntax.pacta")).expect("c");
    for i in 0..48 {
        let text = if i % 2 == 0 { &good } else { &bad };
        std::fs::write(dir.join(format!("f{i:02}.pacta")), text).expect("write");
    }
    let run = |threads: &str| {
        Command::new(env!("CARGO_BIN_EXE_pacta"))
            .current_dir(&dir)
            .env("RAYON_NUM_THREADS", threads)
            .args(["check", ".", "--format", "short"])
            .output()
            .expect("runs")
            .stdout
    };
    let one = String::from_utf8_lossy(&run("1")).into_owned();
    let detailed = one
        .lines()
        .filter(|l| l.contains("error[P001] expected a Party code such as `XA`"))
        .count();
    assert_eq!(detailed, 24, "{one}");
    for _ in 0..3 {
        assert_eq!(String::from_utf8_lossy(&run("4")), one);
    }
}
