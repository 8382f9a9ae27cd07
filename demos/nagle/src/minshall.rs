//! What Linux's Nagle algorithm really waits for: Minshall's rule.
//!
//! RFC 896 says a small write waits while *any* sent data is unACKed. Linux
//! (like the BSDs) implements Greg Minshall's refinement: a small write waits
//! only while an earlier *small* segment is unACKed. A full-sized segment in
//! flight holds nothing back. The difference is visible with three writes to
//! a receiver that delays its ACKs:
//!
//! ```text
//!   write 1: one full segment (MSS bytes)
//!            ── [488 B] ──────▶           in flight: 1 full segment
//!   write 2: "a" (1 B)
//!            ── [1 B] ────────▶           sent at once: what is in flight is
//!                                         full-sized (RFC 896 would hold it)
//!   write 3: "b" (1 B)                    held back: "a", a small segment,
//!                                         is unACKed
//!            ◀──────── ACK, ~40 ms later (delayed), or the FIN pushes it
//! ```
//!
//! The sender cannot see a segment leave, but its kernel can: after every
//! write the sender reads `TCP_INFO` — `tcpi_unacked` (segments in flight)
//! and `tcpi_notsent_bytes` (bytes written but held back). That is Linux
//! only, so on other platforms the run says so and does not pretend.
//!
//! The sender asks for a small MSS (`TCP_MAXSEG` 500 in its SYN) so that a
//! full segment is a few hundred bytes on any link, loopback included; and
//! the receiver reads late, because reading promptly makes Linux ACK at
//! once and nothing would be in flight for the rule to look at.

use crate::{TEXT, burst};
use kit::error::{Error, Result};
use kit::knobs::Knobs;
use kit::loopback::{self, End};
use kit::queue::{self, Patience};
use kit::report::{Comparison, Exchange, Side};
use kit::stream;
use kit::tcp_info;
use kit::verdict::Code;
use std::net::TcpStream;

/// The MSS the sender announces in its SYN. The connection's real MSS is a
/// little less (TCP timestamps take 12 bytes of every segment).
pub const ASKED_MSS: u32 = 500;

/// The two small writes after the full segment.
pub const SMALL: [&[u8]; 2] = [b"a", b"b"];

/// What the run shows, for its banner.
#[must_use]
pub fn label() -> String {
    kit::tr!(TEXT, "minshall-label")
}

/// Whether this platform lets the sender see what its kernel held back
/// (`TCP_INFO`, Linux) and set the MSS it announces.
#[must_use]
pub fn available() -> bool {
    cfg!(target_os = "linux")
}

/// The sender's knobs: Nagle on, and a small MSS.
#[must_use]
pub fn knobs() -> Knobs {
    Knobs {
        mss: Some(ASKED_MSS),
        ..burst::knobs(false)
    }
}

/// The three writes, for a connection whose MSS is `mss`.
#[must_use]
pub fn messages(mss: usize) -> Vec<Vec<u8>> {
    let mut messages = vec![vec![b'x'; mss]];
    messages.extend(SMALL.iter().map(|m| m.to_vec()));
    messages
}

/// What the sender's kernel reported right after one write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AfterWrite {
    /// Bytes in the write.
    pub len: usize,
    /// Segments sent and not yet ACKed (`tcpi_unacked`).
    pub in_flight: u32,
    /// Bytes written but held back (`tcpi_notsent_bytes`).
    pub held: u32,
}

/// The sender: warm-ups, then the full segment and the two small writes,
/// each followed by a look at `TCP_INFO`. `None` where the platform has
/// no `TCP_INFO`.
pub fn send(end: End) -> Result<(Side, Option<Vec<AfterWrite>>)> {
    let (mut conn, knobs) = end.journaled();
    burst::warm_up_sender(conn.get_mut())?;
    let mss = knobs.mss.map_or(ASKED_MSS as usize, |n| n as usize);
    let mut seen = Some(Vec::new());
    for (i, message) in messages(mss).iter().enumerate() {
        conn.send(message)
            .map_err(Error::io(kit::tr!(TEXT, "doing-sending-write", n = i + 1)))?;
        // Read at once: the kernel decided to send or hold inside write().
        let info = tcp_info::read(conn.get_ref()).and_then(|i| i.unacked.zip(i.notsent_bytes));
        seen = seen.zip(info).map(|(mut seen, (in_flight, held))| {
            seen.push(AfterWrite {
                len: message.len(),
                in_flight,
                held,
            });
            seen
        });
    }
    let segments_out = stream::finish_sending(&mut conn)?;
    let side = Side {
        journal: conn.into_parts().1,
        knobs,
        segments_out,
    };
    Ok((side, seen))
}

/// The receiver: answers the warm-ups, then waits (reading nothing) until
/// the sender has closed, and reads everything.
pub fn recv(end: End) -> Result<Side> {
    let deadline = end.timeout;
    let (mut conn, knobs) = end.journaled();
    burst::warm_up(conn.get_mut())?;
    // At most a full segment of ASKED_MSS and the two small writes; the
    // wait ends sooner when the sender's FIN arrives.
    let most = ASKED_MSS as usize + SMALL.len();
    queue::wait_until_queued(conn.get_ref(), most, Patience::across_computers(deadline))?;
    stream::recv_until_closed(&mut conn, stream::RECV_BUFFER, most + stream::SLACK, |_| {
        Ok(())
    })?;
    Ok(Side {
        journal: conn.into_parts().1,
        knobs,
        segments_out: None,
    })
}

