//! Naming the mistake: what a failure looks like, from the bytes alone.
//!
//! lab-check cannot see the student's code, only what it printed (a
//! receiver) or sent (a sender). Each pitfall leaves a recognisable mark:
//!
//! | pitfall | the mark |
//! |---|---|
//! | counting what was asked | a message that comes out shorter than sent, or running on into the next one |
//! | half a header | nothing more after a message whose 4-byte header a cut fell inside (Python: `struct.error: unpack requires a buffer of 4 bytes`) |
//! | native byte order | exactly what a reader of little-endian headers prints; a sender's header bytes reversed |
//! | a short write | a frame that stops early and the next frame's header right after it |
//! | the empty message | output that stops at the message of 0 bytes; a sender whose stream lacks its header |
//! | the end of the stream | every message right, and then no clean exit at `b""` |
//! | hex text sent | frames holding the hex line (or the line with its `\n`), not its bytes |
//!
//! A diagnosis is a likeness, worded as one ("looks like"), never a proof.

use crate::TEXT;
use crate::messages::{Message, Stream};
use codec::frame::{self, HEADER_LEN};
use kit::tr;
use serde::Serialize;
use std::fmt;

/// A mistake the tutorial's code (or a first attempt) makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Pitfall {
    /// `have += 1024` whatever `recv` returned, or one `recv(n)` taken
    /// for `n` bytes.
    Counting,
    /// `head = recv(4)` taken for 4 bytes.
    HalfHeader,
    /// `struct.pack("i")` / `struct.unpack("i")`: the machine's byte order.
    NativeByteOrder,
    /// `send` instead of `sendall`: only part of the bytes left.
    ShortWrite,
    /// A message of 0 bytes taken for the end, or not sent at all.
    EmptyMessage,
    /// No clean end when the sender closes between two messages.
    EndOfStream,
    /// The hex line from stdin sent as text, not as the bytes it spells.
    HexText,
}

impl Pitfall {
    /// The stable name in `--json`.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Pitfall::Counting => "counting",
            Pitfall::HalfHeader => "half_header",
            Pitfall::NativeByteOrder => "native_byte_order",
            Pitfall::ShortWrite => "short_write",
            Pitfall::EmptyMessage => "empty_message",
            Pitfall::EndOfStream => "end_of_stream",
            Pitfall::HexText => "hex_text",
        }
    }

    /// The pitfall in a few words, as the report names it.
    #[must_use]
    pub fn title(self) -> String {
        match self {
            Pitfall::Counting => tr!(TEXT, "pitfall-counting"),
            Pitfall::HalfHeader => tr!(TEXT, "pitfall-half-header"),
            Pitfall::NativeByteOrder => tr!(TEXT, "pitfall-native-byte-order"),
            Pitfall::ShortWrite => tr!(TEXT, "pitfall-short-write"),
            Pitfall::EmptyMessage => tr!(TEXT, "pitfall-empty-message"),
            Pitfall::EndOfStream => tr!(TEXT, "pitfall-end-of-stream"),
            Pitfall::HexText => tr!(TEXT, "pitfall-hex-text"),
        }
    }

    /// The fix, in one sentence.
    #[must_use]
    pub fn fix(self) -> String {
        match self {
            Pitfall::Counting => tr!(TEXT, "fix-counting"),
            Pitfall::HalfHeader => tr!(TEXT, "fix-half-header"),
            Pitfall::NativeByteOrder => tr!(TEXT, "fix-native-byte-order"),
            Pitfall::ShortWrite => tr!(TEXT, "fix-short-write"),
            Pitfall::EmptyMessage => tr!(TEXT, "fix-empty-message"),
            Pitfall::EndOfStream => tr!(TEXT, "fix-end-of-stream"),
            Pitfall::HexText => tr!(TEXT, "fix-hex-text"),
        }
    }
}

impl fmt::Display for Pitfall {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.title())
    }
}

/// A pitfall, and what in this case makes the failure look like it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnosis {
    /// Which pitfall.
    pub code: Pitfall,
    /// The evidence, in a sentence or two.
    pub says: String,
}

