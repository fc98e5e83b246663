//! Differential test: a deliberately simple brute-force enumerator over concrete Parties, with
//! its own naive reading of the rules straight from the AST, against the optimised analysis
//! (symmetry reduction, compiled rules), on random rule sets.
//!
//! They must agree on whether there is a gap and whether there is an overlap, on the sets of
//! rules in conflict, and every counterexample the analysis reports must really be a gap or an
//! overlap under the brute force. Lex specialis is read from the analysis as data (which rule is
//! more specific than which) and applied by the oracle on its own; a separate property holds those
//! pairs sound against the brute force (the specific rule never applies where the general one does not).

use pacta::ast::{Activity, ClauseKind, ConditionKind, Place, Places, Status};
use pacta::config::Config;
use pacta::legislation::situation::{Act, Loc, Party, Posting, Situation, SpecialStatus};
use pacta::model::Agreement;
use proptest::prelude::*;
use std::collections::BTreeSet;

const CONDITIONS: &[&str] = &[
    "employed in X",
    "self-employed in X",
    "employed in X and Y",
    "self-employed in X and Y",
    "employed in X and self-employed in Y",
    "employed in several",
    "self-employed in several",
    "mixed in several",
    "works in X",
    "employer in X",
    "employer in Y",
    "employer elsewhere",
    "resides in X",
    "resides in Y",
    "resides elsewhere",
    "resides away",
    "posted",
    "usually self-employed in Y",
    "seafarer under flag X",
    "aircrew",
    "civil-servant of X",
    "non-active",
    "locally-engaged in X",
    "employed in XA",
    "resides in XB",
];

/// Conditions naming Parties by code on every role, for agreements of four Parties (the fourth,
/// `XD`, is never named): the analysis offers a slot one choice per Party named on its roles
/// and one for all the others, which these exercise.
const CODED: &[&str] = &[
    "employer in XB",
    "employed in XC",
    "resides in XA",
    "resides in XC",
    "usually self-employed in XB",
    "civil-servant of XB",
    "self-employed in XC",
    "works in XB",
    "seafarer under flag XC",
    "employed in X and XB",
    "resides in X",
    "employer in X",
];

/// Condition `i` of `CONDITIONS` followed by `CODED`.
fn condition(i: usize) -> &'static str {
    match CONDITIONS.get(i) {
        Some(c) => c,
        None => CODED[i - CONDITIONS.len()],
    }
}

#[derive(Clone, Debug)]
struct RuleSpec {
    conditions: Vec<usize>,
    target: usize,
    overrides: Vec<usize>,
    /// (years, extension, `limit first`)
    limit: Option<(u8, bool, bool)>,
}

/// The coverage bases the generator gives a Party's scheme.
const BASES: &[&str] = &["", "residence-based", "residents-only", "employees-only"];

/// The national side of a random agreement: each Party's basis, and per-activity allocation.
#[derive(Clone, Debug)]
struct Nation {
    bases: Vec<usize>,
    per_activity: bool,
}

fn nation_spec() -> impl Strategy<Value = Nation> {
    (prop::collection::vec(0..BASES.len(), 4), any::<bool>()).prop_map(|(bases, per_activity)| {
        Nation {
            bases,
            per_activity,
        }
    })
}

fn rule_spec() -> impl Strategy<Value = RuleSpec> {
    rule_spec_over(CONDITIONS.len(), 4)
}

/// Rules over the first `conditions` conditions (see [`condition`]) and `targets` kinds of target.
fn rule_spec_over(conditions: usize, targets: usize) -> impl Strategy<Value = RuleSpec> {
    (
        prop::collection::vec(0..conditions, 1..=3),
        0..targets,
        prop::collection::vec(0..6usize, 0..=2),
        prop::option::of((1..=3u8, any::<bool>(), any::<bool>())),
    )
        .prop_map(|(conditions, target, overrides, limit)| RuleSpec {
            conditions,
            target,
            overrides,
            limit,
        })
}

