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

/// Breaks `text` into lines of at most `columns` columns: at spaces, and
/// between two CJK characters or a CJK character and a Latin word, where
/// Chinese breaks a line ([`breaks`]). A single longer word stays whole.
#[must_use]
pub fn wrap(text: &str, columns: usize) -> Vec<String> {
    wrap_hanging(text, columns, columns)
}

/// Breaks `text` as [`wrap`] does: a first line of at most `first`
/// columns, the others of at most `rest`. A painted text stays painted
/// across a break: a line closes the colours it leaves open, and the next
/// opens them again.
#[must_use]
pub fn wrap_hanging(text: &str, first: usize, rest: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    // Whether the current line holds anything yet, its columns, its
    // limit, and the colours in force at its end.
    let (mut started, mut used, mut limit) = (false, 0, first);
    let mut open = String::new();
    // Room a measured number still holds on the current line (see
    // [`measured_room`]): it takes the room of the widest time or rate a
    // run prints, so every run breaks its lines in the same places.
    let mut slack = 0;
    let words: Vec<&str> = text.split(' ').collect();
    for (w, word) in words.iter().enumerate() {
        let next = words.get(w + 1).copied();
        let measured = measured_room(word, next);
        let reserve = measured.unwrap_or(0);
        // A measurement keeps its unit on its line: `41.40` at the end of
        // one line and `ms` at the start of the next reads as two things.
        let unit = match (measured, next) {
            (Some(_), Some(unit)) => 1 + pieces(unit).first().map_or(0, |p| width(p)),
            _ => 0,
        };
        // A word without CJK is one piece, so English wraps as it always
        // has; a Chinese sentence is many, joined without a space.
        for (i, piece) in pieces(word).into_iter().enumerate() {
            let space = usize::from(i == 0);
            let columns = width(piece) + if i == 0 { reserve } else { 0 };
            let needs = columns + if i == 0 { unit } else { 0 };
            // A piece of escape codes alone takes no room: it never breaks.
            if started && columns > 0 && used + slack + space + needs > limit {
                let current = lines.last_mut().expect("never empty");
                if !open.is_empty() {
                    current.push_str(RESET);
                }
                lines.push(open.clone());
                (started, used, limit, slack) = (false, 0, rest, 0);
            }
            let current = lines.last_mut().expect("never empty");
            if started && space == 1 {
                current.push(' ');
                used += 1;
            }
            current.push_str(piece);
            used += width(piece);
            slack += columns - width(piece);
            started |= !piece.is_empty();
            open = painting_after(&open, piece);
        }
    }
    lines
}

/// Digits before the decimal point of the widest time or rate a run
/// prints (`9999.99 ms`): a measured number takes at least their room.
pub const MEASURED_DIGITS: usize = 4;

/// The columns `word` takes beyond its own width when it is a measured
/// number — digits (and a decimal part, and the brackets and punctuation
/// around them) followed by a unit of time or rate (`ms`, `s`, `MiB/s`):
/// as many as it lacks of [`MEASURED_DIGITS`] before its decimal point.
/// `None` when `word` is no measurement.
///
/// A delayed ACK that took 41 ms one run and 141 ms the next would
/// otherwise move a line break, and in Chinese, which breaks between any
/// two characters, every break after it: the same lesson would look
/// different each time it ran. Counts (`9 sends`, `2 recvs`) are not
/// measured and take their own width.
#[must_use]
pub fn measured_room(word: &str, next: Option<&str>) -> Option<usize> {
    let unit: String = next
        .unwrap_or_default()
        .chars()
        .take_while(|c| c.is_ascii_alphabetic() || *c == '/')
        .collect();
    if !(unit == "ms" || unit == "s" || unit.ends_with("B/s")) {
        return None;
    }
    let number = word
        .trim_start_matches(['(', '（'])
        .trim_end_matches(|c: char| !c.is_ascii_digit());
    let (whole, fraction) = number.split_once('.').unwrap_or((number, "0"));
    let digits = |part: &str| !part.is_empty() && part.chars().all(|c| c.is_ascii_digit());
    if !(digits(whole) && digits(fraction)) {
        return None;
    }
    Some(MEASURED_DIGITS.saturating_sub(whole.len()))
}

