//! Rules compiled for matching: variables numbered, Party codes resolved to indices, posting
//! limits in days, `overrides` resolved to rule indices. Then: which rules apply to a situation,
//! what each designates, and the outcome.

use super::national::Group;
use super::situation::{Act, Loc, Party, Situation};
use crate::ast::{Activity, ClauseKind, ConditionKind, Place, Places, Status};
use crate::model::{Agreement, RuleDecl};
use crate::span::Span;

/// A Party in a rule: a variable (by number) or a Party code (`None` when undeclared).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Term {
    Var(usize),
    Party(Option<Party>),
}

/// Places of work in a condition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum CPlaces {
    Several,
    List(Vec<Term>),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum CCond {
    /// Every place of work has activity `act` (`None`: mixed) and the places are `places`.
    Activity(Option<Act>, CPlaces),
    /// Employed in `first`, self-employed in `second` (either order of writing), nowhere else.
    Split {
        employed: CPlaces,
        self_employed: CPlaces,
    },
    /// A condition no situation meets (such as `employed in X and employed in Y`, written oddly).
    Never,
    WorksIn(Term),
    EmployerIn(Term),
    EmployerElsewhere,
    ResidesIn(Term),
    ResidesElsewhere,
    ResidesAway,
    Posted,
    NotPosted,
    UsuallyIn(Term),
    Status(Status, Option<Term>),
    National(Term),
    ExtensionGranted,
}

impl CCond {
    /// How many places of work an activity condition lists (`several` counting two), `None` for
    /// a condition that lists none.
    pub(crate) fn places_listed(&self) -> Option<usize> {
        let count = |p: &CPlaces| match p {
            CPlaces::List(l) => l.len(),
            CPlaces::Several => 2,
        };
        match self {
            CCond::Activity(_, CPlaces::List(l)) => Some(l.len()),
            CCond::Split {
                employed,
                self_employed,
            } => Some(count(employed) + count(self_employed)),
            _ => None,
        }
    }
}

/// One condition with where it was written and its text.
#[derive(Clone, Debug)]
pub(crate) struct Cond {
    pub cond: CCond,
    pub span: Span,
    /// The highest variable number it uses, plus one (0: none).
    pub depth: usize,
}

/// A rule, compiled.
#[derive(Clone, Debug)]
pub(crate) struct CRule {
    pub label: String,
    pub head_span: Span,
    /// Variable names, condition variables first, then `where` variables that no condition uses.
    pub vars: Vec<String>,
    /// How many of `vars` appear in conditions (the rest range over the places of work).
    pub bound: usize,
    /// Indices into `vars` of the variables a `where` criterion picks, with the criterion.
    pub criterion: Option<(Vec<usize>, String)>,
    pub conds: Vec<Cond>,
    pub target: Term,
    /// `limit D`: the anticipated duration of the whole posting, in days.
    pub limit: Option<u64>,
    /// `limit first D`: the first days of any posting.
    pub first: Option<u64>,
    /// `extension`: `Some(None)` when it has no maximum. Granted case by case.
    pub extension: Option<Option<u64>>,
    /// `branches …`: the branches the rule concerns (`None`: all).
    pub branches: Option<std::collections::BTreeSet<crate::model::branch::Branch>>,
    /// `begun before DATE` (`true`) / `begun from DATE` (`false`).
    pub begun: Option<(bool, String)>,
    /// `per-activity` (`Some(true)`) or `person-level` (`Some(false)`).
    pub allocation: Option<bool>,
    pub overrides: Vec<usize>,
    /// The spans of the `overrides` clauses.
    pub overrides_spans: Vec<Span>,
}

/// What a rule designates in one situation.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Designation {
    Party(Party),
    /// A factual criterion picks exactly one of these Parties.
    Criterion(String, Vec<Party>),
    /// The rule itself names several Parties (one per binding of its variables).
    Several(Vec<Party>),
}

