//! The exit-code table of `docs/ci.md`, run row by row: every documented row has a case here,
//! every case here is documented, and each exits with the documented code.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The agreements and files the cases run on, in a fresh directory without `pacta.toml`.
struct Files {
    dir: PathBuf,
}

const SMALL: &str = "agreement \"x\" {\n  date: 2026-01-01\n}\nparty XA \"A\" {\n  schemes: old-age\n}\nparty XB \"B\" {\n  schemes: old-age\n}\narticle 1 \"Rules\" {\n  rule 1.1: employed in X -> X\n}\n";

impl Files {
    fn new() -> Files {
        let dir = std::env::temp_dir().join(format!("pacta-exit-codes-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("empty")).unwrap();
        std::fs::create_dir_all(dir.join("config")).unwrap();
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let clean =
            std::fs::read_to_string(root.join("agreements/arcadia-borduria.pacta")).unwrap();
        let write = |name: &str, text: &[u8]| std::fs::write(dir.join(name), text).unwrap();
        write("clean.pacta", clean.as_bytes());
        write(
            "scenario.pacta",
            format!("{clean}\nscenario \"wrong\" {{\n  situation: employed in XB, employer in XA, resides in XA, posted 18 months\n  expect: XB\n}}\n")
                .as_bytes(),
        );
        write("errors.pacta", SMALL.as_bytes());
        write("syntax.pacta", b"agreement \"t\" {\n  date: 2026-01-01\n");
        write("latin1.pacta", b"agreement \"caf\xe9\" {\n}\n");
        write(
            "unformatted.pacta",
            b"agreement \"t\" {\n        date:    2026-01-01\n}\n",
        );
        write(
            "order.pacta",
            b"agreement \"t\" {\n  date: 2026-01-01\n}\narticle 2 \"B\" {\n}\narticle 1 \"A\" {\n}\n",
        );
        write("baseline.json", b"{ not json");
        write("config/pacta.toml", b"fail-on = 42\n[[[\n");
        write("config/a.pacta", SMALL.as_bytes());
        Files { dir }
    }

    fn run(&self, args: &[&str]) -> i32 {
        let out = Command::new(env!("CARGO_BIN_EXE_pacta"))
            .current_dir(&self.dir)
            .args(args)
            .output()
            .unwrap();
        out.status.code().unwrap_or(-1)
    }
}

/// `(command, situation)` → the arguments of a run that is in that situation.
fn cases() -> BTreeMap<(&'static str, &'static str), Vec<&'static str>> {
    let rows: &[(&str, &str, &[&str])] = &[
        (
            "check",
            "no finding at or above the failing severity",
            &["check", "clean.pacta"],
        ),
        ("check", "a syntax error", &["check", "syntax.pacta"]),
        (
            "check",
            "a file that is not UTF-8",
            &["check", "latin1.pacta"],
        ),
        (
            "check",
            "a check finds an error",
            &["check", "errors.pacta"],
        ),
        (
            "check",
            "a scenario fails (P015)",
            &["check", "scenario.pacta"],
        ),
        (
            "check",
            "a bad flag",
            &["check", "--format", "yaml", "clean.pacta"],
        ),
        ("check", "a missing file", &["check", "missing.pacta"]),
        (
            "check",
            "a directory with no `.pacta` file",
            &["check", "empty"],
        ),
        (
            "check",
            "an invalid `pacta.toml`",
            &["check", "config/a.pacta"],
        ),
        (
            "check",
            "a malformed baseline",
            &["check", "clean.pacta", "--baseline", "baseline.json"],
        ),
        (
            "check",
            "an output that is a directory",
            &["check", "clean.pacta", "-o", "empty"],
        ),
        (
            "build",
            "the rule set is written",
            &["build", "clean.pacta", "-o", "/dev/null"],
        ),
        (
            "build",
            "a check finds an error",
            &["build", "errors.pacta"],
        ),
        (
            "build",
            "a scenario fails (P015)",
            &["build", "scenario.pacta"],
        ),
        (
            "build",
            "a syntax error, even with `--allow-errors`",
            &["build", "syntax.pacta", "--allow-errors"],
        ),
        (
            "build",
            "a file that is not UTF-8",
            &["build", "latin1.pacta", "--allow-errors"],
        ),
        ("build", "a missing file", &["build", "missing.pacta"]),
        (
            "build",
            "an output that is a directory",
            &["build", "clean.pacta", "-o", "empty"],
        ),
        ("test", "every scenario passes", &["test", "clean.pacta"]),
        ("test", "a scenario fails", &["test", "scenario.pacta"]),
        ("test", "a syntax error", &["test", "syntax.pacta"]),
        (
            "test",
            "a file that is not UTF-8",
            &["test", "latin1.pacta"],
        ),
        ("test", "a missing file", &["test", "missing.pacta"]),
        (
            "resolve",
            "one legislation applies",
            &[
                "resolve",
                "clean.pacta",
                "--situation",
                "employed in XA, resides in XA",
            ],
        ),
        (
            "resolve",
            "no legislation, or several, or it depends on what the situation does not give",
            &[
                "resolve",
                "errors.pacta",
                "--situation",
                "self-employed in XA",
            ],
        ),
        (
            "resolve",
            "a syntax error",
            &["resolve", "syntax.pacta", "--situation", "employed in XA"],
        ),
        (
            "resolve",
            "a file that is not UTF-8",
            &["resolve", "latin1.pacta", "--situation", "employed in XA"],
        ),
        (
            "resolve",
            "a malformed situation",
            &["resolve", "clean.pacta", "--situation", "frobnicated in XA"],
        ),
        (
            "diff",
            "the report is written",
            &["diff", "clean.pacta", "errors.pacta"],
        ),
        (
            "diff",
            "`--fail-on` and the new draft introduces such findings",
            &[
                "diff",
                "clean.pacta",
                "errors.pacta",
                "--fail-on",
                "new-errors",
            ],
        ),
        (
            "diff",
            "a draft with a syntax error",
            &["diff", "clean.pacta", "syntax.pacta"],
        ),
        (
            "diff",
            "a draft that is not UTF-8",
            &["diff", "clean.pacta", "latin1.pacta"],
        ),
        (
            "diff",
            "a missing file",
            &["diff", "clean.pacta", "missing.pacta"],
        ),
        (
            "diff",
            "an output that is a directory",
            &["diff", "clean.pacta", "clean.pacta", "-o", "empty"],
        ),
        ("explain", "a known check", &["explain", "P015"]),
        ("explain", "an unknown check", &["explain", "P999"]),
        ("schema", "a known schema", &["schema", "diff"]),
        (
            "fmt",
            "the files are formatted",
            &["fmt", "--check", "clean.pacta"],
        ),
        (
            "fmt",
            "`--check` and a file is not formatted",
            &["fmt", "--check", "unformatted.pacta"],
        ),
        (
            "fmt",
            "a syntax error (nothing to format)",
            &["fmt", "--check", "syntax.pacta"],
        ),
        (
            "fmt",
            "a file that is not UTF-8",
            &["fmt", "--check", "latin1.pacta"],
        ),
        (
            "renumber",
            "`--check` and the articles are in order",
            &["renumber", "--check", "clean.pacta"],
        ),
        (
            "renumber",
            "`--check` and the articles are out of order",
            &["renumber", "--check", "order.pacta"],
        ),
        (
            "renumber",
            "a syntax error (nothing to renumber)",
            &["renumber", "--check", "syntax.pacta"],
        ),
    ];
    rows.iter()
        .map(|(c, s, a)| ((*c, *s), a.to_vec()))
        .collect()
}

/// The rows of the table in `docs/ci.md`: `(command, situation)` → exit code.
fn documented() -> BTreeMap<(String, String), i32> {
    let doc =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/ci.md")).unwrap();
    let start = doc
        .find("<!-- exit-codes")
        .expect("the table's start marker");
    let end = doc
        .find("<!-- /exit-codes -->")
        .expect("the table's end marker");
    doc[start..end]
        .lines()
        .filter(|l| l.starts_with("| `"))
        .map(|l| {
            let cells: Vec<&str> = l.trim_matches('|').split(" | ").map(str::trim).collect();
            assert_eq!(cells.len(), 3, "{l}");
            let command = cells[0].trim_matches('`').to_string();
            let code = cells[2].parse().unwrap_or_else(|_| panic!("{l}"));
            ((command, cells[1].to_string()), code)
        })
        .collect()
}

#[test]
fn every_command_exits_as_the_table_in_ci_md_says() {
    let files = Files::new();
    let table = documented();
    let cases = cases();
    let undocumented: Vec<_> = cases
        .keys()
        .filter(|(c, s)| !table.contains_key(&(c.to_string(), s.to_string())))
        .collect();
    assert!(
        undocumented.is_empty(),
        "cases not in docs/ci.md: {undocumented:#?}"
    );
    let mut wrong = Vec::new();
    for ((command, situation), code) in &table {
        let args = cases
            .get(&(command.as_str(), situation.as_str()))
            .unwrap_or_else(|| panic!("no case runs `{command}`: {situation}"));
        let got = files.run(args);
        if got != *code {
            wrong.push(format!(
                "{args:?} ({situation}): exit {got}, documented {code}"
            ));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}
