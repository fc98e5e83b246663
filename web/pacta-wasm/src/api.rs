//! The playground's operations as plain functions from strings to JSON strings. They are what
//! the WebAssembly exports in `lib.rs` call, and what the unit tests run natively.
//!
//! Positions handed to the page are UTF-16 code-unit offsets (`from`, `to`), the unit of
//! JavaScript strings and of CodeMirror, besides the 1-based line and column of the CLI.

use pacta::check::registry;
use pacta::config::Config;
use pacta::diag::render::{Finding, Summary};
use pacta::diag::{Diagnostic, Severity};
use pacta::span::SourceFile;
use serde::Serialize;
use serde_json::{json, Value};

/// The name under which the page's draft is checked (it appears in rule sets and diffs).
pub const DRAFT_NAME: &str = "draft.pacta";

/// Byte offsets → UTF-16 offsets in one text.
pub struct Utf16Index<'a> {
    text: &'a str,
    /// (byte offset, UTF-16 offset) at the start of every line.
    lines: Vec<(usize, usize)>,
}

impl<'a> Utf16Index<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut lines = vec![(0, 0)];
        let mut units = 0;
        for (i, c) in text.char_indices() {
            units += c.len_utf16();
            if c == '\n' {
                lines.push((i + 1, units));
            }
        }
        Utf16Index { text, lines }
    }

    /// The UTF-16 offset of a byte offset (clamped to the text, and back to a character start).
    pub fn of(&self, byte: usize) -> usize {
        let mut byte = byte.min(self.text.len());
        while !self.text.is_char_boundary(byte) {
            byte -= 1;
        }
        let line = match self.lines.binary_search_by_key(&byte, |&(b, _)| b) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let (start, units) = self.lines[line];
        units + self.text[start..byte].encode_utf16().count()
    }
}

/// A finding for the page: the CLI's JSON finding plus UTF-16 ranges.
#[derive(Serialize)]
pub struct PageFinding {
    #[serde(flatten)]
    pub finding: Finding,
    pub from: usize,
    pub to: usize,
    pub related_ranges: Vec<(usize, usize)>,
}

fn page_findings(file: &SourceFile, diagnostics: &[Diagnostic]) -> Vec<PageFinding> {
    let index = Utf16Index::new(&file.text);
    diagnostics
        .iter()
        .map(|d| PageFinding {
            finding: Finding::from_diagnostic(file, d),
            from: index.of(d.primary.span.start),
            to: index.of(d.primary.span.end),
            related_ranges: d
                .secondary
                .iter()
                .map(|l| (index.of(l.span.start), index.of(l.span.end)))
                .collect(),
        })
        .collect()
}

fn summary(diagnostics: &[Diagnostic]) -> Summary {
    let mut s = Summary::default();
    for d in diagnostics {
        match d.severity {
            Severity::Error => s.errors += 1,
            Severity::Warning => s.warnings += 1,
            Severity::Info => s.infos += 1,
        }
    }
    s
}

fn to_string(v: &Value) -> String {
    serde_json::to_string(v).unwrap_or_else(|e| json!({ "error": e.to_string() }).to_string())
}

/// `pacta check`: `{"findings": [...], "summary": {...}, "parsed": bool}`.
pub fn check(source: &str) -> String {
    let checked = pacta::check_source(DRAFT_NAME, source, &Config::default());
    to_string(&json!({
        "findings": page_findings(&checked.file, &checked.diagnostics),
        "summary": summary(&checked.diagnostics),
        "parsed": checked.agreement.is_some(),
    }))
}

/// Where the first byte that is not UTF-8 is, in words; empty when the bytes are UTF-8.
pub fn utf8_error(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(_) => String::new(),
        Err(e) => {
            let at = e.valid_up_to();
            let before = &bytes[..at];
            let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
            let line_start = before
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |i| i + 1);
            // `before` is valid UTF-8: count characters for the column.
            let column = std::str::from_utf8(&before[line_start..])
                .map_or(at - line_start, |s| s.chars().count())
                + 1;
            format!(
                "this file is not UTF-8 text: byte {} (line {line}, column {column}) is 0x{:02X}; save the agreement as UTF-8 and open it again",
                at + 1,
                bytes[at]
            )
        }
    }
}

/// `pacta explain CODE`: `{"code", "name", "summary", "text"}` or `{"error"}`.
pub fn explain(code: &str) -> String {
    let v = match registry::lookup(code.trim()) {
        Some(info) => json!({
            "code": info.code,
            "name": info.name,
            "summary": info.summary,
            "text": pacta::check::explain_text(info),
        }),
        None => json!({ "error": format!("unknown check `{}`", code.trim()) }),
    };
    to_string(&v)
}

/// A situation's error, with its range in the situation text.
fn situation_error(text: &str, d: &Diagnostic) -> Value {
    let file = SourceFile::new("situation", text);
    let finding = page_findings(&file, std::slice::from_ref(d));
    json!({ "error": d.message, "finding": finding.first() })
}

