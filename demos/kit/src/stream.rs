//! Writing and reading a TCP byte stream while journaling every call.
//!
//! These are the loops every demo shares. They are deliberately plain —
//! one `write_all` per message, one `read` per recv — because the point of
//! the lab is to show what those plain calls do.

use crate::error::{self, Error, Result};
use crate::journal::Ending;
use crate::journaled::Journaled;
use crate::segments;
use std::io::{self, Read};
use std::net::{Shutdown, TcpStream};
use std::time::Duration;

/// The buffer a receiver hands to `recv` unless a demo says otherwise:
/// larger than any small-message demo, so the buffer is never what splits.
pub const RECV_BUFFER: usize = 64 * 1024;

/// Sends each message with its own `write_all`, as the tutorial's
/// `conn.send(...)` calls do: one journaled send each.
pub fn send_each<M: AsRef<[u8]>>(conn: &mut Journaled<TcpStream>, messages: &[M]) -> Result<()> {
    for (i, message) in messages.iter().enumerate() {
        conn.send(message.as_ref()).map_err(Error::io(crate::tr!(
            crate::TEXT,
            "stream-sending",
            message = i + 1
        )))?;
    }
    Ok(())
}

/// Ends the sending side: waits (on Linux) until the peer's kernel has
/// `ACKed` every byte, so the segment count is final, then sends FIN and
/// journals it. Returns the data segments sent, where the platform counts
/// them.
pub fn finish_sending(conn: &mut Journaled<TcpStream>) -> Result<Option<u64>> {
    let stream = conn.get_ref();
    let segments = segments::wait_until_acked(stream, Duration::from_secs(5))
        .then(|| segments::data_segments_out(stream))
        .flatten();
    // The peer may already have closed; its data is in, so that is fine.
    if stream.shutdown(Shutdown::Write).is_ok() {
        conn.shut_down();
    }
    Ok(segments)
}

/// How much more than the expected bytes a receiver holds before it stops
/// reading: a peer that sends something else gets a screenful of it, not
/// a chance to fill this computer's memory.
pub const SLACK: usize = 64 * 1024;

/// Calls `recv` with a `size`-byte buffer until the peer closes, journaling
/// each chunk; `after_each` runs on the bare stream after every non-empty
/// recv (what it does there is not part of the lesson).
///
/// Every recv waits at most the socket's read timeout (the binaries'
/// `--timeout`): a peer that falls silent without closing ends the
/// receiving with [`Ending::Silent`] instead of freezing the program. A
/// peer that sends more than `limit` bytes ends it with
/// [`Ending::Stopped`], and a reset with [`Ending::Reset`]; each is
/// recorded in the journal for the verdict to explain.
pub fn recv_until_closed(
    conn: &mut Journaled<TcpStream>,
    size: usize,
    limit: usize,
    mut after_each: impl FnMut(&mut TcpStream) -> Result<()>,
) -> Result<()> {
    let mut buffer = vec![0u8; size.max(1)];
    loop {
        let received = conn.journal().received_bytes();
        if received >= limit {
            conn.ended(Ending::Stopped { limit });
            return Ok(());
        }
        // Never ask for more than the limit leaves room for.
        let room = (limit - received).min(buffer.len());
        match conn.read(&mut buffer[..room]) {
            Ok(0) => {
                conn.ended(Ending::Closed);
                return Ok(());
            }
            Ok(_) => after_each(conn.get_mut())?,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) if error::is_timeout(&e) => {
                let waited = conn.get_ref().read_timeout().ok().flatten();
                conn.ended(Ending::Silent {
                    waited: waited.unwrap_or_default(),
                });
                return Ok(());
            }
            Err(e) if e.kind() == io::ErrorKind::ConnectionReset => {
                conn.ended(Ending::Reset);
                return Ok(());
            }
            Err(e) => {
                let during = crate::tr!(crate::TEXT, "stream-receiving", bytes = received);
                return Err(Error::io(during)(e));
            }
        }
    }
}
