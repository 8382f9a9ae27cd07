//! `sticky-server`: the receiving side of the sticky-packet demo, for two
//! terminals or two computers. Start it, then start `sticky-client`.

use clap::Parser;
use kit::cli::{self, Common, Deadline, Listen, Pairing};
use kit::knobs::Knobs;
use kit::queue::Patience;
use kit::report::Run;
use std::process::ExitCode;
use sticky::Reader;

/// Receives the client's messages and shows what each recv returned: the
/// messages come out glued together (粘包).
///
/// By default the server is a *late reader*: it waits until the client's
/// bytes are all queued in its kernel, then calls recv. Give it the same
/// --message list as the client, so it can show which message every byte
/// came from.
#[derive(Debug, Parser)]
#[command(
    version,
    after_help = "Two computers: run `sticky-server --listen 0.0.0.0:9000` here, \
find this computer's IP address (ipconfig on Windows, ip addr or ifconfig elsewhere), allow the \
port through the firewall, and run `sticky-client --connect THAT_IP:9000` on the other computer."
)]
struct Args {
    #[command(flatten)]
    listen: Listen,

    #[command(flatten)]
    deadline: Deadline,

    /// A message the client sends (repeat for each, in order). Used only to
    /// trace bytes back to messages; defaults to the tutorial's two.
    #[arg(long = "message", value_name = "TEXT", value_parser = cli::message)]
    messages: Vec<Vec<u8>>,

    /// Read as soon as bytes arrive instead of waiting for all of them: the
    /// number of chunks then depends on timing.
    #[arg(long)]
    prompt: bool,

    #[command(flatten)]
    common: Common,
}

fn main() -> ExitCode {
    let args: Args = cli::parse();
    args.common.color.apply();
    let pairing = Pairing::new(
        env!("CARGO_BIN_NAME"),
        "sticky-client",
        sticky::message_flags(&args.messages),
    )
    .waiting(args.deadline.timeout);
    let outcome = serve(&args, &pairing);
    cli::finish(outcome, &args.common, &pairing)
}

fn serve(args: &Args, pairing: &Pairing) -> kit::Result<kit::report::Report> {
    let messages = if args.messages.is_empty() {
        sticky::tutorial_messages()
    } else {
        args.messages.clone()
    };
    let reader = if args.prompt {
        Reader::Prompt
    } else {
        Reader::Late
    };
    let end = args
        .listen
        .accept_one(pairing, &Knobs::default(), &args.deadline)?;
    let expected = messages.iter().map(Vec::len).sum();
    // Across two computers the client may send other messages than we
    // expect: stop waiting once it has been quiet for a second.
    let patience = Patience::across_computers(end.timeout);
    let (side, how) = sticky::recv(end, reader, kit::stream::RECV_BUFFER, expected, patience)?;
    let mut run = Run::receiver(sticky::reader_label(reader), &side, &messages);
    run.reader = Some(how);
    run.notes = sticky::notes(&run, false, reader);
    Ok(sticky::report(vec![run]))
}
