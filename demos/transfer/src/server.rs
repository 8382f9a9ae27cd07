//! The accept loop: one thread per connection, a cap on how many at once,
//! and a way to stop it from inside the same process.
//!
//! The tutorial's server serves one client at a time and quits after five
//! seconds without one (`server.settimeout(5)` on the listening socket). A
//! classroom has thirty clients at once; here each gets its own thread,
//! the server runs until it is stopped, and it is the silent *client* that
//! times out instead, on its own socket, without disturbing the others.

use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::thread::{self, JoinHandle};
use std::time::Duration;

use kit::endpoint::Listener;
use kit::knobs::Knobs;

use crate::catalogue::Folder;
use crate::checksum::Cache;
use crate::error::{Error, Result};
use crate::message::Refusal;
use crate::session;
use crate::wire;

/// Where the server's log lines go: stderr in the binary, nowhere in a demo.
pub type Log = Arc<dyn Fn(&str) + Send + Sync>;

/// How a server behaves.
#[derive(Clone)]
pub struct Config {
    /// The folder it shares.
    pub folder: Folder,
    /// Connections served at once; one more is told "server busy".
    pub max_clients: usize,
    /// A client that sends nothing for this long is dropped.
    pub idle_timeout: Duration,
    /// One line per connection and per transfer.
    pub log: Log,
    /// Checksums of the files already sent.
    pub checksums: Arc<Cache>,
}

impl Config {
    /// Shares `dir` with the defaults: 64 clients, 60 s idle timeout, log
    /// lines on stderr.
    pub fn new(dir: &Path) -> Result<Config> {
        let folder = Folder::open(dir).map_err(|e| {
            Error::usage(format!(
                "cannot share {}: {} (give --dir an existing folder)",
                dir.display(),
                e.to_string().to_lowercase()
            ))
        })?;
        Ok(Config {
            folder,
            max_clients: 64,
            idle_timeout: Duration::from_secs(60),
            log: Arc::new(kit::cli::status),
            checksums: Arc::default(),
        })
    }

    /// The same, with the log lines thrown away.
    pub fn quiet(mut self) -> Config {
        self.log = Arc::new(|_| {});
        self
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
    pub fn local_addr(&self) -> SocketAddr {
        self.listener.local_addr()
    }

    /// Accepts connections until [`Running::stop`] (forever, in the binary).
    pub fn run(self) -> Result<()> {
        let active = Arc::new(AtomicUsize::new(0));
        loop {
            let accepted = self.listener.accept();
            if self.stop.load(Ordering::SeqCst) {
                return Ok(());
            }
            let (stream, peer, _) = match accepted {
                Ok(accepted) => accepted,
                Err(error) => {
                    // One failed accept (e.g. out of file descriptors) must
                    // not end the server for everyone else.
                    (self.config.log)(&format!("accept failed: {error}"));
                    continue;
                }
            };
            if active.fetch_add(1, Ordering::SeqCst) >= self.config.max_clients {
                active.fetch_sub(1, Ordering::SeqCst);
                turn_away(stream, peer, &self.config);
                continue;
            }
            let config = Arc::clone(&self.config);
            let active = Arc::clone(&active);
            let spawned = thread::Builder::new()
                .name(format!("client {peer}"))
                .spawn(move || {
                    session::serve(stream, peer, &config);
                    active.fetch_sub(1, Ordering::SeqCst);
                });
            if let Err(error) = spawned {
                (self.config.log)(&format!("{peer}: no thread for it ({error})"));
            }
        }
    }

    /// Runs the server on a thread of this process.
    pub fn spawn(self) -> Running {
        let addr = self.local_addr();
        let stop = Arc::clone(&self.stop);
        let thread = thread::spawn(move || self.run());
        Running { addr, stop, thread }
    }
}

/// One over the limit: a refusal the client can print, then close.
fn turn_away(mut stream: TcpStream, peer: SocketAddr, config: &Config) {
    let _ = stream.set_write_timeout(Some(Duration::from_secs(1)));
    let message = format!(
        "server busy: it already serves {} clients, try again in a moment",
        config.max_clients
    );
    let _ = wire::send(&mut stream, &Refusal { error: message });
    (config.log)(&format!("{peer}: turned away, server busy"));
}

/// A server running on a thread of this process.
pub struct Running {
    addr: SocketAddr,
    stop: Arc<AtomicBool>,
    thread: JoinHandle<Result<()>>,
}

impl Running {
    /// Where clients connect.
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
            .unwrap_or_else(|_| Err(Error::Protocol("the server thread failed".into())))
    }
}
