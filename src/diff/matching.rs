//! Pairing the elements of two drafts: articles, rules, provisions and scenarios.
//!
//! Articles are matched in stages, each only among the articles still unmatched: by stable tag,
//! by number and title, by title alone, by content similarity, and last by number when the
//! content still resembles. Rules are matched by their conditions and target inside matched
//! articles, then by label inside matched articles, then by conditions anywhere, then by
//! similarity. Provisions by keyword (and branch) inside matched articles, then anywhere.
//! Every stage is deterministic: ties go to the earlier element.

use super::{Draft, MatchedBy};
use crate::span::{SourceFile, Span};

/// A partial one-to-one pairing between the elements of the old and the new draft.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Pairs {
    pub old_to_new: Vec<Option<usize>>,
    pub new_to_old: Vec<Option<usize>>,
}

impl Pairs {
    pub fn new(old: usize, new: usize) -> Pairs {
        Pairs {
            old_to_new: vec![None; old],
            new_to_old: vec![None; new],
        }
    }

    fn free(&self, o: usize, n: usize) -> bool {
        self.old_to_new.get(o) == Some(&None) && self.new_to_old.get(n) == Some(&None)
    }

    fn link(&mut self, o: usize, n: usize) -> bool {
        if !self.free(o, n) {
            return false;
        }
        self.old_to_new[o] = Some(n);
        self.new_to_old[n] = Some(o);
        true
    }

    pub fn new_of(&self, o: usize) -> Option<usize> {
        self.old_to_new.get(o).copied().flatten()
    }

    pub fn old_of(&self, n: usize) -> Option<usize> {
        self.new_to_old.get(n).copied().flatten()
    }

    /// Link every free pair the predicate accepts; where one item could pair with several, the
    /// pair of nearest positions wins (see [`symmetric_order`]).
    fn link_where(&mut self, mut accept: impl FnMut(usize, usize) -> bool) {
        let mut candidates = Vec::new();
        for o in 0..self.old_to_new.len() {
            for n in 0..self.new_to_old.len() {
                if self.free(o, n) && accept(o, n) {
                    candidates.push((o, n));
                }
            }
        }
        candidates.sort_by_key(|&(o, n)| symmetric_order(o, n));
        for (o, n) in candidates {
            self.link(o, n);
        }
    }

    /// Link free pairs by decreasing score, keeping only scores at or above the threshold.
    fn link_best(&mut self, threshold: f32, mut score: impl FnMut(usize, usize) -> Option<f32>) {
        let mut candidates = Vec::new();
        for o in 0..self.old_to_new.len() {
            for n in 0..self.new_to_old.len() {
                if self.free(o, n) {
                    if let Some(s) = score(o, n).filter(|s| *s >= threshold) {
                        candidates.push((s, o, n));
                    }
                }
            }
        }
        candidates.sort_by(|a, b| {
            b.0.total_cmp(&a.0)
                .then(symmetric_order(a.1, a.2).cmp(&symmetric_order(b.1, b.2)))
        });
        for (_, o, n) in candidates {
            self.link(o, n);
        }
    }
}

/// The order in which equally good pairs are linked: nearest positions first. The key does not
/// change when old and new swap places, so `diff(B, A)` pairs exactly what `diff(A, B)` pairs.
fn symmetric_order(o: usize, n: usize) -> (usize, usize, usize) {
    (o.abs_diff(n), o + n, o.min(n))
}

/// All the pairings between two drafts.
#[derive(Clone, Debug, Default)]
pub struct Matching {
    pub articles: Pairs,
    /// How each old article was matched (indexed like the old articles).
    pub article_by: Vec<Option<MatchedBy>>,
    pub rules: Pairs,
    /// Block, branch and line provisions (`Agreement::provisions`).
    pub provisions: Pairs,
    pub scopes: Pairs,
    pub scenarios: Pairs,
}

impl Matching {
    /// Whether old article `o` and new article `n` are the same article.
    pub fn same_article(&self, o: Option<usize>, n: Option<usize>) -> bool {
        match (o, n) {
            (Some(o), Some(n)) => self.articles.new_of(o) == Some(n),
            (None, None) => true,
            _ => false,
        }
    }
}

/// How similar two texts are, word by word, from 0 to 1.
pub fn similarity(a: &str, b: &str) -> f32 {
    if a == b {
        return 1.0;
    }
    similar::TextDiff::from_words(a, b).ratio()
}

