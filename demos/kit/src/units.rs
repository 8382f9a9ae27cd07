//! Sizes and speeds in the units people read: `200.0 MiB`,
//! `812.3 MiB/s`.

use std::time::Duration;

/// `1.5 MiB`, `200.0 MiB`, `17 B`.
#[must_use]
pub fn bytes(n: u64) -> String {
    const UNITS: [&str; 4] = ["KiB", "MiB", "GiB", "TiB"];
    if n < 1024 {
        return format!("{n} B");
    }
    let mut value = n as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    format!("{value:.1} {}", UNITS[unit])
}

/// Bytes per second over `elapsed`, as `812.3 MiB/s`.
#[must_use]
pub fn speed(n: u64, elapsed: Duration) -> String {
    let secs = elapsed.as_secs_f64();
    if secs <= 0.0 {
        return "-".into();
    }
    format!("{}/s", bytes((n as f64 / secs) as u64))
}

/// One summary: `5.0 MiB in 0.012 s (416.7 MiB/s)`.
#[must_use]
pub fn summary(n: u64, elapsed: Duration) -> String {
    crate::tr!(
        crate::TEXT,
        "units-summary",
        size = bytes(n),
        secs = format!("{:.3}", elapsed.as_secs_f64()),
        speed = speed(n, elapsed)
    )
}

/// The widest [`summary`] of `n` bytes for any transfer under 100 s: the
/// room a story keeps for it, so that a faster or slower run does not move
/// what follows it to another line.
#[must_use]
pub fn summary_widest(n: u64) -> String {
    crate::tr!(
        crate::TEXT,
        "units-summary",
        size = bytes(n),
        secs = "99.999",
        speed = "1023.9 MiB/s"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units() {
        assert_eq!(bytes(17), "17 B");
        assert_eq!(bytes(1536), "1.5 KiB");
        assert_eq!(bytes(200 * 1024 * 1024), "200.0 MiB");
        assert_eq!(speed(1024, Duration::from_secs(1)), "1.0 KiB/s");
    }
}
