//! The report for a terminal: headings, one line per change, `[-deleted-]{+inserted+}` prose,
//! optionally coloured with ANSI escapes.

use super::{article_lines, coverage_lines, draft_name, sections, summary, Mark};
use crate::diag::visible;
use crate::diff::prose::Op;
use crate::diff::{ChangeKind, Report};
use std::fmt::Write;

struct Style {
    color: bool,
}

/// Colour is written as markers while rendering (private-use characters around the SGR code),
/// turned into escapes only after the agreement's own control characters have been made
/// visible: so none of them reaches the terminal, and no text of the agreement can forge a
/// colour.
const OPEN: char = '\u{e000}';
const CLOSE: char = '\u{e001}';

impl Style {
    fn paint(&self, code: &str, s: &str) -> String {
        if self.color {
            format!("{OPEN}{code}{CLOSE}{s}{OPEN}0{CLOSE}")
        } else {
            s.to_string()
        }
    }
    fn heading(&self, s: &str) -> String {
        self.paint("1", s)
    }
    fn added(&self, s: &str) -> String {
        self.paint("32", s)
    }
    fn removed(&self, s: &str) -> String {
        self.paint("31", s)
    }
    fn changed(&self, s: &str) -> String {
        self.paint("33", s)
    }
}

/// `+`, `-` or `~` for a change.
fn mark(kind: ChangeKind) -> char {
    match kind {
        ChangeKind::Added => '+',
        ChangeKind::Removed => '-',
        _ => '~',
    }
}

/// The report for a terminal; control characters of the agreements are shown as escapes.
pub fn render(report: &Report, color: bool) -> String {
    let plain = visible::text(&render_with(report, Style { color: false })).into_owned();
    // An agreement that holds the markers itself is rendered without colour.
    if !color || plain.contains([OPEN, CLOSE]) {
        return plain;
    }
    let marked = render_with(report, Style { color: true });
    let shown = visible::text(&marked);
    let mut out = String::with_capacity(shown.len() + 64);
    for (i, part) in shown.split(OPEN).enumerate() {
        match part.split_once(CLOSE) {
            Some((code, text)) if i > 0 => {
                out.push_str(&format!("\x1b[{code}m"));
                out.push_str(text);
            }
            _ => out.push_str(part),
        }
    }
    out
}

fn render_with(report: &Report, st: Style) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        st.heading(&format!(
            "pacta diff: {} → {}",
            draft_name(&report.old),
            draft_name(&report.new)
        ))
    );
    if let Some(t) = &report.new.title {
        let _ = writeln!(out, "{t}");
    }
    if let Some(w) = &report.unrelated {
        let _ = writeln!(out, "{}", st.removed(&format!("warning: {w}")));
    }
    if !report.articles.is_empty() {
        let _ = writeln!(out, "\n{}", st.heading("Articles"));
        for (mark, line) in article_lines(report) {
            let line = match mark {
                Mark::Added => st.added(&format!("+ {line}")),
                Mark::Removed => st.removed(&format!("- {line}")),
                Mark::Changed => st.changed(&format!("~ {line}")),
            };
            let _ = writeln!(out, "  {line}");
        }
    }
    for section in sections(report) {
        let _ = writeln!(out, "\n{}", st.heading(section.group.title()));
        for (party, changes) in &section.parties {
            let indent = match party {
                Some(p) => {
                    let _ = writeln!(out, "  {p}");
                    "    "
                }
                None => "  ",
            };
            for c in changes {
                let mut line = format!("{} {}", mark(c.kind), c.line());
                if let Some(d) = &c.detail {
                    line.push_str(&format!(" — {d}"));
                }
                let line = match c.kind {
                    ChangeKind::Added => st.added(&line),
                    ChangeKind::Removed => st.removed(&line),
                    _ => st.changed(&line),
                };
                let _ = writeln!(out, "{indent}{line}");
            }
        }
    }
    if !report.prose.is_empty() {
        let _ = writeln!(out, "\n{}", st.heading("Prose"));
        for p in &report.prose {
            let _ = writeln!(out, "  {}", p.heading());
            let mut body = String::new();
            for s in &p.segments {
                match s.op {
                    Op::Equal => body.push_str(&s.text),
                    Op::Delete => body.push_str(&st.removed(&format!("[-{}-]", s.text))),
                    Op::Insert => body.push_str(&st.added(&format!("{{+{}+}}", s.text))),
                }
            }
            for line in body.lines() {
                let _ = writeln!(out, "    {line}");
            }
        }
    }
    let impact = &report.impact;
    if !impact.is_empty() {
        let _ = writeln!(out, "\n{}", st.heading("Impact on conformity"));
        if !impact.introduced.is_empty() {
            let _ = writeln!(out, "  introduced by the new draft");
            for f in &impact.introduced {
                let _ = writeln!(out, "    {}", st.removed(&format!("+ {}", f.line())));
            }
        }
        if !impact.resolved.is_empty() {
            let _ = writeln!(out, "  resolved by the new draft");
            for f in &impact.resolved {
                let _ = writeln!(out, "    {}", st.added(&format!("- {}", f.line())));
            }
        }
        let cov = coverage_lines(&impact.coverage);
        if !cov.is_empty() {
            let _ = writeln!(out, "  coverage");
            for c in cov {
                let line = c.line();
                let line = if c.lost.is_empty() {
                    st.added(&line)
                } else if c.gained.is_empty() {
                    st.removed(&line)
                } else {
                    st.changed(&line)
                };
                let _ = writeln!(out, "    {line}");
            }
        }
    }
    let _ = writeln!(out, "\n{}", summary(report));
    out
}
