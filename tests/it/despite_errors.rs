//! An error confined to some Articles leaves the principle checks on the rest of the file running
//! (`pacta::check::partial`), in the language server and in `pacta check` alike (syntax and
//! structure errors), without any finding the broken Articles could refute.

use pacta::config::Config;
use pacta::ide::Analysis;

fn fixture() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/check/P303.pacta"
    ))
    .unwrap()
}

fn codes(diagnostics: &[pacta::diag::Diagnostic]) -> Vec<&'static str> {
    diagnostics.iter().map(|d| d.code).collect()
}

#[test]
fn a_syntax_error_in_one_article_leaves_the_checks_on_the_others() {
    let text = fixture();
    // Article 15 (administration) loses a colon: the posting rule of Article 6 is still judged.
    let broken = text.replace("assistance: free", "assistance free");
    let a = Analysis::new("a.pacta", &broken, &Config::default());
    let found = codes(a.diagnostics());
    assert!(found.contains(&"P001"), "{found:?}");
    assert!(found.contains(&"P303"), "{found:?}");
    // The same from the analysis of the text before the keystroke (the incremental re-parse).
    let before = Analysis::new("a.pacta", &text, &Config::default());
    let b = before.update("a.pacta", &broken, &Config::default());
    assert_eq!(codes(b.diagnostics()), found);
}

/// `pacta check` (the library's `check_source`) says what the editor says about a file with a
/// syntax error: the same findings, the syntax error and those on the Articles it leaves sound.
#[test]
fn the_command_line_and_the_editor_agree_on_a_file_with_a_syntax_error() {
    let text = fixture();
    let broken = text.replace("assistance: free", "assistance free");
    let config = Config::default();
    let cli = pacta::check_source("a.pacta", &broken, &config);
    let editor = Analysis::new("a.pacta", &broken, &config);
    let found = codes(&cli.diagnostics);
    assert!(found.contains(&"P001"), "{found:?}");
    assert!(found.contains(&"P303"), "{found:?}");
    assert_eq!(found, codes(editor.diagnostics()));
    let spans = |ds: &[pacta::diag::Diagnostic]| -> Vec<_> {
        ds.iter()
            .map(|d| (d.primary.span.start, d.primary.span.end))
            .collect()
    };
    assert_eq!(spans(&cli.diagnostics), spans(editor.diagnostics()));
}

#[test]
fn a_syntax_error_among_the_rules_silences_the_rule_checks() {
    let text = fixture();
    // A broken rule could settle what the others leave open: nothing is said about the rules.
    let broken = text.replace(
        "rule 5.1: employed in X -> X",
        "rule 5.1: employed at X -> X",
    );
    let a = Analysis::new("a.pacta", &broken, &Config::default());
    let found = codes(a.diagnostics());
    assert!(found.contains(&"P001"), "{found:?}");
    assert!(!found.iter().any(|c| c.starts_with("P3")), "{found:?}");
}

#[test]
fn a_structure_error_in_one_article_leaves_the_checks_on_the_others() {
    let text = fixture();
    let config = Config::default();
    // An unknown field inside Article 15 is a structure error.
    let broken = text.replace("assistance: free", "assistence: free");
    let checked = pacta::check_source("a.pacta", &broken, &config);
    let found = codes(&checked.diagnostics);
    assert!(
        checked
            .diagnostics
            .iter()
            .any(|d| d.severity == pacta::diag::Severity::Error && d.code.starts_with("P0")),
        "{found:?}"
    );
    assert!(found.contains(&"P303"), "{found:?}");
    // No finding that only a whole file could support: nothing about the broken Article, no
    // absence found over the whole agreement (those stand outside the Articles).
    let article_15 = broken.find("article 15").unwrap();
    let article_16 = broken.find("article 16").unwrap();
    for d in &checked.diagnostics {
        if !d.code.starts_with("P0") {
            assert!(
                !(article_15..article_16).contains(&d.primary.span.start),
                "{} in the broken Article",
                d.code
            );
            assert!(
                d.primary.span.start > broken.find("part I ").unwrap(),
                "{}",
                d.code
            );
        }
    }
}

#[test]
fn an_error_outside_the_articles_still_silences_every_check() {
    let text = fixture();
    let broken = text.replacen("liaison-body:", "liaison-bodie:", 1);
    let checked = pacta::check_source("a.pacta", &broken, &Config::default());
    let found = codes(&checked.diagnostics);
    assert!(found.iter().all(|c| c.starts_with("P0")), "{found:?}");
    let syntax = text.replacen("liaison-body:", "liaison-body", 1);
    let a = Analysis::new("a.pacta", &syntax, &Config::default());
    assert!(codes(a.diagnostics()).iter().all(|c| c.starts_with("P0")));
}
