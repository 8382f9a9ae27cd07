//! The decoder: a sans-IO state machine that turns bytes, cut anywhere,
//! back into whole frames.
//!
//! It performs no I/O. The caller [`push`](Decoder::push)es whatever a
//! `recv` returned — one byte, half a header, three frames and a bit — and
//! pulls frames with [`next_frame`](Decoder::next_frame) until it says
//! "not yet". Because it only ever sees bytes, a test can feed it every
//! possible chunking, and a demo can print its [`State`] after each recv:
//!
//! ```text
//!   bytes in:   00 00 | 00 18 e4 b8 8b … | … e4 ba ba 00 00 00 06 e4 b8 8d …
//!   state:   Header{have: 2} → Body{len: 24, have: 10} → frame! → Body{len: 6, …}
//! ```
//!
//! It never reserves memory for a length it has only been told about: the
//! buffer grows with the bytes actually pushed, and the length is checked
//! against `max_frame_len` as soon as the header is complete — so a bogus
//! header announcing 4 GiB costs nothing but an error.
//!
//! ```
//! use codec::decoder::Decoder;
//! use codec::frame;
//!
//! let mut stream = frame::encode("下雨天留客天留人".as_bytes());
//! stream.extend(frame::encode("不留".as_bytes()));
//!
//! let mut decoder = Decoder::new();
//! let mut messages = Vec::new();
//! for chunk in stream.chunks(5) {                 // any chunking at all
//!     decoder.push(chunk);
//!     while let Some(message) = decoder.next_frame().unwrap() {
//!         messages.push(String::from_utf8(message.to_vec()).unwrap());
//!     }
//! }
//! decoder.finish().unwrap();                      // nothing left half-read
//! assert_eq!(messages, ["下雨天留客天留人", "不留"]);
//! ```

use crate::frame::{DEFAULT_MAX_FRAME_LEN, HEADER_LEN};
use std::fmt;

/// Where the decoder is inside the next frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    /// Reading the 4-byte header; `have` of its bytes are here.
    Header {
        /// Header bytes received so far (0 to 3).
        have: usize,
    },
    /// Reading a payload of `len` bytes; `have` of them are here.
    Body {
        /// The payload length the header announced.
        len: usize,
        /// Payload bytes received so far.
        have: usize,
    },
}

impl fmt::Display for State {
    /// The state as a sentence for the demo's screen.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            State::Header { have: 0 } => f.write_str("between frames: waiting for a 4-byte header"),
            State::Header { have } => write!(
                f,
                "holding {have} of the 4 header bytes; waiting for {} more",
                HEADER_LEN - have
            ),
            State::Body { len, have } => write!(
                f,
                "holding {have} {} of a {len}-byte message; waiting for {} more",
                if have == 1 { "byte" } else { "bytes" },
                len - have
            ),
        }
    }
}

/// Which part of a frame the stream ended in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// Inside the 4-byte length header.
    Header,
    /// Inside a payload whose header announced `len` bytes.
    Body {
        /// The payload length the header announced.
        len: usize,
    },
}

/// Why decoding failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// A header announced more than the receiver accepts.
    TooLarge {
        /// The announced payload length.
        len: usize,
        /// The receiver's limit.
        max: usize,
    },
    /// The stream ended inside a frame, `got` bytes into `part`.
    Truncated {
        /// Bytes of that part of the frame that arrived.
        got: usize,
        /// The part the stream ended in.
        part: Part,
    },
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            DecodeError::TooLarge { len, max } => write!(
                f,
                "a header announced a {len}-byte message, more than the {max} bytes this side \
                 accepts (a corrupt stream, or a sender that frames differently)"
            ),
            DecodeError::Truncated {
                got,
                part: Part::Body { len },
            } => write!(f, "the stream ended {got} bytes into a {len}-byte message"),
            DecodeError::Truncated {
                got,
                part: Part::Header,
            } => write!(
                f,
                "the stream ended {got} bytes into a {HEADER_LEN}-byte length header"
            ),
        }
    }
}

impl std::error::Error for DecodeError {}

/// Turns pushed bytes into frames. See the [module docs](self).
#[derive(Debug, Clone)]
pub struct Decoder {
    /// Pushed bytes not yet handed out; `start` marks where they begin.
    buffer: Vec<u8>,
    start: usize,
    /// Where the next frame stands. The header is parsed once, when its
    /// fourth byte arrives, and the length kept here.
    state: State,
    max_frame_len: usize,
    failed: Option<DecodeError>,
}

impl Default for Decoder {
    fn default() -> Decoder {
        Decoder::new()
    }
}

impl Decoder {
    /// A decoder accepting payloads up to [`DEFAULT_MAX_FRAME_LEN`].
    #[must_use]
    pub fn new() -> Decoder {
        Decoder::with_max_frame_len(DEFAULT_MAX_FRAME_LEN)
    }

    /// A decoder accepting payloads up to `max` bytes.
    #[must_use]
    pub fn with_max_frame_len(max: usize) -> Decoder {
        Decoder {
            buffer: Vec::new(),
            start: 0,
            state: State::Header { have: 0 },
            max_frame_len: max,
            failed: None,
        }
    }

