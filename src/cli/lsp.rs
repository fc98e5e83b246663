//! `pacta lsp`: the language server on standard input and output.

use super::args::LspArgs;
use super::Failure;

pub fn run(_args: LspArgs) -> Result<i32, Failure> {
    Err(Failure("the language server is not built yet".into()))
}
