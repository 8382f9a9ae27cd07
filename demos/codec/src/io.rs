//! Blocking frame I/O over any `Read` or `Write`: the decoder and the
//! encoder wrapped around a socket (or a file, or a test buffer).
//!
//! Two messages out and back in, over a real loopback connection:
//!
//! ```
//! use codec::io::{FrameReader, FrameWriter};
//! use std::net::{TcpListener, TcpStream};
//!
//! let listener = TcpListener::bind("127.0.0.1:0")?;
//! let mut writer = FrameWriter::new(TcpStream::connect(listener.local_addr()?)?);
//! let (socket, _) = listener.accept()?;
//! let mut reader = FrameReader::new(socket);
//!
//! writer.send("下雨天留客天留人".as_bytes())?;   // one frame: 00 00 00 18 e4 b8 8b …
//! writer.send("不留".as_bytes())?;               // another:  00 00 00 06 e4 b8 8d …
//! drop(writer);                                  // FIN: the stream ends cleanly
//!
//! assert_eq!(reader.recv()?.unwrap(), "下雨天留客天留人".as_bytes());
//! assert_eq!(reader.recv()?.unwrap(), "不留".as_bytes());
//! assert_eq!(reader.recv()?, None);              // no half frame left behind
//! # Ok::<(), std::io::Error>(())
//! ```

use crate::decoder::{DecodeError, Decoder};
use crate::frame;
use std::io::{self, IoSlice, Read, Write};

/// Writes frames: header and payload handed to the kernel together.
///
/// Writing the 4-byte header and the payload with two separate `send`s is
/// exactly the pattern that meets Nagle's 40 ms stall (see the nagle demo),
/// so both go down in one vectored write.
#[derive(Debug)]
pub struct FrameWriter<W> {
    inner: W,
}

impl<W: Write> FrameWriter<W> {
    /// Wraps a writer.
    pub fn new(inner: W) -> FrameWriter<W> {
        FrameWriter { inner }
    }

    /// Sends one message as one frame, all of it (like Python's `sendall`).
    pub fn send(&mut self, payload: &[u8]) -> io::Result<()> {
        let header = frame::header(payload.len()).ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::InvalidInput,
                "a frame cannot carry 4 GiB or more",
            )
        })?;
        write_all_vectored(
            &mut self.inner,
            &mut [IoSlice::new(&header), IoSlice::new(payload)],
        )
    }

    /// The wrapped writer.
    pub fn get_ref(&self) -> &W {
        &self.inner
    }

    /// Unwraps the writer.
    pub fn into_inner(self) -> W {
        self.inner
    }
}

