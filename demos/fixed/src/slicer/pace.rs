//! Pieces a pause apart: what turns one write into several `recv`s.
//!
//! A receiver's `recv` returns whatever its kernel has queued. Two pieces
//! written back to back are queued together and come out of one `recv`
//! glued (粘包); the pause between them gives the first piece time to
//! reach the receiver and be returned on its own. The proxy paces every
//! direction with a [`Pacer`], and so does any program that wants to cut
//! its own stream the way the slicer would (`lab-check` does, to know
//! exactly where every cut fell).

use std::io::{self, Write};
use std::thread;
use std::time::{Duration, Instant};

/// Writes pieces, each at least `delay` after the one before.
#[derive(Debug, Clone)]
pub struct Pacer {
    delay: Duration,
    last_write: Option<Instant>,
}

impl Pacer {
    /// A pacer that keeps `delay` between two writes.
    #[must_use]
    pub fn new(delay: Duration) -> Pacer {
        Pacer {
            delay,
            last_write: None,
        }
    }

    /// Waits until `delay` has passed since the previous piece, then writes
    /// `piece` whole.
    ///
    /// The pause is the point of the tool, not synchronisation: it is kept
    /// between any two pieces, and costs nothing when the bytes come more
    /// slowly than that anyway. With `TCP_NODELAY` on the socket, the
    /// kernel sends each piece at once as a segment of its own.
    pub fn write<W: Write + ?Sized>(&mut self, to: &mut W, piece: &[u8]) -> io::Result<()> {
        if let Some(last) = self.last_write {
            thread::sleep(self.delay.saturating_sub(last.elapsed()));
        }
        to.write_all(piece)?;
        self.last_write = Some(Instant::now());
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_are_written_whole_and_a_pause_apart() {
        let mut pacer = Pacer::new(Duration::from_millis(5));
        let mut out = Vec::new();
        let start = Instant::now();
        for piece in [&b"ab"[..], b"c", b"def"] {
            pacer.write(&mut out, piece).unwrap();
        }
        assert_eq!(out, b"abcdef");
        assert!(start.elapsed() >= Duration::from_millis(10), "two pauses");
    }
}
