//! Agreements laid out like real ones (`tests/fixtures/agreements-like/`) report exactly the findings
//! their text supports: every code, the situation analysis' and the infos included, compared line by
//! line with the `// expect: CODE` comments. Each provision that answers a check is then taken out
//! of the text, one at a time, and the check it answers must fire: the silence is the provision's
//! doing, not a check that no longer looks.

use pacta::config::Config;
use std::collections::BTreeMap;
use std::path::Path;

const PENSIONS: &str = "tests/fixtures/agreements-like/pensions-residence-employment.pacta";

fn read(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap()
}

/// (line, code) → count of the findings of a text.
fn findings(name: &str, text: &str) -> BTreeMap<(usize, String), usize> {
    let checked = pacta::check_source(name, text, &Config::default());
    let mut out = BTreeMap::new();
    for d in &checked.diagnostics {
        let line = checked.file.line_of(d.primary.span.start);
        *out.entry((line, d.code.to_string())).or_insert(0) += 1;
    }
    out
}

/// (line, code) → count of the `// expect:` comments.
fn expectations(text: &str) -> BTreeMap<(usize, String), usize> {
    let mut out = BTreeMap::new();
    for (i, line) in text.lines().enumerate() {
        let Some((_, rest)) = line.split_once("// expect:") else {
            continue;
        };
        for code in rest.split(',').map(str::trim).filter(|c| !c.is_empty()) {
            *out.entry((i + 1, code.to_string())).or_insert(0) += 1;
        }
    }
    out
}

fn count(found: &BTreeMap<(usize, String), usize>, code: &str) -> usize {
    found
        .iter()
        .filter(|((_, c), _)| c == code)
        .map(|(_, n)| n)
        .sum()
}

/// The pension-only agreement between a residence-based and an employment-based State, with
/// liaison bodies left to the competent authorities and stated pro-rata formulas, reports only
/// what its text supports.
#[test]
fn the_pension_agreement_reports_only_what_its_text_supports() {
    let text = read(PENSIONS);
    let expected = expectations(&text);
    assert!(!expected.is_empty());
    assert_eq!(findings(PENSIONS, &text), expected);
}

/// Each provision that silences a check is load-bearing: without it, the check fires.
#[test]
fn without_the_provisions_that_answer_them_the_checks_fire() {
    let text = read(PENSIONS);
    let before = findings(PENSIONS, &text);
    let cases: &[(&str, &str, &str, usize)] = &[
        // Liaison bodies no longer left to the competent authorities: neither State names one.
        (
            "      liaison-bodies: designated\n",
            "      liaison-bodies: none\n",
            "P601",
            2,
        ),
        // Assimilation of insurance at the contingency withdrawn: Nordmark invalidity is still
        // aggregated, its survivors' pension is not protected at all.
        (
            "insured-at-contingency: either-party\n        }\n        text \"\"\"\n          Where the deceased",
            "insured-at-contingency: own-party\n        }\n        text \"\"\"\n          Where the deceased",
            "P401",
            1,
        ),
        // The Nordmark disablement formula not stated: its pro-rata amount then needs the Sudrian
        // periods, which its aggregation does not count for the calculation.
        (
            "formula: \"the Nordmark periods of insurance between ages 15 and 67",
            "// formula: \"the Nordmark periods of insurance between ages 15 and 67",
            "P402",
            1,
        ),
        // Equality only for residents: Sudria's pensions are earned by employment, so C118 Art 4(1)
        // does not let Nordmark ask Sudrian nationals to reside.
        (
            "residence-condition: none",
            "residence-condition: resident-in-party",
            "P202",
            1,
        ),
        // National reduction rules applied to the other State's benefits, beside the means test,
        // with nothing said about pro-rata pensions of the same kind.
        (
            "national-rules: means-test",
            "national-rules: means-test, apply-to-foreign",
            "P802",
            1,
        ),
    ];
    for (from, to, code, more) in cases {
        assert!(text.contains(from), "{from}");
        let changed = text.replacen(from, to, 1);
        let after = findings(PENSIONS, &changed);
        assert_eq!(
            count(&after, code),
            count(&before, code) + more,
            "{code} after replacing `{from}`: {after:?}"
        );
    }
}
