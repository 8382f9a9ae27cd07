//! Finding udp-server before the lesson's datagrams are sent.
//!
//! TCP's handshake tells a client that its server is there: `connect`
//! fails until it is, so a client can simply retry. UDP has no handshake.
//! A datagram sent before the server has bound its port is dropped without
//! a trace (at best an ICMP "port unreachable" comes back), so a client
//! started first would lose the whole lesson.
//!
//! So udp-client first sends a small **probe** datagram and waits for
//! udp-server's one-datagram **answer**, sending the probe again every
//! 100 ms until the answer comes or its patience runs out. Only then does
//! it send the lesson's datagrams. The probe and the answer are bench
//! equipment, not part of the lesson's traffic: they are never journaled,
//! and a server skips (and answers) a late or repeated probe wherever it
//! turns up.
//!
//! ```text
//!   udp-client                              udp-server
//!     probe  ─────────────────────────▶ ✗    (not started: dropped)
//!     probe  ─────────────────────────▶      binds, answers
//!            ◀───────────────────────── ready
//!     datagram #1, #2, …  ────────────▶      journaled
//! ```

use crate::TEXT;
use kit::error::Error;
use std::fmt;
use std::io;
use std::net::{SocketAddr, UdpSocket};
use std::thread;
use std::time::{Duration, Instant};

/// What udp-client sends to find the server.
pub const PROBE: &[u8] = b"sticky-packet-lab: is udp-server there?";
/// What udp-server answers.
pub const READY: &[u8] = b"sticky-packet-lab: udp-server is ready";
/// How long the client waits for an answer before probing again.
pub const EVERY: Duration = Duration::from_millis(100);

/// Whether `bytes` are a client's probe.
#[must_use]
pub fn is_probe(bytes: &[u8]) -> bool {
    bytes == PROBE
}

/// The server's answer to a probe from `to`.
pub fn answer(socket: &UdpSocket, to: SocketAddr) -> kit::Result<()> {
    socket
        .send_to(READY, to)
        .map(drop)
        .map_err(Error::io(kit::tr!(
            TEXT,
            "during-answering-probe",
            to = to.to_string()
        )))
}

/// The server's side of the probe: waits, as long as it takes, for the
/// first datagram. A probe is taken off the queue and answered; anything
/// else is left queued as the first datagram of the lesson (a student's
/// own client may not probe at all). Returns who sent it.
pub fn await_client(socket: &UdpSocket) -> kit::Result<SocketAddr> {
    let during = kit::tr!(TEXT, "during-awaiting-client");
    socket
        .set_read_timeout(None)
        .map_err(Error::io(during.as_str()))?;
    let mut look = vec![0u8; 64 * 1024];
    loop {
        match socket.peek_from(&mut look) {
            Ok((n, from)) if is_probe(&look[..n]) => {
                socket
                    .recv_from(&mut look)
                    .map_err(Error::io(during.as_str()))?;
                answer(socket, from)?;
                return Ok(from);
            }
            Ok((_, from)) => return Ok(from),
            // An ICMP error about an earlier answer: not a datagram.
            Err(e) if is_unreachable(&e) => {}
            Err(e) => return Err(Error::io(during)(e)),
        }
    }
}

/// The server answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Answered {
    /// The address the answer came from.
    pub from: SocketAddr,
    /// How long it took.
    pub after: Duration,
    /// Probes sent until then.
    pub probes: usize,
}

/// Nobody answered the probes within the retry window: the UDP form of
/// "connection refused", which UDP cannot say by itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoAnswer {
    /// Where the probes went.
    pub addr: SocketAddr,
    /// How long the client kept probing.
    pub waited: Duration,
    /// How many probes it sent.
    pub probes: usize,
    /// Whether an ICMP "port unreachable" was reported (Windows does for
    /// any UDP socket): the computer is there, but nothing has that UDP
    /// port open.
    pub refused: bool,
}

impl fmt::Display for NoAnswer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let how = if self.refused {
            kit::tr!(TEXT, "no-answer-refused")
        } else {
            kit::tr!(TEXT, "no-answer-silent")
        };
        f.write_str(&kit::tr!(
            TEXT,
            "no-answer",
            addr = self.addr.to_string(),
            secs = format!("{:.1}", self.waited.as_secs_f64()),
            probes = self.probes,
            how = how,
            port = self.addr.port()
        ))
    }
}

impl std::error::Error for NoAnswer {}

impl From<NoAnswer> for Error {
    fn from(error: NoAnswer) -> Error {
        Error::Lesson(Box::new(error))
    }
}

