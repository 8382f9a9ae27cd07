//! # The exercise, done right: a file server and its client
//!
//! The tutorial ends with an exercise: a server offers a list of videos, a
//! client picks one by number, and the server sends it. Its reference code
//! pickles the list into one `recv(1024)`, packs the size with
//! `struct.pack("i")`, counts `have += 1024` whatever `recv` returned, holds
//! the whole film in memory on both sides, never checks what arrived, and
//! joins whatever name it is given onto a folder. This crate is the same
//! program with each of those fixed.
//!
//! ## The protocol
//!
//! Control messages are frames of the `fixed` demo — a 4-byte big-endian
//! length, then that many bytes — holding one JSON object each. A file body
//! is not a frame: it is a raw stream of exactly `len` bytes after an 8-byte
//! big-endian length, so a file of any size streams from disk to disk
//! without ever being held whole in memory.
//!
//! ```text
//!  client                                                      server
//!    |                         TCP connect                          |
//!    | ----------------------------------------------------------> |
//!    |   frame {"files":[{"name":"a.mp4","size":5242880}, …]}       |  the catalogue,
//!    | <---------------------------------------------------------- |  read from --dir now
//!    |   frame {"get":"a.mp4","offset":0}                           |
//!    | ----------------------------------------------------------> |
//!    |   frame {"name":"a.mp4","size":5242880,"offset":0,           |
//!    |          "len":5242880}                                      |
//!    | <---------------------------------------------------------- |
//!    |   u64 BE len | len raw bytes of the file, from offset …      |  sendfile(2)
//!    | <========================================================== |  on Linux
//!    |   frame {"crc32":3735928559}   (CRC-32 of the whole file)    |
//!    | <---------------------------------------------------------- |
//!    |   frame {"get":…} … again, or frame {"quit":true}            |
//!    | ----------------------------------------------------------> |
//!
//!  frame = +--------------+------------------+     the catalogue: at most 8 MiB;
//!          | len: u32 BE  | len bytes (JSON) |     every other message: 64 KiB
//!          +--------------+------------------+
//!  body  = +--------------+---------------------------------------+
//!          | len: u64 BE  | len bytes of the file, raw            |
//!          +--------------+---------------------------------------+
//! ```
//!
//! Anything that goes wrong comes back as a frame `{"error":"…"}`: an
//! unknown name or an offset past the end (the connection stays usable); a
//! malformed or oversized request, or one that is idle or slow past its
//! deadline (the server closes it); a server that already serves
//! `--max-clients`, or `--max-per-address` from this address (it says
//! "server busy" and closes).
//!
//! ## Neither side trusts the other
//!
//! Students write their own clients and servers against these, so a buggy
//! loop does by accident what an attacker does on purpose. Every read has
//! a deadline, and so does a whole request ([`request_clock`]); one
//! address cannot take every slot ([`slots`]); nothing is allocated before
//! its bytes arrive ([`wire`]); a failing `accept` backs off
//! ([`accept_failures`]); peer text is escaped before it reaches a
//! terminal ([`peer_text`]); an offer must match the catalogue, and an
//! existing file is replaced only when asked ([`client`]).
//!
//! ## The pieces
//!
//! - [`message`]: the JSON messages; [`wire`]: frames and the body header;
//! - [`names`]: which file names are safe to serve and to save;
//!   [`peer_text`]: the other side's text, escaped for a terminal;
//! - [`catalogue`]: the server's folder, listed and resolved;
//! - [`server`] and [`session`]: the accept loop and one connection;
//!   [`slots`], [`request_clock`], [`accept_failures`]: its limits;
//!   [`body`]: a file onto a socket (sendfile on Linux);
//! - [`client`]: the downloader; [`menu`]: the tutorial's numbered menu;
//!   [`resume`]: the command that finishes an interrupted download;
//! - [`checksum`], [`progress`]: CRC-32 and the bar (sizes and rates are
//!   `kit::units`);
//! - [`error`]: one-line errors and exit codes; [`help`]: `--help` in
//!   the reader's language; [`demo`]: the whole story
//!   in one process. (`transfer-bench`, a binary, measures throughput
//!   against a raw copy.)

pub mod accept_failures;
pub mod body;
pub mod catalogue;
pub mod checksum;
pub mod client;
pub mod demo;
pub mod error;
pub mod help;
pub mod menu;
pub mod message;
pub mod names;
pub mod peer_text;
pub mod progress;
pub mod reason;
pub mod request_clock;
pub mod resume;
pub mod server;
pub mod session;
pub mod slots;
pub mod wire;

pub use error::{Error, Result};

/// The exercise's own sentences (the client's menu and errors, the
/// server's log, the demo's report, both programs' `--help`), in every
/// language: `locales/en.ftl`, `locales/zh.ftl`.
pub(crate) static TEXT: kit::catalogue::Catalogue = kit::catalogue::Catalogue::new(
    include_str!("../locales/en.ftl"),
    include_str!("../locales/zh.ftl"),
);

/// The exercise's sentences, for its binaries (their `--help`, start-up
/// lines and errors), which are crates of their own.
#[must_use]
pub fn text() -> &'static kit::catalogue::Catalogue {
    &TEXT
}

/// The port the tutorial's server listens on.
pub const DEFAULT_PORT: u16 = 9696;
