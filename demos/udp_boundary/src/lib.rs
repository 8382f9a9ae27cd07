//! # UDP 数据报 — datagrams keep their boundaries, and what that costs
//!
//! The tutorial says only TCP has sticky packets: *UDP协议永远不会粘包*.
//! The first half is true. A UDP socket queues every arriving datagram as
//! a unit, and every `recv` takes exactly one unit off the queue:
//!
//! ```text
//!   sender     send("下雨天留客天留人")  send("不留")
//!                      │                    │
//!   wire          [datagram 24 B]     [datagram 6 B]
//!                      ▼                    ▼
//!   receive queue [下雨天留客天留人] [不留]          two units…
//!                      │                    │
//!   receiver      recv → 24 B          recv → 6 B    …two recvs, always
//! ```
//!
//! "Never a problem" is too strong, though. The unit is all or nothing:
//!
//! - a `recv` buffer smaller than the datagram **truncates** it, and the
//!   rest is discarded — not delivered next, as TCP would;
//! - a datagram cannot be larger than **65,507 bytes** over IPv4;
//! - a datagram that finds the receiver's queue full is **dropped**, with
//!   no retransmission and no flow control to slow the sender down — even
//!   on loopback. (On a real network datagrams are also lost, reordered
//!   and duplicated.)
//!
//! The tour shows each, beside TCP doing the same job. The lessons live in
//! [`boundaries`], [`truncation`], [`too_big`] and [`overflow`]; the bench
//! in [`socket`], [`datagram`], [`traffic`], [`probe`] and [`drops`].

pub mod args;
pub mod boundaries;
pub mod datagram;
pub mod drops;
pub mod overflow;
pub mod probe;
pub mod socket;
pub mod too_big;
pub mod traffic;
pub mod truncation;

/// The lesson's sentences in every language (`locales/en.ftl`,
/// `locales/zh.ftl`): labels, verdicts, notes, start-up lines, --help.
pub(crate) static TEXT: kit::catalogue::Catalogue = kit::catalogue::Catalogue::new(
    include_str!("../locales/en.ftl"),
    include_str!("../locales/zh.ftl"),
);

use args::{ClientFlags, ServerFlags};
use kit::error::{Error, Result};
use kit::journal::Journal;
use kit::lesson::{Lesson, Opening, Program};
use kit::report::{Exchange, Run, Side};
use std::net::{SocketAddr, UdpSocket};
use std::time::{Duration, Instant};
use traffic::{Ended, Refused, Wait};

/// The lesson: UDP keeps boundaries, and truncates and drops.
#[derive(Debug, Clone, Copy)]
pub struct Udp;

impl Lesson for Udp {
    const NAME: &'static str = "udp";
    const TITLE: &'static str = "UDP 数据报 datagrams";
    const ABOUT: &'static str =
        "UDP keeps boundaries (and truncates and drops): TCP and UDP side by side.";
    const SERVER: Program = Program {
        name: "udp-server",
        about: "Receives udp-client's datagrams and shows what each recv returned: one datagram \
                per recv, never two glued together — and with --recv-size smaller than a \
                datagram, the datagram cut short and the rest gone.\n\n\
                Give it the same --message list as the client: it stops once it has that many \
                datagrams (or none has come for --timeout) and traces each recv to the \
                datagram it holds.",
        after_help: "UDP needs its own firewall rule: allow UDP port 9000, not TCP.",
    };
    const CLIENT: Program = Program {
        name: "udp-client",
        about: "Sends each message to udp-server as one datagram. Watch the server's screen: \
                one recv per datagram, never glued together.\n\n\
                UDP has no connection to wait for, so the client first probes: it sends a small \
                probe datagram every 100 ms until udp-server answers (for --retry-secs), and \
                only then sends the messages.",
        after_help: "",
    };

    const TEXT: Option<&'static kit::catalogue::Catalogue> = Some(&TEXT);

    type ServerFlags = ServerFlags;
    type ClientFlags = ClientFlags;

    fn server_flags(flags: &ServerFlags) -> String {
        sticky::message_flags(&flags.messages.messages)
    }

    fn client_flags(flags: &ClientFlags) -> String {
        sticky::message_flags(&flags.messages.messages)
    }

    fn serve(opening: &Opening<'_>, flags: &ServerFlags) -> Result<Run> {
        let messages = flags.messages.or_tutorial();
        let size = flags.recv_size as usize;
        let socket = socket::bind(opening.addr)?;
        let addr = socket
            .local_addr()
            .map_err(Error::io(kit::tr!(TEXT, "during-bound-address")))?;
        let pairing = opening.pairing;
        let clients = kit::cli::address_for_clients(addr);
        kit::cli::status(&kit::tr!(
            TEXT,
            "status-listening",
            this = pairing.this,
            addr = addr.to_string(),
            peer = pairing.peer,
            clients = &clients.addr,
            flags = &pairing.flags,
            note = &clients.note
        ));
        let peer = probe::await_client(&socket)?;
        kit::cli::status(&kit::tr!(
            TEXT,
            "status-sending",
            this = pairing.this,
            peer = peer.to_string()
        ));
        let wait = Wait {
            expected: messages.len(),
            quiet: opening.deadline.timeout,
        };
        let (side, ended) = recv(&socket, Instant::now(), size, wait)?;
        let mut run = Exchange::datagram_receiver(
            kit::tr!(TEXT, "label-server", size = size),
            &side,
            &messages,
        );
        run.reader = Some(kit::tr!(
            TEXT,
            "reader-server",
            size = size,
            until = wait.describe(ended)
        ));
        run.notes = boundaries::receiver_notes(&run, messages.len());
        run.notes.extend(truncation::notes(&run));
        Ok(run.into())
    }

