//! An exchange over UDP: every datagram a parcel of its own. A recv gets
//! one whole parcel or, when its buffer is too small, the start of one —
//! the rest is crossed out, because UDP throws it away (`MSG_TRUNC`)
//! instead of keeping it for the next recv as TCP would. A datagram that
//! no recv got is drawn where it should have landed, crossed out: lost.
//! Past a dozen datagrams the parcels become a grid ([`crate::flood`]).

use crate::caption;
use crate::content;
use crate::exchange::{self, Area, BOX, MIN_BOX};
use crate::flood;
use crate::label::{beside, inside};
use crate::lane::{Kind, Lane, Room};
use crate::palette::{INK, Ink};
use crate::svg::{Anchor, Rect, Svg};
use crate::time::Clock;
use kit::render::text::SHOW_AT_MOST;
use kit::report::{Exchange, RecvRecord};

/// Width of the column naming the lanes.
const NAMES: f64 = 112.0;
/// Space between two parcels: wider than between TCP's boxes, since
/// parcels never touch.
const GAP: f64 = 34.0;
/// Height of the bands.
const BANDS: f64 = 70.0;

/// The run in `area`; returns the bottom of what was drawn.
pub fn draw(svg: &mut Svg, ink: &Ink, run: &Exchange, clock: &Clock, area: Area) -> f64 {
    let y = if run.sends.len() > SHOW_AT_MOST {
        flood::draw(svg, ink, run, area)
    } else {
        parcels(svg, ink, run, area)
    };
    let y = exchange::strip(svg, ink, run, clock, area, y);
    caption::exchange(svg, run, area.x, area.w, y)
}

/// The recvs that got (the start of) datagram `index`.
fn landed(run: &Exchange, index: usize) -> Vec<&RecvRecord> {
    run.recvs
        .iter()
        .filter(|r| r.origin.first().is_some_and(|p| p.send == index))
        .collect()
}

fn parcels(svg: &mut Svg, ink: &Ink, run: &Exchange, area: Area) -> f64 {
    let room = Room {
        x: area.x + NAMES,
        w: area.w - NAMES - 16.0,
        gap: GAP,
        min: MIN_BOX,
    };
    let top = area.y + 26.0;
    if run.sends.is_empty() {
        // A receiver's own report: its datagrams, in the order read.
        let lane = Lane::lay(&run.recvs.iter().map(|r| r.len).collect::<Vec<_>>(), room);
        svg.text(
            area.x,
            top + BOX / 2.0 + 7.0,
            Anchor::Start,
            "lane",
            &kit::tr!(crate::TEXT, "lane-receiver"),
        );
        svg.group("receiver", |svg| {
            for slot in &lane.slots {
                if let Kind::One(i) = slot.kind {
                    let r = Rect {
                        x: slot.x,
                        y: top,
                        w: slot.w,
                        h: BOX,
                    };
                    received(svg, ink, &run.recvs[i], r, None);
                }
            }
        });
        return top + BOX + 40.0;
    }
    let lane = Lane::lay(&run.sends.iter().map(|s| s.len).collect::<Vec<_>>(), room);
    svg.text(
        area.x,
        top + BOX / 2.0 + 7.0,
        Anchor::Start,
        "lane",
        &kit::tr!(crate::TEXT, "lane-sender"),
    );
    svg.group("sender", |svg| {
        for slot in &lane.slots {
            let Kind::One(i) = slot.kind else { continue };
            let send = &run.sends[i];
            let r = Rect {
                x: slot.x,
                y: top,
                w: slot.w,
                h: BOX,
            };
            svg.rect(
                r,
                &format!("{} stroke-width=\"2\" rx=\"10\"", ink.send(send.index)),
            );
            inside(
                svg,
                r,
                content::text(&send.bytes),
                &format!("#{}", send.index),
            );
            label(
                svg,
                r.x,
                r.y - 8.0,
                r.w,
                &[
                    kit::tr!(
                        crate::TEXT,
                        "datagram-label",
                        index = send.index.to_string(),
                        bytes = send.len.to_string()
                    ),
                    format!("#{} · {} B", send.index, send.len),
                    format!("#{}", send.index),
                ],
            );
        }
    });
    let bottom = top + BOX + BANDS;
    svg.text(
        area.x,
        bottom + BOX / 2.0 + 7.0,
        Anchor::Start,
        "lane",
        &kit::tr!(crate::TEXT, "lane-receiver"),
    );
    svg.group("receiver", |svg| {
        for slot in &lane.slots {
            let Kind::One(i) = slot.kind else { continue };
            let send = &run.sends[i];
            let whole = Rect {
                x: slot.x,
                y: bottom,
                w: slot.w,
                h: BOX,
            };
            let got = landed(run, send.index);
            if got.is_empty() {
                svg.rect(
                    whole,
                    &format!("{} stroke-width=\"2\" rx=\"10\" class=\"lost\"", ink.lost()),
                );
                inside(svg, whole, Some(kit::tr!(crate::TEXT, "lost-inside")), "✗");
                label(
                    svg,
                    whole.x,
                    whole.bottom() + 21.0,
                    whole.w,
                    &[
                        kit::tr!(crate::TEXT, "lost-never-read"),
                        kit::tr!(crate::TEXT, "lost-short"),
                    ],
                );
                continue;
            }
            for recv in got {
                let w = whole.w * (recv.len as f64 / send.len.max(1) as f64).min(1.0);
                let r = Rect { w, ..whole };
                // The band: straight down, as wide as what arrived.
                svg.polygon(
                    &[
                        (r.x, top + BOX),
                        (r.right(), top + BOX),
                        (r.right(), bottom),
                        (r.x, bottom),
                    ],
                    &ink.band(send.index),
                );
                received(svg, ink, recv, r, Some(whole));
            }
        }
    });
    bottom + BOX + 60.0
}

