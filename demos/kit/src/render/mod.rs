//! Drawing a report for a terminal or a projector.
//!
//! One run reads top to bottom like the story it tells: the banner and the
//! knobs as applied, the sender's messages, then every `recv` with its
//! origin map, a hex dump and the text (with a ✂ where a character was cut
//! in two), and finally the verdict and the why. Each sent message keeps
//! one colour everywhere, so a glued chunk shows its two colours side by
//! side. Colour is switched on and off globally ([`crate::style`]); with it
//! off this is plain text.

use crate::origin::Piece;
use crate::report::{RecvRecord, Report, Run, Span, Transport};
use crate::segments;
use crate::utf8;
use crate::verdict::count;
use colored::{Color, ColoredString, Colorize};
use std::fmt::Write;

mod columns;
mod table;

pub use columns::side_by_side;

/// Recvs beyond this many are summarised, not dumped one by one.
pub const DUMP_AT_MOST: usize = 12;
/// Hex dump lines (16 bytes each) shown for one chunk.
const DUMP_LINES: usize = 4;
/// Terminal columns of text shown for one chunk.
const TEXT_COLUMNS: usize = 48;
/// Width of the banner rule.
const RULE: usize = 78;
/// Columns that verdicts and notes are wrapped to: a projector at a
/// readable font size shows about a hundred.
const WIDTH: usize = 96;

const PALETTE: [Color; 6] = [
    Color::Cyan,
    Color::Magenta,
    Color::Yellow,
    Color::Green,
    Color::Blue,
    Color::Red,
];

/// The whole report, run after run.
///
/// Consecutive runs that only measured round trips (no journal of their
/// own) are drawn together as one table, and a TCP run followed by a UDP
/// run of the same label are drawn side by side.
pub fn report(report: &Report) -> String {
    let mut out = String::new();
    let runs = &report.runs;
    let mut i = 0;
    while i < runs.len() {
        if i > 0 {
            out.push('\n');
        }
        let measured = runs[i..]
            .iter()
            .take_while(|r| table::is_measurement(r))
            .count();
        if let Some(right) = runs.get(i + 1).filter(|r| columns::pairs_with(&runs[i], r)) {
            out.push_str(&side_by_side(
                &report.title,
                &runs[i].label,
                &runs[i],
                right,
            ));
            i += 2;
        } else if measured > 0 {
            out.push_str(&table::rtt(&report.title, &runs[i..i + measured]));
            i += measured;
        } else {
            let number = (runs.len() > 1).then_some((i + 1, runs.len()));
            out.push_str(&self::run(&report.title, &runs[i], number));
            i += 1;
        }
    }
    out
}

/// One run: banner, sends, recvs, verdict.
pub fn run(title: &str, run: &Run, number: Option<(usize, usize)>) -> String {
    let mut out = String::new();
    banner(&mut out, title, run, number);
    if !run.sends.is_empty() {
        sends(&mut out, run);
    }
    if !run.recvs.is_empty() {
        recvs(&mut out, run);
    }
    if !run.frames.is_empty() {
        frames(&mut out, run);
    }
    verdict(&mut out, run);
    out
}

/// The messages a decoder rebuilt, each checked against what was sent.
fn frames(out: &mut String, run: &Run) {
    line(out, &format!(" {}", "decoded frames".bold()));
    let w = Widths::of(run.frames.iter().map(|f| (f.index, f.len)));
    let shown = shown(run.frames.len());
    for (i, frame) in run.frames.iter().enumerate() {
        if !shown.contains(&i) {
            continue;
        }
        let check = if frame.whole {
            "✓ whole".green().bold()
        } else {
            "✗ differs from what was sent".red().bold()
        };
        line(
            out,
            &format!(
                "   {}  {:>lw$} B  {}  {check}  {}",
                paint(
                    frame.index,
                    &format!("frame #{:<iw$}", frame.index, iw = w.index)
                ),
                frame.len,
                format!("from recv #{}", frame.completed_by).dimmed(),
                quoted(frame.index, &frame.bytes),
                lw = w.len,
            ),
        );
    }
    if run.frames.len() > shown.len() {
        let hidden = run.frames.len() - shown.len();
        line(
            out,
            &format!("   … and {} more, all checked", count(hidden, "frame"))
                .dimmed()
                .to_string(),
        );
    }
}

