//! An exchange: the sends of one side and the recvs of the other over one
//! connection (or one pair of UDP sockets), each recv traced back to the
//! sends its bytes came from.

use crate::journal::{Call, Event, Journal};
use crate::knobs::Applied;
use crate::origin::{self, Piece};
use crate::verdict::{self, Code, Verdict};
use serde::{Deserialize, Serialize};

use super::Transport;

/// Sends and recvs, lined up, and what they showed.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Exchange {
    /// What this run shows, e.g. "late reader, `TCP_NODELAY` off".
    pub label: String,
    /// TCP or UDP.
    pub transport: Transport,
    /// Socket options as the kernel applied them.
    pub knobs: Applied,
    /// The sender's messages (empty in a receiver's own report).
    pub sends: Vec<SendRecord>,
    /// What each `recv` returned (empty in a sender's own report).
    pub recvs: Vec<RecvRecord>,
    /// Some recv held bytes of more than one send (`null`: unknown here).
    pub sticky: Option<bool>,
    /// Some send was spread over more than one recv (`null`: unknown here).
    pub half: Option<bool>,
    /// The one-line verdict.
    pub verdict: String,
    /// The verdict as a stable word for programs (see [`Code`]).
    pub code: Code,
    /// Data segments the sender's kernel sent (Linux `tcpi_data_segs_out`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub segments_out: Option<u64>,
    /// How the receiver read, e.g. "late: waited until all 30 B were queued".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reader: Option<String>,
    /// Why the run came out as it did: the lines a teacher explains.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// The messages a reader rebuilt from the recvs — present whenever the
    /// run reads messages, even if it rebuilt none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frames: Option<Vec<FrameRecord>>,
}

/// One message as the sender handed it to the kernel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SendRecord {
    /// 1-based send number.
    pub index: usize,
    /// Bytes in the message.
    pub len: usize,
    /// The message's bytes (hex in JSON).
    #[serde(rename = "hex", with = "super::hex")]
    pub bytes: Vec<u8>,
    /// Microseconds from the start of the run.
    pub t_us: u64,
    /// Sizes of the writes, when the message was written in pieces.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pieces: Option<Vec<usize>>,
}

/// One chunk as a `recv` returned it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecvRecord {
    /// 1-based recv number.
    pub index: usize,
    /// Bytes returned.
    pub len: usize,
    /// The returned bytes (hex in JSON).
    #[serde(rename = "hex", with = "super::hex")]
    pub bytes: Vec<u8>,
    /// Microseconds from the start of the run.
    pub t_us: u64,
    /// Which sends the bytes came from; empty when that cannot be known.
    pub origin: Vec<Piece>,
    /// A datagram longer than the recv buffer (`MSG_TRUNC)`: the rest is gone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub truncated: Option<bool>,
    /// The truncated datagram's full length, where the platform reports it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub real_len: Option<usize>,
    /// What was made of this chunk by the code reading it.
    #[serde(default, flatten, skip_serializing_if = "Option::is_none")]
    pub annotation: Option<Annotation>,
    /// Byte ranges of this chunk that are (or were read as) length headers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub headers: Vec<Span>,
}

/// What the code reading a chunk made of it: a real frame decoder's state,
/// or the conclusion of a piece of code under study (a pitfall).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Annotation {
    /// Where a frame decoder stood after this recv.
    Decoder(String),
    /// What the code under study concluded from this recv.
    Concluded(String),
}

impl Annotation {
    /// The sentence, whichever kind it is.
    #[must_use]
    pub fn text(&self) -> &str {
        match self {
            Annotation::Decoder(text) | Annotation::Concluded(text) => text,
        }
    }
}

/// A byte range `[start, end)` inside a chunk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// One message a reader rebuilt from the chunks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FrameRecord {
    /// 1-based frame number.
    pub index: usize,
    /// Payload bytes.
    pub len: usize,
    /// The payload (hex in JSON).
    #[serde(rename = "hex", with = "super::hex")]
    pub bytes: Vec<u8>,
    /// The recv that completed it.
    pub completed_by: usize,
    /// Whether it equals the message that was sent as this frame.
    pub whole: bool,
}

/// What one side of a connection brings to a run.
#[derive(Debug, Clone)]
pub struct Side {
    /// Its calls.
    pub journal: Journal,
    /// Its socket options as applied.
    pub knobs: Applied,
    /// Data segments it sent, where the platform counts them.
    pub segments_out: Option<u64>,
}

