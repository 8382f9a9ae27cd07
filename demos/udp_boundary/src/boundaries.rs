//! Datagrams keep their boundaries: the messages of the sticky demo, sent
//! as datagrams and read late, come back one per `recv` — and beside them
//! the same messages over TCP come back glued in one.
//!
//! The reader is late on purpose, as in the sticky demo: every message is
//! queued before the first `recv`. TCP's queue is one run of bytes, so one
//! `recv` returns them all. UDP's queue is a list of datagrams, so each
//! `recv` returns the first of them, however large its buffer.

use crate::{Scenario, TEXT};
use kit::error::Result;
use kit::report::{Exchange, SideBySide};
use kit::stream::RECV_BUFFER;
use std::time::Duration;

/// The first run's label, in the process's language.
#[must_use]
pub fn alone_label() -> String {
    kit::tr!(TEXT, "label-alone")
}

/// The label of the TCP and UDP runs drawn side by side.
#[must_use]
pub fn side_by_side_label() -> String {
    kit::tr!(TEXT, "label-side-by-side")
}
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
    let mut run = crate::run(&scenario(&alone_label(), sticky::tutorial_messages()))?;
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
    let label = side_by_side_label();
    tcp.label.clone_from(&label);
    tcp.notes = tcp_notes(&tcp);
    let mut udp = crate::run(&scenario(&label, messages))?;
    let lesson = notes(&udp, RECV_BUFFER);
    udp.notes.splice(0..0, lesson);
    Ok(SideBySide { label, tcp, udp })
}

/// Why the datagrams came back one per recv.
#[must_use]
pub fn notes(run: &Exchange, recv_size: usize) -> Vec<String> {
    let mut notes = Vec::new();
    let bytes: usize = run.sends.iter().map(|s| s.len).sum();
    let one_each =
        run.recvs.len() == run.sends.len() && run.recvs.iter().all(|r| r.origin.len() == 1);
    if one_each && run.sends.len() > 1 {
        let sends = run.sends.len();
        notes.push(if recv_size >= bytes {
            kit::tr!(
                TEXT,
                "note-one-each-room",
                sends = sends,
                recv_size = recv_size,
                bytes = bytes
            )
        } else {
            kit::tr!(TEXT, "note-one-each", sends = sends)
        });
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
        notes.push(kit::tr!(
            TEXT,
            "note-never-came",
            missing = expected - run.recvs.len(),
            expected = expected
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
        return vec![kit::tr!(
            TEXT,
            "tcp-not-glued",
            recvs = run.recvs.len(),
            sends = sends
        )];
    }
    vec![match run.segments_out {
        Some(segments) if segments as usize >= sends => kit::tr!(
            TEXT,
            "tcp-glued-separate",
            sends = sends,
            segments = segments
        ),
        Some(segments) => kit::tr!(TEXT, "tcp-glued-merged", sends = sends, segments = segments),
        None => kit::tr!(TEXT, "tcp-glued"),
    }]
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
