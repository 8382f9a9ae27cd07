//! Two runs in two columns — a TCP run on the left, a UDP run on the
//! right — so the class sees the same messages come out of `recv` in two
//! different shapes.
//!
//! A column says what was sent, then each `recv` with the sends its bytes
//! came from and its text, then what arrived in all. A long column (a
//! thousand datagrams) shows its first and last recvs and says how many it
//! left out, so that the two shapes still fit on one screen.

use super::banner::{self, Heading};
use super::exchange::{not_shown, paint};
use super::text::{Elided, Flow, Slot, hang, line, shorten_to, space_after, width};
use super::verdict;
use crate::report::{Exchange, RecvRecord, SideBySide, Transport};
use crate::style::Style;
use crate::utf8;
use crate::verdict::count;
use colored::Colorize;

/// Columns for each side, at most: on a narrower story each side gets
/// half of what the margin and the rule between them leave.
const COLUMN: usize = 44;
/// A recv whose bytes came from more sends than this names only the first
/// and the last of them.
const ORIGINS_AT_MOST: usize = 3;

/// Draws the TCP column and the UDP column under one banner.
pub fn side_by_side(out: &mut String, heading: &Heading<'_>, run: &SideBySide, style: &Style) {
    banner::rule(out, heading, style);
    banner::label(out, &run.label, style);
    let column = COLUMN.min(style.width.saturating_sub(5) / 2);
    let left_cells = cells(&run.tcp, column, style);
    let right_cells = cells(&run.udp, column, style);
    let rows = left_cells.len().max(right_cells.len());
    let empty = String::new();
    for i in 0..rows {
        let l = left_cells.get(i).unwrap_or(&empty);
        let r = right_cells.get(i).unwrap_or(&empty);
        let pad = " ".repeat(column.saturating_sub(width(l)));
        line(out, &format!("   {l}{pad}{} {r}", style.dimmed("│")));
    }
    for column in [&run.tcp, &run.udp] {
        let label = crate::tr!(
            crate::TEXT,
            "columns-verdict",
            transport = transport(column)
        );
        let label = format!(" {label}{}", space_after(&label));
        verdict::verdict(out, &label, &column.verdict, style, |t| t);
    }
    verdict::notes(out, run.tcp.notes.iter().chain(&run.udp.notes), style);
}

fn transport(run: &Exchange) -> &'static str {
    match run.transport {
        Transport::Tcp => "TCP",
        Transport::Udp => "UDP",
    }
}

/// One column's lines, each leaving at least one blank before the rule
/// at `column` (a cell that would not goes on over the next lines, two
/// columns in).
fn cells(run: &Exchange, column: usize, style: &Style) -> Vec<String> {
    let mut cells = Vec::new();
    let (head, noun) = match run.transport {
        Transport::Tcp => (crate::tr!(crate::TEXT, "columns-tcp"), "message"),
        Transport::Udp => (crate::tr!(crate::TEXT, "columns-udp"), "datagram"),
    };
    cells.push(style.paint(&head, |t| t.bold().underline()));
    if !run.sends.is_empty() {
        let bytes: usize = run.sends.iter().map(|s| s.len).sum();
        let sent = crate::tr!(
            crate::TEXT,
            "columns-sent",
            what = count(run.sends.len(), noun),
            bytes = bytes
        );
        cells.push(style.dimmed(&sent));
    }
    let total = run.recvs.len();
    for slot in Elided::of(total).slots() {
        match slot {
            Slot::Gap(hidden) => {
                let hidden = not_shown(hidden, "recv");
                cells.push(style.dimmed(&hidden));
            }
            Slot::Item(i) => {
                cells.extend(header(&run.recvs[i], column, style));
                cells.push(text(&run.recvs[i].bytes, column, style));
            }
        }
    }
    let bytes: usize = run.recvs.iter().map(|r| r.len).sum();
    let total = crate::tr!(
        crate::TEXT,
        "columns-in-all",
        recvs = count(total, "recv"),
        bytes = bytes
    );
    cells.push(style.bold(&total));
    cells
        .iter()
        .flat_map(|cell| hang(cell, column.saturating_sub(1), 2))
        .collect()
}

/// `recv #1  30 B = #1 + #2`, each send number in its colour; a recv
/// holding many sends names the first and the last. A truncation mark
/// that does not fit goes on the next line.
fn header(recv: &RecvRecord, column: usize, style: &Style) -> Vec<String> {
    let mut shown = style.bold(&format!("recv #{}  {} B = ", recv.index, recv.len));
    let pieces = &recv.origin;
    let named: Vec<Option<usize>> = if pieces.len() > ORIGINS_AT_MOST {
        vec![Some(0), None, Some(pieces.len() - 1)]
    } else {
        (0..pieces.len()).map(Some).collect()
    };
    for (i, which) in named.iter().enumerate() {
        let sep = if i == 0 { "" } else { " + " };
        let painted = match which {
            Some(at) => paint(pieces[*at].send, &format!("#{}", pieces[*at].send), style),
            None => style.dimmed("…"),
        };
        shown.push_str(&format!("{sep}{painted}"));
    }
    let mut flow = Flow::new(&shown, column.saturating_sub(1), 2);
    if recv.truncated == Some(true) {
        let cut = match recv.real_len {
            Some(real) => crate::tr!(crate::TEXT, "columns-truncated-had", real = real),
            None => crate::tr!(crate::TEXT, "columns-truncated"),
        };
        flow.push(" ", &style.paint(&cut, colored::Colorize::red));
    }
    flow.into_lines()
}

