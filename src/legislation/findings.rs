//! The findings: P301 (two legislations), P302 (none), P310 (override cycles) and P311 (rules
//! that never decide). Gaps and overlaps are grouped into distinct defects, each shown with its
//! simplest concrete situation.

use super::rules::{CCond, Designation, Eval, RuleSet, Verdict};
use super::situation::{self, Act, Loc, Party, Situation};
use super::{Analysis, Codes};
use crate::ast::{self, ConditionKind, Place, Places, Status};
use crate::check::Context;
use crate::diag::Diagnostic;
use crate::model::Agreement;
use crate::span::Span;
use std::collections::BTreeMap;

/// One gap or overlap, before it becomes a diagnostic.
pub(crate) struct RawDefect {
    pub code: &'static str,
    pub situation: Situation,
    pub eval: Eval,
    /// Rule indices: the rules in conflict (overlap), none (gap, double coverage).
    pub rules: Vec<usize>,
    pub key: String,
    /// The group of branches of the situation shown.
    pub group: usize,
    /// Every group of branches with this defect.
    pub groups: std::collections::BTreeSet<usize>,
}

/// The gaps and overlaps, grouped: a gap by the kind of person it concerns, an overlap by the
/// rules in conflict, unresolved double coverage by the kind of person; each with its simplest
/// situation. Under per-activity allocation, the defective activity stands for the person.
pub(crate) fn defects(a: &Analysis<'_>) -> Vec<RawDefect> {
    type Entry = (
        Situation,
        Eval,
        Vec<usize>,
        usize,
        std::collections::BTreeSet<usize>,
    );
    let mut groups: BTreeMap<(u8, String), Entry> = BTreeMap::new();
    let no_rules = a.rules.rules.is_empty();
    let mut consider = |gi: usize, s: &Situation, e: &Eval| {
        let (rank, key, rules) = match &e.verdict {
            Verdict::Gap if !a.promises_coverage => return,
            Verdict::Gap if no_rules => (1, "everyone".to_string(), Vec::new()),
            Verdict::Gap => (1, who(s), Vec::new()),
            Verdict::Double(_) => (2, who(s), Vec::new()),
            Verdict::Overlap(_) | Verdict::One(Designation::Several(_)) => {
                let labels: Vec<&str> = e
                    .winners
                    .iter()
                    .filter_map(|&i| a.rules.rules.get(i).map(|r| r.label.as_str()))
                    .collect();
                (0, labels.join(", "), e.winners.clone())
            }
            _ => return,
        };
        let entry = groups
            .entry((rank, key))
            .or_insert_with(|| (s.clone(), e.clone(), rules.clone(), gi, Default::default()));
        entry.4.insert(gi);
        // The simplest situation; among equally simple ones the first in a fixed order, so that
        // the counterexample does not depend on the order in which the space is visited.
        if (s.complexity(), s) < (entry.0.complexity(), &entry.0) {
            let seen = std::mem::take(&mut entry.4);
            *entry = (s.clone(), e.clone(), rules, gi, seen);
        }
    };
    for (gi, s, e) in &a.rows {
        match &e.verdict {
            Verdict::PerActivity(parts) => {
                let Some(g) = a.groups.get(*gi) else { continue };
                for (p, act, v) in parts {
                    if v.defect().is_none() {
                        continue;
                    }
                    let mut one = s.clone();
                    one.work = vec![(*p, *act)];
                    if *act == Act::SelfEmployed {
                        one.employer = None;
                    }
                    let sub = a.rules.eval(&one, g);
                    consider(*gi, &one, &sub);
                }
            }
            _ => consider(*gi, s, e),
        }
    }
    // A posting gap where the same persons have no rule even when not posted is one defect.
    for (posted, plain) in [
        ("posted employed persons", "employed persons"),
        ("posted self-employed persons", "self-employed persons"),
    ] {
        for rank in [1u8, 2] {
            let keys: Vec<String> = groups
                .keys()
                .filter(|(r, k)| *r == rank && k.starts_with(posted))
                .map(|(_, k)| k.clone())
                .collect();
            for k in keys {
                let plain_key = k.replacen(posted, plain, 1);
                if groups.contains_key(&(rank, plain_key.clone())) {
                    if let Some(g) = groups.remove(&(rank, k)) {
                        if let Some(entry) = groups.get_mut(&(rank, plain_key)) {
                            entry.4.extend(g.4.iter().copied());
                            if (g.0.complexity(), &g.0) < (entry.0.complexity(), &entry.0) {
                                let seen = std::mem::take(&mut entry.4);
                                *entry = g;
                                entry.4.extend(seen);
                            }
                        }
                    }
                }
            }
        }
    }
    groups
        .into_iter()
        .map(
            |((rank, key), (situation, eval, rules, group, groups))| RawDefect {
                code: if rank == 1 { "P302" } else { "P301" },
                situation,
                eval,
                rules,
                key,
                group,
                groups,
            },
        )
        .collect()
}

