//! Colours and patterns. Each sent message keeps one colour everywhere —
//! its box, its bytes inside every recv, the band between them — in the
//! order the terminal uses (cyan, magenta, yellow, green, blue, red), and
//! one hatching, so that a black-and-white printout still tells the
//! messages apart. Labels (`#1`, `#2`) say the rest.
//!
//! Pattern ids must be unique in a page that holds many figures, so every
//! id starts with the figure's own id.

use std::fmt::Write;

/// Light fills (text stays black on them) and darker strokes, in the
/// terminal's order.
const COLOURS: [(&str, &str); 6] = [
    ("#9ee3ec", "#0b7f8c"), // cyan
    ("#f2b3e6", "#9c2387"), // magenta
    ("#f7e08a", "#8a6d00"), // yellow
    ("#aee3aa", "#25752a"), // green
    ("#b5ccf7", "#2452b0"), // blue
    ("#f6b0ae", "#ad2a26"), // red
];

/// The hatching drawn over each colour, as path data in a 12-unit tile.
const HATCHES: [&str; 6] = [
    "",                                 // plain
    "M-3,3l6,-6M0,12l12,-12M9,15l6,-6", // rising diagonals
    "M3,3h.1M9,9h.1",                   // dots
    "M-3,9l6,6M0,0l12,12M9,-3l6,6",     // falling diagonals
    "M0,6h12",                          // horizontal lines
    "M0,6h12M6,0v12",                   // grid
];

/// Dark ink for outlines and text.
pub const INK: &str = "#1b1b1b";
/// Grey for axes and secondary text.
pub const GREY: &str = "#6b6b6b";
/// The mark of loss and of bytes thrown away.
pub const LOSS: &str = "#b3261e";

/// The paints of one figure.
#[derive(Debug, Clone)]
pub struct Ink {
    id: String,
}

impl Ink {
    /// The paints of the figure whose id is `id`.
    #[must_use]
    pub fn new(id: &str) -> Ink {
        Ink { id: id.to_string() }
    }

    /// The figure's id, which every pattern id starts with.
    #[must_use]
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Fill and outline of sent message `index` (1-based).
    #[must_use]
    pub fn send(&self, index: usize) -> String {
        let slot = slot(index);
        format!(
            "fill=\"url(#{}-s{slot})\" stroke=\"{}\"",
            self.id, COLOURS[slot].1
        )
    }

    /// The outline colour of sent message `index`.
    #[must_use]
    pub fn stroke(index: usize) -> &'static str {
        COLOURS[slot(index)].1
    }

    /// A band from message `index` to where it landed: its colour, see-through.
    #[must_use]
    pub fn band(&self, index: usize) -> String {
        let slot = slot(index);
        format!(
            "fill=\"url(#{}-s{slot})\" fill-opacity=\".45\" stroke=\"{}\" stroke-opacity=\".6\"",
            self.id, COLOURS[slot].1
        )
    }

    /// Many items drawn as one: grey, with dashes.
    #[must_use]
    pub fn many(&self) -> String {
        format!("fill=\"url(#{}-many)\" stroke=\"{GREY}\"", self.id)
    }

    /// A band that carries many messages at once.
    #[must_use]
    pub fn many_band(&self) -> String {
        format!(
            "fill=\"url(#{}-many)\" fill-opacity=\".6\" stroke=\"{GREY}\" stroke-opacity=\".6\"",
            self.id
        )
    }

    /// Bytes that were lost or thrown away: crossed out.
    #[must_use]
    pub fn lost(&self) -> String {
        format!(
            "fill=\"url(#{}-lost)\" stroke=\"{LOSS}\" stroke-dasharray=\"6 4\"",
            self.id
        )
    }

    /// A length header's bytes: black, whatever message they belong to.
    #[must_use]
    pub fn header() -> String {
        format!("fill=\"{INK}\" stroke=\"{INK}\"")
    }

    /// The `<defs>` with every pattern these paints name.
    #[must_use]
    pub fn defs(&self) -> String {
        let mut defs = String::from("<defs>");
        for (slot, ((fill, stroke), hatch)) in COLOURS.iter().zip(HATCHES).enumerate() {
            let _ = write!(
                defs,
                "<pattern id=\"{}-s{slot}\" width=\"12\" height=\"12\" patternUnits=\"userSpaceOnUse\">\
                 <rect width=\"12\" height=\"12\" fill=\"{fill}\"/>",
                self.id
            );
            if !hatch.is_empty() {
                let _ = write!(
                    defs,
                    "<path d=\"{hatch}\" stroke=\"{stroke}\" stroke-width=\"1.6\" stroke-linecap=\"round\" opacity=\".55\"/>"
                );
            }
            defs.push_str("</pattern>");
        }
        let _ = write!(
            defs,
            "<pattern id=\"{id}-many\" width=\"12\" height=\"12\" patternUnits=\"userSpaceOnUse\">\
             <rect width=\"12\" height=\"12\" fill=\"#e4e4e4\"/>\
             <path d=\"M0,12l12,-12\" stroke=\"#9a9a9a\" stroke-width=\"2\" stroke-dasharray=\"3 3\"/></pattern>\
             <pattern id=\"{id}-lost\" width=\"14\" height=\"14\" patternUnits=\"userSpaceOnUse\">\
             <rect width=\"14\" height=\"14\" fill=\"#fff\"/>\
             <path d=\"M0,0l14,14M14,0l-14,14\" stroke=\"{LOSS}\" stroke-width=\"1.4\" opacity=\".7\"/></pattern>",
            id = self.id
        );
        defs.push_str("</defs>");
        defs
    }
}

/// The palette slot of 1-based message `index`.
fn slot(index: usize) -> usize {
    index.saturating_sub(1) % COLOURS.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_cycle_through_six_paints_and_every_paint_is_defined() {
        let ink = Ink::new("f");
        assert_eq!(ink.send(1), ink.send(7));
        assert_ne!(ink.send(1), ink.send(2));
        let defs = ink.defs();
        for slot in 0..6 {
            assert!(defs.contains(&format!("id=\"f-s{slot}\"")), "{defs}");
        }
        assert!(defs.contains("id=\"f-many\"") && defs.contains("id=\"f-lost\""));
    }
}