/// Probes `addr` from `socket` until udp-server answers or `patience`
/// runs out. The answer is taken from whichever address it comes: a server
/// listening on 0.0.0.0 may answer from another of its addresses.
pub fn find_server(
    socket: &UdpSocket,
    addr: SocketAddr,
    patience: Duration,
) -> kit::Result<Answered> {
    let started = Instant::now();
    let mut probes = 0;
    let mut refused = false;
    let mut reply = [0u8; 512];
    loop {
        match socket.send_to(PROBE, addr) {
            Ok(_) => probes += 1,
            // An ICMP error about an earlier probe may be reported on the
            // next call, which may be this send: the probe did not go out.
            Err(e) if is_unreachable(&e) => refused = true,
            Err(e) => {
                let during = kit::tr!(TEXT, "during-probing", addr = addr.to_string());
                return Err(Error::io(during)(e));
            }
        }
        let slot_ends = Instant::now() + EVERY;
        loop {
            let left = slot_ends.saturating_duration_since(Instant::now());
            if left.is_zero() {
                break;
            }
            socket
                .set_read_timeout(Some(left))
                .map_err(Error::io(kit::tr!(TEXT, "during-awaiting-answer")))?;
            match socket.recv_from(&mut reply) {
                Ok((n, from)) if &reply[..n] == READY => {
                    socket
                        .set_read_timeout(None)
                        .map_err(Error::io(kit::tr!(TEXT, "during-restoring")))?;
                    return Ok(Answered {
                        from,
                        after: started.elapsed(),
                        probes,
                    });
                }
                // Someone else's datagram is not the answer.
                Ok(_) => {}
                Err(e) if kit::error::is_timeout(&e) => break,
                Err(e) if is_unreachable(&e) => {
                    // Refused at once: wait out the slot rather than spin.
                    refused = true;
                    thread::sleep(left);
                    break;
                }
                Err(e) => {
                    return Err(Error::io(kit::tr!(TEXT, "during-awaiting-answer"))(e));
                }
            }
        }
        if started.elapsed() >= patience {
            return Err(NoAnswer {
                addr,
                waited: started.elapsed(),
                probes,
                refused,
            }
            .into());
        }
    }
}

/// An ICMP "port unreachable" reported on a UDP socket: Linux and macOS
/// say connection refused, Windows connection reset.
#[must_use]
pub fn is_unreachable(error: &io::Error) -> bool {
    matches!(
        error.kind(),
        io::ErrorKind::ConnectionRefused | io::ErrorKind::ConnectionReset
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::socket;

    #[test]
    fn a_server_that_answers_is_found() {
        let server = UdpSocket::bind("127.0.0.1:0").unwrap();
        let addr = server.local_addr().unwrap();
        let client = socket::for_sending_to(addr).unwrap();
        let answering = thread::spawn(move || {
            let mut probe = [0u8; 128];
            let (n, from) = server.recv_from(&mut probe).unwrap();
            assert!(is_probe(&probe[..n]));
            answer(&server, from).unwrap();
        });
        let found = find_server(&client, addr, Duration::from_secs(10)).unwrap();
        assert_eq!(found.from, addr);
        assert!(found.probes >= 1);
        answering.join().unwrap();
    }

    #[test]
    fn the_server_answers_a_probe_and_leaves_other_datagrams_queued() {
        let server = UdpSocket::bind("127.0.0.1:0").unwrap();
        let client = UdpSocket::bind("127.0.0.1:0").unwrap();
        client.connect(server.local_addr().unwrap()).unwrap();
        client.send(PROBE).unwrap();
        assert_eq!(await_client(&server).unwrap(), client.local_addr().unwrap());
        let mut reply = [0u8; 64];
        let n = client.recv(&mut reply).unwrap();
        assert_eq!(&reply[..n], READY);
        client.send(b"no probe").unwrap();
        assert_eq!(await_client(&server).unwrap(), client.local_addr().unwrap());
        let n = server.recv(&mut reply).unwrap();
        assert_eq!(&reply[..n], b"no probe", "still queued");
    }

    #[test]
    fn silence_is_reported_with_the_port_to_open() {
        let silent = UdpSocket::bind("127.0.0.1:0").unwrap();
        let addr = silent.local_addr().unwrap();
        let client = socket::for_sending_to(addr).unwrap();
        let failure = find_server(&client, addr, Duration::from_millis(250)).unwrap_err();
        let text = failure.to_string();
        assert!(
            text.starts_with(&format!("no udp-server answered at {addr} after ")),
            "{text}"
        );
        assert!(
            text.contains(&format!("UDP port {}", addr.port())),
            "{text}"
        );
        assert_eq!(failure.exit_code(), 1);
    }
}
