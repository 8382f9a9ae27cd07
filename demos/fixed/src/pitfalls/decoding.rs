//! The right way to receive, used by every pitfall's correct run: push
//! whatever each `recv` returned into the [`Decoder`], take out the frames
//! that are whole, and at the end of the stream check nothing was left
//! half-read.

use super::reading::{Reader, spans};
use crate::decoder::{DecodeError, Decoder};
use crate::frame::{DEFAULT_MAX_FRAME_LEN, HEADER_LEN};
use kit::error::Result;
use kit::report::{Annotation, Exchange, FrameRecord};
use std::ops::Range;

/// The messages a decoder rebuilt, and why it stopped, if it failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// Whole frames' payloads, in order.
    pub frames: Vec<Vec<u8>>,
    /// The error that ended decoding: a frame too large, or one cut off by
    /// the end of the stream.
    pub error: Option<DecodeError>,
}

impl Decoded {
    /// Whether exactly `messages` came out, and nothing went wrong.
    #[must_use]
    pub fn is(&self, messages: &[Vec<u8>]) -> bool {
        self.error.is_none() && self.frames == messages
    }
}

/// Receives with `recv(size)` until the peer closes, feeding a decoder.
pub fn receive(reader: &mut Reader, size: usize) -> Result<Decoded> {
    let mut decoder = Decoder::new();
    let mut frames = Vec::new();
    loop {
        let chunk = reader.recv(size)?;
        if chunk.is_empty() {
            let error = decoder.finish().err();
            return Ok(Decoded { frames, error });
        }
        decoder.push(&chunk);
        loop {
            match decoder.next_frame() {
                Ok(Some(frame)) => frames.push(frame.to_vec()),
                Ok(None) => break,
                Err(error) => {
                    // Nothing after a broken header can be trusted; what
                    // is left is read and dropped so the connection ends
                    // cleanly.
                    reader.drain()?;
                    return Ok(Decoded {
                        frames,
                        error: Some(error),
                    });
                }
            }
        }
    }
}

/// Shows a decoder at work on `run`'s recvs: after each recv, where the
/// decoder stands and which frames it completed; the bytes it read as
/// length headers are marked, and every frame it rebuilt is checked
/// against `messages`. Returns what it decoded.
pub fn annotate(run: &mut Exchange, messages: &[Vec<u8>]) -> Decoded {
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
            Some(error) => format!("stopped: {error}"),
            None => decoder.state().to_string(),
        };
        if !done.is_empty() {
            let noun = if done.len() == 1 { "frame" } else { "frames" };
            state = format!("{noun} {} complete; {state}", done.join(", "));
        }
        recv.annotation = Some(Annotation::Decoder(state));
    }
    let error = failed.or_else(|| decoder.finish().err());
    let decoded = Decoded {
        frames: frames.iter().map(|f| f.bytes.clone()).collect(),
        error,
    };
    run.frames = Some(frames);
    decoded
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
    use crate::frame::encode;

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
