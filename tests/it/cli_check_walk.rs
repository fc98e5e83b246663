//! Which files `pacta check DIR` finds, and in which order: nested `.gitignore` files, hidden
//! entries, and `[files]` include/exclude globs relative to the directory of `pacta.toml`.

use assert_cmd::Command;
use std::path::{Path, PathBuf};

const CLEAN: &str = "agreement \"A\" {\n  date: 2026-01-01\n}\n";

fn tree(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    for (path, text) in files {
        let p = dir.join(path);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("dir");
        std::fs::write(p, text).expect("write");
    }
    dir
}

/// The files checked, as JUnit test-case names (paths relative to the repository root).
fn checked(cwd: &Path, args: &[&str]) -> Vec<String> {
    let out = Command::new(env!("CARGO_BIN_EXE_pacta"))
        .current_dir(cwd)
        .args(["check", "--format", "junit"])
        .args(args)
        .output()
        .expect("runs");
    // Findings (exit 1) do not matter here; a failed run (exit 2) does.
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let xml = String::from_utf8_lossy(&out.stdout).into_owned();
    xml.split("<testcase name=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .map(str::to_string)
        .collect()
}

#[test]
fn gitignore_hidden_and_globs_relative_to_pacta_toml() {
    let dir = tree(
        "walk-globs",
        &[
            (
                "pacta.toml",
                "[files]\ninclude = [\"agreements/**\"]\nexclude = [\"agreements/old/\", \"*.draft.pacta\"]\n",
            ),
            (".gitignore", "scratch/\n"),
            ("agreements/b.pacta", CLEAN),
            ("agreements/a.pacta", CLEAN),
            ("agreements/sub/c.pacta", CLEAN),
            ("agreements/sub/.gitignore", "ignored.pacta\n"),
            ("agreements/sub/ignored.pacta", "not parsed {"),
            ("agreements/old/o.pacta", CLEAN),
            ("agreements/x.draft.pacta", "not parsed {"),
            ("agreements/.hidden/h.pacta", "not parsed {"),
            ("agreements/notes.txt", "not an agreement"),
            ("scratch/s.pacta", "not parsed {"),
            ("other/z.pacta", "not parsed {"),
        ],
    );
    let expected = [
        "agreements/a.pacta",
        "agreements/b.pacta",
        "agreements/sub/c.pacta",
    ];
    assert_eq!(checked(&dir, &["."]), expected);
    // From a subdirectory the globs still read from the pacta.toml directory.
    assert_eq!(checked(&dir.join("agreements"), &["."]), expected);
    assert_eq!(checked(&dir.join("agreements/sub"), &["..", "."]), expected);
    // A file named on the command line is checked even when excluded.
    assert_eq!(
        checked(&dir, &["agreements/old/o.pacta", "agreements/a.pacta"]).len(),
        2
    );
}

#[test]
fn order_is_by_path_whatever_the_creation_order() {
    let names = [
        "m.pacta",
        "b/z.pacta",
        "a.pacta",
        "b.pacta",
        "b/a.pacta",
        "Z.pacta",
    ];
    let files: Vec<(&str, &str)> = names.iter().map(|n| (*n, CLEAN)).collect();
    let dir = tree("walk-order", &files);
    std::fs::write(dir.join("pacta.toml"), "").expect("toml");
    let mut sorted: Vec<String> = names.iter().map(|s| s.to_string()).collect();
    sorted.sort_by(|a, b| Path::new(a).cmp(Path::new(b)));
    assert_eq!(checked(&dir, &["."]), sorted);
    assert_eq!(
        checked(&dir, &["b", "."]),
        sorted,
        "a path given twice is checked once"
    );
}
