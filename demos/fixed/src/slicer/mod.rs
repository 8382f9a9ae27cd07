//! # The slicer: a proxy that cuts a TCP stream into small pieces
//!
//! After Toxiproxy's "slicer" toxic. Put it between any client and any
//! server — ours, or a student's Python code — and every chunk it reads
//! from one side leaves toward the other side as several small writes,
//! about [`Slicing::average`] bytes each, with a short pause between them:
//!
//! ```text
//!   client ──"下雨天留客天留人"──▶ slicer ──[e4 b8 8b e9 9b]··[a8 e5 a4 a9 e7 95]··[99 …]──▶ server
//!                                          pause between pieces: each one a recv of its own
//! ```
//!
//! On one computer the loopback interface delivers a whole message at once,
//! so the 半包 (half packets) that a real network produces now and then
//! rarely show. The slicer makes them happen every time: a receiver that
//! assumes one `recv` is one message breaks at once, and a receiver with
//! proper framing (a length header, [`crate`]) keeps working. The bytes
//! themselves are never changed, dropped or reordered — only the moments
//! at which they arrive.
//!
//! - [`prng`]: the seeded random numbers that make a run repeatable;
//! - [`mod@pieces`]: where a stream is cut;
//! - [`forward`]: one direction, read → cut → write, and its half-close;
//! - [`pace`]: the pause between two pieces;
//! - [`closing`]: how long one direction may outlive the other;
//! - [`mod@proxy`]: both directions of one connection;
//! - [`serve`]: dialling the server for a client, and a slicer in a thread;
//! - [`dump`]: a hex dump of every piece, for `--dump`.

pub mod closing;
pub mod dump;
pub mod forward;
pub mod pace;
pub mod pieces;
pub mod prng;
pub mod proxy;
pub mod serve;

pub use dump::Dump;
pub use forward::Flow;
pub use pace::Pacer;
pub use pieces::{Cutter, pieces};
pub use prng::Prng;
pub use proxy::{Forwarded, proxy};
pub use serve::{LINGER, relay, spawn};

use std::fmt;
use std::time::Duration;

/// The slicer's sentences (fixed-slicer's lines and --help), from the
/// fixed lesson's catalogue.
pub static TEXT: &kit::catalogue::Catalogue = &crate::TEXT;

/// How the slicer cuts a stream: the piece sizes, the pause between
/// pieces, and the seed that makes the sizes repeatable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slicing {
    /// The mean piece size in bytes (at least 1).
    pub average: usize,
    /// How far a piece may stray from the average: each size is drawn
    /// uniformly from `average − variation ..= average + variation`, and
    /// never below 1 byte. 0 cuts every piece to exactly `average` bytes.
    pub variation: usize,
    /// The pause between two pieces written in the same direction. This
    /// pause is what the slicer is for: it lets each piece reach the
    /// receiver and be returned by a `recv` of its own before the next one
    /// arrives. Without it, the pieces would queue up in the receiver's
    /// kernel and a `recv` would glue them together again (粘包).
    pub delay: Duration,
    /// Seeds the piece sizes: the same seed cuts the same stream at the
    /// same places, in each direction.
    pub seed: u64,
}

impl Slicing {
    /// The smallest and the largest piece size, in bytes.
    #[must_use]
    pub fn bounds(&self) -> (usize, usize) {
        let average = self.average.max(1);
        let low = average.saturating_sub(self.variation).max(1);
        (low, average.saturating_add(self.variation))
    }
}

impl Default for Slicing {
    /// Pieces of exactly 8 bytes, a millisecond apart, seed 1.
    fn default() -> Slicing {
        Slicing {
            average: 8,
            variation: 0,
            delay: Duration::from_micros(1000),
            seed: 1,
        }
    }
}

/// Which way bytes travel through the slicer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    /// From the client that connected to the slicer, to the server.
    ClientToServer,
    /// From the server back to the client.
    ServerToClient,
}

impl Direction {
    /// Who sends in this direction: "client" or "server".
    #[must_use]
    pub fn sender(self) -> &'static str {
        match self {
            Direction::ClientToServer => "client",
            Direction::ServerToClient => "server",
        }
    }

    /// Who receives in this direction: "server" or "client".
    #[must_use]
    pub fn receiver(self) -> &'static str {
        match self {
            Direction::ClientToServer => "server",
            Direction::ServerToClient => "client",
        }
    }
}

impl Direction {
    /// `client→server` or `server→client`, in the process's language
    /// (the slicer's own lines; `Display` stays the English arrow).
    #[must_use]
    pub fn words(self) -> String {
        match self {
            Direction::ClientToServer => kit::tr!(crate::TEXT, "direction-client-to-server"),
            Direction::ServerToClient => kit::tr!(crate::TEXT, "direction-server-to-client"),
        }
    }

    /// Who sends in this direction, in the process's language.
    #[must_use]
    pub fn sender_words(self) -> String {
        side_words(self.sender())
    }

    /// Who receives in this direction, in the process's language.
    #[must_use]
    pub fn receiver_words(self) -> String {
        side_words(self.receiver())
    }
}

/// "client" or "server", in the process's language.
fn side_words(side: &str) -> String {
    if side == "client" {
        kit::tr!(crate::TEXT, "side-client")
    } else {
        kit::tr!(crate::TEXT, "side-server")
    }
}

impl fmt::Display for Direction {
    /// `client→server` or `server→client`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}→{}", self.sender(), self.receiver())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_never_fall_below_one_byte() {
        let exact = Slicing::default();
        assert_eq!(exact.bounds(), (8, 8));
        let wide = Slicing {
            average: 4,
            variation: 10,
            ..Slicing::default()
        };
        assert_eq!(wide.bounds(), (1, 14));
        let zero = Slicing {
            average: 0,
            ..Slicing::default()
        };
        assert_eq!(zero.bounds(), (1, 1), "an average of 0 would never end");
    }

    #[test]
    fn directions_read_as_arrows() {
        assert_eq!(Direction::ClientToServer.to_string(), "client→server");
        assert_eq!(Direction::ServerToClient.to_string(), "server→client");
    }
}
