//! What a reader made of the recvs: the frames it rebuilt, each tied by
//! a line to the recv that completed it and ticked if it equals what was
//! sent; and, for code under study (a pitfall), what it concluded from
//! each recv, in its own words.

use crate::content;
use crate::exchange::{Area, BOX, GAP, MIN_BOX, NAMES};
use crate::label::{LABEL, below, inside};
use crate::lane::{Kind, Lane, Room};
use crate::measure;
use crate::palette::INK;
use crate::svg::{Anchor, Rect, Svg};
use kit::report::{Annotation, Exchange, FrameRecord};

/// The frames a reader rebuilt, each tied to the recv that completed it.
pub fn draw(
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
            &kit::tr!(crate::TEXT, "lane-frames"),
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
                &kit::tr!(crate::TEXT, "frames-none"),
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
                let text = kit::tr!(
                    crate::TEXT,
                    "frames-many",
                    count = count.to_string(),
                    mark = if whole { " ✓" } else { "" }
                );
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
                    kit::tr!(
                        crate::TEXT,
                        "frame-label",
                        index = frame.index.to_string(),
                        bytes = frame.len.to_string(),
                        mark = mark
                    ),
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
pub fn reading(svg: &mut Svg, run: &Exchange, lane: &Lane, area: Area, y: f64) -> f64 {
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
        let code = kit::tr!(crate::TEXT, "lane-code");
        svg.text(area.x, y + 20.0, Anchor::Start, "lane", &code);
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
