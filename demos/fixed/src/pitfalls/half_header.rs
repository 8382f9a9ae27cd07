//! (b) Reading the 4-byte header with a single `recv(4)`.
//!
//! ```python
//! head = client.recv(4)
//! total = struct.unpack("i", head)[0]
//! ```
//!
//! `recv(4)` returns *up to* 4 bytes. The header is as much a part of the
//! stream as the message, and the network can cut it like any other
//! bytes: through a slicer cutting pieces of 1 to 3 bytes, a prompt
//! reader's `recv(4)` always returns half a header. Python's
//! `struct.unpack` then raises `struct.error`; code that uses the 4-byte
//! buffer anyway reads a wrong length, and from then on every read is out
//! of step. The fix reads exactly 4 bytes (loop until there are 4), or
//! hands every chunk to the [`Decoder`](crate::decoder::Decoder), which
//! keeps the half header and waits for the rest.

use super::decoding::{self, Decoded};
use super::reading::{Reader, Seen};
use super::{sending, sliced};
use crate::frame::{self, HEADER_LEN};
use crate::slicer::Slicing;
use kit::error::Result;
use kit::knobs::Knobs;
use kit::loopback::End;
use kit::report::Exchange;
use kit::verdict::count;
use std::time::Duration;

/// Pieces of 1 to 3 bytes, 5 ms apart: no piece holds a whole header.
pub const SLICING: Slicing = Slicing {
    average: 2,
    variation: 1,
    delay: Duration::from_millis(5),
    seed: 3,
};

/// What Python's `struct.unpack` says about a buffer that is not 4 bytes.
pub const STRUCT_ERROR: &str = "struct.error: unpack requires a buffer of 4 bytes";

/// The tutorial's two messages.
#[must_use]
pub fn messages() -> Vec<Vec<u8>> {
    sticky::tutorial_messages()
}

/// What `head = client.recv(4)` got, and what was made of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HalfHead {
    /// The bytes `recv(4)` returned.
    pub head: Vec<u8>,
    /// The length announced by the whole header, as sent.
    pub announced: u32,
    /// Bytes the client never read.
    pub unread: usize,
}

impl HalfHead {
    /// Whether `recv(4)` returned fewer than 4 bytes.
    #[must_use]
    pub fn is_short(&self) -> bool {
        self.head.len() < HEADER_LEN
    }

    /// The length read by code that ignores the count and takes the
    /// 4-byte buffer as it is, with zeros where nothing arrived (as a C
    /// program's zeroed `uint32_t` would be).
    #[must_use]
    pub fn zero_filled(&self) -> u32 {
        let mut buffer = [0u8; HEADER_LEN];
        let n = self.head.len().min(HEADER_LEN);
        buffer[..n].copy_from_slice(&self.head[..n]);
        u32::from_be_bytes(buffer)
    }
}

/// The broken run and what its `recv(4)` got.
#[derive(Debug, Clone)]
pub struct Broken {
    /// The run, for the report.
    pub run: Exchange,
    /// The header read.
    pub head: HalfHead,
}

/// The correct run and what its decoder rebuilt.
#[derive(Debug, Clone)]
pub struct Fixed {
    /// The run, for the report.
    pub run: Exchange,
    /// The decoder's frames.
    pub decoded: Decoded,
}

fn frames() -> Vec<Vec<u8>> {
    messages().iter().map(|m| frame::encode(m)).collect()
}

/// The header read with one `recv(4)`, through the slicer.
pub fn broken() -> Result<Broken> {
    let frames = frames();
    let announced = messages().first().map_or(0, |m| m.len() as u32);
    let done = sliced::run(
        SLICING,
        &Knobs::default(),
        move |end| sending::send_each(end, &frames),
        move |end| one_recv_for_the_header(end, announced),
    )?;
    let (seen, head) = done.client;
    let mut run = Exchange::both(
        "(b) broken · head = client.recv(4): one recv for the header",
        &done.server,
        &seen.side,
    );
    seen.annotate(&mut run);
    run.reader = Some("prompt: one recv(4) for the header, as the tutorial's client".into());
    run.verdict = if head.is_short() {
        format!(
            "recv(4) returned {}, {}: half a header. Python stops with {STRUCT_ERROR}; code that \
             uses the buffer anyway reads {} = a {}-byte message (the header said {}), and every \
             later read is out of step",
            count(head.head.len(), "byte"),
            super::counting::hex(&head.head),
            super::counting::hex(&head.zero_filled().to_be_bytes()),
            head.zero_filled(),
            head.announced
        )
    } else {
        "recv(4) returned all 4 header bytes this time: the reader was late enough for the \
         pieces to queue up again — the bug stayed hidden"
            .into()
    };
    run.notes = vec![
        format!(
            "{}: no piece holds a whole 4-byte header",
            super::pieces(&SLICING)
        ),
        "recv(4) means 'at most 4': the header is bytes of the stream like any other, and the \
         network may cut it anywhere"
            .into(),
    ];
    Ok(Broken { run, head })
}

/// The same traffic, every chunk handed to the decoder.
pub fn correct() -> Result<Fixed> {
    let frames = frames();
    let done = sliced::run(
        SLICING,
        &Knobs::default(),
        move |end| sending::send_each(end, &frames),
        |end| {
            let mut reader = Reader::new(end);
            decoding::receive(&mut reader, super::counting::RECV_SIZE)?;
            Ok(reader.finish())
        },
    )?;
    let seen = done.client;
    let mut run = Exchange::both(
        "(b) correct · every chunk into the decoder, which waits for all 4 header bytes",
        &done.server,
        &seen.side,
    );
    run.reader = Some("prompt: recv(1024), each chunk pushed into the decoder".into());
    let messages = messages();
    let decoded = decoding::annotate(&mut run, &messages);
    let largest = run.recvs.iter().map(|r| r.len).max().unwrap_or(0);
    run.verdict = format!(
        "the same pieces, {} of at most {largest} bytes: the decoder kept each part of a header \
         until it had all 4 — {} of {} messages whole",
        count(run.recvs.len(), "recv"),
        decoded.frames.len(),
        messages.len()
    );
    run.notes = vec![
        "in Python: read exactly n bytes with a loop — `while len(buf) < n: chunk = \
         sock.recv(n - len(buf)); if not chunk: raise ConnectionError; buf += chunk` — for the \
         header and again for the body"
            .into(),
    ];
    Ok(Fixed { run, decoded })
}

/// `head = client.recv(4)`, and what code concludes from it.
fn one_recv_for_the_header(end: End, announced: u32) -> Result<(Seen, HalfHead)> {
    let mut reader = Reader::new(end);
    let head = reader.recv(HEADER_LEN)?;
    reader.header_just_read(head.len());
    let mut half = HalfHead {
        head,
        announced,
        unread: 0,
    };
    if half.is_short() {
        reader.say(format!(
            "head = recv(4) returned {} of 4 bytes → {STRUCT_ERROR}; as a zero-filled int: \
             total = {}",
            half.head.len(),
            half.zero_filled()
        ));
    } else {
        reader.say(format!("head = recv(4) → total = {}", half.zero_filled()));
    }
    half.unread = reader.drain()?;
    Ok((reader.finish(), half))
}
