//! `pacta renumber`: number Parts (I, II, …), chapters (per Part), Articles (through the file)
//! and paragraphs (per Article) sequentially, and update every reference.
//!
//! A rule label that starts with its Article's number (`7.1`, `7(1)`, `7`) takes the new number
//! (and a paragraph's new number after the dot when the rule sits in that paragraph); every label
//! written elsewhere — `overrides`, `see:`, scenario expectations — that names a rule is rewritten
//! the same way. Tags (`#posting`) are stable and untouched. Only the numbers change, in place:
//! the rest of the file is kept byte for byte.

use crate::diag::Diagnostic;
use crate::numbering::{to_roman, ArticleNo, Style};
use crate::span::Span;
use crate::syntax::{self, Rule};
use std::collections::BTreeMap;

type Pair<'s> = pest::iterators::Pair<'s, Rule>;

/// The renumbered text and the map of rule labels it applied (old → new, changed ones only).
#[derive(Debug)]
pub struct Renumbered {
    pub text: String,
    pub labels: BTreeMap<String, String>,
    /// Old → new Article numbers, changed ones only.
    pub articles: BTreeMap<String, String>,
}

/// One replacement in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub span: Span,
    pub text: String,
}

/// Renumber a file; a file that does not parse is refused with its syntax errors.
pub fn renumber(source: &str) -> Result<Renumbered, Vec<Diagnostic>> {
    let (edits, labels, articles) = edits(source)?;
    Ok(Renumbered {
        text: apply(source, &edits),
        labels,
        articles,
    })
}

/// Apply non-overlapping edits to a text.
pub fn apply(source: &str, edits: &[Edit]) -> String {
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    sorted.sort_by_key(|e| e.span.start);
    let mut out = String::with_capacity(source.len());
    let mut at = 0;
    for e in sorted {
        if e.span.start < at || e.span.end > source.len() {
            continue;
        }
        out.push_str(&source[at..e.span.start]);
        out.push_str(&e.text);
        at = e.span.end;
    }
    out.push_str(&source[at..]);
    out
}

type Maps = (
    Vec<Edit>,
    BTreeMap<String, String>,
    BTreeMap<String, String>,
);

/// The edits that renumber a file, without applying them (for the editor's code action).
pub fn edits(source: &str) -> Result<Maps, Vec<Diagnostic>> {
    let Some(pairs) = syntax::tree(source) else {
        return Err(syntax::parse(source).diagnostics);
    };
    let mut state = State::default();
    let top: Vec<Pair<'_>> = pairs.flat_map(|f| f.into_inner()).collect();
    for item in &top {
        match item.as_rule() {
            Rule::part => state.part(item.clone()),
            Rule::article => state.article(item.clone()),
            _ => {}
        }
    }
    // Second pass: every label written outside a rule's or paragraph's own head.
    let definitions = std::mem::take(&mut state.definitions);
    for item in &top {
        references(item.clone(), &definitions, &state.labels, &mut state.edits);
    }
    let labels = state
        .labels
        .into_iter()
        .filter(|(old, new)| old != new)
        .collect();
    let articles = state
        .articles
        .into_iter()
        .filter(|(old, new)| old != new)
        .collect();
    Ok((state.edits, labels, articles))
}

#[derive(Default)]
struct State {
    parts: usize,
    articles_seen: usize,
    edits: Vec<Edit>,
    /// Rule labels, old → new (first definition wins).
    labels: BTreeMap<String, String>,
    articles: BTreeMap<String, String>,
    /// Starts of the labels that define a rule or a paragraph (not references).
    definitions: std::collections::HashSet<usize>,
}

impl State {
    fn number(&mut self, pair: &Pair<'_>, new: String) {
        if pair.as_str() != new {
            self.edits.push(Edit {
                span: Span::new(pair.as_span().start(), pair.as_span().end()),
                text: new,
            });
        }
    }

    fn part(&mut self, part: Pair<'_>) {
        self.parts += 1;
        let mut chapters = 0;
        for (i, c) in part.into_inner().enumerate() {
            match c.as_rule() {
                _ if i == 0 => self.number(&c, to_roman(self.parts as u32)),
                Rule::chapter => {
                    chapters += 1;
                    for (j, a) in c.into_inner().enumerate() {
                        match a.as_rule() {
                            _ if j == 0 => self.number(&a, chapters.to_string()),
                            Rule::article => self.article(a),
                            _ => {}
                        }
                    }
                }
                Rule::article => self.article(c),
                _ => {}
            }
        }
    }

