//! The check catalogue. Every code Pacta reports is declared once, beside the function that
//! reports it, with [`declare!`]: its name, family, severity policy, principle, sources, one-line
//! summary, profile per kind of agreement and the explanation `pacta explain` prints. Findings
//! are made from the declaration (`cx.finding(&P401, …)`), so a misspelt code does not compile,
//! and adding a check touches one file: the family's, where the declaration joins the file's
//! `CHECKS` list. Codes are public interface: they are never reused or renumbered.

use crate::diag::Severity;
use crate::model::{Kind, Principle};
use std::sync::LazyLock;

/// How a check's severity is decided for one agreement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Policy {
    /// Always this severity (before the profile and the configuration).
    Fixed(Severity),
    /// An error when the Parties are bound by an instrument containing the principle, otherwise
    /// a warning.
    Principle(Principle),
    /// An error when the Parties are bound by one of these instruments (or, when no Party declares
    /// its ratifications, the agreement claims one), otherwise the given severity.
    Instruments(&'static [&'static str], Severity),
    /// This severity, but at most a warning while the header's `draft:` is not `final`.
    UnlessDraft(Severity),
}

/// The documentation `pacta explain` prints.
#[derive(Clone, Copy, Debug)]
pub struct Explanation {
    /// What the check looks for.
    pub what: &'static str,
    /// Why it matters.
    pub why: &'static str,
    /// A Pacta fragment that triggers the check.
    pub failing: &'static str,
    /// The same fragment, corrected.
    pub passing: &'static str,
}

/// The families of checks, by the part of an agreement they read. The keys are the values of the
/// `unverified:` header field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Family {
    /// Syntax, references and structure (P0).
    Structure,
    /// Material and personal scope (P1).
    Scope,
    /// Equality of treatment (P2).
    Equality,
    /// Determination of the applicable legislation (P3).
    ApplicableLegislation,
    /// Aggregation of periods and calculation (P4).
    Aggregation,
    /// Export of benefits and benefits abroad (P5).
    Export,
    /// Administrative assistance (P6).
    Administration,
    /// Transitional and final provisions (P7).
    FinalProvisions,
    /// Undue plurality of benefits (P8).
    Plurality,
}

impl Family {
    pub const ALL: [Family; 9] = [
        Family::Structure,
        Family::Scope,
        Family::Equality,
        Family::ApplicableLegislation,
        Family::Aggregation,
        Family::Export,
        Family::Administration,
        Family::FinalProvisions,
        Family::Plurality,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Family::Structure => "structure",
            Family::Scope => "scope",
            Family::Equality => "equality",
            Family::ApplicableLegislation => "applicable-legislation",
            Family::Aggregation => "aggregation",
            Family::Export => "export",
            Family::Administration => "administration",
            Family::FinalProvisions => "final-provisions",
            Family::Plurality => "plurality",
        }
    }

    /// The family's profile: how its checks apply to each kind of agreement, unless a check's
    /// declaration says otherwise.
    pub const fn profile(self) -> Profile {
        use Treatment::*;
        match self {
            Family::Structure | Family::FinalProvisions => Profile::FULL,
            Family::Scope | Family::Equality => Profile {
                coverage: Info,
                posting: Info,
                ..Profile::FULL
            },
            Family::ApplicableLegislation => Profile {
                export: Off,
                ..Profile::FULL
            },
            Family::Aggregation => Profile {
                coverage: Off,
                posting: Off,
                export: Off,
                ..Profile::FULL
            },
            Family::Export => Profile {
                coverage: Off,
                posting: Off,
                ..Profile::FULL
            },
            Family::Administration => Profile {
                multilateral_framework: Info,
                ..Profile::FULL
            },
            Family::Plurality => Profile {
                coverage: Off,
                posting: Off,
                ..Profile::FULL
            },
        }
    }
}

/// How a check applies to one kind of agreement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Treatment {
    /// Not run: what it looks for is not what this kind of agreement is for.
    Off,
    /// Reported as information only.
    Info,
    /// Reported, at most as a warning.
    Warning,
    /// Reported at the severity its policy gives.
    Full,
}

impl Treatment {
    pub fn as_str(self) -> &'static str {
        match self {
            Treatment::Off => "off",
            Treatment::Info => "info",
            Treatment::Warning => "warning at most",
            Treatment::Full => "applies",
        }
    }

    /// The severity of a finding under this treatment, given the severity its policy gives;
    /// `None` when the check is off.
    pub fn apply(self, severity: Severity) -> Option<Severity> {
        match self {
            Treatment::Off => None,
            Treatment::Info => Some(Severity::Info),
            Treatment::Warning => Some(severity.min(Severity::Warning)),
            Treatment::Full => Some(severity),
        }
    }
}

/// How a check applies to each kind of agreement (`kind:` in the header).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Profile {
    pub coordination: Treatment,
    pub coverage: Treatment,
    pub export: Treatment,
    pub posting: Treatment,
    pub multilateral_framework: Treatment,
}

