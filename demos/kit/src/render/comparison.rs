//! A comparison: a table with real rows and columns, each column as wide
//! as its widest cell. When the table is wider than the story, the last
//! column wraps in what is left of the line; when that leaves it too
//! little, the widest other columns wrap too, never inside a word.

use super::banner::{self, Heading};
use super::text::{line, longest_piece, width, wrap};
use super::verdict;
use crate::report::Comparison;
use crate::style::Style;

/// Columns between two cells.
const GAP: usize = 2;
/// The last column (the table's prose) keeps at least this many columns
/// before any other column is made to wrap.
const LAST_AT_LEAST: usize = 16;

/// The table, under its banner, with its verdict and notes.
pub fn comparison(out: &mut String, heading: &Heading<'_>, run: &Comparison, style: &Style) {
    banner::rule(out, heading, style);
    banner::label(out, &run.label, style);
    let columns = run.columns.len();
    let rows = || std::iter::once(&run.columns).chain(&run.rows);
    let cells = |i: usize| rows().filter_map(move |row| row.get(i));
    let natural: Vec<usize> = (0..columns)
        .map(|i| cells(i).map(|c| width(c)).max().unwrap_or(0))
        .collect();
    // A cell wraps at its spaces (and inside Chinese), so no column can be
    // narrower than its longest word.
    let least: Vec<usize> = (0..columns)
        .map(|i| cells(i).map(|c| longest_piece(c)).max().unwrap_or(0))
        .collect();
    let room = style
        .width
        .saturating_sub(3 + GAP * columns.saturating_sub(1));
    let table: Vec<&Vec<String>> = rows().collect();
    let widths = fit(&table, &natural, &least, room);
    let draw = |out: &mut String, cells: &[String], paint: &dyn Fn(&str) -> String| {
        let wrapped: Vec<Vec<String>> = cells
            .iter()
            .zip(&widths)
            .map(|(cell, &w)| wrap(cell, w))
            .collect();
        let height = wrapped.iter().map(Vec::len).max().unwrap_or(0);
        for row in 0..height {
            let mut text = String::new();
            for (i, parts) in wrapped.iter().enumerate() {
                let part = parts.get(row).map_or("", String::as_str);
                text.push_str(part);
                if i + 1 < wrapped.len() {
                    text.push_str(&" ".repeat(widths[i] - width(part) + GAP));
                }
            }
            line(out, &format!("   {}", paint(&text)));
        }
    };
    draw(out, &run.columns, &|t| style.dimmed(t));
    for row in &run.rows {
        draw(out, row, &|t| t.to_string());
    }
    verdict::verdict(out, &verdict::label(), &run.verdict, style, |t| t);
    verdict::notes(out, &run.notes, style);
}

/// The widths of the columns of `table` (its heading row first) in
/// `room`: each as `natural` as it can be. When they do not fit, the last
/// column (the table's prose) takes what the others leave, if that is at
/// least [`LAST_AT_LEAST`]; if not, columns give up one column at a time —
/// each time the one that adds the fewest lines to the table (the last,
/// then the widest, on a tie) — down to their `least`.
fn fit(table: &[&Vec<String>], natural: &[usize], least: &[usize], room: usize) -> Vec<usize> {
    let mut widths = natural.to_vec();
    let Some(last) = widths.len().checked_sub(1) else {
        return widths;
    };
    if widths.iter().sum::<usize>() <= room {
        return widths;
    }
    let others: usize = widths[..last].iter().sum();
    let left = room.saturating_sub(others);
    if left >= natural[last].min(LAST_AT_LEAST).max(least[last]) {
        widths[last] = left;
        return widths;
    }
    let height = |widths: &[usize]| -> usize {
        table
            .iter()
            .map(|row| {
                row.iter()
                    .zip(widths)
                    .map(|(cell, &w)| wrap(cell, w).len())
                    .max()
                    .unwrap_or(1)
            })
            .sum()
    };
    while widths.iter().sum::<usize>() > room {
        let narrower = |i: usize| {
            let mut tried = widths.clone();
            tried[i] -= 1;
            tried
        };
        let best = (0..widths.len())
            .filter(|&i| widths[i] > least[i])
            .min_by_key(|&i| {
                (
                    height(&narrower(i)),
                    i != last,
                    std::cmp::Reverse(widths[i]),
                )
            });
        match best {
            Some(i) => widths[i] -= 1,
            // Every column is down to its longest word: the rest overflows.
            None => break,
        }
    }
    widths
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
        assert!(out.lines().all(|l| width(l) <= Style::PLAIN.width), "{out}");
    }
}
