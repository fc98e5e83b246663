//! Baselines: the findings a repository has accepted for now, so that CI fails only on new ones.
//!
//! A finding is recorded by its file, its code, the article it stands in (`#tag` when the
//! article has a stable tag, else `article N`) and the text of the line it points at (trimmed,
//! runs of whitespace collapsed), plus an occurrence index among findings sharing all of these.
//! No line or column number is recorded, so editing, inserting or deleting lines elsewhere in
//! the file leaves the entry valid; changing the flagged line itself, or renumbering an untagged
//! article, makes the finding new.
//!
//! The library only builds, parses and compares baselines; the command line reads and writes
//! the file.

use crate::diag::Diagnostic;
use crate::model::Agreement;
use crate::span::SourceFile;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The `schema` value of a baseline file.
pub(crate) const SCHEMA_ID: &str = "pacta.baseline/1";

/// One accepted finding.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The file, relative to the repository root, with forward slashes.
    pub file: String,
    pub code: String,
    /// The enclosing article (`#posting`, `article 7`), or empty outside any article.
    #[serde(default)]
    pub anchor: String,
    /// The flagged line's text, trimmed, whitespace collapsed.
    pub context: String,
    /// 0 for the first finding with this file, code, anchor and context, 1 for the next…
    #[serde(default)]
    pub occurrence: usize,
    /// The message when the baseline was written: for the reader, not used for matching.
    #[serde(default)]
    pub message: String,
}

/// The identity of an entry: everything but the message.
type Key<'a> = (&'a str, &'a str, &'a str, &'a str, usize);

impl Entry {
    fn key(&self) -> Key<'_> {
        (
            &self.file,
            &self.code,
            &self.anchor,
            &self.context,
            self.occurrence,
        )
    }

    /// A short stable hash of the identity (64-bit FNV-1a, hex), for SARIF `partialFingerprints`.
    pub(crate) fn fingerprint(&self) -> String {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        let occurrence = self.occurrence.to_string();
        for part in [
            self.file.as_str(),
            &self.code,
            &self.anchor,
            &self.context,
            &occurrence,
        ] {
            for b in part.bytes().chain([0u8]) {
                h ^= u64::from(b);
                h = h.wrapping_mul(0x0000_0100_0000_01b3);
            }
        }
        format!("{h:016x}")
    }
}

/// A baseline file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub schema: String,
    pub entries: Vec<Entry>,
}

/// The result of checking today's findings against a baseline.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Comparison {
    /// For each current entry, in order: whether the baseline holds it.
    pub known: Vec<bool>,
    /// Baseline entries that no current finding matches (fixed, or their line changed).
    pub gone: Vec<Entry>,
}

impl Comparison {
    pub fn new_count(&self) -> usize {
        self.known.iter().filter(|k| !**k).count()
    }
}

impl Baseline {
    /// A baseline holding these entries, in canonical order.
    pub fn new(mut entries: Vec<Entry>) -> Baseline {
        entries.sort();
        entries.dedup();
        Baseline {
            schema: SCHEMA_ID.to_string(),
            entries,
        }
    }

    /// Read a baseline file's text. Errors are one line.
    pub fn parse(text: &str) -> Result<Baseline, String> {
        let b: Baseline =
            serde_json::from_str(text).map_err(|e| format!("not a Pacta baseline: {e}"))?;
        if b.schema != SCHEMA_ID {
            return Err(format!(
                "baseline schema is `{}`, this version of Pacta reads `{SCHEMA_ID}`",
                b.schema
            ));
        }
        Ok(b)
    }

    /// The file's text: pretty JSON with a final newline.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_else(|_| "{}".to_string());
        s.push('\n');
        s
    }

    /// Which current entries are known, and which baseline entries are gone.
    pub fn compare(&self, current: &[Entry]) -> Comparison {
        let recorded: BTreeSet<Key> = self.entries.iter().map(Entry::key).collect();
        let seen: BTreeSet<Key> = current.iter().map(Entry::key).collect();
        Comparison {
            known: current
                .iter()
                .map(|e| recorded.contains(&e.key()))
                .collect(),
            gone: self
                .entries
                .iter()
                .filter(|e| !seen.contains(&e.key()))
                .cloned()
                .collect(),
        }
    }
}

