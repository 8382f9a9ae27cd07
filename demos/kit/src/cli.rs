//! The command line every binary shares: `--json`, `--color`, addresses,
//! one-line errors and exit codes.

use crate::endpoint::{self, Listener};
use crate::error::Error;
use crate::knobs::Knobs;
use crate::lan;
use crate::lang::{self, Lang};
use crate::loopback::End;
use crate::render;
use crate::report::Report;
use crate::style::ColorChoice;
use crate::tr;
use clap::builder::PossibleValuesParser;
use clap::error::ErrorKind;
use clap::{Arg, Args, Command, FromArgMatches, Parser};
use std::io::{self, Write};
use std::net::{IpAddr, SocketAddr, ToSocketAddrs};
use std::process::ExitCode;
use std::time::Duration;

/// The lab's name, as `--version` gives it (`Sticky Packet Lab
/// (粘包实验室) 0.1.0`, or `sticky-server · Sticky Packet Lab (粘包实验室)
/// 0.1.0` for one of its programs).
pub const LAB: &str = "Sticky Packet Lab (粘包实验室)";

/// Options of every binary in the lab.
#[derive(Debug, Clone, Args)]
pub struct Common {
    /// Print the report as one JSON document on stdout (for graders and
    /// scripts) instead of the coloured story.
    #[arg(long)]
    pub json: bool,

