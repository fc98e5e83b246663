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

/// The work the matching may do, in counted steps (a token compared, a candidate pair
/// considered). Drafts of real agreements use a small fraction of it; past it, the remaining
/// similarity searches are skipped (what is left unmatched is reported as added and removed)
/// and the report says so, instead of running for minutes.
pub const DEFAULT_BUDGET: u64 = 40_000_000;

/// Groups whose pairs number at most this are matched exactly (every pair considered); larger
/// ones only within a window of nearby positions.
const EXACT_PAIRS: usize = 4096;

/// How many neighbours on each side a windowed search considers.
const WINDOW: usize = 16;

/// The work budget of one diff: steps spent, and whether some search was cut short.
#[derive(Clone, Debug)]
pub struct Budget {
    pub limit: u64,
    pub spent: u64,
    pub exceeded: bool,
}

impl Budget {
    pub fn new(limit: u64) -> Budget {
        Budget {
            limit,
            spent: 0,
            exceeded: false,
        }
    }

    /// Spend `steps`; false (and the budget marked exceeded) when they are not available.
    pub(crate) fn spend(&mut self, steps: u64) -> bool {
        if self.spent.saturating_add(steps) > self.limit {
            self.exceeded = true;
            return false;
        }
        self.spent += steps;
        true
    }
}

impl Default for Budget {
    fn default() -> Self {
        Budget::new(DEFAULT_BUDGET)
    }
}

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

    pub(crate) fn new_of(&self, o: usize) -> Option<usize> {
        self.old_to_new.get(o).copied().flatten()
    }

    pub(crate) fn old_of(&self, n: usize) -> Option<usize> {
        self.new_to_old.get(n).copied().flatten()
    }

    /// The free elements of each side, grouped by key (elements without a key are left out),
    /// each group's positions in increasing order. Groups come in the order of their first old
    /// element, so that the result does not depend on hashing.
    fn groups<K: std::hash::Hash + Eq>(
        &self,
        key_old: impl Fn(usize) -> Option<K>,
        key_new: impl Fn(usize) -> Option<K>,
    ) -> Vec<(Vec<usize>, Vec<usize>)> {
        let mut index: std::collections::HashMap<K, usize> = std::collections::HashMap::new();
        let mut groups: Vec<(Vec<usize>, Vec<usize>)> = Vec::new();
        for o in (0..self.old_to_new.len()).filter(|&o| self.old_to_new[o].is_none()) {
            if let Some(k) = key_old(o) {
                let g = *index.entry(k).or_insert_with(|| {
                    groups.push((Vec::new(), Vec::new()));
                    groups.len() - 1
                });
                groups[g].0.push(o);
            }
        }
        for n in (0..self.new_to_old.len()).filter(|&n| self.new_to_old[n].is_none()) {
            if let Some(g) = key_new(n).and_then(|k| index.get(&k)) {
                groups[*g].1.push(n);
            }
        }
        groups.retain(|(o, n)| !o.is_empty() && !n.is_empty());
        groups
    }

    /// Link free pairs with equal keys that the predicate accepts; where one item could pair
    /// with several, the pair of nearest positions wins (see [`symmetric_order`]). Large groups
    /// of equal keys are searched within a window of nearby positions, then what is left of
    /// them is paired in order.
    fn link_by_key<K: std::hash::Hash + Eq>(
        &mut self,
        key_old: impl Fn(usize) -> Option<K>,
        key_new: impl Fn(usize) -> Option<K>,
        mut accept: impl FnMut(usize, usize) -> bool,
        budget: &mut Budget,
    ) {
        for (olds, news) in self.groups(key_old, key_new) {
            let mut candidates: Vec<(usize, usize)> = candidates(&olds, &news, budget, false)
                .into_iter()
                .filter(|&(o, n)| accept(o, n))
                .collect();
            candidates.sort_by_key(|&(o, n)| symmetric_order(o, n));
            for (o, n) in candidates {
                self.link(o, n);
            }
            if olds.len() * news.len() > EXACT_PAIRS {
                // What the window left of a large group of equal keys: in order.
                let rest_o: Vec<usize> = olds
                    .iter()
                    .copied()
                    .filter(|&o| self.old_to_new[o].is_none())
                    .collect();
                let rest_n: Vec<usize> = news
                    .iter()
                    .copied()
                    .filter(|&n| self.new_to_old[n].is_none())
                    .collect();
                for (o, n) in rest_o.into_iter().zip(rest_n) {
                    if budget.spend(1) && accept(o, n) {
                        self.link(o, n);
                    }
                }
            }
        }
    }

    /// Link free pairs of equal keys by decreasing score, keeping only scores at or above the
    /// threshold. Small groups are searched exhaustively, large ones within a window of nearby
    /// positions (positions scaled to the other side's length); every score is paid from the
    /// budget, and once it is spent no more scores are computed.
    fn link_best<K: std::hash::Hash + Eq>(
        &mut self,
        key_old: impl Fn(usize) -> Option<K>,
        key_new: impl Fn(usize) -> Option<K>,
        threshold: f32,
        mut score: impl FnMut(usize, usize, &mut Budget) -> Option<f32>,
        budget: &mut Budget,
    ) {
        let mut scored = Vec::new();
        for (olds, news) in self.groups(key_old, key_new) {
            for (o, n) in candidates(&olds, &news, budget, true) {
                if budget.exceeded {
                    break;
                }
                if let Some(s) = score(o, n, budget).filter(|s| *s >= threshold) {
                    scored.push((s, o, n));
                }
            }
        }
        scored.sort_by(|a, b| {
            b.0.total_cmp(&a.0)
                .then(symmetric_order(a.1, a.2).cmp(&symmetric_order(b.1, b.2)))
        });
        for (_, o, n) in scored {
            self.link(o, n);
        }
    }
}

