//! Reading the kernel's own record of a TCP connection (Linux `TCP_INFO`,
//! macOS `TCP_CONNECTION_INFO`).
//!
//! The application sees `send` and `recv` calls; the kernel sees segments,
//! acknowledgements and connection states. Linux publishes its per-socket
//! counters through `getsockopt(IPPROTO_TCP, TCP_INFO)` and macOS through
//! `getsockopt(IPPROTO_TCP, TCP_CONNECTION_INFO)`; the lab reads a few of
//! them to show what really happened on the wire: how many segments left
//! ([`segments`](crate::segments)), whether the peer has acknowledged
//! everything, and whether its FIN has already arrived
//! ([`queue`](crate::queue)). socket2 has no API for either, so this reads
//! them through libc.
//!
//! Windows has `SIO_TCP_INFO`, but it counts bytes and retransmissions,
//! not the segments a connection sent; there, and on other systems, this
//! answers `None` and the demos say what they could not measure.

use std::net::TcpStream;

/// The few fields of the kernel's record that the lab reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(not(any(target_os = "linux", target_os = "macos")), allow(dead_code))]
pub struct Info {
    /// Segments this side sent that carried data, retransmissions
    /// included. Linux counts exactly that (`tcpi_data_segs_out`); macOS
    /// counts every packet (`tcpi_txpackets`), so there the handshake's two
    /// packets are taken off — and a pure ACK sent later would count too.
    pub segments_out: u64,
    /// Every byte the application wrote has been sent and acknowledged by
    /// the peer's kernel: [`segments_out`](Info::segments_out) is final.
    pub all_acked: bool,
    /// The peer's FIN has arrived: the connection is in `CLOSE_WAIT` (or
    /// later), so after the bytes already queued no more will come.
    pub peer_closed: bool,
    /// Segments sent and not yet acknowledged (`tcpi_unacked`; Linux only).
    pub unacked: Option<u32>,
    /// Bytes the application wrote that the kernel has not sent yet — what
    /// Nagle's algorithm (or a cork) holds back (`tcpi_notsent_bytes`;
    /// Linux only).
    pub notsent_bytes: Option<u32>,
}

/// The kernel's record of `stream`, where the platform has one.
#[must_use]
pub fn read(stream: &TcpStream) -> Option<Info> {
    imp::info(stream)
}

/// Where [`Info::segments_out`] comes from on this platform, for a story
/// that shows it (`None` where segments are not counted).
pub const SOURCE: Option<&str> = imp::SOURCE;

/// [`SOURCE`] as the story says it: on macOS its note on the handshake is
/// in the story's language.
#[must_use]
pub fn source() -> Option<String> {
    if cfg!(target_os = "macos") {
        Some(crate::tr!(crate::TEXT, "tcp-info-source-macos"))
    } else {
        SOURCE.map(str::to_string)
    }
}

#[cfg(target_os = "linux")]
mod imp {
    use super::Info;
    use std::mem;
    use std::net::TcpStream;
    use std::os::fd::AsRawFd;

    pub(super) const SOURCE: Option<&str> = Some("TCP_INFO tcpi_data_segs_out");

    /// `TCP_CLOSE_WAIT` and the states after it in `include/net/tcp_states.h`
    /// that a socket reaches only once the peer's FIN has been received.
    const CLOSE_WAIT: u8 = 8;
    const LAST_ACK: u8 = 9;
    const CLOSING: u8 = 11;
    const TIME_WAIT: u8 = 6;
    const CLOSE: u8 = 7;

    // getsockopt(2) has no safe wrapper for TCP_INFO, in std or socket2.
    #[allow(unsafe_code)]
    pub(super) fn info(stream: &TcpStream) -> Option<Info> {
        // SAFETY: tcp_info is plain old data; getsockopt writes at most `len`
        // bytes into it and tells us how many it wrote.
        let mut raw: libc::tcp_info = unsafe { mem::zeroed() };
        let mut len = mem::size_of::<libc::tcp_info>() as libc::socklen_t;
        let rc = unsafe {
            libc::getsockopt(
                stream.as_raw_fd(),
                libc::IPPROTO_TCP,
                libc::TCP_INFO,
                (&mut raw as *mut libc::tcp_info).cast(),
                &mut len,
            )
        };
        // Older kernels return a shorter struct without the data counters.
        let needed = mem::offset_of!(libc::tcp_info, tcpi_data_segs_out) + mem::size_of::<u32>();
        (rc == 0 && len as usize >= needed).then(|| Info {
            segments_out: u64::from(raw.tcpi_data_segs_out),
            all_acked: raw.tcpi_unacked == 0 && raw.tcpi_notsent_bytes == 0,
            peer_closed: matches!(
                raw.tcpi_state,
                CLOSE_WAIT | LAST_ACK | CLOSING | TIME_WAIT | CLOSE
            ),
            unacked: Some(raw.tcpi_unacked),
            notsent_bytes: Some(raw.tcpi_notsent_bytes),
        })
    }
}

