//! The receiving side the pitfalls share: every `recv` journaled, and
//! what the code made of it written beside it.
//!
//! A pitfall is a receiver that draws the wrong conclusion from what a
//! `recv` returned. TCP hands over bytes in whatever chunks the network
//! and the timing produced, and `recv(n)` returns *at most* `n` of them:
//! the conclusion is the code's, not the network's. So each recv carries a
//! line saying what the code under study concluded from it ("have += 1024
//! → 1024 < 1320: recv again"), the bytes it took for a length header are
//! marked, and the messages it put together are listed, each checked
//! against the message sent in its place. The renderer shows all three
//! under the recv's hex dump.

use crate::TEXT;
use kit::error::{Error, Result};
use kit::journaled::Journaled;
use kit::knobs::Applied;
use kit::loopback::End;
use kit::queue::{self, Patience, Queued};
use kit::report::{Annotation, Exchange, FrameRecord, Side, Span};
use std::io::{self, Read};
use std::net::TcpStream;
use std::ops::Range;
use std::time::Duration;

/// The size the tutorial passes to every `recv`, and the size the readers
/// here ask for.
pub const RECV_SIZE: usize = 1024;

/// A journaling receiver: the connection records its own recvs
/// ([`Journaled`]), and the reader adds what the code made of each.
#[derive(Debug)]
pub struct Reader {
    conn: Journaled<TcpStream>,
    knobs: Applied,
    /// Per recv: what the code concluded from it.
    says: Vec<Option<String>>,
    /// Stream ranges that the code read as length headers.
    headers: Vec<Range<usize>>,
    /// Bytes returned so far by journaled recvs.
    offset: usize,
    /// The messages the code put together, in order.
    messages: Vec<Message>,
}

/// What a reader saw, ready to be lined up with the sender's journal.
#[derive(Debug, Clone)]
pub struct Seen {
    /// The receiving side's journal and knobs.
    pub side: Side,
    /// Per recv: what the code concluded from it.
    pub says: Vec<Option<String>>,
    /// Stream ranges the code read as length headers.
    pub headers: Vec<Range<usize>>,
    /// The messages the code put together, in order.
    pub messages: Vec<Message>,
}

impl Reader {
    /// Starts reading on one end of a connection.
    #[must_use]
    pub fn new(end: End) -> Reader {
        let (conn, knobs) = end.journaled();
        Reader {
            conn,
            knobs,
            says: Vec::new(),
            headers: Vec::new(),
            offset: 0,
            messages: Vec::new(),
        }
    }

