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
    let mut valid = Vec::new();
    let mut syntax = Vec::new();
    for i in 0..RUNS {
        let input = if i % 2 == 0 { &typed } else { &text };
        let start = Instant::now();
        let a = Analysis::new("bench.pacta", input, &config);
        valid.push(start.elapsed());
        assert_eq!(a.diagnostics().len(), findings);
        let start = Instant::now();
        let a = Analysis::new("bench.pacta", &broken, &config);
        syntax.push(start.elapsed());
        assert!(a.diagnostics().iter().any(|d| d.code == "P001"));
        assert!(!a.references.symbols.is_empty());
    }
    let (v, s) = (median(valid), median(syntax));
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
