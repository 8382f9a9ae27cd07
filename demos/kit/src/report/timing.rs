//! A timing table: the same request timed under several variants, one row
//! each — the nagle demo's 40 ms stall against its five fixes.

use crate::knobs::Applied;
use serde::{Deserialize, Serialize};
use std::time::Duration;

/// Round trips measured for several variants.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Timing {
    /// What was timed.
    pub label: String,
    /// One row per variant, in the order measured.
    pub rows: Vec<TimingRow>,
    /// Why the rows differ: the lines a teacher explains.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// One variant's round trips.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TimingRow {
    /// The variant, e.g. "`TCP_NODELAY` on the client".
    pub label: String,
    /// Socket options as the kernel applied them.
    pub knobs: Applied,
    /// How many round trips were timed.
    pub round_trips: usize,
    /// Their median and slowest, in microseconds.
    pub rtt_us: Rtt,
    /// The row in a sentence.
    pub verdict: String,
}

impl TimingRow {
    /// A row for `label`, from the time of every round trip (`None` if
    /// there were none).
    pub fn measured(
        label: impl Into<String>,
        knobs: Applied,
        samples: &[Duration],
    ) -> Option<TimingRow> {
        let rtt = Rtt::of(samples)?;
        Some(TimingRow {
            label: label.into(),
            knobs,
            round_trips: samples.len(),
            rtt_us: rtt,
            verdict: crate::tr!(
                crate::TEXT,
                "timing-row-verdict",
                median = format!("{:.2}", rtt.median as f64 / 1000.0),
                max = format!("{:.2}", rtt.max as f64 / 1000.0),
                round_trips = samples.len()
            ),
        })
    }
}

/// Round-trip times in microseconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rtt {
    /// The median round trip.
    pub median: u64,
    /// The slowest round trip.
    pub max: u64,
}

impl Rtt {
    /// The median and maximum of `samples` (`None` if there are none).
    #[must_use]
    pub fn of(samples: &[Duration]) -> Option<Rtt> {
        let mut micros: Vec<u64> = samples
            .iter()
            .map(|d| u64::try_from(d.as_micros()).unwrap_or(u64::MAX))
            .collect();
        micros.sort_unstable();
        let max = *micros.last()?;
        let n = micros.len();
        let median = if n % 2 == 1 {
            micros[n / 2]
        } else {
            (micros[n / 2 - 1] + micros[n / 2]) / 2
        };
        Some(Rtt { median, max })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rtt_median_and_max() {
        let ms = Duration::from_millis;
        assert_eq!(
            Rtt::of(&[ms(3), ms(1), ms(2)]),
            Some(Rtt {
                median: 2000,
                max: 3000
            })
        );
        assert_eq!(
            Rtt::of(&[ms(1), ms(4)]),
            Some(Rtt {
                median: 2500,
                max: 4000
            })
        );
        assert_eq!(Rtt::of(&[]), None);
    }
}
