//! # Nagle's algorithm — a latency problem, not a framing fix
//!
//! The tutorial says the sender's Nagle algorithm causes sticky packets, and
//! many answers online say "turn on TCP_NODELAY" to cure them. This demo
//! measures what Nagle really does, in three parts:
//!
//! 1. [`stall`]: the cost — a request written as header + body waits 40 ms
//!    for every reply, because Nagle and delayed ACK wait for each other;
//!    five ways to end the wait, timed side by side.
//! 2. [`burst`]: the one case where Nagle glues writes — nine one-byte
//!    writes to a receiver that delays its ACKs leave as two segments.
//! 3. [`late_reader`]: the lesson — with TCP_NODELAY on, ten sends leave as
//!    ten segments and a late reader *still* gets them in one recv. Gluing
//!    happens in the receive buffer; TCP_NODELAY cannot prevent it.

pub mod args;
pub mod burst;
pub mod stall;

use kit::report::{Report, Run};
use stall::Variant;

/// The demo's short name.
pub const NAME: &str = "nagle";
/// The banner title.
pub const TITLE: &str = "Nagle 算法 Nagle's algorithm";

/// The ten messages of the late-reader run: the tutorial's sentence, one
/// character per send.
pub fn one_character_each() -> Vec<Vec<u8>> {
    "下雨天留客天留人不留"
        .chars()
        .map(|c| c.to_string().into_bytes())
        .collect()
}

/// Part 3: ten sends with TCP_NODELAY on, read late — one recv.
pub fn late_reader() -> kit::Result<Run> {
    let scenario = sticky::Scenario {
        messages: one_character_each(),
        nodelay: true,
        reader: sticky::Reader::Late,
        recv_size: kit::stream::RECV_BUFFER,
    };
    let mut run = sticky::run(&scenario)?;
    run.label = "late reader, TCP_NODELAY on, one character per send".into();
    run.notes.push(
        "so TCP_NODELAY is a latency fix, not a framing fix: \"turn off Nagle\" is a wrong answer \
         to sticky packets; the receiver needs to know where each message ends"
            .into(),
    );
    Ok(run)
}

/// The lesson: the stall table, the burst with and without TCP_NODELAY, and
/// the late reader.
pub fn tour() -> kit::Result<Report> {
    let mut runs = stall_table(stall::ROUND_TRIPS)?;
    runs.push(burst::run(false)?);
    runs.push(burst::run(true)?);
    runs.push(late_reader()?);
    Ok(report(runs))
}

/// Every stall variant this platform has, one run each; the first carries
/// the explanation (and a line for any variant the platform lacks).
pub fn stall_table(round_trips: usize) -> kit::Result<Vec<Run>> {
    let mut runs = Vec::new();
    let mut missing = Vec::new();
    for variant in Variant::ALL {
        if variant.available() {
            runs.push(stall::run(variant, round_trips)?);
        } else {
            missing.push(variant.label());
        }
    }
    if let Some(first) = runs.first_mut() {
        first.notes = stall::mechanism();
        if !missing.is_empty() {
            first.notes.push(format!(
                "not on this platform (TCP_QUICKACK and TCP_CORK exist only on Linux): {}",
                missing.join(", ")
            ));
        }
    }
    Ok(runs)
}

/// A report of this demo holding `runs`.
pub fn report(runs: Vec<Run>) -> Report {
    Report {
        demo: NAME.into(),
        title: TITLE.into(),
        runs,
    }
}
