//! Which provisions coordinate which branch for which Party. The checks of material scope,
//! aggregation and export all ask the same questions ("does anything aggregate old-age periods for
//! NL?"), so the answers live here, once.
//!
//! A provision concerns a Party unless its `parties:` field names other Parties only (`all`, or no
//! field, means every Party).
//!
//! Two ways say on purpose that a branch in a Party's material scope is not coordinated: the
//! modifier `BRANCH applicable-legislation-only` in a scope line
//! ([`Agreement::coordinated_scope_of`]) and `benefit BRANCH { excluded: yes }` concerning the Party
//! ([`Agreement::excluded_for`]). Either answers P103 (a branch listed with no rule at all) and P607
//! (no institution), because the omission is then deliberate. The principle checks (P401, P501,
//! P504) still report the branch: a deliberate gap in aggregation or export is still a gap for the
//! migrant worker. P406 and P505 do not report a branch in scope for the applicable legislation
//! only: no benefit is paid under the agreement for it, so there is nothing to aggregate or to
//! provide abroad (Netherlands–Japan Art 2(2) for Dutch unemployment and Japanese health care).

use super::{Agreement, Branch, Provision, ScopeEntry};
use crate::span::Span;
use std::collections::BTreeSet;

/// The block provisions that coordinate the branches their `branches:` field names.
pub(crate) const COORDINATING_BLOCKS: &[&str] = &[
    "aggregation",
    "calculation",
    "export",
    "minimum-period",
    "residence-fiction",
];

impl Agreement {
    /// Whether a provision concerns a Party (its `parties:` field names it, says `all`, or is absent).
    pub fn concerns(&self, provision: &Provision, party: &str) -> bool {
        let Some(field) = provision.field("parties") else {
            return true;
        };
        let words = provision.words("parties");
        words.is_empty() && field.items.is_empty()
            || words.iter().any(|w| *w == "all" || *w == party)
    }

    /// The branches a coordinating provision covers: its `branches:` field (`all` = the material
    /// scope), the long-term branches for a `minimum-period` without one, or the branch of
    /// `benefit BRANCH { … }`.
    pub(crate) fn branches_of(&self, provision: &Provision) -> BTreeSet<Branch> {
        if let Some(b) = provision.branch {
            return BTreeSet::from([b]);
        }
        if provision.keyword.value == "minimum-period" && !provision.has("branches") {
            return Branch::LONG_TERM.into_iter().collect();
        }
        self.branches_in(provision, "branches")
    }

    /// Whether the agreement says on purpose that a branch is not coordinated for a Party
    /// (`benefit BRANCH { excluded: yes }`).
    pub(crate) fn excluded_for(&self, branch: Branch, party: &str) -> bool {
        self.benefits_for(branch)
            .any(|p| p.has_word("excluded", "yes") && self.concerns(p, party))
    }

    /// The Parties whose material scope holds a branch.
    pub(crate) fn parties_covering(&self, branch: Branch) -> Vec<&str> {
        self.party_codes()
            .into_iter()
            .filter(|p| self.scope_of(p).contains(&branch))
            .collect()
    }

    /// Whether a branch in a Party's scope is deliberately left uncoordinated (written
    /// `applicable-legislation-only`, or `benefit BRANCH { excluded: yes }`).
    pub(crate) fn deliberately_uncoordinated(&self, branch: Branch, party: &str) -> bool {
        !self.coordinated_scope_of(party).contains(&branch) || self.excluded_for(branch, party)
    }

    /// The blocks with a keyword that cover a branch for a Party.
    pub(crate) fn blocks_covering<'a>(
        &'a self,
        keyword: &'a str,
        branch: Branch,
        party: &'a str,
    ) -> impl Iterator<Item = &'a Provision> + 'a {
        self.provisions_named(keyword)
            .filter(move |p| self.concerns(p, party) && self.branches_of(p).contains(&branch))
    }

    /// The branch provisions `benefit BRANCH { … }` of a branch that concern a Party.
    pub(crate) fn benefits_covering<'a>(
        &'a self,
        branch: Branch,
        party: &'a str,
    ) -> impl Iterator<Item = &'a Provision> + 'a {
        self.benefits_for(branch)
            .filter(move |p| self.concerns(p, party))
    }

    /// Whether any coordination rule covers a branch for a Party: a coordinating block naming the
    /// branch, or a `benefit BRANCH { … }` chapter (an explicit exclusion included).
    pub(crate) fn has_coordination(&self, branch: Branch, party: &str) -> bool {
        COORDINATING_BLOCKS
            .iter()
            .any(|k| self.blocks_covering(k, branch, party).next().is_some())
            || self.benefits_covering(branch, party).next().is_some()
    }

    /// Whether periods are aggregated for a branch and Party: an `aggregation` block naming the
    /// branch, or `benefit BRANCH { aggregation: yes }`.
    /// Whether every law of a Party in scope for a branch asks no qualifying period
    /// (`no-qualifying-period` on its `scope` lines): the Party's periods need no aggregation.
    pub(crate) fn asks_no_qualifying_period(&self, branch: Branch, party: &str) -> bool {
        let mut laws = self
            .scopes
            .iter()
            .filter(|s| s.party.value == party && s.branches.contains(&branch))
            .peekable();
        laws.peek().is_some()
            && laws.all(|s| s.bases.contains(&super::basis::Basis::NoQualifyingPeriod))
    }

    pub fn aggregates(&self, branch: Branch, party: &str) -> bool {
        self.blocks_covering("aggregation", branch, party)
            .next()
            .is_some()
            || self
                .benefits_covering(branch, party)
                .any(|p| p.has_word("aggregation", "yes"))
    }

    /// Whether a branch's benefits are paid abroad for a Party: an `export` block naming the
    /// branch, or `benefit BRANCH { exported: yes }`.
    pub fn exports(&self, branch: Branch, party: &str) -> bool {
        self.blocks_covering("export", branch, party)
            .next()
            .is_some()
            || self
                .benefits_covering(branch, party)
                .any(|p| p.has_word("exported", "yes"))
    }

    /// The first scope line that puts a branch in a Party's material scope.
    pub(crate) fn scope_entry(&self, party: &str, branch: Branch) -> Option<&ScopeEntry> {
        self.scopes
            .iter()
            .find(|s| s.party.value == party && s.branches.contains(&branch))
    }

    /// The span that anchors a finding about one branch: the first scope line holding it for one
    /// of the Parties, else the agreement's anchor.
    pub(crate) fn branch_anchor(&self, branch: Branch, parties: &[&str]) -> Span {
        parties
            .iter()
            .find_map(|p| self.scope_entry(p, branch))
            .map_or_else(|| self.anchor(), ScopeEntry::head)
    }

    /// Where a Party's `schemes:` names a branch, else the `schemes:` field, else the Party's code.
    pub(crate) fn scheme_span(&self, party: &str, branch: Branch) -> Span {
        if let Some(s) = self.scheme_spans.get(&(party.to_string(), branch)) {
            return *s;
        }
        self.party(party)
            .map_or_else(|| self.anchor(), |p| p.schemes_span.unwrap_or(p.code.span))
    }
}

impl ScopeEntry {
    /// `scope XA "law"`: the head of a scope line, for labels (the whole entry may run on).
    pub fn head(&self) -> Span {
        Span::new(self.span.start, self.law.span.end.max(self.span.start))
    }
}

/// `a, b and c`
pub(crate) fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}
