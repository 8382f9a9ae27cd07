//! The report: the facts a demo shows, as one value that the terminal
//! renderer draws and `--json` prints.
//!
//! Graders and scripts read the JSON, so the keys below are a promise: new
//! keys may be added, these are never renamed.
//!
//! ```text
//! { "demo": "sticky",
//!   "runs": [ { "label", "transport": "tcp"|"udp", "knobs": {…as applied},
//!               "sends": [ { "index", "len", "hex" } ],
//!               "recvs": [ { "index", "len", "hex", "t_us",
//!                            "origin": [ { "send", "start", "end" } ] } ],
//!               "sticky", "half", "verdict", "code" } ] }
//! ```

use crate::journal::{Call, Journal};
use crate::knobs::Applied;
use crate::origin::{self, Piece};
use crate::verdict::{self, Code, Verdict};
use serde::{Deserialize, Serialize};

/// Everything one invocation of a demo showed.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Report {
    /// The demo's short name: `sticky`, `half`, …
    pub demo: String,
    /// The demo's title as the banner shows it.
    pub title: String,
    /// One entry per scenario that was run.
    pub runs: Vec<Run>,
}

/// Which transport carried a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Transport {
    /// A TCP byte stream.
    Tcp,
    /// UDP datagrams.
    Udp,
}

/// One scenario: its knobs, both journals lined up, and the verdict.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Run {
    /// What this run shows, e.g. "late reader, TCP_NODELAY off".
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
    /// Round-trip times, for demos that measure them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rtt_us: Option<Rtt>,
    /// How the receiver read, e.g. "late: waited until all 30 B were queued".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reader: Option<String>,
    /// Why the run came out as it did: the lines a teacher explains.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// Messages a frame decoder rebuilt from the recvs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub frames: Vec<FrameRecord>,
}

/// One message as the sender handed it to the kernel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SendRecord {
    /// 1-based send number.
    pub index: usize,
    /// Bytes in the message.
    pub len: usize,
    /// The message's bytes (hex in JSON).
    #[serde(rename = "hex", with = "hex")]
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
    #[serde(rename = "hex", with = "hex")]
    pub bytes: Vec<u8>,
    /// Microseconds from the start of the run.
    pub t_us: u64,
    /// Which sends the bytes came from; empty when that cannot be known.
    pub origin: Vec<Piece>,
    /// A datagram longer than the recv buffer (MSG_TRUNC): the rest is gone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub truncated: Option<bool>,
    /// The truncated datagram's full length, where the platform reports it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub real_len: Option<usize>,
    /// Where a frame decoder stood after this recv, for demos that decode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decoder: Option<String>,
    /// Byte ranges of this chunk that are frame length headers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub headers: Vec<Span>,
}

/// A byte range `[start, end)` inside a chunk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// One message a frame decoder rebuilt from the chunks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FrameRecord {
    /// 1-based frame number.
    pub index: usize,
    /// Payload bytes.
    pub len: usize,
    /// The payload (hex in JSON).
    #[serde(rename = "hex", with = "hex")]
    pub bytes: Vec<u8>,
    /// The recv that completed it.
    pub completed_by: usize,
    /// Whether it equals the message that was sent as this frame.
    pub whole: bool,
}

/// Round-trip times in microseconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rtt {
    /// The median round trip.
    pub median: u64,
    /// The slowest round trip.
    pub max: u64,
}

