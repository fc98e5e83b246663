//! The agreements in `agreements/`: the applicable-legislation findings (P301, P302, P310, P311)
//! are exactly those listed by hand, from the facts, in each file's `// expect-finding:` lines;
//! the model agreements have no gap and no overlap; every scenario passes.

use pacta::config::Config;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const CODES: &[&str] = &["P301", "P302", "P310", "P311"];

fn agreements() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("agreements");
    let mut out = Vec::new();
    let mut dirs = vec![root];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "pacta") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn legislation_findings_are_the_expected_ones() {
    let files = agreements();
    assert!(files.len() >= 2);
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let mut expected: BTreeMap<&str, usize> = BTreeMap::new();
        for line in text.lines() {
            if let Some(rest) = line.trim().strip_prefix("// expect-finding: ") {
                if let Some(code) = CODES.iter().find(|c| rest.starts_with(**c)) {
                    *expected.entry(code).or_default() += 1;
                }
            }
        }
        let checked = pacta::check_source("a.pacta", &text, &Config::default());
        let mut found: BTreeMap<&str, usize> = BTreeMap::new();
        for d in &checked.diagnostics {
            if CODES.contains(&d.code) {
                *found.entry(d.code).or_default() += 1;
            }
        }
        for code in CODES {
            let f = found.get(code).copied().unwrap_or(0);
            let e = expected.get(code).copied().unwrap_or(0);
            assert!(f == e, "{}: {code} found {f}, expected {e}", path.display());
        }
        if let Some(a) = &checked.agreement {
            for run in pacta::legislation::run_scenarios(a) {
                assert!(
                    run.passed,
                    "{}: {} — {}",
                    path.display(),
                    run.name,
                    run.actual
                );
            }
        }
    }
}

#[test]
fn model_agreements_are_single_legislation_everywhere() {
    for name in ["arcadia-borduria.pacta", "r167-model.pacta"] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("agreements")
            .join(name);
        let text = std::fs::read_to_string(path).unwrap();
        let checked = pacta::check_source(name, &text, &Config::default());
        let a = checked.agreement.unwrap();
        let analysis = pacta::legislation::Analysis::new(&a);
        assert!(analysis.classes() > 50, "{name}");
        assert!(
            analysis.defects().is_empty(),
            "{name}: {:?}",
            analysis.defects()
        );
    }
}
