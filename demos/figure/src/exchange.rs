//! An exchange over TCP, drawn the way a teacher draws 粘包 on the board:
//! the sender's messages on top, each a box as wide as its bytes; the
//! receiver's recvs below, each a box made of the coloured byte ranges it
//! holds; and a band from every range of a message to where it landed.
//! Two bands meeting in one recv is a sticky packet (粘包); one message
//! fanning out into several recvs is a half packet (半包).
//!
//! Under them, when the run reads messages, the frames a reader rebuilt,
//! each tied by a line to the recv that completed it; length headers are
//! black wherever they are. Then the time axis ([`crate::time`]) and the
//! caption: the verdict, the knobs as applied and the segment count.

use crate::caption;
use crate::content;
use crate::lane::{Kind, Lane, Room};
use crate::measure;
use crate::palette::{INK, Ink};
use crate::svg::{Anchor, Rect, Svg, num};
use crate::time::{self, Clock};
use kit::report::{Annotation, Exchange, FrameRecord};
use std::collections::BTreeMap;

/// Height of a send, recv or frame box.
pub const BOX: f64 = 58.0;
/// Height of the bands between the two lanes.
const BANDS: f64 = 84.0;
/// Width of the column naming the lanes.
const NAMES: f64 = 112.0;
/// Space between two boxes of a lane.
pub const GAP: f64 = 14.0;
/// The narrowest box.
pub const MIN_BOX: f64 = 54.0;
/// Size of the text inside boxes.
const INSIDE: f64 = 22.0;
/// Size of the labels beside boxes.
const LABEL: f64 = 19.0;

/// Where a run is drawn: from `x`, `w` wide, its top at `y`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Area {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub w: f64,
}

/// The stream positions of a run's bytes: where each send starts in the
/// sent stream and each recv in the received stream.
struct Stream {
    send_start: BTreeMap<usize, usize>,
    recv_start: Vec<usize>,
}

impl Stream {
    fn of(run: &Exchange) -> Stream {
        let mut at = 0;
        let mut send_start = BTreeMap::new();
        for send in &run.sends {
            send_start.insert(send.index, at);
            at += send.len;
        }
        let mut at = 0;
        let recv_start = run
            .recvs
            .iter()
            .map(|r| {
                let start = at;
                at += r.len;
                start
            })
            .collect();
        Stream {
            send_start,
            recv_start,
        }
    }

    /// Where byte `offset` of recv `i` was in the sent stream.
    fn sent_position(&self, run: &Exchange, i: usize, offset: usize) -> Option<usize> {
        let mut at = 0;
        for piece in &run.recvs[i].origin {
            let len = piece.end - piece.start;
            if (at..at + len).contains(&offset) {
                return Some(self.send_start.get(&piece.send)? + piece.start + offset - at);
            }
            at += len;
        }
        None
    }
}

/// The run in `area`; returns the bottom of what was drawn.
pub fn draw(svg: &mut Svg, ink: &Ink, run: &Exchange, clock: &Clock, area: Area) -> f64 {
    let stream = Stream::of(run);
    let room = Room {
        x: area.x + NAMES,
        w: area.w - NAMES - 16.0,
        gap: GAP,
        min: MIN_BOX,
    };
    let sender = Lane::lay(&run.sends.iter().map(|s| s.len).collect::<Vec<_>>(), room);
    let receiver = Lane::lay(&run.recvs.iter().map(|r| r.len).collect::<Vec<_>>(), room);
    let headers = headers_sent(run, &stream);
    let mut y = area.y;
    let sender_top = y + 26.0;
    if !run.sends.is_empty() {
        lane_name(svg, area.x, sender_top, "sender");
        svg.group("sender", |svg| {
            sends(svg, ink, run, &sender, sender_top, &headers);
        });
        y = sender_top + BOX;
    }
    let receiver_top = y + BANDS;
    if !run.sends.is_empty() && !run.recvs.is_empty() {
        svg.group("bands", |svg| {
            bands(svg, ink, run, &stream, &sender, &receiver, y, receiver_top);
        });
    }
    if !run.recvs.is_empty() {
        if run.sends.is_empty() {
            // A receiver's own report: no sender lane, no bands.
            return draw_rest(svg, ink, run, clock, area, &receiver, area.y + 8.0);
        }
        return draw_rest(svg, ink, run, clock, area, &receiver, receiver_top);
    }
    y += 20.0;
    y = strip(svg, ink, run, clock, area, y);
    caption::exchange(svg, run, area.x, area.w, y)
}

