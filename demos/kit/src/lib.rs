//! # The lab bench
//!
//! Everything the demos of Sticky Packet Lab share. A demo is a scenario —
//! what the sender writes and how the receiver reads — run over a real TCP
//! (or UDP) socket. The bench supplies the rest:
//!
//! - [`knobs`]: the socket options a demo turns, and what the kernel applied;
//! - [`endpoint`] and [`loopback`]: the two ends of a connection, across two
//!   computers or inside one process;
//! - [`lan`]: this computer's addresses on the network, for the other one;
//! - [`queue`]: waiting until bytes are queued, without reading them;
//! - [`journal`] and [`journaled`]: every `send` and `recv` with its bytes
//!   and time, and a stream that records them itself;
//! - [`origin`]: which sent message each received byte came from;
//! - [`verdict`]: sticky (粘包), half (半包), both or neither, in a sentence;
//! - [`utf8`]: characters cut in two by a chunk boundary;
//! - [`tcp_info`] and [`segments`]: the kernel's own record of a connection
//!   (Linux `TCP_INFO`), and how many TCP segments really left;
//! - [`stream`]: the plain send and recv loops, journaled;
//! - [`report`], [`render`], [`style`], [`cli`]: the story on a terminal,
//!   the same facts as JSON, and the command line around them;
//! - [`error`]: one-line errors and exit codes.
//! - [`lang`], [`catalogue`] and [`help`]: which language the lab speaks,
//!   its sentences in each, and `--help` laid out in Chinese.

pub mod catalogue;
pub mod cli;
pub mod endpoint;
pub mod error;
pub mod help;
pub mod hex;
pub mod journal;
pub mod journaled;
pub mod knobs;
pub mod lan;
pub mod lang;
pub mod lesson;
pub mod loopback;
pub mod origin;
pub mod queue;
pub mod render;
pub mod report;
pub mod segments;
pub mod stream;
pub mod style;
pub mod tcp_info;
pub mod units;
pub mod utf8;
pub mod verdict;

pub use error::{Error, Result};

/// The kit's own sentences (the shared renderer, errors, the command
/// line), in every language: `locales/en.ftl`, `locales/zh.ftl`.
pub(crate) static TEXT: catalogue::Catalogue = catalogue::Catalogue::new(
    include_str!("../locales/en.ftl"),
    include_str!("../locales/zh.ftl"),
);
