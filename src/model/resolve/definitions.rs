//! P009: a defined term that nothing uses.

use super::*;

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
        for d in &defs {
            let term = stem(&d.term.value);
            let used_elsewhere = defs
                .iter()
                .zip(&meanings)
                .any(|(o, meaning)| o.span != d.span && meaning.contains(&term));
            if !used_elsewhere && !corpus.contains(&term) {
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