#[cfg(target_os = "macos")]
mod imp {
    use super::Info;
    use std::mem;
    use std::net::TcpStream;
    use std::os::fd::AsRawFd;

    pub(super) const SOURCE: Option<&str> =
        Some("TCP_CONNECTION_INFO tcpi_txpackets, less the handshake's 2");

    /// The packets the connecting side sends in the handshake (SYN, then
    /// the ACK of the SYN-ACK), which `tcpi_txpackets` counts too. Every
    /// sender of the lab is the connecting side.
    const HANDSHAKE: u64 = 2;

    /// `TCPS_*` states of `<netinet/tcp_fsm.h>` that a socket reaches only
    /// once the peer's FIN has been received (and `CLOSED`, after a reset).
    const CLOSED: u8 = 0;
    const CLOSE_WAIT: u8 = 5;
    const CLOSING: u8 = 7;
    const LAST_ACK: u8 = 8;
    const TIME_WAIT: u8 = 10;

    // getsockopt(2) has no safe wrapper for TCP_CONNECTION_INFO, in std or
    // socket2.
    #[allow(unsafe_code)]
    pub(super) fn info(stream: &TcpStream) -> Option<Info> {
        // SAFETY: tcp_connection_info is plain old data; getsockopt writes
        // at most `len` bytes into it and tells us how many it wrote.
        let mut raw: libc::tcp_connection_info = unsafe { mem::zeroed() };
        let mut len = mem::size_of::<libc::tcp_connection_info>() as libc::socklen_t;
        let rc = unsafe {
            libc::getsockopt(
                stream.as_raw_fd(),
                libc::IPPROTO_TCP,
                libc::TCP_CONNECTION_INFO,
                (&mut raw as *mut libc::tcp_connection_info).cast(),
                &mut len,
            )
        };
        let needed =
            mem::offset_of!(libc::tcp_connection_info, tcpi_txpackets) + mem::size_of::<u64>();
        (rc == 0 && len as usize >= needed).then(|| Info {
            segments_out: raw.tcpi_txpackets.saturating_sub(HANDSHAKE),
            // BSD keeps sent bytes in the send buffer until they are ACKed.
            all_acked: raw.tcpi_snd_sbbytes == 0,
            peer_closed: matches!(
                raw.tcpi_state,
                CLOSED | CLOSE_WAIT | CLOSING | LAST_ACK | TIME_WAIT
            ),
            // Sent-but-unACKed and not-yet-sent bytes share one count here.
            unacked: None,
            notsent_bytes: None,
        })
    }
}

#[cfg(not(any(target_os = "linux", target_os = "macos")))]
mod imp {
    use super::Info;
    use std::net::TcpStream;

    pub(super) const SOURCE: Option<&str> = None;

    pub(super) fn info(_: &TcpStream) -> Option<Info> {
        None
    }
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;
    use std::io::Write;
    use std::net::{Shutdown, TcpListener};
    use std::time::{Duration, Instant};

    #[test]
    fn the_peers_fin_is_seen_while_its_bytes_are_still_queued() {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let mut client = TcpStream::connect(listener.local_addr().unwrap()).unwrap();
        let (server, _) = listener.accept().unwrap();
        assert!(!read(&server).unwrap().peer_closed);
        client.write_all(b"queued").unwrap();
        client.shutdown(Shutdown::Write).unwrap();
        // The FIN travels over loopback in microseconds; poll the state
        // the kernel reports until it changes (or fail after 10 s).
        let until = Instant::now() + Duration::from_secs(10);
        while !read(&server).unwrap().peer_closed {
            assert!(Instant::now() < until, "no FIN seen");
            std::thread::yield_now();
        }
        let mut queued = [0u8; 16];
        assert_eq!(server.peek(&mut queued).unwrap(), 6, "the bytes wait");
    }
}
