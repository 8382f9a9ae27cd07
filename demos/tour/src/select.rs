//! `--run N`: which runs of a demo are shown, and the number each keeps.
//!
//! A lesson is taught run by run, and a run is named by its number in the
//! lesson ("look at run 5"): shown alone it keeps that number, so the
//! banner still says `run 5 of 16`.

use crate::TEXT;
use kit::report::{Report, Run};
use kit::tr;

/// A run's number and how many its report has, as its banner says it.
pub type Number = Option<(usize, usize)>;

/// The runs of `report` to show, each with its number as its banner says
/// it (`run 5 of 16`; none for a report of one run): all of them, or only
/// run `only`.
pub fn numbered(report: &Report, only: Option<usize>) -> kit::Result<Vec<(Number, &Run)>> {
    let total = report.runs.len();
    let number = |i: usize| (total > 1).then_some((i + 1, total));
    match only {
        None => Ok(report
            .runs
            .iter()
            .enumerate()
            .map(|(i, run)| (number(i), run))
            .collect()),
        Some(n) => {
            let run = run_of(report, n)?;
            Ok(vec![(number(n - 1), run)])
        }
    }
}

/// `report` with only run `only`, if asked.
pub fn keep(mut report: Report, only: Option<usize>) -> kit::Result<Report> {
    if let Some(n) = only {
        let run = run_of(&report, n)?.clone();
        report.runs = vec![run];
    }
    Ok(report)
}

/// Run `n` of `report`, or the usage error that names the runs it has.
fn run_of(report: &Report, n: usize) -> kit::Result<&Run> {
    report.runs.get(n.wrapping_sub(1)).ok_or_else(|| {
        kit::Error::Usage(tr!(
            TEXT,
            "run-missing",
            demo = &report.demo,
            runs = report.runs.len(),
            number = n.to_string(),
            last = report.runs.len().to_string()
        ))
    })
}
