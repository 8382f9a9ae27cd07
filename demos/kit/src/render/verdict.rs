//! The foot of every section: the verdict, and the notes that explain it.

use super::text::{line, space_after, width, wrap};
use crate::style::Style;
use colored::ColoredString;

/// `label` (e.g. " verdict: ") then `text`, wrapped with a hanging indent,
/// each line painted by `paint`.
pub fn verdict(
    out: &mut String,
    label: &str,
    text: &str,
    style: &Style,
    paint: impl Fn(ColoredString) -> ColoredString + Copy,
) {
    for (i, part) in wrap(text, style.width.saturating_sub(width(label)))
        .iter()
        .enumerate()
    {
        let head = if i == 0 {
            style.bold(label)
        } else {
            " ".repeat(width(label))
        };
        line(out, &format!("{head}{}", style.paint(part, paint)));
    }
}

/// ` verdict: `, the head of a section's verdict line, in the story's
/// language.
#[must_use]
pub fn label() -> String {
    let label = crate::tr!(crate::TEXT, "verdict-label");
    format!(" {label}{}", space_after(&label))
}

/// The "why" lines under a verdict, wrapped to the story's width; a note that
/// appears twice (two columns saying the same) is drawn once.
pub fn notes<'a>(out: &mut String, notes: impl IntoIterator<Item = &'a String>, style: &Style) {
    let mut seen: Vec<&String> = Vec::new();
    for note in notes {
        if seen.contains(&note) {
            continue;
        }
        seen.push(note);
        for (i, part) in wrap(note, style.width.saturating_sub(5)).iter().enumerate() {
            let head = if i == 0 { "·" } else { " " };
            line(out, &format!("   {} {part}", style.dimmed(head)));
        }
    }
}
