//! The exercise: the catalogue a client received, and each download with
//! its size, time, rate and checksum.

use super::banner::{self, Heading};
use super::text::{Flow, hang_lines, line, visible, width};
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
    hang_lines(
        out,
        &format!(
            " {} {}",
            style.bold(&crate::tr!(crate::TEXT, "transfer-server")),
            crate::tr!(crate::TEXT, "transfer-catalogue", server = &run.server)
        ),
        style.width,
        3,
    );
    for (i, file) in run.catalogue.iter().enumerate() {
        hang_lines(
            out,
            &format!(
                "   [{:>2}] {}  ({})",
                i + 1,
                visible(&file.name),
                units::bytes(file.size)
            ),
            style.width,
            8,
        );
    }
    let title = crate::tr!(crate::TEXT, "transfer-downloads");
    line(out, &format!(" {}", style.bold(&title)));
    let name_width = run
        .downloads
        .iter()
        .map(|d| width(&visible(&d.name)))
        .max()
        .unwrap_or(0);
    for download in &run.downloads {
        let check = if download.identical {
            style.paint(&crate::tr!(crate::TEXT, "transfer-identical"), |t| {
                t.green().bold()
            })
        } else {
            style.paint(&crate::tr!(crate::TEXT, "transfer-not-identical"), |t| {
                t.red().bold()
            })
        };
        let name = visible(&download.name);
        let head = format!(
            "   get {name}{}",
            " ".repeat(name_width.saturating_sub(width(&name)))
        );
        // The checksum and its verdict go under the size when the line is
        // full.
        let mut flow = Flow::new(head.trim_end(), style.width, width(&head) + 2);
        let summary = units::summary(download.size, Duration::from_secs_f64(download.seconds));
        flow.push_measured(
            &" ".repeat(width(&head) - width(head.trim_end()) + 2),
            &summary,
            width(&units::summary_widest(download.size)),
        );
        flow.push("  ", &format!("CRC-32 {:08x}  {check}", download.crc32));
        flow.finish(out);
    }
    verdict::verdict(out, &verdict::label(), &run.verdict, style, |t| t);
    verdict::notes(out, &run.notes, style);
}
