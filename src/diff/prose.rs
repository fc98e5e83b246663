//! Word-level diff of the prose (`text` blocks) of matched articles.

use super::matching::Matching;
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

/// The word-level diff of two texts, as runs; consecutive words with the same operation are
/// joined into one run.
pub fn word_diff(old: &str, new: &str) -> Vec<Segment> {
    let diff = similar::TextDiff::from_words(old, new);
    let mut out: Vec<Segment> = Vec::new();
    for change in diff.iter_all_changes() {
        let op = match change.tag() {
            similar::ChangeTag::Equal => Op::Equal,
            similar::ChangeTag::Delete => Op::Delete,
            similar::ChangeTag::Insert => Op::Insert,
        };
        match out.last_mut() {
            Some(last) if last.op == op => last.text.push_str(change.value()),
            _ => out.push(Segment {
                op,
                text: change.value().to_string(),
            }),
        }
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
pub fn changes(old: &Draft<'_>, new: &Draft<'_>, m: &Matching) -> Vec<ProseChange> {
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
                segments: word_diff(&old_text, &new_text),
            },
        ));
    }
    for (o, art) in a.iter().enumerate() {
        if m.articles.new_of(o).is_some() || art.texts.is_empty() {
            continue;
        }
        let after = (0..o).rev().find_map(|p| m.articles.new_of(p)).unwrap_or(0);
        keyed.push((
            (after, 1, o),
            ProseChange {
                old: Some(ArticleRef::of(art)),
                new: None,
                segments: word_diff(&prose(old, o), ""),
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
