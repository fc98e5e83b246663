//! A light tokenizer for tooling: the formatter lays tokens out, and the comments side table
//! keeps what the parser skips as white space. It never fails: any text is a sequence of tokens.

use crate::span::Span;

/// The kind of one token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// A word, number, label, code, tag, date, percentage: a run of other characters.
    Word,
    /// `{`
    Open,
    /// `}`
    Close,
    /// `:`
    Colon,
    /// `,`
    Comma,
    /// `->`
    Arrow,
    /// A one-line string in double quotes, as written (escapes kept).
    Str,
    /// A `"""` prose block, as written.
    Prose,
    /// A `//` comment up to the end of its line (without the line break).
    Comment,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    pub span: Span,
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '\n' | '\u{FEFF}')
}

/// Split a source text into tokens; white space is dropped, comments are kept.
pub fn tokenize(source: &str) -> Vec<Token> {
    let bytes = source.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < source.len() {
        let rest = &source[i..];
        let c = rest.chars().next().unwrap_or(' ');
        if is_space(c) {
            i += c.len_utf8();
            continue;
        }
        let (kind, len) = if rest.starts_with("//") {
            (TokenKind::Comment, rest.find('\n').unwrap_or(rest.len()))
        } else if let Some(body) = rest.strip_prefix("\"\"\"") {
            let end = body.find("\"\"\"").map_or(rest.len(), |e| e + 6);
            (TokenKind::Prose, end)
        } else if c == '"' {
            let mut j = 1;
            loop {
                match bytes.get(i + j) {
                    None | Some(b'\n') => break,
                    Some(b'\\') => j += 2,
                    Some(b'"') => {
                        j += 1;
                        break;
                    }
                    Some(_) => j += 1,
                }
            }
            (TokenKind::Str, j.min(rest.len()))
        } else if rest.starts_with("->") {
            (TokenKind::Arrow, 2)
        } else if c == '{' {
            (TokenKind::Open, 1)
        } else if c == '}' {
            (TokenKind::Close, 1)
        } else if c == ':' {
            (TokenKind::Colon, 1)
        } else if c == ',' {
            (TokenKind::Comma, 1)
        } else {
            let mut len = 0;
            for (k, ch) in rest.char_indices() {
                let tail = &rest[k..];
                if is_space(ch)
                    || matches!(ch, '{' | '}' | ':' | ',' | '"')
                    || (k > 0 && (tail.starts_with("->") || tail.starts_with("//")))
                {
                    break;
                }
                len = k + ch.len_utf8();
            }
            (TokenKind::Word, len.max(c.len_utf8()))
        };
        let len = len.min(source.len() - i);
        // Keep every token on character boundaries.
        let mut end = i + len;
        while !source.is_char_boundary(end) {
            end += 1;
        }
        out.push(Token {
            kind,
            span: Span::new(i, end),
        });
        i = end;
    }
    out
}

/// One comment of the source, for the side table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comment {
    pub span: Span,
    /// The comment's text after `//`, without the line break.
    pub text: String,
    /// Whether the comment follows code on its line (`rule 7.1: … // note`).
    pub trailing: bool,
}

/// Every comment of a source, in order: what the parser skips, kept for tools.
pub fn comments(source: &str) -> Vec<Comment> {
    let mut out = Vec::new();
    let mut previous_end = 0;
    for t in tokenize(source) {
        if t.kind == TokenKind::Comment {
            let gap = &source[previous_end..t.span.start];
            out.push(Comment {
                span: t.span,
                text: source[t.span.start + 2..t.span.end]
                    .trim_end_matches('\r')
                    .to_string(),
                trailing: previous_end > 0 && !gap.contains('\n'),
            });
        }
        previous_end = t.span.end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<(TokenKind, &str)> {
        tokenize(s)
            .into_iter()
            .map(|t| (t.kind, &s[t.span.range()]))
            .collect()
    }

    #[test]
    fn splits_rules_and_strings() {
        use TokenKind::*;
        assert_eq!(
            kinds("rule 7(1): employed in Y->X // a \"note\"\ntext \"a \\\" b\""),
            vec![
                (Word, "rule"),
                (Word, "7(1)"),
                (Colon, ":"),
                (Word, "employed"),
                (Word, "in"),
                (Word, "Y"),
                (Arrow, "->"),
                (Word, "X"),
                (Comment, "// a \"note\""),
                (Word, "text"),
                (Str, "\"a \\\" b\""),
            ]
        );
    }

    #[test]
    fn keeps_comments_with_their_place() {
        let c = comments("// head\narticle 1 { // tail\n}\n");
        assert_eq!(c.len(), 2);
        assert!(!c[0].trailing);
        assert!(c[1].trailing);
        assert_eq!(c[1].text, " tail");
    }
}
