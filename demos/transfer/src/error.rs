//! What can go wrong in a transfer, as one line for the person at the
//! keyboard, with exit code 2 for a command line that cannot work and 1
//! for everything that happens at run time.

use std::fmt;
use std::io;
use std::time::Duration;

use crate::TEXT;
use crate::peer_text::escape;
use kit::tr;

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
        /// Why it is refused, in the process's language.
        why: String,
    },
    /// `NAME` is already in the folder, and `--overwrite` was not given
    /// (exit code 2: the command line decides).
    Exists {
        /// The file that would have been replaced.
        target: String,
    },
    /// A download stopped in the middle; what arrived is kept in the
    /// `.part` file, and `--resume` finishes it.
    Interrupted {
        /// The file's name, for the resume command.
        name: String,
        /// The partial file kept on disk.
        part: String,
        /// Bytes of the file it now holds.
        have: u64,
        /// The file's size.
        size: u64,
        /// What stopped it.
        cause: Cause,
        /// The exact command that finishes it, once the program knows its
        /// own command line ([`Error::with_resume_command`]).
        resume: Option<String>,
    },
    /// An existing `.part` is longer than the file it should be the start
    /// of, so it is the start of something else.
    PartTooLong {
        /// The partial file.
        part: String,
        /// Its length.
        have: u64,
        /// The size of the file on the server.
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
    /// The file arrived whole and verified, but could not take its name.
    RenameFailed {
        /// The verified file, still under its `.part` name.
        part: String,
        /// The name it should have had.
        target: String,
        /// What the operating system said.
        source: io::Error,
    },
}

/// Why a download stopped before its last byte.
#[derive(Debug)]
pub enum Cause {
    /// The server closed or reset the connection.
    Closed,
    /// The server sent nothing for this long (`--timeout`).
    Silent(Duration),
    /// Reading from the network failed otherwise.
    Network(io::Error),
    /// Writing the `.part` file failed: a full disk, a lost USB stick.
    Disk(io::Error),
}

impl Error {
    /// Wraps an I/O error with the step that failed.
    pub fn io(doing: impl Into<String>) -> impl FnOnce(io::Error) -> Error {
        let wrap = kit::Error::io(doing);
        move |source| Error::Kit(wrap(source))
    }

    /// Wraps an error of a socket read whose timeout was `patience`: a
    /// read that timed out becomes "the peer sent nothing for …".
    pub fn network(
        doing: impl Into<String>,
        patience: Duration,
    ) -> impl FnOnce(io::Error) -> Error {
        let doing = doing.into();
        move |source| {
            if is_timeout(&source) {
                Error::Kit(kit::Error::PeerSilent {
                    during: doing,
                    waited: Some(patience),
                })
            } else {
                Error::io(doing)(source)
            }
        }
    }

    /// A command line that cannot work (exit code 2).
    pub fn usage(message: impl Into<String>) -> Error {
        Error::Kit(kit::Error::Usage(message.into()))
    }

    /// The same error, with the command that resumes an interrupted
    /// download spelled out: `command(name)` gives it for the file `name`.
    pub fn with_resume_command(self, command: impl FnOnce(&str) -> String) -> Error {
        match self {
            Error::Interrupted {
                name,
                part,
                have,
                size,
                cause,
                resume: None,
            } => Error::Interrupted {
                resume: Some(command(&name)),
                name,
                part,
                have,
                size,
                cause,
            },
            other => other,
        }
    }

    /// The process exit code: 2 for a command line that cannot work, 1
    /// for everything else.
    #[must_use]
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Kit(error) => error.exit_code(),
            Error::Exists { .. } => 2,
            _ => 1,
        }
    }
}

pub use kit::error::is_timeout;

impl From<kit::Error> for Error {
    fn from(error: kit::Error) -> Error {
        Error::Kit(error)
    }
}

impl From<Error> for kit::Error {
    /// For callers that speak only the lab's errors (the tour): the
    /// transfer's own error travels whole, with its sentence and causes.
    fn from(error: Error) -> kit::Error {
        match error {
            Error::Kit(error) => error,
            other => kit::Error::Lesson(Box::new(other)),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Kit(error) => error.fmt(f),
            // The server's words, and what it sent, reach the terminal
            // escaped: see `peer_text`.
            Error::Refused(message) => f.write_str(&tr!(
                TEXT,
                "error-refused",
                message = escape(message).into_owned()
            )),
            Error::Protocol(message) => f.write_str(&tr!(
                TEXT,
                "error-protocol",
                message = escape(message).into_owned()
            )),
            Error::UnsafeName { name, why } => f.write_str(&tr!(
                TEXT,
                "error-unsafe-name",
                name = format!("{name:?}"),
                why = why
            )),
            Error::Exists { target } => f.write_str(&tr!(TEXT, "error-exists", target = target)),
            Error::Interrupted {
                name,
                part,
                have,
                size,
                cause,
                resume,
            } => {
                let (have, size, name) = (have.to_string(), size.to_string(), format!("{name:?}"));
                let what = match cause {
                    Cause::Closed => tr!(
                        TEXT,
                        "interrupted-closed",
                        have = &have,
                        size = &size,
                        name = &name
                    ),
                    Cause::Silent(waited) => tr!(
                        TEXT,
                        "interrupted-silent",
                        secs = format!("{:.1}", waited.as_secs_f64()),
                        have = &have,
                        size = &size,
                        name = &name
                    ),
                    Cause::Network(e) => tr!(
                        TEXT,
                        "interrupted-network",
                        have = &have,
                        size = &size,
                        name = &name,
                        error = e.to_string()
                    ),
                    Cause::Disk(e) => tr!(
                        TEXT,
                        "interrupted-disk",
                        part = part,
                        have = &have,
                        size = &size,
                        name = &name,
                        error = e.to_string()
                    ),
                };
                let first = match cause {
                    Cause::Disk(e) if e.kind() == io::ErrorKind::StorageFull => {
                        tr!(TEXT, "interrupted-free-space")
                    }
                    Cause::Disk(_) => tr!(TEXT, "interrupted-fix"),
                    _ => String::new(),
                };
                let command = match resume {
                    Some(command) => command.clone(),
                    None => tr!(TEXT, "interrupted-same-command"),
                };
                let kept = tr!(
                    TEXT,
                    "interrupted-kept",
                    part = part,
                    first = first,
                    command = command
                );
                write!(f, "{what}{kept}")
            }
            Error::PartTooLong { part, have, size } => f.write_str(&tr!(
                TEXT,
                "error-part-too-long",
                part = part,
                have = have.to_string(),
                size = size.to_string()
            )),
            Error::Corrupt {
                part,
                expected,
                got,
            } => f.write_str(&tr!(
                TEXT,
                "error-corrupt",
                expected = format!("{expected:08x}"),
                got = format!("{got:08x}"),
                part = part
            )),
            Error::RenameFailed {
                part,
                target,
                source,
            } => f.write_str(&tr!(
                TEXT,
                "error-rename-failed",
                part = part,
                target = target,
                source = source.to_string()
            )),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            // The lab's error says everything itself: what it wraps is its
            // cause, not this error's.
            Error::Kit(error) => error.source(),
            Error::Interrupted {
                cause: Cause::Network(source) | Cause::Disk(source),
                ..
            }
            | Error::RenameFailed { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// Shorthand for results in this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;