    /// The largest payload accepted.
    #[must_use]
    pub fn max_frame_len(&self) -> usize {
        self.max_frame_len
    }

    /// Hands the decoder the next bytes of the stream, as `recv` returned
    /// them.
    pub fn push(&mut self, bytes: &[u8]) {
        // Frames already handed out are dropped before growing the buffer,
        // so it holds at most one partial frame plus the new bytes.
        if self.start > 0 {
            self.buffer.drain(..self.start);
            self.start = 0;
        }
        self.buffer.extend_from_slice(bytes);
        self.advance();
    }

    /// The next whole frame's payload, `Ok(None)` if it has not all arrived
    /// yet, or the error that ended decoding (repeated on every later call).
    pub fn next_frame(&mut self) -> Result<Option<&[u8]>, DecodeError> {
        if let Some(error) = &self.failed {
            return Err(error.clone());
        }
        let State::Body { len, have } = self.state else {
            return Ok(None);
        };
        if have < len {
            return Ok(None);
        }
        let body = self.start + HEADER_LEN;
        self.start = body + len;
        self.state = State::Header { have: 0 };
        // The next frame's header may be here already.
        self.advance();
        Ok(Some(&self.buffer[body..body + len]))
    }

    /// Brings the state up to date with the bytes pending: the header's
    /// progress, its length once all four bytes are here (checked against
    /// the limit at once), and the payload's progress.
    fn advance(&mut self) {
        let pending = self.buffer.len() - self.start;
        self.state = match self.state {
            State::Header { .. } if pending < HEADER_LEN => State::Header { have: pending },
            State::Header { .. } => {
                let header = &self.buffer[self.start..self.start + HEADER_LEN];
                let mut be = [0u8; HEADER_LEN];
                be.copy_from_slice(header);
                let len = u32::from_be_bytes(be) as usize;
                if len > self.max_frame_len && self.failed.is_none() {
                    self.failed = Some(DecodeError::TooLarge {
                        len,
                        max: self.max_frame_len,
                    });
                }
                State::Body {
                    len,
                    have: (pending - HEADER_LEN).min(len),
                }
            }
            State::Body { len, .. } => State::Body {
                len,
                have: (pending - HEADER_LEN).min(len),
            },
        };
    }

    /// Where the decoder is inside the next frame.
    #[must_use]
    pub fn state(&self) -> State {
        self.state
    }

    /// How many more bytes the decoder needs before it can hand out a
    /// frame or learn the next length: the rest of the header, or the rest
    /// of the payload. 0 when a frame is ready, or decoding failed.
    ///
    /// A reader that asks `recv` for exactly this many never reads past
    /// the end of a frame — what a protocol needs when raw bytes (a file's
    /// body, say) follow a frame on the same connection.
    #[must_use]
    pub fn wants(&self) -> usize {
        if self.failed.is_some() {
            return 0;
        }
        match self.state {
            State::Header { have } => HEADER_LEN - have,
            State::Body { len, have } => len - have,
        }
    }

    /// Bytes pushed but not yet handed out as frames.
    #[must_use]
    pub fn buffered(&self) -> usize {
        self.buffer.len() - self.start
    }

    /// The bytes pushed but not yet handed out as frames, giving the
    /// decoder up: for a reader that switches from frames to something
    /// else on the same stream.
    #[must_use]
    pub fn into_buffered(mut self) -> Vec<u8> {
        self.buffer.drain(..self.start);
        self.buffer
    }

