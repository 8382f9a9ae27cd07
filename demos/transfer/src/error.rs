//! What can go wrong in a transfer, as one line for the person at the
//! keyboard, with exit code 2 for a command line that cannot work and 1
//! for everything that happens at run time.

use std::fmt;
use std::io;

/// A failure of the server or the client.
#[derive(Debug)]
pub enum Error {
    /// A failure the rest of the lab knows: usage, listen, connect, I/O.
    Kit(kit::Error),
    /// The server answered with an `{"error": …}` frame.
    Refused(String),
    /// The peer sent something the protocol does not allow.
    Protocol(String),
    /// A file name that would write or read outside the folder.
    UnsafeName {
        /// The name, as received.
        name: String,
        /// Why it is refused.
        why: &'static str,
    },
    /// The connection ended in the middle of a file body.
    Interrupted {
        /// The partial file kept on disk.
        part: String,
        /// Bytes of the file it now holds.
        have: u64,
        /// The file's size.
        size: u64,
    },
    /// The file arrived whole but its CRC-32 differs from the server's.
    Corrupt {
        /// The partial file kept on disk.
        part: String,
        /// The server's checksum.
        expected: u32,
        /// The checksum of what arrived.
        got: u32,
    },
}

impl Error {
    /// Wraps an I/O error with the step that failed.
    pub fn io(doing: impl Into<String>) -> impl FnOnce(io::Error) -> Error {
        let wrap = kit::Error::io(doing);
        move |source| Error::Kit(wrap(source))
    }

    /// A command line that cannot work (exit code 2).
    pub fn usage(message: impl Into<String>) -> Error {
        Error::Kit(kit::Error::Usage(message.into()))
    }

    /// The process exit code: 2 for usage errors, 1 for everything else.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Kit(error) => error.exit_code(),
            _ => 1,
        }
    }
}

impl From<kit::Error> for Error {
    fn from(error: kit::Error) -> Error {
        Error::Kit(error)
    }
}

impl From<Error> for kit::Error {
    /// For callers that speak only the lab's errors (the tour).
    fn from(error: Error) -> kit::Error {
        match error {
            Error::Kit(error) => error,
            other => kit::Error::Io {
                doing: "the transfer".into(),
                source: io::Error::other(other.to_string()),
            },
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Kit(error) => error.fmt(f),
            Error::Refused(message) => write!(f, "the server refused: {message}"),
            Error::Protocol(message) => write!(f, "protocol error: {message}"),
            Error::UnsafeName { name, why } => {
                write!(f, "refusing the file name {name:?}: {why}")
            }
            Error::Interrupted { part, have, size } => write!(
                f,
                "the connection ended after {have} of {size} bytes; {part} is kept — \
                 run the same command with --resume to finish it"
            ),
            Error::Corrupt {
                part,
                expected,
                got,
            } => write!(
                f,
                "checksum mismatch: the server says CRC-32 {expected:08x}, the file that \
                 arrived has {got:08x}; {part} is kept, not renamed (download it again \
                 without --resume)"
            ),
        }
    }
}

impl std::error::Error for Error {}

/// Shorthand for results in this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;
