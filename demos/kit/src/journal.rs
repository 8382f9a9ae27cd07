//! The journal: every `send` and `recv` call of one side of a connection,
//! with the exact bytes and when it happened.
//!
//! Two journals, the sender's and the receiver's, are all it takes to see
//! sticky and half packets: the sender's calls say where each message began
//! and ended, the receiver's calls say how the same bytes came back. The
//! [`origin`](crate::origin) map lines the two up.

use std::time::{Duration, Instant};

/// One `send` or `recv` call as the application made it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Call {
    /// 1-based position among the calls of its kind.
    pub index: usize,
    /// The bytes handed to `send`, or returned by `recv`.
    pub bytes: Vec<u8>,
    /// When the call began (a send) or returned (a recv), measured from the
    /// journal's epoch.
    pub at: Duration,
    /// For a message written in several pieces, the size of each write.
    pub pieces: Option<Vec<usize>>,
    /// For a datagram recv: whether the datagram was longer than the buffer
    /// (MSG_TRUNC), and its real length where the platform reports it.
    pub truncation: Option<Truncation>,
}

/// What a datagram `recv` says about the datagram it cut short.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Truncation {
    /// The datagram did not fit the buffer; the rest was discarded.
    pub truncated: bool,
    /// The datagram's full length, if the platform reports it.
    pub real_len: Option<usize>,
}

/// How a receiver's stream of `recv`s came to an end.
///
/// A byte stream has only one normal end: the peer's FIN, after which
/// `recv` returns 0. Everything else is the peer (or the network) doing
/// something the receiver did not expect, and the story says which.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// `recv` returned 0: the peer closed its side, every byte is in.
    Closed,
    /// The peer sent nothing for `waited` and did not close: the receiver
    /// stopped waiting (its read deadline).
    Silent {
        /// How long the last `recv` waited.
        waited: Duration,
    },
    /// The peer sent more than this side can expect; the receiver stopped
    /// reading once it held `limit` bytes, so that no peer can make it
    /// hold more.
    Stopped {
        /// The bytes it was willing to hold.
        limit: usize,
    },
    /// The peer reset the connection (RST): whatever it had not yet
    /// delivered is gone.
    Reset,
}

/// The calls of one side, in order, against one monotonic clock.
#[derive(Debug, Clone)]
pub struct Journal {
    epoch: Instant,
    sends: Vec<Call>,
    recvs: Vec<Call>,
    ending: Option<Ending>,
}

impl Journal {
    /// Starts a journal whose times count from `epoch`. Both sides of an
    /// in-process run share one epoch, so their times can be compared.
    pub fn new(epoch: Instant) -> Journal {
        Journal {
            epoch,
            sends: Vec::new(),
            recvs: Vec::new(),
            ending: None,
        }
    }

    /// Records one message handed to the network in a single write that
    /// `began` at that instant. A send is timed from its start: a large
    /// write returns only once the receiver's window has let it all go.
    pub fn sent(&mut self, bytes: &[u8], began: Instant) {
        let call = self.call(self.sends.len(), bytes, began, None);
        self.sends.push(call);
    }

    /// Records one message that was written in several pieces, the first
    /// of which `began` at that instant.
    pub fn sent_in_pieces(&mut self, bytes: &[u8], pieces: Vec<usize>, began: Instant) {
        let call = self.call(self.sends.len(), bytes, began, Some(pieces));
        self.sends.push(call);
    }

    /// Records what one `recv` returned, timed when it returned: that is
    /// when the bytes were the application's.
    pub fn received(&mut self, bytes: &[u8]) {
        let call = self.call(self.recvs.len(), bytes, Instant::now(), None);
        self.recvs.push(call);
    }

    /// Records one datagram that a `recv` returned, with what the kernel
    /// said about its length.
    pub fn received_datagram(&mut self, bytes: &[u8], truncation: Truncation) {
        let mut call = self.call(self.recvs.len(), bytes, Instant::now(), None);
        call.truncation = Some(truncation);
        self.recvs.push(call);
    }

    /// Records how the receiving ended.
    pub fn ended(&mut self, ending: Ending) {
        self.ending = Some(ending);
    }

    /// How the receiving ended, if it has (`None` for a sender, or a
    /// receiver that stopped on its own once it had what it expected).
    pub fn ending(&self) -> Option<Ending> {
        self.ending
    }

    /// The sends, in order.
    pub fn sends(&self) -> &[Call] {
        &self.sends
    }

    /// The recvs, in order.
    pub fn recvs(&self) -> &[Call] {
        &self.recvs
    }

    /// All bytes received so far, in order.
    pub fn received_bytes(&self) -> usize {
        self.recvs.iter().map(|call| call.bytes.len()).sum()
    }

    fn call(&self, before: usize, bytes: &[u8], at: Instant, pieces: Option<Vec<usize>>) -> Call {
        Call {
            index: before + 1,
            bytes: bytes.to_vec(),
            at: at.saturating_duration_since(self.epoch),
            pieces,
            truncation: None,
        }
    }
}
