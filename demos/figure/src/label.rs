//! Where a box's words go: its content centred inside when it fits (or a
//! shorter stand-in, or nothing), its name just above or below it — the
//! first of several wordings, longest first, that fits.

use crate::measure;
use crate::svg::{Anchor, Rect, Svg};

/// Size of the text inside boxes.
pub const INSIDE: f64 = 22.0;
/// Size of the labels beside boxes.
pub const LABEL: f64 = 19.0;
/// How far a label may run past its box's right edge (into the gap).
const OVERHANG: f64 = 10.0;

/// Text centred in a box: `text` if it fits, else `fallback`, else nothing.
pub fn inside(svg: &mut Svg, r: Rect, text: Option<String>, fallback: &str) {
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
pub fn above(svg: &mut Svg, r: Rect, labels: &[String]) {
    beside(svg, r.x, r.y - 8.0, r.w + OVERHANG, labels);
}

/// The first of `labels` that fits under the box.
pub fn below(svg: &mut Svg, r: Rect, labels: &[String]) {
    beside(svg, r.x, r.bottom() + 21.0, r.w + OVERHANG, labels);
}

/// The first of `labels` no wider than `room`, its baseline starting at
/// (`x`, `y`); nothing if none fits.
pub fn beside(svg: &mut Svg, x: f64, y: f64, room: f64, labels: &[String]) {
    if let Some(text) = labels.iter().find(|l| measure::width(l, LABEL) <= room) {
        svg.text(x, y, Anchor::Start, "label", text);
    }
}