/// A banner line: `head`, then a rule to the full width.
pub(crate) fn rule(out: &mut String, head: &str) {
    let fill = RULE.saturating_sub(width(head));
    line(
        out,
        &format!("{}{}", head.bold(), "━".repeat(fill).dimmed()),
    );
}

fn banner(out: &mut String, title: &str, run: &Run, number: Option<(usize, usize)>) {
    let mut head = format!("━━ {title} ");
    if let Some((i, of)) = number {
        head.push_str(&format!("· run {i} of {of} "));
    }
    rule(out, &head);
    line(out, &format!("   {}", run.label.bold()));
    let knobs = knobs(run);
    if !knobs.is_empty() {
        line(
            out,
            &format!(
                "   {} {}",
                "knobs as the kernel applied them:".dimmed(),
                knobs
            ),
        );
    }
}

pub(crate) fn knobs(run: &Run) -> String {
    let k = &run.knobs;
    let on = |b: bool| if b { "on" } else { "off" };
    let mut parts = Vec::new();
    if let Some(b) = k.nodelay {
        parts.push(format!("TCP_NODELAY {}", on(b)));
    }
    if let Some(n) = k.recv_buffer {
        parts.push(format!("SO_RCVBUF {n} B"));
    }
    if let Some(n) = k.send_buffer {
        parts.push(format!("SO_SNDBUF {n} B"));
    }
    if let Some(b) = k.quickack {
        parts.push(format!("TCP_QUICKACK {}", on(b)));
    }
    if let Some(b) = k.cork {
        parts.push(format!("TCP_CORK {}", on(b)));
    }
    parts.join(" · ")
}

fn sends(out: &mut String, run: &Run) {
    line(out, &format!(" {}", "sender".bold()));
    let w = Widths::of(run.sends.iter().map(|s| (s.index, s.len)));
    let shown = shown(run.sends.len());
    for (i, send) in run.sends.iter().enumerate() {
        if !shown.contains(&i) {
            if shown.contains(&(i + 1)) {
                let hidden = i + 1 - shown[2] - 1;
                line(
                    out,
                    &format!("   … {} not shown …", count(hidden, "send"))
                        .dimmed()
                        .to_string(),
                );
            }
            continue;
        }
        let mut text = format!(
            "   {}  {:>lw$} B  {}  {}",
            paint(
                send.index,
                &format!("send #{:<iw$}", send.index, iw = w.index)
            ),
            send.len,
            at(send.t_us),
            quoted(send.index, &send.bytes),
            lw = w.len,
        );
        if let Some(pieces) = &send.pieces {
            let sizes: Vec<String> = pieces.iter().map(usize::to_string).collect();
            text.push_str(&format!("  written as {} B", sizes.join(" + ")));
        }
        line(out, &text);
    }
    let segments = match run.segments_out {
        Some(segments) => format!(
            "{} left as {} (TCP_INFO tcpi_data_segs_out)",
            count(run.sends.len(), "send"),
            count(segments as usize, "data segment"),
        ),
        None if run.transport == Transport::Tcp => format!("({})", segments::UNAVAILABLE),
        None => return,
    };
    line(out, &format!("   {}", segments.dimmed()));
}

fn recvs(out: &mut String, run: &Run) {
    match &run.reader {
        Some(reader) => line(out, &format!(" {} — {}", "receiver".bold(), reader)),
        None => line(out, &format!(" {}", "receiver".bold())),
    }
    let stream = run.received_stream();
    let w = Widths::of(run.recvs.iter().map(|r| (r.index, r.len)));
    let total = run.recvs.len();
    let shown = shown(total);
    // A datagram never continues in the next recv, so only a byte stream
    // can have a character cut across two recvs.
    let stream = match run.transport {
        Transport::Tcp => stream,
        Transport::Udp => Vec::new(),
    };
    let mut offset = 0;
    let mut previous = None;
    for (i, recv) in run.recvs.iter().enumerate() {
        if shown.contains(&i) {
            if previous.is_some_and(|p| p + 1 < i) {
                let hidden = i - previous.map_or(0, |p| p + 1);
                line(
                    out,
                    &format!("   … {} not shown …", count(hidden, "recv"))
                        .dimmed()
                        .to_string(),
                );
            }
            chunk(out, recv, &stream, offset, &w, total);
            previous = Some(i);
        }
        offset += recv.len;
    }
    if total > DUMP_AT_MOST {
        histogram(out, &run.recvs);
    }
}

