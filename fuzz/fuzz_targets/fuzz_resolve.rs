//! Resolve any situation string against a fixed, real agreement.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

static AGREEMENT: OnceLock<Option<pacta::model::Agreement>> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let agreement = AGREEMENT.get_or_init(|| {
        let text = include_str!("../../agreements/arcadia-borduria.pacta");
        pacta::check_source("a.pacta", text, &pacta::config::Config::default()).agreement
    });
    let (Some(agreement), Ok(situation)) = (agreement, std::str::from_utf8(data)) else {
        return;
    };
    if let Ok(conditions) = pacta::syntax::parse_situation(situation) {
        let _ = pacta::legislation::resolve(agreement, &conditions);
    }
});
