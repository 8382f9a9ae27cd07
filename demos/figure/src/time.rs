//! The time axis under an exchange: when each send was made and each recv
//! returned, on one scale for every run of a lesson, so that runs compare
//! at a glance — Nagle's 40 ms wait stretches across its strip while the
//! `TCP_NODELAY` run beside it is over in a sliver.
//!
//! The axis starts at a run's first call, not at zero (warm-ups and the
//! connection came before it): a break mark `⫽` at its left end says so.
//! Calls closer together than a few units are drawn as one mark and named
//! together (`sends #1–#9`).

use crate::palette::{GREY, INK, Ink};
use crate::svg::{Anchor, Rect, Svg};
use kit::report::{Exchange, Report, Run};

/// Height of a strip.
pub const HEIGHT: f64 = 112.0;
/// Calls closer than this (in units) share one mark.
const CLUSTER: f64 = 10.0;

/// One time scale for the runs of a report: long enough for the longest
/// stretch of calls any of its exchanges took, counted from where that
/// run's axis starts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Clock {
    /// Microseconds the whole width of a strip stands for.
    span_us: f64,
    /// A run whose first call comes before this starts its axis at zero.
    early_us: f64,
}

impl Clock {
    /// The scale of `report`.
    #[must_use]
    pub fn of(report: &Report) -> Clock {
        let exchanges: Vec<&Exchange> = report
            .runs
            .iter()
            .flat_map(|run| match run {
                Run::Exchange(run) => vec![run],
                Run::SideBySide(run) => vec![&run.tcp, &run.udp],
                _ => Vec::new(),
            })
            .collect();
        let longest = exchanges.iter().map(|run| span(run)).fold(0.0, f64::max);
        let early_us = longest * 0.05;
        let mut clock = Clock {
            span_us: 1.0,
            early_us,
        };
        // A run that starts its axis at zero needs room for its lead too.
        clock.span_us = exchanges
            .iter()
            .filter_map(|run| bounds(run).map(|(first, last)| (last - clock.origin(first)) as f64))
            .fold(1.0, f64::max);
        clock
    }

    /// Where the axis of a run whose first call is at `first` starts: at
    /// zero if that call came early, else at the call (a broken axis).
    fn origin(&self, first: u64) -> u64 {
        if (first as f64) < self.early_us {
            0
        } else {
            first
        }
    }
}

/// Microseconds from the first call of `run` to its last.
fn span(run: &Exchange) -> f64 {
    match bounds(run) {
        Some((first, last)) => (last - first) as f64,
        None => 0.0,
    }
}

/// The times of the first and the last call.
fn bounds(run: &Exchange) -> Option<(u64, u64)> {
    let times = run
        .sends
        .iter()
        .map(|s| s.t_us)
        .chain(run.recvs.iter().map(|r| r.t_us));
    let first = times.clone().min()?;
    Some((first, times.max()?))
}

/// A call on the axis: when, what to call it, how to paint it.
struct Mark {
    t_us: u64,
    index: usize,
    paint: String,
}

/// The strip of `run`, drawn in `at` (its height is [`HEIGHT`]).
pub fn strip(svg: &mut Svg, ink: &Ink, run: &Exchange, clock: &Clock, at: Rect) {
    let Some((first, _)) = bounds(run) else {
        return;
    };
    // A run that starts early enough starts its axis at zero; one that
    // starts later (after warm-ups) gets a broken axis from its first call.
    let first = clock.origin(first);
    let axis = at.y + 50.0;
    let scale = |t: u64| at.x + at.w * (t - first) as f64 / clock.span_us;
    svg.group("time", |svg| {
        svg.line(
            (at.x, axis),
            (at.right(), axis),
            &format!("stroke=\"{GREY}\" stroke-width=\"2\""),
        );
        svg.polygon(
            &[
                (at.right() + 12.0, axis),
                (at.right(), axis - 6.0),
                (at.right(), axis + 6.0),
            ],
            &format!("fill=\"{GREY}\""),
        );
        if first > 0 {
            // The axis does not start at zero: a break at its left end.
            for dx in [-4.0, 4.0] {
                svg.line(
                    (at.x + dx - 5.0, axis + 9.0),
                    (at.x + dx + 5.0, axis - 9.0),
                    &format!("stroke=\"{INK}\" stroke-width=\"2\""),
                );
            }
        }
        ticks(svg, first, clock, at, axis);
        let sends: Vec<Mark> = run
            .sends
            .iter()
            .map(|s| Mark {
                t_us: s.t_us,
                index: s.index,
                paint: ink.send(s.index),
            })
            .collect();
        let recvs: Vec<Mark> = run
            .recvs
            .iter()
            .map(|r| Mark {
                t_us: r.t_us,
                index: r.index,
                paint: format!("fill=\"{INK}\" stroke=\"{INK}\""),
            })
            .collect();
        marks(svg, &sends, &scale, axis, true, at);
        marks(svg, &recvs, &scale, axis, false, at);
    });
}