impl Profile {
    /// Applies to every kind of agreement.
    pub const FULL: Profile = Profile {
        coordination: Treatment::Full,
        coverage: Treatment::Full,
        export: Treatment::Full,
        posting: Treatment::Full,
        multilateral_framework: Treatment::Full,
    };

    pub fn get(&self, kind: Kind) -> Treatment {
        match kind {
            Kind::Coordination => self.coordination,
            Kind::Coverage => self.coverage,
            Kind::Export => self.export,
            Kind::Posting => self.posting,
            Kind::MultilateralFramework => self.multilateral_framework,
        }
    }
}

/// A check family's function: reads the agreement, returns findings (the runner sets severities).
pub(crate) type CheckFn = fn(&super::Context<'_>) -> Vec<crate::diag::Diagnostic>;

/// The declaration of one check. Write it with [`declare!`], which takes the code from the
/// identifier.
#[derive(Clone, Copy, Debug)]
pub struct Check {
    pub code: &'static str,
    pub name: &'static str,
    pub family: Family,
    pub policy: Policy,
    /// The principle the check protects, if any.
    pub principle: Option<Principle>,
    /// The instruments (and articles) the check comes from, `; `-separated; every one is in the
    /// table of `docs/instruments.md`.
    pub source: &'static str,
    /// One line: what the check finds.
    pub summary: &'static str,
    /// How the check applies to each kind of agreement.
    pub profile: Profile,
    /// The function that reports it; `None` for findings made while parsing, resolving or
    /// analysing the applicable legislation.
    pub run: Option<CheckFn>,
    pub explanation: Explanation,
}

/// The former name of [`Check`].
pub(crate) type CheckInfo = Check;

impl Check {
    /// The default severity of this check when nothing is claimed.
    pub(crate) fn default_severity(&self) -> Severity {
        match self.policy {
            Policy::Fixed(s) | Policy::UnlessDraft(s) | Policy::Instruments(_, s) => s,
            Policy::Principle(_) => Severity::Warning,
        }
    }
}

impl PartialEq for Check {
    fn eq(&self, other: &Check) -> bool {
        self.code == other.code
    }
}

/// Declares one check as a `pub static` named after its code:
/// `declare!(P401 = Check { name: "no-aggregation", family: …, … });` — every field of [`Check`]
/// except `code`, which is the identifier.
macro_rules! declare {
    ($code:ident = Check { $($field:ident: $value:expr),* $(,)? }) => {
        pub(crate) static $code: $crate::check::registry::Check = $crate::check::registry::Check {
            code: stringify!($code),
            $($field: $value),*
        };
    };
}
pub(crate) use declare;

/// Every check, in code order: the `CHECKS` lists of the family files.
static ALL: LazyLock<Vec<&'static Check>> = LazyLock::new(|| {
    let mut all: Vec<&'static Check> = [
        super::structure::CHECKS,
        super::drafting::CHECKS,
        super::scope::CHECKS,
        super::equality::CHECKS,
        super::applicable::CHECKS,
        super::aggregation::CHECKS,
        super::export::CHECKS,
        super::administration::CHECKS,
        super::final_provisions::CHECKS,
        super::plurality::CHECKS,
        super::runs::CHECKS,
        crate::render::prose::CHECKS,
    ]
    .concat();
    all.sort_by_key(|c| c.code);
    all
});

/// Every check, in code order.
pub fn all() -> &'static [&'static Check] {
    &ALL
}

/// Every check, in code order: iterate it (`for c in CHECKS`) or use it as a slice.
#[derive(Clone, Copy, Debug)]
pub struct Catalogue;

/// Every check, in code order.
pub static CHECKS: Catalogue = Catalogue;

impl std::ops::Deref for Catalogue {
    type Target = [&'static Check];

    fn deref(&self) -> &[&'static Check] {
        all()
    }
}

impl IntoIterator for Catalogue {
    type Item = &'static Check;
    type IntoIter = std::iter::Copied<std::slice::Iter<'static, &'static Check>>;

    fn into_iter(self) -> Self::IntoIter {
        all().iter().copied()
    }
}

/// The entry for a code (`P303`).
pub fn get(code: &str) -> Option<&'static Check> {
    all().iter().copied().find(|c| c.code == code)
}

/// The entry for a code or a name (`P303` or `posting-without-limit`), case-insensitively.
pub fn lookup(code_or_name: &str) -> Option<&'static Check> {
    all()
        .iter()
        .copied()
        .find(|c| c.code.eq_ignore_ascii_case(code_or_name) || c.name == code_or_name)
}

/// The code for a code or a name.
pub(crate) fn resolve_code(code_or_name: &str) -> Option<&'static str> {
    lookup(code_or_name).map(|c| c.code)
}

pub fn name_of(code: &str) -> &'static str {
    get(code).map_or("", |c| c.name)
}

pub fn codes_and_names() -> impl Iterator<Item = &'static str> {
    all().iter().flat_map(|c| [c.code, c.name])
}
