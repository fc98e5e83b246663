//! Kinds of agreement (`kind:` in the header). The kind says what the agreement sets out to do,
//! and so which checks apply to it and how (each check's profile, in `check::registry`).

/// What an agreement sets out to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// Full coordination in the manner of C157: scope, equality, applicable legislation,
    /// aggregation, export, administrative assistance. The profile assumed when `kind:` is absent.
    Coordination,
    /// Rules on the applicable legislation only, to avoid double contributions (many agreements
    /// of the United States and of Korea).
    Coverage,
    /// Export of benefits and its administration (Netherlands–Pakistan).
    Export,
    /// Postings only.
    Posting,
    /// A multilateral framework whose details are left to bilateral or administrative
    /// arrangements (MERCOSUR, CARICOM).
    MultilateralFramework,
}

impl Kind {
    pub const ALL: [Kind; 5] = [
        Kind::Coordination,
        Kind::Coverage,
        Kind::Export,
        Kind::Posting,
        Kind::MultilateralFramework,
    ];

    /// The kind assumed when an agreement does not say.
    pub(crate) const ASSUMED: Kind = Kind::Coordination;

    /// The word written after `kind:`.
    pub fn key(self) -> &'static str {
        match self {
            Kind::Coordination => "coordination",
            Kind::Coverage => "coverage",
            Kind::Export => "export",
            Kind::Posting => "posting",
            Kind::MultilateralFramework => "multilateral-framework",
        }
    }

    pub(crate) fn from_key(key: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.key() == key)
    }

    /// What the kind sets out to do, in a few words.
    pub(crate) fn purpose(self) -> &'static str {
        match self {
            Kind::Coordination => "full coordination: scope, equality, applicable legislation, aggregation, export and assistance",
            Kind::Coverage => "rules on the applicable legislation only, to avoid double coverage",
            Kind::Export => "export of benefits and its administration",
            Kind::Posting => "postings only",
            Kind::MultilateralFramework => "a multilateral framework completed by bilateral or administrative arrangements",
        }
    }

    /// Whether the agreement promises every person in its personal scope a legislation
    /// (coordination, multilateral framework), or sets out only to avoid double coverage
    /// (coverage, posting, export). An agreement of the second sort answers for a situation
    /// that two legislations claim (P301), not for a person whom no national law reaches (P302).
    pub fn promises_coverage(self) -> bool {
        matches!(self, Kind::Coordination | Kind::MultilateralFramework)
    }
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.key())
    }
}
