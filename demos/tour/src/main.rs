//! `cargo demo [NAME]`: runs each demo's two sides in one process, over
//! loopback, and prints the story — the lesson on a projector.

mod page;

use clap::Parser;
use clap::builder::PossibleValuesParser;
use kit::cli::{self, Common};
use kit::lesson::Lesson;
use kit::report::Report;
use std::path::PathBuf;
use std::process::ExitCode;

/// The Sticky Packet Lab tour: each demo's sender and receiver run in this
/// one process over 127.0.0.1, and every send and recv is shown.
#[derive(Debug, Parser)]
#[command(
    name = "cargo demo",
    version,
    after_help = "For two terminals or two computers, use \
the paired binaries instead: e.g. `cargo run -p sticky --bin sticky-server` and \
`cargo run -p sticky --bin sticky-client`."
)]
struct Args {
    /// Which demo to run; `all` (the default) runs every one in lesson order.
    #[arg(default_value = "all", value_parser = PossibleValuesParser::new(names()))]
    demo: String,

    /// Print the demos' names, one per line in lesson order, and run none.
    #[arg(long, conflicts_with = "demo")]
    list: bool,

    /// Also write every run's figure to FILE: one HTML page that needs
    /// nothing else (no network, no script), for a projector or a printer.
    #[arg(long, value_name = "FILE")]
    html: Option<PathBuf>,

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
    let page = match args.html.as_deref().map(page::PageFile::create).transpose() {
        Ok(page) => page,
        Err(error) => return cli::fail(&error),
    };
    let style = args.common.color.style();
    let mut reports = Vec::new();
    for entry in lessons() {
        if args.demo == "all" || args.demo == entry.name {
            match (entry.run)() {
                Ok(report) => reports.push(report),
                Err(error) => return cli::fail(&error),
            }
        }
    }
    let text = if args.common.json {
        // One document: the report itself for one demo, a list for several.
        let json = match reports.as_slice() {
            [one] => serde_json::to_string_pretty(one),
            all => serde_json::to_string_pretty(all),
        };
        match json {
            Ok(text) => text + "\n",
            Err(e) => return cli::fail(&kit::Error::Json(e)),
        }
    } else {
        let stories: Vec<String> = reports
            .iter()
            .map(|report| kit::render::report(report, &style))
            .collect();
        stories.join("\n")
    };
    if let Some(Err(error)) = page.map(|page| page.write(&reports)) {
        return cli::fail(&error);
    }
    cli::print(&text);
    ExitCode::SUCCESS
}