/// Which of `total` calls are shown: all of them, or the first three and
/// the last when there are more than [`DUMP_AT_MOST`].
fn shown(total: usize) -> Vec<usize> {
    if total > DUMP_AT_MOST {
        vec![0, 1, 2, total - 1]
    } else {
        (0..total).collect()
    }
}

/// One recv: the header with its origin, the dump, the text.
fn chunk(
    out: &mut String,
    recv: &RecvRecord,
    stream: &[u8],
    offset: usize,
    w: &Widths,
    total: usize,
) {
    let origin = if recv.origin.is_empty() {
        "(origin unknown: this side cannot see the sender's boundaries)"
            .dimmed()
            .to_string()
    } else {
        format!("= {}", origin_text(&recv.origin))
    };
    let origin = match (recv.truncated, recv.real_len) {
        (Some(true), Some(real)) => format!(
            "{origin}  {}",
            format!(
                "✂ truncated (MSG_TRUNC): the datagram had {real} B, the other {} B were discarded",
                real.saturating_sub(recv.len)
            )
            .red()
        ),
        (Some(true), None) => format!(
            "{origin}  {}",
            "✂ truncated (MSG_TRUNC): the rest of the datagram was discarded".red()
        ),
        _ => origin,
    };
    line(
        out,
        &format!(
            "   {}  {:>lw$} B  {}  {}",
            format!("recv #{:<iw$}", recv.index, iw = w.index).bold(),
            recv.len,
            at(recv.t_us),
            origin,
            lw = w.len,
        ),
    );
    let rows: Vec<_> = hexdump::hexdump_iter(&recv.bytes).collect();
    // The crate ends with a line holding only the total length: skip it.
    let rows = &rows[..rows.len().saturating_sub(1)];
    for (i, row) in rows.iter().take(DUMP_LINES).enumerate() {
        line(
            out,
            &format!("       {}", mark_headers(row, i, &recv.headers)),
        );
    }
    if rows.len() > DUMP_LINES {
        let more = recv.len - DUMP_LINES * 16;
        line(
            out,
            &format!("       … {more} more bytes").dimmed().to_string(),
        );
    }
    if recv.decoder.is_none() {
        text(out, recv, stream, offset, total);
        return;
    }
    // A framed chunk: the header bytes, then where the decoder stands.
    let headers: Vec<String> = recv.headers.iter().map(|h| header_span(recv, h)).collect();
    if !headers.is_empty() {
        labelled(out, "length headers: ", &headers.join(" · "), |t| {
            t.normal()
        });
    }
    if let Some(state) = &recv.decoder {
        labelled(out, "decoder: ", state, |t| t.cyan());
    }
}

/// `label` then `text`, wrapped under the chunk with a hanging indent.
fn labelled(out: &mut String, label: &str, text: &str, paint: impl Fn(&str) -> ColoredString) {
    for (i, part) in wrap(text, WIDTH - 7 - label.len()).iter().enumerate() {
        let head = if i == 0 {
            label.dimmed().to_string()
        } else {
            " ".repeat(label.len())
        };
        line(out, &format!("       {head}{}", paint(part)));
    }
}

/// One hexdump row with the bytes of frame headers highlighted. Row `row`
/// covers chunk bytes `16 * row ..`; byte `i` of the row sits at column
/// `1 + 2i + i/4` of the crate's `|xxxxxxxx xxxxxxxx …|` layout.
fn mark_headers(row: &str, row_index: usize, headers: &[Span]) -> String {
    let first = row_index * 16;
    let marked = |column: usize| -> bool {
        let Some(inner) = column.checked_sub(1) else {
            return false;
        };
        // Skip the spaces between groups of four bytes.
        let (group, within) = (inner / 9, inner % 9);
        if within == 8 || group >= 4 {
            return false;
        }
        let byte = first + group * 4 + within / 2;
        headers.iter().any(|h| (h.start..h.end).contains(&byte))
    };
    let mut out = String::new();
    for (column, c) in row.chars().enumerate() {
        let text = c.to_string();
        if column < 36 && marked(column) {
            out.push_str(&text.yellow().bold().to_string());
        } else {
            out.push_str(&text.dimmed().to_string());
        }
    }
    out
}

