//! Changes to the applicable-legislation rules: conditions, target, limits, extensions and the
//! other clauses, in the words negotiators use ("Posting limit: 24 months → 36 months").

use super::*;

/// The clauses of a rule in comparable form; `overrides` are mapped through `rename`.
#[derive(Default, PartialEq)]
pub(super) struct Clauses {
    limit: Option<ast::Duration>,
    limit_first: Option<ast::Duration>,
    /// Branches, start dates and allocation, in words.
    reach: Vec<String>,
    extension: Option<(Option<ast::Duration>, Option<String>)>,
    repost_gap: Option<ast::Duration>,
    no_replacement: bool,
    overrides: Vec<String>,
    criteria: BTreeMap<String, String>,
}

pub(super) fn clauses(rule: &ast::Rule, rename: &dyn Fn(&str) -> String) -> Clauses {
    let mut out = Clauses::default();
    for cl in &rule.clauses {
        match &cl.kind {
            ClauseKind::Limit(d) => out.limit = Some(*d),
            ClauseKind::LimitFirst(d) => out.limit_first = Some(*d),
            ClauseKind::Branches(bs) => out.reach.push(format!(
                "branches {}",
                bs.iter()
                    .map(|b| b.value.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
            ClauseKind::Begun { before, date } => out.reach.push(format!(
                "begun {} {}",
                if *before { "before" } else { "from" },
                date.value
            )),
            ClauseKind::Allocation(per) => out
                .reach
                .push(if *per { "per-activity" } else { "person-level" }.to_string()),
            ClauseKind::Extension { duration, by } => {
                out.extension = Some((*duration, by.as_ref().map(|b| b.value.clone())))
            }
            ClauseKind::RepostGap(d) => out.repost_gap = Some(*d),
            ClauseKind::NoReplacement => out.no_replacement = true,
            ClauseKind::Overrides(list) => {
                out.overrides.extend(list.iter().map(|l| rename(&l.value)))
            }
            ClauseKind::Where {
                variable,
                criterion,
            } => {
                out.criteria
                    .insert(variable.name.clone(), criterion.value.clone());
            }
        }
    }
    out.overrides.sort();
    out.overrides.dedup();
    out
}

/// A rule's line as written, with its `where X is "…"` criteria: what a rule added or removed
/// whole is, in one line (the criterion decides whom it reaches, so it is part of the rule).
fn signature_with_criteria(file: &SourceFile, rule: &ast::Rule) -> String {
    let mut out = rule_signature(file, rule);
    for c in &rule.clauses {
        if matches!(c.kind, ClauseKind::Where { .. }) {
            out.push(' ');
            out.push_str(&normalize(file.slice(c.span)));
        }
    }
    out
}

pub(super) fn same_duration(a: Option<ast::Duration>, b: Option<ast::Duration>) -> bool {
    a.map(ast::Duration::days) == b.map(ast::Duration::days)
}

pub(super) fn extension_text(e: &(Option<ast::Duration>, Option<String>)) -> String {
    match e {
        (Some(d), Some(by)) => format!("{d} by {by}"),
        (Some(d), None) => d.to_string(),
        (None, Some(by)) => format!("by {by}"),
        (None, None) => "unbounded".to_string(),
    }
}

/// Whether a label change only follows its article's renumbering (`7.1` → `8.1` in Art. 7 → 8).
pub(super) fn follows_article(
    old_label: &str,
    old_art: Option<crate::numbering::ArticleNo>,
    new_label: &str,
    new_art: Option<crate::numbering::ArticleNo>,
) -> bool {
    let (Some(oa), Some(na)) = (old_art, new_art) else {
        return false;
    };
    match (
        old_label.strip_prefix(&oa.to_string()),
        new_label.strip_prefix(&na.to_string()),
    ) {
        (Some(x), Some(y)) => x == y && (x.is_empty() || x.starts_with(['.', '('])),
        _ => false,
    }
}

pub(super) fn is_posting(rule: &ast::Rule) -> bool {
    rule.conditions
        .iter()
        .any(|c| matches!(c.kind, ConditionKind::Posted(..)))
}

pub(super) fn rules(c: &mut Collector<'_>) {
    let (a, b) = (c.old.agreement, c.new.agreement);
    let m = c.m;
    // An old label, as the new draft spells it.
    let rename = |label: &str| -> String {
        a.rules
            .iter()
            .position(|r| r.rule.label.value == label)
            .and_then(|o| m.rules.new_of(o))
            .and_then(|n| b.rules.get(n))
            .map_or_else(|| label.to_string(), |r| r.rule.label.value.clone())
    };
    let same = |label: &str| label.to_string();
    let g = Group::ApplicableLegislation;
    let (na, nb) = (words::Names::of(a), words::Names::of(b));
    for (n, r) in b.rules.iter().enumerate() {
        let label = &r.rule.label.value;
        let party = (!r.rule.target.is_variable()).then_some(r.rule.target.name.as_str());
        let new_at = cite_rule(b, r);
        let Some(was) = m.rules.old_of(n).and_then(|o| a.rules.get(o)) else {
            let x = ch(ChangeKind::Added, format!("Rule {label}"))
                .at(None, new_at)
                .detail(signature_with_criteria(c.new.file, &r.rule))
                .words(None, Some(words::rule(&r.rule, &nb)));
            c.push(g, party, x);
            continue;
        };
        let old_at = cite_rule(a, was);
        let old_label = &was.rule.label.value;
        let art_no = |x: &Agreement, p: &Place| x.article_of(p).map(|i| i.number.clone());
        if old_label != label
            && !follows_article(old_label, art_no(a, &was.place), label, art_no(b, &r.place))
        {
            let x = ch(ChangeKind::Renumbered, "Rule")
                .at(old_at.clone(), new_at.clone())
                .values(Some(old_label.clone()), Some(label.clone()));
            c.push(g, party, x);
        }
        if !m.same_article(was.place.article, r.place.article) {
            let x = ch(ChangeKind::Moved, "Rule").at(old_at.clone(), new_at.clone());
            c.push(g, party, x);
        }
        let before = c.out.len();
        let (wa, wb) = (words::rule(&was.rule, &na), words::rule(&r.rule, &nb));
        let (sa, sb) = (
            rule_signature(c.old.file, &was.rule),
            rule_signature(c.new.file, &r.rule),
        );
        if sa != sb {
            let x = ch(ChangeKind::Changed, "Rule conditions")
                .at(old_at.clone(), new_at.clone())
                .values(Some(sa), Some(sb));
            c.push(g, party, x);
        }
        let (ka, kb) = (clauses(&was.rule, &rename), clauses(&r.rule, &same));
        if ka == kb {
            c.attach_words(before, wa, wb);
            continue;
        }
        let written = clauses(&was.rule, &same).overrides;
        let at = (old_at, new_at);
        clause_changes(
            c,
            party,
            &at,
            (&ka, &kb),
            written,
            &rename,
            is_posting(&r.rule),
        );
        c.attach_words(before, wa, wb);
    }
    for (o, r) in a.rules.iter().enumerate() {
        if m.rules.new_of(o).is_none() {
            let party = (!r.rule.target.is_variable()).then_some(r.rule.target.name.as_str());
            let x = ch(ChangeKind::Removed, format!("Rule {}", r.rule.label.value))
                .at(cite_rule(a, r), None)
                .detail(signature_with_criteria(c.old.file, &r.rule))
                .words(Some(words::rule(&r.rule, &na)), None);
            c.push(g, party, x);
        }
    }
}

/// The changes to a rule's clauses (limits, reach, re-posting gap, extension, no-replacement,
/// overrides, criteria) between two matched rules; `written` are the old rule's overrides as the
/// old draft wrote them.
fn clause_changes(
    c: &mut Collector<'_>,
    party: Option<&str>,
    at: &(Option<String>, Option<String>),
    (ka, kb): (&Clauses, &Clauses),
    written: Vec<String>,
    rename: &dyn Fn(&str) -> String,
    posting: bool,
) {
    let g = Group::ApplicableLegislation;
    let dur = |c: &mut Collector<'_>,
               subject: &str,
               x: Option<ast::Duration>,
               y: Option<ast::Duration>| {
        if same_duration(x, y) {
            return;
        }
        let kind = match (x, y) {
            (None, _) => ChangeKind::Added,
            (_, None) => ChangeKind::Removed,
            _ => ChangeKind::Changed,
        };
        let d = ch(kind, subject)
            .at(at.0.clone(), at.1.clone())
            .values(x.map(|d| d.to_string()), y.map(|d| d.to_string()));
        c.push(g, party, d);
    };
    let limit = if posting {
        "Posting limit"
    } else {
        "Time limit"
    };
    dur(c, limit, ka.limit, kb.limit);
    dur(
        c,
        "Limit on the first months",
        ka.limit_first,
        kb.limit_first,
    );
    if ka.reach != kb.reach {
        let text = |r: &[String]| (!r.is_empty()).then(|| r.join("; "));
        let kind = match (ka.reach.is_empty(), kb.reach.is_empty()) {
            (true, _) => ChangeKind::Added,
            (_, true) => ChangeKind::Removed,
            _ => ChangeKind::Changed,
        };
        let d = ch(kind, "Reach of the rule")
            .at(at.0.clone(), at.1.clone())
            .values(text(&ka.reach), text(&kb.reach));
        c.push(g, party, d);
    }
    dur(c, "Re-posting gap", ka.repost_gap, kb.repost_gap);
    let ext_same = match (&ka.extension, &kb.extension) {
        (Some(x), Some(y)) => same_duration(x.0, y.0) && x.1 == y.1,
        (None, None) => true,
        _ => false,
    };
    if !ext_same {
        let kind = match (&ka.extension, &kb.extension) {
            (None, _) => ChangeKind::Added,
            (_, None) => ChangeKind::Removed,
            _ => ChangeKind::Changed,
        };
        let d = ch(kind, "Extension of the posting")
            .at(at.0.clone(), at.1.clone())
            .values(
                ka.extension.as_ref().map(extension_text),
                kb.extension.as_ref().map(extension_text),
            );
        c.push(g, party, d);
    }
    if ka.no_replacement != kb.no_replacement {
        let kind = if kb.no_replacement {
            ChangeKind::Added
        } else {
            ChangeKind::Removed
        };
        let d = ch(kind, "No-replacement condition").at(at.0.clone(), at.1.clone());
        c.push(g, party, d);
    }
    // Overrides are compared in the new draft's spelling; a removed one is shown as the old
    // draft wrote it, so that `diff(B, A)` mirrors `diff(A, B)` exactly.
    let added: Vec<String> = kb
        .overrides
        .iter()
        .filter(|w| !ka.overrides.contains(w))
        .cloned()
        .collect();
    let removed: Vec<String> = written
        .into_iter()
        .filter(|l| !kb.overrides.contains(&rename(l)))
        .collect();
    for w in added {
        let x = ch(ChangeKind::Added, "Rule overrides")
            .at(None, at.1.clone())
            .values(None, Some(w));
        c.push(g, party, x);
    }
    for l in removed {
        let x = ch(ChangeKind::Removed, "Rule overrides")
            .at(at.0.clone(), None)
            .values(Some(l), None);
        c.push(g, party, x);
    }
    let vars: BTreeSet<&String> = ka.criteria.keys().chain(kb.criteria.keys()).collect();
    for v in vars {
        let (x, y) = (ka.criteria.get(v), kb.criteria.get(v));
        if x != y {
            let kind = match (x, y) {
                (None, _) => ChangeKind::Added,
                (_, None) => ChangeKind::Removed,
                _ => ChangeKind::Changed,
            };
            let d = ch(kind, format!("Criterion for {v}"))
                .at(at.0.clone(), at.1.clone())
                .values(x.map(|s| format!("\"{s}\"")), y.map(|s| format!("\"{s}\"")));
            c.push(g, party, d);
        }
    }
}
