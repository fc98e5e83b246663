//! A situation written in the words of rule conditions (`pacta resolve --situation`, scenario
//! blocks) → the concrete situations it stands for, their resolution with a rule trace, and
//! scenario runs.

use super::findings::condition_text;
use super::national::Group;
use super::rules::{RuleSet, Verdict};
use super::situation::{self, Party, Situation};
use super::written::situations;
use super::{outcome, Codes, Outcome};
use crate::ast::{Condition, ExpectKind};
use crate::diag::{Diagnostic, Severity};
use crate::model::Agreement;
use crate::span::Span;
use serde::Serialize;

/// What one rule did in a resolution.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TraceKind {
    /// Applies, is not overridden, and designates the outcome.
    Decides,
    /// Applies and is not overridden, but designates another legislation than a rule beside it.
    Conflicts,
    /// Applies but another applicable rule overrides it.
    Overridden,
    /// Does not apply.
    NotMatched,
}

/// One rule's part in a resolution.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RuleTrace {
    pub rule: String,
    pub kind: TraceKind,
    /// Why: the Party it designates, the rule that overrides it, or the condition that fails.
    pub detail: String,
}

/// The resolution of one concrete situation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Resolution {
    /// The situation in words, with every dimension.
    pub situation: String,
    /// The branches this resolution concerns, when branches are decided differently.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub branches: Vec<String>,
    pub outcome: Outcome,
    /// The deciding rule, when one legislation applies.
    pub rule: Option<String>,
    /// Every rule, in source order.
    pub rules: Vec<RuleTrace>,
    /// The national laws that reach the person without the agreement.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub national: Vec<String>,
    /// When the answer changes during a posting: one step per period (else empty).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub timeline: Vec<Step>,
    /// How central the group of branches is: Parties with schemes for it, then branches.
    #[serde(skip)]
    pub weight: (usize, usize),
}

/// One period of a posting with its outcome.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Step {
    /// The first day of the period (1 for the start of the posting).
    pub from_day: u64,
    /// The last day of the period, when it ends before the posting does.
    pub until_day: Option<u64>,
    pub outcome: Outcome,
    pub rule: Option<String>,
}

impl Step {
    /// "months 1–24: XA by 7.1".
    pub fn words(&self) -> String {
        let month = |d: u64| d.div_ceil(30).max(1);
        let when = match self.until_day {
            Some(u) => format!("months {}–{}", month(self.from_day), month(u)),
            None if self.from_day <= 1 => "throughout".to_string(),
            None => format!("from month {}", month(self.from_day)),
        };
        match &self.rule {
            Some(r) => format!("{when}: {} by {r}", self.outcome.words()),
            None => format!("{when}: {}", self.outcome.words()),
        }
    }
}

impl Resolution {
    /// The outcome in words, with its timeline when it has one.
    pub fn words(&self) -> String {
        if self.timeline.is_empty() {
            match &self.rule {
                Some(r) => format!("{} by {r}", self.outcome.words()),
                None => self.outcome.words(),
            }
        } else {
            self.timeline
                .iter()
                .map(Step::words)
                .collect::<Vec<_>>()
                .join("; ")
        }
    }
}

/// A situation as written, resolved: one resolution per way of filling in the dimensions it
/// leaves out (residence, employer's seat, usual place of activity).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Resolved {
    /// The dimensions the text left out, which were tried with every value.
    pub unspecified: Vec<String>,
    pub resolutions: Vec<Resolution>,
}

impl Resolved {
    /// Whether every way of filling in gives the same outcome by the same rule.
    pub fn uniform(&self) -> bool {
        let key = |r: &Resolution| {
            (
                r.branches.clone(),
                r.outcome.clone(),
                r.rule.clone(),
                r.timeline.clone(),
            )
        };
        let first = self.resolutions.first().map(|r| r.situation.clone());
        let pattern: Vec<_> = self
            .resolutions
            .iter()
            .filter(|r| Some(&r.situation) == first.as_ref())
            .map(key)
            .collect();
        let mut situations: Vec<&str> = self
            .resolutions
            .iter()
            .map(|r| r.situation.as_str())
            .collect();
        situations.dedup();
        situations.iter().all(|s| {
            let here: Vec<_> = self
                .resolutions
                .iter()
                .filter(|r| r.situation == *s)
                .map(key)
                .collect();
            here == pattern
        })
    }

    /// The resolutions of the first way of filling in the situation (one per group of branches
    /// when branches are decided differently).
    pub fn first(&self) -> Vec<&Resolution> {
        let first = self.resolutions.first().map(|r| r.situation.as_str());
        self.resolutions
            .iter()
            .filter(|r| Some(r.situation.as_str()) == first)
            .collect()
    }
}