/// The kind of person a situation concerns, for messages and for grouping gaps.
pub(crate) fn who(s: &Situation) -> String {
    if let Some(st) = s.status {
        // Employed statuses active in several Parties are left out by the same missing
        // multi-state rule as everyone employed in several Parties.
        let employed_status = matches!(
            st.kind,
            Status::Aircrew | Status::TransportCrew | Status::CivilServant | Status::MissionStaff
        );
        if employed_status && s.work.len() > 1 {
            return "persons employed in several Parties".to_string();
        }
        return match st.kind {
            Status::Seafarer => "seafarers",
            Status::Aircrew => "aircrew",
            Status::TransportCrew => "transport crew",
            Status::CivilServant => "civil servants",
            Status::MissionStaff => "mission staff",
            Status::LocallyEngaged => "locally engaged staff",
            Status::NonActive => "non-active persons",
            Status::Accompanying => "accompanying family members",
        }
        .to_string();
    }
    let e = s.has(Act::Employed);
    let se = s.has(Act::SelfEmployed);
    let several = s.work.len() > 1;
    match (e, se, several, s.posting.is_some()) {
        (true, false, _, true) => "posted employed persons",
        (false, true, _, true) => "posted self-employed persons",
        (true, true, _, _) => "persons both employed and self-employed",
        (true, false, true, _) => "persons employed in several Parties",
        (false, true, true, _) => "persons self-employed in several Parties",
        (false, true, false, _) => "self-employed persons",
        _ => "employed persons",
    }
    .to_string()
}

/// Every finding of the analysis.
pub(crate) fn diagnostics(a: &Analysis<'_>) -> Vec<Diagnostic> {
    let ctx = Context {
        agreement: a.agreement,
    };
    let mut out = Vec::new();
    let cycles = cycles(&a.rules);
    for cycle in &cycles {
        out.push(cycle_finding(&ctx, &a.rules, cycle));
    }
    for d in defects(a) {
        let mut diag = match (d.code, d.rules.is_empty()) {
            ("P301", false) => overlap_finding(&ctx, a, &d),
            ("P301", true) => double_finding(&ctx, a, &d),
            _ => gap_finding(&ctx, a, &d),
        };
        if a.groups.len() > 1 && d.groups.len() < a.groups.len() {
            let mut branches: Vec<&str> = d
                .groups
                .iter()
                .filter_map(|&i| a.groups.get(i))
                .flat_map(|g| g.branches.iter().map(|b| b.key()))
                .collect();
            branches.sort_unstable();
            diag.notes
                .push(format!("branches: {}", branches.join(", ")));
        }
        out.push(diag);
    }
    out.extend(specialis_findings(&ctx, a));
    if a.exhausted {
        out.push(budget_finding(&ctx, a));
    } else {
        out.extend(dead_rules(&ctx, a, &cycles));
    }
    out
}

