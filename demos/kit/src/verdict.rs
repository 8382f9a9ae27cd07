//! The one-line verdict: were messages glued (粘包), split (半包), both, or
//! neither — judged from the origin map, never from timing.

use crate::origin::Piece;

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
}

/// `1 message`, `2 messages`.
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// Judges a run from the receiver's side: `messages` were sent, and each
/// recv holds the pieces in `origins`.
pub fn judge(messages: usize, sent_bytes: usize, origins: &[Vec<Piece>]) -> Verdict {
    let recvs = origins.len();
    let received: usize = origins.iter().flatten().map(|p| p.end - p.start).sum();
    let glued = origins.iter().position(|pieces| pieces.len() > 1);
    let mut parts = vec![0usize; messages];
    for piece in origins.iter().flatten() {
        parts[piece.send - 1] += 1;
    }
    let split = parts.iter().position(|&n| n > 1);

    let sent = format!("{} sent", count(messages, "message"));
    let mut sentence = match (glued, split) {
        (Some(at), None) if recvs == 1 => format!(
            "{sent}, 1 recv returned them glued together: the receiver cannot tell where #{} ended",
            origins[at][0].send
        ),
        (Some(at), None) => format!(
            "{sent}, {} returned them: recv #{} glued {} together, so the receiver cannot tell where #{} ended",
            count(recvs, "recv"),
            at + 1,
            span(&origins[at]),
            origins[at][0].send
        ),
        (None, Some(_)) if messages == 1 => format!(
            "{sent}, {} needed: each returned only part of it",
            count(recvs, "recv")
        ),
        (None, Some(at)) => format!(
            "{sent}, {} needed: message #{} arrived in {} parts",
            count(recvs, "recv"),
            at + 1,
            parts[at]
        ),
        (Some(at), Some(cut)) => format!(
            "{sent}, {} returned them both glued and split: recv #{} holds pieces of {}, and message #{} arrived in {} parts",
            count(recvs, "recv"),
            at + 1,
            span(&origins[at]),
            cut + 1,
            parts[cut]
        ),
        (None, None) => format!(
            "{sent}, {}, one message each — this time; TCP promised no such thing",
            count(recvs, "recv")
        ),
    };
    if received < sent_bytes {
        // A stream cut short says nothing reliable about boundaries: the
        // missing bytes are the news.
        let their = if messages == 1 { "its" } else { "their" };
        sentence = format!(
            "{sent}, but only {received} of {their} {sent_bytes} bytes arrived, in {}: the sender \
             stopped early (or the two sides disagree about what is sent)",
            count(recvs, "recv")
        );
    }
    Verdict {
        sticky: Some(glued.is_some()),
        half: Some(split.is_some()),
        sentence,
    }
}

/// Judges a datagram run: `sent` datagrams went out, each recv holds the
/// pieces in `origins` (one datagram each, perhaps truncated).
pub fn judge_datagrams(sent: usize, origins: &[Vec<Piece>], truncated: &[usize]) -> Verdict {
    let recvs = origins.len();
    let lost = sent.saturating_sub(recvs);
    let mut sentence = if lost == 0 {
        format!(
            "{} sent, {} returned them one each: UDP kept every boundary",
            count(sent, "datagram"),
            count(recvs, "recv")
        )
    } else {
        format!(
            "{} sent, {recvs} received, {lost} lost: UDP keeps boundaries, not datagrams",
            count(sent, "datagram")
        )
    };
    if let Some(first) = truncated.first() {
        sentence.push_str(&format!(
            "; recv #{first} was truncated and the rest of that datagram is gone"
        ));
    }
    Verdict {
        sticky: Some(false),
        half: Some(false),
        sentence,
    }
}

/// The verdict when received bytes are not the expected messages, so no
/// byte can be traced to a send.
pub fn unknown_origin(recvs: usize, bytes: usize) -> Verdict {
    Verdict {
        sticky: None,
        half: None,
        sentence: format!(
            "{} returned {bytes} bytes that are not the messages this side expected; \
             give both sides the same --message to see where each byte came from",
            count(recvs, "recv")
        ),
    }
}

/// The verdict of a sender, which sees only its own writes.
pub fn sender_side(messages: usize, bytes: usize) -> Verdict {
    Verdict {
        sticky: None,
        half: None,
        sentence: format!(
            "{} sent ({bytes} bytes); how they came out of recv is on the receiver's screen",
            count(messages, "message")
        ),
    }
}

/// `#1 and #2`, or `#1 to #4`.
fn span(pieces: &[Piece]) -> String {
    let first = pieces[0].send;
    let last = pieces[pieces.len() - 1].send;
    if last == first + 1 {
        format!("#{first} and #{last}")
    } else {
        format!("#{first} to #{last}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn piece(send: usize, start: usize, end: usize) -> Piece {
        Piece { send, start, end }
    }

    #[test]
    fn glued() {
        let verdict = judge(2, 30, &[vec![piece(1, 0, 24), piece(2, 0, 6)]]);
        assert_eq!(verdict.sticky, Some(true));
        assert_eq!(verdict.half, Some(false));
        assert_eq!(
            verdict.sentence,
            "2 messages sent, 1 recv returned them glued together: the receiver cannot tell where #1 ended"
        );
    }

    #[test]
    fn split() {
        let verdict = judge(1, 30, &[vec![piece(1, 0, 16)], vec![piece(1, 16, 30)]]);
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
        );
        assert_eq!((verdict.sticky, verdict.half), (Some(true), Some(true)));
        assert!(
            verdict
                .sentence
                .starts_with("3 messages sent, but only 23 of their 40 bytes arrived, in 2 recvs"),
            "{}",
            verdict.sentence
        );
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
    fn one_each() {
        let verdict = judge(2, 6, &[vec![piece(1, 0, 3)], vec![piece(2, 0, 3)]]);
        assert_eq!((verdict.sticky, verdict.half), (Some(false), Some(false)));
    }
}
