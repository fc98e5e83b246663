//! Lex specialis: whether one rule's conditions imply another's, decided on the conditions
//! themselves (for any number of Parties), so that a special rule written beside a general one
//! prevails where both apply, as a lawyer reads it.
//!
//! Rule A is more specific than rule B when, for some injective mapping of B's variables to A's
//! Parties (variables or codes), every condition of B is implied by a condition of A — or when A
//! is a rule for a special status and B concerns persons in general, B's conditions other than
//! its activity being implied by A's. Mutual implication decides nothing.

use super::rules::{CCond, CPlaces, CRule, Term};
use crate::ast::Status;

/// The most variables of the general rule tried in mappings (beyond, nothing is decided).
const MAX_VARS: usize = 4;

/// Whether `a` is strictly more specific than `b`.
pub(crate) fn more_specific(a: &CRule, b: &CRule) -> bool {
    if std::ptr::eq(a, b) {
        return false;
    }
    (implies(a, b, false) || status_over_general(a, b)) && !implies(b, a, false)
}

fn has_status(r: &CRule) -> bool {
    r.conds.iter().any(|c| matches!(c.cond, CCond::Status(..)))
}

/// A special-status rule over a rule for persons in general: the general rule's conditions other
/// than activity are implied by the special one's.
fn status_over_general(a: &CRule, b: &CRule) -> bool {
    has_status(a) && !has_status(b) && implies(a, b, true)
}

/// Every condition of `b` (activity conditions skipped with `skip_activity`) is implied by a
/// condition of `a`, under some injective mapping of `b`'s variables to `a`'s terms.
fn implies(a: &CRule, b: &CRule, skip_activity: bool) -> bool {
    if b.bound > MAX_VARS {
        return false;
    }
    let mut targets: Vec<Term> = (0..a.vars.len()).map(Term::Var).collect();
    for c in &a.conds {
        for t in terms(&c.cond) {
            if matches!(t, Term::Party(_)) && !targets.contains(&t) {
                targets.push(t);
            }
        }
    }
    let mut map: Vec<Term> = Vec::new();
    search(a, b, &targets, &mut map, skip_activity)
}

fn search(a: &CRule, b: &CRule, targets: &[Term], map: &mut Vec<Term>, skip: bool) -> bool {
    if map.len() == b.bound {
        // `b` binds its variables to distinct Parties, but a variable of `a` may take the Party a
        // code of `a` names: a mapping onto both kinds of term would let `a` apply where `b`,
        // needing them distinct, does not (`employer in X, resides in XB` does not imply
        // `employer in X, resides in Y`).
        let var = map.iter().any(|t| matches!(t, Term::Var(_)));
        let party = map.iter().any(|t| matches!(t, Term::Party(_)));
        if var && party {
            return false;
        }
        return b.conds.iter().all(|cb| {
            (skip && is_activity(&cb.cond))
                || a.conds
                    .iter()
                    .any(|ca| cond_implies(&ca.cond, &cb.cond, map))
        });
    }
    for &t in targets {
        if map.contains(&t) {
            continue;
        }
        map.push(t);
        if search(a, b, targets, map, skip) {
            return true;
        }
        map.pop();
    }
    false
}

fn is_activity(c: &CCond) -> bool {
    matches!(
        c,
        CCond::Activity(..) | CCond::Split { .. } | CCond::WorksIn(_)
    )
}

fn terms(c: &CCond) -> Vec<Term> {
    match c {
        CCond::Activity(_, CPlaces::List(l)) => l.clone(),
        CCond::Split {
            employed,
            self_employed,
        } => [employed, self_employed]
            .iter()
            .flat_map(|p| match p {
                CPlaces::List(l) => l.clone(),
                CPlaces::Several => Vec::new(),
            })
            .collect(),
        CCond::WorksIn(t)
        | CCond::EmployerIn(t)
        | CCond::ResidesIn(t)
        | CCond::UsuallyIn(t)
        | CCond::National(t)
        | CCond::Status(_, Some(t)) => vec![*t],
        _ => Vec::new(),
    }
}

/// `b`'s term under the mapping.
fn mapped(t: Term, map: &[Term]) -> Term {
    match t {
        Term::Var(v) => map.get(v).copied().unwrap_or(t),
        Term::Party(_) => t,
    }
}

fn same_places(a: &CPlaces, b: &CPlaces, map: &[Term]) -> bool {
    match (a, b) {
        (CPlaces::Several, CPlaces::Several) => true,
        (CPlaces::List(x), CPlaces::List(y)) => {
            x.len() == y.len() && y.iter().all(|t| x.contains(&mapped(*t, map)))
        }
        (CPlaces::List(x), CPlaces::Several) => x.len() >= 2,
        _ => false,
    }
}

fn place_terms(p: &CPlaces) -> &[Term] {
    match p {
        CPlaces::List(l) => l,
        CPlaces::Several => &[],
    }
}

/// Whether condition `a` (of the specific rule) implies `b` (of the general rule, mapped).
fn cond_implies(a: &CCond, b: &CCond, map: &[Term]) -> bool {
    let m = |t: &Term| mapped(*t, map);
    match (a, b) {
        (CCond::Activity(x, pa), CCond::Activity(y, pb)) => x == y && same_places(pa, pb, map),
        (
            CCond::Split {
                employed: e1,
                self_employed: s1,
            },
            CCond::Split {
                employed: e2,
                self_employed: s2,
            },
        ) => same_places(e1, e2, map) && same_places(s1, s2, map),
        (CCond::Split { .. }, CCond::Activity(None, CPlaces::Several)) => true,
        (CCond::Activity(_, pa), CCond::WorksIn(t)) => place_terms(pa).contains(&m(t)),
        (
            CCond::Split {
                employed,
                self_employed,
            },
            CCond::WorksIn(t),
        ) => place_terms(employed).contains(&m(t)) || place_terms(self_employed).contains(&m(t)),
        // A seafarer works in the flag State; locally engaged staff in the host State; both employed.
        (
            CCond::Status(Status::Seafarer | Status::LocallyEngaged, Some(p)),
            CCond::Activity(Some(crate::legislation::situation::Act::Employed), CPlaces::List(l)),
        ) => l.len() == 1 && l.first().map(m) == Some(*p),
        (CCond::Status(Status::Seafarer | Status::LocallyEngaged, Some(p)), CCond::WorksIn(t)) => {
            m(t) == *p
        }
        (
            CCond::Status(Status::CivilServant | Status::MissionStaff, Some(p)),
            CCond::EmployerIn(t),
        ) => m(t) == *p,
        (CCond::Status(k1, p1), CCond::Status(k2, p2)) => {
            k1 == k2
                && match (p1, p2) {
                    (_, None) => true,
                    (Some(x), Some(y)) => *x == m(y),
                    (None, Some(_)) => false,
                }
        }
        (CCond::WorksIn(x), CCond::WorksIn(y))
        | (CCond::EmployerIn(x), CCond::EmployerIn(y))
        | (CCond::ResidesIn(x), CCond::ResidesIn(y))
        | (CCond::UsuallyIn(x), CCond::UsuallyIn(y))
        | (CCond::National(x), CCond::National(y)) => *x == m(y),
        (x, y) => x == y && terms(x).is_empty(),
    }
}
