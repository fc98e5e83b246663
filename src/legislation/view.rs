//! What the roles of one Party in a situation let the rules tell apart (see `space.rs`).
//!
//! The space is first built over *slots*: the distinct Parties of a situation, numbered in order
//! of introduction, with their roles (place of work, residence, employer's seat, start of a
//! posting, the Party of a special status, nationality) but no identity yet. Which Party fills a
//! slot matters only through:
//!
//! 1. the reach of its laws, as far as the slot's roles bring it into play (a residence-based
//!    law matters to the Party of residence, not to the employer's seat);
//! 2. for each Party code that a rule which can apply to the slot's situation names **on one of
//!    the slot's roles**, whether the slot is that Party (`resides in QB` looks at the residence
//!    slot only);
//! 3. for each Party code that such a rule designates (`-> QB`), whether the slot is that Party,
//!    when a rule designates the slot's Party through a variable (`employed in X -> X`), so that
//!    two designations may or may not coincide — unless the rule names that Party in one of its
//!    conditions: where it applies, that Party then plays the condition's role, so a slot
//!    playing none of those roles is another Party (2. covers the slots that play one).
//!
//! Everything else a verdict depends on — which slots coincide, the activities, the posting —
//! is fixed by the shape. So a slot is offered one choice per class of Parties named on its roles
//! (the symmetry classes, `symmetry.rs`) and one choice per profile for all the other Parties:
//! twelve Parties each named in `employed in Qi, resides in Qj -> Qj` are twelve choices for a
//! place of work but one for an employer's seat.

use super::rules::{CCond, CPlaces, CRule, Term};
use super::situation::{Act, Loc, Party, Situation};
use crate::model::basis::Reach;

/// The roles a slot plays in a situation, as bits.
pub(crate) type Roles = u8;
pub(crate) const EMPLOYED: Roles = 1;
pub(crate) const SELF_EMPLOYED: Roles = 2;
pub(crate) const WORK: Roles = EMPLOYED | SELF_EMPLOYED;
pub(crate) const RESIDENCE: Roles = 4;
pub(crate) const EMPLOYER: Roles = 8;
pub(crate) const FROM: Roles = 16;
pub(crate) const STATUS: Roles = 32;
pub(crate) const NATIONALITY: Roles = 64;
/// Every role.
pub(crate) const ALL: Roles = 127;

/// The part of a scheme's reach that matters to a Party with these roles (`national.rs`:
/// `reaches` and `connected`); whether it has a scheme at all always matters.
pub(crate) fn reach_seen(r: Reach, roles: Roles) -> Reach {
    let any = |bits: Roles| roles & bits != 0;
    Reach {
        territory: r.territory && any(WORK | STATUS),
        residence: r.residence && any(RESIDENCE),
        employer_abroad: r.employer_abroad && any(EMPLOYER | STATUS),
        nationals_abroad: r.nationals_abroad && any(NATIONALITY),
        flag: r.flag && any(STATUS),
        civil_service: r.civil_service && any(STATUS),
        self_employed: r.self_employed && any(WORK | NATIONALITY),
    }
}

/// The roles on which a condition looks at the Party it names.
fn cond_roles(c: &CCond) -> Roles {
    match c {
        CCond::Activity(..) | CCond::Split { .. } | CCond::WorksIn(_) => WORK,
        CCond::EmployerIn(_) => EMPLOYER,
        CCond::ResidesIn(_) => RESIDENCE,
        // The usual place of a self-employed person: where a posting starts, or the only place
        // of self-employment.
        CCond::UsuallyIn(_) => FROM | WORK,
        CCond::Status(_, _) => STATUS,
        CCond::National(_) => NATIONALITY,
        _ => 0,
    }
}

/// The terms of a condition.
fn cond_terms(c: &CCond) -> Vec<Term> {
    let list = |p: &CPlaces| match p {
        CPlaces::List(l) => l.clone(),
        CPlaces::Several => Vec::new(),
    };
    match c {
        CCond::Activity(_, p) => list(p),
        CCond::Split {
            employed,
            self_employed,
        } => {
            let mut v = list(employed);
            v.extend(list(self_employed));
            v
        }
        CCond::WorksIn(t)
        | CCond::EmployerIn(t)
        | CCond::ResidesIn(t)
        | CCond::UsuallyIn(t)
        | CCond::National(t) => vec![*t],
        CCond::Status(_, Some(t)) => vec![*t],
        _ => Vec::new(),
    }
}

/// The Parties a rule names by code in its conditions (with repeats).
pub(crate) fn named_parties(r: &CRule) -> Vec<Party> {
    r.conds
        .iter()
        .flat_map(|c| cond_terms(&c.cond))
        .filter_map(|t| match t {
            Term::Party(p) => p,
            Term::Var(_) => None,
        })
        .collect()
}

/// A rule, read for what it names on which role.
pub(crate) struct RuleView {
    /// (roles, Party) for every Party code in a condition.
    named: Vec<(Roles, Party)>,
    /// The Party the rule designates by code.
    target: Option<Party>,
    /// The roles through which the rule designates a Party by variable.
    target_roles: Roles,
}

