//! Renderers of the diff report: `text` (terminal), `markdown` (pull-request comment), `json`
//! (its own schema) and `html` (a self-contained redline). All share the wording of
//! [`super::Change::line`] and the helpers below.

pub mod html;
pub mod json;
pub mod markdown;
pub mod text;

use super::impact::{Aspect, CoverageChange};
use super::{ArticleChange, ArticleChangeKind, Change, Group, Report};
use crate::model::Branch;

/// The coverage changes of one Party and branch: the aspects it gained and lost.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct CoverageLine {
    pub party: String,
    pub branch: Branch,
    pub gained: Vec<Aspect>,
    pub lost: Vec<Aspect>,
}

impl CoverageLine {
    /// `XB, unemployment benefit: now covered for material scope, aggregation of periods`
    pub(crate) fn line(&self) -> String {
        let list = |a: &[Aspect]| a.iter().map(|x| x.title()).collect::<Vec<_>>().join(", ");
        let mut parts = Vec::new();
        if !self.gained.is_empty() {
            parts.push(format!("now covered for {}", list(&self.gained)));
        }
        if !self.lost.is_empty() {
            parts.push(format!("no longer covered for {}", list(&self.lost)));
        }
        format!(
            "{}, {}: {}",
            self.party,
            self.branch.title(),
            parts.join("; ")
        )
    }
}

/// Coverage changes gathered by Party and branch.
pub(crate) fn coverage_lines(changes: &[CoverageChange]) -> Vec<CoverageLine> {
    let mut out: Vec<CoverageLine> = Vec::new();
    for c in changes {
        let line = match out.last_mut() {
            Some(l) if l.party == c.party && l.branch == c.branch => l,
            _ => {
                out.push(CoverageLine {
                    party: c.party.clone(),
                    branch: c.branch,
                    gained: Vec::new(),
                    lost: Vec::new(),
                });
                match out.last_mut() {
                    Some(l) => l,
                    None => continue,
                }
            }
        };
        if c.new {
            line.gained.push(c.aspect);
        } else {
            line.lost.push(c.aspect);
        }
    }
    out
}

/// The changes of one group, split by Party (changes that concern no Party first).
pub(crate) struct Section<'a> {
    pub group: Group,
    pub parties: Vec<(Option<&'a str>, Vec<&'a Change>)>,
}

/// The changes as sections, in group order.
pub(crate) fn sections(report: &Report) -> Vec<Section<'_>> {
    let mut out: Vec<Section<'_>> = Vec::new();
    for c in &report.changes {
        if out.last().map(|s| s.group) != Some(c.group) {
            out.push(Section {
                group: c.group,
                parties: Vec::new(),
            });
        }
        let Some(section) = out.last_mut() else {
            continue;
        };
        let party = c.party.as_deref();
        match section.parties.last_mut() {
            Some((p, list)) if *p == party => list.push(c),
            _ => section.parties.push((party, vec![c])),
        }
    }
    out
}

/// "draft 1 of 2026-03-01" or the file name.
pub(crate) fn draft_name(d: &super::DraftSummary) -> String {
    match (&d.draft, &d.date) {
        (Some(n), Some(date)) => format!("{} (draft {n}, {date})", d.file),
        (Some(n), None) => format!("{} (draft {n})", d.file),
        (None, Some(date)) => format!("{} ({date})", d.file),
        (None, None) => d.file.clone(),
    }
}

/// "3 errors, 1 warning"
pub fn counts(d: &super::DraftSummary) -> String {
    let n = |k: usize, one: &str, many: &str| format!("{k} {}", if k == 1 { one } else { many });
    format!(
        "{}, {}, {}",
        n(d.errors, "error", "errors"),
        n(d.warnings, "warning", "warnings"),
        n(d.infos, "info", "infos")
    )
}

/// The one-line summary at the end of every human-readable format.
pub fn summary(report: &Report) -> String {
    if report.is_empty() {
        return "no changes: the drafts say the same thing".to_string();
    }
    let n = |k: usize, one: &str, many: &str| format!("{k} {}", if k == 1 { one } else { many });
    let budget = report
        .budget
        .as_ref()
        .map_or(String::new(), |b| format!("; {}", b.line()));
    format!(
        "{}, {}, {}; {} introduced, {} resolved; findings {} → {}{budget}",
        n(report.articles.len(), "article change", "article changes"),
        n(report.changes.len(), "change", "changes"),
        n(report.prose.len(), "prose edit", "prose edits"),
        n(report.impact.introduced.len(), "finding", "findings"),
        report.impact.resolved.len(),
        counts(&report.old),
        counts(&report.new)
    )
}

/// How an article line is marked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mark {
    Added,
    Removed,
    Changed,
}

/// The shortest run of renumbered articles read as one line.
const RUN: usize = 3;

/// Whether an article change is only a plain renumbering, and by how much.
fn shift(a: &ArticleChange) -> Option<(u32, i64)> {
    match (&a.old, &a.new) {
        (Some(o), Some(n))
            if a.kinds == [ArticleChangeKind::Renumbered]
                && o.label.is_none()
                && n.label.is_none() =>
        {
            Some((o.number, i64::from(n.number) - i64::from(o.number)))
        }
        _ => None,
    }
}

/// The article changes as lines. Three or more consecutive articles renumbered by the same
/// offset, and changed in nothing else, read as one line: `Art. 3–16 renumbered +1 (now Art. 4–17)`.
pub(crate) fn article_lines(report: &Report) -> Vec<(Mark, String)> {
    let mut out = Vec::new();
    let articles = &report.articles;
    let mut i = 0;
    while i < articles.len() {
        let mut end = i + 1;
        if let Some((first, delta)) = shift(&articles[i]) {
            while end < articles.len()
                && shift(&articles[end]) == Some((first + (end - i) as u32, delta))
            {
                end += 1;
            }
            if end - i >= RUN {
                let last = first + (end - i - 1) as u32;
                let to = |n: u32| i64::from(n) + delta;
                out.push((
                    Mark::Changed,
                    format!(
                        "Art. {first}–{last} renumbered {delta:+} (now Art. {}–{})",
                        to(first),
                        to(last)
                    ),
                ));
                i = end;
                continue;
            }
        }
        let a = &articles[i];
        let mark = match a.kinds.first() {
            Some(ArticleChangeKind::Added) => Mark::Added,
            Some(ArticleChangeKind::Removed) => Mark::Removed,
            _ => Mark::Changed,
        };
        out.push((mark, a.line()));
        i += 1;
    }
    out
}
