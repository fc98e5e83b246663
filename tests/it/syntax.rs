//! The parser: one valid fixture per construct (AST snapshots), invalid fixtures with inline
//! expectations (rendered diagnostics snapshots), and hostile inputs.

use crate::common;

use common::{compact_debug, expectations, found, pacta_files, render, root};
use pacta::config::Config;

#[test]
fn valid_fixtures_parse_and_keep_their_structure() {
    let dir = root().join("tests/fixtures/syntax/valid");
    let files = pacta_files(&dir);
    assert!(files.len() >= 10, "expected a fixture per construct");
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let parsed = pacta::syntax::parse(&text);
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        assert!(
            parsed.diagnostics.is_empty(),
            "{name}: {:#?}",
            parsed.diagnostics
        );
        let doc = parsed.document.expect("a parsed document");
        insta::assert_snapshot!(format!("ast_{name}"), compact_debug(&doc));
    }
}

#[test]
fn invalid_fixtures_report_every_expected_syntax_error() {
    let dir = root().join("tests/fixtures/syntax/invalid");
    for path in pacta_files(&dir) {
        let text = std::fs::read_to_string(&path).unwrap();
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let checked = pacta::check_source(&format!("{name}.pacta"), &text, &Config::default());
        let expected = expectations(&text);
        assert!(!expected.is_empty(), "{name} has no expectations");
        assert_eq!(found(&checked), expected, "{name}:\n{}", render(&checked));
        insta::assert_snapshot!(format!("syntax_{name}"), render(&checked));
    }
}

#[test]
fn the_sketch_example_is_an_agreement_of_the_corpus_and_parses() {
    let text = std::fs::read_to_string(root().join("agreements/arcadia-borduria.pacta")).unwrap();
    let parsed = pacta::syntax::parse(&text);
    assert!(parsed.diagnostics.is_empty(), "{:#?}", parsed.diagnostics);
    let doc = parsed.document.unwrap();
    assert_eq!(doc.parties.len(), 2);
    assert_eq!(doc.scenarios.len(), 3);
}

#[test]
fn prose_is_dedented() {
    let text = "agreement \"t\" {}\narticle 1 \"a\" {\n  text \"\"\"\n      First line,\n        indented.\n  \"\"\"\n}\n";
    let doc = pacta::syntax::parse(text).document.unwrap();
    let pacta::ast::Division::Article(a) = &doc.body[0] else {
        panic!("article expected")
    };
    let pacta::ast::ArticleItem::Provision(pacta::ast::Provision::Text(t)) = &a.items[0] else {
        panic!("text expected")
    };
    assert_eq!(t.text, "First line,\n  indented.");
}

#[test]
fn syntax_errors_name_what_was_expected_in_words() {
    let text = "agreement \"t\" {}\narticle 2 \"a\" {\n  scope XA \"Pensions Act\": \n}\n";
    let checked = pacta::check_source("x.pacta", text, &Config::default());
    let d = &checked.diagnostics[0];
    assert_eq!(d.code, "P001");
    assert!(
        d.message.contains("a branch such as `old-age`, or `all`"),
        "{}",
        d.message
    );
    assert!(
        !d.message.contains('_'),
        "grammar rule names leak: {}",
        d.message
    );
}

#[test]
fn misspelt_keywords_get_a_suggestion() {
    let text = "agreement \"t\" {}\narticle 1 \"a\" {\n  agregation { branches: old-age }\n}\n";
    let checked = pacta::check_source("x.pacta", text, &Config::default());
    assert_eq!(
        checked.diagnostics[0].help.as_deref(),
        Some("did you mean `aggregation`?")
    );
}

#[test]
fn the_parser_resynchronises_after_each_error() {
    let mut text = String::from("agreement \"t\" {}\n");
    for i in 1..=5 {
        text.push_str(&format!(
            "article {i} \"a\" {{\n  rule {i}.1: employed on X -> X\n}}\n"
        ));
    }
    let checked = pacta::check_source("x.pacta", &text, &Config::default());
    let lines: Vec<usize> = found(&checked).into_iter().map(|(l, _)| l).collect();
    assert_eq!(lines, vec![3, 6, 9, 12, 15]);
}

#[test]
fn an_empty_file_says_the_header_is_missing() {
    let checked = pacta::check_source("empty.pacta", "", &Config::default());
    assert_eq!(checked.diagnostics.len(), 1);
    assert_eq!(checked.diagnostics[0].code, "P001");
    assert!(checked.diagnostics[0]
        .message
        .contains("no agreement header"));
}

