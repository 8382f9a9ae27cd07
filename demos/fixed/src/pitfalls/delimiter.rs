//! (f) Framing with a delimiter: a newline after every message.
//!
//! The receiver collects bytes until it sees `\n`, and that is a message —
//! Netty's `LineBasedFrameDecoder`, Python's `sock.makefile().readline()`.
//! It copes with any chunking, and it is fine until a message contains the
//! delimiter itself: then one message comes out as two. Text with line
//! breaks, or any binary data, needs the delimiter escaped — and then every
//! byte has to be scanned and unescaped.

use super::framings::{self, SLICING};
use super::reading::{self, Message, Reader, Seen};
use super::{counting, sending, sliced};
use kit::error::Result;
use kit::knobs::Knobs;
use kit::loopback::End;
use kit::report::Exchange;
use kit::verdict::count;

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

/// The run and the lines the receiver got.
#[derive(Debug, Clone)]
pub struct Delimited {
    /// The run, for the report.
    pub run: Exchange,
    /// The messages as the receiver split them.
    pub lines: Vec<Vec<u8>>,
}

/// The three messages, each followed by `\n`, through the slicer.
pub fn run() -> Result<Delimited> {
    let messages = framings::messages();
    let writes: Vec<Vec<u8>> = messages.iter().map(|m| encode(m)).collect();
    let done = sliced::run(
        SLICING,
        &Knobs::default(),
        move |end| sending::send_each(end, &writes),
        read_lines,
    )?;
    let (seen, read) = done.client;
    let mut run = Exchange::both(
        "(f) delimiter · a \\n after every message, and one message with a line break in it",
        &done.server,
        &seen.side,
    );
    seen.annotate(&mut run);
    run.reader = Some("prompt: recv(1024), lines split off at every \\n".into());
    run.frames = Some(reading::frames(&read, &messages));
    let lines: Vec<Vec<u8>> = read.into_iter().map(|m| m.bytes).collect();
    let split: Vec<usize> = messages
        .iter()
        .enumerate()
        .filter(|(_, m)| m.contains(&DELIMITER))
        .map(|(i, _)| i + 1)
        .collect();
    let whole = run.frames.iter().flatten().filter(|f| f.whole).count();
    run.verdict = format!(
        "{} sent, {} came out: {} held a \\n, so the receiver cut it there — the reader coped \
         with every piece, the format did not; {whole} of {} messages whole",
        count(messages.len(), "message"),
        count(lines.len(), "line"),
        match split.as_slice() {
            [one] => format!("message #{one}"),
            _ => format!("{} messages", split.len()),
        },
        messages.len()
    );
    run.notes = vec![
        format!("{}; a line reader does not mind", super::pieces(&SLICING)),
        "a delimiter works only if it never occurs inside a message: text with line breaks, or \
         any binary data (an image, a number from struct.pack), must have it escaped — and then \
         every byte is scanned and unescaped"
            .into(),
        format!(
            "the receiver cannot know how long a message will be until its \\n arrives: \
             {} here is one line too many",
            count(lines.len(), "line")
        ),
    ];
    Ok(Delimited { run, lines })
}

/// Reads until the peer closes, splitting lines as they complete.
fn read_lines(end: End) -> Result<(Seen, Vec<Message>)> {
    let mut reader = Reader::new(end);
    let mut buffer = Vec::new();
    let mut lines = Vec::new();
    loop {
        let chunk = reader.recv(counting::RECV_SIZE)?;
        if chunk.is_empty() {
            break;
        }
        buffer.extend_from_slice(&chunk);
        let done = split_lines(&mut buffer);
        let before = lines.len();
        let completed_by = reader.recvs();
        lines.extend(done.into_iter().map(|bytes| Message {
            bytes,
            completed_by,
        }));
        let complete: Vec<String> = (before + 1..=lines.len())
            .map(|i| format!("#{i}"))
            .collect();
        let holding = if buffer.is_empty() {
            "between lines".to_string()
        } else {
            format!(
                "holding {} of an unfinished line",
                count(buffer.len(), "byte")
            )
        };
        reader.say(if complete.is_empty() {
            holding
        } else {
            let noun = if complete.len() == 1 { "line" } else { "lines" };
            format!("{noun} {} complete; {holding}", complete.join(", "))
        });
    }
    if !buffer.is_empty() {
        // The stream ended inside a line: it is a line all the same, but
        // the receiver cannot tell whether it was whole.
        lines.push(Message {
            bytes: buffer,
            completed_by: reader.recvs(),
        });
    }
    Ok((reader.finish(), lines))
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
