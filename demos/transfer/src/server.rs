//! The accept loop: one thread per connection, caps on how many at once
//! (see [`slots`](crate::slots)), and a way to stop it from inside the
//! same process.
//!
//! The tutorial's server serves one client at a time and quits after five
//! seconds without one (`server.settimeout(5)` on the listening socket). A
//! classroom has thirty clients at once; here each gets its own thread,
//! the server runs until it is stopped, and it is the silent *client* that
//! times out instead, on its own socket, without disturbing the others.

use std::io;
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use kit::endpoint::Listener;
use kit::knobs::Knobs;

use crate::TEXT;
use crate::accept_failures::{self, AcceptFailures};
use crate::catalogue::Folder;
use crate::checksum::Cache;
use crate::error::{Error, Result};
use crate::message::Refusal;
use crate::peer_text;
use crate::reason::Reason;
use crate::session;
use crate::slots::{Slot, Slots};
use crate::wire;
use kit::tr;

/// Where the server's log lines go: stderr in the binary, nowhere in a demo.
pub type Log = Arc<dyn Fn(&str) + Send + Sync>;

/// A connection's work, to be run on a thread of its own.
pub type Job = Box<dyn FnOnce() + Send + 'static>;

/// Starts a connection's thread, named by the first argument. The server
/// uses [`os_threads`]; a test can put a spawner here that fails, to see
/// what the server does when the system has no thread to give.
pub type Spawner = Arc<dyn Fn(String, Job) -> io::Result<()> + Send + Sync>;

/// The spawner of a real server: one operating-system thread per
/// connection.
#[must_use]
pub fn os_threads() -> Spawner {
    Arc::new(|name, job| thread::Builder::new().name(name).spawn(job).map(drop))
}

/// How a server behaves.
#[derive(Clone)]
pub struct Config {
    /// The folder it shares.
    pub folder: Folder,
    /// Connections served at once; one more is told "server busy".
    pub max_clients: usize,
    /// Connections served at once from one IP address (one computer).
    pub max_per_address: usize,
    /// A client that sends nothing for this long — between requests or
    /// in the middle of one — is dropped.
    pub idle_timeout: Duration,
    /// A request must arrive whole within this long of its first byte,
    /// however steadily its bytes trickle in.
    pub request_timeout: Duration,
    /// One line per connection and per transfer.
    pub log: Log,
    /// Checksums of the files already sent.
    pub checksums: Arc<Cache>,
    /// How each connection's thread is started.
    pub spawn: Spawner,
}

impl Config {
    /// Shares `dir` with the defaults: 64 clients, 8 per address, 60 s
    /// idle timeout, 10 s per request, log lines on stderr.
    pub fn new(dir: &Path) -> Result<Config> {
        let folder = Folder::open(dir).map_err(|e| {
            Error::usage(tr!(
                TEXT,
                "server-cannot-share",
                dir = dir.display().to_string(),
                error = e.to_string().to_lowercase()
            ))
        })?;
        Ok(Config {
            folder,
            max_clients: 64,
            max_per_address: 8,
            idle_timeout: Duration::from_secs(60),
            request_timeout: Duration::from_secs(10),
            log: Arc::new(kit::cli::status),
            checksums: Arc::default(),
            spawn: os_threads(),
        })
    }

    /// The same, with the log lines thrown away.
    #[must_use]
    pub fn quiet(mut self) -> Config {
        self.log = Arc::new(|_| {});
        self
    }

    /// Writes one log line. Log lines quote what clients sent — names,
    /// and parse errors that repeat their keys — so the line is escaped
    /// here, on its way to the operator's terminal, whatever the sink.
    pub fn note(&self, line: &str) {
        (self.log)(&peer_text::escape(line));
    }
}

/// A bound server, not yet accepting.
pub struct Server {
    listener: Listener,
    config: Arc<Config>,
    stop: Arc<AtomicBool>,
}

impl Server {
    /// Binds `addr` (port 0 picks a free one).
    pub fn bind(addr: SocketAddr, config: Config) -> Result<Server> {
        let listener = Listener::bind(addr, &Knobs::default())?;
        Ok(Server {
            listener,
            config: Arc::new(config),
            stop: Arc::new(AtomicBool::new(false)),
        })
    }

    /// The address really bound.
    #[must_use]
    pub fn local_addr(&self) -> SocketAddr {
        self.listener.local_addr()
    }

