//! The messages lab-check sends (or asks a student's sender to send): each
//! one chosen because it breaks a naive receiver or sender.

use codec::frame;

/// One message, and the mistake it catches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// A short name for reports: `empty`, `1 MiB`, …
    pub name: &'static str,
    /// The bytes.
    pub bytes: Vec<u8>,
    /// Why it is in the set, in one sentence.
    pub why: &'static str,
}

/// The sentence of the tutorial.
pub const SENTENCE: &str = "下雨天留客天留人";
/// A sentence with a line break inside.
pub const WITH_NEWLINE: &str = "下雨天，留客天；\n留人不？留！";
/// The size of the large message: its header is `00 10 00 00`.
pub const BIG: usize = 1024 * 1024;
/// A length whose header bytes are `00 00 0d 0a`: `"\0\0\r\n"`.
pub const TEXTY: usize = 0x0d0a;

/// The empty message.
#[must_use]
pub fn empty() -> Message {
    Message {
        name: "empty",
        bytes: Vec::new(),
        why: "0 bytes: the header 00 00 00 00 and no body; `if not data: break` takes it for \
              the end of the stream",
    }
}

/// The tutorial's sentence, 24 bytes.
#[must_use]
pub fn sentence() -> Message {
    Message {
        name: "sentence",
        bytes: SENTENCE.as_bytes().to_vec(),
        why: "the tutorial's 24 bytes: small enough to arrive glued to its neighbours",
    }
}

/// 1 MiB of the tutorial's 重要信息, cut off wherever 1 MiB ends.
#[must_use]
pub fn big() -> Message {
    Message {
        name: "1 MiB",
        bytes: "重要信息".bytes().cycle().take(BIG).collect(),
        why: "1 MiB: many recvs for one message; its header 00 10 00 00, read in little-endian \
              order, says 4096",
    }
}

/// A sentence with a `\n` in the middle.
#[must_use]
pub fn with_newline() -> Message {
    Message {
        name: "newline inside",
        bytes: WITH_NEWLINE.as_bytes().to_vec(),
        why: "a \\n inside: a receiver that reads lines cuts it in two",
    }
}

/// Bytes that are not UTF-8: 下, two thirds of 雨, then `ff 00 fe`.
#[must_use]
pub fn not_utf8() -> Message {
    Message {
        name: "not UTF-8",
        bytes: vec![0xe4, 0xb8, 0x8b, 0xe9, 0x9b, 0xff, 0x00, 0xfe],
        why: "not UTF-8 (a character cut in two, ff, a zero byte): a receiver that decodes \
              text fails",
    }
}

/// 3338 bytes of text, so that the length header reads `\0\0\r\n`.
#[must_use]
pub fn texty_length() -> Message {
    Message {
        name: "length looks like text",
        bytes: b"looks like text\r\n"
            .iter()
            .copied()
            .cycle()
            .take(TEXTY)
            .collect(),
        why: "3338 bytes, so its header is 00 00 0d 0a, \"\\0\\0\\r\\n\": a receiver that \
              reads lines or strips white space mangles the length",
    }
}

/// Every message, in the order the full cases send them. The empty one
/// comes first: its header reads the same in either byte order, so the
/// 1 MiB after it is the first a little-endian reader gets wrong — and it
/// gets it wrong in a way that can be recognised (4096 bytes).
#[must_use]
pub fn all() -> Vec<Message> {
    vec![
        empty(),
        big(),
        sentence(),
        with_newline(),
        not_utf8(),
        texty_length(),
    ]
}

/// The small messages, for cases that cut the stream into pieces of a
/// byte or two (1 MiB a byte at a time would take a quarter of an hour).
#[must_use]
pub fn small() -> Vec<Message> {
    vec![empty(), sentence(), with_newline(), not_utf8()]
}

/// The small messages and the one with the text-like length.
#[must_use]
pub fn small_and_texty() -> Vec<Message> {
    let mut messages = small();
    messages.push(texty_length());
    messages
}

/// The messages as frames, one after the other: the stream a correct
/// sender writes, and where each frame starts in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stream {
    /// All the frames' bytes.
    pub bytes: Vec<u8>,
    /// The offset of each frame's header.
    pub starts: Vec<usize>,
}

impl Stream {
    /// The frames of `messages`.
    #[must_use]
    pub fn of(messages: &[Message]) -> Stream {
        let mut bytes = Vec::new();
        let mut starts = Vec::new();
        for message in messages {
            starts.push(bytes.len());
            bytes.extend_from_slice(&frame::encode(&message.bytes));
        }
        Stream { bytes, starts }
    }

    /// The stream offset of byte `at` of message `index` (0-based).
    #[must_use]
    pub fn offset_of(&self, index: usize, at: usize) -> usize {
        self.starts[index] + frame::HEADER_LEN + at
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_message_has_the_header_its_reason_promises() {
        assert_eq!(frame::header(0), Some([0, 0, 0, 0]));
        assert_eq!(frame::header(big().bytes.len()), Some([0, 0x10, 0, 0]));
        assert_eq!(u32::from_le_bytes([0, 0x10, 0, 0]), 4096);
        assert_eq!(
            frame::header(texty_length().bytes.len()),
            Some(*b"\0\0\r\n")
        );
        assert!(std::str::from_utf8(&not_utf8().bytes).is_err());
        assert!(with_newline().bytes.contains(&b'\n'));
    }

    #[test]
    fn a_stream_knows_where_its_frames_start() {
        let stream = Stream::of(&small());
        assert_eq!(stream.starts, [0, 4, 32, 79]);
        assert_eq!(stream.bytes.len(), 79 + 4 + 8);
        assert_eq!(stream.offset_of(1, 0), 8);
    }
}