/// The agreement's source text: `n` Parties, each with one scheme on its basis, the rules in one
/// article.
fn source(n: usize, nation: &Nation, rules: &[RuleSpec]) -> String {
    let mut s = String::from("agreement \"Random\" {\n  conforms-to: C157\n");
    if nation.per_activity {
        s.push_str("  allocation: per-activity\n");
    }
    s.push_str("}\n");
    for code in ["XA", "XB", "XC", "XD"].iter().take(n) {
        s.push_str(&format!("party {code} \"{code}\" {{ schemes: old-age }}\n"));
    }
    s.push_str("article 1 \"Rules\" {\n");
    for (i, code) in ["XA", "XB", "XC", "XD"].iter().take(n).enumerate() {
        let basis = BASES[nation.bases.get(i).copied().unwrap_or(0)];
        s.push_str(&format!("  scope {code} \"Law {code}\" {basis}: old-age\n"));
    }
    for (i, r) in rules.iter().enumerate() {
        let conds: Vec<&str> = r.conditions.iter().map(|&c| condition(c)).collect();
        let text = conds.join(", ");
        let uses = |v: &str| conds.iter().any(|c| c.split([' ', ',']).any(|w| w == v));
        let (target, clause) = match r.target {
            0 if uses("X") => ("X".to_string(), String::new()),
            1 if uses("Y") => ("Y".to_string(), String::new()),
            2 => ("XA".to_string(), String::new()),
            4 => ("XB".to_string(), String::new()),
            5 => ("XC".to_string(), String::new()),
            _ => (
                "X".to_string(),
                "\n    where X is \"the main activity\"".to_string(),
            ),
        };
        s.push_str(&format!("  rule 1.{}: {text} -> {target}{clause}\n", i + 1));
        let overrides: BTreeSet<usize> = r
            .overrides
            .iter()
            .copied()
            .filter(|&o| o < rules.len() && o != i)
            .collect();
        if !overrides.is_empty() {
            let list: Vec<String> = overrides.iter().map(|o| format!("1.{}", o + 1)).collect();
            s.push_str(&format!("    overrides {}\n", list.join(", ")));
        }
        if let Some((months, ext, first)) = r.limit {
            let kind = if first { "first " } else { "" };
            s.push_str(&format!(
                "    limit {kind}{} months\n",
                u32::from(months) * 12
            ));
            if ext {
                s.push_str("    extension 6 months by competent-authorities\n");
            }
        }
    }
    s.push_str("}\n");
    s
}

// ───────────────────────────── the naive reading ─────────────────────────────

fn var_letters(a: &Agreement, rule: usize) -> (Vec<String>, Vec<String>) {
    let r = &a.rules[rule].rule;
    let mut bound = Vec::new();
    let push = |name: &str, into: &mut Vec<String>| {
        if name.len() == 1 && !into.iter().any(|v| v == name) {
            into.push(name.to_string());
        }
    };
    for c in &r.conditions {
        let mut refs = Vec::new();
        match &c.kind {
            ConditionKind::Activity {
                places, and_then, ..
            } => {
                for p in std::iter::once(places).chain(and_then.iter().map(|(_, p)| p)) {
                    if let Places::Parties(ps) = p {
                        refs.extend(ps.iter().map(|p| p.name.clone()));
                    }
                }
            }
            ConditionKind::WorksIn(p) | ConditionKind::UsuallySelfEmployedIn(p) => {
                refs.push(p.name.clone())
            }
            ConditionKind::Employer(Place::In(p)) | ConditionKind::Resides(Place::In(p)) => {
                refs.push(p.name.clone())
            }
            ConditionKind::Status(_, Some(p)) => refs.push(p.name.clone()),
            _ => {}
        }
        for name in refs {
            push(&name, &mut bound);
        }
    }
    let mut free = Vec::new();
    for c in &r.clauses {
        if let ClauseKind::Where { variable, .. } = &c.kind {
            if !bound.contains(&variable.name) {
                push(&variable.name, &mut free);
            }
        }
    }
    (bound, free)
}

