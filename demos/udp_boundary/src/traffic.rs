//! Sending and receiving datagrams while journaling every call — the UDP
//! counterpart of `kit::stream`.
//!
//! A UDP receiver has no end of stream to wait for: no FIN, no `recv`
//! returning 0 (an empty datagram is a real one). So it stops when it has
//! the datagrams it expected, or when none has arrived for a while. That
//! pause must be generous enough for datagrams still on their way: even on
//! loopback a `send` returns before delivery is certain, because the
//! loopback device hands each datagram to a per-CPU backlog that a softirq
//! empties into the receiver's queue a moment later.

use crate::TEXT;
use crate::datagram;
use crate::probe;
use kit::error::{Error, Result};
use kit::journal::Journal;
use std::io;
use std::net::{SocketAddr, UdpSocket};
use std::time::{Duration, Instant};

/// The buffer used to look at a datagram before taking it: larger than
/// any UDP payload, so nothing is ever cut by a look.
const LOOK: usize = 64 * 1024;

/// Sends each message to `to` as one datagram and journals it. UDP sends
/// a datagram whole or not at all.
pub fn send_each<M: AsRef<[u8]>>(
    socket: &UdpSocket,
    to: SocketAddr,
    journal: &mut Journal,
    messages: &[M],
) -> Result<()> {
    for (i, message) in messages.iter().enumerate() {
        let began = Instant::now();
        socket
            .send_to(message.as_ref(), to)
            .map_err(Error::io(kit::tr!(TEXT, "during-sending", index = i + 1)))?;
        journal.sent(message.as_ref(), began);
    }
    Ok(())
}

/// A datagram the sender's own kernel refused to send: nothing left.
#[derive(Debug)]
pub struct Refused {
    /// 1-based number of the message among those to send.
    pub index: usize,
    /// Its size in bytes.
    pub len: usize,
    /// What the operating system said.
    pub error: io::Error,
}

/// Sends each message to `to` as one datagram, journaling those that left
/// and returning those the kernel refused — too big, or (on some systems)
/// no buffer space for one more. For UDP a refused send is part of the
/// story, not the end of the run.
pub fn try_send_each<M: AsRef<[u8]>>(
    socket: &UdpSocket,
    to: SocketAddr,
    journal: &mut Journal,
    messages: &[M],
) -> Vec<Refused> {
    let mut refused = Vec::new();
    for (i, message) in messages.iter().enumerate() {
        let began = Instant::now();
        match socket.send_to(message.as_ref(), to) {
            Ok(_) => journal.sent(message.as_ref(), began),
            Err(error) => refused.push(Refused {
                index: i + 1,
                len: message.as_ref().len(),
                error,
            }),
        }
    }
    refused
}

/// When a receiver stops reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Wait {
    /// Stop once this many datagrams have been received.
    pub expected: usize,
    /// Stop once no datagram has arrived for this long.
    pub quiet: Duration,
}

/// Why the receiver stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    /// Every expected datagram came.
    All,
    /// The sender fell quiet first.
    Quiet,
}

impl Wait {
    /// "until all 3 had come" ("until it had come" for one), or "until
    /// none had come for 200 ms", in the process's language.
    #[must_use]
    pub fn describe(&self, ended: Ended) -> String {
        match ended {
            Ended::All if self.expected == 1 => kit::tr!(TEXT, "until-it"),
            Ended::All => kit::tr!(TEXT, "until-all", expected = self.expected),
            Ended::Quiet => kit::tr!(TEXT, "until-quiet", ms = self.quiet.as_millis().to_string()),
        }
    }
}

/// Calls `recv` with a `size`-byte buffer once per datagram, journaling
/// each with what the kernel said about its length, until `wait` says
/// stop. A client's probe that turns up on the way is answered and left
/// out of the journal: it is not part of the lesson.
pub fn recv_each(
    socket: &UdpSocket,
    journal: &mut Journal,
    size: usize,
    wait: Wait,
) -> Result<Ended> {
    socket
        .set_read_timeout(Some(wait.quiet.max(Duration::from_millis(1))))
        .map_err(Error::io(during(journal)))?;
    let mut look = vec![0u8; LOOK];
    let ended = loop {
        if journal.recvs().len() >= wait.expected {
            break Ended::All;
        }
        // Look first, without taking: a probe must not be read with the
        // lesson's (perhaps tiny) buffer.
        match socket.peek_from(&mut look) {
            Ok((n, from)) if probe::is_probe(&look[..n]) => {
                socket
                    .recv_from(&mut look)
                    .map_err(Error::io(during(journal)))?;
                probe::answer(socket, from)?;
            }
            Ok(_) => {
                let got = datagram::recv(socket, size).map_err(Error::io(during(journal)))?;
                journal.received_datagram(&got.bytes, got.truncation);
            }
            Err(e) if kit::error::is_timeout(&e) => break Ended::Quiet,
            // An ICMP error about an answer we sent earlier: not a datagram.
            Err(e) if probe::is_unreachable(&e) => {}
            Err(e) => return Err(Error::io(during(journal))(e)),
        }
    };
    socket
        .set_read_timeout(None)
        .map_err(Error::io(kit::tr!(TEXT, "during-restoring")))?;
    Ok(ended)
}

/// What a receiver was doing, for an error message.
fn during(journal: &Journal) -> String {
    kit::tr!(TEXT, "during-receiving", count = journal.recvs().len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::socket;

    #[test]
    fn a_probe_on_the_way_is_answered_and_not_journaled() {
        let (sender, receiver, to) = socket::loopback_pair().unwrap();
        sender.send_to(probe::PROBE, to).unwrap();
        sender.send_to(b"lesson", to).unwrap();
        let mut journal = Journal::new(Instant::now());
        let wait = Wait {
            expected: 1,
            quiet: Duration::from_secs(10),
        };
        let ended = recv_each(&receiver, &mut journal, 4, wait).unwrap();
        assert_eq!(ended, Ended::All);
        assert_eq!(journal.recvs().len(), 1);
        assert_eq!(journal.recvs()[0].bytes, b"less", "cut to the buffer");
        let mut answer = [0u8; 64];
        let n = sender.recv(&mut answer).unwrap();
        assert_eq!(&answer[..n], probe::READY);
    }

    #[test]
    fn silence_ends_the_wait() {
        let (_sender, receiver, _) = socket::loopback_pair().unwrap();
        let mut journal = Journal::new(Instant::now());
        let wait = Wait {
            expected: 3,
            quiet: Duration::from_millis(50),
        };
        assert_eq!(
            recv_each(&receiver, &mut journal, 64, wait).unwrap(),
            Ended::Quiet
        );
        assert!(journal.recvs().is_empty());
    }
}
