//! `transfer-bench`: download throughput against a raw TCP copy, and the
//! client's peak memory. Build with --release.

use clap::Parser;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use kit::cli;
mod bench;

use bench::Mode;

/// Sends a file over loopback as a raw copy and through the protocol,
/// each client in its own process, and prints both speeds, their ratio and
/// the clients' peak RSS.
#[derive(Debug, Parser)]
#[command(version)]
struct Args {
    /// Size of the test file in MiB (made in a temporary folder, deleted
    /// afterwards).
    #[arg(long, value_name = "MIB", default_value_t = 1024)]
    size_mib: u64,

    /// Rounds of both clients; the best of each counts.
    #[arg(long, value_name = "N", default_value_t = 3,
          value_parser = clap::value_parser!(u32).range(1..))]
    rounds: u32,

    /// Internal: run one client (raw|framed ADDR OUT NAME) and report.
    #[arg(long, num_args = 4, value_names = ["MODE", "ADDR", "OUT", "NAME"], hide = true)]
    child: Option<Vec<String>>,
}

fn main() -> ExitCode {
    let args: Args = cli::parse();
    let outcome = match &args.child {
        Some(child) => run_child(child),
        None => std::env::current_exe()
            .map_err(transfer::Error::io("finding this program"))
            .and_then(|exe| bench::run(&exe, args.size_mib << 20, args.rounds as usize))
            .map(|outcome| outcome.render()),
    };
    match outcome {
        Ok(text) => {
            cli::print(&text);
            ExitCode::SUCCESS
        }
        Err(error) => {
            cli::status(&format!("error: {error}"));
            ExitCode::from(error.exit_code())
        }
    }
}

fn run_child(child: &[String]) -> transfer::Result<String> {
    let [mode, addr, out, name] = child else {
        return Err(transfer::Error::usage("--child takes MODE ADDR OUT NAME"));
    };
    let mode = match mode.as_str() {
        "raw" => Mode::Raw,
        _ => Mode::Framed,
    };
    let addr: SocketAddr = addr
        .parse()
        .map_err(|_| transfer::Error::usage("--child needs an IP:PORT"))?;
    let measured = bench::child(mode, addr, &PathBuf::from(out), name)?;
    Ok(measured.to_line() + "\n")
}
