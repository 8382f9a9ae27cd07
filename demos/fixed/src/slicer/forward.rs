//! One direction of a connection: read what one side sends, write it to
//! the other side in pieces, and pass the end of the stream on.

use super::closing::{Closing, POLL};
use super::{Cutter, Direction, Dump, Pacer, Slicing};
use kit::error::Error;
use std::io::{self, ErrorKind, Read};
use std::net::{Shutdown, TcpStream};
use std::time::Instant;

/// The bytes read per `recv`: whatever size the sender's chunks have, they
/// are cut into pieces afterwards.
const READ_BUFFER: usize = 16 * 1024;

/// What went through one direction.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Flow {
    /// Bytes forwarded.
    pub bytes: u64,
    /// Writes they were forwarded in.
    pub pieces: u64,
    /// Why the direction stopped before its sender closed it, in one
    /// sentence (a reset, a failed write); `None` for a normal end.
    pub broken: Option<String>,
}

/// Forwards `from` → `to` in pieces until `from` closes its side, then
/// half-closes `to` and tells `closing`. Never fails: a broken direction —
/// or one still open [`Closing::linger`] after the other ended — says why
/// in [`Flow::broken`], after shutting both sockets down so that the other
/// direction wakes up and ends too.
pub fn forward(
    from: &TcpStream,
    to: &TcpStream,
    direction: Direction,
    slicing: &Slicing,
    dump: Option<&Dump>,
    closing: &Closing,
) -> Flow {
    let mut flow = Flow::default();
    if let Err(why) = pump(from, to, direction, slicing, dump, closing, &mut flow) {
        flow.broken = Some(why);
        let _ = from.shutdown(Shutdown::Both);
        let _ = to.shutdown(Shutdown::Both);
    }
    closing.ended();
    flow
}

fn pump(
    mut from: &TcpStream,
    mut to: &TcpStream,
    direction: Direction,
    slicing: &Slicing,
    dump: Option<&Dump>,
    closing: &Closing,
    flow: &mut Flow,
) -> Result<(), String> {
    let (sender, receiver) = (direction.sender_words(), direction.receiver_words());
    let mut cutter = Cutter::new(slicing, direction);
    let mut buffer = vec![0; READ_BUFFER];
    let mut pacer = Pacer::new(slicing.delay);
    let mut active = Instant::now();
    // Reads wake up now and then to see whether the other direction ended
    // long ago; a write to a receiver that has stopped reading gives up
    // after the same linger.
    from.set_read_timeout(Some(POLL))
        .and_then(|()| to.set_write_timeout(Some(closing.linger().max(POLL))))
        .map_err(|e| why(&sender, Doing::SettingDeadlines, e))?;
    loop {
        let n = match from.read(&mut buffer) {
            Ok(n) => n,
            Err(e) if e.kind() == ErrorKind::Interrupted => continue,
            Err(e) if kit::error::is_timeout(&e) => {
                if closing.expired(active) {
                    return Err(kit::tr!(
                        crate::TEXT,
                        "slicer-silent",
                        sender = &sender,
                        secs = format!("{:.1}", closing.linger().as_secs_f64()),
                        receiver = &receiver
                    ));
                }
                continue;
            }
            Err(e) => return Err(why(&sender, Doing::Reading, e)),
        };
        active = Instant::now();
        if n == 0 {
            // The sender closed its side (FIN): it will send no more, but it
            // may still be reading. Pass exactly that on — close only our
            // writing half toward the receiver, and leave the other
            // direction running until its own sender closes. If the receiver
            // is gone already, there is nobody to tell, and the other
            // direction finds out on its own.
            let _ = to.shutdown(Shutdown::Write);
            return Ok(());
        }
        let mut at = 0;
        for size in cutter.cut(n) {
            // One piece, one write, each a pause after the one before (see
            // `Pacer`), also across chunks.
            let piece = &buffer[at..at + size];
            pacer
                .write(&mut to, piece)
                .map_err(|e| why(&receiver, Doing::Writing, e))?;
            if let Some(dump) = dump {
                dump.write(direction, flow.pieces + 1, flow.bytes, piece);
            }
            at += size;
            flow.bytes += size as u64;
            flow.pieces += 1;
        }
    }
}

/// What a direction was doing to a side when it broke.
#[derive(Debug, Clone, Copy)]
enum Doing {
    SettingDeadlines,
    Reading,
    Writing,
}

/// Why a direction broke, in one sentence naming the side at fault.
fn why(side: &str, doing: Doing, error: io::Error) -> String {
    match error.kind() {
        ErrorKind::ConnectionReset | ErrorKind::ConnectionAborted => {
            kit::tr!(crate::TEXT, "slicer-reset", side = side)
        }
        ErrorKind::BrokenPipe => kit::tr!(crate::TEXT, "slicer-closed-already", side = side),
        _ if kit::error::is_timeout(&error) => {
            kit::tr!(crate::TEXT, "slicer-stopped-reading", side = side)
        }
        _ => {
            let doing = match doing {
                Doing::SettingDeadlines => {
                    kit::tr!(crate::TEXT, "slicer-setting-deadlines", side = side)
                }
                Doing::Reading => kit::tr!(crate::TEXT, "slicer-reading", side = side),
                Doing::Writing => kit::tr!(crate::TEXT, "slicer-writing", side = side),
            };
            Error::io(doing)(error).to_string()
        }
    }
}
