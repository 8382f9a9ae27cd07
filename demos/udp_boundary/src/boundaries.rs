//! Datagrams keep their boundaries: the messages of the sticky demo, sent
//! as datagrams and read late, come back one per `recv` — and beside them
//! the same messages over TCP come back glued in one.
//!
//! The reader is late on purpose, as in the sticky demo: every message is
//! queued before the first `recv`. TCP's queue is one run of bytes, so one
//! `recv` returns them all. UDP's queue is a list of datagrams, so each
//! `recv` returns the first of them, however large its buffer.

use crate::Scenario;
use kit::error::Result;
use kit::report::{Exchange, SideBySide};
use kit::stream::RECV_BUFFER;
use kit::verdict::count;
use std::time::Duration;

/// The first run's label.
pub const ALONE: &str = "the tutorial's two messages as datagrams, read late";
/// The label of the TCP and UDP runs drawn side by side.
pub const SIDE_BY_SIDE: &str = "the same two messages, read late: TCP stream, UDP datagrams";
/// How long a late reader waits for a datagram that does not come. It is
/// only ever waited for when a datagram was lost.
pub const QUIET: Duration = Duration::from_secs(2);

/// `messages` as datagrams, read late with a large buffer.
#[must_use]
pub fn scenario(label: &str, messages: Vec<Vec<u8>>) -> Scenario {
    Scenario {
        label: label.into(),
        messages,
        recv_size: RECV_BUFFER,
        quiet: QUIET,
    }
}

/// The tutorial's messages as datagrams, on their own.
pub fn alone() -> Result<Exchange> {
    let mut run = crate::run(&scenario(ALONE, sticky::tutorial_messages()))?;
    let lesson = notes(&run, RECV_BUFFER);
    run.notes.splice(0..0, lesson);
    Ok(run)
}

/// The same messages over TCP (a late reader, as in the sticky demo) and
/// over UDP, side by side.
pub fn side_by_side() -> Result<SideBySide> {
    let messages = sticky::tutorial_messages();
    let mut tcp = sticky::run(&sticky::Scenario {
        messages: messages.clone(),
        // Each TCP send leaves at once as its own segment, as a datagram
        // does: whatever joins them, it is not the sender.
        nodelay: true,
        reader: sticky::Reader::Late,
        recv_size: RECV_BUFFER,
    })?;
    tcp.label = SIDE_BY_SIDE.into();
    tcp.notes = tcp_notes(&tcp);
    let mut udp = crate::run(&scenario(SIDE_BY_SIDE, messages))?;
    let lesson = notes(&udp, RECV_BUFFER);
    udp.notes.splice(0..0, lesson);
    Ok(SideBySide {
        label: SIDE_BY_SIDE.into(),
        tcp,
        udp,
    })
}

/// Why the datagrams came back one per recv.
#[must_use]
pub fn notes(run: &Exchange, recv_size: usize) -> Vec<String> {
    let mut notes = Vec::new();
    let bytes: usize = run.sends.iter().map(|s| s.len).sum();
    let one_each =
        run.recvs.len() == run.sends.len() && run.recvs.iter().all(|r| r.origin.len() == 1);
    if one_each && run.sends.len() > 1 {
        let room = if recv_size >= bytes {
            format!(" and the {recv_size}-byte buffer had room for all {bytes} B")
        } else {
            String::new()
        };
        notes.push(format!(
            "UDP: each datagram was queued as a unit, and each recv took exactly one unit off the \
             queue — although all {} were waiting{room}",
            run.sends.len()
        ));
    }
    notes
}

/// What a receiver alone (udp-server) can say about its recvs, having
/// expected `expected` datagrams.
#[must_use]
pub fn receiver_notes(run: &Exchange, expected: usize) -> Vec<String> {
    let traced = run.recvs.iter().all(|r| r.origin.len() == 1);
    let mut notes = Vec::new();
    if traced && run.recvs.len() < expected {
        notes.push(format!(
            "{} of the {expected} expected never came: lost on the way, or dropped by a full \
             queue — UDP does not resend, and nobody was told",
            expected - run.recvs.len()
        ));
    }
    notes
}

/// Why the TCP messages came back glued.
#[must_use]
pub fn tcp_notes(run: &Exchange) -> Vec<String> {
    let sends = run.sends.len();
    if run.sticky != Some(true) {
        // A late reader glues them every time; a run that did not is
        // told as what happened, not as the lesson.
        return vec![format!(
            "TCP: this time no recv held bytes of two sends ({} for {}) — timing, not a \
             promise: a byte stream keeps no record of where a send ended",
            count(run.recvs.len(), "recv"),
            count(sends, "send")
        )];
    }
    let glued = match run.segments_out {
        Some(segments) if segments as usize >= sends => format!(
            "TCP: with TCP_NODELAY on, the {} left as {} (TCP_INFO) — separate, like datagrams — \
             and the receive queue still joined them",
            count(sends, "send"),
            count(segments as usize, "data segment")
        ),
        Some(segments) => format!(
            "TCP: the {} left as {} (TCP_INFO), and the receive queue joined them",
            count(sends, "send"),
            count(segments as usize, "data segment")
        ),
        None => "TCP: the receive queue joined the sends".into(),
    };
    vec![format!(
        "{glued}: a byte stream keeps no record of where a send ended, so recv returns whatever \
         is queued"
    )]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tutorial_datagrams_come_back_one_per_recv_beside_one_tcp_recv() {
        let SideBySide { tcp, udp, .. } = side_by_side().unwrap();
        assert_eq!(tcp.label, udp.label, "one label: drawn side by side");
        assert_eq!(tcp.recvs.len(), 1, "TCP glues");
        assert_eq!(udp.recvs.len(), 2, "UDP keeps boundaries");
        assert_eq!(udp.recvs[0].bytes, "下雨天留客天留人".as_bytes());
        assert_eq!(udp.recvs[1].bytes, "不留".as_bytes());
        assert_eq!(
            udp.verdict,
            "2 datagrams sent, 2 recvs returned them one each: UDP kept every boundary"
        );
        assert!(udp.notes[0].contains("although all 2 were waiting"));
    }
}
