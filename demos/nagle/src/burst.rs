//! The one case where Nagle's algorithm really does glue writes together.
//!
//! After a few request/response exchanges the receiver's kernel assumes an
//! interactive conversation and delays its ACKs (it hopes to piggyback them
//! on a reply). Now the sender makes 9 one-byte writes back to back:
//!
//! ```text
//!   write 1 ── segment [1 B] ─────────────▶ recv → 1 B     (nothing unACKed: sent at once)
//!   write 2…9: the first byte is unACKed, so Nagle queues them
//!              ◀──────────────── ACK, ~40 ms later (delayed)
//!          ── segment [8 B] ─────────────▶ recv → 8 B     (the queued bytes, as one segment)
//! ```
//!
//! With `TCP_NODELAY` every write leaves at once, as its own segment, and all
//! nine bytes arrive within a millisecond.

use crate::TEXT;
use kit::error::{Error, Result};
use kit::knobs::Knobs;
use kit::loopback::{self, End};
use kit::report::{Exchange, Side};
use kit::segments;
use kit::stream;
use std::io::{Read, Write};
use std::net::TcpStream;

/// Request/response exchanges before the burst.
pub const WARM_UPS: usize = 3;
/// One-byte writes in the burst.
pub const WRITES: usize = 9;

/// The burst's messages: one byte each.
#[must_use]
pub fn messages() -> Vec<Vec<u8>> {
    (0..WRITES).map(|i| vec![b'1' + i as u8]).collect()
}

/// What the run shows, for its banner.
#[must_use]
pub fn label(nodelay: bool) -> String {
    if nodelay {
        kit::tr!(
            TEXT,
            "label-burst-nodelay",
            writes = WRITES,
            warmups = WARM_UPS
        )
    } else {
        kit::tr!(
            TEXT,
            "label-burst-nagle",
            writes = WRITES,
            warmups = WARM_UPS
        )
    }
}

/// The sender's knobs.
#[must_use]
pub fn knobs(nodelay: bool) -> Knobs {
    Knobs {
        nodelay: Some(nodelay),
        ..Knobs::default()
    }
}

/// The sender: warm-ups, then the burst. Its `segments_out` counts only the
/// burst's data segments.
pub fn send(end: End) -> Result<Side> {
    let (mut conn, knobs) = end.journaled();
    // The warm-ups put the receiver into delayed-ACK mode; they are the
    // bench's, not the lesson's, so they go around the journal.
    warm_up_sender(conn.get_mut())?;
    let before = segments::data_segments_out(conn.get_ref());
    stream::send_each(&mut conn, &messages())?;
    let after = stream::finish_sending(&mut conn)?;
    let segments_out = before.zip(after).map(|(b, a)| a - b);
    Ok(Side {
        journal: conn.into_parts().1,
        knobs,
        segments_out,
    })
}

/// The receiver: answers the warm-ups, then reads promptly until the
/// sender closes.
pub fn recv(end: End) -> Result<Side> {
    let (mut conn, knobs) = end.journaled();
    warm_up(conn.get_mut())?;
    let limit = WRITES + stream::SLACK;
    stream::recv_until_closed(&mut conn, stream::RECV_BUFFER, limit, |_| Ok(()))?;
    Ok(Side {
        journal: conn.into_parts().1,
        knobs,
        segments_out: None,
    })
}

/// The sender's warm-ups: one-byte requests, each answered, until the
/// receiver's kernel treats the connection as interactive and delays its
/// ACKs (hoping to send each with a reply).
pub fn warm_up_sender(stream: &mut TcpStream) -> Result<()> {
    for i in 1..=WARM_UPS {
        let mut answer = [0u8; 1];
        stream
            .write_all(b"w")
            .and_then(|()| stream.read_exact(&mut answer))
            .map_err(Error::io(kit::tr!(TEXT, "doing-warm-up", n = i)))?;
    }
    Ok(())
}

/// The receiver's side of the warm-ups: answers each one-byte request.
pub fn warm_up(stream: &mut TcpStream) -> Result<()> {
    for i in 1..=WARM_UPS {
        let mut request = [0u8; 1];
        stream
            .read_exact(&mut request)
            .and_then(|()| stream.write_all(b"a"))
            .map_err(Error::io(kit::tr!(TEXT, "doing-answering-warm-up", n = i)))?;
    }
    Ok(())
}

/// Runs the burst in this process over loopback.
pub fn run(nodelay: bool) -> Result<Exchange> {
    let (sender, receiver) = loopback::pair(&Knobs::default(), &knobs(nodelay), recv, send)?;
    let mut run = Exchange::both(label(nodelay), &sender, &receiver);
    run.reader = Some(kit::tr!(
        TEXT,
        "reader-burst",
        warmups = WARM_UPS,
        size = stream::RECV_BUFFER
    ));
    run.notes = notes(&run);
    Ok(run)
}

/// A wait between the first byte and the last this long is a delayed ACK
/// at work, not the machine being slow: Linux delays an ACK by 40 ms at
/// least, and a loopback round trip takes microseconds.
pub const STALLED_MS: f64 = 30.0;

/// Why the run came out as it did — from what this run measured (when the
/// bytes came, how many segments left), never from which variant it was
/// meant to be; nothing when the peer did something other than the lesson
/// expects.
pub fn notes(run: &Exchange) -> Vec<String> {
    if run.code.is_mismatch() {
        // The peer did something else: the verdict says what, and the
        // lesson's explanations would describe a run that did not happen.
        return Vec::new();
    }
    let spread = match (run.recvs.first(), run.recvs.last()) {
        (Some(first), Some(last)) => last.t_us.saturating_sub(first.t_us) as f64 / 1000.0,
        _ => 0.0,
    };
    // Only the sender's kernel counts the segments it sent.
    let segments = match run.segments_out {
        Some(n) => kit::tr!(TEXT, "burst-segments", n = n),
        None => String::new(),
    };
    let when = if run.recvs.len() == 1 {
        kit::tr!(TEXT, "burst-one-recv")
    } else {
        kit::tr!(TEXT, "burst-spread", ms = format!("{spread:.2}"))
    };
    if spread >= STALLED_MS {
        vec![
            kit::tr!(
                TEXT,
                "note-burst-waited",
                wait = format!("{spread:.0}"),
                segments = &segments,
                when = &when
            ),
            kit::tr!(TEXT, "note-burst-tutorial"),
        ]
    } else {
        let joined = if run.recvs.len() < WRITES {
            kit::tr!(TEXT, "burst-not-nagle")
        } else {
            String::new()
        };
        vec![kit::tr!(
            TEXT,
            "note-burst-no-wait",
            segments = &segments,
            when = &when,
            joined = joined
        )]
    }
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;

    /// DESIGN §4: with Nagle on, the 9 writes leave as exactly 2 data
    /// segments and are read as 1 byte then 8; with `TCP_NODELAY`, 9.
    #[test]
    fn nagle_glues_the_burst_into_two_segments_and_nodelay_sends_nine() {
        let nagle = run(false).unwrap();
        assert_eq!(nagle.segments_out, Some(2));
        let sizes: Vec<usize> = nagle.recvs.iter().map(|r| r.len).collect();
        assert_eq!(sizes, [1, 8]);
        assert_eq!(nagle.received_stream(), messages().concat());

        let nodelay = run(true).unwrap();
        assert_eq!(nodelay.segments_out, Some(WRITES as u64));
        assert_eq!(nodelay.received_stream(), messages().concat());
    }
}
