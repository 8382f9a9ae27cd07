//! Many datagrams at once — 1000 sent to a receiver that is not reading —
//! as a grid with one square per datagram, in the order sent: filled if a
//! recv got it, crossed out if the kernel dropped it. 1000 parcels in a
//! row could not be read; 1000 squares show at a glance that most are
//! gone. Runs of alike squares are drawn as one patterned strip, so the
//! grid costs a few dozen elements, not a thousand.

use crate::exchange::Area;
use crate::palette::{Ink, LOSS};
use crate::svg::{Anchor, Rect, Svg};
use kit::report::Exchange;
use std::collections::BTreeSet;
use std::fmt::Write;

/// Width of the column naming the lanes.
const NAMES: f64 = 112.0;
/// The largest square, with its margin.
const LARGEST: f64 = 22.0;
/// The smallest square: still a square at the back of the room.
const SMALLEST: f64 = 9.0;
/// The height the grid aims at.
const HEIGHT: f64 = 340.0;

/// The grid of `run`'s datagrams in `area`; returns its bottom.
pub fn draw(svg: &mut Svg, ink: &Ink, run: &Exchange, area: Area) -> f64 {
    let read: BTreeSet<usize> = run
        .recvs
        .iter()
        .filter_map(|r| r.origin.first().map(|p| p.send))
        .collect();
    let room = area.w - NAMES - 16.0;
    // Squares as large as fit the room's width at the grid's height.
    let cell = (room * HEIGHT / run.sends.len().max(1) as f64)
        .sqrt()
        .floor()
        .clamp(SMALLEST, LARGEST);
    let columns = ((room / cell).floor() as usize).max(1);
    let x0 = area.x + NAMES;
    let y0 = area.y + 40.0;
    let id = ink.id();
    // The two tiles, anchored at the grid's corner.
    let mut defs = String::new();
    let _ = write!(
        defs,
        "<defs><pattern id=\"{id}-read\" x=\"{x0}\" y=\"{y0}\" width=\"{cell}\" height=\"{cell}\" patternUnits=\"userSpaceOnUse\">\
         <rect x=\"1.5\" y=\"1.5\" width=\"{w}\" height=\"{w}\" fill=\"#aee3aa\" stroke=\"#25752a\" stroke-width=\"1.5\"/></pattern>\
         <pattern id=\"{id}-dropped\" x=\"{x0}\" y=\"{y0}\" width=\"{cell}\" height=\"{cell}\" patternUnits=\"userSpaceOnUse\">\
         <rect x=\"1.5\" y=\"1.5\" width=\"{w}\" height=\"{w}\" fill=\"#fff\" stroke=\"{LOSS}\" stroke-width=\"1\"/>\
         <path d=\"M3,3L{e},{e}M{e},3L3,{e}\" stroke=\"{LOSS}\" stroke-width=\"1.5\"/></pattern></defs>",
        w = cell - 3.0,
        e = cell - 3.0,
        cell = cell,
    );
    svg.raw(&defs);
    svg.text(
        area.x,
        y0 - 14.0,
        Anchor::Start,
        "label",
        &kit::tr!(crate::TEXT, "flood-order", count = run.sends.len()),
    );
    let sent = kit::tr!(crate::TEXT, "lane-sent");
    svg.text(area.x, y0 + 20.0, Anchor::Start, "lane", &sent);
    let rows = run.sends.len().div_ceil(columns);
    svg.group("datagrams", |svg| {
        for row in 0..rows {
            let first = row * columns;
            let last = (first + columns).min(run.sends.len());
            let mut i = first;
            while i < last {
                let got = read.contains(&run.sends[i].index);
                let mut j = i + 1;
                while j < last && read.contains(&run.sends[j].index) == got {
                    j += 1;
                }
                let r = Rect {
                    x: x0 + (i - first) as f64 * cell,
                    y: y0 + row as f64 * cell,
                    w: (j - i) as f64 * cell,
                    h: cell,
                };
                let (fill, class) = if got {
                    ("read", "read")
                } else {
                    ("dropped", "lost")
                };
                svg.rect(r, &format!("fill=\"url(#{id}-{fill})\" class=\"{class}\""));
                i = j;
            }
        }
    });
    let bottom = y0 + rows as f64 * cell;
    let lost = run.sends.len().saturating_sub(read.len());
    let legend = bottom + 34.0;
    svg.group("legend", |svg| {
        let key = 20.0;
        let read_box = Rect {
            x: x0,
            y: legend - 16.0,
            w: key,
            h: key,
        };
        svg.rect(
            read_box,
            "fill=\"#aee3aa\" stroke=\"#25752a\" stroke-width=\"1.5\"",
        );
        svg.text(
            x0 + key + 8.0,
            legend,
            Anchor::Start,
            "label",
            &kit::tr!(crate::TEXT, "flood-read", count = read.len().to_string()),
        );
        let lost_x = x0 + 300.0_f64.min((area.w - NAMES) / 2.0);
        svg.rect(
            Rect {
                x: lost_x,
                y: legend - 16.0,
                w: key,
                h: key,
            },
            &format!("fill=\"#fff\" stroke=\"{LOSS}\""),
        );
        svg.line(
            (lost_x + 3.0, legend - 13.0),
            (lost_x + key - 3.0, legend + 1.0),
            &format!("stroke=\"{LOSS}\" stroke-width=\"1.5\""),
        );
        svg.line(
            (lost_x + key - 3.0, legend - 13.0),
            (lost_x + 3.0, legend + 1.0),
            &format!("stroke=\"{LOSS}\" stroke-width=\"1.5\""),
        );
        svg.text(
            lost_x + key + 8.0,
            legend,
            Anchor::Start,
            "label",
            &kit::tr!(crate::TEXT, "flood-lost", count = lost.to_string()),
        );
    });
    legend + 24.0
}