/// The chunk's text, with a ✂ where a character was cut at either edge,
/// shortened to fit in `column`.
fn text(bytes: &[u8], column: usize, style: &Style) -> String {
    let reading = utf8::read(bytes);
    let Some(middle) = reading.text else {
        return style.dimmed(&format!(
            "  {}",
            crate::tr!(crate::TEXT, "exchange-not-text")
        ));
    };
    let lead = if reading.lead.is_empty() { "" } else { "✂" };
    let tail = if reading.tail.is_empty() { "" } else { "✂" };
    let room = column.saturating_sub(6 + width(lead) + width(tail));
    let (shown, cut) = shorten_to(middle, room);
    let red = |text: &str| style.paint(text, colored::Colorize::red);
    format!("  {}\"{shown}{cut}\"{}", red(lead), red(tail))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::{Journal, Truncation};
    use crate::knobs::Applied;
    use crate::report::Side;
    use std::time::Instant;

    fn draw(tcp: Exchange, udp: Exchange) -> String {
        let mut out = String::new();
        let heading = Heading {
            title: "t",
            number: None,
            kind: Some("side by side"),
        };
        let run = SideBySide {
            label: "t".into(),
            tcp,
            udp,
        };
        side_by_side(&mut out, &heading, &run, &Style::PLAIN);
        out
    }

    fn side(journal: Journal) -> Side {
        Side {
            journal,
            knobs: Applied::default(),
            segments_out: None,
        }
    }

    fn datagrams(sends: &[Vec<u8>], recvs: &[(Vec<u8>, Truncation)]) -> Exchange {
        let epoch = Instant::now();
        let mut sender = Journal::new(epoch);
        for s in sends {
            sender.sent(s, epoch);
        }
        let mut receiver = Journal::new(epoch);
        for (bytes, truncation) in recvs {
            receiver.received_datagram(bytes, *truncation);
        }
        Exchange::datagrams("t", &side(sender), &side(receiver))
    }

    fn stream(sends: &[Vec<u8>], recvs: &[&[u8]]) -> Exchange {
        let epoch = Instant::now();
        let mut sender = Journal::new(epoch);
        for s in sends {
            sender.sent(s, epoch);
        }
        let mut receiver = Journal::new(epoch);
        for r in recvs {
            receiver.received(r);
        }
        Exchange::both("t", &side(sender), &side(receiver))
    }

    fn whole(len: usize) -> Truncation {
        Truncation {
            truncated: false,
            real_len: Some(len),
        }
    }

    #[test]
    fn a_cut_character_and_a_truncated_datagram_are_marked() {
        let sentence = "下雨天留客天留人不留".as_bytes().to_vec();
        let sends = vec![sentence.clone(), "不留".as_bytes().to_vec()];
        let tcp = stream(&sends, &[&sentence[..16], &sentence[16..]]);
        let cut = Truncation {
            truncated: true,
            real_len: Some(30),
        };
        let udp = datagrams(&sends, &[(sentence[..16].to_vec(), cut)]);
        let text = draw(tcp, udp);
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
        let sends: Vec<Vec<u8>> = (0..100).map(|i| format!("{i:03}").into_bytes()).collect();
        let all = sends.concat();
        let tcp = stream(&sends, &[&all[..150], &all[150..]]);
        let recvs: Vec<(Vec<u8>, Truncation)> =
            sends[..20].iter().map(|s| (s.clone(), whole(3))).collect();
        let udp = datagrams(&sends, &recvs);
        let text = draw(tcp, udp);
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
        // At 80 columns each side gets 37, and a long header goes on below.
        let mut out = String::new();
        let heading = Heading {
            title: "t",
            number: None,
            kind: None,
        };
        let sentence = "下雨天留客天留人不留".as_bytes().to_vec();
        let cut = Truncation {
            truncated: true,
            real_len: Some(3000),
        };
        let run = SideBySide {
            label: "t".into(),
            tcp: stream(std::slice::from_ref(&sentence), &[&sentence]),
            udp: datagrams(
                std::slice::from_ref(&sentence),
                &[(sentence[..16].to_vec(), cut)],
            ),
        };
        side_by_side(&mut out, &heading, &run, &Style::PLAIN.with_width(80));
        assert!(out.lines().all(|l| width(l) <= 80), "{out}");
        assert!(out.contains("│ recv #1  16 B = #1\n"), "{out}");
        assert!(out.contains("│   ✂ truncated, had 3000 B\n"), "{out}");
    }
}