impl Diagnosis {
    fn new(code: Pitfall, says: String) -> Option<Diagnosis> {
        Some(Diagnosis { code, says })
    }
}

/// The messages a reader of little-endian headers (`struct.unpack("i")`
/// on a PC) gets from `stream`, reading exactly: until a header announces
/// more than is left.
#[must_use]
pub fn little_endian_reading(stream: &[u8]) -> Vec<Vec<u8>> {
    let mut messages = Vec::new();
    let mut at = 0;
    while let Some(header) = stream.get(at..at + HEADER_LEN) {
        let len = u32::from_le_bytes(header.try_into().expect("4 bytes")) as usize;
        let Some(body) = stream.get(at + HEADER_LEN..at + HEADER_LEN + len) else {
            break;
        };
        messages.push(body.to_vec());
        at += HEADER_LEN + len;
    }
    messages
}

/// What a student's receiver printed, where it first differs from the
/// messages sent, and how it ended.
#[derive(Debug, Clone, Copy)]
pub struct ReceiverEvidence<'a> {
    /// The messages sent.
    pub messages: &'a [Message],
    /// Their frames.
    pub stream: &'a Stream,
    /// The lines it printed, as bytes (a line that was not hex is `None`).
    pub lines: &'a [Option<Vec<u8>>],
    /// The first message it got wrong (0-based), if any.
    pub first_wrong: Option<usize>,
    /// Where a cut fell inside the header of that message, if one did.
    pub header_cut: Option<usize>,
    /// It exited with code 0.
    pub clean_exit: bool,
    /// It was killed at the deadline.
    pub timed_out: bool,
    /// Its stderr.
    pub stderr: &'a str,
}

/// The pitfall a student receiver's failure looks like.
#[must_use]
pub fn receiver(e: &ReceiverEvidence<'_>) -> Option<Diagnosis> {
    let Some(i) = e.first_wrong else {
        if e.clean_exit {
            return None;
        }
        let how = if e.timed_out {
            tr!(TEXT, "says-end-still-running")
        } else {
            tr!(TEXT, "says-end-error")
        };
        return Diagnosis::new(
            Pitfall::EndOfStream,
            tr!(TEXT, "says-end-of-stream", how = how),
        );
    };
    let expected = e.messages.get(i).map(|m| m.bytes.as_slice());
    let got: Option<&[u8]> = e.lines.get(i).and_then(|l| l.as_deref());
    let printed_nothing = e.lines.len() <= i;

    let unpack_error = e.stderr.contains("unpack requires a buffer of 4 bytes");
    let stopped = printed_nothing || got.is_none();
    // Native byte order, for sure: a line that is exactly what a reader of
    // little-endian headers prints, where the right message is something
    // else.
    let native = native_byte_order(e, i);
    if let Some((diagnosis, true)) = &native {
        return Some(diagnosis.clone());
    }
    if let Some(expected) = expected {
        if expected.is_empty() && printed_nothing && e.clean_exit {
            return Diagnosis::new(
                Pitfall::EmptyMessage,
                tr!(TEXT, "says-empty-stopped", number = (i + 1).to_string()),
            );
        }
    }
    let half_header = |cut: Option<usize>, python: bool| {
        let cut = cut
            .map(|k| {
                tr!(
                    TEXT,
                    "says-cut-in-header",
                    at = k,
                    number = (i + 1).to_string()
                )
            })
            .unwrap_or_else(|| tr!(TEXT, "says-no-further", number = (i + 1).to_string()));
        let python = if python {
            tr!(TEXT, "says-python-unpack")
        } else {
            tr!(TEXT, "says-printed-nothing")
        };
        Diagnosis::new(
            Pitfall::HalfHeader,
            tr!(TEXT, "says-half-header", cut = cut, python = python),
        )
    };
    if stopped && unpack_error {
        return half_header(e.header_cut, true);
    }
    if let (Some(expected), Some(got)) = (expected, got) {
        if got.len() < expected.len() && expected.starts_with(got) {
            return Diagnosis::new(
                Pitfall::Counting,
                tr!(
                    TEXT,
                    "says-stopped-early",
                    number = (i + 1).to_string(),
                    size = expected.len().to_string(),
                    got = got.len().to_string()
                ),
            );
        }
        let start = e.stream.offset_of(i, 0);
        let following = &e.stream.bytes[start..];
        // All that was left, when a little-endian reader waits for more than
        // that, is the other pitfall (below).
        let all_left = native.is_some() && got.len() == following.len();
        if got.len() > expected.len() && following.starts_with(got) && !all_left {
            return Diagnosis::new(
                Pitfall::Counting,
                tr!(
                    TEXT,
                    "says-went-on",
                    number = (i + 1).to_string(),
                    size = expected.len().to_string(),
                    more = (got.len() - expected.len()).to_string()
                ),
            );
        }
    }
    // Native byte order, likely: the little-endian reader stops here too,
    // waiting for more than the stream holds.
    if let Some((diagnosis, false)) = native {
        return Some(diagnosis);
    }
    if stopped && e.header_cut.is_some() {
        return half_header(e.header_cut, false);
    }
    None
}

