//! Article-level changes: which Articles were added, removed, renumbered, moved or edited.

use super::*;

/// Articles added, removed, renumbered, retitled, retagged or moved, in the order of the new
/// draft (a removed article stands after the article that preceded it).
pub(crate) fn articles(old: &Draft<'_>, new: &Draft<'_>, m: &Matching) -> Vec<ArticleChange> {
    let (a, b) = (&old.agreement.articles, &new.agreement.articles);
    let moved: BTreeSet<usize> = out_of_order(&m.articles).into_iter().collect();
    let mut keyed: Vec<((usize, usize, usize), ArticleChange)> = Vec::new();
    for (n, art) in b.iter().enumerate() {
        let Some(o) = m.articles.old_of(n) else {
            keyed.push((
                (n, 0, 0),
                ArticleChange {
                    kinds: vec![ArticleChangeKind::Added],
                    old: None,
                    new: Some(ArticleRef::of(art)),
                    matched_by: None,
                },
            ));
            continue;
        };
        let Some(was) = a.get(o) else { continue };
        let mut kinds = Vec::new();
        if was.number != art.number {
            kinds.push(ArticleChangeKind::Renumbered);
        }
        if was.title != art.title {
            kinds.push(ArticleChangeKind::Retitled);
        }
        if was.tag != art.tag {
            kinds.push(ArticleChangeKind::Retagged);
        }
        if moved.contains(&o) || was.part != art.part || was.chapter != art.chapter {
            kinds.push(ArticleChangeKind::Moved);
        }
        if !kinds.is_empty() {
            keyed.push((
                (n, 0, 0),
                ArticleChange {
                    kinds,
                    old: Some(ArticleRef::of(was)),
                    new: Some(ArticleRef::of(art)),
                    matched_by: m.article_by.get(o).copied().flatten(),
                },
            ));
        }
    }
    let preceding = m.preceding_new();
    for (o, art) in a.iter().enumerate() {
        if m.articles.new_of(o).is_some() {
            continue;
        }
        let after = preceding[o];
        keyed.push((
            (after, 1, o),
            ArticleChange {
                kinds: vec![ArticleChangeKind::Removed],
                old: Some(ArticleRef::of(art)),
                new: None,
                matched_by: None,
            },
        ));
    }
    keyed.sort_by_key(|(k, _)| *k);
    keyed.into_iter().map(|(_, c)| c).collect()
}
