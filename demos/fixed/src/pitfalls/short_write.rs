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

use super::decoding::{self, Decoded};
use super::reading::Reader;
use crate::frame;
use kit::error::{Error, Result};
use kit::knobs::Knobs;
use kit::loopback::{self, End};
use kit::report::{Exchange, Side};
use kit::stream::{self, RECV_BUFFER};
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
pub struct FirstWrite {
    /// Bytes handed to the write: the whole first frame.
    pub asked: usize,
    /// Bytes the kernel took.
    pub taken: usize,
}

impl FirstWrite {
    /// Whether the write took less than it was given.
    #[must_use]
    pub fn is_short(&self) -> bool {
        self.taken < self.asked
    }
}

/// A run of this pitfall, with the first write and what the receiver's
/// decoder made of the stream.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// The run, for the report.
    pub run: Exchange,
    /// How the first write went.
    pub first: FirstWrite,
    /// What the receiver decoded.
    pub decoded: Decoded,
}

/// How the sender treats the count a write returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Writing {
    /// One write per frame, its count ignored (Python's `send`).
    Once,
    /// Write again until every byte is taken (`sendall`, `write_all`).
    All,
}

/// One `send` per frame, the count ignored.
pub fn broken() -> Result<Outcome> {
    let mut outcome = run(Writing::Once)?;
    let FirstWrite { asked, taken } = outcome.first;
    let run = &mut outcome.run;
    run.label =
        "(c) broken · conn.send(frame): one write on a non-blocking socket, its count ignored"
            .into();
    let got = match &outcome.decoded.error {
        Some(error) => format!("; then {error}"),
        None => String::new(),
    };
    run.verdict = if outcome.first.is_short() {
        format!(
            "write() took {taken} of the {asked} bytes of frame 1 and the code went on with frame \
             2: the receiver, trusting the header's {}, read frame 2 as part of message 1{got} — \
             {} of 2 messages whole",
            BIG,
            outcome.decoded.frames.len()
        )
    } else {
        format!(
            "write() took all {asked} bytes at once on this platform: no short write this time, \
             so the ignored count did no harm — the code is still wrong"
        )
    };
    run.notes = vec![
        format!(
            "a small SO_SNDBUF ({SNDBUF} B asked) and a receiver that does not read yet: the \
             kernel takes only what fits in the send buffer and the receiver's window, and a \
             non-blocking write returns at once with that count"
        ),
        "Python's documentation of socket.send: \"Returns the number of bytes sent. Applications \
         are responsible for checking that all data has been sent\"; a socket with a timeout \
         (settimeout) is non-blocking inside, so its send can come up short too"
            .into(),
    ];
    Ok(outcome)
}

/// The same sockets, every frame written with a loop until all is taken.
pub fn correct() -> Result<Outcome> {
    let mut outcome = run(Writing::All)?;
    let FirstWrite { asked, taken } = outcome.first;
    let run = &mut outcome.run;
    run.label = "(c) correct · sendall / write_all: write again until every byte is taken".into();
    let whole = outcome.decoded.frames.len();
    run.verdict = format!(
        "the first write took {taken} of {asked} bytes here too; the loop wrote the other {} as \
         the receiver made room — {whole} of 2 messages whole",
        asked - taken
    );
    run.notes = vec![
        "sendall loops over send until every byte is taken; Rust's write_all does the same, and \
         on a non-blocking socket each retry waits until the socket can take more"
            .into(),
    ];
    Ok(outcome)
}

fn run(writing: Writing) -> Result<Outcome> {
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
    let ((sender, first), (seen, decoded)) = loopback::pair(
        &receiver_knobs,
        &sender_knobs,
        move |end| {
            let _ = first_done_seen.recv();
            let mut reader = Reader::new(end);
            let decoded = decoding::receive(&mut reader, RECV_BUFFER)?;
            Ok((reader.finish(), decoded))
        },
        move |end| send(end, writing, first_done),
    )?;
    let mut run = Exchange::both(String::new(), &sender, &seen.side);
    run.reader = Some(format!(
        "reads only after the first write returned, then recv({RECV_BUFFER}) into the decoder"
    ));
    // The decoder replayed over the journal, for the screen: the same
    // chunks give the same frames as the live one above.
    decoding::annotate(&mut run, &messages());
    Ok(Outcome {
        run,
        first,
        decoded,
    })
}

/// Sends both frames on a non-blocking socket.
fn send(end: End, writing: Writing, first_done: mpsc::Sender<()>) -> Result<(Side, FirstWrite)> {
    let (mut conn, knobs) = end.journaled();
    conn.get_ref()
        .set_nonblocking(true)
        .map_err(Error::io("making the socket non-blocking"))?;
    let frames: Vec<Vec<u8>> = messages().iter().map(|m| frame::encode(m)).collect();
    let mut first = None;
    for (i, frame) in frames.iter().enumerate() {
        let doing = format!("sending frame #{}", i + 1);
        // `Once` ignores the count, so the stream holds only what the one
        // write took; `All` writes again until every byte is taken.
        let once = writing == Writing::Once;
        let mut writes = 0;
        conn.send_writes(frame, once, |stream, rest| {
            let taken = write_once(stream, rest)?;
            writes += 1;
            if i == 0 && writes == 1 {
                first = Some(FirstWrite {
                    asked: frame.len(),
                    taken,
                });
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
        .map_err(Error::io("making the socket blocking again"))?;
    let segments_out = stream::finish_sending(&mut conn)?;
    let first = first.unwrap_or(FirstWrite { asked: 0, taken: 0 });
    let side = Side {
        journal: conn.into_parts().1,
        knobs,
        segments_out,
    };
    Ok((side, first))
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
