//! The replay: the traffic of the sticky, half and nagle demos again, each
//! message now sent as a frame — and every chunk fed to a [`Decoder`].
//!
//! The network has not changed: recvs still glue frames together and cut
//! them apart, exactly as before. What changed is that the receiver no
//! longer needs the chunks to line up with the messages. After every recv
//! the demo shows the decoder's state, and at the end every frame it
//! rebuilt is checked against what was sent.

use crate::TEXT;
use crate::args::{ClientFlags, ServerFlags};
use crate::decoder_state;
use codec::decoder::{DecodeError, Decoder};
use codec::frame::{self, HEADER_LEN};
use kit::journal::Ending;
use kit::knobs::Knobs;
use kit::lesson::{Lesson, Opening, Program};
use kit::queue::Patience;
use kit::report::{Annotation, Exchange, FrameRecord, Run, Span};
use kit::stream::RECV_BUFFER;
use kit::verdict::{self, Code};
use sticky::Reader;

/// The lesson: the earlier demos' traffic again, through a length header.
#[derive(Debug, Clone, Copy)]
pub struct Fixed;

impl Lesson for Fixed {
    const NAME: &'static str = "fixed";
    const TITLE: &'static str = "定长包头 the fix: a length header";
    const ABOUT: &'static str =
        "The fix: the same traffic with a 4-byte length header, every message whole.";
    const SERVER: Program = Program {
        name: "fixed-server",
        about: "Receives fixed-client's frames — 4-byte big-endian length, then the message — \
                and decodes them. The chunks recv returns are as glued or as split as in the \
                earlier demos; every message still comes out whole. Any client that sends \
                struct.pack(\"!I\", len(data)) + data works too.",
        after_help: "Put fixed-slicer between client and server to re-chunk the stream any way \
                     you like: every message still comes out whole.",
    };
    const CLIENT: Program = Program {
        name: "fixed-client",
        about: "Connects to fixed-server (or to fixed-slicer in front of it) and sends the \
                scenario's messages, each as one frame: the bytes of Python's \
                struct.pack(\"!I\", len(data)) + data.",
        after_help: "",
    };

    const TEXT: Option<&'static kit::catalogue::Catalogue> = Some(&TEXT);

    type ServerFlags = ServerFlags;
    type ClientFlags = ClientFlags;

    fn server_flags(flags: &ServerFlags) -> String {
        flags.replay.flags()
    }

    fn client_flags(flags: &ClientFlags) -> String {
        flags.replay.flags()
    }

    fn serve(opening: &Opening<'_>, flags: &ServerFlags) -> kit::Result<Run> {
        let messages = flags.replay.messages();
        let framed: Vec<Vec<u8>> = messages.iter().map(|m| frame::encode(m)).collect();
        let traffic = flags.replay.traffic();
        let (reader, recv_size) = match (flags.prompt, traffic) {
            (true, _) => (Reader::Prompt, RECV_BUFFER),
            (false, Traffic::Half) => (Reader::Late, half::RECV_SIZE),
            (false, _) => (Reader::Late, RECV_BUFFER),
        };
        let end = opening.accept(&Knobs::default())?;
        let expected = framed.iter().map(Vec::len).sum();
        let patience = Patience::across_computers(end.timeout);
        let (side, how) = sticky::recv(end, reader, recv_size, expected, patience)?;
        let mut run = Exchange::receiver(traffic.label(), &side, &framed);
        run.reader = Some(how);
        decode(&mut run, &messages, side.journal.ending());
        Ok(run.into())
    }

    fn request(opening: &Opening<'_>, flags: &ClientFlags) -> kit::Result<Run> {
        let framed: Vec<Vec<u8>> = flags
            .replay
            .messages()
            .iter()
            .map(|m| frame::encode(m))
            .collect();
        let traffic = flags.replay.traffic();
        let knobs = Knobs {
            nodelay: Some(traffic == Traffic::Nagle),
            ..Knobs::default()
        };
        let end = opening.connect(&knobs)?;
        let side = sticky::send(end, &framed)?;
        Ok(Exchange::sender(traffic.label(), &side).into())
    }

    /// Every replay, in lesson order.
    fn tour() -> kit::Result<Vec<Run>> {
        Traffic::ALL
            .iter()
            .map(|&t| run(t).map(Run::from))
            .collect()
    }
}

/// The traffic of one earlier demo.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Traffic {
    /// The tutorial's two messages to a late reader.
    Sticky,
    /// The tutorial's sentence read with recv(16).
    Half,
    /// The sentence written in pieces of 2, 5 and 13 bytes (and the rest).
    Staged,
    /// 256 KiB into a 4096-byte `SO_RCVBUF`.
    SmallQueue,
    /// Ten one-character messages with `TCP_NODELAY` on, to a late reader.
    Nagle,
}

impl Traffic {
    /// Every replay, in lesson order.
    pub const ALL: [Traffic; 5] = [
        Traffic::Sticky,
        Traffic::Half,
        Traffic::Staged,
        Traffic::SmallQueue,
        Traffic::Nagle,
    ];

