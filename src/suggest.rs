//! "Did you mean" suggestions: a case-insensitive match first, then the nearest by edit distance.

/// The candidate closest to `word`, if any is close enough to be a likely misspelling.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    if word.is_empty() {
        return None;
    }
    let candidates: Vec<&str> = candidates.into_iter().collect();
    if let Some(c) = candidates
        .iter()
        .find(|c| c.eq_ignore_ascii_case(word) && **c != word)
    {
        return Some(c);
    }
    let limit = (word.chars().count() / 3).max(1);
    candidates
        .iter()
        .filter(|c| **c != word)
        .map(|c| (distance(&word.to_lowercase(), &c.to_lowercase()), *c))
        .filter(|(d, _)| *d <= limit)
        .min()
        .map(|(_, c)| c)
}

/// Edit distance over characters, counting a swap of two neighbouring characters as one edit
/// (optimal string alignment), so that `monhts` is one edit from `months`.
pub(crate) fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_nearest() {
        assert_eq!(
            did_you_mean("brances", ["branches", "periods"]),
            Some("branches")
        );
        assert_eq!(did_you_mean("xa", ["XA", "XB"]), Some("XA"));
        assert_eq!(did_you_mean("zzzzzz", ["branches"]), None);
        assert_eq!(did_you_mean("branches", ["branches"]), None);
        assert_eq!(did_you_mean("monhts", ["month", "months"]), Some("months"));
        assert_eq!(distance("ab", "ba"), 1);
    }
}
