//! One line per finding: `file:line:col: severity[CODE] message`, control characters (line
//! feeds too) shown as escapes, a long message cut in the middle (see
//! [`crate::diag::visible::LONG_MESSAGE`]).

use super::FileReport;
use crate::diag::Diagnostic;
use crate::span::SourceFile;

pub fn line(file: &SourceFile, d: &Diagnostic) -> String {
    let lc = file.line_col(d.primary.span.start);
    format!(
        "{}:{}:{}: {}[{}] {}",
        crate::diag::visible::line(&file.name),
        lc.line,
        lc.column,
        d.severity.as_str(),
        d.code,
        crate::diag::visible::clipped_line(&d.message)
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
