//! A partial document for a file with syntax errors, so that tools (hover, go-to-definition, the
//! outline) keep working on the sound parts of a file while it is being edited.
//!
//! Each construct that fails to parse — from the start of the Article, chapter, Part or top-level
//! item holding the error to the next one — is blanked out (replaced by spaces, line breaks kept,
//! so every span still points into the original text), keeping the closing braces that close
//! enclosing constructs; the rest is parsed again until it parses.

use super::errors::{error_offset, next_sync_point, SYNC_WORDS};
use super::parser::{PactaParser, Rule};
use super::tokens::{tokenize, TokenKind};
use super::{lower_file, parse, Parsed};
use crate::ast::Document;
use pest::Parser;

/// The most constructs blanked out before giving up on the rest of the file.
const MAX_ROUNDS: usize = 64;

/// Parse a file; with syntax errors, the document holds what the sound parts of the file say, and
/// the diagnostics are the syntax errors.
pub fn parse_partial(source: &str) -> Parsed {
    let parsed = parse(source);
    if parsed.document.is_some() {
        return parsed;
    }
    Parsed {
        document: Some(partial_document(source)),
        diagnostics: parsed.diagnostics,
    }
}

/// The partial document of a file that has syntax errors (see [`parse_partial`]), for a caller
/// that has already collected the errors.
pub fn partial_document(source: &str) -> Document {
    let mut masked = source.as_bytes().to_vec();
    for _ in 0..MAX_ROUNDS {
        let text = String::from_utf8_lossy(&masked).into_owned();
        let error = match PactaParser::parse(Rule::file, &text) {
            Ok(pairs) => return lower_file(&text, pairs).document.unwrap_or_default(),
            Err(e) => e,
        };
        let at = error_offset(&error).min(text.len());
        let (start, end) = region(&text, at);
        blank(&text, &mut masked, start, end);
    }
    Document::default()
}

/// Whether a line (from its start) opens a construct the parser can resume at.
fn sync_word_at(text: &str, line_start: usize) -> Option<usize> {
    let line = &text[line_start..];
    let trimmed = line.trim_start_matches([' ', '\t']);
    let word: String = trimmed
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    SYNC_WORDS
        .contains(&word.as_str())
        .then_some(line_start + (line.len() - trimmed.len()))
}

/// The construct to blank out for an error at `at`.
fn region(text: &str, at: usize) -> (usize, usize) {
    // The sync points (construct starts at the beginning of a line) at or before `at`.
    let mut before = Vec::new();
    let mut line_start = 0;
    while line_start <= at && line_start < text.len() {
        if let Some(s) = sync_word_at(text, line_start) {
            if s <= at {
                before.push(s);
            }
        }
        match text[line_start..].find('\n') {
            Some(i) => line_start += i + 1,
            None => break,
        }
    }
    let mut start = before.last().copied().unwrap_or(0);
    // An error right at a construct's first word means the construct before it is unfinished.
    if start == at && before.len() >= 2 {
        start = before[before.len() - 2];
    }
    let end = next_sync_point(text, start.max(at)).unwrap_or(text.len());
    let end = if end <= start { text.len() } else { end };
    (start, end)
}

/// Replace the tokens of `start..end` by spaces, except the closing braces of enclosing constructs.
fn blank(text: &str, masked: &mut [u8], start: usize, end: usize) {
    let mut depth = 0usize;
    for t in tokenize(&text[start..end]) {
        let span = (start + t.span.start)..(start + t.span.end);
        match t.kind {
            TokenKind::Open => depth += 1,
            TokenKind::Close if depth == 0 => continue,
            TokenKind::Close => depth -= 1,
            _ => {}
        }
        for b in &mut masked[span] {
            if *b != b'\n' {
                *b = b' ';
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::parse_partial;

    #[test]
    fn keeps_the_sound_articles() {
        let src = "part I \"A\" {\n  article 1 \"x\" {\n    rule 1.1: employed in X -> X\n  }\n  article 2 \"broken\" {\n    rule 2.1: employed at X -> X\n  }\n  article 3 \"y\" {\n    rule 3.1: employed in Y -> Y overrides 1.1\n  }\n}\n";
        let parsed = parse_partial(src);
        assert!(!parsed.diagnostics.is_empty());
        let doc = parsed.document.unwrap();
        let crate::ast::Division::Part(part) = &doc.body[0] else {
            panic!()
        };
        assert_eq!(part.items.len(), 2);
    }

    #[test]
    fn survives_a_missing_brace_and_garbage() {
        for src in [
            "article 1 \"x\" {\n  rule 1.1: employed in X -> X\narticle 2 \"y\" {\n  text \"t\"\n}\n",
            "}}}{{{ article",
            "\"unterminated\n article 1 {",
            "",
        ] {
            assert!(parse_partial(src).document.is_some());
        }
    }
}
