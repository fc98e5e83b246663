//! Reading the keywords of a pest grammar: shared by the build script (which generates the
//! compiler's keyword list) and the editor-keyword test (which holds every editor grammar to it),
//! so both read `grammar/pacta.pest` the same way.

/// The double-quoted literals of a pest grammar, `//` comments left out; a single-quoted
/// character literal (`'0'` in a range) is skipped whole.
pub fn quoted_words(source: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut chars = source.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        break;
                    }
                }
            }
            '"' => {
                let mut literal = String::new();
                while let Some(c) = chars.next() {
                    match c {
                        '\\' => {
                            if let Some(escaped) = chars.next() {
                                literal.push('\\');
                                literal.push(escaped);
                            }
                        }
                        '"' => break,
                        _ => literal.push(c),
                    }
                }
                words.push(literal);
            }
            '\'' => {
                for c in chars.by_ref() {
                    if c == '\'' {
                        break;
                    }
                }
            }
            _ => {}
        }
    }
    words
}

/// A kebab-case word of two letters or more: `in`, `months`, `repost-gap`.
pub fn is_keyword(literal: &str) -> bool {
    literal.len() >= 2
        && literal
            .split('-')
            .all(|part| !part.is_empty() && part.chars().all(|c| c.is_ascii_lowercase()))
}
