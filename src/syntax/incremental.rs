//! Re-parsing after an edit confined to one Article: only that Article is parsed again; the trees of
//! the other constructs are kept, their spans moved by the change in length ([`super::shift`]).
//! The language server does this on every keystroke, so that a 5,000-line agreement is not parsed
//! whole each time.
//!
//! The result must be what parsing the whole new text gives (the same tree, the same syntax
//! errors, the same partial document); whenever that cannot be guaranteed cheaply, [`reparse`]
//! answers `None` and the caller parses the whole file. It is guaranteed when:
//! - the edit lies strictly inside one Article, after its first character and before its last;
//! - the text removed and the text inserted hold no quote, brace, slash or backslash, so no string,
//!   prose block, comment or block opens or closes: the constructs around keep their extent;
//! - with a syntax error, the Article holds no line the parser resumes at (`article`, `part`, …)
//!   and is followed, up to the next such line, only by closing braces, so that error recovery
//!   and the partial document treat the file exactly as they treat the Article alone.
//!
//! `tests/it/incremental.rs` compares the two on random edits of every agreement.

use super::errors::{self, next_sync_point};
use super::parser::{PactaParser, Rule};
use super::shift::{Move, Shift};
use super::tokens::{tokenize, TokenKind};
use super::with_detail;
use crate::ast::{Article, Division, Document, PartItem};
use crate::diag::Diagnostic;
use crate::span::Span;
use pest::Parser;

/// The region of an edit, found by comparing the old and the new text: `start..old_end` of the old
/// text became `start..new_end` of the new.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Edit {
    pub start: usize,
    pub old_end: usize,
    pub new_end: usize,
}

impl Edit {
    /// The smallest edit turning `old` into `new` (the common prefix and suffix left out), on
    /// character boundaries.
    pub fn between(old: &str, new: &str) -> Edit {
        let (a, b) = (old.as_bytes(), new.as_bytes());
        let mut start = a.iter().zip(b).take_while(|(x, y)| x == y).count();
        while !old.is_char_boundary(start) || !new.is_char_boundary(start) {
            start -= 1;
        }
        let max_suffix = a.len().min(b.len()) - start;
        let mut suffix = a
            .iter()
            .rev()
            .zip(b.iter().rev())
            .take(max_suffix)
            .take_while(|(x, y)| x == y)
            .count();
        while !old.is_char_boundary(a.len() - suffix) || !new.is_char_boundary(b.len() - suffix) {
            suffix -= 1;
        }
        Edit {
            start,
            old_end: a.len() - suffix,
            new_end: b.len() - suffix,
        }
    }

    fn delta(self) -> isize {
        self.new_end as isize - self.old_end as isize
    }
}

/// The file after the edit.
#[derive(Debug)]
pub struct Reparsed {
    /// The whole tree, or the partial one (without the edited Article) when it has syntax errors.
    pub document: Document,
    /// The syntax errors (those of the edited Article: the rest is unchanged and was free of them).
    pub diagnostics: Vec<Diagnostic>,
    /// The span of the edited Article when it has syntax errors (it is missing from `document`).
    pub broken: Option<Span>,
    /// How the positions after the edit moved: the spans of the constructs kept from the old tree
    /// moved so.
    pub(crate) moved: Move,
}

/// Characters whose insertion or removal can change the extent of constructs beyond the Article.
fn reaches_beyond(text: &str) -> bool {
    text.contains(['"', '{', '}', '/', '\\'])
}

