//! Word-level diff of the prose (`text` blocks) of matched articles.

use super::matching::{Budget, Matching};
use super::{ArticleRef, Draft, ProseChange};
use schemars::JsonSchema;
use serde::Serialize;

/// Whether a run of words is kept, deleted or inserted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Op {
    Equal,
    Delete,
    Insert,
}

/// A run of prose with one operation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Segment {
    pub op: Op,
    pub text: String,
}

/// Texts whose token counts multiply to more than this are first compared sentence by
/// sentence, and only the sentences that changed are compared word by word (when they are
/// small enough; larger runs are shown deleted and inserted whole). It bounds the work of a
/// rewritten long text, which a word diff does in time quadratic in its length.
const EXACT_TOKENS: usize = 4_000_000;

/// The word-level diff of two texts, as runs; consecutive words with the same operation are
/// joined into one run.
pub fn word_diff(old: &str, new: &str) -> Vec<Segment> {
    word_diff_within(old, new, &mut Budget::default())
}

/// As [`word_diff`], every sequence diff paid from `budget` (the product of the two lengths, a
/// bound of what it can cost); a diff the budget cannot pay shows its run deleted and inserted
/// whole, and the budget is marked exceeded (P016).
pub(crate) fn word_diff_within(old: &str, new: &str, budget: &mut Budget) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    let a = words(old);
    let b = words(new);
    if fits(a.len(), b.len(), budget) {
        diff_units(&a, &b, &mut out);
        return out;
    }
    let a = sentences(old);
    let b = sentences(new);
    if !fits(a.len(), b.len(), budget) {
        push(&mut out, Op::Delete, old);
        push(&mut out, Op::Insert, new);
        return out;
    }
    for op in similar::capture_diff_slices(similar::Algorithm::Myers, &a, &b) {
        let (o, n) = (op.old_range(), op.new_range());
        let (x, y) = (a[o].concat(), b[n].concat());
        match op {
            similar::DiffOp::Equal { .. } => push(&mut out, Op::Equal, &x),
            _ => {
                let (wx, wy) = (words(&x), words(&y));
                if fits(wx.len(), wy.len(), budget) {
                    diff_units(&wx, &wy, &mut out);
                } else {
                    push(&mut out, Op::Delete, &x);
                    push(&mut out, Op::Insert, &y);
                }
            }
        }
    }
    out
}

/// Whether a diff of sequences of `a` and `b` units is small enough to run, paid from `budget`.
/// A pair too large for any diff ([`EXACT_TOKENS`]) costs nothing: it is shown whole.
fn fits(a: usize, b: usize, budget: &mut Budget) -> bool {
    let pairs = a.saturating_mul(b);
    pairs <= EXACT_TOKENS && budget.spend(pairs as u64)
}

/// Add a run, joining it to the last one when the operation is the same.
fn push(out: &mut Vec<Segment>, op: Op, text: &str) {
    if text.is_empty() {
        return;
    }
    match out.last_mut() {
        Some(last) if last.op == op => last.text.push_str(text),
        _ => out.push(Segment {
            op,
            text: text.to_string(),
        }),
    }
}

/// The diff of two sequences of units (words and spaces, or sentences), as runs.
fn diff_units(a: &[&str], b: &[&str], out: &mut Vec<Segment>) {
    for op in similar::capture_diff_slices(similar::Algorithm::Myers, a, b) {
        for change in op.iter_changes(a, b) {
            let op = match change.tag() {
                similar::ChangeTag::Equal => Op::Equal,
                similar::ChangeTag::Delete => Op::Delete,
                similar::ChangeTag::Insert => Op::Insert,
            };
            push(out, op, change.value());
        }
    }
}

/// Words and the spaces between them, each a unit.
fn words(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut space = None;
    for (i, c) in s.char_indices() {
        let w = c.is_whitespace();
        if space.is_some_and(|s| s != w) {
            out.push(&s[start..i]);
            start = i;
        }
        space = Some(w);
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    out
}

/// Sentences (and lines), each with the space that follows it.
fn sentences(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = s.as_bytes();
    for (i, &c) in bytes.iter().enumerate() {
        let end = match c {
            b'\n' => true,
            b'.' | b';' | b':' => bytes.get(i + 1).is_some_and(|n| *n == b' '),
            _ => false,
        };
        if end {
            let mut j = i + 1;
            while bytes.get(j) == Some(&b' ') {
                j += 1;
            }
            if j > start && j <= s.len() {
                out.push(&s[start..j]);
                start = j;
            }
        }
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    out
}

/// An article's prose: its `text` blocks and their paragraphs separated by blank lines, each
/// paragraph on one line, so that re-wrapping the source is not an edit.
fn prose(d: &Draft<'_>, i: usize) -> String {
    let Some(a) = d.agreement.articles.get(i) else {
        return String::new();
    };
    let mut paragraphs = Vec::new();
    for t in &a.texts {
        let mut current: Vec<&str> = Vec::new();
        for line in t.lines() {
            if line.trim().is_empty() {
                if !current.is_empty() {
                    paragraphs.push(current.join(" "));
                    current.clear();
                }
            } else {
                current.extend(line.split_whitespace());
            }
        }
        if !current.is_empty() {
            paragraphs.push(current.join(" "));
        }
    }
    paragraphs.join("\n\n")
}

/// The prose changes of every article, in the order of the new draft; a removed article's prose
/// stands after the article that preceded it.
pub fn changes(
    old: &Draft<'_>,
    new: &Draft<'_>,
    m: &Matching,
    budget: &mut Budget,
) -> Vec<ProseChange> {
    let (a, b) = (&old.agreement.articles, &new.agreement.articles);
    let mut keyed: Vec<((usize, usize, usize), ProseChange)> = Vec::new();
    for (n, art) in b.iter().enumerate() {
        let new_text = prose(new, n);
        let o = m.articles.old_of(n);
        let old_text = o.map(|o| prose(old, o)).unwrap_or_default();
        if old_text == new_text {
            continue;
        }
        keyed.push((
            (n, 0, 0),
            ProseChange {
                old: o.and_then(|o| a.get(o)).map(ArticleRef::of),
                new: Some(ArticleRef::of(art)),
                segments: word_diff_within(&old_text, &new_text, budget),
            },
        ));
    }
    let preceding = m.preceding_new();
    for (o, art) in a.iter().enumerate() {
        if m.articles.new_of(o).is_some() || art.texts.is_empty() {
            continue;
        }
        let after = preceding[o];
        keyed.push((
            (after, 1, o),
            ProseChange {
                old: Some(ArticleRef::of(art)),
                new: None,
                segments: word_diff_within(&prose(old, o), "", budget),
            },
        ));
    }
    keyed.sort_by_key(|(k, _)| *k);
    keyed.into_iter().map(|(_, c)| c).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_diff_keeps_unchanged_words_and_marks_edits() {
        let d = word_diff(
            "the posting may last 24 months",
            "the posting may last 36 months",
        );
        let deleted: String = d
            .iter()
            .filter(|s| s.op == Op::Delete)
            .map(|s| s.text.as_str())
            .collect();
        let inserted: String = d
            .iter()
            .filter(|s| s.op == Op::Insert)
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(deleted, "24");
        assert_eq!(inserted, "36");
        let old: String = d
            .iter()
            .filter(|s| s.op != Op::Insert)
            .map(|s| s.text.as_str())
            .collect();
        let new: String = d
            .iter()
            .filter(|s| s.op != Op::Delete)
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(old, "the posting may last 24 months");
        assert_eq!(new, "the posting may last 36 months");
    }
}
