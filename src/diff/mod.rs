//! The semantic diff between two drafts of one agreement (`pacta diff OLD NEW`).
//!
//! Both drafts are parsed and checked; the diff compares the resolved models, not the text:
//! [`matching`] pairs articles, rules, provisions and scenarios across the drafts (by stable tag,
//! then number and title, then content), [`changes`] turns the pairs into structured changes in
//! the terms negotiators use, [`prose`] diffs the `text` blocks word by word, and [`impact`] says
//! which findings the new draft introduces or resolves and how the coverage changes. The
//! [`Report`] is a versioned output model (`pacta.diff/1`); [`render`] prints it as text,
//! Markdown, JSON or a self-contained HTML redline.

pub(crate) mod changes;
pub mod impact;
pub mod matching;
pub mod prose;
pub mod render;
mod unrelated;

use crate::diag::{Diagnostic, Severity};
use crate::model::{Agreement, Principle};
use crate::span::SourceFile;
use schemars::JsonSchema;
use serde::Serialize;

/// The identifier of the report format, written in every JSON report.
pub(crate) const SCHEMA_ID: &str = "pacta.diff/1";

/// One draft as the diff reads it: its source, resolved model and findings.
#[derive(Clone, Copy, Debug)]
pub struct Draft<'a> {
    pub file: &'a SourceFile,
    pub agreement: &'a Agreement,
    pub diagnostics: &'a [Diagnostic],
}

impl<'a> Draft<'a> {
    /// The draft of a checked file; `None` when the file did not parse.
    pub fn of(checked: &'a crate::Checked) -> Option<Draft<'a>> {
        Some(Draft {
            file: &checked.file,
            agreement: checked.agreement.as_ref()?,
            diagnostics: &checked.diagnostics,
        })
    }
}

/// The diff report between two drafts.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct Report {
    /// Always `pacta.diff/1`.
    pub schema: String,
    pub old: DraftSummary,
    pub new: DraftSummary,
    /// Articles added, removed, renumbered, retitled, retagged or moved.
    pub articles: Vec<ArticleChange>,
    /// Structured changes, grouped by principle (or topic) and by Party.
    pub changes: Vec<Change>,
    /// Word-level changes in the prose (`text` blocks) of each article.
    pub prose: Vec<ProseChange>,
    pub impact: impact::Impact,
    /// Present when the matching ran out of its work budget (P016): the report is complete
    /// but coarser — elements the similarity search did not reach are shown removed and added.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub budget: Option<BudgetExceeded>,
    /// Present when the two files do not look like drafts of one agreement (no Party in common,
    /// or another title and few articles recognisable): why, in one sentence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unrelated: Option<String>,
}

/// The matching of a diff ran out of its work budget.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct BudgetExceeded {
    /// Always `P016`.
    pub code: String,
    /// The budget, in counted steps (tokens compared, candidate pairs considered).
    pub steps: u64,
    pub message: String,
}

impl BudgetExceeded {
    /// The code of the finding: the diff's matching exceeded its budget.
    pub const CODE: &'static str = "P016";

    fn of(budget: &matching::Budget) -> Option<BudgetExceeded> {
        budget.exceeded.then(|| BudgetExceeded {
            code: Self::CODE.to_string(),
            steps: budget.limit,
            message: format!(
                "the drafts differ too much to be compared within {} steps: elements the \
                 similarity search did not reach are shown removed and added, and prose the word \
                 diff did not reach deleted and inserted whole",
                budget.limit
            ),
        })
    }

    /// `P016: …`, as the text renderers print it.
    pub fn line(&self) -> String {
        format!("{}: {}", self.code, self.message)
    }
}

impl Report {
    /// Whether the drafts say the same thing: no change of any kind and no change in findings.
    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
            && self.budget.is_none()
            && self.changes.is_empty()
            && self.prose.is_empty()
            && self.impact.is_empty()
    }

    /// Whether the new draft introduces a finding at or above this severity (`--fail-on`).
    pub fn introduces(&self, severity: Severity) -> bool {
        self.impact
            .introduced
            .iter()
            .any(|f| f.severity >= severity)
    }
}

/// What the report says about each draft.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct DraftSummary {
    /// The file name as given on the command line.
    pub file: String,
    pub title: Option<String>,
    /// The header's `draft:` field, when present.
    pub draft: Option<String>,
    /// The header's `date:` field, when present.
    pub date: Option<String>,
    pub articles: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl DraftSummary {
    fn of(d: &Draft<'_>) -> DraftSummary {
        let count = |s: Severity| d.diagnostics.iter().filter(|x| x.severity == s).count();
        let field = |name: &str| {
            d.agreement
                .header_fields
                .iter()
                .find(|f| f.name.value == name)
                .map(|f| changes::field_plain(d.file, f))
        };
        DraftSummary {
            file: d.file.name.clone(),
            title: d.agreement.title.as_ref().map(|t| t.value.clone()),
            draft: field("draft"),
            date: field("date"),
            articles: d.agreement.articles.len(),
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            infos: count(Severity::Info),
        }
    }
}