/// Why each national law reaches the person, in words: "XA (work in its territory)".
fn national_note(a: &Analysis<'_>, d: &RawDefect) -> String {
    use crate::legislation::national::reaches;
    let Some(g) = a.groups.get(d.group) else {
        return String::new();
    };
    let s = &d.situation;
    let mut parts = Vec::new();
    for (i, r) in g.reach.iter().enumerate() {
        let (Some(r), Ok(p)) = (r, Party::try_from(i)) else {
            continue;
        };
        if !reaches(r, p, s) {
            continue;
        }
        let why = if r.residence && s.residence == Loc::Party(p) {
            "residence"
        } else if s.works_in(p) {
            "work in its territory"
        } else if s.employer == Some(Loc::Party(p)) {
            "an employer established there"
        } else if s.nationality == Some(Loc::Party(p)) {
            "nationality"
        } else {
            "its own law"
        };
        parts.push(format!("{} ({why})", codes(a.agreement, &[p]).join("")));
    }
    parts.join(", ")
}

/// Double coverage that no rule resolves: P301 with the national laws that apply and why.
fn double_finding(ctx: &Context<'_>, a: &Analysis<'_>, d: &RawDefect) -> Diagnostic {
    let sit = situation::words(&d.situation, &Codes(a.agreement), true);
    let who = who(&d.situation);
    let suggestion = suggest_rule(&d.situation, a);
    let near = closest_rule(a, &d.situation);
    let label_for_new = next_label(a, near.map(|(i, _)| i));
    let (span, label) = match near.and_then(|(i, fail)| a.rules.rules.get(i).map(|r| (r, fail, i)))
    {
        Some((r, fail, i)) => (r.head_span, miss_label(a, i, fail)),
        None => (a.agreement.anchor(), "no rule applies".to_string()),
    };
    let mut diag = ctx
        .finding(
            &crate::check::P301,
            format!("two legislations apply to some {who}: no rule settles their double coverage"),
            span,
        )
        .label(label)
        .help(format!(
            "add a rule for them, e.g. `rule {label_for_new}: {suggestion}`"
        ));
    diag.notes.insert(0, format!("situation: {sit}"));
    diag.notes.insert(
        1,
        format!(
            "national laws that apply without the agreement: {}",
            national_note(a, d)
        ),
    );
    diag
}

/// P312: a rule prevailed as the more specific one without `overrides` saying so.
fn specialis_findings(ctx: &Context<'_>, a: &Analysis<'_>) -> Vec<Diagnostic> {
    let mut pairs: Vec<(usize, usize)> = a
        .rows
        .iter()
        .flat_map(|(_, _, e)| e.specialis.iter().copied())
        .collect();
    pairs.sort_unstable();
    pairs.dedup();
    pairs
        .into_iter()
        .filter_map(|(i, j)| {
            let (ri, rj) = (a.rules.rules.get(i)?, a.rules.rules.get(j)?);
            Some(
                ctx.finding(
                    &crate::check::P312,
                    format!(
                        "rule {} prevails over rule {} as the more specific rule",
                        ri.label, rj.label
                    ),
                    ri.head_span,
                )
                .label(format!("its conditions imply those of rule {}", rj.label))
                .secondary(rj.head_span, "the general rule")
                .help(format!(
                    "say so explicitly: add `overrides {}` to rule {}",
                    rj.label, ri.label
                )),
            )
        })
        .collect()
}