impl Rtt {
    /// The median and maximum of `samples` (`None` if there are none).
    pub fn of(samples: &[std::time::Duration]) -> Option<Rtt> {
        let mut micros: Vec<u64> = samples
            .iter()
            .map(|d| u64::try_from(d.as_micros()).unwrap_or(u64::MAX))
            .collect();
        micros.sort_unstable();
        let max = *micros.last()?;
        let n = micros.len();
        let median = if n % 2 == 1 {
            micros[n / 2]
        } else {
            (micros[n / 2 - 1] + micros[n / 2]) / 2
        };
        Some(Rtt { median, max })
    }
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

impl Report {
    /// The first run whose peer did something other than the lesson
    /// expects (a mismatch, a stream cut short, a silent peer): a paired
    /// binary then exits with code 1, after printing the story.
    pub fn mismatch(&self) -> Option<&Run> {
        self.runs.iter().find(|run| run.code.is_mismatch())
    }
}

impl Run {
    /// A run seen from both ends (the in-process tour): the sender's sends
    /// are the messages, the receiver's recvs are traced back to them.
    pub fn both(label: impl Into<String>, sender: &Side, receiver: &Side) -> Run {
        let messages: Vec<&[u8]> = sender
            .journal
            .sends()
            .iter()
            .map(|c| &c.bytes[..])
            .collect();
        let mut run = Run::receiver(label, receiver, &messages);
        run.knobs = Applied::of_connection(&sender.knobs, &receiver.knobs);
        run.sends = sender
            .journal
            .sends()
            .iter()
            .map(SendRecord::from)
            .collect();
        run.segments_out = sender.segments_out;
        run
    }

    /// A run seen by the receiver alone, which traces its recvs back to the
    /// messages it expects (the same defaults the sender uses).
    pub fn receiver<M: AsRef<[u8]>>(
        label: impl Into<String>,
        receiver: &Side,
        expected: &[M],
    ) -> Run {
        Run::traced(label, Transport::Tcp, receiver, expected)
    }

    /// A datagram run seen from both ends: each recv is matched to the
    /// datagram it returned.
    pub fn datagrams(label: impl Into<String>, sender: &Side, receiver: &Side) -> Run {
        let messages: Vec<&[u8]> = sender
            .journal
            .sends()
            .iter()
            .map(|c| &c.bytes[..])
            .collect();
        let mut run = Run::traced(label, Transport::Udp, receiver, &messages);
        run.knobs = Applied::of_connection(&sender.knobs, &receiver.knobs);
        run.sends = sender
            .journal
            .sends()
            .iter()
            .map(SendRecord::from)
            .collect();
        run
    }

    /// A datagram run seen by the receiver alone.
    pub fn datagram_receiver<M: AsRef<[u8]>>(
        label: impl Into<String>,
        receiver: &Side,
        expected: &[M],
    ) -> Run {
        Run::traced(label, Transport::Udp, receiver, expected)
    }

    fn traced<M: AsRef<[u8]>>(
        label: impl Into<String>,
        transport: Transport,
        receiver: &Side,
        expected: &[M],
    ) -> Run {
        let calls = receiver.journal.recvs();
        let ending = receiver.journal.ending();
        let chunks: Vec<&[u8]> = calls.iter().map(|c| &c.bytes[..]).collect();
        let traced = match transport {
            Transport::Tcp => origin::map(expected, &chunks),
            Transport::Udp => origin::map_datagrams(expected, &chunks),
        };
        let (origins, verdict) = match traced {
            Some(origins) => {
                let verdict = match transport {
                    Transport::Tcp => {
                        let sent = expected.iter().map(|m| m.as_ref().len()).sum();
                        verdict::judge(expected.len(), sent, &origins, ending)
                    }
                    Transport::Udp => {
                        let truncated: Vec<usize> = calls
                            .iter()
                            .filter(|c| c.truncation.is_some_and(|t| t.truncated))
                            .map(|c| c.index)
                            .collect();
                        verdict::judge_datagrams(expected.len(), &origins, &truncated)
                    }
                };
                (origins, verdict)
            }
            None => (
                vec![Vec::new(); calls.len()],
                verdict::unknown_origin(calls.len(), receiver.journal.received_bytes(), ending),
            ),
        };
        let recvs = calls
            .iter()
            .zip(origins)
            .map(|(call, origin)| RecvRecord {
                index: call.index,
                len: call.bytes.len(),
                bytes: call.bytes.clone(),
                t_us: micros(call),
                origin,
                truncated: call.truncation.map(|t| t.truncated),
                real_len: call.truncation.and_then(|t| t.real_len),
                decoder: None,
                headers: Vec::new(),
            })
            .collect();
        let mut run = Run::new(
            label,
            receiver.knobs.receiving(),
            Vec::new(),
            recvs,
            verdict,
        );
        run.transport = transport;
        run
    }