/// The agreement checked, when it is free of syntax and structure errors, or the error to show.
fn sound(source: &str) -> Result<pacta::Checked, Value> {
    let checked = pacta::check_source(DRAFT_NAME, source, &Config::default());
    let structural = checked
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error && d.code.starts_with("P0"))
        .count();
    if checked.agreement.is_none() || structural > 0 {
        return Err(json!({
            "error": format!(
                "the draft has {structural} syntax or structure error{}; fix {} first",
                if structural == 1 { "" } else { "s" },
                if structural == 1 { "it" } else { "them" }
            ),
        }));
    }
    Ok(checked)
}

/// `pacta resolve`: `{"resolved": {...}, "uniform": bool}` or `{"error", "finding"?}`.
pub fn resolve(source: &str, situation: &str) -> String {
    let checked = match sound(source) {
        Ok(c) => c,
        Err(e) => return to_string(&e),
    };
    let Some(agreement) = checked.agreement.as_ref() else {
        return to_string(&json!({ "error": "the draft does not parse" }));
    };
    let conditions = match pacta::syntax::parse_situation(situation) {
        Ok(c) => c,
        Err(d) => return to_string(&situation_error(situation, &d)),
    };
    let v = match pacta::legislation::resolve(agreement, &conditions) {
        Ok(r) => json!({ "uniform": r.uniform(), "resolved": r }),
        Err(d) => situation_error(situation, &d),
    };
    to_string(&v)
}

/// `pacta build --allow-errors`: `{"ruleset": {...}, "errors": N}` or `{"error"}`. The page
/// shows the decision table from it even while the draft has findings.
pub fn build(source: &str) -> String {
    let checked = pacta::check_source(DRAFT_NAME, source, &Config::default());
    let errors = summary(&checked.diagnostics).errors;
    let v = match pacta::emit::build(&checked) {
        Some(ruleset) => match serde_json::to_value(&ruleset) {
            Ok(r) => json!({ "ruleset": r, "errors": errors }),
            Err(e) => json!({ "error": e.to_string() }),
        },
        None => json!({ "error": "the draft does not parse; no rule set" }),
    };
    to_string(&v)
}

/// `pacta diff OLD NEW --format FORMAT` (`html`, `markdown`, `text` or `json`):
/// `{"report": "…", "same": bool}` or `{"error"}`.
pub fn diff(old: &str, new: &str, format: &str) -> String {
    let config = Config::default();
    let a = pacta::check_source("old.pacta", old, &config);
    let b = pacta::check_source("new.pacta", new, &config);
    let v = match (pacta::diff::Draft::of(&a), pacta::diff::Draft::of(&b)) {
        (Some(x), Some(y)) => {
            let report = pacta::diff::diff(x, y);
            let text = match format {
                "markdown" => pacta::diff::render::markdown::render(&report),
                "text" => pacta::diff::render::text::render(&report, false),
                "json" => pacta::diff::render::json::render(&report),
                _ => pacta::diff::render::html::render(&report),
            };
            json!({ "report": text, "same": report.is_empty() })
        }
        (None, _) => json!({ "error": "the second draft (old) does not parse; no diff was made" }),
        (_, None) => json!({ "error": "the draft (new) does not parse; no diff was made" }),
    };
    to_string(&v)
}

/// `pacta render`: the agreement as one self-contained HTML document, with its findings in the
/// margin: `{"html": "…"}` or `{"error"}`.
pub fn render(source: &str) -> String {
    let checked = pacta::check_source(DRAFT_NAME, source, &Config::default());
    let document = pacta::syntax::parse(source).document;
    let v = match (document, checked.agreement.as_ref()) {
        (Some(document), Some(agreement)) => {
            let opts = pacta::render::Options {
                languages: None,
                findings: true,
            };
            json!({ "html": pacta::render::html(&document, agreement, &checked.diagnostics, &opts) })
        }
        _ => json!({ "error": "the draft does not parse; nothing rendered" }),
    };
    to_string(&v)
}

