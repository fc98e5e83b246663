//! Parse and check any bytes, then render the findings in every format.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pacta::diag::render::{self, FileReport};

fuzz_target!(|data: &[u8]| {
    let checked = pacta::check_bytes("fuzz.pacta", data, &pacta::config::Config::default());
    let reports = [FileReport {
        file: checked.file,
        diagnostics: checked.diagnostics,
    }];
    let human = render::human::render(&reports, true);
    assert!(!human.contains("\u{1b}]"), "no agreement text reaches the terminal raw");
    let short = render::short::render(&reports);
    assert!(
        short.lines().all(|l| l.len() <= 160 + pacta::diag::visible::LONG_MESSAGE),
        "one finding, one line of bounded length"
    );
    let _ = render::github::render(&reports);
    let _ = render::json::render(&reports);
    let _ = render::sarif::render(&reports);
    let _ = render::junit::render(&reports, pacta::diag::Severity::Error);
});
