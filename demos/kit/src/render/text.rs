//! Text for a terminal: display widths, wrapping, shortening, control
//! characters made visible, and which of many calls are shown.
//!
//! Everything here measures what a terminal shows: a CJK character takes
//! two columns, and the escape codes that paint a text take none. So a
//! line may be painted first and wrapped after, and its colours survive
//! the break.

use std::fmt::Write;
use unicode_width::UnicodeWidthChar;

/// Calls beyond this many are summarised, not shown one by one.
pub const SHOW_AT_MOST: usize = 12;

/// Ends every colour and weight: the code a painted text closes with.
const RESET: &str = "\x1b[0m";

/// Display width: CJK characters take two columns on a terminal, escape
/// codes none.
pub fn width(text: &str) -> usize {
    let mut columns = 0;
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            skip_escape(&mut chars);
        } else {
            columns += width_of(c);
        }
    }
    columns
}

fn width_of(c: char) -> usize {
    // A control character has no width of its own; the story shows it
    // spelled out (`\0`), so it counts as taking a column.
    c.width().unwrap_or(1)
}

/// Skips the rest of an escape sequence (`[`, parameters, a final letter)
/// and returns it, the `ESC` already taken.
fn skip_escape(chars: &mut std::str::Chars<'_>) -> String {
    let mut sequence = String::from("\x1b");
    if chars.clone().next() == Some('[') {
        for c in chars.by_ref() {
            sequence.push(c);
            if c != '[' && ('@'..='~').contains(&c) {
                break;
            }
        }
    }
    sequence
}

/// The colours and weights in force after `text`, given those in force
/// before it: each escape code adds to them, a reset ends them all.
fn painting_after(before: &str, text: &str) -> String {
    let mut open = before.to_string();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            let sequence = skip_escape(&mut chars);
            if sequence == RESET || sequence == "\x1b[m" {
                open.clear();
            } else if sequence.ends_with('m') {
                open.push_str(&sequence);
            }
        }
    }
    open
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
    wrap_hanging(text, columns, columns)
}

/// Breaks `text` at spaces: a first line of at most `first` columns, the
/// others of at most `rest`. A painted text stays painted across a break:
/// a line closes the colours it leaves open, and the next opens them again.
#[must_use]
pub fn wrap_hanging(text: &str, first: usize, rest: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    // Whether the current line holds anything yet, its columns, its
    // limit, and the colours in force at its end.
    let (mut started, mut used, mut limit) = (false, 0, first);
    let mut open = String::new();
    for word in text.split(' ') {
        let columns = width(word);
        // A word of escape codes alone takes no room: it never breaks.
        if started && columns > 0 && used + 1 + columns > limit {
            let current = lines.last_mut().expect("never empty");
            if !open.is_empty() {
                current.push_str(RESET);
            }
            lines.push(open.clone());
            (started, used, limit) = (false, 0, rest);
        }
        let current = lines.last_mut().expect("never empty");
        if started {
            current.push(' ');
            used += 1;
        }
        current.push_str(word);
        used += columns;
        started |= !word.is_empty();
        open = painting_after(&open, word);
    }
    lines
}

/// `text` wrapped to `columns`, its first line starting as `text` does
/// (leading blanks kept) and the others `indent` columns in.
#[must_use]
pub fn hang(text: &str, columns: usize, indent: usize) -> Vec<String> {
    let body = text.trim_start_matches(' ');
    let lead = text.len() - body.len();
    let mut lines = wrap_hanging(
        body,
        columns.saturating_sub(lead),
        columns.saturating_sub(indent),
    );
    lines[0].insert_str(0, &" ".repeat(lead));
    for more in &mut lines[1..] {
        more.insert_str(0, &" ".repeat(indent));
    }
    lines
}

/// Appends [`hang`]'s lines.
pub fn hang_lines(out: &mut String, text: &str, columns: usize, indent: usize) {
    for part in hang(text, columns, indent) {
        line(out, &part);
    }
}

/// A line built of pieces that are never split while they fit: each
/// piece goes on the current line after its separator, or — when the line
/// has no room left — starts a new line `indent` columns in, without it.
/// A piece too long for a line of its own is wrapped at its spaces.
#[derive(Debug, Clone)]
pub struct Flow {
    lines: Vec<String>,
    columns: usize,
    indent: usize,
}

