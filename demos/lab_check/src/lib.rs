//! # lab-check: does your program frame its messages?
//!
//! `lab-check receiver -- python3 my_receiver.py {port}` runs a student's
//! receiving program against the lab's framed sender, and
//! `lab-check sender -- python3 my_sender.py {port}` a sending program
//! against the lab's receiver — each through the slicer, in several cases:
//! the whole stream in one write, pieces of 1 byte, of a few bytes with
//! several seeds, of 500 bytes, and every length header cut after 1, 2 and
//! 3 of its bytes. The messages are the ones naive code breaks on: an
//! empty one, 1 MiB, a `\n` inside, bytes that are not UTF-8, and a length
//! whose header bytes look like text (`00 00 0d 0a`).
//!
//! ## The formats
//!
//! The wire is the lab's frame: a 4-byte big-endian length, then that many
//! bytes (`struct.pack("!I", len(data)) + data`). `{port}` in the command
//! line becomes the port of 127.0.0.1 to connect to (if no argument holds
//! `{port}`, the port is added as the last one; it is also in the
//! environment as `LAB_CHECK_PORT`).
//!
//! - **A receiver** connects, reads frames until lab-check closes the
//!   connection between two frames, prints each message on stdout as one
//!   line of lowercase hex (an empty line for an empty message; Python:
//!   `print(data.hex())`), and exits with code 0.
//! - **A sender** reads its stdin: one line of hex per message (an empty
//!   line is an empty message; Python: `bytes.fromhex(line.strip())`),
//!   connects, sends each message as a frame, closes the connection and
//!   exits with code 0.
//!
//! A case passes when every message came out (or went out) exactly, and the
//! program exited with code 0 before the case's deadline; a program still
//! running then is killed. A failure shows the first byte that differs,
//! the piece (or lab-check's recv) it travelled in, and the pitfall it
//! looks like ([`pitfall`]).
//!
//! ## The pieces
//!
//! - [`help`]: `--help` in the reader's language;
//! - [`messages`]: what is sent, and why; [`cutting`]: where the stream is
//!   cut — the slicer's own cutter, so a seed cuts as `fixed-slicer --seed`
//!   does; [`cases`]: the list;
//! - [`student`]: the program, its port, its stdin, its deadline;
//! - [`receiver`] and [`sender`]: one case each way;
//! - [`pitfall`]: what a failure looks like; [`outcome`]: the results,
//!   which are also the JSON; [`render`]: the text.

pub mod cases;
pub mod cutting;
pub mod help;
pub mod messages;
pub mod outcome;
pub mod pitfall;
pub mod receiver;
pub mod render;
pub mod sender;
pub mod student;

use kit::tr;
use std::fmt;
use std::io;
use std::net::{TcpListener, TcpStream};
use std::thread;
use std::time::{Duration, Instant};
use student::Running;

/// lab-check's sentences (the report, its problems and pitfalls,
/// `--help`), in every language: `locales/en.ftl`, `locales/zh.ftl`.
pub(crate) static TEXT: kit::catalogue::Catalogue = kit::catalogue::Catalogue::new(
    include_str!("../locales/en.ftl"),
    include_str!("../locales/zh.ftl"),
);

/// lab-check's sentences, for its binary (`--help`, one-line errors).
#[must_use]
pub fn text() -> &'static kit::catalogue::Catalogue {
    &TEXT
}

/// What stops lab-check itself (not the student's program) from running a
/// case.
#[derive(Debug)]
pub enum Trouble {
    /// The student's program could not be started: a command line that
    /// cannot work (exit code 2).
    Start(io::Error),
    /// This computer would not give lab-check a socket (exit code 1).
    Lab {
        /// What lab-check was doing.
        doing: String,
        /// What the operating system said.
        source: io::Error,
    },
}

impl Trouble {
    /// Wraps an I/O error of lab-check's own.
    pub fn lab(doing: &str) -> impl FnOnce(io::Error) -> Trouble + '_ {
        move |source| Trouble::Lab {
            doing: doing.to_string(),
            source,
        }
    }

    /// The exit code: 2 for a program that cannot be started, else 1.
    #[must_use]
    pub fn exit_code(&self) -> u8 {
        match self {
            Trouble::Start(_) => 2,
            Trouble::Lab { .. } => 1,
        }
    }
}

impl fmt::Display for Trouble {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Trouble::Start(e) => f.write_str(&tr!(TEXT, "cannot-start", error = e.to_string())),
            Trouble::Lab { doing, source } => f.write_str(&tr!(
                TEXT,
                "lab-failed",
                doing = doing,
                error = source.to_string()
            )),
        }
    }
}

impl std::error::Error for Trouble {}

/// How often a wait for a connection looks again.
const POLL: Duration = Duration::from_millis(2);

/// Waits for the student's program to connect to `listener` (which is
/// non-blocking): until `deadline`, or until the program has ended without
/// connecting.
pub fn accept_before(
    listener: &TcpListener,
    running: &mut Running,
    deadline: Instant,
) -> Option<TcpStream> {
    loop {
        match listener.accept() {
            Ok((conn, _)) => return Some(conn),
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => {}
            Err(_) => return None,
        }
        if running.has_exited() || Instant::now() >= deadline {
            // One last look: it may have connected and ended in between.
            return listener.accept().ok().map(|(conn, _)| conn);
        }
        thread::sleep(POLL);
    }
}
