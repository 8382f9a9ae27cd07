//! What can go wrong in a lab session, worded for the person at the keyboard.
//!
//! Every failure ends the program with one line on stderr and an exit code:
//! `2` for a command line that cannot work as typed (a usage error), `1` for
//! something the network or the peer did at run time. Nothing panics.

use std::fmt;
use std::io;
use std::net::SocketAddr;
use std::time::Duration;

/// A failure of a demo, with the sentence a student needs to fix it.
#[derive(Debug)]
pub enum Error {
    /// The command line cannot work as typed (exit code 2).
    Usage(String),
    /// The address could not be bound: in use, not ours, or not permitted.
    Listen {
        /// The address asked for.
        addr: SocketAddr,
        /// What the operating system said.
        source: io::Error,
    },
    /// No peer answered at `addr` within the retry window.
    Connect {
        /// The address dialled.
        addr: SocketAddr,
        /// How long we kept trying.
        waited: Duration,
        /// The last refusal.
        source: io::Error,
    },
    /// The peer closed the connection before the lesson was over.
    PeerClosed {
        /// What we were waiting for when the connection ended.
        during: String,
    },
    /// The peer kept silent past the deadline.
    PeerSilent {
        /// What we were waiting for.
        during: String,
        /// How long we waited, where known.
        waited: Option<Duration>,
    },
    /// Any other I/O failure, with what we were doing at the time.
    Io {
        /// What we were doing, e.g. "sending message #2".
        doing: String,
        /// What the operating system said.
        source: io::Error,
    },
    /// A failure only one lesson knows (a UDP server that never answered a
    /// probe, a download whose checksum differs): that lesson's own error,
    /// kept whole so that its sentence and its causes survive.
    Lesson(Box<dyn std::error::Error + Send + Sync + 'static>),
    /// The report could not be written as JSON.
    Json(serde_json::Error),
    /// A part of this program failed that should not have: a thread that
    /// panicked. Not the peer's doing, and not the student's.
    Internal(String),
}

impl Error {
    /// Wraps an I/O error with the step that failed.
    pub fn io(doing: impl Into<String>) -> impl FnOnce(io::Error) -> Error {
        let doing = doing.into();
        move |source| match source.kind() {
            // A reset or a broken pipe is the peer hanging up, not a local fault.
            io::ErrorKind::ConnectionReset
            | io::ErrorKind::ConnectionAborted
            | io::ErrorKind::BrokenPipe
            | io::ErrorKind::UnexpectedEof => Error::PeerClosed { during: doing },
            // A read deadline that passed is the peer keeping silent.
            _ if is_timeout(&source) => Error::PeerSilent {
                during: doing,
                waited: None,
            },
            _ => Error::Io { doing, source },
        }
    }

    /// A thread of this program that panicked, as an error.
    #[must_use]
    pub fn panicked(what: &str) -> Error {
        Error::Internal(format!("{what} stopped unexpectedly"))
    }

    /// The process exit code: 2 for usage errors, 1 for everything at run time.
    #[must_use]
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Usage(_) => 2,
            _ => 1,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Usage(message) => f.write_str(message),
            Error::Listen { addr, source } => match source.kind() {
                io::ErrorKind::AddrInUse => write!(
                    f,
                    "cannot listen on {addr}: the port is already in use \
                     (is another server still running? pick another port)"
                ),
                io::ErrorKind::AddrNotAvailable => write!(
                    f,
                    "cannot listen on {addr}: this computer has no such address \
                     (use 0.0.0.0 to listen on every network card)"
                ),
                io::ErrorKind::PermissionDenied => write!(
                    f,
                    "cannot listen on {addr}: permission denied \
                     (ports below 1024 need administrator rights; try 9000)"
                ),
                _ => write!(f, "cannot listen on {addr}: {source}"),
            },
            Error::Connect {
                addr,
                waited,
                source,
            } => write!(
                f,
                "no server answered at {addr} after trying for {:.1} s ({}); \
                 is the server running, is the address right, and does the firewall let it in?",
                waited.as_secs_f64(),
                plain(source)
            ),
            Error::PeerClosed { during } => {
                write!(f, "the peer closed the connection while {during}")
            }
            Error::PeerSilent {
                during,
                waited: Some(waited),
            } => write!(
                f,
                "the peer sent nothing for {:.1} s while {during}",
                waited.as_secs_f64()
            ),
            Error::PeerSilent {
                during,
                waited: None,
            } => write!(
                f,
                "the peer sent nothing before the deadline (--timeout) while {during}"
            ),
            Error::Io { doing, source } => write!(f, "{doing} failed: {}", plain(source)),
            Error::Lesson(error) => error.fmt(f),
            Error::Json(error) => write!(f, "writing the JSON report failed: {error}"),
            Error::Internal(what) => write!(f, "{what} (a bug in the lab: please report it)"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Listen { source, .. }
            | Error::Connect { source, .. }
            | Error::Io { source, .. } => Some(source),
            Error::Lesson(error) => error.source(),
            Error::Json(error) => Some(error),
            _ => None,
        }
    }
}

/// Whether an I/O error is a read or write deadline that passed. Unix
/// reports an expired `SO_RCVTIMEO` as `WouldBlock` (EAGAIN), Windows as
/// `TimedOut` (WSAETIMEDOUT): both mean "nothing came in time".
#[must_use]
pub fn is_timeout(error: &io::Error) -> bool {
    matches!(
        error.kind(),
        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
    )
}

/// The operating system's message without Rust's "(os error 111)" suffix.
fn plain(error: &io::Error) -> String {
    let text = error.to_string();
    match text.find(" (os error") {
        Some(cut) => text[..cut].to_lowercase(),
        None => text.to_lowercase(),
    }
}

/// Shorthand for results in the lab.
pub type Result<T, E = Error> = std::result::Result<T, E>;
