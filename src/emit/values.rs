//! Reading the fields of a provision into output values: words, strings, periods, yes/no,
//! branches and phrases.

use super::types::{BranchPeriod, PartyPhrase, Period, Setting, Unit};
use crate::ast::{self, Item, ValueKind};
use crate::model::{Agreement, Branch, Provision};

pub(super) fn period(d: ast::Duration) -> Period {
    Period {
        amount: d.amount,
        unit: match d.unit {
            ast::Unit::Day => Unit::Day,
            ast::Unit::Week => Unit::Week,
            ast::Unit::Month => Unit::Month,
            ast::Unit::Quarter => Unit::Quarter,
            ast::Unit::Year => Unit::Year,
        },
        days: d.days(),
    }
}

/// One value as text: words and codes as written, strings unquoted, durations as `24 months`.
pub(super) fn value_text(kind: &ValueKind) -> String {
    match kind {
        ValueKind::Word(s)
        | ValueKind::Code(s)
        | ValueKind::Str(s)
        | ValueKind::Date(s)
        | ValueKind::Label(s) => s.clone(),
        ValueKind::Integer(n) => n.to_string(),
        ValueKind::Percent(n) => format!("{n}%"),
        ValueKind::Duration(d) => d.to_string(),
        ValueKind::Tag(t) => format!("#{t}"),
    }
}

/// An item as text: its values joined by spaces.
pub(super) fn item_text(item: &Item) -> String {
    item.values
        .iter()
        .map(|v| value_text(&v.kind))
        .collect::<Vec<_>>()
        .join(" ")
}

fn items<'p>(p: &'p Provision, field: &str) -> &'p [Item] {
    p.field(field).map_or(&[], |f| f.items.as_slice())
}

/// Every item of a field, as text.
pub(super) fn texts(p: &Provision, field: &str) -> Vec<String> {
    items(p, field).iter().map(item_text).collect()
}

/// The first item of a field, as text.
pub(super) fn text(p: &Provision, field: &str) -> Option<String> {
    items(p, field).first().map(item_text)
}

/// `yes` → true, `no` → false.
pub(super) fn yes_no(p: &Provision, field: &str) -> Option<bool> {
    match p.words(field).first() {
        Some(&"yes") => Some(true),
        Some(&"no") => Some(false),
        _ => None,
    }
}

pub(super) fn duration(p: &Provision, field: &str) -> Option<Period> {
    p.duration(field).map(|d| period(d.value))
}

/// A word or a period (`residence-condition: none`, `duration: 5 years`).
pub(super) fn setting(p: &Provision, field: &str) -> Option<Setting> {
    match duration(p, field) {
        Some(d) => Some(Setting::Period(d)),
        None => text(p, field).map(Setting::Word),
    }
}

/// The branches of a field, `all` expanded to the material scope; `None` when not written.
pub(super) fn branches(a: &Agreement, p: &Provision, field: &str) -> Option<Vec<Branch>> {
    p.has(field)
        .then(|| a.branches_in(p, field).into_iter().collect())
}

/// The Parties of a field (`all` or absent → every Party), sorted.
pub(super) fn parties(a: &Agreement, p: &Provision, field: &str) -> Vec<String> {
    let words = p.words(field);
    let mut out: Vec<String> = if words.is_empty() || words.contains(&"all") {
        a.party_codes().into_iter().map(str::to_string).collect()
    } else {
        words.into_iter().map(str::to_string).collect()
    };
    out.sort();
    out.dedup();
    out
}

/// Phrases led by a Party code: `US 6 quarters`, `NL own-periods-only`.
pub(super) fn party_phrases(p: &Provision, field: &str) -> Vec<PartyPhrase> {
    items(p, field)
        .iter()
        .filter_map(|item| {
            let (head, rest) = item.values.split_first()?;
            let party = match &head.kind {
                ValueKind::Code(c) | ValueKind::Word(c) => c.clone(),
                _ => return None,
            };
            let period = rest.iter().find_map(|v| match v.kind {
                ValueKind::Duration(d) => Some(period(d)),
                _ => None,
            });
            let words = rest
                .iter()
                .filter(|v| !matches!(v.kind, ValueKind::Duration(_)))
                .map(|v| value_text(&v.kind))
                .collect();
            Some(PartyPhrase {
                party,
                period,
                words,
            })
        })
        .collect()
}

/// Phrases led by a branch key with a period: `old-age 10 years`.
pub(super) fn branch_periods(p: &Provision, field: &str) -> Vec<BranchPeriod> {
    items(p, field)
        .iter()
        .filter_map(|item| {
            let (head, rest) = item.values.split_first()?;
            let branch = match &head.kind {
                ValueKind::Word(w) => Branch::from_key(w)?,
                _ => return None,
            };
            let period = rest.iter().find_map(|v| match v.kind {
                ValueKind::Duration(d) => Some(period(d)),
                _ => None,
            })?;
            Some(BranchPeriod { branch, period })
        })
        .collect()
}
