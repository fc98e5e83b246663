//! The committed grammar through the `tree-sitter` crates, without the CLI: the corpus tests
//! (`test/corpus/*.txt`), the highlight assertions (`test/highlight/*.pacta`, `// ^ capture`), the
//! queries compile, and every agreement of the repository and every VS Code snippet parses without
//! an `ERROR` or `MISSING` node. This is what `tree-sitter test` and `tree-sitter parse` checked;
//! `.ci/tree-sitter-generate.sh` still checks with the CLI that `src/` is what `grammar.js`
//! generates.

use std::path::{Path, PathBuf};

use tree_sitter::{Language, Parser, Point, Query, Tree};
use tree_sitter_highlight::{HighlightConfiguration, HighlightEvent, Highlighter};

fn language() -> Language {
    tree_sitter_pacta::LANGUAGE.into()
}

fn grammar_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn parse(text: &str) -> Tree {
    let mut parser = Parser::new();
    parser
        .set_language(&language())
        .expect("the committed parser's ABI is supported");
    parser.parse(text, None).expect("parsing is not cancelled")
}

fn files(dir: &Path, extension: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == extension) {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

// ───────────────────────────── corpus ─────────────────────────────

/// One test of a corpus file, in the CLI's format: a header between lines of `=`, with attribute
/// lines such as `:error`; the input; a line of `-`; the expected S-expression.
struct CorpusTest {
    name: String,
    error: bool,
    input: String,
    expected: String,
}

fn is_rule(line: &str, c: char) -> bool {
    line.len() >= 3 && line.chars().all(|x| x == c)
}

fn corpus_tests(text: &str) -> Vec<CorpusTest> {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut tests = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if !is_rule(lines[i], '=') {
            i += 1;
            continue;
        }
        let mut name = Vec::new();
        let mut error = false;
        i += 1;
        while i < lines.len() && !is_rule(lines[i], '=') {
            match lines[i].trim() {
                ":error" => error = true,
                attribute if attribute.starts_with(':') => {
                    panic!("unsupported attribute {attribute}")
                }
                line => name.push(line),
            }
            i += 1;
        }
        i += 1;
        let start = i;
        while i < lines.len() && !is_rule(lines[i], '-') {
            i += 1;
        }
        let input = lines[start..i].join("\n");
        i += 1;
        let start = i;
        while i < lines.len() && !is_rule(lines[i], '=') {
            i += 1;
        }
        let expected = lines[start.min(lines.len())..i]
            .iter()
            .filter(|l| !l.trim_start().starts_with(';'))
            .copied()
            .collect::<Vec<_>>()
            .join("\n");
        tests.push(CorpusTest {
            name: name.join(" "),
            error,
            // The CLI drops the newline before the divider.
            input: input.strip_suffix('\n').unwrap_or(&input).to_string(),
            expected,
        });
    }
    tests
}

/// Whitespace collapsed, no space before `)`: how the CLI compares S-expressions.
fn normalise(sexp: &str) -> String {
    sexp.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(" )", ")")
}