/// `word` (no spaces) cut where a line may break inside it: before each
/// character that [`breaks`] allows a line to start with. Escape codes go
/// with the character they come before, so a colour opens on the line
/// that shows it.
fn pieces(word: &str) -> Vec<&str> {
    let mut cuts = Vec::new();
    let (mut before, mut codes_from): (Option<char>, Option<usize>) = (None, None);
    let mut at = 0;
    while let Some(c) = word[at..].chars().next() {
        if c == '\x1b' {
            let mut chars = word[at + 1..].chars();
            codes_from.get_or_insert(at);
            at += skip_escape(&mut chars).len();
            continue;
        }
        if before.is_some_and(|b| breaks(b, c)) {
            cuts.push(codes_from.unwrap_or(at));
        }
        (before, codes_from) = (Some(c), None);
        at += c.len_utf8();
    }
    let mut pieces = Vec::with_capacity(cuts.len() + 1);
    let mut from = 0;
    for cut in cuts {
        pieces.push(&word[from..cut]);
        from = cut;
    }
    pieces.push(&word[from..]);
    pieces
}

/// Whether a line may break between `before` and `after`, two characters
/// with no space between them. Chinese is written without spaces, so a
/// line breaks between any two CJK characters, or between one and a Latin
/// word — but, as Chinese typesetting requires, never before closing
/// punctuation (`，。）」`) nor after opening punctuation (`（「《`). A
/// no-break space (which keeps a header's bytes together) never breaks.
#[must_use]
pub fn breaks(before: char, after: char) -> bool {
    (is_cjk(before) || is_cjk(after))
        && !NEVER_STARTS.contains(&after)
        && !NEVER_ENDS.contains(&before)
        && before != '\u{a0}'
        && after != '\u{a0}'
}

/// Characters that never start a line: closing punctuation, and the marks
/// that belong to the word before them.
const NEVER_STARTS: &[char] = &[
    '，', '。', '、', '；', '：', '！', '？', '）', '」', '』', '》', '〉', '】', '〕', '”', '’',
    '…', '·', '・', '—', '～', ')', ']', '}', ',', '.', ';', ':', '!', '?', '%', '"', '\'',
];

/// Characters that never end a line: opening punctuation.
const NEVER_ENDS: &[char] = &[
    '（', '「', '『', '《', '〈', '【', '〔', '“', '‘', '(', '[', '{', '"', '\'',
];

/// Whether `c` is written in CJK script (Han, kana, hangul, and their
/// full-width punctuation): text in which a line may break between any two
/// characters.
#[must_use]
pub fn is_cjk(c: char) -> bool {
    matches!(
        c as u32,
        0x1100..=0x11FF
            | 0x2E80..=0x2FDF
            | 0x3000..=0x303F
            | 0x3040..=0x31FF
            | 0x3200..=0x9FFF
            | 0xAC00..=0xD7AF
            | 0xF900..=0xFAFF
            | 0xFE30..=0xFE4F
            | 0xFF00..=0xFFEF
            | 0x20000..=0x3FFFF
    )
}

/// The columns of the widest part of `text` that [`wrap`] never breaks:
/// how narrow a column of it can be before it overflows.
#[must_use]
pub fn longest_piece(text: &str) -> usize {
    text.split(' ')
        .flat_map(pieces)
        .map(width)
        .max()
        .unwrap_or(0)
}

/// `text` after the blanks that make it `columns` wide (a table's
/// right-aligned cell), measured as the terminal shows it: `format!`'s
/// `{:>10}` counts characters, and a Chinese heading would come out wider.
#[must_use]
pub fn pad_start(text: &str, columns: usize) -> String {
    format!("{}{text}", " ".repeat(columns.saturating_sub(width(text))))
}

