//! The situation space, reduced by the symmetry between interchangeable Parties.
//!
//! Parties are grouped in **classes** of interchangeable Parties: two Parties are interchangeable
//! when their laws reach persons on the same bases (for every group of branches) and exchanging
//! them maps the rules onto themselves — Parties that no rule names, and Parties that rules name
//! alike (twelve Parties each with its own `employed in XA -> XA`). Renaming Parties within a
//! class changes neither which rules apply nor the verdict. So instead of every concrete
//! combination, the space is generated as *shapes*: each role (flag State or administration,
//! residence, employer's seat, nationality, usual place of activity) is a Party already in the
//! situation, the next unused Party of some class, or a third State; each of those Parties is or
//! is not a place of work; the remaining places are fresh Parties of some class, counted only up
//! to the point where rules can tell the counts apart. Within a class the Parties are used in
//! declaration order, so every shape is itself a concrete situation (the one a counterexample
//! shows). The cost is polynomial in the number of classes and constant in their sizes.
//!
//! Every enumeration is bounded by a budget of situations; past it the analysis stops and says so
//! (P313) rather than running for minutes.

use super::rules::RuleSet;
use super::situation::{Act, Loc, Party, Posting, Situation, SpecialStatus};
use crate::ast::Status;

/// The most situations one analysis decides (per group of branches) before it stops.
pub const BUDGET: usize = 400_000;

/// The parameters of the space of one agreement.
pub struct Space {
    /// Classes of interchangeable Parties, each in declaration order.
    classes: Vec<Vec<Party>>,
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
    /// Situations visited so far, and whether the budget was exceeded.
    pub visited: std::cell::Cell<usize>,
    pub exhausted: std::cell::Cell<bool>,
}

/// Which members of each class a partial situation already uses.
type Used = Vec<usize>;

/// What the space needs to know of the agreement besides its rules.
pub struct Params {
    pub classes: Vec<Vec<Party>>,
    pub non_active: bool,
    pub nationality: bool,
}

impl Space {
    pub fn new(rules: &RuleSet, p: Params) -> Space {
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
        Space {
            classes: p.classes,
            reps,
            durations,
            first: rules.first_boundaries.clone(),
            granted: rules.has_extension,
            dates: rules.dates.clone(),
            non_active: p.non_active || rules.has_non_active_rule,
            accompanying: rules.has_accompanying_rule,
            nationality: p.nationality || rules.has_nationality_rule,
            visited: std::cell::Cell::new(0),
            exhausted: std::cell::Cell::new(false),
        }
    }

    fn used_parties(&self, used: &Used) -> Vec<Party> {
        self.classes
            .iter()
            .zip(used)
            .flat_map(|(c, &u)| c.iter().take(u).copied())
            .collect()
    }

    /// The choices for a role: Parties already in the situation, the next unused Party of each
    /// class, and a third State when allowed.
    fn pick(&self, used: &Used, third: bool) -> Vec<(Loc, Used)> {
        let mut out: Vec<(Loc, Used)> = self
            .used_parties(used)
            .into_iter()
            .map(|p| (Loc::Party(p), used.clone()))
            .collect();
        for (i, c) in self.classes.iter().enumerate() {
            let u = used.get(i).copied().unwrap_or(0);
            if let Some(&p) = c.get(u) {
                let mut next = used.clone();
                if let Some(slot) = next.get_mut(i) {
                    *slot += 1;
                }
                out.push((Loc::Party(p), next));
            }
        }
        if third {
            out.push((Loc::Third, used.clone()));
        }
        out
    }

