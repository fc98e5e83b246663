//! Fields against their schema (`model::schema`): required and unknown fields, and each value
//! of the kind its field takes (branches, Party codes, dates, durations, words from a closed list).

use super::*;

impl Resolver {
    /// Validate fields against a schema: unknown fields (P001), repeated fields (P002), values (P007),
    /// branches (P005), Parties (P004), required fields (P007).
    pub(super) fn fields(&mut self, fields: &[Field], specs: &'static [FieldSpec], owner: &str) {
        let mut seen: HashMap<&str, Span> = HashMap::new();
        for f in fields {
            let name = f.name.value.as_str();
            let Some(spec) = schema::find(specs, name) else {
                let mut d = error(
                    "P001",
                    format!("unknown field `{name}` in {owner}"),
                    f.name.span,
                )
                .label("unknown field");
                d = match did_you_mean(name, specs.iter().map(|s| s.name)) {
                    Some(s) => d.help(format!("did you mean `{s}`?")),
                    None => d.help(format!(
                        "the fields of {owner} are {}",
                        specs
                            .iter()
                            .map(|s| format!("`{}`", s.name))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )),
                };
                self.push(d);
                continue;
            };
            if let Some(first) = seen.get(name) {
                self.push(duplicate(
                    "P002",
                    format!("field `{name}` is given twice in {owner}"),
                    f.name.span,
                    *first,
                    ("given again here", "first given here"),
                    "merge the two lists into one field",
                ));
            }
            seen.insert(name, f.name.span);
            self.values(&f.items, spec.values, name);
        }
        for spec in specs.iter().filter(|s| s.required) {
            if !fields.iter().any(|f| f.name.value == spec.name) {
                self.missing.push((spec.name, owner.to_string()));
            }
        }
    }

    pub(super) fn values(&mut self, items: &[Item], values: Values, field: &str) {
        for item in items {
            let Some(first) = item.values.first() else {
                continue;
            };
            match values {
                Values::Free => {}
                Values::Strings => {
                    for v in &item.values {
                        if !matches!(v.kind, ValueKind::Str(_)) {
                            self.invalid(v.span, field, "a string in double quotes", None);
                        }
                    }
                }
                Values::Date => match &first.kind {
                    ValueKind::Date(d) if valid_date(d) => {}
                    ValueKind::Date(d) => self.push(
                        error("P007", format!("`{d}` is not a calendar date"), first.span)
                            .label("no such date")
                            .help("write the date as YYYY-MM-DD with a real month and day"),
                    ),
                    _ => self.invalid(first.span, field, "a date such as `2026-05-01`", None),
                },
                Values::Branches => {
                    self.branch_list(std::slice::from_ref(item), None);
                }
                Values::Instruments => {
                    for v in &item.values {
                        match &v.kind {
                            ValueKind::Code(c) | ValueKind::Word(c)
                                if instrument::find(c).is_some() => {}
                            other => {
                                let text = match other {
                                    ValueKind::Code(c) | ValueKind::Word(c) => c.clone(),
                                    o => o.describe(),
                                };
                                let mut d =
                                    error("P007", format!("unknown instrument `{text}`"), v.span)
                                        .label("not an ILO instrument Pacta knows");
                                d = match did_you_mean(&text, instrument::codes()) {
                                    Some(s) => d.help(format!("did you mean `{s}`?")),
                                    None => d.help(format!(
                                        "the instruments are {}",
                                        instrument::codes().collect::<Vec<_>>().join(", ")
                                    )),
                                };
                                self.push(d);
                            }
                        }
                    }
                }
                Values::Ratifications => {
                    let instrument = match &first.kind {
                        ValueKind::Code(c) | ValueKind::Word(c) => instrument::find(c),
                        _ => None,
                    };
                    match instrument {
                        Some(i) if i.ratifications.is_none() => self.push(
                            error(
                                "P007",
                                format!("{} is a Recommendation: it cannot be ratified", i.code),
                                first.span,
                            )
                            .label("not a Convention")
                            .help("name the Conventions the Party has ratified; write the Recommendations the agreement follows in `conforms-to:`"),
                        ),
                        Some(i) => {
                            let per_branch = matches!(i.code, "C118" | "C102");
                            for v in &item.values[1..] {
                                match &v.kind {
                                    ValueKind::Word(w) if per_branch => {
                                        if Branch::from_key(w).is_none() {
                                            let w = w.clone();
                                            self.unknown_branch(&w, v.span);
                                        }
                                    }
                                    _ => self.invalid(
                                        v.span,
                                        field,
                                        "branches, after C118 or C102 only (`C118 old-age survivors`)",
                                        None,
                                    ),
                                }
                            }
                        }
                        None => {
                            let text = match &first.kind {
                                ValueKind::Code(c) | ValueKind::Word(c) => c.clone(),
                                o => o.describe(),
                            };
                            let mut d = error("P007", format!("unknown instrument `{text}`"), first.span)
                                .label("not an ILO Convention Pacta knows");
                            if let Some(s) = did_you_mean(&text, instrument::codes()) {
                                d = d.help(format!("did you mean `{s}`?"));
                            }
                            self.push(d);
                        }
                    }
                }
                Values::Duration => match first.kind {
                    ValueKind::Duration(d) if d.amount > 0 => {}
                    ValueKind::Duration(_) => self.push(
                        error(
                            "P007",
                            format!("`{field}` must be longer than zero"),
                            first.span,
                        )
                        .label("zero duration")
                        .help("write a positive duration such as `12 months`"),
                    ),
                    ValueKind::Integer(n) => self.push(unitless(n, first.span)),
                    _ => self.invalid(first.span, field, "a duration such as `12 months`", None),
                },
                Values::YesNo => self.words_in(item, &["yes", "no"], field),
                Values::Words(allowed) => self.words_in(item, allowed, field),
                Values::WordsOrDuration(allowed) => match first.kind {
                    ValueKind::Duration(_) => {}
                    ValueKind::Integer(n) => self.push(unitless(n, first.span)),
                    _ => self.words_in(item, allowed, field),
                },
                Values::PartiesOr(allowed) => match &first.kind {
                    ValueKind::Code(c) => {
                        let c = c.clone();
                        self.check_party_code(&c, first.span);
                    }
                    _ => self.words_in(item, allowed, field),
                },
                Values::BranchPhrases => match &first.kind {
                    ValueKind::Word(w) if w == "all" || Branch::from_key(w).is_some() => {}
                    ValueKind::Word(w) => {
                        let w = w.clone();
                        self.unknown_branch(&w, first.span);
                    }
                    _ => self.invalid(
                        first.span,
                        field,
                        "a branch followed by a value, such as `old-age 10 years`",
                        None,
                    ),
                },
                Values::PartyPhrases => match &first.kind {
                    ValueKind::Code(c) => {
                        let c = c.clone();
                        self.check_party_code(&c, first.span);
                    }
                    _ => self.invalid(
                        first.span,
                        field,
                        "a Party code followed by a value, such as `US 6 quarters`",
                        None,
                    ),
                },
                Values::References => {}
            }
        }
    }

