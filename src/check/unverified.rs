//! `unverified:` in the header: the check families whose provisions the encoder could not verify
//! in the treaty's text. A provision that could not be verified is neither invented nor silently
//! left out: the checks of its family report nothing for the file, and one info (P011) says which
//! families were not verified, so that no finding rests on an encoding the text does not support.

use super::registry::{self, Family};
use crate::diag::{Diagnostic, Severity};
use crate::model::Agreement;

/// The values `unverified:` accepts: the keys of the check families, structure aside.
pub(crate) const FAMILY_NAMES: &[&str] = &[
    "scope",
    "equality",
    "applicable-legislation",
    "aggregation",
    "export",
    "administration",
    "final-provisions",
    "plurality",
];

/// Findings about the encoding's own rules, not about the treaty: an override cycle (P310) and a
/// rule that never applies (P311) stay reported whatever was verified.
const ALWAYS_REPORTED: &[&str] = &["P310", "P311"];

/// Findings that rest on the provisions of other families as well as their own: "no provision
/// coordinates this branch" (P103) is unfounded when the aggregation or export provisions, which
/// would coordinate it, could not be verified.
const ALSO_RESTS_ON: &[(&str, &[&str])] = &[("P103", &["aggregation", "export"])];

/// Whether a finding rests on a family declared unverified.
fn rests_on_unverified(code: &str, families: &[String]) -> bool {
    let unverified = |f: &str| families.iter().any(|x| x == f);
    family_of(code).is_some_and(unverified)
        || ALSO_RESTS_ON
            .iter()
            .filter(|(c, _)| *c == code)
            .any(|(_, fs)| fs.iter().any(|f| unverified(f)))
}

/// The family a code belongs to, unless it is always reported.
pub(crate) fn family_of(code: &str) -> Option<&'static str> {
    if ALWAYS_REPORTED.contains(&code) {
        return None;
    }
    registry::get(code)
        .map(|c| c.family)
        .filter(|f| *f != Family::Structure)
        .map(Family::key)
}

/// The families the header declares unverified, in the order written.
pub(crate) fn declared(agreement: &Agreement) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for f in agreement
        .header_fields
        .iter()
        .filter(|f| f.name.value == "unverified")
    {
        for item in &f.items {
            if let Some(crate::ast::ValueKind::Word(w)) = item.single().map(|v| &v.kind) {
                if FAMILY_NAMES.contains(&w.as_str()) && !out.contains(w) {
                    out.push(w.clone());
                }
            }
        }
    }
    out
}

/// Drop the findings of the unverified families and add one P011 that lists them.
pub(crate) fn apply(agreement: &Agreement, diagnostics: &mut Vec<Diagnostic>) {
    let families = declared(agreement);
    if families.is_empty() {
        return;
    }
    let before = diagnostics.len();
    diagnostics.retain(|d| !rests_on_unverified(d.code, &families));
    let silenced = before - diagnostics.len();
    let span = agreement
        .header_fields
        .iter()
        .find(|f| f.name.value == "unverified")
        .map_or_else(|| agreement.anchor(), |f| f.span);
    diagnostics.push(
        Diagnostic::new(
            "P011",
            Severity::Info,
            format!(
                "the encoding is partial: {} not verified against the treaty's text, so {} say nothing here",
                families.join(", "),
                if families.len() == 1 {
                    "its checks"
                } else {
                    "their checks"
                }
            ),
            span,
        )
        .label("declared unverified here")
        .note(format!(
            "{silenced} finding{} of these families not reported",
            if silenced == 1 { "" } else { "s" }
        ))
        .help("verify the provisions in the text, encode them, and remove them from `unverified:`"),
    );
}
