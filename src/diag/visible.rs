//! Agreement text made safe for a terminal, a CI log or a review page.
//!
//! An agreement is untrusted input: its prose, strings and names reach every human-readable
//! output. A control character in them could move the cursor, erase the line a reviewer is
//! reading, retitle the terminal, or (with the bidirectional overrides) show text in another
//! order than it is stored. Every human-readable renderer passes agreement text through
//! [`text`] (or [`line`]), which shows such characters as visible escapes, `\u{1b}`, instead.

use std::borrow::Cow;

/// Whether a character is shown escaped: C0 controls (but tab and line feed), DEL, C1 controls,
/// and the bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069).
/// A carriage return is escaped too unless a line feed follows it.
fn hidden(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn escape(out: &mut String, c: char) {
    use std::fmt::Write;
    let _ = write!(out, "\\u{{{:x}}}", c as u32);
}

/// The text with its dangerous characters shown as escapes; line feeds and tabs kept.
pub fn text(s: &str) -> Cow<'_, str> {
    neutralise(s, false)
}

/// As [`text`], and line feeds escaped too: for one-line outputs, where a line feed in an
/// agreement's text would forge a line of its own.
pub fn line(s: &str) -> Cow<'_, str> {
    neutralise(s, true)
}

/// Whether the character `c` at byte `i` of `s` is shown as an escape.
fn unsafe_at(s: &str, i: usize, c: char, one_line: bool) -> bool {
    hidden(c) && !(c == '\r' && !one_line && s[i + 1..].starts_with('\n'))
        || (one_line && c == '\n')
}

/// Whether `s` may hold a character shown as an escape: every such character has a byte below
/// 0x20 (a C0 control, a carriage return, a line feed in one-line text), DEL, or the first byte of
/// a C1 control (0xC2) or of a bidirectional control (0xE2). Checked a byte at a time, so that the
/// usual text, which has none, is not decoded.
fn may_hide(s: &str, one_line: bool) -> bool {
    let suspect = |b: u8| {
        (b < 0x20 && b != b'\t' && (one_line || b != b'\n'))
            | (b == 0x7f)
            | (b == 0xc2)
            | (b == 0xe2)
    };
    // A chunk at a time without stopping early inside it, which the compiler vectorises.
    s.as_bytes()
        .chunks(64)
        .any(|chunk| chunk.iter().fold(false, |found, &b| found | suspect(b)))
}

