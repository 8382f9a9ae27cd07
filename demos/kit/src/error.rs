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
        Error::Internal(crate::tr!(crate::TEXT, "error-stopped", what = what))
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
            Error::Listen { addr, source } => {
                let addr = addr.to_string();
                let text = match source.kind() {
                    io::ErrorKind::AddrInUse => {
                        crate::tr!(crate::TEXT, "error-listen-in-use", addr = &addr)
                    }
                    io::ErrorKind::AddrNotAvailable => {
                        crate::tr!(crate::TEXT, "error-listen-no-such-address", addr = &addr)
                    }
                    io::ErrorKind::PermissionDenied => {
                        crate::tr!(crate::TEXT, "error-listen-permission", addr = &addr)
                    }
                    _ => crate::tr!(
                        crate::TEXT,
                        "error-listen",
                        addr = &addr,
                        cause = plain(source)
                    ),
                };
                f.write_str(&text)
            }
            Error::Connect {
                addr,
                waited,
                source,
            } => f.write_str(&crate::tr!(
                crate::TEXT,
                "error-connect",
                addr = addr.to_string(),
                waited = format!("{:.1}", waited.as_secs_f64()),
                cause = plain(source)
            )),
            Error::PeerClosed { during } => f.write_str(&crate::tr!(
                crate::TEXT,
                "error-peer-closed",
                during = during
            )),
            Error::PeerSilent {
                during,
                waited: Some(waited),
            } => f.write_str(&crate::tr!(
                crate::TEXT,
                "error-peer-silent-for",
                during = during,
                waited = format!("{:.1}", waited.as_secs_f64())
            )),
            Error::PeerSilent {
                during,
                waited: None,
            } => f.write_str(&crate::tr!(
                crate::TEXT,
                "error-peer-silent",
                during = during
            )),
            Error::Io { doing, source } => f.write_str(&crate::tr!(
                crate::TEXT,
                "error-io",
                doing = doing,
                cause = plain(source)
            )),
            Error::Lesson(error) => error.fmt(f),
            Error::Json(error) => f.write_str(&crate::tr!(
                crate::TEXT,
                "error-json",
                error = error.to_string()
            )),
            Error::Internal(what) => {
                f.write_str(&crate::tr!(crate::TEXT, "error-internal", what = what))
            }
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

/// The operating system's message without Rust's "(os error 111)" suffix,
/// in lower case so that it reads as part of a sentence. The Winsock
/// errors the lessons rely on get the lab's own words ([`winsock`]).
#[must_use]
pub fn plain(error: &io::Error) -> String {
    plain_for(error.raw_os_error(), &error.to_string(), cfg!(windows))
}

/// [`plain`] of an error with OS `code` and Rust's `text` for it, with
/// Winsock's codes read as Winsock's (on Windows) or not: a pure function,
/// so that Windows' wording is tested on every system.
fn plain_for(code: Option<i32>, text: &str, windows: bool) -> String {
    if windows {
        if let Some(known) = code.and_then(winsock) {
            return known.words.into();
        }
    }
    // Where Windows has no text for a code (Wine has no message tables),
    // Rust says "OS Error 10022 (FormatMessageW() returned error 317)":
    // the code alone says as much, in fewer words.
    if let (true, Some(code)) = (text.contains("FormatMessageW()"), code) {
        return format!("windows error {code}");
    }
    match text.find(" (os error") {
        Some(cut) => text[..cut].to_lowercase(),
        None => text.to_lowercase(),
    }
}

/// A Winsock error that the lessons rely on, with the lab's words for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Winsock {
    /// The error's name in `<winsock2.h>`: `WSAEMSGSIZE`.
    pub name: &'static str,
    /// What it means, in the words Linux uses for the same error, so that a
    /// story reads the same on every system.
    pub words: &'static str,
}

/// The Winsock errors a lesson meets on Windows. Windows' own texts are
/// long ("A message sent on a datagram socket was larger than the internal
/// message buffer or some other network limit, or the buffer used to
/// receive a datagram was smaller than the datagram itself."), localised,
/// and missing altogether under Wine; these four are worded by the lab.
const WINSOCK: [(i32, Winsock); 4] = [
    (
        10040,
        Winsock {
            name: "WSAEMSGSIZE",
            words: "message too long",
        },
    ),
    (
        10048,
        Winsock {
            name: "WSAEADDRINUSE",
            words: "address already in use",
        },
    ),
    (
        10054,
        Winsock {
            name: "WSAECONNRESET",
            words: "connection reset by peer",
        },
    ),
    (
        10061,
        Winsock {
            name: "WSAECONNREFUSED",
            words: "connection refused",
        },
    ),
];

/// The lab's words for Winsock error `code`, where it is one the lessons
/// rely on: a too-long datagram (WSAEMSGSIZE, 10040), a port in use
/// (WSAEADDRINUSE, 10048), a reset (WSAECONNRESET, 10054) and a refusal
/// (WSAECONNREFUSED, 10061).
#[must_use]
pub fn winsock(code: i32) -> Option<Winsock> {
    WINSOCK
        .iter()
        .find(|(known, _)| *known == code)
        .map(|(_, error)| *error)
}

/// Shorthand for results in the lab.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    /// `plain` of `io::Error::from_raw_os_error(code)` as Windows has it.
    fn on_windows(code: i32) -> String {
        let error = io::Error::from_raw_os_error(code);
        plain_for(error.raw_os_error(), &error.to_string(), true)
    }

    #[test]
    fn the_winsock_errors_of_the_lessons_are_in_our_words() {
        assert_eq!(on_windows(10040), "message too long");
        assert_eq!(on_windows(10048), "address already in use");
        assert_eq!(on_windows(10054), "connection reset by peer");
        assert_eq!(on_windows(10061), "connection refused");
        assert_eq!(winsock(10040).map(|e| e.name), Some("WSAEMSGSIZE"));
        assert_eq!(winsock(10061).map(|e| e.name), Some("WSAECONNREFUSED"));
        assert_eq!(winsock(111), None);
    }

    #[test]
    fn a_code_windows_has_no_text_for_is_named_by_its_number() {
        // What Rust prints under Wine, which has no message tables.
        let wine = "OS Error 10022 (FormatMessageW() returned error 317) (os error 10022)";
        assert_eq!(plain_for(Some(10022), wine, true), "windows error 10022");
    }

    #[test]
    fn elsewhere_the_systems_words_stay() {
        let refused = io::Error::from(io::ErrorKind::ConnectionRefused);
        assert_eq!(plain(&refused), "connection refused");
        assert_eq!(
            plain_for(Some(111), "Connection refused (os error 111)", false),
            "connection refused"
        );
        // 10040 means nothing to Linux: no Winsock words for it there.
        assert_ne!(
            plain_for(Some(10040), "Unknown error 10040 (os error 10040)", false),
            "message too long"
        );
    }
}
