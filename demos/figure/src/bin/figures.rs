//! `figures DIR`: reads reports as JSON on stdin (one report, or a list as
//! `cargo demo --json` prints for the whole tour) and writes each run's
//! figure to `DIR/DEMO-N.svg`. `just figures` runs it over the tour to
//! make the pictures in `docs/figures/`.

use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1);
    let (Some(dir), None) = (args.next(), args.next()) else {
        eprintln!("error: usage: cargo demo --json | figures DIR");
        return ExitCode::from(2);
    };
    let dir = PathBuf::from(dir);
    let mut json = String::new();
    if let Err(e) = std::io::stdin().read_to_string(&mut json) {
        eprintln!("error: reading the reports from stdin: {e}");
        return ExitCode::from(2);
    }
    let reports = match figure::read_reports(&json) {
        Ok(reports) => reports,
        Err(e) => {
            eprintln!("error: stdin is not a report as `cargo demo --json` prints it: {e}");
            return ExitCode::from(2);
        }
    };
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("error: cannot create {}: {e}", dir.display());
        return ExitCode::from(2);
    }
    let mut written = 0;
    for report in &reports {
        for figure in figure::figures(report) {
            let path = dir.join(format!("{}.svg", figure.name));
            if let Err(e) = std::fs::write(&path, figure.svg + "\n") {
                eprintln!("error: cannot write {}: {e}", path.display());
                return ExitCode::from(2);
            }
            written += 1;
        }
    }
    eprintln!("figures: wrote {written} figures to {}", dir.display());
    ExitCode::SUCCESS
}
