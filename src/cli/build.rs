//! `pacta build FILE [-o OUT]`: check, then emit the JSON rule set.

use super::args::{BuildArgs, ColorChoice};
use super::{files, print, Failure, EXIT_CLEAN, EXIT_FINDINGS};
use pacta::diag::render::{self, FileReport};
use pacta::diag::Severity;

pub fn run(mut args: BuildArgs) -> Result<i32, Failure> {
    // `-o -` is standard output, as no `-o` at all.
    args.output = args.output.filter(|p| !files::is_stdio(p));
    let (config, _) = match &args.config {
        Some(p) => (files::load_config(p)?, None),
        None => files::find_config(&args.file)?,
    };
    let text = files::read(&args.file)?;
    let checked = pacta::check_bytes(&files::display_name(&args.file), &text, &config);
    let errors = checked
        .diagnostics
        .iter()
        .any(|d| d.severity == Severity::Error);
    // A syntax error (P001: no header, a construct that does not parse, text that is not
    // UTF-8) leaves a model that is not the file: no rule set from it, even with --allow-errors.
    let parsed = !checked.diagnostics.iter().any(|d| d.code == "P001");
    let ruleset = match pacta::emit::build(&checked).filter(|_| parsed) {
        Some(r) if !errors || args.allow_errors => r,
        built => {
            let errors_only = [FileReport {
                file: checked.file,
                diagnostics: checked
                    .diagnostics
                    .into_iter()
                    .filter(|d| d.severity == Severity::Error)
                    .collect(),
            }];
            eprint!(
                "{}",
                render::human::render(&errors_only, stderr_color(args.color))
            );
            let why = if built.is_none() {
                "the file does not parse"
            } else {
                "the checks found errors (use --allow-errors to build anyway)"
            };
            let summary = render::Summary::of(&errors_only);
            eprintln!("error: no rule set built: {why}; {}", summary.line(1));
            return Ok(EXIT_FINDINGS);
        }
    };
    let json = pacta::emit::to_json(&ruleset);
    match &args.output {
        Some(path) => files::write_output(path, json.as_bytes())?,
        None => print(&json)?,
    }
    Ok(EXIT_CLEAN)
}

/// Whether to colour findings on stderr.
fn stderr_color(choice: ColorChoice) -> bool {
    use std::io::IsTerminal;
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none() && std::io::stderr().is_terminal()
        }
    }
}