impl Codes<'_> {
    pub(crate) fn name_of(&self, p: Party) -> String {
        use situation::Namer;
        self.name(p)
    }
}

/// Resolve a written situation against the agreement's rules.
pub fn resolve(
    agreement: &Agreement,
    conditions: &[Condition],
) -> Result<Resolved, Box<Diagnostic>> {
    let (sits, unspecified) = situations(agreement, conditions)?;
    let rules = RuleSet::compile(agreement);
    let groups = rules.groups(agreement);
    let mut resolutions = Vec::new();
    for s in &sits {
        let per_group: Vec<Resolution> = groups
            .iter()
            .map(|g| resolve_timeline(agreement, &rules, g, s))
            .collect();
        let alike = per_group.windows(2).all(|w| match w {
            [a, b] => a.outcome == b.outcome && a.rule == b.rule && a.timeline == b.timeline,
            _ => true,
        });
        if alike {
            resolutions.extend(per_group.into_iter().take(1));
        } else {
            for (mut r, g) in per_group.into_iter().zip(&groups) {
                r.branches = g.branches.iter().map(|b| b.key().to_string()).collect();
                r.weight = (g.reach.iter().flatten().count(), g.branches.len());
                resolutions.push(r);
            }
        }
    }
    Ok(Resolved {
        unspecified,
        resolutions,
    })
}

/// Resolve one situation for one group of branches; a posting under rules on its first months
/// is decided period by period, and gets a timeline when the answer changes.
fn resolve_timeline(
    agreement: &Agreement,
    rules: &RuleSet,
    g: &Group,
    s: &Situation,
) -> Resolution {
    let mut first = resolve_one(agreement, rules, g, s);
    let Some(p) = &s.posting else {
        return first;
    };
    if rules.first_boundaries.is_empty() {
        return first;
    }
    let end = p.days.unwrap_or(u64::MAX);
    let bounds: Vec<u64> = rules
        .first_boundaries
        .iter()
        .copied()
        .filter(|&b| b < end)
        .collect();
    let mut steps: Vec<Step> = Vec::new();
    let mut from = 1u64;
    for (i, at) in bounds
        .iter()
        .map(|&b| Some(b))
        .chain([bounds.last().map(|b| b + 1).or(Some(1))])
        .enumerate()
    {
        let mut x = s.clone();
        if let Some(posting) = x.posting.as_mut() {
            posting.at = at;
        }
        let r = resolve_one(agreement, rules, g, &x);
        let until = bounds.get(i).copied();
        match steps.last_mut() {
            Some(last) if last.outcome == r.outcome && last.rule == r.rule => {
                last.until_day = until
            }
            _ => steps.push(Step {
                from_day: from,
                until_day: until,
                outcome: r.outcome,
                rule: r.rule,
            }),
        }
        from = until.map_or(from, |u| u + 1);
    }
    if steps.len() > 1 {
        first.timeline = steps;
    }
    first
}

fn resolve_one(agreement: &Agreement, rules: &RuleSet, g: &Group, s: &Situation) -> Resolution {
    let codes = Codes(agreement);
    let e = rules.eval(s, g);
    let out = outcome(&e.verdict, &codes);
    let one = matches!(e.verdict, Verdict::One(_));
    let mut trace = Vec::new();
    for (i, r) in rules.rules.iter().enumerate() {
        let (kind, detail) = match e.applicable.iter().find(|(j, _)| *j == i) {
            Some((_, d)) if e.winners.contains(&i) => {
                let kind = if one {
                    TraceKind::Decides
                } else {
                    TraceKind::Conflicts
                };
                let ds = outcome(&Verdict::One(d.clone()), &codes);
                (kind, format!("designates {}", ds.words()))
            }
            Some(_) => {
                let by: Vec<&str> = e
                    .applicable
                    .iter()
                    .filter(|(j, _)| {
                        rules
                            .rules
                            .get(*j)
                            .is_some_and(|x| x.overrides.contains(&i))
                    })
                    .filter_map(|(j, _)| rules.rules.get(*j).map(|x| x.label.as_str()))
                    .collect();
                let special: Vec<&str> = e
                    .specialis
                    .iter()
                    .filter(|&&(_, j)| j == i)
                    .filter_map(|&(k, _)| rules.rules.get(k).map(|x| x.label.as_str()))
                    .collect();
                let detail = if by.is_empty() && !special.is_empty() {
                    format!("yields to the more specific rule {}", special.join(", "))
                } else {
                    format!("overridden by {}", by.join(", "))
                };
                (TraceKind::Overridden, detail)
            }
            None if !g.rules.get(i).copied().unwrap_or(true) => {
                let only: Vec<&str> = r.branches.iter().flatten().map(|b| b.key()).collect();
                (
                    TraceKind::NotMatched,
                    format!("concerns {} only", only.join(", ")),
                )
            }
            None => {
                let why = match rules.closest_miss(i, s) {
                    Some((None, _)) => limit_reason(r, s),
                    Some((Some(c), _)) => {
                        r.conds
                            .get(c)
                            .and_then(|c| {
                                agreement.rules.get(i).and_then(|d| {
                                    d.rule.conditions.iter().find(|x| x.span == c.span)
                                })
                            })
                            .map_or_else(
                                || "does not apply".to_string(),
                                |c| format!("`{}` does not hold", condition_text(c)),
                            )
                    }
                    None => "does not apply".to_string(),
                };
                (TraceKind::NotMatched, why)
            }
        };
        trace.push(RuleTrace {
            rule: r.label.clone(),
            kind,
            detail,
        });
    }
    let rule = if one {
        e.winners
            .first()
            .and_then(|&i| rules.rules.get(i))
            .map(|r| r.label.clone())
    } else {
        None
    };
    Resolution {
        situation: situation::words(s, &codes, false),
        branches: Vec::new(),
        national: e.national.iter().map(|&p| codes.name_of(p)).collect(),
        outcome: out,
        rule,
        rules: trace,
        timeline: Vec::new(),
        weight: (0, 0),
    }
}

