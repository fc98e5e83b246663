//! Moving the spans of a syntax tree after an edit of the text: every position at or after the end
//! of the edited region moves by the change in length. The incremental re-parse
//! ([`super::incremental`]) keeps the trees of the unchanged constructs this way instead of parsing
//! them again.
//!
//! Each node is taken apart field by field, so a field added to the tree does not compile until it
//! is moved here too.

use crate::ast::*;
use crate::span::{Span, Spanned};

/// Where positions move: those at or after `from` move by `delta` bytes.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Move {
    pub from: usize,
    pub delta: isize,
}

impl Move {
    fn at(self, position: usize) -> usize {
        if position >= self.from {
            position.saturating_add_signed(self.delta)
        } else {
            position
        }
    }
}

pub(crate) trait Shift {
    fn shift(&mut self, m: Move);
}

impl Shift for Span {
    fn shift(&mut self, m: Move) {
        self.start = m.at(self.start);
        self.end = m.at(self.end);
    }
}

impl<T> Shift for Spanned<T> {
    fn shift(&mut self, m: Move) {
        self.span.shift(m);
    }
}

impl<T: Shift> Shift for Vec<T> {
    fn shift(&mut self, m: Move) {
        for x in self {
            x.shift(m);
        }
    }
}

impl<T: Shift> Shift for Option<T> {
    fn shift(&mut self, m: Move) {
        if let Some(x) = self {
            x.shift(m);
        }
    }
}

impl Shift for Document {
    fn shift(&mut self, m: Move) {
        let Document {
            header,
            parties,
            body,
            scenarios,
            span,
        } = self;
        header.shift(m);
        parties.shift(m);
        body.shift(m);
        scenarios.shift(m);
        span.shift(m);
    }
}

impl Shift for Header {
    fn shift(&mut self, m: Move) {
        let Header {
            title,
            fields,
            texts,
            allows,
            span,
        } = self;
        title.shift(m);
        fields.shift(m);
        texts.shift(m);
        allows.shift(m);
        span.shift(m);
    }
}

impl Shift for Party {
    fn shift(&mut self, m: Move) {
        let Party {
            code,
            name,
            fields,
            institutions,
            allows,
            span,
        } = self;
        code.shift(m);
        name.shift(m);
        fields.shift(m);
        institutions.shift(m);
        allows.shift(m);
        span.shift(m);
    }
}

impl Shift for Institution {
    fn shift(&mut self, m: Move) {
        let Institution {
            name,
            branches,
            span,
        } = self;
        name.shift(m);
        branches.shift(m);
        span.shift(m);
    }
}

impl Shift for Division {
    fn shift(&mut self, m: Move) {
        match self {
            Division::Part(p) => p.shift(m),
            Division::Article(a) => a.shift(m),
        }
    }
}

impl Shift for Part {
    fn shift(&mut self, m: Move) {
        let Part {
            number,
            title,
            items,
            span,
        } = self;
        number.shift(m);
        title.shift(m);
        items.shift(m);
        span.shift(m);
    }
}

impl Shift for PartItem {
    fn shift(&mut self, m: Move) {
        match self {
            PartItem::Chapter(c) => c.shift(m),
            PartItem::Article(a) => a.shift(m),
            PartItem::Text(t) => t.shift(m),
            PartItem::Allow(a) => a.shift(m),
        }
    }
}

impl Shift for Chapter {
    fn shift(&mut self, m: Move) {
        let Chapter {
            number,
            title,
            articles,
            texts,
            allows,
            span,
        } = self;
        number.shift(m);
        title.shift(m);
        articles.shift(m);
        texts.shift(m);
        allows.shift(m);
        span.shift(m);
    }
}

impl Shift for Article {
    fn shift(&mut self, m: Move) {
        let Article {
            number,
            title,
            tag,
            items,
            span,
        } = self;
        number.shift(m);
        title.shift(m);
        tag.shift(m);
        items.shift(m);
        span.shift(m);
    }
}

impl Shift for ArticleItem {
    fn shift(&mut self, m: Move) {
        match self {
            ArticleItem::Paragraph(p) => p.shift(m),
            ArticleItem::Provision(p) => p.shift(m),
        }
    }
}

impl Shift for Paragraph {
    fn shift(&mut self, m: Move) {
        let Paragraph {
            label,
            provisions,
            span,
        } = self;
        label.shift(m);
        provisions.shift(m);
        span.shift(m);
    }
}

impl Shift for Provision {
    fn shift(&mut self, m: Move) {
        match self {
            Provision::Rule(x) => x.shift(m),
            Provision::Text(x) => x.shift(m),
            Provision::Allow(x) => x.shift(m),
            Provision::Define(x) => x.shift(m),
            Provision::Scope(x) => x.shift(m),
            Provision::Benefit(x) => x.shift(m),
            Provision::Block(x) => x.shift(m),
            Provision::Line(x) => x.shift(m),
        }
    }
}

impl Shift for Text {
    fn shift(&mut self, m: Move) {
        let Text {
            lang,
            text: _,
            span,
        } = self;
        lang.shift(m);
        span.shift(m);
    }
}

impl Shift for Allow {
    fn shift(&mut self, m: Move) {
        let Allow {
            check,
            reason,
            span,
        } = self;
        check.shift(m);
        reason.shift(m);
        span.shift(m);
    }
}

impl Shift for Define {
    fn shift(&mut self, m: Move) {
        let Define {
            term,
            meaning,
            span,
        } = self;
        term.shift(m);
        meaning.shift(m);
        span.shift(m);
    }
}