/// P313: the analysis stopped at its budget. It points at the rule that widens the space most:
/// the places of work it lists (every extra place multiplies the situations), the Parties it
/// binds, and the Parties it names by code (each one a choice of its own on the roles it names).
fn budget_finding(ctx: &Context<'_>, a: &Analysis<'_>) -> Diagnostic {
    let weigh = |r: &super::rules::CRule| {
        let places = r
            .conds
            .iter()
            .filter_map(|c| c.cond.places_listed())
            .max()
            .unwrap_or(0);
        let mut named: Vec<Party> = super::view::named_parties(r);
        named.sort_unstable();
        named.dedup();
        (places, r.bound, named.len())
    };
    let widest = a.rules.rules.iter().max_by_key(|r| {
        let (places, bound, named) = weigh(r);
        (places + bound + named, places)
    });
    let named = a.rules.named.len();
    let mut d = ctx.finding(
        &crate::check::P313,
        format!(
            "the applicable-legislation analysis stopped after {} situations",
            a.budget
        ),
        widest.map_or(a.agreement.anchor(), |r| r.head_span),
    );
    d = d.label(match widest {
        Some(r) => {
            let (places, bound, named) = weigh(r);
            let mut what = Vec::new();
            if places > 1 {
                what.push(format!("lists {places} places of work"));
            }
            if bound > 0 {
                what.push(format!("binds {bound} Parties"));
            }
            if named > 0 {
                what.push(format!("names {named} by code"));
            }
            if what.is_empty() {
                format!("rule {}", r.label)
            } else {
                format!("rule {} {}", r.label, what.join(", "))
            }
        }
        None => "the agreement".to_string(),
    });
    d.note(format!(
        "{named} Parties are named by code in rules; each is told apart from the others wherever a rule names it, and the findings above cover only the situations decided"
    ))
    .help("name Parties by role (variables such as `X`) rather than by code where the rules are alike, list fewer places of work in one rule, or split the rules")
}

fn codes(a: &Agreement, ps: &[Party]) -> Vec<String> {
    use super::situation::Namer;
    ps.iter().map(|&p| Codes(a).name(p)).collect()
}

fn designation_words(a: &Agreement, d: &Designation) -> String {
    match d {
        Designation::Party(p) => format!("designates {}", codes(a, &[*p]).join("")),
        Designation::Criterion(_, ps) => {
            format!("designates {} by criterion", codes(a, ps).join(" or "))
        }
        Designation::Several(ps) => format!("designates {} at once", codes(a, ps).join(" and ")),
    }
}

fn overlap_finding(ctx: &Context<'_>, a: &Analysis<'_>, d: &RawDefect) -> Diagnostic {
    let rules = &a.rules.rules;
    let designation = |i: usize| {
        d.eval
            .applicable
            .iter()
            .find(|(j, _)| *j == i)
            .map(|(_, des)| des.clone())
    };
    let first = d.rules.first().copied().unwrap_or(0);
    let Some(r1) = rules.get(first) else {
        return gap_finding(ctx, a, d);
    };
    let sit = situation::words(&d.situation, &Codes(a.agreement), true);
    let who = who(&d.situation);
    let mut diag = if d.rules.len() == 1 {
        ctx.finding(
            &crate::check::P301,
            format!("rule {} designates two legislations for some {who}", r1.label),
            r1.head_span,
        )
        .label(
            designation(first)
                .map_or_else(String::new, |x| designation_words(a.agreement, &x)),
        )
        .help(format!(
            "say which Party's legislation applies, e.g. add `where {} is \"…\"` to rule {}, or name the Party by its role (`resides in X`)",
            r1.vars.first().map_or("X", String::as_str),
            r1.label
        ))
    } else {
        let labels: Vec<&str> = d
            .rules
            .iter()
            .filter_map(|&i| rules.get(i).map(|r| r.label.as_str()))
            .collect();
        let mut diag = ctx
            .finding(
                &crate::check::P301,
                format!("two legislations apply to some {who}"),
                r1.head_span,
            )
            .label(
                designation(first).map_or_else(String::new, |x| designation_words(a.agreement, &x)),
            );
        for &i in d.rules.iter().skip(1) {
            if let Some(r) = rules.get(i) {
                diag = diag.secondary(
                    r.head_span,
                    designation(i).map_or_else(String::new, |x| designation_words(a.agreement, &x)),
                );
            }
        }
        // The special rule (a special category, a posting; else the one with more conditions)
        // is the one that overrides: the general rule yields to it, not the other way round.
        let weight = |r: &crate::legislation::rules::CRule| {
            let special = r.conds.iter().any(|c| {
                matches!(
                    c.cond,
                    crate::legislation::rules::CCond::Status(..)
                        | crate::legislation::rules::CCond::Posted
                )
            });
            (special, r.conds.len())
        };
        let r2 = d.rules.get(1).and_then(|&i| rules.get(i));
        let (special, general) = match r2 {
            Some(r2) if weight(r2) > weight(r1) => (r2.label.as_str(), r1.label.as_str()),
            _ => (r1.label.as_str(), labels.get(1).copied().unwrap_or("")),
        };
        let diag = diag.help(format!(
            "let one rule yield, e.g. add `overrides {general}` to rule {special}, or narrow their conditions so that they do not meet"
        ));
        match overrides_edit(a.agreement, special, general) {
            Some((span, text)) => diag.fix(
                format!("Let rule {general} yield: `overrides {general}` on rule {special}"),
                span,
                text,
            ),
            None => diag,
        }
    };
    diag.notes.insert(0, format!("situation: {sit}"));
    diag
}

