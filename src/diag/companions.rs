//! One root cause, one finding. A number that cannot be read (too large, not a numeral) is
//! reported where it is written (P007) and read as 0 so that the rest of the file can still be
//! resolved; findings about the construct around it (an article "numbered 0", "a zero duration",
//! an article 0 "appearing twice") are companions of that one error, not defects of their own,
//! and are dropped here.

use super::Diagnostic;

/// The labels of the P007 findings for a value that cannot be read at all.
fn is_unreadable_value(d: &Diagnostic) -> bool {
    d.code == "P007"
        && (d.primary.message.starts_with("not a usable")
            || d.primary.message == "not an article number"
            || d.primary.message == "not a Part number")
}

/// Drop every finding whose span encloses an unreadable value's, other than that value's own.
pub fn drop_companions(diags: &mut Vec<Diagnostic>) {
    let roots: Vec<Diagnostic> = diags
        .iter()
        .filter(|d| is_unreadable_value(d))
        .cloned()
        .collect();
    if roots.is_empty() {
        return;
    }
    diags.retain(|d| {
        is_unreadable_value(d)
            || d.code == "P001"
            || !roots.iter().any(|r| {
                let (outer, inner) = (d.primary.span, r.primary.span);
                outer.start <= inner.start && inner.end <= outer.end
            })
    });
}
