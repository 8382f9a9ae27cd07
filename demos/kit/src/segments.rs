//! Counting the TCP segments a sender really put on the wire.
//!
//! The number of `send` calls says nothing about the number of segments:
//! Nagle's algorithm may hold small writes back and merge them, and a large
//! write is cut to the path's MSS. Linux keeps per-connection counters in
//! `TCP_INFO`; `tcpi_data_segs_out` counts the segments that carried data
//! (retransmissions included), which is what a demo compares with the
//! number of sends. socket2 has no TCP_INFO API, so this reads it through
//! libc. Other platforms have no such counter: [`data_segments_out`]
//! returns `None` there and the demo says so.

use std::net::TcpStream;
use std::time::Duration;

/// What a demo prints where the platform cannot count segments.
pub const UNAVAILABLE: &str =
    "segment counts come from Linux's TCP_INFO, which this platform does not have";

/// Data segments sent so far on this connection (`tcpi_data_segs_out`).
pub fn data_segments_out(stream: &TcpStream) -> Option<u64> {
    imp::info(stream).map(|info| info.data_segs_out)
}

/// Waits until every byte written to `stream` has been sent and ACKed by
/// the peer's kernel, so that the segment count is final. Returns `false`
/// on platforms without TCP_INFO, or if `deadline` passed first.
pub fn wait_until_acked(stream: &TcpStream, deadline: Duration) -> bool {
    let started = std::time::Instant::now();
    while started.elapsed() < deadline {
        match imp::info(stream) {
            Some(info) if info.unacked == 0 && info.notsent_bytes == 0 => return true,
            Some(_) => std::thread::sleep(Duration::from_millis(1)),
            None => return false,
        }
    }
    false
}

/// The few TCP_INFO counters the lab reads.
#[derive(Debug, Clone, Copy)]
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
struct Info {
    data_segs_out: u64,
    unacked: u32,
    notsent_bytes: u32,
}

#[cfg(target_os = "linux")]
mod imp {
    use super::Info;
    use std::mem;
    use std::net::TcpStream;
    use std::os::fd::AsRawFd;

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
    use std::io::{Read, Write};
    use std::net::TcpListener;

    #[test]
    fn a_small_write_is_one_data_segment() {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let mut client = TcpStream::connect(listener.local_addr().unwrap()).unwrap();
        let (mut server, _) = listener.accept().unwrap();
        assert_eq!(
            data_segments_out(&client),
            Some(0),
            "the handshake carries no data"
        );
        client.write_all(b"one").unwrap();
        assert!(wait_until_acked(&client, Duration::from_secs(10)));
        assert_eq!(data_segments_out(&client), Some(1));
        let mut got = [0u8; 3];
        server.read_exact(&mut got).unwrap();
    }
}
