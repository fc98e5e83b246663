//! National coverage: which Parties' laws reach a person **without** the agreement, per group of
//! branches. Where no rule of the agreement applies, each State's own law applies as it stands;
//! the agreement fails only where those laws cover an active person twice or not at all.
//!
//! Branches are grouped so that one analysis decides every branch of a group alike: two
//! branches are in one group when every Party reaches persons for them on the same bases and the
//! same rules concern them (`branches …` clauses).

use super::situation::{Act, Loc, Party, Situation};
use crate::ast::Status;
use crate::model::basis::Reach;
use crate::model::branch::Branch;
use crate::model::Agreement;
use std::collections::BTreeSet;

/// A group of branches decided alike.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    /// The branches of the group (empty when the agreement declares no material scope).
    pub branches: BTreeSet<Branch>,
    /// Each Party's reach for these branches, by Party index (`None`: no scheme in scope).
    pub reach: Vec<Option<Reach>>,
    /// Which rules concern these branches, by rule index.
    pub rules: Vec<bool>,
}

impl Group {
    /// The branches in words, for findings: "old-age, survivors".
    pub fn words(&self) -> String {
        self.branches
            .iter()
            .map(|b| b.key())
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// How many Parties with a scheme for these branches the person is connected with: where
    /// they work, reside, serve or fly a flag, where a posting starts, and — for schemes that
    /// use them — the employer's seat and the nationality.
    pub fn connected(&self, s: &Situation) -> usize {
        self.reach
            .iter()
            .enumerate()
            .filter(|(i, r)| {
                let (Some(r), Ok(p)) = (r, Party::try_from(*i)) else {
                    return false;
                };
                s.works_in(p)
                    || s.residence == Loc::Party(p)
                    || s.status.and_then(|st| st.party) == Some(p)
                    || s.posting.as_ref().is_some_and(|x| x.from == Loc::Party(p))
                    || r.employer_abroad && s.employer == Some(Loc::Party(p))
                    || r.nationals_abroad && s.nationality == Some(Loc::Party(p))
            })
            .count()
    }

    /// The Parties whose law reaches the person in `s` without the agreement, sorted.
    pub fn national(&self, s: &Situation) -> Vec<Party> {
        let mut out = Vec::new();
        for (i, r) in self.reach.iter().enumerate() {
            let (Some(r), Ok(p)) = (r, Party::try_from(i)) else {
                continue;
            };
            if reaches(r, p, s) {
                out.push(p);
            }
        }
        out
    }
}

/// Whether a scheme of Party `p` with reach `r` covers the person in `s` on its own terms.
pub fn reaches(r: &Reach, p: Party, s: &Situation) -> bool {
    let resident = s.residence == Loc::Party(p);
    if r.residence && resident {
        return true;
    }
    if s.is_non_active() {
        return false;
    }
    let status = s.status.map(|st| (st.kind, st.party));
    match status {
        Some((Status::Seafarer, Some(f))) => return (r.flag || r.territory) && f == p,
        Some((Status::CivilServant | Status::MissionStaff, Some(of))) if of == p => {
            return r.civil_service || r.territory && s.works_in(p) || r.employer_abroad;
        }
        _ => {}
    }
    let act_ok = |a: Act| a == Act::Employed || r.self_employed;
    let here = s.work.iter().any(|&(q, a)| q == p && act_ok(a));
    if r.territory && here {
        return true;
    }
    let abroad = |a: Act| s.work.iter().any(|&(q, x)| q != p && x == a);
    if r.employer_abroad && s.employer == Some(Loc::Party(p)) && abroad(Act::Employed) {
        return true;
    }
    if r.nationals_abroad
        && s.nationality == Some(Loc::Party(p))
        && (abroad(Act::Employed) || r.self_employed && abroad(Act::SelfEmployed))
    {
        return true;
    }
    false
}

/// The groups of branches of an agreement, in a deterministic order. An agreement with no
/// `scope` lines has one group in which every Party's law reaches work in its territory.
pub fn groups(agreement: &Agreement, rule_branches: &[Option<BTreeSet<Branch>>]) -> Vec<Group> {
    let n = agreement.parties.len();
    let index = |code: &str| agreement.parties.iter().position(|p| p.code.value == code);
    let all_rules = vec![true; rule_branches.len()];
    if agreement.scopes.is_empty() {
        return vec![Group {
            branches: BTreeSet::new(),
            reach: vec![Some(Reach::of(&[])); n],
            rules: all_rules,
        }];
    }
    let branches: BTreeSet<Branch> = agreement
        .scopes
        .iter()
        .flat_map(|s| s.branches.iter().copied())
        .collect();
    let mut out: Vec<Group> = Vec::new();
    for b in branches {
        let mut reach: Vec<Option<Reach>> = vec![None; n];
        for s in agreement.scopes.iter().filter(|s| s.branches.contains(&b)) {
            let Some(slot) = index(&s.party.value).and_then(|i| reach.get_mut(i)) else {
                continue;
            };
            let r = Reach::of(&s.bases);
            *slot = Some(slot.map_or(r, |x| x.union(r)));
        }
        let rules: Vec<bool> = rule_branches
            .iter()
            .map(|rb| rb.as_ref().map_or(true, |set| set.contains(&b)))
            .collect();
        match out
            .iter_mut()
            .find(|g| g.reach == reach && g.rules == rules)
        {
            Some(g) => {
                g.branches.insert(b);
            }
            None => out.push(Group {
                branches: [b].into_iter().collect(),
                reach,
                rules,
            }),
        }
    }
    out
}