/// The receiver's lane and everything under it.
fn draw_rest(
    svg: &mut Svg,
    ink: &Ink,
    run: &Exchange,
    clock: &Clock,
    area: Area,
    receiver: &Lane,
    top: f64,
) -> f64 {
    lane_name(svg, area.x, top, "receiver");
    svg.group("receiver", |svg| recvs(svg, ink, run, receiver, top));
    let mut y = top + BOX + 30.0;
    if let Some(frames) = &run.frames {
        y = self::frames(svg, run, frames, receiver, area, y);
    }
    y = reading(svg, run, receiver, area, y);
    y = strip(svg, ink, run, clock, area, y + 10.0);
    caption::exchange(svg, run, area.x, area.w, y)
}

fn strip(svg: &mut Svg, ink: &Ink, run: &Exchange, clock: &Clock, area: Area, y: f64) -> f64 {
    svg.text(area.x, y + 56.0, Anchor::Start, "lane", "time");
    time::strip(
        svg,
        ink,
        run,
        clock,
        Rect {
            x: area.x + NAMES,
            y,
            w: area.w - NAMES - 30.0,
            h: time::HEIGHT,
        },
    );
    y + time::HEIGHT + 8.0
}

/// The lane's name, left of its boxes.
fn lane_name(svg: &mut Svg, x: f64, top: f64, name: &str) {
    svg.text(x, top + BOX / 2.0 + 7.0, Anchor::Start, "lane", name);
}

/// Length headers, as ranges of the sent stream (the report marks them
/// in the recvs; the same bytes are in the sends).
fn headers_sent(run: &Exchange, stream: &Stream) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (i, recv) in run.recvs.iter().enumerate() {
        for span in &recv.headers {
            let start = stream.sent_position(run, i, span.start);
            let end = stream.sent_position(run, i, span.end - 1);
            if let (Some(start), Some(end)) = (start, end) {
                out.push((start, end + 1));
            }
        }
    }
    // A header read in parts (one byte in one recv, three in the next) is
    // still one header in the send.
    out.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(out.len());
    for (start, end) in out {
        match merged.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    merged
}

fn sends(
    svg: &mut Svg,
    ink: &Ink,
    run: &Exchange,
    lane: &Lane,
    top: f64,
    headers: &[(usize, usize)],
) {
    for slot in &lane.slots {
        let r = Rect {
            x: slot.x,
            y: top,
            w: slot.w,
            h: BOX,
        };
        match slot.kind {
            Kind::One(i) => {
                let send = &run.sends[i];
                svg.rect(
                    r,
                    &format!("{} stroke-width=\"2\" rx=\"4\"", ink.send(send.index)),
                );
                // A message written in pieces: where each write ended.
                if let Some(pieces) = &send.pieces {
                    let mut at = slot.start;
                    for piece in &pieces[..pieces.len().saturating_sub(1)] {
                        at += piece;
                        let x = slot.x_of(at);
                        svg.line(
                            (x, top - 4.0),
                            (x, top + BOX + 4.0),
                            &format!(
                                "stroke=\"{INK}\" stroke-width=\"2\" stroke-dasharray=\"5 4\""
                            ),
                        );
                    }
                }
                let payload = without(&send.bytes, slot.start, headers);
                if let Some(room) = payload_rect(slot, slot.start, slot.end, headers, top) {
                    inside(
                        svg,
                        room,
                        content::text(&payload),
                        &format!("#{}", send.index),
                    );
                }
                let sizes = send.pieces.as_ref().map(|p| {
                    let sizes: Vec<String> = p.iter().map(usize::to_string).collect();
                    format!(" = {}", sizes.join("+"))
                });
                above(
                    svg,
                    r,
                    &[
                        format!(
                            "send #{} · {} B{}",
                            send.index,
                            send.len,
                            sizes.unwrap_or_default()
                        ),
                        format!("send #{} · {} B", send.index, send.len),
                        format!("#{}", send.index),
                    ],
                );
            }
            Kind::Many { first, count } => many(
                svg,
                ink,
                r,
                count,
                "send",
                run.sends[first].index,
                run.sends[first + count - 1].index,
                true,
            ),
        }
        let bytes = match slot.kind {
            Kind::One(i) => &run.sends[i].bytes[..],
            Kind::Many { .. } => &[],
        };
        header_marks(svg, slot, headers, top, bytes);
    }
}

