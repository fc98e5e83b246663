//! Property tests of the applicable-legislation analysis' cost (issue 17), on random agreements
//! of up to 64 Parties, up to 12 of them named by code in rules of their own. The work is counted
//! in situations decided (the budget, `BUDGET` in `src/legislation/space.rs`), never timed.
//!
//! Every named Party that rules name differently is a class of its own; a Party of the situation
//! is offered one choice per class named **on its roles** (and per reach of its laws as far as
//! its roles bring them into play), the rest together (`src/legislation/view.rs`). So a chain of
//! rules each naming two Parties (`employed in QAA, resides in QAB -> QAB`, …) takes 1,526
//! situations with 6 named, 4,838 with 12 and 17,510 with 24 — it took 43,521 with 6 and stopped
//! at the budget of 400,000 with 12 when every role was offered every class. Random agreements of
//! up to 64 Parties, 12 named, stay under 100,000. Past the budget the analysis stops and says so
//! (P313), pointing at the rule that widens the space most.

use pacta::legislation::Analysis;
use proptest::prelude::*;

/// Rules naming one Party by code (`{c}`) and sometimes a second (`{d}`); extra clauses after
/// a line break.
const NAMED: &[&str] = &[
    "employed in {c} -> {c}",
    "self-employed in {c} -> {c}",
    "employed in Y, employer in {c}, posted -> {c}\n    limit 24 months",
    "employed in {c}, employer in X, posted -> X\n    limit first 12 months",
    "seafarer under flag {c} -> {c}",
    "civil-servant of {c} -> {c}",
    "employed in X and {c}, resides in {c} -> {c}",
    "employed in {c}, resides in {d} -> {d}",
    "self-employed in {c}, usually self-employed in X, posted -> X\n    limit 60 months",
    "aircrew, employer in {c} -> {c}",
    "non-active, resides in {c} -> {c}",
    "employed in {c}, national of {d} -> {d}",
    "accompanying {c}, resides in {d} -> {c}",
    "locally-engaged in {c} -> {c}",
    "employed in {c}, employer in {d}, posted -> {d}\n    extension 12 months by competent-authorities\n    limit 24 months",
];

/// Rules in variables only, as every agreement has some.
const GENERAL: &[&str] = &[
    "employed in X -> X",
    "self-employed in X -> X",
    "employed in Y, employer in X, posted -> X\n    limit 24 months",
    "seafarer under flag X -> X",
    "civil-servant of X -> X",
    "employed in X and Y, resides in X -> X",
    "non-active, resides in X -> X",
    "aircrew, employer in X -> X",
    "self-employed in X and Y, resides elsewhere -> X",
];

/// The coverage bases a Party's law may have.
const BASES: &[&str] = &["", "residence-based", "residents-only", "employees-only"];

#[derive(Clone, Debug)]
struct Spec {
    parties: usize,
    /// Each named Party's rules: (template, the index of the second Party).
    named: Vec<Vec<(usize, usize)>>,
    general: Vec<usize>,
    bases: Vec<usize>,
}

/// Agreements of 2 to 64 Parties, at most `most_named` of them named by code.
fn spec(most_named: usize) -> impl Strategy<Value = Spec> {
    (2..=64usize)
        .prop_flat_map(move |parties| {
            let named = prop::collection::vec(
                prop::collection::vec((0..NAMED.len(), 0..parties), 1..=2),
                0..=parties.min(most_named),
            );
            let general = prop::collection::vec(0..GENERAL.len(), 1..=4);
            let bases = prop::collection::vec(0..BASES.len(), parties);
            (Just(parties), named, general, bases)
        })
        .prop_map(|(parties, named, general, bases)| Spec {
            parties,
            named,
            general,
            bases,
        })
}

fn code(i: usize) -> String {
    format!(
        "Q{}{}",
        (b'A' + (i / 26) as u8) as char,
        (b'A' + (i % 26) as u8) as char
    )
}

