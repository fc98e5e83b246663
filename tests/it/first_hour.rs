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

#[test]
fn a_branch_written_with_a_space_is_one_finding_with_its_hyphenated_key() {
    let text = TWO_PARTS.replace(
        "    define \"residence\": \"ordinary residence\"\n",
        "    scope XA \"Pensions Act\": old age, long term care\n",
    );
    let checked = check(&text);
    let p005: Vec<_> = checked
        .diagnostics
        .iter()
        .filter(|d| d.code == "P005")
        .collect();
    assert_eq!(p005.len(), 2, "{p005:#?}");
    assert_eq!(p005[0].help.as_deref(), Some("did you mean `old-age`?"));
    assert_eq!(
        p005[1].help.as_deref(),
        Some("did you mean `long-term-care`?")
    );
    assert!(checked.diagnostics.iter().all(|d| d.code != "P007"));
    let mut fixed = text.clone();
    for d in p005.iter().rev() {
        fixed = apply(&fixed, &d.fixes[0]);
    }
    assert!(fixed.contains("old-age, long-term-care"));
    assert!(check(&fixed).diagnostics.iter().all(|d| d.code != "P005"));
}

/// A value repeated a hundred thousand times in a list, a rule label or an article number
/// repeated thousands of times: one finding each, saying how many times.
#[test]
fn huge_repetitions_are_one_finding_each() {
    let list = vec!["old-age"; 100_000].join(", ");
    let text = format!("agreement \"t\" {{}}\nparty XA \"A\" {{\n  schemes: {list}\n}}\n");
    let found = findings(&text);
    let p019: Vec<_> = found.iter().filter(|f| f.1 == "P019").collect();
    assert_eq!(p019.len(), 1, "{:#?}", &found[..found.len().min(5)]);
    assert_eq!(p019[0].2, "`old-age` is listed 100000 times in `schemes`");

    let rules = "    rule 6.1: employed in X -> X\n".repeat(5_000);
    let text = TWO_PARTS.replace("    rule 6.1: employed in X -> X\n", &rules);
    let found = findings(&text);
    let p002: Vec<_> = found.iter().filter(|f| f.1 == "P002").collect();
    assert_eq!(p002.len(), 1);
    assert_eq!(p002[0].2, "rule 6.1 is defined 5000 times");

    let articles = "  article 7 \"x\" {\n  }\n".repeat(3_000);
    let text = TWO_PARTS.replace("  article 6 ", &format!("{articles}  article 6 "));
    let found = findings(&text);
    let p002: Vec<_> = found.iter().filter(|f| f.1 == "P002").collect();
    assert_eq!(p002.len(), 1);
    assert_eq!(p002[0].2, "article 7 appears 3000 times");

    // The same unreadable value pasted thousands of times: one finding, with the count.
    let limits = "      limit 99999999999999999999 months\n".repeat(20_000);
    let text = TWO_PARTS.replace(
        "    rule 6.1: employed in X -> X\n",
        &format!("    rule 6.1: employed in X -> X\n{limits}"),
    );
    let checked = check(&text);
    let p007: Vec<_> = checked
        .diagnostics
        .iter()
        .filter(|d| d.code == "P007")
        .collect();
    assert_eq!(p007.len(), 1);
    assert!(p007[0]
        .notes
        .contains(&"the same finding is repeated at 19999 more places in this file".to_string()));

    // A short repetition carries a fix that keeps the first.
    let text = TWO_PARTS.replace(
        "    define \"residence\": \"ordinary residence\"\n",
        "    scope XA \"Pensions Act\": old-age, survivors, old-age\n",
    );
    let d = check(&text)
        .diagnostics
        .into_iter()
        .find(|d| d.code == "P019")
        .unwrap();
    let fixed = apply(&text, &d.fixes[0]);
    assert!(
        fixed.contains("\"Pensions Act\": old-age, survivors\n"),
        "{fixed}"
    );
}

/// A number too large to read is one P007; the article "numbered 0", the missing articles after
/// it and "a zero duration" are not reported beside it.
#[test]
fn an_overflowing_number_has_no_companion_findings() {
    let sequential = TWO_PARTS
        .replace(
            "agreement \"t\" {}",
            "agreement \"t\" {\n  numbering: sequential\n}",
        )
        .replace("article 6 ", "article 3 ");
    assert!(findings(&sequential).iter().all(|f| f.1 != "P008"));
    for (from, to) in [
        ("article 1 ", "article 99999999999999999999999 "),
        ("article 3 ", "article 99999999999999999999999 "),
        (
            "rule 6.1: employed in X -> X",
            "rule 6.1: employed in X -> X\n      limit 99999999999999999999999 months",
        ),
    ] {
        let text = sequential.replace(from, to);
        let found = syntax_findings(&text);
        let structure: Vec<_> = findings(&text)
            .into_iter()
            .filter(|f| f.1.starts_with("P0") && !matches!(f.1, "P009" | "P012"))
            .collect();
        assert_eq!(structure.len(), 1, "{to}: {structure:#?}");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].1, "P007");
    }
}