/// The edit that makes rule `label` override rule `yielding`: a label added to its `overrides`
/// clause, or a new clause after its target.
fn overrides_edit(
    agreement: &crate::model::Agreement,
    label: &str,
    yielding: &str,
) -> Option<(crate::span::Span, String)> {
    if yielding.is_empty() || yielding == label {
        return None;
    }
    let rule = &agreement
        .rules
        .iter()
        .find(|r| r.rule.label.value == label)?
        .rule;
    let existing = rule.clauses.iter().find_map(|c| match &c.kind {
        crate::ast::ClauseKind::Overrides(labels) => labels.last(),
        _ => None,
    });
    Some(match existing {
        Some(last) => (
            crate::span::Span::new(last.span.end, last.span.end),
            format!(", {yielding}"),
        ),
        None => (
            crate::span::Span::new(rule.target.span.end, rule.target.span.end),
            format!(" overrides {yielding}"),
        ),
    })
}

fn gap_finding(ctx: &Context<'_>, a: &Analysis<'_>, d: &RawDefect) -> Diagnostic {
    let sit = situation::words(&d.situation, &Codes(a.agreement), true);
    let rules = &a.rules.rules;
    let suggestion = suggest_rule(&d.situation, a);
    if rules.is_empty() {
        let mut diag = ctx
            .finding(
                &crate::check::P302,
                "no rule says which legislation applies to anyone",
                a.agreement.anchor(),
            )
            .label("no applicable-legislation rules")
            .help(format!(
                "add a Part on applicable legislation with rules such as `rule 6.1: employed in X -> X`{}",
                ""
            ));
        diag.notes.insert(0, format!("situation: {sit}"));
        return diag;
    }
    let who = who(&d.situation);
    let best = closest_rule(a, &d.situation);
    let (span, label) = match best.and_then(|(i, fail)| rules.get(i).map(|r| (i, r, fail))) {
        Some((i, r, fail)) => (r.head_span, miss_label(a, i, fail)),
        None => (a.agreement.anchor(), "no rule applies".to_string()),
    };
    let label_for_new = next_label(a, best.map(|(i, _)| i));
    let mut diag = ctx
        .finding(
            &crate::check::P302,
            format!("no legislation applies to some {who}"),
            span,
        )
        .label(label)
        .help(format!(
            "add a rule for them, e.g. `rule {label_for_new}: {suggestion}`"
        ));
    diag.notes.insert(0, format!("situation: {sit}"));
    if a.groups.iter().any(|g| g.reach.iter().any(Option::is_some)) {
        diag.notes.insert(
            1,
            "no national law reaches them on its own terms (see the coverage bases of the `scope` lines)"
                .to_string(),
        );
    }
    diag
}

