//! A timing table as a bar chart: one bar per variant, as long as its
//! median round trip on a logarithmic axis, with a whisker out to its
//! slowest. A log scale is the only honest one here: Nagle's 44 ms and
//! `TCP_NODELAY`'s 0.02 ms differ two-thousand-fold, and on a linear axis
//! every fix would be an invisible sliver.

use crate::exchange::Area;
use crate::palette::{GREY, INK, Ink};
use crate::svg::{Anchor, Rect, Svg};
use kit::report::Timing;

/// Height of a bar.
const BAR: f64 = 30.0;
/// Room kept right of the axis for the values.
const VALUES: f64 = 250.0;

/// The chart in `area`; returns its bottom.
pub fn draw(svg: &mut Svg, ink: &Ink, run: &Timing, area: Area) -> f64 {
    let medians = run.rows.iter().map(|r| r.rtt_us.median.max(1) as f64);
    let maxes = run.rows.iter().map(|r| r.rtt_us.max.max(1) as f64);
    let smallest = medians.clone().fold(f64::MAX, f64::min);
    let largest = maxes.fold(1.0, f64::max);
    if run.rows.is_empty() {
        return area.y;
    }
    let lo = smallest.log10().floor();
    let hi = largest.log10().ceil().max(lo + 1.0);
    let x0 = area.x + 16.0;
    let x1 = area.x + area.w - VALUES;
    let x = |us: f64| x0 + (x1 - x0) * (us.max(1.0).log10() - lo) / (hi - lo);
    let fastest = smallest;
    let top = area.y + 20.0;
    let row_h = 76.0;
    let bottom = top + row_h * run.rows.len() as f64;
    // The axis follows the measured times: it is drawn as the time axis.
    svg.group("time", |svg| {
        let mut decade = lo;
        while decade <= hi + 1e-9 {
            let us = 10f64.powf(decade);
            let gx = x(us);
            svg.line(
                (gx, top),
                (gx, bottom + 6.0),
                &format!("stroke=\"{GREY}\" stroke-width=\"1\" stroke-dasharray=\"3 5\""),
            );
            svg.text(gx, bottom + 30.0, Anchor::Middle, "tick", &duration(us));
            decade += 1.0;
        }
        svg.text(
            x1,
            bottom + 56.0,
            Anchor::End,
            "tick",
            &kit::tr!(crate::TEXT, "timing-axis"),
        );
    });
    svg.group("bars", |svg| {
        for (i, row) in run.rows.iter().enumerate() {
            let y = top + row_h * i as f64;
            svg.text(x0, y + 24.0, Anchor::Start, "label-big", &row.label);
            let median = row.rtt_us.median.max(1) as f64;
            let bar = Rect {
                x: x0,
                y: y + 34.0,
                w: (x(median) - x0).max(3.0),
                h: BAR,
            };
            svg.rect(bar, &format!("{} stroke-width=\"2\"", ink.send(i + 1)));
            let xm = x(row.rtt_us.max.max(1) as f64);
            let mid = bar.y + BAR / 2.0;
            svg.line(
                (bar.right(), mid),
                (xm, mid),
                &format!("stroke=\"{INK}\" stroke-width=\"2\""),
            );
            svg.line(
                (xm, mid - 9.0),
                (xm, mid + 9.0),
                &format!("stroke=\"{INK}\" stroke-width=\"2\""),
            );
            let ratio = median / fastest;
            let value = format!(
                "{:.2} ms{}",
                median / 1000.0,
                if run.rows.len() > 1 && ratio >= 1.5 {
                    format!(" · {ratio:.0}×")
                } else {
                    String::new()
                }
            );
            let vx = xm.max(bar.right()) + 14.0;
            svg.text(vx, mid + 7.0, Anchor::Start, "value", &value);
        }
    });
    let legend = bottom + 82.0;
    svg.text(
        x0,
        legend,
        Anchor::Start,
        "fact",
        &kit::tr!(crate::TEXT, "timing-legend"),
    );
    legend + 16.0
}

/// `10 µs`, `1 ms`, `100 ms`: a decade of the axis.
fn duration(us: f64) -> String {
    if us < 1000.0 {
        format!("{us:.0} µs")
    } else if us < 1_000_000.0 {
        format!("{:.0} ms", us / 1000.0)
    } else {
        format!("{:.0} s", us / 1_000_000.0)
    }
}
