//! The language server (`pacta lsp`): the Language Server Protocol (`lsp-server`, `lsp-types`) on
//! top of the protocol-free [`crate::ide`].
//!
//! Each document is checked with the `pacta.toml` nearest above it, as `pacta check` finds it; the
//! server reads it again when the editor reports the file saved or changed.
//!
//! Findings are published when a document opens and, while it is edited, once the typing pauses
//! ([`DEBOUNCE`]). Requests always read an analysis of the latest text. A handler that fails —
//! parameters it cannot read, a method it does not know, even a panic — answers with an error
//! and the server carries on; it logs to standard error.
//!
//! [`Server`] holds no transport: the binary connects it to standard input and output
//! (`src/cli/lsp.rs`), the fuzz target `fuzz_lsp` feeds it messages directly.

mod convert;
mod server;

pub use server::{capabilities, ConfigFor, Server, DEBOUNCE};