    /// One `recv(size)`, journaled: at most `size` bytes, as many as are
    /// queued; empty at the end of the stream (and then not journaled).
    pub fn recv(&mut self, size: usize) -> Result<Vec<u8>> {
        let mut buffer = vec![0; size.max(1)];
        loop {
            match self.conn.read(&mut buffer) {
                Ok(n) => {
                    buffer.truncate(n);
                    if n > 0 {
                        self.says.push(None);
                        self.offset += n;
                    }
                    return Ok(buffer);
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => {
                    let during = kit::tr!(TEXT, "doing-receiving", n = self.offset);
                    return Err(Error::io(during)(e));
                }
            }
        }
    }

    /// Exactly `n` bytes, however many recvs that takes: each asks only
    /// for the bytes still missing. An end of stream first is an error.
    pub fn recv_exact(&mut self, n: usize) -> Result<Vec<u8>> {
        let mut got = Vec::with_capacity(n);
        while got.len() < n {
            let chunk = self.recv(n - got.len())?;
            if chunk.is_empty() {
                return Err(Error::PeerClosed {
                    during: kit::tr!(TEXT, "during-reading-exactly", n = n, got = got.len()),
                });
            }
            got.extend_from_slice(&chunk);
        }
        Ok(got)
    }

    /// Waits, without reading anything, until at least `n` bytes are
    /// queued (or the sender stopped short of them): a late reader, whose
    /// next recv finds everything there. Returns how many are queued.
    pub fn wait_until_queued(&self, n: usize) -> Result<usize> {
        let patience = Patience::exact(Duration::from_secs(10));
        Ok(
            match queue::wait_until_queued(self.conn.get_ref(), n, patience)? {
                Queued::All(k) | Queued::Some(k) => k,
                Queued::Closed => 0,
            },
        )
    }

    /// Reads whatever is left until the peer closes, without journaling:
    /// the bytes the code under study never looked at. Returns how many.
    pub fn drain(&mut self) -> Result<usize> {
        let mut rest = Vec::new();
        self.conn
            .get_mut()
            .read_to_end(&mut rest)
            .map_err(Error::io(kit::tr!(TEXT, "doing-reading-rest")))?;
        Ok(rest.len())
    }

    /// Writes what the code concluded beside the latest recv (a second
    /// line for the same recv is joined with "; ", or the language's own
    /// separator).
    pub fn say(&mut self, text: impl Into<String>) {
        let text = text.into();
        if let Some(slot) = self.says.last_mut() {
            *slot = Some(match slot.take() {
                Some(before) => format!("{before}{}{text}", kit::tr!(TEXT, "said-separator")),
                None => text,
            });
        }
    }

    /// Marks the `len` bytes before the current position as what the code
    /// took for a length header.
    pub fn header_just_read(&mut self, len: usize) {
        let start = self.offset.saturating_sub(len);
        self.headers.push(start..self.offset);
    }

    /// Hands over a message the code has put together: the latest recv
    /// completed it.
    pub fn read_message(&mut self, bytes: Vec<u8>) {
        self.messages.push(Message {
            bytes,
            completed_by: self.says.len(),
        });
    }

    /// How many messages the code has put together so far.
    #[must_use]
    pub fn messages_read(&self) -> usize {
        self.messages.len()
    }

    /// Bytes returned by journaled recvs so far.
    #[must_use]
    pub fn offset(&self) -> usize {
        self.offset
    }

    /// Ends the reading (closing this side) and hands over what was seen.
    #[must_use]
    pub fn finish(self) -> Seen {
        Seen {
            side: Side {
                journal: self.conn.into_parts().1,
                knobs: self.knobs,
                segments_out: None,
            },
            says: self.says,
            headers: self.headers,
            messages: self.messages,
        }
    }
}

impl Seen {
    /// Writes the conclusions and header marks onto `run`'s recvs.
    pub fn annotate(&self, run: &mut Exchange) {
        let mut at = 0;
        for (recv, says) in run.recvs.iter_mut().zip(&self.says) {
            recv.headers = spans(&self.headers, at, recv.len);
            recv.annotation = says.clone().map(Annotation::Concluded);
            at += recv.len;
        }
    }

    /// The messages the code read, as the report's frames, each checked
    /// against the message sent in its place.
    #[must_use]
    pub fn frames(&self, sent: &[Vec<u8>]) -> Vec<FrameRecord> {
        self.messages
            .iter()
            .enumerate()
            .map(|(i, message)| FrameRecord {
                index: i + 1,
                len: message.bytes.len(),
                bytes: message.bytes.clone(),
                completed_by: message.completed_by,
                whole: sent.get(i) == Some(&message.bytes),
            })
            .collect()
    }
}

/// A message a reader put together, with the recv that completed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// The message's bytes.
    pub bytes: Vec<u8>,
    /// The 1-based index of the recv that completed it.
    pub completed_by: usize,
}

/// The parts of stream ranges `headers` inside the chunk of `len` bytes
/// that starts at stream offset `at`, relative to the chunk.
#[must_use]
pub fn spans(headers: &[Range<usize>], at: usize, len: usize) -> Vec<Span> {
    let end = at + len;
    headers
        .iter()
        .filter(|h| h.start < end && h.end > at)
        .map(|h| Span {
            start: h.start.max(at) - at,
            end: h.end.min(end) - at,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_header_cut_by_a_chunk_edge_is_marked_in_both_chunks() {
        let headers = [0..4, 10..14];
        assert_eq!(spans(&headers, 0, 2), [Span { start: 0, end: 2 }]);
        assert_eq!(
            spans(&headers, 2, 10),
            [Span { start: 0, end: 2 }, Span { start: 8, end: 10 }]
        );
        assert_eq!(spans(&headers, 12, 5), [Span { start: 0, end: 2 }]);
        assert!(spans(&headers, 4, 6).is_empty());
    }
}
