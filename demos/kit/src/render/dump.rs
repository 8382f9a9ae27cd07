//! A recv's bytes as hex dump rows, in the `hexdump` crate's layout, each
//! byte — its two hex digits and its ASCII column — in the colour of the
//! send it came from, as the text under it is. A glued recv shows its
//! sends side by side in two colours, and the exact byte where one ends.
//!
//! The bytes of a length header are also drawn in reverse video: inside a
//! recv that holds two frames, a student sees where each length sits and
//! that the next frame starts right after the bytes it announced.
//!
//! Without colour the rows are the crate's, character for character.

use super::exchange::colour_of;
use super::text::line;
use crate::hex;
use crate::report::RecvRecord;
use crate::style::Style;
use colored::{Color, ColoredString, Colorize};

/// Hex dump lines (16 bytes each) shown for one chunk.
const DUMP_LINES: usize = 4;

/// How one column of a row is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Look {
    /// The frame of the dump (`|`, blanks, the offset): dimmed.
    Frame,
    /// A byte of send `Some(n)` (or of an unknown send), and whether it
    /// belongs to length header number `Some(h)` of the chunk.
    Byte {
        send: Option<usize>,
        header: Option<usize>,
    },
}

/// The first rows of the chunk's dump, indented under its header, and how
/// many bytes were left out.
pub fn dump(out: &mut String, recv: &RecvRecord, style: &Style) {
    let rows = hex::rows(&recv.bytes);
    for (i, row) in rows.iter().take(DUMP_LINES).enumerate() {
        line(out, &format!("       {}", paint_row(row, i, recv, style)));
    }
    if rows.len() > DUMP_LINES {
        let more = recv.len - DUMP_LINES * hex::ROW;
        let more = crate::tr!(crate::TEXT, "dump-more", bytes = more);
        line(out, &style.dimmed(&format!("       {more}")));
    }
}

/// One row of the dump, painted. Row `row_index` holds the chunk's bytes
/// from `16 * row_index` on.
fn paint_row(row: &str, row_index: usize, recv: &RecvRecord, style: &Style) -> String {
    if !style.colour {
        return row.to_string();
    }
    let looks = looks(row, row_index, recv);
    // Neighbouring columns that look alike are painted as one run, so a
    // row carries a few escape codes, not two per character.
    let mut out = String::new();
    let mut start = 0;
    let columns: Vec<char> = row.chars().collect();
    while start < columns.len() {
        let look = looks[start];
        let end = (start..columns.len())
            .find(|&i| looks[i] != look)
            .unwrap_or(columns.len());
        let text: String = columns[start..end].iter().collect();
        out.push_str(&style.paint(&text, |t| draw(t, look)));
        start = end;
    }
    out
}

/// The look of every column of a row.
fn looks(row: &str, row_index: usize, recv: &RecvRecord) -> Vec<Look> {
    let mut looks = vec![Look::Frame; row.chars().count()];
    let first = row_index * hex::ROW;
    let count = recv.len.saturating_sub(first).min(hex::ROW);
    let byte = |i: usize| Look::Byte {
        send: send_of(recv, first + i),
        header: recv
            .headers
            .iter()
            .position(|h| (h.start..h.end).contains(&(first + i))),
    };
    for i in 0..count {
        let look = byte(i);
        for column in [
            hex::column_of(i),
            hex::column_of(i) + 1,
            hex::text_column_of(i),
        ] {
            if let Some(slot) = looks.get_mut(column) {
                *slot = look;
            }
        }
        // The blank between two groups of four joins a header that goes on
        // across it, so that each length reads as one block.
        let joined = |next: Look| match (look, next) {
            (
                Look::Byte {
                    header: Some(a), ..
                },
                Look::Byte {
                    header: Some(b), ..
                },
            ) => a == b,
            _ => false,
        };
        if i % 4 == 3 && i + 1 < count && joined(byte(i + 1)) {
            if let Some(slot) = looks.get_mut(hex::column_of(i) + 2) {
                *slot = look;
            }
        }
    }
    looks
}

/// The send that byte `at` of the chunk came from, if the origin map says.
pub(super) fn send_of(recv: &RecvRecord, at: usize) -> Option<usize> {
    let mut start = 0;
    for piece in &recv.origin {
        let end = start + (piece.end - piece.start);
        if (start..end).contains(&at) {
            return Some(piece.send);
        }
        start = end;
    }
    None
}

