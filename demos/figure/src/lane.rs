//! A lane: the sends (or the recvs, or the frames) of a run laid left to
//! right in stream order, each box as wide as its bytes — but never too
//! narrow to see, and never more than a dozen boxes: past that, the first
//! three and the last are drawn and the ones between become one box that
//! counts them, as the terminal does. A 256 KiB message read in 64 recvs
//! is five boxes, not 64, and a page of the tour stays small.
//!
//! Every slot knows which bytes of the stream it holds, so a byte can be
//! found on any lane: that is what the bands between lanes are drawn from.

use kit::render::text::{Elided, Slot as Shown};

/// What one slot of a lane stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The item at this position (0-based) of the list.
    One(usize),
    /// `count` items from position `first` on, drawn as one box.
    Many {
        /// The first of them.
        first: usize,
        /// How many.
        count: usize,
    },
}

/// One box of a lane.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Slot {
    /// What it stands for.
    pub kind: Kind,
    /// Its left edge.
    pub x: f64,
    /// Its width.
    pub w: f64,
    /// The stream bytes it holds: `start..end`.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
}

impl Slot {
    /// Where stream byte `pos` (inside or at the end of this slot) is drawn.
    #[must_use]
    pub fn x_of(&self, pos: usize) -> f64 {
        let len = self.end - self.start;
        if len == 0 {
            return self.x;
        }
        let into = pos.clamp(self.start, self.end) - self.start;
        self.x + self.w * into as f64 / len as f64
    }
}

/// The boxes of one lane.
#[derive(Debug, Clone, PartialEq)]
pub struct Lane {
    /// Left to right.
    pub slots: Vec<Slot>,
}

/// How a lane is fitted into its room.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Room {
    /// Left edge of the lane.
    pub x: f64,
    /// Its width.
    pub w: f64,
    /// Space between two boxes.
    pub gap: f64,
    /// The narrowest box.
    pub min: f64,
}

impl Lane {
    /// Items of `lens` bytes each, one after another in one stream, fitted
    /// into `room`.
    #[must_use]
    pub fn lay(lens: &[usize], room: Room) -> Lane {
        let shown = Elided::of(lens.len()).slots();
        let mut starts = Vec::with_capacity(lens.len() + 1);
        let mut at = 0;
        for len in lens {
            starts.push(at);
            at += len;
        }
        starts.push(at);
        let kinds: Vec<Kind> = shown
            .iter()
            .scan(0, |next, slot| {
                let kind = match *slot {
                    Shown::Item(i) => {
                        *next = i + 1;
                        Kind::One(i)
                    }
                    Shown::Gap(count) => {
                        let kind = Kind::Many {
                            first: *next,
                            count,
                        };
                        *next += count;
                        kind
                    }
                };
                Some(kind)
            })
            .collect();
        let many = kinds
            .iter()
            .filter(|k| matches!(k, Kind::Many { .. }))
            .count();
        let many_w = (room.w * 0.26).min(260.0);
        let gaps = room.gap * kinds.len().saturating_sub(1) as f64;
        let avail = (room.w - gaps - many_w * many as f64).max(0.0);
        let ones: Vec<usize> = kinds
            .iter()
            .filter_map(|k| match k {
                Kind::One(i) => Some(lens[*i]),
                Kind::Many { .. } => None,
            })
            .collect();
        let widths = proportional(&ones, avail, room.min);
        let mut slots = Vec::with_capacity(kinds.len());
        let mut x = room.x;
        let mut next_one = widths.iter();
        for kind in kinds {
            let (w, start, end) = match kind {
                Kind::One(i) => (
                    *next_one.next().expect("one width per item"),
                    starts[i],
                    starts[i + 1],
                ),
                Kind::Many { first, count } => (many_w, starts[first], starts[first + count]),
            };
            slots.push(Slot {
                kind,
                x,
                w,
                start,
                end,
            });
            x += w + room.gap;
        }
        Lane { slots }
    }