/// The order in which equally good pairs are linked: nearest positions first. The key does not
/// change when old and new swap places, so `diff(B, A)` pairs exactly what `diff(A, B)` pairs.
fn symmetric_order(o: usize, n: usize) -> (usize, usize, usize) {
    (o.abs_diff(n), o + n, o.min(n))
}

/// The candidate pairs of one group: every pair when there are few, else each element with the
/// [`WINDOW`] nearest elements of the other side on either hand — nearest by position, or when
/// `scaled`, by position relative to the side's length. The window is taken from both sides, so
/// that swapping the drafts gives the same candidates.
fn candidates(
    olds: &[usize],
    news: &[usize],
    budget: &mut Budget,
    scaled: bool,
) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    if olds.len() * news.len() <= EXACT_PAIRS {
        budget.spend((olds.len() * news.len()) as u64);
        for &o in olds {
            for &n in news {
                out.push((o, n));
            }
        }
        return out;
    }
    // Where each element of `from` would stand in `to`: by position, or by scaled rank.
    let near = |from: &[usize], to: &[usize], i: usize| -> usize {
        if scaled {
            i * to.len() / from.len().max(1)
        } else {
            to.partition_point(|&x| x < from[i])
        }
    };
    for (i, &o) in olds.iter().enumerate() {
        let c = near(olds, news, i);
        for &n in &news[c.saturating_sub(WINDOW)..(c + WINDOW).min(news.len())] {
            out.push((o, n));
        }
    }
    for (j, &n) in news.iter().enumerate() {
        let c = near(news, olds, j);
        for &o in &olds[c.saturating_sub(WINDOW)..(c + WINDOW).min(olds.len())] {
            out.push((o, n));
        }
    }
    out.sort_unstable();
    out.dedup();
    budget.spend(out.len() as u64);
    out
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
    /// For each old article, the new article matched to the nearest matched old article before
    /// it (0 when there is none): where a removed article is reported.
    pub(crate) fn preceding_new(&self) -> Vec<usize> {
        let mut last = 0;
        let mut out = Vec::with_capacity(self.articles.old_to_new.len());
        for n in &self.articles.old_to_new {
            out.push(last);
            if let Some(n) = n {
                last = *n;
            }
        }
        out
    }

    /// Whether old article `o` and new article `n` are the same article.
    pub(crate) fn same_article(&self, o: Option<usize>, n: Option<usize>) -> bool {
        match (o, n) {
            (Some(o), Some(n)) => self.articles.new_of(o) == Some(n),
            (None, None) => true,
            _ => false,
        }
    }
}

