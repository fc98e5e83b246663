//! WebAssembly bindings of the Pacta library for the playground (`web/`).
//!
//! Every export takes and returns plain strings (JSON where the result has structure); the work is
//! done by the plain functions of [`api`] and [`vocabulary`], which the unit tests run natively.
//! The library is used without its `cli` feature: no threads, no file system.

pub mod api;
pub mod vocabulary;

use wasm_bindgen::prelude::wasm_bindgen;

/// The version of the compiler in this build.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// Check a draft: `{"findings", "summary", "parsed"}`.
#[wasm_bindgen]
pub fn check(source: &str) -> String {
    api::check(source)
}

/// Empty when the bytes are UTF-8; otherwise where they are not, in words.
#[wasm_bindgen]
pub fn utf8_error(bytes: &[u8]) -> String {
    api::utf8_error(bytes)
}

/// The documentation of one check: `{"code", "name", "summary", "text"}` or `{"error"}`.
#[wasm_bindgen]
pub fn explain(code: &str) -> String {
    api::explain(code)
}

/// Which legislation applies to a situation: `{"resolved", "uniform"}` or `{"error"}`.
#[wasm_bindgen]
pub fn resolve(source: &str, situation: &str) -> String {
    api::resolve(source, situation)
}

/// The JSON rule set, built even when the draft has findings: `{"ruleset", "errors"}` or `{"error"}`.
#[wasm_bindgen]
pub fn build(source: &str) -> String {
    api::build(source)
}

/// The semantic diff between two drafts in `html`, `markdown`, `text` or `json`:
/// `{"report", "same"}` or `{"error"}`.
#[wasm_bindgen]
pub fn diff(old: &str, new: &str, format: &str) -> String {
    api::diff(old, new, format)
}

/// The agreement as one HTML document (`pacta render`): `{"html"}` or `{"error"}`.
#[wasm_bindgen]
pub fn render(source: &str) -> String {
    api::render(source)
}

/// The draft in the canonical layout of `pacta fmt`: `{"formatted", "changed"}` or `{"error"}`.
#[wasm_bindgen]
pub fn format(source: &str) -> String {
    api::format(source)
}

/// The situation vocabulary for the "which law applies?" form.
#[wasm_bindgen]
pub fn situation_vocabulary() -> String {
    vocabulary::json()
}
