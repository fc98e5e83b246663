//! The report as one self-contained HTML page: a redline a negotiator can open and print.
//! Inline CSS, no scripts, no external resources; every piece of agreement text is escaped.

use super::{article_lines, coverage_lines, draft_name, sections, summary, Mark};
use crate::diff::prose::Op;
use crate::diff::{Change, ChangeKind, Report};
use std::fmt::Write;

pub use crate::render::style::escape;

/// The redline's own marks, on top of the sheet it shares with `pacta render`
/// ([`crate::render::style::BASE`]).
const STYLE: &str = "
h2 { border-bottom: 1px solid var(--rule); padding-bottom: 0.2em; }
h3 { text-align: left; font-weight: bold; }
.prose { white-space: pre-wrap; border-left: 3px solid #ccc; padding-left: 0.8em; }
.words { margin: 0.3em 0 0.5em; }
.words .label { display: block; }
/* A finding the new draft introduces is one more (+), in the colour of a defect; one it
   resolves is one fewer (−), in the colour of progress. */
li.introduced::marker { content: '+ '; color: var(--error); }
li.resolved::marker { content: '− '; color: #1a7f37; }
p.warning { color: var(--error); font-weight: bold; }
@media print {
  @page { size: A4; margin: 20mm; @bottom-center { content: counter(page) ' / ' counter(pages); font: 8pt Georgia, serif; color: #555; } }
  li, .prose { break-inside: avoid; }
}
";

/// A rule or provision in words, as `pacta render` prints it: the old reading struck through,
/// the new one underlined.
fn words_html(w: &crate::diff::Words) -> String {
    let mut out = String::from("<div class=\"words\"><span class=\"label\">In words</span>");
    if let Some(o) = &w.old {
        let _ = write!(out, "<del>{}</del>", escape(o));
    }
    if w.old.is_some() && w.new.is_some() {
        out.push_str("<br>");
    }
    if let Some(n) = &w.new {
        let _ = write!(out, "<ins>{}</ins>", escape(n));
    }
    out.push_str("</div>");
    out
}

fn class(kind: ChangeKind) -> &'static str {
    match kind {
        ChangeKind::Added => "added",
        ChangeKind::Removed => "removed",
        _ => "changed",
    }
}

/// One change, with the old value struck through and the new one underlined.
fn change_html(c: &Change) -> String {
    let at = c
        .at()
        .map(|a| format!(" ({})", escape(&a)))
        .unwrap_or_default();
    let s = escape(&c.subject);
    let mut html = match (c.kind, &c.old_value, &c.new_value) {
        (ChangeKind::Changed, Some(o), Some(n)) => format!(
            "{s}{at}: <del>{}</del> → <ins>{}</ins>",
            escape(o),
            escape(n)
        ),
        (ChangeKind::Added, _, Some(v)) => format!("{s}: <ins>{}</ins> added{at}", escape(v)),
        (ChangeKind::Removed, Some(v), _) => format!("{s}: <del>{}</del> removed{at}", escape(v)),
        _ => escape(&c.line()),
    };
    if let Some(d) = &c.detail {
        let d = match c.kind {
            ChangeKind::Added => format!("<ins>{}</ins>", escape(d)),
            ChangeKind::Removed => format!("<del>{}</del>", escape(d)),
            _ => escape(d),
        };
        let _ = write!(html, " <span class=\"detail\">— {d}</span>");
    }
    if let Some(w) = &c.words {
        html.push_str(&words_html(w));
    }
    html
}

/// The report; control characters of the agreements are shown as escapes.
pub fn render(report: &Report) -> String {
    crate::diag::visible::text(&render_raw(report)).into_owned()
}

fn render_raw(report: &Report) -> String {
    let mut out = String::new();
    let title = format!(
        "Diff: {} → {}",
        draft_name(&report.old),
        draft_name(&report.new)
    );
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    // As in `pacta render`: no script may run and nothing may be fetched.
    out.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n");
    let _ = writeln!(out, "<title>{}</title>", escape(&title));
    let _ = writeln!(
        out,
        "<style>{}{STYLE}</style>\n</head>\n<body>",
        crate::render::style::BASE
    );
    out.push_str("<header>\n");
    match &report.new.title {
        Some(t) => {
            let _ = writeln!(out, "<h1>{}</h1>", escape(t));
        }
        None => {
            let _ = writeln!(out, "<h1>Diff between drafts</h1>");
        }
    }
    // The findings before and after are in the summary line below, once.
    let _ = writeln!(
        out,
        "<p class=\"drafts\">{} → {}</p>",
        escape(&draft_name(&report.old)),
        escape(&draft_name(&report.new)),
    );
    if let Some(w) = &report.unrelated {
        let _ = writeln!(out, "<p class=\"warning\">Warning: {}</p>", escape(w));
    }
    let _ = writeln!(out, "<p class=\"summary\">{}</p>", escape(&summary(report)));
    out.push_str("</header>\n");
    if !report.articles.is_empty() {
        out.push_str("<section id=\"articles\">\n<h2>Articles</h2>\n<ul>\n");
        for (mark, line) in article_lines(report) {
            let c = match mark {
                Mark::Added => "added",
                Mark::Removed => "removed",
                Mark::Changed => "changed",
            };
            let _ = writeln!(out, "<li class=\"{c}\">{}</li>", escape(&line));
        }
        out.push_str("</ul>\n</section>\n");
    }
    for section in sections(report) {
        out.push_str("<section class=\"group\">\n");
        let _ = writeln!(out, "<h2>{}</h2>", escape(section.group.title()));
        for (party, changes) in &section.parties {
            if let Some(p) = party {
                let _ = writeln!(out, "<h3>{}</h3>", escape(p));
            }
            out.push_str("<ul>\n");
            for c in changes {
                let _ = writeln!(
                    out,
                    "<li class=\"{}\">{}</li>",
                    class(c.kind),
                    change_html(c)
                );
            }
            out.push_str("</ul>\n");
        }
        out.push_str("</section>\n");
    }
    if !report.prose.is_empty() {
        out.push_str("<section id=\"prose\">\n<h2>Prose</h2>\n");
        for p in &report.prose {
            let _ = writeln!(out, "<h3>{}</h3>", escape(&p.heading()));
            out.push_str("<div class=\"prose\">");
            for s in &p.segments {
                match s.op {
                    Op::Equal => out.push_str(&escape(&s.text)),
                    Op::Delete => {
                        let _ = write!(out, "<del>{}</del>", escape(&s.text));
                    }
                    Op::Insert => {
                        let _ = write!(out, "<ins>{}</ins>", escape(&s.text));
                    }
                }
            }
            out.push_str("</div>\n");
        }
        out.push_str("</section>\n");
    }
    let impact = &report.impact;
    if !impact.is_empty() {
        out.push_str("<section id=\"impact\">\n<h2>Impact on conformity</h2>\n");
        if !impact.introduced.is_empty() {
            out.push_str("<h3>Introduced by the new draft</h3>\n<ul>\n");
            for f in &impact.introduced {
                let _ = writeln!(out, "<li class=\"introduced\">{}</li>", escape(&f.line()));
            }
            out.push_str("</ul>\n");
        }
        if !impact.resolved.is_empty() {
            out.push_str("<h3>Resolved by the new draft</h3>\n<ul>\n");
            for f in &impact.resolved {
                let _ = writeln!(out, "<li class=\"resolved\">{}</li>", escape(&f.line()));
            }
            out.push_str("</ul>\n");
        }
        let cov = coverage_lines(&impact.coverage);
        if !cov.is_empty() {
            out.push_str("<h3>Coverage</h3>\n<ul>\n");
            for c in cov {
                let k = if c.lost.is_empty() {
                    "added"
                } else if c.gained.is_empty() {
                    "removed"
                } else {
                    "changed"
                };
                let _ = writeln!(out, "<li class=\"{k}\">{}</li>", escape(&c.line()));
            }
            out.push_str("</ul>\n");
        }
        out.push_str("</section>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}