/// `[0..4] 00000018 = 24 B`, or a header cut by the chunk's edge.
fn header_span(recv: &RecvRecord, span: &Span) -> String {
    let bytes = &recv.bytes[span.start..span.end];
    // The hex as one word, as the dump groups it, and no-break spaces
    // inside the span, so that wrapping never splits a header.
    let hex = |bytes: &[u8]| bytes.iter().map(|b| format!("{b:02x}")).collect::<String>();
    let span_text = match <[u8; 4]>::try_from(bytes) {
        Ok(header) => format!(
            "[{}..{}] {} = {} B",
            span.start,
            span.end,
            hex(bytes),
            u32::from_be_bytes(header)
        ),
        Err(_) => format!(
            "[{}..{}] {} (part of a header)",
            span.start,
            span.end,
            hex(bytes)
        ),
    };
    span_text.replace(' ', "\u{a0}")
}

/// The chunk as text, each sent message in its colour, with cut characters
/// marked at either edge.
fn text(out: &mut String, recv: &RecvRecord, stream: &[u8], offset: usize, total: usize) {
    let reading = utf8::read(&recv.bytes);
    let Some(middle) = reading.text else {
        line(out, &format!("       {}", "(not UTF-8 text)".dimmed()));
        return;
    };
    let mut parts = Vec::new();
    if !reading.lead.is_empty() {
        parts.push(format!("{}{}", "✂".red().bold(), hex(reading.lead).red()));
    }
    // A chunk wholly inside one character has no text of its own to quote.
    if !middle.is_empty() || !reading.is_cut() {
        parts.push(colour_by_origin(recv, reading.lead.len(), middle));
    }
    if !reading.tail.is_empty() {
        parts.push(format!("{}{}", hex(reading.tail).red(), "✂".red().bold()));
    }
    line(out, &format!("       {}", parts.join(" + ")));

    let end = offset + recv.len;
    if let Some(cut) = utf8::cut_at(stream, end).filter(|_| !reading.tail.is_empty()) {
        let next = if recv.index < total {
            format!("recv #{}", recv.index + 1)
        } else {
            "the next recv".into()
        };
        let note = format!(
            "✂ {} was cut in two: {} here, {} in {next} — decoding this chunk alone fails",
            cut.character,
            count(cut.before, "byte"),
            cut.after
        );
        line(out, &format!("       {}", note.red()));
    }
    if let Some(cut) = utf8::cut_at(stream, offset).filter(|_| !reading.lead.is_empty()) {
        let note = format!(
            "✂ the last {} of {}, whose first {} ended recv #{}",
            count(cut.after, "byte"),
            cut.character,
            count(cut.before, "byte"),
            recv.index.saturating_sub(1)
        );
        line(out, &format!("       {}", note.red()));
    }
}

/// Quotes `middle` (the complete characters of the chunk, starting `lead`
/// bytes in), painting each sent message's bytes in its colour.
fn colour_by_origin(recv: &RecvRecord, lead: usize, middle: &str) -> String {
    let (shown, cut) = shorten(middle);
    let limit = lead + shown.len();
    let mut painted = String::from("\"");
    let mut at = 0;
    for piece in &recv.origin {
        let len = piece.end - piece.start;
        let (start, end) = (at.max(lead), (at + len).min(limit));
        at += len;
        if start >= end {
            continue;
        }
        match std::str::from_utf8(&recv.bytes[start..end]) {
            Ok(part) => painted.push_str(&paint(piece.send, part).to_string()),
            // A message boundary inside a character: colour cannot follow it.
            Err(_) => return format!("\"{}{cut}\"", visible(shown)),
        }
    }
    if recv.origin.is_empty() {
        painted.push_str(&visible(shown));
    }
    painted.push_str(cut);
    painted.push('"');
    painted
}

/// As much of `text` as fits in [`TEXT_COLUMNS`], and an ellipsis if that
/// was not all of it.
pub(crate) fn shorten(text: &str) -> (&str, &'static str) {
    shorten_to(text, TEXT_COLUMNS)
}

/// As much of `text` as fits in `columns` terminal columns, and an
/// ellipsis if that was not all of it.
pub(crate) fn shorten_to(text: &str, columns: usize) -> (&str, &'static str) {
    let mut used = 0;
    for (at, c) in text.char_indices() {
        used += width_of(c);
        if used > columns {
            return (&text[..at], "…");
        }
    }
    (text, "")
}

