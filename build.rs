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
    println!("cargo:rerun-if-changed=build/pest_words.rs");
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

#[path = "build/pest_words.rs"]
mod pest_words;
use pest_words::{is_keyword, quoted_words};
