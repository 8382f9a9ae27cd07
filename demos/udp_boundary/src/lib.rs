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

#![warn(missing_docs)]

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

use kit::error::Result;
use kit::journal::Journal;
use kit::report::{Report, Run, Side};
use std::net::{SocketAddr, UdpSocket};
use std::time::{Duration, Instant};
use traffic::{Ended, Refused, Wait};

/// The demo's short name.
pub const NAME: &str = "udp";
/// The banner title.
pub const TITLE: &str = "UDP 数据报 datagrams";

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
pub fn run(scenario: &Scenario) -> Result<Run> {
    let (mut run, refused) = run_with_refusals(scenario)?;
    run.notes
        .extend(refusal_notes(&refused, scenario.messages.len()));
    Ok(run)
}

/// [`run`], with the refused sends handed back instead of noted.
pub fn run_with_refusals(scenario: &Scenario) -> Result<(Run, Vec<Refused>)> {
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
    let mut run = Run::datagrams(&scenario.label, &sent, &received);
    run.reader = Some(format!(
        "late: read once the sender was done; recv({}) per datagram {}",
        scenario.recv_size,
        wait.describe(ended)
    ));
    Ok((run, refused))
}

/// The notes naming refused sends: nothing when every send went out.
pub fn refusal_notes(refused: &[Refused], of: usize) -> Vec<String> {
    match refused {
        [] => Vec::new(),
        [one] => vec![format!(
            "the sender's own kernel refused send #{} ({} B): {} — that datagram never left",
            one.index,
            one.len,
            datagram::os_says(&one.error)
        )],
        [first, ..] => vec![format!(
            "the sender's own kernel refused {} of the {of} sends (the first, #{}: {}) — those \
             datagrams never left",
            refused.len(),
            first.index,
            datagram::os_says(&first.error)
        )],
    }
}

/// The lesson, in order: boundaries kept; TCP and UDP side by side;
/// truncation beside TCP's half packets; the largest datagram; and the
/// price — datagrams dropped where TCP slows the sender down.
pub fn tour() -> Result<Report> {
    let mut runs = vec![boundaries::alone()?];
    runs.extend(boundaries::side_by_side()?);
    runs.extend(truncation::side_by_side()?);
    runs.push(too_big::run()?);
    runs.extend(overflow::side_by_side()?);
    Ok(report(runs))
}

/// A report of this demo holding `runs`.
pub fn report(runs: Vec<Run>) -> Report {
    Report {
        demo: NAME.into(),
        title: TITLE.into(),
        runs,
    }
}
