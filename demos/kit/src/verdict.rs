//! The one-line verdict: were messages glued (粘包), split (半包), both, or
//! neither — judged from the origin map, never from timing.

use crate::journal::Ending;
use crate::origin::Piece;
use serde::{Deserialize, Serialize};

/// What a run showed, in facts and in one sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    /// Some recv held bytes of more than one send. `None` when this side
    /// cannot know (it saw only its own calls).
    pub sticky: Option<bool>,
    /// Some send was spread over more than one recv.
    pub half: Option<bool>,
    /// The sentence a teacher reads out.
    pub sentence: String,
    /// The same verdict for a program: stable, whatever the wording.
    pub code: Code,
}

/// A verdict as a stable, machine-readable word (the `code` of a run in
/// `--json`), so that a grader never has to parse a sentence.
///
/// The first group is what a lesson sets out to show; the second is a
/// peer (or network) that did something else, and makes a paired binary
/// exit with code 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Code {
    /// Some recv held bytes of more than one send (粘包).
    Glued,
    /// Some send was spread over more than one recv (半包).
    Split,
    /// Both at once.
    GluedAndSplit,
    /// One recv per send — this time.
    OneEach,
    /// A sender's own view: its messages went out.
    Sent,
    /// Every datagram came back whole, one per recv.
    DatagramsKept,
    /// Some datagrams never arrived, or were truncated.
    DatagramsLost,
    /// A frame decoder rebuilt every message whole.
    FramesWhole,
    /// The run measured something (times, sizes) and states it.
    Measured,
    /// The run shows what a piece of code concluded (the pitfalls).
    Shown,
    /// Files arrived whole: checksums matched, bytes identical.
    Verified,
    /// Fewer bytes came than expected: the peer closed (or reset) early.
    CutShort,
    /// The bytes that came are not the messages this side expected.
    Unexpected,
    /// The peer fell silent without closing, past the read deadline.
    PeerSilent,
    /// The frames that came are not the ones expected, or did not decode.
    FramesBroken,
    /// A file arrived different from what was sent.
    Corrupt,
    /// The run measured, but the conditions its lesson needs did not arise
    /// this time (the peer ACKed at once, say): nothing was shown.
    NotShown,
}

impl Code {
    /// Whether the peer or the network did something other than the lesson
    /// expects: a paired binary then exits with code 1.
    #[must_use]
    pub fn is_mismatch(self) -> bool {
        matches!(
            self,
            Code::CutShort
                | Code::Unexpected
                | Code::PeerSilent
                | Code::FramesBroken
                | Code::Corrupt
                | Code::NotShown
        )
    }
}