/// The enclosing article of a byte offset: `#tag`, `article N`, or empty.
fn anchor(agreement: Option<&Agreement>, offset: usize) -> String {
    let Some(a) = agreement else {
        return String::new();
    };
    a.articles
        .iter()
        .filter(|art| art.span.start <= offset && offset < art.span.end)
        .min_by_key(|art| art.span.end - art.span.start)
        .map(|art| match &art.tag {
            Some(tag) => format!("#{tag}"),
            None => format!("article {}", art.number),
        })
        .unwrap_or_default()
}

/// The text of the line holding a byte offset, trimmed, with whitespace runs collapsed.
fn context(file: &SourceFile, offset: usize) -> String {
    let text = &file.text;
    let offset = offset.min(text.len());
    let start = text
        .get(..offset)
        .and_then(|s| s.rfind('\n'))
        .map_or(0, |i| i + 1);
    let end = text
        .get(offset..)
        .and_then(|s| s.find('\n'))
        .map_or(text.len(), |i| offset + i);
    text.get(start..end)
        .unwrap_or("")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The baseline entries of one file's findings, in the findings' order. `file_key` is the path
/// recorded (relative to the repository root); `agreement` gives the enclosing articles, when
/// the file resolved.
pub fn entries(
    file_key: &str,
    file: &SourceFile,
    agreement: Option<&Agreement>,
    diagnostics: &[Diagnostic],
) -> Vec<Entry> {
    let mut out: Vec<Entry> = Vec::with_capacity(diagnostics.len());
    for d in diagnostics {
        let offset = d.primary.span.start;
        let mut e = Entry {
            file: file_key.to_string(),
            code: d.code.to_string(),
            anchor: anchor(agreement, offset),
            context: context(file, offset),
            occurrence: 0,
            message: d.message.clone(),
        };
        e.occurrence = out
            .iter()
            .filter(|o| (&o.code, &o.anchor, &o.context) == (&e.code, &e.anchor, &e.context))
            .count();
        out.push(e);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Severity;
    use crate::span::Span;

    fn diag(code: &'static str, text: &str, needle: &str, nth: usize) -> Diagnostic {
        let start = text
            .match_indices(needle)
            .nth(nth)
            .map(|(i, _)| i)
            .unwrap_or_default();
        Diagnostic::new(code, Severity::Warning, "m", Span::new(start, start + 1))
    }

    #[test]
    fn entries_survive_edits_elsewhere() {
        let before = "a\n  rule   1.1: x\nb\nrule 1.1: x\n";
        let after = "new line\n\na\nrule 1.1: x\nb\nrule 1.1: x\n";
        let mk = |text: &str| {
            let f = SourceFile::new("f", text);
            let ds = [diag("P002", text, "rule", 0), diag("P002", text, "rule", 1)];
            entries("dir/f.pacta", &f, None, &ds)
        };
        let old = mk(before);
        assert_eq!(old[0].context, "rule 1.1: x");
        assert_eq!((old[0].occurrence, old[1].occurrence), (0, 1));
        let cmp = Baseline::new(old.clone()).compare(&mk(after));
        assert_eq!(cmp.known, vec![true, true]);
        assert!(cmp.gone.is_empty());
        assert_eq!(old[0].fingerprint(), mk(after)[0].fingerprint());
        assert_ne!(old[0].fingerprint(), old[1].fingerprint());
    }

    #[test]
    fn new_and_gone_findings_are_told_apart() {
        let text = "x\ny\n";
        let f = SourceFile::new("f", text);
        let base = Baseline::new(entries("f", &f, None, &[diag("P008", text, "x", 0)]));
        let now = entries("f", &f, None, &[diag("P009", text, "y", 0)]);
        let cmp = base.compare(&now);
        assert_eq!(cmp.known, vec![false]);
        assert_eq!(cmp.new_count(), 1);
        assert_eq!(cmp.gone.len(), 1);
        assert_eq!(cmp.gone[0].code, "P008");
    }

    #[test]
    fn parse_round_trips_and_rejects_other_schemas() {
        let f = SourceFile::new("f", "x\n");
        let b = Baseline::new(entries("f", &f, None, &[diag("P008", "x\n", "x", 0)]));
        assert_eq!(Baseline::parse(&b.to_json()), Ok(b));
        assert!(Baseline::parse("{\"schema\":\"pacta.baseline/9\",\"entries\":[]}").is_err());
        assert!(Baseline::parse("[]").is_err());
    }
}