fn source(s: &Spec) -> String {
    let mut out = String::from("agreement \"Random many\" {\n  kind: coordination\n}\n");
    for i in 0..s.parties {
        out.push_str(&format!(
            "party {} \"State {i}\" {{ schemes: old-age }}\n",
            code(i)
        ));
    }
    out.push_str("article 1 \"Rules\" {\n");
    for (i, &b) in s.bases.iter().enumerate() {
        let c = code(i);
        out.push_str(&format!("  scope {c} \"Law {c}\" {}: old-age\n", BASES[b]));
    }
    let mut n = 0;
    let mut rule = |out: &mut String, text: String| {
        n += 1;
        out.push_str(&format!("  rule 1.{n}: {text}\n"));
    };
    for (i, rules) in s.named.iter().enumerate() {
        for &(t, other) in rules {
            // The second Party is one of the named ones, another than the first when possible.
            let d = other % s.named.len();
            let d = if d == i { (d + 1) % s.parties } else { d };
            let text = NAMED[t].replace("{c}", &code(i)).replace("{d}", &code(d));
            rule(&mut out, text);
        }
    }
    for &g in &s.general {
        rule(&mut out, GENERAL[g].to_string());
    }
    out.push_str("}\n");
    out
}

/// The situations decided, and whether the budget stopped the analysis.
fn analyse(text: &str) -> (usize, bool) {
    let parsed = pacta::syntax::parse(text);
    let document = parsed.document.expect("the generated agreement parses");
    let (agreement, diagnostics) = pacta::model::resolve(&document);
    let errors: Vec<_> = diagnostics
        .iter()
        .filter(|d| d.severity == pacta::diag::Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}\n{text}");
    let analysis = Analysis::new(&agreement);
    (analysis.classes(), analysis.exhausted())
}

/// The property the issue asks for: within the budget, every class decided.
fn within_budget(s: &Spec) -> Result<(), TestCaseError> {
    let text = source(s);
    let (classes, exhausted) = analyse(&text);
    prop_assert!(
        !exhausted,
        "{} Parties, {} named: the analysis stopped at its budget ({classes} situations)\n{text}",
        s.parties,
        s.named.len()
    );
    Ok(())
}

