//! Structured changes between two matched drafts, in the terms negotiators use: "Posting limit
//! (Art. 7(1) → Art. 8(1)): 24 months → 36 months", "Material scope of XB: unemployment added
//! (Art. 2)", "Rule 8.5 removed (Art. 8)".

use super::matching::{normalize, out_of_order, rule_signature, Matching};
use super::{ArticleChange, ArticleChangeKind, ArticleRef, Change, ChangeKind, Draft, Group};
use crate::ast::{self, ClauseKind, ConditionKind, Field};
use crate::model::{Agreement, Branch, Place, Provision};
use crate::render::words;
use crate::span::SourceFile;
use std::collections::{BTreeMap, BTreeSet};

mod articles;
mod cite;
mod header;
mod parties;
mod provisions;
mod rules;
mod scenarios;

pub(crate) use articles::articles;
use cite::items_text;
pub(crate) use cite::{cite_place, cite_rule, field_plain, field_text};
use header::{definitions, header};
use parties::{parties, scope};
use provisions::provisions;
use rules::rules;
use scenarios::scenarios;

// ───────────────────────────── changes ─────────────────────────────

/// Collects changes in emission order; [`Collector::finish`] groups them.
struct Collector<'a> {
    old: &'a Draft<'a>,
    new: &'a Draft<'a>,
    m: &'a Matching,
    out: Vec<Change>,
}

/// A change before it is placed in a group.
struct Draftchange {
    kind: ChangeKind,
    subject: String,
    old_at: Option<String>,
    new_at: Option<String>,
    old_value: Option<String>,
    new_value: Option<String>,
    detail: Option<String>,
    words: Option<super::Words>,
}

fn ch(kind: ChangeKind, subject: impl Into<String>) -> Draftchange {
    Draftchange {
        kind,
        subject: subject.into(),
        old_at: None,
        new_at: None,
        old_value: None,
        new_value: None,
        detail: None,
        words: None,
    }
}

impl Draftchange {
    fn at(mut self, old: Option<String>, new: Option<String>) -> Self {
        self.old_at = old;
        self.new_at = new;
        self
    }
    fn values(mut self, old: Option<String>, new: Option<String>) -> Self {
        self.old_value = old;
        self.new_value = new;
        self
    }
    /// What a whole added or removed element says.
    fn detail(mut self, detail: String) -> Self {
        self.detail = Some(detail);
        self
    }
    /// The element in words, as the old and the new draft have it.
    fn words(mut self, old: Option<String>, new: Option<String>) -> Self {
        self.words = Some(super::Words { old, new });
        self
    }
}

impl Collector<'_> {
    fn push(&mut self, group: Group, party: Option<&str>, c: Draftchange) {
        self.out.push(Change {
            group,
            principle: group.principle(),
            party: party.map(str::to_string),
            kind: c.kind,
            subject: c.subject,
            old_at: c.old_at,
            new_at: c.new_at,
            old_value: c.old_value,
            new_value: c.new_value,
            detail: c.detail,
            words: c.words,
        });
    }

    /// Give the first change pushed since `before` the element's old and new wording.
    fn attach_words(&mut self, before: usize, old: String, new: String) {
        if old != new {
            if let Some(c) = self.out.get_mut(before) {
                c.words = Some(super::Words {
                    old: Some(old),
                    new: Some(new),
                });
            }
        }
    }

    /// Set differences of two lists of words, as added and removed changes.
    #[allow(clippy::too_many_arguments)]
    fn sets(
        &mut self,
        group: Group,
        party: Option<&str>,
        subject: &str,
        old: &[String],
        new: &[String],
        old_at: Option<String>,
        new_at: Option<String>,
    ) {
        for w in new.iter().filter(|w| !old.contains(w)) {
            let c = ch(ChangeKind::Added, subject)
                .at(None, new_at.clone())
                .values(None, Some(w.clone()));
            self.push(group, party, c);
        }
        for w in old.iter().filter(|w| !new.contains(w)) {
            let c = ch(ChangeKind::Removed, subject)
                .at(old_at.clone(), None)
                .values(Some(w.clone()), None);
            self.push(group, party, c);
        }
    }

    fn finish(mut self) -> Vec<Change> {
        // Stable: within a group and a Party, changes keep the order of the drafts.
        self.out
            .sort_by(|x, y| x.group.cmp(&y.group).then(x.party.cmp(&y.party)));
        self.out
    }
}

/// Every structured change between two drafts, grouped by principle (or topic) and Party.
pub(crate) fn changes(old: &Draft<'_>, new: &Draft<'_>, m: &Matching) -> Vec<Change> {
    let mut c = Collector {
        old,
        new,
        m,
        out: Vec::new(),
    };
    header(&mut c);
    definitions(&mut c);
    parties(&mut c);
    scope(&mut c);
    provisions(&mut c);
    rules(&mut c);
    scenarios(&mut c);
    c.finish()
}