    /// The slot holding stream byte `pos` (the last one, for the end of
    /// the stream), if any.
    #[must_use]
    pub fn find(&self, pos: usize) -> Option<usize> {
        self.slots
            .iter()
            .position(|s| (s.start..s.end).contains(&pos))
            .or_else(|| self.slots.iter().rposition(|s| s.end == pos))
    }

    /// The slot that stands for item `i`, and whether it is `i`'s alone.
    #[must_use]
    pub fn slot_of_item(&self, i: usize) -> Option<(usize, bool)> {
        self.slots
            .iter()
            .position(|s| match s.kind {
                Kind::One(j) => j == i,
                Kind::Many { first, count } => (first..first + count).contains(&i),
            })
            .map(|at| (at, matches!(self.slots[at].kind, Kind::One(_))))
    }

    /// Where the lane ends on the right.
    #[must_use]
    pub fn right(&self) -> f64 {
        self.slots.last().map_or(0.0, |s| s.x + s.w)
    }
}

/// Widths for items of `lens` bytes, in proportion to their bytes, adding
/// up to `room`, none narrower than `min` (or than an equal share, when
/// even `min` each does not fit).
fn proportional(lens: &[usize], room: f64, min: f64) -> Vec<f64> {
    if lens.is_empty() {
        return Vec::new();
    }
    let min = min.min(room / lens.len() as f64);
    let mut floor = vec![false; lens.len()];
    loop {
        let free_bytes: usize = lens
            .iter()
            .zip(&floor)
            .filter(|(_, f)| !**f)
            .map(|(l, _)| *l)
            .sum();
        let floored = floor.iter().filter(|f| **f).count() as f64;
        let per_byte = if free_bytes == 0 {
            0.0
        } else {
            (room - min * floored) / free_bytes as f64
        };
        let mut changed = false;
        for (len, f) in lens.iter().zip(floor.iter_mut()) {
            if !*f && (*len as f64) * per_byte < min {
                *f = true;
                changed = true;
            }
        }
        if !changed {
            return lens
                .iter()
                .zip(&floor)
                .map(|(l, f)| if *f { min } else { *l as f64 * per_byte })
                .collect();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROOM: Room = Room {
        x: 100.0,
        w: 1000.0,
        gap: 10.0,
        min: 50.0,
    };

    #[test]
    fn boxes_share_the_room_by_their_bytes_and_fill_it() {
        let lane = Lane::lay(&[24, 6], ROOM);
        let [a, b] = lane.slots[..] else {
            panic!("two slots")
        };
        assert!((a.w / b.w - 4.0).abs() < 1e-9, "{a:?} {b:?}");
        assert!((lane.right() - 1100.0).abs() < 1e-9);
        assert_eq!((b.start, b.end), (24, 30));
        assert!((b.x_of(27) - (b.x + b.w / 2.0)).abs() < 1e-9);
    }

    #[test]
    fn a_tiny_box_keeps_its_minimum_width() {
        let lane = Lane::lay(&[10_000, 1], ROOM);
        assert!((lane.slots[1].w - 50.0).abs() < 1e-9);
        assert!((lane.right() - 1100.0).abs() < 1e-9);
    }

    #[test]
    fn sixty_four_recvs_become_five_boxes_that_still_hold_every_byte() {
        let lane = Lane::lay(&[4096; 64], ROOM);
        assert_eq!(lane.slots.len(), 5);
        assert_eq!(
            lane.slots[3].kind,
            Kind::Many {
                first: 3,
                count: 60
            }
        );
        assert_eq!(lane.slots[3].start, 3 * 4096);
        assert_eq!(lane.slots[4].end, 64 * 4096);
        assert_eq!(lane.find(5 * 4096), Some(3));
        assert_eq!(lane.find(64 * 4096), Some(4), "the end of the stream");
        assert_eq!(lane.slot_of_item(10), Some((3, false)));
        assert_eq!(lane.slot_of_item(63), Some((4, true)));
    }
}
