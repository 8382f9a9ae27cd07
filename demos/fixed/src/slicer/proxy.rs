//! Both directions of one connection, each in its own thread.
//!
//! A TCP connection is two independent byte streams. Each can end on its
//! own (a FIN, `shutdown(Write)`), and many protocols rely on that: the
//! client sends its request and closes its side, then reads the answer
//! until the server closes. So the two directions are forwarded by two
//! threads, and the connection is over only when both have ended.

use super::closing::Closing;
use super::forward::{Flow, forward};
use super::{Direction, Dump, Slicing};
use kit::error::{Error, Result};
use std::net::TcpStream;
use std::thread;
use std::time::Duration;

/// What went through one connection, in each direction.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Forwarded {
    /// From the client to the server.
    pub client_to_server: Flow,
    /// From the server back to the client.
    pub server_to_client: Flow,
}

impl Forwarded {
    /// Why the connection ended early (a reset, a failed write), if it did.
    #[must_use]
    pub fn broken(&self) -> Option<&str> {
        self.client_to_server
            .broken
            .as_deref()
            .or(self.server_to_client.broken.as_deref())
    }

    /// The byte counts, e.g. `client→server 40 B in 5 pieces, server→client
    /// 12 B in 2 pieces`.
    #[must_use]
    pub fn summary(&self) -> String {
        let flow = |direction: Direction, flow: &Flow| {
            kit::tr!(
                crate::TEXT,
                "slicer-flow",
                direction = direction.words(),
                bytes = flow.bytes,
                pieces = flow.pieces
            )
        };
        kit::tr!(
            crate::TEXT,
            "slicer-flows",
            there = flow(Direction::ClientToServer, &self.client_to_server),
            back = flow(Direction::ServerToClient, &self.server_to_client)
        )
    }
}

/// Forwards between `client` and `upstream` in pieces, both ways, until
/// both directions have ended — or one has ended and the other is still
/// open `linger` later — then closes both connections.
///
/// A reset or a failed write on either side ends the whole connection;
/// that is no error here but a fact of the run, in [`Forwarded::broken`].
/// The error is for a connection that could not be set up at all.
pub fn proxy(
    client: TcpStream,
    upstream: TcpStream,
    slicing: &Slicing,
    dump: Option<&Dump>,
    linger: Duration,
) -> Result<Forwarded> {
    // TCP_NODELAY on both outgoing sides. Without it Nagle's algorithm would
    // hold every piece after the first until the previous one is
    // acknowledged, and send the held pieces together as one segment: the
    // pieces the slicer just cut would be glued back together before they
    // ever left this computer.
    client
        .set_nodelay(true)
        .map_err(Error::io(kit::tr!(crate::TEXT, "slicer-nodelay-client")))?;
    upstream
        .set_nodelay(true)
        .map_err(Error::io(kit::tr!(crate::TEXT, "slicer-nodelay-server")))?;
    let closing = Closing::new(linger);
    let (client_to_server, server_to_client) = thread::scope(|scope| {
        let there = scope.spawn(|| {
            let direction = Direction::ClientToServer;
            forward(&client, &upstream, direction, slicing, dump, &closing)
        });
        let back = scope.spawn(|| {
            let direction = Direction::ServerToClient;
            forward(&upstream, &client, direction, slicing, dump, &closing)
        });
        (finished(there.join()), finished(back.join()))
    });
    // Dropping both streams here closes both connections.
    Ok(Forwarded {
        client_to_server,
        server_to_client,
    })
}

/// A direction's flow, even if its thread died (it should not: `forward`
/// does not panic).
fn finished(joined: thread::Result<Flow>) -> Flow {
    joined.unwrap_or_else(|_| Flow {
        broken: Some(kit::tr!(crate::TEXT, "slicer-thread-stopped")),
        ..Flow::default()
    })
}
