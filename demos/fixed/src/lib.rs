//! # The fix: a length header before every message
//!
//! TCP carries bytes, not messages, so the sender must put the boundaries
//! into the bytes. The simplest sure way is the one the tutorial reaches
//! for: send each message's length first, in a fixed-size header, and let
//! the receiver read exactly that many bytes.
//!
//! - [`frame`], [`decoder`], [`io`]: the codec itself, from the `codec`
//!   crate (no dependencies, so a student can copy it);
//! - [`replay`]: the traffic of the earlier demos, framed and decoded;
//! - [`slicer`]: a proxy that re-chunks a TCP stream, to prove a framing
//!   (ours, or a student's) holds under any chunking.
//!
//! The tutorial's own fix, with the mistakes that break it, is the
//! `pitfalls` crate; it puts this crate's slicer between its two sides.

pub mod args;
pub mod decoder_state;
pub mod replay;
pub mod slicer;

pub use codec::{decoder, frame, io};

/// The lesson's sentences in every language (`locales/en.ftl`,
/// `locales/zh.ftl`): labels, the decoder's state, verdicts, notes,
/// fixed-slicer's lines, --help.
pub(crate) static TEXT: kit::catalogue::Catalogue = kit::catalogue::Catalogue::new(
    include_str!("../locales/en.ftl"),
    include_str!("../locales/zh.ftl"),
);
