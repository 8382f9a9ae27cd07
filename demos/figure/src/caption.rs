//! The words under a drawing: the verdict, the knobs as the kernel applied
//! them, and how many segments (or datagrams) left — what the terminal's
//! banner and verdict say, so a figure read alone tells the whole run.

use crate::measure;
use crate::svg::{Anchor, Svg};
use kit::render::knobs_text;
use kit::report::{Exchange, Transport};
use kit::tr;

/// Size of the verdict's text.
const VERDICT: f64 = 21.0;
/// Size of the knobs' text.
const SMALL: f64 = 17.0;

/// The caption of an exchange, from `y` down; returns its bottom.
pub fn exchange(svg: &mut Svg, run: &Exchange, x: f64, w: f64, y: f64) -> f64 {
    let mut facts = Vec::new();
    let knobs = knobs_text(&run.knobs);
    if !knobs.is_empty() {
        facts.push(knobs);
    }
    match (run.transport, run.segments_out) {
        (Transport::Tcp, Some(segments)) => facts.push(tr!(
            crate::TEXT,
            "caption-segments",
            sends = run.sends.len(),
            segments = usize::try_from(segments).unwrap_or(usize::MAX)
        )),
        (Transport::Udp, _) if !run.sends.is_empty() => facts.push(tr!(
            crate::TEXT,
            "caption-datagrams",
            sent = run.sends.len(),
            read = run.recvs.len()
        )),
        _ => {}
    }
    lines(svg, x, w, y, &run.verdict, &facts)
}

/// A sentence in the verdict's type, then smaller lines of facts.
pub fn lines(svg: &mut Svg, x: f64, w: f64, y: f64, sentence: &str, facts: &[String]) -> f64 {
    let mut y = y;
    svg.group("caption", |svg| {
        for line in measure::wrap(sentence, w - 8.0, VERDICT) {
            y += 28.0;
            svg.text(x, y, Anchor::Start, "verdict", &line);
        }
        for fact in facts {
            for line in measure::wrap(fact, w - 8.0, SMALL) {
                y += 23.0;
                svg.text(x, y, Anchor::Start, "fact", &line);
            }
        }
    });
    y + 12.0
}
