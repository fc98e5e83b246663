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

/// Drafts of one article per prose text, its lines as given.
fn prose_drafts(texts: &[String]) -> String {
    let mut s = HEAD.to_string();
    for (i, t) in texts.iter().enumerate() {
        s.push_str(&format!(
            "article {} \"Prose {}\" {{\n  text \"\"\"\n",
            i + 1,
            i + 1
        ));
        for line in t.lines() {
            s.push_str(&format!("    {line}\n"));
        }
        s.push_str("  \"\"\"\n}\n");
    }
    s
}

/// `n` sentences of twelve words drawn from `vocabulary` words, one per line.
fn sentences(n: usize, seed: usize, vocabulary: usize) -> String {
    (0..n)
        .map(|i| {
            let words: Vec<String> = (0..12)
                .map(|j| format!("w{}", (i * 12 + j + seed * 7919) * 104_729 % vocabulary))
                .collect();
            format!("{}.\n", words.join(" "))
        })
        .collect()
}

/// Reproducer 3c through the whole diff: a prose block of 40 to 170 KB rewritten sentence by
/// sentence costs a bounded number of steps, whatever its length — the sentence and word diffs
/// are paid from the budget, and a run too large for a word diff is shown whole.
#[test]
fn a_rewritten_long_prose_block_costs_bounded_steps() {
    for n in [600, 1200, 2400] {
        let (old, new) = (sentences(n, 1, 5000), sentences(n, 2, 5000));
        assert!(old.len() > 70 * n, "{} bytes", old.len());
        let (report, steps) = diff_steps(&prose_drafts(&[old]), &prose_drafts(&[new]), u64::MAX);
        assert!(report.budget.is_none());
        assert_eq!(report.prose.len(), 1);
        assert!(steps <= 5_000_000, "{steps} steps for {n} sentences");
    }
}

/// Many changed sentences, each just small enough for a word diff: together they would cost
/// more than the budget, so the diffs past it are skipped (shown whole) and P016 says so.
#[test]
fn word_diffs_past_the_budget_are_shown_whole_and_reported() {
    let long = |prefix: &str, i: usize| -> String {
        let words: Vec<String> = (0..900).map(|j| format!("{prefix}{i}x{j}")).collect();
        format!(
            "Shared opening {i}.\n{}.\nShared closing {i}.\n",
            words.join(" ")
        )
    };
    let old: Vec<String> = (0..10).map(|i| long("a", i)).collect();
    let new: Vec<String> = (0..10).map(|i| long("b", i)).collect();
    let (old, new) = (prose_drafts(&old), prose_drafts(&new));
    let word_level = |r: &diff::Report| r.prose.iter().filter(|p| p.segments.len() > 100).count();
    let (full, full_steps) = diff_steps(&old, &new, u64::MAX);
    assert!(full.budget.is_none());
    assert_eq!(word_level(&full), 10, "every sentence diffed word by word");
    let (cut, steps) = diff_steps(&old, &new, full_steps / 3);
    assert!(steps <= full_steps / 3);
    assert_eq!(cut.budget.as_ref().map(|b| b.code.as_str()), Some("P016"));
    assert_eq!(cut.prose.len(), 10, "every changed prose is still reported");
    let shown = word_level(&cut);
    assert!((1..=4).contains(&shown), "{shown} diffed word by word");
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

/// `pacta diff --budget STEPS` sets the matching's budget: the same two drafts are matched in
/// full by default and cut short, with P016 and the budget in the report, under a small one.
#[test]
fn the_diff_budget_is_set_from_the_command_line() {
    let dir = temp_dir("diff-budget");
    let (old, new) = (dir.join("old.pacta"), dir.join("new.pacta"));
    std::fs::write(&old, edited(300, "Old", "things")).unwrap();
    std::fs::write(&new, edited(300, "New", "matters")).unwrap();
    let json = |extra: &[&str]| {
        let out = pacta()
            .args(["diff", "--format", "json"])
            .args(extra)
            .arg(&old)
            .arg(&new)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{extra:?}");
        serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()
    };
    let unmatched = |v: &serde_json::Value| {
        v["articles"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|a| a["old"].is_null() || a["new"].is_null())
            .count()
    };
    let full = json(&[]);
    assert!(full.get("budget").map_or(true, |b| b.is_null()), "{full}");
    assert_eq!(unmatched(&full), 0);
    let cut = json(&["--budget", "500"]);
    assert_eq!(cut["budget"]["code"], "P016");
    assert_eq!(cut["budget"]["steps"], 500);
    assert!(
        unmatched(&cut) > 0,
        "a budget of 500 steps leaves articles unpaired"
    );
    let text = pacta()
        .args(["diff", "--budget", "500"])
        .arg(&old)
        .arg(&new)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&text.stdout).contains("P016"));
    // Not a number of steps, or none at all: a usage error.
    for bad in ["0", "-5", "many"] {
        let out = pacta()
            .args(["diff", "--budget", bad])
            .arg(&old)
            .arg(&new)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "--budget {bad}");
    }
    let help = pacta().args(["diff", "--help"]).output().unwrap();
    assert!(String::from_utf8_lossy(&help.stdout).contains("--budget <STEPS>"));
}