    /// Accepts connections until [`Running::stop`] (forever, in the binary).
    pub fn run(self) -> Result<()> {
        let slots = Slots::new(self.config.max_clients, self.config.max_per_address);
        let mut failures = AcceptFailures::default();
        loop {
            let accepted = self.listener.accept();
            if self.stop.load(Ordering::SeqCst) {
                return Ok(());
            }
            let (stream, peer, _) = match accepted {
                Ok(accepted) => accepted,
                // The client gave up before we took its connection: its
                // business, not a fault of the server.
                Err(kit::Error::PeerClosed { .. }) => continue,
                Err(error) => {
                    // One failed accept (e.g. out of file descriptors) must
                    // not end the server for everyone else, nor spin.
                    // The operating system's words ("too many open files").
                    let why = std::error::Error::source(&error)
                        .map_or_else(|| error.to_string(), ToString::to_string);
                    if let Some(line) = failures.failed(&why, Instant::now()) {
                        self.config.note(&line);
                    }
                    thread::sleep(accept_failures::PAUSE);
                    continue;
                }
            };
            if let Some(line) = failures.succeeded(Instant::now()) {
                self.config.note(&line);
            }
            match slots.take(peer.ip()) {
                Ok(slot) => self.start_session(stream, peer, slot),
                Err(busy) => turn_away(stream, peer, &busy.reason(), &self.config),
            }
        }
    }

    /// Serves `stream` on a thread of its own, holding `slot` until the
    /// connection ends.
    fn start_session(&self, stream: TcpStream, peer: SocketAddr, slot: Slot) {
        // A thread that cannot start takes its closure down with it, and
        // with the closure anything it owns. So the connection is handed
        // to the thread only once the thread exists; if it never does,
        // the connection and its slot are still here: the slot goes back,
        // and the client is told why instead of being hung up on.
        let (hand_over, pick_up) = mpsc::sync_channel::<(TcpStream, Slot)>(1);
        let config = Arc::clone(&self.config);
        let job: Job = Box::new(move || {
            if let Ok((stream, _slot)) = pick_up.recv() {
                session::serve(stream, peer, &config);
            } // `_slot` is dropped here, even if `serve` panicked: the place is free.
        });
        match (self.config.spawn)(format!("client {peer}"), job) {
            Ok(()) => {
                let _ = hand_over.send((stream, slot));
            }
            Err(error) => {
                drop(slot);
                let why = Reason::new("refusal-no-thread").with("error", error);
                turn_away(stream, peer, &why, &self.config);
            }
        }
    }

    /// Runs the server on a thread of this process.
    #[must_use]
    pub fn spawn(self) -> Running {
        let addr = self.local_addr();
        let stop = Arc::clone(&self.stop);
        let thread = thread::spawn(move || self.run());
        Running { addr, stop, thread }
    }
}

/// A connection the server will not serve: a refusal the client can
/// print, then close.
fn turn_away(mut stream: TcpStream, peer: SocketAddr, why: &Reason, config: &Config) {
    // A frame this small fits in any send buffer; the timeout only guards
    // against the impossible, on the thread every client waits behind.
    let _ = stream.set_write_timeout(Some(Duration::from_secs(1)));
    let error = why.for_the_wire();
    let _ = wire::send(&mut stream, &Refusal { error });
    config.note(&tr!(
        TEXT,
        "log-turned-away",
        peer = peer.to_string(),
        why = why.for_the_log()
    ));
}

/// A server running on a thread of this process.
pub struct Running {
    addr: SocketAddr,
    stop: Arc<AtomicBool>,
    thread: JoinHandle<Result<()>>,
}

impl Running {
    /// Where clients connect.
    #[must_use]
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Stops accepting and waits for the accept loop to end. Connections
    /// already being served finish on their own threads.
    pub fn stop(self) -> Result<()> {
        self.stop.store(true, Ordering::SeqCst);
        // accept() only returns for a connection: make one to wake it.
        let mut wake = self.addr;
        if wake.ip().is_unspecified() {
            wake.set_ip(std::net::Ipv4Addr::LOCALHOST.into());
        }
        let _ = TcpStream::connect_timeout(&wake, Duration::from_secs(1));
        self.thread
            .join()
            .unwrap_or_else(|_| Err(kit::Error::panicked("the server thread").into()))
    }
}
