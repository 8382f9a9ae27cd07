//! # 半包 — half packets
//!
//! One message, several `recv`s. TCP never promised that a `recv` returns a
//! whole message; it returns what is queued, up to the buffer it is given.
//! Three ways to see it, each made to happen every time:
//!
//! ```text
//!  1. recv buffer smaller    send(30 B)  →  [queue: 30 B]  →  recv(16) 16 B, recv(16) 14 B
//!     than the message
//!
//!  2. receive queue smaller  send(256 KiB) → [queue ≤ SO_RCVBUF] → recv ≤ 8 KiB, … 60+ times
//!     than the message       (the sender is held back by the window the queue can offer)
//!
//!  3. the message arrives    2 B … 5 B … 13 B … 10 B  →  recv 2, recv 5, recv 13, recv 10
//!     in pieces              (a slow or segmented network: each recv gets what has come)
//! ```
//!
//! Case 1 is the tutorial's client, `client.recv(1024)`, meeting a message
//! longer than 1024 bytes. Case 2 is a big file over a real network. Case 3
//! is what every prompt reader meets sooner or later. In all three not a
//! byte is lost; the receiver just has to know where the message ends.

pub mod args;

/// The lesson's sentences in every language (`locales/en.ftl`,
/// `locales/zh.ftl`): labels, notes, the receiver's description, --help.
pub(crate) static TEXT: kit::catalogue::Catalogue = kit::catalogue::Catalogue::new(
    include_str!("../locales/en.ftl"),
    include_str!("../locales/zh.ftl"),
);

use args::VariantArgs;
use kit::error::{Error, Result};
use kit::knobs::Knobs;
use kit::lesson::{Lesson, Opening, Program};
use kit::loopback::{self, End};
use kit::queue::{self, Patience, Queued};
use kit::report::{Exchange, Run, Side};
use kit::stream;
use std::io::{Read, Write};
use std::time::Duration;

/// The lesson: one send, several recvs.
#[derive(Debug, Clone, Copy)]
pub struct Half;

impl Lesson for Half {
    const NAME: &'static str = "half";
    const TITLE: &'static str = "半包 half packets";
    const ABOUT: &'static str = "半包: one send, several recvs.";
    const SERVER: Program = Program {
        name: "half-server",
        about: "Receives one message and shows every recv it took: the message comes out in \
                pieces (半包). Pick a variant with --recv-size, --rcvbuf or --staged, and give \
                half-client the same flag.",
        after_help: "",
    };
    const CLIENT: Program = Program {
        name: "half-client",
        about: "Connects to half-server and sends one message. Watch the server's screen: it \
                needs several recvs for it (半包). Use the same variant flag (--recv-size, \
                --rcvbuf or --staged) as the server.",
        after_help: "",
    };

    const TEXT: Option<&'static kit::catalogue::Catalogue> = Some(&TEXT);

    type ServerFlags = VariantArgs;
    type ClientFlags = VariantArgs;

    fn server_flags(flags: &VariantArgs) -> String {
        flags.flags()
    }

    fn client_flags(flags: &VariantArgs) -> String {
        flags.flags()
    }

    fn serve(opening: &Opening<'_>, flags: &VariantArgs) -> Result<Run> {
        let scenario = flags.scenario()?;
        let end = opening.accept(&scenario.receiver_knobs())?;
        let patience = Patience::across_computers(end.timeout);
        let (side, how) = recv(end, &scenario, patience)?;
        let mut run = Exchange::receiver(scenario.label(), &side, &[&scenario.message]);
        run.reader = Some(how);
        run.notes = notes(&run, &scenario);
        Ok(run.into())
    }

    fn request(opening: &Opening<'_>, flags: &VariantArgs) -> Result<Run> {
        let scenario = flags.scenario()?;
        let end = opening.connect(&scenario.sender_knobs())?;
        let side = send(end, &scenario)?;
        Ok(Exchange::sender(scenario.label(), &side).into())
    }

    /// The three variants with their defaults.
    fn tour() -> Result<Vec<Run>> {
        [
            Scenario::small_recv(RECV_SIZE),
            Scenario::small_queue(RCVBUF, BIG),
            Scenario::staged(SENTENCE.into(), &PIECES)?,
        ]
        .iter()
        .map(|scenario| run(scenario).map(Run::from))
        .collect()
    }
}
/// The tutorial's sentence, sent as one message.
pub const SENTENCE: &str = "下雨天留客天留人不留";
/// The recv buffer of the first variant: 16 bytes end inside 天.
pub const RECV_SIZE: usize = 16;
/// `SO_RCVBUF` asked for in the second variant (Linux applies twice this).
pub const RCVBUF: usize = 4096;
/// The message of the second variant.
pub const BIG: usize = 256 * 1024;
/// The pieces of the third variant; the rest of the message is a last piece.
pub const PIECES: [usize; 3] = [2, 5, 13];