/// Writes every byte of `slices`, resuming after short writes (a write may
/// take only part of what it was given, as `send` may in Python).
fn write_all_vectored<W: Write>(writer: &mut W, mut slices: &mut [IoSlice<'_>]) -> io::Result<()> {
    IoSlice::advance_slices(&mut slices, 0);
    while !slices.is_empty() {
        match writer.write_vectored(slices) {
            Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
            Ok(n) => IoSlice::advance_slices(&mut slices, n),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// Reads frames: whatever each `recv` returns goes into a [`Decoder`].
#[derive(Debug)]
pub struct FrameReader<R> {
    inner: R,
    decoder: Decoder,
    chunk: Vec<u8>,
}

impl<R: Read> FrameReader<R> {
    /// Wraps a reader; frames up to the default maximum are accepted.
    pub fn new(inner: R) -> FrameReader<R> {
        FrameReader::with_decoder(inner, Decoder::new())
    }

    /// Wraps a reader with a decoder of your choosing (e.g. another limit).
    pub fn with_decoder(inner: R, decoder: Decoder) -> FrameReader<R> {
        FrameReader {
            inner,
            decoder,
            chunk: vec![0; 64 * 1024],
        }
    }

    /// The next message, `Ok(None)` at a clean end of stream, or an error:
    /// [`io::ErrorKind::InvalidData`] wrapping a [`DecodeError`] for a
    /// frame that is too large or cut off by the end of the stream.
    pub fn recv(&mut self) -> io::Result<Option<Vec<u8>>> {
        loop {
            match self.decoder.next_frame() {
                Ok(Some(frame)) => return Ok(Some(frame.to_vec())),
                Ok(None) => {}
                Err(e) => return Err(invalid(e)),
            }
            let n = match self.inner.read(&mut self.chunk) {
                Ok(n) => n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if n == 0 {
                return self.decoder.finish().map(|()| None).map_err(invalid);
            }
            self.decoder.push(&self.chunk[..n]);
        }
    }

    /// The decoder, to look at its state.
    pub fn decoder(&self) -> &Decoder {
        &self.decoder
    }

    /// The wrapped reader.
    pub fn get_ref(&self) -> &R {
        &self.inner
    }

    /// Unwraps the reader, with the bytes it had read ahead and not yet
    /// handed out: whatever follows the frames on the stream starts with
    /// those bytes.
    pub fn into_parts(self) -> (R, Vec<u8>) {
        (self.inner, self.decoder.into_buffered())
    }
}

/// The most [`read_frame`] asks of one `recv`: memory beyond the bytes
/// that really arrived is never more than this.
pub const EXACT_STEP: usize = 8 * 1024;

/// Reads exactly one frame, never a byte past its end: each `recv` asks
/// only for what the [`Decoder`] still [wants](Decoder::wants). `Ok(None)`
/// at a clean end of stream before the frame; an
/// [`io::ErrorKind::InvalidData`] error wrapping a [`DecodeError`] for a
/// frame that is too large (refused before its payload is awaited) or cut
/// off by the end of the stream.
///
/// Use it where raw bytes follow a frame on the same connection, as a
/// file's body follows its header: a reader that reads ahead would
/// swallow the first bytes of the file. Memory grows only with the bytes
/// that really arrive, never with the length a header announces.
pub fn read_frame<R: Read>(reader: &mut R, decoder: &mut Decoder) -> io::Result<Option<Vec<u8>>> {
    let mut chunk = [0u8; EXACT_STEP];
    loop {
        match decoder.next_frame() {
            Ok(Some(frame)) => return Ok(Some(frame.to_vec())),
            Ok(None) => {}
            Err(e) => return Err(invalid(e)),
        }
        let want = decoder.wants().clamp(1, chunk.len());
        let n = match reader.read(&mut chunk[..want]) {
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if n == 0 {
            return decoder.finish().map(|()| None).map_err(invalid);
        }
        decoder.push(&chunk[..n]);
    }
}

fn invalid(error: DecodeError) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, error)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    /// A writer that takes at most 3 bytes per call, like a full socket.
    struct Trickle(Vec<u8>);

    impl Write for Trickle {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            let n = buf.len().min(3);
            self.0.extend_from_slice(&buf[..n]);
            Ok(n)
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn short_writes_are_resumed_and_the_bytes_match_the_frame() {
        let mut writer = FrameWriter::new(Trickle(Vec::new()));
        writer.send("下雨天留客天留人".as_bytes()).unwrap();
        writer.send("不留".as_bytes()).unwrap();
        let expected = [
            frame::encode("下雨天留客天留人".as_bytes()),
            frame::encode("不留".as_bytes()),
        ]
        .concat();
        assert_eq!(writer.into_inner().0, expected);
    }

    /// `struct.pack("!I", 6) + "不留".encode()` as Python 3 prints it.
    #[test]
    fn a_written_frame_is_byte_for_byte_what_python_sends() {
        let mut writer = FrameWriter::new(Vec::new());
        writer.send("不留".as_bytes()).unwrap();
        assert_eq!(
            writer.into_inner(),
            b"\x00\x00\x00\x06\xe4\xb8\x8d\xe7\x95\x99"
        );
    }

    #[test]
    fn a_reader_returns_messages_then_a_clean_end() {
        let stream = [
            frame::encode(b"one"),
            frame::encode(b""),
            frame::encode(b"three"),
        ]
        .concat();
        let mut reader = FrameReader::new(Cursor::new(stream));
        assert_eq!(reader.recv().unwrap().unwrap(), b"one");
        assert_eq!(reader.recv().unwrap().unwrap(), b"");
        assert_eq!(reader.recv().unwrap().unwrap(), b"three");
        assert!(reader.recv().unwrap().is_none());
    }

    /// A reader that hands out at most `step` bytes per `read`, so a test
    /// can see how far an exact reader reads.
    struct Dribble {
        bytes: Vec<u8>,
        at: usize,
        step: usize,
    }

    impl Read for Dribble {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = buf.len().min(self.step).min(self.bytes.len() - self.at);
            buf[..n].copy_from_slice(&self.bytes[self.at..self.at + n]);
            self.at += n;
            Ok(n)
        }
    }

    #[test]
    fn an_exact_reader_stops_at_the_end_of_the_frame() {
        let mut stream = frame::encode("下雨天".as_bytes());
        stream.extend_from_slice(b"BODY");
        for step in [1, 3, 64] {
            let mut reader = Dribble {
                bytes: stream.clone(),
                at: 0,
                step,
            };
            let mut decoder = Decoder::new();
            let frame = read_frame(&mut reader, &mut decoder).unwrap();
            assert_eq!(frame.unwrap(), "下雨天".as_bytes());
            assert_eq!(&reader.bytes[reader.at..], b"BODY", "step {step}");
        }
    }

    #[test]
    fn a_buffered_reader_hands_back_what_it_read_ahead() {
        let mut stream = frame::encode(b"head");
        stream.extend_from_slice(b"raw tail");
        let mut reader = FrameReader::new(Cursor::new(stream));
        assert_eq!(reader.recv().unwrap().unwrap(), b"head");
        let (_, ahead) = reader.into_parts();
        assert_eq!(ahead, b"raw tail");
    }

    #[test]
    fn a_reader_reports_a_cut_frame_with_a_sentence() {
        let mut stream = frame::encode("下雨天留客天留人".as_bytes());
        stream.truncate(10);
        let error = FrameReader::new(Cursor::new(stream)).recv().unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::InvalidData);
        assert_eq!(
            error.to_string(),
            "the stream ended 6 bytes into a 24-byte message"
        );
    }
}
