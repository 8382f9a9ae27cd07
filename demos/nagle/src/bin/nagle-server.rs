//! `nagle-server`: the answering side of the Nagle demo.

use clap::Parser;
use kit::cli::{self, Common, Deadline, Listen, Pairing};
use kit::knobs::Knobs;
use kit::report::Run;
use nagle::args::VariantArgs;
use nagle::{burst, stall};
use std::process::ExitCode;

/// Answers nagle-client: a 2-byte reply to every request (the stall
/// variants), or the three warm-ups and then a prompt read of the burst.
/// Give it the same --variant as the client.
#[derive(Debug, Parser)]
#[command(
    version,
    after_help = "Two computers: run `nagle-server --listen 0.0.0.0:9000` here, \
find this computer's IP address, allow the port through the firewall, and run \
`nagle-client --connect THAT_IP:9000` on the other computer. Over a real network the round \
trips are longer, and the 40 ms of delayed ACK comes on top."
)]
struct Args {
    #[command(flatten)]
    listen: Listen,

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
    let pairing = Pairing::new(env!("CARGO_BIN_NAME"), "nagle-client", args.variant.flags())
        .waiting(args.deadline.timeout);
    let outcome = serve(&args, &pairing);
    cli::finish(outcome, &args.common, &pairing)
}

fn serve(args: &Args, pairing: &Pairing) -> kit::Result<kit::report::Report> {
    args.variant.check()?;
    let choice = args.variant.variant;
    let end = args
        .listen
        .accept_one(pairing, &Knobs::default(), &args.deadline)?;
    let run = match choice.stall() {
        Some(variant) => {
            let (side, answered) = stall::server(end, variant)?;
            let mut run = Run::receiver(variant.label(), &side, &[] as &[&[u8]]);
            run.sticky = None;
            run.half = None;
            run.code = kit::verdict::Code::Measured;
            run.verdict = format!(
                "answered {}; the round-trip times are on the client's screen",
                kit::verdict::count(answered, "request")
            );
            run
        }
        None => {
            let side = burst::recv(end)?;
            let mut run = Run::receiver(burst::label(choice.nodelay()), &side, &burst::messages());
            run.notes = burst::notes(&run, choice.nodelay());
            run
        }
    };
    Ok(nagle::report(vec![run]))
}
