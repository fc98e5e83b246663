//! Benchmark the language server's re-check after one keystroke in a 5,000-line agreement.
//!
//! `cargo bench --bench keystroke` builds the agreement from `agreements/r167-model.pacta` and a
//! Part of prose Articles (definitions, cross-references, blocks) until it has 5,000 lines, then
//! times what `pacta lsp` does when a key is typed: the analysis of the new text (parse, resolve,
//! every check, the applicable-legislation analysis, the reference index), made from the analysis
//! before the keystroke as the server makes it, beside the whole text analysed again: a valid
//! edit, a syntax error typed in an Article (the partial document, and the checks on the rest),
//! and the next keystroke while that Article stays broken. Prints a Markdown table for
//! `docs/performance.md`. Target: under 20 ms.

use pacta::config::Config;
use pacta::ide::Analysis;
use std::time::{Duration, Instant};

const LINES: usize = 5_000;
const RUNS: usize = 21;
const TARGET: Duration = Duration::from_millis(20);

fn agreement() -> String {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut text = std::fs::read_to_string(format!("{root}/agreements/r167-model.pacta"))
        .expect("the R167 model agreement");
    // Without the re-posting gap of rule 8.2 the agreement has one principle finding (P306, in
    // Article 8), which must stand beside a syntax error in another Article.
    let gap = "      extension 12 months by competent-authorities\n      repost-gap 6 months\n";
    assert_eq!(text.matches(gap).count(), 1);
    text = text.replace(gap, "      extension 12 months by competent-authorities\n");
    text.push_str("\npart VII \"Synthetic provisions\" {\n");
    let mut n = 100;
    while text.lines().count() < LINES - 12 {
        text.push_str(&format!(
            "  article {n} \"Synthetic provision {n}\" #synthetic-{n} {{\n    define \"term {n}\": \"a meaning for the benchmark\"\n    see: #synthetic-{prev}\n    administration {{\n      assistance: free\n    }}\n    text \"\"\"\n      Prose of Article {n}, as long as a real Article's paragraph: the competent authorities\n      inform each other of the measures taken to apply this Agreement.\n    \"\"\"\n  }}\n",
            prev = if n > 100 { n - 1 } else { 100 },
        ));
        n += 1;
    }
    text.push_str("}\n");
    text
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// One keystroke timed both ways: the whole text analysed again, and the analysis made from the
/// previous one (`Analysis::update`, as `pacta lsp` does). `check` asserts the result is sound.
struct Case<'a> {
    name: &'a str,
    before: &'a Analysis,
    /// Alternate texts after the keystroke (two places, so that no run repeats the previous one).
    after: [&'a str; 2],
    check: &'a dyn Fn(&Analysis),
}

fn time(case: &Case, config: &Config) -> (Duration, Duration) {
    let (mut whole, mut incremental) = (Vec::new(), Vec::new());
    for i in 0..RUNS {
        let input = case.after[i % 2];
        let start = Instant::now();
        let a = Analysis::new("bench.pacta", input, config);
        whole.push(start.elapsed());
        (case.check)(&a);
        let start = Instant::now();
        let a = case.before.update("bench.pacta", input, config);
        incremental.push(start.elapsed());
        (case.check)(&a);
    }
    (median(whole), median(incremental))
}

fn main() {
    let text = agreement();
    let lines = text.lines().count();
    let config = Config::default();
    let insert = |at: usize, s: &str| format!("{}{s}{}", &text[..at], &text[at..]);
    // A letter typed at one of two places of the same Article's prose.
    let at = text
        .find("Prose of Article 150")
        .expect("a synthetic article")
        + 5;
    let typed = [insert(at, "x"), insert(at + 10, "x")];
    // A syntax error in an Article with a definition: the checks on the rest are all set aside.
    let see = text.find("see: #synthetic-149").expect("a see line") + "see:".len();
    let defined = [insert(see, " ,"), insert(see, " ;")];
    // A syntax error in the export block: only the export checks are set aside, the others run
    // on the rest of the file.
    let export = text
        .find("      reduction: none\n")
        .expect("the export block")
        + "      reduction: none".len();
    let exported = [insert(export, ","), insert(export, ";")];
    // The next keystroke while that Article stays broken.
    let still = [insert(export, ",,"), insert(export, ",;")];
    let base = Analysis::new("bench.pacta", &text, &config);
    let findings = base.diagnostics().len();
    let broken_export = base.update("bench.pacta", &exported[0], &config);
    assert!(base.diagnostics().iter().any(|d| d.code == "P306"));
    let valid = |a: &Analysis| assert_eq!(a.diagnostics().len(), findings);
    let syntax_error = |a: &Analysis| {
        assert!(a.diagnostics().iter().any(|d| d.code == "P001"));
        assert!(!a.references.symbols.is_empty());
    };
    // Principle findings on the rest of the file stand beside the syntax error.
    let with_findings = |a: &Analysis| {
        syntax_error(a);
        assert!(a.diagnostics().iter().any(|d| d.code == "P306"));
    };
    let cases = [
        Case {
            name: "valid edit (a letter typed in an Article's prose)",
            before: &base,
            after: [&typed[0], &typed[1]],
            check: &valid,
        },
        Case {
            name: "syntax error typed in an Article with a definition (`see: ,`)",
            before: &base,
            after: [&defined[0], &defined[1]],
            check: &syntax_error,
        },
        Case {
            name:
                "syntax error typed in an export block (`reduction: none,`): the other checks run",
            before: &base,
            after: [&exported[0], &exported[1]],
            check: &with_findings,
        },
        Case {
            name: "next keystroke while that Article stays broken (`none,,`)",
            before: &broken_export,
            after: [&still[0], &still[1]],
            check: &with_findings,
        },
    ];
    if std::env::args().any(|a| a == "--breakdown") {
        breakdown(&typed[0], &defined[0], &config);
    }
    println!("| re-check after one keystroke ({lines} lines, median of {RUNS}) | whole text again | from the previous analysis |");
    println!("|---|---:|---:|");
    for case in &cases {
        let (whole, incremental) = time(case, &config);
        println!(
            "| {} | {:.1} ms | **{:.1} ms**{} |",
            case.name,
            whole.as_secs_f64() * 1e3,
            incremental.as_secs_f64() * 1e3,
            if incremental < TARGET {
                ""
            } else {
                " (over 20 ms)"
            }
        );
    }
}

/// Where the time of one full re-check goes (medians), printed below the table.
fn breakdown(text: &str, broken: &str, config: &Config) {
    use pacta::span::SourceFile;
    let time = |f: &dyn Fn()| {
        let mut v = Vec::new();
        for _ in 0..RUNS {
            let s = Instant::now();
            f();
            v.push(s.elapsed());
        }
        median(v).as_secs_f64() * 1e3
    };
    let parse = time(&|| drop(pacta::syntax::parse(text)));
    let parsed = pacta::syntax::parse(text);
    let check = time(&|| {
        drop(pacta::check_parsed(
            SourceFile::new("b", text),
            parsed.document.as_ref(),
            Vec::new(),
            config,
        ))
    });
    let d = parsed.document.as_ref().unwrap();
    let resolve = time(&|| drop(pacta::model::resolve(d)));
    let (agreement, _) = pacta::model::resolve(d);
    let run = time(&|| drop(pacta::check::run(&agreement)));
    let legislation = time(&|| drop(pacta::legislation::check(&agreement)));
    let scenarios = time(&|| drop(pacta::check::failing_scenarios(&agreement)));
    let prose = time(&|| drop(pacta::render::prose::check(&agreement)));
    println!("resolve {resolve:.2} ms, checks {run:.2} ms, legislation {legislation:.2} ms, scenarios {scenarios:.2} ms, prose {prose:.2} ms");
    let tokens = time(&|| drop(pacta::syntax::tokens::tokenize(text)));
    let toks = pacta::syntax::tokens::tokenize(text);
    let doc = parsed.document.clone().unwrap();
    let refs = time(&|| drop(pacta::ide::ReferenceIndex::build(&doc, text, &toks)));
    let clone = time(&|| drop(doc.clone()));
    let broken_parse = time(&|| drop(pacta::syntax::parse(broken)));
    let partial = time(&|| drop(pacta::syntax::parse_partial(broken)));
    println!();
    println!("parse {parse:.2} ms, checks {check:.2} ms, tokens {tokens:.2} ms, references {refs:.2} ms, clone {clone:.2} ms; broken: parse {broken_parse:.2} ms, partial {partial:.2} ms");
}