impl Designation {
    pub(crate) fn parties(&self) -> Vec<Party> {
        match self {
            Designation::Party(p) => vec![*p],
            Designation::Criterion(_, ps) | Designation::Several(ps) => ps.clone(),
        }
    }
}

/// The outcome for one situation.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Verdict {
    /// One legislation, designated by a rule.
    One(Designation),
    /// An active person whom neither a rule nor any national law reaches.
    Gap,
    /// Rules that designate different legislations.
    Overlap(Vec<Party>),
    /// No rule applies; the one national law that reaches the person applies.
    National(Party),
    /// No rule applies and no national law reaches a person who is not active: nothing to settle.
    Uncovered,
    /// No rule applies and several national laws reach the person: double coverage left unresolved.
    Double(Vec<Party>),
    /// Each activity decided on its own (per-activity allocation).
    PerActivity(Vec<(Party, Act, Verdict)>),
}

impl Verdict {
    /// The defect this verdict is, if any: `P301` (two legislations) or `P302` (none).
    pub(crate) fn defect(&self) -> Option<&'static str> {
        match self {
            Verdict::Gap => Some("P302"),
            Verdict::Overlap(_) | Verdict::Double(_) => Some("P301"),
            Verdict::One(Designation::Several(_)) => Some("P301"),
            Verdict::PerActivity(v) => {
                let codes: Vec<&str> = v.iter().filter_map(|(_, _, x)| x.defect()).collect();
                codes
                    .iter()
                    .find(|c| **c == "P301")
                    .or(codes.first())
                    .copied()
            }
            _ => None,
        }
    }
}

/// The evaluation of one situation.
#[derive(Clone, Debug)]
pub(crate) struct Eval {
    /// The rules that apply, each with what it designates.
    pub applicable: Vec<(usize, Designation)>,
    /// The applicable rules that no applicable rule overrides.
    pub winners: Vec<usize>,
    pub verdict: Verdict,
    /// Pairs (specific, general) where the more specific rule prevailed without `overrides`.
    pub specialis: Vec<(usize, usize)>,
    /// The national laws that reach the person without the agreement.
    pub national: Vec<Party>,
}

/// The compiled rules of an agreement.
#[derive(Clone, Debug)]
pub(crate) struct RuleSet {
    pub rules: Vec<CRule>,
    /// The Parties some rule names by code, sorted.
    pub named: Vec<Party>,
    /// The largest number of condition variables of one rule.
    pub max_vars: usize,
    /// The longest list of places in one activity condition.
    pub max_list: usize,
    /// Posting boundaries (limit plus extension) in days, sorted and distinct.
    pub boundaries: Vec<u64>,
    /// Whether some rule names non-active persons.
    pub has_non_active_rule: bool,
    /// Whether some rule names accompanying family members.
    pub has_accompanying_rule: bool,
    /// Whether some rule uses nationality.
    pub has_nationality_rule: bool,
    /// Boundaries of `limit first` rules (limit, and limit plus extension), in days, sorted.
    pub first_boundaries: Vec<u64>,
    /// Whether some rule has an extension (analysed granted and not granted).
    pub has_extension: bool,
    /// The dates of `begun` clauses, sorted and distinct.
    pub dates: Vec<String>,
    /// Whether activities are allocated one by one (`allocation: per-activity` or a rule's
    /// `per-activity` clause).
    pub per_activity: bool,
    /// `specific[i][j]`: rule i is more specific than rule j (its conditions imply j's).
    pub specific: Vec<Vec<bool>>,
}

