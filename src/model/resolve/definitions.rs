//! P009: a defined term that nothing uses.

use super::*;

/// Up to this many distinct terms, each is looked for on its own.
const FEW_TERMS: usize = 16;

impl Resolver {
    /// P009: a defined term that no prose, string or other definition uses.
    pub(super) fn unused_definitions(&mut self, doc: &Document) {
        if self.agreement.definitions.is_empty() {
            return;
        }
        let mut corpus = String::new();
        for a in &self.agreement.articles {
            for t in &a.texts {
                corpus.push_str(&t.to_lowercase());
                corpus.push('\n');
            }
        }
        for h in doc.header.iter().flat_map(|h| &h.texts) {
            corpus.push_str(&h.text.to_lowercase());
        }
        for p in &self.agreement.provisions {
            for s in p
                .fields
                .iter()
                .flat_map(|f| &f.items)
                .flat_map(|i| &i.values)
            {
                match &s.kind {
                    ValueKind::Str(x) => corpus.push_str(&x.to_lowercase()),
                    ValueKind::Word(w) => corpus.push_str(&w.replace('-', " ")),
                    _ => {}
                }
                corpus.push('\n');
            }
            // `periods: insurance` uses the term "period of insurance".
            for w in p.words("periods") {
                corpus.push_str(&format!("period of {}", w.replace('-', " ")));
                corpus.push('\n');
            }
        }
        for r in &self.agreement.rules {
            for c in &r.rule.clauses {
                if let ClauseKind::Where { criterion, .. } = &c.kind {
                    corpus.push_str(&criterion.value.to_lowercase());
                }
            }
        }
        let corpus = stem(&corpus);
        let defs = self.agreement.definitions.clone();
        let meanings: Vec<String> = defs.iter().map(|d| stem(&d.meaning.value)).collect();
        let terms: Vec<String> = defs.iter().map(|d| stem(&d.term.value)).collect();
        // Which terms the prose and the other definitions' meanings contain, in one pass over
        // each (a search per term and text was quadratic in the number of definitions).
        let mut in_corpus: Vec<bool> = terms.iter().map(String::is_empty).collect();
        let mut in_meaning = in_corpus.clone();
        // Each distinct term once: the definitions that define it.
        let mut distinct: Vec<(&str, Vec<usize>)> = Vec::new();
        let mut index: std::collections::HashMap<&str, usize> = Default::default();
        for (i, t) in terms.iter().enumerate() {
            let k = *index.entry(t.as_str()).or_insert_with(|| {
                distinct.push((t.as_str(), Vec::new()));
                distinct.len() - 1
            });
            distinct[k].1.push(i);
        }
        let patterns: Vec<&str> = distinct.iter().map(|(t, _)| *t).collect();
        // A few terms are looked for one at a time (a substring search is fast, building an
        // automaton is not); many in one pass.
        let searcher = (patterns.len() > FEW_TERMS)
            .then(|| aho_corasick::AhoCorasick::new(&patterns).ok())
            .flatten();
        if let Some(searcher) = searcher {
            for m in searcher.find_overlapping_iter(&corpus) {
                for &i in &distinct[m.pattern().as_usize()].1 {
                    in_corpus[i] = true;
                }
            }
            for (o, meaning) in defs.iter().zip(&meanings) {
                for m in searcher.find_overlapping_iter(meaning) {
                    for &i in &distinct[m.pattern().as_usize()].1 {
                        if defs[i].span != o.span {
                            in_meaning[i] = true;
                        }
                    }
                }
            }
        } else {
            for (i, term) in terms.iter().enumerate() {
                in_corpus[i] = corpus.contains(term.as_str());
                in_meaning[i] = defs
                    .iter()
                    .zip(&meanings)
                    .any(|(o, meaning)| o.span != defs[i].span && meaning.contains(term.as_str()));
            }
        }
        for ((d, used_elsewhere), found) in defs.iter().zip(in_meaning).zip(in_corpus) {
            if !used_elsewhere && !found {
                self.push(
                    Diagnostic::new(
                        "P009",
                        Severity::Info,
                        format!("the term \"{}\" is defined but never used", d.term.value),
                        d.term.span,
                    )
                    .label("defined here")
                    .help("use the term in the text, or remove the definition"),
                );
            }
        }
    }
}

/// Lowercase words with simple plural endings removed, so that "competent authorities" uses the
/// term "competent authority".
pub(super) fn stem(text: &str) -> String {
    let lower = text.to_lowercase();
    let mut out = String::with_capacity(lower.len());
    for w in lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        if let Some(base) = w.strip_suffix("ies") {
            out.push_str(base);
            out.push('y');
        } else if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") {
            out.push_str(&w[..w.len() - 1]);
        } else {
            out.push_str(w);
        }
    }
    out
}