impl Flow {
    /// A line that starts with `head` (which may be painted), to be kept
    /// within `columns`; lines after the first start `indent` columns in.
    #[must_use]
    pub fn new(head: &str, columns: usize, indent: usize) -> Flow {
        Flow {
            lines: vec![head.to_string()],
            columns,
            indent,
        }
    }

    /// The columns left on the current line after `separator`.
    #[must_use]
    pub fn room(&self, separator: &str) -> usize {
        let current = self.lines.last().expect("never empty");
        self.columns
            .saturating_sub(width(current) + width(separator))
    }

    /// The columns a piece has on a line of its own.
    #[must_use]
    pub fn room_below(&self) -> usize {
        self.columns.saturating_sub(self.indent)
    }

    /// Adds `piece` after `separator`, or on a new line.
    pub fn push(&mut self, separator: &str, piece: &str) {
        if width(piece) <= self.room(separator) {
            let current = self.lines.last_mut().expect("never empty");
            current.push_str(separator);
            current.push_str(piece);
            return;
        }
        let indent = " ".repeat(self.indent);
        for part in wrap(piece, self.room_below()) {
            self.lines.push(format!("{indent}{part}"));
        }
    }

    /// The lines.
    #[must_use]
    pub fn into_lines(self) -> Vec<String> {
        self.lines
    }

    /// Appends the lines to `out`.
    pub fn finish(self, out: &mut String) {
        for text in self.lines {
            line(out, &text);
        }
    }
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

/// `text` as the story shows it — [`visible`], no longer than
/// [`shorten_to`] keeps it in `columns` — and shortened further until it
/// fits in `room` columns with its ellipsis; the ellipsis if anything was
/// left out.
#[must_use]
pub fn fit(text: &str, columns: usize, room: usize) -> (String, &'static str) {
    let (kept, cut) = fit_len(text, columns, room);
    (visible(&text[..kept]), cut)
}

/// How many bytes of `text` [`fit`] shows, and the ellipsis.
#[must_use]
pub fn fit_len(text: &str, columns: usize, room: usize) -> (usize, &'static str) {
    let (shown, _) = shorten_to(text, columns);
    let mut end = shown.len();
    loop {
        let cut = if end < text.len() { "…" } else { "" };
        if end == 0 || width(&visible(&text[..end])) + width(cut) <= room {
            return (end, cut);
        }
        end = text[..end]
            .char_indices()
            .next_back()
            .map_or(0, |(at, _)| at);
    }
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
    fn painted_text_wraps_by_what_shows_and_keeps_its_colour() {
        let red = "\x1b[31m";
        let text = format!("{red}aaa bbb ccc{RESET} ddd");
        assert_eq!(width(&text), 15, "escape codes take no columns");
        // Each line closes the colour it leaves open; the next reopens it.
        assert_eq!(
            wrap(&text, 7),
            [
                format!("{red}aaa bbb{RESET}"),
                format!("{red}ccc{RESET} ddd")
            ]
        );
        assert_eq!(
            wrap("aaa bbb ccc", 7),
            ["aaa bbb", "ccc"],
            "plain stays plain"
        );
    }

    #[test]
    fn a_hanging_line_keeps_its_margin_and_indents_the_rest() {
        assert_eq!(
            hang("   verdict: one two three", 16, 5),
            ["   verdict: one", "     two three"]
        );
        assert!(hang("   short", 16, 5) == ["   short"]);
    }

    #[test]
    fn a_flow_breaks_between_pieces_never_inside_one() {
        let mut flow = Flow::new("   recv #1", 30, 13);
        flow.push("  ", "= send #1 [0..24]");
        flow.push(" ", "+ send #2 [0..6]");
        flow.push(" ", "+ a piece far too long for a line");
        assert_eq!(
            flow.into_lines(),
            [
                "   recv #1  = send #1 [0..24]",
                "             + send #2 [0..6]",
                "             + a piece far too",
                "             long for a line",
            ]
        );
    }

    #[test]
    fn fitting_measures_what_shows() {
        // `\0` shows as two columns: four of them take eight.
        assert_eq!(fit("\0\0\0\0abc", 48, 9), ("\\0\\0\\0\\0".to_string(), "…"));
        assert_eq!(fit("下雨天", 48, 6), ("下雨天".to_string(), ""));
        assert_eq!(fit("下雨天", 48, 5), ("下雨".to_string(), "…"));
        assert_eq!(fit("下雨天", 2, 99), ("下".to_string(), "…"));
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
