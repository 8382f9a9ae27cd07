//! One exchange, top to bottom like the story it tells: the sender's
//! messages, then every `recv` with its origin map, a hex dump and the
//! text (with a ✂ where a character was cut in two), the frames a reader
//! rebuilt, and the verdict. Each sent message keeps one colour
//! everywhere, so a glued chunk shows its two colours side by side.

use super::banner::{self, Heading};
use super::dump;
use super::text::{
    Elided, Flow, SHOW_AT_MOST, Slot, fit, fit_len, hang_lines, line, space_after, visible, width,
    wrap,
};
use super::verdict;
use crate::hex;
use crate::origin::Piece;
use crate::report::{Annotation, Exchange, FrameRecord, RecvRecord, Span, Transport};
use crate::segments;
use crate::style::Style;
use crate::tcp_info;
use crate::utf8;
use crate::verdict::count;
use colored::{Color, ColoredString, Colorize};

/// Terminal columns of text shown for one chunk.
pub(super) const TEXT_COLUMNS: usize = 48;

const PALETTE: [Color; 6] = [
    Color::Cyan,
    Color::Magenta,
    Color::Yellow,
    Color::Green,
    Color::Blue,
    Color::Red,
];

/// One exchange: banner, sends, recvs, frames, verdict.
pub fn exchange(out: &mut String, heading: &Heading<'_>, run: &Exchange, style: &Style) {
    banner::rule(out, heading, style);
    banner::label(out, &run.label, style);
    banner::knobs(out, &run.knobs, style);
    if !run.sends.is_empty() {
        sends(out, run, style);
    }
    if !run.recvs.is_empty() {
        recvs(out, run, style);
    }
    if let Some(frames) = run.frames.as_ref().filter(|f| !f.is_empty()) {
        self::frames(out, frames, style);
    }
    let paint = |text: ColoredString| match (run.sticky, run.half) {
        (Some(true), _) | (_, Some(true)) => text.yellow().bold(),
        (Some(false), Some(false)) => text.green().bold(),
        _ => text,
    };
    verdict::verdict(out, &verdict::label(), &run.verdict, style, paint);
    verdict::notes(out, &run.notes, style);
}

/// The messages a reader rebuilt, each checked against what was sent.
fn frames(out: &mut String, frames: &[FrameRecord], style: &Style) {
    let title = crate::tr!(crate::TEXT, "exchange-frames");
    line(out, &format!(" {}", style.bold(&title)));
    let w = Widths::of(frames.iter().map(|f| (f.index, f.len)));
    let elided = Elided::of(frames.len());
    for (i, frame) in frames.iter().enumerate() {
        if !elided.shows(i) {
            continue;
        }
        let check = if frame.whole {
            style.paint(&crate::tr!(crate::TEXT, "exchange-frame-whole"), |t| {
                t.green().bold()
            })
        } else {
            style.paint(&crate::tr!(crate::TEXT, "exchange-frame-differs"), |t| {
                t.red().bold()
            })
        };
        let head = format!(
            "   {}  {:>lw$} B  {}",
            paint(
                frame.index,
                &crate::tr!(
                    crate::TEXT,
                    "exchange-frame",
                    index = format!("{:<iw$}", frame.index, iw = w.index)
                ),
                style
            ),
            frame.len,
            style.dimmed(&crate::tr!(
                crate::TEXT,
                "exchange-frame-from",
                recv = frame.completed_by
            )),
            lw = w.len,
        );
        let mut flow = Flow::new(&head, style.width, 5);
        flow.push("  ", &check);
        let room = flow.room("  ");
        flow.push("  ", &quoted(frame.index, &frame.bytes, room, style));
        flow.finish(out);
    }
    if frames.len() > elided.shown() {
        let hidden = frames.len() - elided.shown();
        line(
            out,
            &style.dimmed(&format!(
                "   {}",
                crate::tr!(
                    crate::TEXT,
                    "exchange-more-frames",
                    frames = count(hidden, "frame")
                )
            )),
        );
    }
}