    /// Colour the story: `auto` colours on a terminal unless `NO_COLOR` is
    /// set; `always` also colours into pipes; `never` prints plain text.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

/// Sets the process's language from `--lang` on the command line, else
/// from the locale (see [`crate::lang`]). Called before the command line is
/// parsed, so that the help and the parser's own words can follow it too.
pub fn choose_lang() -> Lang {
    let chosen = Lang::from_args(std::env::args_os()).unwrap_or_else(Lang::from_env);
    lang::set(chosen);
    chosen
}

/// Parses the command line. A mistake gets one line on stderr and exit
/// code 2; `--help` prints as usual, and `--version` with the lab's name.
#[must_use]
pub fn parse<T: Parser>() -> T {
    parse_with(T::command())
}

/// Parses the command line with `command` (a [`Parser`]'s command, renamed
/// or re-worded by a generic driver), the same way as [`parse`].
#[must_use]
pub fn parse_with<T: FromArgMatches>(command: Command) -> T {
    choose_lang();
    let command = localize_shared(command).arg(
        Arg::new("lang")
            .long("lang")
            .global(true)
            .value_name("LANG")
            .value_parser(PossibleValuesParser::new(Lang::ALL.map(Lang::code)))
            .help(tr!(crate::TEXT, "cli-lang-help")),
    );
    // `--version` names the program, as it was started, and the lab it
    // belongs to — unless the command names itself (the tour is the lab).
    let command = if command.get_display_name().is_some() {
        command
    } else {
        let program = std::env::args_os()
            .next()
            .and_then(|path| {
                let stem = std::path::Path::new(&path)
                    .file_stem()?
                    .to_str()?
                    .to_string();
                Some(stem)
            })
            .unwrap_or_else(|| command.get_name().to_string());
        command.display_name(format!("{program} · {LAB}"))
    };
    let command = crate::help::localize(command);
    let parsed = command
        .try_get_matches()
        .and_then(|matches| T::from_arg_matches(&matches));
    match parsed {
        Ok(args) => args,
        Err(error) => match error.kind() {
            ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => error.exit(),
            _ => {
                let line = one_line(&error.render().to_string());
                // Clap's `error:` in the story's language, and in Chinese
                // the mistakes a student makes most in the lab's words
                // too (the others keep clap's English after the prefix).
                let line = match (parse_mistake(&error), line.strip_prefix("error: ")) {
                    (Some(words), _) => tr!(crate::TEXT, "cli-error", error = words),
                    (None, Some(rest)) => tr!(crate::TEXT, "cli-error", error = rest),
                    (None, None) => line,
                };
                let _ = writeln!(
                    io::stderr(),
                    "{}",
                    tr!(crate::TEXT, "cli-see-help", error = line)
                );
                std::process::exit(2);
            }
        },
    }
}

/// `command` (and its subcommands) with the help of the options the kit
/// gives every program — [`Common`], [`Listen`], [`Dial`], [`Deadline`] —
/// in the process's language: `cli-arg-{id}` of the kit's catalogue. An
/// option whose help a program worded itself (its own catalogue's
/// `{program}-arg-{id}`) keeps that wording; English keeps the help the
/// code's comments give.
#[must_use]
pub fn localize_shared(command: Command) -> Command {
    if lang::current() == Lang::En {
        return command;
    }
    let mut command = command;
    for (id, kit_help) in shared_options() {
        let untouched = command
            .get_arguments()
            .find(|arg| arg.get_id().as_str() == id)
            .is_some_and(|arg| arg.get_help().map(ToString::to_string) == kit_help);
        let help = crate::TEXT.get(&format!("cli-arg-{id}"));
        if let (true, Some(help)) = (untouched, help) {
            command = command.mut_arg(id, |arg| arg.help(help.clone()).long_help(help));
        }
    }
    let names: Vec<String> = command
        .get_subcommands()
        .map(|sub| sub.get_name().to_string())
        .collect();
    for name in names {
        command = command.mut_subcommand(name, localize_shared);
    }
    command
}

/// The kit's shared options, each with the help its comment gives it.
fn shared_options() -> Vec<(String, Option<String>)> {
    let mut options = Command::new("shared");
    options = Common::augment_args(options);
    options = Listen::augment_args(options);
    options = Dial::augment_args(options);
    options = Deadline::augment_args(options);
    options
        .get_arguments()
        .map(|arg| {
            let help = arg.get_help().map(ToString::to_string);
            (arg.get_id().to_string(), help)
        })
        .collect()
}

/// A command-line mistake in the lab's words, when the language is not
/// English (English keeps clap's own sentence): an unknown option, a value
/// an option does not take, a value its parser refused (with the parser's
/// reason), a missing or conflicting option.
fn parse_mistake(error: &clap::Error) -> Option<String> {
    use clap::error::ContextKind;
    if lang::current() == Lang::En {
        return None;
    }
    let context = |kind| error.get(kind).map(ToString::to_string);
    let arg = context(ContextKind::InvalidArg).unwrap_or_default();
    let value = context(ContextKind::InvalidValue).unwrap_or_default();
    Some(match error.kind() {
        ErrorKind::UnknownArgument => match context(ContextKind::SuggestedArg) {
            Some(suggested) => tr!(
                crate::TEXT,
                "cli-unknown-argument-suggested",
                arg = arg,
                suggested = suggested
            ),
            None => tr!(crate::TEXT, "cli-unknown-argument", arg = arg),
        },
        ErrorKind::InvalidValue if value.is_empty() => {
            tr!(crate::TEXT, "cli-value-needed", arg = arg)
        }
        ErrorKind::InvalidValue => tr!(
            crate::TEXT,
            "cli-invalid-value",
            arg = arg,
            value = value,
            valid = context(ContextKind::ValidValue).unwrap_or_default()
        ),
        ErrorKind::ValueValidation => {
            let why = std::error::Error::source(error)
                .map(ToString::to_string)
                .unwrap_or_default();
            tr!(
                crate::TEXT,
                "cli-value-refused",
                arg = arg,
                value = value,
                why = why
            )
        }
        ErrorKind::MissingRequiredArgument => tr!(crate::TEXT, "cli-missing", arg = arg),
        ErrorKind::ArgumentConflict => tr!(
            crate::TEXT,
            "cli-conflict",
            arg = arg,
            prior = context(ContextKind::PriorArg).unwrap_or_default()
        ),
        _ => return None,
    })
}

/// Clap's error as one line: the `error:` paragraph (which may go on over
/// indented lines, e.g. the names of missing options), without the usage
/// block and tips that follow the blank line.
fn one_line(rendered: &str) -> String {
    let mut lines = rendered
        .lines()
        .skip_while(|line| !line.starts_with("error:"));
    let mut text: String = lines
        .next()
        .map_or_else(|| tr!(crate::TEXT, "cli-not-valid"), str::to_string)
        .trim_end()
        .to_string();
    for more in lines.take_while(|line| !line.trim().is_empty()) {
        text.push(' ');
        text.push_str(more.trim());
    }
    text
}

/// Parses `IP:PORT` or `HOST:PORT` (a clap value parser).
pub fn address(text: &str) -> Result<SocketAddr, String> {
    if let Ok(addr) = text.parse::<SocketAddr>() {
        return Ok(addr);
    }
    let Some((host, _port)) = text.rsplit_once(':') else {
        return Err(tr!(crate::TEXT, "cli-address-no-port", text = text));
    };
    // Digits and dots that did not parse are a mistyped IP, not a host
    // name: say so rather than asking DNS about it.
    if host.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return Err(tr!(crate::TEXT, "cli-address-not-ip", text = text));
    }
    let mut found: Vec<SocketAddr> = text
        .to_socket_addrs()
        .map_err(|_| tr!(crate::TEXT, "cli-address-not-found", text = text))?
        .collect();
    // Prefer IPv4: classroom networks are usually addressed that way.
    found.sort_by_key(|addr| !addr.is_ipv4());
    found
        .first()
        .copied()
        .ok_or_else(|| tr!(crate::TEXT, "cli-address-none", text = text))
}

