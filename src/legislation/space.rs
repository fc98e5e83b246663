//! The situation space, reduced by the symmetry between Parties that no rule names.
//!
//! Parties that no rule names by code ("anonymous" Parties) are interchangeable: renaming them
//! changes neither which rules apply nor whether the outcome is one legislation, a gap or an
//! overlap. So instead of every concrete combination, the space is generated as *shapes*: each
//! role (flag State, residence, employer's seat, usual place of activity) is a named Party, an
//! anonymous Party already in the situation, a fresh anonymous Party, or a third State; each of
//! those Parties is or is not a place of work; and the remaining places of work are plain
//! anonymous Parties, counted per activity only up to the point where rules can tell the counts
//! apart (a rule binds at most `max_vars` Parties, and counts places up to `max_list`). Anonymous
//! Parties are the agreement's unnamed Parties in declaration order, so every generated shape
//! is itself a concrete situation (the one a counterexample shows). The number of shapes does
//! not depend on the number of Parties once there are more than a rule can tell apart.

use super::rules::RuleSet;
use super::situation::{Act, Loc, Party, Posting, Situation, SpecialStatus};
use crate::ast::Status;

/// The parameters of the space of one agreement.
pub struct Space {
    named: Vec<Party>,
    unnamed: Vec<Party>,
    /// Representative (employed, self-employed) counts of plain places, by the number of other places.
    reps: Vec<Vec<(usize, usize)>>,
    /// Representative posting durations: each boundary, and one month beyond the last.
    durations: Vec<Option<u64>>,
    non_active: bool,
}

impl Space {
    /// `party_count` Parties; non-active persons are in the space when `non_active`.
    pub fn new(rules: &RuleSet, party_count: usize, non_active: bool) -> Space {
        let named: Vec<Party> = rules
            .named
            .iter()
            .copied()
            .filter(|&p| usize::from(p) < party_count)
            .collect();
        let unnamed: Vec<Party> = (0..party_count)
            .filter_map(|i| Party::try_from(i).ok())
            .filter(|p| !named.contains(p))
            .collect();
        let cap = rules.max_vars.max(1);
        let count_cap = rules.max_list.max(2) + 1;
        let max_base = named.len() + 4;
        let top = cap.max(count_cap);
        let reps = (0..=max_base)
            .map(|base| {
                let mut seen: Vec<(usize, usize, usize)> = Vec::new();
                let mut out = Vec::new();
                let mut all: Vec<(usize, usize)> = (0..=top)
                    .flat_map(|e| (0..=top).map(move |s| (e, s)))
                    .collect();
                all.sort_by_key(|&(e, s)| (e + s, e, s));
                for (e, s) in all {
                    let key = (e.min(cap), s.min(cap), (base + e + s).min(count_cap));
                    if !seen.contains(&key) {
                        seen.push(key);
                        out.push((e, s));
                    }
                }
                out
            })
            .collect();
        let mut durations: Vec<Option<u64>> = rules.boundaries.iter().map(|&d| Some(d)).collect();
        match rules.boundaries.last() {
            Some(&last) => durations.push(Some(last.saturating_add(30))),
            None => durations.push(None),
        }
        Space {
            named,
            unnamed,
            reps,
            durations,
            non_active,
        }
    }

    /// The choices for a role: Parties already in the situation (named, then anonymous), a
    /// fresh anonymous Party, and a third State when allowed. Returns (place, anonymous used).
    fn pick(&self, used: usize, third: bool) -> Vec<(Loc, usize)> {
        let mut out: Vec<(Loc, usize)> = Vec::new();
        out.extend(self.named.iter().map(|&p| (Loc::Party(p), used)));
        out.extend(
            self.unnamed
                .iter()
                .take(used)
                .map(|&p| (Loc::Party(p), used)),
        );
        if let Some(&p) = self.unnamed.get(used) {
            out.push((Loc::Party(p), used + 1));
        }
        if third {
            out.push((Loc::Third, used));
        }
        out
    }

