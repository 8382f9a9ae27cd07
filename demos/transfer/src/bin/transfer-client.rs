//! `transfer-client`: lists a transfer-server's files and downloads them,
//! from a numbered menu or straight from the command line.

use clap::Parser;
use std::io;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use kit::cli::{self, address, seconds};
use transfer::client::{Client, Patience, Saving};
use transfer::progress::Bar;
use transfer::{menu, resume};

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

    /// Give up when the server sends nothing for this many seconds (on
    /// any read: the list, a file's header, the middle of a body).
    #[arg(long, value_name = "SECS", default_value = "30", value_parser = seconds)]
    timeout: Duration,

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

    /// Replace a file of the same name in --out (without it, such a
    /// download is refused before it starts).
    #[arg(long)]
    overwrite: bool,
}

fn main() -> ExitCode {
    let args: Args = cli::parse();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            // An interrupted download names the command that finishes it:
            // this very command line, completed.
            let typed: Vec<String> = std::env::args_os()
                .map(|arg| arg.to_string_lossy().into_owned())
                .collect();
            let error = error.with_resume_command(|name| resume::command(&typed, name));
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
    if args.timeout.is_zero() {
        return Err(transfer::Error::usage(
            "--timeout must be more than 0 seconds",
        ));
    }
    let patience = Patience {
        connect: args.retry_secs,
        read: args.timeout,
    };
    let saving = Saving {
        folder: args.out.clone(),
        resume: args.resume,
        overwrite: args.overwrite,
    };
    let mut client = Client::connect(args.connect, patience)?;
    if args.list {
        cli::print(&menu::listing(client.files()));
        return client.quit();
    }
    let mut bar = Bar::default();
    if let Some(choice) = &args.get {
        let name = client.find(choice)?.name.clone();
        let done = client.download(&name, &saving, &mut bar)?;
        cli::print(&format!("{done}\n"));
        return client.quit();
    }
    menu::run(
        &mut client,
        &mut io::stdin().lock(),
        &mut io::stdout(),
        &saving,
        &mut bar,
    )?;
    client.quit()
}
