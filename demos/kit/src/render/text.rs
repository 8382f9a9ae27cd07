//! Text for a terminal: display widths, wrapping, shortening, control
//! characters made visible, and which of many calls are shown.

use std::fmt::Write;
use unicode_width::UnicodeWidthChar;

/// Columns that verdicts and notes are wrapped to: a projector at a
/// readable font size shows about a hundred.
pub const WIDTH: usize = 96;
/// Calls beyond this many are summarised, not shown one by one.
pub const SHOW_AT_MOST: usize = 12;

/// Display width: CJK characters take two columns on a terminal.
pub fn width(text: &str) -> usize {
    text.chars().map(width_of).sum()
}

fn width_of(c: char) -> usize {
    // A control character has no width of its own; the story shows it
    // spelled out (`\0`), so it counts as taking a column.
    c.width().unwrap_or(1)
}

/// Appends one line, without trailing blanks (an empty last column, say):
/// they only show up as noise in a copied transcript.
pub fn line(out: &mut String, text: &str) {
    let text = text.trim_end_matches(' ');
    // Writing to a String cannot fail.
    let _ = writeln!(out, "{text}");
}

/// Breaks `text` at spaces into lines of at most `columns` columns (a
/// single longer word stays whole).
#[must_use]
pub fn wrap(text: &str, columns: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in text.split(' ') {
        let current = lines.last_mut().expect("never empty");
        if !current.is_empty() && width(current) + 1 + width(word) > columns {
            lines.push(word.to_string());
        } else {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
        }
    }
    lines
}

/// As much of `text` as fits in `columns` terminal columns, and an
/// ellipsis if that was not all of it.
#[must_use]
pub fn shorten_to(text: &str, columns: usize) -> (&str, &'static str) {
    let mut used = 0;
    for (at, c) in text.char_indices() {
        used += width_of(c);
        if used > columns {
            return (&text[..at], "…");
        }
    }
    (text, "")
}

/// `text` with control characters spelled out (`\0`, `\n`, `\x18`), so
/// that bytes such as a frame's length header show instead of vanishing.
#[must_use]
pub fn visible(text: &str) -> String {
    let mut shown = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\0' => shown.push_str("\\0"),
            '\n' => shown.push_str("\\n"),
            '\r' => shown.push_str("\\r"),
            '\t' => shown.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(shown, "\\x{:02x}", c as u32);
            }
            c => shown.push(c),
        }
    }
    shown
}

/// Which of `total` calls a long list shows: all of them, or — past
/// [`SHOW_AT_MOST`] — the first three and the last, with the gap between
/// them counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Elided {
    total: usize,
}

/// What to draw at one position of an elided list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    /// The item at this index.
    Item(usize),
    /// This many items not shown.
    Gap(usize),
}

impl Elided {
    /// The list of `total` items.
    #[must_use]
    pub fn of(total: usize) -> Elided {
        Elided { total }
    }

    /// Whether item `i` is shown.
    #[must_use]
    pub fn shows(&self, i: usize) -> bool {
        self.total <= SHOW_AT_MOST || i < 3 || i + 1 == self.total
    }

    /// How many items are shown.
    #[must_use]
    pub fn shown(&self) -> usize {
        if self.total > SHOW_AT_MOST {
            4
        } else {
            self.total
        }
    }

    /// The items and the gap, in order.
    pub fn slots(&self) -> Vec<Slot> {
        if self.total <= SHOW_AT_MOST {
            (0..self.total).map(Slot::Item).collect()
        } else {
            vec![
                Slot::Item(0),
                Slot::Item(1),
                Slot::Item(2),
                Slot::Gap(self.total - 4),
                Slot::Item(self.total - 1),
            ]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_bytes_are_spelled_out() {
        assert_eq!(visible("\0\0\0\u{18}下\n"), "\\0\\0\\0\\x18下\\n");
    }

    #[test]
    fn long_sentences_wrap_at_spaces() {
        assert_eq!(wrap("aaa bbb ccc ddd", 7), ["aaa bbb", "ccc ddd"]);
        assert_eq!(wrap("abcdefghij k", 4), ["abcdefghij", "k"]);
        assert_eq!(wrap("下雨天 留客", 6), ["下雨天", "留客"]);
    }

    #[test]
    fn cjk_takes_two_columns_and_box_drawing_one() {
        assert_eq!(width("下雨 ok"), 7);
        assert_eq!(width("━━ ✂ …"), 6);
        assert_eq!(shorten_to("下雨天", 5), ("下雨", "…"));
    }

    #[test]
    fn a_long_list_keeps_its_first_three_and_its_last() {
        let short = Elided::of(12);
        assert_eq!(short.slots().len(), 12);
        assert!(short.shows(11));
        let long = Elided::of(20);
        assert_eq!(
            long.slots(),
            [
                Slot::Item(0),
                Slot::Item(1),
                Slot::Item(2),
                Slot::Gap(16),
                Slot::Item(19)
            ]
        );
        assert!(!long.shows(3) && long.shows(19));
        assert_eq!(long.shown(), 4);
        assert_eq!(short.shown(), 12);
    }
}
