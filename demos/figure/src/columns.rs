//! TCP beside UDP: the same messages over a byte stream (left) and as
//! datagrams (right), in two columns of one figure, each drawn as its
//! transport is drawn alone.

use crate::exchange::Area;
use crate::palette::{GREY, Ink};
use crate::svg::{Anchor, Svg};
use crate::time::Clock;
use kit::report::SideBySide;

/// Space between the two columns.
const BETWEEN: f64 = 36.0;

/// The two columns in `area`; returns the bottom of the longer one.
pub fn draw(svg: &mut Svg, ink: &Ink, run: &SideBySide, clock: &Clock, area: Area) -> f64 {
    let half = (area.w - BETWEEN) / 2.0;
    let columns = [
        (&run.tcp, area.x, kit::tr!(crate::TEXT, "column-tcp")),
        (
            &run.udp,
            area.x + half + BETWEEN,
            kit::tr!(crate::TEXT, "column-udp"),
        ),
    ];
    let mut bottom = area.y;
    for (exchange, x, heading) in columns {
        svg.text(x, area.y + 26.0, Anchor::Start, "column", &heading);
        let column = Area {
            x,
            y: area.y + 44.0,
            w: half,
        };
        svg.group(
            if std::ptr::eq(exchange, &run.tcp) {
                "tcp"
            } else {
                "udp"
            },
            |svg| {
                bottom = bottom.max(crate::exchange_drawing(svg, ink, exchange, clock, column));
            },
        );
    }
    let divider = area.x + half + BETWEEN / 2.0;
    svg.line(
        (divider, area.y + 6.0),
        (divider, bottom),
        &format!("stroke=\"{GREY}\" stroke-width=\"2\" stroke-dasharray=\"4 6\""),
    );
    bottom
}
