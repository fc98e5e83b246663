//! `pacta fmt`: one canonical layout of an agreement.
//!
//! The layout is decided by the parse tree, not by a second grammar: every child of a braced
//! construct (a header field, a Party's institution, an Article, a provision, a field of a block)
//! starts its own line, indented two spaces per open brace; a rule's clauses (`overrides`, `limit`,
//! …) each start a line one step deeper than the rule. Inside a line, tokens are separated by one
//! space (none before `,` and `:`); a list may stay broken after a comma, its continuation aligned
//! after the line's first `: `. Prose blocks are re-indented one step deeper than `text`, which
//! does not change their dedented text. Strings are kept as written, comments are kept (trailing
//! ones on their line, the others on their own line at the indentation of what follows), and at
//! most one blank line is kept where the author left any (never before a `}`).
//!
//! Because only white space between tokens changes, and the parser skips white space and comments
//! between tokens, the formatted file has the same tree; tests check this on every agreement.

pub mod renumber;

use crate::diag::Diagnostic;
use crate::syntax::tokens::{tokenize, Token, TokenKind};
use crate::syntax::{self, Rule};
use std::collections::HashMap;

/// How a token that starts a construct is laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Start {
    /// A construct inside braces (or at the top level): its own line at the block's indentation.
    Statement,
    /// A clause after a rule: its own line, one step deeper.
    Clause,
}

/// Format a whole file. A file that does not parse is refused with its syntax errors.
pub fn format(source: &str) -> Result<String, Vec<Diagnostic>> {
    let Some(pairs) = syntax::tree(source) else {
        return Err(syntax::parse(source).diagnostics);
    };
    let tokens = tokenize(source);
    let mut starts = HashMap::new();
    for pair in pairs {
        // `file`: every top-level item is a statement.
        for item in pair.into_inner() {
            if item.as_rule() != Rule::EOI {
                starts.insert(item.as_span().start(), Start::Statement);
                mark(item, &tokens, &mut starts);
            }
        }
    }
    Ok(Layout::new(source, &starts).run(&tokens))
}

/// Record where the constructs inside `pair` start.
fn mark(
    pair: pest::iterators::Pair<'_, Rule>,
    tokens: &[Token],
    starts: &mut HashMap<usize, Start>,
) {
    let children: Vec<_> = pair.clone().into_inner().collect();
    if children.is_empty() {
        return;
    }
    if pair.as_rule() == Rule::rule {
        // Everything after the target is a clause.
        let mut after_target = false;
        for c in &children {
            if after_target {
                starts.insert(c.as_span().start(), Start::Clause);
            }
            if c.as_rule() == Rule::target {
                after_target = true;
            }
        }
    } else if let Some(open) = own_open_brace(&pair, &children, tokens) {
        for c in &children {
            if c.as_span().start() > open {
                starts.insert(c.as_span().start(), Start::Statement);
            }
        }
    }
    for c in children {
        mark(c, tokens, starts);
    }
}