/// How the message gets split.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Variant {
    /// The receiver's buffer is smaller than the message: a late reader
    /// calls `recv(recv_size)` until everything is read.
    SmallRecv {
        /// Bytes asked of each `recv`.
        recv_size: usize,
    },
    /// The listener's `SO_RCVBUF` is smaller than the message: the kernel can
    /// never queue the whole message, so no recv can return it whole.
    SmallQueue {
        /// `SO_RCVBUF` asked for on the listener.
        rcvbuf: usize,
    },
    /// The sender writes the message in pieces, each only after the
    /// receiver has read the previous one.
    Staged {
        /// The size of every piece, summing to the message's length.
        pieces: Vec<usize>,
    },
}

/// One half-packet run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scenario {
    /// How the message gets split.
    pub variant: Variant,
    /// The one message sent.
    pub message: Vec<u8>,
}

impl Scenario {
    /// The tutorial's sentence read with a 16-byte recv buffer.
    #[must_use]
    pub fn small_recv(recv_size: usize) -> Scenario {
        Scenario {
            variant: Variant::SmallRecv { recv_size },
            message: SENTENCE.into(),
        }
    }

    /// A 256 KiB message into a listener whose `SO_RCVBUF` is `rcvbuf`.
    #[must_use]
    pub fn small_queue(rcvbuf: usize, size: usize) -> Scenario {
        Scenario {
            variant: Variant::SmallQueue { rcvbuf },
            message: big_message(size),
        }
    }

    /// The tutorial's sentence written in `pieces` (the rest as one more).
    pub fn staged(message: Vec<u8>, pieces: &[usize]) -> Result<Scenario> {
        Ok(Scenario {
            variant: Variant::Staged {
                pieces: complete_pieces(pieces, message.len())?,
            },
            message,
        })
    }

    /// What the run shows, for its banner.
    pub fn label(&self) -> String {
        let len = self.message.len();
        match &self.variant {
            Variant::SmallRecv { recv_size } => {
                kit::tr!(TEXT, "label-small-recv", recv_size = *recv_size, len = len)
            }
            Variant::SmallQueue { rcvbuf } => kit::tr!(
                TEXT,
                "label-small-queue",
                rcvbuf = *rcvbuf,
                size = size(len)
            ),
            Variant::Staged { pieces } => kit::tr!(
                TEXT,
                "label-staged",
                pieces = pieces
                    .iter()
                    .map(usize::to_string)
                    .collect::<Vec<_>>()
                    .join(" + ")
            ),
        }
    }

    /// Knobs for the listening (receiving) side, set before `listen`.
    #[must_use]
    pub fn receiver_knobs(&self) -> Knobs {
        match self.variant {
            Variant::SmallQueue { rcvbuf } => Knobs {
                recv_buffer: Some(rcvbuf),
                ..Knobs::default()
            },
            _ => Knobs::default(),
        }
    }

    /// Knobs for the sending side: a staged sender sends each piece at once.
    #[must_use]
    pub fn sender_knobs(&self) -> Knobs {
        match self.variant {
            Variant::Staged { .. } => Knobs {
                nodelay: Some(true),
                ..Knobs::default()
            },
            _ => Knobs::default(),
        }
    }
}

/// The tutorial's `big_data`, "重要信息" repeated, to `size` bytes (padded
/// with dots so that no character is cut by the length itself).
#[must_use]
pub fn big_message(size: usize) -> Vec<u8> {
    let phrase = "重要信息".as_bytes();
    let mut message = phrase.repeat(size / phrase.len());
    message.resize(size, b'.');
    message
}

/// Checks `pieces` against a message of `len` bytes and adds the rest as a
/// last piece.
pub fn complete_pieces(pieces: &[usize], len: usize) -> Result<Vec<usize>> {
    if pieces.contains(&0) {
        return Err(Error::Usage(kit::tr!(TEXT, "error-zero-piece")));
    }
    let sum: usize = pieces.iter().sum();
    if sum > len {
        return Err(Error::Usage(kit::tr!(
            TEXT,
            "error-pieces-too-long",
            sum = sum,
            len = len
        )));
    }
    let mut pieces = pieces.to_vec();
    if sum < len {
        pieces.push(len - sum);
    }
    Ok(pieces)
}

