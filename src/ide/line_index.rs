//! Byte offsets to and from editor positions: 0-based lines and UTF-16 code units, as the
//! Language Server Protocol counts them.

/// A 0-based line and a 0-based column in UTF-16 code units.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: u32,
    pub character: u32,
}

/// The start of every line of a text, for conversions in both directions.
#[derive(Clone, Debug)]
pub struct LineIndex {
    line_starts: Vec<usize>,
    len: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex {
            line_starts,
            len: text.len(),
        }
    }

    /// The position of a byte offset (clamped to the text; an offset inside a character counts
    /// from that character's start).
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let mut offset = offset.min(self.len).min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        let character = text[start..offset].encode_utf16().count();
        Position {
            line: line as u32,
            character: character as u32,
        }
    }

    /// The byte offset of a position; a column past the end of its line is the line's end, a line
    /// past the end of the text is the text's end.
    pub fn offset(&self, text: &str, position: Position) -> usize {
        let Some(&start) = self.line_starts.get(position.line as usize) else {
            return text.len();
        };
        let end = self
            .line_starts
            .get(position.line as usize + 1)
            .map_or(text.len(), |&e| e - 1)
            .min(text.len());
        // A `\r` before the line break is not part of the line's text for the editor.
        let line = text[start..end.max(start)].trim_end_matches('\r');
        let mut units = 0u32;
        for (i, c) in line.char_indices() {
            if units >= position.character {
                return start + i;
            }
            units += c.len_utf16() as u32;
        }
        start + line.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_utf16_units_both_ways() {
        let text = "a\n€x😀y\nend";
        let index = LineIndex::new(text);
        let y = text.find('y').unwrap();
        let p = index.position(text, y);
        assert_eq!(
            p,
            Position {
                line: 1,
                character: 4
            }
        );
        assert_eq!(index.offset(text, p), y);
        assert_eq!(
            index.offset(
                text,
                Position {
                    line: 1,
                    character: 99
                }
            ),
            y + 1
        );
        assert_eq!(
            index.offset(
                text,
                Position {
                    line: 9,
                    character: 0
                }
            ),
            text.len()
        );
        for offset in 0..=text.len() {
            if text.is_char_boundary(offset) {
                assert_eq!(index.offset(text, index.position(text, offset)), offset);
            }
        }
    }
}
