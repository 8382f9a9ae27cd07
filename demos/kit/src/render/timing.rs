//! A timing table: a row per variant, its median and slowest round trip,
//! and how many times slower its median is than the fastest variant's. A
//! label too long for the story's width wraps under itself; the numbers
//! stay on its first line.

use super::banner::{self, Heading};
use super::text::{line, pad_start, width, wrap};
use super::verdict;
use crate::report::Timing;
use crate::style::Style;
use colored::Colorize;

/// The table, under its banner, with the notes that explain it.
pub fn timing(out: &mut String, heading: &Heading<'_>, run: &Timing, style: &Style) {
    banner::rule(out, heading, style);
    banner::label(out, &run.label, style);
    let fastest = run
        .rows
        .iter()
        .map(|r| r.rtt_us.median)
        .min()
        .unwrap_or(1)
        .max(1);
    let variant = crate::tr!(crate::TEXT, "timing-variant");
    // The numbers take 38 columns after the margin and the label.
    let label_width = run
        .rows
        .iter()
        .map(|r| width(&r.label))
        .max()
        .unwrap_or(0)
        .min(style.width.saturating_sub(3 + 38).max(width(&variant)));
    // A ratio needs two rows to compare.
    let ratio = if run.rows.len() > 1 {
        crate::tr!(crate::TEXT, "timing-ratio")
    } else {
        String::new()
    };
    line(
        out,
        &style.dimmed(&format!(
            "   {variant}{}  {}  {}  {}",
            " ".repeat(label_width.saturating_sub(width(&variant))),
            pad_start(&crate::tr!(crate::TEXT, "timing-median"), 10),
            pad_start(&crate::tr!(crate::TEXT, "timing-max"), 10),
            pad_start(&ratio, 9),
        )),
    );
    for row in &run.rows {
        let rtt = row.rtt_us;
        let ratio = rtt.median as f64 / fastest as f64;
        let ratio_text = format!("{:>8.0}×", ratio.max(1.0));
        // Slow rows are the lesson: they stand out in the verdict colour.
        let ratio_text = if run.rows.len() == 1 {
            String::new()
        } else if ratio >= 10.0 {
            style.paint(&ratio_text, |t| t.yellow().bold())
        } else {
            style.paint(&ratio_text, |t| t.green().bold())
        };
        let label = wrap(&row.label, label_width);
        line(
            out,
            &format!(
                "   {}{}  {:>7.2} ms  {:>7.2} ms  {ratio_text}",
                label[0],
                " ".repeat(label_width.saturating_sub(width(&label[0]))),
                rtt.median as f64 / 1000.0,
                rtt.max as f64 / 1000.0,
            ),
        );
        for more in &label[1..] {
            line(out, &format!("     {more}"));
        }
    }
    verdict::notes(out, &run.notes, style);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knobs::Applied;
    use crate::report::{Rtt, TimingRow};

    fn row(label: &str, median: u64, max: u64) -> TimingRow {
        TimingRow {
            label: label.into(),
            knobs: Applied::default(),
            round_trips: 20,
            rtt_us: Rtt { median, max },
            verdict: String::new(),
        }
    }

    #[test]
    fn rows_carry_the_ratio_to_the_fastest_median() {
        let run = Timing {
            label: "round trips".into(),
            rows: vec![row("slow", 44_000, 48_000), row("fast", 40, 90)],
            notes: vec!["why".into()],
        };
        let mut out = String::new();
        let heading = Heading {
            title: "t",
            number: None,
            kind: Some("round trips"),
        };
        timing(&mut out, &heading, &run, &Style::PLAIN);
        assert!(
            out.contains("slow    44.00 ms    48.00 ms      1100×"),
            "{out}"
        );
        assert!(
            out.contains("fast     0.04 ms     0.09 ms         1×"),
            "{out}"
        );
        assert!(out.contains("· why"), "{out}");
    }
}
