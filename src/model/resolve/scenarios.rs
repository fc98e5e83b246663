//! Scenarios: each situation and its expected outcome resolved against the Parties and rules.

use super::*;

impl Resolver {
    pub(super) fn scenarios(&mut self, doc: &Document) {
        let mut names: HashMap<&str, Span> = HashMap::new();
        for s in &doc.scenarios {
            if let Some(first) = names.get(s.name.value.as_str()) {
                self.push(duplicate(
                    "P002",
                    format!("two scenarios are named \"{}\"", s.name.value),
                    s.name.span,
                    *first,
                    ("same name again", "first used here"),
                    "give each scenario its own name",
                ));
            }
            names.insert(&s.name.value, s.name.span);
            for a in &s.allows {
                self.suppression(a, s.span);
            }
            if let Some(sit) = &s.situation {
                for c in &sit.conditions {
                    if let Some(span) = c.kind.several() {
                        self.push(
                            error("P007", "a situation names its places of work", span)
                                .label("`several` in a situation")
                                .help("name the Parties, such as `employed in XA and XB`"),
                        );
                    }
                    for r in c.kind.party_refs() {
                        if r.is_variable() {
                            self.push(
                                error(
                                    "P007",
                                    format!(
                                        "a situation names Parties, not variables: `{}`",
                                        r.name
                                    ),
                                    r.span,
                                )
                                .label("variable in a situation")
                                .help("write the Party's code, such as `XA`"),
                            );
                        } else {
                            self.check_party_code(&r.name, r.span);
                        }
                    }
                }
            }
            for b in s.branches.iter().flat_map(|b| &b.value) {
                if Branch::from_key(&b.value).is_none() {
                    self.unknown_branch(&b.value, b.span);
                }
            }
            if let Some(e) = &s.expect {
                if let ExpectKind::Party { party, .. } = &e.kind {
                    self.check_party_ref(party);
                }
            }
            self.agreement.scenarios.push(s.clone());
        }
    }
}
