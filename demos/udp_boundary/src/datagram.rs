//! One `recv` on a UDP socket: one datagram, and what the kernel says
//! about it when it did not fit.
//!
//! A UDP socket queues each arriving datagram as a unit, and a `recv`
//! takes exactly one unit off the queue — never part of one, never two.
//! When the buffer handed to `recv` is smaller than the datagram, the
//! kernel copies what fits and **throws the rest away**: the next `recv`
//! returns the next datagram. Whether that happened is reported only by
//! `recvmsg`, which sets the `MSG_TRUNC` flag on the message; a plain
//! `recv` (Rust's `UdpSocket::recv`, Python's `sock.recv(16)`) returns
//! the cut bytes and says nothing on Linux and macOS (Windows turns it into
//! an error, WSAEMSGSIZE, but the rest is gone there too).
//!
//! ```text
//!   queue     [下雨天留客天留人不留 30 B] [不留 6 B]
//!   recv(16)  → 16 B + MSG_TRUNC        the other 14 B are discarded
//!   recv(16)  → 6 B                     the next datagram, not the rest
//! ```
//!
//! Linux can also say how long the datagram really was: `recv` with the
//! input flags `MSG_TRUNC | MSG_PEEK` returns the datagram's full length
//! and leaves it queued. Other systems have no such call, so there the
//! real length of a truncated datagram stays unknown.

use kit::journal::Truncation;
use socket2::{MaybeUninitSlice, SockRef};
use std::io;
use std::mem::MaybeUninit;
use std::net::{SocketAddr, UdpSocket};

/// One datagram as a `recv` returned it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Received {
    /// The bytes that fitted the buffer.
    pub bytes: Vec<u8>,
    /// Who sent it.
    pub from: SocketAddr,
    /// Whether the datagram was cut short, and its full length if known.
    pub truncation: Truncation,
}

/// Takes the next datagram off `socket`'s queue with a `size`-byte buffer,
/// waiting for one as long as the socket's read timeout allows.
pub fn recv(socket: &UdpSocket, size: usize) -> io::Result<Received> {
    let socket = SockRef::from(socket);
    // Asked first, because afterwards the datagram is gone from the queue.
    let real_len = real_len_of_next(&socket)?;
    // Every byte starts initialised, so reading the buffer back is sound
    // whatever the kernel wrote into it.
    let mut buffer = vec![MaybeUninit::new(0u8); size];
    let (n, flags, from) = socket.recv_from_vectored(&mut [MaybeUninitSlice::new(&mut buffer)])?;
    let bytes = buffer[..n.min(size)]
        .iter()
        // SAFETY: every element was initialised with `MaybeUninit::new`
        // above, and socket2 promises never to write uninitialised bytes.
        .map(
            #[allow(unsafe_code)]
            |byte| unsafe { byte.assume_init() },
        )
        .collect::<Vec<u8>>();
    let truncated = flags.is_truncated();
    let truncation = Truncation {
        truncated,
        // A datagram that fitted is exactly as long as what came back.
        real_len: if truncated {
            real_len
        } else {
            Some(bytes.len())
        },
    };
    let from = from.as_socket().ok_or_else(|| {
        io::Error::new(io::ErrorKind::InvalidData, "a datagram from no IP address")
    })?;
    Ok(Received {
        bytes,
        from,
        truncation,
    })
}

/// Whether this platform can tell the full length of a truncated datagram.
pub const REPORTS_REAL_LEN: bool = cfg!(target_os = "linux");

/// The full length of the datagram at the head of the queue, without
/// taking it off (Linux: `recv(MSG_TRUNC | MSG_PEEK)` returns the real
/// length, not the bytes copied — here none at all).
#[cfg(target_os = "linux")]
fn real_len_of_next(socket: &SockRef<'_>) -> io::Result<Option<usize>> {
    socket
        .recv_with_flags(&mut [], libc::MSG_TRUNC | libc::MSG_PEEK)
        .map(Some)
}

/// Other systems cannot say how long a truncated datagram was.
#[cfg(not(target_os = "linux"))]
fn real_len_of_next(_: &SockRef<'_>) -> io::Result<Option<usize>> {
    Ok(None)
}

/// The operating system's words for a failed call (in the lab's words for
/// the Winsock errors, see `kit::error::plain`), without Rust's "(os error
/// 90)" suffix but with the error's C name where it is one the lesson
/// talks about.
#[must_use]
pub fn os_says(error: &io::Error) -> String {
    let words = kit::error::plain(error);
    let words = words.trim_end_matches('.');
    match error.raw_os_error() {
        Some(code) if code == EMSGSIZE => format!("{words} ({EMSGSIZE_NAME})"),
        _ => words.to_string(),
    }
}

#[cfg(target_os = "linux")]
const EMSGSIZE: i32 = libc::EMSGSIZE;
/// EMSGSIZE on macOS and the BSDs.
#[cfg(all(unix, not(target_os = "linux")))]
const EMSGSIZE: i32 = 40;
/// WSAEMSGSIZE.
#[cfg(windows)]
const EMSGSIZE: i32 = 10040;
#[cfg(not(any(unix, windows)))]
const EMSGSIZE: i32 = -1;

#[cfg(not(windows))]
const EMSGSIZE_NAME: &str = "EMSGSIZE";
#[cfg(windows)]
const EMSGSIZE_NAME: &str = "WSAEMSGSIZE";

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn pair() -> (UdpSocket, UdpSocket) {
        let receiver = UdpSocket::bind("127.0.0.1:0").unwrap();
        receiver
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        let sender = UdpSocket::bind("127.0.0.1:0").unwrap();
        // Connected, so that the tests can use plain `send`.
        sender.connect(receiver.local_addr().unwrap()).unwrap();
        (sender, receiver)
    }

    #[test]
    fn a_datagram_that_fits_comes_back_whole_and_untruncated() {
        let (sender, receiver) = pair();
        sender.send(b"hello").unwrap();
        let got = recv(&receiver, 64).unwrap();
        assert_eq!(got.bytes, b"hello");
        assert_eq!(got.from, sender.local_addr().unwrap());
        assert_eq!(
            got.truncation,
            Truncation {
                truncated: false,
                real_len: Some(5)
            }
        );
    }

    #[test]
    fn a_plain_std_recv_truncates_without_a_word() {
        let (sender, receiver) = pair();
        sender.send(b"0123456789").unwrap();
        let mut small = [0u8; 4];
        // Windows reports the cut as an error; Unix returns the 4 bytes as
        // if nothing had happened.
        if let Ok(n) = receiver.recv(&mut small) {
            assert_eq!(n, 4);
            assert_eq!(&small, b"0123");
        }
        sender.send(b"next").unwrap();
        assert_eq!(
            recv(&receiver, 64).unwrap().bytes,
            b"next",
            "the rest is gone"
        );
    }

    #[test]
    fn emsgsize_is_named() {
        let error = io::Error::from_raw_os_error(EMSGSIZE);
        assert!(os_says(&error).ends_with(&format!("({EMSGSIZE_NAME})")));
        assert!(!os_says(&error).contains("os error"));
        assert!(
            os_says(&error).starts_with("message too long"),
            "{}",
            os_says(&error)
        );
    }

    /// Windows' own text for WSAEMSGSIZE is three lines long (and Wine has
    /// none): the lesson prints the same words as on Linux. (The words
    /// themselves are tested on every system in `kit::error`.)
    #[cfg(windows)]
    #[test]
    fn wsaemsgsize_reads_as_on_linux() {
        let error = io::Error::from_raw_os_error(10040);
        assert_eq!(os_says(&error), "message too long (WSAEMSGSIZE)");
    }
}
