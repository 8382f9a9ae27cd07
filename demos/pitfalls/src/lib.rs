//! # 陷阱 — the pitfalls of a naive fix
//!
//! The tutorial's fix is the right idea — a length header before every
//! message — written with six mistakes that a single computer hides. On
//! loopback a whole message usually arrives in one `recv`, every machine in
//! the room is little-endian, and the send buffer is large: the network
//! never shows the code the cases it gets wrong. Each mistake is re-done
//! here faithfully, made to fail on every run (the slicer cuts the stream,
//! or a socket option shrinks a buffer), and shown beside the version that
//! works:
//!
//! | | the tutorial's line | what goes wrong |
//! |---|---|---|
//! | [(a)](lessons::counting) | `data += recv(1024); have += 1024` | counts what it asked for; bytes are lost, the rest misread |
//! | [(b)](lessons::half_header) | `head = client.recv(4)` | `recv(4)` may return half a header |
//! | [(c)](lessons::short_write) | `conn.send(big_data)` | `send` may take only part; `sendall` takes all |
//! | [(d)](lessons::byte_order) | `struct.pack("i", n)` | native byte order and signed: 24 reads as 402653184; 3 GB does not fit |
//! | [(e)](lessons::menu) | `movie_pickle = client.recv(1024)` | a menu longer than 1024 bytes, or cut by the network, does not parse |
//! | [(f)](lessons::framings) | — | the other framings: a delimiter inside a message, records too short |
//!
//! Every run is a report section: an [`Exchange`](kit::report::Exchange)
//! that journals each `send` and `recv`, writes beside each recv what the
//! code under study concluded from it (or where a real decoder stood),
//! marks the bytes it took for length headers, lists the messages it read —
//! each whole or not — and says in its verdict what went wrong. The two
//! tables are [`Comparison`](kit::report::Comparison)s.
//!
//! - [`lessons`]: one module per mistake, its broken run and its correct one;
//! - [`support`]: the bench they stand on — a journaling reader, a sender, a
//!   connection with the slicer in the middle, the decoder's view, and the
//!   menu of (e).

#![warn(missing_docs)]

pub mod lessons;
pub mod support;

/// The lesson's own sentences in every language (`locales/en.ftl`,
/// `locales/zh.ftl`): labels, conclusions, verdicts, notes and tables.
pub(crate) static TEXT: kit::catalogue::Catalogue = kit::catalogue::Catalogue::new(
    include_str!("../locales/en.ftl"),
    include_str!("../locales/zh.ftl"),
);

use kit::report::{Report, Run};
use lessons::{
    byte_order, counting, delimiter, fixed_length, framings, half_header, menu, short_write,
};

/// The demo's short name.
pub const NAME: &str = "pitfalls";
/// The banner title.
pub const TITLE: &str = "陷阱 pitfalls of a naive fix";
/// One line for `cargo demo --help`.
pub const ABOUT: &str = "The tutorial's own fix, broken on screen beside the right one.";

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

    /// Its sections: the broken version first, then the correct one (and,
    /// for (d) and (f), a table of facts).
    pub fn runs(self) -> kit::Result<Vec<Run>> {
        Ok(match self {
            Pitfall::Counting => vec![counting::broken()?.into(), counting::correct()?.into()],
            Pitfall::HalfHeader => {
                vec![
                    half_header::broken()?.into(),
                    half_header::correct()?.into(),
                ]
            }
            Pitfall::ShortWrite => {
                vec![
                    short_write::broken()?.into(),
                    short_write::correct()?.into(),
                ]
            }
            Pitfall::ByteOrder => vec![
                byte_order::broken()?.into(),
                byte_order::correct()?.into(),
                byte_order::too_big().into(),
            ],
            Pitfall::Menu => vec![
                menu::too_long()?.into(),
                menu::cut_short()?.into(),
                menu::correct()?.into(),
            ],
            Pitfall::Framings => vec![
                delimiter::run()?.into(),
                fixed_length::run()?.into(),
                framings::length_prefix()?.into(),
                framings::trade_offs().into(),
            ],
        })
    }
}

/// Every pitfall, broken and correct, in lesson order.
pub fn tour() -> kit::Result<Report> {
    let mut runs = Vec::new();
    for pitfall in Pitfall::ALL {
        runs.extend(pitfall.runs()?);
    }
    Ok(Report::new(NAME, TITLE, runs))
}
