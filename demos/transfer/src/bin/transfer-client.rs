//! `transfer-client`: lists a transfer-server's files and downloads them,
//! from a numbered menu or straight from the command line.

use clap::Parser;
use std::io;
use std::path::PathBuf;
use std::process::ExitCode;

use kit::cli::{self, address, seconds};
use std::net::SocketAddr;
use std::time::Duration;
use transfer::client::Client;
use transfer::progress::Bar;
use transfer::{menu, rate};

/// Downloads files from a transfer-server into --out. Without --list or
/// --get it shows the numbered menu: type a number to download, q to quit.
#[derive(Debug, Parser)]
#[command(version)]
struct Args {
    /// The server's address, e.g. 192.168.1.20:9696 (what the server
    /// printed, with the server computer's IP instead of 0.0.0.0).
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:9696", value_parser = address)]
    connect: SocketAddr,

    /// Keep trying to reach the server for this many seconds, so either
    /// side may be started first.
    #[arg(long, value_name = "SECONDS", default_value = "5", value_parser = seconds)]
    retry_secs: Duration,

    /// The folder downloads are saved in.
    #[arg(long, value_name = "DIR", default_value = ".")]
    out: PathBuf,

    /// Print the server's files and exit.
    #[arg(long, conflicts_with = "get")]
    list: bool,

    /// Download one file, by its number in the list or by its name.
    #[arg(long, value_name = "N|NAME")]
    get: Option<String>,

    /// Continue from NAME.part left by an interrupted download.
    #[arg(long)]
    resume: bool,
}

fn main() -> ExitCode {
    let args: Args = cli::parse();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            cli::status(&format!("error: {error}"));
            ExitCode::from(error.exit_code())
        }
    }
}

fn run(args: &Args) -> transfer::Result<()> {
    if !args.out.is_dir() {
        return Err(transfer::Error::usage(format!(
            "--out {} is not an existing folder",
            args.out.display()
        )));
    }
    let mut client = Client::connect(args.connect, args.retry_secs)?;
    if args.list {
        cli::print(&menu::listing(client.files()));
        return client.quit();
    }
    let mut bar = Bar::default();
    if let Some(choice) = &args.get {
        let name = client.find(choice)?.name.clone();
        let done = client.download(&name, &args.out, args.resume, &mut bar)?;
        cli::print(&format!(
            "saved {} — {}, CRC-32 {:08x} verified\n",
            done.path.display(),
            rate::summary(done.received(), done.elapsed),
            done.crc32
        ));
        return client.quit();
    }
    menu::run(
        &mut client,
        &mut io::stdin().lock(),
        &mut io::stdout(),
        &args.out,
        args.resume,
        &mut bar,
    )?;
    client.quit()
}