/// `1 message`, `2 messages` (`2 条消息`): `n` of `noun`, in the
/// story's language. The kit's catalogue says each noun the lessons count
/// (`count-message`, `count-data-segment`), with English's plural forms
/// and Chinese's measure words; a noun it lacks gets an English `s`.
#[must_use]
pub fn count(n: usize, noun: &str) -> String {
    let id = format!("count-{}", noun.replace(' ', "-"));
    if crate::TEXT.has(&id) {
        let mut args = crate::catalogue::FluentArgs::new();
        args.set("n", crate::catalogue::value(n));
        return crate::TEXT.text(&id, Some(&args));
    }
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// Judges a run from the receiver's side: `messages` were sent, each recv
/// holds the pieces in `origins`, and the receiving ended as `ending` says.
#[must_use]
pub fn judge(
    messages: usize,
    sent_bytes: usize,
    origins: &[Vec<Piece>],
    ending: Option<Ending>,
) -> Verdict {
    let recvs = origins.len();
    let received: usize = origins.iter().flatten().map(|p| p.end - p.start).sum();
    let glued = origins.iter().position(|pieces| pieces.len() > 1);
    let mut parts = vec![0usize; messages];
    for piece in origins.iter().flatten() {
        parts[piece.send - 1] += 1;
    }
    let split = parts.iter().position(|&n| n > 1);

    let sent = count(messages, "message");
    let (mut sentence, mut code) = match (glued, split) {
        (Some(at), None) if recvs == 1 => (
            crate::tr!(
                crate::TEXT,
                "verdict-glued-one-recv",
                sent = sent,
                end = origins[at][0].send
            ),
            Code::Glued,
        ),
        (Some(at), None) => (
            crate::tr!(
                crate::TEXT,
                "verdict-glued",
                sent = sent,
                recvs = count(recvs, "recv"),
                recv = at + 1,
                span = span(&origins[at]),
                end = origins[at][0].send
            ),
            Code::Glued,
        ),
        (None, Some(_)) if messages == 1 => (
            crate::tr!(
                crate::TEXT,
                "verdict-split-one-message",
                sent = sent,
                recvs = count(recvs, "recv")
            ),
            Code::Split,
        ),
        (None, Some(at)) => (
            crate::tr!(
                crate::TEXT,
                "verdict-split",
                sent = sent,
                recvs = count(recvs, "recv"),
                message = at + 1,
                parts = parts[at]
            ),
            Code::Split,
        ),
        (Some(at), Some(cut)) => (
            crate::tr!(
                crate::TEXT,
                "verdict-glued-and-split",
                sent = sent,
                recvs = count(recvs, "recv"),
                recv = at + 1,
                span = span(&origins[at]),
                message = cut + 1,
                parts = parts[cut]
            ),
            Code::GluedAndSplit,
        ),
        (None, None) => (
            crate::tr!(
                crate::TEXT,
                "verdict-one-each",
                sent = sent,
                recvs = count(recvs, "recv")
            ),
            Code::OneEach,
        ),
    };
    if received < sent_bytes {
        (sentence, code) = cut_short(
            &count(messages, "message"),
            sent_bytes,
            received,
            recvs,
            ending,
        );
    } else if let Some(Ending::Silent { waited }) = ending {
        sentence.push_str(&then_silent(waited));
        code = Code::PeerSilent;
    }
    Verdict {
        sticky: Some(glued.is_some()),
        half: Some(split.is_some()),
        sentence,
        code,
    }
}

/// The verdict of a stream that ended before `expected` bytes (`what`, e.g.
/// "2 messages") had arrived: `received` of them came in `recvs` recvs.
///
/// A stream cut short says nothing reliable about boundaries: what is
/// missing is the news. And a receiver sees only what arrived, so it says
/// what it expected and what the sender did — never what the sender "sent",
/// which it cannot know.
#[must_use]
pub fn cut_short(
    what: &str,
    expected: usize,
    received: usize,
    recvs: usize,
    ending: Option<Ending>,
) -> (String, Code) {
    let how = match ending {
        Some(Ending::Silent { waited }) => crate::tr!(
            crate::TEXT,
            "verdict-how-silent",
            received = received,
            waited = format!("{:.1}", waited.as_secs_f64())
        ),
        Some(Ending::Reset) => crate::tr!(crate::TEXT, "verdict-how-reset", received = received),
        _ => crate::tr!(crate::TEXT, "verdict-how-closed", received = received),
    };
    let code = match ending {
        Some(Ending::Silent { .. }) => Code::PeerSilent,
        _ => Code::CutShort,
    };
    (
        crate::tr!(
            crate::TEXT,
            "verdict-cut-short",
            what = what,
            expected = expected,
            how = how,
            recvs = count(recvs, "recv")
        ),
        code,
    )
}

/// What is added to a verdict when, after every expected byte, the sender
/// neither sent more nor closed the connection.
#[must_use]
pub fn then_silent(waited: std::time::Duration) -> String {
    crate::tr!(
        crate::TEXT,
        "verdict-then-silent",
        waited = format!("{:.1}", waited.as_secs_f64())
    )
}

/// Judges a datagram run: `sent` datagrams went out, each recv holds the
/// pieces in `origins` (one datagram each, perhaps truncated).
#[must_use]
pub fn judge_datagrams(sent: usize, origins: &[Vec<Piece>], truncated: &[usize]) -> Verdict {
    let recvs = origins.len();
    let lost = sent.saturating_sub(recvs);
    let mut sentence = if lost == 0 {
        crate::tr!(
            crate::TEXT,
            "verdict-datagrams-kept",
            sent = count(sent, "datagram"),
            recvs = count(recvs, "recv")
        )
    } else {
        crate::tr!(
            crate::TEXT,
            "verdict-datagrams-lost",
            sent = count(sent, "datagram"),
            received = recvs,
            lost = lost
        )
    };
    if let Some(first) = truncated.first() {
        sentence.push_str(&crate::tr!(
            crate::TEXT,
            "verdict-datagram-truncated",
            recv = *first
        ));
    }
    let code = if lost == 0 && truncated.is_empty() {
        Code::DatagramsKept
    } else {
        Code::DatagramsLost
    };
    Verdict {
        sticky: Some(false),
        half: Some(false),
        sentence,
        code,
    }
}

/// The verdict when received bytes are not the expected messages, so no
/// byte can be traced to a send. The two sides were most likely started
/// with different flags; the binary's error line names the ones to match.
#[must_use]
pub fn unknown_origin(recvs: usize, bytes: usize, ending: Option<Ending>) -> Verdict {
    let mut sentence = crate::tr!(
        crate::TEXT,
        "verdict-unknown-origin",
        recvs = count(recvs, "recv"),
        bytes = bytes
    );
    match ending {
        Some(Ending::Stopped { limit }) => sentence.push_str(&crate::tr!(
            crate::TEXT,
            "verdict-stopped-reading",
            limit = limit
        )),
        Some(Ending::Silent { waited }) => sentence.push_str(&then_silent(waited)),
        _ => {}
    }
    Verdict {
        sticky: None,
        half: None,
        sentence,
        code: Code::Unexpected,
    }
}

/// The verdict of a sender, which sees only its own writes.
#[must_use]
pub fn sender_side(messages: usize, bytes: usize) -> Verdict {
    Verdict {
        sticky: None,
        half: None,
        sentence: crate::tr!(
            crate::TEXT,
            "verdict-sender-side",
            sent = count(messages, "message"),
            bytes = bytes
        ),
        code: Code::Sent,
    }
}

/// `#1 and #2`, or `#1 to #4`.
fn span(pieces: &[Piece]) -> String {
    let first = pieces[0].send;
    let last = pieces[pieces.len() - 1].send;
    if last == first + 1 {
        crate::tr!(crate::TEXT, "verdict-span-two", first = first, last = last)
    } else {
        crate::tr!(crate::TEXT, "verdict-span", first = first, last = last)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn piece(send: usize, start: usize, end: usize) -> Piece {
        Piece {
            send,
            start,
            end,
            whole: false,
        }
    }

    #[test]
    fn glued() {
        let verdict = judge(2, 30, &[vec![piece(1, 0, 24), piece(2, 0, 6)]], None);
        assert_eq!(verdict.sticky, Some(true));
        assert_eq!(verdict.half, Some(false));
        assert_eq!(
            verdict.sentence,
            "2 messages sent, 1 recv returned them glued together: the receiver cannot tell where #1 ended"
        );
    }

    #[test]
    fn split() {
        let verdict = judge(
            1,
            30,
            &[vec![piece(1, 0, 16)], vec![piece(1, 16, 30)]],
            None,
        );
        assert_eq!((verdict.sticky, verdict.half), (Some(false), Some(true)));
        assert_eq!(
            verdict.sentence,
            "1 message sent, 2 recvs needed: each returned only part of it"
        );
    }

    #[test]
    fn glued_and_split_and_short() {
        let verdict = judge(
            3,
            40,
            &[
                vec![piece(1, 0, 10), piece(2, 0, 5)],
                vec![piece(2, 5, 10), piece(3, 0, 3)],
            ],
            None,
        );
        assert_eq!((verdict.sticky, verdict.half), (Some(true), Some(true)));
        assert_eq!(
            verdict.sentence,
            "expected 3 messages (40 B); the sender closed the connection after 23 B, in 2 recvs"
        );
        assert_eq!(verdict.code, Code::CutShort);
        assert!(verdict.code.is_mismatch());
    }

    #[test]
    fn glued_and_split() {
        let verdict = judge(
            3,
            23,
            &[
                vec![piece(1, 0, 10), piece(2, 0, 5)],
                vec![piece(2, 5, 10), piece(3, 0, 3)],
            ],
            None,
        );
        assert_eq!((verdict.sticky, verdict.half), (Some(true), Some(true)));
        assert!(
            verdict.sentence.contains("message #2 arrived in 2 parts"),
            "{}",
            verdict.sentence
        );
    }

    #[test]
    fn datagrams() {
        let one = |send| vec![piece(send, 0, 5)];
        let kept = judge_datagrams(3, &[one(1), one(2), one(3)], &[]);
        assert_eq!(
            kept.sentence,
            "3 datagrams sent, 3 recvs returned them one each: UDP kept every boundary"
        );
        let lost = judge_datagrams(1000, &[one(1), one(2)], &[2]);
        assert!(
            lost.sentence
                .starts_with("1000 datagrams sent, 2 received, 998 lost"),
            "{}",
            lost.sentence
        );
        assert!(
            lost.sentence
                .ends_with("recv #2 was truncated and the rest of that datagram is gone")
        );
        assert_eq!((lost.sticky, lost.half), (Some(false), Some(false)));
    }

    #[test]
    fn a_silent_sender_is_a_mismatch_whether_or_not_its_bytes_all_came() {
        let waited = Some(Ending::Silent {
            waited: std::time::Duration::from_secs(10),
        });
        let whole = judge(2, 30, &[vec![piece(1, 0, 24), piece(2, 0, 6)]], waited);
        assert_eq!(whole.code, Code::PeerSilent);
        assert!(
            whole.sentence.ends_with(
                "; then the sender sent nothing for 10.0 s and did not close the connection"
            ),
            "{}",
            whole.sentence
        );
        let short = judge(2, 38, &[vec![piece(1, 0, 14)]], waited);
        assert_eq!(
            short.sentence,
            "expected 2 messages (38 B); after 14 B the sender sent nothing for 10.0 s and did \
             not close the connection, in 1 recv"
        );
        assert_eq!(short.code, Code::PeerSilent);
    }

    #[test]
    fn the_lessons_outcomes_are_not_mismatches() {
        for code in [
            Code::Glued,
            Code::Split,
            Code::GluedAndSplit,
            Code::OneEach,
            Code::Sent,
        ] {
            assert!(!code.is_mismatch(), "{code:?}");
        }
        let reset = judge(1, 30, &[vec![piece(1, 0, 16)]], Some(Ending::Reset));
        assert_eq!(
            reset.sentence,
            "expected 1 message (30 B); the sender reset the connection after 16 B, in 1 recv"
        );
        assert_eq!(reset.code, Code::CutShort);
    }

    #[test]
    fn one_each() {
        let verdict = judge(2, 6, &[vec![piece(1, 0, 3)], vec![piece(2, 0, 3)]], None);
        assert_eq!((verdict.sticky, verdict.half), (Some(false), Some(false)));
    }
}