    /// Every set of places of work given the roles so far: each Party in use is a place
    /// (employed or, with `self_employed`, self-employed) or not, plus fresh places drawn from
    /// the classes.
    fn places(&self, used: &Used, self_employed: bool, f: &mut dyn FnMut(Vec<(Party, Act)>, Used)) {
        let roles = self.used_parties(used);
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
                    if (s > 0 && !self_employed) || base.len() + e + s > count_cap {
                        continue;
                    }
                    let acts: Vec<Act> = std::iter::repeat(Act::Employed)
                        .take(e)
                        .chain(std::iter::repeat(Act::SelfEmployed).take(s))
                        .collect();
                    self.fresh(&acts, used.clone(), base.clone(), 0, f);
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

    /// Draw one fresh place per activity in `acts`, each from a class at index ≥ `from_class`
    /// for the same activity (so that each multiset of classes is drawn once).
    fn fresh(
        &self,
        acts: &[Act],
        used: Used,
        work: Vec<(Party, Act)>,
        from_class: usize,
        f: &mut dyn FnMut(Vec<(Party, Act)>, Used),
    ) {
        let Some((&act, rest)) = acts.split_first() else {
            if !work.is_empty() {
                let mut w = work;
                w.sort_unstable();
                f(w, used);
            }
            return;
        };
        for (i, c) in self.classes.iter().enumerate().skip(from_class) {
            let u = used.get(i).copied().unwrap_or(0);
            let Some(&p) = c.get(u) else { continue };
            let mut next = used.clone();
            if let Some(slot) = next.get_mut(i) {
                *slot += 1;
            }
            let mut w = work.clone();
            w.push((p, act));
            let next_from = match rest.first() {
                Some(&a) if a == act => i,
                _ => 0,
            };
            self.fresh(rest, next, w, next_from, f);
        }
    }

    fn emit(&self, s: &Situation, visit: &mut dyn FnMut(&Situation)) {
        if self.exhausted.get() {
            return;
        }
        let n = self.visited.get() + 1;
        self.visited.set(n);
        if n > BUDGET {
            self.exhausted.set(true);
            return;
        }
        visit(s);
    }

    /// Visit the situation with every nationality the analysis distinguishes.
    fn with_nationality(&self, s: &Situation, used: &Used, visit: &mut dyn FnMut(&Situation)) {
        if !self.nationality {
            self.emit(s, visit);
            return;
        }
        for (n, _) in self.pick(used, true) {
            let mut x = s.clone();
            x.nationality = Some(n);
            self.emit(&x, visit);
        }
    }

    /// Visit every situation of the space (one per shape), simplest first.
    pub fn each(&self, visit: &mut dyn FnMut(&Situation)) {
        let start: Used = vec![0; self.classes.len()];
        self.ordinary(&start, visit);
        self.status_kinds(&start, visit);
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
    fn ordinary(&self, start: &Used, visit: &mut dyn FnMut(&Situation)) {
        for (residence, u1) in self.pick(start, true) {
            let employers = std::iter::once((None, u1.clone()))
                .chain(self.pick(&u1, true).into_iter().map(|(l, u)| (Some(l), u)));
            for (employer, u2) in employers {
                self.places(&u2, true, &mut |work, u3| {
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
                    self.with_nationality(&s, &u3, visit);
                    match s.work.as_slice() {
                        [(p, Act::Employed)] => {
                            let p = *p;
                            if let Some(from) = employer.filter(|&e| e != Loc::Party(p)) {
                                self.postings(from, |posting| {
                                    s.posting = Some(posting);
                                    self.with_nationality(&s, &u3, visit);
                                });
                            }
                        }
                        [(p, Act::SelfEmployed)] => {
                            let p = *p;
                            for (from, u4) in self.pick(&u3, true) {
                                if from == Loc::Party(p) {
                                    continue;
                                }
                                self.postings(from, |posting| {
                                    s.posting = Some(posting);
                                    self.with_nationality(&s, &u4, visit);
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
    fn status_kinds(&self, start: &Used, visit: &mut dyn FnMut(&Situation)) {
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
            for (residence, u2) in self.pick(&u1, true) {
                for (employer, u3) in self.pick(&u2, true) {
                    let s = sit(
                        vec![(f, Act::Employed)],
                        Status::Seafarer,
                        Some(f),
                        Some(employer),
                        residence,
                    );
                    self.with_nationality(&s, &u3, visit);
                }
            }
        }
        // Aircrew and transport crew: employed in one or more Parties.
        for kind in [Status::Aircrew, Status::TransportCrew] {
            for (residence, u1) in self.pick(start, true) {
                for (employer, u2) in self.pick(&u1, true) {
                    self.places(&u2, false, &mut |work, u3| {
                        let s = sit(work, kind, None, Some(employer), residence);
                        self.with_nationality(&s, &u3, visit);
                    });
                }
            }
        }
        // Civil servants and mission staff of a Party: employed by that Party, anywhere.
        for kind in [Status::CivilServant, Status::MissionStaff] {
            for (of, u1) in self.pick(start, false) {
                let Loc::Party(o) = of else { continue };
                for (residence, u2) in self.pick(&u1, true) {
                    self.places(&u2, false, &mut |work, u3| {
                        let s = sit(work, kind, Some(o), Some(of), residence);
                        self.with_nationality(&s, &u3, visit);
                    });
                }
            }
        }
        // Locally engaged staff: work in the host State for a mission of another State.
        for (host, u1) in self.pick(start, false) {
            let Loc::Party(h) = host else { continue };
            for (residence, u2) in self.pick(&u1, true) {
                for (employer, u3) in self.pick(&u2, true) {
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
                    self.with_nationality(&s, &u3, visit);
                }
            }
        }
        // Non-active persons residing in a Party.
        if self.non_active {
            for (residence, u1) in self.pick(start, false) {
                let s = sit(Vec::new(), Status::NonActive, None, None, residence);
                self.with_nationality(&s, &u1, visit);
            }
        }
        // Family members accompanying a worker subject to a Party's legislation.
        if self.accompanying {
            for (of, u1) in self.pick(start, false) {
                let Loc::Party(o) = of else { continue };
                for (residence, u2) in self.pick(&u1, true) {
                    let s = sit(Vec::new(), Status::Accompanying, Some(o), None, residence);
                    self.with_nationality(&s, &u2, visit);
                }
            }
        }
    }
}

/// The calendar day before an ISO 8601 date (`2000-03-01` → `2000-02-29`); the date itself when
/// it cannot be read.
pub fn day_before(date: &str) -> String {
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
