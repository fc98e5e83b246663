//! The branches of social security: the nine of ILO C102 plus death grants and long-term care.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Branch {
    MedicalCare,
    Sickness,
    Maternity,
    Invalidity,
    OldAge,
    Survivors,
    EmploymentInjury,
    Unemployment,
    Family,
    DeathGrant,
    LongTermCare,
}

impl Branch {
    pub const ALL: [Branch; 11] = [
        Branch::MedicalCare,
        Branch::Sickness,
        Branch::Maternity,
        Branch::Invalidity,
        Branch::OldAge,
        Branch::Survivors,
        Branch::EmploymentInjury,
        Branch::Unemployment,
        Branch::Family,
        Branch::DeathGrant,
        Branch::LongTermCare,
    ];

    /// The nine branches of the Social Security (Minimum Standards) Convention, 1952 (No. 102).
    pub const C102: [Branch; 9] = [
        Branch::MedicalCare,
        Branch::Sickness,
        Branch::Maternity,
        Branch::Invalidity,
        Branch::OldAge,
        Branch::Survivors,
        Branch::EmploymentInjury,
        Branch::Unemployment,
        Branch::Family,
    ];

    /// Invalidity, old-age and survivors: the long-term branches that need aggregation.
    pub(crate) const LONG_TERM: [Branch; 3] =
        [Branch::Invalidity, Branch::OldAge, Branch::Survivors];

    pub fn key(self) -> &'static str {
        match self {
            Branch::MedicalCare => "medical-care",
            Branch::Sickness => "sickness",
            Branch::Maternity => "maternity",
            Branch::Invalidity => "invalidity",
            Branch::OldAge => "old-age",
            Branch::Survivors => "survivors",
            Branch::EmploymentInjury => "employment-injury",
            Branch::Unemployment => "unemployment",
            Branch::Family => "family",
            Branch::DeathGrant => "death-grant",
            Branch::LongTermCare => "long-term-care",
        }
    }

    /// The branch as a negotiator reads it.
    pub fn title(self) -> &'static str {
        match self {
            Branch::MedicalCare => "medical care",
            Branch::Sickness => "sickness benefit",
            Branch::Maternity => "maternity benefit",
            Branch::Invalidity => "invalidity benefit",
            Branch::OldAge => "old-age benefit",
            Branch::Survivors => "survivors' benefit",
            Branch::EmploymentInjury => "employment injury benefit",
            Branch::Unemployment => "unemployment benefit",
            Branch::Family => "family benefit",
            Branch::DeathGrant => "death grant",
            Branch::LongTermCare => "long-term care",
        }
    }

    pub(crate) fn from_key(key: &str) -> Option<Branch> {
        Branch::ALL.into_iter().find(|b| b.key() == key)
    }

    pub fn keys() -> impl Iterator<Item = &'static str> {
        Branch::ALL
            .into_iter()
            .map(Branch::key)
            .chain(std::iter::once("all"))
    }

    /// Long-term cash benefits that C118 Art 5 requires to be paid abroad.
    pub(crate) fn is_exportable_pension(self) -> bool {
        matches!(
            self,
            Branch::Invalidity
                | Branch::OldAge
                | Branch::Survivors
                | Branch::DeathGrant
                | Branch::EmploymentInjury
        )
    }

    /// Short-term cash branches for which aggregation for acquisition is expected.
    pub(crate) fn is_short_term_cash(self) -> bool {
        matches!(
            self,
            Branch::Sickness | Branch::Maternity | Branch::Unemployment
        )
    }
}

impl std::fmt::Display for Branch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.key())
    }
}