fn code_of(a: &Agreement, name: &str, binding: &[(String, Party)]) -> Option<Party> {
    if let Some((_, p)) = binding.iter().find(|(v, _)| v == name) {
        return Some(*p);
    }
    a.parties
        .iter()
        .position(|p| p.code.value == name)
        .map(|i| i as Party)
}

/// Parties named by `places`, exactly the places of work with activity `act`?
fn places_are(
    a: &Agreement,
    pl: &Places,
    work: &[(Party, Act)],
    act: Act,
    b: &[(String, Party)],
) -> bool {
    let here: BTreeSet<Party> = work.iter().filter(|w| w.1 == act).map(|w| w.0).collect();
    match pl {
        Places::Several(_) => here.len() >= 2,
        Places::Parties(ps) => {
            let named: Vec<Option<Party>> = ps.iter().map(|p| code_of(a, &p.name, b)).collect();
            let set: BTreeSet<Party> = named.iter().flatten().copied().collect();
            named.iter().all(Option::is_some) && set.len() == ps.len() && set == here
        }
    }
}

fn naive_holds(a: &Agreement, kind: &ConditionKind, s: &Situation, b: &[(String, Party)]) -> bool {
    let is = |name: &str, l: Option<Loc>| matches!(l, Some(Loc::Party(p)) if Some(p) == code_of(a, name, b));
    let all = |act: Act| !s.work.is_empty() && s.work.iter().all(|w| w.1 == act);
    match kind {
        ConditionKind::Activity {
            activity,
            places,
            and_then: None,
        } => match activity {
            Activity::Employed => {
                all(Act::Employed) && places_are(a, places, &s.work, Act::Employed, b)
            }
            Activity::SelfEmployed => {
                all(Act::SelfEmployed) && places_are(a, places, &s.work, Act::SelfEmployed, b)
            }
            Activity::Mixed => {
                s.work.iter().any(|w| w.1 == Act::Employed)
                    && s.work.iter().any(|w| w.1 == Act::SelfEmployed)
                    && match places {
                        Places::Several(_) => true,
                        Places::Parties(ps) => ps.len() == s.work.len(),
                    }
            }
        },
        ConditionKind::Activity {
            activity: Activity::Employed,
            places,
            and_then: Some((Activity::SelfEmployed, p2)),
        } => {
            places_are(a, places, &s.work, Act::Employed, b)
                && places_are(a, p2, &s.work, Act::SelfEmployed, b)
        }
        ConditionKind::Activity { .. } => unreachable!("not generated"),
        ConditionKind::WorksIn(p) => s.work.iter().any(|w| Some(w.0) == code_of(a, &p.name, b)),
        ConditionKind::Employer(Place::In(p)) => is(&p.name, s.employer),
        ConditionKind::Employer(_) => s.employer == Some(Loc::Third),
        ConditionKind::Resides(Place::In(p)) => is(&p.name, Some(s.residence)),
        ConditionKind::Resides(Place::Elsewhere) => s.residence == Loc::Third,
        ConditionKind::Resides(Place::Away) => {
            !s.work.iter().any(|w| Loc::Party(w.0) == s.residence)
        }
        ConditionKind::Posted(..) => s.posting.is_some(),
        ConditionKind::ExtensionGranted => s.posting.as_ref().is_some_and(|p| p.granted),
        ConditionKind::National(p) => is(&p.name, s.nationality),
        ConditionKind::NotPosted => s.posting.is_none(),
        ConditionKind::UsuallySelfEmployedIn(p) => {
            let self_places: Vec<Party> = s
                .work
                .iter()
                .filter(|w| w.1 == Act::SelfEmployed)
                .map(|w| w.0)
                .collect();
            let usual = match (&s.posting, s.work.as_slice(), self_places.as_slice()) {
                (Some(post), [(_, Act::SelfEmployed)], _) => Some(post.from),
                (None, _, [q]) => Some(Loc::Party(*q)),
                _ => None,
            };
            is(&p.name, usual)
        }
        ConditionKind::Status(k, p) => match s.status {
            Some(st) if st.kind == *k => p
                .as_ref()
                .map_or(true, |p| is(&p.name, st.party.map(Loc::Party))),
            _ => false,
        },
    }
}

