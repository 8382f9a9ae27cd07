//! `transfer-client`: lists a transfer-server's files and downloads them,
//! from a numbered menu or straight from the command line.

use clap::{CommandFactory, Parser};
use std::io;
use std::path::PathBuf;
use std::process::ExitCode;

use kit::cli::{self, Deadline, Dial};
use transfer::client::{Client, Patience, Saving};
use transfer::progress::Bar;
use transfer::{help, menu, resume, text};

/// Downloads files from a transfer-server into --out. Without --list or
/// --get it shows the numbered menu: type a number to download, q to quit.
#[derive(Debug, Parser)]
#[command(version)]
struct Args {
    #[command(flatten)]
    dial: Dial,

    #[command(flatten)]
    deadline: Deadline,

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
    // The language first, so that the help below is worded in it.
    cli::choose_lang();
    // The lab's address and deadline options, with the exercise's own
    // defaults: the tutorial's port, and time for a slow Wi-Fi.
    let command = Args::command()
        .mut_arg("connect", |arg| {
            arg.default_value("127.0.0.1:9696").help(
                "The server's address, e.g. 192.168.1.20:9696 (what the server printed, with \
                 the server computer's IP instead of 0.0.0.0)",
            )
        })
        .mut_arg("timeout", |arg| {
            arg.default_value("30").help(
                "Give up when the server sends nothing for this many seconds (on any read: \
                 the list, a file's header, the middle of a body)",
            )
        });
    let command = help::localize(command, "transfer-client");
    let args: Args = cli::parse_with(command);
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            // An interrupted download names the command that finishes it:
            // this very command line, completed.
            let typed: Vec<String> = std::env::args_os()
                .map(|arg| arg.to_string_lossy().into_owned())
                .collect();
            let error = error.with_resume_command(|name| resume::command(&typed, name));
            cli::status(&format!("{}{error}", kit::tr!(text(), "error-prefix")));
            ExitCode::from(error.exit_code())
        }
    }
}

fn run(args: &Args) -> transfer::Result<()> {
    if !args.out.is_dir() {
        return Err(transfer::Error::usage(kit::tr!(
            text(),
            "client-out-missing",
            dir = args.out.display().to_string()
        )));
    }
    let patience = Patience {
        connect: args.dial.retry_secs,
        read: args.deadline.timeout,
    };
    let saving = Saving {
        folder: args.out.clone(),
        resume: args.resume,
        overwrite: args.overwrite,
    };
    let mut client = Client::connect(args.dial.connect, patience)?;
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
