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
    /// Which legislation applies to one situation, and why
    Resolve(ResolveArgs),
    /// Run the scenarios of agreements (files or directories)
    Test(TestArgs),
    /// Check an agreement, then emit its JSON rule set
    Build(BuildArgs),
    /// Print the JSON Schema of an output format
    Schema(SchemaArgs),
    /// Compare two drafts of an agreement: what moved, and the impact on conformity
    Diff(DiffArgs),
    /// The agreement as a document: one self-contained HTML page, findings in the margin
    Render(RenderArgs),
    /// Lay agreements out in the one canonical layout (comments kept, meaning unchanged)
    Fmt(FmtArgs),
    /// Number Parts, chapters, Articles and paragraphs in order, updating every reference
    Renumber(RenumberArgs),
    /// Run the language server on standard input and output (for editors)
    Lsp(LspArgs),
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
    /// Files or directories to check (`-` reads standard input)
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
    /// Write the report to this file instead of standard output (`-`): a regular file is replaced
    /// atomically, a device or pipe written through
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Report, and fail on, only findings that this baseline file does not hold
    #[arg(long, value_name = "FILE", conflicts_with = "write_baseline")]
    pub baseline: Option<PathBuf>,
    /// Record today's findings in this baseline file, print nothing else, and exit 0
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
    /// Apply the fixes findings carry (did-you-mean replacements, stale suppressions removed),
    /// then report what remains
    #[arg(long)]
    pub fix: bool,
}

#[derive(clap::Args, Debug)]
pub struct ExplainArgs {
    /// A check code such as P303, or a name such as posting-without-limit
    pub check: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ResolveFormat {
    /// The outcome and the rule trace, for people
    Human,
    /// The resolution as JSON
    Json,
}

#[derive(clap::Args, Debug)]
pub struct ResolveArgs {
    /// The agreement
    pub file: PathBuf,
    /// The situation, in the words of rule conditions: "employed in XB, employer in XA, posted 30 months"
    #[arg(long)]
    pub situation: String,
    #[arg(long, value_enum, default_value = "human")]
    pub format: ResolveFormat,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum TestFormat {
    /// PASS/FAIL per scenario with the rule trace, then a summary line
    Human,
    /// JUnit XML: one test suite per file, one test case per scenario
    Junit,
}

#[derive(clap::Args, Debug)]
pub struct TestArgs {
    /// Files or directories whose scenarios to run
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "human")]
    pub format: TestFormat,
    /// Use this configuration instead of the nearest pacta.toml
    #[arg(long)]
    pub config: Option<PathBuf>,
}

#[derive(clap::Args, Debug)]
pub struct BuildArgs {
    /// The agreement to build
    pub file: PathBuf,
    /// Write the rule set here instead of standard output (`-`): a regular file is replaced
    /// atomically, a device or pipe written through
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Build even when the checks find errors (never from a file with syntax errors)
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

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// Terminal report, coloured
    Text,
    /// Markdown for a pull-request comment
    Markdown,
    /// Machine-readable report (schema: `pacta schema diff`)
    Json,
    /// One self-contained HTML page: a printable redline
    Html,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DiffFailOn {
    /// Exit 1 when the new draft introduces an error
    NewErrors,
    /// Exit 1 when the new draft introduces an error or a warning
    NewWarnings,
}

#[derive(clap::Args, Debug)]
pub struct DiffArgs {
    /// The earlier draft
    pub old: PathBuf,
    /// The later draft
    pub new: PathBuf,
    #[arg(long, value_enum, default_value = "text")]
    pub format: DiffFormat,
    #[arg(long, value_enum, default_value = "auto")]
    pub color: ColorChoice,
    /// Exit 1 when the new draft introduces such findings (a CI gate between drafts)
    #[arg(long, value_enum)]
    pub fail_on: Option<DiffFailOn>,
    /// Write the report to this file instead of standard output (`-`): a regular file is replaced
    /// atomically, a device or pipe written through
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Use this configuration instead of the nearest pacta.toml
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// The matching's work budget, in counted steps (tokens compared, pairs considered); past it
    /// the remaining similarity searches are skipped and the report says so (P016)
    #[arg(long, value_name = "STEPS", default_value_t = pacta::diff::matching::DEFAULT_BUDGET,
          value_parser = clap::value_parser!(u64).range(1..))]
    pub budget: u64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum RenderFormat {
    /// One self-contained HTML page (no script, no external resource), printable on A4
    Html,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FindingsPlacement {
    /// A summary at the top and each finding in the margin of its Article
    Margin,
    /// No findings: the clean copy to table
    None,
}

#[derive(clap::Args, Debug)]
pub struct RenderArgs {
    /// The agreement to render
    pub file: PathBuf,
    /// Write the document here (atomically) instead of to standard output
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    #[arg(long, value_enum, default_value = "html")]
    pub format: RenderFormat,
    /// The languages to show side by side, in this order (default: every authentic language with prose)
    #[arg(long, value_delimiter = ',')]
    pub lang: Option<Vec<String>>,
    /// Where the findings go
    #[arg(long, value_enum, default_value = "margin")]
    pub findings: FindingsPlacement,
    /// Use this configuration instead of the nearest pacta.toml
    #[arg(long)]
    pub config: Option<PathBuf>,
}

#[derive(clap::Args, Debug)]
pub struct FmtArgs {
    /// Files or directories to format
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Change nothing; exit 1 when a file is not formatted (for CI and pre-commit hooks)
    #[arg(long)]
    pub check: bool,
    /// Change nothing; print what formatting would change, as a unified diff
    #[arg(long)]
    pub diff: bool,
}

#[derive(clap::Args, Debug)]
pub struct RenumberArgs {
    /// The agreement to renumber, in place
    pub file: PathBuf,
    /// Change nothing; exit 1 when the file is not numbered in order
    #[arg(long)]
    pub check: bool,
}

#[derive(clap::Args, Debug)]
pub struct LspArgs {
    /// Accepted for editors that pass it; standard input and output is the only transport
    #[arg(long)]
    pub stdio: bool,
}
