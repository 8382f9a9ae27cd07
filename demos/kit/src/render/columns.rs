//! Two runs in two columns — a TCP run on the left, a UDP run on the
//! right — so the class sees the same messages come out of `recv` in two
//! different shapes.
//!
//! A column says what was sent, then each `recv` with the sends its bytes
//! came from and its text, then what arrived in all. A long column (a
//! thousand datagrams) shows its first and last recvs and says how many it
//! left out, so that the two shapes still fit on one screen.

use super::{DUMP_AT_MOST, line, notes, paint, rule, shorten_to, width, wrap};
use crate::report::{RecvRecord, Run, Transport};
use crate::utf8;
use crate::verdict::count;
use colored::Colorize;

/// Columns for each side.
const COLUMN: usize = 44;
/// A recv whose bytes came from more sends than this names only the first
/// and the last of them.
const ORIGINS_AT_MOST: usize = 3;

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
        line(
            &mut out,
            format!("   {l}{pad}{} {r}", "│".dimmed()).trim_end(),
        );
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
    let (head, noun) = match run.transport {
        Transport::Tcp => ("TCP — a byte stream", "message"),
        Transport::Udp => ("UDP — datagrams", "datagram"),
    };
    cells.push((head.bold().underline().to_string(), width(head)));
    if !run.sends.is_empty() {
        let bytes: usize = run.sends.iter().map(|s| s.len).sum();
        let sent = format!("sent: {}, {bytes} B", count(run.sends.len(), noun));
        cells.push((sent.dimmed().to_string(), width(&sent)));
    }
    let total = run.recvs.len();
    for (i, recv) in run.recvs.iter().enumerate() {
        // A long column keeps its first three recvs and its last.
        let shown = total <= DUMP_AT_MOST || i < 3 || i + 1 == total;
        if !shown {
            if i == 3 {
                let hidden = format!("… {} not shown …", count(total - 4, "recv"));
                cells.push((hidden.dimmed().to_string(), width(&hidden)));
            }
            continue;
        }
        cells.push(header(recv));
        cells.push(text(&recv.bytes));
    }
    let bytes: usize = run.recvs.iter().map(|r| r.len).sum();
    let total = format!("{}, {bytes} B in all", count(total, "recv"));
    cells.push((total.bold().to_string(), width(&total)));
    cells
}

/// `recv #1  30 B = #1 + #2`, each send number in its colour; a recv
/// holding many sends names the first and the last.
fn header(recv: &RecvRecord) -> (String, usize) {
    let plain_head = format!("recv #{}  {} B = ", recv.index, recv.len);
    let mut shown = plain_head.bold().to_string();
    let mut columns = width(&plain_head);
    let pieces = &recv.origin;
    let named: Vec<Option<usize>> = if pieces.len() > ORIGINS_AT_MOST {
        vec![Some(0), None, Some(pieces.len() - 1)]
    } else {
        (0..pieces.len()).map(Some).collect()
    };
    for (i, which) in named.iter().enumerate() {
        let sep = if i == 0 { "" } else { " + " };
        let (name, painted) = match which {
            Some(at) => {
                let name = format!("#{}", pieces[*at].send);
                let painted = paint(pieces[*at].send, &name).to_string();
                (name, painted)
            }
            None => ("…".to_string(), "…".dimmed().to_string()),
        };
        shown.push_str(&format!("{sep}{painted}"));
        columns += width(sep) + width(&name);
    }
    if recv.truncated == Some(true) {
        let cut = match recv.real_len {
            Some(real) => format!(" ✂ truncated, had {real} B"),
            None => " ✂ truncated".to_string(),
        };
        shown.push_str(&cut.red().to_string());
        columns += width(&cut);
    }
    (shown, columns)
}