/// `bytes` (starting at stream position `start`) without the bytes of
/// length headers: the payload, which is what reads as text.
fn without(bytes: &[u8], start: usize, headers: &[(usize, usize)]) -> Vec<u8> {
    bytes
        .iter()
        .enumerate()
        .filter(|(i, _)| !headers.iter().any(|(a, b)| (*a..*b).contains(&(start + i))))
        .map(|(_, b)| *b)
        .collect()
}

/// Black boxes over the length headers inside one slot, each saying the
/// length it holds (as a reader in network byte order takes it) where
/// there is room. `bytes` are the slot's own bytes.
fn header_marks(
    svg: &mut Svg,
    slot: &crate::lane::Slot,
    headers: &[(usize, usize)],
    top: f64,
    bytes: &[u8],
) {
    if !matches!(slot.kind, Kind::One(_)) {
        return;
    }
    for (a, b) in headers {
        let (a, b) = ((*a).max(slot.start), (*b).min(slot.end));
        if a >= b {
            continue;
        }
        let (x0, x1) = (slot.x_of(a), slot.x_of(b));
        let r = Rect {
            x: x0,
            y: top,
            w: (x1 - x0).max(4.0),
            h: BOX,
        };
        svg.rect(r, &format!("{} class=\"header\"", Ink::header()));
        let value = bytes
            .get(a - slot.start..b - slot.start)
            .and_then(|h| <[u8; 4]>::try_from(h).ok())
            .map(u32::from_be_bytes);
        let mut labels = Vec::new();
        if let Some(value) = value {
            labels.push(format!("len {value}"));
            labels.push(value.to_string());
        }
        labels.push("len".to_string());
        if let Some(text) = labels.iter().find(|t| measure::width(t, 15.0) + 6.0 <= r.w) {
            svg.text(
                r.middle(),
                r.y + r.h / 2.0 + 6.0,
                Anchor::Middle,
                "hdr",
                text,
            );
        }
    }
}

/// The part of the box for stream bytes `a..b` of `slot` that is not a
/// length header: where its text goes (the longest such stretch), if any.
fn payload_rect(
    slot: &crate::lane::Slot,
    a: usize,
    b: usize,
    headers: &[(usize, usize)],
    top: f64,
) -> Option<Rect> {
    let mut free = vec![(a, b)];
    for (h0, h1) in headers {
        free = free
            .into_iter()
            .flat_map(|(s, e)| {
                if *h1 <= s || *h0 >= e {
                    vec![(s, e)]
                } else {
                    vec![(s, *h0.max(&s)), (*h1.min(&e), e)]
                }
            })
            .filter(|(s, e)| s < e)
            .collect();
    }
    let (s, e) = free.into_iter().max_by_key(|(s, e)| e - s)?;
    let (x0, x1) = (slot.x_of(s), slot.x_of(e));
    Some(Rect {
        x: x0,
        y: top,
        w: x1 - x0,
        h: BOX,
    })
}