impl Exchange {
    /// An exchange seen from both ends (the in-process tour): the sender's
    /// sends are the messages, the receiver's recvs are traced back to them.
    pub fn both(label: impl Into<String>, sender: &Side, receiver: &Side) -> Exchange {
        Exchange::paired(label, Transport::Tcp, sender, receiver)
    }

    /// A datagram exchange seen from both ends: each recv is matched to
    /// the datagram it returned.
    pub fn datagrams(label: impl Into<String>, sender: &Side, receiver: &Side) -> Exchange {
        Exchange::paired(label, Transport::Udp, sender, receiver)
    }

    fn paired(
        label: impl Into<String>,
        transport: Transport,
        sender: &Side,
        receiver: &Side,
    ) -> Exchange {
        let messages = sent_messages(&sender.journal);
        let mut run = Exchange::traced(label, transport, receiver, &messages);
        run.knobs = Applied::of_connection(&sender.knobs, &receiver.knobs);
        run.sends = send_records(&sender.journal);
        if transport == Transport::Tcp {
            run.segments_out = sender.segments_out;
        }
        run
    }

    /// An exchange seen by the receiver alone, which traces its recvs back
    /// to the messages it expects (the same defaults the sender uses).
    pub fn receiver<M: AsRef<[u8]>>(
        label: impl Into<String>,
        receiver: &Side,
        expected: &[M],
    ) -> Exchange {
        Exchange::traced(label, Transport::Tcp, receiver, expected)
    }

    /// A datagram exchange seen by the receiver alone.
    pub fn datagram_receiver<M: AsRef<[u8]>>(
        label: impl Into<String>,
        receiver: &Side,
        expected: &[M],
    ) -> Exchange {
        Exchange::traced(label, Transport::Udp, receiver, expected)
    }

    fn traced<M: AsRef<[u8]>>(
        label: impl Into<String>,
        transport: Transport,
        receiver: &Side,
        expected: &[M],
    ) -> Exchange {
        let journal = &receiver.journal;
        let calls = journal.recvs();
        let chunks: Vec<&[u8]> = calls.iter().map(|c| &c.bytes[..]).collect();
        let traced = match transport {
            Transport::Tcp => origin::map(expected, &chunks),
            Transport::Udp => origin::map_datagrams(expected, &chunks),
        };
        let ending = journal.ending();
        let mut recvs = recv_records(journal);
        let verdict = match traced {
            Some(origins) => {
                let verdict = match transport {
                    Transport::Tcp => {
                        let sent = expected.iter().map(|m| m.as_ref().len()).sum();
                        verdict::judge(expected.len(), sent, &origins, ending)
                    }
                    Transport::Udp => {
                        let truncated: Vec<usize> = recvs
                            .iter()
                            .filter(|r| r.truncated == Some(true))
                            .map(|r| r.index)
                            .collect();
                        verdict::judge_datagrams(expected.len(), &origins, &truncated)
                    }
                };
                for (recv, origin) in recvs.iter_mut().zip(origins) {
                    recv.origin = origin;
                }
                verdict
            }
            None => verdict::unknown_origin(calls.len(), journal.received_bytes(), ending),
        };
        let mut run = Exchange::new(
            label,
            receiver.knobs.receiving(),
            Vec::new(),
            recvs,
            verdict,
        );
        run.transport = transport;
        run
    }

    /// An exchange seen by the sender alone.
    pub fn sender(label: impl Into<String>, sender: &Side) -> Exchange {
        let sends = send_records(&sender.journal);
        let bytes = sends.iter().map(|s| s.len).sum();
        let verdict = verdict::sender_side(sends.len(), bytes);
        let mut run = Exchange::new(label, sender.knobs.sending(), sends, Vec::new(), verdict);
        run.segments_out = sender.segments_out;
        run
    }

    fn new(
        label: impl Into<String>,
        knobs: Applied,
        sends: Vec<SendRecord>,
        recvs: Vec<RecvRecord>,
        verdict: Verdict,
    ) -> Exchange {
        Exchange {
            label: label.into(),
            transport: Transport::Tcp,
            knobs,
            sends,
            recvs,
            sticky: verdict.sticky,
            half: verdict.half,
            verdict: verdict.sentence,
            code: verdict.code,
            segments_out: None,
            reader: None,
            notes: Vec::new(),
            frames: None,
        }
    }

