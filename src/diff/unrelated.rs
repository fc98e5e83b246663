//! Two files that do not look like drafts of one agreement: the diff still runs, but the report
//! says so first, so that a wrong file on the command line is not read as a rewrite.

use super::matching::Matching;
use super::{Draft, MatchedBy};

/// Why the two drafts look unrelated, in one sentence; `None` when they look like two drafts of
/// the same agreement: they share a Party, and either keep their title, or keep their Parties
/// and at least a quarter of their articles recognisable by tag, title or content.
pub(super) fn warning(old: &Draft<'_>, new: &Draft<'_>, m: &Matching) -> Option<String> {
    let (a, b) = (old.agreement, new.agreement);
    let (pa, pb) = (a.party_codes(), b.party_codes());
    if !pa.is_empty() && !pb.is_empty() && !pa.iter().any(|p| pb.contains(p)) {
        return Some(format!(
            "the drafts look unrelated: they have no Party in common ({} → {}); check that both \
             files are drafts of the same agreement",
            pa.join(", "),
            pb.join(", ")
        ));
    }
    let title = |d: &Draft<'_>| d.agreement.title.as_ref().map(|t| t.value.clone());
    if title(old) == title(new) {
        return None;
    }
    let (mut sa, mut sb) = (pa.clone(), pb.clone());
    sa.sort_unstable();
    sb.sort_unstable();
    if sa != sb && !sa.is_empty() && !sb.is_empty() {
        return Some(format!(
            "the drafts look unrelated: their titles and their Parties differ ({} → {}); check \
             that both files are drafts of the same agreement",
            pa.join(", "),
            pb.join(", ")
        ));
    }
    let fewer = a.articles.len().min(b.articles.len());
    if fewer < 3 {
        return None;
    }
    let recognised = m
        .article_by
        .iter()
        .flatten()
        .filter(|by| !matches!(by, MatchedBy::Number))
        .count();
    (recognised * 4 < fewer).then(|| {
        format!(
            "the drafts look unrelated: their titles differ and only {recognised} of {fewer} \
             articles match by tag, title or content; check that both files are drafts of the \
             same agreement"
        )
    })
}