/// Whether the output at message `i` is what a reader of little-endian
/// headers prints: the diagnosis, and whether the likeness is exact (a
/// line of the very bytes such a reader takes) rather than only likely
/// (it stops here too).
fn native_byte_order(e: &ReceiverEvidence<'_>, i: usize) -> Option<(Diagnosis, bool)> {
    let expected = e.messages.get(i)?.bytes.as_slice();
    let start = *e.stream.starts.get(i)?;
    let got: Option<&[u8]> = e.lines.get(i).and_then(|l| l.as_deref());
    let little = little_endian_reading(&e.stream.bytes);
    if little.get(i).map(Vec::as_slice) == Some(expected) {
        return None;
    }
    let header = &e.stream.bytes[start..start + HEADER_LEN];
    let as_little = u32::from_le_bytes(header.try_into().expect("4 bytes"));
    let rest = &e.stream.bytes[start + HEADER_LEN..];
    let exact = match (little.get(i), got) {
        (Some(theirs), Some(ours)) if theirs == ours => true,
        // Waiting for more than there is, it stops — perhaps printing all
        // that was left when the stream ended.
        (None, None) if e.lines.len() <= i => false,
        (None, Some(ours)) if ours == rest && ours.len() < as_little as usize => false,
        _ => return None,
    };
    let seen = if exact {
        tr!(
            TEXT,
            "says-little-exact",
            number = (i + 1).to_string(),
            little = as_little.to_string()
        )
    } else {
        tr!(TEXT, "says-little-stops", left = rest.len().to_string())
    };
    let says = tr!(
        TEXT,
        "says-native",
        number = (i + 1).to_string(),
        header = kit::hex::spaced(header),
        size = expected.len().to_string(),
        little = as_little.to_string(),
        seen = seen
    );
    Some((
        Diagnosis {
            code: Pitfall::NativeByteOrder,
            says,
        },
        exact,
    ))
}

/// What a student's sender sent, and how it ended.
#[derive(Debug, Clone, Copy)]
pub struct SenderEvidence<'a> {
    /// The messages it was given.
    pub messages: &'a [Message],
    /// Their frames: what it should have sent.
    pub stream: &'a Stream,
    /// What arrived.
    pub received: &'a [u8],
    /// The first stream offset where the two differ.
    pub divergence: usize,
    /// The frames that decode from what arrived, in order.
    pub frames: &'a [Vec<u8>],
    /// It exited with code 0.
    pub clean_exit: bool,
}

