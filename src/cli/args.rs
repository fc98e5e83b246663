//! The whole command-line surface, as clap derive types.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(
    name = "pacta",
    version,
    about = "Check social security agreements against the ILO principles"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Parse and check agreements (files or directories, recursively)
    Check(CheckArgs),
    /// Print the documentation of a check (by code or name); with no argument, list every check
    Explain(ExplainArgs),
    /// Check an agreement, then emit its JSON rule set
    Build(BuildArgs),
    /// Print the JSON Schema of an output format
    Schema(SchemaArgs),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// Terminal snippets with labels and notes
    Human,
    /// One line per finding: file:line:col: severity[CODE] message
    Short,
    /// Machine-readable findings
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Deny {
    /// Warnings fail the run too
    Warnings,
    /// Every finding fails the run
    Infos,
}

#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    /// Files or directories to check
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "human")]
    pub format: CheckFormat,
    #[arg(long, value_enum, default_value = "auto")]
    pub color: ColorChoice,
    /// Make warnings (or infos) fail the run
    #[arg(long, value_enum)]
    pub deny: Option<Deny>,
    /// Use this configuration instead of the nearest pacta.toml
    #[arg(long)]
    pub config: Option<PathBuf>,
}

#[derive(clap::Args, Debug)]
pub struct ExplainArgs {
    /// A check code such as P303, or a name such as posting-without-limit
    pub check: Option<String>,
}

#[derive(clap::Args, Debug)]
pub struct BuildArgs {
    /// The agreement to build
    pub file: PathBuf,
    /// Write the rule set here (atomically) instead of to standard output
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Build even when the checks find errors
    #[arg(long)]
    pub allow_errors: bool,
    /// Colour of the findings printed when the build is refused
    #[arg(long, value_enum, default_value = "auto")]
    pub color: ColorChoice,
    /// Use this configuration instead of the nearest pacta.toml
    #[arg(long)]
    pub config: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SchemaKind {
    /// The rule set of `pacta build`
    Ruleset,
    /// The findings of `pacta check --format json`
    Findings,
    /// The report of `pacta diff --format json`
    Diff,
}

#[derive(clap::Args, Debug)]
pub struct SchemaArgs {
    /// Which schema to print
    #[arg(value_enum, default_value = "ruleset")]
    pub kind: SchemaKind,
}
