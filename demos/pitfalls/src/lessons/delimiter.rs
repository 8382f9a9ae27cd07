//! (f) Framing with a delimiter: a newline after every message.
//!
//! The receiver collects bytes until it sees `\n`, and that is a message —
//! Netty's `LineBasedFrameDecoder`, Python's `sock.makefile().readline()`.
//! It copes with any chunking, and it is fine until a message contains the
//! delimiter itself: then one message comes out as two. Text with line
//! breaks, or any binary data, needs the delimiter escaped — and then every
//! byte has to be scanned and unescaped.

use super::framings::{self, SLICING};
use crate::TEXT;
use crate::support::reading::{RECV_SIZE, Reader, Seen};
use crate::support::{sending, sliced};
use kit::error::Result;
use kit::knobs::Knobs;
use kit::loopback::End;
use kit::report::Exchange;
use kit::verdict::Code;

/// The delimiter.
pub const DELIMITER: u8 = b'\n';

/// One message as it goes on the wire: the bytes, then the delimiter.
#[must_use]
pub fn encode(message: &[u8]) -> Vec<u8> {
    let mut line = message.to_vec();
    line.push(DELIMITER);
    line
}

/// Splits off every complete line at the front of `buffer`, delimiters
/// removed, leaving an unfinished line behind.
pub fn split_lines(buffer: &mut Vec<u8>) -> Vec<Vec<u8>> {
    let mut lines = Vec::new();
    while let Some(at) = buffer.iter().position(|&b| b == DELIMITER) {
        let mut line: Vec<u8> = buffer.drain(..=at).collect();
        line.pop();
        lines.push(line);
    }
    lines
}

/// The three messages, each followed by `\n`, through the slicer: the
/// run's frames are the lines the receiver split off — one more than the
/// messages sent.
pub fn run() -> Result<Exchange> {
    let messages = framings::messages();
    let writes: Vec<Vec<u8>> = messages.iter().map(|m| encode(m)).collect();
    let done = sliced::run(
        SLICING,
        &Knobs::default(),
        move |end| sending::send_each(end, &writes),
        read_lines,
    )?;
    let seen = done.client;
    let mut run = Exchange::both(
        kit::tr!(TEXT, "label-f-delimiter"),
        &done.server,
        &seen.side,
    );
    seen.annotate(&mut run);
    run.reader = Some(kit::tr!(TEXT, "reader-f-lines"));
    run.frames = Some(seen.frames(&messages));
    let lines = run.frames.as_ref().map_or(0, Vec::len);
    let split: Vec<usize> = messages
        .iter()
        .enumerate()
        .filter(|(_, m)| m.contains(&DELIMITER))
        .map(|(i, _)| i + 1)
        .collect();
    let whole = run.frames.iter().flatten().filter(|f| f.whole).count();
    let which = match split.as_slice() {
        [one] => kit::tr!(TEXT, "which-one", n = *one),
        _ => kit::tr!(TEXT, "which-many", n = split.len()),
    };
    let verdict = kit::tr!(
        TEXT,
        "verdict-f-delimiter",
        messages = messages.len(),
        lines = lines,
        which = which,
        whole = whole,
        total = messages.len()
    );
    run.judged(verdict, Code::Shown);
    run.notes = vec![
        kit::tr!(
            TEXT,
            "note-f-line-pieces",
            pieces = sliced::pieces(&SLICING)
        ),
        kit::tr!(TEXT, "note-f-escape"),
        kit::tr!(TEXT, "note-f-line-too-many", lines = lines),
    ];
    Ok(run)
}

/// Reads until the peer closes, splitting lines as they complete.
fn read_lines(end: End) -> Result<Seen> {
    let mut reader = Reader::new(end);
    let mut buffer = Vec::new();
    loop {
        let chunk = reader.recv(RECV_SIZE)?;
        if chunk.is_empty() {
            break;
        }
        buffer.extend_from_slice(&chunk);
        let before = reader.messages_read();
        for line in split_lines(&mut buffer) {
            reader.read_message(line);
        }
        let complete: Vec<String> = (before + 1..=reader.messages_read())
            .map(|i| format!("#{i}"))
            .collect();
        let holding = if buffer.is_empty() {
            kit::tr!(TEXT, "said-between-lines")
        } else {
            kit::tr!(TEXT, "said-holding-line", n = buffer.len())
        };
        reader.say(if complete.is_empty() {
            holding
        } else {
            kit::tr!(
                TEXT,
                "said-lines-complete",
                count = complete.len(),
                lines = complete.join(", "),
                holding = holding
            )
        });
    }
    if !buffer.is_empty() {
        // The stream ended inside a line: it is a line all the same, but
        // the receiver cannot tell whether it was whole.
        reader.read_message(buffer);
    }
    Ok(reader.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_split_at_every_delimiter_and_the_rest_kept() {
        let mut buffer = b"one\ntwo\nthr".to_vec();
        assert_eq!(split_lines(&mut buffer), [b"one".to_vec(), b"two".to_vec()]);
        assert_eq!(buffer, b"thr");
        buffer.extend_from_slice(b"ee\n");
        assert_eq!(split_lines(&mut buffer), [b"three".to_vec()]);
        assert!(buffer.is_empty());
    }

    #[test]
    fn a_message_holding_the_delimiter_comes_out_as_two() {
        let mut stream = encode("下雨天，留客天；\n留人不？留！".as_bytes());
        let lines = split_lines(&mut stream);
        assert_eq!(lines.len(), 2);
    }
}
