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
//! hands every chunk to the [`Decoder`](codec::decoder::Decoder), which
//! keeps the half header and waits for the rest.

use crate::TEXT;
use crate::support::reading::{Reader, Seen};
use crate::support::{decoding, sending, size, sliced};
use codec::frame::{self, HEADER_LEN};
use fixed::slicer::Slicing;
use kit::error::Result;
use kit::hex;
use kit::knobs::Knobs;
use kit::loopback::End;
use kit::report::Exchange;
use kit::verdict::Code;
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

/// The length read by code that ignores the count and takes the 4-byte
/// buffer as it is, with zeros where nothing arrived (as a C program's
/// zeroed `uint32_t` would be).
fn zero_filled(head: &[u8]) -> u32 {
    let mut buffer = [0u8; HEADER_LEN];
    let n = head.len().min(HEADER_LEN);
    buffer[..n].copy_from_slice(&head[..n]);
    u32::from_be_bytes(buffer)
}

/// The tutorial's messages, each as a frame.
fn frames() -> Vec<Vec<u8>> {
    messages().iter().map(|m| frame::encode(m)).collect()
}

/// The header read with one `recv(4)`, through the slicer: the run's one
/// recv is what `recv(4)` returned, marked as the header the code read,
/// and the verdict says what Python and a zero-filled buffer make of it.
pub fn broken() -> Result<Exchange> {
    let frames = frames();
    let done = sliced::run(
        SLICING,
        &Knobs::default(),
        move |end| sending::send_each(end, &frames),
        one_recv_for_the_header,
    )?;
    let seen = done.client;
    let mut run = Exchange::both(kit::tr!(TEXT, "label-b-broken"), &done.server, &seen.side);
    seen.annotate(&mut run);
    run.reader = Some(kit::tr!(TEXT, "reader-b-broken"));
    let announced = messages().first().map_or(0, |m| m.len() as u32);
    let head = run.recvs.first().map_or(&[][..], |r| &r.bytes[..]);
    let verdict = if head.len() < HEADER_LEN {
        let read = zero_filled(head);
        kit::tr!(
            TEXT,
            "verdict-b-broken",
            got = size::counted(head.len()),
            hex = hex::spaced(head),
            error = STRUCT_ERROR,
            read_hex = hex::spaced(&read.to_be_bytes()),
            read = read.to_string(),
            announced = announced.to_string()
        )
    } else {
        kit::tr!(TEXT, "verdict-b-whole")
    };
    run.judged(verdict, Code::Shown);
    run.notes = vec![
        kit::tr!(TEXT, "note-b-pieces", pieces = sliced::pieces(&SLICING)),
        kit::tr!(TEXT, "note-b-at-most"),
    ];
    Ok(run)
}

/// The same traffic, every chunk handed to the decoder: the recvs show it
/// holding each part of a header until it has all 4, and its frames are
/// the messages, whole.
pub fn correct() -> Result<Exchange> {
    let frames = frames();
    let done = decoding::through_slicer(SLICING, frames)?;
    let seen = done.client;
    let mut run = Exchange::both(kit::tr!(TEXT, "label-b-correct"), &done.server, &seen.side);
    run.reader = Some(kit::tr!(TEXT, "reader-decoder"));
    let messages = messages();
    decoding::annotate(&mut run, &messages);
    let largest = run.recvs.iter().map(|r| r.len).max().unwrap_or(0);
    let verdict = kit::tr!(
        TEXT,
        "verdict-b-correct",
        recvs = run.recvs.len(),
        largest = largest,
        frames = run.frames.as_ref().map_or(0, Vec::len),
        total = messages.len()
    );
    run.judged(verdict, Code::Shown);
    run.notes = vec![kit::tr!(TEXT, "note-b-correct")];
    Ok(run)
}

/// `head = client.recv(4)`, and what code concludes from it.
fn one_recv_for_the_header(end: End) -> Result<Seen> {
    let mut reader = Reader::new(end);
    let head = reader.recv(HEADER_LEN)?;
    reader.header_just_read(head.len());
    if head.len() < HEADER_LEN {
        reader.say(kit::tr!(
            TEXT,
            "said-b-short",
            n = head.len(),
            error = STRUCT_ERROR,
            total = zero_filled(&head).to_string()
        ));
    } else {
        reader.say(format!("head = recv(4) → total = {}", zero_filled(&head)));
    }
    reader.drain()?;
    Ok(reader.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_half_header_reads_as_its_bytes_then_zeros() {
        assert_eq!(zero_filled(&[0, 0, 0, 24]), 24);
        assert_eq!(zero_filled(&[0, 0]), 0);
        assert_eq!(zero_filled(&[0, 0, 0]), 0);
        assert_eq!(zero_filled(&[1]), 1 << 24);
    }
}
