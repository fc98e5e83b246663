//! The situation space, reduced by the symmetry between interchangeable Parties.
//!
//! Parties are grouped in **classes** of interchangeable Parties: two Parties are interchangeable
//! when their laws reach persons on the same bases (for every group of branches) and exchanging
//! them maps the rules onto themselves — Parties that no rule names, and Parties that rules name
//! alike (twelve Parties each with its own `employed in XA -> XA`). Renaming Parties within a
//! class changes neither which rules apply nor the verdict. So instead of every concrete
//! combination, the space is generated in two steps. First *shapes* over slots (the distinct
//! Parties of a situation, not yet identified): each role (flag State or administration,
//! residence, employer's seat, nationality, usual place of activity) is a slot already in the
//! situation, a new slot, or a third State; each slot is or is not a place of work; further
//! places are new slots, counted only up to the point where rules can tell the counts apart.
//! Then each slot is given a class, among only those its roles can tell apart (`view.rs`), and
//! the next unused Party of it: within a class the Parties are used in declaration order, so
//! every situation visited is a concrete one (the one a counterexample shows). Slots with the
//! same roles (places of work alone) take their classes in order, so that each combination is
//! visited once. The cost is polynomial in the number of classes and constant in their sizes.
//!
//! Every enumeration is bounded by a budget of situations; past it the analysis stops and says so
//! (P313) rather than running for minutes.

use super::rules::RuleSet;
use super::situation::{Act, Loc, Party, Posting, Situation, SpecialStatus};
use super::view::{self, Relevant, RuleView};
use crate::ast::Status;
use crate::model::basis::Reach;

/// The most situations one analysis decides (per group of branches) before it stops.
pub(crate) const BUDGET: usize = 400_000;

/// The parameters of the space of one agreement.
pub(crate) struct Space<'r> {
    rules: &'r RuleSet,
    views: Vec<RuleView>,
    /// Classes of interchangeable Parties, each in declaration order.
    classes: Vec<Vec<Party>>,
    /// `profiles[roles][class]`: the class's profile as seen by a slot with these roles (the
    /// reach of its laws for every group of branches, `view::reach_seen`), as a number.
    profiles: Vec<Vec<usize>>,
    /// Whether a class's Parties are named by rules (they are offered after the others where a
    /// slot cannot tell them apart, so that a decision-table row reads `X` rather than a code).
    named: Vec<bool>,
    /// How many Parties the agreement has: the most slots a situation can have.
    parties: usize,
    /// Representative (employed, self-employed) counts of fresh places.
    reps: Vec<(usize, usize)>,
    /// Posting durations tried (each boundary, and one month beyond the last).
    durations: Vec<Option<u64>>,
    /// Boundaries of rules on the first months of a posting.
    first: Vec<u64>,
    granted: bool,
    dates: Vec<String>,
    non_active: bool,
    accompanying: bool,
    nationality: bool,
    budget: usize,
    /// Situations visited so far, and whether the budget was exceeded.
    pub visited: std::cell::Cell<usize>,
    pub exhausted: std::cell::Cell<bool>,
}

/// How many slots (distinct Parties) a partial situation has.
type Used = usize;

/// What the space needs to know of the agreement besides its rules.
pub(crate) struct Params {
    pub classes: Vec<Vec<Party>>,
    /// Each class's reach for every group of branches (`None`: no scheme in scope).
    pub reach: Vec<Vec<Option<Reach>>>,
    pub non_active: bool,
    pub nationality: bool,
    /// The most situations to decide (see [`BUDGET`]).
    pub budget: usize,
}

/// One slot's choice: a class (the next unused Party of it), or any of several classes that the
/// slot cannot tell apart (the first whose next Party is still free).
#[derive(Clone, PartialEq, Eq)]
enum Choice {
    Class(usize),
    Any(Vec<usize>),
}

