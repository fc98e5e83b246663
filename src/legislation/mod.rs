//! The applicable-legislation analysis (P301, P302, P310, P311), the decision table, and the
//! resolution of one situation (`pacta resolve`, scenarios).
//!
//! - [`situation`]: one person's situation over concrete Parties, and its words;
//! - [`rules`]: rules compiled for matching, and the decision for one situation;
//! - [`space`]: the situation space, reduced by the symmetry between unnamed Parties;
//! - [`view`]: which Parties the roles of one Party of a situation can tell apart;
//! - [`findings`]: gaps, overlaps, override cycles and dead rules as diagnostics;
//! - [`written`]: a situation written in words → the concrete situations it stands for;
//! - [`scenario`]: resolution of a situation with a rule trace, and scenario runs.
//!
//! The semantics are documented in `docs/legislation.md`.

pub mod explain;
mod findings;
pub mod national;
mod rules;
pub mod scenario;
pub mod situation;
mod space;
mod specialis;
mod symmetry;
mod view;
mod written;

use crate::diag::Diagnostic;
use crate::model::Agreement;
use rules::{Designation, Eval, RuleSet, Verdict};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use situation::{Loc, Namer, Party, Situation};

pub use scenario::{resolve, run_scenarios, NotRun, Resolution, RuleTrace, ScenarioRun, TraceKind};

/// The outcome for one class of situations.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Outcome {
    /// Exactly one Party's legislation applies.
    Party { party: String },
    /// Exactly one of these Parties' legislation applies, picked by a factual criterion
    /// (`where X is "…"`).
    Criterion {
        parties: Vec<String>,
        criterion: String,
    },
    /// No legislation applies (P302).
    Gap,
    /// Two or more legislations apply (P301).
    Overlap { parties: Vec<String> },
    /// No rule applies; the person's situation is left to the one national law that reaches it.
    National { party: String },
    /// No rule applies and several national laws reach the person: double coverage that the
    /// agreement leaves unresolved (P301).
    Double { parties: Vec<String> },
    /// No rule applies and no national law reaches the person, who is not active or is connected
    /// with at most one Party that has a scheme for these branches (nothing to coordinate).
    Uncovered,
    /// Each activity decided on its own (per-activity allocation).
    PerActivity { activities: Vec<ActivityOutcome> },
}

/// The outcome for one activity of a person active in several Parties.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
pub struct ActivityOutcome {
    /// `employed in XA`, `self-employed in XB`.
    pub activity: String,
    pub outcome: Box<Outcome>,
}

impl Outcome {
    /// The outcome in words: "XA", "XA or XB (…)", "no legislation", "XA and XB".
    pub fn words(&self) -> String {
        match self {
            Outcome::Party { party } => party.clone(),
            Outcome::Criterion { parties, criterion } => {
                format!("{}, whichever is {criterion}", parties.join(" or "))
            }
            Outcome::Gap => "no legislation (gap)".to_string(),
            Outcome::Overlap { parties } => {
                format!("{} at once (overlap)", parties.join(" and "))
            }
            Outcome::National { party } => format!("{party}, under its own law (no rule applies)"),
            Outcome::Double { parties } => format!(
                "{} at once under their own laws (double coverage)",
                parties.join(" and ")
            ),
            Outcome::Uncovered => {
                "no legislation (no law of the agreement reaches the person; nothing to coordinate)"
                    .to_string()
            }
            Outcome::PerActivity { activities } => activities
                .iter()
                .map(|a| format!("{}: {}", a.activity, a.outcome.words()))
                .collect::<Vec<_>>()
                .join("; "),
        }
    }

    /// Whether exactly one legislation applies, or each activity has exactly one.
    pub fn is_settled(&self) -> bool {
        match self {
            Outcome::Party { .. } | Outcome::Criterion { .. } | Outcome::National { .. } => true,
            Outcome::Uncovered => true,
            Outcome::PerActivity { activities } => {
                activities.iter().all(|a| a.outcome.is_settled())
            }
            Outcome::Gap | Outcome::Overlap { .. } | Outcome::Double { .. } => false,
        }
    }
}

