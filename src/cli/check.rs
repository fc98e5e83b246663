//! `pacta check PATH…`

use super::args::{CheckArgs, CheckFormat, Deny};
use super::{files, print, use_color, Failure, EXIT_CLEAN, EXIT_FINDINGS};
use pacta::baseline::{self, Baseline, Entry};
use pacta::diag::render::{self, FileReport};
use pacta::diag::Severity;
use rayon::prelude::*;
use std::path::PathBuf;

/// One checked file: its report and, when a baseline is read or written, its baseline entries.
struct Checked {
    report: FileReport,
    entries: Vec<Entry>,
}

impl CheckFormat {
    /// Formats read by CI services name files relative to the repository root.
    fn repository_relative(self) -> bool {
        matches!(
            self,
            CheckFormat::Sarif | CheckFormat::Github | CheckFormat::Junit
        )
    }
}

pub fn run(mut args: CheckArgs) -> Result<i32, Failure> {
    // `-o -` is standard output, as no `-o` at all.
    args.output = args.output.filter(|p| !files::is_stdio(p));
    let first = args.paths.first().cloned().unwrap_or_default();
    let (config, config_dir) = match &args.config {
        Some(p) => (
            files::load_config(p)?,
            std::fs::canonicalize(p)
                .ok()
                .and_then(|p| p.parent().map(PathBuf::from)),
        ),
        None => files::find_config(&first)?,
    };
    let root = files::repository_root(config_dir, &first);
    let paths = files::collect(&args.paths, &config, &root)?;
    if args.fix {
        for path in &paths {
            fix_file(path, &config)?;
        }
    }
    let with_entries = args.baseline.is_some() || args.write_baseline.is_some();
    let repository_relative = args.format.repository_relative();
    // Files are read and checked in parallel; `collect` keeps the sorted order of `paths`.
    let results: Vec<Result<Checked, Failure>> = paths
        .par_iter()
        .map(|path| {
            let bytes = files::read(path)?;
            let key = files::repository_name(path, &root);
            let name = if repository_relative {
                key.clone()
            } else {
                files::display_name(path)
            };
            let checked = pacta::check_bytes(&name, &bytes, &config);
            let entries = if with_entries {
                baseline::entries(
                    &key,
                    &checked.file,
                    checked.agreement.as_ref(),
                    &checked.diagnostics,
                )
            } else {
                Vec::new()
            };
            Ok(Checked {
                report: FileReport {
                    file: checked.file,
                    diagnostics: checked.diagnostics,
                },
                entries,
            })
        })
        .collect();
    let mut checked = Vec::with_capacity(results.len());
    for r in results {
        checked.push(r?);
    }

    if let Some(path) = &args.write_baseline {
        let entries: Vec<Entry> = checked.iter().flat_map(|c| c.entries.clone()).collect();
        let count = entries.len();
        files::write_output(path, Baseline::new(entries).to_json().as_bytes())?;
        eprintln!(
            "wrote {count} finding{} to the baseline {}",
            if count == 1 { "" } else { "s" },
            path.display()
        );
        return Ok(EXIT_CLEAN);
    }

    let mut known = 0;
    let reports: Vec<FileReport> = match &args.baseline {
        None => checked.into_iter().map(|c| c.report).collect(),
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .map_err(|e| Failure(format!("cannot read {}: {}", path.display(), e)))?;
            let base =
                Baseline::parse(&text).map_err(|e| Failure(format!("{}: {e}", path.display())))?;
            let all: Vec<Entry> = checked.iter().flat_map(|c| c.entries.clone()).collect();
            let cmp = base.compare(&all);
            known = all.len() - cmp.new_count();
            report_gone(&cmp.gone, path);
            let mut flags = cmp.known.into_iter();
            checked
                .into_iter()
                .map(|c| {
                    let mut report = c.report;
                    report
                        .diagnostics
                        .retain(|_| !flags.next().unwrap_or(false));
                    report
                })
                .collect()
        }
    };

    let failing = match args.deny {
        Some(Deny::Warnings) => config.failing().min(Severity::Warning),
        Some(Deny::Infos) => Severity::Info,
        None => config.failing(),
    };
    let out = match args.format {
        CheckFormat::Human => {
            let color = args.output.is_none() && use_color(args.color);
            render::human::render(&reports, color)
        }
        CheckFormat::Short => render::short::render(&reports),
        CheckFormat::Json => render::json::render(&reports),
        CheckFormat::Sarif => render::sarif::render(&reports),
        CheckFormat::Github => render::github::render(&reports),
        CheckFormat::Junit => render::junit::render(&reports, failing),
    };
    match &args.output {
        Some(path) => files::write_output(path, out.as_bytes())?,
        None => print(&out)?,
    }
    if args.format == CheckFormat::Human {
        let summary = render::Summary::of(&reports);
        let mut line = summary.line(reports.len());
        if known > 0 {
            line.push_str(&format!(" ({known} more in the baseline)"));
        }
        eprintln!("{line}");
    }
    let fails = reports
        .iter()
        .flat_map(|r| &r.diagnostics)
        .any(|d| d.severity >= failing);
    Ok(if fails { EXIT_FINDINGS } else { EXIT_CLEAN })
}

/// Tell which baseline entries no finding matches any more (on standard error).
fn report_gone(gone: &[Entry], path: &std::path::Path) {
    if gone.is_empty() {
        return;
    }
    eprintln!(
        "note: {} baseline entr{} no longer found (fixed, or the line changed); rewrite {} with --write-baseline to drop {}:",
        gone.len(),
        if gone.len() == 1 { "y is" } else { "ies are" },
        path.display(),
        if gone.len() == 1 { "it" } else { "them" },
    );
    for e in gone {
        let place = if e.anchor.is_empty() {
            String::new()
        } else {
            format!(" in {}", e.anchor)
        };
        eprintln!("  {}: {}{place}: {}", e.file, e.code, e.message);
    }
}

/// Apply the fixes of a file's findings (the first fix of each, when edits do not overlap) and
/// write the file back; the check that follows reports what remains.
fn fix_file(path: &std::path::Path, config: &pacta::config::Config) -> Result<(), Failure> {
    let bytes = files::read(path)?;
    let Ok(text) = std::str::from_utf8(&bytes) else {
        return Ok(());
    };
    let checked = pacta::check_source(&files::display_name(path), text, config);
    let mut edits: Vec<&pacta::diag::Edit> = Vec::new();
    let mut fixed = 0;
    for fix in checked.diagnostics.iter().filter_map(|d| d.fixes.first()) {
        let overlaps = fix.edits.iter().any(|e| {
            edits.iter().any(|o| {
                e.span.start < o.span.end.max(o.span.start + 1)
                    && o.span.start < e.span.end.max(e.span.start + 1)
            })
        });
        if !overlaps {
            edits.extend(&fix.edits);
            fixed += 1;
        }
    }
    if edits.is_empty() {
        return Ok(());
    }
    edits.sort_by_key(|e| e.span.start);
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for e in edits {
        out.push_str(&text[at..e.span.start.max(at)]);
        out.push_str(&e.replacement);
        at = e.span.end.max(at);
    }
    out.push_str(&text[at..]);
    files::write_atomic(path, out.as_bytes())?;
    eprintln!(
        "fixed {fixed} finding{} in {}",
        if fixed == 1 { "" } else { "s" },
        files::display_name(path)
    );
    Ok(())
}
