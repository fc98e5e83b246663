//! The applicable-legislation analysis (P301, P302, P310, P311) and the decision table.
//!
//! Interface only for now: the analysis itself is being built (issue 4). The types below are the
//! contract the JSON rule set (`emit`) and `pacta resolve` code against.

use crate::diag::Diagnostic;
use crate::model::Agreement;
use serde::Serialize;

/// The outcome for one class of situations.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Outcome {
    /// Exactly one Party's legislation applies.
    Party { party: String },
    /// No legislation applies (P302).
    Gap,
    /// Two or more legislations apply (P301).
    Overlap { parties: Vec<String> },
}

/// One row of the decision table: a class of situations, in the words of rule conditions, the
/// outcome and the rule that decides it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Decision {
    /// The class of situations, e.g. "employed in X, employer in Y, posted up to 24 months".
    pub situation: String,
    pub outcome: Outcome,
    /// The label of the deciding rule, when one rule decides.
    pub rule: Option<String>,
    /// Rules that also apply but are overridden by the deciding rule.
    pub overridden: Vec<String>,
}

/// Findings of the applicable-legislation analysis.
pub fn check(_agreement: &Agreement) -> Vec<Diagnostic> {
    Vec::new()
}

/// The decision table of an agreement, in a deterministic order.
pub fn decision_table(_agreement: &Agreement) -> Vec<Decision> {
    Vec::new()
}
