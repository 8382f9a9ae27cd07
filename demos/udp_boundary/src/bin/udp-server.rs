//! `udp-server`: the receiving side of the UDP demo, for two terminals or
//! two computers. Start it, then start `udp-client` (or the other way
//! round: the client keeps probing until the server answers).

use clap::Parser;
use kit::cli::{self, Common, Listen, Pairing};
use kit::report::Run;
use std::process::ExitCode;
use std::time::{Duration, Instant};
use udp_boundary::args::Messages;
use udp_boundary::traffic::Wait;
use udp_boundary::{boundaries, probe, socket, truncation};

/// Receives udp-client's datagrams and shows what each recv returned: one
/// datagram per recv, never two glued together — and with --recv-size
/// smaller than a datagram, the datagram cut short and the rest gone.
///
/// Give it the same --message list as the client: it stops once it has
/// that many datagrams (or the client has been quiet for a second) and
/// traces each recv to the datagram it holds.
#[derive(Debug, Parser)]
#[command(
    version,
    after_help = "Two computers: run `udp-server --listen 0.0.0.0:9000` here, find this \
computer's IP address (ipconfig on Windows, ip addr or ifconfig elsewhere), allow UDP port 9000 \
through the firewall, and run `udp-client --connect THAT_IP:9000` on the other computer."
)]
struct Args {
    #[command(flatten)]
    listen: Listen,

    #[command(flatten)]
    messages: Messages,

    /// The buffer handed to each recv, in bytes (at most 65536: no
    /// datagram is larger). Smaller than a datagram, it truncates the
    /// datagram and the rest is discarded: try 16.
    #[arg(long, value_name = "N", default_value_t = 65536,
          value_parser = clap::value_parser!(u32).range(1..=65536))]
    recv_size: u32,

    #[command(flatten)]
    common: Common,
}

/// How long the server waits for more once the client has gone quiet.
const QUIET: Duration = Duration::from_secs(1);

fn main() -> ExitCode {
    let args: Args = cli::parse();
    args.common.color.apply();
    let pairing = Pairing::new(
        env!("CARGO_BIN_NAME"),
        "udp-client",
        sticky::message_flags(&args.messages.messages),
    );
    let outcome = serve(&args, &pairing);
    cli::finish(outcome, &args.common, &pairing)
}

fn serve(args: &Args, pairing: &Pairing) -> kit::Result<kit::report::Report> {
    let messages = args.messages.or_tutorial();
    let size = args.recv_size as usize;
    let socket = socket::bind(args.listen.listen)?;
    let addr = socket
        .local_addr()
        .map_err(kit::Error::io("reading the bound address"))?;
    cli::status(&format!(
        "{}: listening on {addr} — now start {} --connect {}{}",
        pairing.this,
        pairing.peer,
        cli::address_for_clients(addr),
        pairing.flags
    ));
    let peer = probe::await_client(&socket)?;
    cli::status(&format!("udp-server: {peer} is sending"));
    let wait = Wait {
        expected: messages.len(),
        quiet: QUIET,
    };
    let (side, ended) = udp_boundary::recv(&socket, Instant::now(), size, wait)?;
    let mut run = Run::datagram_receiver(
        format!("datagrams read with recv({size})"),
        &side,
        &messages,
    );
    run.reader = Some(format!(
        "recv({size}) once per datagram as each arrived, {}",
        wait.describe(ended)
    ));
    run.notes = boundaries::receiver_notes(&run, messages.len());
    run.notes.extend(truncation::notes(&run));
    Ok(udp_boundary::report(vec![run]))
}
