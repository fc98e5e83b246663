//! `docs/checks.md`, generated from the registry and the explanations, so that the documentation
//! and `pacta explain` cannot drift apart. `tests/it/checks.rs` fails when the committed file is
//! stale; `PACTA_BLESS=1 cargo test --test it checks::` rewrites it.

use super::explain_text;
use super::registry::{CheckInfo, Family, Profile, CHECKS};
use crate::model::Kind;

/// The text of `docs/checks.md`.
pub fn catalogue_markdown() -> String {
    let mut out = String::from(
        "# Checks\n\n\
         <!-- Generated from the check declarations in src/check/*.rs; do not edit.\n     \
         Regenerate with `PACTA_BLESS=1 cargo test --test it checks::`. -->\n\n\
         Every finding Pacta reports has a stable code. A defect against a principle is an error where \
         the Parties concerned are bound by a Convention containing it (`ratified:` in each `party`; when \
         no Party declares its ratifications, the instruments the agreement claims in `conforms-to:`), \
         otherwise a warning. A Convention binds within its reach only: C19 and C121 for employment \
         injury, C128 for invalidity, old-age and survivors, C130 for medical care and sickness, C168 for \
         unemployment, C102 and C118 for the branches the Party accepted, MLC-2006 for seafarers (no \
         finding on the agreement as a whole); info checks never fail a build. The kind of agreement (`kind:`) decides \
         which checks apply (see [Kinds of agreement](#kinds-of-agreement)). `pacta explain CODE` \
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
    out.push_str(&profiles_markdown());
    for c in CHECKS {
        out.push_str(&format!("\n## {} {}\n\n```text\n", c.code, c.name));
        out.push_str(explain_text(c).trim_end());
        out.push_str("\n```\n");
    }
    out
}

/// The section on kinds of agreement: what each kind sets out to do, each family's treatment
/// per kind, and the checks that depart from their family's.
fn profiles_markdown() -> String {
    let mut out = String::from(
        "\n## Kinds of agreement\n\n\
         `kind:` in the header says what the agreement sets out to do; each kind has a profile saying \
         which checks apply and how: *applies* (at the severity the check's policy gives), *warning at \
         most*, *info*, or *off* (not reported). An agreement without `kind:` is checked with the \
         `coordination` profile, and P012 says so once. Only `coordination` and \
         `multilateral-framework` promise every person in the personal scope a legislation; the other \
         kinds set out to avoid double coverage.\n\n\
         | kind | sets out to do |\n|---|---|\n",
    );
    for k in Kind::ALL {
        out.push_str(&format!("| `{k}` | {} |\n", k.purpose()));
    }
    let header: Vec<String> = Kind::ALL.iter().map(|k| format!("`{k}`")).collect();
    out.push_str(&format!(
        "\n| family | {} |\n|---|{}\n",
        header.join(" | "),
        "---|".repeat(Kind::ALL.len())
    ));
    let row = |p: &Profile| -> String {
        Kind::ALL
            .iter()
            .map(|k| p.get(*k).as_str())
            .collect::<Vec<_>>()
            .join(" | ")
    };
    for f in Family::ALL {
        out.push_str(&format!("| {} | {} |\n", f.key(), row(&f.profile())));
    }
    let own: Vec<&CheckInfo> = CHECKS
        .iter()
        .copied()
        .filter(|c| c.profile != c.family.profile())
        .collect();
    if !own.is_empty() {
        out.push_str(&format!(
            "\nChecks whose profile departs from their family's:\n\n| check | {} |\n|---|{}\n",
            header.join(" | "),
            "---|".repeat(Kind::ALL.len())
        ));
        for c in own {
            out.push_str(&format!(
                "| [{}](#{}) {} | {} |\n",
                c.code,
                anchor(c),
                c.name,
                row(&c.profile)
            ));
        }
    }
    out
}

fn anchor(c: &CheckInfo) -> String {
    format!("{}-{}", c.code.to_lowercase(), c.name)
}
