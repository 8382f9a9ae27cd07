//! (f) Framing with fixed-length records: every message exactly 32 bytes.
//!
//! The receiver reads exactly 32 bytes, and that is a message — Netty's
//! `FixedLengthFrameDecoder`. It copes with any chunking too, but a short
//! message is padded (bytes sent for nothing), and a message longer than
//! the record does not fit: the sender must cut it or refuse it. Stripping
//! the padding also assumes no message ends in a zero byte.

use super::framings::{self, SLICING};
use crate::TEXT;
use crate::support::reading::{Reader, Seen};
use crate::support::{sending, sliced};
use kit::error::{Error, Result};
use kit::knobs::Knobs;
use kit::loopback::End;
use kit::report::Exchange;
use kit::verdict::Code;

/// Bytes in every record.
pub const RECORD: usize = 32;

/// One message as a record: padded with zero bytes to [`RECORD`], or cut
/// to it, as a naive sender does.
#[must_use]
pub fn encode(message: &[u8]) -> Vec<u8> {
    let mut record = message[..message.len().min(RECORD)].to_vec();
    record.resize(RECORD, 0);
    record
}

/// A record's message: the record without its trailing zero bytes.
#[must_use]
pub fn decode(record: &[u8]) -> &[u8] {
    let end = record.iter().rposition(|&b| b != 0).map_or(0, |i| i + 1);
    &record[..end]
}

/// The three messages as 32-byte records, through the slicer: every send
/// is one record, padding and all, and the run's frames are the messages
/// the receiver took out of them — the long one cut short.
pub fn run() -> Result<Exchange> {
    let messages = framings::messages();
    let writes: Vec<Vec<u8>> = messages.iter().map(|m| encode(m)).collect();
    let padding: usize = messages
        .iter()
        .map(|m| RECORD.saturating_sub(m.len()))
        .sum();
    let cut: usize = messages
        .iter()
        .map(|m| m.len().saturating_sub(RECORD))
        .sum();
    let done = sliced::run(
        SLICING,
        &Knobs::default(),
        move |end| sending::send_each(end, &writes),
        read_records,
    )?;
    let seen = done.client;
    let mut run = Exchange::both(
        kit::tr!(TEXT, "label-f-fixed", record = RECORD),
        &done.server,
        &seen.side,
    );
    seen.annotate(&mut run);
    run.reader = Some(kit::tr!(TEXT, "reader-f-fixed", record = RECORD));
    run.frames = Some(seen.frames(&messages));
    let whole = run.frames.iter().flatten().filter(|f| f.whole).count();
    let sent: usize = messages.iter().map(Vec::len).sum();
    let too_long: Vec<String> = messages
        .iter()
        .enumerate()
        .filter(|(_, m)| m.len() > RECORD)
        .map(|(i, m)| format!("#{} ({} B)", i + 1, m.len()))
        .collect();
    let verdict = kit::tr!(
        TEXT,
        "verdict-f-fixed",
        messages = messages.len(),
        sent = sent,
        wire = messages.len() * RECORD,
        padding = padding,
        long = too_long.join(", "),
        record = RECORD,
        cut = cut,
        whole = whole,
        total = messages.len()
    );
    run.judged(verdict, Code::Shown);
    let mut notes = vec![kit::tr!(
        TEXT,
        "note-f-record-pieces",
        pieces = sliced::pieces(&SLICING)
    )];
    notes.extend(messages.iter().enumerate().filter_map(|(i, m)| {
        let (c, before) = cut_character(m)?;
        Some(kit::tr!(
            TEXT,
            "note-f-cut-char",
            n = i + 1,
            char = c.to_string(),
            before = before,
            len = c.len_utf8()
        ))
    }));
    notes.extend([
        kit::tr!(TEXT, "note-f-record-long"),
        kit::tr!(TEXT, "note-f-zeros"),
    ]);
    run.notes = notes;
    Ok(run)
}

/// The character of `message` that the end of its record cuts in two,
/// and how many of its bytes are inside the record.
#[must_use]
pub fn cut_character(message: &[u8]) -> Option<(char, usize)> {
    let text = std::str::from_utf8(message).ok()?;
    text.char_indices()
        .find(|&(at, c)| at < RECORD && RECORD < at + c.len_utf8())
        .map(|(at, c)| (c, RECORD - at))
}

/// Reads records of exactly [`RECORD`] bytes until the peer closes,
/// handing each record's message to the reader.
fn read_records(end: End) -> Result<Seen> {
    let mut reader = Reader::new(end);
    loop {
        let mut record = Vec::with_capacity(RECORD);
        while record.len() < RECORD {
            let chunk = reader.recv(RECORD - record.len())?;
            if chunk.is_empty() {
                break;
            }
            record.extend_from_slice(&chunk);
            if record.len() < RECORD {
                reader.say(kit::tr!(
                    TEXT,
                    "said-holding-record",
                    n = record.len(),
                    record = RECORD
                ));
            }
        }
        match record.len() {
            0 => return Ok(reader.finish()),
            RECORD => {}
            n => {
                return Err(Error::PeerClosed {
                    during: kit::tr!(TEXT, "during-reading-record", record = RECORD, n = n),
                });
            }
        }
        let message = decode(&record).to_vec();
        reader.say(kit::tr!(
            TEXT,
            "said-record-complete",
            n = reader.messages_read() + 1,
            message = message.len(),
            padding = RECORD - message.len()
        ));
        reader.read_message(message);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_messages_are_padded_and_long_ones_cut() {
        assert_eq!(encode(b"ab").len(), RECORD);
        assert_eq!(decode(&encode(b"ab")), b"ab");
        let long = [7u8; 40];
        assert_eq!(decode(&encode(&long)), &long[..RECORD]);
        assert_eq!(decode(&[0; RECORD]), b"");
        // A message that ends in zero bytes loses them.
        assert_eq!(decode(&encode(b"x\0\0")), b"x");
    }

    #[test]
    fn the_character_across_the_record_end_is_found() {
        let message = "下雨天，留客天；\n留人不？留！".as_bytes();
        assert_eq!(cut_character(message), Some(('不', 1)));
        assert_eq!(cut_character("不留".as_bytes()), None);
        assert_eq!(cut_character(&[b'a'; 40]), None);
    }
}
