//! One line per finding: `file:line:col: severity[CODE] message`.

use super::FileReport;
use crate::diag::Diagnostic;
use crate::span::SourceFile;

pub fn line(file: &SourceFile, d: &Diagnostic) -> String {
    let lc = file.line_col(d.primary.span.start);
    format!(
        "{}:{}:{}: {}[{}] {}",
        file.name,
        lc.line,
        lc.column,
        d.severity.as_str(),
        d.code,
        d.message
    )
}

pub fn render(reports: &[FileReport]) -> String {
    let mut out = String::new();
    for r in reports {
        for d in &r.diagnostics {
            out.push_str(&line(&r.file, d));
            out.push('\n');
        }
    }
    out
}