fn draw(text: ColoredString, look: Look) -> ColoredString {
    match look {
        Look::Frame => text.dimmed(),
        Look::Byte { send, header } => {
            let text = match send {
                Some(send) => text.color(colour_of(send)),
                // A side that cannot see the sender's boundaries still
                // marks its headers; its other bytes are dimmed.
                None if header.is_some() => text.color(Color::Yellow),
                None => text.dimmed(),
            };
            if header.is_some() {
                text.reversed()
            } else {
                text
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::Journal;
    use crate::knobs::Applied;
    use crate::report::{Exchange, Side, Span};
    use crate::style::ColorChoice;
    use std::collections::BTreeSet;
    use std::time::Instant;

    /// The recvs of a run that sent `sends` and received `recvs`.
    fn recvs(sends: &[&[u8]], recvs: &[&[u8]]) -> Vec<RecvRecord> {
        let epoch = Instant::now();
        let mut sender = Journal::new(epoch);
        for s in sends {
            sender.sent(s, epoch);
        }
        let mut receiver = Journal::new(epoch);
        for r in recvs {
            receiver.received(r);
        }
        let side = |journal| Side {
            journal,
            knobs: Applied::default(),
            segments_out: None,
        };
        Exchange::both("t", &side(sender), &side(receiver)).recvs
    }

    /// The dump's rows in colour, each as its characters with the SGR
    /// parameters in force on each (`36` cyan, `7` reverse video, …).
    fn painted(recv: &RecvRecord) -> Vec<Vec<(char, BTreeSet<u8>)>> {
        let style = ColorChoice::Always.style();
        let mut out = String::new();
        dump(&mut out, recv, &style);
        out.lines()
            .map(|row| {
                let mut cells = Vec::new();
                let mut codes = BTreeSet::new();
                let mut chars = row.chars();
                while let Some(c) = chars.next() {
                    if c != '\x1b' {
                        cells.push((c, codes.clone()));
                        continue;
                    }
                    let sequence: String = chars.by_ref().take_while(|&c| c != 'm').collect();
                    for code in sequence.trim_start_matches('[').split(';') {
                        match code.parse::<u8>().unwrap_or(0) {
                            0 => codes.clear(),
                            code => {
                                codes.insert(code);
                            }
                        }
                    }
                }
                // The indent under the recv's header is no part of the row.
                cells.split_off(7)
            })
            .collect()
    }

    /// The codes on byte `at` of the chunk: on its two hex digits, which
    /// must agree with its ASCII column.
    fn codes_of(rows: &[Vec<(char, BTreeSet<u8>)>], at: usize) -> BTreeSet<u8> {
        let row = &rows[at / hex::ROW];
        let i = at % hex::ROW;
        let digits = &row[hex::column_of(i)].1;
        assert_eq!(digits, &row[hex::column_of(i) + 1].1, "byte {at}");
        assert_eq!(digits, &row[hex::text_column_of(i)].1, "byte {at}'s ASCII");
        digits.clone()
    }

    const CYAN: u8 = 36;
    const MAGENTA: u8 = 35;
    const REVERSED: u8 = 7;

    #[test]
    fn every_byte_has_the_colour_of_its_send() {
        let first = "下雨天留客天留人".as_bytes();
        let second = "不留".as_bytes();
        let glued = [first, second].concat();
        let recv = &recvs(&[first, second], &[&glued])[0];
        let rows = painted(recv);
        for at in 0..glued.len() {
            let codes = codes_of(&rows, at);
            let (mine, other) = if at < 24 {
                (CYAN, MAGENTA)
            } else {
                (MAGENTA, CYAN)
            };
            assert!(codes.contains(&mine), "byte {at}: {codes:?}");
            assert!(!codes.contains(&other), "byte {at}: {codes:?}");
            assert!(!codes.contains(&REVERSED), "no header here: byte {at}");
        }
        // Colour only: the characters are the crate's rows.
        let shown: Vec<String> = rows
            .iter()
            .map(|row| row.iter().map(|(c, _)| c).collect())
            .collect();
        assert_eq!(shown, hex::rows(&glued));
    }

    #[test]
    fn the_bytes_of_each_length_header_are_reversed() {
        // The fix's traffic: two frames, glued in one recv.
        let one = [&24u32.to_be_bytes()[..], "下雨天留客天留人".as_bytes()].concat();
        let two = [&6u32.to_be_bytes()[..], "不留".as_bytes()].concat();
        let glued = [one.clone(), two.clone()].concat();
        let mut recv = recvs(&[&one, &two], &[&glued]).remove(0);
        recv.headers = vec![Span { start: 0, end: 4 }, Span { start: 28, end: 32 }];
        let rows = painted(&recv);
        for at in 0..glued.len() {
            let codes = codes_of(&rows, at);
            let header = (0..4).contains(&at) || (28..32).contains(&at);
            assert_eq!(codes.contains(&REVERSED), header, "byte {at}: {codes:?}");
            let colour = if at < 28 { CYAN } else { MAGENTA };
            assert!(codes.contains(&colour), "byte {at}: {codes:?}");
        }
        // The blank after byte 3 ends the first header.
        assert!(!rows[0][hex::column_of(3) + 2].1.contains(&REVERSED));
    }

    #[test]
    fn a_header_across_two_groups_of_four_is_one_block() {
        let bytes: Vec<u8> = (0..20).collect();
        let mut recv = recvs(&[&bytes], &[&bytes]).remove(0);
        recv.headers = vec![Span { start: 2, end: 6 }];
        let rows = painted(&recv);
        assert!(rows[0][hex::column_of(3) + 2].1.contains(&REVERSED));
        assert!(!rows[0][hex::column_of(7) + 2].1.contains(&REVERSED));
        assert!(!codes_of(&rows, 6).contains(&REVERSED));
    }

    #[test]
    fn without_colour_the_rows_are_the_crates() {
        let bytes = "下雨天留客天留人不留".as_bytes();
        let mut recv = recvs(&[bytes], &[bytes]).remove(0);
        recv.headers = vec![Span { start: 0, end: 4 }];
        let mut out = String::new();
        dump(&mut out, &recv, &Style::PLAIN);
        let expected: String = hex::rows(bytes)
            .iter()
            .map(|row| format!("       {row}\n"))
            .collect();
        assert_eq!(out, expected);
    }
}