/// One row of the decision table: a class of situations, in the words of rule conditions, the
/// outcome and the rule that decides it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
pub struct Decision {
    /// The branches this row decides, when the agreement's branches are decided differently
    /// (national coverage or rules restricted to branches); empty when one analysis covers all.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub branches: Vec<String>,
    /// The class of situations, e.g. "employed in X, employer in Y, resides in X, posted 24
    /// months". Variables stand for distinct Parties that no rule names; Party codes for Parties
    /// a rule names; `elsewhere` for a third State. A posting duration stands for the interval
    /// up to it from the previous boundary; the last one for every longer posting.
    pub situation: String,
    pub outcome: Outcome,
    /// The label of the deciding rule, when the outcome is one legislation.
    pub rule: Option<String>,
    /// Rules that also apply but are overridden.
    pub overridden: Vec<String>,
    /// For an overlap, the rules that designate different legislations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicting: Vec<String>,
}

/// A gap or an overlap found by the analysis, with its simplest concrete situation.
#[derive(Clone, Debug)]
pub struct Defect {
    /// `P301` or `P302`.
    pub code: &'static str,
    pub situation: Situation,
    /// For an overlap, the labels of the rules in conflict; for a gap, empty.
    pub rules: Vec<String>,
    /// What tells this defect from the others (its grouping key, in words).
    pub key: String,
}

/// What the agreement answers for: every active person covered once (coordination), or only
/// the avoidance of double coverage (agreements on coverage, postings or export).
fn promises_coverage(agreement: &Agreement) -> bool {
    !agreement.header_fields.iter().any(|f| {
        f.name.value == "kind"
            && f.items.iter().any(|i| {
                matches!(
                    crate::model::first_word(i),
                    Some("coverage" | "posting" | "export")
                )
            })
    })
}

/// Whether the agreement is one on export only, with no rules on applicable legislation to check.
fn export_only(agreement: &Agreement) -> bool {
    agreement.rules.is_empty()
        && agreement.header_fields.iter().any(|f| {
            f.name.value == "kind"
                && f.items
                    .iter()
                    .any(|i| crate::model::first_word(i) == Some("export"))
        })
}

/// The analysis of one agreement: every class of situations decided.
pub struct Analysis<'a> {
    agreement: &'a Agreement,
    rules: RuleSet,
    groups: Vec<national::Group>,
    /// (group index, situation, evaluation).
    rows: Vec<(usize, Situation, Eval)>,
    /// Whether the budget stopped the enumeration before the space was exhausted.
    exhausted: bool,
    budget: usize,
    /// Whether the agreement promises coverage to every active person (else only single coverage).
    promises_coverage: bool,
}

/// The most situations one analysis decides (per group of branches) before it stops (P313).
pub const BUDGET: usize = space::BUDGET;

