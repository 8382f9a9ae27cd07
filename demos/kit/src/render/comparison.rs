//! A comparison: a table with real rows and columns, each column as wide
//! as its widest cell, the last one wrapped to the width of a projector.

use super::banner::{self, Heading};
use super::text::{WIDTH, line, width, wrap};
use super::verdict;
use crate::report::Comparison;
use crate::style::Style;

/// Columns between two cells.
const GAP: usize = 2;

/// The table, under its banner, with its verdict and notes.
pub fn comparison(out: &mut String, heading: &Heading<'_>, run: &Comparison, style: &Style) {
    banner::rule(out, heading, style);
    banner::label(out, &run.label, style);
    let columns = run.columns.len();
    let mut widths: Vec<usize> = run.columns.iter().map(|c| width(c)).collect();
    for row in &run.rows {
        for (i, cell) in row.iter().enumerate().take(columns) {
            widths[i] = widths[i].max(width(cell));
        }
    }
    // The last column takes what is left of the line, and wraps.
    let before: usize = widths[..columns.saturating_sub(1)]
        .iter()
        .map(|w| w + GAP)
        .sum();
    let last = WIDTH.saturating_sub(3 + before).max(16);
    let draw = |out: &mut String, cells: &[String], paint: &dyn Fn(&str) -> String| {
        let mut lines: Vec<String> = vec![String::new()];
        for (i, cell) in cells.iter().enumerate().take(columns) {
            if i + 1 == columns {
                let parts = wrap(cell, last);
                for (j, part) in parts.iter().enumerate() {
                    if j > 0 {
                        lines.push(" ".repeat(before));
                    }
                    lines.last_mut().expect("a line").push_str(part);
                }
            } else {
                let pad = " ".repeat(widths[i] - width(cell) + GAP);
                lines[0].push_str(&format!("{cell}{pad}"));
            }
        }
        for text in lines {
            line(out, &format!("   {}", paint(&text)));
        }
    };
    draw(out, &run.columns, &|t| style.dimmed(t));
    for row in &run.rows {
        draw(out, row, &|t| t.to_string());
    }
    verdict::verdict(out, " verdict: ", &run.verdict, style, |t| t);
    verdict::notes(out, &run.notes, style);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::verdict::Code;

    #[test]
    fn cells_line_up_and_the_last_column_wraps_under_itself() {
        let run = Comparison {
            label: "which framing?".into(),
            columns: vec!["framing".into(), "max size".into(), "note".into()],
            rows: vec![
                vec!["length prefix".into(), "4 GiB − 1".into(), "no".into()],
                vec![
                    "下雨".into(),
                    "32 B".into(),
                    "word ".repeat(40).trim().into(),
                ],
            ],
            verdict: "a length prefix".into(),
            code: Code::Measured,
            notes: Vec::new(),
        };
        let mut out = String::new();
        let heading = Heading {
            title: "t",
            number: Some((1, 2)),
            kind: None,
        };
        comparison(&mut out, &heading, &run, &Style::PLAIN);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[2], "   framing        max size   note");
        assert_eq!(lines[3], "   length prefix  4 GiB − 1  no");
        assert!(
            lines[4].starts_with("   下雨           32 B       word word"),
            "{out}"
        );
        assert!(
            lines[5].starts_with("                             word"),
            "{out}"
        );
        assert!(out.lines().all(|l| width(l) <= WIDTH), "{out}");
    }
}
