//! `pacta schema [ruleset|findings|diff]`: the JSON Schema of an output format.

use super::args::{SchemaArgs, SchemaKind};
use super::{print, Failure, EXIT_CLEAN};
use pacta::diag::render::json::FindingsReport;

pub fn run(args: SchemaArgs) -> Result<i32, Failure> {
    let schema = match args.kind {
        SchemaKind::Ruleset => pacta::emit::schema(),
        SchemaKind::Findings => schemars::schema_for!(FindingsReport),
        SchemaKind::Diff => pacta::diff::report_schema(),
    };
    print(&pacta::emit::schema_to_json(&schema))?;
    Ok(EXIT_CLEAN)
}
