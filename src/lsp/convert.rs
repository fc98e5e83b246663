//! Between [`crate::ide`] (byte offsets, plain data) and `lsp-types`.

use crate::diag::{Diagnostic, Severity};
use crate::ide::{Analysis, Completion, CompletionKind, OutlineItem, OutlineKind, Position};
use crate::span::Span;
use lsp_types as lsp;
use std::collections::HashMap;

pub(super) fn position(p: lsp::Position) -> Position {
    Position {
        line: p.line,
        character: p.character,
    }
}

fn lsp_position(p: Position) -> lsp::Position {
    lsp::Position {
        line: p.line,
        character: p.character,
    }
}

pub(super) fn lsp_range(a: &Analysis, span: Span) -> lsp::Range {
    lsp::Range {
        start: lsp_position(a.position(span.start)),
        end: lsp_position(a.position(span.end)),
    }
}

/// The span of a whole text.
pub(super) fn span_of(text: &str) -> Span {
    Span::new(0, text.len())
}

pub(super) fn diagnostic(a: &Analysis, uri: &lsp::Url, d: &Diagnostic) -> lsp::Diagnostic {
    let mut message = d.message.clone();
    for note in &d.notes {
        message.push('\n');
        message.push_str(note);
    }
    if let Some(help) = &d.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    lsp::Diagnostic {
        range: lsp_range(a, d.primary.span),
        severity: Some(match d.severity {
            Severity::Error => lsp::DiagnosticSeverity::ERROR,
            Severity::Warning => lsp::DiagnosticSeverity::WARNING,
            Severity::Info => lsp::DiagnosticSeverity::INFORMATION,
        }),
        code: Some(lsp::NumberOrString::String(d.code.to_string())),
        source: Some("pacta".into()),
        message,
        related_information: (!d.secondary.is_empty()).then(|| {
            d.secondary
                .iter()
                .map(|l| lsp::DiagnosticRelatedInformation {
                    location: lsp::Location {
                        uri: uri.clone(),
                        range: lsp_range(a, l.span),
                    },
                    message: l.message.clone(),
                })
                .collect()
        }),
        ..Default::default()
    }
}

pub(super) fn completion(c: Completion) -> lsp::CompletionItem {
    lsp::CompletionItem {
        label: c.label,
        kind: Some(match c.kind {
            CompletionKind::Keyword => lsp::CompletionItemKind::KEYWORD,
            CompletionKind::Field => lsp::CompletionItemKind::FIELD,
            CompletionKind::Value => lsp::CompletionItemKind::ENUM_MEMBER,
            CompletionKind::Party => lsp::CompletionItemKind::CONSTANT,
            CompletionKind::Rule => lsp::CompletionItemKind::REFERENCE,
            CompletionKind::Tag => lsp::CompletionItemKind::REFERENCE,
        }),
        detail: (!c.detail.is_empty()).then_some(c.detail),
        ..Default::default()
    }
}

#[allow(deprecated)] // `DocumentSymbol::deprecated` must still be written.
pub(super) fn symbol(a: &Analysis, o: &OutlineItem) -> lsp::DocumentSymbol {
    lsp::DocumentSymbol {
        name: if o.name.is_empty() {
            "(untitled)".into()
        } else {
            o.name.clone()
        },
        detail: (!o.detail.is_empty()).then(|| o.detail.clone()),
        kind: match o.kind {
            OutlineKind::Header => lsp::SymbolKind::FILE,
            OutlineKind::Party => lsp::SymbolKind::CONSTANT,
            OutlineKind::Part => lsp::SymbolKind::NAMESPACE,
            OutlineKind::Chapter => lsp::SymbolKind::MODULE,
            OutlineKind::Article => lsp::SymbolKind::CLASS,
            OutlineKind::Rule => lsp::SymbolKind::FUNCTION,
            OutlineKind::Scenario => lsp::SymbolKind::EVENT,
        },
        tags: None,
        deprecated: None,
        range: lsp_range(a, o.span),
        selection_range: lsp_range(a, o.selection),
        children: (!o.children.is_empty())
            .then(|| o.children.iter().map(|c| symbol(a, c)).collect()),
    }
}

/// Quick fixes from the findings' fixes in a range, and renumbering as a source action.
pub(super) fn code_actions(
    a: &Analysis,
    uri: &lsp::Url,
    range: lsp::Range,
) -> Vec<lsp::CodeActionOrCommand> {
    let start = a.offset(position(range.start));
    let end = a.offset(position(range.end));
    let mut out = Vec::new();
    for (d, fix) in a.fixes_in(Span::new(start, end)) {
        let edits = fix
            .edits
            .iter()
            .map(|e| lsp::TextEdit {
                range: lsp_range(a, e.span),
                new_text: e.replacement.clone(),
            })
            .collect();
        out.push(lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
            title: fix.title.clone(),
            kind: Some(lsp::CodeActionKind::QUICKFIX),
            diagnostics: Some(vec![diagnostic(a, uri, d)]),
            edit: Some(lsp::WorkspaceEdit {
                changes: Some(HashMap::from([(uri.clone(), edits)])),
                ..Default::default()
            }),
            is_preferred: Some(true),
            ..Default::default()
        }));
    }
    if let Ok((edits, _, _)) = crate::fmt::renumber::edits(a.text()) {
        if !edits.is_empty() {
            let edits = edits
                .into_iter()
                .map(|e| lsp::TextEdit {
                    range: lsp_range(a, e.span),
                    new_text: e.text,
                })
                .collect();
            out.push(lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
                title: "Renumber Parts, Articles and paragraphs (and every reference)".into(),
                kind: Some(lsp::CodeActionKind::SOURCE),
                edit: Some(lsp::WorkspaceEdit {
                    changes: Some(HashMap::from([(uri.clone(), edits)])),
                    ..Default::default()
                }),
                ..Default::default()
            }));
        }
    }
    out
}
