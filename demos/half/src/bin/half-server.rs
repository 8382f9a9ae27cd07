//! `half-server`: the receiving side of the half-packet demo, for two
//! terminals or two computers. Start it, then start `half-client` with the
//! same variant flags.

use clap::Parser;
use half::args::VariantArgs;
use kit::cli::{self, Common, Deadline, Listen, Pairing};
use kit::queue::Patience;
use kit::report::Run;
use std::process::ExitCode;

/// Receives one message and shows every recv it took: the message comes
/// out in pieces (半包). Pick a variant with --recv-size, --rcvbuf or
/// --staged, and give half-client the same flag.
#[derive(Debug, Parser)]
#[command(
    version,
    after_help = "Two computers: run `half-server --listen 0.0.0.0:9000` here, \
find this computer's IP address (ipconfig on Windows, ip addr or ifconfig elsewhere), allow the \
port through the firewall, and run `half-client --connect THAT_IP:9000` on the other computer."
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
    let pairing = Pairing::new(env!("CARGO_BIN_NAME"), "half-client", args.variant.flags())
        .waiting(args.deadline.timeout);
    let outcome = serve(&args, &pairing);
    cli::finish(outcome, &args.common, &pairing)
}

fn serve(args: &Args, pairing: &Pairing) -> kit::Result<kit::report::Report> {
    let scenario = args.variant.scenario()?;
    let end = args
        .listen
        .accept_one(pairing, &scenario.receiver_knobs(), &args.deadline)?;
    let patience = Patience::across_computers(end.timeout);
    let (side, how) = half::recv(end, &scenario, patience)?;
    let mut run = Run::receiver(scenario.label(), &side, &[&scenario.message]);
    run.reader = Some(how);
    run.notes = half::notes(&run, &scenario);
    Ok(half::report(vec![run]))
}