/// The rule that comes closest to applying, and its failing condition: ranked by whether its
/// activity or status condition holds, then conditions met, then fewest conditions missed; the
/// earliest rule on a tie.
fn closest_rule(a: &Analysis<'_>, s: &Situation) -> Option<(usize, Option<usize>)> {
    let mut best: Option<(usize, Option<usize>)> = None;
    let mut best_score = (false, 0usize, std::cmp::Reverse(usize::MAX));
    for (i, r) in a.rules.rules.iter().enumerate() {
        if let Some((fail, met)) = a.rules.closest_miss(i, s) {
            let kind_ok = !matches!(
                fail.and_then(|f| r.conds.get(f)).map(|c| &c.cond),
                Some(CCond::Activity(..) | CCond::Split { .. } | CCond::Status(..))
            );
            let score = (
                kind_ok,
                met,
                std::cmp::Reverse(r.conds.len().saturating_sub(met)),
            );
            if best.is_none() || score > best_score {
                best = Some((i, fail));
                best_score = score;
            }
        }
    }
    best
}

/// Why rule `i` misses: its failing condition, or the posting's limit.
fn miss_label(a: &Analysis<'_>, i: usize, fail: Option<usize>) -> String {
    let Some(r) = a.rules.rules.get(i) else {
        return "no rule applies".to_string();
    };
    match fail {
        None => "posting beyond its limit".to_string(),
        Some(c) => r
            .conds
            .get(c)
            .and_then(|c| condition_at(a.agreement, i, c.span))
            .map_or_else(
                || "closest rule does not apply".to_string(),
                |t| format!("`{t}` does not hold"),
            ),
    }
}

/// The text of the condition of rule `rule` written at `span`.
fn condition_at(a: &Agreement, rule: usize, span: Span) -> Option<String> {
    let decl = a.rules.get(rule)?;
    decl.rule
        .conditions
        .iter()
        .find(|c| c.span == span)
        .map(condition_text)
}

/// A condition as written in the language.
pub(crate) fn condition_text(c: &ast::Condition) -> String {
    let places = |p: &Places| match p {
        Places::Several(_) => "several".to_string(),
        Places::Parties(ps) => ps
            .iter()
            .map(|p| p.name.as_str())
            .collect::<Vec<_>>()
            .join(" and "),
    };
    let place = |p: &Place| match p {
        Place::In(p) => format!("in {}", p.name),
        Place::Elsewhere => "elsewhere".to_string(),
        Place::Away => "away".to_string(),
    };
    match &c.kind {
        ConditionKind::Activity {
            activity,
            places: pl,
            and_then,
        } => {
            let mut t = format!("{} in {}", activity.keyword(), places(pl));
            if let Some((a2, p2)) = and_then {
                t.push_str(&format!(" and {} in {}", a2.keyword(), places(p2)));
            }
            t
        }
        ConditionKind::WorksIn(p) => format!("works in {}", p.name),
        ConditionKind::Employer(p) => format!("employer {}", place(p)),
        ConditionKind::Resides(p) => format!("resides {}", place(p)),
        ConditionKind::Posted(None, _) => "posted".to_string(),
        ConditionKind::Posted(Some(d), None) => format!("posted {d}"),
        ConditionKind::Posted(Some(d), Some(since)) => format!("posted {d} since {since}"),
        ConditionKind::ExtensionGranted => "extension granted".to_string(),
        ConditionKind::National(p) => format!("national of {}", p.name),
        ConditionKind::NotPosted => "not posted".to_string(),
        ConditionKind::UsuallySelfEmployedIn(p) => format!("usually self-employed in {}", p.name),
        ConditionKind::Status(st, p) => {
            let link = match st {
                Status::Seafarer => " under flag ",
                Status::LocallyEngaged => " in ",
                Status::Accompanying => " ",
                _ => " of ",
            };
            match p {
                Some(p) => format!("{}{link}{}", st.keyword(), p.name),
                None => st.keyword().to_string(),
            }
        }
    }
}

