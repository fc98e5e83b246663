//! Diff a pair of drafts: the input is split at its first NUL byte (or its middle) into the
//! old and the new draft; every renderer runs on the report.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pacta::diff::{self, Draft};

fuzz_target!(|data: &[u8]| {
    let cut = data
        .iter()
        .position(|b| *b == 0)
        .unwrap_or(data.len() / 2);
    let (old, new) = (&data[..cut], &data[(cut + 1).min(data.len())..]);
    let config = pacta::config::Config::default();
    let a = pacta::check_bytes("old.pacta", old, &config);
    let b = pacta::check_bytes("new.pacta", new, &config);
    let (Some(a), Some(b)) = (Draft::of(&a), Draft::of(&b)) else {
        return;
    };
    let report = diff::diff(a, b);
    let text = diff::render::text::render(&report, true);
    assert!(!text.contains("\u{1b}[2K"), "no agreement text reaches the terminal raw");
    let _ = diff::render::markdown::render(&report);
    let _ = diff::render::json::render(&report);
    let _ = diff::render::html::render(&report);
});
