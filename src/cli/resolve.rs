//! `pacta resolve FILE --situation "…"`

use super::args::{ResolveArgs, ResolveFormat};
use super::{files, print, Failure, EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS};
use pacta::diag::render::{human, FileReport};
use pacta::legislation::{self, scenario::Resolved, Outcome, TraceKind};
use pacta::span::SourceFile;

pub fn run(args: ResolveArgs) -> Result<i32, Failure> {
    let (config, _) = files::find_config(&args.file)?;
    let name = files::display_name(&args.file);
    // Text that is not UTF-8 is a P001 error of the file, as in `check`.
    let bytes = files::read(&args.file)?;
    let checked = pacta::check_bytes(&name, &bytes, &config);
    let errors = files::file_errors(&checked);
    let Some(agreement) = checked.agreement.filter(|_| errors.is_empty()) else {
        let report = FileReport {
            file: checked.file,
            diagnostics: errors,
        };
        eprint!("{}", human::render(&[report], false));
        return Err(Failure(format!(
            "{name} has errors; fix them before resolving"
        )));
    };
    let conditions = match pacta::syntax::parse_situation(&args.situation) {
        Ok(c) => c,
        Err(d) => return Ok(situation_error(&args.situation, *d)),
    };
    let resolved = match legislation::resolve(&agreement, &conditions) {
        Ok(r) => r,
        Err(d) => return Ok(situation_error(&args.situation, *d)),
    };
    match args.format {
        ResolveFormat::Json => {
            let json = serde_json::to_string_pretty(&resolved)?;
            print(&format!("{json}\n"))?;
        }
        ResolveFormat::Human => print(&pacta::diag::visible::text(&render(&resolved)))?,
    }
    let settled = resolved.uniform()
        && resolved.resolutions.first().is_some_and(|r| {
            matches!(r.outcome, Outcome::Party { .. } | Outcome::Criterion { .. })
        });
    Ok(if settled { EXIT_CLEAN } else { EXIT_FINDINGS })
}

/// A situation that does not parse or does not describe a person: the diagnostic, on stderr.
fn situation_error(text: &str, d: pacta::diag::Diagnostic) -> i32 {
    let report = FileReport {
        file: SourceFile::new("--situation", text),
        diagnostics: vec![d],
    };
    eprint!("{}", human::render(&[report], false));
    EXIT_ERROR
}

fn render(resolved: &Resolved) -> String {
    let mut out = String::new();
    let Some(first) = resolved.resolutions.first() else {
        out.push_str("no situation matches these words\n");
        return out;
    };
    if !resolved.uniform() {
        out.push_str(&format!(
            "the outcome depends on {}, which the situation does not give:\n",
            resolved.unspecified.join(" and ")
        ));
        for r in &resolved.resolutions {
            let by = r
                .rule
                .as_ref()
                .map_or(String::new(), |l| format!(" by {l}"));
            out.push_str(&format!(
                "  {}  →  {}{by}\n",
                r.situation,
                r.outcome.words()
            ));
        }
        return out;
    }
    out.push_str(&format!("situation:   {}\n", first.situation));
    if !resolved.unspecified.is_empty() {
        out.push_str(&format!(
            "             (not given: {}; the outcome is the same for every value)\n",
            resolved.unspecified.join(", ")
        ));
    }
    out.push_str(&format!("legislation: {}\n", first.outcome.words()));
    if let Some(rule) = &first.rule {
        out.push_str(&format!("decided by:  rule {rule}\n"));
    }
    out.push_str("rules:\n");
    for t in &first.rules {
        let kind = match t.kind {
            TraceKind::Decides => "decides",
            TraceKind::Conflicts => "conflicts",
            TraceKind::Overridden => "overridden",
            TraceKind::NotMatched => "not matched",
        };
        out.push_str(&format!("  {:<8} {:<12} {}\n", t.rule, kind, t.detail));
    }
    out
}