/// Why a rule whose conditions all hold does not apply: the start date, the day decided, or the
/// anticipated length of the posting.
fn limit_reason(r: &super::rules::CRule, s: &Situation) -> String {
    let Some(p) = &s.posting else {
        return "does not apply".to_string();
    };
    if let (Some((before, date)), Some(since)) = (&r.begun, &p.since) {
        if *before && since >= date {
            return format!("concerns postings begun before {date}");
        }
        if !*before && since < date {
            return format!("concerns postings begun from {date}");
        }
    }
    if let Some(n) = r.first {
        if p.at.unwrap_or(0) > n {
            return format!("covers the first {} of a posting", situation::days_words(n));
        }
    }
    let granted = if p.granted {
        ""
    } else {
        " (no extension granted)"
    };
    match r.limit {
        Some(l) => format!(
            "posting longer than its limit of {}{granted}",
            situation::days_words(l)
        ),
        None => "posting longer than its limit".to_string(),
    }
}

/// The result of one scenario.
#[derive(Clone, Debug, Serialize)]
pub struct ScenarioRun {
    pub name: String,
    pub passed: bool,
    /// The expectation in words ("XA by 7.1", "gap").
    pub expected: String,
    /// What the rules give, in words; or why the scenario could not run.
    pub actual: String,
    #[serde(skip)]
    pub span: Span,
    /// The rule trace (of the first way of filling in the situation that fails, or of the first).
    pub trace: Vec<RuleTrace>,
    /// Why the scenario could not run at all (`None` when it ran, passing or failing). Such a
    /// scenario is reported by the check of its own (P007), not as a failure (P015).
    #[serde(skip)]
    pub not_run: Option<NotRun>,
}

/// Why a scenario could not run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotRun {
    /// It has no `situation:` or no `expect:`.
    Incomplete,
    /// Its situation cannot be resolved against the agreement.
    MalformedSituation,
}

