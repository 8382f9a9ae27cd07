//! (c) `send` instead of `sendall`: a write that takes only part.
//!
//! ```python
//! conn.send(data_size_struct)
//! conn.send(big_data)
//! ```
//!
//! `send` hands bytes to the kernel and returns *how many it took*. The
//! kernel takes only what fits into the socket's send buffer (and the
//! receiver's window); Python's own documentation says "Applications are
//! responsible for checking that all data has been sent". On a blocking
//! socket Linux usually waits until everything fits, so the tutorial's
//! `send` seems to work — but a socket that is non-blocking, or has a
//! timeout (`settimeout` makes it non-blocking inside), or is interrupted
//! by a signal returns early with a short count.
//!
//! Here the sender's `SO_SNDBUF` is small, the receiver does not read yet,
//! and the socket is non-blocking: one write of a 256 KiB frame takes a
//! few KiB and returns. The broken code ignores the count and goes on with
//! the next frame; the receiver, trusting the first header, reads the
//! second frame as the middle of the first. `sendall` — Rust's
//! `write_all` — loops until every byte is taken.

use crate::TEXT;
use crate::support::decoding;
use crate::support::reading::Reader;
use codec::frame::{self, HEADER_LEN};
use kit::error::{Error, Result};
use kit::knobs::Knobs;
use kit::loopback::{self, End};
use kit::report::{Exchange, Side};
use kit::stream::{self, RECV_BUFFER};
use kit::verdict::Code;
use std::io::{self, Write};
use std::sync::mpsc;

/// `SO_SNDBUF` asked for on the sender (Linux applies twice this).
pub const SNDBUF: usize = 4096;
/// `SO_RCVBUF` asked for on the receiver's listener.
pub const RCVBUF: usize = 4096;
/// The big message: far more than the two buffers hold.
pub const BIG: usize = 256 * 1024;

/// The two messages: 256 KiB of the tutorial's big data, then a short one.
#[must_use]
pub fn messages() -> Vec<Vec<u8>> {
    vec![half::big_message(BIG), "下雨天留客天留人".into()]
}

/// How the first write went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct FirstWrite {
    /// Bytes handed to the write: the whole first frame.
    asked: usize,
    /// Bytes the kernel took.
    taken: usize,
}

impl FirstWrite {
    /// The first write as `run`'s first send shows it: the whole first
    /// frame was handed over, and the send holds what the kernel took (a
    /// write whose count is ignored) or the pieces the loop wrote, the
    /// first one being the first write's.
    fn of(run: &Exchange) -> FirstWrite {
        let taken = run.sends.first().map_or(0, |send| match &send.pieces {
            Some(pieces) => pieces.first().copied().unwrap_or(0),
            None => send.len,
        });
        FirstWrite {
            asked: HEADER_LEN + BIG,
            taken,
        }
    }

    /// Whether the write took less than it was given.
    fn is_short(&self) -> bool {
        self.taken < self.asked
    }
}

/// How the sender treats the count a write returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Writing {
    /// One write per frame, its count ignored (Python's `send`).
    Once,
    /// Write again until every byte is taken (`sendall`, `write_all`).
    All,
}

/// One `send` per frame, the count ignored: the run's first send is only
/// what the kernel took, the decoder finds frame 2 inside message 1, and
/// the run has no whole frame.
pub fn broken() -> Result<Exchange> {
    let mut run = run(Writing::Once)?;
    let stopped = decoding::annotate(&mut run, &messages());
    let first = FirstWrite::of(&run);
    let FirstWrite { asked, taken } = first;
    run.label = kit::tr!(TEXT, "label-c-broken");
    let got = match &stopped {
        Some(error) => kit::tr!(
            TEXT,
            "then-error",
            error = fixed::decoder_state::error(error)
        ),
        None => String::new(),
    };
    let verdict = if first.is_short() {
        kit::tr!(
            TEXT,
            "verdict-c-broken",
            taken = taken,
            asked = asked,
            big = BIG,
            got = got,
            frames = frames(&run)
        )
    } else {
        kit::tr!(TEXT, "verdict-c-not-short", asked = asked)
    };
    run.judged(verdict, Code::Shown);
    run.notes = vec![
        kit::tr!(TEXT, "note-c-sndbuf", sndbuf = SNDBUF),
        kit::tr!(TEXT, "note-c-python-docs"),
    ];
    Ok(run)
}

