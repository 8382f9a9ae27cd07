//! `half-client`: the sending side of the half-packet demo. It sends one
//! message — whole, or in pieces with --staged.

use clap::Parser;
use half::args::VariantArgs;
use kit::cli::{self, Common, Deadline, Dial, Pairing};
use kit::report::Run;
use std::process::ExitCode;

/// Connects to half-server and sends one message. Watch the server's
/// screen: it needs several recvs for it (半包). Use the same variant flag
/// (--recv-size, --rcvbuf or --staged) as the server.
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
    let pairing = Pairing::new(env!("CARGO_BIN_NAME"), "half-server", args.variant.flags())
        .waiting(args.deadline.timeout);
    let outcome = send(&args, &pairing);
    cli::finish(outcome, &args.common, &pairing)
}

fn send(args: &Args, pairing: &Pairing) -> kit::Result<kit::report::Report> {
    let scenario = args.variant.scenario()?;
    let end = args
        .dial
        .connect_one(pairing, &scenario.sender_knobs(), &args.deadline)?;
    let side = half::send(end, &scenario)?;
    Ok(half::report(vec![Run::sender(scenario.label(), &side)]))
}