/// The blank between a label and what it labels: a space after `verdict:`,
/// none after `结论：`, whose full-width colon carries its own.
#[must_use]
pub fn space_after(label: &str) -> &'static str {
    match label.chars().next_back() {
        Some(c) if is_cjk(c) => "",
        _ => " ",
    }
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
/// A piece too long for a line of its own is wrapped as [`wrap`] wraps.
#[derive(Debug, Clone)]
pub struct Flow {
    lines: Vec<String>,
    columns: usize,
    indent: usize,
    /// Columns the current line keeps free for a measured piece that
    /// another run could print wider (see [`Flow::push_measured`]).
    slack: usize,
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
            slack: 0,
        }
    }

    /// The columns left on the current line after `separator`.
    #[must_use]
    pub fn room(&self, separator: &str) -> usize {
        let current = self.lines.last().expect("never empty");
        self.columns
            .saturating_sub(width(current) + width(separator) + self.slack)
    }

    /// The columns a piece has on a line of its own.
    #[must_use]
    pub fn room_below(&self) -> usize {
        self.columns.saturating_sub(self.indent)
    }

    /// Adds `piece` after `separator`, or on a new line.
    pub fn push(&mut self, separator: &str, piece: &str) {
        self.push_measured(separator, piece, 0);
    }

    /// Adds `piece`, a measurement that another run could print as wide as
    /// `widest` columns (a time, a rate), as if it were that wide: where
    /// it and what follows it go then depends on the lesson, not on how
    /// fast this run happened to be, so the story keeps one layout.
    pub fn push_measured(&mut self, separator: &str, piece: &str, widest: usize) {
        let extra = widest.saturating_sub(width(piece));
        if width(piece) + extra <= self.room(separator) {
            let current = self.lines.last_mut().expect("never empty");
            current.push_str(separator);
            current.push_str(piece);
            self.slack += extra;
            return;
        }
        let indent = " ".repeat(self.indent);
        self.slack = 0;
        for part in wrap(piece, self.room_below()) {
            self.lines.push(format!("{indent}{part}"));
        }
        if self.room("") >= extra {
            self.slack = extra;
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
    fn a_wrapped_measurement_breaks_its_lines_where_the_widest_would() {
        // Words per line, for a note whose measured wait varies run to run.
        let shape = |text: &str, columns: usize| -> Vec<usize> {
            wrap(text, columns)
                .iter()
                .map(|l| l.split(' ').count())
                .collect()
        };
        let note = |ms: &str| {
            format!(
                "the first byte left at once; the rest waited {ms} ms for its ACK, which the receiver delayed"
            )
        };
        for columns in 30..100 {
            assert_eq!(
                shape(&note("9.40"), columns),
                shape(&note("1041.40"), columns),
                "{columns}"
            );
        }
        // Chinese breaks between any two characters: the same holds.
        let zh = |ms: &str| {
            format!("第一个字节立即发出；其余字节等了 {ms} ms 才等到它的 ACK，因为接收方延迟了确认")
        };
        for columns in 20..60 {
            let (fast, slow) = (wrap(&zh("41"), columns), wrap(&zh("4100"), columns));
            let ends = |lines: &[String]| {
                lines
                    .iter()
                    .map(|l| l.replace(|c: char| c.is_ascii_digit(), ""))
                    .map(|l| l.chars().last().unwrap_or(' '))
                    .collect::<Vec<_>>()
            };
            assert_eq!(ends(&fast), ends(&slow), "{columns}: {fast:?} {slow:?}");
        }
        // No line is longer than the widest number would have made it.
        for part in wrap(&note("9999.99"), 40) {
            assert!(width(&part) <= 40, "{part:?}");
        }
    }

    #[test]
    fn only_a_number_before_a_unit_of_time_or_rate_is_a_measurement() {
        assert_eq!(measured_room("41.40", Some("ms")), Some(2));
        assert_eq!(measured_room("(0.05", Some("ms);")), Some(3));
        assert_eq!(measured_room("1.2", Some("s")), Some(3));
        assert_eq!(measured_room("12.5", Some("MiB/s")), Some(2));
        assert_eq!(measured_room("3", Some("s内")), Some(3));
        assert_eq!(measured_room("12345.6", Some("ms")), Some(0));
        // Counts and sizes are the lesson's, not the clock's.
        assert_eq!(measured_room("9", Some("sends")), None);
        assert_eq!(measured_room("256", Some("KiB")), None);
        assert_eq!(measured_room("#2", Some("ms")), None);
        assert_eq!(measured_room("41.40", None), None);
    }

    #[test]
    fn a_measurement_and_its_unit_stay_on_one_line() {
        let note = "最慢的一行每次往返 44.02 ms";
        for columns in 10..40 {
            for part in wrap(note, columns) {
                assert!(!part.starts_with("ms"), "{columns}: {part:?}");
            }
        }
    }

    #[test]
    fn a_measured_piece_keeps_one_layout_however_wide_this_run_printed_it() {
        // The same line with a fast and a slow run's numbers: what follows
        // the measurement goes where the widest number would have put it.
        let lay = |measured: &str| {
            let mut flow = Flow::new("   get a.mp4", 40, 15);
            flow.push_measured("  ", measured, 22);
            flow.push("  ", "CRC-32 72e36e35");
            flow.into_lines()
        };
        let fast = lay("3.0 MiB (1.2 GiB/s)");
        let slow = lay("3.0 MiB (1023.9 MiB/s)");
        assert_eq!(fast.len(), slow.len(), "{fast:?} {slow:?}");
        assert_eq!(fast.len(), 2, "{fast:?}");
        assert!(fast[1].trim_start().starts_with("CRC-32"), "{fast:?}");
        // With room for the widest, it stays on one line.
        let mut wide = Flow::new("   get a.mp4", 60, 15);
        wide.push_measured("  ", "3.0 MiB (1.2 GiB/s)", 22);
        wide.push("  ", "CRC-32 72e36e35");
        assert_eq!(wide.into_lines().len(), 1);
    }

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
    fn chinese_breaks_between_characters_but_not_before_closing_punctuation() {
        assert_eq!(
            wrap("下雨天留客天留人不留", 8),
            ["下雨天留", "客天留人", "不留"]
        );
        // `，` never starts a line: `天` goes down with it.
        assert_eq!(wrap("下雨天，留客", 6), ["下雨", "天，留", "客"]);
        // `（` never ends a line, `）` never starts one.
        assert_eq!(wrap("用（recv）读", 8), ["用", "（recv）", "读"]);
        // A Latin word stays whole, and breaks from the Chinese around it.
        assert_eq!(wrap("调用recv(16)读取", 10), ["调用", "recv(16)读", "取"]);
        assert_eq!(wrap("用 recv(16) 读", 10), ["用", "recv(16)", "读"]);
        // A no-break space holds what it joins together.
        assert_eq!(wrap("报头\u{a0}24\u{a0}B", 4), ["报", "头\u{a0}24\u{a0}B"]);
    }

    #[test]
    fn a_painted_chinese_line_reopens_its_colour_after_a_break() {
        let red = "\x1b[31m";
        let text = format!("{red}下雨天留{RESET}");
        assert_eq!(
            wrap(&text, 4),
            [format!("{red}下雨{RESET}"), format!("{red}天留{RESET}")]
        );
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

    /// Wrapping as it was before Chinese could break: at spaces only.
    fn at_spaces(text: &str, columns: usize) -> Vec<String> {
        let mut lines = vec![String::new()];
        let (mut started, mut used) = (false, 0);
        for word in text.split(' ') {
            let columns_of = width(word);
            if started && columns_of > 0 && used + 1 + columns_of > columns {
                lines.push(String::new());
                (started, used) = (false, 0);
            }
            let current = lines.last_mut().unwrap();
            if started {
                current.push(' ');
                used += 1;
            }
            current.push_str(word);
            used += columns_of;
            started |= !word.is_empty();
        }
        lines
    }

    /// One unit of a mixed sentence: an English word, or a Chinese
    /// character perhaps in opening and closing punctuation (at most eight
    /// columns, so every unit fits the narrowest line tried).
    fn unit() -> impl proptest::strategy::Strategy<Value = (bool, String)> {
        use proptest::prelude::*;
        let english = "[a-zA-Z0-9#]{1,8}".prop_map(|w| (false, w));
        let chinese = (
            proptest::sample::select(vec!["", "（", "「", "《"]),
            proptest::sample::select(vec!["粘", "包", "半", "报", "头", "缓", "冲", "区", "收"]),
            proptest::sample::select(vec![
                "", "，", "。", "、", "；", "：", "！", "？", "）", "」", "』", "》",
            ]),
        )
            .prop_map(|(open, c, close)| (true, format!("{open}{c}{close}")));
        prop_oneof![english, chinese]
    }

    /// A sentence of units, joined by a space or by nothing (two English
    /// words always by a space: joined, they would be one longer word).
    fn sentence() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        proptest::collection::vec((unit(), any::<bool>()), 0..40).prop_map(|units| {
            let mut text = String::new();
            let mut last_english = false;
            for ((chinese, unit), spaced) in units {
                if !text.is_empty() && (spaced || (last_english && !chinese)) {
                    text.push(' ');
                }
                text.push_str(&unit);
                last_english = !chinese;
            }
            text
        })
    }

    proptest::proptest! {
        #[test]
        fn mixed_text_fits_its_width_and_loses_no_character(
            text in sentence(),
            columns in 8usize..60,
        ) {
            let lines = wrap(&text, columns);
            for line in &lines {
                proptest::prop_assert!(width(line) <= columns, "{line:?} in {lines:?}");
            }
            let kept: String = lines.concat().chars().filter(|c| *c != ' ').collect();
            let given: String = text.chars().filter(|c| *c != ' ').collect();
            proptest::prop_assert_eq!(kept, given);
            for pair in lines.windows(2) {
                let starts = pair[1].chars().next();
                let ends = pair[0].chars().next_back();
                proptest::prop_assert!(!starts.is_some_and(|c| NEVER_STARTS.contains(&c) && is_cjk(c)), "{lines:?}");
                proptest::prop_assert!(!ends.is_some_and(|c| NEVER_ENDS.contains(&c) && is_cjk(c)), "{lines:?}");
            }
        }

        #[test]
        fn english_wraps_at_spaces_exactly_as_before(
            text in "[a-z ,.()#0-9—-]{0,120}",
            columns in 1usize..60,
        ) {
            // A measured time (`12 s`) takes the room of the widest one,
            // and is checked on its own above.
            let words: Vec<&str> = text.split(' ').collect();
            proptest::prop_assume!(!words
                .windows(2)
                .any(|pair| measured_room(pair[0], Some(pair[1])).is_some()));
            proptest::prop_assert_eq!(wrap(&text, columns), at_spaces(&text, columns));
        }
    }
}