proptest! {
    // A fixed seed: the same agreements on every run (a gate must not fail at random). Few
    // cases: an analysis that runs to its budget takes seconds in a debug build.
    #![proptest_config(ProptestConfig {
        cases: 4,
        rng_seed: proptest::test_runner::RngSeed::Fixed(17),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// What holds today: the analysis ends, and when its budget stopped it, `check` says so with
    /// one P313 naming a rule; otherwise no P313.
    #[test]
    fn many_parties_a_dozen_named_end_within_the_budget_or_say_so(s in spec(12)) {
        let text = source(&s);
        let checked = pacta::check_source("many.pacta", &text, &pacta::config::Config::default());
        let p313: Vec<_> = checked.diagnostics.iter().filter(|d| d.code == "P313").collect();
        let (_, exhausted) = analyse(&text);
        prop_assert_eq!(p313.len(), usize::from(exhausted), "{:#?}", p313);
        if let Some(d) = p313.first() {
            prop_assert!(d.primary.message.starts_with("rule 1."), "{}", d.primary.message);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 24,
        rng_seed: proptest::test_runner::RngSeed::Fixed(1717),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// The bound.
    #[test]
    fn many_parties_a_dozen_named_are_decided_within_the_budget(s in spec(12)) {
        within_budget(&s)?;
    }
}

/// A known case past the budget: twelve Parties, each named in a rule with the next
/// (`employed in QAA, resides in QAB -> QAB`, …), and `employed in X -> X`.
#[test]
fn a_chain_of_twelve_named_parties_is_decided_within_the_budget() {
    let s = Spec {
        parties: 24,
        named: (0..12).map(|i| vec![(7, i + 1)]).collect(),
        general: vec![0],
        bases: vec![0; 24],
    };
    let (classes, exhausted) = analyse(&source(&s));
    assert!(
        !exhausted,
        "stopped at its budget after {classes} situations"
    );
}

/// Another, found by the property test: four named Parties, `national of` and `limit first`
/// rules, and mixed coverage bases.
#[test]
fn four_named_parties_with_nationality_are_decided_within_the_budget() {
    let s = Spec {
        parties: 26,
        named: vec![
            vec![(4, 0), (10, 0)],
            vec![(11, 2), (3, 0)],
            vec![(11, 0), (6, 0)],
            vec![(2, 0), (2, 0)],
        ],
        general: vec![3, 6, 0],
        bases: (0..26).map(|i| i % BASES.len()).collect(),
    };
    let (classes, exhausted) = analyse(&source(&s));
    assert!(
        !exhausted,
        "stopped at its budget after {classes} situations"
    );
}

/// The situations a chain of `k` named Parties takes (`employed in Qi, resides in Qi+1 -> Qi+1`).
fn chain(k: usize) -> usize {
    let s = Spec {
        parties: 32,
        named: (0..k).map(|i| vec![(7, i + 1)]).collect(),
        general: vec![0],
        bases: vec![0; 32],
    };
    let (classes, exhausted) = analyse(&source(&s));
    assert!(!exhausted);
    classes
}

/// Counted work, not time: doubling the Parties named in a chain about quadruples the
/// situations (each named Party is a choice of its own only on the roles its rule names). When
/// every role was offered every class, the count grew as the fourth or fifth power.
#[test]
fn a_chain_of_named_parties_grows_about_quadratically() {
    let (twelve, twenty_four) = (chain(12), chain(24));
    assert!(
        twenty_four <= 5 * twelve,
        "12 named: {twelve} situations, 24 named: {twenty_four}"
    );
}

/// An agreement past any reasonable budget: a rule listing four places of work (so up to five
/// places are told apart) and twenty Parties each named on the place of work and the residence.
fn heavy() -> String {
    let mut t = String::from("agreement \"Heavy\" {\n  kind: coordination\n}\n");
    for i in 0..24 {
        t.push_str(&format!(
            "party {} \"State {i}\" {{ schemes: old-age }}\n",
            code(i)
        ));
    }
    t.push_str("article 1 \"Rules\" {\n");
    t.push_str("  rule 1.1: employed in QAA and QAB and QAC and QAD -> QAA\n");
    for i in 0..20 {
        let (c, d) = (code(i), code(i + 1));
        t.push_str(&format!(
            "  rule 1.{}: works in {c}, resides in {d} -> {d}\n",
            i + 2
        ));
    }
    t.push_str("}\n");
    t
}

/// Past its budget the analysis stops, and `check` says so once (P313), at the rule that widens
/// the space most, with what it does.
#[test]
fn past_the_budget_the_analysis_stops_and_names_the_rule() {
    let text = heavy();
    let parsed = pacta::syntax::parse(&text);
    let document = parsed.document.expect("parses");
    let (agreement, _) = pacta::model::resolve(&document);
    let budget = 20_000;
    let analysis = Analysis::within(&agreement, budget);
    assert!(analysis.exhausted());
    assert_eq!(analysis.classes(), budget);
    let findings = pacta::legislation::check_within(&agreement, budget);
    let p313: Vec<_> = findings.iter().filter(|d| d.code == "P313").collect();
    assert_eq!(p313.len(), 1, "{findings:#?}");
    let d = p313[0];
    assert!(d.message.contains("20000 situations"), "{}", d.message);
    assert_eq!(
        d.primary.message, "rule 1.1 lists 4 places of work, names 4 by code",
        "{d:#?}"
    );
    assert!(text[d.primary.span.start..d.primary.span.end].starts_with("rule 1.1:"));
}

/// A rule that designates a Party it does not name in its conditions (`resides in XC -> XA`)
/// keeps that Party apart wherever a rule designates by variable: working in XA, the two rules
/// agree; working in another Party, they conflict. Both rows are in the decision table.
#[test]
fn a_party_designated_by_code_stays_apart_where_variables_designate() {
    let text = "agreement \"Designated\" {\n  kind: coordination\n}\n\
        party XA \"A\" { schemes: old-age }\nparty XB \"B\" { schemes: old-age }\n\
        party XC \"C\" { schemes: old-age }\nparty XD \"D\" { schemes: old-age }\n\
        article 1 \"Rules\" {\n  rule 1.1: employed in X -> X\n  rule 1.2: resides in XC -> XA\n}\n";
    let parsed = pacta::syntax::parse(text);
    let document = parsed.document.expect("parses");
    let (agreement, _) = pacta::model::resolve(&document);
    let table = pacta::legislation::decision_table(&agreement);
    let row = |work: &str| {
        table
            .iter()
            .find(|d| {
                d.situation
                    .starts_with(&format!("employed in {work}, employer elsewhere, "))
                    && d.situation.ends_with("resides in XC, not posted")
            })
            .map(|d| d.outcome.words())
    };
    assert_eq!(row("XA").as_deref(), Some("XA"), "{table:#?}");
    assert_eq!(
        row("X").as_deref(),
        Some("XA and X at once (overlap)"),
        "{table:#?}"
    );
}