    /// A run seen by the sender alone.
    pub fn sender(label: impl Into<String>, sender: &Side) -> Run {
        let sends: Vec<SendRecord> = sender
            .journal
            .sends()
            .iter()
            .map(SendRecord::from)
            .collect();
        let bytes = sends.iter().map(|s| s.len).sum();
        let verdict = verdict::sender_side(sends.len(), bytes);
        let mut run = Run::new(label, sender.knobs.sending(), sends, Vec::new(), verdict);
        run.segments_out = sender.segments_out;
        run
    }

    fn new(
        label: impl Into<String>,
        knobs: Applied,
        sends: Vec<SendRecord>,
        recvs: Vec<RecvRecord>,
        verdict: Verdict,
    ) -> Run {
        Run {
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
            rtt_us: None,
            reader: None,
            notes: Vec::new(),
            frames: Vec::new(),
        }
    }

    /// All bytes the receiver got, in order.
    pub fn received_stream(&self) -> Vec<u8> {
        self.recvs
            .iter()
            .flat_map(|r| r.bytes.iter().copied())
            .collect()
    }

    /// All bytes the sender sent, in order.
    pub fn sent_stream(&self) -> Vec<u8> {
        self.sends
            .iter()
            .flat_map(|s| s.bytes.iter().copied())
            .collect()
    }
}

impl From<&Call> for SendRecord {
    fn from(call: &Call) -> SendRecord {
        SendRecord {
            index: call.index,
            len: call.bytes.len(),
            bytes: call.bytes.clone(),
            t_us: micros(call),
            pieces: call.pieces.clone(),
        }
    }
}

fn micros(call: &Call) -> u64 {
    u64::try_from(call.at.as_micros()).unwrap_or(u64::MAX)
}

/// Bytes as a lowercase hex string in JSON, the way `bytes.hex()` prints
/// them in Python.
mod hex {
    use serde::de::Error;
    use serde::{Deserialize, Deserializer, Serializer};
    use std::fmt::Write;

    pub fn serialize<S: Serializer>(bytes: &[u8], serializer: S) -> Result<S::Ok, S::Error> {
        let mut text = String::with_capacity(bytes.len() * 2);
        for byte in bytes {
            // Writing to a String cannot fail.
            let _ = write!(text, "{byte:02x}");
        }
        serializer.serialize_str(&text)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<u8>, D::Error> {
        let text = String::deserialize(deserializer)?;
        if text.len() % 2 != 0 {
            return Err(D::Error::custom("hex text of odd length"));
        }
        (0..text.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&text[i..i + 2], 16).map_err(D::Error::custom))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Instant;

    #[test]
    fn rtt_median_and_max() {
        let ms = std::time::Duration::from_millis;
        assert_eq!(
            Rtt::of(&[ms(3), ms(1), ms(2)]),
            Some(Rtt {
                median: 2000,
                max: 3000
            })
        );
        assert_eq!(
            Rtt::of(&[ms(1), ms(4)]),
            Some(Rtt {
                median: 2500,
                max: 4000
            })
        );
        assert_eq!(Rtt::of(&[]), None);
    }

    #[test]
    fn json_keeps_the_promised_keys_and_round_trips() {
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
        let run = Run::both("late reader", &side(sender), &side(receiver));
        let report = Report {
            demo: "sticky".into(),
            title: "sticky".into(),
            runs: vec![run],
        };
        let json: serde_json::Value = serde_json::to_value(&report).unwrap();
        testkit::assert_report_keys(&json, "sticky", "tcp");
        let run = &json["runs"][0];
        assert_eq!(run["sticky"], true);
        assert_eq!(
            run["sends"][0]["hex"],
            "e4b88be99ba8e5a4a9e79599e5aea2e5a4a9e79599e4baba"
        );
        assert_eq!(run["recvs"][0]["origin"][1]["send"], 2);
        let back: Report = serde_json::from_value(json).unwrap();
        assert_eq!(
            back.runs[0].recvs[0].bytes,
            "下雨天留客天留人不留".as_bytes()
        );
    }
}
