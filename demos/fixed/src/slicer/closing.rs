//! The end of a connection: a half-close passed on, and a limit on how long
//! the other direction may stay open after it.
//!
//! When one side closes its sending direction (a FIN), the slicer passes
//! exactly that on and keeps the other direction running: many protocols
//! send a request, close, and then read the answer. But a peer that never
//! closes its own side — a server still waiting for a client that has long
//! left — would then hold the slicer's two sockets and two threads for as
//! long as it likes. So once one direction has ended, the other may stay
//! open only while it is in use: after [`Closing::linger`] without a byte,
//! the slicer lets go of both. (An answer still streaming after the
//! request's FIN is in use, however long it takes.)

use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How often a forwarding thread that is waiting for bytes looks up to
/// check whether the connection is being wound down. A read wakes at once
/// when bytes arrive; this only bounds how late a lingering side notices.
pub const POLL: Duration = Duration::from_millis(100);

/// The shared state of one connection's two directions.
#[derive(Debug)]
pub struct Closing {
    linger: Duration,
    first_end: Mutex<Option<Instant>>,
}

impl Closing {
    /// A connection whose second direction may stay open `linger` after
    /// the first one ended.
    #[must_use]
    pub fn new(linger: Duration) -> Closing {
        Closing {
            linger,
            first_end: Mutex::new(None),
        }
    }

    /// How long the second direction may outlive the first.
    pub fn linger(&self) -> Duration {
        self.linger
    }

    /// Records that one direction has ended (the first call counts).
    pub fn ended(&self) {
        if let Ok(mut first) = self.first_end.lock() {
            first.get_or_insert_with(Instant::now);
        }
    }

    /// Whether a direction still running, whose last bytes passed at
    /// `active`, has outstayed its welcome: the other one has ended, and
    /// neither that end nor any byte since is as recent as `linger`.
    pub fn expired(&self, active: Instant) -> bool {
        self.first_end
            .lock()
            .ok()
            .and_then(|first| *first)
            .is_some_and(|at| at.max(active).elapsed() >= self.linger)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_expires_before_a_direction_ends() {
        let long_ago = Instant::now();
        let closing = Closing::new(Duration::ZERO);
        assert!(!closing.expired(long_ago), "both directions still run");
        closing.ended();
        assert!(closing.expired(long_ago), "no linger at all");
        let patient = Closing::new(Duration::from_secs(3600));
        patient.ended();
        assert!(!patient.expired(long_ago));
    }

    #[test]
    fn bytes_still_flowing_keep_a_direction_open() {
        let closing = Closing::new(Duration::from_secs(3600));
        closing.ended();
        let just_now = Instant::now();
        assert!(!closing.expired(just_now));
    }
}
