//! Benchmark the language server's re-check after one keystroke in a 5,000-line agreement.
//!
//! `cargo bench --bench keystroke` builds the agreement from `agreements/r167-model.pacta` and a
//! Part of prose Articles (definitions, cross-references, blocks) until it has 5,000 lines, then
//! times what `pacta lsp` does when a key is typed: the analysis of the new text (parse, resolve,
//! every check, the applicable-legislation analysis, the reference index), alternately with a
//! valid edit and with a syntax error (the partial document). Prints a Markdown table for
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

fn main() {
    let text = agreement();
    let lines = text.lines().count();
    let config = Config::default();
    let at = text
        .find("Prose of Article 150")
        .expect("a synthetic article")
        + 5;
    let typed = format!("{}x{}", &text[..at], &text[at..]);
    let broken_at = text.find("see: #synthetic-149").expect("a see line");
    let broken = format!("{}see: ,{}", &text[..broken_at], &text[broken_at + 4..]);
    let base = Analysis::new("bench.pacta", &text, &config);
    let findings = base.diagnostics().len();
    // Before: the whole text analysed again (`Analysis::new`); after: from the analysis of the
    // text before the keystroke (`Analysis::update`), as `pacta lsp` does.
    let (mut valid, mut syntax) = (Vec::new(), Vec::new());
    let (mut valid_whole, mut syntax_whole) = (Vec::new(), Vec::new());
    for i in 0..RUNS {
        let input = if i % 2 == 0 { &typed } else { &text };
        let start = Instant::now();
        let a = Analysis::new("bench.pacta", input, &config);
        valid_whole.push(start.elapsed());
        assert_eq!(a.diagnostics().len(), findings);
        let start = Instant::now();
        let a = base.update("bench.pacta", input, &config);
        valid.push(start.elapsed());
        assert_eq!(a.diagnostics().len(), findings);
        let start = Instant::now();
        let a = Analysis::new("bench.pacta", &broken, &config);
        syntax_whole.push(start.elapsed());
        assert!(a.diagnostics().iter().any(|d| d.code == "P001"));
        let start = Instant::now();
        let a = base.update("bench.pacta", &broken, &config);
        syntax.push(start.elapsed());
        assert!(a.diagnostics().iter().any(|d| d.code == "P001"));
        assert!(!a.references.symbols.is_empty());
    }
    println!(
        "| whole text analysed again | valid edit {:.1} ms | syntax error {:.1} ms |",
        median(valid_whole).as_secs_f64() * 1e3,
        median(syntax_whole).as_secs_f64() * 1e3
    );
    let (v, s) = (median(valid), median(syntax));
    if std::env::args().any(|a| a == "--breakdown") {
        breakdown(&typed, &broken, &config);
    }
    println!("| re-check after one keystroke | {lines} lines | median of {RUNS} |");
    println!("|---|---|---|");
    println!(
        "| valid edit (parse, resolve, checks, analysis, references) | {:.1} ms | {} |",
        v.as_secs_f64() * 1e3,
        if v < TARGET {
            "under 20 ms"
        } else {
            "OVER 20 ms"
        }
    );
    println!(
        "| edit with a syntax error (partial document) | {:.1} ms | {} |",
        s.as_secs_f64() * 1e3,
        if s < TARGET {
            "under 20 ms"
        } else {
            "OVER 20 ms"
        }
    );
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