    fn request(opening: &Opening<'_>, flags: &ClientFlags) -> Result<Run> {
        let messages = flags.messages.or_tutorial();
        let addr = opening.addr;
        let this = opening.pairing.this;
        kit::cli::status(&kit::tr!(
            TEXT,
            "status-looking",
            this = this,
            addr = addr.to_string()
        ));
        let socket = socket::for_sending_to(addr)?;
        socket
            .set_write_timeout(Some(opening.deadline.timeout))
            .map_err(Error::io(kit::tr!(TEXT, "during-deadline")))?;
        let found = probe::find_server(&socket, addr, opening.retry)?;
        kit::cli::status(&kit::tr!(
            TEXT,
            "status-answered",
            this = this,
            from = found.from.to_string(),
            secs = format!("{:.1}", found.after.as_secs_f64()),
            count = messages.len()
        ));
        let side = send(&socket, addr, Instant::now(), &messages)?;
        let mut run = Exchange::sender(kit::tr!(TEXT, "label-client"), &side);
        run.transport = kit::report::Transport::Udp;
        let bytes: usize = messages.iter().map(Vec::len).sum();
        run.verdict = kit::tr!(
            TEXT,
            "verdict-client",
            count = messages.len(),
            bytes = bytes
        );
        run.notes = vec![kit::tr!(TEXT, "note-client")];
        Ok(run.into())
    }

    /// In order: boundaries kept; TCP and UDP side by side; truncation
    /// beside TCP's half packets; the largest datagram; and the price —
    /// datagrams dropped where TCP slows the sender down.
    fn tour() -> Result<Vec<Run>> {
        Ok(vec![
            boundaries::alone()?.into(),
            boundaries::side_by_side()?.into(),
            truncation::side_by_side()?.into(),
            too_big::run()?.into(),
            overflow::side_by_side()?.into(),
        ])
    }
}

/// One in-process UDP run: what is sent, and how it is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scenario {
    /// What the run shows, for its banner.
    pub label: String,
    /// The messages, each sent as one datagram.
    pub messages: Vec<Vec<u8>>,
    /// The buffer the receiver hands to each `recv`.
    pub recv_size: usize,
    /// The receiver stops once no datagram has come for this long.
    pub quiet: Duration,
}

/// The sending side: one datagram per message, each to `to`.
pub fn send(
    socket: &UdpSocket,
    to: SocketAddr,
    epoch: Instant,
    messages: &[Vec<u8>],
) -> Result<Side> {
    let mut journal = Journal::new(epoch);
    traffic::send_each(socket, to, &mut journal, messages)?;
    Ok(Side {
        journal,
        knobs: socket::applied(socket),
        segments_out: None,
    })
}

/// The receiving side: one `recv(size)` per datagram until `wait` says stop.
pub fn recv(socket: &UdpSocket, epoch: Instant, size: usize, wait: Wait) -> Result<(Side, Ended)> {
    let mut journal = Journal::new(epoch);
    let ended = traffic::recv_each(socket, &mut journal, size, wait)?;
    let side = Side {
        journal,
        knobs: socket::applied(socket),
        segments_out: None,
    };
    Ok((side, ended))
}

/// Runs both sides in this process over 127.0.0.1. The receiver is late:
/// it calls `recv` only after every datagram has been sent. A send the
/// kernel refuses is left out of the journal and named in the run's notes.
pub fn run(scenario: &Scenario) -> Result<Exchange> {
    let (mut run, refused) = run_with_refusals(scenario)?;
    run.notes
        .extend(refusal_notes(&refused, scenario.messages.len()));
    Ok(run)
}

/// [`run`], with the refused sends handed back instead of noted.
pub fn run_with_refusals(scenario: &Scenario) -> Result<(Exchange, Vec<Refused>)> {
    let (sender, receiver, to) = socket::loopback_pair()?;
    let epoch = Instant::now();
    let mut journal = Journal::new(epoch);
    let refused = traffic::try_send_each(&sender, to, &mut journal, &scenario.messages);
    let sent = Side {
        journal,
        knobs: socket::applied(&sender),
        segments_out: None,
    };
    let wait = Wait {
        expected: sent.journal.sends().len(),
        quiet: scenario.quiet,
    };
    let (received, ended) = recv(&receiver, epoch, scenario.recv_size, wait)?;
    let mut run = Exchange::datagrams(&scenario.label, &sent, &received);
    run.reader = Some(kit::tr!(
        TEXT,
        "reader-late",
        size = scenario.recv_size,
        until = wait.describe(ended)
    ));
    Ok((run, refused))
}

/// The notes naming refused sends: nothing when every send went out.
#[must_use]
pub fn refusal_notes(refused: &[Refused], of: usize) -> Vec<String> {
    match refused {
        [] => Vec::new(),
        [one] => vec![kit::tr!(
            TEXT,
            "refused-one",
            index = one.index,
            len = one.len,
            why = datagram::os_says(&one.error)
        )],
        [first, ..] => vec![kit::tr!(
            TEXT,
            "refused-many",
            refused = refused.len(),
            of = of,
            index = first.index,
            why = datagram::os_says(&first.error)
        )],
    }
}