    /// Replaces the verdict (sentence and code), keeping what the chunks
    /// showed.
    pub fn judged(&mut self, sentence: impl Into<String>, code: Code) {
        self.verdict = sentence.into();
        self.code = code;
    }

    /// All bytes the receiver got, in order.
    #[must_use]
    pub fn received_stream(&self) -> Vec<u8> {
        self.recvs
            .iter()
            .flat_map(|r| r.bytes.iter().copied())
            .collect()
    }

    /// All bytes the sender sent, in order.
    #[must_use]
    pub fn sent_stream(&self) -> Vec<u8> {
        self.sends
            .iter()
            .flat_map(|s| s.bytes.iter().copied())
            .collect()
    }
}

/// The messages of a sender's journal, in order.
fn sent_messages(journal: &Journal) -> Vec<&[u8]> {
    journal.sends().into_iter().map(|c| &c.bytes[..]).collect()
}

fn send_records(journal: &Journal) -> Vec<SendRecord> {
    journal
        .events()
        .iter()
        .filter_map(|event| match event {
            Event::Send { call, pieces } => Some(SendRecord {
                index: call.index,
                len: call.bytes.len(),
                bytes: call.bytes.clone(),
                t_us: micros(call),
                pieces: (pieces.len() > 1).then(|| pieces.clone()),
            }),
            _ => None,
        })
        .collect()
}

fn recv_records(journal: &Journal) -> Vec<RecvRecord> {
    journal
        .events()
        .iter()
        .filter_map(|event| {
            let (call, truncation) = match event {
                Event::Recv(call) => (call, None),
                Event::Datagram { call, truncation } => (call, Some(*truncation)),
                _ => return None,
            };
            Some(RecvRecord {
                index: call.index,
                len: call.bytes.len(),
                bytes: call.bytes.clone(),
                t_us: micros(call),
                origin: Vec::new(),
                truncated: truncation.map(|t| t.truncated),
                real_len: truncation.and_then(|t| t.real_len),
                annotation: None,
                headers: Vec::new(),
            })
        })
        .collect()
}

fn micros(call: &Call) -> u64 {
    u64::try_from(call.at.as_micros()).unwrap_or(u64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{Report, Run};
    use std::time::Instant;

    fn glued() -> Exchange {
        let epoch = Instant::now();
        let mut sender = Journal::new(epoch);
        sender.sent("下雨天留客天留人".as_bytes(), epoch);
        sender.sent("不留".as_bytes(), epoch);
        let mut receiver = Journal::new(epoch);
        receiver.received("下雨天留客天留人不留".as_bytes());
        let side = |journal| Side {
            journal,
            knobs: Applied::default(),
            segments_out: None,
        };
        Exchange::both("late reader", &side(sender), &side(receiver))
    }

    #[test]
    fn json_keeps_the_promised_keys_and_round_trips() {
        let mut run = glued();
        run.recvs[0].annotation = Some(Annotation::Decoder("frames #1, #2 complete".into()));
        let report = Report::new("sticky", "sticky", vec![run.into()]);
        let json: serde_json::Value = serde_json::to_value(&report).unwrap();
        testkit::assert_report_keys(&json, "sticky", "tcp");
        let run = &json["runs"][0];
        assert_eq!(run["kind"], "exchange");
        assert_eq!(run["sticky"], true);
        assert_eq!(run["code"], "glued");
        assert_eq!(
            run["sends"][0]["hex"],
            "e4b88be99ba8e5a4a9e79599e5aea2e5a4a9e79599e4baba"
        );
        assert_eq!(run["recvs"][0]["origin"][1]["send"], 2);
        assert_eq!(run["recvs"][0]["decoder"], "frames #1, #2 complete");
        let back: Report = serde_json::from_value(json).unwrap();
        let Run::Exchange(back) = &back.runs[0] else {
            panic!("an exchange comes back an exchange");
        };
        assert_eq!(back.recvs[0].bytes, "下雨天留客天留人不留".as_bytes());
        assert_eq!(
            back.recvs[0].annotation,
            Some(Annotation::Decoder("frames #1, #2 complete".into()))
        );
    }

    #[test]
    fn what_naive_code_concluded_is_not_a_decoder_state() {
        let mut run = glued();
        run.recvs[0].annotation = Some(Annotation::Concluded("head = recv(4)".into()));
        let json = serde_json::to_value(&run).unwrap();
        assert_eq!(json["recvs"][0]["concluded"], "head = recv(4)");
        assert!(json["recvs"][0].get("decoder").is_none());
    }
}
