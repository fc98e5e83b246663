//! How a Party's law reaches a person without the agreement: the coverage bases written in a
//! `scope` line (`scope US "Social Security Act" nationals-abroad: old-age`). The
//! applicable-legislation analysis uses them to decide which national laws apply where no rule
//! of the agreement does (see `docs/legislation.md`, *National coverage*).

/// One coverage basis.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Basis {
    /// Work in the Party's territory (the default when no basis is written).
    Territory,
    /// Residence in the Party, in addition to work in its territory (`residence-based`).
    Residence,
    /// Residence only: work in the territory alone does not bring a person in (`residents-only`).
    ResidentsOnly,
    /// Employees of an employer established in the Party, working abroad (`employer-abroad`).
    EmployerAbroad,
    /// The Party's nationals working abroad (`nationals-abroad`).
    NationalsAbroad,
    /// Seafarers on ships flying the Party's flag (`flag`).
    Flag,
    /// The Party's civil servants wherever they work (`civil-service`).
    CivilService,
    /// Employees only: the self-employed are not reached (`employees-only`).
    EmployeesOnly,
    /// Not a way of reaching persons but a fact about the law the checks need: it asks no
    /// qualifying period, a benefit accruing for each period of insurance or residence (the
    /// Netherlands' General Old Age Pensions Act), so nothing is lost without aggregation
    /// (`no-qualifying-period`).
    NoQualifyingPeriod,
}

/// Every basis with its keyword, in the order of the language reference.
pub const BASES: &[(&str, Basis, &str)] = &[
    (
        "territory",
        Basis::Territory,
        "persons who work in the Party's territory (the default)",
    ),
    (
        "residence-based",
        Basis::Residence,
        "residents of the Party, and persons who work in its territory",
    ),
    (
        "residents-only",
        Basis::ResidentsOnly,
        "residents of the Party only",
    ),
    (
        "employer-abroad",
        Basis::EmployerAbroad,
        "employees of an employer established in the Party who work abroad",
    ),
    (
        "nationals-abroad",
        Basis::NationalsAbroad,
        "the Party's nationals who work abroad",
    ),
    (
        "flag",
        Basis::Flag,
        "seafarers on ships flying the Party's flag",
    ),
    (
        "civil-service",
        Basis::CivilService,
        "the Party's civil servants, wherever they work",
    ),
    (
        "employees-only",
        Basis::EmployeesOnly,
        "employees only: the self-employed are not reached",
    ),
    (
        "no-qualifying-period",
        Basis::NoQualifyingPeriod,
        "the law asks no qualifying period: the benefit accrues for each period of insurance or residence, so no aggregation is needed to acquire it",
    ),
];

impl Basis {
    pub(crate) fn from_key(key: &str) -> Option<Basis> {
        BASES.iter().find(|(k, _, _)| *k == key).map(|&(_, b, _)| b)
    }

    pub fn key(self) -> &'static str {
        BASES
            .iter()
            .find(|(_, b, _)| *b == self)
            .map_or("territory", |(k, _, _)| k)
    }
}

/// The coverage of one scheme: how it reaches a person.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Reach {
    pub territory: bool,
    pub residence: bool,
    pub employer_abroad: bool,
    pub nationals_abroad: bool,
    pub flag: bool,
    pub civil_service: bool,
    /// The self-employed are reached (false for `employees-only`).
    pub self_employed: bool,
}

impl Reach {
    /// The reach of a scheme written with these bases.
    pub fn of(bases: &[Basis]) -> Reach {
        let has = |b: Basis| bases.contains(&b);
        Reach {
            territory: !has(Basis::ResidentsOnly),
            residence: has(Basis::Residence) || has(Basis::ResidentsOnly),
            employer_abroad: has(Basis::EmployerAbroad),
            nationals_abroad: has(Basis::NationalsAbroad),
            flag: has(Basis::Flag),
            civil_service: has(Basis::CivilService),
            self_employed: !has(Basis::EmployeesOnly),
        }
    }

    /// The union of two schemes' reach (a Party with several laws for one branch).
    pub(crate) fn union(self, o: Reach) -> Reach {
        Reach {
            territory: self.territory || o.territory,
            residence: self.residence || o.residence,
            employer_abroad: self.employer_abroad || o.employer_abroad,
            nationals_abroad: self.nationals_abroad || o.nationals_abroad,
            flag: self.flag || o.flag,
            civil_service: self.civil_service || o.civil_service,
            self_employed: self.self_employed || o.self_employed,
        }
    }
}
