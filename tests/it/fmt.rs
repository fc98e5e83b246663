//! `pacta fmt` and `pacta renumber` over every agreement and fixture that parses, and over mutated
//! copies: formatting is idempotent, keeps every comment and every finding; renumbering keeps the
//! findings and the decision table.

use pacta::config::Config;
use pacta::syntax::tokens::comments;
use std::path::{Path, PathBuf};

/// Every `.pacta` file under `agreements/` and `tests/fixtures/`.
fn corpus() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "pacta") {
                out.push(p);
            }
        }
    }
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    walk(&root.join("agreements"), &mut out);
    walk(&root.join("tests/fixtures"), &mut out);
    out.sort();
    out
}

/// The files that parse (an agreement being re-encoded may not), with their text.
fn parsing() -> Vec<(String, String)> {
    corpus()
        .into_iter()
        .filter_map(|p| {
            let text = std::fs::read_to_string(&p).ok()?;
            pacta::syntax::tree(&text)?;
            Some((p.display().to_string(), text))
        })
        .collect()
}

/// Findings without their place: code, severity and message.
fn findings(text: &str) -> Vec<(String, String, String)> {
    let checked = pacta::check_source("x.pacta", text, &Config::default());
    let mut out: Vec<_> = checked
        .diagnostics
        .iter()
        .map(|d| {
            (
                d.code.to_string(),
                d.severity.as_str().to_string(),
                d.message.clone(),
            )
        })
        .collect();
    out.sort();
    out
}

fn comment_texts(text: &str) -> Vec<String> {
    comments(text)
        .into_iter()
        .map(|c| c.text.trim_end().to_string())
        .collect()
}

/// Mutations that keep a file parsing: no indentation, extra blank lines, spread-out tokens.
fn mutations(text: &str) -> Vec<String> {
    let flat: String = text
        .lines()
        .map(|l| l.trim_start())
        .collect::<Vec<_>>()
        .join("\n");
    let airy: String = text.lines().collect::<Vec<_>>().join("\n\n\n");
    let spread = text
        .replace(" {", "\n   {  ")
        .replace(": ", " :  ")
        .replace("\n", "  \r\n");
    vec![flat, airy, spread]
}

fn check_format(name: &str, text: &str) {
    let once = pacta::fmt::format(text).unwrap_or_else(|e| panic!("{name}: {e:?}"));
    let twice = pacta::fmt::format(&once).unwrap();
    assert_eq!(once, twice, "{name}: fmt is not idempotent");
    assert_eq!(
        comment_texts(text),
        comment_texts(&once),
        "{name}: fmt lost or changed a comment"
    );
    assert_eq!(
        findings(text),
        findings(&once),
        "{name}: fmt changed the findings"
    );
}

#[test]
fn fmt_is_idempotent_and_keeps_comments_and_findings() {
    let files = parsing();
    assert!(files.len() > 50, "too few files parse: {}", files.len());
    for (name, text) in &files {
        check_format(name, text);
    }
}

#[test]
fn fmt_holds_on_mutated_agreements() {
    for (name, text) in parsing().iter().filter(|(n, _)| n.contains("agreements")) {
        for (i, m) in mutations(text).iter().enumerate() {
            if pacta::syntax::tree(m).is_none() {
                continue;
            }
            check_format(&format!("{name} (mutation {i})"), m);
        }
    }
}

#[test]
fn every_agreement_is_formatted() {
    for (name, text) in parsing().iter().filter(|(n, _)| n.contains("agreements")) {
        let formatted = pacta::fmt::format(text).unwrap();
        if &formatted != text {
            let diff = similar::TextDiff::from_lines(text.as_str(), formatted.as_str());
            panic!(
                "{name} is not formatted (run `pacta fmt {name}`):\n{}",
                diff.unified_diff()
            );
        }
    }
}

/// The decision table with rule labels renamed.
fn decisions(text: &str, rename: &dyn Fn(&str) -> String) -> Vec<String> {
    let checked = pacta::check_source("x.pacta", text, &Config::default());
    let Some(a) = checked.agreement else {
        return Vec::new();
    };
    let mut out: Vec<String> = pacta::legislation::decision_table(&a)
        .into_iter()
        .map(|d| {
            format!(
                "{} => {:?} by {:?} over {:?}",
                d.situation,
                d.outcome,
                d.rule.as_deref().map(rename),
                d.overridden.iter().map(|l| rename(l)).collect::<Vec<_>>()
            )
        })
        .collect();
    out.sort();
    out
}

fn codes(text: &str) -> Vec<(String, String)> {
    let mut out: Vec<_> = findings(text)
        .into_iter()
        .map(|(c, s, _)| (c, s))
        .filter(|(c, _)| c != "P008")
        .collect();
    out.sort();
    out
}

/// Insert an Article of prose before the second Article of the body, so every number after it is off.
fn insert_article(text: &str) -> Option<String> {
    let mut at = None;
    let mut seen = 0;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if line.trim_start().starts_with("article ") {
            seen += 1;
            if seen == 2 {
                at = Some(offset);
                break;
            }
        }
        offset += line.len();
    }
    let at = at?;
    Some(format!(
        "{}article 900 \"Inserted\" {{\n  text \"An inserted Article.\"\n}}\n{}",
        &text[..at],
        &text[at..]
    ))
}

#[test]
fn renumber_keeps_findings_and_decisions() {
    for (name, text) in parsing().iter().filter(|(n, _)| n.contains("agreements")) {
        let Some(mutated) = insert_article(text) else {
            continue;
        };
        for (what, input) in [
            ("as is", text.clone()),
            ("with an inserted article", mutated),
        ] {
            let r = pacta::fmt::renumber::renumber(&input).unwrap();
            assert!(
                pacta::syntax::tree(&r.text).is_some(),
                "{name} {what}: renumbered text does not parse"
            );
            assert_eq!(
                pacta::fmt::renumber::renumber(&r.text).unwrap().text,
                r.text,
                "{name} {what}: renumbering twice changes the file"
            );
            assert_eq!(
                codes(&input),
                codes(&r.text),
                "{name} {what}: findings changed"
            );
            let rename = |l: &str| r.labels.get(l).cloned().unwrap_or_else(|| l.to_string());
            assert_eq!(
                decisions(&input, &rename),
                decisions(&r.text, &|l| l.to_string()),
                "{name} {what}: decision table changed"
            );
        }
    }
}

#[test]
fn fmt_check_passes_on_the_agreements() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let out = assert_cmd::Command::cargo_bin("pacta")
        .unwrap()
        .args(["fmt", "--check"])
        .arg(root.join("agreements"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn renumber_refuses_a_file_that_does_not_parse() {
    let dir = std::env::temp_dir().join(format!("pacta-renumber-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("broken.pacta");
    std::fs::write(
        &file,
        "article 1 \"x\" {\n  rule 1.1: employed in -> X\n}\n",
    )
    .unwrap();
    let out = assert_cmd::Command::cargo_bin("pacta")
        .unwrap()
        .arg("renumber")
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("does not parse"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}
