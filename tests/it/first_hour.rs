//! The first hour of a new user (issue 19): the README's install section and first command, and
//! messages that point at the right place and say the right thing.

use crate::common;

use assert_cmd::Command;
use common::root;

fn pacta() -> Command {
    let mut c = Command::cargo_bin("pacta").unwrap();
    c.current_dir(root());
    c
}

fn readme() -> String {
    std::fs::read_to_string(root().join("README.md")).unwrap()
}

/// The words of a summary line with every number replaced by `N`.
fn shape(line: &str) -> String {
    line.split_whitespace()
        .map(|w| {
            if w.chars().all(|c| c.is_ascii_digit()) {
                "N"
            } else {
                w
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_readme_says_how_to_install_with_the_minimum_rust() {
    let readme = readme();
    let manifest = std::fs::read_to_string(root().join("Cargo.toml")).unwrap();
    let minimum = manifest
        .lines()
        .find_map(|l| l.strip_prefix("rust-version = "))
        .unwrap()
        .trim_matches('"');
    assert!(readme.contains("## Install"), "no install section");
    assert!(
        readme.contains(&format!("Rust {minimum} or newer")),
        "the README does not give the minimum Rust version {minimum} of Cargo.toml"
    );
    assert!(
        readme.contains("cargo install --path . --locked"),
        "the README does not say how to put `pacta` on the PATH"
    );
    assert!(
        readme.contains("cargo test") && readme.contains("minutes"),
        "the README does not say how long the tests take"
    );
}

/// The summary line the README quotes for `pacta check agreements/` reads like the one the
/// binary prints (same words, same number of files; the counts move as checks grow), and the
/// exit code it announces is the real one.
#[test]
fn the_readme_shows_the_first_commands_summary_and_exit_code() {
    let readme = readme();
    let section = readme
        .split("pacta check agreements/\n```")
        .nth(1)
        .expect("the README runs `pacta check agreements/`");
    let quoted = section
        .split("```text\n")
        .nth(1)
        .and_then(|s| s.lines().next())
        .expect("the README quotes the summary line in a ```text block");
    let out = pacta().args(["check", "agreements/"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(section.contains("exits with code 1"));
    let stderr = String::from_utf8(out.stderr).unwrap();
    let printed = stderr.lines().last().unwrap();
    assert_eq!(
        shape(quoted),
        shape(printed),
        "README quotes `{quoted}`, pacta prints `{printed}`"
    );
    let files = printed.split_whitespace().rev().nth(1).unwrap();
    let quoted_files = quoted.split_whitespace().rev().nth(1).unwrap();
    assert_eq!(
        files, quoted_files,
        "README quotes `{quoted}`, pacta prints `{printed}`"
    );
}

#[test]
fn the_readme_shows_a_model_agreement_checking_clean() {
    let out = pacta()
        .args(["check", "agreements/r167-model.pacta"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8(out.stderr).unwrap();
    let printed = stderr.lines().last().unwrap();
    assert!(
        readme().contains(&format!("prints `{printed}` and exits 0")),
        "the README does not quote `{printed}`"
    );
}

// ---- Messages that point at the right place and say the right thing.

fn check(text: &str) -> pacta::Checked {
    pacta::check_source("draft.pacta", text, &pacta::config::Config::default())
}

/// `(line, code, message)` of every finding.
fn findings(text: &str) -> Vec<(usize, &'static str, String)> {
    check(text)
        .diagnostics
        .iter()
        .map(|d| {
            let line = text[..d.primary.span.start].matches('\n').count() + 1;
            (line, d.code, d.message.clone())
        })
        .collect()
}

/// A draft with two Parts, each with an article, every brace closed.
const TWO_PARTS: &str = "agreement \"t\" {}
part I \"General provisions\" {
  article 1 \"Definitions\" {
    define \"residence\": \"ordinary residence\"
  }
  article 2 \"Scope\" {
    text \"fine\"
  }
}
part II \"Applicable legislation\" {
  article 6 \"Employed persons\" {
    rule 6.1: employed in X -> X
  }
}
";

/// The text with the edits of one fix applied.
fn apply(text: &str, fix: &pacta::diag::Fix) -> String {
    let mut edits = fix.edits.clone();
    edits.sort_by_key(|e| std::cmp::Reverse(e.span.start));
    let mut out = text.to_string();
    for e in edits {
        out.replace_range(e.span.range(), &e.replacement);
    }
    out
}

fn syntax_findings(text: &str) -> Vec<(usize, &'static str, String)> {
    findings(text)
        .into_iter()
        .filter(|(_, code, _)| matches!(*code, "P001" | "P007" | "P018" | "P019"))
        .collect()
}

#[test]
fn a_missing_brace_is_blamed_on_the_block_left_open_not_the_next_part() {
    let text = TWO_PARTS.replacen(
        "    define \"residence\": \"ordinary residence\"\n  }\n",
        "    define \"residence\": \"ordinary residence\"\n\n",
        1,
    );
    let checked = check(&text);
    assert_eq!(checked.diagnostics.len(), 1, "{:#?}", checked.diagnostics);
    let d = &checked.diagnostics[0];
    assert_eq!(&text[d.primary.span.range()], "article 1 \"Definitions\" {");
    assert!(d.message.contains("never closed"), "{}", d.message);
    assert!(!d.help.as_deref().unwrap_or("").contains("party"));
    // The fix puts the `}` where the article ends, and the draft parses again.
    let fixed = apply(&text, &d.fixes[0]);
    assert_eq!(syntax_findings(&fixed), vec![]);
    assert_eq!(fixed.replace("\n\n  }\n", "\n  }\n"), TWO_PARTS);
}

#[test]
fn a_missing_brace_at_the_end_is_blamed_on_the_open_block() {
    let text = TWO_PARTS.trim_end().trim_end_matches('}').to_string();
    let checked = check(&text);
    let d = &checked.diagnostics[0];
    assert_eq!(
        &text[d.primary.span.range()],
        "part II \"Applicable legislation\" {"
    );
    let fixed = apply(&text, &d.fixes[0]);
    assert_eq!(syntax_findings(&fixed), vec![]);
}

#[test]
fn a_missing_colon_is_inserted_not_mistaken_for_a_keyword() {
    let text = TWO_PARTS.replace("rule 6.1: employed", "rule 6.1 employed");
    let checked = check(&text);
    let d = &checked.diagnostics[0];
    let help = d.help.as_deref().unwrap_or("");
    assert!(!help.contains("employer"), "{help}");
    assert_eq!(help, "insert `:` after `6.1`");
    assert_eq!(apply(&text, &d.fixes[0]), TWO_PARTS);
}

#[test]
fn did_you_mean_offers_only_what_is_valid_where_the_word_stands() {
    // `part` is not valid inside a Part, so `party` (a top-level construct) is not proposed for it,
    // while a misspelt block keyword inside an article still gets its correction.
    let text = TWO_PARTS.replace("  article 2 \"Scope\" {", "  part 2 \"Scope\" {");
    for d in check(&text).diagnostics {
        assert_ne!(
            d.help.as_deref(),
            Some("did you mean `party`?"),
            "{}",
            d.message
        );
    }
    let text = TWO_PARTS.replace(
        "    text \"fine\"",
        "    aggregaton {\n      branches: old-age\n    }",
    );
    let d = &check(&text).diagnostics[0];
    assert_eq!(d.help.as_deref(), Some("did you mean `aggregation`?"));
}

#[test]
fn word_processor_characters_get_one_finding_each_with_a_fix() {
    let text = TWO_PARTS
        .replace(
            "rule 6.1: employed in X -> X",
            "rule 6.1: employed in X \u{2192} X",
        )
        .replace("\"Scope\"", "\u{201C}Scope\u{201D}")
        .replace("article 6 \"Employed", "article\u{a0}6 \"Employed")
        .replace("\"fine\"", "\"fine \u{2013} kept \u{2192} in a string\"");
    let found = syntax_findings(&text);
    let codes: Vec<&str> = found.iter().map(|f| f.1).collect();
    assert_eq!(codes, ["P018", "P018", "P018"], "{found:#?}");
    assert!(found.iter().any(|f| f.2.contains("Pacta reads `->`")));
    assert!(found.iter().any(|f| f.2.contains("Pacta reads `\"`")));
    assert!(found
        .iter()
        .any(|f| f.2.contains("Pacta reads an ordinary space")));
    let mut fixed = text.clone();
    loop {
        let checked = check(&fixed);
        let Some(fix) = checked
            .diagnostics
            .iter()
            .find(|d| d.code == "P018")
            .map(|d| d.fixes[0].clone())
        else {
            break;
        };
        fixed = apply(&fixed, &fix);
    }
    assert_eq!(
        fixed,
        TWO_PARTS.replace("\"fine\"", "\"fine \u{2013} kept \u{2192} in a string\"")
    );
}

#[test]
fn part_and_paragraph_numbers_are_checked() {
    let text = TWO_PARTS.replace("part II", "part IM");
    let found = syntax_findings(&text);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!((found[0].0, found[0].1), (10, "P007"));
    let d = check(&text)
        .diagnostics
        .into_iter()
        .find(|d| d.code == "P007")
        .unwrap();
    assert_eq!(apply(&text, &d.fixes[0]), TWO_PARTS);

    let text = TWO_PARTS.replace("part I ", "part III ");
    let found = syntax_findings(&text);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!((found[0].0, found[0].1), (10, "P019"));

    let text = TWO_PARTS.replace(
        "    rule 6.1: employed in X -> X\n",
        "    paragraph 2 {\n      rule 6.1: employed in X -> X\n    }\n    paragraph 1 {\n      text \"x\"\n    }\n",
    );
    let found = syntax_findings(&text);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!((found[0].0, found[0].1), (15, "P019"));

    let text = TWO_PARTS.replace(
        "    rule 6.1: employed in X -> X\n",
        "    paragraph 99999999999999999999 {\n      rule 6.1: employed in X -> X\n    }\n",
    );
    let found = syntax_findings(&text);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].1, "P007");
    assert_eq!(found[0].2, "paragraph number too large");
}

#[test]
fn an_unknown_escape_is_reported_with_a_fix() {
    let text = TWO_PARTS.replace("\"fine\"", "\"C:\\qfine\"");
    let checked = check(&text);
    let d = checked
        .diagnostics
        .iter()
        .find(|d| d.code == "P007")
        .expect("a P007");
    assert_eq!(d.message, "unknown escape `\\q` in a string");
    let fixed = apply(&text, &d.fixes[0]);
    assert_eq!(syntax_findings(&fixed), vec![]);
    assert!(fixed.contains("\"C:\\\\qfine\""));
}