/// The sending side: one message, in one write or in pieces, then FIN.
pub fn send(end: End, scenario: &Scenario) -> Result<Side> {
    let (mut conn, knobs) = end.journaled();
    match &scenario.variant {
        Variant::Staged { pieces } => {
            // The go-ahead bytes are the bench's, not the lesson's: the
            // wait reads them from the bare stream, outside the journal.
            let mut stalled = None;
            let sent = conn.send_in_pieces(&scenario.message, pieces, |stream, piece| {
                wait_until_read(stream, piece).map_err(|error| {
                    stalled = Some(error);
                    std::io::ErrorKind::Interrupted.into()
                })
            });
            if let Some(error) = stalled {
                return Err(error);
            }
            sent.map_err(Error::io(kit::tr!(TEXT, "during-sending-pieces")))?;
        }
        _ => stream::send_each(&mut conn, &[&scenario.message])?,
    }
    let segments_out = stream::finish_sending(&mut conn)?;
    Ok(Side {
        journal: conn.into_parts().1,
        knobs,
        segments_out,
    })
}

/// A staged sender's pause: the receiver answers every recv with one byte
/// on the other direction of the connection, so the next piece is written
/// only after this one was read. (The answers never mix with the message:
/// each direction of a TCP connection is its own byte stream.) The wait is
/// bounded by the connection's read deadline.
fn wait_until_read(stream: &mut std::net::TcpStream, piece: usize) -> Result<()> {
    let during = kit::tr!(TEXT, "during-piece-read", piece = piece);
    let mut answer = [0u8; 1];
    match stream.read(&mut answer) {
        Ok(1) => Ok(()),
        Ok(_) => Err(Error::PeerClosed { during }),
        Err(e) => Err(Error::io(during)(e)),
    }
}

/// The receiving side of each variant. Returns the journal and a sentence
/// saying how it read.
pub fn recv(end: End, scenario: &Scenario, patience: Patience) -> Result<(Side, String)> {
    let (mut conn, knobs) = end.journaled();
    let limit = scenario.message.len() + stream::SLACK;
    let how = match &scenario.variant {
        Variant::SmallRecv { recv_size } => {
            let expected = scenario.message.len();
            let queued = match queue::wait_until_queued(conn.get_ref(), expected, patience)? {
                Queued::All(n) | Queued::Some(n) => n,
                Queued::Closed => 0,
            };
            stream::recv_until_closed(&mut conn, *recv_size, limit, |_| Ok(()))?;
            kit::tr!(TEXT, "reader-late", queued = queued, recv_size = *recv_size)
        }
        Variant::SmallQueue { .. } => {
            // A buffer as big as the whole message: whatever splits it, it
            // is not the buffer we pass to recv.
            let size = scenario.message.len().max(stream::RECV_BUFFER);
            stream::recv_until_closed(&mut conn, size, limit, |_| Ok(()))?;
            kit::tr!(TEXT, "reader-prompt", size = size)
        }
        Variant::Staged { .. } => {
            // Each go-ahead byte is bench equipment, written to the bare
            // stream: the journal shows only the lesson's recvs.
            stream::recv_until_closed(&mut conn, stream::RECV_BUFFER, limit, |s| {
                s.write_all(b"k")
                    .map_err(Error::io(kit::tr!(TEXT, "during-answering")))
            })?;
            kit::tr!(TEXT, "reader-prompt-answering", size = stream::RECV_BUFFER)
        }
    };
    let journal = conn.into_parts().1;
    if journal.recv_count() == 0 {
        return Err(Error::PeerClosed {
            during: kit::tr!(TEXT, "during-first-byte"),
        });
    }
    let side = Side {
        journal,
        knobs,
        segments_out: None,
    };
    Ok((side, how))
}

/// Runs both sides in this process over loopback.
pub fn run(scenario: &Scenario) -> Result<Exchange> {
    let receiving = scenario.clone();
    let patience = Patience::exact(Duration::from_secs(10));
    let (sender, (receiver, how)) = loopback::pair(
        &scenario.receiver_knobs(),
        &scenario.sender_knobs(),
        move |end| recv(end, &receiving, patience),
        |end| send(end, scenario),
    )?;
    let mut run = Exchange::both(scenario.label(), &sender, &receiver);
    run.reader = Some(how);
    run.notes = notes(&run, scenario);
    Ok(run)
}

