//! `nagle-client`: the requesting side of the Nagle demo.

use clap::Parser;
use kit::cli::{self, Common, Dial};
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
    variant: VariantArgs,

    #[command(flatten)]
    common: Common,
}

fn main() -> ExitCode {
    let args: Args = cli::parse();
    args.common.color.apply();
    let outcome = request(&args);
    cli::finish(outcome, &args.common)
}

fn request(args: &Args) -> kit::Result<kit::report::Report> {
    args.variant.check()?;
    let choice = args.variant.variant;
    let knobs = match choice.stall() {
        Some(variant) => variant.client_knobs(),
        None => burst::knobs(choice.nodelay()),
    };
    let end = args.dial.connect_one("nagle-client", &knobs)?;
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
