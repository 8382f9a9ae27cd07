//! The sheet a figure is drawn on: the `<svg>` element, its style sheet
//! and patterns, a white ground (it must read on a dark page and on
//! paper), and the heading — the lesson's title in 中文 and English and
//! where the run stands, as the terminal's banner has them, then the run's
//! label.

use crate::measure;
use crate::palette::Ink;
use crate::svg::{Anchor, Svg, escape, num};

/// Width of every figure, in SVG units: it is scaled to the page, so this
/// only fixes the proportions (and text sizes are chosen for it).
pub const WIDTH: f64 = 1200.0;
/// Margin around the drawing.
pub const MARGIN: f64 = 24.0;

/// Sizes and faces of the text classes. Large: a projector's back row.
/// System faces only — nothing is fetched.
const STYLE: &str = "text{font-family:\"Noto Sans CJK SC\",\"Source Han Sans SC\",\"PingFang SC\",\"Microsoft YaHei\",\"Helvetica Neue\",Arial,sans-serif;fill:#1b1b1b}\
.title{font-size:28px;font-weight:700}.sub{font-size:22px}\
.lane{font-size:19px;font-weight:700;fill:#444}.column{font-size:22px;font-weight:700}\
.label{font-size:19px}.label-big{font-size:19px}.mark{font-size:18px}.note{font-size:19px}\
.in{font-size:22px;paint-order:stroke;stroke:#fff;stroke-width:5px;stroke-linejoin:round}\
.hdr{font-size:15px;font-weight:700;fill:#fff}.tick{font-size:17px;fill:#5a5a5a}\
.verdict{font-size:21px;font-weight:700}.fact{font-size:17px;fill:#4a4a4a}\
.value{font-size:19px;font-weight:700}.bad{font-size:20px;font-weight:700;fill:#b3261e}\
.head{font-size:18px;font-weight:700}.cell{font-size:18px}";

/// A whole figure: `heading` and `label` on top, then what `draw` draws
/// from the given top edge (returning its bottom), on a sheet of id `id`.
pub fn sheet(
    id: &str,
    heading: &str,
    label: &str,
    draw: impl FnOnce(&mut Svg, &Ink, f64) -> f64,
) -> String {
    let ink = Ink::new(id);
    let mut body = Svg::new();
    body.text(MARGIN, MARGIN + 26.0, Anchor::Start, "title", heading);
    let mut y = MARGIN + 30.0;
    for line in measure::wrap(label, WIDTH - 2.0 * MARGIN, 22.0) {
        y += 30.0;
        body.text(MARGIN, y, Anchor::Start, "sub", &line);
    }
    let bottom = draw(&mut body, &ink, y + 16.0);
    let height = (bottom + MARGIN).ceil();
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" \
         role=\"img\" aria-labelledby=\"{id}-title\" id=\"{id}-svg\">\
         <title id=\"{id}-title\">{title}</title><style>{STYLE}</style>{defs}\
         <rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>{body}</svg>",
        w = num(WIDTH),
        h = num(height),
        title = escape(&format!("{heading} — {label}")),
        defs = ink.defs(),
        body = body.into_body(),
    )
}
