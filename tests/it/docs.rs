//! Documentation that is generated or quoted must match the code: the field reference, and every
//! example in the language reference parses.

use crate::common;

use common::root;

/// Compare a generated document with the committed copy; `PACTA_BLESS=1` rewrites it.
pub fn assert_current(path: &str, generated: &str) {
    let full = root().join(path);
    if std::env::var_os("PACTA_BLESS").is_some() {
        std::fs::write(&full, generated).unwrap();
    }
    let committed = std::fs::read_to_string(&full).unwrap_or_default();
    assert!(
        committed == generated,
        "{path} is stale: run `PACTA_BLESS=1 cargo test --test it docs::` and commit it"
    );
}

#[test]
fn the_field_reference_is_current() {
    assert_current(
        "docs/fields.md",
        &pacta::model::schema::reference_markdown(),
    );
}

#[test]
fn every_block_keyword_has_fields_and_is_in_the_grammar() {
    let grammar = std::fs::read_to_string(root().join("grammar/pacta.pest")).unwrap();
    for b in pacta::model::schema::BLOCKS {
        assert!(
            pacta::model::schema::block_fields(b).is_some(),
            "{b} has no field table"
        );
        assert!(
            grammar.contains(&format!("\"{b}\"")),
            "{b} is not a keyword of the grammar"
        );
    }
}

#[test]
fn every_example_of_the_language_reference_parses() {
    let doc = std::fs::read_to_string(root().join("docs/language.md")).unwrap();
    let mut examples = 0;
    for block in doc.split("```pacta\n").skip(1) {
        let snippet = block.split("```").next().unwrap();
        examples += 1;
        let candidates = [
            snippet.to_string(),
            format!("agreement \"t\" {{}}\n{snippet}"),
            format!("agreement \"t\" {{}}\narticle 1 \"a\" {{\n{snippet}\n}}"),
        ];
        let parses = candidates
            .iter()
            .any(|c| pacta::syntax::parse(c).diagnostics.is_empty());
        assert!(
            parses,
            "this example of docs/language.md does not parse:\n{snippet}"
        );
    }
    assert!(examples >= 15, "only {examples} examples found");
}
