//! Differential test: a deliberately simple brute-force enumerator over concrete Parties, with
//! its own naive reading of the rules straight from the AST, against the optimised analysis
//! (symmetry reduction, compiled rules), on random rule sets.
//!
//! They must agree on whether there is a gap and whether there is an overlap, on the sets of
//! rules in conflict, and every counterexample the analysis reports must really be a gap or an
//! overlap under the brute force.

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

#[derive(Clone, Debug)]
struct RuleSpec {
    conditions: Vec<usize>,
    target: usize,
    overrides: Vec<usize>,
    limit: Option<(u8, bool)>,
}

fn rule_spec() -> impl Strategy<Value = RuleSpec> {
    (
        prop::collection::vec(0..CONDITIONS.len(), 1..=3),
        0..4usize,
        prop::collection::vec(0..6usize, 0..=2),
        prop::option::of((1..=3u8, any::<bool>())),
    )
        .prop_map(|(conditions, target, overrides, limit)| RuleSpec {
            conditions,
            target,
            overrides,
            limit,
        })
}

/// The agreement's source text: `n` Parties, the rules in one article.
fn source(n: usize, rules: &[RuleSpec]) -> String {
    let mut s = String::from("agreement \"Random\" {\n  conforms-to: C157\n}\n");
    for code in ["XA", "XB", "XC"].iter().take(n) {
        s.push_str(&format!("party {code} \"{code}\" {{ schemes: old-age }}\n"));
    }
    s.push_str("article 1 \"Rules\" {\n");
    for (i, r) in rules.iter().enumerate() {
        let conds: Vec<&str> = r.conditions.iter().map(|&c| CONDITIONS[c]).collect();
        let text = conds.join(", ");
        let uses = |v: &str| conds.iter().any(|c| c.split([' ', ',']).any(|w| w == v));
        let (target, clause) = match r.target {
            0 if uses("X") => ("X".to_string(), String::new()),
            1 if uses("Y") => ("Y".to_string(), String::new()),
            2 => ("XA".to_string(), String::new()),
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
        if let Some((months, ext)) = r.limit {
            s.push_str(&format!("    limit {} months\n", u32::from(months) * 12));
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
        ConditionKind::Posted(_) => s.posting.is_some(),
        ConditionKind::NotPosted => s.posting.is_none(),
        ConditionKind::UsuallySelfEmployedIn(p) => {
            let usual = match (s.posting, s.work.as_slice()) {
                (Some(post), [(_, Act::SelfEmployed)]) => Some(post.from),
                (None, [(q, Act::SelfEmployed)]) => Some(Loc::Party(*q)),
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

#[derive(Debug, PartialEq, Eq)]
enum Naive {
    One,
    Gap,
    /// The labels of the rules in conflict.
    Overlap(Vec<String>),
}

/// A rule that applies: its index, every (criterion values, target) found, whether it has `where`.
type Applied = (usize, BTreeSet<(Vec<Party>, Party)>, bool);

/// The naive verdict: try every assignment of Parties to variables.
fn naive(a: &Agreement, s: &Situation) -> Naive {
    let n = a.parties.len() as Party;
    // (rule, designated: Err(targets) without a criterion; Ok((criterion value, target))…)
    let mut applicable: Vec<Applied> = Vec::new();
    for (i, decl) in a.rules.iter().enumerate() {
        let r = &decl.rule;
        let max = r.clauses.iter().find_map(|c| match c.kind {
            ClauseKind::Limit(d) => Some(d.days()),
            _ => None,
        });
        let ext = r.clauses.iter().find_map(|c| match c.kind {
            ClauseKind::Extension { duration, .. } => Some(duration.map_or(u64::MAX, |d| d.days())),
            _ => None,
        });
        if let (Some(p), Some(m)) = (s.posting, max) {
            if p.days.unwrap_or(0) > m.saturating_add(ext.unwrap_or(0)) {
                continue;
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
        if !found.is_empty() {
            applicable.push((i, found, !where_vars.is_empty()));
        }
    }
    let label = |i: usize| a.rules[i].rule.label.value.clone();
    let overrides = |j: usize, i: usize| {
        a.rules[j].rule.clauses.iter().any(|c| match &c.kind {
            ClauseKind::Overrides(ls) => ls.iter().any(|l| l.value == label(i)),
            _ => false,
        })
    };
    let winners: Vec<&Applied> = applicable
        .iter()
        .filter(|(i, _, _)| !applicable.iter().any(|(j, _, _)| overrides(*j, *i)))
        .collect();
    if winners.is_empty() {
        return Naive::Gap;
    }
    // What each winner designates: one Party, or a criterion over candidates.
    let designations: Vec<Option<(bool, BTreeSet<Party>, String)>> = winners
        .iter()
        .map(|(i, found, has_where)| {
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
        })
        .collect();
    let one = designations
        .iter()
        .all(|d| d.is_some() && *d == designations[0]);
    if one {
        Naive::One
    } else {
        Naive::Overlap(winners.iter().map(|w| label(w.0)).collect())
    }
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
    let mut durations: Vec<Option<u64>> = vec![Some(1)];
    for b in pacta::legislation::posting_boundaries(a) {
        durations.push(Some(b));
        durations.push(Some(b + 1));
    }
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
                            let mut t = s.clone();
                            t.posting = Some(Posting { from, days });
                            out.push(t);
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

fn compare(n: usize, rules: &[RuleSpec]) -> Result<(), TestCaseError> {
    let text = source(n, rules);
    let checked = pacta::check_source("random.pacta", &text, &Config::default());
    let structural = checked
        .diagnostics
        .iter()
        .any(|d| d.code.starts_with("P0") && d.severity == pacta::diag::Severity::Error);
    prop_assume!(!structural);
    let a = checked.agreement.as_ref().unwrap();
    let analysis = pacta::legislation::Analysis::new(a);
    let defects = analysis.defects();
    let mut gap = false;
    let mut overlaps: BTreeSet<Vec<String>> = BTreeSet::new();
    for s in brute_space(a) {
        match naive(a, &s) {
            Naive::One => {}
            Naive::Gap => gap = true,
            Naive::Overlap(rules) => {
                overlaps.insert(rules);
            }
        }
    }
    let reported_gap = defects.iter().any(|d| d.code == "P302");
    let reported: BTreeSet<Vec<String>> = defects
        .iter()
        .filter(|d| d.code == "P301")
        .map(|d| d.rules.clone())
        .collect();
    prop_assert_eq!(gap, reported_gap, "gap verdict differs\n{}", text);
    prop_assert_eq!(&overlaps, &reported, "overlaps differ\n{}", text);
    for d in &defects {
        let v = naive(a, &d.situation);
        match d.code {
            "P302" => prop_assert_eq!(
                v,
                Naive::Gap,
                "counterexample {:?} is no gap\n{}",
                d.situation,
                text
            ),
            _ => prop_assert_eq!(
                v,
                Naive::Overlap(d.rules.clone()),
                "counterexample {:?}\n{}",
                d.situation,
                text
            ),
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn analysis_agrees_with_brute_force_bilateral(rules in prop::collection::vec(rule_spec(), 1..=6)) {
        compare(2, &rules)?;
    }

    #[test]
    fn analysis_agrees_with_brute_force_three_parties(rules in prop::collection::vec(rule_spec(), 1..=6)) {
        compare(3, &rules)?;
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
    let text = source(2, &rules);
    let checked = pacta::check_source("g.pacta", &text, &Config::default());
    let a = checked.agreement.unwrap();
    assert!(brute_space(&a).iter().any(|s| naive(&a, s) == Naive::Gap));
}
