//! The report as JSON (`pacta.diff/1`, schema from [`crate::diff::report_schema`]).

use crate::diff::Report;

/// Pretty-printed JSON with a final newline; field order is fixed by the types.
pub fn render(report: &Report) -> String {
    let mut s = serde_json::to_string_pretty(report).unwrap_or_else(|e| {
        // Serialising plain data cannot fail; keep the output valid JSON all the same.
        format!("{{\"error\": {:?}}}", e.to_string())
    });
    s.push('\n');
    s
}
