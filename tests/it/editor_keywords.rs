//! Every keyword of the language must be known to every editor grammar.
//!
//! The keywords are the quoted words of `grammar/pacta.pest` (kebab-case, two letters or more):
//! construct keywords, provision keywords, condition words, units such as `months`, and the
//! words used only in lookaheads. For each editor this test looks where a keyword has to be
//! for the editor to highlight it, not merely anywhere in the file:
//!
//! - VS Code: a whole word inside a `match`, `begin`, `end` or `while` regex of the TextMate
//!   grammar;
//! - tree-sitter: a string literal (`'kw'` or `"kw"`) in `grammar.js`, outside comments;
//! - Vim: a whole word on a `syn` line (or its `\` continuation) of the syntax file;
//! - Emacs: a string literal (`"kw"`) in `pacta-mode.el`, outside comments;
//!
//! The playground (`web/`) has no keyword list of its own: it highlights and completes with the
//! VS Code grammar, imported at build time, which the last test here holds it to.
//!
//! A keyword added to the pest grammar without the editors makes this test fail, naming the
//! keyword and the editors that miss it.

use std::collections::{BTreeSet, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

#[path = "../../build/pest_words.rs"]
mod pest_words;
use pest_words::is_keyword;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// The quoted words of a pest grammar that are keywords, with `//` comments (and so the `///`
/// doc comments, whose examples hold quoted words that are not keywords) left out.
fn pest_keywords(source: &str) -> BTreeSet<String> {
    pest_words::quoted_words(source)
        .into_iter()
        .filter(|w| is_keyword(w))
        .collect()
}

fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '-'
}

