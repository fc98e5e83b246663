//! `pacta lsp`: the language server on standard input and output (src/lsp/).

use super::args::LspArgs;
use super::{Failure, EXIT_CLEAN};

pub fn run(_args: LspArgs) -> Result<i32, Failure> {
    crate::lsp::run().map_err(Failure)?;
    Ok(EXIT_CLEAN)
}
