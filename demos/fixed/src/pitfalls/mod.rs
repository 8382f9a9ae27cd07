//! # 陷阱 — the pitfalls of a naive fix
//!
//! The tutorial's fix is the right idea — a length header before every
//! message — written with six mistakes that a single computer hides. Each
//! one is re-done here faithfully, made to fail on every run (the slicer
//! cuts the stream, or a socket option shrinks a buffer), and shown beside
//! the version that works:
//!
//! | | the tutorial's line | what goes wrong |
//! |---|---|---|
//! | [(a)](counting) | `data += recv(1024); have += 1024` | counts what it asked for; bytes are lost, the rest misread |
//! | [(b)](half_header) | `head = client.recv(4)` | `recv(4)` may return half a header |
//! | [(c)](short_write) | `conn.send(big_data)` | `send` may take only part; `sendall` takes all |
//! | [(d)](byte_order) | `struct.pack("i", n)` | native byte order and signed: 24 reads as 402653184; 3 GB does not fit |
//! | [(e)](menu) | `movie_pickle = client.recv(1024)` | a menu longer than 1024 bytes, or cut by the network, does not parse |
//! | [(f)](framings) | — | the other framings: a delimiter inside a message, records too short |
//!
//! Every run journals each `send` and `recv`, and writes beside each recv
//! what the code under study concluded from it.

pub mod byte_order;
pub mod catalogue;
pub mod counting;
pub mod decoding;
pub mod delimiter;
pub mod fixed_length;
pub mod framings;
pub mod half_header;
pub mod menu;
pub mod reading;
pub mod sending;
pub mod short_write;
pub mod sliced;

use crate::slicer::Slicing;
use kit::report::{Exchange, Report, Run};
use kit::verdict::Code;

/// The demo's short name.
pub const NAME: &str = "pitfalls";
/// The banner title.
pub const TITLE: &str = "陷阱 pitfalls of a naive fix";

/// One mistake of a naive fix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pitfall {
    /// (a) `have += 1024` instead of the bytes received.
    Counting,
    /// (b) the header read with one `recv(4)`.
    HalfHeader,
    /// (c) `send` instead of `sendall`.
    ShortWrite,
    /// (d) `struct.pack("i")`: native byte order, signed.
    ByteOrder,
    /// (e) the menu read with one `recv(1024)`.
    Menu,
    /// (f) a delimiter or fixed-length records instead of a length prefix.
    Framings,
}

impl Pitfall {
    /// Every pitfall, in the order the lesson shows them.
    pub const ALL: [Pitfall; 6] = [
        Pitfall::Counting,
        Pitfall::HalfHeader,
        Pitfall::ShortWrite,
        Pitfall::ByteOrder,
        Pitfall::Menu,
        Pitfall::Framings,
    ];

    /// The pitfall's letter in the lesson: `a` to `f`.
    #[must_use]
    pub fn letter(self) -> char {
        match self {
            Pitfall::Counting => 'a',
            Pitfall::HalfHeader => 'b',
            Pitfall::ShortWrite => 'c',
            Pitfall::ByteOrder => 'd',
            Pitfall::Menu => 'e',
            Pitfall::Framings => 'f',
        }
    }

    /// Its runs: the broken version first, then the correct one. Each
    /// shows what a piece of code concluded, so its code is
    /// [`Code::Shown`], whatever the chunks looked like.
    pub fn runs(self) -> kit::Result<Vec<Run>> {
        let mut runs: Vec<Exchange> = match self {
            Pitfall::Counting => vec![counting::broken()?.run, counting::correct()?.run],
            Pitfall::HalfHeader => vec![half_header::broken()?.run, half_header::correct()?.run],
            Pitfall::ShortWrite => vec![short_write::broken()?.run, short_write::correct()?.run],
            Pitfall::ByteOrder => {
                let mut runs =
                    code_shown(vec![byte_order::broken()?.run, byte_order::correct()?.run]);
                runs.push(byte_order::too_big().into());
                return Ok(runs);
            }
            Pitfall::Menu => vec![
                menu::too_long()?.run,
                menu::cut_short()?.run,
                menu::correct()?.run,
            ],
            Pitfall::Framings => {
                let mut runs = code_shown(vec![
                    delimiter::run()?.run,
                    fixed_length::run()?.run,
                    framings::length_prefix()?.run,
                ]);
                runs.push(framings::trade_offs().into());
                return Ok(runs);
            }
        };
        Ok(code_shown(std::mem::take(&mut runs)))
    }
}

/// Exchanges that show what a piece of code concluded: their code is
/// [`Code::Shown`], whatever the chunks looked like.
fn code_shown(runs: Vec<Exchange>) -> Vec<Run> {
    runs.into_iter()
        .map(|mut run| {
            run.code = Code::Shown;
            run.into()
        })
        .collect()
}

/// Every pitfall, broken and correct, in lesson order.
pub fn tour() -> kit::Result<Report> {
    let mut runs = Vec::new();
    for pitfall in Pitfall::ALL {
        runs.extend(pitfall.runs()?);
    }
    Ok(Report::new(NAME, TITLE, runs))
}

/// How the slicer cuts, in words: "the slicer cut the stream into pieces
/// of 500 bytes, 5 ms apart".
#[must_use]
pub fn pieces(slicing: &Slicing) -> String {
    let (low, high) = slicing.bounds();
    let size = if low == high {
        format!("pieces of {low} bytes")
    } else {
        format!("pieces of {low} to {high} bytes")
    };
    format!(
        "the slicer cut the stream into {size}, {} ms apart",
        slicing.delay.as_millis()
    )
}