#[derive(Debug, PartialEq, Eq, Clone)]
enum Naive {
    One,
    Gap,
    /// The labels of the rules in conflict.
    Overlap(Vec<String>),
    /// No rule, and two national laws reach the person.
    Double,
}

/// A rule that applies: its index, every (criterion values, target) found, whether it has `where`.
type Applied = (usize, BTreeSet<(Vec<Party>, Party)>, bool);

/// Days of a duration clause of a rule, by kind.
fn limits(r: &pacta::ast::Rule) -> (Option<u64>, Option<u64>, Option<u64>) {
    let mut limit = None;
    let mut first = None;
    let mut ext = None;
    for c in &r.clauses {
        match c.kind {
            ClauseKind::Limit(d) => limit = Some(d.days()),
            ClauseKind::LimitFirst(d) => first = Some(d.days()),
            ClauseKind::Extension { duration, .. } => {
                ext = Some(duration.map_or(u64::MAX, |d| d.days()))
            }
            _ => {}
        }
    }
    (limit, first, ext)
}

/// Whether the national law of Party `p` (basis index into [`BASES`]) reaches the person.
fn naive_reaches(basis: &str, p: Party, s: &Situation) -> bool {
    let resident = s.residence == Loc::Party(p);
    let non_active = s
        .status
        .is_some_and(|st| matches!(st.kind, Status::NonActive | Status::Accompanying));
    let works = |employees_only: bool| {
        s.work
            .iter()
            .any(|w| w.0 == p && (!employees_only || w.1 == Act::Employed))
    };
    match basis {
        "residence-based" => resident || (!non_active && works(false)),
        "residents-only" => resident,
        "employees-only" => !non_active && works(true),
        _ => !non_active && works(false),
    }
}

/// Rule `i` if it applies to the situation: every (criterion values, target) of the bindings that
/// meet its conditions, for distinct Parties, within its limits.
fn applied(a: &Agreement, s: &Situation, i: usize) -> Option<Applied> {
    let n = a.parties.len() as Party;
    let decl = a.rules.get(i)?;
    let r = &decl.rule;
    let (limit, first, ext) = limits(r);
    if let Some(p) = &s.posting {
        let within = |base: u64, value: u64| {
            value <= base || p.granted && ext.is_some_and(|e| value <= base.saturating_add(e))
        };
        if limit.is_some_and(|l| !within(l, p.days.unwrap_or(0))) {
            return None;
        }
        if first.is_some_and(|f| !within(f, p.at.unwrap_or(0))) {
            return None;
        }
    }
    let (bound, free) = var_letters(a, i);
    let vars: Vec<String> = bound.iter().chain(&free).cloned().collect();
    let where_vars: Vec<&String> = r
        .clauses
        .iter()
        .filter_map(|c| match &c.kind {
            ClauseKind::Where { variable, .. } => vars.iter().find(|v| **v == variable.name),
            _ => None,
        })
        .collect();
    let mut found = BTreeSet::new();
    let total = (n as usize).pow(vars.len() as u32);
    for mut k in 0..total {
        let mut b = Vec::new();
        for v in &vars {
            b.push((v.clone(), (k % n as usize) as Party));
            k /= n as usize;
        }
        let distinct: BTreeSet<Party> = b.iter().take(bound.len()).map(|x| x.1).collect();
        if distinct.len() != bound.len() {
            continue;
        }
        if b.iter()
            .skip(bound.len())
            .any(|(_, p)| !s.work.iter().any(|w| w.0 == *p))
        {
            continue;
        }
        if r.conditions.iter().all(|c| naive_holds(a, &c.kind, s, &b)) {
            let key: Vec<Party> = where_vars
                .iter()
                .filter_map(|v| b.iter().find(|x| &x.0 == *v).map(|x| x.1))
                .collect();
            if let Some(t) = code_of(a, &r.target.name, &b) {
                found.insert((key, t));
            }
        }
    }
    (!found.is_empty()).then_some((i, found, !where_vars.is_empty()))
}

