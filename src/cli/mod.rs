//! The command line: one file per subcommand. All I/O of Pacta happens here.

mod args;
mod build;
mod check;
mod diff;
mod explain;
pub mod files;
mod fmt;
mod lsp;
mod render;
mod resolve;
mod schema;
mod test;

use args::{Cli, ColorChoice, Command};
use clap::Parser;

/// Exit codes: 0 clean, 1 findings at or above the failing severity, 2 usage, I/O or internal error.
pub const EXIT_CLEAN: i32 = 0;
pub const EXIT_FINDINGS: i32 = 1;
pub const EXIT_ERROR: i32 = 2;

/// A failure that ends the command with exit code 2 and a one-line message.
#[derive(Debug)]
pub struct Failure(pub String);

impl<E: std::fmt::Display> From<E> for Failure {
    fn from(e: E) -> Self {
        Failure(e.to_string())
    }
}

pub fn run() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                EXIT_ERROR
            } else {
                EXIT_CLEAN
            };
        }
    };
    let result = match cli.command {
        Command::Check(a) => check::run(a),
        Command::Explain(a) => explain::run(a),
        Command::Resolve(a) => resolve::run(a),
        Command::Test(a) => test::run(a),
        Command::Build(a) => build::run(a),
        Command::Schema(a) => schema::run(a),
        Command::Diff(a) => diff::run(a),
        Command::Render(a) => render::run(a),
        Command::Fmt(a) => fmt::run(a),
        Command::Renumber(a) => fmt::renumber(a),
        Command::Lsp(a) => lsp::run(a),
    };
    match result {
        Ok(code) => code,
        Err(Failure(message)) => {
            eprintln!("error: {message}");
            EXIT_ERROR
        }
    }
}

/// Whether to colour output on stdout.
pub fn use_color(choice: ColorChoice) -> bool {
    use std::io::IsTerminal;
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none() && std::io::stdout().is_terminal()
        }
    }
}

/// Write to stdout, treating a closed pipe as success.
pub fn print(text: &str) -> Result<(), Failure> {
    print_bytes(text.as_bytes())
}

/// Write bytes to stdout, treating a closed pipe as success.
pub fn print_bytes(bytes: &[u8]) -> Result<(), Failure> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|_| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.map_err(|e| Failure(format!("cannot write to standard output: {e}"))),
    }
}