/// A label for a new rule next to rule `near`: the next number in its article (`8.7`).
fn next_label(a: &Analysis<'_>, near: Option<usize>) -> String {
    let Some(r) = near.and_then(|i| a.rules.rules.get(i)) else {
        return "6.1".to_string();
    };
    match r.label.rsplit_once('.') {
        Some((prefix, _)) => {
            let max = a
                .rules
                .rules
                .iter()
                .filter_map(|x| x.label.rsplit_once('.'))
                .filter(|(p, _)| *p == prefix)
                .filter_map(|(_, n)| n.parse::<u32>().ok())
                .max()
                .unwrap_or(0);
            format!("{prefix}.{}", max + 1)
        }
        None => format!("{}a", r.label),
    }
}

/// A rule that would settle the situation: its conditions with Parties as variables.
fn suggest_rule(s: &Situation, a: &Analysis<'_>) -> String {
    struct Vars(Vec<Party>);
    impl situation::Namer for Vars {
        fn name(&self, p: Party) -> String {
            let i = self.0.iter().position(|&q| q == p).unwrap_or(0);
            ["X", "Y", "Z", "W", "V"].get(i).unwrap_or(&"U").to_string()
        }
    }
    let mut order: Vec<Party> = Vec::new();
    let mut add = |p: Party| {
        if !order.contains(&p) {
            order.push(p);
        }
    };
    if let Some(p) = s.status.and_then(|st| st.party) {
        add(p);
    }
    s.work.iter().for_each(|&(p, _)| add(p));
    for l in [
        s.employer,
        Some(s.residence),
        s.posting.as_ref().map(|p| p.from),
    ]
    .into_iter()
    .flatten()
    {
        if let Loc::Party(p) = l {
            add(p);
        }
    }
    let _ = a;
    let vars = Vars(order);
    let mut general = s.clone();
    if let Some(p) = general.posting.as_mut() {
        p.days = None;
    }
    let words = situation::words(&general, &vars, false);
    let words = words
        .strip_suffix(", not posted")
        .unwrap_or(&words)
        .to_string();
    use situation::Namer;
    let status_party = s.status.and_then(|st| st.party);
    let target = match (status_party, s.work.as_slice(), s.residence) {
        (Some(p), _, _) => vars.name(p),
        (None, [], Loc::Party(r)) => vars.name(r),
        (None, [(p, _)], _) => vars.name(*p),
        (None, work, Loc::Party(r)) if work.iter().any(|&(p, _)| p == r) => vars.name(r),
        (None, work, _) => {
            let first = work
                .iter()
                .find(|&&(_, a)| a == Act::Employed)
                .or(work.first());
            let x = first.map_or_else(|| "X".to_string(), |&(p, _)| vars.name(p));
            return format!("{words} -> {x} where {x} is \"…\"");
        }
    };
    format!("{words} -> {target}")
}

/// The rules that override each other in a cycle: one group per cycle (strongly connected).
pub(crate) fn cycles(rs: &RuleSet) -> Vec<Vec<usize>> {
    let n = rs.rules.len();
    // reach[i][j]: i overrides j, directly or through others.
    let mut reach = vec![vec![false; n]; n];
    for (i, r) in rs.rules.iter().enumerate() {
        for &j in &r.overrides {
            if let Some(cell) = reach.get_mut(i).and_then(|row| row.get_mut(j)) {
                *cell = true;
            }
        }
    }
    for k in 0..n {
        let via: Vec<bool> = reach.get(k).cloned().unwrap_or_default();
        for row in reach.iter_mut() {
            if row.get(k).copied().unwrap_or(false) {
                for (cell, &r) in row.iter_mut().zip(&via) {
                    *cell |= r;
                }
            }
        }
    }
    let at = |i: usize, j: usize| {
        reach
            .get(i)
            .and_then(|r| r.get(j))
            .copied()
            .unwrap_or(false)
    };
    let mut seen = vec![false; n];
    let mut out = Vec::new();
    for i in 0..n {
        if seen.get(i).copied().unwrap_or(true) || !at(i, i) {
            continue;
        }
        let group: Vec<usize> = (0..n).filter(|&j| at(i, j) && at(j, i)).collect();
        for &j in &group {
            if let Some(x) = seen.get_mut(j) {
                *x = true;
            }
        }
        out.push(group);
    }
    out
}

