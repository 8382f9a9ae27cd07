//! `fixed-client`: sends every message as a frame — a 4-byte big-endian
//! length, then the message — one write per frame.

use clap::Parser;
use fixed::args::{ReplayArgs, Scenario};
use fixed::frame;
use kit::cli::{self, Common, Deadline, Dial, Pairing};
use kit::knobs::Knobs;
use kit::report::Run;
use std::process::ExitCode;

/// Connects to fixed-server (or to fixed-slicer in front of it) and sends
/// the scenario's messages, each as one frame: the bytes of Python's
/// `struct.pack("!I", len(data)) + data`.
#[derive(Debug, Parser)]
#[command(version)]
struct Args {
    #[command(flatten)]
    dial: Dial,

    #[command(flatten)]
    deadline: Deadline,

    #[command(flatten)]
    replay: ReplayArgs,

    #[command(flatten)]
    common: Common,
}

fn main() -> ExitCode {
    let args: Args = cli::parse();
    args.common.color.apply();
    let pairing = Pairing::new(env!("CARGO_BIN_NAME"), "fixed-server", args.replay.flags())
        .waiting(args.deadline.timeout);
    let outcome = send(&args, &pairing);
    cli::finish(outcome, &args.common, &pairing)
}

fn send(args: &Args, pairing: &Pairing) -> kit::Result<kit::report::Report> {
    let framed: Vec<Vec<u8>> = args
        .replay
        .messages()
        .iter()
        .map(|m| frame::encode(m))
        .collect();
    let knobs = Knobs {
        nodelay: Some(args.replay.scenario == Scenario::Nagle),
        ..Knobs::default()
    };
    let end = args.dial.connect_one(pairing, &knobs, &args.deadline)?;
    let side = sticky::send(end, &framed)?;
    let run = Run::sender(args.replay.traffic().label(), &side);
    Ok(fixed::replay::report(vec![run]))
}
