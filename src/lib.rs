//! Pacta: a language and compiler for social security agreements.
//!
//! The pipeline is visible in the modules: source → [`syntax`] → [`ast`] → [`model`] → [`check`]
//! (and [`legislation`]) → [`emit`] / [`diff`] / [`render`]. The library does no I/O and never exits the
//! process; the binary in `src/main.rs` and `src/cli/` does.

// The library never panics on any input and never prints: a failure is a finding or an `Err`.
// (Unit tests may unwrap and panic: see `clippy.toml`.)
// `pub` is for the API the CLI, the language server, the WebAssembly build, benches, fuzz targets
// and tests use; everything else is `pub(crate)`.
#![warn(unreachable_pub)]
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::todo,
    clippy::unimplemented,
    clippy::print_stdout,
    clippy::print_stderr,
    clippy::dbg_macro
)]

// The parser pest derives without its `std` feature names `::alloc` (see Cargo.toml).
extern crate alloc;

pub mod ast;
pub mod baseline;
pub mod check;
pub mod config;
pub mod diag;
pub mod diff;
pub mod emit;
pub mod fmt;
pub mod ide;
pub mod legislation;
#[cfg(feature = "cli")]
pub mod lsp;
pub mod model;
pub mod numbering;
pub mod render;
pub mod span;
pub mod suggest;
pub mod syntax;

use config::Config;
use diag::Diagnostic;
use span::SourceFile;

/// One file, checked: its source, the resolved agreement (when it parsed) and its findings in
/// canonical order.
#[derive(Debug)]
pub struct Checked {
    pub file: SourceFile,
    pub agreement: Option<model::Agreement>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Check a file given as bytes: text that is not UTF-8 is a P001 at the first invalid byte.
pub fn check_bytes(name: &str, bytes: &[u8], config: &Config) -> Checked {
    match std::str::from_utf8(bytes) {
        Ok(text) => check_source(name, text, config),
        Err(e) => {
            let at = e.valid_up_to();
            let text = String::from_utf8_lossy(bytes).into_owned();
            // The lossy text has U+FFFD (3 bytes) where the bad byte was; point at it.
            let span = span::Span::new(at, (at + 3).min(text.len()));
            let d = Diagnostic::new(
                "P001",
                diag::Severity::Error,
                "the file is not valid UTF-8",
                span,
            )
            .label("invalid byte")
            .help("save the agreement as UTF-8 text");
            Checked {
                file: SourceFile::new(name, text),
                agreement: None,
                diagnostics: vec![d],
            }
        }
    }
}

/// Parse, resolve and check one agreement. Never panics; syntax errors stop before the checks.
pub fn check_source(name: &str, text: &str, config: &Config) -> Checked {
    let parsed = syntax::parse(text);
    check_parsed(
        SourceFile::new(name, text),
        parsed.document.as_ref(),
        parsed.diagnostics,
        config,
    )
}

/// Resolve and check a file already parsed, so that tools that keep the syntax tree (the language
/// server) parse once. `document` is `None` when the file has syntax errors: the findings are then
/// the syntax errors and those that stand despite them on the Articles they leave sound (the
/// language server shows the same).
pub fn check_parsed(
    file: SourceFile,
    document: Option<&ast::Document>,
    syntax_diagnostics: Vec<Diagnostic>,
    config: &Config,
) -> Checked {
    let Some(document) = document else {
        // The Articles the syntax errors leave sound are still checked, as in the editor.
        let partial = syntax::partial_document(&file.text);
        let despite = check::partial::findings_despite_errors(
            &file.text,
            &partial,
            &syntax_diagnostics,
            config,
        );
        return check_partial(file, syntax_diagnostics, despite, config);
    };
    let (agreement, mut diagnostics) = model::resolve(document);
    diagnostics.extend(syntax_diagnostics);
    diag::companions::drop_companions(&mut diagnostics);
    diag::companions::fold_repeats(&mut diagnostics);
    // Checks read names and fields; they run only on a file free of syntax and structure errors.
    let structurally_sound = !diagnostics
        .iter()
        .any(|d| d.severity == diag::Severity::Error);
    if structurally_sound {
        diagnostics.extend(check::run(&agreement));
        diagnostics.extend(legislation::check(&agreement));
        diagnostics.extend(check::failing_scenarios(&agreement));
        diagnostics.extend(render::prose::check(&agreement));
        check::unverified::apply(&agreement, &mut diagnostics);
    }
    // Suppressions are only judged (P010) when the checks they refer to have run.
    let judged = if structurally_sound {
        Some(&agreement)
    } else {
        None
    };
    // Structure errors confined to some Articles leave the checks on the rest running.
    let despite = if structurally_sound {
        Vec::new()
    } else {
        check::partial::findings_despite_errors(&file.text, document, &diagnostics, config)
    };
    let mut diagnostics = check::finish(diagnostics, judged, config);
    if !despite.is_empty() {
        diagnostics.extend(despite);
        diag::sort(&mut diagnostics);
    }
    Checked {
        file,
        agreement: Some(agreement),
        diagnostics,
    }
}

/// Check a file that has syntax errors from its partial document
/// ([`syntax::partial_document`]): the syntax errors, and `despite`, the principle findings on the
/// Articles the errors leave sound ([`check::partial`], whose `Despite` the language server reuses
/// from one keystroke to the next).
pub(crate) fn check_partial(
    file: SourceFile,
    syntax_diagnostics: Vec<Diagnostic>,
    despite: Vec<Diagnostic>,
    config: &Config,
) -> Checked {
    let mut diagnostics = check::finish(syntax_diagnostics, None, config);
    diagnostics.extend(despite);
    diag::sort(&mut diagnostics);
    Checked {
        file,
        agreement: None,
        diagnostics,
    }
}
