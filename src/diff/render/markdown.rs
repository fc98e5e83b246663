//! The report as Markdown for a pull-request comment. Agreement text is escaped so that it can
//! neither inject HTML nor change the layout; prose edits use `<del>` and `<ins>`.

use super::{article_lines, coverage_lines, draft_name, sections, summary, Mark};
use crate::diff::prose::Op;
use crate::diff::{ChangeKind, Report};
use std::fmt::Write;

/// Escape text for Markdown: HTML specials as entities, Markdown punctuation with backslashes.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '#' | '~' => {
                out.push('\\');
                out.push(ch);
            }
            _ => out.push(ch),
        }
    }
    out
}

fn mark(kind: ChangeKind) -> &'static str {
    match kind {
        ChangeKind::Added => "➕",
        ChangeKind::Removed => "➖",
        _ => "✏️",
    }
}

/// The report; control characters of the agreements are shown as escapes.
pub fn render(report: &Report) -> String {
    crate::diag::visible::text(&render_raw(report)).into_owned()
}

fn render_raw(report: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "## Diff: {} → {}\n",
        escape(&draft_name(&report.old)),
        escape(&draft_name(&report.new))
    );
    if let Some(t) = &report.new.title {
        let _ = writeln!(out, "*{}*\n", escape(t));
    }
    if let Some(w) = &report.unrelated {
        let _ = writeln!(out, "> **Warning:** {}\n", escape(w));
    }
    let _ = writeln!(out, "{}", escape(&summary(report)));
    if !report.articles.is_empty() {
        let _ = writeln!(out, "\n### Articles\n");
        for (mark, line) in article_lines(report) {
            let m = match mark {
                Mark::Added => "➕",
                Mark::Removed => "➖",
                Mark::Changed => "🔀",
            };
            let _ = writeln!(out, "- {m} {}", escape(&line));
        }
    }
    for section in sections(report) {
        let _ = writeln!(out, "\n### {}\n", escape(section.group.title()));
        for (party, changes) in &section.parties {
            let indent = match party {
                Some(p) => {
                    let _ = writeln!(out, "- **{}**", escape(p));
                    "  "
                }
                None => "",
            };
            for c in changes {
                let mut line = escape(&c.line());
                if let Some(d) = &c.detail {
                    line.push_str(&format!(" — {}", escape(d)));
                }
                let _ = writeln!(out, "{indent}- {} {line}", mark(c.kind));
            }
        }
    }
    if !report.prose.is_empty() {
        let _ = writeln!(out, "\n### Prose\n");
        for p in &report.prose {
            let _ = writeln!(out, "**{}**\n", escape(&p.heading()));
            let mut body = String::new();
            for s in &p.segments {
                match s.op {
                    Op::Equal => body.push_str(&escape(&s.text)),
                    Op::Delete => body.push_str(&format!("<del>{}</del>", escape(&s.text))),
                    Op::Insert => body.push_str(&format!("<ins>{}</ins>", escape(&s.text))),
                }
            }
            for line in body.lines() {
                let _ = writeln!(out, "> {line}");
            }
            out.push('\n');
        }
    }
    let impact = &report.impact;
    if !impact.is_empty() {
        let _ = writeln!(out, "\n### Impact on conformity\n");
        if !impact.introduced.is_empty() {
            let _ = writeln!(out, "Introduced by the new draft:\n");
            for f in &impact.introduced {
                let _ = writeln!(out, "- 🔴 {}", escape(&f.line()));
            }
            out.push('\n');
        }
        if !impact.resolved.is_empty() {
            let _ = writeln!(out, "Resolved by the new draft:\n");
            for f in &impact.resolved {
                let _ = writeln!(out, "- 🟢 {}", escape(&f.line()));
            }
            out.push('\n');
        }
        let cov = coverage_lines(&impact.coverage);
        if !cov.is_empty() {
            let _ = writeln!(out, "Coverage:\n");
            for c in cov {
                let _ = writeln!(out, "- {}", escape(&c.line()));
            }
        }
    }
    out
}