    /// Checks, at the end of the stream, that no frame was left half-read.
    /// Call it after `next_frame` has returned every whole frame.
    pub fn finish(&self) -> Result<(), DecodeError> {
        if let Some(error) = &self.failed {
            return Err(error.clone());
        }
        match self.state {
            State::Header { have: 0 } => Ok(()),
            State::Header { have } => Err(DecodeError::Truncated {
                got: have,
                part: Part::Header,
            }),
            State::Body { len, have } if have < len => Err(DecodeError::Truncated {
                got: have,
                part: Part::Body { len },
            }),
            // A whole frame is still waiting for `next_frame`.
            State::Body { .. } => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::frame::encode;
    use proptest::prelude::*;

    fn decode_all(decoder: &mut Decoder) -> Vec<Vec<u8>> {
        let mut frames = Vec::new();
        while let Some(frame) = decoder.next_frame().unwrap() {
            frames.push(frame.to_vec());
        }
        frames
    }

    #[test]
    fn the_state_follows_every_byte() {
        let stream = encode(b"hello");
        let mut decoder = Decoder::new();
        assert_eq!(decoder.state(), State::Header { have: 0 });
        decoder.push(&stream[..2]);
        assert_eq!(decoder.state(), State::Header { have: 2 });
        assert_eq!(decoder.next_frame(), Ok(None));
        decoder.push(&stream[2..6]);
        assert_eq!(decoder.state(), State::Body { len: 5, have: 2 });
        assert_eq!(
            decoder.state().to_string(),
            "holding 2 bytes of a 5-byte message; waiting for 3 more"
        );
        decoder.push(&stream[6..]);
        assert_eq!(decoder.next_frame(), Ok(Some(&b"hello"[..])));
        assert_eq!(decoder.state(), State::Header { have: 0 });
        assert_eq!(decoder.finish(), Ok(()));
    }

    #[test]
    fn an_oversized_header_is_refused_before_its_body_is_awaited() {
        let mut decoder = Decoder::with_max_frame_len(1024);
        decoder.push(&[0xff, 0xff, 0xff, 0xff]);
        let error = DecodeError::TooLarge {
            len: 0xffff_ffff,
            max: 1024,
        };
        assert_eq!(decoder.next_frame(), Err(error.clone()));
        assert_eq!(decoder.next_frame(), Err(error.clone()), "the error stays");
        assert_eq!(decoder.finish(), Err(error));
        // Nothing was reserved for the announced 4 GiB.
        assert!(decoder.buffer.capacity() < 1024);
    }

    #[test]
    fn a_header_cut_at_one_two_and_three_bytes_is_truncated() {
        for got in 1..HEADER_LEN {
            let mut decoder = Decoder::new();
            decoder.push(&encode(b"abc")[..got]);
            assert_eq!(decode_all(&mut decoder), Vec::<Vec<u8>>::new());
            let error = decoder.finish().unwrap_err();
            assert_eq!(
                error,
                DecodeError::Truncated {
                    got,
                    part: Part::Header
                }
            );
            assert_eq!(
                error.to_string(),
                format!("the stream ended {got} bytes into a 4-byte length header")
            );
        }
    }

    #[test]
    fn a_body_cut_short_is_truncated_with_its_counts() {
        let mut decoder = Decoder::new();
        let mut stream = encode(b"whole");
        stream.extend(&encode("下雨天留客天留人".as_bytes())[..10]);
        decoder.push(&stream);
        assert_eq!(decode_all(&mut decoder), [b"whole".to_vec()]);
        let error = decoder.finish().unwrap_err();
        assert_eq!(
            error,
            DecodeError::Truncated {
                got: 6,
                part: Part::Body { len: 24 }
            }
        );
        assert_eq!(
            error.to_string(),
            "the stream ended 6 bytes into a 24-byte message"
        );
    }

    #[test]
    fn wants_asks_for_exactly_the_rest_of_the_header_or_the_payload() {
        let stream = encode(b"hello");
        let mut decoder = Decoder::new();
        assert_eq!(decoder.wants(), 4);
        decoder.push(&stream[..3]);
        assert_eq!(decoder.wants(), 1);
        decoder.push(&stream[3..6]);
        assert_eq!(decoder.wants(), 3, "5-byte payload, 2 here");
        decoder.push(&stream[6..]);
        assert_eq!(decoder.wants(), 0, "a frame is ready");
        assert_eq!(decoder.next_frame(), Ok(Some(&b"hello"[..])));
        assert_eq!(decoder.wants(), 4);
    }

    #[test]
    fn the_bytes_after_the_last_frame_can_be_taken_back() {
        let mut decoder = Decoder::new();
        let mut stream = encode(b"one");
        stream.extend_from_slice(b"raw body");
        decoder.push(&stream);
        assert_eq!(decoder.next_frame(), Ok(Some(&b"one"[..])));
        assert_eq!(decoder.into_buffered(), b"raw body");
    }

    #[test]
    fn empty_messages_are_frames_too() {
        let mut decoder = Decoder::new();
        decoder.push(&[encode(b""), encode(b"x"), encode(b"")].concat());
        assert_eq!(decode_all(&mut decoder), [vec![], b"x".to_vec(), vec![]]);
    }

    /// Messages, including empty ones and a 1 MiB one, in a random chunking
    /// that is often one byte at a time.
    fn messages_and_cuts() -> impl Strategy<Value = (Vec<Vec<u8>>, Vec<usize>)> {
        let message = prop_oneof![
            4 => prop::collection::vec(any::<u8>(), 0..64),
            1 => Just(Vec::new()),
            1 => (0..=u8::MAX).prop_map(|b| vec![b; 1 << 20]),
        ];
        prop::collection::vec(message, 0..8).prop_flat_map(|messages| {
            let total: usize = messages.iter().map(|m| m.len() + HEADER_LEN).sum();
            let chunk = prop_oneof![3 => Just(1usize), 2 => 1..16usize, 1 => 1..=total.max(1)];
            (Just(messages), prop::collection::vec(chunk, 1..64))
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn any_chunking_decodes_to_exactly_the_messages_sent((messages, sizes) in messages_and_cuts()) {
            let stream: Vec<u8> = messages.iter().flat_map(|m| encode(m)).collect();
            let mut decoder = Decoder::new();
            let mut frames = Vec::new();
            let mut at = 0;
            // Cycle through the chunk sizes until the stream is used up.
            for size in sizes.iter().cycle() {
                if at == stream.len() {
                    break;
                }
                let end = (at + size).min(stream.len());
                decoder.push(&stream[at..end]);
                at = end;
                frames.extend(decode_all(&mut decoder));
            }
            prop_assert_eq!(decoder.finish(), Ok(()));
            prop_assert_eq!(frames, messages);
        }
    }
}
