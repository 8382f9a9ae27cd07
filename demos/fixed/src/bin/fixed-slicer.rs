//! `fixed-slicer`: a proxy that cuts a TCP stream into small pieces, after
//! Toxiproxy's slicer. Put it between any client and any server to see
//! whether the receiving side really frames its messages.

use clap::{CommandFactory, Parser};
use fixed::slicer::{self, Dump, Forwarded, Slicing};
use kit::cli::{self, address};
use kit::endpoint::Listener;
use kit::error::{Error, Result};
use kit::knobs::Knobs;
use kit::style::ColorChoice;
use std::io::IsTerminal;
use std::net::{SocketAddr, TcpStream};
use std::process::ExitCode;
use std::thread;
use std::time::Duration;

/// Forwards TCP connections to a server, cutting every chunk into pieces
/// of about --average bytes written --delay-us apart: each piece reaches
/// the receiver as a recv of its own (半包). The bytes are never changed,
/// only cut. A receiver with real framing (a length header) does not mind.
#[derive(Debug, Parser)]
#[command(
    version,
    after_help = "Example: start a server on port 9000, then \
`fixed-slicer --upstream 127.0.0.1:9000 --listen 127.0.0.1:9001 --average 3 --dump` \
and point the client at port 9001 instead of 9000."
)]
struct Args {
    /// Address the slicer listens on for clients: 127.0.0.1:9001 for this
    /// computer only, 0.0.0.0:9001 for clients on other computers.
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:9001", value_parser = address)]
    listen: SocketAddr,

    /// The real server's address (the lab's servers listen on 9000): every
    /// client gets its own connection to it.
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:9000", value_parser = address)]
    upstream: SocketAddr,

    /// The average piece size in bytes.
    #[arg(long, value_name = "N", default_value_t = 8,
          value_parser = clap::value_parser!(u32).range(1..=1024 * 1024))]
    average: u32,

    /// Each piece is average ± up to this many bytes (drawn at random,
    /// never below 1); 0 cuts every piece to exactly --average.
    #[arg(long, value_name = "N", default_value_t = 0,
          value_parser = clap::value_parser!(u32).range(0..=1024 * 1024))]
    variation: u32,

    /// Microseconds between two pieces: the pause that lets each piece
    /// arrive as a recv of its own.
    #[arg(long, value_name = "N", default_value_t = 1000,
          value_parser = clap::value_parser!(u64).range(0..=10_000_000))]
    delay_us: u64,

    /// Seed of the piece sizes: the same seed cuts the same stream at the
    /// same places.
    #[arg(long, value_name = "N", default_value_t = 1)]
    seed: u64,

    /// Hex-dump every piece on stderr, with its direction, index and size.
    #[arg(long)]
    dump: bool,

    /// Serve a single connection, then exit.
    #[arg(long)]
    once: bool,

    /// Keep trying to reach the server for this many seconds for each
    /// client, so the slicer and the server may start in either order.
    #[arg(long, value_name = "SECONDS", default_value = "5", value_parser = cli::seconds)]
    retry_secs: Duration,

    /// Once one side has closed its direction, how many seconds the other
    /// may keep its side open without sending before the slicer closes
    /// both connections (a server still waiting for a client that left).
    #[arg(long, value_name = "SECONDS", default_value = "10", value_parser = cli::positive_seconds)]
    close_timeout: Duration,

    /// Colour the dump: `auto` colours when stderr (where the dump goes) is
    /// a terminal and `NO_COLOR` is unset.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
}

/// This program's name, as its status lines start.
const ME: &str = env!("CARGO_BIN_NAME");

/// The slicer's sentences, from the fixed lesson's catalogue.
static TEXT: &kit::catalogue::Catalogue = fixed::slicer::TEXT;

