//! Lowering: pest pairs → typed AST, in one place. The grammar guarantees the shape of each pair;
//! where a pair is not what the grammar promises, lowering records an internal P001 instead of
//! panicking.

use super::parser::Rule;
use super::prose::dedent;
use super::span_of;
use crate::ast::*;
use crate::diag::{Diagnostic, Severity};
use crate::numbering::ArticleNo;
use crate::span::{Span, Spanned};
use pest::iterators::{Pair, Pairs};

pub(super) struct Lowering<'s> {
    #[allow(dead_code)]
    source: &'s str,
    diags: Vec<Diagnostic>,
}

type P<'s> = Pair<'s, Rule>;

impl<'s> Lowering<'s> {
    pub(super) fn new(source: &'s str) -> Self {
        Lowering {
            source,
            diags: Vec::new(),
        }
    }

    pub(super) fn finish(self) -> Vec<Diagnostic> {
        self.diags
    }

    fn internal(&mut self, span: Span, what: &str) {
        self.diags.push(
            Diagnostic::new(
                "P001",
                Severity::Error,
                format!("could not read {what}"),
                span,
            )
            .label("not understood here")
            .note("this is a defect in Pacta itself; please report it with the file"),
        );
    }

    fn ident(&self, pair: &P<'s>) -> Ident {
        Spanned::new(pair.as_str().to_string(), span_of(pair))
    }

    fn party_ref(&self, pair: &P<'s>) -> PartyRef {
        PartyRef {
            name: pair.as_str().to_string(),
            span: span_of(pair),
        }
    }

    /// A string literal, unescaped; spans cover the quotes.
    fn string(&mut self, pair: &P<'s>) -> Ident {
        let inner = pair.clone().into_inner().next();
        let body = inner.as_ref().map(|b| b.as_str()).unwrap_or("");
        if let Some(start) = inner.as_ref().map(|b| b.as_span().start()) {
            if let Some(d) = unknown_escape(body, start) {
                self.diags.push(d);
            }
        }
        Spanned::new(unescape(body), span_of(pair))
    }

    fn number(&mut self, pair: &P<'s>) -> Spanned<u32> {
        let span = span_of(pair);
        match pair.as_str().parse::<u32>() {
            Ok(n) => Spanned::new(n, span),
            Err(_) => {
                self.diags.push(
                    Diagnostic::new("P007", Severity::Error, "number too large", span)
                        .label("not a usable number")
                        .help("use a number below 4294967296"),
                );
                Spanned::new(0, span)
            }
        }
    }

    /// An article number as signed; a malformed one (`2er`, `IIII`, `5xyz`) is a P007 and reads as 0.
    fn article_number(&mut self, pair: &P<'s>) -> Spanned<ArticleNo> {
        let span = span_of(pair);
        match ArticleNo::parse(pair.as_str()) {
            Ok(n) => Spanned::new(n, span),
            Err(message) => {
                self.diags.push(
                    Diagnostic::new("P007", Severity::Error, message, span)
                        .label("not an article number")
                        .help(
                            "number articles as signed: `7`, `5bis`, `5a`, `1er` or a Roman number such as `IV`",
                        ),
                );
                // The number as written is kept, so that later findings quote it; its value
                // (0) is never judged (P008 skips a number that does not parse).
                let written = ArticleNo {
                    text: pair.as_str().to_string(),
                    ..ArticleNo::default()
                };
                Spanned::new(written, span)
            }
        }
    }

    fn duration(&mut self, pair: &P<'s>) -> Duration {
        let text = pair.as_str();
        let digits: String = text.chars().take_while(|c| c.is_ascii_digit()).collect();
        let unit_text = text[digits.len()..].trim();
        let amount = match digits.parse::<u64>() {
            Ok(n) if n <= 100_000 => n,
            _ => {
                self.diags.push(
                    Diagnostic::new("P007", Severity::Error, "duration too long", span_of(pair))
                        .label("not a usable duration")
                        .help("write a duration of at most 100000 units"),
                );
                0
            }
        };
        let unit = match unit_text.trim_end_matches('s') {
            "day" => Unit::Day,
            "week" => Unit::Week,
            "month" => Unit::Month,
            "quarter" => Unit::Quarter,
            _ => Unit::Year,
        };
        Duration { amount, unit }
    }

