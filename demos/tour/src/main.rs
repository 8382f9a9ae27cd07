//! `cargo demo [NAME]`: runs each demo's two sides in one process, over
//! loopback, and prints the story — the lesson on a projector.

use clap::{Parser, ValueEnum};
use kit::cli::{self, Common};
use kit::report::Report;
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
    #[arg(value_enum, default_value_t = Demo::All)]
    demo: Demo,

    #[command(flatten)]
    common: Common,
}

/// The demos, in lesson order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Demo {
    /// Every demo below, in order.
    All,
    /// 粘包: two sends, one recv.
    Sticky,
    /// 半包: one send, several recvs.
    Half,
    /// Nagle's algorithm: the 40 ms stall, the one case it glues, and why
    /// TCP_NODELAY is no framing fix.
    Nagle,
    /// UDP keeps boundaries (and truncates and drops): TCP and UDP side by side.
    Udp,
    /// The fix: the same traffic with a 4-byte length header, every message whole.
    Fixed,
    /// The tutorial's own fix, broken on screen beside the right one.
    Pitfalls,
    /// The exercise: a file server and its client — resume, CRC-32, safe names.
    Transfer,
}

const LESSON: [Demo; 7] = [
    Demo::Sticky,
    Demo::Half,
    Demo::Nagle,
    Demo::Udp,
    Demo::Fixed,
    Demo::Pitfalls,
    Demo::Transfer,
];

fn main() -> ExitCode {
    let args: Args = cli::parse();
    args.common.color.apply();
    let demos = match args.demo {
        Demo::All => LESSON.to_vec(),
        one => vec![one],
    };
    let mut shown = Vec::new();
    for demo in demos {
        match run(demo) {
            Ok(lesson) => shown.push(lesson),
            Err(error) => return cli::fail(&error),
        }
    }
    if args.common.json {
        // One document: the report itself for one demo, a list for several.
        let json = match shown.as_slice() {
            [one] => serde_json::to_string_pretty(&one.json),
            all => serde_json::to_string_pretty(&all.iter().map(|l| &l.json).collect::<Vec<_>>()),
        };
        match json {
            Ok(text) => cli::print(&(text + "\n")),
            Err(e) => {
                return cli::fail(&kit::Error::io("writing the JSON report")(
                    std::io::Error::other(e),
                ));
            }
        }
    } else {
        let stories: Vec<&str> = shown.iter().map(|l| l.story.as_str()).collect();
        cli::print(&stories.join("\n"));
    }
    ExitCode::SUCCESS
}

/// One demo's outcome, as the story and as JSON.
struct Lesson {
    story: String,
    json: serde_json::Value,
}

impl Lesson {
    fn of(report: Report) -> kit::Result<Lesson> {
        Ok(Lesson {
            story: kit::render::report(&report),
            json: to_json(&report)?,
        })
    }
}

fn to_json(value: &impl serde::Serialize) -> kit::Result<serde_json::Value> {
    serde_json::to_value(value)
        .map_err(|e| kit::Error::io("writing the JSON report")(std::io::Error::other(e)))
}

fn run(demo: Demo) -> kit::Result<Lesson> {
    match demo {
        Demo::Sticky => Lesson::of(sticky::tour()?),
        Demo::Half => Lesson::of(half::tour()?),
        Demo::Nagle => Lesson::of(nagle::tour()?),
        Demo::Udp => Lesson::of(udp_boundary::tour()?),
        Demo::Fixed => Lesson::of(fixed::replay::tour()?),
        Demo::Pitfalls => Lesson::of(fixed::pitfalls::tour()?),
        Demo::Transfer => {
            let story = transfer::demo::demo()?;
            let mut json = to_json(&story)?;
            if let Some(fields) = json.as_object_mut() {
                fields.insert("demo".into(), "transfer".into());
            }
            Ok(Lesson {
                story: story.to_string(),
                json,
            })
        }
        Demo::All => unreachable!("expanded by main"),
    }
}
