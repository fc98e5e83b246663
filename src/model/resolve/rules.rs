//! Applicable-legislation rules: labels, conditions and clauses resolved into the model.

use super::*;

impl Resolver {
    pub(super) fn rule(&mut self, r: &ast::Rule) {
        let mut bound: BTreeSet<String> = BTreeSet::new();
        let mut refs: Vec<&PartyRef> = Vec::new();
        for c in &r.conditions {
            refs.extend(c.kind.party_refs());
            if let ConditionKind::Posted(Some(d), _) = &c.kind {
                self.push(
                    error("P007", "a rule cannot fix the length of a posting", c.span)
                        .label("duration in a rule condition")
                        .help(format!("write `posted` and add the clause `limit {d}`")),
                );
            }
        }
        for p in &refs {
            self.check_party_ref(p);
            if p.is_variable() {
                bound.insert(p.name.clone());
            }
        }
        let mut limits = 0;
        for clause in &r.clauses {
            match &clause.kind {
                ClauseKind::Where { variable, .. } => {
                    bound.insert(variable.name.clone());
                }
                ClauseKind::Branches(bs) => {
                    for b in bs {
                        if Branch::from_key(&b.value).is_none() {
                            self.unknown_branch(&b.value, b.span);
                        }
                    }
                }
                ClauseKind::Limit(d) | ClauseKind::RepostGap(d) if d.amount == 0 => self.push(
                    error("P007", "a zero duration in a rule clause", clause.span)
                        .label("zero duration")
                        .help("write a positive duration such as `24 months`"),
                ),
                ClauseKind::Extension {
                    duration: Some(d), ..
                } if d.amount == 0 => self.push(
                    error("P007", "a zero extension", clause.span)
                        .label("zero duration")
                        .help("remove the extension, or write a positive duration"),
                ),
                _ => {}
            }
            if matches!(clause.kind, ClauseKind::Limit(_)) {
                limits += 1;
                if limits > 1 {
                    self.push(
                        error(
                            "P002",
                            format!("rule {} has two limits", r.label.value),
                            clause.span,
                        )
                        .label("second limit")
                        .help("keep one `limit` clause"),
                    );
                }
            }
        }
        self.check_party_ref(&r.target);
        if r.target.is_variable() && !bound.contains(&r.target.name) {
            self.push(
                error(
                    "P007",
                    format!(
                        "the variable `{}` names no Party in rule {}",
                        r.target.name, r.label.value
                    ),
                    r.target.span,
                )
                .label("unbound variable")
                .help(format!(
                    "use `{}` in a condition (such as `employed in {}`) or add `where {} is \"…\"`",
                    r.target.name, r.target.name, r.target.name
                )),
            );
        }
    }
}