/// The verdict for one person (or one activity), rules first, then the national laws.
fn naive_person(a: &Agreement, nation: &Nation, s: &Situation) -> Naive {
    let n = a.parties.len() as Party;
    let applicable: Vec<Applied> = (0..a.rules.len())
        .filter_map(|i| applied(a, s, i))
        .collect();
    let label = |i: usize| a.rules[i].rule.label.value.clone();
    let overrides = |j: usize, i: usize| {
        a.rules[j].rule.clauses.iter().any(|c| match &c.kind {
            ClauseKind::Overrides(ls) => ls.iter().any(|l| l.value == label(i)),
            _ => false,
        })
    };
    let mut winners: Vec<&Applied> = applicable
        .iter()
        .filter(|(i, _, _)| !applicable.iter().any(|(j, _, _)| overrides(*j, *i)))
        .collect();
    if winners.is_empty() {
        // No rule: the national laws, as they stand.
        let reach: Vec<Party> = (0..n)
            .filter(|&p| {
                naive_reaches(
                    BASES[nation.bases.get(p as usize).copied().unwrap_or(0)],
                    p,
                    s,
                )
            })
            .collect();
        let non_active = s
            .status
            .is_some_and(|st| matches!(st.kind, Status::NonActive | Status::Accompanying));
        let connected: BTreeSet<Party> = (0..n)
            .filter(|&p| {
                s.work.iter().any(|w| w.0 == p)
                    || s.residence == Loc::Party(p)
                    || s.status.and_then(|st| st.party) == Some(p)
                    || s.posting.as_ref().is_some_and(|x| x.from == Loc::Party(p))
            })
            .collect();
        return match reach.len() {
            0 if non_active || connected.len() < 2 => Naive::One,
            0 => Naive::Gap,
            1 => Naive::One,
            _ => Naive::Double,
        };
    }
    // What each winner designates: one Party, or a criterion over candidates.
    let designations: Vec<Option<(bool, BTreeSet<Party>, String)>> =
        winners.iter().map(|w| designate(a, w)).collect();
    let one = designations
        .iter()
        .all(|d| d.is_some() && *d == designations[0]);
    if one {
        return Naive::One;
    }
    // Lex specialis: where the winners disagree, a winner more specific than another (the pairs
    // the analysis decided on the conditions, read here as data) makes the other yield.
    let specific = pacta::legislation::specialis_pairs(a);
    let yields = |j: usize| {
        winners
            .iter()
            .any(|(i, _, _)| *i != j && specific.contains(&(label(*i), label(j))))
    };
    let narrowed: Vec<&Applied> = winners.iter().copied().filter(|w| !yields(w.0)).collect();
    if narrowed.len() < winners.len() {
        winners = narrowed;
        let designations: Vec<_> = winners.iter().map(|w| designate(a, w)).collect();
        if designations
            .iter()
            .all(|d| d.is_some() && *d == designations[0])
        {
            return Naive::One;
        }
    }
    Naive::Overlap(winners.iter().map(|w| label(w.0)).collect())
}

/// What one winning rule designates: one Party, or a criterion over candidates (`None` when the
/// rule names several Parties with nothing to choose between them).
fn designate(a: &Agreement, w: &Applied) -> Option<(bool, BTreeSet<Party>, String)> {
    let (i, found, has_where) = w;

    let targets: BTreeSet<Party> = found.iter().map(|f| f.1).collect();
    if targets.len() == 1 {
        return Some((false, targets, String::new()));
    }
    let keys: BTreeSet<&Vec<Party>> = found.iter().map(|f| &f.0).collect();
    if *has_where && keys.len() == found.len() {
        let crit = a.rules[*i]
            .rule
            .clauses
            .iter()
            .filter_map(|c| match &c.kind {
                ClauseKind::Where { criterion, .. } => Some(criterion.value.clone()),
                _ => None,
            })
            .collect::<Vec<_>>()
            .join("; ");
        Some((true, targets, crit))
    } else {
        None
    }
}

