//! The price of boundaries: 1000 messages of 1400 bytes sent to a receiver
//! that is not reading. Over UDP most of them are dropped — on loopback,
//! with no network in between. Over TCP every byte arrives.
//!
//! Both receivers have a queue of limited size. What differs is what
//! happens when it is full:
//!
//! ```text
//!   UDP  sender ──▶ send returns at once, every time
//!        queue  [#1][#2]…[#92] full → #93 … #1000 dropped, nobody told
//!
//!   TCP  sender ──▶ send waits: the receiver's window is closed
//!        queue  [……… full ………]   → nothing dropped; the sender is held
//!                                   back until the reader makes room
//! ```
//!
//! TCP's **flow control** (the window the receiver advertises) slows the
//! sender to the reader's pace, and its retransmissions recover anything a
//! network loses. UDP has neither: a datagram that finds the queue full is
//! thrown away, and only a kernel counter notices ([`crate::drops`]). On a
//! real network UDP also meets loss, reordering and duplication, and has no
//! congestion control to back off when the network is overloaded.
//!
//! The UDP receiver here does not read until the sender has sent all 1000.
//! Then it drains its queue: it reads until no datagram has come for
//! 200 ms. The pause matters even on loopback, where a `send` returns
//! before delivery is certain: the loopback device hands each datagram to a
//! per-CPU backlog that a softirq empties into the socket a moment later.

use crate::{Scenario, TEXT, drops};
use kit::error::{Error, Result};
use kit::knobs::Knobs;
use kit::loopback::{self, End};
use kit::queue::{self, Patience, Queued};
use kit::report::{Exchange, Side, SideBySide};
use kit::stream::{self, RECV_BUFFER};
use std::time::Duration;

/// How many messages are sent.
pub const COUNT: usize = 1000;
/// The size of each message: about what fits in one Ethernet frame.
pub const SIZE: usize = 1400;
/// The receiver stops once nothing has arrived for this long.
pub const QUIET: Duration = Duration::from_millis(200);
/// The label of both runs, in the process's language.
#[must_use]
pub fn label() -> String {
    kit::tr!(TEXT, "label-overflow")
}

/// `count` messages of `size` bytes, each starting with its own number, so
/// that the receiver can tell which ones arrived.
#[must_use]
pub fn messages(count: usize, size: usize) -> Vec<Vec<u8>> {
    (1..=count)
        .map(|i| {
            let mut message = format!("#{i:04} ").into_bytes();
            let filler = "下雨天留客天留人不留".as_bytes();
            while message.len() + filler.len() <= size {
                message.extend_from_slice(filler);
            }
            message.resize(size, b'.');
            message
        })
        .collect()
}

/// The TCP run beside the UDP run.
pub fn side_by_side() -> Result<SideBySide> {
    let messages = messages(COUNT, SIZE);
    Ok(SideBySide {
        label: label(),
        tcp: tcp(&messages)?,
        udp: udp(&messages)?,
    })
}

/// The messages as datagrams to a receiver that reads only after the
/// sender is done.
pub fn udp(messages: &[Vec<u8>]) -> Result<Exchange> {
    let before = drops::receive_buffer_errors();
    let mut run = crate::run(&Scenario {
        label: label(),
        messages: messages.to_vec(),
        recv_size: RECV_BUFFER,
        quiet: QUIET,
    })?;
    let dropped = before
        .zip(drops::receive_buffer_errors())
        .map(|(before, after)| after.saturating_sub(before));
    let lesson = udp_notes(&run, dropped);
    run.notes.splice(0..0, lesson);
    Ok(run)
}

/// The messages over TCP to a receiver that does not read until its queue
/// stops growing.
pub fn tcp(messages: &[Vec<u8>]) -> Result<Exchange> {
    let expected = messages.iter().map(Vec::len).sum();
    let sending = messages.to_vec();
    let (sender, (receiver, queued)) = loopback::pair(
        &Knobs::default(),
        &Knobs::default(),
        move |end| tcp_receiver(end, expected),
        |end| sticky::send(end, &sending),
    )?;
    let mut run = Exchange::both(label(), &sender, &receiver);
    run.reader = Some(match queued {
        Queued::All(n) | Queued::Some(n) if n >= expected => {
            kit::tr!(TEXT, "reader-tcp-all", queued = n, buffer = RECV_BUFFER)
        }
        Queued::All(n) | Queued::Some(n) => {
            kit::tr!(TEXT, "reader-tcp-stopped", queued = n, buffer = RECV_BUFFER)
        }
        Queued::Closed => kit::tr!(TEXT, "reader-tcp-late"),
    });
    run.notes = tcp_notes(&run, queued);
    Ok(run)
}

