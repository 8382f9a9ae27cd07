//! A lesson, and the programs that show it.
//!
//! Every demo of the lab has the same shape: a receiver and a sender, each
//! a binary of its own for two terminals or two computers, and both sides
//! run in one process for the tour. [`Lesson`] is that shape as a trait:
//! a demo says what it is called, which flags each side takes, what each
//! side does once its socket is open, and which runs make its tour. The
//! drivers below do everything else — parsing the command line, opening
//! the connection, naming the flags to match when the two sides disagree,
//! printing the story or the JSON, and the exit code — so that a demo's
//! binaries are one line each:
//!
//! ```ignore
//! fn main() -> std::process::ExitCode {
//!     kit::lesson::server_main::<sticky::Sticky>()
//! }
//! ```
//!
//! A whole lesson, small enough to read at once — a client sends its
//! messages, a server reads until the client closes (docs/CONTRIBUTING.md
//! walks through it):
//!
//! ```no_run
//! use kit::error::Result;
//! use kit::knobs::Knobs;
//! use kit::lesson::{Lesson, Opening, Program};
//! use kit::report::{Exchange, Run, Side};
//! use kit::stream;
//!
//! /// The flags both programs take: the messages.
//! #[derive(Debug, Clone, clap::Args)]
//! pub struct Flags {
//!     /// A message (repeat for each, in order).
//!     #[arg(long = "message", value_parser = kit::cli::message)]
//!     pub messages: Vec<Vec<u8>>,
//! }
//!
//! pub struct Echo;
//!
//! impl Lesson for Echo {
//!     const NAME: &'static str = "echo";
//!     const TITLE: &'static str = "回声 echo";
//!     const ABOUT: &'static str = "Every message, read until the sender closes.";
//!     const SERVER: Program = Program { name: "echo-server", about: "Reads.", after_help: "" };
//!     const CLIENT: Program = Program { name: "echo-client", about: "Sends.", after_help: "" };
//!     type ServerFlags = Flags;
//!     type ClientFlags = Flags;
//!
//!     fn server_flags(flags: &Flags) -> String {
//!         flags.messages.iter().map(|m| kit::cli::flag("message", &String::from_utf8_lossy(m))).collect()
//!     }
//!
//!     fn client_flags(flags: &Flags) -> String {
//!         Self::server_flags(flags)
//!     }
//!
//!     fn serve(opening: &Opening<'_>, flags: &Flags) -> Result<Run> {
//!         let (mut conn, knobs) = opening.accept(&Knobs::default())?.journaled();
//!         let expected: usize = flags.messages.iter().map(Vec::len).sum();
//!         stream::recv_until_closed(&mut conn, stream::RECV_BUFFER, expected + stream::SLACK, |_| Ok(()))?;
//!         let side = Side { journal: conn.into_parts().1, knobs, segments_out: None };
//!         Ok(Exchange::receiver("read until closed", &side, &flags.messages).into())
//!     }
//!
//!     fn request(opening: &Opening<'_>, flags: &Flags) -> Result<Run> {
//!         let (mut conn, knobs) = opening.connect(&Knobs::default())?.journaled();
//!         stream::send_each(&mut conn, &flags.messages)?;
//!         let segments_out = stream::finish_sending(&mut conn)?;
//!         let side = Side { journal: conn.into_parts().1, knobs, segments_out };
//!         Ok(Exchange::sender("each message, one send", &side).into())
//!     }
//!
//!     fn tour() -> Result<Vec<Run>> {
//!         Ok(Vec::new()) // the runs of `cargo demo echo`, both sides in this process
//!     }
//! }
//!
//! fn main() -> std::process::ExitCode {
//!     kit::lesson::server_main::<Echo>()
//! }
//! ```

use crate::catalogue::Catalogue;
use crate::cli::{self, Common, Deadline, Dial, Listen, Pairing};
use crate::error::Result;
use crate::knobs::Knobs;
use crate::loopback::End;
use crate::report::{Report, Run};
use clap::{Args, CommandFactory, FromArgMatches, Parser};
use std::net::SocketAddr;
use std::process::ExitCode;
use std::time::Duration;

/// One of a lesson's two programs, as `--help` presents it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Program {
    /// Its name, e.g. `sticky-server`.
    pub name: &'static str,
    /// What it does, for `--help`: a first paragraph (all that `-h`
    /// shows), then any more after a blank line.
    pub about: &'static str,
    /// What `--help` says after the options, besides how to run the pair
    /// on two computers (which a server's help always says).
    pub after_help: &'static str,
}

/// A lesson: one phenomenon, shown by a receiver and a sender.
pub trait Lesson {
    /// The short name `cargo demo` takes: `sticky`.
    const NAME: &'static str;
    /// The banner title, in Chinese and English: "粘包 sticky packets".
    const TITLE: &'static str;
    /// One line for `cargo demo --help`.
    const ABOUT: &'static str;
    /// The receiving program.
    const SERVER: Program;
    /// The sending program.
    const CLIENT: Program;
    /// The lesson's own sentences in every language (its crate's
    /// `locales/*.ftl`). Its programs' `--help` comes from there where it
    /// has the messages: `{program}-about` (e.g. `sticky-server-about`)
    /// and `{program}-arg-{id}` for an option (`sticky-server-arg-variant`).
    const TEXT: Option<&'static Catalogue> = None;

    /// The flags of the receiving program, besides the address, the
    /// deadline and the output options every program has.
    type ServerFlags: Args + FromArgMatches + Clone;
    /// The flags of the sending program.
    type ClientFlags: Args + FromArgMatches + Clone;

