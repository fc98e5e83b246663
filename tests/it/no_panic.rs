//! No input makes the parser or the checks panic: random bytes, random token soups, and random
//! mutations of every agreement in `agreements/`.

use crate::common;

use pacta::config::Config;
use proptest::prelude::*;

/// Tokens that are not keywords: values, punctuation, field names, broken literals.
const OTHER_TOKENS: &[&str] = &[
    "situation:",
    "expect:",
    "by",
    "is",
    "in",
    "and",
    "of",
    "X",
    "Y",
    "XA",
    "XB",
    "I",
    "II",
    "1",
    "7.1",
    "7(1)",
    "24 months",
    "0 days",
    "2026-02-30",
    "\"s\"",
    "\"\"\"p\"\"\"",
    "{",
    "}",
    ":",
    ",",
    "->",
    "#tag",
    "old-age",
    "all",
    "branches:",
    "P303",
    "//c\n",
    "\n",
    "\"",
    "\"\"\"",
];

/// Every keyword the compiler knows, then the other tokens.
fn tokens() -> &'static [&'static str] {
    static TOKENS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    TOKENS.get_or_init(|| {
        pacta::syntax::KNOWN_KEYWORDS
            .iter()
            .chain(OTHER_TOKENS)
            .copied()
            .collect()
    })
}

fn check(text: &str) {
    let checked = pacta::check_source("fuzz.pacta", text, &Config::default());
    // Rendering must not panic either, whatever the spans.
    let _ = common::render(&checked);
}

/// A mutated draft goes through every output: the rule set, and the diff against the draft it
/// came from in all four formats, both ways.
fn check_outputs(original: &str, mutated: &str) {
    let config = Config::default();
    let a = pacta::check_source("original.pacta", original, &config);
    let b = pacta::check_source("mutated.pacta", mutated, &config);
    let _ = common::render(&b);
    if let Some(rules) = pacta::emit::build(&b) {
        let _ = pacta::emit::to_json(&rules);
    }
    for (old, new) in [(&a, &b), (&b, &a)] {
        if let (Some(x), Some(y)) = (pacta::diff::Draft::of(old), pacta::diff::Draft::of(new)) {
            let report = pacta::diff::diff(x, y);
            let _ = pacta::diff::render::text::render(&report, true);
            let _ = pacta::diff::render::markdown::render(&report);
            let _ = pacta::diff::render::json::render(&report);
            let _ = pacta::diff::render::html::render(&report);
        }
    }
}

fn agreements() -> &'static [String] {
    static CACHE: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    CACHE.get_or_init(read_agreements)
}

fn read_agreements() -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![common::root().join("agreements")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "pacta") {
                out.push(std::fs::read_to_string(&p).unwrap());
            }
        }
    }
    out.sort();
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        let checked = pacta::check_bytes("fuzz.pacta", &bytes, &Config::default());
        let _ = common::render(&checked);
    }

    #[test]
    fn token_soup(indices in proptest::collection::vec(0..tokens().len(), 0..300)) {
        let text: Vec<&str> = indices.iter().map(|i| tokens()[*i]).collect();
        check(&text.join(" "));
    }

    #[test]
    fn token_soup_after_a_valid_header(indices in proptest::collection::vec(0..tokens().len(), 0..200)) {
        let text: Vec<&str> = indices.iter().map(|i| tokens()[*i]).collect();
        check(&format!("agreement \"t\" {{}}\nparty XA \"a\" {{ schemes: all }}\narticle 1 \"a\" {{\n{}\n}}", text.join(" ")));
    }

    #[test]
    fn mutated_agreements(
        which in any::<prop::sample::Index>(),
        edits in proptest::collection::vec((any::<prop::sample::Index>(), 0..4u8, 0..tokens().len()), 1..8),
    ) {
        let all = agreements();
        let original = which.get(all).clone();
        let mut text = original.clone();
        for (at, kind, token) in edits {
            if text.is_empty() {
                break;
            }
            let mut pos = at.index(text.len());
            while !text.is_char_boundary(pos) {
                pos -= 1;
            }
            let end = text[pos..].char_indices().nth(8).map_or(text.len(), |(i, _)| pos + i);
            match kind {
                0 => text.replace_range(pos..end, ""),
                1 => text.insert_str(pos, tokens()[token]),
                2 => text.replace_range(pos..end, tokens()[token]),
                _ => {
                    let cut = text[pos..end].to_string();
                    text.replace_range(pos..end, "");
                    let to = at.index(text.len() + 1).min(text.len());
                    let mut to = to;
                    while !text.is_char_boundary(to) {
                        to -= 1;
                    }
                    text.insert_str(to, &cut);
                }
            }
        }
        check_outputs(&original, &text);
    }
}

#[test]
fn every_agreement_survives_every_single_line_deletion() {
    for text in agreements().iter() {
        let lines: Vec<&str> = text.lines().collect();
        for skip in (0..lines.len()).step_by(3) {
            let mutated: Vec<&str> = lines
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != skip)
                .map(|(_, l)| *l)
                .collect();
            check(&mutated.join("\n"));
        }
    }
}

/// Situation strings the fuzzer found, then random situations made of situation words.
#[test]
fn situations_found_by_the_fuzzer_are_diagnosed() {
    for text in [
        "employed inm\"bm\0easo\\\"`moN",
        "\\\"\\\"\\\"",
        "employed in X \\\"",
    ] {
        let _ = pacta::syntax::parse_situation(text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn random_situations(
        indices in proptest::collection::vec(0..tokens().len(), 0..40),
        noise in proptest::collection::vec(any::<char>(), 0..8),
    ) {
        let mut text: Vec<String> = indices.iter().map(|i| tokens()[*i].to_string()).collect();
        text.push(noise.into_iter().collect());
        let text = text.join(" ");
        let agreement = situation_agreement();
        if let (Some(agreement), Ok(conditions)) = (agreement, pacta::syntax::parse_situation(&text)) {
            let _ = pacta::legislation::resolve(agreement, &conditions);
        }
    }
}

fn situation_agreement() -> Option<&'static pacta::model::Agreement> {
    static AGREEMENT: std::sync::OnceLock<Option<pacta::model::Agreement>> =
        std::sync::OnceLock::new();
    AGREEMENT
        .get_or_init(|| {
            let text =
                std::fs::read_to_string(common::root().join("agreements/arcadia-borduria.pacta"))
                    .ok()?;
            pacta::check_source("a.pacta", &text, &Config::default()).agreement
        })
        .as_ref()
}
