//! Opening the two ends of a connection: a listener that applies its knobs
//! before `listen`, and a dialler that applies its knobs before `connect`
//! and keeps trying for a while, so that a class can start the client and
//! the server in either order.

use crate::error::{Error, Result};
use crate::knobs::{Applied, Knobs};
use socket2::{Domain, Protocol, SockRef, Socket, Type};
use std::io;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::thread;
use std::time::{Duration, Instant};

/// How long a client keeps dialling a server that is not there yet.
pub const DEFAULT_PATIENCE: Duration = Duration::from_secs(5);

/// A listening socket whose knobs were applied before `listen`, so every
/// accepted connection inherits them (the window is offered in the SYN-ACK).
#[derive(Debug)]
pub struct Listener {
    inner: TcpListener,
    addr: SocketAddr,
    knobs: Knobs,
}

impl Listener {
    /// Binds `addr` with `knobs` applied and starts listening.
    pub fn bind(addr: SocketAddr, knobs: &Knobs) -> Result<Listener> {
        let fail = |source| Error::Listen { addr, source };
        let socket = Socket::new(Domain::for_address(addr), Type::STREAM, Some(Protocol::TCP))
            .map_err(fail)?;
        // On Unix SO_REUSEADDR only lets a restarted server reuse a port whose
        // old connections linger in TIME_WAIT; on Windows it would let two
        // servers share a port, so it stays off there.
        #[cfg(unix)]
        socket.set_reuse_address(true).map_err(fail)?;
        knobs
            .apply(SockRef::from(&socket))
            .map_err(Error::io(crate::tr!(
                crate::TEXT,
                "endpoint-listener-options"
            )))?;
        socket.bind(&addr.into()).map_err(fail)?;
        socket.listen(16).map_err(fail)?;
        let inner: TcpListener = socket.into();
        let addr = inner.local_addr().map_err(fail)?;
        Ok(Listener {
            inner,
            addr,
            knobs: *knobs,
        })
    }

    /// The address really bound (with the port the kernel picked for `:0`).
    #[must_use]
    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// Waits for one client and returns its connection, its address and the
    /// knobs the accepted socket ended up with.
    pub fn accept(&self) -> Result<(TcpStream, SocketAddr, Applied)> {
        let (stream, peer) = self
            .inner
            .accept()
            .map_err(Error::io(crate::tr!(crate::TEXT, "endpoint-accepting")))?;
        let applied = Applied::read(SockRef::from(&stream), &self.knobs);
        Ok((stream, peer, applied))
    }
}

/// Connects to `addr` with `knobs` applied before the SYN, retrying refused
/// or unreachable attempts until `patience` runs out.
pub fn connect(
    addr: SocketAddr,
    knobs: &Knobs,
    patience: Duration,
) -> Result<(TcpStream, Applied)> {
    let started = Instant::now();
    loop {
        let socket =
            Socket::new(Domain::for_address(addr), Type::STREAM, Some(Protocol::TCP)).map_err(
                Error::io(crate::tr!(crate::TEXT, "endpoint-creating-socket")),
            )?;
        knobs
            .apply(SockRef::from(&socket))
            .map_err(Error::io(crate::tr!(
                crate::TEXT,
                "endpoint-client-options"
            )))?;
        let left = patience.saturating_sub(started.elapsed());
        let attempt = socket.connect_timeout(&addr.into(), left.max(Duration::from_millis(100)));
        match attempt {
            Ok(()) => {
                let stream: TcpStream = socket.into();
                let applied = Applied::read(SockRef::from(&stream), knobs);
                return Ok((stream, applied));
            }
            Err(source) if retryable(&source) && started.elapsed() < patience => {
                // Nobody is listening yet: the server may simply not have
                // started. A refusal comes back at once, so pause briefly
                // before the next SYN rather than spinning.
                thread::sleep(Duration::from_millis(50));
            }
            Err(source) => {
                return Err(Error::Connect {
                    addr,
                    waited: started.elapsed(),
                    source,
                });
            }
        }
    }
}

fn retryable(error: &io::Error) -> bool {
    matches!(
        error.kind(),
        io::ErrorKind::ConnectionRefused
            | io::ErrorKind::ConnectionReset
            | io::ErrorKind::TimedOut
            | io::ErrorKind::HostUnreachable
            | io::ErrorKind::NetworkUnreachable
    )
}
