//! The ILO instruments and the principles each contains (GB.344/POL/1, appendix; ratifications as
//! of January 2022). Used to set severities: a defect against a principle that a claimed
//! instrument contains is an error.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The five principles of the ILO standards on migrant workers' social security.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Principle {
    EqualityOfTreatment,
    ApplicableLegislation,
    AcquiredRights,
    RightsInCourseOfAcquisition,
    AdministrativeAssistance,
}

impl Principle {
    pub const ALL: [Principle; 5] = [
        Principle::EqualityOfTreatment,
        Principle::ApplicableLegislation,
        Principle::AcquiredRights,
        Principle::RightsInCourseOfAcquisition,
        Principle::AdministrativeAssistance,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Principle::EqualityOfTreatment => "equality-of-treatment",
            Principle::ApplicableLegislation => "applicable-legislation",
            Principle::AcquiredRights => "acquired-rights",
            Principle::RightsInCourseOfAcquisition => "rights-in-course-of-acquisition",
            Principle::AdministrativeAssistance => "administrative-assistance",
        }
    }

    /// The principle as the notes of a finding name it.
    pub fn title(self) -> &'static str {
        match self {
            Principle::EqualityOfTreatment => "equality of treatment",
            Principle::ApplicableLegislation => {
                "determination of the applicable legislation — one legislation at a time"
            }
            Principle::AcquiredRights => {
                "maintenance of acquired rights and provision of benefits abroad"
            }
            Principle::RightsInCourseOfAcquisition => {
                "maintenance of rights in course of acquisition (aggregation of periods)"
            }
            Principle::AdministrativeAssistance => "administrative assistance",
        }
    }
}

/// One row of the instrument table.
#[derive(Clone, Copy, Debug)]
pub struct Instrument {
    /// The code written in `conforms-to:` (`C157`, `R167`, `MLC-2006`).
    pub code: &'static str,
    pub title: &'static str,
    pub year: u16,
    /// Ratifications as of January 2022; `None` for Recommendations.
    pub ratifications: Option<u16>,
    pub principles: &'static [Principle],
    /// Whom and what its obligations reach: a Convention on one contingency binds a Party for
    /// findings on those branches only; the Maritime Labour Convention for seafarers only.
    pub reach: Reach,
}

/// What a Convention's obligations reach.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reach {
    /// Every branch (C102 and C118 by the branches a Party accepted, in `ratified:`).
    All,
    /// These branches only (C19 and C121: employment injury; C128: long-term benefits; …).
    Branches(&'static [Branch]),
    /// Seafarers only (MLC-2006 Regulation 4.5): no finding on the agreement as a whole.
    Seafarers,
}

impl Reach {
    /// Whether a finding on `branches` (none named: the agreement as a whole) is within reach.
    pub fn covers(self, branches: &[Branch]) -> bool {
        match self {
            Reach::All => true,
            Reach::Branches(only) => {
                !branches.is_empty() && branches.iter().all(|b| only.contains(b))
            }
            Reach::Seafarers => false,
        }
    }
}

use super::branch::Branch;
use Principle::*;

