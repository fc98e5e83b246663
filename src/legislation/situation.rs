//! One person's situation at one time, over concrete Parties (indices into the agreement's
//! Parties), and its description in words.

use crate::ast::Status;

/// A Party, as its index in [`crate::model::Agreement::parties`].
pub type Party = u16;

/// Where a person resides, an employer sits or a posting starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Loc {
    Party(Party),
    /// A third State (outside the agreement).
    Third,
}

impl Loc {
    pub fn party(self) -> Option<Party> {
        match self {
            Loc::Party(p) => Some(p),
            Loc::Third => None,
        }
    }
}

/// The activity pursued in one place of work.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Act {
    Employed,
    SelfEmployed,
}

/// A special status, with the Party it is tied to (flag State, administration, sending State of
/// the mission, host State of a locally engaged person).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SpecialStatus {
    pub kind: Status,
    pub party: Option<Party>,
}

/// A posting: from the employer's seat (self-employed: the usual place of activity), for an
/// intended duration in days (`None` when not given: within every limit).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Posting {
    pub from: Loc,
    pub days: Option<u64>,
    /// The day of the posting being decided, for rules on its first months (`None`: the first day).
    pub at: Option<u64>,
    /// Whether the competent authorities granted an extension.
    pub granted: bool,
    /// The day the posting began (ISO 8601), for rules on postings begun before or from a date.
    pub since: Option<String>,
}

impl Posting {
    pub fn new(from: Loc, days: Option<u64>) -> Posting {
        Posting {
            from,
            days,
            at: None,
            granted: false,
            since: None,
        }
    }
}

/// One situation of the space (see `docs/legislation.md`).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Situation {
    /// The places of work, sorted by Party, each with its activity; empty only for non-active persons.
    pub work: Vec<(Party, Act)>,
    pub status: Option<SpecialStatus>,
    /// `None` when the person has no employer (self-employed only, non-active).
    pub employer: Option<Loc>,
    pub residence: Loc,
    pub posting: Option<Posting>,
    /// The person's nationality, where the agreement or a national law depends on it.
    pub nationality: Option<Loc>,
}

impl Situation {
    pub fn works_in(&self, p: Party) -> bool {
        self.work.iter().any(|&(q, _)| q == p)
    }

    pub fn has(&self, act: Act) -> bool {
        self.work.iter().any(|&(_, a)| a == act)
    }

    /// Whether the person has no activity of their own (non-active, or an accompanying family
    /// member).
    pub fn is_non_active(&self) -> bool {
        matches!(
            self.status,
            Some(SpecialStatus {
                kind: Status::NonActive | Status::Accompanying,
                ..
            })
        )
    }

    /// The usual place of a self-employed person's activity: where a posting starts, or, when
    /// not posted, the only place of self-employment (whatever the places of employment).
    pub fn usual_place(&self) -> Option<Party> {
        match (&self.posting, self.work.as_slice()) {
            (Some(p), [(_, Act::SelfEmployed)]) => p.from.party(),
            (Some(_), _) => None,
            (None, work) => {
                let mut places = work.iter().filter(|&&(_, a)| a == Act::SelfEmployed);
                match (places.next(), places.next()) {
                    (Some(&(p, _)), None) => Some(p),
                    _ => None,
                }
            }
        }
    }

    /// Every Party the situation mentions, sorted and distinct.
    pub fn parties(&self) -> Vec<Party> {
        let mut out: Vec<Party> = self.work.iter().map(|&(p, _)| p).collect();
        out.extend(self.residence.party());
        out.extend(self.employer.and_then(Loc::party));
        out.extend(self.posting.as_ref().and_then(|p| p.from.party()));
        out.extend(self.status.and_then(|s| s.party));
        out.extend(self.nationality.and_then(Loc::party));
        out.sort_unstable();
        out.dedup();
        out
    }

    /// A measure of how hard the situation is to read: fewer Parties, places and dimensions
    /// first. Used to pick the representative counterexample of a defect.
    pub fn complexity(&self) -> (usize, usize, bool, bool, bool) {
        (
            self.parties().len(),
            self.work.len(),
            self.status.is_some(),
            self.posting.is_some(),
            self.residence == Loc::Third || self.posting.as_ref().is_some_and(|p| p.granted),
        )
    }
}

