//! Every agreement in `agreements/` produces exactly the findings its header lists.
//!
//! Each file opens with `// expect-finding: CODE — what (text: the evidence)` lines (or
//! `// expect-finding: none`). The multiset of codes that `pacta::check_source` reports must equal
//! the multiset of those codes — every code, the situation analysis' (P301, P302, P310, P311)
//! included. A file encoded from a treaty's text (its `source:` says "text read") cites, on every
//! line, the Article — or the absence of one — that makes the finding true, checked in the text.
//!
//! There is no tolerance either way: a finding the checker produces but the text refutes is never
//! expected and never tolerated. It is fixed in the encoding, or — when the fault is the check's —
//! suppressed where it arises by a scoped `allow CODE "refuted by: Art …; owner: …"`. A suppression
//! that no longer matches is itself reported (P010), so the file fails its test the day the check is
//! fixed and the `allow` must go.

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

/// The lines after a marker (`// expect-finding:`), one per finding.
fn marked<'a>(text: &'a str, marker: &'a str) -> impl Iterator<Item = &'a str> + 'a {
    text.lines()
        .filter_map(move |line| line.trim_start().strip_prefix(marker))
        .map(str::trim)
}

/// Code → count of the lines after a marker.
fn counts(text: &str, marker: &str) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    for rest in marked(text, marker) {
        let code = rest.split_whitespace().next().unwrap_or_default();
        if code != "none" {
            *out.entry(code.to_string()).or_insert(0) += 1;
        }
    }
    out
}

/// Code → count from the `// expect-finding:` lines; `None` when the file has none at all.
fn expected(text: &str) -> Option<BTreeMap<String, usize>> {
    marked(text, "// expect-finding:")
        .next()
        .is_some()
        .then(|| counts(text, "// expect-finding:"))
}

