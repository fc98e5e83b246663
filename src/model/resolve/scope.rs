//! `scope` lines: the material scope, Party by Party, with the coverage bases of each law.

use super::*;

impl Resolver {
    /// A `scope` line: its Party, its branches (those for the applicable legislation only split
    /// off) and its coverage bases.
    pub(super) fn scope_line(&mut self, s: &ast::Scope, place: Place) {
        let code = s.party.value.clone();
        self.check_party_code(&code, s.party.span);
        let (items, only_items) = self.scope_items(s);
        let branches = self.branch_list(&items, Some(&code));
        let legislation_only = self.branch_list(&only_items, Some(&code));
        let bases = self.coverage_bases(s);
        self.agreement.scopes.push(ScopeEntry {
            party: s.party.clone(),
            law: s.law.clone(),
            residence_based: bases
                .iter()
                .any(|b| matches!(b, Basis::Residence | Basis::ResidentsOnly)),
            bases,
            branches,
            legislation_only,
            span: s.span,
            place,
        });
    }

    /// The branch items of a scope line, and those of them marked `applicable-legislation-only`
    /// (the modifier split off the item); anything else after a branch is a P007.
    fn scope_items(&mut self, s: &ast::Scope) -> (Vec<Item>, Vec<Item>) {
        let mut items = Vec::new();
        let mut only_items = Vec::new();
        for item in &s.branches {
            match item.values.as_slice() {
                [b, m] if matches!(&m.kind, ValueKind::Word(w) if w == "applicable-legislation-only") =>
                {
                    let one = Item {
                        values: vec![b.clone()],
                        span: b.span,
                    };
                    only_items.push(one.clone());
                    items.push(one);
                }
                values if super::spaced_branch(values).is_some() => items.push(item.clone()),
                [_, extra, ..] => {
                    let text = extra.kind.describe();
                    self.push(
                        error("P007", format!("unexpected {text} after a branch"), extra.span)
                            .label("not a branch modifier")
                            .help("separate branches with commas; the only modifier is `applicable-legislation-only`"),
                    );
                    items.push(Item {
                        values: vec![item.values[0].clone()],
                        span: item.span,
                    });
                }
                _ => items.push(item.clone()),
            }
        }
        (items, only_items)
    }

    /// The coverage bases of a scope line, each once; an unknown one is a P007.
    fn coverage_bases(&mut self, s: &ast::Scope) -> Vec<Basis> {
        let mut bases = Vec::new();
        for b in &s.bases {
            match Basis::from_key(&b.value) {
                Some(x) if !bases.contains(&x) => bases.push(x),
                Some(_) => {}
                None => {
                    let keys: Vec<&str> = BASES.iter().map(|(k, _, _)| *k).collect();
                    let mut d = error(
                        "P007",
                        format!("unknown coverage basis `{}`", b.value),
                        b.span,
                    )
                    .label("not a coverage basis");
                    d = match did_you_mean(&b.value, keys.iter().copied()) {
                        Some(k) => d.help(format!("did you mean `{k}`?")),
                        None => d.help(format!("the coverage bases are {}", keys.join(", "))),
                    };
                    self.push(d);
                }
            }
        }
        bases
    }
}