/// `pacta fmt`: `{"formatted": "…", "changed": bool}`, or `{"error", "findings"}` when the draft
/// does not parse.
pub fn format(source: &str) -> String {
    let v = match pacta::fmt::format(source) {
        Ok(formatted) => json!({ "changed": formatted != source, "formatted": formatted }),
        Err(diagnostics) => {
            let file = SourceFile::new(DRAFT_NAME, source);
            json!({
                "error": "the draft does not parse; fix its syntax errors before formatting",
                "findings": page_findings(&file, &diagnostics),
            })
        }
    };
    to_string(&v)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MODEL: &str = include_str!("../../../agreements/r167-model.pacta");
    const ARCADIA: &str = include_str!("../../../agreements/arcadia-borduria.pacta");

    fn parse(s: &str) -> Value {
        serde_json::from_str(s).expect("the bindings return JSON")
    }

    #[test]
    fn utf16_offsets_count_code_units() {
        let text = "a–b\n😀c";
        let i = Utf16Index::new(text);
        assert_eq!(i.of(0), 0);
        assert_eq!(i.of(1), 1); // before the en dash (3 bytes, 1 unit)
        assert_eq!(i.of(4), 2); // 'b'
        assert_eq!(i.of(6), 4); // the emoji, after "a–b\n"
        assert_eq!(i.of(10), 6); // 'c': the emoji is 2 units
        assert_eq!(i.of(2), 1); // inside the dash: back to its start
        assert_eq!(i.of(99), 7);
    }

    #[test]
    fn the_model_agreement_checks_clean() {
        let v = parse(&check(MODEL));
        assert_eq!(v["summary"]["errors"], 0, "{v}");
        assert_eq!(v["findings"].as_array().map(Vec::len), Some(0), "{v}");
        assert_eq!(v["parsed"], true);
    }

    #[test]
    fn a_syntax_error_is_a_finding_with_a_range() {
        let broken = MODEL.replacen("short-title:", "short-tittle:", 1);
        let v = parse(&check(&broken));
        let f = &v["findings"][0];
        assert_eq!(f["code"], "P001", "{v}");
        let from = f["from"].as_u64().unwrap() as usize;
        let units: Vec<u16> = broken.encode_utf16().collect();
        let at = String::from_utf16(&units[from..from + 5]).unwrap();
        assert_eq!(at, "short", "{v}");
        assert!(f["line"].is_null(), "the location is nested: {f}");
        assert!(f["location"]["line"].as_u64().unwrap() > 1);
    }

    #[test]
    fn explain_knows_codes_and_names() {
        let v = parse(&explain("P303"));
        assert_eq!(v["code"], "P303");
        assert!(v["text"].as_str().unwrap().contains("P303"), "{v}");
        assert!(parse(&explain("P999"))["error"].is_string());
    }

    #[test]
    fn resolve_answers_and_reports_bad_situations() {
        let v = parse(&resolve(
            MODEL,
            "employed in XB, employer in XA, posted 18 months",
        ));
        let first = &v["resolved"]["resolutions"][0];
        assert_eq!(first["outcome"]["party"], "XA", "{v}");
        assert!(first["rule"].is_string(), "a rule decides: {v}");
        assert_eq!(v["uniform"], true, "{v}");
        let bad = parse(&resolve(MODEL, "employed in ZZ"));
        assert!(bad["error"].is_string(), "{bad}");
        let broken = parse(&resolve("agreement {", "employed in XA"));
        assert!(
            broken["error"].as_str().unwrap().contains("fix"),
            "{broken}"
        );
    }

    #[test]
    fn build_gives_the_decision_table() {
        let v = parse(&build(MODEL));
        let table = &v["ruleset"]["applicable_legislation"]["decision_table"];
        assert!(table.as_array().is_some_and(|t| !t.is_empty()), "{v}");
        assert_eq!(v["errors"], 0);
        assert!(parse(&build("agreement {"))["error"].is_string());
    }

    #[test]
    fn diff_renders_every_format() {
        let v = parse(&diff(MODEL, MODEL, "text"));
        assert_eq!(v["same"], true, "{v}");
        let changed = MODEL.replacen("limit 24 months", "limit 36 months", 1);
        for format in ["html", "markdown", "text", "json"] {
            let v = parse(&diff(MODEL, &changed, format));
            assert_eq!(v["same"], false, "{format}: {v}");
            assert!(v["report"].as_str().is_some_and(|r| !r.is_empty()));
        }
        assert!(parse(&diff(ARCADIA, "agreement {", "html"))["error"].is_string());
    }

    #[test]
    fn render_gives_a_document() {
        let v = parse(&render(MODEL));
        let html = v["html"].as_str().unwrap_or_default();
        assert!(html.starts_with("<!DOCTYPE html>"), "{v}");
        assert!(html.contains("Meridia"));
        assert!(parse(&render("agreement {"))["error"].is_string());
    }

    #[test]
    fn format_lays_out_and_refuses_broken_drafts() {
        let messy = MODEL.replacen("short-title:", "short-title  :", 1);
        let v = parse(&format(&messy));
        assert_eq!(v["changed"], true, "{v}");
        let formatted = v["formatted"].as_str().unwrap().to_string();
        assert_eq!(parse(&format(&formatted))["changed"], false, "idempotent");
        let broken = parse(&format("agreement {"));
        assert!(broken["error"].is_string(), "{broken}");
        assert_eq!(broken["findings"][0]["code"], "P001", "{broken}");
    }

    #[test]
    fn utf8_errors_say_where() {
        assert_eq!(utf8_error("agreement ‘x’".as_bytes()), "");
        let message = utf8_error(b"ab\ncd\xff");
        assert!(message.contains("line 2, column 3"), "{message}");
        assert!(message.contains("0xFF"), "{message}");
    }
}