impl<'a> Analysis<'a> {
    pub fn new(agreement: &'a Agreement) -> Analysis<'a> {
        Analysis::within(agreement, BUDGET)
    }

    /// The analysis, stopping after `budget` situations per group of branches.
    pub fn within(agreement: &'a Agreement, budget: usize) -> Analysis<'a> {
        let rules = RuleSet::compile(agreement);
        let groups = rules.groups(agreement);
        let classes = symmetry::classes(agreement, &rules, &groups);
        let reach = symmetry::reach(&classes, &groups);
        let nationality = groups
            .iter()
            .any(|g| g.reach.iter().flatten().any(|r| r.nationals_abroad));
        let mut rows = Vec::new();
        let mut exhausted = false;
        for (gi, g) in groups.iter().enumerate() {
            let space = space::Space::new(
                &rules,
                space::Params {
                    classes: classes.clone(),
                    reach: reach.clone(),
                    non_active: non_active_in_scope(agreement, &rules),
                    nationality,
                    budget,
                },
            );
            space.each(&mut |s| rows.push((gi, s.clone(), rules.eval(s, g))));
            exhausted |= space.exhausted.get();
            if exhausted {
                break;
            }
        }
        Analysis {
            agreement,
            rules,
            groups,
            rows,
            exhausted,
            budget,
            promises_coverage: promises_coverage(agreement),
        }
    }

    /// How many classes of situations were decided.
    pub fn classes(&self) -> usize {
        self.rows.len()
    }

    /// Whether the budget stopped the analysis before every class was decided (P313).
    pub fn exhausted(&self) -> bool {
        self.exhausted
    }

    /// The gaps and overlaps, one per distinct defect, in a deterministic order.
    pub fn defects(&self) -> Vec<Defect> {
        findings::defects(self)
            .into_iter()
            .map(|d| Defect {
                code: d.code,
                situation: d.situation.clone(),
                rules: d
                    .rules
                    .iter()
                    .filter_map(|&i| self.rules.rules.get(i).map(|r| r.label.clone()))
                    .collect(),
                key: d.key,
            })
            .collect()
    }

    pub fn decision_table(&self) -> Vec<Decision> {
        let several = self.groups.len() > 1;
        let rows: Vec<Decision> = self
            .rows
            .iter()
            .map(|(gi, s, e)| {
                let names = Variables::of(s, &self.rules.named, self.agreement);
                let label = |i: &usize| self.rules.rules.get(*i).map(|r| r.label.clone());
                let winners: Vec<String> = e.winners.iter().filter_map(label).collect();
                let one = matches!(e.verdict, Verdict::One(_));
                Decision {
                    branches: match self.groups.get(*gi) {
                        Some(g) if several => {
                            g.branches.iter().map(|b| b.key().to_string()).collect()
                        }
                        _ => Vec::new(),
                    },
                    situation: situation::words(s, &names, false),
                    outcome: outcome(&e.verdict, &names),
                    rule: if one { winners.first().cloned() } else { None },
                    overridden: e
                        .applicable
                        .iter()
                        .map(|(i, _)| *i)
                        .filter(|i| !e.winners.contains(i))
                        .filter_map(|i| label(&i))
                        .collect(),
                    conflicting: if matches!(e.verdict, Verdict::Overlap(_)) {
                        winners
                    } else {
                        Vec::new()
                    },
                }
            })
            .collect();
        if !several {
            return rows;
        }
        // One row per situation where every group of branches is decided alike; otherwise one
        // row per distinct decision, with the branches it concerns.
        let mut merged: Vec<Decision> = Vec::new();
        let mut index: std::collections::HashMap<(String, String), usize> = Default::default();
        let mut per_situation: std::collections::HashMap<String, usize> = Default::default();
        for d in rows {
            *per_situation.entry(d.situation.clone()).or_insert(0) += 1;
            let key = (
                d.situation.clone(),
                format!(
                    "{:?}|{:?}|{:?}|{:?}",
                    d.outcome, d.rule, d.overridden, d.conflicting
                ),
            );
            match index.get(&key) {
                Some(&i) => {
                    if let Some(m) = merged.get_mut(i) {
                        m.branches.extend(d.branches);
                        m.branches.sort();
                    }
                }
                None => {
                    index.insert(key, merged.len());
                    merged.push(d);
                }
            }
        }
        let groups = self.groups.len();
        let mut decisions_of: std::collections::HashMap<&str, usize> = Default::default();
        for (situation, _) in index.keys() {
            *decisions_of.entry(situation.as_str()).or_insert(0) += 1;
        }
        let single: std::collections::HashSet<String> = decisions_of
            .into_iter()
            .filter(|&(_, n)| n == 1)
            .map(|(s, _)| s.to_string())
            .collect();
        for m in &mut merged {
            if single.contains(&m.situation)
                && per_situation.get(&m.situation).copied().unwrap_or(0) >= groups
            {
                m.branches.clear();
            }
        }
        merged
    }
}

/// Whether non-active persons are in the personal scope of the analysis: the agreement covers a
/// residence-based scheme or has a rule for non-active persons.
fn non_active_in_scope(agreement: &Agreement, rules: &RuleSet) -> bool {
    rules.has_non_active_rule || agreement.scopes.iter().any(|s| s.residence_based)
}

/// Whether non-active persons are in the situation space of this agreement.
pub fn covers_non_active(agreement: &Agreement) -> bool {
    non_active_in_scope(agreement, &RuleSet::compile(agreement))
}

/// The pairs (specific, general) of rule labels where the first rule's conditions imply the
/// second's (lex specialis), in rule order.
pub fn specialis_pairs(agreement: &Agreement) -> Vec<(String, String)> {
    let rules = RuleSet::compile(agreement);
    let mut out = Vec::new();
    for (i, row) in rules.specific.iter().enumerate() {
        for (j, &more) in row.iter().enumerate() {
            if let (true, Some(a), Some(b)) = (more, rules.rules.get(i), rules.rules.get(j)) {
                out.push((a.label.clone(), b.label.clone()));
            }
        }
    }
    out
}

/// Whether the agreement allocates each activity on its own (`allocation: per-activity` or a
/// rule's `per-activity` clause).
pub fn allocates_per_activity(agreement: &Agreement) -> bool {
    rules::allocates_per_activity(agreement)
}

/// Posting boundaries (limit plus extension of every rule), in days, sorted.
pub fn posting_boundaries(agreement: &Agreement) -> Vec<u64> {
    RuleSet::compile(agreement).boundaries
}

/// Findings of the applicable-legislation analysis.
pub fn check(agreement: &Agreement) -> Vec<Diagnostic> {
    check_within(agreement, BUDGET)
}

/// Findings of the applicable-legislation analysis, stopping after `budget` situations per
/// group of branches.
pub fn check_within(agreement: &Agreement, budget: usize) -> Vec<Diagnostic> {
    if export_only(agreement) {
        return scenario::malformed(agreement);
    }
    let analysis = Analysis::within(agreement, budget);
    let mut out = findings::diagnostics(&analysis);
    out.extend(scenario::malformed(agreement));
    out
}

/// The decision table of an agreement, in a deterministic order.
pub fn decision_table(agreement: &Agreement) -> Vec<Decision> {
    Analysis::new(agreement).decision_table()
}

/// The outcome of one concrete situation for every branch (used by tests and scenarios): the
/// outcome of the first group of branches whose outcome is not settled, else of the first group.
pub fn decide(agreement: &Agreement, s: &Situation) -> Outcome {
    let rules = RuleSet::compile(agreement);
    let groups = rules.groups(agreement);
    let outs: Vec<Outcome> = groups
        .iter()
        .map(|g| outcome(&rules.eval(s, g).verdict, &Codes(agreement)))
        .collect();
    outs.iter()
        .find(|o| !o.is_settled())
        .or(outs.first())
        .cloned()
        .unwrap_or(Outcome::Gap)
}

/// Parties by their codes.
pub(crate) struct Codes<'a>(pub &'a Agreement);

impl Namer for Codes<'_> {
    fn name(&self, p: Party) -> String {
        self.0
            .parties
            .get(usize::from(p))
            .map_or_else(|| format!("#{p}"), |d| d.code.value.clone())
    }
}

