//! The Parties: their declarations read into [`PartyDecl`]s (codes, schemes, institutions'
//! names, languages, ratifications).

use super::*;

impl Resolver {
    /// The Party blocks: duplicates and codes checked, fields validated and read.
    pub(super) fn parties(&mut self, doc: &Document) {
        let mut seen: HashMap<&str, Span> = HashMap::new();
        for p in &doc.parties {
            if p.code.value.len() < 2 {
                self.push(
                    error(
                        "P007",
                        format!("`{}` cannot name a Party", p.code.value),
                        p.code.span,
                    )
                    .label("single letters are party variables")
                    .help("use a code of two or more letters, such as an ISO 3166 code"),
                );
            }
            if let Some(first) = seen.get(p.code.value.as_str()) {
                self.push(duplicate(
                    "P006",
                    format!("Party `{}` is declared twice", p.code.value),
                    p.code.span,
                    *first,
                    ("declared again here", "first declared here"),
                    "remove one declaration or give the Party another code",
                ));
                continue;
            }
            seen.insert(&p.code.value, p.code.span);
            self.fields(&p.fields, schema::PARTY, &format!("Party {}", p.code.value));
            self.flush_missing(p.code.span);
            let mut decl = PartyDecl {
                code: p.code.clone(),
                name: p.name.clone(),
                competent_authority: None,
                schemes: BTreeSet::new(),
                schemes_span: None,
                institutions: Vec::new(),
                liaison_bodies: Vec::new(),
                sub_national_units: Vec::new(),
                sub_national_branches: BTreeSet::new(),
                period_unit: None,
                official_languages: Vec::new(),
                ratified: Vec::new(),
                ratified_span: None,
                span: p.span,
            };
            for f in &p.fields {
                self.party_field(&mut decl, &p.code.value, f);
            }
            for a in &p.allows {
                self.suppression(a, p.span);
            }
            self.agreement.parties.push(decl);
        }
    }

    /// Institutions, once the material scope is known: `all` in `institution "…": all` means
    /// every branch in the Party's material scope (its schemes when it has no scope line).
    pub(super) fn institutions(&mut self, doc: &Document) {
        for p in &doc.parties {
            let code = &p.code.value;
            let scope = self.agreement.scope_of(code);
            for i in &p.institutions {
                let (all, named): (Vec<&Item>, Vec<&Item>) = i
                    .branches
                    .iter()
                    .partition(|item| item.as_word() == Some("all"));
                let named: Vec<Item> = named.into_iter().cloned().collect();
                let mut branches = self.branch_list(&named, Some(code));
                if !all.is_empty() {
                    if scope.is_empty() {
                        let all: Vec<Item> = all.into_iter().cloned().collect();
                        branches.extend(self.branch_list(&all, Some(code)));
                    } else {
                        branches.extend(scope.iter().copied());
                    }
                }
                let decl = self
                    .agreement
                    .parties
                    .iter_mut()
                    .find(|d| d.code.value == *code);
                if let Some(decl) = decl.filter(|d| d.span == p.span) {
                    decl.institutions.push(InstitutionDecl {
                        name: i.name.clone(),
                        branches,
                        span: i.span,
                    });
                }
            }
        }
    }

    /// One field of a Party block, read into its declaration.
    fn party_field(&mut self, decl: &mut PartyDecl, code: &str, f: &Field) {
        let strings = || -> Vec<Spanned<String>> {
            f.items
                .iter()
                .flat_map(|i| &i.values)
                .filter_map(|v| match &v.kind {
                    ValueKind::Str(s) => Some(Spanned::new(s.clone(), v.span)),
                    _ => None,
                })
                .collect()
        };
        match f.name.value.as_str() {
            "competent-authority" => decl.competent_authority = strings().into_iter().next(),
            "schemes" => {
                decl.schemes = self.branch_list(&f.items, None);
                decl.schemes_span = Some(f.span);
                self.scheme_spans(code, &f.items);
            }
            "liaison-body" => decl.liaison_bodies.extend(strings()),
            "official-languages" => decl.official_languages.extend(f.lowercase_words()),
            "period-unit" => {
                decl.period_unit =
                    f.items
                        .iter()
                        .flat_map(|i| &i.values)
                        .find_map(|v| match &v.kind {
                            ValueKind::Word(w) => Some(Spanned::new(w.clone(), v.span)),
                            _ => None,
                        });
            }
            "sub-national-units" => {
                decl.sub_national_units.extend(strings());
                decl.sub_national_branches.extend(
                    f.items
                        .iter()
                        .flat_map(|i| i.values.iter().skip(1))
                        .filter_map(|v| match &v.kind {
                            ValueKind::Word(w) => Branch::from_key(w),
                            _ => None,
                        }),
                );
            }
            "ratified" => {
                decl.ratified_span = Some(f.span);
                decl.ratified.extend(ratifications(&f.items));
            }
            _ => {}
        }
    }
}

/// The instruments of a `ratified:` field that Pacta knows the ratifications of, each with the
/// branches accepted (`C118 medical-care old-age`).
fn ratifications(items: &[Item]) -> Vec<Ratification> {
    let mut out = Vec::new();
    for item in items {
        let Some(instrument) = item.values.first().and_then(|v| match &v.kind {
            ValueKind::Code(c) | ValueKind::Word(c) => instrument::find(c),
            _ => None,
        }) else {
            continue;
        };
        if instrument.ratifications.is_none() {
            continue;
        }
        let branches = item.values[1..]
            .iter()
            .filter_map(|v| match &v.kind {
                ValueKind::Word(w) => Branch::from_key(w),
                _ => None,
            })
            .collect();
        out.push(Ratification {
            instrument,
            branches,
            span: item_span(item),
        });
    }
    out
}
