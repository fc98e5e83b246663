//! Generates the compiler's keyword list from the grammar, so that the "did you mean" suggestions
//! and the language server's completions cannot drift from `grammar/pacta.pest`.
//!
//! A keyword is a quoted kebab-case word of the grammar (`"months"`, `"repost-gap"`), outside
//! `//` comments (the `///` doc comments quote examples that are not keywords). The connectives
//! that only join other words (`in`, `of`, `and`, …) are left out: a misspelt word is never meant
//! to be one of them, and offering them would turn every short typo into a suggestion.
//!
//! Writes `$OUT_DIR/keywords.rs`, a sorted `&[&str]` included by `src/syntax/keywords.rs`.

use std::collections::BTreeSet;
use std::path::Path;

/// Connectives: keywords of the grammar that are not offered as suggestions.
const CONNECTIVES: &[&str] = &["and", "by", "from", "in", "is", "not", "of"];

fn main() {
    let grammar = "grammar/pacta.pest";
    println!("cargo:rerun-if-changed={grammar}");
    println!("cargo:rerun-if-changed=build.rs");
    let source = match std::fs::read_to_string(grammar) {
        Ok(source) => source,
        Err(e) => {
            println!("cargo:warning=cannot read {grammar}: {e}");
            std::process::exit(1);
        }
    };
    let keywords: BTreeSet<String> = quoted_words(&source)
        .into_iter()
        .filter(|w| is_keyword(w) && !CONNECTIVES.contains(&w.as_str()))
        .collect();
    let mut out = String::from("&[\n");
    for k in &keywords {
        out.push_str(&format!("    {k:?},\n"));
    }
    out.push(']');
    let Some(dir) = std::env::var_os("OUT_DIR") else {
        println!("cargo:warning=OUT_DIR is not set");
        std::process::exit(1);
    };
    let path = Path::new(&dir).join("keywords.rs");
    if let Err(e) = std::fs::write(&path, out) {
        println!("cargo:warning=cannot write {}: {e}", path.display());
        std::process::exit(1);
    }
}

/// The double-quoted literals of a pest grammar, `//` comments left out; a single-quoted
/// character literal (`'0'` in a range) is skipped whole.
fn quoted_words(source: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut chars = source.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        break;
                    }
                }
            }
            '"' => {
                let mut literal = String::new();
                while let Some(c) = chars.next() {
                    match c {
                        '\\' => {
                            if let Some(escaped) = chars.next() {
                                literal.push('\\');
                                literal.push(escaped);
                            }
                        }
                        '"' => break,
                        _ => literal.push(c),
                    }
                }
                words.push(literal);
            }
            '\'' => {
                for c in chars.by_ref() {
                    if c == '\'' {
                        break;
                    }
                }
            }
            _ => {}
        }
    }
    words
}

/// A kebab-case word of two letters or more: `in`, `months`, `repost-gap`.
fn is_keyword(literal: &str) -> bool {
    literal.len() >= 2
        && literal
            .split('-')
            .all(|part| !part.is_empty() && part.chars().all(|c| c.is_ascii_lowercase()))
}
