//! One root cause, one finding. A number that cannot be read (too large, not a numeral) is
//! reported where it is written (P007) and read as 0 so that the rest of the file can still be
//! resolved; findings about the construct around it (an article "numbered 0", "a zero duration",
//! an article 0 "appearing twice") are companions of that one error, not defects of their own,
//! and are dropped here. A finding repeated thousands of times is folded into one.

use super::Diagnostic;

/// The labels of the P007 findings for a value that cannot be read at all.
fn is_unreadable_value(d: &Diagnostic) -> bool {
    d.code == "P007"
        && (d.primary.message.starts_with("not a usable")
            || d.primary.message == "not an article number"
            || d.primary.message == "not a Part number")
}

/// Drop every finding whose span encloses an unreadable value's, other than that value's own.
pub(crate) fn drop_companions(diags: &mut Vec<Diagnostic>) {
    // The spans of the unreadable values, in order; they do not overlap one another, so a
    // finding encloses one of them exactly when it encloses the first that starts inside it.
    let mut roots: Vec<(usize, usize)> = diags
        .iter()
        .filter(|d| is_unreadable_value(d))
        .map(|d| (d.primary.span.start, d.primary.span.end))
        .collect();
    if roots.is_empty() {
        return;
    }
    roots.sort_unstable();
    diags.retain(|d| {
        if is_unreadable_value(d) || d.code == "P001" {
            return true;
        }
        let span = d.primary.span;
        let first = roots.partition_point(|&(start, _)| start < span.start);
        !roots
            .get(first)
            .is_some_and(|&(start, end)| start <= span.end && end <= span.end)
    });
}

/// More findings than this, identical in code, message and label, read as one.
const MAX_IDENTICAL: usize = 10;

/// A syntax or structure finding repeated many times over (a line pasted thousands of times)
/// is reported once, at its first place, with the count of the others: one defect to correct,
/// not thousands of lines to scroll. Findings of the principle checks are never folded.
pub(crate) fn fold_repeats(diags: &mut Vec<Diagnostic>) {
    use std::collections::HashMap;
    let key = |d: &Diagnostic| (d.code, d.message.clone(), d.primary.message.clone());
    let mut count: HashMap<(&'static str, String, String), usize> = HashMap::new();
    for d in diags.iter().filter(|d| d.code.starts_with("P0")) {
        *count.entry(key(d)).or_default() += 1;
    }
    if count.values().all(|&n| n <= MAX_IDENTICAL) {
        return;
    }
    let mut seen: HashMap<(&'static str, String, String), bool> = HashMap::new();
    diags.retain_mut(|d| {
        let k = key(d);
        let Some(&n) = count.get(&k) else {
            return true;
        };
        if n <= MAX_IDENTICAL {
            return true;
        }
        let first = !seen.contains_key(&k);
        seen.insert(k, true);
        if first {
            d.notes.push(format!(
                "the same finding is repeated at {} more places in this file",
                n - 1
            ));
        }
        first
    });
}
