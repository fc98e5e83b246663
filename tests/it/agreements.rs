//! Every agreement in `agreements/` produces exactly the findings its header lists.
//!
//! Each file opens with `// expect-finding: CODE — what, and the fact behind it` lines (or
//! `// expect-finding: none`). The multiset of codes that `pacta::check_source` reports must equal
//! the multiset of those codes — every code, the situation analysis' (P301, P302, P310, P311)
//! included. The lists come from the facts in the domain guide, not from what the tool prints: a
//! difference is either a wrong check or a wrong list, and is fixed in the one that is wrong.

use pacta::config::Config;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn agreements() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.path())
            .collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|e| e == "pacta") {
                out.push(p);
            }
        }
    }
    let mut out = Vec::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("agreements"),
        &mut out,
    );
    out
}

/// Code → count from the `// expect-finding:` lines; `None` when the file has none at all.
fn expected(text: &str) -> Option<BTreeMap<String, usize>> {
    let mut out = BTreeMap::new();
    let mut any = false;
    for line in text.lines() {
        let Some(rest) = line.trim_start().strip_prefix("// expect-finding:") else {
            continue;
        };
        any = true;
        let code = rest.split_whitespace().next().unwrap_or_default();
        if code != "none" {
            *out.entry(code.to_string()).or_insert(0) += 1;
        }
    }
    any.then_some(out)
}

#[test]
fn every_agreement_produces_the_findings_its_header_lists() {
    let files = agreements();
    assert!(files.len() >= 9, "the corpus is missing: {files:?}");
    let mut failures = Vec::new();
    for path in &files {
        let name = path
            .strip_prefix(env!("CARGO_MANIFEST_DIR"))
            .unwrap_or(path)
            .display()
            .to_string();
        let text = std::fs::read_to_string(path).unwrap();
        let Some(expected) = expected(&text) else {
            failures.push(format!("{name}: no `// expect-finding:` lines"));
            continue;
        };
        let checked = pacta::check_source(&name, &text, &Config::default());
        let mut actual: BTreeMap<String, usize> = BTreeMap::new();
        for d in &checked.diagnostics {
            *actual.entry(d.code.to_string()).or_insert(0) += 1;
        }
        if actual != expected {
            let mut lines = Vec::new();
            for code in actual
                .keys()
                .chain(expected.keys())
                .collect::<std::collections::BTreeSet<_>>()
            {
                let a = actual.get(code).copied().unwrap_or(0);
                let e = expected.get(code).copied().unwrap_or(0);
                if a != e {
                    lines.push(format!("  {code}: reported {a}, expected {e}"));
                }
            }
            let short: Vec<String> = checked
                .diagnostics
                .iter()
                .map(|d| {
                    format!(
                        "    {}:{} {} {}",
                        name,
                        checked.file.line_of(d.primary.span.start),
                        d.code,
                        d.message
                    )
                })
                .collect();
            failures.push(format!(
                "{name}:\n{}\n{}",
                lines.join("\n"),
                short.join("\n")
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
}

/// The model agreements are the reference: not a single finding, not even an info.
#[test]
fn the_model_agreements_check_clean() {
    for name in ["arcadia-borduria.pacta", "r167-model.pacta"] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("agreements")
            .join(name);
        let text = std::fs::read_to_string(&path).unwrap();
        let checked = pacta::check_source(name, &text, &Config::default());
        let codes: Vec<String> = checked
            .diagnostics
            .iter()
            .map(|d| format!("{} {}", d.code, d.message))
            .collect();
        assert!(codes.is_empty(), "{name}: {codes:#?}");
    }
}

/// The defects the domain guide names for the real agreements are among their findings.
#[test]
fn the_real_agreements_keep_their_real_defects() {
    let must = [
        // Netherlands–Korea: no aggregation, rights lost on termination, Dutch branches without rules.
        ("nl-kr.pacta", "P401", 3),
        ("nl-kr.pacta", "P703", 1),
        ("nl-kr.pacta", "P103", 3),
        // Netherlands–Pakistan: no equality, no aggregation, no acquired-rights clause.
        ("nl-pk.pacta", "P201", 1),
        ("nl-pk.pacta", "P401", 3),
        ("nl-pk.pacta", "P703", 1),
        // United States–Germany: the C102 branches it leaves out.
        ("us-de.pacta", "P102", 1),
    ];
    for (file, code, count) in must {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("agreements")
            .join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        let checked = pacta::check_source(file, &text, &Config::default());
        let n = checked
            .diagnostics
            .iter()
            .filter(|d| d.code == code)
            .count();
        assert_eq!(n, count, "{file}: {code}");
    }
}