    /// Every set of places of work given the roles so far: each named or role Party is a place
    /// (employed or, with `self_employed`, self-employed) or not, plus plain anonymous places.
    fn places(
        &self,
        used: usize,
        self_employed: bool,
        f: &mut dyn FnMut(Vec<(Party, Act)>, usize),
    ) {
        let roles: Vec<Party> = self
            .named
            .iter()
            .chain(self.unnamed.iter().take(used))
            .copied()
            .collect();
        let radix: usize = if self_employed { 3 } else { 2 };
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
            let reps = self
                .reps
                .get(base.len())
                .or_else(|| self.reps.last())
                .map_or(&[][..], |v| v.as_slice());
            for &(e, s) in reps {
                if (s > 0 && !self_employed) || used + e + s > self.unnamed.len() {
                    continue;
                }
                let mut work = base.clone();
                let fresh = self.unnamed.iter().skip(used);
                for (i, &p) in fresh.take(e + s).enumerate() {
                    work.push((
                        p,
                        if i < e {
                            Act::Employed
                        } else {
                            Act::SelfEmployed
                        },
                    ));
                }
                if work.is_empty() {
                    continue;
                }
                work.sort_unstable();
                f(work, used + e + s);
            }
            // Next combination of marks.
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

    /// Visit every situation of the space (one per shape), simplest first.
    pub fn each(&self, visit: &mut dyn FnMut(&Situation)) {
        self.ordinary(visit);
        self.status_kinds(visit);
    }

    /// Persons with no special status: any activity, postings.
    fn ordinary(&self, visit: &mut dyn FnMut(&Situation)) {
        for (residence, u1) in self.pick(0, true) {
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
                    };
                    visit(&s);
                    match s.work.as_slice() {
                        [(p, Act::Employed)] => {
                            let p = *p;
                            if let Some(from) = employer.filter(|&e| e != Loc::Party(p)) {
                                for &days in &self.durations {
                                    s.posting = Some(Posting { from, days });
                                    visit(&s);
                                }
                            }
                        }
                        [(p, Act::SelfEmployed)] => {
                            let p = *p;
                            for (from, _) in self.pick(u3, true) {
                                if from == Loc::Party(p) {
                                    continue;
                                }
                                for &days in &self.durations {
                                    s.posting = Some(Posting { from, days });
                                    visit(&s);
                                }
                            }
                        }
                        _ => {}
                    }
                });
            }
        }
    }

    /// The special statuses (see `docs/legislation.md` for what each means here).
    fn status_kinds(&self, visit: &mut dyn FnMut(&Situation)) {
        // Seafarers: work in the flag State.
        for (flag, u1) in self.pick(0, false) {
            let Loc::Party(f) = flag else { continue };
            for (residence, u2) in self.pick(u1, true) {
                for (employer, _) in self.pick(u2, true) {
                    visit(&Situation {
                        work: vec![(f, Act::Employed)],
                        status: Some(SpecialStatus {
                            kind: Status::Seafarer,
                            party: Some(f),
                        }),
                        employer: Some(employer),
                        residence,
                        posting: None,
                    });
                }
            }
        }
        // Aircrew and transport crew: employed in one or more Parties.
        for kind in [Status::Aircrew, Status::TransportCrew] {
            for (residence, u1) in self.pick(0, true) {
                for (employer, u2) in self.pick(u1, true) {
                    self.places(u2, false, &mut |work, _| {
                        visit(&Situation {
                            work,
                            status: Some(SpecialStatus { kind, party: None }),
                            employer: Some(employer),
                            residence,
                            posting: None,
                        });
                    });
                }
            }
        }
        // Civil servants and mission staff of a Party: employed by that Party, anywhere.
        for kind in [Status::CivilServant, Status::MissionStaff] {
            for (of, u1) in self.pick(0, false) {
                let Loc::Party(o) = of else { continue };
                for (residence, u2) in self.pick(u1, true) {
                    self.places(u2, false, &mut |work, _| {
                        visit(&Situation {
                            work,
                            status: Some(SpecialStatus {
                                kind,
                                party: Some(o),
                            }),
                            employer: Some(of),
                            residence,
                            posting: None,
                        });
                    });
                }
            }
        }
        // Locally engaged staff: work in the host State for a mission of another State.
        for (host, u1) in self.pick(0, false) {
            let Loc::Party(h) = host else { continue };
            for (residence, u2) in self.pick(u1, true) {
                for (employer, _) in self.pick(u2, true) {
                    if employer == host {
                        continue;
                    }
                    visit(&Situation {
                        work: vec![(h, Act::Employed)],
                        status: Some(SpecialStatus {
                            kind: Status::LocallyEngaged,
                            party: Some(h),
                        }),
                        employer: Some(employer),
                        residence,
                        posting: None,
                    });
                }
            }
        }
        // Non-active persons residing in a Party.
        if self.non_active {
            for (residence, _) in self.pick(0, false) {
                visit(&Situation {
                    work: Vec::new(),
                    status: Some(SpecialStatus {
                        kind: Status::NonActive,
                        party: None,
                    }),
                    employer: None,
                    residence,
                    posting: None,
                });
            }
        }
    }
}
