//! The integration tests, one binary: one module per area (building `tests/*.rs` as separate
//! binaries linked the library eighteen times). Fixtures live in `tests/fixtures/`, snapshots in
//! `tests/it/snapshots/` (named `it__<module>__<name>.snap`).

mod common;

mod agreements;
mod agreements_like;
mod build;
mod build_cli;
mod build_coverage;
mod checks;
mod cli;
mod cli_check_baseline;
mod cli_check_formats;
mod cli_check_walk;
mod cli_output;
mod despite_errors;
mod diff;
mod diff_cli;
mod docs;
mod editor_keywords;
mod exit_codes;
mod explain_examples;
mod first_hour;
mod fix_data;
mod fmt;
mod hostile;
mod incremental;
mod legislation;
mod legislation_agreements;
mod legislation_budget;
mod legislation_differential;
mod lsp;
mod no_panic;
mod render;
mod stale_snapshots;
mod syntax;