    /// The server's flags that the client must be given too, as typed on a
    /// command line (` --staged`), defaults left out.
    fn server_flags(flags: &Self::ServerFlags) -> String;
    /// The client's flags that the server must be given too.
    fn client_flags(flags: &Self::ClientFlags) -> String;

    /// The receiving side: accepts one peer and tells what it saw.
    fn serve(opening: &Opening<'_>, flags: &Self::ServerFlags) -> Result<Run>;
    /// The sending side: connects and tells what it did.
    fn request(opening: &Opening<'_>, flags: &Self::ClientFlags) -> Result<Run>;

    /// The tour: every run of the lesson, both sides in this process.
    fn tour() -> Result<Vec<Run>>;

    /// A report of this lesson holding `runs`.
    #[must_use]
    fn report(runs: Vec<Run>) -> Report {
        Report::new(Self::NAME, Self::TITLE, runs)
    }
}

/// What a side needs to open its end of the lesson: the address, the
/// deadline, and the pairing that names the flags to match.
#[derive(Debug, Clone)]
pub struct Opening<'a> {
    /// The address to listen on (a server) or to connect to (a client).
    pub addr: SocketAddr,
    /// How long a client keeps dialling a server that is not there yet.
    pub retry: Duration,
    /// How long any read or write waits once connected.
    pub deadline: Deadline,
    /// The two programs and the flags they must share.
    pub pairing: &'a Pairing,
}

impl Opening<'_> {
    /// Listens with `knobs` applied, says which client to start and how,
    /// and waits for one client.
    pub fn accept(&self, knobs: &Knobs) -> Result<End> {
        let listen = Listen { listen: self.addr };
        listen.accept_one(self.pairing, knobs, &self.deadline)
    }

    /// Connects with `knobs` applied, retrying for the retry window.
    pub fn connect(&self, knobs: &Knobs) -> Result<End> {
        let dial = Dial {
            connect: self.addr,
            retry_secs: self.retry,
        };
        dial.connect_one(self.pairing, knobs, &self.deadline)
    }
}

/// The receiving program's command line.
#[derive(Debug, Parser)]
#[command(version)]
struct ServerArgs<F: Args> {
    #[command(flatten)]
    listen: Listen,

    #[command(flatten)]
    deadline: Deadline,

    #[command(flatten)]
    flags: F,

    #[command(flatten)]
    common: Common,
}

/// The sending program's command line.
#[derive(Debug, Parser)]
#[command(version)]
struct ClientArgs<F: Args> {
    #[command(flatten)]
    dial: Dial,

    #[command(flatten)]
    deadline: Deadline,

    #[command(flatten)]
    flags: F,

    #[command(flatten)]
    common: Common,
}

/// `main` of a lesson's receiving program.
#[must_use]
pub fn server_main<L: Lesson>() -> ExitCode {
    // The language decides the help's words, so it is chosen first.
    cli::choose_lang();
    let two_computers = crate::tr!(
        crate::TEXT,
        "lesson-two-computers",
        server = L::SERVER.name,
        client = L::CLIENT.name
    );
    let command = ServerArgs::<L::ServerFlags>::command().after_help(two_computers);
    let args: ServerArgs<L::ServerFlags> = parse(L::SERVER, L::TEXT, command);
    let pairing = Pairing::new(L::SERVER.name, L::CLIENT.name, L::server_flags(&args.flags))
        .waiting(args.deadline.timeout);
    let opening = Opening {
        addr: args.listen.listen,
        retry: Duration::ZERO,
        deadline: args.deadline,
        pairing: &pairing,
    };
    let outcome = L::serve(&opening, &args.flags).map(|run| L::report(vec![run]));
    cli::finish(outcome, &args.common, &pairing)
}

/// `main` of a lesson's sending program.
#[must_use]
pub fn client_main<L: Lesson>() -> ExitCode {
    let args: ClientArgs<L::ClientFlags> =
        parse(L::CLIENT, L::TEXT, ClientArgs::<L::ClientFlags>::command());
    let pairing = Pairing::new(L::CLIENT.name, L::SERVER.name, L::client_flags(&args.flags))
        .waiting(args.deadline.timeout);
    let opening = Opening {
        addr: args.dial.connect,
        retry: args.dial.retry_secs,
        deadline: args.deadline,
        pairing: &pairing,
    };
    let outcome = L::request(&opening, &args.flags).map(|run| L::report(vec![run]));
    cli::finish(outcome, &args.common, &pairing)
}

/// Parses a program's command line under its own name and help text.
fn parse<T: FromArgMatches>(
    program: Program,
    text: Option<&Catalogue>,
    command: clap::Command,
) -> T {
    let short = program.about.split("\n\n").next().unwrap_or_default();
    let mut command = command
        .name(program.name)
        .about(short)
        .long_about(program.about);
    // The language is known before the help is worded: `--lang` or the
    // locale decide it here, as they will again when the line is parsed.
    cli::choose_lang();
    // The program's own closing paragraph: in English as the code words
    // it, in another language from the catalogue where it has it
    // (`{program}-after-help`).
    let after_help = text
        .filter(|_| crate::lang::current() != crate::lang::Lang::En)
        .and_then(|text| text.get(&format!("{}-after-help", program.name)))
        .unwrap_or_else(|| program.after_help.to_string());
    if !after_help.is_empty() {
        let before = command
            .get_after_help()
            .map(|text| format!("{text}\n\n"))
            .unwrap_or_default();
        command = command.after_help(format!("{before}{after_help}"));
    }
    if let Some(text) = text {
        command = text.localize(command, program.name);
    }
    cli::parse_with(command)
}
