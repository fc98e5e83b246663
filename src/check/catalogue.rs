//! `docs/checks.md`, generated from the registry and the explanations, so that the documentation
//! and `pacta explain` cannot drift apart. `tests/it/checks.rs` fails when the committed file is
//! stale; `PACTA_BLESS=1 cargo test --test it checks::` rewrites it.

use super::explain_text;
use super::registry::{CheckInfo, CHECKS};

/// The text of `docs/checks.md`.
pub fn catalogue_markdown() -> String {
    let mut out = String::from(
        "# Checks\n\n\
         <!-- Generated from the check declarations in src/check/*.rs; do not edit.\n     \
         Regenerate with `PACTA_BLESS=1 cargo test --test it checks::`. -->\n\n\
         Every finding Pacta reports has a stable code. A defect against a principle that the agreement \
         claims (an instrument in `conforms-to:` containing it) is an error; the same defect in an \
         agreement that claims nothing is a warning; info checks never fail a build. `pacta explain CODE` \
         prints each entry below. Suppress a finding next to what it concerns with \
         `allow CODE \"reason\"`, or set its level in `pacta.toml`.\n\n\
         | code | name | principle | instrument | finds |\n|---|---|---|---|---|\n",
    );
    for c in CHECKS {
        out.push_str(&format!(
            "| [{code}](#{anchor}) | {name} | {principle} | {source} | {summary} |\n",
            code = c.code,
            anchor = anchor(c),
            name = c.name,
            principle = c.principle.map_or("—", |p| p.key()),
            source = c.source,
            summary = c.summary.replace('|', "\\|"),
        ));
    }
    for c in CHECKS {
        out.push_str(&format!("\n## {} {}\n\n```text\n", c.code, c.name));
        out.push_str(explain_text(c).trim_end());
        out.push_str("\n```\n");
    }
    out
}

fn anchor(c: &CheckInfo) -> String {
    format!("{}-{}", c.code.to_lowercase(), c.name)
}
