//! How a case cuts the stream: not at all, like the slicer with a seed, or
//! a few bytes into every length header.

use crate::TEXT;
use crate::messages::Stream;
use codec::frame::HEADER_LEN;
use fixed::slicer::{Cutter, Direction, Slicing};
use kit::tr;
use serde::Serialize;
use std::time::Duration;

/// Where the stream is cut, and how long to pause between pieces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cutting {
    /// The whole stream in one write: as glued as it gets (粘包).
    Whole,
    /// The slicer's cuts (`fixed-slicer --average --variation --seed
    /// --delay-us`).
    Sliced(Slicing),
    /// Every frame in two pieces: the first `after` bytes of its header,
    /// then the rest of the frame — half a header, every time (半包).
    HeaderSplit {
        /// Header bytes in the first piece: 1, 2 or 3.
        after: usize,
        /// The pause between pieces.
        delay: Duration,
    },
}

/// One piece of the stream as it was (or will be) written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Piece {
    /// 1-based, in order.
    pub index: usize,
    /// Its first stream byte.
    pub start: usize,
    /// One past its last stream byte.
    pub end: usize,
}

impl Cutting {
    /// Pieces of exactly `size` bytes, `delay_us` apart.
    #[must_use]
    pub fn exact(size: usize, delay_us: u64) -> Cutting {
        Cutting::sliced(size, 0, 1, delay_us)
    }

    /// The slicer's pieces of `average ± variation` bytes, from `seed`.
    #[must_use]
    pub fn sliced(average: usize, variation: usize, seed: u64, delay_us: u64) -> Cutting {
        Cutting::Sliced(Slicing {
            average,
            variation,
            seed,
            delay: Duration::from_micros(delay_us),
        })
    }

    /// The sizes of the pieces `stream` is written in. For the slicer's
    /// cuts they are exactly what `fixed-slicer` with the same options
    /// makes of the stream when it reads it in one chunk.
    #[must_use]
    pub fn sizes(&self, stream: &Stream) -> Vec<usize> {
        match *self {
            Cutting::Whole => vec![stream.bytes.len()]
                .into_iter()
                .filter(|&n| n > 0)
                .collect(),
            Cutting::Sliced(slicing) => {
                Cutter::new(&slicing, Direction::ServerToClient).cut(stream.bytes.len())
            }
            Cutting::HeaderSplit { after, .. } => {
                let ends = stream
                    .starts
                    .iter()
                    .skip(1)
                    .copied()
                    .chain([stream.bytes.len()]);
                stream
                    .starts
                    .iter()
                    .zip(ends)
                    .flat_map(|(&start, end)| [after, end - start - after])
                    .collect()
            }
        }
    }

    /// The pieces, numbered, with their stream offsets.
    #[must_use]
    pub fn pieces(&self, stream: &Stream) -> Vec<Piece> {
        let mut start = 0;
        self.sizes(stream)
            .into_iter()
            .enumerate()
            .map(|(i, size)| {
                let piece = Piece {
                    index: i + 1,
                    start,
                    end: start + size,
                };
                start += size;
                piece
            })
            .collect()
    }

    /// The pause between two pieces.
    #[must_use]
    pub fn delay(&self) -> Duration {
        match *self {
            Cutting::Whole => Duration::ZERO,
            Cutting::Sliced(slicing) => slicing.delay,
            Cutting::HeaderSplit { delay, .. } => delay,
        }
    }

    /// The seed, where the cuts have one.
    #[must_use]
    pub fn seed(&self) -> Option<u64> {
        match *self {
            Cutting::Sliced(slicing) if slicing.variation > 0 => Some(slicing.seed),
            _ => None,
        }
    }

    /// The cutting in words: `pieces of 2–6 B, 300 µs apart, seed 2`.
    #[must_use]
    pub fn describe(&self) -> String {
        let apart =
            |delay: Duration| tr!(TEXT, "cut-apart", micros = delay.as_micros().to_string());
        match *self {
            Cutting::Whole => tr!(TEXT, "cut-whole"),
            Cutting::Sliced(slicing) => {
                let (low, high) = slicing.bounds();
                let size = if low == high {
                    format!("{low} B")
                } else {
                    format!("{low}–{high} B")
                };
                let seed = self
                    .seed()
                    .map(|seed| tr!(TEXT, "cut-seed", seed = seed.to_string()))
                    .unwrap_or_default();
                tr!(
                    TEXT,
                    "cut-pieces",
                    size = size,
                    apart = apart(slicing.delay),
                    seed = seed
                )
            }
            Cutting::HeaderSplit { after, delay } => tr!(
                TEXT,
                "cut-header-split",
                after = after.to_string(),
                header = HEADER_LEN.to_string(),
                apart = apart(delay)
            ),
        }
    }
}

/// Whether a cut falls inside the header of the frame that starts at
/// `start`: then a receiver may get half a header from one recv.
#[must_use]
pub fn splits_header(pieces: &[Piece], start: usize) -> Option<usize> {
    pieces
        .iter()
        .map(|p| p.end)
        .find(|&cut| cut > start && cut < start + HEADER_LEN)
        .map(|cut| cut - start)
}

/// The piece that holds stream byte `offset`.
#[must_use]
pub fn piece_at(pieces: &[Piece], offset: usize) -> Option<Piece> {
    pieces
        .iter()
        .copied()
        .find(|p| (p.start..p.end).contains(&offset))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages;

    #[test]
    fn pieces_cover_the_stream_exactly() {
        let stream = Stream::of(&messages::small_and_texty());
        for cutting in [
            Cutting::Whole,
            Cutting::exact(1, 0),
            Cutting::sliced(4, 2, 3, 0),
            Cutting::HeaderSplit {
                after: 2,
                delay: Duration::ZERO,
            },
        ] {
            let sizes = cutting.sizes(&stream);
            assert_eq!(
                sizes.iter().sum::<usize>(),
                stream.bytes.len(),
                "{cutting:?}"
            );
            assert!(sizes.iter().all(|&n| n > 0), "{cutting:?}: {sizes:?}");
        }
    }

    #[test]
    fn a_header_split_case_cuts_every_header_at_its_offset() {
        let stream = Stream::of(&messages::small());
        for after in 1..HEADER_LEN {
            let pieces = Cutting::HeaderSplit {
                after,
                delay: Duration::ZERO,
            }
            .pieces(&stream);
            for &start in &stream.starts {
                assert_eq!(splits_header(&pieces, start), Some(after));
            }
        }
    }

    #[test]
    fn the_cuts_are_the_slicers_for_the_same_seed() {
        let stream = Stream::of(&messages::small());
        let cutting = Cutting::sliced(4, 2, 7, 0);
        let Cutting::Sliced(slicing) = cutting else {
            unreachable!()
        };
        let mut cutter = Cutter::new(&slicing, Direction::ServerToClient);
        assert_eq!(cutting.sizes(&stream), cutter.cut(stream.bytes.len()));
        assert_eq!(cutting.describe(), "pieces of 2–6 B, 0 µs apart, seed 7");
    }
}