    // ───────────────────────────── file ─────────────────────────────

    pub(super) fn file(&mut self, pair: P<'s>) -> Document {
        let mut doc = Document {
            span: span_of(&pair),
            ..Document::default()
        };
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::agreement => {
                    let h = self.header(p);
                    if doc.header.is_none() {
                        doc.header = Some(h);
                    } else {
                        self.diags.push(
                            Diagnostic::new(
                                "P002",
                                Severity::Error,
                                "a second agreement header",
                                h.span,
                            )
                            .label("second header")
                            .help("a file holds one agreement; merge the two headers"),
                        );
                    }
                }
                Rule::party => {
                    let party = self.party(p);
                    doc.parties.push(party);
                }
                Rule::part => {
                    let part = self.part(p);
                    doc.body.push(Division::Part(part));
                }
                Rule::article => {
                    let article = self.article(p);
                    doc.body.push(Division::Article(article));
                }
                Rule::scenario => {
                    let s = self.scenario(p);
                    doc.scenarios.push(s);
                }
                Rule::EOI => {}
                _ => self.internal(span_of(&p), "a top-level item"),
            }
        }
        doc
    }

    fn header(&mut self, pair: P<'s>) -> Header {
        let span = span_of(&pair);
        let mut inner = pair.into_inner();
        let title = match inner.next() {
            Some(t) => self.string(&t),
            None => Spanned::new(String::new(), span),
        };
        let mut h = Header {
            title,
            fields: Vec::new(),
            texts: Vec::new(),
            allows: Vec::new(),
            span,
        };
        for p in inner {
            match p.as_rule() {
                Rule::field => {
                    let f = self.field(p);
                    h.fields.push(f);
                }
                Rule::text => {
                    let t = self.text(p);
                    h.texts.push(t);
                }
                Rule::allow => {
                    let a = self.allow(p);
                    h.allows.push(a);
                }
                _ => self.internal(span_of(&p), "the agreement header"),
            }
        }
        h
    }

    fn party(&mut self, pair: P<'s>) -> Party {
        let span = span_of(&pair);
        let mut inner = pair.into_inner();
        let code = inner
            .next()
            .map(|p| self.ident(&p))
            .unwrap_or_else(|| Spanned::new(String::new(), span));
        let name = match inner.next() {
            Some(p) => self.string(&p),
            None => Spanned::new(String::new(), span),
        };
        let mut party = Party {
            code,
            name,
            fields: Vec::new(),
            institutions: Vec::new(),
            allows: Vec::new(),
            span,
        };
        for p in inner {
            match p.as_rule() {
                Rule::field => {
                    let f = self.field(p);
                    party.fields.push(f);
                }
                Rule::institution => {
                    let i = self.institution(p);
                    party.institutions.push(i);
                }
                Rule::allow => {
                    let a = self.allow(p);
                    party.allows.push(a);
                }
                _ => self.internal(span_of(&p), "a Party"),
            }
        }
        party
    }

    fn institution(&mut self, pair: P<'s>) -> Institution {
        let span = span_of(&pair);
        let mut name = Spanned::new(String::new(), span);
        let mut branches = Vec::new();
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::string => name = self.string(&p),
                Rule::list => branches = self.list(p),
                _ => self.internal(span_of(&p), "an institution"),
            }
        }
        Institution {
            name,
            branches,
            span,
        }
    }

    fn part(&mut self, pair: P<'s>) -> Part {
        let span = span_of(&pair);
        let mut part = Part {
            number: Spanned::new(String::new(), span),
            title: None,
            items: Vec::new(),
            span,
        };
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::roman => part.number = self.ident(&p),
                Rule::string => part.title = Some(self.string(&p)),
                Rule::chapter => {
                    let c = self.chapter(p);
                    part.items.push(PartItem::Chapter(c));
                }
                Rule::article => {
                    let a = self.article(p);
                    part.items.push(PartItem::Article(a));
                }
                Rule::text => {
                    let t = self.text(p);
                    part.items.push(PartItem::Text(t));
                }
                Rule::allow => {
                    let a = self.allow(p);
                    part.items.push(PartItem::Allow(a));
                }
                _ => self.internal(span_of(&p), "a Part"),
            }
        }
        part
    }

    fn chapter(&mut self, pair: P<'s>) -> Chapter {
        let span = span_of(&pair);
        let mut c = Chapter {
            number: Spanned::new(0, span),
            title: None,
            articles: Vec::new(),
            texts: Vec::new(),
            allows: Vec::new(),
            span,
        };
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::number => c.number = self.number(&p),
                Rule::string => c.title = Some(self.string(&p)),
                Rule::article => {
                    let a = self.article(p);
                    c.articles.push(a);
                }
                Rule::text => {
                    let t = self.text(p);
                    c.texts.push(t);
                }
                Rule::allow => {
                    let a = self.allow(p);
                    c.allows.push(a);
                }
                _ => self.internal(span_of(&p), "a chapter"),
            }
        }
        c
    }

    pub(crate) fn article(&mut self, pair: P<'s>) -> Article {
        let span = span_of(&pair);
        let mut a = Article {
            number: Spanned::new(ArticleNo::default(), span),
            title: None,
            tag: None,
            items: Vec::new(),
            span,
        };
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::article_number => a.number = self.article_number(&p),
                Rule::string => a.title = Some(self.string(&p)),
                Rule::tag => {
                    let t = self.ident(&p);
                    a.tag = Some(Spanned::new(
                        t.value.trim_start_matches('#').to_string(),
                        t.span,
                    ));
                }
                Rule::paragraph => {
                    let para = self.paragraph(p);
                    a.items.push(ArticleItem::Paragraph(para));
                }
                _ => {
                    if let Some(prov) = self.provision(p) {
                        a.items.push(ArticleItem::Provision(prov));
                    }
                }
            }
        }
        a
    }

    fn paragraph(&mut self, pair: P<'s>) -> Paragraph {
        let span = span_of(&pair);
        let mut para = Paragraph {
            label: Spanned::new(String::new(), span),
            provisions: Vec::new(),
            span,
        };
        for p in pair.into_inner() {
            if p.as_rule() == Rule::label {
                para.label = self.ident(&p);
            } else if let Some(prov) = self.provision(p) {
                para.provisions.push(prov);
            }
        }
        para
    }

    fn provision(&mut self, p: P<'s>) -> Option<Provision> {
        Some(match p.as_rule() {
            Rule::rule => Provision::Rule(self.rule(p)),
            Rule::text => Provision::Text(self.text(p)),
            Rule::allow => Provision::Allow(self.allow(p)),
            Rule::define => {
                let span = span_of(&p);
                let mut inner = p.into_inner();
                let term = inner
                    .next()
                    .map(|x| self.string(&x))
                    .unwrap_or_else(|| Spanned::new(String::new(), span));
                let meaning = inner
                    .next()
                    .map(|x| self.string(&x))
                    .unwrap_or_else(|| Spanned::new(String::new(), span));
                Provision::Define(Define {
                    term,
                    meaning,
                    span,
                })
            }
            Rule::scope => {
                let span = span_of(&p);
                let mut s = Scope {
                    party: Spanned::new(String::new(), span),
                    law: Spanned::new(String::new(), span),
                    bases: Vec::new(),
                    branches: Vec::new(),
                    span,
                };
                for x in p.into_inner() {
                    match x.as_rule() {
                        Rule::party_ref => s.party = self.ident(&x),
                        Rule::string => s.law = self.string(&x),
                        Rule::scope_basis => s.bases.push(self.ident(&x)),
                        Rule::list => s.branches = self.list(x),
                        _ => self.internal(span_of(&x), "a scope line"),
                    }
                }
                Provision::Scope(s)
            }
            Rule::benefit => {
                let span = span_of(&p);
                let mut b = Benefit {
                    branch: Spanned::new(String::new(), span),
                    fields: Vec::new(),
                    span,
                };
                for x in p.into_inner() {
                    match x.as_rule() {
                        Rule::word => b.branch = self.ident(&x),
                        Rule::field => {
                            let f = self.field(x);
                            b.fields.push(f);
                        }
                        _ => self.internal(span_of(&x), "a branch provision"),
                    }
                }
                Provision::Benefit(b)
            }
            Rule::block => {
                let span = span_of(&p);
                let mut b = Block {
                    keyword: Spanned::new(String::new(), span),
                    fields: Vec::new(),
                    span,
                };
                for x in p.into_inner() {
                    match x.as_rule() {
                        Rule::block_keyword => b.keyword = self.ident(&x),
                        Rule::field => {
                            let f = self.field(x);
                            b.fields.push(f);
                        }
                        _ => self.internal(span_of(&x), "a block"),
                    }
                }
                Provision::Block(b)
            }
            Rule::line => {
                let span = span_of(&p);
                let mut l = Line {
                    keyword: Spanned::new(String::new(), span),
                    items: Vec::new(),
                    span,
                };
                for x in p.into_inner() {
                    match x.as_rule() {
                        Rule::line_keyword => l.keyword = self.ident(&x),
                        Rule::list => l.items = self.list(x),
                        _ => self.internal(span_of(&x), "a line provision"),
                    }
                }
                Provision::Line(l)
            }
            _ => {
                self.internal(span_of(&p), "a provision");
                return None;
            }
        })
    }

    fn text(&mut self, pair: P<'s>) -> Text {
        let span = span_of(&pair);
        let mut inner = pair.into_inner().peekable();
        let lang = inner
            .next_if(|p| p.as_rule() == Rule::language)
            .map(|p| Spanned::new(p.as_str().to_string(), span_of(&p)));
        let text = match inner.next() {
            Some(p) if p.as_rule() == Rule::prose => {
                dedent(p.into_inner().next().map(|b| b.as_str()).unwrap_or(""))
            }
            Some(p) => self.string(&p).value,
            None => String::new(),
        };
        Text { lang, text, span }
    }

    fn allow(&mut self, pair: P<'s>) -> Allow {
        let span = span_of(&pair);
        let mut inner = pair.into_inner();
        let check = inner
            .next()
            .map(|p| self.ident(&p))
            .unwrap_or_else(|| Spanned::new(String::new(), span));
        let reason = inner
            .next()
            .map(|p| self.string(&p))
            .unwrap_or_else(|| Spanned::new(String::new(), span));
        Allow {
            check,
            reason,
            span,
        }
    }

    fn field(&mut self, pair: P<'s>) -> Field {
        let span = span_of(&pair);
        let mut f = Field {
            name: Spanned::new(String::new(), span),
            items: Vec::new(),
            span,
        };
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::field_name => f.name = self.ident(&p),
                Rule::list => f.items = self.list(p),
                _ => self.internal(span_of(&p), "a field"),
            }
        }
        f
    }

    pub(super) fn list(&mut self, pair: P<'s>) -> Vec<Item> {
        pair.into_inner().map(|item| self.item(item)).collect()
    }

    fn item(&mut self, pair: P<'s>) -> Item {
        let span = span_of(&pair);
        let values = pair.into_inner().map(|v| self.value(v)).collect();
        Item { values, span }
    }

    fn value(&mut self, p: P<'s>) -> Value {
        let span = span_of(&p);
        let text = p.as_str();
        let kind = match p.as_rule() {
            Rule::word => ValueKind::Word(text.to_string()),
            Rule::code => ValueKind::Code(text.to_string()),
            Rule::string => ValueKind::Str(self.string(&p).value),
            Rule::integer => match text.parse::<u64>() {
                Ok(n) => ValueKind::Integer(n),
                Err(_) => {
                    self.diags.push(
                        Diagnostic::new("P007", Severity::Error, "number too large", span)
                            .label("not a usable number"),
                    );
                    ValueKind::Integer(0)
                }
            },
            Rule::percent => {
                ValueKind::Percent(text.trim_end_matches('%').parse().unwrap_or(u64::MAX))
            }
            Rule::duration => ValueKind::Duration(self.duration(&p)),
            Rule::date => ValueKind::Date(text.to_string()),
            Rule::label_value => ValueKind::Label(text.to_string()),
            Rule::tag => ValueKind::Tag(text.trim_start_matches('#').to_string()),
            _ => {
                self.internal(span, "a value");
                ValueKind::Word(text.to_string())
            }
        };
        Value { kind, span }
    }

    // ───────────────────────────── rules ─────────────────────────────

    fn rule(&mut self, pair: P<'s>) -> Rule_ {
        let span = span_of(&pair);
        let mut r = Rule_ {
            label: Spanned::new(String::new(), span),
            conditions: Vec::new(),
            target: PartyRef {
                name: String::new(),
                span,
            },
            clauses: Vec::new(),
            span,
            head_span: span,
        };
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::label => r.label = self.ident(&p),
                Rule::conditions => r.conditions = self.conditions(p),
                Rule::target => {
                    let t = p.clone().into_inner().next().map(|x| self.party_ref(&x));
                    r.target = t.unwrap_or_else(|| self.party_ref(&p));
                    r.head_span = Span::new(span.start, span_of(&p).end);
                }
                _ => {
                    if let Some(c) = self.clause(p) {
                        r.clauses.push(c);
                    }
                }
            }
        }
        r
    }

    pub(super) fn conditions(&mut self, pair: P<'s>) -> Vec<Condition> {
        pair.into_inner()
            .filter_map(|p| self.condition(p))
            .collect()
    }

    fn places(&mut self, pair: P<'s>) -> Places {
        let span = span_of(&pair);
        let mut parties = Vec::new();
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::several => return Places::Several(span),
                Rule::party_ref => parties.push(self.party_ref(&p)),
                _ => self.internal(span_of(&p), "places of work"),
            }
        }
        Places::Parties(parties)
    }

    fn activity(text: &str) -> Activity {
        match text {
            "self-employed" => Activity::SelfEmployed,
            "mixed" => Activity::Mixed,
            _ => Activity::Employed,
        }
    }

    fn place(&mut self, mut inner: Pairs<'s, Rule>) -> Place {
        match inner.next() {
            Some(p) if p.as_rule() == Rule::elsewhere => Place::Elsewhere,
            Some(p) if p.as_rule() == Rule::away => Place::Away,
            Some(p) => Place::In(self.party_ref(&p)),
            None => Place::Elsewhere,
        }
    }

    fn condition(&mut self, p: P<'s>) -> Option<Condition> {
        let span = span_of(&p);
        let kind = match p.as_rule() {
            Rule::activity_cond => {
                let mut inner = p.into_inner();
                let activity = Self::activity(inner.next()?.as_str());
                let places = self.places(inner.next()?);
                let and_then = match (inner.next(), inner.next()) {
                    (Some(a), Some(pl)) => Some((Self::activity(a.as_str()), self.places(pl))),
                    _ => None,
                };
                ConditionKind::Activity {
                    activity,
                    places,
                    and_then,
                }
            }
            Rule::works_cond => ConditionKind::WorksIn(self.party_ref(&p.into_inner().next()?)),
            Rule::employer_cond => ConditionKind::Employer(self.place(p.into_inner())),
            Rule::resides_cond => ConditionKind::Resides(self.place(p.into_inner())),
            Rule::posted_cond => {
                let mut d = None;
                let mut since = None;
                for x in p.into_inner() {
                    match x.as_rule() {
                        Rule::date => since = Some(x.as_str().to_string()),
                        _ => d = Some(self.duration(&x)),
                    }
                }
                ConditionKind::Posted(d, since)
            }
            Rule::extension_granted => ConditionKind::ExtensionGranted,
            Rule::national_cond => ConditionKind::National(self.party_ref(&p.into_inner().next()?)),
            Rule::not_posted => ConditionKind::NotPosted,
            Rule::usually_cond => {
                ConditionKind::UsuallySelfEmployedIn(self.party_ref(&p.into_inner().next()?))
            }
            Rule::status_cond => {
                let s = p.into_inner().next()?;
                let status = match s.as_rule() {
                    Rule::seafarer => Status::Seafarer,
                    Rule::aircrew => Status::Aircrew,
                    Rule::transport_crew => Status::TransportCrew,
                    Rule::civil_servant => Status::CivilServant,
                    Rule::mission_staff => Status::MissionStaff,
                    Rule::locally_engaged => Status::LocallyEngaged,
                    Rule::accompanying => Status::Accompanying,
                    _ => Status::NonActive,
                };
                let party = s.into_inner().next().map(|x| self.party_ref(&x));
                ConditionKind::Status(status, party)
            }
            _ => {
                self.internal(span, "a condition");
                return None;
            }
        };
        Some(Condition { kind, span })
    }

    fn clause(&mut self, p: P<'s>) -> Option<Clause> {
        let span = span_of(&p);
        let kind = match p.as_rule() {
            Rule::overrides => {
                ClauseKind::Overrides(p.into_inner().map(|l| self.ident(&l)).collect())
            }
            Rule::limit => {
                let mut first = false;
                let mut d = None;
                for x in p.into_inner() {
                    match x.as_rule() {
                        Rule::first => first = true,
                        _ => d = Some(self.duration(&x)),
                    }
                }
                let d = d?;
                if first {
                    ClauseKind::LimitFirst(d)
                } else {
                    ClauseKind::Limit(d)
                }
            }
            Rule::branches_clause => {
                ClauseKind::Branches(p.into_inner().map(|w| self.ident(&w)).collect())
            }
            Rule::begun_clause => {
                let mut before = false;
                let mut date = None;
                for x in p.into_inner() {
                    match x.as_rule() {
                        Rule::before => before = true,
                        Rule::from => before = false,
                        _ => date = Some(self.ident(&x)),
                    }
                }
                ClauseKind::Begun {
                    before,
                    date: date?,
                }
            }
            Rule::per_activity => ClauseKind::Allocation(true),
            Rule::person_level => ClauseKind::Allocation(false),
            Rule::extension => {
                let mut duration = None;
                let mut by = None;
                for x in p.into_inner() {
                    match x.as_rule() {
                        Rule::duration => duration = Some(self.duration(&x)),
                        _ => by = Some(self.ident(&x)),
                    }
                }
                ClauseKind::Extension { duration, by }
            }
            Rule::repost_gap => ClauseKind::RepostGap(self.duration(&p.into_inner().next()?)),
            Rule::no_replacement => ClauseKind::NoReplacement,
            Rule::where_clause => {
                let mut inner = p.into_inner();
                let variable = self.party_ref(&inner.next()?);
                let criterion = self.string(&inner.next()?);
                ClauseKind::Where {
                    variable,
                    criterion,
                }
            }
            _ => {
                self.internal(span, "a rule clause");
                return None;
            }
        };
        Some(Clause { kind, span })
    }

    // ───────────────────────────── scenarios ─────────────────────────────

    fn scenario(&mut self, pair: P<'s>) -> Scenario {
        let span = span_of(&pair);
        let mut inner = pair.into_inner();
        let name = match inner.next() {
            Some(p) => self.string(&p),
            None => Spanned::new(String::new(), span),
        };
        let mut s = Scenario {
            name,
            situation: None,
            branches: None,
            expect: None,
            texts: Vec::new(),
            allows: Vec::new(),
            span,
        };
        for p in inner {
            let pspan = span_of(&p);
            match p.as_rule() {
                Rule::situation => {
                    let conditions = p
                        .into_inner()
                        .next()
                        .map(|c| self.conditions(c))
                        .unwrap_or_default();
                    if s.situation.is_some() {
                        self.duplicate_in_scenario(pspan, "situation");
                    }
                    s.situation = Some(Situation {
                        conditions,
                        span: pspan,
                    });
                }
                Rule::scenario_branches => {
                    let words: Vec<Ident> = p.into_inner().map(|w| self.ident(&w)).collect();
                    if s.branches.is_some() {
                        self.duplicate_in_scenario(pspan, "branches");
                    }
                    s.branches = Some(Spanned::new(words, pspan));
                }
                Rule::expect => {
                    let e = p.into_inner().next().and_then(|e| self.expectation(e));
                    if s.expect.is_some() {
                        self.duplicate_in_scenario(pspan, "expect");
                    }
                    s.expect = e;
                }
                Rule::text => {
                    let t = self.text(p);
                    s.texts.push(t);
                }
                Rule::allow => {
                    let a = self.allow(p);
                    s.allows.push(a);
                }
                _ => self.internal(pspan, "a scenario"),
            }
        }
        s
    }

    fn duplicate_in_scenario(&mut self, span: Span, what: &str) {
        self.diags.push(
            Diagnostic::new(
                "P002",
                Severity::Error,
                format!("a scenario with two `{what}:` lines"),
                span,
            )
            .label("second line")
            .help("keep one; write a second scenario for the other case"),
        );
    }

    fn expectation(&mut self, p: P<'s>) -> Option<Expectation> {
        let span = span_of(&p);
        let mut inner = p.into_inner();
        let kind = self.outcome(inner.next()?)?;
        let mut later = Vec::new();
        while let (Some(d), Some(o)) = (inner.next(), inner.next()) {
            let d = self.duration(&d);
            later.push((d, self.outcome(o)?));
        }
        Some(Expectation { kind, span, later })
    }

    fn outcome(&mut self, p: P<'s>) -> Option<ExpectKind> {
        let mut inner = p.into_inner();
        let first = inner.next()?;
        Some(match first.as_rule() {
            Rule::gap => ExpectKind::Gap,
            Rule::overlap => ExpectKind::Overlap,
            Rule::per_activity => ExpectKind::PerActivity,
            _ => ExpectKind::Party {
                party: self.party_ref(&first),
                by: inner.next().map(|l| self.ident(&l)),
            },
        })
    }
}

type Rule_ = crate::ast::Rule;

/// Decode `\"`, `\\` and `\n` in a one-line string.
/// The first escape of a string that the language does not have (`\q`), as a P007 whose fix
/// writes the backslash itself (`\\q`), which is what such text usually means (a path, a
/// reference copied from another system).
fn unknown_escape(body: &str, start: usize) -> Option<Diagnostic> {
    let mut chars = body.char_indices();
    while let Some((i, c)) = chars.next() {
        if c != '\\' {
            continue;
        }
        let (_, next) = chars.next()?;
        if matches!(next, '"' | '\\' | 'n' | 't') {
            continue;
        }
        let at = start + i;
        let span = Span::new(at, at + 1 + next.len_utf8());
        return Some(
            Diagnostic::new(
                "P007",
                Severity::Error,
                format!("unknown escape `\\{next}` in a string"),
                span,
            )
            .label("not an escape")
            .note("a string knows the escapes `\\\"` (a quote), `\\\\` (a backslash), `\\n` and `\\t`")
            .help(format!("write `\\\\{next}` for a backslash followed by `{next}`"))
            .fix("Write the backslash itself", Span::new(at, at + 1), "\\\\"),
        );
    }
    None
}

fn unescape(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some(other) => out.push(other),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out
}