// ---- The diff between drafts.

fn diff(old: &str, new: &str, format: &str) -> String {
    let out = pacta()
        .args(["diff", old, new, "--format", format])
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

const DRAFT1: &str = "agreements/negotiation/xa-xc-draft1.pacta";
const DRAFT2: &str = "agreements/negotiation/xa-xc-draft2.pacta";

#[test]
fn the_html_diff_marks_introduced_findings_plus_in_red_and_resolved_minus_in_green() {
    let html = diff(DRAFT1, DRAFT2, "html");
    assert!(html.contains("li.introduced::marker { content: '+ '; color: var(--error); }"));
    assert!(html.contains("li.resolved::marker { content: '− '; color: #1a7f37; }"));
    let impact = html.split("<section id=\"impact\">").nth(1).unwrap();
    let introduced = impact.split("<h3>Resolved").next().unwrap();
    assert!(introduced.contains("<li class=\"introduced\">"));
    assert!(!introduced.contains("<li class=\"removed\">"));
    let resolved = impact
        .split("<h3>Resolved")
        .nth(1)
        .unwrap()
        .split("</ul>")
        .next()
        .unwrap();
    assert!(resolved.contains("<li class=\"resolved\">"));
    assert!(!resolved.contains("<li class=\"added\">"));
}

#[test]
fn the_html_diff_gives_the_findings_summary_once() {
    let html = diff(DRAFT1, DRAFT2, "html");
    let header = html
        .split("<header>")
        .nth(1)
        .unwrap()
        .split("</header>")
        .next()
        .unwrap();
    assert_eq!(
        header.matches("2 errors, 0 warnings, 2 infos").count(),
        1,
        "{header}"
    );
}

#[test]
fn a_removed_rule_keeps_its_criterion_and_is_cited_as_the_treaty_cites_it() {
    let text = diff(DRAFT1, DRAFT2, "text");
    let line = text
        .lines()
        .find(|l| l.contains("Rule 8.5 removed"))
        .expect("rule 8.5 is removed in draft 2");
    assert!(line.contains("(Art. 8(5))"), "{line}");
    assert!(!line.contains("Art. 8.5"), "{line}");
    assert!(
        line.contains(
            "where X is \"the Party in which the centre of interest of the activity lies\""
        ),
        "{line}"
    );
}

#[test]
fn a_run_of_renumbered_articles_reads_as_one_line() {
    let text = diff(DRAFT1, DRAFT2, "text");
    assert!(
        text.contains("~ Art. 3–16 renumbered +1 (now Art. 4–17)\n"),
        "{text}"
    );
    assert!(text.contains("~ Art. 18–22 renumbered +2 (now Art. 20–24)\n"));
    assert!(!text.contains("\"Persons covered\" renumbered"));
    // An article renumbered and moved keeps its own line.
    assert!(text.contains("renumbered Art. 19, moved to Part III"));
    let md = diff(DRAFT1, DRAFT2, "markdown");
    assert!(md.contains("Art. 3–16 renumbered +1 (now Art. 4–17)"));
}

#[test]
fn two_unrelated_agreements_are_diffed_with_a_warning() {
    for format in ["text", "markdown", "html", "json"] {
        let out = diff("agreements/nl-jp.pacta", "agreements/us-de.pacta", format);
        assert!(out.contains("the drafts look unrelated"), "{format}");
        let out = diff("agreements/nl-jp.pacta", "agreements/nl-kr.pacta", format);
        assert!(out.contains("the drafts look unrelated"), "{format}");
        let out = diff(DRAFT1, DRAFT2, format);
        assert!(!out.contains("unrelated"), "{format}");
    }
}

// ---- Every help that proposes code proposes code that parses; every fix removes its finding.

/// Every finding of every agreement and fixture, with the text it was found in.
fn corpus_findings() -> Vec<(String, String, Vec<pacta::diag::Diagnostic>)> {
    fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "pacta") {
                out.push(p);
            }
        }
    }
    let mut files = Vec::new();
    walk(&root().join("agreements"), &mut files);
    walk(&root().join("tests/fixtures"), &mut files);
    files.sort();
    files
        .into_iter()
        .filter_map(|p| {
            let text = std::fs::read_to_string(&p).ok()?;
            let name = p.strip_prefix(root()).unwrap().display().to_string();
            let diags = check(&text).diagnostics;
            Some((name, text, diags))
        })
        .collect()
}

/// Whether a piece of a help text between backticks is Pacta code (and not a template with
/// placeholders, a command or a lone word or sign).
fn is_code(s: &str) -> bool {
    let template = s.contains('|')
        || s.contains("{ … }")
        || s.split_whitespace()
            .any(|w| w.len() >= 4 && w.chars().all(|c| c.is_ascii_uppercase()));
    let shaped = (s.contains(':') && !s.trim_end().ends_with(':'))
        || s.contains('{')
        || s.contains("->")
        || [
            "overrides ",
            "limit ",
            "extension ",
            "repost-gap ",
            "allow ",
        ]
        .iter()
        .any(|k| s.starts_with(k));
    shaped && !template && !s.starts_with("pacta ") && s.chars().any(char::is_alphabetic)
}

