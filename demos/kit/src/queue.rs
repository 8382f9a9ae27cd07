//! Watching the receive queue without taking anything out of it.
//!
//! A "late reader" is a receiver that calls `recv` only after the sender's
//! bytes have all arrived. That is what a busy server does by accident, and
//! what makes sticky packets reproducible on purpose: the kernel appends
//! every arriving segment to one receive queue, and a single `recv` then
//! hands back everything queued, with no trace of where one `send` ended.
//!
//! The reader learns how much is queued with `MSG_PEEK`, which copies bytes
//! out *without* removing them. Synchronising on the receiver's own queue,
//! rather than on a "done" signal from the sender, is what makes the outcome
//! the same on every run: the bytes are provably there when `recv` is called.

use crate::error::{self, Error, Result};
use crate::tcp_info;
use std::net::TcpStream;
use std::thread;
use std::time::{Duration, Instant};

/// How long to wait for bytes to be queued, and when to stop early.
#[derive(Debug, Clone, Copy)]
pub struct Patience {
    /// Give up after this long, whatever is queued.
    pub deadline: Duration,
    /// Stop early once some bytes are queued and no more arrived for this
    /// long: the sender has evidently finished, with fewer bytes than
    /// expected (a peer on another computer may send other messages).
    pub quiet: Option<Duration>,
}

impl Patience {
    /// For a peer on another computer, which may send other messages than
    /// this side expects: wait up to `deadline` (the binaries' `--timeout`),
    /// but stop once the sender has been quiet for a second.
    #[must_use]
    pub fn across_computers(deadline: Duration) -> Patience {
        Patience {
            deadline,
            quiet: Some(Duration::from_secs(1)),
        }
    }

    /// Waits only for the expected count (or the deadline): for runs where
    /// both sides are ours and the count is known exactly.
    #[must_use]
    pub fn exact(deadline: Duration) -> Patience {
        Patience {
            deadline,
            quiet: None,
        }
    }
}

/// What the receive queue held when the wait ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Queued {
    /// At least the expected number of bytes is queued (the exact count).
    All(usize),
    /// The sender went quiet, or the deadline passed, with this many queued.
    Some(usize),
    /// The peer closed the connection with nothing queued.
    Closed,
}

/// Blocks until at least `expected` bytes wait in `stream`'s receive queue,
/// then returns without reading any of them.
///
/// It also stops as soon as the peer's FIN has arrived (where the kernel
/// tells, through [`tcp_info`]): a sender that closed early sends nothing
/// more, so there is nothing to wait for.
pub fn wait_until_queued(
    stream: &TcpStream,
    expected: usize,
    patience: Patience,
) -> Result<Queued> {
    let during = crate::tr!(crate::TEXT, "queue-waiting", bytes = expected);
    let mut window = vec![0u8; expected.max(1)];
    let started = Instant::now();
    let mut last = (0usize, Instant::now());
    // A short read timeout turns an empty queue into WouldBlock instead of
    // blocking forever, so the deadline can be checked. The caller's own
    // timeout is put back afterwards.
    let before = stream.read_timeout().map_err(Error::io(during.clone()))?;
    stream
        .set_read_timeout(Some(Duration::from_millis(20)))
        .map_err(Error::io(during.clone()))?;
    let outcome = loop {
        match stream.peek(&mut window) {
            Ok(0) => break Ok(Queued::Closed),
            Ok(n) if n >= expected => break Ok(Queued::All(n)),
            Ok(n) => {
                if n != last.0 {
                    last = (n, Instant::now());
                }
                if patience.quiet.is_some_and(|q| last.1.elapsed() >= q)
                    || tcp_info::read(stream).is_some_and(|info| info.peer_closed)
                {
                    break Ok(Queued::Some(n));
                }
            }
            Err(e) if error::is_timeout(&e) => {}
            Err(e) => break Err(Error::io(during.clone())(e)),
        }
        if started.elapsed() >= patience.deadline {
            break match last.0 {
                0 => Err(Error::PeerSilent {
                    during,
                    waited: Some(started.elapsed()),
                }),
                n => Ok(Queued::Some(n)),
            };
        }
        // Bytes are queued but not all of them: look again in a moment. (An
        // empty queue already waited inside `peek`.)
        if last.0 > 0 {
            thread::sleep(Duration::from_millis(1));
        }
    };
    stream
        .set_read_timeout(before)
        .map_err(Error::io(crate::tr!(
            crate::TEXT,
            "queue-restoring-timeout"
        )))?;
    outcome
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use std::net::TcpListener;

    #[test]
    fn waits_for_every_byte_and_leaves_them_queued() {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let mut client = TcpStream::connect(listener.local_addr().unwrap()).unwrap();
        let (server, _) = listener.accept().unwrap();
        let writer = thread::spawn(move || {
            for piece in [&b"abc"[..], b"defg", b"h"] {
                client.write_all(piece).unwrap();
            }
            client
        });
        let queued = wait_until_queued(&server, 8, Patience::exact(Duration::from_secs(10)));
        assert_eq!(queued.unwrap(), Queued::All(8));
        let mut all = [0u8; 16];
        assert_eq!(server.peek(&mut all).unwrap(), 8, "peek took nothing out");
        drop(writer.join());
    }

    #[test]
    fn a_quiet_sender_ends_the_wait_with_what_came() {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let mut client = TcpStream::connect(listener.local_addr().unwrap()).unwrap();
        let (server, _) = listener.accept().unwrap();
        client.write_all(b"only five").unwrap();
        let patience = Patience {
            deadline: Duration::from_secs(10),
            quiet: Some(Duration::from_millis(100)),
        };
        let queued = wait_until_queued(&server, 100, patience).unwrap();
        assert_eq!(queued, Queued::Some(9));
    }

    /// A sender that closes with fewer bytes than expected ends the wait
    /// when its FIN arrives, not when some deadline passes.
    #[cfg(target_os = "linux")]
    #[test]
    fn a_sender_that_closes_early_ends_the_wait_at_its_fin() {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let mut client = TcpStream::connect(listener.local_addr().unwrap()).unwrap();
        let (server, _) = listener.accept().unwrap();
        client.write_all(b"only five").unwrap();
        drop(client);
        let (done, waited) = std::sync::mpsc::channel();
        thread::spawn(move || {
            // No quiet period and an hour's deadline: only the FIN can end it.
            let patience = Patience::exact(Duration::from_secs(3600));
            let _ = done.send(wait_until_queued(&server, 100, patience).unwrap());
        });
        let queued = waited
            .recv_timeout(Duration::from_secs(10))
            .expect("the FIN should end the wait");
        assert_eq!(queued, Queued::Some(9));
    }

    #[test]
    fn the_callers_read_timeout_is_put_back() {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let mut client = TcpStream::connect(listener.local_addr().unwrap()).unwrap();
        let (server, _) = listener.accept().unwrap();
        server
            .set_read_timeout(Some(Duration::from_secs(7)))
            .unwrap();
        client.write_all(b"four").unwrap();
        let queued = wait_until_queued(&server, 4, Patience::exact(Duration::from_secs(10)));
        assert_eq!(queued.unwrap(), Queued::All(4));
        assert_eq!(server.read_timeout().unwrap(), Some(Duration::from_secs(7)));
    }

    #[test]
    fn a_closed_empty_connection_is_reported() {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let client = TcpStream::connect(listener.local_addr().unwrap()).unwrap();
        let (server, _) = listener.accept().unwrap();
        drop(client);
        let queued = wait_until_queued(&server, 4, Patience::exact(Duration::from_secs(10)));
        assert_eq!(queued.unwrap(), Queued::Closed);
    }
}
