//! `pacta schema [ruleset|findings|diff]`: the JSON Schema of an output format.

use super::args::{SchemaArgs, SchemaKind};
use super::{print, Failure, EXIT_CLEAN};
use pacta::diag::render::json::FindingsReport;

pub fn run(args: SchemaArgs) -> Result<i32, Failure> {
    let schema = match args.kind {
        SchemaKind::Ruleset => pacta::emit::schema(),
        SchemaKind::Findings => schemars::schema_for!(FindingsReport),
        SchemaKind::Diff => diff_schema()?,
    };
    print(&pacta::emit::schema_to_json(&schema))?;
    Ok(EXIT_CLEAN)
}

/// The schema of the diff report. Connect to `pacta::diff::report_schema()` once the diff
/// engine lands.
fn diff_schema() -> Result<schemars::Schema, Failure> {
    Err(Failure(
        "the schema of the diff report is not available in this build".to_string(),
    ))
}