/// The bands from each piece of a message to where it landed. Pieces that
/// fall in the same pair of boxes, one after the other, make one band.
#[allow(clippy::too_many_arguments)]
fn bands(
    svg: &mut Svg,
    ink: &Ink,
    run: &Exchange,
    stream: &Stream,
    sender: &Lane,
    receiver: &Lane,
    top: f64,
    bottom: f64,
) {
    struct Band {
        slots: (usize, usize),
        sent: (usize, usize),
        got: (usize, usize),
        send: Option<usize>,
    }
    let mut merged: Vec<Band> = Vec::new();
    for (i, recv) in run.recvs.iter().enumerate() {
        let mut offset = stream.recv_start[i];
        for piece in &recv.origin {
            let len = piece.end - piece.start;
            let Some(start) = stream.send_start.get(&piece.send).map(|s| s + piece.start) else {
                offset += len;
                continue;
            };
            let (Some(s), Some(r)) = (sender.find(start), receiver.find(offset)) else {
                offset += len;
                continue;
            };
            match merged.last_mut() {
                Some(band)
                    if band.slots == (s, r) && band.sent.1 == start && band.got.1 == offset =>
                {
                    band.sent.1 += len;
                    band.got.1 += len;
                    if band.send != Some(piece.send) {
                        band.send = None;
                    }
                }
                _ => merged.push(Band {
                    slots: (s, r),
                    sent: (start, start + len),
                    got: (offset, offset + len),
                    send: Some(piece.send),
                }),
            }
            offset += len;
        }
    }
    let middle = f64::midpoint(top, bottom);
    for band in merged {
        let (s, r) = (&sender.slots[band.slots.0], &receiver.slots[band.slots.1]);
        let (a, b) = (s.x_of(band.sent.0), s.x_of(band.sent.1));
        let (c, d) = (r.x_of(band.got.0), r.x_of(band.got.1));
        let (top, bottom) = (top + 1.0, bottom - 1.0);
        let data = format!(
            "M{a},{top}L{b},{top}C{b},{m} {d},{m} {d},{bottom}L{c},{bottom}C{c},{m} {a},{m} {a},{top}Z",
            a = num(a),
            b = num(b),
            c = num(c),
            d = num(d),
            top = num(top),
            bottom = num(bottom),
            m = num(middle)
        );
        let paint = match band.send {
            Some(send) => ink.band(send),
            None => ink.many_band(),
        };
        svg.path(&data, &paint);
    }
}

fn recvs(svg: &mut Svg, ink: &Ink, run: &Exchange, lane: &Lane, top: f64) {
    for slot in &lane.slots {
        let r = Rect {
            x: slot.x,
            y: top,
            w: slot.w,
            h: BOX,
        };
        match slot.kind {
            Kind::One(i) => {
                let recv = &run.recvs[i];
                svg.rect(r, "fill=\"#fff\"");
                let mut at = 0;
                for piece in &recv.origin {
                    let len = piece.end - piece.start;
                    let (x0, x1) = (
                        r.x + r.w * at as f64 / recv.len as f64,
                        r.x + r.w * (at + len) as f64 / recv.len as f64,
                    );
                    let p = Rect {
                        x: x0,
                        y: top,
                        w: x1 - x0,
                        h: BOX,
                    };
                    svg.rect(p, &format!("{} stroke-width=\"1\"", ink.send(piece.send)));
                    let spans: Vec<(usize, usize)> =
                        recv.headers.iter().map(|h| (h.start, h.end)).collect();
                    let payload = without(&recv.bytes[at..at + len], at, &spans);
                    let shifted: Vec<(usize, usize)> = spans
                        .iter()
                        .map(|(a, b)| (slot.start + a, slot.start + b))
                        .collect();
                    let start = slot.start + at;
                    if let Some(room) = payload_rect(slot, start, start + len, &shifted, top) {
                        let room = Rect {
                            x: room.x.max(p.x),
                            w: room.w.min(p.w),
                            ..room
                        };
                        // No fallback: the piece's colour names its message,
                        // and a bare `#1` in a recv would read as its number.
                        inside(svg, room, content::text(&payload), "");
                    }
                    at += len;
                }
                if recv.origin.is_empty() {
                    inside(svg, r, content::text(&recv.bytes), "?");
                }
                let headers: Vec<(usize, usize)> = recv
                    .headers
                    .iter()
                    .map(|h| (slot.start + h.start, slot.start + h.end))
                    .collect();
                header_marks(svg, slot, &headers, top, &recv.bytes);
                svg.rect(
                    r,
                    &format!("fill=\"none\" stroke=\"{INK}\" stroke-width=\"2.5\" rx=\"3\""),
                );
                below(
                    svg,
                    r,
                    &[
                        format!("recv #{} · {} B", recv.index, recv.len),
                        format!("#{} · {} B", recv.index, recv.len),
                        format!("#{}", recv.index),
                    ],
                );
            }
            Kind::Many { first, count } => many(
                svg,
                ink,
                r,
                count,
                "recv",
                run.recvs[first].index,
                run.recvs[first + count - 1].index,
                false,
            ),
        }
    }
}

