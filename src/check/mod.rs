//! The checks: one registry of codes ([`registry`]), one file per check family, and the runner
//! that applies severities, configuration and suppressions.

mod administration;
mod aggregation;
mod applicable;
mod catalogue;
mod drafting;
mod equality;
mod export;
mod final_provisions;
pub(crate) mod partial;
mod plurality;
pub mod registry;
mod runs;
mod scope;
mod structure;
pub(crate) mod unverified;

use crate::config::{Config, Level};
use crate::diag::{Diagnostic, Severity};
use crate::model::Agreement;
use registry::Policy;

pub(crate) use applicable::{P301, P302, P310, P311, P312, P313};
pub use catalogue::catalogue_markdown;
pub use runs::failing_scenarios;

/// What a check function receives.
pub struct Context<'a> {
    pub agreement: &'a Agreement,
}

impl Context<'_> {
    /// A finding of `code`, with the note naming its principle and instrument. The severity is
    /// a placeholder until [`finish`] applies the policy and the configuration.
    pub fn finding(
        &self,
        check: &'static registry::Check,
        message: impl Into<String>,
        span: crate::span::Span,
    ) -> Diagnostic {
        let d = Diagnostic::new(check.code, Severity::Warning, message, span);
        match check.principle {
            Some(p) => d.note(format!("principle: {} ({})", p.title(), check.source)),
            None => d.note(format!("source: {}", check.source)),
        }
    }
}

/// Run every check family on a resolved agreement.
pub fn run(agreement: &Agreement) -> Vec<Diagnostic> {
    let ctx = Context { agreement };
    registry::all()
        .iter()
        .filter_map(|c| c.run)
        .flat_map(|f| f(&ctx))
        .collect()
}

/// The severity of a finding by its check's policy and, for a principle, a note saying whether
/// the Parties concerned are bound by it (when the Parties declare their ratifications).
fn severity_and_note(
    code: &str,
    concerns: &crate::diag::Concerns,
    agreement: Option<&Agreement>,
) -> (Severity, Option<String>) {
    let Some(info) = registry::get(code) else {
        return (Severity::Error, None);
    };
    match (info.policy, agreement) {
        (Policy::Fixed(s), _) => (s, None),
        (Policy::Principle(p), Some(a)) => {
            match a.binding(p, &concerns.parties, &concerns.branches) {
                None if a.claims_principle(p) => (Severity::Error, None),
                None => (Severity::Warning, None),
                Some(bound) => binding_note(&bound, &concerns.branches),
            }
        }
        (Policy::UnlessDraft(s), Some(a)) if a.is_draft() => (s.min(Severity::Warning), None),
        (Policy::UnlessDraft(s), _) => (s, None),
        (Policy::Instruments(list, otherwise), Some(a)) => {
            let bound = if a.declares_ratifications() {
                a.parties
                    .iter()
                    .filter(|p| {
                        concerns.parties.is_empty() || concerns.parties.contains(&p.code.value)
                    })
                    .all(|p| p.ratified.iter().any(|r| list.contains(&r.instrument.code)))
            } else {
                list.iter().any(|i| a.claims_instrument(i))
            };
            (if bound { Severity::Error } else { otherwise }, None)
        }
        (Policy::Instruments(_, otherwise), None) => (otherwise, None),
        (Policy::Principle(_), None) => (Severity::Warning, None),
    }
}

