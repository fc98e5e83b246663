//! The reference index: where each name of an agreement is defined and used — rule labels, tags,
//! defined terms, Party codes and Articles.
//!
//! Definitions come from the syntax tree (a partial one while the file has syntax errors); uses
//! are found among the tokens, so that every place a name is written counts, whatever construct
//! holds it (`overrides 7.1`, `see: 7.1, #posting`, `expect: XA by 7.1`, `parties: XA`).

use crate::ast::{ArticleItem, Division, Document, PartItem, Provision};
use crate::span::Span;
use crate::syntax::tokens::{Token, TokenKind};
use std::collections::BTreeMap;

/// What kind of name a symbol is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SymbolKind {
    Rule,
    Tag,
    Term,
    Party,
    Article,
}

/// One name: its definition (when the file has one) and every use.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Symbol {
    pub kind: SymbolKind,
    pub name: String,
    pub definition: Option<Span>,
    /// The span of the whole defining construct (the rule, the Article, the Party).
    pub defining: Option<Span>,
    pub uses: Vec<Span>,
}

/// Every symbol of a document.
#[derive(Clone, Debug, Default)]
pub struct ReferenceIndex {
    pub symbols: Vec<Symbol>,
}

impl ReferenceIndex {
    pub fn build(document: &Document, source: &str, tokens: &[Token]) -> Self {
        let mut defs: BTreeMap<(SymbolKind, String), Symbol> = BTreeMap::new();
        let mut define = |kind, name: &str, span: Span, whole: Span| {
            defs.entry((kind, name.to_string())).or_insert(Symbol {
                kind,
                name: name.to_string(),
                definition: Some(span),
                defining: Some(whole),
                uses: Vec::new(),
            });
        };
        for p in &document.parties {
            define(SymbolKind::Party, &p.code.value, p.code.span, p.span);
        }
        let mut articles = Vec::new();
        for d in &document.body {
            match d {
                Division::Article(a) => articles.push(a),
                Division::Part(p) => {
                    for i in &p.items {
                        match i {
                            PartItem::Article(a) => articles.push(a),
                            PartItem::Chapter(c) => articles.extend(c.articles.iter()),
                            _ => {}
                        }
                    }
                }
            }
        }
        for a in articles {
            define(
                SymbolKind::Article,
                &a.number.value.to_string(),
                a.number.span,
                a.span,
            );
            if let Some(t) = &a.tag {
                define(SymbolKind::Tag, &t.value, t.span, a.span);
            }
            let provisions = a.items.iter().flat_map(|i| match i {
                ArticleItem::Provision(p) => std::slice::from_ref(p).iter(),
                ArticleItem::Paragraph(p) => p.provisions.iter(),
            });
            for p in provisions {
                match p {
                    Provision::Rule(r) => {
                        define(SymbolKind::Rule, &r.label.value, r.label.span, r.span)
                    }
                    Provision::Define(d) => {
                        define(SymbolKind::Term, &d.term.value, d.term.span, d.span)
                    }
                    _ => {}
                }
            }
        }
        // Uses: every word token naming a rule, a tag or a Party (not the definition itself).
        let mut by_text: BTreeMap<&str, Vec<(SymbolKind, String)>> = BTreeMap::new();
        let keys: Vec<(SymbolKind, String)> = defs.keys().cloned().collect();
        let written: Vec<String> = keys
            .iter()
            .map(|(kind, name)| match kind {
                SymbolKind::Tag => format!("#{name}"),
                _ => name.clone(),
            })
            .collect();
        for (key, w) in keys.iter().zip(&written) {
            if matches!(
                key.0,
                SymbolKind::Rule | SymbolKind::Tag | SymbolKind::Party
            ) {
                by_text.entry(w.as_str()).or_default().push(key.clone());
            }
        }
        for t in tokens.iter().filter(|t| t.kind == TokenKind::Word) {
            let Some(keys) = by_text.get(&source[t.span.range()]) else {
                continue;
            };
            for key in keys {
                if let Some(s) = defs.get_mut(key) {
                    if s.definition != Some(t.span) {
                        s.uses.push(t.span);
                    }
                }
            }
        }
        ReferenceIndex {
            symbols: defs.into_values().collect(),
        }
    }

    /// The symbol defined or used at a byte offset.
    pub fn at(&self, offset: usize) -> Option<&Symbol> {
        let inside = |s: &Span| s.start <= offset && offset <= s.end;
        self.symbols
            .iter()
            .find(|s| s.definition.as_ref().is_some_and(inside) || s.uses.iter().any(inside))
    }

    pub fn get(&self, kind: SymbolKind, name: &str) -> Option<&Symbol> {
        self.symbols
            .iter()
            .find(|s| s.kind == kind && s.name == name)
    }
}
