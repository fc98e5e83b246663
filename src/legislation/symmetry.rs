//! Classes of interchangeable Parties (see `space.rs`): same national reach for every group of
//! branches, and exchanging the two maps the rules onto themselves. Parties that no rule names
//! are grouped by reach alone; Parties that rules name are merged when exchanging them leaves the
//! multiset of rules unchanged (checked one transposition at a time).

use super::national::Group;
use super::rules::{CCond, CPlaces, CRule, RuleSet, Term};
use super::situation::Party;
use crate::model::basis::Reach;
use crate::model::Agreement;

/// The classes, each in declaration order, ordered by their first member.
pub(crate) fn classes(agreement: &Agreement, rules: &RuleSet, groups: &[Group]) -> Vec<Vec<Party>> {
    let n = agreement.parties.len();
    let profile = |p: usize| profile(groups, p);
    let parties: Vec<Party> = (0..n).filter_map(|i| Party::try_from(i).ok()).collect();
    let mut classes: Vec<Vec<Party>> = Vec::new();
    let base = signatures(rules, None);
    for &p in &parties {
        let named = rules.named.contains(&p);
        let joined = classes.iter_mut().find(|c| {
            let Some(&q) = c.first() else { return false };
            if profile(usize::from(p)) != profile(usize::from(q)) {
                return false;
            }
            match (named, rules.named.contains(&q)) {
                (false, false) => true,
                (true, true) => signatures(rules, Some((p, q))) == base,
                _ => false,
            }
        });
        match joined {
            Some(c) => c.push(p),
            None => classes.push(vec![p]),
        }
    }
    classes
}

/// A Party's reach for every group of branches (`None`: no scheme in scope).
fn profile(groups: &[Group], p: usize) -> Vec<Option<Reach>> {
    groups
        .iter()
        .map(|g| g.reach.get(p).copied().flatten())
        .collect()
}

/// Each class's reach for every group of branches (that of its first Party: a class's Parties
/// reach persons alike).
pub(crate) fn reach(classes: &[Vec<Party>], groups: &[Group]) -> Vec<Vec<Option<Reach>>> {
    classes
        .iter()
        .map(|c| {
            c.first()
                .map_or_else(Vec::new, |&p| profile(groups, usize::from(p)))
        })
        .collect()
}

/// The rules as a sorted list of signatures, with Parties `p` and `q` exchanged.
fn signatures(rules: &RuleSet, swap: Option<(Party, Party)>) -> Vec<String> {
    let sw = |t: Term| match (t, swap) {
        (Term::Party(Some(x)), Some((p, q))) if x == p => Term::Party(Some(q)),
        (Term::Party(Some(x)), Some((p, q))) if x == q => Term::Party(Some(p)),
        _ => t,
    };
    let base = |r: &CRule| -> String {
        let mut conds: Vec<String> = r
            .conds
            .iter()
            .map(|c| format!("{:?}", map_cond(&c.cond, &sw)))
            .collect();
        conds.sort();
        format!(
            "{conds:?}->{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}",
            sw(r.target),
            r.limit,
            r.first,
            r.extension,
            r.branches,
            r.begun,
            r.allocation,
            r.criterion.as_ref().map(|c| &c.1)
        )
    };
    let mut out: Vec<String> = rules
        .rules
        .iter()
        .map(|r| {
            let mut over: Vec<String> = r
                .overrides
                .iter()
                .filter_map(|&i| rules.rules.get(i).map(base))
                .collect();
            over.sort();
            format!("{}|over:{over:?}", base(r))
        })
        .collect();
    out.sort();
    out
}

fn map_places(p: &CPlaces, f: &dyn Fn(Term) -> Term) -> CPlaces {
    match p {
        CPlaces::Several => CPlaces::Several,
        CPlaces::List(l) => {
            let mut v: Vec<Term> = l.iter().map(|&t| f(t)).collect();
            v.sort_by_key(|t| format!("{t:?}"));
            CPlaces::List(v)
        }
    }
}

fn map_cond(c: &CCond, f: &dyn Fn(Term) -> Term) -> CCond {
    match c {
        CCond::Activity(a, p) => CCond::Activity(*a, map_places(p, f)),
        CCond::Split {
            employed,
            self_employed,
        } => CCond::Split {
            employed: map_places(employed, f),
            self_employed: map_places(self_employed, f),
        },
        CCond::WorksIn(t) => CCond::WorksIn(f(*t)),
        CCond::EmployerIn(t) => CCond::EmployerIn(f(*t)),
        CCond::ResidesIn(t) => CCond::ResidesIn(f(*t)),
        CCond::UsuallyIn(t) => CCond::UsuallyIn(f(*t)),
        CCond::National(t) => CCond::National(f(*t)),
        CCond::Status(k, t) => CCond::Status(*k, t.map(f)),
        other => other.clone(),
    }
}