/// `name: (` → `(`: the expectations name no fields, so the actual tree's field names go.
fn strip_fields(sexp: &str) -> String {
    sexp.split(' ')
        .filter(|word| !(word.ends_with(':') && word.len() > 1))
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn corpus() {
    let mut failures = Vec::new();
    let mut count = 0;
    for path in files(&grammar_dir().join("test/corpus"), "txt") {
        let text = std::fs::read_to_string(&path).unwrap();
        let tests = corpus_tests(&text);
        assert!(!tests.is_empty(), "{}: no test", path.display());
        for test in tests {
            count += 1;
            let tree = parse(&test.input);
            let file = path.file_name().unwrap().to_string_lossy();
            if test.error {
                if !tree.root_node().has_error() {
                    failures.push(format!("{file}: {}: expected a syntax error", test.name));
                }
                continue;
            }
            let actual = strip_fields(&normalise(&tree.root_node().to_sexp()));
            let expected = normalise(&test.expected);
            if actual != expected {
                failures.push(format!(
                    "{file}: {}\n  expected: {expected}\n  actual:   {actual}",
                    test.name
                ));
            }
        }
    }
    assert!(count > 0);
    assert!(
        failures.is_empty(),
        "{} of {count} corpus tests fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

// ───────────────────────────── queries ─────────────────────────────

#[test]
fn queries_compile() {
    for (name, source) in [
        ("highlights", tree_sitter_pacta::HIGHLIGHTS_QUERY),
        ("folds", tree_sitter_pacta::FOLDS_QUERY),
        ("indents", tree_sitter_pacta::INDENTS_QUERY),
    ] {
        if let Err(e) = Query::new(&language(), source) {
            panic!("queries/{name}.scm: {e}");
        }
    }
}

// ───────────────────────────── highlight ─────────────────────────────

/// `// ^ capture` (the column of the caret) or `// <- capture` (the column of the comment) on
/// the nearest line above that is not itself an assertion; `!capture` asserts its absence.
struct Assertion {
    position: Point,
    negative: bool,
    capture: String,
}

fn assertions(tree: &Tree, text: &str) -> Vec<Assertion> {
    let mut found = Vec::new();
    let mut assertion_rows = Vec::new();
    let mut cursor = tree.walk();
    let mut stack = vec![tree.root_node()];
    while let Some(node) = stack.pop() {
        stack.extend(node.children(&mut cursor));
        if node.kind() != "comment" {
            continue;
        }
        let comment = &text[node.byte_range()];
        let body = comment.trim_start_matches('/');
        let offset = comment.len() - body.len();
        let trimmed = body.trim_start();
        let at = offset + body.len() - trimmed.len();
        let start = node.start_position();
        let (columns, rest) = if let Some(rest) = trimmed.strip_prefix("<-") {
            (vec![start.column], rest)
        } else if trimmed.starts_with('^') {
            let carets = trimmed.chars().take_while(|&c| c == '^').count();
            let first = start.column + at;
            ((first..first + carets).collect(), &trimmed[carets..])
        } else {
            continue;
        };
        let rest = rest.trim_start();
        let (negative, rest) = match rest.strip_prefix('!') {
            Some(rest) => (true, rest),
            None => (false, rest),
        };
        let capture: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
            .collect();
        assert!(
            !capture.is_empty(),
            "assertion without a capture: {comment}"
        );
        assertion_rows.push(start.row);
        for column in columns {
            found.push(Assertion {
                position: Point::new(start.row, column),
                negative,
                capture: capture.clone(),
            });
        }
    }
    for assertion in &mut found {
        loop {
            assert!(assertion.position.row > 0, "an assertion on the first line");
            assertion.position.row -= 1;
            if !assertion_rows.contains(&assertion.position.row) {
                break;
            }
        }
    }
    found
}

/// The byte ranges of the text with the captures that are active over each.
fn highlights(
    config: &HighlightConfiguration,
    names: &[String],
    text: &str,
) -> Vec<(usize, usize, Vec<String>)> {
    let mut highlighter = Highlighter::new();
    let events = highlighter
        .highlight(config, text.as_bytes(), None, None, |_| None)
        .expect("highlighting starts");
    let mut active = Vec::new();
    let mut out = Vec::new();
    for event in events {
        match event.expect("highlighting succeeds") {
            HighlightEvent::HighlightStart(h) => active.push(names[h.0].clone()),
            HighlightEvent::HighlightEnd => {
                active.pop();
            }
            HighlightEvent::Source { start, end } => out.push((start, end, active.clone())),
        }
    }
    out
}

/// The byte offset of a point whose column counts characters, as the CLI's assertions do (the
/// assertion's caret sits below a character, whatever its width in UTF-8).
fn byte_offset(text: &str, point: Point) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(point.row)
        .map(str::len)
        .sum();
    let line = &text[line_start..];
    line_start
        + line
            .char_indices()
            .nth(point.column)
            .map_or(line.len(), |(i, _)| i)
}

#[test]
fn highlight_assertions() {
    let mut config = HighlightConfiguration::new(
        language(),
        "pacta",
        tree_sitter_pacta::HIGHLIGHTS_QUERY,
        "",
        "",
    )
    .expect("the highlight query compiles");
    let names: Vec<String> = config.names().iter().map(|n| n.to_string()).collect();
    config.configure(&names);
    let mut failures = Vec::new();
    let mut count = 0;
    for path in files(&grammar_dir().join("test/highlight"), "pacta") {
        let text = std::fs::read_to_string(&path).unwrap();
        let tree = parse(&text);
        let file = path.file_name().unwrap().to_string_lossy().to_string();
        assert!(!tree.root_node().has_error(), "{file} does not parse");
        let assertions = assertions(&tree, &text);
        assert!(!assertions.is_empty(), "{file}: no assertion");
        let spans = highlights(&config, &names, &text);
        for assertion in assertions {
            count += 1;
            assert!(
                names.contains(&assertion.capture),
                "{file}:{}: `{}` is no capture of queries/highlights.scm",
                assertion.position.row + 1,
                assertion.capture
            );
            let at = byte_offset(&text, assertion.position);
            let active: Vec<&String> = spans
                .iter()
                .filter(|(start, end, _)| *start <= at && at < *end)
                .flat_map(|(_, _, names)| names)
                .collect();
            let present = active.contains(&&assertion.capture);
            if present == assertion.negative {
                failures.push(format!(
                    "{file}:{}:{}: expected {}{}, found {:?}",
                    assertion.position.row + 1,
                    assertion.position.column + 1,
                    if assertion.negative { "not " } else { "" },
                    assertion.capture,
                    active
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {count} highlight assertions fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

// ───────────────────────────── real files ─────────────────────────────

/// The `ERROR` and `MISSING` nodes of a tree, as `line:column kind`.
fn errors(tree: &Tree) -> Vec<String> {
    let mut out = Vec::new();
    let mut cursor = tree.walk();
    let mut stack = vec![tree.root_node()];
    while let Some(node) = stack.pop() {
        if !node.has_error() {
            continue;
        }
        if node.is_error() || node.is_missing() {
            let p = node.start_position();
            out.push(format!("{}:{} {}", p.row + 1, p.column + 1, node.to_sexp()));
        }
        stack.extend(node.children(&mut cursor));
    }
    out
}

#[test]
fn every_agreement_parses() {
    let root = grammar_dir().join("../..");
    let agreements = files(&root.join("agreements"), "pacta");
    assert!(!agreements.is_empty(), "no agreement in agreements/");
    let mut failures = Vec::new();
    for path in &agreements {
        let text = std::fs::read_to_string(path).unwrap();
        for error in errors(&parse(&text)) {
            failures.push(format!("{}:{error}", path.display()));
        }
    }
    assert!(
        failures.is_empty(),
        "syntax errors:\n{}",
        failures.join("\n")
    );
}

/// The VS Code snippets with their placeholders filled in (`editors/vscode/test/expand-snippets.js`,
/// which needs Node, as the VS Code tests do).
#[test]
fn every_snippet_parses() {
    let script = grammar_dir().join("../vscode/test/expand-snippets.js");
    let output = match std::process::Command::new("node").arg(&script).output() {
        Ok(output) => output,
        Err(e) => panic!("node (needed to expand the VS Code snippets) cannot be run: {e}"),
    };
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("// snippet:"), "no snippet expanded");
    let errors = errors(&parse(&text));
    assert!(
        errors.is_empty(),
        "the expanded snippets do not parse:\n{}\n{text}",
        errors.join("\n")
    );
}
