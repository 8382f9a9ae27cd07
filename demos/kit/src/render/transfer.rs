//! The exercise: the catalogue a client received, and each download with
//! its size, time, rate and checksum.

use super::banner::{self, Heading};
use super::text::{line, visible};
use super::verdict;
use crate::report::Transfer;
use crate::style::Style;
use crate::units;
use colored::Colorize;
use std::time::Duration;

/// The transfer run, under its banner.
pub fn transfer(out: &mut String, heading: &Heading<'_>, run: &Transfer, style: &Style) {
    banner::rule(out, heading, style);
    banner::label(out, &run.label, style);
    line(
        out,
        &format!(
            " {} on {} — the catalogue the client received",
            style.bold("server"),
            run.server
        ),
    );
    for (i, file) in run.catalogue.iter().enumerate() {
        line(
            out,
            &format!(
                "   [{:>2}] {}  ({})",
                i + 1,
                visible(&file.name),
                units::bytes(file.size)
            ),
        );
    }
    line(out, &format!(" {}", style.bold("downloads")));
    let name_width = run
        .downloads
        .iter()
        .map(|d| visible(&d.name).chars().count())
        .max()
        .unwrap_or(0);
    for download in &run.downloads {
        let check = if download.identical {
            style.paint("✓ identical", |t| t.green().bold())
        } else {
            style.paint("✗ not identical to the source", |t| t.red().bold())
        };
        line(
            out,
            &format!(
                "   get {:<name_width$}  {}  CRC-32 {:08x}  {check}",
                visible(&download.name),
                units::summary(download.size, Duration::from_secs_f64(download.seconds)),
                download.crc32,
            ),
        );
    }
    verdict::verdict(out, " verdict: ", &run.verdict, style, |t| t);
    verdict::notes(out, &run.notes, style);
}