impl RuleSet {
    pub(crate) fn compile(agreement: &Agreement) -> RuleSet {
        let index = |code: &str| -> Option<Party> {
            agreement
                .parties
                .iter()
                .position(|p| p.code.value == code)
                .and_then(|i| Party::try_from(i).ok())
        };
        let labels: Vec<&str> = agreement
            .rules
            .iter()
            .map(|r| r.rule.label.value.as_str())
            .collect();
        let mut named = Vec::new();
        let rules: Vec<CRule> = agreement
            .rules
            .iter()
            .map(|r| compile_rule(r, &index, &labels, &mut named))
            .collect();
        named.sort_unstable();
        named.dedup();
        let mut boundaries: Vec<u64> = Vec::new();
        for r in &rules {
            if let Some(l) = r.limit {
                boundaries.push(l);
                if let Some(Some(e)) = r.extension {
                    boundaries.push(l.saturating_add(e));
                }
            }
        }
        boundaries.sort_unstable();
        boundaries.dedup();
        let max_list = rules
            .iter()
            .flat_map(|r| &r.conds)
            .map(|c| c.cond.places_listed().unwrap_or(1))
            .max()
            .unwrap_or(1);
        let any_cond =
            |f: &dyn Fn(&CCond) -> bool| rules.iter().any(|r| r.conds.iter().any(|c| f(&c.cond)));
        let has_non_active_rule = any_cond(&|c| matches!(c, CCond::Status(Status::NonActive, _)));
        let has_accompanying_rule =
            any_cond(&|c| matches!(c, CCond::Status(Status::Accompanying, _)));
        let has_nationality_rule = any_cond(&|c| matches!(c, CCond::National(_)));
        let mut first_boundaries: Vec<u64> = Vec::new();
        for r in &rules {
            if let Some(n) = r.first {
                first_boundaries.push(n);
                if let Some(Some(e)) = r.extension {
                    first_boundaries.push(n.saturating_add(e));
                }
            }
        }
        first_boundaries.sort_unstable();
        first_boundaries.dedup();
        let mut dates: Vec<String> = rules
            .iter()
            .filter_map(|r| r.begun.clone().map(|b| b.1))
            .collect();
        dates.sort();
        dates.dedup();
        let per_activity = allocates_per_activity(agreement);
        let specific = rules
            .iter()
            .map(|a| {
                rules
                    .iter()
                    .map(|b| super::specialis::more_specific(a, b))
                    .collect()
            })
            .collect();
        // A rule can bind at most as many distinct Parties as the agreement has.
        let parties = agreement.parties.len().max(1);
        RuleSet {
            max_vars: rules
                .iter()
                .map(|r| r.bound)
                .max()
                .unwrap_or(0)
                .clamp(1, parties),
            max_list: max_list.min(parties),
            named,
            boundaries,
            has_non_active_rule,
            has_accompanying_rule,
            has_nationality_rule,
            first_boundaries,
            has_extension: rules.iter().any(|r| r.extension.is_some()),
            dates,
            per_activity,
            specific,
            rules,
        }
    }

    /// The groups of branches of the agreement these rules were compiled from.
    pub(crate) fn groups(&self, agreement: &Agreement) -> Vec<Group> {
        let rule_branches: Vec<_> = self.rules.iter().map(|r| r.branches.clone()).collect();
        super::national::groups(agreement, &rule_branches)
    }

    /// Decide one situation for one group of branches: the rules that apply (with precedence),
    /// else the national laws; activities one by one under per-activity allocation.
    pub(crate) fn eval(&self, s: &Situation, g: &Group) -> Eval {
        let e = self.eval_person(s, g, false);
        let several = s.work.len() >= 2 && !s.is_non_active();
        if self.per_activity && several && e.winners.is_empty() {
            let mut parts = Vec::new();
            for &(p, a) in &s.work {
                let mut one = s.clone();
                one.work = vec![(p, a)];
                if a == Act::SelfEmployed {
                    one.employer = None;
                }
                let sub = self.eval_person(&one, g, true);
                parts.push((p, a, sub.verdict));
            }
            return Eval {
                verdict: Verdict::PerActivity(parts),
                ..e
            };
        }
        e
    }

