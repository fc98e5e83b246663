//! Machine-readable findings: `{ "findings": [...], "summary": {...} }`.

use super::{findings, FileReport, Finding, Summary};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The document printed by `pacta check --format json`.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct FindingsReport {
    pub schema: String,
    pub files: usize,
    pub findings: Vec<Finding>,
    pub summary: Summary,
}

pub(crate) const SCHEMA_ID: &str = "pacta.findings/1";

pub fn report(reports: &[FileReport]) -> FindingsReport {
    FindingsReport {
        schema: SCHEMA_ID.to_string(),
        files: reports.len(),
        findings: findings(reports),
        summary: Summary::of(reports),
    }
}

pub fn render(reports: &[FileReport]) -> String {
    let mut s = serde_json::to_string_pretty(&report(reports)).unwrap_or_else(|_| "{}".to_string());
    s.push('\n');
    s
}