fn main() -> ExitCode {
    // The language is chosen before the help is worded, as the lessons'
    // programs do: `--lang` or the locale.
    cli::choose_lang();
    let command = TEXT
        .localize(Args::command(), ME)
        .after_help(kit::tr!(TEXT, "fixed-slicer-after"));
    let args: Args = cli::parse_with(command);
    match serve(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => cli::fail(&error),
    }
}

fn serve(args: &Args) -> Result<()> {
    if args.listen == args.upstream {
        return Err(Error::Usage(kit::tr!(
            TEXT,
            "slicer-same-address",
            upstream = args.upstream.to_string()
        )));
    }
    let slicing = Slicing {
        average: args.average as usize,
        variation: args.variation as usize,
        delay: Duration::from_micros(args.delay_us),
        seed: args.seed,
    };
    // The dump goes to stderr, so stderr decides whether it is a terminal.
    let no_color = std::env::var("NO_COLOR").ok();
    let colour = args
        .color
        .decide(std::io::stderr().is_terminal(), no_color.as_deref());
    let dump = args.dump.then_some(Dump { colour });

    let listener = Listener::bind(args.listen, &Knobs::default())?;
    let addr = listener.local_addr();
    let (low, high) = slicing.bounds();
    let size = if low == high {
        kit::tr!(TEXT, "slicer-size-exact", low = low)
    } else {
        kit::tr!(
            TEXT,
            "slicer-size-range",
            average = slicing.average,
            low = low,
            high = high
        )
    };
    let clients = cli::address_for_clients(addr);
    cli::status(&kit::tr!(
        TEXT,
        "slicer-listening",
        me = ME,
        addr = addr.to_string(),
        upstream = args.upstream.to_string(),
        size = size,
        delay = args.delay_us,
        clients = &clients.addr,
        note = &clients.note
    ));
    for number in 1.. {
        let (client, peer, _applied) = match listener.accept() {
            Ok(accepted) => accepted,
            Err(error) if args.once => return Err(error),
            // A client that gave up between its SYN and our accept, or a
            // moment without free file handles: not a reason to stop
            // serving everyone else.
            Err(error) => {
                cli::status(&kit::tr!(
                    TEXT,
                    "slicer-error",
                    me = ME,
                    error = error.to_string()
                ));
                thread::sleep(Duration::from_millis(100));
                continue;
            }
        };
        cli::status(&kit::tr!(
            TEXT,
            "slicer-connection",
            me = ME,
            number = number,
            peer = peer.to_string(),
            upstream = args.upstream.to_string()
        ));
        let connection = Connection {
            number,
            upstream: args.upstream,
            patience: args.retry_secs,
            linger: args.close_timeout,
            slicing,
            dump,
        };
        if args.once {
            return connection.serve(client);
        }
        // One thread per client: a class can share one slicer.
        thread::spawn(move || {
            if let Err(error) = connection.serve(client) {
                cli::status(&kit::tr!(
                    TEXT,
                    "slicer-connection-error",
                    me = ME,
                    number = number,
                    error = error.to_string()
                ));
            }
        });
    }
    Ok(())
}

/// One client's connection and how to serve it.
struct Connection {
    number: u64,
    upstream: SocketAddr,
    patience: Duration,
    linger: Duration,
    slicing: Slicing,
    dump: Option<Dump>,
}

impl Connection {
    fn serve(&self, client: TcpStream) -> Result<()> {
        let forwarded = slicer::relay(
            client,
            self.upstream,
            self.patience,
            &self.slicing,
            self.dump.as_ref(),
            self.linger,
        )?;
        cli::status(&self.closed(&forwarded));
        Ok(())
    }

    fn closed(&self, forwarded: &Forwarded) -> String {
        let number = self.number;
        match forwarded.broken() {
            None => kit::tr!(
                TEXT,
                "slicer-closed",
                me = ME,
                number = number,
                summary = forwarded.summary()
            ),
            Some(why) => kit::tr!(
                TEXT,
                "slicer-ended-early",
                me = ME,
                number = number,
                why = why,
                summary = forwarded.summary()
            ),
        }
    }
}
