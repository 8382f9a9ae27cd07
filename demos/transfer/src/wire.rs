//! Frames and the body header on a socket.
//!
//! A control message is one frame of the `codec` crate. The body that
//! follows an offer is *not* read through a buffering frame reader: a reader
//! that pulls 64 KiB from the socket to find one small frame would swallow
//! the first bytes of the file with it. So a frame is read exactly, with
//! [`codec::io::read_frame`]: each `recv` asks only for what the decoder
//! still wants. The decoder refuses an oversized length before a single
//! byte of it is awaited, and its buffer grows with the bytes that really
//! arrived, never with the length a peer merely claimed.

use codec::decoder::Decoder;
use codec::io::FrameWriter;
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::io::{self, Read, Write};
use std::time::Duration;

use crate::TEXT;
use crate::error::{Error, Result};
use crate::message::Refusal;
use kit::tr;

/// The largest catalogue a client accepts: 8 MiB, which holds about
/// 100 000 file names.
pub const MAX_CATALOGUE_LEN: usize = codec::frame::DEFAULT_MAX_FRAME_LEN;

/// The largest of every other control message, either way: 64 KiB. A
/// request, an offer, a checksum or an error is a line of JSON; a larger
/// frame is a broken or hostile peer, refused before it is read.
pub const MAX_MESSAGE_LEN: usize = 64 * 1024;

/// Bytes in the body's length header (a u64: files may exceed 4 GiB).
pub const BODY_HEADER_LEN: usize = 8;

/// Sends `message` as one frame of JSON.
///
/// The protocol's messages are strings and numbers, which always encode;
/// should one ever fail to, the error says so as `InvalidData` — a bad
/// message, not a failed socket.
pub fn send<W: Write, T: Serialize>(writer: &mut W, message: &T) -> io::Result<()> {
    let json =
        serde_json::to_vec(message).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
    FrameWriter::new(writer).send(&json)
}

/// Reads exactly one frame with payloads up to `max` bytes: `Ok(None)` if
/// the stream ended cleanly before it, an [`io::ErrorKind::InvalidData`]
/// error for a frame that is too large or cut off.
///
/// The header is only a claim: a peer that announces 64 KiB (or 8 MiB)
/// and sends one byte has cost one byte of memory, not the whole announced
/// length — sixty-four such peers cannot fill the server's RAM.
pub fn recv_frame<R: Read>(reader: &mut R, max: usize) -> io::Result<Option<Vec<u8>>> {
    codec::io::read_frame(reader, &mut Decoder::with_max_frame_len(max))
}

