//! Shared helpers for the integration tests: inline expectations in fixtures.

#![allow(dead_code)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The `(line, code)` pairs a fixture expects: every `// expect: P001, P002` comment marks its
/// own line.
pub fn expectations(text: &str) -> BTreeSet<(usize, String)> {
    let mut out = BTreeSet::new();
    for (i, line) in text.lines().enumerate() {
        if let Some(pos) = line.find("// expect:") {
            for code in line[pos + "// expect:".len()..].split(',') {
                let code = code.trim();
                if !code.is_empty() {
                    out.insert((i + 1, code.to_string()));
                }
            }
        }
    }
    out
}

/// The `(line, code)` pairs of the findings of a checked file. A finding at the very end of the
/// file counts on the last non-empty line.
pub fn found(checked: &pacta::Checked) -> BTreeSet<(usize, String)> {
    let text = &checked.file.text;
    let last_line = text.trim_end().lines().count().max(1);
    checked
        .diagnostics
        .iter()
        .map(|d| {
            let line = checked
                .file
                .line_col(d.primary.span.start)
                .line
                .min(last_line);
            (line, d.code.to_string())
        })
        .collect()
}

/// The `.pacta` files of a folder, sorted.
pub fn pacta_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "pacta"))
        .collect();
    files.sort();
    files
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Render a checked file's findings as the terminal shows them, without colour.
pub fn render(checked: &pacta::Checked) -> String {
    let report = pacta::diag::render::FileReport {
        file: checked.file.clone(),
        diagnostics: checked.diagnostics.clone(),
    };
    pacta::diag::render::human::render(&[report], false)
}

/// A pretty `Debug` dump with each `Span { start, end }` folded to `start..end`, so that AST
/// snapshots stay readable.
pub fn compact_debug(value: &impl std::fmt::Debug) -> String {
    let text = format!("{value:#?}");
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if line.trim_end().ends_with("Span {") && i + 3 < lines.len() {
            let start = lines[i + 1]
                .trim()
                .trim_start_matches("start: ")
                .trim_end_matches(',');
            let end = lines[i + 2]
                .trim()
                .trim_start_matches("end: ")
                .trim_end_matches(',');
            let close = lines[i + 3].trim();
            let prefix = line.trim_end().trim_end_matches("Span {");
            out.push(format!(
                "{prefix}{start}..{end}{}",
                close.trim_start_matches('}')
            ));
            i += 4;
        } else {
            out.push(line.to_string());
            i += 1;
        }
    }
    // Fold `Spanned { value: v, span: a..b }` written over four lines into `v @ a..b`.
    let mut folded: Vec<String> = Vec::new();
    let mut j = 0;
    while j < out.len() {
        let line = &out[j];
        if line.trim_end().ends_with("Spanned {")
            && j + 3 < out.len()
            && out[j + 1].trim_start().starts_with("value: ")
            && out[j + 2].trim_start().starts_with("span: ")
            && out[j + 3].trim_start().starts_with('}')
        {
            let prefix = line.trim_end().trim_end_matches("Spanned {");
            let value = out[j + 1]
                .trim()
                .trim_start_matches("value: ")
                .trim_end_matches(',');
            let span = out[j + 2]
                .trim()
                .trim_start_matches("span: ")
                .trim_end_matches(',');
            let close = out[j + 3].trim().trim_start_matches('}');
            folded.push(format!("{prefix}{value} @ {span}{close}"));
            j += 4;
        } else {
            folded.push(line.clone());
            j += 1;
        }
    }
    folded.join("\n")
}
