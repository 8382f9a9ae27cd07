//! What the accept loop does when `accept` itself fails.
//!
//! `accept` fails when the process is out of file descriptors (EMFILE),
//! the system is (ENFILE), or the kernel is short of memory. The waiting
//! connection stays in the listen queue, so the very next `accept` fails
//! the same way at once: a loop that logs and retries spins a core and
//! writes thousands of lines a second, burying the one that explains it.
//! So after a failure the loop pauses ([`PAUSE`]) — the connections being
//! served finish, descriptors come back — and a burst of failures is
//! reported as one line when it starts and one when it ends (and every
//! [`REPORT_EVERY`] while it lasts), with how many there were.
//!
//! A burst ends when an `accept` works after [`QUIET`] without a failure,
//! not at the first one that works: a server at its limit flaps — one
//! connection ends, the next `accept` takes its descriptor, the one after
//! fails again — and each flap is not news.
//!
//! This type only counts and words; the loop in `server` logs and sleeps.

use std::time::{Duration, Instant};

/// How long the accept loop waits after a failed `accept`.
pub const PAUSE: Duration = Duration::from_millis(100);

/// How often a burst that goes on is reported again.
pub const REPORT_EVERY: Duration = Duration::from_secs(10);

/// How long `accept` must have gone without failing for a burst to end.
pub const QUIET: Duration = Duration::from_secs(1);

/// The failures since the last successful `accept`.
#[derive(Debug, Default)]
pub struct AcceptFailures {
    burst: Option<Burst>,
}

#[derive(Debug)]
struct Burst {
    began: Instant,
    reported: Instant,
    latest: Instant,
    count: u64,
    last: String,
}

impl AcceptFailures {
    /// `accept` failed with `error` at `now`; returns the line to log, if
    /// one is due (the first failure of a burst, then one per
    /// [`REPORT_EVERY`]).
    pub fn failed(&mut self, error: &str, now: Instant) -> Option<String> {
        let Some(burst) = &mut self.burst else {
            self.burst = Some(Burst {
                began: now,
                reported: now,
                latest: now,
                count: 1,
                last: error.into(),
            });
            return Some(kit::tr!(
                crate::TEXT,
                "accept-failed",
                error = error,
                secs = format!("{:.1}", PAUSE.as_secs_f64())
            ));
        };
        burst.count += 1;
        burst.latest = now;
        burst.last = error.into();
        if now.duration_since(burst.reported) < REPORT_EVERY {
            return None;
        }
        burst.reported = now;
        Some(kit::tr!(
            crate::TEXT,
            "accept-still",
            summary = burst.summary(now)
        ))
    }

    /// `accept` worked at `now`; returns the line that ends a burst, if
    /// one has ended ([`QUIET`] since its last failure).
    pub fn succeeded(&mut self, now: Instant) -> Option<String> {
        let burst = self.burst.as_ref()?;
        if now.duration_since(burst.latest) < QUIET {
            return None;
        }
        let burst = self.burst.take()?;
        Some(kit::tr!(
            crate::TEXT,
            "accept-again",
            summary = burst.summary(now)
        ))
    }
}

impl Burst {
    fn summary(&self, now: Instant) -> String {
        kit::tr!(
            crate::TEXT,
            "accept-burst",
            count = self.count.to_string(),
            secs = format!("{:.1}", now.duration_since(self.began).as_secs_f64()),
            error = &self.last
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_is_two_lines_however_many_failures_it_has() {
        let start = Instant::now();
        let mut failures = AcceptFailures::default();
        let mut lines = Vec::new();
        // 5 s of failures every 100 ms, with a flap of success between
        // each two, then a second without failure.
        for i in 0..50 {
            let now = start + PAUSE * i;
            lines.extend(failures.failed("too many open files", now));
            lines.extend(failures.succeeded(now + PAUSE / 2));
        }
        lines.extend(failures.succeeded(start + Duration::from_secs(6)));
        assert_eq!(lines.len(), 2, "{lines:#?}");
        assert!(lines[0].starts_with("accept failed: too many open files"));
        assert_eq!(
            lines[1],
            "accept failed 50 times in the last 6.0 s (too many open files); accepting again"
        );
        assert_eq!(failures.succeeded(start), None, "no burst, nothing to say");
    }

    #[test]
    fn a_long_burst_is_reported_again_every_ten_seconds() {
        let start = Instant::now();
        let mut failures = AcceptFailures::default();
        let lines: Vec<String> = (0..=250)
            .filter_map(|i| failures.failed("x", start + PAUSE * i))
            .collect();
        assert_eq!(lines.len(), 3, "at 0, 10 and 20 s: {lines:#?}");
        assert!(lines[2].starts_with("accept failed 201 times in the last 20.0 s"));
    }
}
