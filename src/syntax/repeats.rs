//! The same value written more than once in one list (`schemes: old-age, old-age`): one P019
//! per repeated value, however many times it is repeated, with a fix that keeps the first.

use crate::ast::{ArticleItem, Division, Document, Item, PartItem, Provision};
use crate::diag::{Diagnostic, Edit, Fix, Severity};
use crate::span::Span;
use std::collections::HashMap;

/// The most repetitions a fix deletes one by one; beyond, the help says what to do.
const MAX_FIX_EDITS: usize = 64;

/// Every repeated value in the lists of a document.
pub(super) fn check(source: &str, doc: &Document) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut list = |name: &str, items: &[Item]| repeated(source, name, items, &mut out);
    if let Some(h) = &doc.header {
        h.fields.iter().for_each(|f| list(&f.name.value, &f.items));
    }
    for p in &doc.parties {
        p.fields.iter().for_each(|f| list(&f.name.value, &f.items));
        p.institutions
            .iter()
            .for_each(|i| list("institution", &i.branches));
    }
    let mut provisions = |ps: &mut dyn Iterator<Item = &Provision>| {
        for p in ps {
            match p {
                Provision::Scope(s) => list("scope", &s.branches),
                Provision::Benefit(b) => {
                    b.fields.iter().for_each(|f| list(&f.name.value, &f.items))
                }
                Provision::Block(b) => b.fields.iter().for_each(|f| list(&f.name.value, &f.items)),
                Provision::Line(l) => list(&l.keyword.value, &l.items),
                _ => {}
            }
        }
    };
    let articles = doc.body.iter().flat_map(|d| match d {
        Division::Article(a) => vec![a],
        Division::Part(p) => p
            .items
            .iter()
            .flat_map(|i| match i {
                PartItem::Article(a) => vec![a],
                PartItem::Chapter(c) => c.articles.iter().collect(),
                _ => Vec::new(),
            })
            .collect(),
    });
    for a in articles {
        provisions(&mut a.items.iter().flat_map(|i| match i {
            ArticleItem::Provision(p) => vec![p],
            ArticleItem::Paragraph(para) => para.provisions.iter().collect(),
        }));
    }
    out
}

fn repeated(source: &str, name: &str, items: &[Item], out: &mut Vec<Diagnostic>) {
    if items.len() < 2 {
        return;
    }
    // value as written -> indices of its items, in order
    let mut seen: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut order: Vec<&str> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let text = source.get(item.span.range()).unwrap_or("").trim();
        let places = seen.entry(text).or_default();
        if places.is_empty() {
            order.push(text);
        }
        places.push(i);
    }
    for text in order {
        let places = &seen[text];
        if places.len() < 2 {
            continue;
        }
        let first = items[places[0]].span;
        let second = items[places[1]].span;
        let extra = places.len() - 1;
        let shown: String = text.chars().take(40).collect();
        let times = if extra == 1 {
            "twice".to_string()
        } else {
            format!("{} times", places.len())
        };
        let mut d = Diagnostic::new(
            "P019",
            Severity::Warning,
            format!("`{shown}` is listed {times} in `{name}`"),
            second,
        )
        .label("listed again")
        .secondary(first, "first listed here");
        if extra <= MAX_FIX_EDITS {
            d = d.help("list it once (the fix deletes the repetitions)");
            d.fixes.push(Fix {
                title: format!("Keep only the first `{shown}`"),
                edits: places[1..]
                    .iter()
                    .map(|&i| Edit {
                        // From the end of the item before it, so that its comma goes too.
                        span: Span::new(items[i - 1].span.end, items[i].span.end),
                        replacement: String::new(),
                    })
                    .collect(),
            });
        } else {
            d = d.help("list it once");
        }
        out.push(d);
    }
}
