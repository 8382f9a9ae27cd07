//! Serving a client: dial the real server for it, then forward in pieces.

use super::{Dump, Forwarded, Slicing, proxy};
use kit::endpoint::{self, Listener};
use kit::error::Result;
use kit::knobs::Knobs;
use std::net::{SocketAddr, TcpStream};
use std::thread::{self, JoinHandle};
use std::time::Duration;

/// How long one side may keep its direction open after the other closed,
/// unless told otherwise (`fixed-slicer --close-timeout`).
pub const LINGER: Duration = Duration::from_secs(10);

/// Connects to the server at `upstream` for a client that has just
/// connected to the slicer, then forwards between them in pieces until
/// both sides are done.
///
/// The server is dialled only now, once per client, and for up to
/// `patience`, so the slicer and the server may be started in either
/// order. If no server answers, the client's connection is closed and the
/// error names `upstream`. Once one side has closed, the other may keep its
/// side open for `linger` (see [`Closing`](super::closing::Closing)).
pub fn relay(
    client: TcpStream,
    upstream: SocketAddr,
    patience: Duration,
    slicing: &Slicing,
    dump: Option<&Dump>,
    linger: Duration,
) -> Result<Forwarded> {
    let knobs = Knobs {
        nodelay: Some(true),
        ..Knobs::default()
    };
    let (server, _applied) = endpoint::connect(upstream, &knobs, patience)?;
    proxy(client, server, slicing, dump, linger)
}

/// A slicer in a background thread that serves one connection: it listens
/// on `listen` (port 0 picks a free one) and returns the address it really
/// listens on, and the thread, which ends with the connection.
///
/// For running a client, the slicer and a server in one process. The
/// server is dialled with the usual five seconds' patience.
pub fn spawn(
    listen: SocketAddr,
    upstream: SocketAddr,
    slicing: Slicing,
) -> Result<(SocketAddr, JoinHandle<Result<Forwarded>>)> {
    let listener = Listener::bind(listen, &Knobs::default())?;
    let addr = listener.local_addr();
    let handle = thread::spawn(move || {
        let (client, _peer, _applied) = listener.accept()?;
        let patience = endpoint::DEFAULT_PATIENCE;
        relay(client, upstream, patience, &slicing, None, LINGER)
    });
    Ok((addr, handle))
}
