//! Both sides of a demo in one process, over 127.0.0.1: what the tour and
//! the tests run. The two sides are the very functions the paired binaries
//! call, so the projector shows what two computers would.

use crate::endpoint::{self, Listener};
use crate::error::{Error, Result};
use crate::knobs::{Applied, Knobs};
use std::io;
use std::net::{Ipv4Addr, SocketAddr, TcpStream};
use std::thread;
use std::time::Instant;

/// One end of a fresh connection, handed to a side of a demo.
#[derive(Debug)]
pub struct End {
    /// The connected socket.
    pub stream: TcpStream,
    /// Its options as the kernel applied them.
    pub knobs: Applied,
    /// The instant both journals count from.
    pub epoch: Instant,
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
    let addr = listener.local_addr();
    let epoch = Instant::now();
    let receiving = thread::spawn(move || {
        let (stream, _, knobs) = listener.accept()?;
        receiver(End {
            stream,
            knobs,
            epoch,
        })
    });
    let sent =
        endpoint::connect(addr, dial, endpoint::DEFAULT_PATIENCE).and_then(|(stream, knobs)| {
            sender(End {
                stream,
                knobs,
                epoch,
            })
        });
    let received = receiving.join().map_err(|_| {
        Error::io("running the receiver")(io::Error::other("the receiver thread panicked"))
    })?;
    // The receiver's error is the more telling one: a sender usually fails
    // only because the receiver went away.
    let received = received?;
    Ok((sent?, received))
}