/// The places a snippet of code can stand: the header, a Party, an article, after a rule, inside
/// each block.
fn contexts(snippet: &str) -> Vec<String> {
    // Placeholders a reader fills in: a label, a string.
    let s = snippet
        .replace("rule …:", "rule 9.9:")
        .replace("\"…\"", "\"x\"");
    let mut out = vec![
        s.clone(),
        format!("agreement \"t\" {{\n{s}\n}}\n"),
        format!("agreement \"t\" {{}}\nparty XA \"A\" {{\n{s}\n}}\n"),
        format!("agreement \"t\" {{}}\narticle 1 \"a\" {{\n{s}\n}}\n"),
        format!(
            "agreement \"t\" {{}}\narticle 1 \"a\" {{\nrule 1.1: employed in X -> X\n{s}\n}}\n"
        ),
        format!("agreement \"t\" {{}}\narticle 1 \"a\" {{\nbenefit old-age {{\n{s}\n}}\n}}\n"),
    ];
    for b in pacta::model::schema::BLOCKS {
        out.push(format!(
            "agreement \"t\" {{}}\narticle 1 \"a\" {{\n{b} {{\n{s}\n}}\n}}\n"
        ));
    }
    out
}

#[test]
fn every_help_that_proposes_code_proposes_code_that_parses() {
    let mut tried = 0;
    let mut failures = Vec::new();
    for (name, _, diags) in corpus_findings() {
        for d in &diags {
            let Some(help) = &d.help else { continue };
            for (i, piece) in help.split('`').enumerate() {
                if i % 2 == 0 || !is_code(piece) {
                    continue;
                }
                tried += 1;
                let parses = contexts(piece).iter().any(|c| {
                    let parsed = pacta::syntax::parse(c);
                    parsed.document.is_some()
                        && parsed
                            .diagnostics
                            .iter()
                            .all(|x| x.severity != pacta::diag::Severity::Error)
                });
                if !parses {
                    failures.push(format!(
                        "{} help `{piece}` does not parse (e.g. {name})",
                        d.code
                    ));
                }
            }
        }
    }
    failures.sort();
    failures.dedup_by(|a, b| a.split(" (e.g.").next() == b.split(" (e.g.").next());
    assert!(tried > 50, "only {tried} code suggestions found");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_fix_removes_its_finding_and_keeps_the_file_parsing() {
    let key = |d: &pacta::diag::Diagnostic| (d.code, d.message.clone());
    let mut applied = 0;
    let mut failures = Vec::new();
    for (name, text, diags) in corpus_findings() {
        let syntax_before = diags
            .iter()
            .filter(|d| matches!(d.code, "P001" | "P018"))
            .count();
        for d in diags.iter().filter(|d| !d.fixes.is_empty()) {
            applied += 1;
            let fixed = apply(&text, &d.fixes[0]);
            let after = check(&fixed).diagnostics;
            let syntax_after = after
                .iter()
                .filter(|x| matches!(x.code, "P001" | "P018"))
                .count();
            let before_n = diags.iter().filter(|x| key(x) == key(d)).count();
            let after_n = after.iter().filter(|x| key(x) == key(d)).count();
            if after_n >= before_n {
                failures.push(format!(
                    "{name}: the fix of {} `{}` leaves it",
                    d.code, d.message
                ));
            }
            if syntax_after > syntax_before {
                failures.push(format!(
                    "{name}: the fix of {} `{}` breaks the syntax",
                    d.code, d.message
                ));
            }
        }
    }
    assert!(applied > 10, "only {applied} fixes found");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The general rule yields to the special one: the help proposes `overrides` on the special rule,
/// and following it settles the double designation.
#[test]
fn the_overrides_help_puts_the_special_rule_over_the_general_one() {
    let text = "agreement \"t\" {\n  conforms-to: C157\n}\n\
                party XA \"Arcadia\" { schemes: old-age }\nparty XB \"Borduria\" { schemes: old-age }\n\
                part II \"Applicable legislation\" {\n  article 8 \"General rule\" {\n\
                    rule 8.1: employed in X, resides in X -> X\n  }\n\
                  article 9 \"Special categories\" {\n    rule 9.4: employed in X, civil-servant of Y -> Y\n  }\n}\n";
    let civil = |text: &str| {
        check(text)
            .diagnostics
            .into_iter()
            .find(|d| d.code == "P301" && d.message.contains("civil servants"))
    };
    let d = civil(text).expect("the two rules meet for civil servants");
    let help = d.help.unwrap();
    assert!(help.contains("add `overrides 8.1` to rule 9.4"), "{help}");
    let fixed = text.replace(
        "civil-servant of Y -> Y\n",
        "civil-servant of Y -> Y\n      overrides 8.1\n",
    );
    assert!(civil(&fixed).is_none());
}