#[test]
fn invalid_utf8_is_a_diagnostic_at_the_bad_byte() {
    let bytes = b"agreement \"t\xff\" {}\n";
    let checked = pacta::check_bytes("bad.pacta", bytes, &Config::default());
    assert_eq!(checked.diagnostics.len(), 1);
    let d = &checked.diagnostics[0];
    assert_eq!((d.code, d.primary.span.start), ("P001", 12));
    assert!(render(&checked).contains("not valid UTF-8"));
}

#[test]
fn ten_thousand_nested_blocks_do_not_overflow_the_stack() {
    let mut text = String::from("agreement \"t\" {}\narticle 1 \"a\" {\n");
    text.push_str(&"aggregation {\n".repeat(10_000));
    text.push_str(&"}\n".repeat(10_001));
    let checked = pacta::check_source("deep.pacta", &text, &Config::default());
    assert!(checked.diagnostics.iter().any(|d| d.code == "P001"));
    let mut braces = String::from("agreement \"t\" ");
    braces.push_str(&"{".repeat(10_000));
    let checked = pacta::check_source("braces.pacta", &braces, &Config::default());
    assert!(checked.diagnostics.iter().any(|d| d.code == "P001"));
}

#[test]
fn a_ten_megabyte_agreement_is_checked() {
    let mut text = String::from("agreement \"big\" {}\npart I \"General\" {\n");
    let mut n = 0;
    while text.len() < 10 * 1024 * 1024 {
        n += 1;
        text.push_str(&format!(
            "  article {n} \"Article {n}\" {{\n    text \"\"\"\n      Prose of article {n}, long enough to make the file large: {}\n    \"\"\"\n  }}\n",
            "lorem ipsum ".repeat(20)
        ));
    }
    text.push_str("}\n");
    let checked = pacta::check_source("big.pacta", &text, &Config::default());
    assert!(checked.agreement.is_some());
    assert!(
        !checked.diagnostics.iter().any(|d| d.code == "P001"),
        "{:?}",
        checked.diagnostics.first()
    );
    assert_eq!(checked.agreement.unwrap().articles.len(), n);
}

/// Codes of the structure findings (P001–P010) of one source.
fn structure_codes(src: &str) -> Vec<String> {
    pacta::check_source("t.pacta", src, &Config::default())
        .diagnostics
        .iter()
        .map(|d| d.code.to_string())
        .filter(|c| c.as_str() <= "P010")
        .collect()
}

#[test]
fn articles_keep_the_numbers_they_were_signed_with() {
    // French `1er`, an inserted `5bis`, a gap where a protocol deleted article 6, then Roman numbers,
    // with rule labels that start with the article's number.
    let signed = "agreement \"t\" {}\narticle 1er \"a\" {}\narticle 5 \"b\" {}\narticle 5bis \"c\" {\n  rule 5bis.1: employed in X -> X\n}\narticle 7 \"d\" {}\narticle VIII \"e\" {\n  rule VIII.1: self-employed in X -> X\n    overrides 5bis.1\n}\n";
    assert_eq!(structure_codes(signed), Vec::<String>::new());
    let checked = pacta::check_source("t.pacta", signed, &Config::default());
    let a = checked.agreement.expect("parses");
    let numbers: Vec<String> = a.articles.iter().map(|x| x.number.to_string()).collect();
    assert_eq!(numbers, ["1er", "5", "5bis", "7", "VIII"]);
    assert_eq!(a.articles[4].number.value, 8);
    assert_eq!(a.articles[2].eid(), "art_5bis");
    // The same numbering in a draft that declares sequential numbering: 1er is article 1, but the
    // gap before 5, the suffix, the gap before 7 and the Roman number are each reported.
    let draft = signed.replacen(
        "agreement \"t\" {}",
        "agreement \"t\" { numbering: sequential }",
        1,
    );
    assert_eq!(structure_codes(&draft), ["P008", "P008", "P008", "P008"]);
    // `1er` and `1` are the same article; a malformed number is a P007, not a syntax error.
    let twice = "agreement \"t\" {}\narticle 1er \"a\" {}\narticle 1 \"b\" {}\n";
    assert_eq!(structure_codes(twice), ["P002"]);
    assert_eq!(
        structure_codes("agreement \"t\" {}\narticle 2er \"a\" {}\n"),
        ["P007"]
    );
    assert_eq!(
        structure_codes("agreement \"t\" {}\narticle IIII \"a\" {}\n"),
        ["P007"]
    );
}
