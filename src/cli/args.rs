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
    /// SARIF 2.1.0 for code scanning (paths relative to the repository root)
    Sarif,
    /// GitHub Actions annotations: ::error file=…,line=…::message
    Github,
    /// JUnit XML: one test case per file
    Junit,
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
    /// Write the report to this file (atomically) instead of standard output
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Report, and fail on, only findings that this baseline file does not hold
    #[arg(long, value_name = "FILE", conflicts_with = "write_baseline")]
    pub baseline: Option<PathBuf>,
    /// Record today's findings in this baseline file, print nothing else, and exit 0
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
}

#[derive(clap::Args, Debug)]
pub struct ExplainArgs {
    /// A check code such as P303, or a name such as posting-without-limit
    pub check: Option<String>,
}
