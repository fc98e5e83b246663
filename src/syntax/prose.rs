//! Prose blocks keep their text, without the indentation of the source.

/// Remove the common leading white space of the non-blank lines, and the blank first and last
/// lines that surround a `"""` block.
pub(crate) fn dedent(raw: &str) -> String {
    let mut lines: Vec<&str> = raw.split('\n').map(|l| l.trim_end_matches('\r')).collect();
    while lines.first().is_some_and(|l| l.trim().is_empty()) {
        lines.remove(0);
    }
    while lines.last().is_some_and(|l| l.trim().is_empty()) {
        lines.pop();
    }
    let indent = lines
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start_matches([' ', '\t']).len())
        .min()
        .unwrap_or(0);
    lines
        .iter()
        .map(|l| {
            if l.trim().is_empty() {
                ""
            } else {
                l.get(indent..).unwrap_or(l.trim_start())
            }
            .trim_end()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::dedent;

    #[test]
    fn removes_common_indentation_and_blank_edges() {
        let raw = "\n      First line\n        indented\n\n      last\n    ";
        assert_eq!(dedent(raw), "First line\n  indented\n\nlast");
    }

    #[test]
    fn one_line_is_kept() {
        assert_eq!(dedent("  x  "), "x");
    }
}