/// An article as it stands in one draft.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct ArticleRef {
    /// The article's number; for `5bis` it is 5, for `IV` it is 4 (see `label`).
    pub number: u32,
    /// The number as signed, when it is not plain Arabic digits: `5bis`, `5a`, `IV`, `1er`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    pub title: Option<String>,
    pub tag: Option<String>,
    /// The Part's Roman numeral.
    pub part: Option<String>,
    pub chapter: Option<u32>,
}

impl ArticleRef {
    fn of(a: &crate::model::ArticleInfo) -> ArticleRef {
        ArticleRef {
            number: a.number.value,
            label: a.number.label(),
            title: a.title.clone(),
            tag: a.tag.clone(),
            part: a.part.clone(),
            chapter: a.chapter,
        }
    }

    /// The number as signed: `7`, `5bis`, `IV`.
    pub fn shown(&self) -> String {
        self.label
            .clone()
            .unwrap_or_else(|| self.number.to_string())
    }

    /// `Art. 7 "Detached workers"`
    pub fn display(&self) -> String {
        match &self.title {
            Some(t) => format!("Art. {} \"{}\"", self.shown(), t),
            None => format!("Art. {}", self.shown()),
        }
    }

    /// `Part II, chapter 1`, or an empty string.
    pub(crate) fn division(&self) -> String {
        match (&self.part, self.chapter) {
            (Some(p), Some(c)) => format!("Part {p}, chapter {c}"),
            (Some(p), None) => format!("Part {p}"),
            (None, Some(c)) => format!("chapter {c}"),
            (None, None) => String::new(),
        }
    }
}

/// How an article was recognised in the other draft.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum MatchedBy {
    Tag,
    NumberAndTitle,
    Title,
    Content,
    Number,
}

/// What happened to an article.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ArticleChangeKind {
    Added,
    Removed,
    Renumbered,
    Retitled,
    Retagged,
    /// The article changed place relative to the others, or changed Part or chapter.
    Moved,
}

/// One article that was added, removed, or that stands differently in the new draft.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct ArticleChange {
    pub kinds: Vec<ArticleChangeKind>,
    pub old: Option<ArticleRef>,
    pub new: Option<ArticleRef>,
    pub matched_by: Option<MatchedBy>,
}

impl ArticleChange {
    /// One line: `Art. 7 "Detached workers" renumbered Art. 8`.
    pub fn line(&self) -> String {
        use ArticleChangeKind::*;
        match (&self.old, &self.new) {
            (None, Some(n)) => format!("{} added", n.display()),
            (Some(o), None) => format!("{} removed", o.display()),
            (Some(o), Some(n)) => {
                let mut parts = Vec::new();
                for k in &self.kinds {
                    parts.push(match k {
                        Renumbered => format!("renumbered Art. {}", n.shown()),
                        Retitled => match &n.title {
                            Some(t) => format!("retitled \"{t}\""),
                            None => "title removed".to_string(),
                        },
                        Retagged => match &n.tag {
                            Some(t) => format!("tagged #{t}"),
                            None => "tag removed".to_string(),
                        },
                        Moved => {
                            let d = n.division();
                            if d.is_empty() || d == o.division() {
                                "moved".to_string()
                            } else {
                                format!("moved to {d}")
                            }
                        }
                        Added | Removed => String::new(),
                    });
                }
                parts.retain(|p| !p.is_empty());
                format!("{} {}", o.display(), parts.join(", "))
            }
            (None, None) => String::new(),
        }
    }
}

/// The topic a change belongs to: one of the five principles, or a part of the agreement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Group {
    /// Title, draft, date, languages, claimed instruments, definitions.
    Agreement,
    /// The Parties, their names, competent authorities and schemes.
    Parties,
    /// Material and personal scope.
    Scope,
    EqualityOfTreatment,
    ApplicableLegislation,
    RightsInCourseOfAcquisition,
    AcquiredRights,
    AdministrativeAssistance,
    UnduePlurality,
    FinalProvisions,
    Scenarios,
    Other,
}

impl Group {
    pub fn title(self) -> &'static str {
        match self {
            Group::Agreement => "Agreement",
            Group::Parties => "Parties",
            Group::Scope => "Material and personal scope",
            Group::EqualityOfTreatment => "Equality of treatment",
            Group::ApplicableLegislation => "Applicable legislation",
            Group::RightsInCourseOfAcquisition => {
                "Rights in course of acquisition (aggregation of periods)"
            }
            Group::AcquiredRights => "Acquired rights and benefits abroad",
            Group::AdministrativeAssistance => "Administrative assistance and institutions",
            Group::UnduePlurality => "Undue plurality of benefits",
            Group::FinalProvisions => "Transitional and final provisions",
            Group::Scenarios => "Scenarios",
            Group::Other => "Other provisions",
        }
    }

    /// The ILO principle this group stands for, when it stands for one.
    pub fn principle(self) -> Option<Principle> {
        match self {
            Group::EqualityOfTreatment => Some(Principle::EqualityOfTreatment),
            Group::ApplicableLegislation => Some(Principle::ApplicableLegislation),
            Group::RightsInCourseOfAcquisition => Some(Principle::RightsInCourseOfAcquisition),
            Group::AcquiredRights => Some(Principle::AcquiredRights),
            Group::AdministrativeAssistance => Some(Principle::AdministrativeAssistance),
            _ => None,
        }
    }
}