impl Shift for Scope {
    fn shift(&mut self, m: Move) {
        let Scope {
            party,
            law,
            bases,
            branches,
            span,
        } = self;
        party.shift(m);
        law.shift(m);
        bases.shift(m);
        branches.shift(m);
        span.shift(m);
    }
}

impl Shift for Benefit {
    fn shift(&mut self, m: Move) {
        let Benefit {
            branch,
            fields,
            span,
        } = self;
        branch.shift(m);
        fields.shift(m);
        span.shift(m);
    }
}

impl Shift for Block {
    fn shift(&mut self, m: Move) {
        let Block {
            keyword,
            fields,
            span,
        } = self;
        keyword.shift(m);
        fields.shift(m);
        span.shift(m);
    }
}

impl Shift for Line {
    fn shift(&mut self, m: Move) {
        let Line {
            keyword,
            items,
            span,
        } = self;
        keyword.shift(m);
        items.shift(m);
        span.shift(m);
    }
}

impl Shift for Field {
    fn shift(&mut self, m: Move) {
        let Field { name, items, span } = self;
        name.shift(m);
        items.shift(m);
        span.shift(m);
    }
}

impl Shift for Item {
    fn shift(&mut self, m: Move) {
        let Item { values, span } = self;
        values.shift(m);
        span.shift(m);
    }
}

impl Shift for Value {
    fn shift(&mut self, m: Move) {
        let Value { kind: _, span } = self;
        span.shift(m);
    }
}

impl Shift for Rule {
    fn shift(&mut self, m: Move) {
        let Rule {
            label,
            conditions,
            target,
            clauses,
            span,
            head_span,
        } = self;
        label.shift(m);
        conditions.shift(m);
        target.shift(m);
        clauses.shift(m);
        span.shift(m);
        head_span.shift(m);
    }
}

impl Shift for PartyRef {
    fn shift(&mut self, m: Move) {
        self.span.shift(m);
    }
}

impl Shift for Places {
    fn shift(&mut self, m: Move) {
        match self {
            Places::Several(s) => s.shift(m),
            Places::Parties(p) => p.shift(m),
        }
    }
}

impl Shift for Place {
    fn shift(&mut self, m: Move) {
        match self {
            Place::In(p) => p.shift(m),
            Place::Elsewhere | Place::Away => {}
        }
    }
}

impl Shift for Condition {
    fn shift(&mut self, m: Move) {
        let Condition { kind, span } = self;
        span.shift(m);
        match kind {
            ConditionKind::Activity {
                activity: _,
                places,
                and_then,
            } => {
                places.shift(m);
                if let Some((_, p)) = and_then {
                    p.shift(m);
                }
            }
            ConditionKind::WorksIn(p)
            | ConditionKind::National(p)
            | ConditionKind::UsuallySelfEmployedIn(p) => p.shift(m),
            ConditionKind::Employer(p) | ConditionKind::Resides(p) => p.shift(m),
            ConditionKind::Status(_, p) => p.shift(m),
            ConditionKind::Posted(..)
            | ConditionKind::ExtensionGranted
            | ConditionKind::NotPosted => {}
        }
    }
}

impl Shift for Clause {
    fn shift(&mut self, m: Move) {
        let Clause { kind, span } = self;
        span.shift(m);
        match kind {
            ClauseKind::Overrides(labels) | ClauseKind::Branches(labels) => labels.shift(m),
            ClauseKind::Begun { before: _, date } => date.shift(m),
            ClauseKind::Extension { duration: _, by } => by.shift(m),
            ClauseKind::Where {
                variable,
                criterion,
            } => {
                variable.shift(m);
                criterion.shift(m);
            }
            ClauseKind::Limit(_)
            | ClauseKind::LimitFirst(_)
            | ClauseKind::Allocation(_)
            | ClauseKind::RepostGap(_)
            | ClauseKind::NoReplacement => {}
        }
    }
}

impl Shift for Scenario {
    fn shift(&mut self, m: Move) {
        let Scenario {
            name,
            situation,
            expect,
            texts,
            allows,
            branches,
            span,
        } = self;
        if let Some(b) = branches {
            b.span.shift(m);
            b.value.shift(m);
        }
        name.shift(m);
        situation.shift(m);
        expect.shift(m);
        texts.shift(m);
        allows.shift(m);
        span.shift(m);
    }
}

impl Shift for Situation {
    fn shift(&mut self, m: Move) {
        let Situation { conditions, span } = self;
        conditions.shift(m);
        span.shift(m);
    }
}

impl Shift for ExpectKind {
    fn shift(&mut self, m: Move) {
        match self {
            ExpectKind::Party { party, by } => {
                party.shift(m);
                by.shift(m);
            }
            ExpectKind::Gap | ExpectKind::Overlap | ExpectKind::PerActivity => {}
        }
    }
}

impl Shift for Expectation {
    fn shift(&mut self, m: Move) {
        let Expectation { kind, span, later } = self;
        kind.shift(m);
        span.shift(m);
        for (_, k) in later {
            k.shift(m);
        }
    }
}

/// Findings move with the text they point at (the language server reuses the findings of the
/// Articles an edit did not touch).
impl Shift for crate::diag::Diagnostic {
    fn shift(&mut self, m: Move) {
        let crate::diag::Diagnostic {
            code: _,
            severity: _,
            message: _,
            primary,
            secondary,
            notes: _,
            help: _,
            fixes,
            concerns: _,
        } = self;
        primary.span.shift(m);
        for l in secondary {
            l.span.shift(m);
        }
        for f in fixes {
            for e in &mut f.edits {
                e.span.shift(m);
            }
        }
    }
}