    pub(super) fn words_in(&mut self, item: &Item, allowed: &[&str], field: &str) {
        let Some(first) = item.values.first() else {
            return;
        };
        let word = match &first.kind {
            ValueKind::Word(w) => w.as_str(),
            _ => {
                let list = allowed
                    .iter()
                    .map(|w| format!("`{w}`"))
                    .collect::<Vec<_>>()
                    .join(", ");
                self.invalid(first.span, field, &format!("one of {list}"), None);
                return;
            }
        };
        if !allowed.contains(&word) {
            let suggestion = did_you_mean(word, allowed.iter().copied());
            let list = allowed
                .iter()
                .map(|w| format!("`{w}`"))
                .collect::<Vec<_>>()
                .join(", ");
            self.invalid(first.span, field, &format!("one of {list}"), suggestion);
        } else if item.values.len() > 1 {
            let extra = &item.values[1];
            self.push(
                error(
                    "P007",
                    format!("unexpected {} after `{word}`", extra.kind.describe()),
                    extra.span,
                )
                .label("extra value")
                .help("separate values with commas"),
            );
        }
    }

    pub(super) fn invalid(
        &mut self,
        span: Span,
        field: &str,
        expected: &str,
        suggestion: Option<&str>,
    ) {
        let mut d =
            error("P007", format!("invalid value for `{field}`"), span).label("not accepted here");
        d = match suggestion {
            Some(s) => d.help(format!("did you mean `{s}`?")),
            None => d.help(format!("write {expected}")),
        };
        self.push(d);
    }
}

/// P007 for a number written where a duration is expected.
pub(super) fn unitless(n: u64, span: Span) -> Diagnostic {
    error("P007", format!("the duration `{n}` has no unit"), span)
        .label("unit missing")
        .help(format!(
            "write the unit, such as `{n} months` or `{n} years`"
        ))
}

/// Whether `YYYY-MM-DD` names a real calendar day.
pub(super) fn valid_date(d: &str) -> bool {
    let parts: Vec<u32> = d.split('-').filter_map(|p| p.parse().ok()).collect();
    let [y, m, day] = parts.as_slice() else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(day)
}