/// The two programs of a pair, and the flags on which they must agree.
///
/// Each demo comes as a server and a client started by hand, often by two
/// students on two computers. When they disagree about what is sent (one
/// started with `--staged`, the other without), neither can tell from the
/// bytes alone; what each can do is name the flags it was given, so the
/// person at the keyboard sees at once what to match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pairing {
    /// This program, e.g. `half-server`.
    pub this: &'static str,
    /// The program at the other end, e.g. `half-client`.
    pub peer: &'static str,
    /// The flags the peer must be given to match this side, as typed on a
    /// command line (` --staged --pieces 2,5,13`); empty for the defaults.
    pub flags: String,
    /// How long this side waits for the peer once connected (`--timeout`),
    /// to say in an error how long the peer kept silent.
    pub timeout: Option<Duration>,
}

impl Pairing {
    /// A pairing of `this` with `peer` with the shared `flags`.
    pub fn new(this: &'static str, peer: &'static str, flags: impl Into<String>) -> Pairing {
        Pairing {
            this,
            peer,
            flags: flags.into(),
            timeout: None,
        }
    }

    /// The same, waiting at most `timeout` for the peer.
    #[must_use]
    pub fn waiting(self, timeout: Duration) -> Pairing {
        Pairing {
            timeout: Some(timeout),
            ..self
        }
    }

    /// What to check when the two sides disagree.
    #[must_use]
    pub fn hint(&self) -> String {
        if self.flags.is_empty() {
            tr!(crate::TEXT, "cli-hint-default-flags", peer = self.peer)
        } else {
            tr!(
                crate::TEXT,
                "cli-hint-same-flags",
                peer = self.peer,
                flags = self.flags.trim_start()
            )
        }
    }
}

/// ` --flag value`, with the value quoted for a shell if it needs it.
#[must_use]
pub fn flag(name: &str, value: &str) -> String {
    format!(" --{name} {}", shell_word(value))
}

/// `text` as one word on a command line: as it is if it is plain, else in
/// single quotes (a student copies the hint into a terminal).
#[must_use]
pub fn shell_word(text: &str) -> String {
    let plain = !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || "-_.,:/@%+=".contains(c));
    if plain {
        text.to_string()
    } else {
        format!("'{}'", text.replace('\'', "'\\''"))
    }
}

