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

use crate::bands;
use crate::caption;
use crate::content;
use crate::frames;
use crate::headers;
use crate::label::{INSIDE, above, below, inside};
use crate::lane::{Kind, Lane, Room};
use crate::measure;
use crate::palette::{INK, Ink};
use crate::stream::Stream;
use crate::svg::{Anchor, Rect, Svg};
use crate::time::{self, Clock};
use kit::report::Exchange;

/// Height of a send, recv or frame box.
pub const BOX: f64 = 58.0;
/// Height of the bands between the two lanes.
const BANDS: f64 = 84.0;
/// Width of the column naming the lanes.
pub const NAMES: f64 = 112.0;
/// Space between two boxes of a lane.
pub const GAP: f64 = 14.0;
/// The narrowest box.
pub const MIN_BOX: f64 = 54.0;

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
    let headers = headers::sent(run, &stream);
    let mut y = area.y;
    let sender_top = y + 26.0;
    if !run.sends.is_empty() {
        lane_name(
            svg,
            area.x,
            sender_top,
            &kit::tr!(crate::TEXT, "lane-sender"),
        );
        svg.group("sender", |svg| {
            sends(svg, ink, run, &sender, sender_top, &headers);
        });
        y = sender_top + BOX;
    }
    let receiver_top = y + BANDS;
    if !run.sends.is_empty() && !run.recvs.is_empty() {
        svg.group("bands", |svg| {
            bands::draw(svg, ink, run, &stream, &sender, &receiver, y, receiver_top);
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
    lane_name(svg, area.x, top, &kit::tr!(crate::TEXT, "lane-receiver"));
    svg.group("receiver", |svg| recvs(svg, ink, run, receiver, top));
    let mut y = top + BOX + 30.0;
    if let Some(frames) = &run.frames {
        y = frames::draw(svg, run, frames, receiver, area, y);
    }
    y = frames::reading(svg, run, receiver, area, y);
    y = strip(svg, ink, run, clock, area, y + 10.0);
    caption::exchange(svg, run, area.x, area.w, y)
}

/// The time lane of `run` at `y` in `area`, named; returns where the next
/// part of the figure starts. Streams and datagrams share it.
pub fn strip(svg: &mut Svg, ink: &Ink, run: &Exchange, clock: &Clock, area: Area, y: f64) -> f64 {
    let time = kit::tr!(crate::TEXT, "lane-time");
    svg.text(area.x, y + 56.0, Anchor::Start, "lane", &time);
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
                let payload = headers::without(&send.bytes, slot.start, headers);
                if let Some(room) = headers::payload_rect(slot, slot.start, slot.end, headers, top)
                {
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
        headers::marks(svg, slot, headers, top, bytes);
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
                    let payload = headers::without(&recv.bytes[at..at + len], at, &spans);
                    let shifted: Vec<(usize, usize)> = spans
                        .iter()
                        .map(|(a, b)| (slot.start + a, slot.start + b))
                        .collect();
                    let start = slot.start + at;
                    if let Some(room) =
                        headers::payload_rect(slot, start, start + len, &shifted, top)
                    {
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
                headers::marks(svg, slot, &headers, top, &recv.bytes);
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
        kit::tr!(
            crate::TEXT,
            "many-inside",
            count = count.to_string(),
            noun = noun
        ),
        kit::tr!(
            crate::TEXT,
            "many-count",
            count = count.to_string(),
            noun = noun
        ),
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
        kit::tr!(
            crate::TEXT,
            "many-range",
            noun = noun,
            first = first.to_string(),
            last = last.to_string()
        ),
        format!("#{first}–#{last}"),
    ];
    if label_above {
        above(svg, r, &names);
    } else {
        below(svg, r, &names);
    }
}
