//! The largest datagram: 65,507 bytes go through whole; 65,508 are refused.
//!
//! A UDP datagram travels in one IP packet (perhaps cut into fragments on
//! the way, but reassembled before anyone sees it). An IPv4 packet's length
//! is a 16-bit field, so it holds at most 65,535 bytes, headers included:
//!
//! ```text
//!   65,535  largest IPv4 packet (total length: 16 bits)
//!  −    20  IPv4 header
//!  −     8  UDP header
//!  = 65,507 largest UDP payload over IPv4
//! ```
//!
//! The sender's kernel refuses anything bigger at once: `send` fails with
//! EMSGSIZE ("message too long") and nothing reaches the network. TCP has
//! no such limit — a stream has no messages to be too long — which is why
//! a large file over UDP needs a protocol of its own.
//!
//! Some systems refuse earlier: macOS limits a datagram to the socket's
//! send buffer, which starts at `net.inet.udp.maxdgram` (9,216 bytes). The
//! run reports whatever the operating system said.

use crate::boundaries::QUIET;
use crate::datagram::os_says;
use crate::traffic::Refused;
use crate::{Scenario, TEXT};
use kit::error::Result;
use kit::report::Exchange;
use kit::stream::RECV_BUFFER;

/// The largest UDP payload over IPv4: 65,535 − 20 − 8.
pub const LARGEST: usize = 65_535 - 20 - 8;
/// The run's label, in the process's language.
#[must_use]
pub fn label() -> String {
    kit::tr!(TEXT, "label-too-big")
}

/// A datagram of `size` bytes: "数据报" (datagram) repeated, padded with
/// dots so that no character is cut by the length itself.
#[must_use]
pub fn payload(size: usize) -> Vec<u8> {
    let word = "数据报".as_bytes();
    let mut bytes = word.repeat(size / word.len());
    bytes.resize(size, b'.');
    bytes
}

/// Sends a datagram of [`LARGEST`] bytes, then one of a byte more, and
/// reads what arrives. A refused send is part of the story, not a failure
/// of the run.
pub fn run() -> Result<Exchange> {
    attempt(&[LARGEST, LARGEST + 1])
}

/// Sends one datagram of each size in `sizes`, and reads what arrives.
pub fn attempt(sizes: &[usize]) -> Result<Exchange> {
    let (mut run, refused) = crate::run_with_refusals(&Scenario {
        label: label(),
        messages: sizes.iter().map(|&size| payload(size)).collect(),
        recv_size: RECV_BUFFER,
        quiet: QUIET,
    })?;
    let sentence = verdict(&run, sizes, &refused);
    run.judged(sentence, kit::verdict::Code::Measured);
    run.notes = notes(sizes, &refused);
    Ok(run)
}

/// What became of each size, in the order tried.
fn verdict(run: &Exchange, sizes: &[usize], refused: &[Refused]) -> String {
    let mut sent = run.sends.iter();
    let parts: Vec<String> = sizes
        .iter()
        .enumerate()
        .map(|(i, &size)| {
            if let Some(no) = refused.iter().find(|r| r.index == i + 1) {
                return kit::tr!(TEXT, "big-refused", size = size, why = os_says(&no.error));
            }
            let index = sent.next().map_or(0, |s| s.index);
            let came = run
                .recvs
                .iter()
                .find(|r| r.origin.first().is_some_and(|p| p.send == index));
            match came {
                Some(r) if r.truncated != Some(true) && r.len == size => {
                    kit::tr!(TEXT, "big-whole", size = size)
                }
                Some(r) => kit::tr!(TEXT, "big-cut", size = size, len = r.len),
                None => kit::tr!(TEXT, "big-lost", size = size),
            }
        })
        .collect();
    parts.join(&kit::tr!(TEXT, "clause-separator"))
}

/// Why the limit is where it is, and what was refused.
fn notes(sizes: &[usize], refused: &[Refused]) -> Vec<String> {
    let mut notes = vec![kit::tr!(TEXT, "big-limit", largest = LARGEST)];
    let below_the_limit = refused
        .iter()
        .map(|r| sizes[r.index - 1])
        .find(|&s| s <= LARGEST);
    if let Some(size) = below_the_limit {
        notes.push(if cfg!(target_os = "macos") {
            kit::tr!(TEXT, "big-macos", size = size)
        } else {
            kit::tr!(TEXT, "big-below", size = size)
        });
    }
    if !refused.is_empty() {
        notes.push(kit::tr!(TEXT, "big-refusal-error"));
    }
    notes.push(kit::tr!(TEXT, "big-fragments"));
    notes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_payload_has_the_size_asked_and_is_text() {
        for size in [0, 1, 9, LARGEST] {
            let bytes = payload(size);
            assert_eq!(bytes.len(), size);
            assert!(std::str::from_utf8(&bytes).is_ok());
        }
    }

    #[test]
    fn one_byte_over_the_limit_is_refused_in_the_run_not_by_a_panic() {
        let run = attempt(&[LARGEST + 1]).unwrap();
        assert!(run.sends.is_empty(), "nothing was sent");
        assert!(run.recvs.is_empty());
        assert!(
            run.verdict
                .starts_with(&format!("a {}-byte one was refused by send: ", LARGEST + 1)),
            "{}",
            run.verdict
        );
        if cfg!(unix) {
            assert!(run.verdict.contains("message too long"), "{}", run.verdict);
        }
        assert!(run.notes[0].starts_with("65507 = 65535"), "{:?}", run.notes);
    }
}
