//! # A length header before every message
//!
//! TCP carries bytes, not messages: two `send`s may come out of one `recv`
//! glued together (粘包), and one `send` may take several `recv`s (半包).
//! The sure way to keep messages apart is to put each one's length in front
//! of it, in a header of fixed size, and to let the receiver read exactly
//! that many bytes:
//!
//! ```text
//! +----------------+----------------------------+
//! | len: u32 (BE)  |  payload: len bytes        |
//! +----------------+----------------------------+
//!   00 00 00 18      e4 b8 8b e9 9b a8 …        "下雨天留客天留人" = 24 bytes
//! ```
//!
//! - [`frame`]: the format — the bytes of Python's `struct.pack("!I", n)`;
//! - [`decoder`]: a sans-IO state machine that turns bytes cut anywhere
//!   back into whole frames, and shows where it stands after every `recv`;
//! - [`io`]: `FrameWriter::send` and `FrameReader::recv` over any socket,
//!   and [`io::read_frame`], which never reads past the end of a frame.
//!
//! This crate has no dependencies: copy its folder into your own project.

pub mod decoder;
pub mod frame;
pub mod io;

pub use decoder::{DecodeError, Decoder, Part, State};
pub use io::{FrameReader, FrameWriter};