/// Re-parse `new` after an edit of `old`, whose tree is `document`. `broken` is the span of the one
/// Article missing from `document` because it had syntax errors (`None` when `document` is the
/// whole tree of `old`, which then had no syntax error). `None` when the whole file must be parsed.
pub fn reparse(
    old: &str,
    document: &Document,
    broken: Option<Span>,
    new: &str,
) -> Option<Reparsed> {
    let edit = Edit::between(old, new);
    if reaches_beyond(&old[edit.start..edit.old_end])
        || reaches_beyond(&new[edit.start..edit.new_end])
    {
        return None;
    }
    // Nor may the edit split or join a `"""`, a `//` or an escape.
    let before = old[..edit.start].chars().next_back().map(String::from);
    let after = old[edit.old_end..].chars().next().map(String::from);
    if before.iter().chain(&after).any(|c| reaches_beyond(c)) {
        return None;
    }
    // A line break typed or removed on a line with a string could end the string early.
    let line = |t: &str, at: usize| {
        let start = t[..at].rfind('\n').map_or(0, |i| i + 1);
        let end = t[at..].find('\n').map_or(t.len(), |i| at + i);
        t[start..end].contains('"')
    };
    if (old[edit.start..edit.old_end].contains('\n')
        || new[edit.start..edit.new_end].contains('\n'))
        && (line(old, edit.start) || line(old, edit.old_end))
    {
        return None;
    }
    let old_span = match broken {
        Some(b) => b,
        None => innermost_article(document, edit)?.span,
    };
    // Inside the Article's body: after its opening brace, before its closing one.
    let body_start = old_span.start
        + tokenize(old.get(old_span.range())?)
            .iter()
            .find(|t| t.kind == TokenKind::Open)?
            .span
            .end;
    let inside = body_start <= edit.start && edit.old_end < old_span.end;
    if !inside || broken.is_some_and(|_| !not_overlapping_others(document, old_span)) {
        return None;
    }
    let moved = Move {
        from: old_span.end,
        delta: edit.delta(),
    };
    let span = Span::new(
        old_span.start,
        old_span.end.checked_add_signed(edit.delta())?,
    );
    let mut padded = " ".repeat(span.start);
    padded.push_str(new.get(span.range())?);
    let mut document = document.clone();
    if broken.is_none() {
        remove_article(&mut document, old_span);
    }
    document.shift(moved);
    match PactaParser::parse(Rule::article_input, &padded) {
        Ok(mut pairs) => {
            let article = pairs.next()?.into_inner().next()?;
            let mut lowering = super::lower::Lowering::new(&padded);
            let article = lowering.article(article);
            if !lowering.finish().is_empty() || article.span != span {
                return None;
            }
            insert_article(&mut document, article)?;
            Some(Reparsed {
                document,
                diagnostics: Vec::new(),
                broken: None,
                moved,
            })
        }
        Err(_) => {
            // The error must be the Article's own, and error recovery must see nothing else.
            if next_sync_point(&padded, span.start).is_some_and(|s| s < span.end) {
                return None;
            }
            let after_end = next_sync_point(new, span.end).unwrap_or(new.len());
            if tokenize(new.get(span.end..after_end)?)
                .iter()
                .any(|t| t.kind != TokenKind::Close)
            {
                return None;
            }
            // With no place to resume inside the Article, the whole file's error recovery
            // reports the first error and resumes after the Article, where the rest parses. The
            // error is described from the whole text, as for the whole file.
            let diagnostics =
                with_detail(|| match PactaParser::parse(Rule::article_input, &padded) {
                    Ok(_) => None,
                    Err(first) => Some(vec![errors::to_diagnostic(new, &first, 0)]),
                })?;
            let within =
                |d: &Diagnostic| d.primary.span.start > span.start && d.primary.span.end < span.end;
            if diagnostics.is_empty() || !diagnostics.iter().all(within) {
                return None;
            }
            Some(Reparsed {
                document,
                diagnostics,
                broken: Some(span),
                moved,
            })
        }
    }
}

/// The Article whose span holds the edit, however deeply it is nested.
fn innermost_article(document: &Document, edit: Edit) -> Option<&Article> {
    crate::ide::articles(document).find(|a| a.span.start < edit.start && edit.old_end < a.span.end)
}

/// Whether a missing Article's span stays clear of every construct still in the tree but those
/// that enclose it.
fn not_overlapping_others(document: &Document, span: Span) -> bool {
    let clear = |s: Span| s.end <= span.start || span.end <= s.start || s.contains(span);
    crate::ide::articles(document).all(|a| clear(a.span) && !a.span.contains(span))
        && document
            .parties
            .iter()
            .all(|p| clear(p.span) && !p.span.contains(span))
        && document
            .scenarios
            .iter()
            .all(|s| clear(s.span) && !s.span.contains(span))
        && document
            .header
            .iter()
            .all(|h| clear(h.span) && !h.span.contains(span))
}

fn remove_article(document: &mut Document, span: Span) {
    document
        .body
        .retain(|d| !matches!(d, Division::Article(a) if a.span == span));
    for d in &mut document.body {
        if let Division::Part(p) = d {
            p.items
                .retain(|i| !matches!(i, PartItem::Article(a) if a.span == span));
            for i in &mut p.items {
                if let PartItem::Chapter(c) = i {
                    c.articles.retain(|a| a.span != span);
                }
            }
        }
    }
}

/// Put an Article back where its span says, in the Part or chapter that encloses it.
fn insert_article(document: &mut Document, article: Article) -> Option<()> {
    let at = article.span;
    let part = document.body.iter_mut().find_map(|d| match d {
        Division::Part(p) if p.span.contains(at) => Some(p),
        _ => None,
    });
    let Some(part) = part else {
        let i = document
            .body
            .iter()
            .position(|d| division_span(d).start > at.start)
            .unwrap_or(document.body.len());
        document.body.insert(i, Division::Article(article));
        return Some(());
    };
    let chapter = part.items.iter_mut().find_map(|i| match i {
        PartItem::Chapter(c) if c.span.contains(at) => Some(c),
        _ => None,
    });
    if let Some(c) = chapter {
        let i = c
            .articles
            .iter()
            .position(|a| a.span.start > at.start)
            .unwrap_or(c.articles.len());
        c.articles.insert(i, article);
        return Some(());
    }
    let i = part
        .items
        .iter()
        .position(|i| part_item_span(i).start > at.start)
        .unwrap_or(part.items.len());
    part.items.insert(i, PartItem::Article(article));
    Some(())
}

fn division_span(d: &Division) -> Span {
    match d {
        Division::Part(p) => p.span,
        Division::Article(a) => a.span,
    }
}

fn part_item_span(i: &PartItem) -> Span {
    match i {
        PartItem::Chapter(c) => c.span,
        PartItem::Article(a) => a.span,
        PartItem::Text(t) => t.span,
        PartItem::Allow(a) => a.span,
    }
}