/// The same sockets, every frame written with a loop until all is taken:
/// the first send lists the pieces the loop wrote, and both frames are
/// whole.
pub fn correct() -> Result<Exchange> {
    let mut run = run(Writing::All)?;
    decoding::annotate(&mut run, &messages());
    let FirstWrite { asked, taken } = FirstWrite::of(&run);
    run.label = kit::tr!(TEXT, "label-c-correct");
    let verdict = kit::tr!(
        TEXT,
        "verdict-c-correct",
        taken = taken,
        asked = asked,
        rest = asked - taken,
        frames = frames(&run)
    );
    run.judged(verdict, Code::Shown);
    run.notes = vec![kit::tr!(TEXT, "note-c-sendall")];
    Ok(run)
}

/// Frames the receiver's decoder rebuilt in `run`.
fn frames(run: &Exchange) -> usize {
    run.frames.as_ref().map_or(0, Vec::len)
}

/// Both frames written as `writing` says, read by a decoder once the
/// first write has returned. The run's recvs are left for
/// [`decoding::annotate`] to explain.
fn run(writing: Writing) -> Result<Exchange> {
    let receiver_knobs = Knobs {
        recv_buffer: Some(RCVBUF),
        ..Knobs::default()
    };
    let sender_knobs = Knobs {
        send_buffer: Some(SNDBUF),
        ..Knobs::default()
    };
    // The receiver starts reading only once the first write has returned,
    // so that write meets full buffers. The signal is a channel, not a
    // pause: if the sender fails first, the channel closes and the
    // receiver reads at once.
    let (first_done, first_done_seen) = mpsc::channel::<()>();
    let (sender, seen) = loopback::pair(
        &receiver_knobs,
        &sender_knobs,
        move |end| {
            let _ = first_done_seen.recv();
            let mut reader = Reader::new(end);
            decoding::receive(&mut reader, RECV_BUFFER)?;
            Ok(reader.finish())
        },
        move |end| send(end, writing, first_done),
    )?;
    let mut run = Exchange::both(String::new(), &sender, &seen.side);
    run.reader = Some(kit::tr!(TEXT, "reader-c", size = RECV_BUFFER));
    Ok(run)
}

/// Sends both frames on a non-blocking socket, journaling each as the
/// stream holds it: only the part the kernel took, or every piece.
fn send(end: End, writing: Writing, first_done: mpsc::Sender<()>) -> Result<Side> {
    let (mut conn, knobs) = end.journaled();
    conn.get_ref()
        .set_nonblocking(true)
        .map_err(Error::io(kit::tr!(TEXT, "doing-nonblocking")))?;
    let frames: Vec<Vec<u8>> = messages().iter().map(|m| frame::encode(m)).collect();
    for (i, frame) in frames.iter().enumerate() {
        let doing = kit::tr!(TEXT, "doing-sending-frame", n = i + 1);
        // `Once` ignores the count, so the stream holds only what the one
        // write took; `All` writes again until every byte is taken.
        let once = writing == Writing::Once;
        let mut writes = 0;
        conn.send_writes(frame, once, |stream, rest| {
            let taken = write_once(stream, rest)?;
            writes += 1;
            if i == 0 && writes == 1 {
                // Whatever happens next, the receiver may start reading
                // now: a later write may need it to make room.
                let _ = first_done.send(());
            }
            Ok(taken)
        })
        .map_err(Error::io(doing))?;
    }
    // The rest of the conversation needs no more short writes: block again
    // so that the end of the stream waits for the data before it.
    conn.get_ref()
        .set_nonblocking(false)
        .map_err(Error::io(kit::tr!(TEXT, "doing-blocking-again")))?;
    let segments_out = stream::finish_sending(&mut conn)?;
    Ok(Side {
        journal: conn.into_parts().1,
        knobs,
        segments_out,
    })
}

/// One write, as Python's `send` on a socket with a timeout does it: if
/// the socket can take nothing right now, wait until it can take
/// something; then write once and return how much was taken.
fn write_once(stream: &mut std::net::TcpStream, bytes: &[u8]) -> io::Result<usize> {
    loop {
        match stream.write(bytes) {
            Ok(n) => return Ok(n),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                // Wait for room the portable way: a blocking write sleeps in
                // the kernel until the receiver has made space, then takes
                // what fits. The socket goes back to non-blocking after.
                stream.set_nonblocking(false)?;
                let written = stream.write(bytes);
                stream.set_nonblocking(true)?;
                return written;
            }
            Err(e) => return Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_first_write_is_short_only_when_it_took_less() {
        let short = FirstWrite {
            asked: 10,
            taken: 4,
        };
        assert!(short.is_short());
        assert!(
            !FirstWrite {
                asked: 10,
                taken: 10
            }
            .is_short()
        );
    }
}