/// A scenario that cannot run says why in a typed field, and P015 (a failing scenario) leaves
/// it to P007; a scenario that runs and fails has none.
#[test]
fn a_scenario_that_cannot_run_is_typed_not_a_failure() {
    use pacta::legislation::{run_scenarios, NotRun};
    let head = HEAD
        .replace("\"A\" {\n", "\"A\" {\n  schemes: old-age\n")
        .replace("\"B\" {\n", "\"B\" {\n  schemes: old-age\n");
    let text = format!(
        "{head}article 1 \"Rules\" {{\n  rule 1.1: employed in X -> X\n}}\n\
         scenario \"fails\" {{\n  situation: employed in XB, employer in XA\n  expect: XA\n}}\n\
         scenario \"malformed\" {{\n  situation: employed in XZ\n  expect: XA\n}}\n\
         scenario \"incomplete\" {{\n  situation: employed in XA\n}}\n"
    );
    let checked = check("s.pacta", &text);
    let a = checked.agreement.as_ref().expect("resolves");
    let runs = run_scenarios(a);
    let why: Vec<(&str, Option<NotRun>)> =
        runs.iter().map(|r| (r.name.as_str(), r.not_run)).collect();
    assert_eq!(
        why,
        [
            ("fails", None),
            ("malformed", Some(NotRun::MalformedSituation)),
            ("incomplete", Some(NotRun::Incomplete)),
        ]
    );
    assert!(runs.iter().all(|r| !r.passed));
    // `check` runs P015 only on a file free of errors (the malformed and the incomplete scenario
    // are errors of their own); asked directly, it reports the one scenario that ran and failed.
    assert!(checked
        .diagnostics
        .iter()
        .any(|d| d.severity == pacta::diag::Severity::Error && d.code != "P015"));
    let p015 = pacta::check::failing_scenarios(a);
    assert_eq!(p015.len(), 1, "{p015:#?}");
    assert!(p015[0].message.contains("\"fails\""));
}

/// A finding that quotes agreement text (here a scenario's name of 20,000 characters, with an
/// escape in it) is cut in the middle by the one-line formats as by the default one: no line of
/// kilobytes, and the start and end of the message are still there.
#[test]
fn every_findings_format_cuts_a_long_message() {
    let head = HEAD
        .replace("\"A\" {\n", "\"A\" {\n  schemes: old-age\n")
        .replace("\"B\" {\n", "\"B\" {\n  schemes: old-age\n");
    let name = format!("{}\u{1b}[2K{}", "N".repeat(10_000), "M".repeat(10_000));
    let text = format!(
        "{head}article 1 \"Rules\" {{\n  rule 1.1: employed in X -> X\n}}\n\
         scenario \"{name}\" {{\n  situation: employed in XB, employer in XA\n  expect: XA\n}}\n"
    );
    let dir = temp_dir("long-message");
    let file = dir.join("long.pacta");
    std::fs::write(&file, text).unwrap();
    for (format, longest) in [("human", 1024), ("short", 1024), ("github", 2048)] {
        let out = pacta()
            .args(["check", "--color", "never", "--format", format])
            .arg(&file)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{format}");
        assert_clean(format, &out.stdout);
        let shown = String::from_utf8_lossy(&out.stdout);
        let finding = shown
            .lines()
            .find(|l| l.contains("P015"))
            .unwrap_or_else(|| panic!("{format} reports P015:\n{shown}"));
        assert!(
            finding.contains("scenario \"NNN") && finding.contains('…'),
            "{format}: {finding}"
        );
        for line in shown.lines() {
            assert!(
                line.len() < longest,
                "{format}: a line of {} bytes",
                line.len()
            );
        }
    }
}

