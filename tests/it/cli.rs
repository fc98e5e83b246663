//! The binary: exit codes, one-line I/O errors, formats and `explain`.

use crate::common;

use assert_cmd::Command;
use common::root;

fn pacta() -> Command {
    let mut c = Command::cargo_bin("pacta").unwrap();
    c.current_dir(root());
    c
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("pacta-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn a_missing_file_is_exit_2_with_one_line() {
    let out = pacta()
        .args(["check", "no/such/file.pacta"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with("error: cannot read no/such/file.pacta"),
        "{stderr}"
    );
}

#[test]
fn a_directory_without_agreements_is_exit_2() {
    let dir = temp_dir("empty");
    let out = pacta().arg("check").arg(&dir).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("no .pacta files"));
}

#[test]
fn a_bad_flag_is_exit_2() {
    let out = pacta()
        .args(["check", "--format", "yaml", "agreements"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn syntax_errors_are_exit_1_and_clean_files_exit_0() {
    let dir = temp_dir("codes");
    let bad = dir.join("bad.pacta");
    std::fs::write(&bad, "agreement \"t\" {\n  date: 2026-13-01\n}\n").unwrap();
    let out = pacta()
        .args(["check", "--format", "short"])
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains(":2:9: error[P007] `2026-13-01` is not a calendar date"),
        "{stdout}"
    );

    let out = pacta()
        .args(["check", "agreements/arcadia-borduria.pacta"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn warnings_fail_only_when_denied() {
    let dir = temp_dir("deny");
    let file = dir.join("order.pacta");
    // Article 3 follows article 1 in a sequentially numbered draft: a P008 warning. Every other
    // check is switched off.
    std::fs::write(
        &file,
        "agreement \"t\" { numbering: sequential }\narticle 1 \"a\" {}\narticle 3 \"b\" {}\n",
    )
    .unwrap();
    let mut toml = String::from("[checks]\n");
    for c in pacta::check::registry::CHECKS
        .iter()
        .filter(|c| c.code != "P008")
    {
        toml.push_str(&format!("{} = \"allow\"\n", c.code));
    }
    std::fs::write(dir.join("pacta.toml"), toml).unwrap();
    let plain = pacta()
        .args(["check", "--format", "short"])
        .arg(&file)
        .output()
        .unwrap();
    let stdout = String::from_utf8(plain.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    assert!(
        stdout.contains(":3:1: warning[P008] article 2 is missing"),
        "{stdout}"
    );
    assert_eq!(plain.status.code(), Some(0));
    let denied = pacta()
        .args(["check", "--deny", "warnings", "--format", "short"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(denied.status.code(), Some(1));
    // The failing severity can also come from pacta.toml.
    let mut strict = std::fs::read_to_string(dir.join("pacta.toml")).unwrap();
    strict.insert_str(0, "fail-on = \"warning\"\n");
    std::fs::write(dir.join("pacta.toml"), strict).unwrap();
    let configured = pacta()
        .args(["check", "--format", "short"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(configured.status.code(), Some(1));
}

#[test]
fn json_findings_have_one_based_positions() {
    let dir = temp_dir("json");
    let file = dir.join("x.pacta");
    std::fs::write(
        &file,
        "agreement \"t\" {}\narticle 1 \"a\" {\n  scope XQ \"law\": old-age\n}\n",
    )
    .unwrap();
    let out = pacta()
        .args(["check", "--format", "json"])
        .arg(&file)
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let p004 = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "P004")
        .unwrap()
        .clone();
    assert_eq!(p004["location"]["line"], 3);
    assert_eq!(p004["location"]["column"], 9);
    assert_eq!(p004["name"], "unknown-party");
}

#[test]
fn explain_documents_every_code_by_code_and_by_name() {
    for check in pacta::check::registry::CHECKS {
        let out = pacta().args(["explain", check.code]).output().unwrap();
        assert_eq!(out.status.code(), Some(0));
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(
            text.starts_with(&format!("{} {}", check.code, check.name)),
            "{text}"
        );
        assert!(text.contains("Instrument: "), "{text}");
        let by_name = pacta().args(["explain", check.name]).output().unwrap();
        assert_eq!(String::from_utf8(by_name.stdout).unwrap(), text);
    }
    let unknown = pacta()
        .args(["explain", "posting-without-limt"])
        .output()
        .unwrap();
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8(unknown.stderr)
        .unwrap()
        .contains("did you mean `posting-without-limit`"));
}

#[test]
fn colour_is_off_when_piped_and_on_when_asked() {
    let dir = temp_dir("color");
    let file = dir.join("x.pacta");
    std::fs::write(&file, "agreement \"t\" {\n  date: 2026-02-30\n}\n").unwrap();
    let plain = pacta().arg("check").arg(&file).output().unwrap();
    assert!(!String::from_utf8(plain.stdout).unwrap().contains('\u{1b}'));
    let coloured = pacta()
        .args(["check", "--color", "always"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(String::from_utf8(coloured.stdout)
        .unwrap()
        .contains('\u{1b}'));
}
