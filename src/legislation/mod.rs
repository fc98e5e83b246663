//! The applicable-legislation analysis (P301, P302, P310, P311): to be built.

use crate::diag::Diagnostic;
use crate::model::Agreement;

/// Findings of the applicable-legislation analysis.
pub fn check(_agreement: &Agreement) -> Vec<Diagnostic> {
    Vec::new()
}