/// Every verdict of a situation: the person's, or under per-activity allocation, each activity's
/// where no rule settles the whole person.
fn naive(a: &Agreement, nation: &Nation, s: &Situation) -> Vec<Naive> {
    let person = naive_person(a, nation, s);
    let non_active = s
        .status
        .is_some_and(|st| matches!(st.kind, Status::NonActive | Status::Accompanying));
    let no_rule = matches!(person, Naive::Gap | Naive::Double)
        || (person == Naive::One && !any_rule_applies(a, s));
    if nation.per_activity && s.work.len() >= 2 && !non_active && no_rule {
        return s
            .work
            .iter()
            .map(|&(p, act)| {
                let mut one = s.clone();
                one.work = vec![(p, act)];
                if act == Act::SelfEmployed {
                    one.employer = None;
                }
                naive_person(a, nation, &one)
            })
            .collect();
    }
    vec![person]
}

/// Whether some rule's conditions (and limits) hold for the person.
fn any_rule_applies(a: &Agreement, s: &Situation) -> bool {
    (0..a.rules.len()).any(|i| applied(a, s, i).is_some())
}

// ───────────────────────────── the brute-force space ─────────────────────────────

fn brute_space(a: &Agreement) -> Vec<Situation> {
    let n = a.parties.len() as Party;
    let parties: Vec<Party> = (0..n).collect();
    let locs: Vec<Loc> = parties
        .iter()
        .map(|&p| Loc::Party(p))
        .chain([Loc::Third])
        .collect();
    // Every boundary of every limit (with and without its extension), and one day more.
    let mut bounds: BTreeSet<u64> = BTreeSet::new();
    let mut first_bounds: BTreeSet<u64> = BTreeSet::new();
    for decl in &a.rules {
        let (limit, first, ext) = limits(&decl.rule);
        for (l, set) in [(limit, &mut bounds), (first, &mut first_bounds)] {
            if let Some(l) = l {
                set.insert(l);
                if let Some(e) = ext.filter(|&e| e != u64::MAX) {
                    set.insert(l + e);
                }
            }
        }
    }
    let mut durations: Vec<Option<u64>> = vec![Some(1)];
    for &b in bounds.iter().chain(&first_bounds) {
        durations.push(Some(b));
        durations.push(Some(b + 1));
    }
    let postings = |from: Loc, days: Option<u64>| -> Vec<Posting> {
        let mut ats: Vec<Option<u64>> = vec![None];
        for &b in &first_bounds {
            for at in [b, b + 1] {
                if days.is_some_and(|d| at <= d) {
                    ats.push(Some(at));
                }
            }
        }
        let mut out = Vec::new();
        for at in ats {
            for granted in [false, true] {
                out.push(Posting {
                    from,
                    days,
                    at,
                    granted,
                    since: None,
                });
            }
        }
        out
    };
    // Every map Party → absent / employed / self-employed.
    let mut works: Vec<Vec<(Party, Act)>> = Vec::new();
    for mut k in 0..3usize.pow(n as u32) {
        let mut w = Vec::new();
        for &p in &parties {
            match k % 3 {
                1 => w.push((p, Act::Employed)),
                2 => w.push((p, Act::SelfEmployed)),
                _ => {}
            }
            k /= 3;
        }
        if !w.is_empty() {
            works.push(w);
        }
    }
    let mut out = Vec::new();
    let base = |work: Vec<(Party, Act)>, status, employer, residence| Situation {
        work,
        status,
        employer,
        residence,
        posting: None,
        nationality: None,
    };
    for w in &works {
        let employed = w.iter().any(|x| x.1 == Act::Employed);
        let employers: Vec<Option<Loc>> = if employed {
            locs.iter().map(|&l| Some(l)).collect()
        } else {
            vec![None]
        };
        for &e in &employers {
            for &r in &locs {
                let s = base(w.clone(), None, e, r);
                out.push(s.clone());
                if let [(p, act)] = w.as_slice() {
                    let froms: Vec<Loc> = match act {
                        Act::Employed => e.into_iter().collect(),
                        Act::SelfEmployed => locs.clone(),
                    };
                    for from in froms.into_iter().filter(|&f| f != Loc::Party(*p)) {
                        for &days in &durations {
                            for posting in postings(from, days) {
                                let mut t = s.clone();
                                t.posting = Some(posting);
                                out.push(t);
                            }
                        }
                    }
                }
            }
        }
    }
    let all_employed: Vec<&Vec<(Party, Act)>> = works
        .iter()
        .filter(|w| w.iter().all(|x| x.1 == Act::Employed))
        .collect();
    let st = |kind, party| Some(SpecialStatus { kind, party });
    for &r in &locs {
        for &p in &parties {
            for &e in &locs {
                out.push(base(
                    vec![(p, Act::Employed)],
                    st(Status::Seafarer, Some(p)),
                    Some(e),
                    r,
                ));
                if e != Loc::Party(p) {
                    out.push(base(
                        vec![(p, Act::Employed)],
                        st(Status::LocallyEngaged, Some(p)),
                        Some(e),
                        r,
                    ));
                }
            }
            for w in &all_employed {
                out.push(base(
                    (*w).clone(),
                    st(Status::CivilServant, Some(p)),
                    Some(Loc::Party(p)),
                    r,
                ));
                out.push(base(
                    (*w).clone(),
                    st(Status::MissionStaff, Some(p)),
                    Some(Loc::Party(p)),
                    r,
                ));
            }
        }
        for w in &all_employed {
            for &e in &locs {
                out.push(base((*w).clone(), st(Status::Aircrew, None), Some(e), r));
                out.push(base(
                    (*w).clone(),
                    st(Status::TransportCrew, None),
                    Some(e),
                    r,
                ));
            }
        }
    }
    if pacta::legislation::covers_non_active(a) {
        for &p in &parties {
            out.push(base(
                Vec::new(),
                st(Status::NonActive, None),
                None,
                Loc::Party(p),
            ));
        }
    }
    out
}

