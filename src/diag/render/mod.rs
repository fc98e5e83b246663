//! Renderers: each turns a set of checked files into one output format.

pub mod github;
pub mod human;
pub mod json;
#[cfg(feature = "junit")]
pub mod junit;
pub mod sarif;
pub mod short;

use super::{Diagnostic, Severity};
use crate::span::{SourceFile, Span};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The findings of one checked file, ready to render.
#[derive(Clone, Debug)]
pub struct FileReport {
    pub file: SourceFile,
    pub diagnostics: Vec<Diagnostic>,
}

/// A position range with 1-based lines and columns.
#[derive(
    Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
pub struct Location {
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

impl Location {
    pub fn of(file: &SourceFile, span: Span) -> Location {
        let a = file.line_col(span.start);
        let b = file.line_col(span.end);
        Location {
            line: a.line,
            column: a.column,
            end_line: b.line,
            end_column: b.column,
        }
    }
}

/// A secondary label in machine-readable output.
#[derive(
    Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
pub struct RelatedLabel {
    pub location: Location,
    pub message: String,
}

/// A finding in machine-readable form (JSON output, rule sets, baselines).
#[derive(
    Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
pub struct Finding {
    pub file: String,
    pub code: String,
    pub name: String,
    pub severity: Severity,
    pub message: String,
    pub location: Location,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<RelatedLabel>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// Fixes as data: each edit replaces a range (byte offsets and lines/columns) with a text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fixes: Vec<FindingFix>,
    /// The Parties the finding concerns, when the check knows them (none: every Party).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parties: Vec<String>,
    /// The branches the finding concerns, by key, when the check knows them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub branches: Vec<String>,
}

/// A fix of a finding, as JSON shows it.
#[derive(
    Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
pub struct FindingFix {
    pub title: String,
    pub edits: Vec<FindingEdit>,
}

/// One edit of a fix.
#[derive(
    Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
pub struct FindingEdit {
    pub location: Location,
    /// Byte offsets of the replaced range.
    pub start: usize,
    pub end: usize,
    pub replacement: String,
}

impl FindingFix {
    pub fn of(file: &SourceFile, fix: &super::Fix) -> FindingFix {
        FindingFix {
            title: fix.title.clone(),
            edits: fix
                .edits
                .iter()
                .map(|e| FindingEdit {
                    location: Location::of(file, e.span),
                    start: e.span.start,
                    end: e.span.end,
                    replacement: e.replacement.clone(),
                })
                .collect(),
        }
    }
}

impl Finding {
    pub fn from_diagnostic(file: &SourceFile, d: &Diagnostic) -> Finding {
        Finding {
            file: file.name.clone(),
            code: d.code.to_string(),
            name: crate::check::registry::name_of(d.code).to_string(),
            severity: d.severity,
            message: d.message.clone(),
            location: Location::of(file, d.primary.span),
            label: d.primary.message.clone(),
            related: d
                .secondary
                .iter()
                .map(|l| RelatedLabel {
                    location: Location::of(file, l.span),
                    message: l.message.clone(),
                })
                .collect(),
            notes: d.notes.clone(),
            help: d.help.clone(),
            fixes: d.fixes.iter().map(|f| FindingFix::of(file, f)).collect(),
            parties: d.concerns.parties.clone(),
            branches: d.concerns.branch_keys(),
        }
    }
}

/// Every finding of every report, in canonical order.
pub fn findings(reports: &[FileReport]) -> Vec<Finding> {
    reports
        .iter()
        .flat_map(|r| {
            r.diagnostics
                .iter()
                .map(move |d| Finding::from_diagnostic(&r.file, d))
        })
        .collect()
}

/// Counts of findings by severity.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Summary {
    pub fn of(reports: &[FileReport]) -> Summary {
        let mut s = Summary::default();
        for d in reports.iter().flat_map(|r| &r.diagnostics) {
            match d.severity {
                Severity::Error => s.errors += 1,
                Severity::Warning => s.warnings += 1,
                Severity::Info => s.infos += 1,
            }
        }
        s
    }

    pub fn line(&self, files: usize) -> String {
        fn plural(n: usize, one: &str, many: &str) -> String {
            format!("{n} {}", if n == 1 { one } else { many })
        }
        format!(
            "{}, {}, {} in {}",
            plural(self.errors, "error", "errors"),
            plural(self.warnings, "warning", "warnings"),
            plural(self.infos, "info", "infos"),
            plural(files, "file", "files")
        )
    }
}
