//! `pacta check PATH…`

use super::args::{CheckArgs, CheckFormat, Deny};
use super::{files, print, use_color, Failure, EXIT_CLEAN, EXIT_FINDINGS};
use pacta::diag::render::{self, FileReport};
use pacta::diag::Severity;
use rayon::prelude::*;

pub fn run(args: CheckArgs) -> Result<i32, Failure> {
    let first = args.paths.first().cloned().unwrap_or_default();
    let (config, root) = match &args.config {
        Some(p) => (files::load_config(p)?, None),
        None => files::find_config(&first)?,
    };
    let root = root.unwrap_or_else(|| std::env::current_dir().unwrap_or_default());
    let paths = files::collect(&args.paths, &config, &root)?;
    let sources: Vec<(String, Vec<u8>)> = paths
        .iter()
        .map(|p| Ok((files::display_name(p), files::read(p)?)))
        .collect::<Result<_, Failure>>()?;
    let reports: Vec<FileReport> = sources
        .par_iter()
        .map(|(name, text)| {
            let checked = pacta::check_bytes(name, text, &config);
            FileReport {
                file: checked.file,
                diagnostics: checked.diagnostics,
            }
        })
        .collect();
    let summary = render::Summary::of(&reports);
    match args.format {
        CheckFormat::Human => {
            let color = use_color(args.color);
            print(&render::human::render(&reports, color))?;
            eprintln!("{}", summary.line(reports.len()));
        }
        CheckFormat::Short => print(&render::short::render(&reports))?,
        CheckFormat::Json => print(&render::json::render(&reports))?,
    }
    let failing = match args.deny {
        Some(Deny::Warnings) => config.failing().min(Severity::Warning),
        Some(Deny::Infos) => Severity::Info,
        None => config.failing(),
    };
    let fails = reports
        .iter()
        .flat_map(|r| &r.diagnostics)
        .any(|d| d.severity >= failing);
    Ok(if fails { EXIT_FINDINGS } else { EXIT_CLEAN })
}