    fn eval_person(&self, s: &Situation, g: &Group, activity: bool) -> Eval {
        let parties = s.parties();
        let applicable: Vec<(usize, Designation)> = self
            .rules
            .iter()
            .enumerate()
            .filter(|(i, r)| {
                g.rules.get(*i).copied().unwrap_or(true)
                    && !(activity && r.allocation == Some(false))
            })
            .filter_map(|(i, r)| designation(r, s, &parties).map(|d| (i, d)))
            .collect();
        let mut winners: Vec<usize> = applicable
            .iter()
            .map(|&(i, _)| i)
            .filter(|&i| {
                !applicable
                    .iter()
                    .any(|&(j, _)| self.rules.get(j).is_some_and(|r| r.overrides.contains(&i)))
            })
            .collect();
        let designation_of = |i: usize| applicable.iter().find(|(j, _)| *j == i).map(|(_, d)| d);
        let disagree = |ws: &[usize]| {
            let ds: Vec<&Designation> = ws.iter().filter_map(|&i| designation_of(i)).collect();
            ds.first()
                .is_some_and(|f| matches!(f, Designation::Several(_)) || ds.iter().any(|d| d != f))
        };
        // Lex specialis: among conflicting rules, the one whose conditions imply another's prevails.
        let mut specialis = Vec::new();
        if disagree(&winners) {
            let spec = |i: usize, j: usize| {
                self.specific
                    .get(i)
                    .and_then(|r| r.get(j))
                    .copied()
                    .unwrap_or(false)
            };
            let losers: Vec<(usize, usize)> = winners
                .iter()
                .flat_map(|&j| {
                    winners
                        .iter()
                        .filter(move |&&i| i != j)
                        .map(move |&i| (i, j))
                })
                .filter(|&(i, j)| spec(i, j))
                .collect();
            if !losers.is_empty() {
                winners.retain(|w| !losers.iter().any(|&(_, j)| j == *w));
                specialis = losers;
            }
        }
        let designations: Vec<&Designation> =
            winners.iter().filter_map(|&i| designation_of(i)).collect();
        let national = g.national(s);
        let verdict = match designations.first() {
            None => match national.as_slice() {
                [] if s.is_non_active() => Verdict::Uncovered,
                // A negative conflict needs two Parties with schemes for these branches to which
                // the person is connected: otherwise no coordination could change the result.
                [] if g.connected(s) < 2 => Verdict::Uncovered,
                [] => Verdict::Gap,
                [one] => Verdict::National(*one),
                many => Verdict::Double(many.to_vec()),
            },
            Some(first)
                if !matches!(first, Designation::Several(_))
                    && designations.iter().all(|d| d == first) =>
            {
                Verdict::One((*first).clone())
            }
            Some(_) => {
                let mut ps: Vec<Party> = designations.iter().flat_map(|d| d.parties()).collect();
                ps.sort_unstable();
                ps.dedup();
                Verdict::Overlap(ps)
            }
        };
        if !matches!(verdict, Verdict::One(_)) {
            specialis.clear();
        }
        Eval {
            applicable,
            winners,
            verdict,
            specialis,
            national,
        }
    }

    /// For a rule that does not apply: the condition that fails under the binding that meets
    /// the most conditions, and how many conditions that binding meets. `None` when it applies.
    pub(crate) fn closest_miss(
        &self,
        rule: usize,
        s: &Situation,
    ) -> Option<(Option<usize>, usize)> {
        let r = self.rules.get(rule)?;
        let parties = s.parties();
        if designation(r, s, &parties).is_some() {
            return None;
        }
        // The binding meeting the most conditions; its first failing condition in source order.
        let mut best: Option<(Option<usize>, usize)> = None;
        let mut binding = vec![0 as Party; r.vars.len()];
        let mut visit = |b: &[Party]| {
            let met = r.conds.iter().filter(|c| holds(&c.cond, s, b)).count();
            if best.map_or(true, |(_, m)| met > m) {
                let fail = r
                    .conds
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| !holds(&c.cond, s, b))
                    .min_by_key(|(_, c)| c.span.start)
                    .map(|(i, _)| i);
                best = Some((fail, met));
            }
        };
        // Phantom Parties (in no situation) let a rule bind more variables than the situation
        // has Parties, so that its other conditions can still be weighed.
        let mut domain = parties.clone();
        // At most a few: a rule binding more Parties than that never comes close anyway, and
        // trying every binding of ten variables over twelve Parties would take minutes.
        domain.extend(
            (0..r.bound.min(3)).filter_map(|i| Party::MAX.checked_sub(Party::try_from(i).ok()?)),
        );
        each_binding(r, s, &domain, 0, &mut binding, &mut visit, false);
        // With no failing condition, the posting is longer than the rule's limit.
        Some(best.unwrap_or((r.conds.first().map(|_| 0), 0)))
    }
}

