//! `transfer-server`: shares the regular files of a folder with any
//! number of transfer-clients.

use clap::{CommandFactory, Parser};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use kit::cli::{self, Listen, address_for_clients, seconds};
use transfer::server::{Config, Server};

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
    // The lab's address option, with the tutorial's port.
    let command = Args::command().mut_arg("listen", |arg| {
        arg.default_value("127.0.0.1:9696").help(
            "Address to listen on: 127.0.0.1:9696 for this computer only, 0.0.0.0:9696 to \
             accept clients from other computers",
        )
    });
    let args: Args = cli::parse_with(command);
    match serve(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            cli::status(&format!("error: {error}"));
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
            return Err(transfer::Error::usage(format!(
                "{flag} must be more than 0 seconds"
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
        .map_err(transfer::Error::io(format!("listing {shared}")))?
        .files
        .len();
    // Files whose names no client could save are not offered: say which.
    let left_out = config.folder.left_out().unwrap_or_default();
    for (name, why) in left_out.iter().take(5) {
        config.note(&format!("{ME}: not offering {name:?}: {why}"));
    }
    if left_out.len() > 5 {
        config.note(&format!(
            "{ME}: not offering {} more files with such names",
            left_out.len() - 5
        ));
    }
    let server = Server::bind(args.listen.listen, config)?;
    let clients = address_for_clients(server.local_addr());
    cli::status(&format!(
        "{ME}: sharing {files} files from {shared}; listening on {} — now start \
         transfer-client --connect {}{}",
        server.local_addr(),
        clients.addr,
        clients.note
    ));
    server.run()
}