/// Prints the report (as JSON or as the story) and turns the outcome into
/// the exit code (README, "exit codes"):
///
/// - 0: the run showed what the demo sets out to show (a server that saw
///   glued messages succeeded);
/// - 1: the peer or the network did something else — a mismatch, a stream
///   cut short, a silent peer: the story is printed all the same, and one
///   line on stderr says what happened and which flags to match;
/// - 2: the command line cannot work (see [`parse`]).
#[must_use]
pub fn finish(outcome: Result<Report, Error>, common: &Common, pairing: &Pairing) -> ExitCode {
    match outcome {
        Ok(report) => {
            let text = if common.json {
                match serde_json::to_string_pretty(&report) {
                    Ok(json) => json + "\n",
                    Err(e) => return fail(&Error::Json(e)),
                }
            } else {
                render::report(&report, &common.color.style())
            };
            print(&text);
            match report.mismatch() {
                None => ExitCode::SUCCESS,
                Some(verdict) => {
                    status(&mismatch(verdict, pairing));
                    ExitCode::from(1)
                }
            }
        }
        Err(Error::PeerSilent {
            during,
            waited: None,
        }) => {
            let error = Error::PeerSilent {
                during,
                waited: pairing.timeout,
            };
            status(&mismatch(&error.to_string(), pairing));
            ExitCode::from(error.exit_code())
        }
        Err(error @ (Error::PeerClosed { .. } | Error::PeerSilent { .. })) => {
            status(&mismatch(&error.to_string(), pairing));
            ExitCode::from(error.exit_code())
        }
        Err(error) => fail(&error),
    }
}

/// `error: what happened (is the peer running with the same flags?)`.
fn mismatch(what: &str, pairing: &Pairing) -> String {
    tr!(
        crate::TEXT,
        "cli-mismatch",
        what = what,
        hint = pairing.hint()
    )
}

/// Prints the error's one line and returns its exit code.
#[must_use]
pub fn fail(error: &Error) -> ExitCode {
    let _ = writeln!(
        io::stderr(),
        "{}",
        tr!(crate::TEXT, "cli-error", error = error.to_string())
    );
    ExitCode::from(error.exit_code())
}

/// Writes to stdout; a reader that went away (`| head`) is not an error.
pub fn print(text: &str) {
    let mut out = io::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
}

/// A progress line for the person at the keyboard, on stderr so that
/// `--json` keeps stdout clean.
pub fn status(line: &str) {
    let _ = writeln!(io::stderr(), "{line}");
}

/// Parses a `--message` (a clap value parser): any text but the empty one.
pub fn message(text: &str) -> Result<Vec<u8>, String> {
    if text.is_empty() {
        return Err(tr!(crate::TEXT, "cli-message-empty"));
    }
    Ok(text.as_bytes().to_vec())
}

/// How long a paired binary waits for its peer, unless told otherwise.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);

/// Where a server listens.
#[derive(Debug, Clone, Args)]
pub struct Listen {
    /// Address to listen on: 127.0.0.1:9000 for this computer only,
    /// 0.0.0.0:9000 to accept clients from other computers.
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:9000", value_parser = address)]
    pub listen: SocketAddr,
}

/// Where a client connects, and how long it keeps trying.
#[derive(Debug, Clone, Args)]
pub struct Dial {
    /// The server's address, e.g. 192.168.1.20:9000 (what the server
    /// printed, with the server computer's IP instead of 0.0.0.0).
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:9000", value_parser = address)]
    pub connect: SocketAddr,

    /// Keep trying to reach the server for this many seconds, so either
    /// side may be started first.
    #[arg(long, value_name = "SECONDS", default_value = "5", value_parser = seconds)]
    pub retry_secs: Duration,
}

/// How long a TCP binary waits for its peer once connected.
#[derive(Debug, Clone, Args)]
pub struct Deadline {
    /// Once connected, give up on the other side after it sends nothing
    /// for this many seconds (a peer started with other flags, or one that
    /// never closes the connection).
    #[arg(long, value_name = "SECONDS", default_value = "10", value_parser = positive_seconds)]
    pub timeout: Duration,
}

/// How a client reaches a server: the address to type after `--connect`,
/// and what else the person at the other computer needs to know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ForClients {
    /// The address to type: `192.168.1.20:9000`, `127.0.0.1:9000`, or
    /// `THIS_COMPUTERS_IP:9000` when this computer has no address another
    /// computer could use.
    pub addr: String,
    /// The rest, for the end of the line: empty, or ` (…)`.
    pub note: String,
}