    /// The messages, before framing.
    #[must_use]
    pub fn messages(self) -> Vec<Vec<u8>> {
        match self {
            Traffic::Sticky => sticky::tutorial_messages(),
            Traffic::Half | Traffic::Staged => vec![half::SENTENCE.into()],
            Traffic::SmallQueue => vec![half::big_message(half::BIG)],
            Traffic::Nagle => nagle::one_character_each(),
        }
    }

    /// The run's label, in the process's language.
    #[must_use]
    pub fn label(self) -> String {
        match self {
            Traffic::Sticky => kit::tr!(TEXT, "label-sticky"),
            Traffic::Half => kit::tr!(TEXT, "label-half"),
            Traffic::Staged => kit::tr!(TEXT, "label-staged"),
            Traffic::SmallQueue => kit::tr!(TEXT, "label-small-queue"),
            Traffic::Nagle => kit::tr!(TEXT, "label-nagle"),
        }
    }
}

/// Runs `traffic` in this process: the earlier demo's own sender and
/// receiver, with every message framed, then the decoder over its recvs.
pub fn run(traffic: Traffic) -> kit::Result<Exchange> {
    let messages = traffic.messages();
    let framed: Vec<Vec<u8>> = messages.iter().map(|m| frame::encode(m)).collect();
    let mut run = match traffic {
        Traffic::Sticky | Traffic::Nagle => sticky::run(&sticky::Scenario {
            messages: framed,
            nodelay: traffic == Traffic::Nagle,
            reader: sticky::Reader::Late,
            recv_size: RECV_BUFFER,
        })?,
        Traffic::Half => half::run(&half::Scenario {
            message: framed.concat(),
            ..half::Scenario::small_recv(half::RECV_SIZE)
        })?,
        Traffic::Staged => half::run(&half::Scenario::staged(framed.concat(), &half::PIECES)?)?,
        Traffic::SmallQueue => half::run(&half::Scenario {
            message: framed.concat(),
            ..half::Scenario::small_queue(half::RCVBUF, 0)
        })?,
    };
    run.label = traffic.label();
    decode(&mut run, &messages, None);
    Ok(run)
}

/// Feeds `run`'s recvs to a decoder, one by one as they came: marks the
/// header bytes in each chunk, records the decoder's state after it, lists
/// the frames it rebuilt (checked against `messages`), and gives the run
/// its verdict. `ending` is how the receiving ended (`None`: the sender
/// closed, as in-process runs always do).
pub fn decode(run: &mut Exchange, messages: &[Vec<u8>], ending: Option<Ending>) {
    // Where each frame's header sits in the stream.
    let mut headers = Vec::with_capacity(messages.len());
    let mut at = 0;
    for message in messages {
        headers.push(at..at + HEADER_LEN);
        at += HEADER_LEN + message.len();
    }
    let mut decoder = Decoder::new();
    let mut frames: Vec<FrameRecord> = Vec::new();
    let mut offset = 0;
    for recv in &mut run.recvs {
        let end = offset + recv.len;
        // Header positions are known only if the bytes are the expected ones.
        let known = run.sticky.is_some();
        recv.headers = headers
            .iter()
            .filter(|_| known)
            .filter(|h| h.start < end && h.end > offset)
            .map(|h| Span {
                start: h.start.max(offset) - offset,
                end: h.end.min(end) - offset,
            })
            .collect();
        decoder.push(&recv.bytes);
        let before = frames.len();
        let failure = loop {
            match decoder.next_frame() {
                Ok(Some(payload)) => {
                    let index = frames.len() + 1;
                    frames.push(FrameRecord {
                        index,
                        len: payload.len(),
                        bytes: payload.to_vec(),
                        completed_by: recv.index,
                        whole: messages.get(index - 1).is_some_and(|m| m == payload),
                    });
                }
                Ok(None) => break None,
                Err(e) => break Some(e),
            }
        };
        let done: Vec<String> = frames[before..]
            .iter()
            .map(|f| format!("#{}", f.index))
            .collect();
        let mut state = match failure {
            Some(error) => kit::tr!(TEXT, "state-stopped", error = decoder_state::error(&error)),
            None => decoder_state::state(decoder.state()),
        };
        if !done.is_empty() {
            state = kit::tr!(
                TEXT,
                "state-complete",
                frames = frame_list(&done),
                state = state
            );
        }
        recv.annotation = Some(Annotation::Decoder(state));
        offset = end;
    }
    let whole = frames.iter().filter(|f| f.whole).count();
    let failure = decoder.finish().err();
    run.notes = if whole == messages.len() && failure.is_none() {
        vec![kit::tr!(TEXT, "note-whole")]
    } else {
        vec![kit::tr!(TEXT, "note-not-frames")]
    };
    let expected = messages.iter().map(|m| HEADER_LEN + m.len()).sum();
    let (sentence, code) = verdict(run, messages.len(), expected, whole, failure, ending);
    run.verdict = sentence;
    run.code = code;
    run.frames = Some(frames);
}