fn histogram(out: &mut String, recvs: &[RecvRecord]) {
    let mut buckets: Vec<(usize, usize)> = Vec::new();
    for recv in recvs.iter().filter(|r| r.len > 0) {
        let low = 1usize << (usize::BITS - 1 - recv.len.leading_zeros());
        match buckets.iter_mut().find(|(l, _)| *l == low) {
            Some((_, n)) => *n += 1,
            None => buckets.push((low, 1)),
        }
    }
    buckets.sort_unstable();
    let most = buckets.iter().map(|&(_, n)| n).max().unwrap_or(1);
    let largest = recvs.iter().map(|r| r.len).max().unwrap_or(0);
    line(
        out,
        &format!(
            "   sizes of the {} (largest {largest} B):",
            count(recvs.len(), "recv")
        ),
    );
    for (low, n) in buckets {
        let bar = "█".repeat((n * 30).div_ceil(most));
        line(
            out,
            &format!("     {:>6} – {:>6} B  {bar} {n}", low, 2 * low - 1),
        );
    }
}

fn verdict(out: &mut String, run: &Run) {
    let paint = |text: &str| match (run.sticky, run.half) {
        (Some(true), _) | (_, Some(true)) => text.yellow().bold(),
        (Some(false), Some(false)) => text.green().bold(),
        _ => text.normal(),
    };
    let label = " verdict: ";
    for (i, part) in wrap(&run.verdict, WIDTH - label.len()).iter().enumerate() {
        let head = if i == 0 {
            label.bold().to_string()
        } else {
            " ".repeat(label.len())
        };
        line(out, &format!("{head}{}", paint(part)));
    }
    notes(out, &run.notes);
}

/// The "why" lines under a verdict, wrapped for a projector.
pub(crate) fn notes(out: &mut String, notes: &[String]) {
    for note in notes {
        for (i, part) in wrap(note, WIDTH - 5).iter().enumerate() {
            let head = if i == 0 { "·" } else { " " };
            line(out, &format!("   {} {part}", head.dimmed()));
        }
    }
}

/// Breaks `text` at spaces into lines of at most `columns` columns (a
/// single longer word stays whole).
pub(crate) fn wrap(text: &str, columns: usize) -> Vec<String> {
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

/// `send #1 [0..24] + send #2 [0..6]`. A chunk holding more than four
/// pieces keeps its first and last; the pieces between them are whole
/// sends (only the edges of a chunk can cut a send), so they are counted.
fn origin_text(pieces: &[Piece]) -> String {
    match pieces {
        [first, middle @ .., last] if pieces.len() > 4 => {
            let whole = format!(
                "send #{} … #{} ({} whole sends)",
                middle[0].send,
                middle[middle.len() - 1].send,
                middle.len()
            );
            format!("{} + {} + {}", piece(first), whole, piece(last))
        }
        _ => pieces.iter().map(piece).collect::<Vec<_>>().join(" + "),
    }
}

pub(crate) fn piece(piece: &Piece) -> String {
    paint(
        piece.send,
        &format!("send #{} [{}..{}]", piece.send, piece.start, piece.end),
    )
    .to_string()
}

fn quoted(send: usize, bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(text) => {
            let (shown, cut) = shorten(text);
            format!("\"{}{cut}\"", paint(send, shown))
        }
        Err(_) => "(not UTF-8 text)".dimmed().to_string(),
    }
}

pub(crate) fn paint(send: usize, text: &str) -> ColoredString {
    visible(text).color(PALETTE[send.saturating_sub(1) % PALETTE.len()])
}

/// `text` with control characters spelled out (`\0`, `\n`, `\x18`), so
/// that bytes such as a frame's length header show instead of vanishing.
pub(crate) fn visible(text: &str) -> String {
    let mut shown = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\0' => shown.push_str("\\0"),
            '\n' => shown.push_str("\\n"),
            '\r' => shown.push_str("\\r"),
            '\t' => shown.push_str("\\t"),
            c if c.is_control() => shown.push_str(&format!("\\x{:02x}", c as u32)),
            c => shown.push(c),
        }
    }
    shown
}

fn at(t_us: u64) -> String {
    format!("at {:>7.2} ms", t_us as f64 / 1000.0)
        .dimmed()
        .to_string()
}

