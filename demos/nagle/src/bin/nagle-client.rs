//! `nagle-client`: the requesting side of the Nagle demo.

use clap::Parser;
use kit::cli::{self, Common, Deadline, Dial, Pairing};
use kit::report::Run;
use nagle::args::VariantArgs;
use nagle::{burst, stall};
use std::process::ExitCode;

/// Connects to nagle-server and, depending on --variant, times request
/// round trips (header and body as two writes: ~40 ms each with Nagle on)
/// or sends nine one-byte writes after three warm-ups.
#[derive(Debug, Parser)]
#[command(version)]
struct Args {
    #[command(flatten)]
    dial: Dial,

    #[command(flatten)]
    deadline: Deadline,

    #[command(flatten)]
    variant: VariantArgs,

    #[command(flatten)]
    common: Common,
}

fn main() -> ExitCode {
    let args: Args = cli::parse();
    args.common.color.apply();
    let pairing = Pairing::new(env!("CARGO_BIN_NAME"), "nagle-server", args.variant.flags())
        .waiting(args.deadline.timeout);
    let outcome = request(&args, &pairing);
    cli::finish(outcome, &args.common, &pairing)
}

fn request(args: &Args, pairing: &Pairing) -> kit::Result<kit::report::Report> {
    args.variant.check()?;
    let choice = args.variant.variant;
    let knobs = match choice.stall() {
        Some(variant) => variant.client_knobs(),
        None => burst::knobs(choice.nodelay()),
    };
    let end = args.dial.connect_one(pairing, &knobs, &args.deadline)?;
    let run = match choice.stall() {
        Some(variant) => {
            let (side, samples) = stall::client(end, variant, args.variant.round_trips)?;
            let mut run = stall::client_run(variant, &side, &samples);
            run.notes = stall::mechanism();
            run
        }
        None => Run::sender(burst::label(choice.nodelay()), &burst::send(end)?),
    };
    Ok(nagle::report(vec![run]))
}
