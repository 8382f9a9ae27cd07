//! A connection with the slicer in the middle: a server that sends, a
//! client that receives, and between them a proxy that cuts the stream
//! into small pieces, a few milliseconds apart.
//!
//! ```text
//!   server ──(its own writes)──▶ slicer ──[500 B]··[500 B]··[352 B]──▶ client
//! ```
//!
//! On loopback a whole message usually arrives at once, so code that
//! assumes "one recv, one message" seems to work. Through the slicer every
//! `recv` of a prompt reader returns one piece, as on a slow or segmented
//! network — so the bug shows on every run, not now and then.

use crate::TEXT;
use fixed::slicer::{self, Forwarded, Slicing};
use kit::endpoint::{self, Listener};
use kit::error::{Error, Result};
use kit::knobs::Knobs;
use kit::loopback::{self, End};
use std::io;
use std::net::{Ipv4Addr, SocketAddr};
use std::thread;
use std::time::Instant;

/// What both sides and the slicer came back with.
#[derive(Debug)]
pub struct Sliced<S, C> {
    /// What the server's side returned.
    pub server: S,
    /// What the client's side returned.
    pub client: C,
    /// What went through the slicer.
    pub forwarded: Forwarded,
}

/// Runs `server` (the sender, in its own thread) and `client` (the
/// receiver, in this thread) over 127.0.0.1 with a slicer cutting the
/// stream between them as `slicing` says.
///
/// `server_knobs` are applied to the server's listener before `listen`, so
/// the accepted socket has them. Both sides share one epoch, so their
/// journals can be lined up.
pub fn run<S, C, SO, CO>(
    slicing: Slicing,
    server_knobs: &Knobs,
    server: S,
    client: C,
) -> Result<Sliced<SO, CO>>
where
    S: FnOnce(End) -> Result<SO> + Send + 'static,
    SO: Send + 'static,
    C: FnOnce(End) -> Result<CO>,
{
    let localhost = SocketAddr::from((Ipv4Addr::LOCALHOST, 0));
    let listener = Listener::bind(localhost, server_knobs)?;
    let (slicer_addr, slicer) = slicer::spawn(localhost, listener.local_addr(), slicing)?;
    let epoch = Instant::now();
    let serving = thread::spawn(move || {
        let (stream, _, knobs) = listener.accept()?;
        server(End {
            epoch,
            ..End::new(stream, knobs, loopback::TIMEOUT)?
        })
    });
    // Connecting to a slicer that is already listening on this computer
    // does not fail in practice; if it did, the two threads would wait for
    // a connection that never comes, so they are left to the process's end
    // rather than joined.
    let (stream, knobs) =
        endpoint::connect(slicer_addr, &Knobs::default(), endpoint::DEFAULT_PATIENCE)?;
    let received =
        End::new(stream, knobs, loopback::TIMEOUT).and_then(|end| client(End { epoch, ..end }));
    // The client's stream is closed by now, so the slicer and the server
    // finish whatever happened on the client's side.
    let sent = serving
        .join()
        .map_err(|_| panicked(&kit::tr!(TEXT, "who-sending-server")))?;
    let forwarded = slicer
        .join()
        .map_err(|_| panicked(&kit::tr!(TEXT, "who-slicer")))?;
    // The client's error says most: the others usually failed because of it.
    let client = received?;
    Ok(Sliced {
        server: sent?,
        client,
        forwarded: forwarded?,
    })
}

fn panicked(who: &str) -> Error {
    Error::io(kit::tr!(TEXT, "doing-running", who = who))(io::Error::other(kit::tr!(
        TEXT,
        "error-thread-panicked"
    )))
}

/// How the slicer cuts, in words: "the slicer cut the stream into pieces
/// of 500 bytes, 5 ms apart".
#[must_use]
pub fn pieces(slicing: &Slicing) -> String {
    let (low, high) = slicing.bounds();
    let size = if low == high {
        kit::tr!(TEXT, "pieces-of", low = low)
    } else {
        kit::tr!(TEXT, "pieces-between", low = low, high = high)
    };
    kit::tr!(
        TEXT,
        "pieces",
        size = size,
        ms = slicing.delay.as_millis().to_string()
    )
}