fn compile_rule(
    decl: &RuleDecl,
    index: &dyn Fn(&str) -> Option<Party>,
    labels: &[&str],
    named: &mut Vec<Party>,
) -> CRule {
    let r = &decl.rule;
    let mut vars: Vec<String> = Vec::new();
    let mut term = |p: &crate::ast::PartyRef, vars: &mut Vec<String>| -> Term {
        if p.is_variable() {
            match vars.iter().position(|v| *v == p.name) {
                Some(i) => Term::Var(i),
                None => {
                    vars.push(p.name.clone());
                    Term::Var(vars.len() - 1)
                }
            }
        } else {
            let i = index(&p.name);
            named.extend(i);
            Term::Party(i)
        }
    };
    let places =
        |pl: &Places,
         vars: &mut Vec<String>,
         term: &mut dyn FnMut(&crate::ast::PartyRef, &mut Vec<String>) -> Term| match pl {
            Places::Several(_) => CPlaces::Several,
            Places::Parties(ps) => CPlaces::List(ps.iter().map(|p| term(p, vars)).collect()),
        };
    let mut conds = Vec::new();
    for c in &r.conditions {
        let cond = match &c.kind {
            ConditionKind::Activity {
                activity,
                places: pl,
                and_then,
            } => {
                let first = places(pl, &mut vars, &mut term);
                match and_then {
                    None => CCond::Activity(act_of(*activity), first),
                    Some((a2, pl2)) => {
                        let second = places(pl2, &mut vars, &mut term);
                        match (activity, a2) {
                            (Activity::Employed, Activity::SelfEmployed) => CCond::Split {
                                employed: first,
                                self_employed: second,
                            },
                            (Activity::SelfEmployed, Activity::Employed) => CCond::Split {
                                employed: second,
                                self_employed: first,
                            },
                            (a, b) if a == b => match (first, second) {
                                (CPlaces::List(mut x), CPlaces::List(y)) => {
                                    x.extend(y);
                                    CCond::Activity(act_of(*a), CPlaces::List(x))
                                }
                                _ => CCond::Activity(act_of(*a), CPlaces::Several),
                            },
                            _ => CCond::Never,
                        }
                    }
                }
            }
            ConditionKind::WorksIn(p) => CCond::WorksIn(term(p, &mut vars)),
            ConditionKind::Employer(Place::In(p)) => CCond::EmployerIn(term(p, &mut vars)),
            ConditionKind::Employer(_) => CCond::EmployerElsewhere,
            ConditionKind::Resides(Place::In(p)) => CCond::ResidesIn(term(p, &mut vars)),
            ConditionKind::Resides(Place::Elsewhere) => CCond::ResidesElsewhere,
            ConditionKind::Resides(Place::Away) => CCond::ResidesAway,
            ConditionKind::Posted(..) => CCond::Posted,
            ConditionKind::NotPosted => CCond::NotPosted,
            ConditionKind::UsuallySelfEmployedIn(p) => CCond::UsuallyIn(term(p, &mut vars)),
            ConditionKind::Status(st, p) => {
                CCond::Status(*st, p.as_ref().map(|p| term(p, &mut vars)))
            }
            ConditionKind::National(p) => CCond::National(term(p, &mut vars)),
            ConditionKind::ExtensionGranted => CCond::ExtensionGranted,
        };
        conds.push(Cond {
            cond,
            span: c.span,
            depth: 0,
        });
    }
    let bound = vars.len();
    let mut criterion: Option<(Vec<usize>, String)> = None;
    let mut limit = None;
    let mut first = None;
    let mut branches: Option<std::collections::BTreeSet<crate::model::branch::Branch>> = None;
    let mut begun = None;
    let mut allocation = None;
    let mut extension: Option<Option<u64>> = None;
    let mut overrides = Vec::new();
    let mut overrides_spans = Vec::new();
    for clause in &r.clauses {
        match &clause.kind {
            ClauseKind::Where {
                variable,
                criterion: text,
            } => {
                let Term::Var(v) = term(variable, &mut vars) else {
                    continue;
                };
                let entry = criterion.get_or_insert_with(|| (Vec::new(), String::new()));
                entry.0.push(v);
                if !entry.1.is_empty() {
                    entry.1.push_str("; ");
                }
                entry.1.push_str(&text.value);
            }
            ClauseKind::Limit(d) => limit = Some(d.days()),
            ClauseKind::LimitFirst(d) => first = Some(d.days()),
            ClauseKind::Branches(bs) => {
                let set = branches.get_or_insert_with(Default::default);
                set.extend(
                    bs.iter()
                        .filter_map(|b| crate::model::branch::Branch::from_key(&b.value)),
                );
            }
            ClauseKind::Begun { before, date } => begun = Some((*before, date.value.clone())),
            ClauseKind::Allocation(per) => allocation = Some(*per),
            ClauseKind::Extension { duration, .. } => {
                extension = Some(duration.map(|d| d.days()));
            }
            ClauseKind::Overrides(ls) => {
                overrides_spans.push(clause.span);
                for l in ls {
                    if let Some(i) = labels.iter().position(|x| *x == l.value) {
                        overrides.push(i);
                    }
                }
            }
            _ => {}
        }
    }
    let target = term(&r.target, &mut vars);
    // An unbound target variable (reported as P007) ranges over the places of work.
    for c in &mut conds {
        c.depth = cond_vars(&c.cond).into_iter().max().map_or(0, |v| v + 1);
    }
    conds.sort_by_key(|c| c.depth);
    // Keep source order among conditions for messages: sorting is stable.
    CRule {
        label: r.label.value.clone(),
        head_span: r.head_span,
        vars,
        bound,
        criterion,
        conds,
        target,
        limit,
        first,
        extension,
        branches,
        begun,
        allocation,
        overrides,
        overrides_spans,
    }
}

