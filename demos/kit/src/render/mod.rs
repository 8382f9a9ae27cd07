//! Drawing a report for a terminal or a projector.
//!
//! Each section is drawn by the module of its kind — [`exchange`],
//! [`columns`] (TCP beside UDP), [`timing`], [`comparison`],
//! [`transfer`](self::transfer) — under the same [`banner`] and over the
//! same [`verdict`] foot; an exchange draws each recv's bytes with
//! [`dump`]. Nothing here guesses a layout: the run's kind says which
//! drawing it gets. Colour and width come from the [`Style`] handed in:
//! with colour off this is plain text, and no line is wider than the width
//! (but a hex row, which takes 69 columns).

mod banner;
mod columns;
mod comparison;
mod dump;
mod exchange;
pub mod text;
mod timing;
mod transfer;
mod verdict;

pub use banner::{Heading, knobs_text};

use crate::report::{Report, Run};
use crate::style::Style;

/// The whole report, section after section, each numbered when there is
/// more than one.
#[must_use]
pub fn report(report: &Report, style: &Style) -> String {
    let mut out = String::new();
    let total = report.runs.len();
    for (i, run) in report.runs.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let number = (total > 1).then_some((i + 1, total));
        self::run(&mut out, &report.title, run, number, style);
    }
    out
}

/// One section, drawn as its kind says.
pub fn run(
    out: &mut String,
    title: &str,
    run: &Run,
    number: Option<(usize, usize)>,
    style: &Style,
) {
    let heading = |kind| Heading {
        title,
        number,
        kind,
    };
    match run {
        Run::Exchange(run) => exchange::exchange(out, &heading(None), run, style),
        Run::SideBySide(run) => {
            let kind = crate::tr!(crate::TEXT, "kind-side-by-side");
            columns::side_by_side(out, &heading(Some(&kind)), run, style);
        }
        Run::Timing(run) => {
            let kind = crate::tr!(crate::TEXT, "kind-round-trips");
            timing::timing(out, &heading(Some(&kind)), run, style);
        }
        Run::Comparison(run) => comparison::comparison(out, &heading(None), run, style),
        Run::Transfer(run) => transfer::transfer(out, &heading(None), run, style),
    }
}

/// The report as plain text, for tests and files.
#[must_use]
pub fn plain(report: &Report) -> String {
    self::report(report, &Style::PLAIN)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::Journal;
    use crate::knobs::Applied;
    use crate::report::{Exchange, Side};
    use std::time::Instant;

    fn run(sends: &[&str], recvs: &[&[u8]]) -> Exchange {
        let epoch = Instant::now();
        let mut sender = Journal::new(epoch);
        for s in sends {
            sender.sent(s.as_bytes(), epoch);
        }
        let mut receiver = Journal::new(epoch);
        for r in recvs {
            receiver.received(r);
        }
        let side = |journal| Side {
            journal,
            knobs: Applied::default(),
            segments_out: None,
        };
        Exchange::both("test", &side(sender), &side(receiver))
    }

    fn report(run: Exchange) -> String {
        plain(&Report::new("t", "t", vec![run.into()]))
    }

    #[test]
    fn a_glued_chunk_names_both_origins_and_reads_whole() {
        let text = report(run(
            &["下雨天留客天留人", "不留"],
            &["下雨天留客天留人不留".as_bytes()],
        ));
        assert!(text.contains("recv #1  30 B"), "{text}");
        assert!(
            text.contains("= send #1 [0..24] + send #2 [0..6]"),
            "{text}"
        );
        assert!(text.contains("\"下雨天留客天留人不留\""), "{text}");
        assert!(
            text.contains("|e4b88be9 9ba8e5a4 a9e79599 e5aea2e5|"),
            "{text}"
        );
        assert!(!text.contains('✂'));
    }

    #[test]
    fn a_cut_character_is_marked_on_both_sides() {
        let bytes = "下雨天留客天留人不留".as_bytes();
        let text = report(run(
            &["下雨天留客天留人不留"],
            &[&bytes[..16], &bytes[16..]],
        ));
        assert!(text.contains("\"下雨天留客\" + e5✂"), "{text}");
        assert!(
            text.contains("✂ 天 was cut in two: 1 byte here, 2 in recv #2"),
            "{text}"
        );
        assert!(text.contains("✂a4 a9 + \"留人不留\""), "{text}");
    }

    #[test]
    fn a_chunk_of_many_sends_counts_the_whole_ones() {
        let sends = ["a", "b", "c", "d", "e", "f"];
        let text = report(run(&sends, &[b"abcdef"]));
        assert!(text.contains("= sends #1 to #6 (6 whole sends)"), "{text}");
        // Cut at both edges: the cut sends keep their byte ranges.
        let sends = ["ab", "c", "d", "e", "f", "gh"];
        let text = report(run(&sends, &[b"a", b"bcdefg", b"h"]));
        // Too long for one line of the widest story: the last piece goes
        // under the first, `+` under `=`.
        assert!(
            text.contains(
                "   recv #2  6 B  at    0.00 ms  = send #1 [1..2] + sends #2 to #5 (4 whole sends)\n\
                 \x20                               + send #6 [0..1]\n"
            ),
            "{text}"
        );
    }

    #[test]
    fn many_recvs_are_summarised() {
        let message = "x".repeat(100);
        let chunks: Vec<&[u8]> = message.as_bytes().chunks(5).collect();
        let text = report(run(&[&message], &chunks));
        assert!(text.contains("… 16 recvs not shown …"), "{text}");
        assert!(text.contains("recv #20"), "{text}");
        assert!(!text.contains("recv #4 "), "{text}");
        assert!(
            text.contains("sizes of the 20 recvs (largest 5 B):"),
            "{text}"
        );
    }

    #[test]
    fn every_section_is_numbered_whatever_its_kind() {
        let one = run(&["a"], &[b"a"]);
        let text = plain(&Report::new(
            "t",
            "title",
            vec![one.clone().into(), one.into()],
        ));
        assert!(text.contains("━━ title · run 1 of 2 ━"), "{text}");
        assert!(text.contains("━━ title · run 2 of 2 ━"), "{text}");
    }
}
