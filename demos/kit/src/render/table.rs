//! Runs that measured round trips, drawn as one table: a row per variant,
//! its median and slowest round trip, and how many times slower its median
//! is than the fastest variant's.

use super::{line, notes, rule, width};
use crate::report::Run;
use colored::Colorize;

/// Whether `run` is a pure measurement: round-trip times and no journal.
pub(crate) fn is_measurement(run: &Run) -> bool {
    run.rtt_us.is_some() && run.sends.is_empty() && run.recvs.is_empty()
}

/// The table for consecutive measurement runs.
pub(crate) fn rtt(title: &str, runs: &[Run]) -> String {
    let mut out = String::new();
    rule(&mut out, &format!("━━ {title} · round trips "));
    let fastest = runs
        .iter()
        .filter_map(|r| r.rtt_us.map(|t| t.median))
        .min()
        .unwrap_or(1)
        .max(1);
    let label_width = runs.iter().map(|r| width(&r.label)).max().unwrap_or(0);
    line(
        &mut out,
        &format!(
            "   {}{}  {:>10}  {:>10}  {:>9}",
            "variant",
            " ".repeat(label_width.saturating_sub(7)),
            "median",
            "max",
            // A ratio needs two rows to compare.
            if runs.len() > 1 { "× fastest" } else { "" }
        )
        .dimmed()
        .to_string(),
    );
    for run in runs {
        let Some(rtt) = run.rtt_us else { continue };
        let ratio = rtt.median as f64 / fastest as f64;
        let ratio_text = format!("{:>8.0}×", ratio.max(1.0));
        // Slow rows are the lesson: they stand out in the verdict colour.
        let ratio_text = if runs.len() == 1 {
            String::new().normal()
        } else if ratio >= 10.0 {
            ratio_text.yellow().bold()
        } else {
            ratio_text.green().bold()
        };
        line(
            &mut out,
            &format!(
                "   {}{}  {:>7.2} ms  {:>7.2} ms  {ratio_text}",
                run.label,
                " ".repeat(label_width - width(&run.label)),
                rtt.median as f64 / 1000.0,
                rtt.max as f64 / 1000.0,
            ),
        );
    }
    let mut all: Vec<String> = Vec::new();
    for note in runs.iter().flat_map(|r| &r.notes) {
        if !all.contains(note) {
            all.push(note.clone());
        }
    }
    notes(&mut out, &all);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knobs::Applied;
    use crate::report::{Rtt, Transport};

    fn measured(label: &str, median: u64, max: u64) -> Run {
        Run {
            label: label.into(),
            transport: Transport::Tcp,
            knobs: Applied::default(),
            sends: Vec::new(),
            recvs: Vec::new(),
            sticky: None,
            half: None,
            verdict: String::new(),
            code: crate::verdict::Code::Measured,
            segments_out: None,
            rtt_us: Some(Rtt { median, max }),
            reader: None,
            notes: vec!["why".into()],
            frames: Vec::new(),
        }
    }

    #[test]
    fn rows_carry_the_ratio_to_the_fastest_median() {
        colored::control::set_override(false);
        let runs = [measured("slow", 44_000, 48_000), measured("fast", 40, 90)];
        assert!(runs.iter().all(is_measurement));
        let table = rtt("t", &runs);
        assert!(
            table.contains("slow    44.00 ms    48.00 ms      1100×"),
            "{table}"
        );
        assert!(
            table.contains("fast     0.04 ms     0.09 ms         1×"),
            "{table}"
        );
        assert_eq!(
            table.matches("why").count(),
            1,
            "shared notes once: {table}"
        );
    }
}
