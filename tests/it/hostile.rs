//! Hostile input (issue 17): work bounded in counted steps, never by the clock; agreement text
//! never reaches a terminal as a control sequence.

use crate::common::root;
use assert_cmd::Command;
use pacta::config::Config;
use pacta::diff::{self, matching::Budget, Draft};

fn check(name: &str, text: &str) -> pacta::Checked {
    pacta::check_source(name, text, &Config::default())
}

const HEAD: &str =
    "agreement \"T\" {\n  date: 2026-01-01\n}\nparty XA \"A\" {\n}\nparty XB \"B\" {\n}\n";

/// `n` articles titled `title i`, each with its own prose.
fn articles(n: usize, title: &str) -> String {
    edited(n, title, "things")
}

/// `n` articles titled `title i`, their prose ending in `word`.
fn edited(n: usize, title: &str, word: &str) -> String {
    let mut s = HEAD.to_string();
    for i in 1..=n {
        s.push_str(&format!(
            "article {i} \"{title} {i}\" {{\n  text \"\"\"\n    Article {i} says something about {} {word}.\n  \"\"\"\n}}\n",
            i * 7
        ));
    }
    s
}

/// Diff two texts within a budget; the report and the steps spent.
fn diff_steps(old: &str, new: &str, limit: u64) -> (diff::Report, u64) {
    let (a, b) = (check("old.pacta", old), check("new.pacta", new));
    let mut budget = Budget::new(limit);
    let report = diff::diff_within(Draft::of(&a).unwrap(), Draft::of(&b).unwrap(), &mut budget);
    (report, budget.spent)
}

/// Reproducer 3a: retitled articles were matched by comparing every pair (500 took 85 s).
/// Now the work grows linearly: twice the articles, about twice the steps.
#[test]
fn retitled_articles_are_matched_in_linear_work() {
    let (small, small_steps) = diff_steps(&articles(250, "Old"), &articles(250, "New"), u64::MAX);
    let (large, large_steps) = diff_steps(&articles(500, "Old"), &articles(500, "New"), u64::MAX);
    assert_eq!(small.articles.len(), 250);
    assert_eq!(large.articles.len(), 500);
    assert!(
        large
            .articles
            .iter()
            .all(|a| a.old.is_some() && a.new.is_some()),
        "every article is matched, retitled"
    );
    assert!(large.budget.is_none());
    assert!(
        large_steps <= 2 * small_steps + 1000,
        "steps {small_steps} for 250, {large_steps} for 500"
    );
    assert!(large_steps < 10_000, "{large_steps} steps for 500 articles");
}

/// Retitled and edited: the similarity search runs, over a bounded window, so its work too
/// grows linearly.
#[test]
fn retitled_and_edited_articles_are_searched_in_a_window() {
    let steps = |n| {
        let (report, steps) = diff_steps(
            &edited(n, "Old", "things"),
            &edited(n, "New", "matters"),
            u64::MAX,
        );
        assert!(report
            .articles
            .iter()
            .all(|a| a.old.is_some() && a.new.is_some()));
        steps
    };
    let (small, large) = (steps(200), steps(400));
    assert!(
        large <= 2 * small + small / 10,
        "{small} for 200, {large} for 400"
    );
}

/// Reproducer 3b: a large file diffed with itself is matched by identity, in few steps.
#[test]
fn a_large_file_against_itself_costs_a_step_per_article() {
    let text = articles(3000, "Same");
    let (report, steps) = diff_steps(&text, &text, u64::MAX);
    assert!(report.is_empty());
    assert!(steps <= 10 * 3000, "{steps} steps");
}