impl RuleView {
    pub(crate) fn of(r: &CRule) -> RuleView {
        let mut named = Vec::new();
        let mut target_roles = 0;
        for c in &r.conds {
            let roles = cond_roles(&c.cond);
            for t in cond_terms(&c.cond) {
                match t {
                    Term::Party(Some(p)) => named.push((roles, p)),
                    Term::Var(v) if r.target == Term::Var(v) => target_roles |= roles,
                    _ => {}
                }
            }
        }
        // `where` variables no condition uses range over the places of work.
        if matches!(r.target, Term::Var(v) if v >= r.bound) || r.criterion.is_some() {
            target_roles |= WORK;
        }
        // A rule that applies and names its target in a condition has that Party on the
        // condition's roles: a slot playing none of them is another Party, whatever it is.
        let target = match r.target {
            Term::Party(Some(p)) if !named.iter().any(|&(_, q)| q == p) => Some(p),
            _ => None,
        };
        RuleView {
            named,
            target,
            target_roles,
        }
    }
}

/// Whether some choice of Parties for the slots could make the condition hold: everything but
/// the identities of the Parties is decided by the shape. Errs on the side of `true`.
fn may_hold(c: &CCond, s: &Situation) -> bool {
    let count = |a: Option<Act>| match a {
        Some(a) => s.work.iter().filter(|&&(_, x)| x == a).count(),
        None => s.work.len(),
    };
    let fits = |p: &CPlaces, n: usize| match p {
        CPlaces::Several => n >= 2,
        CPlaces::List(l) => l.len() == n,
    };
    let acts_ok = |a: Option<Act>| match a {
        Some(a) => !s.work.is_empty() && s.work.iter().all(|&(_, x)| x == a),
        None => s.has(Act::Employed) && s.has(Act::SelfEmployed),
    };
    let party = |l: Option<Loc>| matches!(l, Some(Loc::Party(_)));
    match c {
        CCond::Activity(a, p) => acts_ok(*a) && fits(p, count(None)),
        CCond::Split {
            employed,
            self_employed,
        } => {
            fits(employed, count(Some(Act::Employed)))
                && fits(self_employed, count(Some(Act::SelfEmployed)))
        }
        CCond::Never => false,
        CCond::WorksIn(_) => !s.work.is_empty(),
        CCond::EmployerIn(_) => party(s.employer),
        CCond::ResidesIn(_) => party(Some(s.residence)),
        CCond::UsuallyIn(_) => s.usual_place().is_some(),
        CCond::National(_) => party(s.nationality),
        CCond::Status(kind, t) => match s.status {
            Some(st) => st.kind == *kind && (t.is_none() || st.party.is_some()),
            None => false,
        },
        // The rest does not depend on which Party fills a slot.
        other => super::rules::holds(other, s, &[]),
    }
}

/// The roles of slot `p` in the situation.
pub(crate) fn roles(s: &Situation, p: Party) -> Roles {
    let mut r = 0;
    for &(q, a) in &s.work {
        if q == p {
            r |= match a {
                Act::Employed => EMPLOYED,
                Act::SelfEmployed => SELF_EMPLOYED,
            };
        }
    }
    let is = |l: Option<Loc>| l == Some(Loc::Party(p));
    if is(Some(s.residence)) {
        r |= RESIDENCE;
    }
    if is(s.employer) {
        r |= EMPLOYER;
    }
    if is(s.posting.as_ref().map(|x| x.from)) {
        r |= FROM;
    }
    if is(s.status.and_then(|st| st.party).map(Loc::Party)) {
        r |= STATUS;
    }
    if is(s.nationality) {
        r |= NATIONALITY;
    }
    r
}

/// For a situation over slots: the Parties that the rules which may apply there name on each
/// role (indexed by role bit), and designate by code through the given roles.
pub(crate) struct Relevant {
    /// (roles, Party) named in a condition of a rule that may apply.
    named: Vec<(Roles, Party)>,
    /// (roles through which some rule designates by variable, Party a rule designates by code).
    targets: Roles,
    target_codes: Vec<Party>,
}

impl Relevant {
    pub(crate) fn of(rules: &[CRule], views: &[RuleView], s: &Situation) -> Relevant {
        let mut named = Vec::new();
        let mut targets = 0;
        let mut target_codes = Vec::new();
        for (r, v) in rules.iter().zip(views) {
            let possible =
                super::rules::within_limit(r, s) && r.conds.iter().all(|c| may_hold(&c.cond, s));
            if !possible {
                continue;
            }
            named.extend(v.named.iter().copied());
            targets |= v.target_roles;
            target_codes.extend(v.target);
        }
        Relevant {
            named,
            targets,
            target_codes,
        }
    }

    /// Whether the identity of Party `p` can matter to a slot with `roles`.
    pub(crate) fn tells(&self, roles: Roles, p: Party) -> bool {
        self.named.iter().any(|&(r, q)| q == p && r & roles != 0)
            || (self.targets & roles != 0 && self.target_codes.contains(&p))
    }
}