/// White space collapsed to single spaces.
pub fn normalize(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text after the first `:` of a span: a rule without its label.
fn after_colon(file: &SourceFile, span: Span) -> String {
    let s = file.slice(span);
    normalize(s.split_once(':').map_or(s, |(_, rest)| rest))
}

/// A rule's conditions and target, as written, without label or clauses.
pub fn rule_signature(file: &SourceFile, rule: &crate::ast::Rule) -> String {
    after_colon(file, rule.head_span)
}

/// A rule's conditions, target and clauses, without its label.
pub fn rule_body(file: &SourceFile, rule: &crate::ast::Rule) -> String {
    after_colon(file, rule.span)
}

/// The body of an article as written (everything after its heading).
fn article_body(d: &Draft<'_>, i: usize) -> String {
    d.agreement
        .articles
        .get(i)
        .map(|a| normalize(d.file.slice(Span::new(a.head_span.end, a.span.end))))
        .unwrap_or_default()
}

pub fn match_drafts(old: &Draft<'_>, new: &Draft<'_>) -> Matching {
    let (articles, article_by) = match_articles(old, new);
    let mut m = Matching {
        articles,
        article_by,
        ..Matching::default()
    };
    m.rules = match_rules(old, new, &m);
    m.provisions = match_provisions(old, new, &m);
    m.scopes = match_scopes(old, new, &m);
    m.scenarios = match_scenarios(old, new);
    m
}

fn match_articles(old: &Draft<'_>, new: &Draft<'_>) -> (Pairs, Vec<Option<MatchedBy>>) {
    let (a, b) = (&old.agreement.articles, &new.agreement.articles);
    let mut pairs = Pairs::new(a.len(), b.len());
    let mut by = vec![None; a.len()];
    // 1. Stable tags.
    let mut s = pairs.clone();
    s.link_where(|o, n| a[o].tag.is_some() && a[o].tag == b[n].tag);
    adopt(&mut pairs, &mut by, &s, MatchedBy::Tag);
    // 2. Number and title.
    let mut s = pairs.clone();
    s.link_where(|o, n| a[o].number == b[n].number && a[o].title == b[n].title);
    adopt(&mut pairs, &mut by, &s, MatchedBy::NumberAndTitle);
    // 3. Title alone, when it is unique among the unmatched articles of both drafts.
    let mut s = pairs.clone();
    let unique = |list: &[crate::model::ArticleInfo], side: &[Option<usize>], t: &str| {
        list.iter()
            .enumerate()
            .filter(|(i, x)| side.get(*i) == Some(&None) && x.title.as_deref() == Some(t))
            .count()
            == 1
    };
    let snapshot = pairs.clone();
    s.link_where(|o, n| match (&a[o].title, &b[n].title) {
        (Some(x), Some(y)) if x == y => {
            unique(a, &snapshot.old_to_new, x) && unique(b, &snapshot.new_to_old, y)
        }
        _ => false,
    });
    adopt(&mut pairs, &mut by, &s, MatchedBy::Title);
    // 4. Content.
    let bodies_old: Vec<String> = (0..a.len()).map(|i| article_body(old, i)).collect();
    let bodies_new: Vec<String> = (0..b.len()).map(|i| article_body(new, i)).collect();
    let mut s = pairs.clone();
    s.link_best(0.6, |o, n| {
        if bodies_old[o].is_empty() && bodies_new[n].is_empty() {
            return None;
        }
        Some(similarity(&bodies_old[o], &bodies_new[n]))
    });
    adopt(&mut pairs, &mut by, &s, MatchedBy::Content);
    // 5. Same number, retitled and edited, while the content still resembles.
    let mut s = pairs.clone();
    s.link_where(|o, n| {
        a[o].number == b[n].number && similarity(&bodies_old[o], &bodies_new[n]) >= 0.3
    });
    adopt(&mut pairs, &mut by, &s, MatchedBy::Number);
    (pairs, by)
}

/// Take over the links a stage added, recording how they were made.
fn adopt(pairs: &mut Pairs, by: &mut [Option<MatchedBy>], stage: &Pairs, how: MatchedBy) {
    for (o, n) in stage.old_to_new.iter().enumerate() {
        if let Some(n) = n {
            if pairs.link(o, *n) {
                if let Some(slot) = by.get_mut(o) {
                    *slot = Some(how);
                }
            }
        }
    }
}

fn match_rules(old: &Draft<'_>, new: &Draft<'_>, m: &Matching) -> Pairs {
    let (a, b) = (&old.agreement.rules, &new.agreement.rules);
    let sig_a: Vec<String> = a
        .iter()
        .map(|r| rule_signature(old.file, &r.rule))
        .collect();
    let sig_b: Vec<String> = b
        .iter()
        .map(|r| rule_signature(new.file, &r.rule))
        .collect();
    let same_article = |o: usize, n: usize| m.same_article(a[o].place.article, b[n].place.article);
    let mut pairs = Pairs::new(a.len(), b.len());
    pairs.link_where(|o, n| same_article(o, n) && sig_a[o] == sig_b[n]);
    pairs.link_where(|o, n| same_article(o, n) && a[o].rule.label.value == b[n].rule.label.value);
    pairs.link_where(|o, n| sig_a[o] == sig_b[n]);
    let body_a: Vec<String> = a.iter().map(|r| rule_body(old.file, &r.rule)).collect();
    let body_b: Vec<String> = b.iter().map(|r| rule_body(new.file, &r.rule)).collect();
    pairs.link_best(0.6, |o, n| Some(similarity(&body_a[o], &body_b[n])));
    pairs
}

fn match_provisions(old: &Draft<'_>, new: &Draft<'_>, m: &Matching) -> Pairs {
    let (a, b) = (&old.agreement.provisions, &new.agreement.provisions);
    let same_kind =
        |o: usize, n: usize| a[o].keyword.value == b[n].keyword.value && a[o].branch == b[n].branch;
    let text_a: Vec<String> = a
        .iter()
        .map(|p| normalize(old.file.slice(p.span)))
        .collect();
    let text_b: Vec<String> = b
        .iter()
        .map(|p| normalize(new.file.slice(p.span)))
        .collect();
    let mut pairs = Pairs::new(a.len(), b.len());
    // Inside matched articles: the same text first, then the same kind by closest content.
    pairs.link_where(|o, n| {
        same_kind(o, n)
            && m.same_article(a[o].place.article, b[n].place.article)
            && text_a[o] == text_b[n]
    });
    pairs.link_best(0.0, |o, n| {
        (same_kind(o, n) && m.same_article(a[o].place.article, b[n].place.article))
            .then(|| similarity(&text_a[o], &text_b[n]))
    });
    // Moved to another article: the same text, then the same kind with resembling content.
    pairs.link_where(|o, n| same_kind(o, n) && text_a[o] == text_b[n]);
    pairs.link_best(0.3, |o, n| {
        same_kind(o, n).then(|| similarity(&text_a[o], &text_b[n]))
    });
    pairs
}

fn match_scopes(old: &Draft<'_>, new: &Draft<'_>, m: &Matching) -> Pairs {
    let (a, b) = (&old.agreement.scopes, &new.agreement.scopes);
    let mut pairs = Pairs::new(a.len(), b.len());
    pairs.link_where(|o, n| {
        a[o].party.value == b[n].party.value
            && a[o].law.value == b[n].law.value
            && m.same_article(a[o].place.article, b[n].place.article)
    });
    pairs.link_where(|o, n| {
        a[o].party.value == b[n].party.value && a[o].law.value == b[n].law.value
    });
    pairs
}

fn match_scenarios(old: &Draft<'_>, new: &Draft<'_>) -> Pairs {
    let (a, b) = (&old.agreement.scenarios, &new.agreement.scenarios);
    let text = |f: &SourceFile, s: &crate::ast::Scenario| {
        normalize(f.slice(Span::new(s.name.span.end, s.span.end)))
    };
    let ta: Vec<String> = a.iter().map(|s| text(old.file, s)).collect();
    let tb: Vec<String> = b.iter().map(|s| text(new.file, s)).collect();
    let mut pairs = Pairs::new(a.len(), b.len());
    pairs.link_where(|o, n| a[o].name.value == b[n].name.value);
    pairs.link_where(|o, n| ta[o] == tb[n]);
    pairs.link_best(0.6, |o, n| Some(similarity(&ta[o], &tb[n])));
    pairs
}

/// The old indices of matched pairs whose relative order changed: those that are not in every
/// longest run of pairs kept in the same order in both drafts. The definition does not depend on
/// which draft is read first, so that a swap marks both articles in both directions.
pub fn out_of_order(pairs: &Pairs) -> Vec<usize> {
    let seq: Vec<(usize, usize)> = pairs
        .old_to_new
        .iter()
        .enumerate()
        .filter_map(|(o, n)| n.map(|n| (o, n)))
        .collect();
    let len = seq.len();
    // O(n²); drafts have at most a few hundred articles.
    // ending[i]: the longest increasing run ending at i; starting[i]: starting at i.
    let mut ending = vec![1usize; len];
    for i in 0..len {
        for j in 0..i {
            if seq[j].1 < seq[i].1 {
                ending[i] = ending[i].max(ending[j] + 1);
            }
        }
    }
    let mut starting = vec![1usize; len];
    for i in (0..len).rev() {
        for j in i + 1..len {
            if seq[i].1 < seq[j].1 {
                starting[i] = starting[i].max(starting[j] + 1);
            }
        }
    }
    let longest = ending.iter().copied().max().unwrap_or(0);
    let on_some: Vec<bool> = (0..len)
        .map(|i| ending[i] + starting[i] == longest + 1)
        .collect();
    // An element is on every longest run when no other element on some run shares its rank.
    let mut per_rank = vec![0usize; longest + 1];
    for i in (0..len).filter(|i| on_some[*i]) {
        per_rank[ending[i]] += 1;
    }
    (0..len)
        .filter(|&i| !(on_some[i] && per_rank[ending[i]] == 1))
        .map(|i| seq[i].0)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(links: &[(usize, usize)], n: usize) -> Pairs {
        let mut p = Pairs::new(n, n);
        for (o, m) in links {
            p.link(*o, *m);
        }
        p
    }

    #[test]
    fn a_swap_moves_both_and_a_shift_moves_one() {
        let swap = pairs(&[(0, 0), (1, 2), (2, 1), (3, 3)], 4);
        assert_eq!(out_of_order(&swap), vec![1, 2]);
        let shift = pairs(&[(0, 3), (1, 0), (2, 1), (3, 2)], 4);
        assert_eq!(out_of_order(&shift), vec![0]);
        let same = pairs(&[(0, 0), (1, 1), (2, 2)], 3);
        assert!(out_of_order(&same).is_empty());
    }
}
