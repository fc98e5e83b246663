//! GitHub Actions workflow commands: one `::error`, `::warning` or `::notice` line per finding,
//! which GitHub shows as an annotation on the pull request's diff.
//!
//! Format: `::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=CODE name::message` — the
//! title carries the check's code and name, so the annotation says what kind of finding it is.
//! The file is taken as given (the command line passes paths relative to the repository root).

use super::{FileReport, Location};
use crate::diag::{Diagnostic, Severity};
use crate::span::SourceFile;

/// The workflow command for a severity.
fn command(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

/// Escape the message part of a workflow command. Other control characters are shown as
/// escapes: the Actions log would otherwise interpret them.
pub(crate) fn escape_data(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in crate::diag::visible::text(s).chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c => out.push(c),
        }
    }
    out
}

/// Escape a property value (`file=…`, `title=…`): as data, plus `:` and `,`.
pub(crate) fn escape_property(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in escape_data(s).chars() {
        match c {
            ':' => out.push_str("%3A"),
            ',' => out.push_str("%2C"),
            c => out.push(c),
        }
    }
    out
}

/// The annotation for one finding. The message carries the notes and the help on further lines,
/// each cut in the middle when long (see [`crate::diag::visible::LONG_MESSAGE`]).
pub fn line(file: &SourceFile, d: &Diagnostic) -> String {
    use crate::diag::visible::clipped_text;
    let at = Location::of(file, d.primary.span);
    let mut message = clipped_text(&d.message).into_owned();
    for note in &d.notes {
        message.push('\n');
        message.push_str(&clipped_text(note));
    }
    if let Some(help) = &d.help {
        message.push_str("\nhelp: ");
        message.push_str(&clipped_text(help));
    }
    format!(
        "::{} file={},line={},col={},endLine={},endColumn={},title={}::{}",
        command(d.severity),
        escape_property(&file.name),
        at.line,
        at.column,
        at.end_line,
        at.end_column,
        escape_property(&format!(
            "{} {}",
            d.code,
            crate::check::registry::name_of(d.code)
        )),
        escape_data(&message)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    #[test]
    fn escapes_data_and_properties() {
        assert_eq!(escape_data("50% a\r\nb"), "50%25 a%0D%0Ab");
        assert_eq!(escape_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
    }

    #[test]
    fn one_line_per_finding_with_escaped_fields() {
        let file = SourceFile::new("dir,x/a:b.pacta", "first\nsecond line\n");
        let d = Diagnostic::new(
            "P008",
            Severity::Info,
            "100% out, of order",
            Span::new(6, 12),
        )
        .note("source: R167")
        .help("number it 2");
        assert_eq!(
            line(&file, &d),
            "::notice file=dir%2Cx/a%3Ab.pacta,line=2,col=1,endLine=2,endColumn=7,\
             title=P008 article-order::100%25 out, of order%0Asource: R167%0Ahelp: number it 2"
        );
    }
}
