//! Repeatable random numbers: `SplitMix64`.
//!
//! A lesson has to be repeatable: run the slicer twice with the same seed
//! and the stream is cut at the same places, so the class can compare
//! notes. `SplitMix64` (Steele, Lea and Flood, 2014) is the smallest
//! generator that is good enough for this — a counter passed through a
//! mixing function — and it needs no crate.

use super::Direction;

/// A seeded `SplitMix64` generator: the same seed gives the same numbers on
/// every computer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prng {
    state: u64,
}

/// The step `SplitMix64` adds to its counter (2⁶⁴ divided by the golden ratio).
const GOLDEN_GAMMA: u64 = 0x9e37_79b9_7f4a_7c15;

impl Prng {
    /// A generator started from `seed`.
    #[must_use]
    pub fn new(seed: u64) -> Prng {
        Prng { state: seed }
    }

    /// The generator for one direction of a connection. Each direction
    /// gets its own, so how one side's stream is cut does not depend on
    /// how much the other side happened to send first.
    #[must_use]
    pub fn for_direction(seed: u64, direction: Direction) -> Prng {
        match direction {
            Direction::ClientToServer => Prng::new(seed),
            // Any fixed, different start will do; a mixed constant keeps
            // the two sequences far apart for every seed.
            Direction::ServerToClient => Prng::new(seed ^ 0x5851_f42d_4c95_7f2d),
        }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(GOLDEN_GAMMA);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number drawn uniformly from `low ..= high` (`low` if the range is
    /// empty).
    pub fn between(&mut self, low: usize, high: usize) -> usize {
        if high <= low {
            return low;
        }
        let span = (high - low) as u128 + 1;
        // Scale 64 random bits to the span by multiplying and keeping the
        // high half: no division, and no bias worth mentioning for spans as
        // small as piece sizes.
        let offset = (u128::from(self.next_u64()) * span) >> 64;
        low + offset as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_reference_splitmix64() {
        // The first outputs for seed 0 of the reference implementation.
        let mut prng = Prng::new(0);
        assert_eq!(prng.next_u64(), 0xe220_a839_7b1d_cdaf);
        assert_eq!(prng.next_u64(), 0x6e78_9e6a_a1b9_65f4);
    }

    #[test]
    fn the_same_seed_repeats_and_another_seed_differs() {
        let draw = |seed| {
            let mut prng = Prng::new(seed);
            (0..20).map(|_| prng.next_u64()).collect::<Vec<_>>()
        };
        assert_eq!(draw(1), draw(1));
        assert_ne!(draw(1), draw(2));
    }

    #[test]
    fn the_two_directions_draw_different_numbers() {
        let mut there = Prng::for_direction(7, Direction::ClientToServer);
        let mut back = Prng::for_direction(7, Direction::ServerToClient);
        let there: Vec<_> = (0..8).map(|_| there.next_u64()).collect();
        let back: Vec<_> = (0..8).map(|_| back.next_u64()).collect();
        assert_ne!(there, back);
    }

    #[test]
    fn between_stays_in_range_and_reaches_both_ends() {
        let mut prng = Prng::new(3);
        let drawn: Vec<usize> = (0..2000).map(|_| prng.between(5, 11)).collect();
        assert!(drawn.iter().all(|n| (5..=11).contains(n)));
        assert!(drawn.contains(&5) && drawn.contains(&11));
        assert_eq!(prng.between(4, 4), 4);
        assert_eq!(prng.between(9, 2), 9, "an empty range gives its low end");
    }
}
