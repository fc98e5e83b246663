//! What word processors do to text pasted into a draft (P018): `→` for `->`, curly quotes, en and
//! em dashes, non-breaking spaces. Inside strings, prose and comments they are the negotiators'
//! own text and stay; anywhere else the parser cannot read them, so each kind is reported once,
//! at its first place, with one fix that writes the plain character everywhere.

use super::tokens::{tokenize, TokenKind};
use crate::diag::{Diagnostic, Edit, Fix, Severity};
use crate::span::Span;

/// One family of substitutions: the characters a word processor writes and what Pacta reads.
struct Substitution {
    chars: &'static [char],
    plain: &'static str,
    what: &'static str,
}

const SUBSTITUTIONS: &[Substitution] = &[
    Substitution {
        chars: &['\u{2192}', '\u{21D2}', '\u{27F6}'],
        plain: "->",
        what: "an arrow character",
    },
    Substitution {
        chars: &[
            '\u{201C}', '\u{201D}', '\u{201E}', '\u{2033}', '\u{00AB}', '\u{00BB}',
        ],
        plain: "\"",
        what: "a curly quotation mark",
    },
    Substitution {
        chars: &['\u{2018}', '\u{2019}', '\u{201A}'],
        plain: "\"",
        what: "a curly single quotation mark",
    },
    Substitution {
        chars: &['\u{2013}', '\u{2014}', '\u{2010}', '\u{2011}', '\u{2212}'],
        plain: "-",
        what: "a typographic dash",
    },
    Substitution {
        chars: &['\u{00A0}', '\u{202F}', '\u{2007}', '\u{2009}', '\u{200B}'],
        plain: " ",
        what: "a non-breaking or thin space",
    },
];

/// Whether a word processor writes `c` in place of a plain character.
fn substituted(c: char) -> bool {
    !c.is_ascii() && SUBSTITUTIONS.iter().any(|s| s.chars.contains(&c))
}

/// The code point of a character as a word processor's "insert symbol" dialog names it.
fn name(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

/// One diagnostic per kind of substitution found outside strings, prose and comments.
pub(super) fn scan(source: &str) -> Vec<Diagnostic> {
    // Every substituted character is outside ASCII, and most drafts hold none of them: only a
    // file that does is tokenised (tokenising every file was a twentieth of checking a corpus).
    if source.is_ascii() || !source.chars().any(substituted) {
        return Vec::new();
    }
    // (substitution index) -> every place, in order.
    let mut found: Vec<Vec<(usize, char)>> = vec![Vec::new(); SUBSTITUTIONS.len()];
    for token in tokenize(source) {
        if token.kind != TokenKind::Word {
            continue;
        }
        let text = &source[token.span.range()];
        for (i, c) in text.char_indices() {
            if let Some(k) = SUBSTITUTIONS.iter().position(|s| s.chars.contains(&c)) {
                found[k].push((token.span.start + i, c));
            }
        }
    }
    let mut out = Vec::new();
    for (k, places) in found.into_iter().enumerate() {
        let Some(&(first, c)) = places.first() else {
            continue;
        };
        let s = &SUBSTITUTIONS[k];
        let plain_shown = if s.plain == " " {
            "an ordinary space".to_string()
        } else {
            format!("`{}`", s.plain)
        };
        let span = Span::new(first, first + c.len_utf8());
        let shown = if c.is_whitespace() || c == '\u{200B}' {
            name(c)
        } else {
            format!("`{c}` ({})", name(c))
        };
        let mut d = Diagnostic::new(
            "P018",
            Severity::Error,
            format!(
                "{} {shown}, as a word processor writes it: Pacta reads {plain_shown}",
                s.what
            ),
            span,
        )
        .label(format!("write {plain_shown}"));
        if places.len() > 1 {
            let more = places.len() - 1;
            let plural = if more == 1 { "place" } else { "places" };
            d = d.note(format!(
                "the same character is in {more} more {plural} outside strings and comments"
            ));
        }
        let everywhere = if places.len() > 1 { " everywhere" } else { "" };
        d = d.help(format!(
            "write {plain_shown} in place of {shown}{everywhere} (`pacta check --fix` does it); \
             word processors substitute it as you type, so edit drafts in a plain-text editor"
        ));
        d.fixes.push(Fix {
            title: format!("Replace with {plain_shown}{everywhere}"),
            edits: places
                .iter()
                .map(|&(at, c)| Edit {
                    span: Span::new(at, at + c.len_utf8()),
                    replacement: s.plain.to_string(),
                })
                .collect(),
        });
        out.push(d);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_each_kind_once_and_leaves_strings_alone() {
        let src = "rule 6.1: employed in X \u{2192} X\nscope XA \u{201C}Act\u{201D}: old-age\n\
                   text \"the \u{201C}Act\u{201D} \u{2013} as amended\"\n// \u{2192} in a comment\n";
        let d = scan(src);
        let codes: Vec<&str> = d.iter().map(|d| d.help.as_deref().unwrap_or("")).collect();
        assert_eq!(d.len(), 2, "{codes:?}");
        assert!(d[0].message.contains("`->`"));
        assert_eq!(d[1].fixes[0].edits.len(), 2);
    }
}
