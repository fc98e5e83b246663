//! Terminal output through codespan-reporting.

use super::FileReport;
use crate::diag::{Diagnostic, Severity};
use codespan_reporting::diagnostic::{
    Diagnostic as CsDiagnostic, Label as CsLabel, Severity as CsSeverity,
};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, termcolor::Buffer, Config};

fn severity(s: Severity) -> CsSeverity {
    match s {
        Severity::Error => CsSeverity::Error,
        Severity::Warning => CsSeverity::Warning,
        Severity::Info => CsSeverity::Note,
    }
}

/// The codespan form of one diagnostic.
pub fn to_codespan(d: &Diagnostic) -> CsDiagnostic<()> {
    let mut labels =
        vec![CsLabel::primary((), d.primary.span.range()).with_message(&d.primary.message)];
    labels.extend(
        d.secondary
            .iter()
            .map(|l| CsLabel::secondary((), l.span.range()).with_message(&l.message)),
    );
    let mut notes = d.notes.clone();
    if let Some(help) = &d.help {
        notes.push(format!("help: {help}"));
    }
    CsDiagnostic::new(severity(d.severity))
        .with_code(d.code)
        .with_message(&d.message)
        .with_labels(labels)
        .with_notes(notes)
}

/// Render one file's diagnostics; `color` selects ANSI escapes.
pub fn render_file(report: &FileReport, color: bool) -> String {
    let file = SimpleFile::new(report.file.name.as_str(), report.file.text.as_str());
    let config = Config::default();
    let mut buffer = if color {
        Buffer::ansi()
    } else {
        Buffer::no_color()
    };
    for d in &report.diagnostics {
        let cs = to_codespan(d);
        if term::emit_to_write_style(&mut buffer, &config, &file, &cs).is_err() {
            // A span outside the file cannot be drawn; fall back to the short form.
            let fallback = super::short::line(&report.file, d);
            let _ = std::io::Write::write_all(&mut buffer, fallback.as_bytes());
            let _ = std::io::Write::write_all(&mut buffer, b"\n");
        }
    }
    String::from_utf8_lossy(buffer.as_slice()).into_owned()
}

/// Render all reports, in order (the summary line is printed by the command line).
pub fn render(reports: &[FileReport], color: bool) -> String {
    let mut out = String::new();
    for r in reports {
        out.push_str(&render_file(r, color));
    }
    out
}
