//! # Nagle's algorithm — a latency problem, not a framing fix
//!
//! The tutorial says the sender's Nagle algorithm causes sticky packets, and
//! many answers online say "turn on `TCP_NODELAY`" to cure them. This demo
//! measures what Nagle really does, in three parts:
//!
//! 1. [`stall`]: the cost — a request written as header + body waits 40 ms
//!    for every reply, because Nagle and delayed ACK wait for each other;
//!    five ways to end the wait, timed side by side.
//! 2. [`burst`]: the one case where Nagle glues writes — nine one-byte
//!    writes to a receiver that delays its ACKs leave as two segments.
//! 3. [`minshall`]: what Linux's Nagle really waits for — a small write
//!    leaves at once behind a full segment, and waits only behind a small one.
//! 4. [`late_reader`]: the lesson — with `TCP_NODELAY` on, ten sends leave as
//!    ten segments and a late reader *still* gets them in one recv. Gluing
//!    happens in the receive buffer; `TCP_NODELAY` cannot prevent it.

pub mod args;
pub mod burst;
pub mod minshall;
pub mod stall;

/// The lesson's own sentences in every language (`locales/en.ftl`,
/// `locales/zh.ftl`): labels, notes, verdicts, usage errors and `--help`.
pub(crate) static TEXT: kit::catalogue::Catalogue = kit::catalogue::Catalogue::new(
    include_str!("../locales/en.ftl"),
    include_str!("../locales/zh.ftl"),
);

use args::{Choice, VariantArgs};
use kit::error::Result;
use kit::knobs::Knobs;
use kit::lesson::{Lesson, Opening, Program};
use kit::report::{Exchange, Run, Timing};
use kit::verdict::Code;
use stall::Variant;

/// The lesson: Nagle's stall, the one case it glues, and why `TCP_NODELAY`
/// is no framing fix.
#[derive(Debug, Clone, Copy)]
pub struct Nagle;

impl Lesson for Nagle {
    const NAME: &'static str = "nagle";
    const TITLE: &'static str = "Nagle 算法 Nagle's algorithm";
    const ABOUT: &'static str = "Nagle's algorithm: the delayed-ACK stall (40 ms on Linux, about \
                                 200 ms on Windows), the one case it glues, and why TCP_NODELAY is \
                                 no framing fix.";
    const SERVER: Program = Program {
        name: "nagle-server",
        about: "Answers nagle-client: a 2-byte reply to every request (the stall variants), or \
                the three warm-ups and then a prompt read of the burst. Give it the same \
                --variant as the client.",
        after_help: "Over a real network the round trips are longer, and the delayed ACK comes \
                     on top: 40 ms on Linux, about 200 ms on Windows, 100 to 200 ms on macOS.",
    };
    const CLIENT: Program = Program {
        name: "nagle-client",
        about: "Connects to nagle-server and, depending on --variant, times request round trips \
                (header and body as two writes: each waits for the peer's delayed ACK with Nagle on, ~40 ms on \
                Linux and ~200 ms on Windows) or sends nine \
                one-byte writes after three warm-ups.",
        after_help: "",
    };
    const TEXT: Option<&'static kit::catalogue::Catalogue> = Some(&crate::TEXT);

    type ServerFlags = VariantArgs;
    type ClientFlags = VariantArgs;

    fn server_flags(flags: &VariantArgs) -> String {
        flags.flags()
    }

    fn client_flags(flags: &VariantArgs) -> String {
        flags.flags()
    }

    fn serve(opening: &Opening<'_>, flags: &VariantArgs) -> Result<Run> {
        flags.check()?;
        let choice = flags.variant;
        let end = opening.accept(&Knobs::default())?;
        let run = if let Some(variant) = choice.stall() {
            let (side, answered) = stall::server(end, variant)?;
            // The server times nothing: it answers, and the client's
            // screen has the round trips.
            let mut run = Exchange::receiver(variant.label(), &side, &[] as &[&[u8]]);
            run.sticky = None;
            run.half = None;
            run.judged(
                kit::tr!(TEXT, "verdict-answered", n = answered),
                Code::Measured,
            );
            run
        } else if choice == Choice::Minshall {
            let mss = minshall::expected_mss(&end.stream);
            let side = minshall::recv(end)?;
            minshall::received(&side, mss)
        } else {
            let side = burst::recv(end)?;
            let mut run =
                Exchange::receiver(burst::label(choice.nodelay()), &side, &burst::messages());
            run.notes = burst::notes(&run);
            run
        };
        Ok(run.into())
    }

    fn request(opening: &Opening<'_>, flags: &VariantArgs) -> Result<Run> {
        flags.check()?;
        let choice = flags.variant;
        let knobs = match choice.stall() {
            Some(variant) => variant.client_knobs(),
            None if choice == Choice::Minshall => minshall::knobs(),
            None => burst::knobs(choice.nodelay()),
        };
        let end = opening.connect(&knobs)?;
        Ok(match choice.stall() {
            Some(variant) => {
                let (side, samples) = stall::client(end, variant, flags.round_trips)?;
                let rows = vec![stall::client_row(variant, &side, &samples)?];
                Timing {
                    label: stall::label(),
                    notes: stall::notes(&rows),
                    rows,
                }
                .into()
            }
            None if choice == Choice::Minshall => {
                let (_, seen) = minshall::send(end)?;
                minshall::table(seen.as_deref()).into()
            }
            None => Exchange::sender(burst::label(choice.nodelay()), &burst::send(end)?).into(),
        })
    }

    /// The stall table, the burst with and without `TCP_NODELAY`, what
    /// Linux's Nagle waits for (where `TCP_INFO` shows it), and the late
    /// reader.
    fn tour() -> Result<Vec<Run>> {
        let mut runs = vec![
            stall_table(stall::ROUND_TRIPS)?.into(),
            burst::run(false)?.into(),
            burst::run(true)?.into(),
        ];
        if minshall::available() {
            runs.push(minshall::run()?.into());
        }
        runs.push(late_reader()?.into());
        Ok(runs)
    }
}

/// The ten messages of the late-reader run: the tutorial's sentence, one
/// character per send.
#[must_use]
pub fn one_character_each() -> Vec<Vec<u8>> {
    "下雨天留客天留人不留"
        .chars()
        .map(|c| c.to_string().into_bytes())
        .collect()
}

/// Part 3: ten sends with `TCP_NODELAY` on, read late — one recv.
pub fn late_reader() -> Result<Exchange> {
    let scenario = sticky::Scenario {
        messages: one_character_each(),
        nodelay: true,
        reader: sticky::Reader::Late,
        recv_size: kit::stream::RECV_BUFFER,
    };
    let mut run = sticky::run(&scenario)?;
    run.label = kit::tr!(TEXT, "label-late-reader");
    run.notes.push(kit::tr!(TEXT, "note-latency-not-framing"));
    Ok(run)
}

/// Every stall variant this platform has, one row each, with the notes
/// that explain the table (and a line for any variant the platform lacks).
pub fn stall_table(round_trips: usize) -> Result<Timing> {
    let mut rows = Vec::new();
    let mut missing = Vec::new();
    for variant in Variant::ALL {
        if variant.available() {
            rows.push(stall::run(variant, round_trips)?);
        } else {
            missing.push(variant.label());
        }
    }
    let mut notes = stall::notes(&rows);
    if !missing.is_empty() {
        let variants = missing.join(&kit::tr!(TEXT, "list-separator"));
        notes.push(kit::tr!(TEXT, "note-not-on-platform", variants = variants));
    }
    Ok(Timing {
        label: stall::label(),
        rows,
        notes,
    })
}
