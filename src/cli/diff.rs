//! `pacta diff OLD NEW`

use super::args::{DiffArgs, DiffFailOn, DiffFormat};
use super::{files, print, use_color, Failure, EXIT_CLEAN, EXIT_FINDINGS};
use pacta::diag::render::{human, FileReport};
use pacta::diag::Severity;
use pacta::diff::{self, render, Draft};

/// Exit codes: 0 report written (and the gate, if any, passed); 1 the new draft introduces
/// findings at the `--fail-on` level, or a draft does not parse (its syntax errors are printed
/// on stderr); 2 usage or I/O error.
pub fn run(mut args: DiffArgs) -> Result<i32, Failure> {
    // `-o -` is standard output, as no `-o` at all.
    args.output = args.output.filter(|p| !files::is_stdio(p));
    let config = match &args.config {
        Some(p) => files::load_config(p)?,
        None => files::find_config(&args.new)?.0,
    };
    let old_text = files::read(&args.old)?;
    let new_text = files::read(&args.new)?;
    let old = pacta::check_bytes(&files::display_name(&args.old), &old_text, &config);
    let new = pacta::check_bytes(&files::display_name(&args.new), &new_text, &config);
    let (Some(a), Some(b)) = (Draft::of(&old), Draft::of(&new)) else {
        // A draft that does not parse has no model to compare: show why, and fail.
        let color = use_color(args.color);
        let mut shown = String::new();
        for c in [&old, &new] {
            if c.agreement.is_none() {
                let report = FileReport {
                    file: c.file.clone(),
                    diagnostics: c
                        .diagnostics
                        .iter()
                        .filter(|d| d.severity == Severity::Error)
                        .cloned()
                        .collect(),
                };
                shown.push_str(&human::render_file(&report, color));
                shown.push_str(&format!(
                    "error: {} does not parse; no diff was made\n",
                    c.file.name
                ));
            }
        }
        eprint!("{shown}");
        return Ok(EXIT_FINDINGS);
    };
    let report = diff::diff_within(a, b, &mut diff::matching::Budget::new(args.budget));
    let text = match args.format {
        DiffFormat::Text => {
            // Colour only when writing to a terminal, never into a file unless asked.
            let color = match args.output {
                Some(_) => args.color == super::args::ColorChoice::Always,
                None => use_color(args.color),
            };
            render::text::render(&report, color)
        }
        DiffFormat::Markdown => render::markdown::render(&report),
        DiffFormat::Json => render::json::render(&report),
        DiffFormat::Html => render::html::render(&report),
    };
    match &args.output {
        Some(path) => files::write_output(path, text.as_bytes())?,
        None => print(&text)?,
    }
    let gate = match args.fail_on {
        Some(DiffFailOn::NewErrors) => Some(Severity::Error),
        Some(DiffFailOn::NewWarnings) => Some(Severity::Warning),
        None => None,
    };
    Ok(match gate {
        Some(s) if report.introduces(s) => EXIT_FINDINGS,
        _ => EXIT_CLEAN,
    })
}
