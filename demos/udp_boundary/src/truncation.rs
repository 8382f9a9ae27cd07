//! A `recv` buffer smaller than the message: TCP splits, UDP truncates.
//!
//! The same 16-byte buffer meets the same 30-byte message twice. TCP leaves
//! what did not fit in the receive queue, and the next `recv` returns it: a
//! half packet (半包), with every byte still there. UDP takes the whole
//! datagram off the queue, copies the 16 bytes that fit and discards the
//! other 14: the next `recv` returns the *next* datagram.
//!
//! ```text
//!   TCP  queue  下雨天留客天留人不留不留   recv(16) → 16 B, 16 B, 4 B   nothing lost
//!   UDP  queue  [下雨天留客天留人不留] [不留]
//!               recv(16) → 16 B ✂ (14 B gone)   recv(16) → 不留
//! ```

use crate::boundaries::QUIET;
use crate::{Scenario, TEXT};
use kit::error::Result;
use kit::report::{Exchange, SideBySide};

/// The first datagram: the tutorial's sentence, 30 bytes.
pub const SENTENCE: &str = "下雨天留客天留人不留";
/// The second datagram.
pub const NEXT: &str = "不留";
/// The receiver's buffer: 16 bytes end inside 天.
pub const RECV_SIZE: usize = 16;
/// The label of both runs, in the process's language.
#[must_use]
pub fn label() -> String {
    kit::tr!(TEXT, "label-truncation")
}

/// The two messages: the sentence, then "不留".
#[must_use]
pub fn messages() -> Vec<Vec<u8>> {
    vec![SENTENCE.into(), NEXT.into()]
}

/// The same messages read with `recv(16)` over TCP and over UDP, side by
/// side.
pub fn side_by_side() -> Result<SideBySide> {
    let mut tcp = sticky::run(&sticky::Scenario {
        messages: messages(),
        nodelay: true,
        reader: sticky::Reader::Late,
        recv_size: RECV_SIZE,
    })?;
    tcp.label = label();
    tcp.notes = tcp_notes();
    let mut udp = crate::run(&Scenario {
        label: label(),
        messages: messages(),
        recv_size: RECV_SIZE,
        quiet: QUIET,
    })?;
    let lesson = notes(&udp);
    udp.notes.splice(0..0, lesson);
    Ok(SideBySide {
        label: label(),
        tcp,
        udp,
    })
}

/// What happened to the first truncated datagram of a UDP run, and how a
/// program can tell. Nothing when no datagram was truncated.
#[must_use]
pub fn notes(run: &Exchange) -> Vec<String> {
    let Some(at) = run.recvs.iter().position(|r| r.truncated == Some(true)) else {
        return Vec::new();
    };
    let recv = &run.recvs[at];
    let then = match run.recvs.get(at + 1) {
        Some(next) => kit::tr!(TEXT, "trunc-then", next = next.index),
        None => String::new(),
    };
    let mut notes = vec![match recv.real_len {
        Some(real) => kit::tr!(
            TEXT,
            "trunc-real",
            index = recv.index,
            len = recv.len,
            real = real,
            gone = real.saturating_sub(recv.len),
            then = &then
        ),
        None => kit::tr!(
            TEXT,
            "trunc-unknown",
            index = recv.index,
            len = recv.len,
            then = &then
        ),
    }];
    if recv.real_len.is_none() {
        notes.push(kit::tr!(TEXT, "trunc-no-real-len"));
    }
    if kit::utf8::read(&recv.bytes).is_cut() {
        notes.push(kit::tr!(TEXT, "trunc-cut-character", index = recv.index));
    }
    notes.push(kit::tr!(TEXT, "trunc-only-flag", len = recv.len));
    notes
}

/// Why TCP lost nothing with the same buffer.
#[must_use]
pub fn tcp_notes() -> Vec<String> {
    vec![kit::tr!(TEXT, "trunc-tcp", recv_size = RECV_SIZE)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn udp_truncates_and_moves_on_where_tcp_keeps_the_rest() {
        let SideBySide { tcp, udp, .. } = side_by_side().unwrap();
        assert_eq!(tcp.label, udp.label);
        let tcp_sizes: Vec<usize> = tcp.recvs.iter().map(|r| r.len).collect();
        assert_eq!(tcp_sizes, [16, 16, 4], "TCP: the rest comes next");
        assert_eq!(tcp.received_stream(), [SENTENCE, NEXT].concat().as_bytes());

        assert_eq!(udp.recvs.len(), 2);
        let first = &udp.recvs[0];
        assert_eq!(first.bytes, SENTENCE.as_bytes()[..RECV_SIZE]);
        assert_eq!(first.truncated, Some(true), "MSG_TRUNC");
        let real = crate::datagram::REPORTS_REAL_LEN.then_some(30);
        assert_eq!(first.real_len, real);
        let second = &udp.recvs[1];
        assert_eq!(second.bytes, NEXT.as_bytes(), "the next datagram");
        assert_eq!(second.truncated, Some(false));
        assert!(
            udp.verdict
                .ends_with("recv #1 was truncated and the rest of that datagram is gone"),
            "{}",
            udp.verdict
        );
        assert!(udp.notes.iter().any(|n| n.contains("MSG_TRUNC")));
    }
}
