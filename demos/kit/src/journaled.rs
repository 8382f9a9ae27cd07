//! A connection that keeps its own journal.
//!
//! A demo shows what every `send` and `recv` did, so every one of them
//! must be journaled — and a call that is not journaled is a lie on the
//! projector. [`Journaled`] wraps any stream so that recording is not a
//! separate step a demo could forget: each read through it *is* a journaled
//! recv, and each message sent through it *is* a journaled send.
//!
//! Bench equipment that is not part of the lesson (a staged sender's
//! one-byte go-aheads, say) goes around the journal explicitly, through
//! [`Journaled::get_mut`].

use crate::journal::{Ending, Journal};
use std::io::{self, Read, Write};
use std::time::Instant;

/// A stream and the journal of its calls.
#[derive(Debug)]
pub struct Journaled<S> {
    stream: S,
    journal: Journal,
}

impl<S> Journaled<S> {
    /// Wraps `stream`; times count from `epoch`.
    pub fn new(stream: S, epoch: Instant) -> Journaled<S> {
        Journaled {
            stream,
            journal: Journal::new(epoch),
        }
    }

    /// The stream itself.
    pub fn get_ref(&self) -> &S {
        &self.stream
    }

    /// The stream itself, to read or write *outside* the lesson: whatever
    /// passes here is not journaled.
    pub fn get_mut(&mut self) -> &mut S {
        &mut self.stream
    }

    /// The calls so far.
    pub fn journal(&self) -> &Journal {
        &self.journal
    }

    /// Records how receiving ended.
    pub fn ended(&mut self, ending: Ending) {
        self.journal.ended(ending);
    }

    /// Records that this side closed its sending direction.
    pub fn shut_down(&mut self) {
        self.journal.shut_down();
    }

    /// The stream and the journal, apart.
    pub fn into_parts(self) -> (S, Journal) {
        (self.stream, self.journal)
    }
}

impl<S: Write> Journaled<S> {
    /// Sends one message with one `write_all` (Python's `sendall`): one
    /// send in the journal, timed from its start — a large write returns
    /// only once the receiver's window has let it all go.
    pub fn send(&mut self, message: &[u8]) -> io::Result<()> {
        let began = Instant::now();
        self.stream.write_all(message)?;
        self.journal.sent(message, began);
        Ok(())
    }

    /// Sends one message the way `write` says: each call writes some
    /// prefix of what is left and returns how many bytes it took, as one
    /// `send(2)` (Python's `sock.send`) does. With `once`, after the first
    /// call, whatever it took; otherwise until every byte is taken (Python's
    /// `sendall`). One send in the journal: the bytes that went, written
    /// as the pieces the calls took. Returns what the first call took.
    pub fn send_writes(
        &mut self,
        message: &[u8],
        once: bool,
        mut write: impl FnMut(&mut S, &[u8]) -> io::Result<usize>,
    ) -> io::Result<usize> {
        let began = Instant::now();
        let mut pieces = Vec::new();
        let mut at = 0;
        loop {
            let n = write(&mut self.stream, &message[at..])?;
            if n > 0 {
                pieces.push(n);
            }
            at += n;
            if once || at == message.len() {
                break;
            }
        }
        self.journal
            .sent_in_pieces(&message[..at], pieces.clone(), began);
        Ok(pieces.first().copied().unwrap_or(0))
    }

    /// Sends one message in `pieces` (sizes adding up to its length), and
    /// runs `between` on the bare stream after each piece — a staged sender
    /// waits there for the receiver. One send in the journal.
    pub fn send_in_pieces(
        &mut self,
        message: &[u8],
        pieces: &[usize],
        mut between: impl FnMut(&mut S, usize) -> io::Result<()>,
    ) -> io::Result<()> {
        let began = Instant::now();
        let mut at = 0;
        for (i, &len) in pieces.iter().enumerate() {
            self.stream.write_all(&message[at..at + len])?;
            at += len;
            between(&mut self.stream, i + 1)?;
        }
        self.journal.sent_in_pieces(message, pieces.to_vec(), began);
        Ok(())
    }
}

impl<S: Read> Read for Journaled<S> {
    /// One `recv`: whatever it returned is journaled, as it came.
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.stream.read(buf)?;
        if n > 0 {
            self.journal.received(&buf[..n]);
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    #[test]
    fn every_read_is_a_recv_and_every_message_a_send() {
        let mut conn = Journaled::new(Cursor::new(b"abcdef".to_vec()), Instant::now());
        let mut buf = [0u8; 4];
        assert_eq!(conn.read(&mut buf).unwrap(), 4);
        assert_eq!(conn.read(&mut buf).unwrap(), 2);
        assert_eq!(conn.read(&mut buf).unwrap(), 0, "the end is no recv");
        let recvs: Vec<&[u8]> = conn
            .journal()
            .recvs()
            .iter()
            .map(|c| &c.bytes[..])
            .collect();
        assert_eq!(recvs, [&b"abcd"[..], b"ef"]);

        let mut out = Journaled::new(Vec::new(), Instant::now());
        out.send(b"one").unwrap();
        let mut steps = Vec::new();
        out.send_in_pieces(b"twothree", &[3, 5], |_, piece| {
            steps.push(piece);
            Ok(())
        })
        .unwrap();
        assert_eq!(steps, [1, 2]);
        let three_at_a_time = |out: &mut Vec<u8>, rest: &[u8]| {
            let n = rest.len().min(3);
            out.extend_from_slice(&rest[..n]);
            Ok(n)
        };
        assert_eq!(
            out.send_writes(b"abcdefg", true, three_at_a_time).unwrap(),
            3
        );
        assert_eq!(
            out.send_writes(b"abcdefg", false, three_at_a_time).unwrap(),
            3
        );
        let (bytes, journal) = out.into_parts();
        assert_eq!(bytes, b"onetwothreeabcabcdefg");
        let sends = journal.sends();
        assert_eq!(sends.len(), 4, "one send per message");
        assert_eq!(sends[2].bytes, b"abc", "a short write sends what it took");
        assert_eq!(sends[3].bytes, b"abcdefg");
    }
}