    fn article(&mut self, article: Pair<'_>) {
        self.articles_seen += 1;
        let mut inner = article.into_inner();
        let Some(number) = inner.next() else { return };
        let old = number.as_str().to_string();
        // The new number in the style the Article was written in (`IV` stays Roman).
        let style = ArticleNo::parse(&old).map_or(Style::Arabic, |n| n.style);
        let new = ArticleNo::sequential(self.articles_seen as u32, style).text;
        self.number(&number, new.clone());
        self.articles.entry(old.clone()).or_insert(new.clone());
        let paragraphs: Vec<Pair<'_>> = inner
            .clone()
            .filter(|p| p.as_rule() == Rule::paragraph)
            .collect();
        let plain = paragraphs.iter().all(|p| {
            p.clone()
                .into_inner()
                .next()
                .is_some_and(|l| l.as_str().bytes().all(|b| b.is_ascii_digit()))
        });
        let mut count = 0;
        for p in inner {
            match p.as_rule() {
                Rule::paragraph => {
                    count += 1;
                    let mut pi = p.into_inner();
                    let Some(label) = pi.next() else { continue };
                    self.definitions.insert(label.as_span().start());
                    let old_paragraph = label.as_str().to_string();
                    let new_paragraph = if plain {
                        count.to_string()
                    } else {
                        old_paragraph.clone()
                    };
                    self.number(&label, new_paragraph.clone());
                    for r in pi.filter(|r| r.as_rule() == Rule::rule) {
                        self.rule(r, &old, &new, Some((&old_paragraph, &new_paragraph)));
                    }
                }
                Rule::rule => self.rule(p, &old, &new, None),
                _ => {}
            }
        }
    }

    fn rule(&mut self, rule: Pair<'_>, old: &str, new: &str, paragraph: Option<(&str, &str)>) {
        let Some(label) = rule.into_inner().next() else {
            return;
        };
        self.definitions.insert(label.as_span().start());
        let text = label.as_str();
        let renamed = relabel(text, old, new, paragraph);
        self.labels
            .entry(text.to_string())
            .or_insert_with(|| renamed.clone());
        self.number(&label, renamed);
    }
}

/// A rule label with its Article's (and paragraph's) new number.
fn relabel(label: &str, old: &str, new: &str, paragraph: Option<(&str, &str)>) -> String {
    let Some(rest) = label.strip_prefix(old) else {
        return label.to_string();
    };
    if rest.starts_with(|c: char| c.is_ascii_digit()) {
        return label.to_string();
    }
    let rest = match paragraph.and_then(|(op, np)| {
        let tail = rest.strip_prefix('.')?.strip_prefix(op)?;
        (!tail.starts_with(|c: char| c.is_ascii_digit())).then(|| format!(".{np}{tail}"))
    }) {
        Some(r) => r,
        None => rest.to_string(),
    };
    format!("{new}{rest}")
}

fn references(
    pair: Pair<'_>,
    definitions: &std::collections::HashSet<usize>,
    labels: &BTreeMap<String, String>,
    edits: &mut Vec<Edit>,
) {
    if matches!(pair.as_rule(), Rule::label | Rule::label_value) {
        let start = pair.as_span().start();
        if !definitions.contains(&start) {
            if let Some(new) = labels.get(pair.as_str()).filter(|n| *n != pair.as_str()) {
                edits.push(Edit {
                    span: Span::new(start, pair.as_span().end()),
                    text: new.clone(),
                });
            }
        }
        return;
    }
    for c in pair.into_inner() {
        references(c, definitions, labels, edits);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renumbers_after_an_inserted_article() {
        let src = "part II \"A\" {\n  article 7 \"x\" { rule 7.1: employed in X -> X }\n  article 7 \"new\" { text \"t\" }\n  article 8 \"y\" { rule 8.1: employed in Y -> Y overrides 7.1 }\n}\nscenario \"s\" { situation: employed in XA expect: XA by 8.1 }\n";
        let r = renumber(src).unwrap();
        assert_eq!(
            r.text,
            "part I \"A\" {\n  article 1 \"x\" { rule 1.1: employed in X -> X }\n  article 2 \"new\" { text \"t\" }\n  article 3 \"y\" { rule 3.1: employed in Y -> Y overrides 1.1 }\n}\nscenario \"s\" { situation: employed in XA expect: XA by 3.1 }\n"
        );
        assert_eq!(renumber(&r.text).unwrap().text, r.text);
    }

    #[test]
    fn keeps_the_style_of_roman_articles() {
        let src = "part III \"A\" {\n  article IV \"x\" { rule IV.1: employed in X -> X }\n  article 9 \"y\" { rule 9.1: employed in Y -> Y overrides IV.1 }\n}\n";
        let r = renumber(src).unwrap();
        assert_eq!(
            r.text,
            "part I \"A\" {\n  article I \"x\" { rule I.1: employed in X -> X }\n  article 2 \"y\" { rule 2.1: employed in Y -> Y overrides I.1 }\n}\n"
        );
        assert_eq!(renumber(&r.text).unwrap().text, r.text);
    }

    #[test]
    fn relabels_paragraphs() {
        assert_eq!(relabel("7.2", "7", "8", Some(("2", "1"))), "8.1");
        assert_eq!(relabel("7(1)", "7", "8", None), "8(1)");
        assert_eq!(relabel("71.1", "7", "8", None), "71.1");
    }
}