/// A TCP receiver that leaves its queue alone until it stops growing —
/// full, with the sender held back — or holds every expected byte.
fn tcp_receiver(end: End, expected: usize) -> Result<(Side, Queued)> {
    let (mut conn, knobs) = end.journaled();
    let patience = Patience {
        deadline: Duration::from_secs(10),
        quiet: Some(QUIET),
    };
    let queued = queue::wait_until_queued(conn.get_ref(), expected, patience)?;
    if queued == Queued::Closed {
        return Err(Error::PeerClosed {
            during: kit::tr!(TEXT, "during-first-byte"),
        });
    }
    let limit = expected + stream::SLACK;
    stream::recv_until_closed(&mut conn, RECV_BUFFER, limit, |_| Ok(()))?;
    let side = Side {
        journal: conn.into_parts().1,
        knobs,
        segments_out: None,
    };
    Ok((side, queued))
}

/// Bytes sent and received by a run's two sides.
fn bytes(run: &Exchange) -> (usize, usize) {
    let sent = run.sends.iter().map(|s| s.len).sum();
    let received = run.recvs.iter().map(|r| r.len).sum();
    (sent, received)
}

/// Why TCP lost nothing.
#[must_use]
pub fn tcp_notes(run: &Exchange, queued: Queued) -> Vec<String> {
    let (sent, received) = bytes(run);
    let mut notes = vec![kit::tr!(
        TEXT,
        "overflow-tcp-summary",
        messages = run.sends.len(),
        sent = sent,
        received = received,
        recvs = run.recvs.len(),
        lost = sent.saturating_sub(received)
    )];
    match queued {
        Queued::All(n) | Queued::Some(n) if n < sent => {
            notes.push(kit::tr!(TEXT, "overflow-tcp-flow-control", queued = n))
        }
        Queued::All(n) | Queued::Some(n) => {
            notes.push(kit::tr!(TEXT, "overflow-tcp-room", queued = n));
        }
        Queued::Closed => {}
    }
    if run.sticky == Some(true) {
        notes.push(kit::tr!(TEXT, "overflow-tcp-glued"));
    }
    notes
}

/// Why UDP lost what it lost, with the receiver's numbers and, on Linux,
/// the kernel's drop counter.
#[must_use]
pub fn udp_notes(run: &Exchange, dropped: Option<u64>) -> Vec<String> {
    let received = run.recvs.len();
    let lost = run.sends.len().saturating_sub(received);
    let (sent, got) = bytes(run);
    let mut notes = vec![kit::tr!(
        TEXT,
        "overflow-udp-summary",
        datagrams = run.sends.len(),
        sent = sent,
        received = received,
        got = got,
        lost = lost
    )];
    let arrived: Vec<usize> = run
        .recvs
        .iter()
        .filter_map(|r| r.origin.first().map(|p| p.send))
        .collect();
    if lost > 0 && !arrived.is_empty() && arrived.iter().copied().eq(1..=received) {
        notes.push(kit::tr!(TEXT, "overflow-udp-first", received = received));
    } else if lost > 0 {
        notes.push(kit::tr!(
            TEXT,
            "overflow-udp-arrived",
            list = ranges(&arrived)
        ));
    }
    if lost > 0 {
        notes.push(match (run.knobs.recv_buffer, received) {
            (Some(rcvbuf), 1..) => kit::tr!(
                TEXT,
                "overflow-udp-no-flow-control-room",
                rcvbuf = rcvbuf,
                received = received,
                each = rcvbuf / received,
                size = SIZE
            ),
            _ => kit::tr!(TEXT, "overflow-udp-no-flow-control"),
        });
    }
    if let Some(dropped) = dropped {
        notes.push(kit::tr!(TEXT, "overflow-udp-counted", dropped = dropped));
    }
    notes.push(kit::tr!(TEXT, "overflow-udp-gone"));
    notes
}

/// `#1 to #5, #9, #12 to #13`.
fn ranges(sends: &[usize]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < sends.len() {
        let mut j = i;
        while j + 1 < sends.len() && sends[j + 1] == sends[j] + 1 {
            j += 1;
        }
        parts.push(if i == j {
            format!("#{}", sends[i])
        } else {
            kit::tr!(TEXT, "range", first = sends[i], last = sends[j])
        });
        i = j + 1;
    }
    parts.join(&kit::tr!(TEXT, "list-separator"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_has_the_size_and_its_own_number() {
        let messages = messages(COUNT, SIZE);
        assert_eq!(messages.len(), COUNT);
        assert!(messages.iter().all(|m| m.len() == SIZE));
        assert!(messages[41].starts_with(b"#0042 "));
        assert!(std::str::from_utf8(&messages[0]).is_ok());
    }

    #[test]
    fn ranges_are_compact() {
        assert_eq!(ranges(&[1, 2, 3, 5, 7, 8]), "#1 to #3, #5, #7 to #8");
        assert_eq!(ranges(&[]), "");
    }
}
