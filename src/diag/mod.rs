//! Diagnostics as data. Checks produce [`Diagnostic`]s; the renderers in [`render`] turn them into
//! terminal output, JSON, SARIF, GitHub annotations or JUnit.

pub(crate) mod companions;
pub mod render;
pub mod visible;

use crate::span::Span;
use serde::{Deserialize, Serialize};

/// How serious a finding is. Ordered: `Info < Warning < Error`.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "info" => Some(Severity::Info),
            "warning" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }
}

/// A label on a span with a short role ("first declared here").
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Label {
    pub span: Span,
    pub message: String,
}

/// One replacement of the text of the file a finding is in.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Edit {
    pub span: Span,
    /// The text that replaces the span (empty to delete it).
    pub replacement: String,
}

/// A fix a finding carries: a title and the edits that make it (a did-you-mean replacement,
/// a stale suppression removed). Editors offer it as a code action; `pacta check --fix` applies it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Fix {
    pub title: String,
    pub edits: Vec<Edit>,
}

/// One finding: a code from the catalogue, a message, a primary label, secondary labels, notes and
/// one help line.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Diagnostic {
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    pub primary: Label,
    pub secondary: Vec<Label>,
    pub notes: Vec<String>,
    pub help: Option<String>,
    /// Fixes as data, for editors and `pacta check --fix`.
    pub fixes: Vec<Fix>,
    /// The Parties and branches the finding concerns, when the check knows them. They decide
    /// whether the Parties are bound by the principle the finding is about (`ratified:`).
    pub concerns: Concerns,
}

/// The Parties and branches a finding concerns; empty lists mean every Party, no branch in
/// particular.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Concerns {
    pub parties: Vec<String>,
    pub branches: Vec<crate::model::Branch>,
}

impl Concerns {
    /// The branch keys (`old-age`), for the machine-readable outputs.
    pub fn branch_keys(&self) -> Vec<String> {
        self.branches.iter().map(|b| b.key().to_string()).collect()
    }
}

impl Diagnostic {
    pub fn new(
        code: &'static str,
        severity: Severity,
        message: impl Into<String>,
        span: Span,
    ) -> Self {
        Diagnostic {
            code,
            severity,
            message: message.into(),
            primary: Label {
                span,
                message: String::new(),
            },
            secondary: Vec::new(),
            notes: Vec::new(),
            help: None,
            fixes: Vec::new(),
            concerns: Concerns::default(),
        }
    }

    /// Say which Parties and branches the finding concerns.
    pub(crate) fn concerning<S: Into<String>>(
        mut self,
        parties: impl IntoIterator<Item = S>,
        branches: impl IntoIterator<Item = crate::model::Branch>,
    ) -> Self {
        self.concerns
            .parties
            .extend(parties.into_iter().map(Into::into));
        self.concerns.branches.extend(branches);
        self
    }

    /// The role of the primary span, in two to six words.
    pub fn label(mut self, message: impl Into<String>) -> Self {
        self.primary.message = message.into();
        self
    }

    pub fn secondary(mut self, span: Span, message: impl Into<String>) -> Self {
        self.secondary.push(Label {
            span,
            message: message.into(),
        });
        self
    }

    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    /// The help line. A "did you mean `X`?" help also becomes a fix that writes `X` in place of
    /// the primary span, so every suggestion is one click away in an editor.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        let help = help.into();
        if let Some(suggestion) = help
            .strip_prefix("did you mean ")
            .and_then(|s| s.strip_suffix('?'))
            .map(|s| s.trim_matches('`'))
            .filter(|s| !s.is_empty() && !s.contains(' '))
        {
            let span = self.primary.span;
            if span.end > span.start {
                self = self.fix(format!("Replace with `{suggestion}`"), span, suggestion);
            }
        }
        self.help = Some(help);
        self
    }

    /// Add a fix of one edit.
    pub fn fix(
        mut self,
        title: impl Into<String>,
        span: Span,
        replacement: impl Into<String>,
    ) -> Self {
        self.fixes.push(Fix {
            title: title.into(),
            edits: vec![Edit {
                span,
                replacement: replacement.into(),
            }],
        });
        self
    }

    /// The key that orders findings in every output: position, then code, then message.
    pub(crate) fn sort_key(&self) -> (usize, usize, &'static str, &str) {
        (
            self.primary.span.start,
            self.primary.span.end,
            self.code,
            &self.message,
        )
    }
}

/// Sort findings into their canonical order and drop exact duplicates.
pub fn sort(diags: &mut Vec<Diagnostic>) {
    diags.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    diags.dedup();
}
