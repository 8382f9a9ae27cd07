//! # The fix: a length header before every message
//!
//! TCP carries bytes, not messages, so the sender must put the boundaries
//! into the bytes. The simplest sure way is the one the tutorial reaches
//! for: send each message's length first, in a fixed-size header, and let
//! the receiver read exactly that many bytes.
//!
//! - [`frame`]: the format — 4 bytes of big-endian length, then the payload;
//! - [`decoder`]: a sans-IO state machine that rebuilds whole frames from
//!   bytes cut anywhere, with its state on show;
//! - [`io`]: `FrameWriter::send` and `FrameReader::recv` over any socket;
//! - [`pitfalls`]: the tutorial's own fix, broken on screen beside the right one;
//! - [`replay`]: the traffic of the earlier demos, framed and decoded;
//! - [`slicer`]: a proxy that re-chunks a TCP stream, to prove a framing
//!   (ours, or a student's) holds under any chunking.

#![warn(missing_docs)]

pub mod args;
pub mod decoder;
pub mod frame;
pub mod io;
pub mod pitfalls;
pub mod replay;
pub mod slicer;