/// Round times along the axis: 1, 2 or 5 times a power of ten apart,
/// at most seven of them.
fn ticks(svg: &mut Svg, first: u64, clock: &Clock, at: Rect, axis: f64) {
    let rough = clock.span_us / 6.0;
    let power = 10f64.powf(rough.max(1.0).log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|s| *s >= rough)
        .unwrap_or(10.0 * power);
    // Enough decimals in milliseconds to tell the ticks apart.
    let decimals = (3.0 - step.log10().floor()).clamp(0.0, 3.0) as usize;
    let label = |t: f64| format!("{:.*} ms", decimals, t / 1000.0);
    let mut t = (first as f64 / step).ceil() * step;
    let end = first as f64 + clock.span_us;
    let mut last_label_end = f64::MIN;
    if first > 0 {
        // Where the broken axis starts.
        let text = format!("{:.2} ms", first as f64 / 1000.0);
        svg.text(at.x, at.y + HEIGHT - 6.0, Anchor::Start, "tick", &text);
        last_label_end = at.x + crate::measure::width(&text, 17.0) + 8.0;
    }
    while t <= end + 0.5 {
        let x = at.x + at.w * (t - first as f64) / clock.span_us;
        svg.line(
            (x, axis - 5.0),
            (x, axis + 5.0),
            &format!("stroke=\"{GREY}\" stroke-width=\"2\""),
        );
        let text = label(t);
        let half = crate::measure::width(&text, 17.0) / 2.0;
        if x - half > last_label_end {
            svg.text(x, at.y + HEIGHT - 6.0, Anchor::Middle, "tick", &text);
            last_label_end = x + half + 8.0;
        }
        t += step;
    }
}

/// The marks of one kind of call: sends above the axis, recvs below.
fn marks(
    svg: &mut Svg,
    marks: &[Mark],
    scale: &dyn Fn(u64) -> f64,
    axis: f64,
    above: bool,
    at: Rect,
) {
    let noun = if above { "send" } else { "recv" };
    let mut last_label_end = f64::MIN;
    let mut i = 0;
    while i < marks.len() {
        let x0 = scale(marks[i].t_us);
        let mut j = i + 1;
        while j < marks.len() && scale(marks[j].t_us) - x0 < CLUSTER {
            j += 1;
        }
        let x1 = scale(marks[j - 1].t_us);
        let (tip, base) = if above {
            (axis - 3.0, axis - 19.0)
        } else {
            (axis + 3.0, axis + 19.0)
        };
        let paint = if j - i == 1 {
            marks[i].paint.clone()
        } else {
            format!("fill=\"{GREY}\" stroke=\"{INK}\"")
        };
        svg.polygon(
            &[(x0 - 7.0, base), (x1 + 7.0, base), (x1, tip), (x0, tip)],
            &format!("{paint} stroke-width=\"1.5\""),
        );
        let text = if j - i == 1 {
            format!("{noun} #{}", marks[i].index)
        } else {
            kit::tr!(
                crate::TEXT,
                "many-range",
                noun = noun,
                first = marks[i].index.to_string(),
                last = marks[j - 1].index.to_string()
            )
        };
        let w = crate::measure::width(&text, 18.0);
        let x = (x0 - 4.0).max(at.x - 8.0).min(at.right() + 12.0 - w);
        if x > last_label_end {
            let y = if above { axis - 26.0 } else { axis + 38.0 };
            svg.text(x, y, Anchor::Start, "mark", &text);
            last_label_end = x + w + 10.0;
        }
        i = j;
    }
}
