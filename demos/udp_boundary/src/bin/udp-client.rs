//! `udp-client`: the sending side of the UDP demo. It finds udp-server
//! with a probe, then sends each message as one datagram.

use clap::Parser;
use kit::cli::{self, Common, Dial, Pairing};
use kit::report::{Run, Transport};
use kit::verdict::count;
use std::process::ExitCode;
use std::time::Instant;
use udp_boundary::args::Messages;
use udp_boundary::probe::{self, Failure};
use udp_boundary::socket;

/// Sends each message to udp-server as one datagram. Watch the server's
/// screen: one recv per datagram, never glued together.
///
/// UDP has no connection to wait for, so the client first probes: it sends
/// a small probe datagram every 100 ms until udp-server answers (for
/// --retry-secs), and only then sends the messages.
#[derive(Debug, Parser)]
#[command(version)]
struct Args {
    #[command(flatten)]
    dial: Dial,

    #[command(flatten)]
    messages: Messages,

    #[command(flatten)]
    common: Common,
}

fn main() -> ExitCode {
    let args: Args = cli::parse();
    args.common.color.apply();
    let pairing = Pairing::new(
        env!("CARGO_BIN_NAME"),
        "udp-server",
        sticky::message_flags(&args.messages.messages),
    );
    match send(&args) {
        Ok(report) => cli::finish(Ok(report), &args.common, &pairing),
        Err(Failure::Kit(error)) => cli::finish(Err(error), &args.common, &pairing),
        Err(failure) => {
            cli::status(&format!("error: {failure}"));
            ExitCode::from(failure.exit_code())
        }
    }
}

fn send(args: &Args) -> Result<kit::report::Report, Failure> {
    let messages = args.messages.or_tutorial();
    let addr = args.dial.connect;
    cli::status(&format!("udp-client: looking for udp-server at {addr}"));
    let socket = socket::for_sending_to(addr)?;
    let found = probe::find_server(&socket, addr, args.dial.retry_secs)?;
    cli::status(&format!(
        "udp-client: udp-server answered from {} after {:.1} s; sending {}",
        found.from,
        found.after.as_secs_f64(),
        count(messages.len(), "datagram")
    ));
    let side = udp_boundary::send(&socket, addr, Instant::now(), &messages)?;
    let mut run = Run::sender("each message as one datagram", &side);
    run.transport = Transport::Udp;
    let bytes: usize = messages.iter().map(Vec::len).sum();
    run.verdict = format!(
        "{} sent ({bytes} bytes); how they came out of recv is on udp-server's screen",
        count(messages.len(), "datagram")
    );
    run.notes = vec![
        "every send returned at once: UDP does not wait for the receiver, and would not tell \
         this client if a datagram were lost"
            .into(),
    ];
    Ok(udp_boundary::report(vec![run]))
}