fn act_of(a: Activity) -> Option<Act> {
    match a {
        Activity::Employed => Some(Act::Employed),
        Activity::SelfEmployed => Some(Act::SelfEmployed),
        Activity::Mixed => None,
    }
}

fn cond_vars(c: &CCond) -> Vec<usize> {
    let mut out = Vec::new();
    let mut add = |t: &Term| {
        if let Term::Var(v) = t {
            out.push(*v);
        }
    };
    match c {
        CCond::Activity(_, CPlaces::List(l)) => l.iter().for_each(&mut add),
        CCond::Split {
            employed,
            self_employed,
        } => {
            for p in [employed, self_employed] {
                if let CPlaces::List(l) = p {
                    l.iter().for_each(&mut add);
                }
            }
        }
        CCond::WorksIn(t) | CCond::EmployerIn(t) | CCond::ResidesIn(t) | CCond::UsuallyIn(t) => {
            add(t)
        }
        CCond::Status(_, Some(t)) | CCond::National(t) => add(t),
        _ => {}
    }
    out
}

fn value(t: Term, b: &[Party]) -> Option<Party> {
    match t {
        Term::Var(v) => b.get(v).copied(),
        Term::Party(p) => p,
    }
}

/// Whether the places in `pl` (under binding `b`) are exactly `work`, all with activity `act`
/// (`None`: at least one of each).
fn places_hold(pl: &CPlaces, work: &[(Party, Act)], act: Option<Act>, b: &[Party]) -> bool {
    let acts_ok = match act {
        Some(a) => work.iter().all(|&(_, x)| x == a),
        None => {
            work.iter().any(|&(_, x)| x == Act::Employed)
                && work.iter().any(|&(_, x)| x == Act::SelfEmployed)
        }
    };
    if !acts_ok || work.is_empty() {
        return false;
    }
    match pl {
        CPlaces::Several => work.len() >= 2,
        CPlaces::List(l) => {
            l.len() == work.len()
                && l.iter()
                    .all(|t| value(*t, b).is_some_and(|p| work.iter().any(|&(q, _)| q == p)))
                && {
                    // The listed Parties are distinct (so they cover every place).
                    let mut v: Vec<Option<Party>> = l.iter().map(|t| value(*t, b)).collect();
                    v.sort_unstable();
                    v.dedup();
                    v.len() == l.len()
                }
        }
    }
}

