//! The sending side the pitfalls share: each buffer in one `sendall`,
//! journaled as one send, then the end of the stream.

use crate::TEXT;
use kit::error::{Error, Result};
use kit::loopback::End;
use kit::report::Side;
use kit::stream;

/// Sends each of `writes` with one `write_all` (Python's `sendall`) and
/// closes the sending direction.
///
/// `TCP_NODELAY` is switched on first: a 4-byte header written on its own
/// and followed by a body is exactly what Nagle's algorithm holds back
/// (lesson 3). Here every write should leave at once, so that only the
/// pitfall under study shapes what the receiver sees.
pub fn send_each(end: End, writes: &[Vec<u8>]) -> Result<Side> {
    let (mut conn, mut knobs) = end.journaled();
    let stream = conn.get_ref();
    stream
        .set_nodelay(true)
        .map_err(Error::io(kit::tr!(TEXT, "doing-nodelay")))?;
    knobs.nodelay = stream.nodelay().ok();
    stream::send_each(&mut conn, writes)?;
    let segments_out = stream::finish_sending(&mut conn)?;
    Ok(Side {
        journal: conn.into_parts().1,
        knobs,
        segments_out,
    })
}
