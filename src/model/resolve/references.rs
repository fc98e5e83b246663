//! Cross-references (`see:`, `overrides`, citations): every reference names an Article, paragraph
//! or rule that exists.

use super::*;

impl Resolver {
    /// Labels and article numbers used twice (P002), then every reference checked (P003).
    pub(super) fn references(&mut self) {
        let rules = self.agreement.rules.clone();
        let labels = self.rule_labels(&rules);
        let (numbers, tags) = self.article_numbers_and_tags();
        self.unknown_references(&rules, &labels, &numbers, &tags);
    }

    /// The rules' labels, each with its first span; duplicates (P002) reported once per label,
    /// however often it is repeated.
    fn rule_labels(&mut self, rules: &[RuleDecl]) -> BTreeMap<String, Span> {
        let mut labels: BTreeMap<String, Span> = BTreeMap::new();
        let mut again: BTreeMap<String, (Span, usize)> = BTreeMap::new();
        for r in rules {
            let l = &r.rule.label;
            if labels.contains_key(&l.value) {
                again.entry(l.value.clone()).or_insert((l.span, 0)).1 += 1;
            } else {
                labels.insert(l.value.clone(), l.span);
            }
        }
        let mut repeated: Vec<(String, (Span, usize))> = again.into_iter().collect();
        repeated.sort_by_key(|(_, (span, _))| span.start);
        for (label, (span, extra)) in repeated {
            self.push(
                error(
                    "P002",
                    format!("rule {label} is defined {}", times(extra)),
                    span,
                )
                .label("label used again")
                .secondary(labels[&label], "first defined here")
                .help("give each rule its own label"),
            );
        }
        labels
    }

    /// The article numbers and tags, each with its first span; duplicates (P002) reported, an
    /// article number once however often it is repeated.
    fn article_numbers_and_tags(&mut self) -> (BTreeMap<ArticleNo, Span>, BTreeMap<String, Span>) {
        let mut numbers: BTreeMap<ArticleNo, Span> = BTreeMap::new();
        let mut tags: BTreeMap<String, Span> = BTreeMap::new();
        let mut again: BTreeMap<ArticleNo, (Span, usize)> = BTreeMap::new();
        for a in self.agreement.articles.clone() {
            if numbers.contains_key(&a.number) {
                again.entry(a.number.clone()).or_insert((a.head_span, 0)).1 += 1;
            } else {
                numbers.insert(a.number.clone(), a.head_span);
            }
            if let Some(tag) = &a.tag {
                if let Some(first) = tags.get(tag) {
                    self.push(duplicate(
                        "P002",
                        format!("the tag #{tag} is on two articles"),
                        a.head_span,
                        *first,
                        ("tag used again", "first used here"),
                        "a tag names one article; choose another",
                    ));
                } else {
                    tags.insert(tag.clone(), a.head_span);
                }
            }
        }
        // One finding per article number, however often it is repeated.
        let mut again: Vec<(ArticleNo, (Span, usize))> = again.into_iter().collect();
        again.sort_by_key(|(_, (span, _))| span.start);
        for (number, (span, extra)) in again {
            self.push(duplicate(
                "P002",
                format!("article {number} appears {}", times(extra)),
                span,
                numbers[&number],
                ("number used again", "first used here"),
                "renumber one of the articles",
            ));
        }
        (numbers, tags)
    }

    /// References to rules, articles and tags that do not exist (P003): `overrides`, a
    /// scenario's `by`, `see:`.
    fn unknown_references(
        &mut self,
        rules: &[RuleDecl],
        labels: &BTreeMap<String, Span>,
        numbers: &BTreeMap<ArticleNo, Span>,
        tags: &BTreeMap<String, Span>,
    ) {
        let label_names: Vec<String> = labels.keys().cloned().collect();
        let unknown_label = |label: &Spanned<String>, what: &str| {
            let mut d = error(
                "P003",
                format!("{what} names rule {}, which does not exist", label.value),
                label.span,
            )
            .label("no such rule");
            d = match did_you_mean(&label.value, label_names.iter().map(String::as_str)) {
                Some(s) => d.help(format!("did you mean {s}?")),
                None => d.help("check the label against the rules of Part II"),
            };
            d
        };
        let mut found = Vec::new();
        for r in rules {
            for c in &r.rule.clauses {
                if let ClauseKind::Overrides(ls) = &c.kind {
                    for l in ls {
                        if !labels.contains_key(&l.value) {
                            found.push(unknown_label(l, "`overrides`"));
                        } else if l.value == r.rule.label.value {
                            found.push(
                                error("P003", format!("rule {} overrides itself", l.value), l.span)
                                    .label("self-reference")
                                    .help("remove the label from the `overrides` list"),
                            );
                        }
                    }
                }
            }
        }
        for s in &self.agreement.scenarios {
            if let Some(ast::Expectation {
                kind: ExpectKind::Party { by: Some(l), .. },
                ..
            }) = &s.expect
            {
                if !labels.contains_key(&l.value) {
                    found.push(unknown_label(l, "the scenario"));
                }
            }
        }
        // `see:` references: tags and rule labels.
        for p in self
            .agreement
            .provisions
            .iter()
            .filter(|p| p.keyword.value == "see")
        {
            for v in p
                .fields
                .iter()
                .flat_map(|f| &f.items)
                .flat_map(|i| &i.values)
            {
                match &v.kind {
                    ValueKind::Tag(t) if !tags.contains_key(t) => {
                        let mut d = error("P003", format!("no article is tagged #{t}"), v.span)
                            .label("unknown tag");
                        if let Some(s) = did_you_mean(t, tags.keys().map(String::as_str)) {
                            d = d.help(format!("did you mean #{s}?"));
                        } else {
                            d = d.help(
                                "add the tag to the article, as in `article 7 \"…\" #posting`",
                            );
                        }
                        found.push(d);
                    }
                    ValueKind::Label(l)
                        if !labels.contains_key(l)
                            && !ArticleNo::parse(l).is_ok_and(|n| numbers.contains_key(&n)) =>
                    {
                        found.push(unknown_label(&Spanned::new(l.clone(), v.span), "`see`"));
                    }
                    ValueKind::Integer(n)
                        if *n > u32::MAX as u64
                            || !numbers.contains_key(&ArticleNo::plain(*n as u32)) =>
                    {
                        found.push(
                            error("P003", format!("there is no article {n}"), v.span)
                                .label("unknown article")
                                .help("check the article number"),
                        );
                    }
                    _ => {}
                }
            }
        }
        self.diags.extend(found);
    }
}

/// How often something appears, from the number of repeats: "twice", "3 times".
fn times(extra: usize) -> String {
    match extra {
        1 => "twice".to_string(),
        n => format!("{} times", n + 1),
    }
}
