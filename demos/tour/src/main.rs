//! `cargo demo [NAME]`: runs each demo's two sides in one process, over
//! loopback, and prints the story — the lesson on a projector.

mod page;
mod select;
mod step;

use clap::builder::PossibleValuesParser;
use clap::{CommandFactory, Parser};
use kit::cli::{self, Common};
use kit::lesson::Lesson;
use kit::report::Report;
use kit::tr;
use select::{keep, numbered};
use std::path::PathBuf;
use std::process::ExitCode;
use step::{Choice, Steps};

/// The tour's sentences (the lesson list, the options' help, the pause,
/// the errors), in every language: `locales/en.ftl`, `locales/zh.ftl`.
pub(crate) static TEXT: kit::catalogue::Catalogue = kit::catalogue::Catalogue::new(
    include_str!("../locales/en.ftl"),
    include_str!("../locales/zh.ftl"),
);

/// The Sticky Packet Lab tour: each demo's sender and receiver run in this
/// one process over 127.0.0.1, and every send and recv is shown.
#[derive(Debug, Parser)]
#[command(name = "cargo demo", display_name = cli::LAB, version)]
struct Args {
    /// Which demo to run; `all` (the default) runs every one in lesson order.
    #[arg(default_value = "all", value_parser = PossibleValuesParser::new(names()))]
    demo: String,

    /// Print the demos' names, one per line in lesson order, and run none.
    #[arg(long, conflicts_with_all = ["demo", "run", "step"])]
    list: bool,

    /// Show only run N of the demo, numbered as its banners number it
    /// (`pitfalls --run 5` shows "run 5 of 16"). Needs a demo's
    /// name: every demo numbers its runs from 1.
    #[arg(long, value_name = "N", value_parser = run_number)]
    run: Option<usize>,

    /// Wait for Enter after each run (q then Enter stops the tour): one run
    /// a page, for a projector. Only when the output is a terminal; into a
    /// file or a pipe, and with --json, it never waits.
    #[arg(long)]
    step: bool,

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

/// `all`, then every lesson's name, each with what it shows: the tour's
/// own copy in the reader's language (`{name}-about`), else the lesson's.
fn names() -> Vec<clap::builder::PossibleValue> {
    let all = clap::builder::PossibleValue::new("all").help(tr!(TEXT, "all-about"));
    std::iter::once(all)
        .chain(lessons().into_iter().map(|entry| {
            let about = TEXT
                .get(&format!("{}-about", entry.name))
                .unwrap_or_else(|| entry.about.to_string());
            clap::builder::PossibleValue::new(entry.name).help(about)
        }))
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
        tr!(TEXT, "after-help-cargo")
    } else {
        tr!(TEXT, "after-help-bundle")
    };
    format!(
        "{}\n\n{}",
        tr!(TEXT, "after-help-width", invoked = invoked),
        tr!(TEXT, "after-help-pairs", pair = pair)
    )
}

fn main() -> ExitCode {
    // The language first: the lesson list and the help are worded in it.
    cli::choose_lang();
    let invoked = invoked_as();
    let command = TEXT
        .localize(Args::command(), "tour")
        .name(invoked.clone())
        .bin_name(invoked.clone())
        .after_help(after_help(&invoked));
    let args: Args = cli::parse_with(command);
    if args.list {
        let names: Vec<&str> = lessons().iter().map(|entry| entry.name).collect();
        cli::print(&(names.join("\n") + "\n"));
        return ExitCode::SUCCESS;
    }
    let only = args.run;
    if only.is_some() && args.demo == "all" {
        return cli::fail(&kit::Error::Usage(tr!(
            TEXT,
            "run-needs-demo",
            invoked = invoked.as_str()
        )));
    }
    let page = match args.html.as_deref().map(page::PageFile::create).transpose() {
        Ok(page) => page,
        Err(error) => return cli::fail(&error),
    };
    let chosen = lessons()
        .into_iter()
        .filter(|entry| args.demo == "all" || args.demo == entry.name);
    // The reports the page draws (and the JSON prints): the runs shown.
    let mut reports = Vec::new();
    if args.common.json {
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
        let text = match json {
            Ok(text) => text + "\n",
            Err(e) => return cli::fail(&kit::Error::Json(e)),
        };
        if let Some(Err(error)) = page.map(|page| page.write(&reports)) {
            return cli::fail(&error);
        }
        cli::print(&text);
        return ExitCode::SUCCESS;
    }
    // The story, each demo printed as soon as it has run.
    let style = args.common.color.style();
    let mut steps = Steps::new(args.step);
    let mut first = true;
    'tour: for entry in chosen {
        let report = match (entry.run)() {
            Ok(report) => report,
            Err(error) => return cli::fail(&error),
        };
        let shown = match numbered(&report, only) {
            Ok(shown) => shown,
            Err(error) => return cli::fail(&error),
        };
        let mut stopped = false;
        for (number, run) in shown {
            // Between two runs, a blank line — or, with --step, the pause.
            if !first {
                if steps.waiting() {
                    let prompt = style.dimmed(&format!("   {} ", tr!(TEXT, "step-prompt")));
                    if steps.pause(&prompt) == Choice::Stop {
                        stopped = true;
                        break;
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
        match keep(report, only) {
            Ok(report) => reports.push(report),
            Err(error) => return cli::fail(&error),
        }
        if stopped {
            break 'tour;
        }
    }
    // The page draws every demo that ran, even when --step was stopped.
    if let Some(Err(error)) = page.map(|page| page.write(&reports)) {
        return cli::fail(&error);
    }
    ExitCode::SUCCESS
}

/// Parses `--run`'s number (a clap value parser).
fn run_number(text: &str) -> Result<usize, String> {
    match text.parse::<usize>() {
        Ok(0) => Err(tr!(TEXT, "run-zero")),
        Ok(n) => Ok(n),
        Err(_) => Err(tr!(TEXT, "run-not-number", text = text)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kit::lang::Lang;

    /// The tour's English copy of each lesson's one-liner is the lesson's
    /// own, so the English `--help` lists exactly what the lessons say; and
    /// every lesson has one in every language.
    #[test]
    fn every_lesson_has_its_about_in_every_language_and_english_is_the_lessons() {
        for entry in lessons() {
            let id = format!("{}-about", entry.name);
            assert_eq!(
                TEXT.text_in(Lang::En, &id, None),
                entry.about,
                "{id} differs from the lesson's ABOUT"
            );
            let zh = TEXT.text_in(Lang::Zh, &id, None);
            assert!(
                zh != entry.about && !zh.starts_with('{'),
                "{id} has no Chinese: {zh}"
            );
        }
    }
}