/// The pitfall a student sender's failure looks like.
#[must_use]
pub fn sender(e: &SenderEvidence<'_>) -> Option<Diagnosis> {
    let d = e.divergence;
    let starts = &e.stream.starts;
    let i = starts.iter().rposition(|&s| s <= d)?;
    let start = starts[i];
    let header = &e.stream.bytes[start..start + HEADER_LEN];
    let sent_header = e.received.get(start..start + HEADER_LEN);
    let mut reversed = header.to_vec();
    reversed.reverse();
    if d < start + HEADER_LEN && reversed != header && sent_header == Some(&reversed[..]) {
        return Diagnosis::new(
            Pitfall::NativeByteOrder,
            tr!(
                TEXT,
                "says-reversed",
                number = (i + 1).to_string(),
                size = e.messages[i].bytes.len().to_string(),
                header = kit::hex::spaced(header),
                sent = kit::hex::spaced(&reversed)
            ),
        );
    }
    if e.messages[i].bytes.is_empty() && d == start {
        if let Some(&next) = starts.get(i + 1) {
            if e.received[d..].starts_with(&e.stream.bytes[next..(next + HEADER_LEN)]) {
                return Diagnosis::new(
                    Pitfall::EmptyMessage,
                    tr!(TEXT, "says-empty-skipped", number = (i + 1).to_string()),
                );
            }
        }
    }
    if let Some(frame) = e.frames.get(i) {
        let bytes = &e.messages[i].bytes;
        let hex = kit::hex::lowercase(bytes);
        let with_newline = [bytes.as_slice(), b"\n"].concat();
        let hex_newline = format!("{hex}\n");
        if frame.as_slice() == hex.as_bytes() && !bytes.is_empty()
            || *frame == with_newline
            || frame.as_slice() == hex_newline.as_bytes()
        {
            return Diagnosis::new(
                Pitfall::HexText,
                tr!(
                    TEXT,
                    "says-hex-text",
                    number = (i + 1).to_string(),
                    frame = frame.len().to_string(),
                    text = format!(
                        "{:?}",
                        String::from_utf8_lossy(&frame[..frame.len().min(24)])
                    ),
                    size = bytes.len().to_string()
                ),
            );
        }
    }
    // A gap: the frame stops early and a later frame's header follows.
    let probe = HEADER_LEN.min(e.received.len().saturating_sub(d));
    if d > start && probe > 0 {
        let resumed = starts[i + 1..].iter().find(|&&s| {
            e.stream.bytes.get(s..s + probe) == e.received.get(d..d + probe)
                && e.received.get(d..d + HEADER_LEN).is_some()
        });
        if let Some(&at) = resumed {
            return Diagnosis::new(
                Pitfall::ShortWrite,
                tr!(
                    TEXT,
                    "says-gap",
                    number = (i + 1).to_string(),
                    sent = (d - start).to_string(),
                    size = (at - start).to_string(),
                    from = d.to_string(),
                    to = at.to_string()
                ),
            );
        }
    }
    if d == e.received.len() && d > start && e.clean_exit {
        return Diagnosis::new(
            Pitfall::ShortWrite,
            tr!(
                TEXT,
                "says-ends-early",
                sent = (d - start).to_string(),
                size = frame::encode(&e.messages[i].bytes).len().to_string(),
                number = (i + 1).to_string()
            ),
        );
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages;

    #[test]
    fn a_little_endian_reader_takes_4096_bytes_of_the_big_message() {
        let stream = Stream::of(&messages::all());
        let read = little_endian_reading(&stream.bytes);
        assert_eq!(read[0], b"");
        assert_eq!(read[1], messages::big().bytes[..4096]);
    }

    #[test]
    fn a_reversed_header_is_native_byte_order() {
        let msgs = messages::small();
        let stream = Stream::of(&msgs);
        let mut received = stream.bytes.clone();
        received[4..8].reverse();
        let found = sender(&SenderEvidence {
            messages: &msgs,
            stream: &stream,
            received: &received,
            divergence: 4,
            frames: &[],
            clean_exit: true,
        });
        assert_eq!(found.unwrap().code, Pitfall::NativeByteOrder);
    }

    #[test]
    fn a_gap_before_the_next_header_is_a_short_write() {
        let msgs = messages::small();
        let stream = Stream::of(&msgs);
        // Message #3's frame (at 32, 47 bytes) loses its last 20 bytes.
        let received = [&stream.bytes[..59], &stream.bytes[79..]].concat();
        let found = sender(&SenderEvidence {
            messages: &msgs,
            stream: &stream,
            received: &received,
            divergence: 59,
            frames: &[],
            clean_exit: true,
        });
        assert_eq!(found.unwrap().code, Pitfall::ShortWrite);
    }
}
