//! `transfer-server`: shares the regular files of a folder with any
//! number of transfer-clients.

use clap::{CommandFactory, Parser};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use kit::cli::{self, Listen, address_for_clients, seconds};
use kit::tr;
use transfer::server::{Config, Server};
use transfer::{help, text};

/// Shares the files directly inside --dir: every client gets the list on
/// connecting and downloads what it picks, checked with CRC-32.
#[derive(Debug, Parser)]
#[command(version)]
struct Args {
    /// The folder whose files are offered (read again for every client).
    #[arg(long, value_name = "DIR")]
    dir: PathBuf,

    #[command(flatten)]
    listen: Listen,

    /// Clients served at once; one more is told "server busy".
    #[arg(long, value_name = "N", default_value_t = 64,
          value_parser = clap::value_parser!(u32).range(1..))]
    max_clients: u32,

    /// Connections served at once from one IP address, so that one
    /// computer cannot take every slot; one more is told "server busy".
    #[arg(long, value_name = "N", default_value_t = 8,
          value_parser = clap::value_parser!(u32).range(1..))]
    max_per_address: u32,

    /// Drop a client that sends nothing for this many seconds (a client
    /// at its menu connects again when it needs to).
    #[arg(long, value_name = "SECS", default_value = "60", value_parser = seconds)]
    idle_timeout: Duration,

    /// A request must arrive whole within this many seconds of its first
    /// byte, however steadily it trickles in.
    #[arg(long, value_name = "SECS", default_value = "10", value_parser = seconds)]
    request_timeout: Duration,
}

/// This program's name, as its log lines start.
const ME: &str = env!("CARGO_BIN_NAME");

fn main() -> ExitCode {
    // The language first, so that the help below is worded in it.
    cli::choose_lang();
    // The lab's address option, with the tutorial's port.
    let command = Args::command().mut_arg("listen", |arg| {
        arg.default_value("127.0.0.1:9696").help(
            "Address to listen on: 127.0.0.1:9696 for this computer only, 0.0.0.0:9696 to \
             accept clients from other computers",
        )
    });
    let command = help::localize(command, "transfer-server");
    let args: Args = cli::parse_with(command);
    match serve(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            cli::status(&format!("{}{error}", tr!(text(), "error-prefix")));
            ExitCode::from(error.exit_code())
        }
    }
}

fn serve(args: &Args) -> transfer::Result<()> {
    for (flag, value) in [
        ("--idle-timeout", args.idle_timeout),
        ("--request-timeout", args.request_timeout),
    ] {
        if value.is_zero() {
            return Err(transfer::Error::usage(tr!(
                text(),
                "server-not-positive",
                flag = flag
            )));
        }
    }
    let mut config = Config::new(&args.dir)?;
    config.max_clients = args.max_clients as usize;
    config.max_per_address = args.max_per_address as usize;
    config.idle_timeout = args.idle_timeout;
    config.request_timeout = args.request_timeout;
    let shared = config.folder.root().display().to_string();
    let files = config
        .folder
        .list()
        .map_err(transfer::Error::io(tr!(
            text(),
            "server-listing",
            dir = &shared
        )))?
        .files
        .len();
    // Files whose names no client could save are not offered: say which.
    let left_out = config.folder.left_out().unwrap_or_default();
    for (name, why) in left_out.iter().take(5) {
        config.note(&tr!(
            text(),
            "server-not-offering",
            me = ME,
            name = format!("{name:?}"),
            why = why
        ));
    }
    if left_out.len() > 5 {
        config.note(&tr!(
            text(),
            "server-not-offering-more",
            me = ME,
            count = (left_out.len() - 5).to_string()
        ));
    }
    let server = Server::bind(args.listen.listen, config)?;
    let clients = address_for_clients(server.local_addr());
    cli::status(&tr!(
        text(),
        "server-sharing",
        me = ME,
        files = files.to_string(),
        dir = &shared,
        addr = server.local_addr().to_string(),
        client = &clients.addr,
        note = &clients.note
    ));
    server.run()
}
