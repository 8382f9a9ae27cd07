//! # 粘包 — sticky packets
//!
//! The tutorial's example: A sends B two messages, "下雨天留客天留人" and
//! "不留". B reads "下雨天留客天留人不留" in one go — and, without the
//! boundary, reads the opposite meaning.
//!
//! The sender writes each message with its own `send`. The kernel appends
//! every arriving segment to the receiver's one receive queue, and a `recv`
//! returns whatever is queued (up to the buffer it was given). A receiver
//! that calls `recv` late — after both messages have arrived — therefore
//! gets both in one chunk, every time:
//!
//! ```text
//!   sender     send("下雨天留客天留人")  send("不留")
//!                      │                    │
//!   wire           [segment 24 B]      [segment 6 B]     two segments…
//!                      ▼                    ▼
//!   receive queue  [下雨天留客天留人不留]                   …one queue
//!                      │
//!   receiver       recv(65536) → 30 B                    one chunk
//! ```
//!
//! This is the second of the tutorial's two causes (the receiver does not
//! take the data in time). Its first cause, Nagle's algorithm merging small
//! writes, is not needed: with `TCP_NODELAY` each send leaves as its own
//! segment, and the late reader still gets them glued.
//!
//! A *prompt* receiver, calling `recv` as soon as anything arrives, may get
//! one chunk or several: that depends on timing, and is shown, never relied on.

pub mod args;

/// The lesson's sentences in every language (`locales/en.ftl`,
/// `locales/zh.ftl`): labels, notes, the receiver's description, --help.
pub(crate) static TEXT: kit::catalogue::Catalogue = kit::catalogue::Catalogue::new(
    include_str!("../locales/en.ftl"),
    include_str!("../locales/zh.ftl"),
);

use args::{ClientFlags, ServerFlags, Switch};
use kit::error::{Error, Result};
use kit::knobs::Knobs;
use kit::lesson::{Lesson, Opening, Program};
use kit::loopback::{self, End};
use kit::queue::{self, Patience, Queued};
use kit::report::{Exchange, Run, Side};
use kit::stream;
use std::time::Duration;

/// The lesson: two sends, one recv.
#[derive(Debug, Clone, Copy)]
pub struct Sticky;

impl Lesson for Sticky {
    const NAME: &'static str = "sticky";
    const TITLE: &'static str = "粘包 sticky packets";
    const ABOUT: &'static str = "粘包: two sends, one recv.";
    const SERVER: Program = Program {
        name: "sticky-server",
        about: "Receives the client's messages and shows what each recv returned: the messages \
                come out glued together (粘包).\n\n\
                By default the server is a *late reader*: it waits until the client's bytes are \
                all queued in its kernel, then calls recv. Give it the same --message list as the \
                client, so it can show which message every byte came from.",
        after_help: "",
    };
    const CLIENT: Program = Program {
        name: "sticky-client",
        about: "Connects to sticky-server and sends each message with its own send call. Watch \
                the server's screen: they arrive glued together (粘包).",
        after_help: "",
    };

    const TEXT: Option<&'static kit::catalogue::Catalogue> = Some(&TEXT);

    type ServerFlags = ServerFlags;
    type ClientFlags = ClientFlags;

    fn server_flags(flags: &ServerFlags) -> String {
        message_flags(&flags.messages)
    }

    fn client_flags(flags: &ClientFlags) -> String {
        message_flags(&flags.messages)
    }

    fn serve(opening: &Opening<'_>, flags: &ServerFlags) -> Result<Run> {
        let messages = args::or_tutorial(&flags.messages);
        let reader = if flags.prompt {
            Reader::Prompt
        } else {
            Reader::Late
        };
        let end = opening.accept(&Knobs::default())?;
        let expected = messages.iter().map(Vec::len).sum();
        // Across two computers the client may send other messages than we
        // expect: stop waiting once it has been quiet for a second.
        let patience = Patience::across_computers(end.timeout);
        let (side, how) = recv(end, reader, stream::RECV_BUFFER, expected, patience)?;
        let mut run = Exchange::receiver(reader_label(reader), &side, &messages);
        run.reader = Some(how);
        run.notes = notes(&run, reader);
        Ok(run.into())
    }

    fn request(opening: &Opening<'_>, flags: &ClientFlags) -> Result<Run> {
        let scenario = Scenario {
            messages: args::or_tutorial(&flags.messages),
            nodelay: flags.nodelay == Switch::On,
            reader: Reader::Late,
            recv_size: stream::RECV_BUFFER,
        };
        let end = opening.connect(&scenario.sender_knobs())?;
        let side = send(end, &scenario.messages)?;
        Ok(Exchange::sender(nodelay_label(scenario.nodelay), &side).into())
    }