/// The address a client should dial to reach a server listening on
/// `addr`. A server on 0.0.0.0 listens on every network card, but 0.0.0.0
/// is not an address anyone can dial: the client needs one of this
/// computer's own addresses, which [`lan::addresses`] finds.
#[must_use]
pub fn address_for_clients(addr: SocketAddr) -> ForClients {
    let found = if addr.ip().is_unspecified() {
        lan::addresses(addr.ip())
    } else {
        Vec::new()
    };
    for_clients_given(addr, &found)
}

/// [`address_for_clients`] for a computer whose network addresses are
/// `found` (a pure function, so that every case is tested on any machine).
#[must_use]
pub fn for_clients_given(addr: SocketAddr, found: &[IpAddr]) -> ForClients {
    /// More than this many addresses is a computer full of virtual cards
    /// (VPNs, virtual machines, containers): the rest are counted.
    const SHOWN: usize = 4;
    if !addr.ip().is_unspecified() {
        return ForClients {
            addr: addr.to_string(),
            note: String::new(),
        };
    }
    let port = addr.port();
    match found {
        [] => ForClients {
            addr: format!("THIS_COMPUTERS_IP:{port}"),
            note: format!(" {}", tr!(crate::TEXT, "cli-clients-no-address")),
        },
        [only] => ForClients {
            addr: lan::with_port(*only, port),
            note: String::new(),
        },
        [first, others @ ..] => {
            let mut more: Vec<String> = others
                .iter()
                .take(SHOWN - 1)
                .map(|ip| lan::with_port(*ip, port))
                .collect();
            if others.len() > SHOWN - 1 {
                more.push(tr!(
                    crate::TEXT,
                    "cli-clients-more",
                    n = others.len() - (SHOWN - 1)
                ));
            }
            ForClients {
                addr: lan::with_port(*first, port),
                note: format!(
                    " {}",
                    tr!(
                        crate::TEXT,
                        "cli-clients-others",
                        others = more.join(", "),
                        n = found.len()
                    )
                ),
            }
        }
    }
}

impl Listen {
    /// Binds the address with `knobs` applied, says where clients should
    /// connect and with which flags, and waits for one client. Every read
    /// and write on the connection then waits at most the `deadline`.
    pub fn accept_one(
        &self,
        pairing: &Pairing,
        knobs: &Knobs,
        deadline: &Deadline,
    ) -> Result<End, Error> {
        let listener = Listener::bind(self.listen, knobs)?;
        let addr = listener.local_addr();
        let clients = address_for_clients(addr);
        let command = format!(
            "{} --connect {}{}",
            pairing.peer, clients.addr, pairing.flags
        );
        status(&format!(
            "{}{}",
            tr!(
                crate::TEXT,
                "cli-listening",
                this = pairing.this,
                addr = addr.to_string(),
                command = command
            ),
            clients.note
        ));
        // Waiting for a client has no deadline: that is a person starting a
        // program, perhaps on another computer. Once it is connected, the
        // program on the other side has one.
        let (stream, peer, knobs) = listener.accept()?;
        status(&tr!(
            crate::TEXT,
            "cli-connected",
            this = pairing.this,
            peer = peer.to_string()
        ));
        End::new(stream, knobs, deadline.timeout)
    }
}

impl Dial {
    /// Connects with `knobs` applied, retrying for `--retry-secs`. Every
    /// read and write on the connection then waits at most the `deadline`.
    pub fn connect_one(
        &self,
        pairing: &Pairing,
        knobs: &Knobs,
        deadline: &Deadline,
    ) -> Result<End, Error> {
        status(&tr!(
            crate::TEXT,
            "cli-connecting",
            this = pairing.this,
            addr = self.connect.to_string()
        ));
        let (stream, knobs) = endpoint::connect(self.connect, knobs, self.retry_secs)?;
        End::new(stream, knobs, deadline.timeout)
    }
}

/// Parses a number of seconds above zero (a clap value parser): a
/// deadline of 0 would mean "never wait", which no read can honour.
pub fn positive_seconds(text: &str) -> Result<Duration, String> {
    match seconds(text)? {
        zero if zero.is_zero() => Err(tr!(crate::TEXT, "cli-no-deadline", text = text)),
        some => Ok(some),
    }
}