/// The frames a reader rebuilt, each tied to the recv that completed it.
fn frames(
    svg: &mut Svg,
    run: &Exchange,
    frames: &[FrameRecord],
    receiver: &Lane,
    area: Area,
    y: f64,
) -> f64 {
    let top = y + 44.0;
    let name = |svg: &mut Svg| {
        svg.text(
            area.x,
            top + BOX / 2.0 + 7.0,
            Anchor::Start,
            "lane",
            "frames",
        );
    };
    if frames.is_empty() {
        svg.group("frames", |svg| {
            name(svg);
            svg.text(
                area.x + NAMES,
                top + BOX / 2.0 + 7.0,
                Anchor::Start,
                "bad",
                "✗ no message rebuilt",
            );
        });
        return top + BOX + 10.0;
    }
    let lane = Lane::lay(
        &frames.iter().map(|f| f.len).collect::<Vec<_>>(),
        Room {
            x: area.x + NAMES,
            w: area.w - NAMES - 16.0,
            gap: GAP,
            min: MIN_BOX,
        },
    );
    svg.group("frames", |svg| {
        name(svg);
        for slot in &lane.slots {
            let r = Rect {
                x: slot.x,
                y: top,
                w: slot.w,
                h: BOX,
            };
            let Kind::One(i) = slot.kind else {
                let count = match slot.kind {
                    Kind::Many { count, .. } => count,
                    Kind::One(_) => 1,
                };
                svg.rect(r, "fill=\"#fff\" stroke=\"#25752a\" stroke-width=\"2\" stroke-dasharray=\"8 5\" rx=\"8\"");
                let whole = frames.iter().all(|f| f.whole);
                let text = format!("… {count} frames{} …", if whole { " ✓" } else { "" });
                inside(svg, r, Some(text), "…");
                continue;
            };
            let frame = &frames[i];
            // Where the frame was completed: a line up to that recv.
            if let Some(at) = run.recvs.iter().position(|r| r.index == frame.completed_by) {
                if let Some((slot_at, _)) = receiver.slot_of_item(at) {
                    let from = &receiver.slots[slot_at];
                    svg.line(
                        (from.x + from.w / 2.0, y - 4.0),
                        (r.middle(), top),
                        &format!("stroke=\"{INK}\" stroke-width=\"2\" marker-end=\"none\""),
                    );
                    svg.polygon(
                        &[(r.middle(), top), (r.middle() - 6.0, top - 10.0), (r.middle() + 6.0, top - 10.0)],
                        &format!("fill=\"{INK}\""),
                    );
                }
            }
            let outline = if frame.whole {
                "stroke=\"#25752a\" stroke-width=\"3\""
            } else {
                "stroke=\"#b3261e\" stroke-width=\"3\" stroke-dasharray=\"8 5\""
            };
            svg.rect(r, &format!("fill=\"#fff\" {outline} rx=\"8\""));
            inside(svg, r, content::text(&frame.bytes), "");
            let mark = if frame.whole { "✓" } else { "✗" };
            below(
                svg,
                r,
                &[
                    format!("frame #{} · {} B {mark}", frame.index, frame.len),
                    format!("#{} {mark}", frame.index),
                    mark.to_string(),
                ],
            );
        }
    });
    top + BOX + 30.0
}