/// A duration in days, in the words of the language: whole months when it is one.
pub fn days_words(days: u64) -> String {
    if days % 30 == 0 {
        let m = days / 30;
        format!("{m} month{}", if m == 1 { "" } else { "s" })
    } else {
        format!("{days} day{}", if days == 1 { "" } else { "s" })
    }
}

/// How Parties are written: by code (counterexamples) or as variables (decision-table classes).
pub trait Namer {
    fn name(&self, p: Party) -> String;
}

/// The situation in the words of rule conditions. With `plain` the third State is written
/// "a third State" (for readers); otherwise `elsewhere` (the language's keyword), so that the
/// text can be given back to `pacta resolve`.
pub fn words(s: &Situation, names: &dyn Namer, plain: bool) -> String {
    let mut parts: Vec<String> = Vec::new();
    let list = |act: Act| -> Vec<String> {
        s.work
            .iter()
            .filter(|&&(_, a)| a == act)
            .map(|&(p, _)| names.name(p))
            .collect()
    };
    let status_places_implied = matches!(
        s.status.map(|st| st.kind),
        Some(Status::Seafarer | Status::LocallyEngaged)
    );
    if let Some(st) = s.status {
        let text = match (st.kind, st.party) {
            (Status::Accompanying, Some(p)) => format!("accompanying {}", names.name(p)),
            (Status::Seafarer, Some(p)) => format!("seafarer under flag {}", names.name(p)),
            (Status::CivilServant, Some(p)) => format!("civil-servant of {}", names.name(p)),
            (Status::MissionStaff, Some(p)) => format!("mission-staff of {}", names.name(p)),
            (Status::LocallyEngaged, Some(p)) => format!("locally-engaged in {}", names.name(p)),
            (k, _) => k.keyword().to_string(),
        };
        parts.push(text);
    }
    if !status_places_implied {
        let emp = list(Act::Employed);
        let selfe = list(Act::SelfEmployed);
        match (emp.is_empty(), selfe.is_empty()) {
            (false, true) => parts.push(format!("employed in {}", emp.join(" and "))),
            (true, false) => parts.push(format!("self-employed in {}", selfe.join(" and "))),
            (false, false) => parts.push(format!(
                "employed in {} and self-employed in {}",
                emp.join(" and "),
                selfe.join(" and ")
            )),
            (true, true) => {}
        }
    }
    let third = if plain { "a third State" } else { "elsewhere" };
    let skip_employer = matches!(
        s.status.map(|st| st.kind),
        Some(Status::CivilServant | Status::MissionStaff)
    );
    match s.employer {
        Some(Loc::Party(p)) if !skip_employer => {
            parts.push(format!("employer in {}", names.name(p)))
        }
        Some(Loc::Third) if !skip_employer => parts.push(format!(
            "employer {}",
            if plain {
                "in a third State"
            } else {
                "elsewhere"
            }
        )),
        _ => {}
    }
    match s.residence {
        Loc::Party(p) => parts.push(format!("resides in {}", names.name(p))),
        Loc::Third => parts.push(if plain {
            format!("resides in {third}")
        } else {
            "resides elsewhere".to_string()
        }),
    }
    match s.nationality {
        Some(Loc::Party(p)) => parts.push(format!("national of {}", names.name(p))),
        Some(Loc::Third) if plain => parts.push("national of a third State".to_string()),
        _ => {}
    }
    if !s.is_non_active() {
        match &s.posting {
            None => parts.push("not posted".to_string()),
            Some(p) => {
                if let [(_, Act::SelfEmployed)] = s.work.as_slice() {
                    match p.from {
                        Loc::Party(q) => {
                            parts.push(format!("usually self-employed in {}", names.name(q)))
                        }
                        Loc::Third if plain => {
                            parts.push("usually self-employed in a third State".to_string())
                        }
                        Loc::Third => {}
                    }
                }
                let mut text = match p.days {
                    Some(d) => format!("posted {}", days_words(d)),
                    None => "posted".to_string(),
                };
                if let Some(since) = &p.since {
                    text.push_str(&format!(" since {since}"));
                }
                parts.push(text);
                if p.granted {
                    parts.push("extension granted".to_string());
                }
                if let (Some(at), true) = (p.at, plain) {
                    parts.push(format!("in month {}", at.div_ceil(30).max(1)));
                }
            }
        }
    }
    parts.join(", ")
}
