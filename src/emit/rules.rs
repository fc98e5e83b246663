//! The applicable-legislation rules as structured conditions with precedence, limits and
//! extensions, and the decision table of the analysis.

use super::source::Tracer;
use super::types::{
    Activity, ActivityIn, Begun, Condition, Criterion, DecisionRow, Extension, PartyTerm, Places,
    Rule, Status, Test, Whereabouts,
};
use super::values::period;
use crate::ast::{self, ClauseKind, ConditionKind};
use crate::legislation::{self, Decision};
use crate::model::Agreement;
use crate::span::SourceFile;

/// Every rule, in source order.
pub(super) fn rules(a: &Agreement, file: &SourceFile, t: &Tracer<'_>) -> Vec<Rule> {
    a.rules
        .iter()
        .map(|decl| {
            let r = &decl.rule;
            let mut out = Rule {
                label: r.label.value.clone(),
                text: one_line(file.slice(ast_after_label(r))),
                conditions: r
                    .conditions
                    .iter()
                    .map(|c| Condition {
                        text: one_line(file.slice(c.span)),
                        test: test(&c.kind),
                    })
                    .collect(),
                designates: party(&r.target),
                overrides: Vec::new(),
                overridden_by: overridden_by(a, &r.label.value),
                limit: None,
                limit_first: None,
                extension: None,
                branches: Vec::new(),
                begun: None,
                allocation: None,
                repost_gap: None,
                no_replacement: false,
                criteria: Vec::new(),
                source: t.rule(&decl.place, &r.label.value, r.span),
            };
            for clause in &r.clauses {
                match &clause.kind {
                    ClauseKind::Overrides(labels) => {
                        out.overrides.extend(labels.iter().map(|l| l.value.clone()))
                    }
                    ClauseKind::Limit(d) => out.limit = Some(period(*d)),
                    ClauseKind::LimitFirst(d) => out.limit_first = Some(period(*d)),
                    ClauseKind::Branches(bs) => {
                        out.branches.extend(bs.iter().map(|b| b.value.clone()))
                    }
                    ClauseKind::Begun { before, date } => {
                        out.begun = Some(Begun {
                            before: *before,
                            date: date.value.clone(),
                        })
                    }
                    ClauseKind::Allocation(per) => {
                        out.allocation =
                            Some(if *per { "per-activity" } else { "person-level" }.to_string())
                    }
                    ClauseKind::Extension { duration, by } => {
                        out.extension = Some(Extension {
                            period: duration.map(period),
                            by: by.as_ref().map(|b| b.value.clone()),
                        })
                    }
                    ClauseKind::RepostGap(d) => out.repost_gap = Some(period(*d)),
                    ClauseKind::NoReplacement => out.no_replacement = true,
                    ClauseKind::Where {
                        variable,
                        criterion,
                    } => out.criteria.push(Criterion {
                        variable: variable.name.clone(),
                        criterion: criterion.value.clone(),
                    }),
                }
            }
            out
        })
        .collect()
}

/// The span of `conditions -> target`, without `rule LABEL:` and the clauses.
fn ast_after_label(r: &ast::Rule) -> crate::span::Span {
    let start = r
        .conditions
        .first()
        .map_or(r.head_span.start, |c| c.span.start);
    crate::span::Span::new(start, r.head_span.end)
}

/// Collapse white space, so that a condition written over two lines reads as one.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The labels of the rules that override this one, in source order.
fn overridden_by(a: &Agreement, label: &str) -> Vec<String> {
    a.rules
        .iter()
        .filter(|d| {
            d.rule.clauses.iter().any(|c| match &c.kind {
                ClauseKind::Overrides(ls) => ls.iter().any(|l| l.value == label),
                _ => false,
            })
        })
        .map(|d| d.rule.label.value.clone())
        .collect()
}

fn party(r: &ast::PartyRef) -> PartyTerm {
    if r.is_variable() {
        PartyTerm::Variable(r.name.clone())
    } else {
        PartyTerm::Party(r.name.clone())
    }
}

fn activity(a: ast::Activity) -> Activity {
    match a {
        ast::Activity::Employed => Activity::Employed,
        ast::Activity::SelfEmployed => Activity::SelfEmployed,
        ast::Activity::Mixed => Activity::Mixed,
    }
}

fn places(p: &ast::Places) -> Places {
    match p {
        ast::Places::Several(_) => Places::Several,
        ast::Places::Parties(list) => Places::Parties(list.iter().map(party).collect()),
    }
}

fn whereabouts(p: &ast::Place) -> Whereabouts {
    match p {
        ast::Place::In(r) => Whereabouts::In(party(r)),
        ast::Place::Elsewhere => Whereabouts::Elsewhere,
        ast::Place::Away => Whereabouts::Away,
    }
}

fn status(s: ast::Status) -> Status {
    match s {
        ast::Status::Seafarer => Status::Seafarer,
        ast::Status::Aircrew => Status::Aircrew,
        ast::Status::TransportCrew => Status::TransportCrew,
        ast::Status::CivilServant => Status::CivilServant,
        ast::Status::MissionStaff => Status::MissionStaff,
        ast::Status::LocallyEngaged => Status::LocallyEngaged,
        ast::Status::NonActive => Status::NonActive,
        ast::Status::Accompanying => Status::Accompanying,
    }
}

fn test(kind: &ConditionKind) -> Test {
    match kind {
        ConditionKind::Activity {
            activity: a,
            places: p,
            and_then,
        } => Test::Activity {
            activity: activity(*a),
            places: places(p),
            also: and_then.as_ref().map(|(a, p)| ActivityIn {
                activity: activity(*a),
                places: places(p),
            }),
        },
        ConditionKind::WorksIn(r) => Test::WorksIn { party: party(r) },
        ConditionKind::Employer(p) => Test::Employer {
            place: whereabouts(p),
        },
        ConditionKind::Resides(p) => Test::Resides {
            place: whereabouts(p),
        },
        ConditionKind::Posted(d, _) => Test::Posted {
            period: d.map(period),
        },
        ConditionKind::NotPosted => Test::NotPosted,
        ConditionKind::ExtensionGranted => Test::ExtensionGranted,
        ConditionKind::National(r) => Test::National { party: party(r) },
        ConditionKind::UsuallySelfEmployedIn(r) => Test::UsuallySelfEmployedIn { party: party(r) },
        ConditionKind::Status(s, r) => Test::Status {
            status: status(*s),
            party: r.as_ref().map(party),
        },
    }
}

/// The decision table of the analysis, with the source of each deciding rule.
pub(super) fn decision_table(a: &Agreement, t: &Tracer<'_>) -> Vec<DecisionRow> {
    let mut table = legislation::decision_table(a);
    table.sort();
    table.iter().map(|d| row(a, t, d)).collect()
}

fn row(a: &Agreement, t: &Tracer<'_>, d: &Decision) -> DecisionRow {
    DecisionRow {
        situation: d.situation.clone(),
        outcome: d.outcome.clone(),
        branches: d.branches.clone(),
        rule: d.rule.clone(),
        overridden: d.overridden.clone(),
        source: d
            .rule
            .as_deref()
            .and_then(|l| a.rule(l))
            .map(|r| t.rule(&r.place, &r.rule.label.value, r.rule.span)),
    }
}
