//! `pacta fmt [--check] [--diff] PATH…` and `pacta renumber FILE`

use super::args::{FmtArgs, RenumberArgs};
use super::{files, print, Failure, EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS};
use pacta::diag::render;
use pacta::span::SourceFile;

/// Report the syntax errors of a file that cannot be formatted or renumbered.
fn refuse(name: &str, text: &str, diagnostics: &[pacta::diag::Diagnostic], what: &str) {
    let report = render::FileReport {
        file: SourceFile::new(name, text),
        diagnostics: diagnostics.to_vec(),
    };
    let shown = render::human::render_file(&report, false);
    eprintln!("error: {name} does not parse, so it cannot be {what}:\n{shown}");
}

pub fn run(args: FmtArgs) -> Result<i32, Failure> {
    let first = args.paths.first().cloned().unwrap_or_default();
    let (config, config_dir) = files::find_config(&first)?;
    let root = files::repository_root(config_dir, &first);
    let paths = files::collect(&args.paths, &config, &root)?;
    let mut unformatted = 0;
    let mut failed = false;
    for path in paths {
        let name = files::display_name(&path);
        let text = files::read_text(&path)?;
        let formatted = match pacta::fmt::format(&text) {
            Ok(f) => f,
            Err(diagnostics) => {
                refuse(&name, &text, &diagnostics, "formatted");
                failed = true;
                continue;
            }
        };
        if formatted == text {
            continue;
        }
        unformatted += 1;
        if args.diff {
            let diff = similar::TextDiff::from_lines(&text, &formatted);
            print(
                &diff
                    .unified_diff()
                    .header(&name, &format!("{name} (formatted)"))
                    .to_string(),
            )?;
        }
        if args.check {
            if !args.diff {
                print(&format!("would reformat {name}\n"))?;
            }
        } else if !args.diff {
            files::write_atomic(&path, formatted.as_bytes())?;
            eprintln!("formatted {name}");
        }
    }
    Ok(if failed {
        EXIT_ERROR
    } else if unformatted > 0 && (args.check || args.diff) {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    })
}

pub fn renumber(args: RenumberArgs) -> Result<i32, Failure> {
    let name = files::display_name(&args.file);
    let text = files::read_text(&args.file)?;
    let renumbered = match pacta::fmt::renumber::renumber(&text) {
        Ok(r) => r,
        Err(diagnostics) => {
            refuse(&name, &text, &diagnostics, "renumbered");
            return Ok(EXIT_ERROR);
        }
    };
    if renumbered.text == text {
        eprintln!("{name} is already numbered in order");
        return Ok(EXIT_CLEAN);
    }
    if args.check {
        print(&format!("would renumber {name}\n"))?;
        return Ok(EXIT_FINDINGS);
    }
    files::write_atomic(&args.file, renumbered.text.as_bytes())?;
    for (old, new) in &renumbered.articles {
        eprintln!("article {old} → {new}");
    }
    for (old, new) in &renumbered.labels {
        eprintln!("rule {old} → {new}");
    }
    Ok(EXIT_CLEAN)
}