    /// Three runs: late reader with and without `TCP_NODELAY` (glued both
    /// times), then a prompt reader (it depends on timing).
    fn tour() -> Result<Vec<Run>> {
        [
            Scenario::tutorial(false, Reader::Late),
            Scenario::tutorial(true, Reader::Late),
            Scenario::tutorial(false, Reader::Prompt),
        ]
        .iter()
        .map(|scenario| run(scenario).map(Run::from))
        .collect()
    }
}

/// The tutorial's two messages: glued, they read as one sentence that means
/// the opposite ("the rain keeps the guest — keep him? no: don't keep").
#[must_use]
pub fn tutorial_messages() -> Vec<Vec<u8>> {
    vec!["下雨天留客天留人".into(), "不留".into()]
}

/// The `--message` flags that give the other side the same `messages`
/// (none for the tutorial's, the default).
#[must_use]
pub fn message_flags(messages: &[Vec<u8>]) -> String {
    messages
        .iter()
        .map(|m| kit::cli::flag("message", &String::from_utf8_lossy(m)))
        .collect()
}

/// When the receiver calls `recv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reader {
    /// Only once every expected byte is queued: one `recv` gets them all.
    Late,
    /// As soon as anything arrives: the outcome depends on timing.
    Prompt,
}

/// One sticky run: what is sent, how, and how it is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scenario {
    /// The messages, each sent with its own `send`.
    pub messages: Vec<Vec<u8>>,
    /// `TCP_NODELAY` on the sender.
    pub nodelay: bool,
    /// When the receiver reads.
    pub reader: Reader,
    /// The buffer the receiver hands to each `recv`.
    pub recv_size: usize,
}

impl Scenario {
    /// The tutorial's messages, a late reader, `TCP_NODELAY` as given.
    #[must_use]
    pub fn tutorial(nodelay: bool, reader: Reader) -> Scenario {
        Scenario {
            messages: tutorial_messages(),
            nodelay,
            reader,
            recv_size: stream::RECV_BUFFER,
        }
    }

    /// Bytes the sender sends in all.
    pub fn total(&self) -> usize {
        self.messages.iter().map(Vec::len).sum()
    }

    /// What the run shows, for its banner.
    #[must_use]
    pub fn label(&self) -> String {
        kit::tr!(
            TEXT,
            "label-run",
            reader = reader_label(self.reader),
            nodelay = nodelay_label(self.nodelay)
        )
    }

    /// The sender's knobs, set before `connect`.
    #[must_use]
    pub fn sender_knobs(&self) -> Knobs {
        Knobs {
            nodelay: Some(self.nodelay),
            ..Knobs::default()
        }
    }
}

/// "late reader" or "prompt reader", in the process's language.
#[must_use]
pub fn reader_label(reader: Reader) -> String {
    match reader {
        Reader::Late => kit::tr!(TEXT, "label-late"),
        Reader::Prompt => kit::tr!(TEXT, "label-prompt"),
    }
}

/// "`TCP_NODELAY` on" or "`TCP_NODELAY` off", in the process's language.
#[must_use]
pub fn nodelay_label(nodelay: bool) -> String {
    if nodelay {
        kit::tr!(TEXT, "label-nodelay-on")
    } else {
        kit::tr!(TEXT, "label-nodelay-off")
    }
}

/// The sending side: one `send` per message, then FIN.
pub fn send(end: End, messages: &[Vec<u8>]) -> Result<Side> {
    let (mut conn, knobs) = end.journaled();
    stream::send_each(&mut conn, messages)?;
    let segments_out = stream::finish_sending(&mut conn)?;
    Ok(Side {
        journal: conn.into_parts().1,
        knobs,
        segments_out,
    })
}

/// The receiving side. A late reader first waits until `expected` bytes are
/// queued (or, with a `quiet` patience, until the sender falls silent);
/// then both readers `recv` until the sender closes — or falls silent past
/// the end's deadline, or sends far more than `expected` bytes.
pub fn recv(
    end: End,
    reader: Reader,
    recv_size: usize,
    expected: usize,
    patience: Patience,
) -> Result<(Side, String)> {
    let (mut conn, knobs) = end.journaled();
    let buffer = recv_size;
    let how = match reader {
        Reader::Late => {
            let queued = match queue::wait_until_queued(conn.get_ref(), expected, patience)? {
                Queued::All(n) | Queued::Some(n) => n,
                Queued::Closed => {
                    return Err(Error::PeerClosed {
                        during: kit::tr!(TEXT, "during-first-byte"),
                    });
                }
            };
            kit::tr!(TEXT, "reader-late", queued = queued, buffer = buffer)
        }
        Reader::Prompt => kit::tr!(TEXT, "reader-prompt", buffer = buffer),
    };
    let limit = expected + stream::SLACK;
    stream::recv_until_closed(&mut conn, buffer, limit, |_| Ok(()))?;
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
    let expected = scenario.total();
    let reader = scenario.reader;
    let recv_size = scenario.recv_size;
    let patience = Patience::exact(Duration::from_secs(10));
    let messages = scenario.messages.clone();
    let (sender, (receiver, how)) = loopback::pair(
        &Knobs::default(),
        &scenario.sender_knobs(),
        move |end| recv(end, reader, recv_size, expected, patience),
        |end| send(end, &messages),
    )?;
    let mut run = Exchange::both(scenario.label(), &sender, &receiver);
    run.reader = Some(how);
    run.notes = notes(&run, reader);
    Ok(run)
}