/// Whether one condition holds in a situation under a binding.
pub(crate) fn holds(c: &CCond, s: &Situation, b: &[Party]) -> bool {
    let party_is = |t: &Term, loc: Option<Loc>| match (value(*t, b), loc) {
        (Some(p), Some(Loc::Party(q))) => p == q,
        _ => false,
    };
    match c {
        CCond::Activity(act, pl) => places_hold(pl, &s.work, *act, b),
        CCond::Split {
            employed,
            self_employed,
        } => {
            let e: Vec<(Party, Act)> = s
                .work
                .iter()
                .copied()
                .filter(|&(_, a)| a == Act::Employed)
                .collect();
            let se: Vec<(Party, Act)> = s
                .work
                .iter()
                .copied()
                .filter(|&(_, a)| a == Act::SelfEmployed)
                .collect();
            places_hold(employed, &e, Some(Act::Employed), b)
                && places_hold(self_employed, &se, Some(Act::SelfEmployed), b)
        }
        CCond::Never => false,
        CCond::WorksIn(t) => value(*t, b).is_some_and(|p| s.works_in(p)),
        CCond::EmployerIn(t) => party_is(t, s.employer),
        CCond::EmployerElsewhere => s.employer == Some(Loc::Third),
        CCond::ResidesIn(t) => party_is(t, Some(s.residence)),
        CCond::ResidesElsewhere => s.residence == Loc::Third,
        CCond::ResidesAway => match s.residence {
            Loc::Third => true,
            Loc::Party(p) => !s.works_in(p),
        },
        CCond::Posted => s.posting.is_some(),
        CCond::National(t) => party_is(t, s.nationality),
        CCond::ExtensionGranted => s.posting.as_ref().is_some_and(|p| p.granted),
        CCond::NotPosted => s.posting.is_none(),
        CCond::UsuallyIn(t) => party_is(t, s.usual_place().map(Loc::Party)),
        CCond::Status(kind, party) => match s.status {
            Some(st) if st.kind == *kind => match party {
                None => true,
                Some(t) => party_is(t, st.party.map(Loc::Party)),
            },
            _ => false,
        },
    }
}

/// Whether activities are allocated one by one: `allocation: per-activity` in the header, or a
/// rule's `per-activity` clause. Read from the syntax, so that checks can ask without compiling.
pub(crate) fn allocates_per_activity(agreement: &Agreement) -> bool {
    let header = agreement.header_fields.iter().any(|f| {
        f.name.value == "allocation"
            && f.items
                .iter()
                .any(|i| crate::model::first_word(i) == Some("per-activity"))
    });
    header
        || agreement.rules.iter().any(|r| {
            r.rule
                .clauses
                .iter()
                .any(|c| matches!(c.kind, ClauseKind::Allocation(true)))
        })
}

