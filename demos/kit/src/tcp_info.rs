//! Reading the kernel's own record of a TCP connection (Linux `TCP_INFO`).
//!
//! The application sees `send` and `recv` calls; the kernel sees segments,
//! acknowledgements and connection states. Linux publishes its per-socket
//! counters through `getsockopt(IPPROTO_TCP, TCP_INFO)`, and the lab reads
//! a few of them to show what really happened on the wire: how many data
//! segments left ([`segments`](crate::segments)), whether the peer has
//! acknowledged everything, and whether its FIN has already arrived
//! ([`queue`](crate::queue)). socket2 has no `TCP_INFO` API, so this reads
//! it through libc; other platforms answer `None` and the demos say so.

use std::net::TcpStream;

/// The few `TCP_INFO` fields the lab reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
pub struct Info {
    /// Segments that carried data, retransmissions included
    /// (`tcpi_data_segs_out`).
    pub data_segs_out: u64,
    /// Segments sent but not yet acknowledged (`tcpi_unacked`).
    pub unacked: u32,
    /// Bytes written by the application but not yet sent
    /// (`tcpi_notsent_bytes`).
    pub notsent_bytes: u32,
    /// The peer's FIN has arrived: the connection is in `CLOSE_WAIT` (or
    /// later), so after the bytes already queued no more will come.
    pub peer_closed: bool,
}

/// The kernel's record of `stream`, where the platform has one.
#[must_use]
pub fn read(stream: &TcpStream) -> Option<Info> {
    imp::info(stream)
}

#[cfg(target_os = "linux")]
mod imp {
    use super::Info;
    use std::mem;
    use std::net::TcpStream;
    use std::os::fd::AsRawFd;

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
            data_segs_out: u64::from(raw.tcpi_data_segs_out),
            unacked: raw.tcpi_unacked,
            notsent_bytes: raw.tcpi_notsent_bytes,
            peer_closed: matches!(
                raw.tcpi_state,
                CLOSE_WAIT | LAST_ACK | CLOSING | TIME_WAIT | CLOSE
            ),
        })
    }
}

#[cfg(not(target_os = "linux"))]
mod imp {
    use super::Info;
    use std::net::TcpStream;

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