/// What a change does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ChangeKind {
    Added,
    Removed,
    Changed,
    Renumbered,
    Moved,
}

/// One structured change: "Posting limit (Art. 7(1) → Art. 8(1)): 24 months → 36 months".
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct Change {
    pub group: Group,
    /// The principle of the group, when it is one.
    pub principle: Option<Principle>,
    /// The Party the change concerns, when it concerns one.
    pub party: Option<String>,
    pub kind: ChangeKind,
    /// What changed, in words: "Posting limit", "Material scope of XB", "Rule 8.5".
    pub subject: String,
    /// Where it stands in the old draft ("Art. 7(1)"), when it stands there.
    pub old_at: Option<String>,
    /// Where it stands in the new draft.
    pub new_at: Option<String>,
    /// The old value, or what was removed.
    pub old_value: Option<String>,
    /// The new value, or what was added.
    pub new_value: Option<String>,
    /// What a whole added or removed element (rule, provision, scenario) says.
    pub detail: Option<String>,
    /// The rule or provision in words (`crate::render::words`), as the old and the new draft
    /// have it; for the HTML redline, not part of the JSON report.
    #[serde(skip)]
    #[schemars(skip)]
    pub words: Option<Words>,
}

/// A rule or provision in treaty English, before and after.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Words {
    pub old: Option<String>,
    pub new: Option<String>,
}

impl Change {
    /// Where the change stands: "Art. 7(1) → Art. 8(1)", or one citation when it did not move.
    pub fn at(&self) -> Option<String> {
        match (&self.old_at, &self.new_at) {
            (Some(o), Some(n)) if o != n => Some(format!("{o} → {n}")),
            (Some(a), _) | (None, Some(a)) => Some(a.clone()),
            (None, None) => None,
        }
    }

    /// The change in one line, as every human-readable format prints it (without the detail).
    pub fn line(&self) -> String {
        let at = self.at().map(|a| format!(" ({a})")).unwrap_or_default();
        let s = &self.subject;
        match (self.kind, &self.old_value, &self.new_value) {
            (ChangeKind::Changed, Some(o), Some(n)) => format!("{s}{at}: {o} → {n}"),
            (ChangeKind::Added, _, Some(v)) => format!("{s}: {v} added{at}"),
            (ChangeKind::Removed, Some(v), _) => format!("{s}: {v} removed{at}"),
            (ChangeKind::Added, ..) => format!("{s} added{at}"),
            (ChangeKind::Removed, ..) => format!("{s} removed{at}"),
            (ChangeKind::Renumbered, Some(o), Some(n)) => {
                format!("{s} renumbered {o} → {n}{at}")
            }
            (ChangeKind::Moved, ..) => format!("{s} moved{at}"),
            (_, o, n) => {
                let o = o.as_deref().unwrap_or("—");
                let n = n.as_deref().unwrap_or("—");
                format!("{s}{at}: {o} → {n}")
            }
        }
    }
}

/// A word-level change in the prose of one article.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct ProseChange {
    /// The article in the old draft (`None` when it was added).
    pub old: Option<ArticleRef>,
    /// The article in the new draft (`None` when it was removed).
    pub new: Option<ArticleRef>,
    /// The prose as a sequence of kept, deleted and inserted runs.
    pub segments: Vec<prose::Segment>,
}

impl ProseChange {
    /// "Art. 10 "Civil servants" → Art. 11"
    pub(crate) fn heading(&self) -> String {
        match (&self.old, &self.new) {
            (Some(o), Some(n)) if o.number != n.number || o.label != n.label => {
                format!("{} → Art. {}", o.display(), n.shown())
            }
            (Some(o), Some(_)) => o.display(),
            (Some(o), None) => format!("{} (removed)", o.display()),
            (None, Some(n)) => format!("{} (added)", n.display()),
            (None, None) => String::new(),
        }
    }
}

/// Compare two drafts.
pub fn diff(old: Draft<'_>, new: Draft<'_>) -> Report {
    diff_within(old, new, &mut matching::Budget::default())
}

/// Compare two drafts, the matching paid from `budget` (which tells the steps spent after).
pub fn diff_within(old: Draft<'_>, new: Draft<'_>, budget: &mut matching::Budget) -> Report {
    let m = matching::match_drafts_within(&old, &new, budget);
    let prose = prose::changes(&old, &new, &m, budget);
    Report {
        budget: BudgetExceeded::of(budget),
        schema: SCHEMA_ID.to_string(),
        old: DraftSummary::of(&old),
        new: DraftSummary::of(&new),
        articles: changes::articles(&old, &new, &m),
        changes: changes::changes(&old, &new, &m),
        prose,
        impact: impact::impact(&old, &new, &m),
        unrelated: unrelated::warning(&old, &new, &m),
    }
}

/// The JSON Schema of the report (`pacta schema diff`).
pub fn report_schema() -> schemars::Schema {
    schemars::schema_for!(Report)
}
