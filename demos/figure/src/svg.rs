//! Writing SVG by hand: a few elements as text, with the escaping XML
//! needs. No library: the figures use rectangles, polygons, lines and text,
//! and a page of them must stay small, so every coordinate is rounded to a
//! tenth of a unit.

use std::fmt::Write;

/// A number as SVG wants it: at most one decimal, no trailing `.0`.
#[must_use]
pub fn num(x: f64) -> String {
    let tenths = (x * 10.0).round();
    if tenths % 10.0 == 0.0 {
        format!("{}", tenths / 10.0)
    } else {
        format!("{:.1}", tenths / 10.0)
    }
}

/// `text` safe inside an XML element or a double-quoted attribute.
#[must_use]
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // XML 1.0 has no way to write most control characters.
            c if c.is_control() => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// Where a line of text is anchored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// Its left end at x.
    Start,
    /// Its middle at x.
    Middle,
    /// Its right end at x.
    End,
}

/// An axis-aligned rectangle.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
}

impl Rect {
    /// The right edge.
    #[must_use]
    pub fn right(&self) -> f64 {
        self.x + self.w
    }

    /// The bottom edge.
    #[must_use]
    pub fn bottom(&self) -> f64 {
        self.y + self.h
    }

    /// The horizontal middle.
    #[must_use]
    pub fn middle(&self) -> f64 {
        self.x + self.w / 2.0
    }
}

/// SVG elements being written, in drawing order.
#[derive(Debug, Default)]
pub struct Svg {
    body: String,
}

impl Svg {
    /// Nothing drawn yet.
    #[must_use]
    pub fn new() -> Svg {
        Svg::default()
    }

    /// The elements written so far.
    #[must_use]
    pub fn into_body(self) -> String {
        self.body
    }

    /// Appends markup as it is (already escaped).
    pub fn raw(&mut self, markup: &str) {
        self.body.push_str(markup);
    }

    /// A group of class `class` holding what `draw` writes: the classes
    /// name the parts of a figure (`sender`, `receiver`, `bands`, `time`),
    /// which the tests read.
    pub fn group(&mut self, class: &str, draw: impl FnOnce(&mut Svg)) {
        let _ = write!(self.body, "<g class=\"{class}\">");
        draw(self);
        self.body.push_str("</g>");
    }

    /// A rectangle with extra attributes (`fill="…"` and so on).
    pub fn rect(&mut self, r: Rect, attrs: &str) {
        let _ = write!(
            self.body,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" {attrs}/>",
            num(r.x),
            num(r.y),
            num(r.w.max(0.0)),
            num(r.h.max(0.0))
        );
    }

    /// A polygon through `points`.
    pub fn polygon(&mut self, points: &[(f64, f64)], attrs: &str) {
        let points: Vec<String> = points
            .iter()
            .map(|(x, y)| format!("{},{}", num(*x), num(*y)))
            .collect();
        let _ = write!(
            self.body,
            "<polygon points=\"{}\" {attrs}/>",
            points.join(" ")
        );
    }

    /// A path with data `d`.
    pub fn path(&mut self, d: &str, attrs: &str) {
        let _ = write!(self.body, "<path d=\"{d}\" {attrs}/>");
    }

    /// A straight line.
    pub fn line(&mut self, from: (f64, f64), to: (f64, f64), attrs: &str) {
        let _ = write!(
            self.body,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" {attrs}/>",
            num(from.0),
            num(from.1),
            num(to.0),
            num(to.1)
        );
    }

    /// One line of text of class `class` (sizes and weights are in the
    /// figure's style sheet), its baseline at `y`.
    pub fn text(&mut self, x: f64, y: f64, anchor: Anchor, class: &str, text: &str) {
        let anchor = match anchor {
            Anchor::Start => "",
            Anchor::Middle => " text-anchor=\"middle\"",
            Anchor::End => " text-anchor=\"end\"",
        };
        let _ = write!(
            self.body,
            "<text x=\"{}\" y=\"{}\" class=\"{class}\"{anchor}>{}</text>",
            num(x),
            num(y),
            escape(text)
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_keep_one_decimal_and_drop_a_zero_one() {
        assert_eq!(num(12.0), "12");
        assert_eq!(num(12.04), "12");
        assert_eq!(num(12.06), "12.1");
        assert_eq!(num(-0.25), "-0.3");
    }

    #[test]
    fn text_is_escaped_and_control_bytes_cannot_break_the_xml() {
        assert_eq!(
            escape("a<b & \"c\"\0"),
            "a&lt;b &amp; &quot;c&quot;\u{fffd}"
        );
        let mut svg = Svg::new();
        svg.text(1.0, 2.0, Anchor::Middle, "l", "<x>");
        assert_eq!(
            svg.into_body(),
            "<text x=\"1\" y=\"2\" class=\"l\" text-anchor=\"middle\">&lt;x&gt;</text>"
        );
    }
}
