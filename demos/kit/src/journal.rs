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

/// One thing that happened on one side of a connection, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// One message handed to the kernel, in one write or in several:
    /// `pieces` holds the size of each write.
    Send {
        /// The call, with the whole message.
        call: Call,
        /// The size of every write it took (one, for a plain send).
        pieces: Vec<usize>,
    },
    /// What one `recv` on a byte stream returned.
    Recv(Call),
    /// One datagram a `recv` returned, and what the kernel said about its
    /// length.
    Datagram {
        /// The call, with the bytes returned.
        call: Call,
        /// Whether the datagram was longer than the buffer.
        truncation: Truncation,
    },
    /// This side closed its sending direction: a FIN went out.
    Shutdown {
        /// When, from the journal's epoch.
        at: Duration,
    },
    /// How receiving ended.
    End(Ending),
}

/// The calls of one side, in order, against one monotonic clock.
#[derive(Debug, Clone)]
pub struct Journal {
    epoch: Instant,
    events: Vec<Event>,
    /// Counts kept as events are added, so that a receiver checking its
    /// limit after every recv does not walk the whole journal each time.
    send_count: usize,
    recv_count: usize,
    received: usize,
}

impl Journal {
    /// Starts a journal whose times count from `epoch`. Both sides of an
    /// in-process run share one epoch, so their times can be compared.
    #[must_use]
    pub fn new(epoch: Instant) -> Journal {
        Journal {
            epoch,
            events: Vec::new(),
            send_count: 0,
            recv_count: 0,
            received: 0,
        }
    }

    /// Records one message handed to the network in a single write that
    /// `began` at that instant. A send is timed from its start: a large
    /// write returns only once the receiver's window has let it all go.
    pub fn sent(&mut self, bytes: &[u8], began: Instant) {
        self.sent_in_pieces(bytes, vec![bytes.len()], began);
    }

    /// Records one message that was written in several pieces, the first
    /// of which `began` at that instant.
    pub fn sent_in_pieces(&mut self, bytes: &[u8], pieces: Vec<usize>, began: Instant) {
        self.send_count += 1;
        let call = self.call(self.send_count, bytes, began);
        self.events.push(Event::Send { call, pieces });
    }

    /// Records what one `recv` returned, timed when it returned: that is
    /// when the bytes were the application's.
    pub fn received(&mut self, bytes: &[u8]) {
        let call = self.recv_call(bytes);
        self.events.push(Event::Recv(call));
    }

    /// Records one datagram that a `recv` returned, with what the kernel
    /// said about its length.
    pub fn received_datagram(&mut self, bytes: &[u8], truncation: Truncation) {
        let call = self.recv_call(bytes);
        self.events.push(Event::Datagram { call, truncation });
    }

    /// Records that this side closed its sending direction.
    pub fn shut_down(&mut self) {
        let at = Instant::now().saturating_duration_since(self.epoch);
        self.events.push(Event::Shutdown { at });
    }

    /// Records how the receiving ended.
    pub fn ended(&mut self, ending: Ending) {
        self.events.push(Event::End(ending));
    }

    /// Everything, in order.
    #[must_use]
    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// How the receiving ended, if it has (`None` for a sender, or a
    /// receiver that stopped on its own once it had what it expected).
    #[must_use]
    pub fn ending(&self) -> Option<Ending> {
        self.events.iter().rev().find_map(|event| match event {
            Event::End(ending) => Some(*ending),
            _ => None,
        })
    }

    /// The sends, in order.
    #[must_use]
    pub fn sends(&self) -> Vec<&Call> {
        self.events
            .iter()
            .filter_map(|event| match event {
                Event::Send { call, .. } => Some(call),
                _ => None,
            })
            .collect()
    }

    /// The recvs (chunks or datagrams), in order.
    #[must_use]
    pub fn recvs(&self) -> Vec<&Call> {
        self.events
            .iter()
            .filter_map(|event| match event {
                Event::Recv(call) | Event::Datagram { call, .. } => Some(call),
                _ => None,
            })
            .collect()
    }

    /// How many recvs so far.
    #[must_use]
    pub fn recv_count(&self) -> usize {
        self.recv_count
    }

    /// All bytes received so far.
    #[must_use]
    pub fn received_bytes(&self) -> usize {
        self.received
    }

    fn recv_call(&mut self, bytes: &[u8]) -> Call {
        self.recv_count += 1;
        self.received += bytes.len();
        self.call(self.recv_count, bytes, Instant::now())
    }

    fn call(&self, index: usize, bytes: &[u8], at: Instant) -> Call {
        Call {
            index,
            bytes: bytes.to_vec(),
            at: at.saturating_duration_since(self.epoch),
        }
    }
}
