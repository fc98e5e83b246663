//! The checks: one registry of codes ([`registry`]), one file per check family, and the runner
//! that applies severities, configuration and suppressions.

mod administration;
mod aggregation;
mod applicable;
mod catalogue;
mod equality;
mod export;
mod final_provisions;
mod plurality;
pub mod registry;
mod scope;
mod structure;

use crate::config::{Config, Level};
use crate::diag::{Diagnostic, Severity};
use crate::model::Agreement;
use registry::Policy;

pub use applicable::{P301, P302, P310, P311};
pub use catalogue::catalogue_markdown;

/// What a check function receives.
pub struct Context<'a> {
    pub agreement: &'a Agreement,
}

pub use registry::CheckFn;

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

/// The severity of a finding for this agreement, before configuration.
pub fn policy_severity(code: &str, agreement: Option<&Agreement>) -> Severity {
    let Some(info) = registry::get(code) else {
        return Severity::Error;
    };
    match (info.policy, agreement) {
        (Policy::Fixed(s), _) => s,
        (Policy::Principle(p), Some(a)) if a.claims_principle(p) => Severity::Error,
        (Policy::Instruments(list), Some(a)) if list.iter().any(|i| a.claims_instrument(i)) => {
            Severity::Error
        }
        _ => Severity::Warning,
    }
}

/// Set severities (policy, then configuration), drop what the configuration allows, apply the
/// agreement's suppressions, report unused suppressions (P010), and sort.
pub fn finish(
    mut diags: Vec<Diagnostic>,
    agreement: Option<&Agreement>,
    config: &Config,
) -> Vec<Diagnostic> {
    for d in &mut diags {
        // Syntax and structure findings keep the severity they were created with.
        if !d.code.starts_with("P0") {
            d.severity = policy_severity(d.code, agreement);
        }
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
                    .help("remove the suppression; the finding it was for is gone"),
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
            "error when the agreement claims an instrument containing {} (conforms-to), otherwise warning",
            p.title()
        ),
        Policy::Instruments(list) => {
            format!("error when the agreement claims {} (conforms-to), otherwise warning", list.join(" or "))
        }
    };
    let x = info.explanation;
    let mut out = format!("{} {}: {}\n\n", info.code, info.name, info.summary);
    out.push_str(&format!("Severity: {severity}\n"));
    if let Some(p) = info.principle {
        out.push_str(&format!("Principle: {}\n", p.title()));
    }
    out.push_str(&format!("Instrument: {}\n", info.source));
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
