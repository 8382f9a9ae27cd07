//! Both sides of a demo in one process, over 127.0.0.1: what the tour and
//! the tests run. The two sides are the very functions the paired binaries
//! call, so the projector shows what two computers would.

use crate::endpoint::{self, Listener};
use crate::error::{Error, Result};
use crate::journaled::Journaled;
use crate::knobs::{Applied, Knobs};
use std::net::{Ipv4Addr, SocketAddr, TcpStream};
use std::thread;
use std::time::{Duration, Instant};

/// How long a side of an in-process run waits for the other: far longer
/// than any lesson takes on loopback, and still an end if one side fails.
pub const TIMEOUT: Duration = Duration::from_secs(10);

/// One end of a fresh connection, handed to a side of a demo.
#[derive(Debug)]
pub struct End {
    /// The connected socket.
    pub stream: TcpStream,
    /// Its options as the kernel applied them.
    pub knobs: Applied,
    /// The instant both journals count from.
    pub epoch: Instant,
    /// The longest any read or write on `stream` waits.
    pub timeout: Duration,
}

impl End {
    /// The connection, journaling itself from the end's epoch, and its
    /// knobs as applied.
    #[must_use]
    pub fn journaled(self) -> (Journaled<TcpStream>, Applied) {
        (Journaled::new(self.stream, self.epoch), self.knobs)
    }

    /// An end whose every read and write waits at most `timeout`, so that
    /// no peer — a program started with other flags, a student's program
    /// that never closes — can make this side wait forever.
    pub fn new(stream: TcpStream, knobs: Applied, timeout: Duration) -> Result<End> {
        stream
            .set_read_timeout(Some(timeout))
            .and_then(|()| stream.set_write_timeout(Some(timeout)))
            .map_err(Error::io(crate::tr!(crate::TEXT, "loopback-deadlines")))?;
        Ok(End {
            stream,
            knobs,
            epoch: Instant::now(),
            timeout,
        })
    }
}

/// Connects a receiver and a sender over loopback (an ephemeral port), runs
/// `receiver` on the accepted end in its own thread and `sender` on the
/// connecting end, and returns both outcomes.
///
/// `listen` knobs are applied to the listener (and so inherited by the
/// accepted socket); `dial` knobs to the connecting socket.
pub fn pair<R, S, RO, SO>(listen: &Knobs, dial: &Knobs, receiver: R, sender: S) -> Result<(SO, RO)>
where
    R: FnOnce(End) -> Result<RO> + Send + 'static,
    RO: Send + 'static,
    S: FnOnce(End) -> Result<SO>,
{
    let listener = Listener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)), listen)?;
    let epoch = Instant::now();
    // The kernel completes the handshake from the listener's backlog, so
    // the connection exists before `accept` is called: dial first, then
    // accept, and neither side can be left waiting for the other to turn up.
    let (dialled, dial_knobs) =
        endpoint::connect(listener.local_addr(), dial, endpoint::DEFAULT_PATIENCE)?;
    let (accepted, _, accept_knobs) = listener.accept()?;
    let receiving_end = End {
        epoch,
        ..End::new(accepted, accept_knobs, TIMEOUT)?
    };
    let sending_end = End {
        epoch,
        ..End::new(dialled, dial_knobs, TIMEOUT)?
    };
    let receiving = thread::spawn(move || receiver(receiving_end));
    let sent = sender(sending_end);
    let received = receiving
        .join()
        .map_err(|_| Error::panicked(&crate::tr!(crate::TEXT, "loopback-receiving-thread")))?;
    // The receiver's error is the more telling one: a sender usually fails
    // only because the receiver went away.
    let received = received?;
    Ok((sent?, received))
}