/// The chunk's text, with a ✂ where a character was cut at either edge.
fn text(bytes: &[u8]) -> (String, usize) {
    let reading = utf8::read(bytes);
    let Some(middle) = reading.text else {
        let shown = "  (not UTF-8 text)";
        return (shown.dimmed().to_string(), width(shown));
    };
    let lead = if reading.lead.is_empty() { "" } else { "✂" };
    let tail = if reading.tail.is_empty() { "" } else { "✂" };
    let room = COLUMN - 6 - width(lead) - width(tail);
    let (shown, cut) = shorten_to(middle, room);
    let columns = 4 + width(lead) + width(shown) + width(cut) + width(tail);
    (
        format!("  {}\"{shown}{cut}\"{}", lead.red(), tail.red()),
        columns,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::{Journal, Truncation};
    use crate::knobs::Applied;
    use crate::report::Side;
    use std::time::Instant;

    fn side(journal: Journal) -> Side {
        Side {
            journal,
            knobs: Applied::default(),
            segments_out: None,
        }
    }

    fn datagrams(sends: &[Vec<u8>], recvs: &[(Vec<u8>, Truncation)]) -> Run {
        let epoch = Instant::now();
        let mut sender = Journal::new(epoch);
        for s in sends {
            sender.sent(s, epoch);
        }
        let mut receiver = Journal::new(epoch);
        for (bytes, truncation) in recvs {
            receiver.received_datagram(bytes, *truncation);
        }
        Run::datagrams("t", &side(sender), &side(receiver))
    }

    fn stream(sends: &[Vec<u8>], recvs: &[&[u8]]) -> Run {
        let epoch = Instant::now();
        let mut sender = Journal::new(epoch);
        for s in sends {
            sender.sent(s, epoch);
        }
        let mut receiver = Journal::new(epoch);
        for r in recvs {
            receiver.received(r);
        }
        Run::both("t", &side(sender), &side(receiver))
    }

    fn whole(len: usize) -> Truncation {
        Truncation {
            truncated: false,
            real_len: Some(len),
        }
    }

    #[test]
    fn a_cut_character_and_a_truncated_datagram_are_marked() {
        colored::control::set_override(false);
        let sentence = "下雨天留客天留人不留".as_bytes().to_vec();
        let sends = vec![sentence.clone(), "不留".as_bytes().to_vec()];
        let tcp = stream(&sends, &[&sentence[..16], &sentence[16..]]);
        let cut = Truncation {
            truncated: true,
            real_len: Some(30),
        };
        let udp = datagrams(&sends, &[(sentence[..16].to_vec(), cut)]);
        let text = side_by_side("t", "t", &tcp, &udp);
        assert!(text.contains("sent: 2 messages, 36 B"), "{text}");
        assert!(text.contains("sent: 2 datagrams, 36 B"), "{text}");
        assert!(text.contains("\"下雨天留客\"✂"), "{text}");
        assert!(text.contains("✂\"留人不留\""), "{text}");
        assert!(text.contains("✂ truncated, had 30 B"), "{text}");
        assert!(text.contains("1 recv, 16 B in all"), "{text}");
        assert!(!text.lines().any(|l| l.ends_with(' ')), "{text}");
    }

    #[test]
    fn long_columns_and_long_origins_are_summarised() {
        colored::control::set_override(false);
        let sends: Vec<Vec<u8>> = (0..100).map(|i| format!("{i:03}").into_bytes()).collect();
        let all = sends.concat();
        let tcp = stream(&sends, &[&all[..150], &all[150..]]);
        let recvs: Vec<(Vec<u8>, Truncation)> =
            sends[..20].iter().map(|s| (s.clone(), whole(3))).collect();
        let udp = datagrams(&sends, &recvs);
        let text = side_by_side("t", "t", &tcp, &udp);
        assert!(text.contains("recv #1  150 B = #1 + … + #50"), "{text}");
        assert!(text.contains("recv #3  3 B = #3"), "{text}");
        assert!(text.contains("… 16 recvs not shown …"), "{text}");
        assert!(text.contains("recv #20  3 B = #20"), "{text}");
        assert!(!text.contains("recv #4  "), "{text}");
        assert!(text.contains("20 recvs, 60 B in all"), "{text}");
        for line in text.lines().filter(|l| l.contains('│')) {
            let left = line.split('│').next().unwrap();
            assert!(width(left) <= COLUMN + 3, "too wide: {line}");
        }
    }
}