// ───────────────────────── the fuzz targets' lock file ─────────────────────────

/// Every (name, version) of a Cargo.lock, and each package's dependencies by name.
fn lock(path: &str) -> Vec<(String, String, Vec<String>)> {
    let text = std::fs::read_to_string(root().join(path)).unwrap();
    let value: toml::Value = toml::from_str(&text).unwrap();
    value["package"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let deps = p
                .get("dependencies")
                .and_then(|d| d.as_array())
                .map(|d| {
                    d.iter()
                        .filter_map(|x| x.as_str()?.split(' ').next().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default();
            (
                p["name"].as_str().unwrap().to_string(),
                p["version"].as_str().unwrap().to_string(),
                deps,
            )
        })
        .collect()
}

/// The fuzz targets are their own workspace with their own, committed, lock file (so that
/// `fuzz/run.sh` builds with `--locked` and CI fuzzes what was fuzzed locally). It must pin the
/// versions the root lock file pins and know every dependency of Pacta: after a change of the
/// root's dependencies, refresh it with `cp Cargo.lock fuzz/Cargo.lock && cargo metadata
/// --manifest-path fuzz/Cargo.toml --format-version 1 >/dev/null` (fuzz/README.md).
#[test]
fn the_fuzz_lock_file_pins_what_the_root_one_does() {
    let root_lock = lock("Cargo.lock");
    let fuzz_lock = lock("fuzz/Cargo.lock");
    let versions = |l: &[(String, String, Vec<String>)], name: &str| -> Vec<String> {
        l.iter()
            .filter(|p| p.0 == name)
            .map(|p| p.1.clone())
            .collect()
    };
    // What the fuzzing harness brings: the packages libfuzzer-sys depends on.
    let mut harness: Vec<String> = vec!["pacta-fuzz".into(), "libfuzzer-sys".into()];
    let mut i = 0;
    while let Some(name) = harness.get(i).cloned() {
        for p in fuzz_lock.iter().filter(|p| p.0 == name) {
            for d in &p.2 {
                if d != "pacta" && !harness.contains(d) {
                    harness.push(d.clone());
                }
            }
        }
        i += 1;
    }
    for (name, version, _) in &fuzz_lock {
        let pinned = versions(&root_lock, name);
        if pinned.is_empty() {
            assert!(
                harness.contains(name),
                "fuzz/Cargo.lock has {name}, which neither Cargo.lock nor libfuzzer-sys needs"
            );
            continue;
        }
        assert!(
            pinned.contains(version),
            "fuzz/Cargo.lock pins {name} {version}, Cargo.lock {pinned:?}: refresh it (see this test)"
        );
    }
    let manifest: toml::Value =
        toml::from_str(&std::fs::read_to_string(root().join("Cargo.toml")).unwrap()).unwrap();
    let pacta_deps = &fuzz_lock.iter().find(|p| p.0 == "pacta").unwrap().2;
    for dep in manifest["dependencies"].as_table().unwrap().keys() {
        assert!(
            pacta_deps.contains(dep),
            "fuzz/Cargo.lock does not know Pacta's dependency {dep}: refresh it (see this test)"
        );
    }
    let ignored = std::fs::read_to_string(root().join("fuzz/.gitignore")).unwrap();
    assert!(!ignored.lines().any(|l| l.trim() == "Cargo.lock"));
    let script = std::fs::read_to_string(root().join("fuzz/run.sh")).unwrap();
    assert!(script.contains("cargo build --locked"));
}
