//! Which `{` was left open. The parser notices a missing `}` only where the text stops making sense
//! — often many lines later, at the next `part` — so the error is laid on the construct whose
//! brace was never closed, found from the layout: a `}` that stands left of the line that opened
//! the innermost block closes an outer block, and the inner one was left open.

use super::tokens::{tokenize, TokenKind};
use crate::span::Span;

/// An open brace left unclosed.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Unclosed {
    /// The line that opens the block, from its first word to the `{`.
    pub opening: Span,
    /// Where its `}` belongs: the start of the line of the `}` that closed an outer block instead,
    /// or the end of the text.
    pub insert_at: usize,
    /// The indentation of the opening line, for the inserted `}`.
    pub indent: String,
    /// Whether the layout shows it (a `}` or a block out of step with the indentation), rather
    /// than only the parser having stopped inside it.
    pub by_layout: bool,
}

fn line_start(source: &str, at: usize) -> usize {
    source[..at].rfind('\n').map_or(0, |i| i + 1)
}

fn indentation(source: &str, at: usize) -> &str {
    let start = line_start(source, at);
    let line = &source[start..];
    &line[..line.len() - line.trim_start_matches([' ', '\t']).len()]
}

/// The first block, in the order of the text up to `upto`, whose `{` is never closed: either a `}`
/// less indented than its opening line closed an outer block instead, or the text ends (or the
/// parser stopped at `upto`) with the block still open. `None` when every brace is matched.
pub(super) fn unclosed(source: &str, upto: usize) -> Option<Unclosed> {
    // (indentation width, offset of the `{`)
    let mut stack: Vec<(usize, usize)> = Vec::new();
    // A text laid out flat says nothing about its nesting; then only the parser's place counts.
    let laid_out = source
        .lines()
        .any(|l| l.starts_with([' ', '\t']) && !l.trim().is_empty());
    for t in tokenize(source) {
        if t.span.start >= upto {
            break;
        }
        let here = line_start(source, t.span.start);
        let width = indentation(source, t.span.start).len();
        match t.kind {
            TokenKind::Open => {
                // A block opening no deeper than the innermost open one, which was itself
                // indented inside its parent, is its sibling: the innermost was left open.
                if let Some(&(open_width, open)) = stack.last() {
                    let parent_width = stack.len().checked_sub(2).map(|i| stack[i].0);
                    let nested = parent_width.map_or(true, |p| open_width > p);
                    if laid_out && nested && width <= open_width {
                        return Some(describe(source, open, here, true));
                    }
                }
                stack.push((width, t.span.start));
            }
            TokenKind::Close => {
                let own_line = source[here..t.span.start].trim().is_empty();
                if own_line && laid_out {
                    // The innermost open block opened on a line more indented than this `}`:
                    // the `}` belongs to an outer block and the inner one was left open.
                    if let Some(&(open_width, open)) = stack.last() {
                        if open_width > width && stack.len() > 1 {
                            return Some(describe(source, open, here, true));
                        }
                    }
                }
                stack.pop();
            }
            _ => {}
        }
    }
    let &(open_width, open) = stack.last()?;
    let end = upto.min(source.len());
    // The parser stopped at the first word of a line no deeper than the innermost open block,
    // which was itself indented inside its parent: that line is the block's sibling.
    let here = line_start(source, end);
    let parent_width = stack.len().checked_sub(2).map(|i| stack[i].0);
    if laid_out
        && end < source.len()
        && source[here..end].trim().is_empty()
        && indentation(source, end).len() <= open_width
        && parent_width.map_or(true, |p| open_width > p)
    {
        return Some(describe(source, open, here, true));
    }
    // A block left open at the point the parser stopped: its `}` belongs before the line where
    // the parser stopped (or at the end of the text).
    let insert_at = if end < source.len() {
        line_start(source, end)
    } else {
        source.len()
    };
    Some(describe(source, open, insert_at, false))
}

fn describe(source: &str, open: usize, insert_at: usize, by_layout: bool) -> Unclosed {
    let start = line_start(source, open);
    let indent = indentation(source, open);
    Unclosed {
        opening: Span::new(start + indent.len(), open + 1),
        insert_at,
        indent: indent.to_string(),
        by_layout,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blames_the_block_whose_brace_the_layout_leaves_open() {
        let src = "part I \"a\" {\n  article 1 \"b\" {\n    text \"x\"\n\n  article 2 \"c\" {\n  }\n}\npart II \"d\" {\n}\n";
        let u = unclosed(src, src.find("part II").unwrap()).unwrap();
        assert_eq!(&src[u.opening.range()], "article 1 \"b\" {");
        assert_eq!(u.insert_at, src.find("  article 2").unwrap());
        assert_eq!(u.indent, "  ");
    }

    #[test]
    fn a_brace_open_at_the_end_is_the_innermost() {
        let src = "part I \"a\" {\n  article 1 \"b\" {\n    text \"x\"\n  }\n";
        let u = unclosed(src, src.len()).unwrap();
        assert_eq!(&src[u.opening.range()], "part I \"a\" {");
        assert_eq!(u.insert_at, src.len());
        assert_eq!(unclosed("a {\n}\n", 6), None);
        let flat = "part I \"a\" {\narticle 1 \"b\" {\n}\npart II \"c\" {\n}\n";
        let u = unclosed(flat, flat.find("part II").unwrap()).unwrap();
        assert_eq!(&flat[u.opening.range()], "part I \"a\" {");
    }
}