/// A text prepared for similarity: its words and spaces (the tokens of a word diff) and their
/// counts.
#[derive(Clone, Debug)]
pub struct Words {
    text: String,
    /// The token count and (token hash, count) sorted by hash, computed when first needed.
    bag: std::cell::OnceCell<(usize, Vec<(u64, u32)>)>,
}

impl Words {
    pub fn new(text: String) -> Words {
        Words {
            text,
            bag: std::cell::OnceCell::new(),
        }
    }

    fn bag(&self) -> &(usize, Vec<(u64, u32)>) {
        self.bag.get_or_init(|| {
            use std::hash::{Hash, Hasher};
            let mut hashes: Vec<u64> = tokens(&self.text)
                .map(|t| {
                    let mut h = std::collections::hash_map::DefaultHasher::new();
                    t.hash(&mut h);
                    h.finish()
                })
                .collect();
            let count = hashes.len();
            hashes.sort_unstable();
            let mut bag: Vec<(u64, u32)> = Vec::new();
            for h in hashes {
                match bag.last_mut() {
                    Some((x, c)) if *x == h => *c += 1,
                    _ => bag.push((h, 1)),
                }
            }
            (count, bag)
        })
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
}

/// The tokens of a word diff: runs of non-space and runs of space.
fn tokens(s: &str) -> impl Iterator<Item = &str> {
    let mut rest = s;
    std::iter::from_fn(move || {
        let first = rest.chars().next()?;
        let space = first.is_whitespace();
        let end = rest
            .char_indices()
            .find(|(_, c)| c.is_whitespace() != space)
            .map_or(rest.len(), |(i, _)| i);
        let (token, tail) = rest.split_at(end);
        rest = tail;
        Some(token)
    })
}

/// Texts whose token counts multiply to more than this are compared by their words' counts only,
/// not by their longest common run.
const EXACT_TOKENS: usize = 250_000;

/// How similar two texts are, word by word, from 0 to 1: the share of tokens of both on their
/// longest common subsequence. The share of tokens the two have in common, counted without order,
/// bounds it from above and is computed first, in linear time: when it is under `threshold`, it
/// is returned as is (the pair will not be linked anyway). Long texts are compared by that
/// count alone. Every token compared is paid from the budget; `None` when it is spent.
pub fn similarity(a: &Words, b: &Words, threshold: f32, budget: &mut Budget) -> Option<f32> {
    if a.text == b.text {
        return Some(1.0);
    }
    if !budget.spend((a.text.len() + b.text.len()) as u64 / 4 + 1) {
        return None;
    }
    let ((a_tokens, a_bag), (b_tokens, b_bag)) = (a.bag(), b.bag());
    let total = a_tokens + b_tokens;
    if total == 0 {
        return Some(1.0);
    }
    let (mut i, mut j, mut common) = (0, 0, 0u64);
    while i < a_bag.len() && j < b_bag.len() {
        match a_bag[i].0.cmp(&b_bag[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += u64::from(a_bag[i].1.min(b_bag[j].1));
                i += 1;
                j += 1;
            }
        }
    }
    let bound = (2 * common) as f32 / total as f32;
    if bound < threshold || a_tokens.saturating_mul(*b_tokens) > EXACT_TOKENS {
        return Some(bound);
    }
    if !budget.spend((a_tokens * b_tokens) as u64) {
        return None;
    }
    Some(similar::TextDiff::from_words(&a.text, &b.text).ratio())
}

/// White space collapsed to single spaces.
pub(crate) fn normalize(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text after the first `:` of a span: a rule without its label.
fn after_colon(file: &SourceFile, span: Span) -> String {
    let s = file.slice(span);
    normalize(s.split_once(':').map_or(s, |(_, rest)| rest))
}

/// A rule's conditions and target, as written, without label or clauses.
pub(crate) fn rule_signature(file: &SourceFile, rule: &crate::ast::Rule) -> String {
    after_colon(file, rule.head_span)
}

/// A rule's conditions, target and clauses, without its label.
pub(crate) fn rule_body(file: &SourceFile, rule: &crate::ast::Rule) -> String {
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

/// Match two drafts, paying the work from `budget` (see [`Budget`]).
pub(crate) fn match_drafts_within(
    old: &Draft<'_>,
    new: &Draft<'_>,
    budget: &mut Budget,
) -> Matching {
    let (articles, article_by) = match_articles(old, new, budget);
    let mut m = Matching {
        articles,
        article_by,
        ..Matching::default()
    };
    m.rules = match_rules(old, new, &m, budget);
    m.provisions = match_provisions(old, new, &m, budget);
    m.scopes = match_scopes(old, new, &m, budget);
    m.scenarios = match_scenarios(old, new, budget);
    m
}

/// Any old element and any new one: the key of stages that compare across the whole draft.
fn any(_: usize) -> Option<()> {
    Some(())
}

/// Where an element stands, as a key that is equal for an old and a new element exactly when
/// [`Matching::same_article`] holds: the new article matched to the old one's, or none.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum InArticle {
    Outside,
    Article(usize),
}

fn old_article(m: &Matching, article: Option<usize>) -> Option<InArticle> {
    match article {
        None => Some(InArticle::Outside),
        Some(o) => m.articles.new_of(o).map(InArticle::Article),
    }
}

fn new_article(article: Option<usize>) -> Option<InArticle> {
    Some(article.map_or(InArticle::Outside, InArticle::Article))
}

fn match_articles(
    old: &Draft<'_>,
    new: &Draft<'_>,
    budget: &mut Budget,
) -> (Pairs, Vec<Option<MatchedBy>>) {
    let (a, b) = (&old.agreement.articles, &new.agreement.articles);
    let mut pairs = Pairs::new(a.len(), b.len());
    let mut by = vec![None; a.len()];
    let yes = |_: usize, _: usize| true;
    // 1. Stable tags.
    let mut s = pairs.clone();
    s.link_by_key(|o| a[o].tag.as_ref(), |n| b[n].tag.as_ref(), yes, budget);
    adopt(&mut pairs, &mut by, &s, MatchedBy::Tag);
    // 2. Number and title.
    let mut s = pairs.clone();
    s.link_by_key(
        |o| Some((&a[o].number, &a[o].title)),
        |n| Some((&b[n].number, &b[n].title)),
        yes,
        budget,
    );
    adopt(&mut pairs, &mut by, &s, MatchedBy::NumberAndTitle);
    // 3. Title alone, when it is unique among the unmatched articles of both drafts.
    let mut s = pairs.clone();
    for (olds, news) in pairs.groups(|o| a[o].title.as_ref(), |n| b[n].title.as_ref()) {
        if let ([o], [n]) = (olds.as_slice(), news.as_slice()) {
            s.link(*o, *n);
        }
    }
    adopt(&mut pairs, &mut by, &s, MatchedBy::Title);
    // 4. Content.
    let bodies_old: Vec<Words> = (0..a.len())
        .map(|i| Words::new(article_body(old, i)))
        .collect();
    let bodies_new: Vec<Words> = (0..b.len())
        .map(|i| Words::new(article_body(new, i)))
        .collect();
    let mut s = pairs.clone();
    // The same body first (it would score 1), found by identity rather than by search.
    s.link_by_key(
        |o| Some(&bodies_old[o].text).filter(|t| !t.is_empty()),
        |n| Some(&bodies_new[n].text).filter(|t| !t.is_empty()),
        yes,
        budget,
    );
    s.link_best(
        any,
        any,
        0.6,
        |o, n, budget| {
            if bodies_old[o].is_empty() && bodies_new[n].is_empty() {
                return None;
            }
            similarity(&bodies_old[o], &bodies_new[n], 0.6, budget)
        },
        budget,
    );
    adopt(&mut pairs, &mut by, &s, MatchedBy::Content);
    // 5. Same number, retitled and edited, while the content still resembles.
    let mut s = pairs.clone();
    let mut resembles = Vec::new();
    for (olds, news) in pairs.groups(|o| Some(&a[o].number), |n| Some(&b[n].number)) {
        for (o, n) in candidates(&olds, &news, budget, false) {
            if similarity(&bodies_old[o], &bodies_new[n], 0.3, budget).is_some_and(|x| x >= 0.3) {
                resembles.push((o, n));
            }
        }
    }
    resembles.sort_by_key(|&(o, n)| symmetric_order(o, n));
    for (o, n) in resembles {
        s.link(o, n);
    }
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

fn match_rules(old: &Draft<'_>, new: &Draft<'_>, m: &Matching, budget: &mut Budget) -> Pairs {
    let (a, b) = (&old.agreement.rules, &new.agreement.rules);
    let sig_a: Vec<String> = a
        .iter()
        .map(|r| rule_signature(old.file, &r.rule))
        .collect();
    let sig_b: Vec<String> = b
        .iter()
        .map(|r| rule_signature(new.file, &r.rule))
        .collect();
    let art_a = |o: usize| old_article(m, a[o].place.article);
    let art_b = |n: usize| new_article(b[n].place.article);
    let yes = |_: usize, _: usize| true;
    let mut pairs = Pairs::new(a.len(), b.len());
    pairs.link_by_key(
        |o| Some((art_a(o)?, &sig_a[o])),
        |n| Some((art_b(n)?, &sig_b[n])),
        yes,
        budget,
    );
    pairs.link_by_key(
        |o| Some((art_a(o)?, &a[o].rule.label.value)),
        |n| Some((art_b(n)?, &b[n].rule.label.value)),
        yes,
        budget,
    );
    pairs.link_by_key(|o| Some(&sig_a[o]), |n| Some(&sig_b[n]), yes, budget);
    let body_a: Vec<Words> = a
        .iter()
        .map(|r| Words::new(rule_body(old.file, &r.rule)))
        .collect();
    let body_b: Vec<Words> = b
        .iter()
        .map(|r| Words::new(rule_body(new.file, &r.rule)))
        .collect();
    pairs.link_best(
        any,
        any,
        0.6,
        |o, n, budget| similarity(&body_a[o], &body_b[n], 0.6, budget),
        budget,
    );
    pairs
}

fn match_provisions(old: &Draft<'_>, new: &Draft<'_>, m: &Matching, budget: &mut Budget) -> Pairs {
    let (a, b) = (&old.agreement.provisions, &new.agreement.provisions);
    let kind_a = |o: usize| (&a[o].keyword.value, a[o].branch);
    let kind_b = |n: usize| (&b[n].keyword.value, b[n].branch);
    let art_a = |o: usize| old_article(m, a[o].place.article);
    let art_b = |n: usize| new_article(b[n].place.article);
    let text_a: Vec<Words> = a
        .iter()
        .map(|p| Words::new(normalize(old.file.slice(p.span))))
        .collect();
    let text_b: Vec<Words> = b
        .iter()
        .map(|p| Words::new(normalize(new.file.slice(p.span))))
        .collect();
    let yes = |_: usize, _: usize| true;
    let mut pairs = Pairs::new(a.len(), b.len());
    // Inside matched articles: the same text first, then the same kind by closest content.
    pairs.link_by_key(
        |o| Some((kind_a(o), art_a(o)?, &text_a[o].text)),
        |n| Some((kind_b(n), art_b(n)?, &text_b[n].text)),
        yes,
        budget,
    );
    pairs.link_best(
        |o| Some((kind_a(o), art_a(o)?)),
        |n| Some((kind_b(n), art_b(n)?)),
        0.0,
        |o, n, budget| similarity(&text_a[o], &text_b[n], 0.0, budget),
        budget,
    );
    // Moved to another article: the same text, then the same kind with resembling content.
    pairs.link_by_key(
        |o| Some((kind_a(o), &text_a[o].text)),
        |n| Some((kind_b(n), &text_b[n].text)),
        yes,
        budget,
    );
    pairs.link_best(
        |o| Some(kind_a(o)),
        |n| Some(kind_b(n)),
        0.3,
        |o, n, budget| similarity(&text_a[o], &text_b[n], 0.3, budget),
        budget,
    );
    pairs
}

fn match_scopes(old: &Draft<'_>, new: &Draft<'_>, m: &Matching, budget: &mut Budget) -> Pairs {
    let (a, b) = (&old.agreement.scopes, &new.agreement.scopes);
    let yes = |_: usize, _: usize| true;
    let mut pairs = Pairs::new(a.len(), b.len());
    pairs.link_by_key(
        |o| {
            Some((
                &a[o].party.value,
                &a[o].law.value,
                old_article(m, a[o].place.article)?,
            ))
        },
        |n| {
            Some((
                &b[n].party.value,
                &b[n].law.value,
                new_article(b[n].place.article)?,
            ))
        },
        yes,
        budget,
    );
    pairs.link_by_key(
        |o| Some((&a[o].party.value, &a[o].law.value)),
        |n| Some((&b[n].party.value, &b[n].law.value)),
        yes,
        budget,
    );
    pairs
}

fn match_scenarios(old: &Draft<'_>, new: &Draft<'_>, budget: &mut Budget) -> Pairs {
    let (a, b) = (&old.agreement.scenarios, &new.agreement.scenarios);
    let text = |f: &SourceFile, s: &crate::ast::Scenario| {
        Words::new(normalize(f.slice(Span::new(s.name.span.end, s.span.end))))
    };
    let ta: Vec<Words> = a.iter().map(|s| text(old.file, s)).collect();
    let tb: Vec<Words> = b.iter().map(|s| text(new.file, s)).collect();
    let yes = |_: usize, _: usize| true;
    let mut pairs = Pairs::new(a.len(), b.len());
    pairs.link_by_key(
        |o| Some(&a[o].name.value),
        |n| Some(&b[n].name.value),
        yes,
        budget,
    );
    pairs.link_by_key(|o| Some(&ta[o].text), |n| Some(&tb[n].text), yes, budget);
    pairs.link_best(
        any,
        any,
        0.6,
        |o, n, budget| similarity(&ta[o], &tb[n], 0.6, budget),
        budget,
    );
    pairs
}

/// The old indices of matched pairs whose relative order changed: those that are not in every
/// longest run of pairs kept in the same order in both drafts. The definition does not depend on
/// which draft is read first, so that a swap marks both articles in both directions.
pub(crate) fn out_of_order(pairs: &Pairs) -> Vec<usize> {
    let seq: Vec<(usize, usize)> = pairs
        .old_to_new
        .iter()
        .enumerate()
        .filter_map(|(o, n)| n.map(|n| (o, n)))
        .collect();
    let len = seq.len();
    let width = pairs.new_to_old.len() + 1;
    // ending[i]: the longest increasing run ending at i; starting[i]: starting at i. Each is a
    // running maximum over the new positions below (above) it: a Fenwick tree of maxima,
    // O(n log n).
    let mut ending = vec![1usize; len];
    let mut tree = MaxTree::new(width);
    for i in 0..len {
        ending[i] = tree.max_below(seq[i].1) + 1;
        tree.raise(seq[i].1, ending[i]);
    }
    let mut starting = vec![1usize; len];
    let mut tree = MaxTree::new(width);
    for i in (0..len).rev() {
        // Positions above v are positions below width - 1 - v when mirrored.
        let mirrored = width - 1 - seq[i].1;
        starting[i] = tree.max_below(mirrored - 1) + 1;
        tree.raise(mirrored - 1, starting[i]);
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

/// Prefix maxima over positions `0..len`: raise a position's value, ask the maximum strictly
/// below a position.
struct MaxTree(Vec<usize>);

impl MaxTree {
    fn new(len: usize) -> MaxTree {
        MaxTree(vec![0; len + 1])
    }

    fn raise(&mut self, position: usize, value: usize) {
        let mut i = position + 1;
        while i < self.0.len() {
            self.0[i] = self.0[i].max(value);
            i += i & i.wrapping_neg();
        }
    }

    fn max_below(&self, position: usize) -> usize {
        let mut i = position;
        let mut best = 0;
        while i > 0 {
            best = best.max(self.0[i]);
            i -= i & i.wrapping_neg();
        }
        best
    }
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