/// The offset of the `{` written by this construct itself (not inside one of its children).
fn own_open_brace(
    pair: &pest::iterators::Pair<'_, Rule>,
    children: &[pest::iterators::Pair<'_, Rule>],
    tokens: &[Token],
) -> Option<usize> {
    let span = pair.as_span();
    let first = tokens.partition_point(|t| t.span.start < span.start());
    tokens[first..]
        .iter()
        .take_while(|t| t.span.start < span.end())
        .filter(|t| t.kind == TokenKind::Open)
        .map(|t| t.span.start)
        .find(|&at| {
            !children
                .iter()
                .any(|c| c.as_span().start() <= at && at < c.as_span().end())
        })
}

struct Layout<'a> {
    source: &'a str,
    starts: &'a HashMap<usize, Start>,
    out: String,
    depth: usize,
    /// The indentation of the current line's construct.
    indent: usize,
    /// The column after the first `: ` of the current construct, where list continuations align.
    continuation: Option<usize>,
    /// Own-line comments waiting for the indentation of what follows: text, blank line before.
    pending: Vec<(&'a str, bool)>,
    previous: Option<TokenKind>,
    /// The end of the previous token or comment.
    previous_end: usize,
    /// A comment ended the line: the next token starts a line.
    forced: bool,
}

impl<'a> Layout<'a> {
    fn new(source: &'a str, starts: &'a HashMap<usize, Start>) -> Self {
        Layout {
            source,
            starts,
            out: String::with_capacity(source.len() + source.len() / 8),
            depth: 0,
            indent: 0,
            continuation: None,
            pending: Vec::new(),
            previous: None,
            previous_end: 0,
            forced: false,
        }
    }

    fn run(mut self, tokens: &[Token]) -> String {
        for &t in tokens {
            let gap = &self.source[self.previous_end..t.span.start];
            let newlines = gap.matches('\n').count();
            let text = &self.source[t.span.range()];
            if t.kind == TokenKind::Comment {
                let text = text.trim_end();
                let trailing = self.previous_end > 0 && newlines == 0 && !self.out.is_empty();
                if trailing && self.pending.is_empty() {
                    self.out.push(' ');
                    self.out.push_str(text);
                } else {
                    self.pending
                        .push((text, newlines >= 2 && self.previous_end > 0));
                }
                self.forced = true;
                self.previous_end = t.span.end;
                continue;
            }
            self.token(t, text, newlines);
            self.previous_end = t.span.end;
        }
        let indent = self.depth * 2;
        self.flush_comments(indent);
        if !self.out.is_empty() {
            self.out.push('\n');
        }
        self.out
    }

    fn token(&mut self, t: Token, text: &str, newlines: usize) {
        enum Place {
            Line(usize),
            Continuation,
            Same,
        }
        let start = self.starts.get(&t.span.start).copied();
        let place = if t.kind == TokenKind::Close {
            self.depth = self.depth.saturating_sub(1);
            Place::Line(self.depth * 2)
        } else if self.previous.is_none()
            || matches!(self.previous, Some(TokenKind::Open | TokenKind::Close))
            || start == Some(Start::Statement)
        {
            Place::Line(self.depth * 2)
        } else if start == Some(Start::Clause) {
            Place::Line(self.depth * 2 + 2)
        } else if self.forced || (self.previous == Some(TokenKind::Comma) && newlines > 0) {
            Place::Continuation
        } else {
            Place::Same
        };
        match place {
            Place::Line(indent) => {
                let comments_indent = if t.kind == TokenKind::Close {
                    indent + 2
                } else {
                    indent
                };
                self.flush_comments(comments_indent);
                let blank = newlines >= 2 && t.kind != TokenKind::Close && !self.pending_was_top();
                self.newline(blank);
                self.push_indent(indent);
                self.indent = indent;
                self.continuation = None;
            }
            Place::Continuation => {
                let column = self.continuation.unwrap_or(self.indent + 4);
                self.flush_comments(column);
                self.newline(false);
                self.push_indent(column);
            }
            Place::Same => {
                if !matches!(t.kind, TokenKind::Comma | TokenKind::Colon) {
                    self.out.push(' ');
                }
            }
        }
        self.forced = false;
        match t.kind {
            TokenKind::Prose => self.prose(text),
            _ => self.out.push_str(text),
        }
        match t.kind {
            TokenKind::Open => self.depth += 1,
            TokenKind::Colon if self.continuation.is_none() => {
                self.continuation = Some(self.column() + 1);
            }
            _ => {}
        }
        self.previous = Some(t.kind);
    }

    /// Whether the output is still empty (no blank line at the top of the file).
    fn pending_was_top(&self) -> bool {
        self.out.is_empty()
    }

    fn newline(&mut self, blank: bool) {
        if self.out.is_empty() {
            return;
        }
        self.out.push('\n');
        if blank {
            self.out.push('\n');
        }
    }

    fn push_indent(&mut self, n: usize) {
        for _ in 0..n {
            self.out.push(' ');
        }
    }

    fn flush_comments(&mut self, indent: usize) {
        for (text, blank) in std::mem::take(&mut self.pending) {
            let blank = blank && !self.out.is_empty();
            self.newline(blank);
            self.push_indent(indent);
            self.out.push_str(text);
        }
    }

    /// The column of the end of the output, in characters.
    fn column(&self) -> usize {
        let line = self.out.rfind('\n').map_or(0, |i| i + 1);
        self.out[line..].chars().count()
    }

    /// A `"""` block, re-indented one step deeper than the line it belongs to.
    fn prose(&mut self, token: &str) {
        let body = token
            .strip_prefix("\"\"\"")
            .and_then(|b| b.strip_suffix("\"\"\""))
            .unwrap_or("");
        let text = syntax::dedent(body);
        if text.is_empty() {
            self.out.push_str("\"\"\"\"\"\"");
            return;
        }
        self.out.push_str("\"\"\"");
        for line in text.split('\n') {
            self.out.push('\n');
            if !line.is_empty() {
                self.push_indent(self.indent + 2);
                self.out.push_str(line);
            }
        }
        self.out.push('\n');
        self.push_indent(self.indent);
        self.out.push_str("\"\"\"");
    }
}

#[cfg(test)]
mod tests {
    use super::format;

    #[test]
    fn lays_out_a_messy_article() {
        let src = "article 7 \"Posting\" #posting {   rule 7.1 : employed in Y , employer in X,posted->X overrides 6.1 limit 24 months // the R167 limit\n text \"\"\"\n  Prose.\n    Indented.\n\"\"\" }";
        let want = "article 7 \"Posting\" #posting {\n  rule 7.1: employed in Y, employer in X, posted -> X\n    overrides 6.1\n    limit 24 months // the R167 limit\n  text \"\"\"\n    Prose.\n      Indented.\n  \"\"\"\n}\n";
        assert_eq!(format(src).unwrap(), want);
        assert_eq!(format(want).unwrap(), want);
    }

    #[test]
    fn keeps_comments_and_list_breaks() {
        let src = "// head\n\n\n\nparty XA \"A\" {\n  // about schemes\n    schemes: old-age,\n survivors\n\n\n}\n";
        let want = "// head\n\nparty XA \"A\" {\n  // about schemes\n  schemes: old-age,\n           survivors\n}\n";
        assert_eq!(format(src).unwrap(), want);
    }

    #[test]
    fn refuses_a_file_that_does_not_parse() {
        assert!(format("article 1 {").is_err());
    }
}
