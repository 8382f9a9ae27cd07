//! Counting the TCP segments a sender really put on the wire.
//!
//! The number of `send` calls says nothing about the number of segments:
//! Nagle's algorithm may hold small writes back and merge them, and a large
//! write is cut to the path's MSS. The kernel keeps per-connection counters
//! ([`tcp_info`](crate::tcp_info)): Linux's `tcpi_data_segs_out` counts the
//! segments that carried data (retransmissions included), which is what a
//! demo compares with the number of sends; macOS's `tcpi_txpackets` counts
//! every packet, which for a sender is its data segments once the
//! handshake is taken off. Windows keeps no per-connection segment count:
//! [`data_segments_out`] returns `None` there and the demo says so.

use crate::tcp_info;
use std::net::TcpStream;
use std::time::Duration;

/// What a demo prints where the platform cannot count segments.
#[must_use]
pub fn unavailable() -> String {
    if cfg!(windows) {
        crate::tr!(crate::TEXT, "segments-unavailable-windows")
    } else {
        crate::tr!(crate::TEXT, "segments-unavailable")
    }
}

/// Data segments sent so far on this connection.
#[must_use]
pub fn data_segments_out(stream: &TcpStream) -> Option<u64> {
    tcp_info::read(stream).map(|info| info.segments_out)
}

/// Waits until every byte written to `stream` has been sent and `ACKed` by
/// the peer's kernel, so that the segment count is final. Returns `false`
/// on platforms without a kernel record, or if `deadline` passed first.
#[must_use]
pub fn wait_until_acked(stream: &TcpStream, deadline: Duration) -> bool {
    let started = std::time::Instant::now();
    while started.elapsed() < deadline {
        match tcp_info::read(stream) {
            Some(info) if info.all_acked => return true,
            Some(_) => std::thread::sleep(Duration::from_millis(1)),
            None => return false,
        }
    }
    false
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
