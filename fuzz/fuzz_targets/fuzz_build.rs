//! Check any text, build its rule set (as `--allow-errors` would) and serialise it.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let checked = pacta::check_bytes("fuzz.pacta", data, &pacta::config::Config::default());
    if let Some(ruleset) = pacta::emit::build(&checked) {
        let _ = pacta::emit::to_json(&ruleset);
    }
});
