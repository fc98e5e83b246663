//! Source text → syntax tree: the pest parser, syntax errors in words (P001) with recovery, and the
//! lowering of pest pairs into the typed AST.

mod braces;
mod errors;
mod incremental;
mod lower;
mod order;
mod parser;
mod partial;
mod prose;
mod repeats;
pub(crate) mod shift;
pub mod tokens;
mod typography;

pub use incremental::{reparse, Edit};
pub use parser::Rule;
pub use partial::{parse_partial, partial_document};
pub(crate) use prose::dedent;

use crate::ast::{Condition, Document};
use crate::diag::Diagnostic;
use crate::span::Span;
use pest::Parser;

/// Keywords offered as "did you mean" suggestions for a misspelt word and as completions: every
/// keyword of `grammar/pacta.pest` but the connectives (`in`, `of`, `and`, …), sorted. Generated
/// from the grammar by `build.rs`, so it cannot drift from it.
pub const KNOWN_KEYWORDS: &[&str] = include!(concat!(env!("OUT_DIR"), "/keywords.rs"));

/// The result of parsing one file: the tree when the file is free of syntax errors, and every
/// syntax error found (the parser resynchronises after each one).
#[derive(Debug)]
pub struct Parsed {
    pub document: Option<Document>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Serialises the parses that collect pest's error detail. The detail is a process-wide switch
/// read when a parse starts, and collecting it costs several times the parse itself, so a file
/// is first parsed without it; only a file that fails is parsed again, with the detail on,
/// under this lock (so that no other failing file switches it off meanwhile). Parses without
/// detail never touch the switch: one that starts while it is on is only slower.
static DETAIL: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Run `f` with pest's error detail on.
fn with_detail<T>(f: impl FnOnce() -> T) -> T {
    let _guard = DETAIL.lock().unwrap_or_else(|e| e.into_inner());
    pest::set_error_detail(true);
    let out = f();
    pest::set_error_detail(false);
    out
}

/// The raw pest tree of a whole file, for tools that need every token's place (the formatter,
/// renumbering). `None` on a syntax error; [`parse`] reports it in words.
pub fn tree(source: &str) -> Option<pest::iterators::Pairs<'_, Rule>> {
    parser::PactaParser::parse(Rule::file, source).ok()
}

/// Parse a whole agreement file.
pub fn parse(source: &str) -> Parsed {
    let parsed = parse_grammar(source);
    with_typography(source, parsed)
}

fn parse_grammar(source: &str) -> Parsed {
    if let Ok(pairs) = parser::PactaParser::parse(Rule::file, source) {
        return lower_file(source, pairs);
    }
    // The file has a syntax error: parse it again with the detail on, and collect every error,
    // in one hold of the lock.
    with_detail(|| match parser::PactaParser::parse(Rule::file, source) {
        Ok(pairs) => lower_file(source, pairs),
        Err(first) => Parsed {
            document: None,
            diagnostics: errors::collect(source, first),
        },
    })
}

/// Word-processor characters outside strings and comments (P018) replace the findings they
/// cause: the parser's "expected …, found `→`" and the unknown values written with an en dash.
fn with_typography(source: &str, mut parsed: Parsed) -> Parsed {
    let typography = typography::scan(source);
    if typography.is_empty() {
        return parsed;
    }
    let places: Vec<usize> = typography
        .iter()
        .flat_map(|d| {
            d.fixes
                .iter()
                .flat_map(|f| f.edits.iter().map(|e| e.span.start))
        })
        .collect();
    parsed.diagnostics.retain(|d| {
        let span = d.primary.span;
        !places
            .iter()
            .any(|&at| at == span.start || (span.start..span.end).contains(&at))
    });
    parsed.diagnostics.extend(typography);
    parsed
}

fn lower_file(source: &str, mut pairs: pest::iterators::Pairs<'_, Rule>) -> Parsed {
    let mut lowering = lower::Lowering::new(source);
    let document = match pairs.next() {
        Some(file) => lowering.file(file),
        None => Document::default(),
    };
    let mut diagnostics = lowering.finish();
    diagnostics.extend(order::check(&document));
    diagnostics.extend(repeats::check(source, &document));
    Parsed {
        document: Some(document),
        diagnostics,
    }
}

/// Parse a situation written as on the command line (`employed in XB, employer in XA, posted 30 months`).
/// Spans are relative to `text`.
pub fn parse_situation(text: &str) -> Result<Vec<Condition>, Box<Diagnostic>> {
    let result = match parser::PactaParser::parse(Rule::situation_input, text) {
        Ok(pairs) => Ok(pairs),
        Err(_) => with_detail(|| parser::PactaParser::parse(Rule::situation_input, text)),
    };
    match result {
        Ok(mut pairs) => {
            let mut lowering = lower::Lowering::new(text);
            let conditions = pairs
                .next()
                .and_then(|p| p.into_inner().find(|p| p.as_rule() == Rule::conditions))
                .map(|p| lowering.conditions(p))
                .unwrap_or_default();
            match lowering.finish().into_iter().next() {
                Some(d) => Err(Box::new(d)),
                None => Ok(conditions),
            }
        }
        Err(e) => Err(Box::new(errors::to_diagnostic(text, &e, 0))),
    }
}

/// The span of a pest pair.
/// The span of a pest pair, without the white space and comments pest leaves at its end.
pub(crate) fn span_of(pair: &pest::iterators::Pair<'_, Rule>) -> Span {
    let s = pair.as_span();
    let text = pair.as_str();
    let mut end = s.start() + text.trim_end().len();
    // A trailing `// comment` swallowed as implicit white space is not part of the node either.
    if let Some(inner_end) = pair.clone().into_inner().last().map(|p| p.as_span().end()) {
        if inner_end <= s.end() && text[..end - s.start()].trim_end().len() + s.start() > inner_end
        {
            let tail = &text[inner_end - s.start()..end - s.start()];
            if tail.trim_start().starts_with("//") {
                end = inner_end;
            }
        }
    }
    Span::new(s.start(), end)
}
