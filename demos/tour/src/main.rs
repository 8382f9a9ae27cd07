//! `cargo demo [NAME]`: runs each demo's two sides in one process, over
//! loopback, and prints the story — the lesson on a projector.

mod select;
mod step;

use clap::Parser;
use clap::builder::PossibleValuesParser;
use kit::cli::{self, Common};
use kit::lesson::Lesson;
use kit::report::Report;
use select::{keep, numbered};
use std::process::ExitCode;
use step::{Choice, Steps};

/// The Sticky Packet Lab tour: each demo's sender and receiver run in this
/// one process over 127.0.0.1, and every send and recv is shown.
#[derive(Debug, Parser)]
#[command(
    name = "cargo demo",
    bin_name = "cargo demo",
    display_name = cli::LAB,
    version,
    after_help = "The story is as wide as the terminal (at most 96 columns), or as COLUMNS says; \
into a pager, `cargo demo --color always | less -R` follows the terminal too.\n\n\
For two terminals or two computers, use \
the paired binaries instead: e.g. `cargo run -p sticky --bin sticky-server` and \
`cargo run -p sticky --bin sticky-client`."
)]
struct Args {
    /// Which demo to run; `all` (the default) runs every one in lesson order.
    #[arg(default_value = "all", value_parser = PossibleValuesParser::new(names()))]
    demo: String,

    /// Print the demos' names, one per line in lesson order, and run none.
    #[arg(long, conflicts_with_all = ["demo", "run", "step"])]
    list: bool,

    /// Show only run N of the demo, numbered as its banners number it
    /// (`cargo demo pitfalls --run 5` shows "run 5 of 16"). Needs a demo's
    /// name: every demo numbers its runs from 1.
    #[arg(long, value_name = "N", value_parser = run_number)]
    run: Option<usize>,

    /// Wait for Enter after each run (q then Enter stops the tour): one run
    /// a page, for a projector. Only when the output is a terminal; into a
    /// file or a pipe, and with --json, it never waits.
    #[arg(long)]
    step: bool,

    #[command(flatten)]
    common: Common,
}
/// One lesson of the tour: its name, what it shows, and how to run it.
struct Entry {
    name: &'static str,
    about: &'static str,
    run: fn() -> kit::Result<Report>,
}

/// A lesson with a pair of binaries, as the tour runs it.
fn lesson<L: Lesson>() -> Entry {
    Entry {
        name: L::NAME,
        about: L::ABOUT,
        run: || L::tour().map(L::report),
    }
}

/// Every lesson, in the order the course teaches them.
fn lessons() -> [Entry; 7] {
    [
        lesson::<sticky::Sticky>(),
        lesson::<half::Half>(),
        lesson::<nagle::Nagle>(),
        lesson::<udp_boundary::Udp>(),
        lesson::<fixed::replay::Fixed>(),
        Entry {
            name: pitfalls::NAME,
            about: pitfalls::ABOUT,
            run: pitfalls::tour,
        },
        Entry {
            name: transfer::demo::NAME,
            about: "The exercise: a file server and its client — resume, CRC-32, safe names.",
            run: transfer::demo::report,
        },
    ]
}

/// `all`, then every lesson's name, each with what it shows.
fn names() -> Vec<clap::builder::PossibleValue> {
    let all = clap::builder::PossibleValue::new("all").help("Every demo below, in order.");
    std::iter::once(all)
        .chain(
            lessons()
                .into_iter()
                .map(|entry| clap::builder::PossibleValue::new(entry.name).help(entry.about)),
        )
        .collect()
}

fn main() -> ExitCode {
    let args: Args = cli::parse();
    if args.list {
        let names: Vec<&str> = lessons().iter().map(|entry| entry.name).collect();
        cli::print(&(names.join("\n") + "\n"));
        return ExitCode::SUCCESS;
    }
    let only = args.run;
    if only.is_some() && args.demo == "all" {
        return cli::fail(&kit::Error::Usage(
            "--run needs a demo's name, since every demo numbers its runs from 1: \
             e.g. cargo demo pitfalls --run 5"
                .into(),
        ));
    }
    let chosen = lessons()
        .into_iter()
        .filter(|entry| args.demo == "all" || args.demo == entry.name);
    if args.common.json {
        let mut reports = Vec::new();
        for entry in chosen {
            match (entry.run)().and_then(|report| keep(report, only)) {
                Ok(report) => reports.push(report),
                Err(error) => return cli::fail(&error),
            }
        }
        // One document: the report itself for one demo, a list for several.
        let json = match reports.as_slice() {
            [one] => serde_json::to_string_pretty(one),
            all => serde_json::to_string_pretty(all),
        };
        return match json {
            Ok(text) => {
                cli::print(&(text + "\n"));
                ExitCode::SUCCESS
            }
            Err(e) => cli::fail(&kit::Error::Json(e)),
        };
    }
    // The story, each demo printed as soon as it has run.
    let style = args.common.color.style();
    let mut steps = Steps::new(args.step);
    let mut first = true;
    for entry in chosen {
        let report = match (entry.run)() {
            Ok(report) => report,
            Err(error) => return cli::fail(&error),
        };
        let shown = match numbered(&report, only) {
            Ok(shown) => shown,
            Err(error) => return cli::fail(&error),
        };
        for (number, run) in shown {
            // Between two runs, a blank line — or, with --step, the pause.
            if !first {
                if steps.waiting() {
                    let prompt = style.dimmed("   … Enter for the next run, q and Enter to stop ");
                    if steps.pause(&prompt) == Choice::Stop {
                        return ExitCode::SUCCESS;
                    }
                } else {
                    cli::print("\n");
                }
            }
            first = false;
            let mut story = String::new();
            kit::render::run(&mut story, &report.title, run, number, &style);
            cli::print(&story);
        }
    }
    ExitCode::SUCCESS
}

/// Parses `--run`'s number (a clap value parser).
fn run_number(text: &str) -> Result<usize, String> {
    match text.parse::<usize>() {
        Ok(0) => Err("there is no run 0: runs are numbered from 1".into()),
        Ok(n) => Ok(n),
        Err(_) => Err(format!("'{text}' is not a run's number (1, 2, …)")),
    }
}
