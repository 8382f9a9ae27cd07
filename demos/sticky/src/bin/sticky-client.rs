//! `sticky-client`: the sending side of the sticky-packet demo. It sends
//! each message with its own send call.

use clap::{Parser, ValueEnum};
use kit::cli::{self, Common, Deadline, Dial, Pairing};
use kit::report::Run;
use std::process::ExitCode;
use sticky::Scenario;

/// Connects to sticky-server and sends each message with its own send
/// call. Watch the server's screen: they arrive glued together (粘包).
#[derive(Debug, Parser)]
#[command(version)]
struct Args {
    #[command(flatten)]
    dial: Dial,

    #[command(flatten)]
    deadline: Deadline,

    /// A message to send (repeat for each, in order). Defaults to the
    /// tutorial's "下雨天留客天留人" then "不留".
    #[arg(long = "message", value_name = "TEXT", value_parser = cli::message)]
    messages: Vec<Vec<u8>>,

    /// TCP_NODELAY: `on` sends each message at once as its own segment;
    /// `off` (the default) lets Nagle's algorithm hold small writes back.
    /// Either way the server gets them glued.
    #[arg(long, value_enum, value_name = "ON|OFF", default_value_t = Switch::Off)]
    nodelay: Switch,

    #[command(flatten)]
    common: Common,
}

/// A socket option switch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Switch {
    On,
    Off,
}

fn main() -> ExitCode {
    let args: Args = cli::parse();
    args.common.color.apply();
    let pairing = Pairing::new(
        env!("CARGO_BIN_NAME"),
        "sticky-server",
        sticky::message_flags(&args.messages),
    )
    .waiting(args.deadline.timeout);
    let outcome = send(&args, &pairing);
    cli::finish(outcome, &args.common, &pairing)
}

fn send(args: &Args, pairing: &Pairing) -> kit::Result<kit::report::Report> {
    let scenario = Scenario {
        messages: if args.messages.is_empty() {
            sticky::tutorial_messages()
        } else {
            args.messages.clone()
        },
        nodelay: args.nodelay == Switch::On,
        reader: sticky::Reader::Late,
        recv_size: kit::stream::RECV_BUFFER,
    };
    let end = args
        .dial
        .connect_one(pairing, &scenario.sender_knobs(), &args.deadline)?;
    let side = sticky::send(end, &scenario.messages)?;
    let run = Run::sender(sticky::nodelay_label(scenario.nodelay), &side);
    Ok(sticky::report(vec![run]))
}