/// The agreement of a random source, unless it has a structural error (a random rule set may
/// bind a variable it never mentions, and so on).
fn well_formed(text: &str) -> Option<Agreement> {
    let checked = pacta::check_source("random.pacta", text, &Config::default());
    let structural = checked
        .diagnostics
        .iter()
        .any(|d| d.code.starts_with("P0") && d.severity == pacta::diag::Severity::Error);
    if structural {
        None
    } else {
        checked.agreement
    }
}

fn compare(n: usize, nation: &Nation, rules: &[RuleSpec]) -> Result<(), TestCaseError> {
    let text = source(n, nation, rules);
    let Some(a) = well_formed(&text) else {
        return Err(TestCaseError::reject("structural error"));
    };
    let a = &a;
    let analysis = pacta::legislation::Analysis::new(a);
    let defects = analysis.defects();
    let mut gap = false;
    let mut double = false;
    let mut overlaps: BTreeSet<Vec<String>> = BTreeSet::new();
    for s in brute_space(a) {
        for v in naive(a, nation, &s) {
            match v {
                Naive::One => {}
                Naive::Gap => gap = true,
                Naive::Double => double = true,
                Naive::Overlap(rules) => {
                    overlaps.insert(rules);
                }
            }
        }
    }
    let reported_gap = defects.iter().any(|d| d.code == "P302");
    let reported_double = defects
        .iter()
        .any(|d| d.code == "P301" && d.rules.is_empty());
    let reported: BTreeSet<Vec<String>> = defects
        .iter()
        .filter(|d| d.code == "P301" && !d.rules.is_empty())
        .map(|d| d.rules.clone())
        .collect();
    prop_assert_eq!(gap, reported_gap, "gap verdict differs\n{}", text);
    prop_assert_eq!(double, reported_double, "double coverage differs\n{}", text);
    prop_assert_eq!(&overlaps, &reported, "overlaps differ\n{}", text);
    for d in &defects {
        let vs = naive(a, nation, &d.situation);
        let want = match d.code {
            "P302" => Naive::Gap,
            _ if d.rules.is_empty() => Naive::Double,
            _ => Naive::Overlap(d.rules.clone()),
        };
        prop_assert!(
            vs.contains(&want),
            "counterexample {:?} is not {:?} but {:?}\n{}",
            d.situation,
            want,
            vs,
            text
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn analysis_agrees_with_brute_force_bilateral(nation in nation_spec(), rules in prop::collection::vec(rule_spec(), 1..=6)) {
        compare(2, &nation, &rules)?;
    }

    #[test]
    fn analysis_agrees_with_brute_force_three_parties(nation in nation_spec(), rules in prop::collection::vec(rule_spec(), 1..=6)) {
        compare(3, &nation, &rules)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Four Parties, three of them named by code on every role, one never named.
    #[test]
    fn analysis_agrees_with_brute_force_four_parties_named_on_roles(
        nation in nation_spec(),
        rules in prop::collection::vec(rule_spec_over(CONDITIONS.len() + CODED.len(), 6), 1..=5),
    ) {
        compare(4, &nation, &rules)?;
    }
}

#[test]
fn brute_force_finds_a_known_gap() {
    // Sanity: the harness itself sees the gap of an agreement with only a rule for the employed.
    let rules = [RuleSpec {
        conditions: vec![0],
        target: 0,
        overrides: vec![],
        limit: None,
    }];
    // Arcadia's scheme reaches residents only, Borduria's employees only: a self-employed
    // person working in Arcadia and living in Borduria is reached by neither.
    let nation = Nation {
        bases: vec![2, 3, 0],
        per_activity: false,
    };
    let text = source(2, &nation, &rules);
    let checked = pacta::check_source("g.pacta", &text, &Config::default());
    let a = checked.agreement.unwrap();
    assert!(brute_space(&a)
        .iter()
        .any(|s| naive(&a, &nation, s).contains(&Naive::Gap)));
}

/// Lex specialis is sound: where the analysis finds rule A more specific than rule B (on their
/// conditions), every situation of the brute-force space that A applies to, B applies to as well.
/// Rules here have no limits (a limit narrows where a rule applies without touching its
/// conditions) and no special status (a status rule prevails over a general one without implying
/// its activity condition).
fn specialis_is_sound(n: usize, rules: &[RuleSpec]) -> Result<(), TestCaseError> {
    let plain: Vec<RuleSpec> = rules
        .iter()
        .map(|r| RuleSpec {
            conditions: r
                .conditions
                .iter()
                .copied()
                .filter(|&c| {
                    !CONDITIONS[c].contains("seafarer")
                        && !CONDITIONS[c].contains("aircrew")
                        && !CONDITIONS[c].contains("civil-servant")
                        && !CONDITIONS[c].contains("non-active")
                        && !CONDITIONS[c].contains("locally-engaged")
                })
                .collect(),
            limit: None,
            ..r.clone()
        })
        .filter(|r| !r.conditions.is_empty())
        .collect();
    prop_assume!(!plain.is_empty());
    let nation = Nation {
        bases: vec![0, 0, 0],
        per_activity: false,
    };
    let text = source(n, &nation, &plain);
    let Some(a) = well_formed(&text) else {
        return Err(TestCaseError::reject("structural error"));
    };
    let a = &a;
    let index = |label: &str| a.rules.iter().position(|r| r.rule.label.value == label);
    let space = brute_space(a);
    for (specific, general) in pacta::legislation::specialis_pairs(a) {
        let (Some(i), Some(j)) = (index(&specific), index(&general)) else {
            continue;
        };
        for s in &space {
            prop_assert!(
                applied(a, s, i).is_none() || applied(a, s, j).is_some(),
                "rule {} is taken as more specific than {}, yet applies alone to {:?}\n{}",
                specific,
                general,
                s,
                text
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn lex_specialis_is_sound_bilateral(rules in prop::collection::vec(rule_spec(), 2..=5)) {
        specialis_is_sound(2, &rules)?;
    }

    #[test]
    fn lex_specialis_is_sound_three_parties(rules in prop::collection::vec(rule_spec(), 2..=5)) {
        specialis_is_sound(3, &rules)?;
    }
}