/// Why the run came out as it did (nothing, when the peer did something
/// other than the lesson expects).
#[must_use]
pub fn notes(run: &Exchange, reader: Reader) -> Vec<String> {
    if run.code.is_mismatch() {
        // The peer did something else: the verdict says what, and the
        // lesson's explanations would describe a run that did not happen.
        return Vec::new();
    }
    let mut notes = Vec::new();
    let sends = run.sends.len().max(1);
    match (reader, run.sticky) {
        (Reader::Late, Some(true)) => notes.push(kit::tr!(TEXT, "note-late-glued")),
        (Reader::Prompt, _) => notes.push(kit::tr!(TEXT, "note-prompt")),
        _ => {}
    }
    // What the sender's kernel did with the sends, as it counted them:
    // said for this run, from its own numbers.
    let nodelay = run.knobs.nodelay == Some(true);
    let glued = run.sticky == Some(true);
    match run.segments_out {
        Some(segments) if glued && segments as usize >= sends => notes.push(if nodelay {
            kit::tr!(
                TEXT,
                "note-separate-nodelay",
                sends = sends,
                segments = segments
            )
        } else {
            kit::tr!(
                TEXT,
                "note-separate-nagle",
                sends = sends,
                segments = segments
            )
        }),
        Some(segments) if !nodelay && (segments as usize) < sends => notes.push(kit::tr!(
            TEXT,
            "note-nagle-merged",
            sends = sends,
            segments = segments
        )),
        _ => {}
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::*;

    /// DESIGN §4: a late reader gets all sends in exactly one recv, every
    /// time, whatever the load.
    #[test]
    fn a_late_reader_gets_every_message_in_one_recv_fifty_times_out_of_fifty() {
        let scenario = Scenario {
            messages: vec![
                b"one".to_vec(),
                b"two!".to_vec(),
                "下雨天".into(),
                b"4".to_vec(),
            ],
            nodelay: true,
            reader: Reader::Late,
            recv_size: stream::RECV_BUFFER,
        };
        for attempt in 1..=50 {
            let run = run(&scenario).unwrap();
            assert_eq!(run.recvs.len(), 1, "attempt {attempt}: {:?}", run.recvs);
            assert_eq!(
                run.received_stream(),
                scenario.messages.concat(),
                "attempt {attempt}"
            );
            let origin: Vec<_> = run.recvs[0]
                .origin
                .iter()
                .map(|p| (p.send, p.start, p.end))
                .collect();
            assert_eq!(origin, vec![(1, 0, 3), (2, 0, 4), (3, 0, 9), (4, 0, 1)]);
            assert_eq!(run.sticky, Some(true));
            assert_eq!(run.half, Some(false));
        }
    }

    #[test]
    fn the_tutorial_sentence_comes_back_glued() {
        let run = run(&Scenario::tutorial(false, Reader::Late)).unwrap();
        assert_eq!(run.recvs.len(), 1);
        assert_eq!(run.recvs[0].bytes, "下雨天留客天留人不留".as_bytes());
        assert_eq!(
            run.verdict,
            "2 messages sent, 1 recv returned them glued together: the receiver cannot tell where #1 ended"
        );
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn with_nodelay_the_messages_leave_as_separate_segments_and_still_glue() {
        let run = run(&Scenario::tutorial(true, Reader::Late)).unwrap();
        assert_eq!(run.segments_out, Some(2), "one data segment per send");
        assert_eq!(run.recvs.len(), 1, "glued all the same");
    }

    #[test]
    fn a_prompt_reader_gets_every_byte_in_order_however_it_is_chunked() {
        let scenario = Scenario::tutorial(false, Reader::Prompt);
        let run = run(&scenario).unwrap();
        assert!(!run.recvs.is_empty());
        assert_eq!(run.received_stream(), scenario.messages.concat());
    }
}