/// Whether a posted situation is within the rule's limits: the anticipated duration (`limit`),
/// the day decided (`limit first`), an extension only where granted, and the start date.
pub(crate) fn within_limit(r: &CRule, s: &Situation) -> bool {
    let Some(p) = &s.posting else {
        return true;
    };
    let extended = |base: u64, value: u64| {
        value <= base
            || p.granted
                && match r.extension {
                    Some(None) => true,
                    Some(Some(e)) => value <= base.saturating_add(e),
                    None => false,
                }
    };
    if let Some(l) = r.limit {
        if !extended(l, p.days.unwrap_or(0)) {
            return false;
        }
    }
    if let Some(n) = r.first {
        if !extended(n, p.at.unwrap_or(0)) {
            return false;
        }
    }
    match (&r.begun, &p.since) {
        (Some((true, date)), Some(since)) => since < date,
        (Some((false, date)), Some(since)) => since >= date,
        _ => true,
    }
}

/// Visit every binding of the rule's variables: condition variables to distinct Parties of the
/// situation, `where`-only variables to places of work. With `prune`, a partial binding that
/// fails a condition is abandoned.
fn each_binding(
    r: &CRule,
    s: &Situation,
    parties: &[Party],
    depth: usize,
    b: &mut Vec<Party>,
    visit: &mut dyn FnMut(&[Party]),
    prune: bool,
) {
    if prune
        && !r
            .conds
            .iter()
            .filter(|c| c.depth == depth)
            .all(|c| holds(&c.cond, s, b))
    {
        return;
    }
    if depth == r.vars.len() {
        visit(b);
        return;
    }
    if depth < r.bound {
        for &p in parties {
            if b.get(..depth).is_some_and(|prev| prev.contains(&p)) {
                continue;
            }
            if let Some(slot) = b.get_mut(depth) {
                *slot = p;
            }
            each_binding(r, s, parties, depth + 1, b, visit, prune);
        }
    } else {
        for &(p, _) in &s.work {
            if let Some(slot) = b.get_mut(depth) {
                *slot = p;
            }
            each_binding(r, s, parties, depth + 1, b, visit, prune);
        }
    }
}

/// What the rule designates in the situation, or `None` when it does not apply.
pub(crate) fn designation(r: &CRule, s: &Situation, parties: &[Party]) -> Option<Designation> {
    if !within_limit(r, s) {
        return None;
    }
    // (criterion values, target) for every binding that meets all conditions.
    let mut found: Vec<(Vec<Party>, Party)> = Vec::new();
    let mut any = false;
    let mut b = vec![0 as Party; r.vars.len()];
    let crit: &[usize] = r.criterion.as_ref().map_or(&[], |(v, _)| v.as_slice());
    each_binding(
        r,
        s,
        parties,
        0,
        &mut b,
        &mut |b| {
            any = true;
            if let Some(t) = value(r.target, b) {
                let key: Vec<Party> = crit.iter().filter_map(|&v| b.get(v).copied()).collect();
                found.push((key, t));
            }
        },
        true,
    );
    if !any {
        return None;
    }
    found.sort_unstable();
    found.dedup();
    let mut targets: Vec<Party> = found.iter().map(|&(_, t)| t).collect();
    targets.sort_unstable();
    targets.dedup();
    match (&r.criterion, targets.as_slice()) {
        // A rule whose target names an undeclared Party (reported elsewhere) designates nothing.
        (_, []) => None,
        (_, [one]) => Some(Designation::Party(*one)),
        (Some((_, text)), _) => {
            // The criterion picks one value of its variables; each value must give one target.
            let one_each = found.windows(2).all(|w| match w {
                [a, b] => a.0 != b.0,
                _ => true,
            });
            if one_each {
                Some(Designation::Criterion(text.clone(), targets))
            } else {
                Some(Designation::Several(targets))
            }
        }
        (None, _) => Some(Designation::Several(targets)),
    }
}
