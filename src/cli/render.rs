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