/// Run every scenario of the agreement.
pub fn run_scenarios(agreement: &Agreement) -> Vec<ScenarioRun> {
    agreement
        .scenarios
        .iter()
        .map(|sc| {
            let named: Option<Vec<&str>> = sc
                .branches
                .as_ref()
                .map(|b| b.value.iter().map(|i| i.value.as_str()).collect());
            let mut expected = sc
                .expect
                .as_ref()
                .map_or_else(|| "(nothing)".to_string(), expectation_words);
            if let Some(bs) = &named {
                expected.push_str(&format!(" for {}", bs.join(", ")));
            }
            let mut run = ScenarioRun {
                name: sc.name.value.clone(),
                passed: false,
                expected,
                actual: String::new(),
                span: sc.span,
                trace: Vec::new(),
                not_run: None,
            };
            let (Some(sit), Some(exp)) = (&sc.situation, &sc.expect) else {
                run.actual = "the scenario needs a `situation:` and an `expect:`".to_string();
                run.not_run = Some(NotRun::Incomplete);
                return run;
            };
            let resolved = match resolve(agreement, &sit.conditions) {
                Ok(r) => r,
                Err(d) => {
                    run.actual = format!("malformed situation: {}", d.message);
                    run.not_run = Some(NotRun::MalformedSituation);
                    return run;
                }
            };
            let meets = |r: &Resolution| {
                if exp.later.is_empty() {
                    return r.timeline.is_empty()
                        && meets_one(&exp.kind, &r.outcome, r.rule.as_deref());
                }
                let mut wanted: Vec<(&ExpectKind, Option<u64>)> = Vec::new();
                let mut kind = &exp.kind;
                for (until, next) in &exp.later {
                    wanted.push((kind, Some(until.days())));
                    kind = next;
                }
                wanted.push((kind, None));
                r.timeline.len() == wanted.len()
                    && r.timeline.iter().zip(&wanted).all(|(step, (k, until))| {
                        step.until_day == *until
                            && meets_one(k, &step.outcome, step.rule.as_deref())
                    })
            };
            // Where branches are decided differently, a scenario with `branches:` speaks of every
            // group holding one of them; one without, of the group of branches for which the most
            // Parties have schemes (the most branches on a tie). `pacta resolve` shows every group.
            let relevant: Vec<&Resolution> = if let Some(bs) = &named {
                resolved
                    .resolutions
                    .iter()
                    .filter(|r| {
                        r.branches.is_empty() || r.branches.iter().any(|b| bs.contains(&b.as_str()))
                    })
                    .collect()
            } else {
                let mut best: Vec<&Resolution> = Vec::new();
                for r in &resolved.resolutions {
                    match best.iter_mut().find(|b| b.situation == r.situation) {
                        Some(b) if r.weight > b.weight => *b = r,
                        Some(_) => {}
                        None => best.push(r),
                    }
                }
                best
            };
            if relevant.is_empty() {
                run.actual = if named.is_some() {
                    "the agreement decides none of these branches (no Party has a scheme for them)"
                } else {
                    "the situation describes no person the agreement decides"
                }
                .to_string();
                return run;
            }
            let failing = relevant.iter().copied().find(|r| !meets(r));
            let shown = failing.or(relevant.first().copied());
            run.passed = failing.is_none();
            if let Some(r) = shown {
                run.actual = r.words();
                if !r.branches.is_empty() {
                    run.actual
                        .push_str(&format!(" for {}", r.branches.join(", ")));
                }
                if failing.is_some() && !resolved.unspecified.is_empty() {
                    run.actual.push_str(&format!(" when {}", r.situation));
                }
                run.trace = r.rules.clone();
            }
            run
        })
        .collect()
}

/// Whether one outcome meets one expected outcome.
fn meets_one(kind: &ExpectKind, outcome: &Outcome, rule: Option<&str>) -> bool {
    match (kind, outcome) {
        (ExpectKind::Party { party, by }, Outcome::Party { party: p }) => {
            *p == party.name && by.as_ref().map_or(true, |l| rule == Some(l.value.as_str()))
        }
        (ExpectKind::Party { party, by: None }, Outcome::National { party: p }) => *p == party.name,
        (ExpectKind::Gap, Outcome::Gap) => true,
        (ExpectKind::Overlap, Outcome::Overlap { .. } | Outcome::Double { .. }) => true,
        (ExpectKind::PerActivity, Outcome::PerActivity { activities }) => {
            activities.iter().all(|a| a.outcome.is_settled())
        }
        _ => false,
    }
}

/// An expectation in words: "XA by 7.1", "gap", "XA by 7.1 until 24 months, XB by 6.1".
fn expectation_words(e: &crate::ast::Expectation) -> String {
    let one = |k: &ExpectKind| match k {
        ExpectKind::Party { party, by } => match by {
            Some(l) => format!("{} by {}", party.name, l.value),
            None => party.name.clone(),
        },
        ExpectKind::Gap => "gap".to_string(),
        ExpectKind::Overlap => "overlap".to_string(),
        ExpectKind::PerActivity => "per-activity".to_string(),
    };
    let mut out = one(&e.kind);
    for (d, k) in &e.later {
        out.push_str(&format!(" until {d}, {}", one(k)));
    }
    out
}

/// Scenarios whose situation cannot be resolved: P007 with the span of the offending words.
pub fn malformed(agreement: &Agreement) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for sc in &agreement.scenarios {
        match &sc.situation {
            Some(sit) => {
                if let Err(d) = situations(agreement, &sit.conditions) {
                    out.push(*d);
                }
            }
            None => out.push(
                Diagnostic::new(
                    "P007",
                    Severity::Error,
                    format!("scenario \"{}\" has no situation", sc.name.value),
                    sc.name.span,
                )
                .label("no `situation:`")
                .help("add e.g. `situation: employed in XA, resides in XA`"),
            ),
        }
        if sc.expect.is_none() {
            out.push(
                Diagnostic::new(
                    "P007",
                    Severity::Error,
                    format!("scenario \"{}\" expects nothing", sc.name.value),
                    sc.name.span,
                )
                .label("no `expect:`")
                .help("add e.g. `expect: XA`, `expect: gap` or `expect: overlap`"),
            );
        }
    }
    out
}