/// Parses a number of seconds, such as `5` or `0.5` (a clap value parser).
pub fn seconds(text: &str) -> Result<Duration, String> {
    text.parse::<f64>()
        .ok()
        .and_then(|s| Duration::try_from_secs_f64(s).ok())
        .ok_or_else(|| tr!(crate::TEXT, "cli-not-seconds", text = text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses() {
        assert_eq!(
            address("127.0.0.1:9000"),
            Ok("127.0.0.1:9000".parse().unwrap())
        );
        assert_eq!(address("[::1]:80"), Ok("[::1]:80".parse().unwrap()));
        assert_eq!(address("localhost:9000").unwrap().port(), 9000);
        assert!(address("192.168.1.20").unwrap_err().contains("no port"));
        assert!(address("1.2.3.4:99999").is_err());
        assert!(address("not an address:9000").is_err());
    }

    #[test]
    fn a_clap_error_becomes_one_line() {
        let rendered = "error: the following required arguments were not provided:\n  --upstream <ADDR>\n\nUsage: x --upstream <ADDR>\n\nFor more information, try '--help'.\n";
        assert_eq!(
            one_line(rendered),
            "error: the following required arguments were not provided: --upstream <ADDR>"
        );
        assert_eq!(
            one_line("error: unexpected argument '--x' found\n\n  tip: …"),
            "error: unexpected argument '--x' found"
        );
    }

    #[test]
    fn hints_name_the_flags_to_match_in_words_a_shell_takes() {
        assert_eq!(shell_word("burst"), "burst");
        assert_eq!(shell_word("你好"), "你好");
        assert_eq!(shell_word("it's here"), "'it'\\''s here'");
        assert_eq!(shell_word(""), "''");
        let pairing = Pairing::new("half-server", "half-client", flag("rcvbuf", "4096"));
        assert_eq!(
            pairing.hint(),
            "is half-client running with the same flags: --rcvbuf 4096?"
        );
        let defaults = Pairing::new("sticky-client", "sticky-server", "");
        assert_eq!(
            defaults.hint(),
            "is sticky-server running with its default flags too?"
        );
    }

    #[test]
    fn a_server_on_every_card_names_this_computers_addresses() {
        let any: SocketAddr = "0.0.0.0:9000".parse().unwrap();
        let ips =
            |list: &[&str]| -> Vec<IpAddr> { list.iter().map(|ip| ip.parse().unwrap()).collect() };
        let one = for_clients_given(any, &ips(&["192.168.1.20"]));
        assert_eq!(
            (one.addr.as_str(), one.note.as_str()),
            ("192.168.1.20:9000", "")
        );
        let two = for_clients_given(any, &ips(&["192.168.1.20", "10.8.0.2"]));
        assert_eq!(two.addr, "192.168.1.20:9000");
        assert_eq!(
            two.note,
            " (or 10.8.0.2:9000: this computer has 2 addresses; use the one on the other \
             computer's network)"
        );
        let many = for_clients_given(
            any,
            &ips(&["10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4", "10.0.0.5"]),
        );
        assert!(
            many.note.starts_with(
                " (or 10.0.0.2:9000, 10.0.0.3:9000, 10.0.0.4:9000, 1 more: this computer has 5"
            ),
            "{}",
            many.note
        );
        let none = for_clients_given(any, &[]);
        assert_eq!(none.addr, "THIS_COMPUTERS_IP:9000");
        assert!(none.note.contains("ipconfig on Windows"), "{}", none.note);
        let here: SocketAddr = "127.0.0.1:9000".parse().unwrap();
        assert_eq!(
            for_clients_given(here, &ips(&["192.168.1.20"])).addr,
            "127.0.0.1:9000"
        );
    }

    #[test]
    fn seconds_and_messages() {
        assert_eq!(seconds("0.5"), Ok(Duration::from_millis(500)));
        assert!(seconds("-1").is_err());
        assert!(seconds("soon").is_err());
        assert!(positive_seconds("0").is_err());
        assert_eq!(positive_seconds("2"), Ok(Duration::from_secs(2)));
        assert!(message("").is_err());
        assert_eq!(message("不留"), Ok("不留".as_bytes().to_vec()));
    }
}