/// The header's `source:` value, if the file parses and has one.
fn source_of(name: &str, text: &str) -> Option<String> {
    let checked = pacta::check_source(name, text, &Config::default());
    let agreement = checked.agreement?;
    let field = agreement
        .header_fields
        .iter()
        .find(|f| f.name.value == "source")?;
    let mut out = String::new();
    for v in field.items.iter().flat_map(|i| &i.values) {
        if let pacta::ast::ValueKind::Str(s) = &v.kind {
            out.push_str(s);
        }
    }
    Some(out)
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
        let within = |code: &String| actual.get(code) == expected.get(code);
        let codes: std::collections::BTreeSet<&String> =
            actual.keys().chain(expected.keys()).collect();
        if !codes.iter().all(|c| within(c)) {
            let mut lines = Vec::new();
            for code in codes {
                let a = actual.get(code).copied().unwrap_or(0);
                let e = expected.get(code).copied().unwrap_or(0);
                if !within(code) {
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

/// Every agreement says where its text was read (`source:` in the header): the database
/// identifier, the language of the text, the protocols included — or that it is fictional.
#[test]
fn every_agreement_names_its_source() {
    let mut missing = Vec::new();
    for path in agreements() {
        let text = std::fs::read_to_string(&path).unwrap();
        let name = path.display().to_string();
        match source_of(&name, &text) {
            Some(s) if !s.trim().is_empty() => {}
            _ => missing.push(name),
        }
    }
    assert!(
        missing.is_empty(),
        "no `source:` in the header of {missing:#?}"
    );
}

/// Whether a file encodes a real agreement (its `source:` does not say it is fictional).
fn is_real(source: Option<&str>) -> bool {
    source.is_some_and(|s| !s.starts_with("fictional"))
}

/// A real agreement cites its evidence on every expected finding: the Article, or the absence of
/// one, that makes it true (preferably in `(text: …)`); "facts: none recorded" is no evidence. A
/// finding the text refutes is not tolerated by a comment: `// known-false:` is gone, a scoped
/// `allow` that cites the refuting Article and the owner of the check takes its place.
#[test]
fn findings_of_real_agreements_cite_their_evidence() {
    let mut failures = Vec::new();
    for path in agreements() {
        let text = std::fs::read_to_string(&path).unwrap();
        let name = path.display().to_string();
        let source = source_of(&name, &text);
        for line in marked(&text, "// known-false:") {
            failures.push(format!(
                "{name}: `// known-false:` is not accepted (fix the encoding, or suppress the finding with a scoped `allow` citing the Article): `{line}`"
            ));
        }
        if !is_real(source.as_deref()) {
            continue;
        }
        for line in marked(&text, "// expect-finding:") {
            if line == "none" {
                continue;
            }
            let cites = line.contains("Art") || line.contains("none of the");
            let unfounded = ["none recorded", "to be evidenced", "(fact:", "(facts:"]
                .iter()
                .any(|w| line.contains(w));
            if !cites || unfounded {
                failures.push(format!(
                    "{name}: no Article (or absence of one) cited as evidence in `{line}`"
                ));
            }
        }
        let checked = pacta::check_source(&name, &text, &Config::default());
        for s in checked.agreement.iter().flat_map(|a| &a.suppressions) {
            let reason = &s.reason.value;
            if !(reason.contains("Art") && reason.contains("owner:")) {
                failures.push(format!(
                    "{name}: a suppression in a real agreement cites the Article that refutes the finding and the owner of the check: `{reason}`"
                ));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// `unverified:` silences the checks of the families it names and reports one info, P011, instead.
#[test]
fn unverified_families_are_silent_and_reported_once() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("agreements/nl-pk.pacta");
    let text = std::fs::read_to_string(path).unwrap();
    let codes = |text: &str| -> Vec<String> {
        pacta::check_source("nl-pk.pacta", text, &Config::default())
            .diagnostics
            .iter()
            .map(|d| d.code.to_string())
            .collect()
    };
    let before = codes(&text);
    assert!(before.iter().any(|c| c.starts_with("P6")), "{before:?}");
    assert!(before.iter().any(|c| c.starts_with("P4")), "{before:?}");
    let partial = text.replacen(
        "  short-title:",
        "  unverified: administration, aggregation\n  short-title:",
        1,
    );
    let after = codes(&partial);
    assert!(
        !after
            .iter()
            .any(|c| c.starts_with("P6") || c.starts_with("P4")),
        "{after:?}"
    );
    assert_eq!(
        after.iter().filter(|c| *c == "P011").count(),
        1,
        "{after:?}"
    );
    let kept: Vec<&String> = before
        .iter()
        .filter(|c| !c.starts_with("P6") && !c.starts_with("P4"))
        .collect();
    let rest: Vec<&String> = after.iter().filter(|c| *c != "P011").collect();
    assert_eq!(kept, rest);
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
        // Netherlands–Korea: no aggregation, rights lost on termination (Art 21), Dutch sickness,
        // benefits in kind and unemployment in scope with no provision on them (Art 2(1)(b)), no
        // Article on claims lodged in the other State.
        ("nl-kr.pacta", "P401", 3),
        ("nl-kr.pacta", "P703", 1),
        ("nl-kr.pacta", "P103", 3),
        ("nl-kr.pacta", "P603", 1),
        // Netherlands–Korea: the Vienna Conventions are reserved (Art 9(1)), aircrew (Art 8(2)) and
        // seafarers (Art 8(1)) have rules, exceptions keep one legislation (Art 10).
        ("nl-kr.pacta", "P308", 0),
        ("nl-kr.pacta", "P309", 0),
        // Netherlands–Pakistan: no equality, no aggregation, no acquired-rights clause (Art 16); free
        // assistance (Art 6(6)) and documents in either official language (Art 12(2)).
        ("nl-pk.pacta", "P201", 1),
        ("nl-pk.pacta", "P401", 3),
        ("nl-pk.pacta", "P703", 1),
        ("nl-pk.pacta", "P602", 0),
        ("nl-pk.pacta", "P605", 0),
        // Netherlands–Japan: rights kept on termination (Art 32(2)), exceptions keep one
        // legislation (Art 10), equality for residents only (Art 4).
        ("nl-jp.pacta", "P703", 0),
        ("nl-jp.pacta", "P309", 0),
        ("nl-jp.pacta", "P202", 1),
        // United States–Germany: the C102 branches it leaves out (Art 2(1) as SSA applies it).
        ("us-de.pacta", "P102", 1),
        // Netherlands–Pakistan: items (b) to (f) of Art 2(1) await a notification under Art 14(3).
        ("nl-pk.pacta", "P104", 4),
        // CARICOM: disablement pensions are in the scope (employment injury), and Art 5 exports the
        // covered pensions; the Articles that could not be read report nothing.
        ("caricom.pacta", "P501", 0),
        ("caricom.pacta", "P011", 1),
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

/// A branch that no provision coordinates (P103) is not reported when the provisions that would
/// coordinate it, aggregation and export, were declared unverified: the finding would rest on them.
#[test]
fn an_uncoordinated_branch_is_not_reported_when_its_coordination_was_not_verified() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("agreements/us-de.pacta");
    let text = std::fs::read_to_string(path).unwrap();
    let p103 = |text: &str| {
        pacta::check_source("us-de.pacta", text, &Config::default())
            .diagnostics
            .iter()
            .filter(|d| d.code == "P103")
            .count()
    };
    assert_eq!(p103(&text), 0);
    let declared = "unverified: equality, applicable-legislation, aggregation, export,";
    assert!(text.contains(declared));
    let verified = text.replacen(declared, "unverified: equality, applicable-legislation,", 1);
    assert_eq!(
        p103(&verified),
        6,
        "US and DE old-age, invalidity, survivors"
    );
}

/// `scope` names the family in `unverified:` (a scope line needs a Party code after it), wherever
/// it stands in the list, and silences the scope checks.
#[test]
fn the_scope_family_can_be_declared_unverified() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("agreements/us-de.pacta");
    let text = std::fs::read_to_string(path).unwrap();
    let declared = "unverified: equality,";
    assert!(text.contains(declared));
    for with_scope in [
        "unverified: scope, equality,",
        "unverified: equality, scope,",
    ] {
        let partial = text.replacen(declared, with_scope, 1);
        let checked = pacta::check_source("us-de.pacta", &partial, &Config::default());
        let codes: Vec<&str> = checked.diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(codes, ["P011"], "{with_scope}");
    }
}