/// Why the run came out as it did (nothing, when the peer did something
/// other than the lesson expects).
#[must_use]
pub fn notes(run: &Exchange, scenario: &Scenario) -> Vec<String> {
    if run.code.is_mismatch() {
        // The peer did something else: the verdict says what, and the
        // lesson's explanations would describe a run that did not happen.
        return Vec::new();
    }
    let largest = run.recvs.iter().map(|r| r.len).max().unwrap_or(0);
    let mut notes = Vec::new();
    match &scenario.variant {
        Variant::SmallRecv { recv_size } => {
            notes.push(kit::tr!(TEXT, "note-small-recv", recv_size = *recv_size))
        }
        Variant::SmallQueue { rcvbuf } => {
            if let Some(applied) = run.knobs.recv_buffer {
                notes.push(kit::tr!(
                    TEXT,
                    "note-small-queue-applied",
                    rcvbuf = *rcvbuf,
                    applied = applied,
                    largest = largest
                ));
            }
            notes.push(kit::tr!(TEXT, "note-small-queue-window"));
        }
        Variant::Staged { .. } => notes.push(kit::tr!(TEXT, "note-staged")),
    }
    if run.recvs.iter().any(|r| kit::utf8::read(&r.bytes).is_cut()) {
        notes.push(kit::tr!(TEXT, "note-cut-character"));
    }
    notes
}

/// "30 B", "256 KiB".
fn size(bytes: usize) -> String {
    if bytes >= 1024 && bytes % 1024 == 0 {
        format!("{} KiB", bytes / 1024)
    } else {
        format!("{bytes} B")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_whole_but_split(run: &Exchange, scenario: &Scenario) {
        assert!(
            run.recvs.len() > 1,
            "{}: {} recvs",
            run.label,
            run.recvs.len()
        );
        assert_eq!(
            run.received_stream(),
            scenario.message,
            "{}: identical bytes",
            run.label
        );
        assert_eq!(run.half, Some(true));
        assert_eq!(run.sticky, Some(false));
    }

    #[test]
    fn a_small_recv_buffer_splits_the_sentence_and_cuts_a_character() {
        let scenario = Scenario::small_recv(4);
        let run = run(&scenario).unwrap();
        assert_whole_but_split(&run, &scenario);
        let sizes: Vec<usize> = run.recvs.iter().map(|r| r.len).collect();
        assert_eq!(sizes, [4, 4, 4, 4, 4, 4, 4, 2]);
        assert!(run.recvs.iter().any(|r| kit::utf8::read(&r.bytes).is_cut()));
        assert_eq!(
            run.verdict,
            "1 message sent, 8 recvs needed: each returned only part of it"
        );
    }

    #[test]
    fn a_small_receive_queue_never_returns_more_than_it_can_hold() {
        let scenario = Scenario::small_queue(RCVBUF, BIG);
        let run = run(&scenario).unwrap();
        assert_whole_but_split(&run, &scenario);
        let applied = run.knobs.recv_buffer.expect("SO_RCVBUF read back");
        for recv in &run.recvs {
            assert!(
                recv.len <= applied,
                "recv #{} of {} B > SO_RCVBUF {applied}",
                recv.index,
                recv.len
            );
        }
    }

    #[test]
    fn staged_pieces_are_read_exactly_as_written() {
        let scenario = Scenario::staged(SENTENCE.into(), &PIECES).unwrap();
        let run = run(&scenario).unwrap();
        assert_whole_but_split(&run, &scenario);
        let sizes: Vec<usize> = run.recvs.iter().map(|r| r.len).collect();
        assert_eq!(sizes, [2, 5, 13, 10]);
        assert_eq!(run.sends[0].pieces.as_deref(), Some(&[2, 5, 13, 10][..]));
    }

    #[test]
    fn the_default_split_cuts_tian_in_two() {
        let run = run(&Scenario::small_recv(RECV_SIZE)).unwrap();
        let sizes: Vec<usize> = run.recvs.iter().map(|r| r.len).collect();
        assert_eq!(sizes, [16, 14]);
        assert_eq!(kit::utf8::read(&run.recvs[0].bytes).tail, [0xe5]);
    }

    #[test]
    fn pieces_are_checked_against_the_message() {
        assert_eq!(complete_pieces(&[2, 5], 10).unwrap(), [2, 5, 3]);
        assert_eq!(complete_pieces(&[4, 6], 10).unwrap(), [4, 6]);
        assert!(complete_pieces(&[8, 8], 10).is_err());
        assert!(complete_pieces(&[0, 1], 10).is_err());
    }

    #[test]
    fn the_big_message_is_whole_characters_of_the_right_size() {
        let message = big_message(BIG);
        assert_eq!(message.len(), BIG);
        assert!(std::str::from_utf8(&message).is_ok());
    }
}