/// The whole words of a text: runs of letters, digits, `_` and `-`.
fn words(text: &str) -> HashSet<String> {
    text.split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The JSON string values of the regex keys of a TextMate grammar, still escaped (an escape
/// such as `\\b` cannot glue a keyword to a letter because the grammar writes boundaries as
/// lookarounds).
fn textmate_regexes(json: &str) -> String {
    let mut out = String::new();
    for key in ["\"match\"", "\"begin\"", "\"end\"", "\"while\""] {
        let mut rest = json;
        while let Some(at) = rest.find(key) {
            rest = &rest[at + key.len()..];
            let after = rest.trim_start();
            let Some(after) = after.strip_prefix(':') else {
                continue;
            };
            let Some(value) = after.trim_start().strip_prefix('"') else {
                continue;
            };
            let mut escaped = false;
            for c in value.chars() {
                match (escaped, c) {
                    (false, '\\') => escaped = true,
                    (false, '"') => break,
                    _ => escaped = false,
                }
                out.push(c);
            }
            out.push('\n');
        }
    }
    out
}

/// Lines that are not comments, for a comment leader such as `//` or `;`.
fn code_lines<'a>(source: &'a str, leaders: &'a [&str]) -> impl Iterator<Item = &'a str> {
    source.lines().filter(move |l| {
        let t = l.trim_start();
        !leaders.iter().any(|leader| t.starts_with(leader))
    })
}

/// The keywords written as string literals in quotes `q` on code lines.
fn quoted_literals(source: &str, leaders: &[&str], quotes: &[char]) -> HashSet<String> {
    let mut found = HashSet::new();
    for line in code_lines(source, leaders) {
        for &q in quotes {
            let parts: Vec<&str> = line.split(q).collect();
            // Every odd part lies between two quotes.
            for (i, part) in parts.iter().enumerate() {
                if i % 2 == 1 && i + 1 < parts.len() && is_keyword(part) {
                    found.insert((*part).to_owned());
                }
            }
        }
    }
    found
}

/// The words on the `syn …` lines of a Vim syntax file and their `\` continuation lines.
fn vim_syntax_words(source: &str) -> HashSet<String> {
    let mut text = String::new();
    let mut in_syn = false;
    for line in source.lines() {
        let t = line.trim_start();
        if t.starts_with("syn") {
            in_syn = true;
        } else if !t.starts_with('\\') {
            in_syn = false;
        }
        if in_syn {
            text.push_str(line);
            text.push('\n');
        }
    }
    words(&text)
}

struct Editor {
    name: &'static str,
    path: &'static str,
    known: fn(&str) -> HashSet<String>,
}

const EDITORS: &[Editor] = &[
    Editor {
        name: "VS Code (TextMate grammar)",
        path: "editors/vscode/syntaxes/pacta.tmLanguage.json",
        known: |s| words(&textmate_regexes(s)),
    },
    Editor {
        name: "tree-sitter (grammar.js)",
        path: "editors/tree-sitter-pacta/grammar.js",
        known: |s| quoted_literals(s, &["//", "/*", "*"], &['\'', '"']),
    },
    Editor {
        name: "Vim (syntax/pacta.vim)",
        path: "editors/vim/syntax/pacta.vim",
        known: vim_syntax_words,
    },
    Editor {
        name: "Emacs (pacta-mode.el)",
        path: "editors/emacs/pacta-mode.el",
        known: |s| quoted_literals(s, &[";"], &['"']),
    },
];

#[test]
fn every_editor_knows_every_keyword() {
    let keywords = pest_keywords(&read(&root().join("grammar/pacta.pest")));
    // Guard against an extractor that silently finds nothing.
    for expected in [
        "agreement",
        "article",
        "repost-gap",
        "months",
        "several",
        "in",
        "overlap",
    ] {
        assert!(
            keywords.contains(expected),
            "keyword `{expected}` not read from grammar/pacta.pest"
        );
    }
    assert!(
        keywords.len() >= 60,
        "only {} keywords read from grammar/pacta.pest",
        keywords.len()
    );

    let mut missing = Vec::new();
    for editor in EDITORS {
        let known = (editor.known)(&read(&root().join(editor.path)));
        for keyword in &keywords {
            if !known.contains(keyword) {
                missing.push(format!(
                    "keyword `{keyword}` is missing from {} ({})",
                    editor.name, editor.path
                ));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "{} keyword(s) of grammar/pacta.pest unknown to an editor:\n  {}",
        missing.len(),
        missing.join("\n  ")
    );
}

#[test]
fn pest_keywords_are_quoted_kebab_words_outside_comments() {
    let pest = r#"
/// `where X is "criterion"`: a doc comment, not a keyword
// "comment" neither
unit = @{ ("days" | "day" | "months") ~ !ident_char }
COMMENT = _{ "//" ~ (!"\n" ~ ANY)* }
check_ref = @{ ("P" ~ ASCII_DIGIT{3}) | "repost-gap" | 'a'..'z' }
rule = { "rule" ~ label ~ "->" ~ "X" ~ "in" }
"#;
    let found: Vec<String> = pest_keywords(pest).into_iter().collect();
    assert_eq!(found, ["day", "days", "in", "months", "repost-gap", "rule"]);
}

#[test]
fn a_keyword_inside_a_longer_word_does_not_count() {
    let known = words(r"(?<![\w-])(export-period|in-kind-during)(?![\w-])");
    assert!(!known.contains("export"));
    assert!(!known.contains("in"));
    assert!(known.contains("export-period"));
}

#[test]
fn textmate_keywords_count_only_inside_regexes() {
    let json = r#"{ "name": "keyword.other.export.pacta", "comment": "rule", "match": "(?<![\\w-])(limit|where)(?![\\w-])" }"#;
    let known = words(&textmate_regexes(json));
    assert!(known.contains("limit") && known.contains("where"));
    assert!(!known.contains("export") && !known.contains("rule"));
}

#[test]
fn commented_out_keywords_do_not_count() {
    let js = "// 'overrides'\n  limit: $ => seq('limit', $.duration),\n";
    let found = quoted_literals(js, &["//"], &['\'']);
    assert!(found.contains("limit") && !found.contains("overrides"));
    let el = ";; \"aircrew\"\n(defconst x '(\"seafarer\"))\n";
    let found = quoted_literals(el, &[";"], &['"']);
    assert!(found.contains("seafarer") && !found.contains("aircrew"));
    let vim = "\" syn keyword pactaX aircrew\nsyn keyword pactaY seafarer\n      \\ flag\nlet x = 'gap'\n";
    let found = vim_syntax_words(vim);
    assert!(found.contains("seafarer") && found.contains("flag"));
    assert!(!found.contains("aircrew") && !found.contains("gap"));
}

/// The compiler's "did you mean" list of keywords (`pacta::syntax::KNOWN_KEYWORDS`, generated
/// from the grammar by `build.rs`) is the grammar's, read here independently: nothing stale in
/// it, and every keyword of five letters or more is offered.
#[test]
fn the_suggestion_list_follows_the_grammar() {
    let grammar = pest_keywords(&read(&root().join("grammar/pacta.pest")));
    let known: BTreeSet<String> = pacta::syntax::KNOWN_KEYWORDS
        .iter()
        .map(|k| k.to_string())
        .collect();
    let stale: Vec<&String> = known.difference(&grammar).collect();
    assert!(
        stale.is_empty(),
        "suggested but not in the grammar: {stale:?}"
    );
    let missing: Vec<&String> = grammar
        .iter()
        .filter(|k| k.len() >= 5 && !known.contains(*k))
        .collect();
    assert!(
        missing.is_empty(),
        "keywords without suggestions: {missing:?}"
    );
}

/// The playground highlights with the VS Code grammar itself (through shiki), so the check of
/// that grammar above covers it; it must import the grammar, not a copy or a list of its own.
#[test]
fn the_playground_highlights_with_the_vscode_grammar() {
    let web = root().join("web/src");
    let highlight = read(&web.join("pacta-highlight.js"));
    assert!(
        highlight.contains("from \"../../editors/vscode/syntaxes/pacta.tmLanguage.json\""),
        "web/src/pacta-highlight.js must import the VS Code grammar"
    );
    let mut copies = Vec::new();
    for entry in fs::read_dir(&web).expect("web/src") {
        let path = entry.expect("an entry of web/src").path();
        if path.extension().is_some_and(|e| e == "json") {
            copies.push(path);
        }
    }
    assert!(
        copies.is_empty(),
        "no grammar copies in web/src: {copies:?}"
    );
}
