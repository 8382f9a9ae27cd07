//! `cargo demo [NAME]`: runs each demo's two sides in one process, over
//! loopback, and prints the story — the lesson on a projector.

use clap::builder::PossibleValuesParser;
use clap::{CommandFactory, Parser};
use kit::cli::{self, Common};
use kit::lesson::Lesson;
use kit::report::Report;
use std::process::ExitCode;

/// The Sticky Packet Lab tour: each demo's sender and receiver run in this
/// one process over 127.0.0.1, and every send and recv is shown.
#[derive(Debug, Parser)]
#[command(name = "cargo demo", version)]
struct Args {
    /// Which demo to run; `all` (the default) runs every one in lesson order.
    #[arg(default_value = "all", value_parser = PossibleValuesParser::new(names()))]
    demo: String,

    /// Print the demos' names, one per line in lesson order, and run none.
    #[arg(long, conflicts_with = "demo")]
    list: bool,

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

/// The name a person typed to start the tour: `cargo demo` in the
/// workspace (Cargo starts the binary as `tour`), and the program's own
/// name in the classroom bundle, where it is `lab` (`lab.exe`) and there
/// is no Cargo.
fn invoked_as() -> String {
    let stem = std::env::args_os()
        .next()
        .and_then(|path| {
            std::path::Path::new(&path)
                .file_stem()
                .map(|stem| stem.to_string_lossy().into_owned())
        })
        .unwrap_or_default();
    match stem.as_str() {
        "" | "tour" => "cargo demo".into(),
        other => other.into(),
    }
}

/// What `--help` says after the options: where the paired programs are,
/// in the words that fit how the tour was started.
fn after_help(invoked: &str) -> String {
    let pair = if invoked == "cargo demo" {
        "e.g. `cargo run -p sticky --bin sticky-server` and `cargo run -p sticky --bin \
         sticky-client`"
    } else {
        "e.g. sticky-server and sticky-client, beside this program (START-HERE.txt says how)"
    };
    format!("For two terminals or two computers, use the paired programs instead: {pair}.")
}

fn main() -> ExitCode {
    let invoked = invoked_as();
    let command = Args::command()
        .name(invoked.clone())
        .bin_name(invoked.clone())
        .after_help(after_help(&invoked));
    let args: Args = cli::parse_with(command);
    if args.list {
        let names: Vec<&str> = lessons().iter().map(|entry| entry.name).collect();
        cli::print(&(names.join("\n") + "\n"));
        return ExitCode::SUCCESS;
    }
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
    cli::print(&text);
    ExitCode::SUCCESS
}