fn sends(out: &mut String, run: &Exchange, style: &Style) {
    let title = crate::tr!(crate::TEXT, "exchange-sender");
    line(out, &format!(" {}", style.bold(&title)));
    let w = Widths::of(run.sends.iter().map(|s| (s.index, s.len)));
    for slot in Elided::of(run.sends.len()).slots() {
        let send = match slot {
            Slot::Gap(hidden) => {
                gap(out, hidden, "send", style);
                continue;
            }
            Slot::Item(i) => &run.sends[i],
        };
        let head = format!(
            "   {}  {:>lw$} B  {}",
            paint(
                send.index,
                &format!("send #{:<iw$}", send.index, iw = w.index),
                style
            ),
            send.len,
            at(send.t_us, style),
            lw = w.len,
        );
        // What does not fit goes under the quoted text.
        let mut flow = Flow::new(&head, style.width, width(&head) + 2);
        let room = flow.room("  ");
        flow.push("  ", &quoted(send.index, &send.bytes, room, style));
        if let Some(pieces) = &send.pieces {
            let sizes: Vec<String> = pieces.iter().map(usize::to_string).collect();
            let written = crate::tr!(
                crate::TEXT,
                "exchange-written-as",
                sizes = sizes.join(" + ")
            );
            flow.push("  ", &written);
        }
        flow.finish(out);
    }
    let segments = match run.segments_out {
        Some(segments) => crate::tr!(
            crate::TEXT,
            "exchange-segments",
            sends = count(run.sends.len(), "send"),
            segments = count(segments as usize, "data segment"),
            source = tcp_info::source()
                .unwrap_or_else(|| crate::tr!(crate::TEXT, "exchange-kernel-count")),
        ),
        None if run.transport == Transport::Tcp => crate::tr!(
            crate::TEXT,
            "exchange-segments-unavailable",
            why = segments::unavailable()
        ),
        None => return,
    };
    hang_lines(
        out,
        &format!("   {}", style.dimmed(&segments)),
        style.width,
        5,
    );
}

/// `   … 16 recvs not shown …`
fn gap(out: &mut String, hidden: usize, noun: &str, style: &Style) {
    line(
        out,
        &style.dimmed(&format!("   {}", not_shown(hidden, noun))),
    );
}

/// `… 16 recvs not shown …`: the gap in a long list of `noun`s.
pub(super) fn not_shown(hidden: usize, noun: &str) -> String {
    crate::tr!(
        crate::TEXT,
        "exchange-not-shown",
        items = count(hidden, noun)
    )
}

fn recvs(out: &mut String, run: &Exchange, style: &Style) {
    let title = crate::tr!(crate::TEXT, "exchange-receiver");
    match &run.reader {
        Some(reader) => hang_lines(
            out,
            &format!(" {} — {}", style.bold(&title), reader),
            style.width,
            width(&format!(" {title} — ")),
        ),
        None => line(out, &format!(" {}", style.bold(&title))),
    }
    // A datagram never continues in the next recv, so only a byte stream
    // can have a character cut across two recvs.
    let stream = match run.transport {
        Transport::Tcp => run.received_stream(),
        Transport::Udp => Vec::new(),
    };
    let w = Widths::of(run.recvs.iter().map(|r| (r.index, r.len)));
    let total = run.recvs.len();
    let mut offsets = Vec::with_capacity(total);
    let mut offset = 0;
    for recv in &run.recvs {
        offsets.push(offset);
        offset += recv.len;
    }
    for slot in Elided::of(total).slots() {
        match slot {
            Slot::Gap(hidden) => gap(out, hidden, "recv", style),
            Slot::Item(i) => {
                let place = Place {
                    stream: &stream,
                    offset: offsets[i],
                    total,
                };
                chunk(out, &run.recvs[i], &place, &w, style);
            }
        }
    }
    if total > SHOW_AT_MOST {
        histogram(out, &run.recvs);
    }
}

/// Where a chunk sits: the whole received stream, its offset in it, and
/// how many recvs there were.
struct Place<'a> {
    stream: &'a [u8],
    offset: usize,
    total: usize,
}

