//! Pacta: a language and compiler for social security agreements.
//!
//! The pipeline is visible in the modules: source → [`syntax`] → [`ast`] → [`model`] → [`check`]
//! (and [`legislation`]) → [`emit`] / [`diff`]. The library does no I/O and never exits the
//! process; the binary in `src/main.rs` and `src/cli/` does.

pub mod ast;
pub mod check;
pub mod diag;
pub mod span;
pub mod suggest;
pub mod syntax;