/// One datagram as a recv returned it in `r`; `whole` is where the whole
/// datagram would have been, to cross out what truncation threw away.
fn received(svg: &mut Svg, ink: &Ink, recv: &RecvRecord, r: Rect, whole: Option<Rect>) {
    let send = recv.origin.first().map_or(0, |p| p.send);
    if let Some(whole) = whole.filter(|w| w.right() - r.right() > 1.0) {
        let cut = Rect {
            x: r.right(),
            w: whole.right() - r.right(),
            ..whole
        };
        svg.rect(
            cut,
            &format!("{} stroke-width=\"2\" class=\"truncated\"", ink.lost()),
        );
        svg.line(
            (cut.x, cut.y),
            (cut.right(), cut.bottom()),
            &format!("stroke=\"{}\" stroke-width=\"3\"", crate::palette::LOSS),
        );
        svg.line(
            (cut.x, cut.bottom()),
            (cut.right(), cut.y),
            &format!("stroke=\"{}\" stroke-width=\"3\"", crate::palette::LOSS),
        );
    }
    if send > 0 {
        svg.rect(
            r,
            &format!("{} stroke-width=\"2\" rx=\"10\"", ink.send(send)),
        );
    } else {
        svg.rect(
            r,
            &format!("fill=\"#fff\" stroke=\"{INK}\" stroke-width=\"2\" rx=\"10\""),
        );
    }
    inside(
        svg,
        r,
        content::text(&recv.bytes),
        &format!("#{}", recv.index),
    );
    let labels = [
        format!("recv #{} · {} B", recv.index, recv.len),
        format!("#{} · {} B", recv.index, recv.len),
    ];
    let room = whole.map_or(r.w, |w| w.w);
    label(svg, r.x, r.bottom() + 21.0, r.w.max(room / 2.0), &labels);
    if recv.truncated == Some(true) {
        // Said on a line of its own, under the whole parcel.
        let thrown = match recv.real_len {
            Some(real) => kit::tr!(
                crate::TEXT,
                "thrown-away",
                bytes = real.saturating_sub(recv.len).to_string()
            ),
            None => kit::tr!(crate::TEXT, "thrown-rest"),
        };
        label(
            svg,
            r.x,
            r.bottom() + 45.0,
            room,
            &[format!("{thrown} (MSG_TRUNC)"), thrown, "✂".to_string()],
        );
    }
}

/// The first of `labels` that fits under a parcel `room` wide (a label may
/// run into the gap after it).
fn label(svg: &mut Svg, x: f64, y: f64, room: f64, labels: &[String]) {
    beside(svg, x, y, room + GAP - 6.0, labels);
}