/// One recv: the header with its origin, the dump, the text.
fn chunk(out: &mut String, recv: &RecvRecord, place: &Place<'_>, w: &Widths, style: &Style) {
    let head = format!(
        "   {}  {:>lw$} B  {}",
        style.bold(&format!("recv #{:<iw$}", recv.index, iw = w.index)),
        recv.len,
        at(recv.t_us, style),
        lw = w.len,
    );
    // The origin's pieces are never split; those that do not fit go under
    // the first, `+` under `=`.
    let mut flow = Flow::new(&head, style.width, width(&head) + 2);
    match origin_parts(&recv.origin, style).split_first() {
        None => flow.push(
            "  ",
            &style.dimmed(&crate::tr!(crate::TEXT, "exchange-origin-unknown")),
        ),
        Some((first, rest)) => {
            flow.push("  ", &format!("= {first}"));
            for part in rest {
                flow.push(" ", &format!("+ {part}"));
            }
        }
    }
    flow.finish(out);
    // A truncated datagram says so on a line of its own, over its bytes.
    let truncated = match (recv.truncated, recv.real_len) {
        (Some(true), Some(real)) => crate::tr!(
            crate::TEXT,
            "exchange-truncated",
            real = real,
            lost = real.saturating_sub(recv.len)
        ),
        (Some(true), None) => crate::tr!(crate::TEXT, "exchange-truncated-rest"),
        _ => String::new(),
    };
    if !truncated.is_empty() {
        let red = style.paint(&truncated, colored::Colorize::red);
        hang_lines(out, &format!("       {red}"), style.width, 9);
    }
    dump::dump(out, recv, style);
    let Some(annotation) = &recv.annotation else {
        text(out, recv, place, style);
        return;
    };
    // A read chunk: the header bytes, then what the reader made of it.
    let headers: Vec<String> = recv
        .headers
        .iter()
        .map(|h| header_span(recv, h, style))
        .collect();
    if !headers.is_empty() {
        let label = crate::tr!(crate::TEXT, "exchange-length-headers");
        let label = format!("{label}{}", space_after(&label));
        labelled(out, &label, &headers.join(" · "), style, |t| t);
    }
    // Both kinds are drawn under one label: the pitfalls' naive readers
    // and the real decoder play the same part on screen.
    let label = match annotation {
        Annotation::Decoder(_) | Annotation::Concluded(_) => {
            let label = crate::tr!(crate::TEXT, "exchange-decoder");
            format!("{label}{}", space_after(&label))
        }
    };
    labelled(
        out,
        &label,
        annotation.text(),
        style,
        colored::Colorize::cyan,
    );
}

/// `label` then `text`, wrapped under the chunk with a hanging indent.
fn labelled(
    out: &mut String,
    label: &str,
    text: &str,
    style: &Style,
    paint: impl Fn(ColoredString) -> ColoredString + Copy,
) {
    let columns = style.width.saturating_sub(7 + width(label));
    for (i, part) in wrap(text, columns).iter().enumerate() {
        let head = if i == 0 {
            style.dimmed(label)
        } else {
            " ".repeat(width(label))
        };
        line(out, &format!("       {head}{}", style.paint(part, paint)));
    }
}

/// `[0..4] 00000018 = 24 B`, or a header cut by the chunk's edge.
fn header_span(recv: &RecvRecord, span: &Span, style: &Style) -> String {
    let bytes = &recv.bytes[span.start..span.end];
    // The hex as one word, as the dump groups it — and drawn as the dump
    // draws it, in reverse video — with no-break spaces inside the span,
    // so that wrapping never splits a header.
    let word = match dump::send_of(recv, span.start) {
        Some(send) => style.paint(&hex::lowercase(bytes), |t| {
            t.color(colour_of(send)).reversed()
        }),
        None => hex::lowercase(bytes),
    };
    let span_text = match <[u8; 4]>::try_from(bytes) {
        Ok(header) => format!(
            "[{}..{}] {word} = {} B",
            span.start,
            span.end,
            u32::from_be_bytes(header)
        ),
        Err(_) => format!(
            "[{}..{}] {word}{}",
            span.start,
            span.end,
            crate::tr!(crate::TEXT, "exchange-part-of-header")
        ),
    };
    span_text.replace(' ', "\u{a0}")
}

/// The chunk as text, each sent message in its colour, with cut characters
/// marked at either edge.
fn text(out: &mut String, recv: &RecvRecord, place: &Place<'_>, style: &Style) {
    let reading = utf8::read(&recv.bytes);
    let Some(middle) = reading.text else {
        let not_text = crate::tr!(crate::TEXT, "exchange-not-text");
        line(out, &format!("       {}", style.dimmed(&not_text)));
        return;
    };
    let red = |text: &str| style.paint(text, colored::Colorize::red);
    let scissors = style.paint("✂", |t| t.red().bold());
    let lead = (!reading.lead.is_empty())
        .then(|| format!("{scissors}{}", red(&hex::spaced(reading.lead))));
    let tail = (!reading.tail.is_empty())
        .then(|| format!("{}{scissors}", red(&hex::spaced(reading.tail))));
    // The text takes what the cut bytes and the quotes leave of the line.
    let room = [&lead, &tail]
        .into_iter()
        .flatten()
        .fold(style.width.saturating_sub(7 + 2), |room, cut| {
            room.saturating_sub(width(cut) + 3)
        });
    let mut parts: Vec<String> = lead.into_iter().collect();
    // A chunk wholly inside one character has no text of its own to quote.
    if !middle.is_empty() || !reading.is_cut() {
        parts.push(colour_by_origin(
            recv,
            reading.lead.len(),
            middle,
            room,
            style,
        ));
    }
    parts.extend(tail);
    line(out, &format!("       {}", parts.join(" + ")));

    let end = place.offset + recv.len;
    if let Some(cut) = utf8::cut_at(place.stream, end).filter(|_| !reading.tail.is_empty()) {
        let next = if recv.index < place.total {
            format!("recv #{}", recv.index + 1)
        } else {
            crate::tr!(crate::TEXT, "exchange-next-recv")
        };
        let note = crate::tr!(
            crate::TEXT,
            "exchange-cut-here",
            character = cut.character.to_string(),
            before = count(cut.before, "byte"),
            after = cut.after,
            next = next
        );
        hang_lines(out, &format!("       {}", red(&note)), style.width, 9);
    }
    if let Some(cut) = utf8::cut_at(place.stream, place.offset).filter(|_| !reading.lead.is_empty())
    {
        let note = crate::tr!(
            crate::TEXT,
            "exchange-cut-rest",
            after = count(cut.after, "byte"),
            character = cut.character.to_string(),
            before = count(cut.before, "byte"),
            recv = recv.index.saturating_sub(1)
        );
        hang_lines(out, &format!("       {}", red(&note)), style.width, 9);
    }
}

