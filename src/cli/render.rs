//! `pacta render FILE [-o OUT] [--format html] [--lang en,fr] [--findings margin|none]`: the
//! agreement as one self-contained HTML document.

use super::args::{FindingsPlacement, RenderArgs};
use super::{files, print, Failure, EXIT_CLEAN, EXIT_FINDINGS};
use pacta::diag::render::{self, FileReport};

pub fn run(args: RenderArgs) -> Result<i32, Failure> {
    let (config, _) = match &args.config {
        Some(p) => (files::load_config(p)?, None),
        None => files::find_config(&args.file)?,
    };
    let bytes = files::read(&args.file)?;
    let checked = pacta::check_bytes(&files::display_name(&args.file), &bytes, &config);
    let document = pacta::syntax::parse(&checked.file.text).document;
    let (Some(document), Some(agreement)) = (document, checked.agreement.as_ref()) else {
        let report = [FileReport {
            file: checked.file.clone(),
            diagnostics: checked.diagnostics.clone(),
        }];
        eprint!("{}", render::human::render(&report, false));
        eprintln!("error: nothing rendered: the file does not parse");
        return Ok(EXIT_FINDINGS);
    };
    // A language the agreement is not written in would give a column of "[no … text]": refuse it.
    if let Some(asked) = &args.lang {
        let known = pacta::render::available_languages(&document, agreement);
        if let Some(bad) = asked.iter().find(|l| !known.contains(&l.to_lowercase())) {
            let has = if known.is_empty() {
                "it names no language (`languages:` in the header)".to_string()
            } else {
                format!("its languages are {}", known.join(", "))
            };
            return Err(Failure(format!(
                "--lang {bad}: {} has no text in that language; {has}",
                files::display_name(&args.file)
            )));
        }
    }
    let opts = pacta::render::Options {
        languages: args.lang.clone(),
        findings: args.findings == FindingsPlacement::Margin,
    };
    let html = pacta::render::html(&document, agreement, &checked.diagnostics, &opts);
    match &args.output {
        Some(path) => files::write_atomic(path, html.as_bytes())?,
        None => print(&html)?,
    }
    Ok(EXIT_CLEAN)
}