/// The MSS the receiver expects the sender's full segment to have: its own
/// side of the connection uses the same one.
#[must_use]
pub fn expected_mss(stream: &TcpStream) -> usize {
    kit::knobs::Applied::read(
        socket2::SockRef::from(stream),
        &Knobs {
            mss: Some(ASKED_MSS),
            ..Knobs::default()
        },
    )
    .mss
    .map_or(ASKED_MSS as usize, |n| n as usize)
}

/// The table of what the sender's kernel did after each write, and the
/// verdict drawn from those numbers alone.
#[must_use]
pub fn table(seen: Option<&[AfterWrite]>) -> Comparison {
    let columns = vec![
        kit::tr!(TEXT, "column-write"),
        kit::tr!(TEXT, "column-unacked"),
        kit::tr!(TEXT, "column-held"),
        kit::tr!(TEXT, "column-kernel"),
    ];
    let Some(seen) = seen else {
        return Comparison {
            label: label(),
            columns,
            rows: Vec::new(),
            verdict: kit::tr!(TEXT, "minshall-no-tcp-info"),
            code: Code::Measured,
            notes: Vec::new(),
        };
    };
    let names = [
        kit::tr!(TEXT, "write-full-segment"),
        "\"a\"".into(),
        "\"b\"".into(),
    ];
    let rows = seen
        .iter()
        .zip(names)
        .map(|(after, name)| {
            vec![
                kit::tr!(TEXT, "write-row", name = name, len = after.len),
                after.in_flight.to_string(),
                format!("{} B", after.held),
                if after.held == 0 {
                    kit::tr!(TEXT, "kernel-sent")
                } else {
                    kit::tr!(TEXT, "kernel-held")
                },
            ]
        })
        .collect();
    let (verdict, code, notes) = judge(seen);
    Comparison {
        label: label(),
        columns,
        rows,
        verdict,
        code,
        notes,
    }
}

/// The verdict and notes, from the three snapshots.
fn judge(seen: &[AfterWrite]) -> (String, Code, Vec<String>) {
    let [full, a, b] = seen else {
        return (
            kit::tr!(TEXT, "verdict-expected-writes", n = seen.len()),
            Code::Unexpected,
            Vec::new(),
        );
    };
    let a_behind_full =
        full.held == 0 && full.in_flight >= 1 && a.held == 0 && a.in_flight > full.in_flight;
    let b_held = b.held as usize == SMALL[1].len();
    if a_behind_full && b_held {
        let notes = vec![
            kit::tr!(TEXT, "note-rfc-896", len = full.len),
            kit::tr!(TEXT, "note-minshall-linux"),
            kit::tr!(TEXT, "note-either-way"),
        ];
        return (kit::tr!(TEXT, "verdict-minshall"), Code::Measured, notes);
    }
    // Something else happened this time: say what, from the numbers.
    let what = if full.in_flight == 0 || a.in_flight == 0 {
        kit::tr!(TEXT, "what-acked-first")
    } else if a.held > 0 {
        kit::tr!(TEXT, "what-held-like-rfc")
    } else {
        kit::tr!(TEXT, "what-a-acked")
    };
    (
        kit::tr!(TEXT, "verdict-this-time", what = what),
        Code::NotShown,
        Vec::new(),
    )
}

/// How many times the tour tries the three writes before it shows a run
/// in which the rule could not be seen.
pub const ATTEMPTS: usize = 5;

/// Runs the three writes in this process over loopback, for the tour.
///
/// The rule is visible only if nothing ACKs "a" before "b" is written,
/// which the receiver's delayed ACK (~40 ms) normally guarantees; but a
/// busy computer can stop the sending thread between two writes for longer
/// than that. The tour is a lesson, so it does what a teacher would: runs
/// the three writes again, up to [`ATTEMPTS`] times, and shows the first
/// run that let the kernel show its rule (or the last one, which says what
/// happened instead). The paired programs show their one run as it was.
pub fn run() -> Result<Comparison> {
    let mut shown = None;
    for _ in 0..ATTEMPTS {
        let ((_, seen), _) = loopback::pair(&Knobs::default(), &knobs(), recv, send)?;
        let table = table(seen.as_deref());
        let done = table.code != Code::NotShown;
        shown = Some(table);
        if done {
            break;
        }
    }
    Ok(shown.expect("at least one attempt"))
}

/// The receiver's side of the paired binaries, as an exchange: what the
/// late reader got.
pub fn received(side: &Side, mss: usize) -> Exchange {
    let mut run = Exchange::receiver(label(), side, &messages(mss));
    run.reader = Some(kit::tr!(TEXT, "reader-minshall"));
    run
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;

    /// Minshall's rule, measured: the first small write leaves behind an
    /// unACKed full segment, the second waits behind the first.
    #[test]
    fn a_small_write_waits_only_behind_a_small_segment() {
        let table = run().unwrap();
        assert_eq!(table.code, Code::Measured, "{}", table.verdict);
        let held: Vec<&str> = table.rows.iter().map(|row| row[2].as_str()).collect();
        assert_eq!(held, ["0 B", "0 B", "1 B"], "{:?}", table.rows);
    }

    #[test]
    fn every_other_outcome_is_told_as_this_time() {
        let after = |in_flight, held| AfterWrite {
            len: 1,
            in_flight,
            held,
        };
        let (verdict, code, _) = judge(&[after(1, 0), after(1, 1), after(1, 1)]);
        assert_eq!(code, Code::NotShown);
        assert!(verdict.contains("as RFC 896 says"), "{verdict}");
        let (verdict, _, _) = judge(&[after(0, 0), after(0, 0), after(1, 0)]);
        assert!(verdict.contains("before \"a\" was written"), "{verdict}");
    }
}
