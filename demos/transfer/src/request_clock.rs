//! The server's clock for one request: how long it waits for a request to
//! begin, and how long the request may take once it has.
//!
//! A read timeout alone counts the silence *between* bytes. A client that
//! sends one byte every 30 s never stays silent for the 60 s idle timeout,
//! so it can hold a connection — a slot and a thread — for ever, one byte
//! of request at a time (the "slowloris" attack, and the student's loop
//! that forgot to send the rest). So the clock has two hands:
//!
//! ```text
//!   between requests        first byte                       last byte
//!   ── idle_timeout ──────────▶ ├──── request_timeout, in all ─────┤
//!                               └─ and still at most idle_timeout ─┘
//!                                  between any two reads
//! ```
//!
//! Before each read the socket's timeout is set to whichever ends first.

use std::io::{self, Read};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use crate::error::is_timeout;
use crate::reason::Reason;

/// A reader over the client's socket for exactly one request.
#[derive(Debug)]
pub struct RequestClock<'a> {
    stream: &'a TcpStream,
    idle: Duration,
    whole: Duration,
    began: Option<Instant>,
}

impl<'a> RequestClock<'a> {
    /// Waits up to `idle` for the request's first byte, then up to `whole`
    /// from that byte for all of it.
    #[must_use]
    pub fn new(stream: &'a TcpStream, idle: Duration, whole: Duration) -> RequestClock<'a> {
        RequestClock {
            stream,
            idle,
            whole,
            began: None,
        }
    }

    /// The request's deadline has passed: the error and the sentence that
    /// the client receives before the server closes.
    fn late(&self) -> io::Error {
        io::Error::new(
            io::ErrorKind::TimedOut,
            Reason::new("refusal-late").with("secs", self.whole.as_secs_f64()),
        )
    }
}

impl Read for RequestClock<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let (wait, deadline_first) = match self.began {
            None => (self.idle, false),
            Some(began) => {
                let left = self.whole.saturating_sub(began.elapsed());
                if left.is_zero() {
                    return Err(self.late());
                }
                (left.min(self.idle), left < self.idle)
            }
        };
        self.stream.set_read_timeout(Some(wait))?;
        match (&mut &*self.stream).read(buf) {
            Ok(n) => {
                if n > 0 && self.began.is_none() {
                    self.began = Some(Instant::now());
                }
                Ok(n)
            }
            Err(e) if is_timeout(&e) => Err(if deadline_first {
                self.late()
            } else {
                let during = match self.began {
                    None => "refusal-idle-between",
                    Some(_) => "refusal-idle-within",
                };
                io::Error::new(
                    io::ErrorKind::TimedOut,
                    Reason::new(during).with("secs", self.idle.as_secs_f64()),
                )
            }),
            Err(e) => Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use std::net::TcpListener;

    fn pair() -> (TcpStream, TcpStream) {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let client = TcpStream::connect(listener.local_addr().unwrap()).unwrap();
        (listener.accept().unwrap().0, client)
    }

    #[test]
    fn a_request_dribbled_under_the_idle_timeout_still_meets_its_deadline() {
        let (server, mut client) = pair();
        let whole = Duration::from_millis(300);
        let mut clock = RequestClock::new(&server, Duration::from_secs(5), whole);
        // One byte is waiting; the request has begun. Nothing more comes,
        // so the read waits for the rest of the deadline, not the 5 s.
        client.write_all(b"x").unwrap();
        let mut buf = [0u8; 8];
        assert_eq!(clock.read(&mut buf).unwrap(), 1);
        let started = Instant::now();
        let error = clock.read(&mut buf).unwrap_err();
        assert!(started.elapsed() < Duration::from_secs(2));
        assert_eq!(error.kind(), io::ErrorKind::TimedOut);
        assert!(error.to_string().contains("--request-timeout"), "{error}");
    }

    #[test]
    fn silence_before_a_request_is_the_idle_timeout() {
        let (server, _client) = pair();
        let mut clock =
            RequestClock::new(&server, Duration::from_millis(100), Duration::from_secs(5));
        let error = clock.read(&mut [0u8; 8]).unwrap_err();
        assert!(error.to_string().contains("between requests"), "{error}");
    }
}