fn hex(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Column widths for `#index` and the byte count.
struct Widths {
    index: usize,
    len: usize,
}

impl Widths {
    fn of(items: impl Iterator<Item = (usize, usize)>) -> Widths {
        let (mut index, mut len) = (1, 1);
        for (i, n) in items {
            index = index.max(i.to_string().len());
            len = len.max(n.to_string().len());
        }
        Widths { index, len }
    }
}

/// Display width: CJK characters take two columns on a terminal.
pub(crate) fn width(text: &str) -> usize {
    text.chars().map(width_of).sum()
}

fn width_of(c: char) -> usize {
    if c >= '\u{2e80}' { 2 } else { 1 }
}

pub(crate) fn line(out: &mut String, text: &str) {
    // No trailing blanks (an empty last column, say): they only show up as
    // noise in a copied transcript.
    let text = text.trim_end_matches(' ');
    // Writing to a String cannot fail.
    let _ = writeln!(out, "{text}");
}

/// Renders `reports` without colour, for tests and files.
pub fn plain(report: &Report) -> String {
    colored::control::set_override(false);
    self::report(report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::Journal;
    use crate::knobs::Applied;
    use crate::report::Side;
    use std::time::Instant;

    fn run(sends: &[&str], recvs: &[&[u8]]) -> Run {
        let epoch = Instant::now();
        let mut sender = Journal::new(epoch);
        for s in sends {
            sender.sent(s.as_bytes(), epoch);
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
        Run::both("test", &side(sender), &side(receiver))
    }

    fn report(run: Run) -> String {
        plain(&Report {
            demo: "t".into(),
            title: "t".into(),
            runs: vec![run],
        })
    }

    #[test]
    fn a_glued_chunk_names_both_origins_and_reads_whole() {
        let text = report(run(
            &["下雨天留客天留人", "不留"],
            &["下雨天留客天留人不留".as_bytes()],
        ));
        assert!(text.contains("recv #1  30 B"), "{text}");
        assert!(
            text.contains("= send #1 [0..24] + send #2 [0..6]"),
            "{text}"
        );
        assert!(text.contains("\"下雨天留客天留人不留\""), "{text}");
        assert!(
            text.contains("|e4b88be9 9ba8e5a4 a9e79599 e5aea2e5|"),
            "{text}"
        );
        assert!(!text.contains('✂'));
    }

    #[test]
    fn a_cut_character_is_marked_on_both_sides() {
        let bytes = "下雨天留客天留人不留".as_bytes();
        let text = report(run(
            &["下雨天留客天留人不留"],
            &[&bytes[..16], &bytes[16..]],
        ));
        assert!(text.contains("\"下雨天留客\" + e5✂"), "{text}");
        assert!(
            text.contains("✂ 天 was cut in two: 1 byte here, 2 in recv #2"),
            "{text}"
        );
        assert!(text.contains("✂a4 a9 + \"留人不留\""), "{text}");
    }

    #[test]
    fn control_bytes_are_spelled_out() {
        assert_eq!(visible("\0\0\0\u{18}下\n"), "\\0\\0\\0\\x18下\\n");
    }

    #[test]
    fn long_sentences_wrap_at_spaces() {
        let lines = wrap("aaa bbb ccc ddd", 7);
        assert_eq!(lines, ["aaa bbb", "ccc ddd"]);
        assert_eq!(wrap("abcdefghij k", 4), ["abcdefghij", "k"]);
        assert_eq!(wrap("下雨天 留客", 6), ["下雨天", "留客"]);
    }

    #[test]
    fn a_chunk_of_many_sends_counts_the_whole_ones() {
        let sends = ["a", "b", "c", "d", "e", "f"];
        let text = report(run(&sends, &[b"abcdef"]));
        assert!(
            text.contains("= send #1 [0..1] + send #2 … #5 (4 whole sends) + send #6 [0..1]"),
            "{text}"
        );
    }

    #[test]
    fn many_recvs_are_summarised() {
        let message = "x".repeat(100);
        let chunks: Vec<&[u8]> = message.as_bytes().chunks(5).collect();
        let text = report(run(&[&message], &chunks));
        assert!(text.contains("… 16 recvs not shown …"), "{text}");
        assert!(text.contains("recv #20"), "{text}");
        assert!(!text.contains("recv #4 "), "{text}");
        assert!(
            text.contains("sizes of the 20 recvs (largest 5 B):"),
            "{text}"
        );
    }
}
