//! The right way to receive, used by every pitfall's correct run: push
//! whatever each `recv` returned into the [`Decoder`], take out the frames
//! that are whole, and at the end of the stream check nothing was left
//! half-read.
//!
//! The decoder does not care where the network cut the stream: a header in
//! two pieces, three frames in one chunk, a body spread over a hundred
//! reads all come out as the same whole frames. That is the whole fix, and
//! it is why the correct runs below meet exactly the same cuts as the
//! broken ones.

use super::reading::{RECV_SIZE, Reader, Seen, spans};
use super::sending;
use super::sliced::{self, Sliced};
use crate::TEXT;
use codec::decoder::{DecodeError, Decoder};
use codec::frame::{DEFAULT_MAX_FRAME_LEN, HEADER_LEN};
use fixed::slicer::Slicing;
use kit::error::Result;
use kit::knobs::Knobs;
use kit::report::Side;
use kit::report::{Annotation, Exchange, FrameRecord};
use std::ops::Range;

/// `frames` written one by one by a sender and read the right way
/// ([`receive`], `recv(RECV_SIZE)`) behind the slicer cutting as `slicing`
/// says: the correct run of every pitfall, whatever its frames hold.
pub fn through_slicer(slicing: Slicing, frames: Vec<Vec<u8>>) -> Result<Sliced<Side, Seen>> {
    sliced::run(
        slicing,
        &Knobs::default(),
        move |end| sending::send_each(end, &frames),
        |end| {
            let mut reader = Reader::new(end);
            receive(&mut reader, RECV_SIZE)?;
            Ok(reader.finish())
        },
    )
}

/// Receives with `recv(size)` until the peer closes, each chunk pushed
/// into a decoder, as a real receiver does.
///
/// The live decoder decides when to stop: at the end of the stream, or at
/// a header it refuses — nothing after a broken header can be trusted, so
/// the rest is read and dropped and the connection ends cleanly. What it
/// made of each chunk is shown by [`annotate`], which replays the journal
/// through a decoder of its own: the same chunks give the same frames.
pub fn receive(reader: &mut Reader, size: usize) -> Result<()> {
    let mut decoder = Decoder::new();
    loop {
        let chunk = reader.recv(size)?;
        if chunk.is_empty() {
            return Ok(());
        }
        decoder.push(&chunk);
        loop {
            match decoder.next_frame() {
                Ok(Some(_)) => {}
                Ok(None) => break,
                Err(_) => {
                    reader.drain()?;
                    return Ok(());
                }
            }
        }
    }
}

/// Shows a decoder at work on `run`'s recvs: after each recv, where the
/// decoder stands and which frames it completed; the bytes it read as
/// length headers are marked, and every frame it rebuilt is checked
/// against `messages` and becomes one of the run's frames. Returns why the
/// decoder stopped, if it did: a header announcing too much, or a frame
/// cut off by the end of the stream.
pub fn annotate(run: &mut Exchange, messages: &[Vec<u8>]) -> Option<DecodeError> {
    let stream = run.received_stream();
    let headers = headers_as_read(&stream, DEFAULT_MAX_FRAME_LEN);
    let mut decoder = Decoder::new();
    let mut frames: Vec<FrameRecord> = Vec::new();
    let mut failed = None;
    let mut at = 0;
    for recv in &mut run.recvs {
        recv.headers = spans(&headers, at, recv.len);
        at += recv.len;
        decoder.push(&recv.bytes);
        let before = frames.len();
        while failed.is_none() {
            match decoder.next_frame() {
                Ok(Some(payload)) => {
                    let index = frames.len() + 1;
                    frames.push(FrameRecord {
                        index,
                        len: payload.len(),
                        bytes: payload.to_vec(),
                        completed_by: recv.index,
                        whole: messages.get(index - 1).is_some_and(|m| m == payload),
                    });
                }
                Ok(None) => break,
                Err(error) => failed = Some(error),
            }
        }
        let done: Vec<String> = frames[before..]
            .iter()
            .map(|f| format!("#{}", f.index))
            .collect();
        let mut state = match &failed {
            Some(error) => kit::tr!(
                TEXT,
                "decoder-stopped",
                error = fixed::decoder_state::error(error)
            ),
            None => fixed::decoder_state::state(decoder.state()),
        };
        if !done.is_empty() {
            state = kit::tr!(
                TEXT,
                "decoder-complete",
                count = done.len(),
                frames = done.join(", "),
                state = state
            );
        }
        recv.annotation = Some(Annotation::Decoder(state));
    }
    run.frames = Some(frames);
    failed.or_else(|| decoder.finish().err())
}

/// Where a decoder reading `stream` finds its length headers: the first at
/// 0, each next one right after the payload the previous one announced.
/// A header that announces more than `max` is the last one read.
#[must_use]
pub fn headers_as_read(stream: &[u8], max: usize) -> Vec<Range<usize>> {
    let mut headers = Vec::new();
    let mut at = 0;
    while at < stream.len() {
        let end = (at + HEADER_LEN).min(stream.len());
        headers.push(at..end);
        let Some(header) = stream[at..].first_chunk::<HEADER_LEN>() else {
            break;
        };
        let len = u32::from_be_bytes(*header) as usize;
        if len > max {
            break;
        }
        at = end + len;
    }
    headers
}

#[cfg(test)]
mod tests {
    use super::*;
    use codec::frame::encode;

    #[test]
    fn headers_are_found_where_the_lengths_lead() {
        let stream = [encode(b"abc"), encode(b""), encode(b"xy")].concat();
        assert_eq!(headers_as_read(&stream, 100), [0..4, 7..11, 11..15]);
        assert_eq!(headers_as_read(&stream[..9], 100), [0..4, 7..9]);
        let first_only = headers_as_read(&stream, 2);
        assert_eq!(first_only.len(), 1, "3 > 2: no further");
        assert_eq!(first_only[0], 0..4);
    }
}
