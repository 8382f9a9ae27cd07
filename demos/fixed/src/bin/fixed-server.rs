//! `fixed-server`: receives framed messages and shows, for every recv, the
//! raw chunk (still glued or split) and the decoder's state after it.

use clap::Parser;
use fixed::args::{ReplayArgs, Scenario};
use fixed::{frame, replay};
use kit::cli::{self, Common, Deadline, Listen, Pairing};
use kit::knobs::Knobs;
use kit::queue::Patience;
use kit::report::Run;
use kit::stream::RECV_BUFFER;
use std::process::ExitCode;

use sticky::Reader;

/// Receives fixed-client's frames — 4-byte big-endian length, then the
/// message — and decodes them. The chunks recv returns are as glued or as
/// split as in the earlier demos; every message still comes out whole.
/// Any client that sends `struct.pack("!I", len(data)) + data` works too.
#[derive(Debug, Parser)]
#[command(
    version,
    after_help = "Put fixed-slicer between client and server to re-chunk the \
stream any way you like: every message still comes out whole."
)]
struct Args {
    #[command(flatten)]
    listen: Listen,

    #[command(flatten)]
    deadline: Deadline,

    #[command(flatten)]
    replay: ReplayArgs,

    /// Read as soon as bytes arrive (with a 64 KiB buffer) instead of the
    /// scenario's own late reader: through fixed-slicer this shows every
    /// piece as its own recv.
    #[arg(long)]
    prompt: bool,

    #[command(flatten)]
    common: Common,
}

fn main() -> ExitCode {
    let args: Args = cli::parse();
    args.common.color.apply();
    let pairing = Pairing::new(env!("CARGO_BIN_NAME"), "fixed-client", args.replay.flags())
        .waiting(args.deadline.timeout);
    let outcome = serve(&args, &pairing);
    cli::finish(outcome, &args.common, &pairing)
}

fn serve(args: &Args, pairing: &Pairing) -> kit::Result<kit::report::Report> {
    let messages = args.replay.messages();
    let framed: Vec<Vec<u8>> = messages.iter().map(|m| frame::encode(m)).collect();
    let (reader, recv_size) = match (args.prompt, args.replay.scenario) {
        (true, _) => (Reader::Prompt, RECV_BUFFER),
        (false, Scenario::Half) => (Reader::Late, half::RECV_SIZE),
        (false, _) => (Reader::Late, RECV_BUFFER),
    };
    let end = args
        .listen
        .accept_one(pairing, &Knobs::default(), &args.deadline)?;
    let expected = framed.iter().map(Vec::len).sum();
    let patience = Patience::across_computers(end.timeout);
    let (side, how) = sticky::recv(end, reader, recv_size, expected, patience)?;
    let mut run = Run::receiver(args.replay.traffic().label(), &side, &framed);
    run.reader = Some(how);
    replay::decode(&mut run, &messages, side.journal.ending());
    Ok(replay::report(vec![run]))
}