/// Reads into `buf` until it is full or the stream ends; returns how many
/// bytes arrived. A `recv` may return any part of what was sent.
pub fn read_full<R: Read>(reader: &mut R, buf: &mut [u8]) -> io::Result<usize> {
    let mut have = 0;
    while have < buf.len() {
        match reader.read(&mut buf[have..]) {
            Ok(0) => break,
            Ok(n) => have += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(have)
}

/// Reads one frame of at most `max` bytes and parses it as `T`; an
/// `{"error": …}` frame becomes [`Error::Refused`], the end of the stream
/// [`kit::Error::PeerClosed`], a read that waited `patience` (the socket's
/// read timeout) [`kit::Error::PeerSilent`]. `waiting` names the message
/// in errors, e.g. "the catalogue".
pub fn expect<R: Read, T: DeserializeOwned>(
    reader: &mut R,
    waiting: &str,
    max: usize,
    patience: Duration,
) -> Result<T> {
    let doing = tr!(TEXT, "doing-waiting", what = waiting);
    let payload = match recv_frame(reader, max) {
        Ok(Some(payload)) => payload,
        Ok(None) => return Err(kit::Error::PeerClosed { during: doing }.into()),
        Err(e) if e.kind() == io::ErrorKind::InvalidData => {
            return Err(Error::Protocol(tr!(
                TEXT,
                "wire-bad-frame",
                error = e.to_string(),
                doing = &doing
            )));
        }
        Err(e) => return Err(Error::network(doing, patience)(e)),
    };
    if let Ok(refusal) = serde_json::from_slice::<Refusal>(&payload) {
        return Err(Error::Refused(refusal.error));
    }
    serde_json::from_slice(&payload).map_err(|e| {
        Error::Protocol(tr!(
            TEXT,
            "wire-not-json",
            what = waiting,
            error = e.to_string()
        ))
    })
}

/// The 8-byte length header before a body.
#[must_use]
pub fn body_header(len: u64) -> [u8; BODY_HEADER_LEN] {
    len.to_be_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    #[test]
    fn a_frame_is_read_exactly_leaving_the_body_in_the_stream() {
        let mut stream = Vec::new();
        send(&mut stream, &serde_json::json!({"len": 3})).unwrap();
        stream.extend_from_slice(&body_header(3));
        stream.extend_from_slice(b"abc");
        let mut reader = Cursor::new(stream);
        let frame = recv_frame(&mut reader, MAX_MESSAGE_LEN).unwrap().unwrap();
        assert_eq!(frame, br#"{"len":3}"#);
        let mut rest = Vec::new();
        reader.read_to_end(&mut rest).unwrap();
        assert_eq!(rest, [&body_header(3)[..], b"abc"].concat());
    }

    #[test]
    fn an_oversized_frame_is_refused_before_its_payload() {
        let mut reader = Cursor::new(vec![0xff, 0xff, 0xff, 0xff]);
        let error = recv_frame(&mut reader, MAX_CATALOGUE_LEN).unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::InvalidData);
        assert!(
            error.to_string().contains("more than the 8388608 bytes"),
            "{error}"
        );
    }

    /// A reader that hands out `have` bytes of a frame announcing `len`,
    /// then blocks for ever (here: fails), recording how much buffer the
    /// caller offered it.
    struct Dribble {
        sent: Vec<u8>,
        at: usize,
        largest_ask: usize,
    }

    impl Read for Dribble {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            self.largest_ask = self.largest_ask.max(buf.len());
            if self.at == self.sent.len() {
                return Err(io::ErrorKind::WouldBlock.into());
            }
            let n = buf.len().min(self.sent.len() - self.at).min(1);
            buf[..n].copy_from_slice(&self.sent[self.at..self.at + n]);
            self.at += n;
            Ok(n)
        }
    }

    #[test]
    fn an_announced_length_is_not_allocated_before_its_bytes_arrive() {
        let len = MAX_CATALOGUE_LEN as u32;
        let mut sent = len.to_be_bytes().to_vec();
        sent.extend_from_slice(b"{\"files\"");
        let mut dribble = Dribble {
            sent,
            at: 0,
            largest_ask: 0,
        };
        let error = recv_frame(&mut dribble, MAX_CATALOGUE_LEN).unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::WouldBlock);
        assert!(
            dribble.largest_ask <= codec::io::EXACT_STEP,
            "asked to fill {} bytes for 9 that arrived",
            dribble.largest_ask
        );
    }

    #[test]
    fn a_request_larger_than_64_kib_is_refused_from_its_header() {
        let mut reader = Cursor::new((MAX_MESSAGE_LEN as u32 + 1).to_be_bytes().to_vec());
        let error = recv_frame(&mut reader, MAX_MESSAGE_LEN).unwrap_err();
        assert!(error.to_string().contains("65537-byte message"), "{error}");
    }

    #[test]
    fn a_cut_frame_and_a_clean_end_are_told_apart() {
        assert!(recv_frame(&mut Cursor::new(vec![]), 10).unwrap().is_none());
        let error = recv_frame(&mut Cursor::new(vec![0, 0, 0, 5, b'a']), 10).unwrap_err();
        assert_eq!(
            error.to_string(),
            "the stream ended 1 bytes into a 5-byte message"
        );
        let error = recv_frame(&mut Cursor::new(vec![0, 0]), 10).unwrap_err();
        assert!(
            error.to_string().contains("4-byte length header"),
            "{error}"
        );
    }

    #[test]
    fn an_error_frame_becomes_a_refusal() {
        let mut stream = Vec::new();
        send(
            &mut stream,
            &Refusal {
                error: "no such file".into(),
            },
        )
        .unwrap();
        let outcome: Result<crate::message::Done> = expect(
            &mut Cursor::new(stream),
            "x",
            MAX_MESSAGE_LEN,
            Duration::from_secs(1),
        );
        assert!(matches!(outcome, Err(Error::Refused(m)) if m == "no such file"));
    }
}