fn cycle_finding(ctx: &Context<'_>, rs: &RuleSet, cycle: &[usize]) -> Diagnostic {
    let labels: Vec<&str> = cycle
        .iter()
        .filter_map(|&i| rs.rules.get(i).map(|r| r.label.as_str()))
        .collect();
    let list = match labels.as_slice() {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    };
    let span_of = |i: usize| {
        rs.rules.get(i).map_or(Span::default(), |r| {
            r.overrides_spans.first().copied().unwrap_or(r.head_span)
        })
    };
    let first = cycle.first().copied().unwrap_or(0);
    let mut d = ctx
        .finding(
            &crate::check::P310,
            format!("rules {list} override each other in a cycle"),
            span_of(first),
        )
        .label("part of an override cycle");
    for &i in cycle.iter().skip(1) {
        d = d.secondary(span_of(i), "overrides back");
    }
    let mut path = labels.clone();
    if let Some(f) = labels.first() {
        path.push(f);
    }
    d.notes.insert(0, format!("cycle: {}", path.join(" → ")));
    d.help("remove one of the `overrides` so that one rule wins where both apply")
}

fn dead_rules(ctx: &Context<'_>, a: &Analysis<'_>, cycles: &[Vec<usize>]) -> Vec<Diagnostic> {
    let n = a.rules.rules.len();
    let mut applies = vec![false; n];
    let mut decides = vec![false; n];
    let mut overrider: Vec<Option<usize>> = vec![None; n];
    for (_, _, e) in &a.rows {
        for &(i, _) in &e.applicable {
            if let Some(x) = applies.get_mut(i) {
                *x = true;
            }
            if e.winners.contains(&i) {
                if let Some(x) = decides.get_mut(i) {
                    *x = true;
                }
            } else if overrider.get(i).is_some_and(Option::is_none) {
                let by = e.applicable.iter().map(|(j, _)| *j).find(|&j| {
                    a.rules
                        .rules
                        .get(j)
                        .is_some_and(|r| r.overrides.contains(&i))
                });
                if let Some(x) = overrider.get_mut(i) {
                    *x = by;
                }
            }
        }
    }
    let in_cycle = |i: usize| cycles.iter().any(|c| c.contains(&i));
    let mut out = Vec::new();
    for (i, r) in a.rules.rules.iter().enumerate() {
        if in_cycle(i) {
            continue;
        }
        if !applies.get(i).copied().unwrap_or(true) {
            out.push(
                ctx.finding(
                    &crate::check::P311,
                    format!("rule {} applies to no situation", r.label),
                    r.head_span,
                )
                .label("conditions never all hold")
                .note("no person in the situation space meets all of its conditions for distinct Parties (see `pacta explain P311`)")
                .help("correct the conditions, or remove the rule"),
            );
        } else if !decides.get(i).copied().unwrap_or(true) {
            let mut d = ctx
                .finding(
                    &crate::check::P311,
                    format!("rule {} is overridden wherever it applies", r.label),
                    r.head_span,
                )
                .label("never decides");
            if let Some(by) = overrider
                .get(i)
                .copied()
                .flatten()
                .and_then(|j| a.rules.rules.get(j))
            {
                d = d.secondary(by.head_span, format!("overrides rule {}", r.label));
            }
            out.push(d.help("remove the rule, or narrow the rules that override it"));
        }
    }
    out
}