/// An error when every Party concerned is bound, with a note naming the Conventions; otherwise
/// a warning, with a note naming the Parties that are not.
fn binding_note(
    bound: &[(&str, Option<&'static crate::model::Instrument>)],
    branches: &[crate::model::Branch],
) -> (Severity, Option<String>) {
    let what = match branches {
        [] => String::new(),
        bs => format!(
            " for {}",
            crate::model::coordination::join_and(
                &bs.iter().map(|b| b.title().to_string()).collect::<Vec<_>>()
            )
        ),
    };
    let free: Vec<&str> = bound
        .iter()
        .filter(|(_, i)| i.is_none())
        .map(|(p, _)| *p)
        .collect();
    if free.is_empty() && !bound.is_empty() {
        let by: Vec<String> = bound
            .iter()
            .filter_map(|(p, i)| i.map(|i| format!("{p} by {}", i.code)))
            .collect();
        (
            Severity::Error,
            Some(format!("binding{what}: {}", by.join(", "))),
        )
    } else {
        (
            Severity::Warning,
            Some(format!(
                "not binding{what}: {} {} ratified no Convention containing this principle (`conforms-to` states the agreement's aim, not an obligation)",
                free.join(", "),
                if free.len() == 1 { "has" } else { "have" }
            )),
        )
    }
}

/// Set severities (policy, then configuration), drop what the configuration allows, apply the
/// agreement's suppressions, report unused suppressions (P010), and sort.
pub(crate) fn finish(
    mut diags: Vec<Diagnostic>,
    agreement: Option<&Agreement>,
    config: &Config,
) -> Vec<Diagnostic> {
    for d in &mut diags {
        // Syntax and structure findings keep the severity they were created with, except those
        // the check functions report.
        let by_check = registry::get(d.code).is_some_and(|c| c.run.is_some());
        if !d.code.starts_with("P0") || by_check {
            let (severity, note) = severity_and_note(d.code, &d.concerns, agreement);
            d.severity = severity;
            if let Some(note) = note {
                d.notes.push(note);
            }
        }
    }
    // The profile of the agreement's kind: checks that do not apply are dropped, others capped.
    if let Some(a) = agreement {
        let kind = a.assumed_kind();
        diags.retain_mut(|d| {
            let Some(check) = registry::get(d.code) else {
                return true;
            };
            match check.profile.get(kind).apply(d.severity) {
                Some(s) => {
                    d.severity = s;
                    true
                }
                None => false,
            }
        });
    }
    if let Some(a) = agreement {
        let mut used = vec![false; a.suppressions.len()];
        diags.retain(|d| {
            let hit = a.suppressions.iter().position(|s| {
                s.code == Some(d.code)
                    && s.region.start <= d.primary.span.start
                    && d.primary.span.start < s.region.end
            });
            if let Some(i) = hit {
                used[i] = true;
            }
            hit.is_none() || d.code == "P001"
        });
        for (s, used) in a.suppressions.iter().zip(used) {
            if !used && s.code.is_some() {
                diags.push(
                    Diagnostic::new(
                        "P010",
                        Severity::Warning,
                        format!("`allow {}` matches no finding", s.check.value),
                        s.span,
                    )
                    .label("nothing to suppress")
                    .note(format!("reason given: \"{}\"", s.reason.value))
                    .help("remove the suppression; the finding it was for is gone")
                    .fix("Remove the stale suppression", s.span, ""),
                );
            }
        }
    }
    diags.retain_mut(|d| match config.levels.get(d.code) {
        Some(Level::Allow) => false,
        Some(Level::At(s)) => {
            d.severity = *s;
            true
        }
        None => true,
    });
    crate::diag::sort(&mut diags);
    diags
}

/// The text `pacta explain` prints for a check (also used to generate `docs/checks.md`).
pub fn explain_text(info: &registry::CheckInfo) -> String {
    let severity = match info.policy {
        Policy::Fixed(s) => s.as_str().to_string(),
        Policy::Principle(p) => format!(
            "error when the Parties concerned are bound by a Convention containing {} (ratified: in each party; \
             when no Party says, the instruments the agreement claims in conforms-to), otherwise warning",
            p.title()
        ),
        Policy::Instruments(list, otherwise) => format!(
            "error when the Parties concerned have ratified {} (ratified:; when no Party says, when the agreement claims it in conforms-to), otherwise {}",
            list.join(" or "),
            otherwise.as_str()
        ),
        Policy::UnlessDraft(s) => format!(
            "{}, but a warning while the header's draft: names a draft rather than `final`",
            s.as_str()
        ),
    };
    let x = info.explanation;
    let mut out = format!("{} {}: {}\n\n", info.code, info.name, info.summary);
    out.push_str(&format!("Severity: {severity}\n"));
    if let Some(p) = info.principle {
        out.push_str(&format!("Principle: {}\n", p.title()));
    }
    out.push_str(&format!("Instrument: {}\n", info.source));
    out.push_str(&format!("Family: {}\n", info.family.key()));
    let profile: Vec<String> = crate::model::Kind::ALL
        .iter()
        .map(|k| format!("{k} {}", info.profile.get(*k).as_str()))
        .collect();
    out.push_str(&format!("Profile: {}\n", profile.join(", ")));
    for (title, body) in [("What it checks", x.what), ("Why it matters", x.why)] {
        if !body.is_empty() {
            out.push_str(&format!("\n{title}\n{body}\n"));
        }
    }
    for (title, body) in [
        ("Failing example", x.failing),
        ("Passing example", x.passing),
    ] {
        if !body.is_empty() {
            out.push_str(&format!("\n{title}\n"));
            for line in body.lines() {
                out.push_str(&format!("    {line}\n"));
            }
        }
    }
    out
}
