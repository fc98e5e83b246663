//! Terminal output through codespan-reporting.

use super::FileReport;
use crate::diag::visible::{self, View};
use crate::diag::{Diagnostic, Severity};
use crate::span::SourceFile;
use codespan_reporting::diagnostic::{
    Diagnostic as CsDiagnostic, Label as CsLabel, Severity as CsSeverity,
};
use codespan_reporting::files::{self, Files, SimpleFile};
use codespan_reporting::term::{self, termcolor::Buffer, Config};

fn severity(s: Severity) -> CsSeverity {
    match s {
        Severity::Error => CsSeverity::Error,
        Severity::Warning => CsSeverity::Warning,
        Severity::Info => CsSeverity::Note,
    }
}

/// The codespan form of one diagnostic, its text made visible and long messages cut (see
/// [`visible`]).
pub(crate) fn to_codespan(d: &Diagnostic) -> CsDiagnostic<()> {
    to_codespan_in(d, &|r| r)
}

/// The codespan form of one diagnostic, its spans moved into the shown text by `place`.
fn to_codespan_in(
    d: &Diagnostic,
    place: &dyn Fn(std::ops::Range<usize>) -> std::ops::Range<usize>,
) -> CsDiagnostic<()> {
    let show = |s: &str| visible::clipped_text(s).into_owned();
    let mut labels =
        vec![CsLabel::primary((), place(d.primary.span.range()))
            .with_message(show(&d.primary.message))];
    labels.extend(
        d.secondary
            .iter()
            .map(|l| CsLabel::secondary((), place(l.span.range())).with_message(show(&l.message))),
    );
    let mut notes: Vec<String> = d.notes.iter().map(|n| show(n)).collect();
    if let Some(help) = &d.help {
        notes.push(format!("help: {}", show(help)));
    }
    CsDiagnostic::new(severity(d.severity))
        .with_code(d.code)
        .with_message(show(&d.message))
        .with_labels(labels)
        .with_notes(notes)
}

/// A source shown through a [`View`]: the snippet shows the view's text, the header gives the
/// line and column in the source.
struct Viewed<'a> {
    name: &'a str,
    source: &'a SourceFile,
    view: View,
    line_starts: Vec<usize>,
}

impl<'a> Files<'a> for Viewed<'a> {
    type FileId = ();
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, _: ()) -> Result<&'a str, files::Error> {
        Ok(self.name)
    }

    fn source(&'a self, _: ()) -> Result<&'a str, files::Error> {
        Ok(&self.view.text)
    }

    fn line_index(&'a self, _: (), byte_index: usize) -> Result<usize, files::Error> {
        Ok(self
            .line_starts
            .partition_point(|&s| s <= byte_index)
            .saturating_sub(1))
    }

    fn column_number(&'a self, _: (), _: usize, byte_index: usize) -> Result<usize, files::Error> {
        let at = self.view.original(byte_index);
        Ok(self.source.line_col(at.min(self.source.text.len())).column)
    }

    fn line_range(
        &'a self,
        _: (),
        line_index: usize,
    ) -> Result<std::ops::Range<usize>, files::Error> {
        let start = *self
            .line_starts
            .get(line_index)
            .ok_or(files::Error::LineTooLarge {
                given: line_index,
                max: self.line_starts.len().saturating_sub(1),
            })?;
        let end = self
            .line_starts
            .get(line_index + 1)
            .copied()
            .unwrap_or(self.view.text.len());
        Ok(start..end)
    }
}

/// Render one file's diagnostics; `color` selects ANSI escapes. Control characters of the
/// source and the messages are shown as escapes, and long lines cut around the labelled spans.
pub fn render_file(report: &FileReport, color: bool) -> String {
    let name = visible::line(&report.file.name);
    let file = SimpleFile::new(name.as_ref(), report.file.text.as_str());
    let viewed = View::needed(&report.file.text);
    let config = Config::default();
    let mut buffer = if color {
        Buffer::ansi()
    } else {
        Buffer::no_color()
    };
    for d in &report.diagnostics {
        let emitted = if viewed {
            let keep: Vec<std::ops::Range<usize>> = std::iter::once(&d.primary)
                .chain(&d.secondary)
                .map(|l| l.span.range())
                .collect();
            let view = View::new(&report.file.text, &keep);
            let mut line_starts = vec![0];
            line_starts.extend(view.text.match_indices('\n').map(|(i, _)| i + 1));
            let shown = Viewed {
                name: name.as_ref(),
                source: &report.file,
                view,
                line_starts,
            };
            let place =
                |r: std::ops::Range<usize>| shown.view.shown(r.start)..shown.view.shown(r.end);
            let cs = to_codespan_in(d, &place);
            term::emit_to_write_style(&mut buffer, &config, &shown, &cs)
        } else {
            term::emit_to_write_style(&mut buffer, &config, &file, &to_codespan(d))
        };
        if emitted.is_err() {
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