fn neutralise(s: &str, one_line: bool) -> Cow<'_, str> {
    if !may_hide(s, one_line) || !s.char_indices().any(|(i, c)| unsafe_at(s, i, c, one_line)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for (i, c) in s.char_indices() {
        if unsafe_at(s, i, c, one_line) {
            escape(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Messages, labels, notes and help longer than this many bytes as shown are cut in the middle
/// by every findings renderer: agreement text quoted in a message (a title, a string) must not
/// turn one finding into a line of kilobytes. Pacta's own messages stay well below it.
pub const LONG_MESSAGE: usize = 480;

/// As [`text`], and cut to at most about [`LONG_MESSAGE`] bytes: the start and the end are kept
/// (the start names the finding, the end often the fix), the middle replaced by `…`.
pub(crate) fn clipped_text(s: &str) -> Cow<'_, str> {
    clip(s, false)
}

/// As [`line`] (line feeds escaped too), cut like [`clipped_text`].
pub(crate) fn clipped_line(s: &str) -> Cow<'_, str> {
    clip(s, true)
}

fn clip(s: &str, one_line: bool) -> Cow<'_, str> {
    // What a character costs once shown: an escape is longer than the character.
    let cost = |i: usize, c: char| {
        if unsafe_at(s, i, c, one_line) {
            format!("\\u{{{:x}}}", c as u32).len()
        } else {
            c.len_utf8()
        }
    };
    if s.len() <= LONG_MESSAGE / 8
        || (s.len() <= LONG_MESSAGE && !may_hide(s, one_line))
        || s.char_indices().map(|(i, c)| cost(i, c)).sum::<usize>() <= LONG_MESSAGE
    {
        return neutralise(s, one_line);
    }
    let head_budget = LONG_MESSAGE * 2 / 3;
    let tail_budget = LONG_MESSAGE - head_budget - ELLIPSIS.len();
    let (mut head_end, mut used) = (0, 0);
    for (i, c) in s.char_indices() {
        used += cost(i, c);
        if used > head_budget {
            break;
        }
        head_end = i + c.len_utf8();
    }
    let (mut tail_start, mut used) = (s.len(), 0);
    for (i, c) in s.char_indices().rev() {
        used += cost(i, c);
        if i < head_end || used > tail_budget {
            break;
        }
        tail_start = i;
    }
    let mut out = neutralise(&s[..head_end], one_line).into_owned();
    out.push_str(ELLIPSIS);
    out.push_str(&neutralise(&s[tail_start..], one_line));
    Cow::Owned(out)
}

/// A source text prepared for a snippet: dangerous characters escaped, and lines longer than
/// [`LONG_LINE`] bytes cut down to the parts around `keep` (the spans a diagnostic labels).
/// Line breaks are kept, so line numbers do not change; [`View::original`] maps a byte of the
/// shown text back to the source, for columns.
#[derive(Clone, Debug)]
pub(crate) struct View {
    pub text: String,
    /// (offset in the shown text, offset in the source) where each run of the shown text
    /// starts; runs in between are copied unchanged.
    marks: Vec<(usize, usize)>,
}

/// Lines longer than this many bytes are cut around the labelled spans in snippets.
pub(crate) const LONG_LINE: usize = 240;

/// How much of a long line is kept on each side of a labelled span, in bytes (about).
const CONTEXT: usize = 60;

/// What replaces a cut part of a line.
const ELLIPSIS: &str = "…";

impl View {
    /// Whether a source needs a view at all (else it can be shown as it is).
    pub(crate) fn needed(source: &str) -> bool {
        matches!(text(source), Cow::Owned(_)) || source.lines().any(|l| l.len() > LONG_LINE)
    }

    pub(crate) fn new(source: &str, keep: &[std::ops::Range<usize>]) -> View {
        let mut view = View {
            text: String::with_capacity(source.len().min(1 << 16)),
            marks: vec![(0, 0)],
        };
        // Only the lines a snippet can show are copied: those the kept spans touch and the line
        // on either side. The others are left empty (their line break kept, so that line numbers
        // do not change), which spares copying the whole file for every finding.
        let mut lines: Vec<(usize, usize)> = Vec::new();
        let mut line_start = 0;
        for line in source.split_inclusive('\n') {
            lines.push((line_start, line_start + line.len()));
            line_start += line.len();
        }
        let mut wanted = vec![false; lines.len()];
        for r in keep {
            let first = lines.partition_point(|l| l.1 <= r.start);
            let last = lines.partition_point(|l| l.0 <= r.end);
            let from = first.saturating_sub(1);
            let to = (last + 1).min(lines.len());
            for w in wanted.iter_mut().take(to).skip(from) {
                *w = true;
            }
        }
        for (&(start, end), wanted) in lines.iter().zip(wanted) {
            if !wanted {
                view.skip(source, start, end);
            } else if end - start <= LONG_LINE {
                view.copy(source, start, end);
            } else {
                view.cut_line(source, start, end, keep);
            }
        }
        view.mark(source.len());
        view
    }

    /// A line no snippet shows: only its line break.
    fn skip(&mut self, source: &str, start: usize, end: usize) {
        let body_end = if source[..end].ends_with('\n') {
            end - 1
        } else {
            end
        };
        if start < body_end {
            self.mark(start);
            self.mark(body_end);
        }
        if body_end < end {
            self.text.push('\n');
        }
    }

    fn mark(&mut self, source_at: usize) {
        self.marks.push((self.text.len(), source_at));
    }

    /// Copy `source[from..to]`, escaping what must be.
    fn copy(&mut self, source: &str, from: usize, to: usize) {
        let part = &source[from..to];
        match text(part) {
            Cow::Borrowed(p) => self.text.push_str(p),
            Cow::Owned(_) => {
                for (i, c) in part.char_indices() {
                    let at = from + i;
                    if hidden(c) && !(c == '\r' && source[at + 1..].starts_with('\n')) {
                        self.mark(at);
                        escape(&mut self.text, c);
                        self.mark(at + c.len_utf8());
                    } else {
                        self.text.push(c);
                    }
                }
            }
        }
    }

    /// A long line: the parts within [`CONTEXT`] of a kept span's ends, the rest cut.
    fn cut_line(
        &mut self,
        source: &str,
        start: usize,
        end: usize,
        keep: &[std::ops::Range<usize>],
    ) {
        let floor = |mut i: usize| {
            while !source.is_char_boundary(i) {
                i -= 1;
            }
            i
        };
        // Windows around the ends of every span touching this line, merged.
        let mut windows: Vec<(usize, usize)> = Vec::new();
        for r in keep {
            for point in [r.start, r.end] {
                if point >= start && point <= end {
                    let a = floor(point.saturating_sub(CONTEXT).max(start));
                    let b = floor((point + CONTEXT).min(end));
                    windows.push((a, b));
                }
            }
        }
        if windows.is_empty() {
            windows.push((start, floor((start + 2 * CONTEXT).min(end))));
        }
        windows.sort_unstable();
        let mut merged: Vec<(usize, usize)> = Vec::new();
        for (a, b) in windows {
            match merged.last_mut() {
                Some(last) if a <= last.1 => last.1 = last.1.max(b),
                _ => merged.push((a, b)),
            }
        }
        let mut at = start;
        for (a, b) in merged {
            if a > at {
                self.mark(at);
                self.text.push_str(ELLIPSIS);
                self.mark(a);
            }
            self.copy(source, a, b);
            at = b;
        }
        // Keep the line break, whatever was cut before it.
        let body_end = if source[..end].ends_with('\n') {
            end - 1
        } else {
            end
        };
        if at < body_end {
            self.mark(at);
            self.text.push_str(ELLIPSIS);
            self.mark(body_end);
            at = body_end;
        }
        if at < end {
            self.copy(source, at, end);
        }
    }

    /// The source offset a shown offset stands for (a cut or an escape maps to its start).
    pub(crate) fn original(&self, shown: usize) -> usize {
        let i = self
            .marks
            .partition_point(|m| m.0 <= shown)
            .saturating_sub(1);
        let (s, o) = self.marks[i];
        let next = self.marks.get(i + 1).copied();
        match next {
            // Inside an escape or an ellipsis: its source run may be of another length.
            Some((ns, no)) if no - o != ns - s => o,
            _ => o + (shown - s),
        }
    }

    /// The shown offset of a source offset (the start of a cut or escape it falls in).
    pub(crate) fn shown(&self, original: usize) -> usize {
        let i = self
            .marks
            .partition_point(|m| m.1 <= original)
            .saturating_sub(1);
        let (s, o) = self.marks[i];
        let next = self.marks.get(i + 1).copied();
        match next {
            Some((ns, no)) if no - o != ns - s => s,
            _ => (s + (original - o)).min(self.text.len()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_controls_and_overrides_but_keeps_lines_and_tabs() {
        assert_eq!(text("a\u{1b}[2Kb"), "a\\u{1b}[2Kb");
        assert_eq!(text("x\u{202e}y\u{9b}z"), "x\\u{202e}y\\u{9b}z");
        assert_eq!(text("one\ttwo\nthree\r\n"), "one\ttwo\nthree\r\n");
        assert_eq!(text("over\rwrite"), "over\\u{d}write");
        assert_eq!(line("a\nb\r\n"), "a\\u{a}b\\u{d}\\u{a}");
        assert!(matches!(text("plain, «accented» text"), Cow::Borrowed(_)));
    }

    #[test]
    fn a_long_message_is_cut_in_the_middle_escapes_whole() {
        let short = "a message of ordinary length";
        assert!(matches!(clipped_line(short), Cow::Borrowed(_)));
        let long = format!("start {} end", "\u{1b}x".repeat(2000));
        for shown in [clipped_line(&long), clipped_text(&long)] {
            assert!(shown.len() <= LONG_MESSAGE, "{} bytes", shown.len());
            assert!(shown.starts_with("start \\u{1b}x"), "{shown}");
            assert!(shown.ends_with("\\u{1b}x end"), "{shown}");
            assert!(shown.contains(ELLIPSIS) && !shown.contains('\u{1b}'));
            // No escape is cut in two: every backslash starts a whole one.
            assert_eq!(
                shown.matches('\\').count(),
                shown.matches("\\u{1b}").count()
            );
        }
        let lines = "line\n".repeat(200);
        assert!(!clipped_line(&lines).contains('\n'));
        assert!(clipped_text(&lines).contains('\n'));
    }

    #[test]
    fn a_view_maps_offsets_across_escapes() {
        let src = "ab\u{1b}cd\n";
        let v = View::new(src, std::slice::from_ref(&(0..1)));
        assert_eq!(v.text, "ab\\u{1b}cd\n");
        assert_eq!(v.shown(3), 8);
        assert_eq!(v.original(8), 3);
        assert_eq!(v.original(3), 2);
        assert_eq!(v.shown(2), 2);
    }

    #[test]
    fn a_view_shows_only_the_lines_around_the_spans() {
        let src = "one\ntwo\nthree\nfour\nfive\n";
        // A span on "four": "three" to "five" are shown, "one" and "two" only as line breaks.
        let v = View::new(src, std::slice::from_ref(&(14..16)));
        assert_eq!(v.text, "\n\nthree\nfour\nfive\n");
        assert_eq!(v.shown(14), 8);
        assert_eq!(v.original(8), 14);
    }

    #[test]
    fn a_long_line_is_cut_around_the_span() {
        let src = format!(
            "short\n{}TARGET{}\nend\n",
            "x".repeat(1000),
            "y".repeat(1000)
        );
        let at = src.find("TARGET").unwrap();
        let keep = vec![std::ops::Range {
            start: at,
            end: at + 6,
        }];
        let v = View::new(&src, &keep);
        assert_eq!(v.text.lines().count(), 3);
        assert!(v.text.lines().nth(1).unwrap().len() < 2 * CONTEXT + 20);
        let shown = v.shown(at);
        assert_eq!(&v.text[shown..shown + 6], "TARGET");
        assert_eq!(v.original(shown), at);
        assert_eq!(v.original(shown + 6), at + 6);
    }
}
