//! A comparison — a table of facts — drawn as a table: a heading row,
//! then one row per line of the table, every cell wrapped to its column.
//! Columns get room in proportion to what they hold.

use crate::caption;
use crate::exchange::Area;
use crate::measure;
use crate::palette::{GREY, INK};
use crate::svg::{Anchor, Rect, Svg};
use kit::report::Comparison;

/// Size of the text in cells.
const CELL: f64 = 18.0;
/// Height of one line of a cell.
const LINE: f64 = 25.0;
/// Padding inside a cell.
const PAD: f64 = 10.0;

/// The table in `area`; returns the bottom of its caption.
pub fn draw(svg: &mut Svg, run: &Comparison, area: Area) -> f64 {
    let columns = run.columns.len().max(1);
    // What each column would like: its widest cell, but no more than half
    // the table; then everything scaled to the table's width.
    let wish: Vec<f64> = (0..columns)
        .map(|c| {
            let cells = std::iter::once(run.columns.get(c).map_or("", String::as_str)).chain(
                run.rows
                    .iter()
                    .map(|row| row.get(c).map_or("", String::as_str)),
            );
            cells
                .map(|t| measure::width(t, CELL) + 2.0 * PAD)
                .fold(60.0, f64::max)
                .min(area.w / 2.0)
        })
        .collect();
    let total: f64 = wish.iter().sum();
    let widths: Vec<f64> = wish.iter().map(|w| w * area.w / total).collect();
    let mut y = area.y + 10.0;
    let rows = std::iter::once((true, &run.columns)).chain(run.rows.iter().map(|r| (false, r)));
    svg.group("table", |svg| {
        for (heading, row) in rows {
            let cells: Vec<Vec<String>> = (0..columns)
                .map(|c| {
                    let text = row.get(c).map_or("", String::as_str);
                    measure::wrap(text, widths[c] - 2.0 * PAD, CELL)
                })
                .collect();
            let lines = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
            let h = lines as f64 * LINE + 2.0 * PAD - 6.0;
            let r = Rect {
                x: area.x,
                y,
                w: area.w,
                h,
            };
            let fill = if heading { "#e6e6e6" } else { "#fff" };
            svg.rect(
                r,
                &format!("fill=\"{fill}\" stroke=\"{GREY}\" stroke-width=\"1\""),
            );
            let mut x = area.x;
            for (c, lines) in cells.iter().enumerate() {
                if c > 0 {
                    svg.line(
                        (x, y),
                        (x, y + h),
                        &format!("stroke=\"{GREY}\" stroke-width=\"1\""),
                    );
                }
                for (k, line) in lines.iter().enumerate() {
                    let class = if heading || c == 0 { "head" } else { "cell" };
                    svg.text(
                        x + PAD,
                        y + PAD + 13.0 + k as f64 * LINE,
                        Anchor::Start,
                        class,
                        line,
                    );
                }
                x += widths[c];
            }
            y += h;
        }
        svg.rect(
            Rect {
                x: area.x,
                y: area.y + 10.0,
                w: area.w,
                h: y - area.y - 10.0,
            },
            &format!("fill=\"none\" stroke=\"{INK}\" stroke-width=\"2\""),
        );
    });
    caption::lines(svg, area.x, area.w, y + 6.0, &run.verdict, &run.notes)
}