/// Named Parties by code, the others as variables X, Y, Z, W, … in order of first mention.
struct Variables<'a> {
    agreement: &'a Agreement,
    named: &'a [Party],
    order: Vec<Party>,
}

impl<'a> Variables<'a> {
    fn of(s: &Situation, named: &'a [Party], agreement: &'a Agreement) -> Variables<'a> {
        let mut order = Vec::new();
        let mut add = |p: Party| {
            if !named.contains(&p) && !order.contains(&p) {
                order.push(p);
            }
        };
        if let Some(p) = s.status.and_then(|st| st.party) {
            add(p);
        }
        for &(p, _) in &s.work {
            add(p);
        }
        for l in [
            s.employer,
            Some(s.residence),
            s.posting.as_ref().map(|p| p.from),
            s.nationality,
        ]
        .into_iter()
        .flatten()
        {
            if let Loc::Party(p) = l {
                add(p);
            }
        }
        Variables {
            agreement,
            named,
            order,
        }
    }
}

const LETTERS: &[&str] = &[
    "X", "Y", "Z", "W", "V", "U", "T", "S", "R", "Q", "P", "O", "N", "M",
];

impl Namer for Variables<'_> {
    fn name(&self, p: Party) -> String {
        if self.named.contains(&p) {
            return Codes(self.agreement).name(p);
        }
        match self.order.iter().position(|&q| q == p) {
            Some(i) => LETTERS
                .get(i)
                .map_or_else(|| format!("X{i}"), |l| l.to_string()),
            None => Codes(self.agreement).name(p),
        }
    }
}

fn outcome(v: &Verdict, names: &dyn Namer) -> Outcome {
    let list = |ps: &[Party]| ps.iter().map(|&p| names.name(p)).collect::<Vec<_>>();
    match v {
        Verdict::National(p) => Outcome::National {
            party: names.name(*p),
        },
        Verdict::Double(ps) => Outcome::Double { parties: list(ps) },
        Verdict::Uncovered => Outcome::Uncovered,
        Verdict::PerActivity(parts) => Outcome::PerActivity {
            activities: parts
                .iter()
                .map(|(p, a, v)| ActivityOutcome {
                    activity: format!(
                        "{} in {}",
                        match a {
                            situation::Act::Employed => "employed",
                            situation::Act::SelfEmployed => "self-employed",
                        },
                        names.name(*p)
                    ),
                    outcome: Box::new(outcome(v, names)),
                })
                .collect(),
        },
        Verdict::One(Designation::Party(p)) => Outcome::Party {
            party: names.name(*p),
        },
        Verdict::One(Designation::Criterion(text, ps)) => Outcome::Criterion {
            parties: list(ps),
            criterion: text.clone(),
        },
        Verdict::One(Designation::Several(ps)) | Verdict::Overlap(ps) => {
            Outcome::Overlap { parties: list(ps) }
        }
        Verdict::Gap => Outcome::Gap,
    }
}