/// Reproducer 3c: a rewritten long prose block. The word diff of two long, unrelated texts
/// is quadratic; it is now bounded (sentences first, words only inside small changed runs).
#[test]
fn a_rewritten_long_prose_block_is_diffed_coarsely() {
    let words = |seed: usize| -> String {
        (0..30_000)
            .map(|i| format!("w{}", (i * 7919 + seed * 104_729) % 1000))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let segments = diff::prose::word_diff(&words(1), &words(2));
    assert!(segments.len() <= 3, "{} segments", segments.len());
    let joined: String = segments
        .iter()
        .filter(|s| s.op != diff::prose::Op::Insert)
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!(joined, words(1));
}

/// A budget too small for the search is a clear result (P016), not a hang: the report says so
/// in every format.
#[test]
fn an_exhausted_budget_is_reported_as_p016() {
    let (report, steps) = diff_steps(
        &edited(300, "Old", "things"),
        &edited(300, "New", "matters"),
        500,
    );
    assert!(steps <= 500);
    let budget = report.budget.as_ref().expect("the budget is reported");
    assert_eq!(budget.code, "P016");
    assert!(diff::render::text::render(&report, false).contains("P016"));
    assert!(diff::render::markdown::render(&report).contains("P016"));
    assert!(diff::render::json::render(&report).contains("\"P016\""));
}

// ───────────────────────── control characters ─────────────────────────

fn pacta() -> Command {
    let mut c = Command::cargo_bin("pacta").unwrap();
    c.current_dir(root());
    c
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("pacta-hostile-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// An agreement whose prose, title and scenario carry an escape sequence that erases the
/// terminal line, a bidirectional override, and a bare carriage return.
fn poisoned(limit: u32) -> String {
    format!(
        "agreement \"T\u{1b}[2K\" {{\n  date: 2026-01-01\n}}\n\
         party XA \"A\u{202e}gnorw\" {{\n}}\n\
         party XB \"B\" {{\n}}\n\
         article 1 \"Posting\" {{\n  text \"\"\"\n    Posting limit {limit} months.\u{1b}[1A\u{1b}[2K\r hidden\n  \"\"\"\n}}\n"
    )
}

fn assert_clean(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    for bad in ['\u{1b}', '\u{202e}', '\u{9b}'] {
        assert!(!text.contains(bad), "{what} lets {bad:?} through:\n{text}");
    }
    assert!(
        !text.replace("\r\n", "\n").contains('\r'),
        "{what} lets a bare carriage return through:\n{text}"
    );
}

#[test]
fn no_renderer_lets_control_characters_through() {
    let dir = temp_dir("controls");
    let (old, new) = (dir.join("old.pacta"), dir.join("new.pacta"));
    std::fs::write(&old, poisoned(36)).unwrap();
    std::fs::write(&new, poisoned(120)).unwrap();
    for format in ["human", "short", "github", "junit"] {
        let out = pacta()
            .args(["check", "--color", "never", "--format", format])
            .arg(&new)
            .output()
            .unwrap();
        assert!(!out.stdout.is_empty(), "{format} printed findings");
        assert_clean(format, &out.stdout);
        assert_clean(format, &out.stderr);
    }
    for format in ["text", "markdown", "html"] {
        let out = pacta()
            .args(["diff", "--color", "never", "--format", format])
            .arg(&old)
            .arg(&new)
            .output()
            .unwrap();
        assert_clean(format, &out.stdout);
        let shown = String::from_utf8_lossy(&out.stdout);
        assert!(shown.contains("\\u{1b}"), "the escape is shown: {shown}");
    }
    // In colour, only Pacta's own colour codes are escapes.
    let out = pacta()
        .args(["diff", "--color", "always"])
        .arg(&old)
        .arg(&new)
        .output()
        .unwrap();
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(!shown.contains("\u{1b}[2K") && !shown.contains("\u{1b}[1A"));
    assert!(shown.contains("\u{1b}[1m"), "headings are still bold");
}

/// A diagnostic on a very long line shows the part around its span, with the right column.
#[test]
fn a_long_line_is_cut_around_the_span() {
    let long = "x".repeat(5000);
    let text = format!(
        "agreement \"T\" {{\n  date: 2026-01-01\n}}\nparty XA \"A\" {{\n}}\nparty XB \"B\" {{\n}}\n// {long}\narticle 1 \"A\" {{ frobnicate: 1 }}\n"
    );
    let checked = check("long.pacta", &text);
    assert!(!checked.diagnostics.is_empty());
    let report = pacta::diag::render::FileReport {
        file: checked.file.clone(),
        diagnostics: checked.diagnostics.clone(),
    };
    let human = pacta::diag::render::human::render(&[report], false);
    assert!(
        human.lines().all(|l| l.len() < 400),
        "no line of the snippet is long:\n{human}"
    );
    let short = pacta::diag::render::short::render(&[pacta::diag::render::FileReport {
        file: checked.file.clone(),
        diagnostics: checked.diagnostics.clone(),
    }]);
    let first = short.lines().next().unwrap();
    let location = first.split(": ").next().unwrap();
    assert!(
        human.contains(location),
        "the human header gives the same position as short ({location}):\n{human}"
    );
}

/// `build --allow-errors` on an empty file built an empty rule set and exited 0: a file with a
/// syntax error (here, no header) gives no rule set, whatever the flag.
#[test]
fn an_empty_file_builds_nothing_even_with_allow_errors() {
    let dir = temp_dir("empty-build");
    let empty = dir.join("empty.pacta");
    std::fs::write(&empty, "").unwrap();
    let out = pacta()
        .args(["build", "--allow-errors"])
        .arg(&empty)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
}

/// A failing scenario is an error finding (P015) of `check`, and `build` refuses the file.
#[test]
fn a_failing_scenario_is_p015_in_check_and_refuses_build() {
    let head = HEAD
        .replace("\"A\" {\n", "\"A\" {\n  schemes: old-age\n")
        .replace("\"B\" {\n", "\"B\" {\n  schemes: old-age\n");
    let text = format!(
        "{head}article 1 \"Rules\" {{\n  rule 1.1: employed in X -> X\n}}\n\
         scenario \"posted\" {{\n  situation: employed in XB, employer in XA\n  expect: XA\n}}\n"
    );
    let checked = check("s.pacta", &text);
    let p015: Vec<_> = checked
        .diagnostics
        .iter()
        .filter(|d| d.code == "P015")
        .collect();
    assert_eq!(p015.len(), 1, "{:#?}", checked.diagnostics);
    assert_eq!(p015[0].severity, pacta::diag::Severity::Error);
    assert!(p015[0].message.contains("\"posted\""));
}