impl<'r> Space<'r> {
    pub(crate) fn new(rules: &'r RuleSet, p: Params) -> Space<'r> {
        let cap = rules.max_vars.max(1);
        let count_cap = rules.max_list.max(2) + 1;
        // Counts beyond `count_cap` places in all are never told apart.
        let top = count_cap;
        let mut reps = Vec::new();
        let mut seen: Vec<(usize, usize, usize)> = Vec::new();
        let mut all: Vec<(usize, usize)> = (0..=top)
            .flat_map(|e| (0..=top).map(move |s| (e, s)))
            .filter(|&(e, s)| e + s <= count_cap)
            .collect();
        all.sort_by_key(|&(e, s)| (e + s, e, s));
        for (e, s) in all {
            let key = (e.min(cap), s.min(cap), (e + s).min(count_cap));
            if !seen.contains(&key) {
                seen.push(key);
                reps.push((e, s));
            }
        }
        let mut bounds: Vec<u64> = rules.boundaries.clone();
        bounds.extend(&rules.first_boundaries);
        bounds.sort_unstable();
        bounds.dedup();
        let mut durations: Vec<Option<u64>> = bounds.iter().map(|&d| Some(d)).collect();
        match bounds.last() {
            Some(&last) => durations.push(Some(last.saturating_add(30))),
            None => durations.push(None),
        }
        let named = p
            .classes
            .iter()
            .map(|c| c.iter().any(|q| rules.named.contains(q)))
            .collect();
        Space {
            rules,
            views: rules.rules.iter().map(RuleView::of).collect(),
            parties: p.classes.iter().map(Vec::len).sum(),
            profiles: profiles(&p.reach),
            classes: p.classes,
            named,
            reps,
            durations,
            first: rules.first_boundaries.clone(),
            granted: rules.has_extension,
            dates: rules.dates.clone(),
            non_active: p.non_active || rules.has_non_active_rule,
            accompanying: rules.has_accompanying_rule,
            nationality: p.nationality || rules.has_nationality_rule,
            budget: p.budget,
            visited: std::cell::Cell::new(0),
            exhausted: std::cell::Cell::new(false),
        }
    }

    /// The choices for a role: a slot already in the situation, a new slot, and a third State
    /// when allowed.
    fn pick(&self, used: Used, third: bool) -> Vec<(Loc, Used)> {
        let mut out: Vec<(Loc, Used)> = (0..used)
            .filter_map(|p| Party::try_from(p).ok())
            .map(|p| (Loc::Party(p), used))
            .collect();
        if used < self.parties {
            if let Ok(p) = Party::try_from(used) {
                out.push((Loc::Party(p), used + 1));
            }
        }
        if third {
            out.push((Loc::Third, used));
        }
        out
    }

    /// Every set of places of work given the roles so far: each slot in use is a place
    /// (employed or, with `self_employed`, self-employed) or not, plus fresh places (new slots).
    fn places(&self, used: Used, self_employed: bool, f: &mut dyn FnMut(Vec<(Party, Act)>, Used)) {
        let roles: Vec<Party> = (0..used).filter_map(|p| Party::try_from(p).ok()).collect();
        let radix: usize = if self_employed { 3 } else { 2 };
        let count_cap = self
            .reps
            .iter()
            .map(|&(e, s)| e + s)
            .max()
            .unwrap_or(1)
            .max(1);
        let mut marks = vec![0usize; roles.len()];
        loop {
            let base: Vec<(Party, Act)> = roles
                .iter()
                .zip(&marks)
                .filter_map(|(&p, &m)| match m {
                    1 => Some((p, Act::Employed)),
                    2 => Some((p, Act::SelfEmployed)),
                    _ => None,
                })
                .collect();
            if base.len() <= count_cap {
                for &(e, s) in &self.reps {
                    if (s > 0 && !self_employed)
                        || base.len() + e + s > count_cap
                        || used + e + s > self.parties
                    {
                        continue;
                    }
                    let mut work = base.clone();
                    let acts = std::iter::repeat(Act::Employed)
                        .take(e)
                        .chain(std::iter::repeat(Act::SelfEmployed).take(s));
                    for (i, act) in acts.enumerate() {
                        if let Ok(p) = Party::try_from(used + i) {
                            work.push((p, act));
                        }
                    }
                    if !work.is_empty() {
                        f(work, used + e + s);
                    }
                }
            }
            let mut i = 0;
            loop {
                let Some(m) = marks.get_mut(i) else {
                    return;
                };
                *m += 1;
                if *m < radix {
                    break;
                }
                *m = 0;
                i += 1;
            }
        }
    }

    /// The choices for a slot with `roles`: each class the slot can tell apart on its own, and,
    /// per profile, the classes it cannot tell apart together.
    fn choices(&self, relevant: &Relevant, roles: view::Roles) -> Vec<Choice> {
        let mut out = Vec::new();
        let mut pooled: Vec<(usize, Vec<usize>)> = Vec::new();
        for (i, c) in self.classes.iter().enumerate() {
            if c.iter().any(|&p| relevant.tells(roles, p)) {
                out.push(Choice::Class(i));
                continue;
            }
            let profile = self
                .profiles
                .get(usize::from(roles))
                .and_then(|p| p.get(i))
                .copied()
                .unwrap_or(i);
            match pooled.iter_mut().find(|(q, _)| *q == profile) {
                Some((_, v)) => v.push(i),
                None => pooled.push((profile, vec![i])),
            }
        }
        for (_, mut v) in pooled {
            // Classes no rule names first.
            v.sort_by_key(|&i| (self.named.get(i).copied().unwrap_or(true), i));
            out.push(match v.as_slice() {
                [one] => Choice::Class(*one),
                _ => Choice::Any(v),
            });
        }
        out
    }

    /// Concrete Parties for the slots: each slot's chosen class gives its next unused Party;
    /// slots choosing among classes take what is left, trying each class where needed.
    fn concrete(&self, choices: &[&Choice]) -> Option<Vec<Party>> {
        let mut taken = vec![0usize; self.classes.len()];
        let mut out: Vec<Option<Party>> = vec![None; choices.len()];
        for (slot, c) in choices.iter().enumerate() {
            if let Choice::Class(i) = c {
                let t = taken.get_mut(*i)?;
                let p = self.classes.get(*i)?.get(*t).copied()?;
                *t += 1;
                *out.get_mut(slot)? = Some(p);
            }
        }
        let pooled: Vec<(usize, &[usize])> = choices
            .iter()
            .enumerate()
            .filter_map(|(slot, c)| match c {
                Choice::Any(v) => Some((slot, v.as_slice())),
                Choice::Class(_) => None,
            })
            .collect();
        if !self.fill(&pooled, &taken, &mut out) {
            return None;
        }
        out.into_iter().collect()
    }

    /// Give each pooled slot a free Party of one of its classes: the first free one, class by class
    /// in the pool's order, where there is one; otherwise by moving an earlier slot to another of
    /// its Parties (augmenting paths of a bipartite matching, so that a way is found whenever there
    /// is one, in polynomial time: no slot order or pool can make this search blow up).
    fn fill(
        &self,
        pooled: &[(usize, &[usize])],
        taken: &[usize],
        out: &mut [Option<Party>],
    ) -> bool {
        // Each pooled slot's candidates: the Parties of its classes that no slot with a class of
        // its own took (those took the first of their class), class by class, in order.
        let candidates: Vec<Vec<Party>> = pooled
            .iter()
            .map(|(_, classes)| {
                classes
                    .iter()
                    .filter_map(|&i| {
                        let from = taken.get(i).copied()?;
                        Some(self.classes.get(i)?.iter().skip(from).copied())
                    })
                    .flatten()
                    .collect()
            })
            .collect();
        let mut owner: std::collections::HashMap<Party, usize> = Default::default();
        let mut assigned: Vec<Option<Party>> = vec![None; pooled.len()];
        for k in 0..pooled.len() {
            let free = candidates
                .get(k)
                .and_then(|c| c.iter().copied().find(|p| !owner.contains_key(p)));
            let placed = match free {
                Some(p) => {
                    owner.insert(p, k);
                    if let Some(a) = assigned.get_mut(k) {
                        *a = Some(p);
                    }
                    true
                }
                None => {
                    let mut seen = std::collections::HashSet::new();
                    augment(k, &candidates, &mut owner, &mut assigned, &mut seen)
                }
            };
            if !placed {
                return false;
            }
        }
        for ((slot, _), p) in pooled.iter().zip(assigned) {
            if let Some(o) = out.get_mut(*slot) {
                *o = p;
            }
        }
        true
    }

    /// Visit every concrete situation of a situation over `used` slots: one per combination of
    /// the slots' choices (slots with the same roles, which are interchangeable, in order).
    fn emit(&self, s: &Situation, used: Used, visit: &mut dyn FnMut(&Situation)) {
        if self.exhausted.get() {
            return;
        }
        let relevant = Relevant::of(&self.rules.rules, &self.views, s);
        let slots: Vec<(view::Roles, Vec<Choice>)> = (0..used)
            .filter_map(|p| Party::try_from(p).ok())
            .map(|p| {
                let r = view::roles(s, p);
                (r, self.choices(&relevant, r))
            })
            .collect();
        let mut at = vec![0usize; slots.len()];
        loop {
            // Interchangeable slots take their choices in order: each combination once.
            let ordered = slots
                .windows(2)
                .zip(at.windows(2))
                .all(|(w, a)| match (w, a) {
                    ([x, y], [i, j]) => x.0 != y.0 || i <= j,
                    _ => true,
                });
            if ordered {
                let picked: Option<Vec<&Choice>> = slots
                    .iter()
                    .zip(&at)
                    .map(|((_, cs), &i)| cs.get(i))
                    .collect();
                if let Some(parties) = picked.and_then(|p| self.concrete(&p)) {
                    let n = self.visited.get() + 1;
                    self.visited.set(n);
                    if n > self.budget {
                        self.exhausted.set(true);
                        return;
                    }
                    visit(&rename(s, &parties));
                }
            }
            let mut i = 0;
            loop {
                let (Some(a), Some((_, cs))) = (at.get_mut(i), slots.get(i)) else {
                    return;
                };
                *a += 1;
                if *a < cs.len() {
                    break;
                }
                *a = 0;
                i += 1;
            }
        }
    }

    /// Visit the situation with every nationality the analysis distinguishes.
    fn with_nationality(&self, s: &Situation, used: Used, visit: &mut dyn FnMut(&Situation)) {
        if !self.nationality {
            self.emit(s, used, visit);
            return;
        }
        for (n, u) in self.pick(used, true) {
            let mut x = s.clone();
            x.nationality = Some(n);
            self.emit(&x, u, visit);
        }
    }

    /// Visit every situation of the space (one per shape), simplest first.
    pub(crate) fn each(&self, visit: &mut dyn FnMut(&Situation)) {
        self.ordinary(0, visit);
        self.status_kinds(0, visit);
    }

    /// The postings of a situation with one place of work: every duration, the days decided
    /// within it, extension granted or not, and the start dates.
    fn postings(&self, from: Loc, mut f: impl FnMut(Posting)) {
        let grants: &[bool] = if self.granted {
            &[false, true]
        } else {
            &[false]
        };
        let mut starts: Vec<Option<String>> = Vec::new();
        if self.dates.is_empty() {
            starts.push(None);
        } else {
            if let Some(first) = self.dates.first() {
                starts.push(Some(day_before(first)));
            }
            starts.extend(self.dates.iter().cloned().map(Some));
        }
        for &days in &self.durations {
            let mut ats: Vec<Option<u64>> = Vec::new();
            if self.first.is_empty() {
                ats.push(None);
            } else {
                let end = days.unwrap_or(u64::MAX);
                ats.extend(self.first.iter().filter(|&&b| b < end).map(|&b| Some(b)));
                ats.push(days.or(self.first.last().map(|l| l.saturating_add(30))));
            }
            for at in &ats {
                for &granted in grants {
                    for since in &starts {
                        f(Posting {
                            from,
                            days,
                            at: *at,
                            granted,
                            since: since.clone(),
                        });
                    }
                }
            }
        }
    }

    /// Persons with no special status: any activity, postings.
    fn ordinary(&self, start: Used, visit: &mut dyn FnMut(&Situation)) {
        for (residence, u1) in self.pick(start, true) {
            let employers = std::iter::once((None, u1))
                .chain(self.pick(u1, true).into_iter().map(|(l, u)| (Some(l), u)));
            for (employer, u2) in employers {
                self.places(u2, true, &mut |work, u3| {
                    let employed = work.iter().any(|&(_, a)| a == Act::Employed);
                    if employed != employer.is_some() {
                        return;
                    }
                    let mut s = Situation {
                        work,
                        status: None,
                        employer,
                        residence,
                        posting: None,
                        nationality: None,
                    };
                    self.with_nationality(&s, u3, visit);
                    match s.work.as_slice() {
                        [(p, Act::Employed)] => {
                            let p = *p;
                            if let Some(from) = employer.filter(|&e| e != Loc::Party(p)) {
                                self.postings(from, |posting| {
                                    s.posting = Some(posting);
                                    self.with_nationality(&s, u3, visit);
                                });
                            }
                        }
                        [(p, Act::SelfEmployed)] => {
                            let p = *p;
                            for (from, u4) in self.pick(u3, true) {
                                if from == Loc::Party(p) {
                                    continue;
                                }
                                self.postings(from, |posting| {
                                    s.posting = Some(posting);
                                    self.with_nationality(&s, u4, visit);
                                });
                            }
                        }
                        _ => {}
                    }
                });
            }
        }
    }

    /// The special statuses (see `docs/legislation.md` for what each means here).
    fn status_kinds(&self, start: Used, visit: &mut dyn FnMut(&Situation)) {
        let sit = |work, kind, party, employer, residence| Situation {
            work,
            status: Some(SpecialStatus { kind, party }),
            employer,
            residence,
            posting: None,
            nationality: None,
        };
        // Seafarers: work in the flag State.
        for (flag, u1) in self.pick(start, false) {
            let Loc::Party(f) = flag else { continue };
            for (residence, u2) in self.pick(u1, true) {
                for (employer, u3) in self.pick(u2, true) {
                    let s = sit(
                        vec![(f, Act::Employed)],
                        Status::Seafarer,
                        Some(f),
                        Some(employer),
                        residence,
                    );
                    self.with_nationality(&s, u3, visit);
                }
            }
        }
        // Aircrew and transport crew: employed in one or more Parties.
        for kind in [Status::Aircrew, Status::TransportCrew] {
            for (residence, u1) in self.pick(start, true) {
                for (employer, u2) in self.pick(u1, true) {
                    self.places(u2, false, &mut |work, u3| {
                        let s = sit(work, kind, None, Some(employer), residence);
                        self.with_nationality(&s, u3, visit);
                    });
                }
            }
        }
        // Civil servants and mission staff of a Party: employed by that Party, anywhere.
        for kind in [Status::CivilServant, Status::MissionStaff] {
            for (of, u1) in self.pick(start, false) {
                let Loc::Party(o) = of else { continue };
                for (residence, u2) in self.pick(u1, true) {
                    self.places(u2, false, &mut |work, u3| {
                        let s = sit(work, kind, Some(o), Some(of), residence);
                        self.with_nationality(&s, u3, visit);
                    });
                }
            }
        }
        // Locally engaged staff: work in the host State for a mission of another State.
        for (host, u1) in self.pick(start, false) {
            let Loc::Party(h) = host else { continue };
            for (residence, u2) in self.pick(u1, true) {
                for (employer, u3) in self.pick(u2, true) {
                    if employer == host {
                        continue;
                    }
                    let s = sit(
                        vec![(h, Act::Employed)],
                        Status::LocallyEngaged,
                        Some(h),
                        Some(employer),
                        residence,
                    );
                    self.with_nationality(&s, u3, visit);
                }
            }
        }
        // Non-active persons residing in a Party.
        if self.non_active {
            for (residence, u1) in self.pick(start, false) {
                let s = sit(Vec::new(), Status::NonActive, None, None, residence);
                self.with_nationality(&s, u1, visit);
            }
        }
        // Family members accompanying a worker subject to a Party's legislation.
        if self.accompanying {
            for (of, u1) in self.pick(start, false) {
                let Loc::Party(o) = of else { continue };
                for (residence, u2) in self.pick(u1, true) {
                    let s = sit(Vec::new(), Status::Accompanying, Some(o), None, residence);
                    self.with_nationality(&s, u2, visit);
                }
            }
        }
    }
}

/// The calendar day before an ISO 8601 date (`2000-03-01` → `2000-02-29`); the date itself when
/// it cannot be read.
pub(crate) fn day_before(date: &str) -> String {
    let parts: Vec<u32> = date.split('-').filter_map(|x| x.parse().ok()).collect();
    let [y, m, d] = parts.as_slice() else {
        return date.to_string();
    };
    let (y, m, d) = (*y, *m, *d);
    if d > 1 {
        return format!("{y:04}-{m:02}-{:02}", d - 1);
    }
    let (py, pm) = if m <= 1 {
        (y.saturating_sub(1), 12)
    } else {
        (y, m - 1)
    };
    let leap = py % 4 == 0 && (py % 100 != 0 || py % 400 == 0);
    let last = match pm {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    format!("{py:04}-{pm:02}-{last:02}")
}

/// For every value of the role bits, each class's profile number as a slot with those roles sees
/// it: classes with the same number cannot be told apart by the reach of their laws.
fn profiles(reach: &[Vec<Option<Reach>>]) -> Vec<Vec<usize>> {
    (0..=view::ALL)
        .map(|roles| {
            let mut seen: Vec<Vec<Option<Reach>>> = Vec::new();
            reach
                .iter()
                .map(|groups| {
                    let key: Vec<Option<Reach>> = groups
                        .iter()
                        .map(|r| r.map(|r| view::reach_seen(r, roles)))
                        .collect();
                    match seen.iter().position(|k| *k == key) {
                        Some(i) => i,
                        None => {
                            seen.push(key);
                            seen.len() - 1
                        }
                    }
                })
                .collect()
        })
        .collect()
}

/// Kuhn's augmenting path from pooled slot `k`: give it a candidate, moving the slot that holds
/// it to another of its own where needed.
fn augment(
    k: usize,
    candidates: &[Vec<Party>],
    owner: &mut std::collections::HashMap<Party, usize>,
    assigned: &mut [Option<Party>],
    seen: &mut std::collections::HashSet<Party>,
) -> bool {
    let Some(cands) = candidates.get(k) else {
        return false;
    };
    for &p in cands {
        if !seen.insert(p) {
            continue;
        }
        let movable = match owner.get(&p).copied() {
            None => true,
            Some(j) => augment(j, candidates, owner, assigned, seen),
        };
        if movable {
            owner.insert(p, k);
            if let Some(a) = assigned.get_mut(k) {
                *a = Some(p);
            }
            return true;
        }
    }
    false
}

/// The situation over slots with each slot replaced by its Party.
fn rename(s: &Situation, parties: &[Party]) -> Situation {
    let party = |p: Party| parties.get(usize::from(p)).copied().unwrap_or(p);
    let loc = |l: Loc| match l {
        Loc::Party(p) => Loc::Party(party(p)),
        Loc::Third => Loc::Third,
    };
    let mut work: Vec<(Party, Act)> = s.work.iter().map(|&(p, a)| (party(p), a)).collect();
    work.sort_unstable();
    Situation {
        work,
        status: s.status.map(|st| SpecialStatus {
            kind: st.kind,
            party: st.party.map(party),
        }),
        employer: s.employer.map(loc),
        residence: loc(s.residence),
        posting: s.posting.as_ref().map(|x| Posting {
            from: loc(x.from),
            ..x.clone()
        }),
        nationality: s.nationality.map(loc),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A space over `n` Parties, each a class of its own (no rules).
    fn space(rules: &RuleSet, n: usize) -> Space<'_> {
        let classes: Vec<Vec<Party>> = (0..n).map(|i| vec![Party::try_from(i).unwrap()]).collect();
        Space::new(
            rules,
            Params {
                reach: vec![Vec::new(); n],
                classes,
                non_active: false,
                nationality: false,
                budget: BUDGET,
            },
        )
    }

    fn rules(n: usize) -> RuleSet {
        let mut text = String::from("agreement \"A\" {\n  kind: coordination\n}\n");
        for i in 0..n {
            text.push_str(&format!(
                "party Q{} \"S{i}\" {{ schemes: old-age }}\n",
                (b'A' + i as u8) as char
            ));
        }
        let parsed = crate::syntax::parse(&text);
        let document = parsed.document.unwrap();
        RuleSet::compile(&crate::model::resolve(&document).0)
    }

    /// Where the first slot's first choice is the only Party the second can have, the first moves.
    #[test]
    fn a_pooled_slot_moves_aside_for_one_with_fewer_choices() {
        let r = rules(3);
        let s = space(&r, 3);
        let mut out = vec![None; 2];
        let wide: &[usize] = &[0, 1];
        let narrow: &[usize] = &[0];
        assert!(s.fill(&[(0, wide), (1, narrow)], &[0, 0, 0], &mut out));
        assert_eq!(out, vec![Some(1), Some(0)]);
        // The first free Party, class by class, where nothing needs moving.
        let mut out = vec![None; 2];
        assert!(s.fill(&[(0, wide), (1, wide)], &[0, 0, 0], &mut out));
        assert_eq!(out, vec![Some(0), Some(1)]);
        // Parties taken by slots with a class of their own are not offered.
        let mut out = vec![None; 1];
        assert!(s.fill(&[(0, wide)], &[1, 0, 0], &mut out));
        assert_eq!(out, vec![Some(1)]);
    }

    /// More slots than Parties in their classes: no way, found without trying every order
    /// (a backtracking search would try 12! orders here).
    #[test]
    fn more_pooled_slots_than_parties_is_refused() {
        let r = rules(12);
        let s = space(&r, 12);
        let all: Vec<usize> = (0..12).collect();
        let pooled: Vec<(usize, &[usize])> = (0..13).map(|k| (k, all.as_slice())).collect();
        let mut out = vec![None; 13];
        assert!(!s.fill(&pooled, &[0; 12], &mut out));
    }
}