pub(crate) const INSTRUMENTS: &[Instrument] = &[
    Instrument {
        code: "C19",
        title: "Equality of Treatment (Accident Compensation) Convention",
        year: 1925,
        ratifications: Some(121),
        principles: &[EqualityOfTreatment, AdministrativeAssistance],
        reach: Reach::Branches(&[Branch::EmploymentInjury]),
    },
    Instrument {
        code: "R86",
        title: "Migration for Employment Recommendation (Revised)",
        year: 1949,
        ratifications: None,
        principles: &[
            EqualityOfTreatment,
            AcquiredRights,
            RightsInCourseOfAcquisition,
        ],
        reach: Reach::All,
    },
    Instrument {
        code: "C97",
        title: "Migration for Employment Convention (Revised)",
        year: 1949,
        ratifications: Some(53),
        principles: &[EqualityOfTreatment],
        reach: Reach::All,
    },
    Instrument {
        code: "C102",
        title: "Social Security (Minimum Standards) Convention",
        year: 1952,
        ratifications: Some(60),
        principles: &[EqualityOfTreatment],
        reach: Reach::All,
    },
    Instrument {
        code: "C118",
        title: "Equality of Treatment (Social Security) Convention",
        year: 1962,
        ratifications: Some(38),
        principles: &[
            EqualityOfTreatment,
            AcquiredRights,
            RightsInCourseOfAcquisition,
            AdministrativeAssistance,
        ],
        reach: Reach::All,
    },
    Instrument {
        code: "C121",
        title: "Employment Injury Benefits Convention",
        year: 1964,
        ratifications: Some(24),
        principles: &[EqualityOfTreatment],
        reach: Reach::Branches(&[Branch::EmploymentInjury]),
    },
    Instrument {
        code: "R122",
        title: "Employment Policy Recommendation",
        year: 1964,
        ratifications: None,
        principles: &[EqualityOfTreatment],
        reach: Reach::All,
    },
    Instrument {
        code: "C128",
        title: "Invalidity, Old-Age and Survivors' Benefits Convention",
        year: 1967,
        ratifications: Some(17),
        principles: &[RightsInCourseOfAcquisition],
        reach: Reach::Branches(&[Branch::Invalidity, Branch::OldAge, Branch::Survivors]),
    },
    Instrument {
        code: "C130",
        title: "Medical Care and Sickness Benefits Convention",
        year: 1969,
        ratifications: Some(16),
        principles: &[EqualityOfTreatment],
        reach: Reach::Branches(&[Branch::MedicalCare, Branch::Sickness]),
    },
    Instrument {
        code: "C143",
        title: "Migrant Workers (Supplementary Provisions) Convention",
        year: 1975,
        ratifications: Some(28),
        principles: &[EqualityOfTreatment],
        reach: Reach::All,
    },
    Instrument {
        code: "R151",
        title: "Migrant Workers Recommendation",
        year: 1975,
        ratifications: None,
        principles: &[
            EqualityOfTreatment,
            AcquiredRights,
            RightsInCourseOfAcquisition,
        ],
        reach: Reach::All,
    },
    Instrument {
        code: "C157",
        title: "Maintenance of Social Security Rights Convention",
        year: 1982,
        ratifications: Some(4),
        principles: &[
            EqualityOfTreatment,
            ApplicableLegislation,
            AcquiredRights,
            RightsInCourseOfAcquisition,
            AdministrativeAssistance,
        ],
        reach: Reach::All,
    },
    Instrument {
        code: "R167",
        title: "Maintenance of Social Security Rights Recommendation",
        year: 1983,
        ratifications: None,
        principles: &[
            EqualityOfTreatment,
            ApplicableLegislation,
            AcquiredRights,
            RightsInCourseOfAcquisition,
            AdministrativeAssistance,
        ],
        reach: Reach::All,
    },
    Instrument {
        code: "C168",
        title: "Employment Promotion and Protection against Unemployment Convention",
        year: 1988,
        ratifications: Some(8),
        principles: &[EqualityOfTreatment],
        reach: Reach::Branches(&[Branch::Unemployment]),
    },
    Instrument {
        code: "MLC-2006",
        title: "Maritime Labour Convention (as amended)",
        year: 2006,
        ratifications: Some(98),
        principles: &[EqualityOfTreatment],
        reach: Reach::Seafarers,
    },
    Instrument {
        code: "R201",
        title: "Domestic Workers Recommendation",
        year: 2011,
        ratifications: None,
        principles: &[
            EqualityOfTreatment,
            AcquiredRights,
            RightsInCourseOfAcquisition,
        ],
        reach: Reach::All,
    },
    Instrument {
        code: "R202",
        title: "Social Protection Floors Recommendation",
        year: 2012,
        ratifications: None,
        principles: &[EqualityOfTreatment],
        reach: Reach::All,
    },
    Instrument {
        code: "R205",
        title: "Employment and Decent Work for Peace and Resilience Recommendation",
        year: 2017,
        ratifications: None,
        principles: &[AcquiredRights],
        reach: Reach::All,
    },
];

/// Look up an instrument by the code written in `conforms-to:` (`MLC` is accepted for `MLC-2006`).
pub(crate) fn find(code: &str) -> Option<&'static Instrument> {
    let code = if code == "MLC" { "MLC-2006" } else { code };
    INSTRUMENTS.iter().find(|i| i.code == code)
}

pub(crate) fn codes() -> impl Iterator<Item = &'static str> {
    INSTRUMENTS.iter().map(|i| i.code)
}