/// What the code under study concluded from each recv shown (a pitfall's
/// naive reader), in its own words.
fn reading(svg: &mut Svg, run: &Exchange, lane: &Lane, area: Area, y: f64) -> f64 {
    let lines: Vec<(usize, &str)> = lane
        .slots
        .iter()
        .filter_map(|slot| match slot.kind {
            Kind::One(i) => match &run.recvs[i].annotation {
                Some(Annotation::Concluded(text)) => Some((run.recvs[i].index, text.as_str())),
                _ => None,
            },
            Kind::Many { .. } => None,
        })
        .collect();
    if lines.is_empty() {
        return y;
    }
    let mut y = y + 8.0;
    svg.group("reading", |svg| {
        svg.text(area.x, y + 20.0, Anchor::Start, "lane", "the code");
        for (index, text) in lines {
            let head = format!("recv #{index} → ");
            let room = area.w - NAMES - 16.0 - measure::width(&head, LABEL);
            for (k, line) in measure::wrap(text, room, LABEL).iter().enumerate() {
                y += 27.0;
                if k == 0 {
                    svg.text(area.x + NAMES, y, Anchor::Start, "note", &head);
                }
                svg.text(
                    area.x + NAMES + measure::width(&head, LABEL),
                    y,
                    Anchor::Start,
                    "note",
                    line,
                );
            }
        }
    });
    y + 14.0
}

/// A box standing for `count` items: grey, counted inside, named above or
/// below.
#[allow(clippy::too_many_arguments)]
fn many(
    svg: &mut Svg,
    ink: &Ink,
    r: Rect,
    count: usize,
    noun: &str,
    first: usize,
    last: usize,
    label_above: bool,
) {
    svg.rect(
        r,
        &format!(
            "{} stroke-width=\"2\" stroke-dasharray=\"8 5\" rx=\"4\"",
            ink.many()
        ),
    );
    let counted = [
        format!("… {count} {noun}s …"),
        format!("{count} {noun}s"),
        format!("×{count}"),
    ];
    if let Some(text) = counted
        .iter()
        .find(|t| measure::width(t, INSIDE) <= r.w - 10.0)
    {
        svg.text(
            r.middle(),
            r.y + r.h / 2.0 + 8.0,
            Anchor::Middle,
            "in",
            text,
        );
    }
    let names = [
        format!("{noun}s #{first}–#{last}"),
        format!("#{first}–#{last}"),
    ];
    if label_above {
        above(svg, r, &names);
    } else {
        below(svg, r, &names);
    }
}

/// Text centred in a box: `text` if it fits, else `fallback`, else nothing.
fn inside(svg: &mut Svg, r: Rect, text: Option<String>, fallback: &str) {
    let room = r.w - 10.0;
    let shown = text
        .and_then(|t| measure::fit(&t, room, INSIDE))
        .filter(|t| !t.ends_with('…') || t.chars().count() > 4)
        .or_else(|| measure::fit(fallback, room, INSIDE).filter(|t| t == fallback));
    if let Some(text) = shown.filter(|t| !t.is_empty()) {
        svg.text(
            r.middle(),
            r.y + r.h / 2.0 + 8.0,
            Anchor::Middle,
            "in",
            &text,
        );
    }
}

/// The first of `labels` that fits over the box.
fn above(svg: &mut Svg, r: Rect, labels: &[String]) {
    if let Some(text) = labels
        .iter()
        .find(|l| measure::width(l, LABEL) <= r.w + GAP - 4.0)
    {
        svg.text(r.x, r.y - 8.0, Anchor::Start, "label", text);
    }
}

/// The first of `labels` that fits under the box.
fn below(svg: &mut Svg, r: Rect, labels: &[String]) {
    if let Some(text) = labels
        .iter()
        .find(|l| measure::width(l, LABEL) <= r.w + GAP - 4.0)
    {
        svg.text(r.x, r.bottom() + 21.0, Anchor::Start, "label", text);
    }
}
