//! `figures DIR`: reads reports as JSON on stdin (one report, or a list as
//! `cargo demo --json` prints for the whole tour) and writes each run's
//! figure to `DIR/DEMO-N.svg`. `just figures` runs it over the tour to
//! make the pictures in `docs/figures/`.
//!
//! The figures speak the language of the report they draw (its `lang`):
//! a report made with `--lang zh` is drawn with Chinese words, whatever
//! the locale of the computer that draws it.

use kit::lang::{self, Lang};
use kit::tr;
use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

/// Says `line` on stderr as an error, and gives the exit code of a
/// command line or input that cannot work.
fn fail(line: &str) -> ExitCode {
    eprintln!("{}{line}", tr!(figure::text(), "error-prefix"));
    ExitCode::from(2)
}

fn main() -> ExitCode {
    // Until a report says otherwise, the usage and input errors follow
    // the locale, like every other program of the lab.
    lang::set(Lang::from_env());
    let mut args = std::env::args_os().skip(1);
    let (Some(dir), None) = (args.next(), args.next()) else {
        return fail(&tr!(figure::text(), "figures-usage"));
    };
    let dir = PathBuf::from(dir);
    let mut json = String::new();
    if let Err(e) = std::io::stdin().read_to_string(&mut json) {
        return fail(&tr!(figure::text(), "figures-stdin", error = e.to_string()));
    }
    let reports = match figure::read_reports(&json) {
        Ok(reports) => reports,
        Err(e) => {
            return fail(&tr!(
                figure::text(),
                "figures-not-report",
                error = e.to_string()
            ));
        }
    };
    if let Some(first) = reports.first() {
        lang::set(first.lang);
    }
    if let Err(e) = std::fs::create_dir_all(&dir) {
        return fail(&tr!(
            figure::text(),
            "figures-mkdir",
            dir = dir.display().to_string(),
            error = e.to_string()
        ));
    }
    let mut written = 0usize;
    for report in &reports {
        for figure in figure::figures(report) {
            let path = dir.join(format!("{}.svg", figure.name));
            if let Err(e) = std::fs::write(&path, figure.svg + "\n") {
                return fail(&tr!(
                    figure::text(),
                    "figures-write",
                    path = path.display().to_string(),
                    error = e.to_string()
                ));
            }
            written += 1;
        }
    }
    eprintln!(
        "{}",
        tr!(
            figure::text(),
            "figures-wrote",
            count = written.to_string(),
            dir = dir.display().to_string()
        )
    );
    ExitCode::SUCCESS
}