/// Quotes `middle` (the complete characters of the chunk, starting `lead`
/// bytes in) in at most `room` columns, painting each sent message's
/// bytes in its colour.
fn colour_by_origin(
    recv: &RecvRecord,
    lead: usize,
    middle: &str,
    room: usize,
    style: &Style,
) -> String {
    let (kept, cut) = fit_len(middle, TEXT_COLUMNS, room);
    let shown = &middle[..kept];
    let limit = lead + kept;
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
            Ok(part) => painted.push_str(&paint(piece.send, part, style)),
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
            "   {}",
            crate::tr!(
                crate::TEXT,
                "exchange-sizes",
                recvs = count(recvs.len(), "recv"),
                largest = largest
            )
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

/// `send #1 [0..24]`, `send #2 [0..6]`: the pieces a chunk holds, to be
/// joined by `+`. A chunk holding more than four pieces names its run of
/// whole sends once — `sends #2 to #9 (8 whole sends)` — and only a send
/// cut at the chunk's edge by its byte range. (Only the edges of a chunk
/// can cut a send: every piece between them is whole.)
fn origin_parts(pieces: &[Piece], style: &Style) -> Vec<String> {
    if pieces.len() <= 4 {
        return pieces.iter().map(|p| piece(p, style)).collect();
    }
    let first = usize::from(!pieces[0].whole);
    let last = pieces.len() - usize::from(!pieces[pieces.len() - 1].whole);
    let whole = &pieces[first..last];
    let mut parts = Vec::new();
    if first == 1 {
        parts.push(piece(&pieces[0], style));
    }
    parts.push(crate::tr!(
        crate::TEXT,
        "exchange-whole-sends",
        first = whole[0].send,
        last = whole[whole.len() - 1].send,
        sends = count(whole.len(), "whole send")
    ));
    if last < pieces.len() {
        parts.push(piece(&pieces[pieces.len() - 1], style));
    }
    parts
}

fn piece(piece: &Piece, style: &Style) -> String {
    paint(
        piece.send,
        &format!("send #{} [{}..{}]", piece.send, piece.start, piece.end),
        style,
    )
}

/// The message in quotes, in its colour, in at most `room` columns.
fn quoted(send: usize, bytes: &[u8], room: usize, style: &Style) -> String {
    match std::str::from_utf8(bytes) {
        Ok(text) => {
            let (shown, cut) = fit(text, TEXT_COLUMNS, room.saturating_sub(2));
            format!("\"{}{cut}\"", paint(send, &shown, style))
        }
        Err(_) => style.dimmed(&crate::tr!(crate::TEXT, "exchange-not-text")),
    }
}

/// `text` (control characters made visible) in the colour of send `send`.
pub(super) fn paint(send: usize, text: &str, style: &Style) -> String {
    style.paint(&visible(text), |t| t.color(colour_of(send)))
}

/// The colour of send `send` (1-based), wherever its bytes are drawn.
pub(super) fn colour_of(send: usize) -> Color {
    PALETTE[send.saturating_sub(1) % PALETTE.len()]
}

fn at(t_us: u64, style: &Style) -> String {
    let ms = format!("{:>7.2}", t_us as f64 / 1000.0);
    style.dimmed(&crate::tr!(crate::TEXT, "exchange-at", ms = ms))
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
