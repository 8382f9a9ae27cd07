//! Two runs in two columns — a TCP run on the left, a UDP run on the
//! right — so the class sees the same messages come out of `recv` in two
//! different shapes.

use super::{line, notes, paint, rule, shorten_to, width, wrap};
use crate::report::{RecvRecord, Run, Transport};
use crate::verdict::count;
use colored::Colorize;

/// Columns for each side.
const COLUMN: usize = 44;

/// Whether two consecutive runs are one comparison: the same scenario,
/// first over TCP, then over UDP.
pub(crate) fn pairs_with(left: &Run, right: &Run) -> bool {
    left.label == right.label
        && left.transport == Transport::Tcp
        && right.transport == Transport::Udp
}

/// Draws `left` and `right` side by side under one banner.
pub fn side_by_side(title: &str, heading: &str, left: &Run, right: &Run) -> String {
    let mut out = String::new();
    rule(&mut out, &format!("━━ {title} · side by side "));
    line(&mut out, &format!("   {}", heading.bold()));
    let left_cells = cells(left);
    let right_cells = cells(right);
    let rows = left_cells.len().max(right_cells.len());
    let empty = (String::new(), 0);
    for i in 0..rows {
        let (l, lw) = left_cells.get(i).unwrap_or(&empty);
        let (r, _) = right_cells.get(i).unwrap_or(&empty);
        let pad = " ".repeat(COLUMN.saturating_sub(*lw));
        line(&mut out, &format!("   {l}{pad}{} {r}", "│".dimmed()));
    }
    for (name, run) in [(transport(left), left), (transport(right), right)] {
        let label = format!(" {name}: ");
        for (i, part) in wrap(&run.verdict, super::WIDTH - label.len())
            .iter()
            .enumerate()
        {
            let head = if i == 0 {
                label.bold().to_string()
            } else {
                " ".repeat(label.len())
            };
            line(&mut out, &format!("{head}{part}"));
        }
    }
    let mut all: Vec<String> = Vec::new();
    for note in left.notes.iter().chain(&right.notes) {
        if !all.contains(note) {
            all.push(note.clone());
        }
    }
    notes(&mut out, &all);
    out
}

fn transport(run: &Run) -> &'static str {
    match run.transport {
        Transport::Tcp => "TCP",
        Transport::Udp => "UDP",
    }
}

/// One column's lines, each with its display width (colour codes take
/// no columns).
fn cells(run: &Run) -> Vec<(String, usize)> {
    let mut cells = Vec::new();
    let head = match run.transport {
        Transport::Tcp => "TCP — a byte stream",
        Transport::Udp => "UDP — datagrams",
    };
    cells.push((head.bold().underline().to_string(), width(head)));
    for recv in &run.recvs {
        cells.push(header(recv));
        let text = match std::str::from_utf8(&recv.bytes) {
            Ok(text) => {
                let (shown, cut) = shorten_to(text, COLUMN - 6);
                (format!("  \"{shown}{cut}\""), width(shown) + width(cut) + 4)
            }
            Err(_) => ("  (not whole UTF-8 text)".dimmed().to_string(), 24),
        };
        cells.push(text);
    }
    let total = format!("{} in all", count(run.recvs.len(), "recv"));
    cells.push((total.bold().to_string(), width(&total)));
    cells
}

/// `recv #1  30 B = #1 + #2`, each send number in its colour.
fn header(recv: &RecvRecord) -> (String, usize) {
    let plain_head = format!("recv #{}  {} B = ", recv.index, recv.len);
    let mut shown = plain_head.bold().to_string();
    let mut columns = width(&plain_head);
    for (i, piece) in recv.origin.iter().enumerate() {
        let sep = if i == 0 { "" } else { " + " };
        let name = format!("#{}", piece.send);
        shown.push_str(&format!("{sep}{}", paint(piece.send, &name)));
        columns += width(sep) + width(&name);
    }
    if recv.truncated == Some(true) {
        shown.push_str(&" ✂ truncated".red().to_string());
        columns += 12;
    }
    (shown, columns)
}
