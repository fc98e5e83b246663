//! Format any bytes: `pacta fmt` never panics, and on a text that parses the layout is a fixed
//! point (`fmt(fmt(x)) == fmt(x)`) that keeps every comment and every finding.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pacta::config::Config;
use pacta::syntax::tokens::comments;

/// Findings without their place (formatting moves them): code, severity and message.
fn findings(text: &str) -> Vec<(&'static str, &'static str, String)> {
    let checked = pacta::check_source("fuzz.pacta", text, &Config::default());
    let mut out: Vec<_> = checked
        .diagnostics
        .iter()
        .map(|d| (d.code, d.severity.as_str(), d.message.clone()))
        .collect();
    out.sort();
    out
}

fn comment_texts(text: &str) -> Vec<String> {
    comments(text)
        .into_iter()
        .map(|c| c.text.trim_end().to_string())
        .collect()
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Ok(once) = pacta::fmt::format(&text) else {
        return;
    };
    let twice = pacta::fmt::format(&once).expect("the formatted text parses");
    assert_eq!(once, twice, "fmt is not idempotent");
    assert_eq!(
        comment_texts(&text),
        comment_texts(&once),
        "fmt lost or changed a comment"
    );
    assert_eq!(findings(&text), findings(&once), "fmt changed the findings");
});