fn frame_list(done: &[String]) -> String {
    match done {
        [one] => kit::tr!(TEXT, "frames-one", frame = one),
        [first, .., last] if done.len() > 3 => {
            kit::tr!(TEXT, "frames-range", first = first, last = last)
        }
        many => kit::tr!(
            TEXT,
            "frames-list",
            list = many.join(&kit::tr!(TEXT, "list-separator"))
        ),
    }
}

/// "same chunks as before, every message whole" — in numbers, with the
/// verdict's code: every frame whole, or what the peer did instead.
fn verdict(
    run: &Exchange,
    sent: usize,
    expected: usize,
    whole: usize,
    failure: Option<DecodeError>,
    ending: Option<Ending>,
) -> (String, Code) {
    let decoded = match &failure {
        Some(error) => kit::tr!(TEXT, "decoded-stopped", error = decoder_state::error(error)),
        None => kit::tr!(TEXT, "decoded-only", whole = whole, sent = sent),
    };
    if run.sticky.is_none() {
        // The bytes are not the expected frames: nothing was "sent" that
        // this side could know of, only bytes that arrived.
        let mut sentence = kit::tr!(
            TEXT,
            "verdict-unexpected",
            sent = sent,
            expected = expected,
            recvs = run.recvs.len(),
            bytes = total(run),
            decoded = decoded
        );
        match ending {
            Some(Ending::Silent { waited }) => sentence.push_str(&verdict::then_silent(waited)),
            Some(Ending::Stopped { limit }) => {
                sentence.push_str(&kit::tr!(TEXT, "verdict-stopped-reading", limit = limit));
            }
            _ => {}
        }
        return (sentence, Code::Unexpected);
    }
    if total(run) < expected {
        // Cut short: the shape of the chunks is not the story.
        let (cut, code) = verdict::cut_short(
            &kit::tr!(TEXT, "count-frames", sent = sent),
            expected,
            total(run),
            run.recvs.len(),
            ending,
        );
        return (
            kit::tr!(TEXT, "verdict-cut", cut = cut, decoded = decoded),
            code,
        );
    }
    let shape = match (run.sticky == Some(true), run.half == Some(true)) {
        (false, false) => kit::tr!(TEXT, "shape-one-each", sent = sent),
        (true, false) => kit::tr!(TEXT, "shape-glued", sent = sent),
        (false, true) => kit::tr!(TEXT, "shape-split", sent = sent),
        (true, true) => kit::tr!(TEXT, "shape-glued-split", sent = sent),
    };
    let (outcome, mut code) = if whole == sent && failure.is_none() {
        let outcome = match sent {
            1 => kit::tr!(TEXT, "outcome-one"),
            2 => kit::tr!(TEXT, "outcome-both"),
            n => kit::tr!(TEXT, "outcome-all", sent = n),
        };
        (outcome, Code::FramesWhole)
    } else {
        (decoded, Code::FramesBroken)
    };
    let mut sentence = kit::tr!(
        TEXT,
        "verdict-frames",
        sent = sent,
        recvs = run.recvs.len(),
        shape = shape,
        outcome = outcome
    );
    if let Some(Ending::Silent { waited }) = ending {
        sentence.push_str(&verdict::then_silent(waited));
        code = Code::PeerSilent;
    }
    (sentence, code)
}

fn total(run: &Exchange) -> usize {
    run.recvs.iter().map(|r| r.len).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_replay_keeps_its_chunks_and_gets_every_message_whole() {
        for traffic in Traffic::ALL {
            let run = run(traffic).unwrap();
            let messages = traffic.messages();
            let frames: Vec<&[u8]> = run.frames.iter().flatten().map(|f| &f.bytes[..]).collect();
            let expected: Vec<&[u8]> = messages.iter().map(|m| &m[..]).collect();
            assert_eq!(frames, expected, "{}", run.label);
            assert!(run.frames.iter().flatten().all(|f| f.whole));
            assert!(
                run.sticky == Some(true) || run.half == Some(true),
                "{}: the network still cuts",
                run.label
            );
        }
    }

    #[test]
    fn the_staged_replay_shows_half_a_header() {
        let run = run(Traffic::Staged).unwrap();
        let sizes: Vec<usize> = run.recvs.iter().map(|r| r.len).collect();
        assert_eq!(sizes, [2, 5, 13, 14]);
        assert_eq!(run.recvs[0].headers, [Span { start: 0, end: 2 }]);
        let state = |i: usize| run.recvs[i].annotation.as_ref().map(Annotation::text);
        assert_eq!(
            state(0),
            Some("holding 2 of the 4 header bytes; waiting for 2 more")
        );
        assert_eq!(
            state(1),
            Some("holding 3 bytes of a 30-byte message; waiting for 27 more")
        );
        assert!(state(3).unwrap().starts_with("frame #1 complete"));
    }

    #[test]
    fn the_sticky_replay_marks_both_headers_in_the_one_chunk() {
        let run = run(Traffic::Sticky).unwrap();
        assert_eq!(run.recvs.len(), 1);
        assert_eq!(
            run.recvs[0].headers,
            [Span { start: 0, end: 4 }, Span { start: 28, end: 32 }]
        );
        assert_eq!(
            run.verdict,
            "2 frames sent, 1 recv returned them glued; the decoder rebuilt both messages whole"
        );
    }
}
