//! The body: Parts, chapters and Articles in order, each provision resolved into the model, and
//! the suppressions (`allow`) with the region they cover.

use super::*;

impl Resolver {
    pub(super) fn body(&mut self, doc: &Document) {
        for division in &doc.body {
            match division {
                Division::Part(part) => {
                    for item in &part.items {
                        match item {
                            PartItem::Chapter(c) => {
                                for a in &c.allows {
                                    self.suppression(a, c.span);
                                }
                                for a in &c.articles {
                                    self.article(a, Some(part), Some(c.number.value));
                                }
                            }
                            PartItem::Article(a) => self.article(a, Some(part), None),
                            PartItem::Allow(a) => self.suppression(a, part.span),
                            PartItem::Text(_) => {}
                        }
                    }
                }
                Division::Article(a) => self.article(a, None, None),
            }
        }
    }

    pub(super) fn article(
        &mut self,
        a: &ast::Article,
        part: Option<&ast::Part>,
        chapter: Option<u32>,
    ) {
        let index = self.agreement.articles.len();
        let head_end = a
            .tag
            .as_ref()
            .map(|t| t.span.end)
            .or(a.title.as_ref().map(|t| t.span.end))
            .unwrap_or(a.number.span.end);
        let mut info = ArticleInfo {
            number: a.number.value.clone(),
            title: a.title.as_ref().map(|t| t.value.clone()),
            tag: a.tag.as_ref().map(|t| t.value.clone()),
            part: part.map(|p| p.number.value.clone()),
            part_title: part.and_then(|p| p.title.as_ref().map(|t| t.value.clone())),
            chapter,
            span: a.span,
            head_span: Span::new(a.span.start, head_end),
            texts: Vec::new(),
            prose: Vec::new(),
        };
        let mut ordinal = 0;
        let mut paragraphs: HashMap<String, Span> = HashMap::new();
        for item in &a.items {
            match item {
                ArticleItem::Provision(p) => {
                    ordinal += 1;
                    let place = Place {
                        article: Some(index),
                        paragraph: None,
                        ordinal,
                    };
                    self.provision(p, place, &mut info, a.span);
                }
                ArticleItem::Paragraph(para) => {
                    if let Some(first) = paragraphs.get(&para.label.value) {
                        self.push(duplicate(
                            "P002",
                            format!(
                                "paragraph {} appears twice in article {}",
                                para.label.value, a.number.value
                            ),
                            para.label.span,
                            *first,
                            ("duplicate paragraph", "first numbered here"),
                            "renumber the paragraphs",
                        ));
                    }
                    paragraphs.insert(para.label.value.clone(), para.label.span);
                    for p in &para.provisions {
                        ordinal += 1;
                        let place = Place {
                            article: Some(index),
                            paragraph: Some(para.label.value.clone()),
                            ordinal,
                        };
                        self.provision(p, place, &mut info, a.span);
                    }
                }
            }
        }
        self.agreement.articles.push(info);
    }

    pub(super) fn provision(
        &mut self,
        p: &ast::Provision,
        place: Place,
        info: &mut ArticleInfo,
        article_span: Span,
    ) {
        match p {
            ast::Provision::Rule(r) => {
                self.rule(r);
                self.agreement.rules.push(RuleDecl {
                    rule: r.clone(),
                    place,
                });
            }
            ast::Provision::Text(t) => {
                info.texts.push(t.text.clone());
                info.prose.push(Prose {
                    lang: t.lang.as_ref().map(|l| l.value.to_lowercase()),
                    text: t.text.clone(),
                    span: t.span,
                    paragraph: place.paragraph.clone(),
                });
            }
            ast::Provision::Allow(a) => self.suppression(a, article_span),
            ast::Provision::Define(d) => self.agreement.definitions.push(Definition {
                term: d.term.clone(),
                meaning: d.meaning.clone(),
                span: d.span,
                place,
            }),
            ast::Provision::Scope(s) => self.scope_line(s, place),
            ast::Provision::Benefit(b) => {
                let branch = match Branch::from_key(&b.branch.value) {
                    Some(br) => Some(br),
                    None => {
                        self.unknown_branch(&b.branch.value.clone(), b.branch.span);
                        None
                    }
                };
                self.fields(
                    &b.fields,
                    schema::BENEFIT,
                    &format!("`benefit {}`", b.branch.value),
                );
                self.flush_missing(b.branch.span);
                if let Some(branch) = branch {
                    self.agreement.provisions.push(Provision {
                        keyword: Spanned::new("benefit".to_string(), b.branch.span),
                        branch: Some(branch),
                        fields: b.fields.clone(),
                        span: b.span,
                        place,
                    });
                }
            }
            ast::Provision::Block(b) => {
                if let Some(specs) = schema::block_fields(&b.keyword.value) {
                    self.fields(&b.fields, specs, &format!("`{}`", b.keyword.value));
                    self.flush_missing(b.keyword.span);
                }
                self.agreement.provisions.push(Provision {
                    keyword: b.keyword.clone(),
                    branch: None,
                    fields: b.fields.clone(),
                    span: b.span,
                    place,
                });
            }
            ast::Provision::Line(l) => {
                let values = schema::line_values(&l.keyword.value);
                self.values(&l.items, values, &l.keyword.value);
                let field = Field {
                    name: l.keyword.clone(),
                    items: l.items.clone(),
                    span: l.span,
                };
                self.agreement.provisions.push(Provision {
                    keyword: l.keyword.clone(),
                    branch: None,
                    fields: vec![field],
                    span: l.span,
                    place,
                });
            }
        }
    }

    pub(super) fn flush_missing(&mut self, span: Span) {
        for (name, owner) in std::mem::take(&mut self.missing) {
            self.push(
                error("P007", format!("{owner} has no `{name}` field"), span)
                    .label(format!("`{name}` missing"))
                    .help(format!("add `{name}: …`")),
            );
        }
    }

    pub(super) fn suppression(&mut self, a: &ast::Allow, region: Span) {
        let code = registry::resolve_code(&a.check.value);
        if code.is_none() {
            let mut d = error(
                "P007",
                format!("`{}` is not a check code or name", a.check.value),
                a.check.span,
            )
            .label("unknown check");
            d = match did_you_mean(&a.check.value, registry::codes_and_names()) {
                Some(s) => d.help(format!("did you mean `{s}`?")),
                None => d.help("write a code from `pacta explain`, such as `P303`"),
            };
            self.push(d);
        }
        if a.reason.value.trim().is_empty() {
            self.push(
                error("P007", "a suppression needs a reason", a.reason.span)
                    .label("empty reason")
                    .help("say why the Parties accept this finding, e.g. \"left open until the 2027 round\""),
            );
        }
        self.agreement.suppressions.push(Suppression {
            code,
            check: a.check.clone(),
            reason: a.reason.clone(),
            span: a.span,
            region,
        });
    }
}
