//! Where a stream is cut.
//!
//! Piece sizes are drawn from the seeded generator, one after another,
//! along the stream. The cuts therefore fall at the same byte offsets for
//! the same seed, however the stream happened to arrive: if a `recv` ends
//! in the middle of a piece, that piece is finished from the next chunk.
//! The slicer cannot hold bytes back to wait for the rest of a piece — a
//! request/response protocol would stall — so the end of each chunk read
//! from the sender is one more cut.

use super::{Direction, Prng, Slicing};

/// The sizes of the pieces that `len` bytes are cut into, drawn from
/// `prng`: each within [`Slicing::bounds`], except the last, which is
/// whatever is left. They add up to `len`.
pub fn pieces(len: usize, prng: &mut Prng, slicing: &Slicing) -> Vec<usize> {
    let mut left_in_piece = 0;
    cut(len, &mut left_in_piece, prng, slicing.bounds())
}

/// Cuts one direction of a stream, chunk by chunk, at the offsets the seed
/// gives.
#[derive(Debug, Clone)]
pub struct Cutter {
    prng: Prng,
    bounds: (usize, usize),
    /// Bytes still owed to a piece that the previous chunk ended inside.
    left_in_piece: usize,
}

impl Cutter {
    /// The cutter for one direction, seeded from `slicing.seed` and the
    /// direction.
    #[must_use]
    pub fn new(slicing: &Slicing, direction: Direction) -> Cutter {
        Cutter {
            prng: Prng::for_direction(slicing.seed, direction),
            bounds: slicing.bounds(),
            left_in_piece: 0,
        }
    }

    /// The sizes of the writes that the next `len` bytes of the stream go
    /// out as. They add up to `len`.
    pub fn cut(&mut self, len: usize) -> Vec<usize> {
        cut(len, &mut self.left_in_piece, &mut self.prng, self.bounds)
    }
}

fn cut(
    len: usize,
    left_in_piece: &mut usize,
    prng: &mut Prng,
    (low, high): (usize, usize),
) -> Vec<usize> {
    let mut sizes = Vec::with_capacity(len / low.max(1) + 1);
    let mut rest = len;
    while rest > 0 {
        if *left_in_piece == 0 {
            *left_in_piece = prng.between(low, high).max(1);
        }
        let size = (*left_in_piece).min(rest);
        sizes.push(size);
        *left_in_piece -= size;
        rest -= size;
    }
    sizes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slicing(average: usize, variation: usize, seed: u64) -> Slicing {
        Slicing {
            average,
            variation,
            seed,
            ..Slicing::default()
        }
    }

    #[test]
    fn pieces_add_up_and_stay_in_bounds() {
        let s = slicing(8, 5, 1);
        let sizes = pieces(1000, &mut Prng::new(1), &s);
        assert_eq!(sizes.iter().sum::<usize>(), 1000);
        let (last, whole) = sizes.split_last().unwrap();
        assert!(whole.iter().all(|n| (3..=13).contains(n)), "{sizes:?}");
        assert!((1..=13).contains(last));
        assert!(pieces(0, &mut Prng::new(1), &s).is_empty());
    }

    #[test]
    fn no_variation_means_exact_pieces() {
        assert_eq!(pieces(20, &mut Prng::new(9), &slicing(8, 0, 9)), [8, 8, 4]);
        assert_eq!(pieces(5, &mut Prng::new(9), &slicing(1, 0, 9)), [1; 5]);
    }

    #[test]
    fn the_same_seed_gives_the_same_pieces_and_another_seed_others() {
        let s = slicing(6, 4, 0);
        let with = |seed| pieces(500, &mut Prng::new(seed), &s);
        assert_eq!(with(1), with(1));
        assert_ne!(with(1), with(2));
        assert_ne!(with(2), with(3));
    }

    #[test]
    fn the_cuts_fall_at_the_same_offsets_however_the_stream_arrives() {
        let s = slicing(7, 5, 42);
        let offsets = |chunks: &[usize]| {
            let mut cutter = Cutter::new(&s, Direction::ClientToServer);
            let mut at = 0;
            let mut cuts = Vec::new();
            for &chunk in chunks {
                for size in cutter.cut(chunk) {
                    at += size;
                    cuts.push(at);
                }
            }
            cuts
        };
        let whole = offsets(&[300]);
        let chunked = offsets(&[1, 99, 13, 187]);
        // Chunk ends add cuts of their own; every seeded cut is still there.
        assert!(whole.iter().all(|cut| chunked.contains(cut)));
        for end in [1, 100, 113, 300] {
            assert!(chunked.contains(&end));
        }
        assert_eq!(
            whole,
            pieces(300, &mut Prng::new(42), &s)
                .iter()
                .scan(0, |at, n| {
                    *at += n;
                    Some(*at)
                })
                .collect::<Vec<_>>(),
            "a cutter fed one chunk cuts like `pieces`"
        );
    }

    #[test]
    fn the_directions_are_cut_differently() {
        let s = slicing(6, 4, 5);
        let there = Cutter::new(&s, Direction::ClientToServer).cut(200);
        let back = Cutter::new(&s, Direction::ServerToClient).cut(200);
        assert_ne!(there, back);
    }
}
