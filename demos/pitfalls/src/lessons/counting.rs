//! (a) Counting what was asked for, not what arrived.
//!
//! The tutorial's client reads its message like this:
//!
//! ```python
//! while have < total:
//!     data += client.recv(1024)
//!     have += 1024
//! ```
//!
//! `recv(1024)` returns *at most* 1024 bytes: whatever is queued, down to
//! a single byte. The loop adds 1024 anyway, so it believes it has the
//! whole message while part of it is still in the socket — and the next
//! read takes the middle of this message for the next message's header.
//!
//! Through a slicer that cuts the stream into 500-byte pieces, every
//! `recv(1024)` of a prompt reader returns one piece: the loop stops after
//! two recvs, 996 of 1320 bytes, every time. The fix counts
//! `len(chunk)` and asks only for what is still missing.

use crate::support::reading::{RECV_SIZE, Reader, Seen};
use crate::support::{sending, size, sliced};
use codec::frame::{self, HEADER_LEN};
use fixed::slicer::Slicing;
use kit::error::{Error, Result};
use kit::hex;
use kit::knobs::Knobs;
use kit::loopback::End;
use kit::report::{Exchange, Side};
use kit::verdict::{Code, count};
use std::time::Duration;

/// The tutorial's `big_data`: "重要信息" × 110, 1320 bytes.
pub const BIG: usize = 1320;

/// Pieces of exactly 500 bytes, 5 ms apart: smaller than 1024, and far
/// enough apart that a prompt reader gets each piece in a recv of its own.
pub const SLICING: Slicing = Slicing {
    average: 500,
    variation: 0,
    delay: Duration::from_millis(5),
    seed: 1,
};

/// The two messages: the tutorial's big message, then a short one.
#[must_use]
pub fn messages() -> Vec<Vec<u8>> {
    vec![half::big_message(BIG), "下雨天留客天留人".into()]
}

/// The server's writes: each header, then each body, as the tutorial's
/// `conn.send(head)` and `conn.send(big_data)` (here with the header
/// already in network byte order, `struct.pack("!I", …)`, so that this
/// pitfall is only about counting; (d) is about the header's format).
#[must_use]
pub fn writes(messages: &[Vec<u8>]) -> Vec<Vec<u8>> {
    messages
        .iter()
        .flat_map(|m| {
            let header = frame::header(m.len()).map_or_else(Vec::new, |h| h.to_vec());
            [header, m.clone()]
        })
        .collect()
}

/// What the tutorial's loop ended up with: its own variables, for the
/// verdict.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Counted {
    /// The length the first header announced.
    total: u32,
    /// What the loop put together as the first message.
    data: Vec<u8>,
    /// What each of the loop's `recv(1024)` calls returned, in bytes.
    returned: Vec<usize>,
    /// What the next `recv(4)`, meant for the second header, returned.
    next_header: Vec<u8>,
    /// Bytes the client never read at all.
    unread: usize,
}

impl Counted {
    /// Bytes of the first message that never made it into `data`.
    fn lost(&self) -> usize {
        (self.total as usize).saturating_sub(self.data.len())
    }

    /// Bytes of the second message that the loop took into `data`.
    fn swallowed(&self) -> usize {
        self.data.len().saturating_sub(self.total as usize)
    }

    /// The length the client read from what it took for the second header.
    fn next_len(&self) -> Option<u32> {
        self.next_header
            .first_chunk::<4>()
            .map(|h| u32::from_be_bytes(*h))
    }
}

/// The server's two messages, written as the tutorial's server writes
/// them, through the slicer to `client`: broken and correct readers get the
/// very same traffic, cut at the very same places.
fn replay<CO>(client: impl FnOnce(End) -> Result<CO>) -> Result<sliced::Sliced<Side, CO>> {
    let writes = writes(&messages());
    sliced::run(
        SLICING,
        &Knobs::default(),
        move |end| sending::send_each(end, &writes),
        client,
    )
}

/// The tutorial's client, through the slicer. Each recv says what the
/// loop concluded; the recvs that the code took for headers are marked —
/// the last one is the middle of message 1 — and the verdict counts the
/// bytes lost.
pub fn broken() -> Result<Exchange> {
    let done = replay(tutorial_client)?;
    let (seen, counted) = done.client;
    let mut run = Exchange::both(
        "(a) broken · have += 1024, whatever recv returned",
        &done.server,
        &seen.side,
    );
    seen.annotate(&mut run);
    run.reader = Some(format!(
        "prompt: recv(4), then recv({RECV_SIZE}) while have < total, as the tutorial's client"
    ));
    run.judged(broken_verdict(&counted), Code::Shown);
    run.notes = vec![
        format!(
            "{}; a prompt reader gets one piece per recv, as on a slow or busy network",
            sliced::pieces(&SLICING)
        ),
        "the tutorial's loop `while have < total: data += client.recv(1024); have += 1024` \
         counts what it asked for: recv(1024) returns at most 1024 bytes — whatever is queued, \
         down to one"
            .into(),
        format!(
            "from here the client is lost: it waits for a message of {} that was never sent, \
             and every later read is out of step ({} left unread)",
            counted
                .next_len()
                .map_or_else(|| "unknown length".into(), |n| size::bytes(u64::from(n))),
            count(counted.unread, "byte")
        ),
    ];
    Ok(run)
}

/// The same traffic, read by a loop that counts what each recv returned:
/// its frames are the messages it read, every one whole.
pub fn correct() -> Result<Exchange> {
    let messages = messages();
    let done = replay(counting_client)?;
    let seen = done.client;
    let mut run = Exchange::both(
        "(a) correct · have += len(chunk), asking only for what is missing",
        &done.server,
        &seen.side,
    );
    seen.annotate(&mut run);
    run.reader = Some("prompt: recv(min(1024, total - have)) until have == total".into());
    run.frames = Some(seen.frames(&messages));
    let whole = run.frames.iter().flatten().filter(|f| f.whole).count();
    let sizes: Vec<String> = run.recvs.iter().map(|r| r.len.to_string()).collect();
    let verdict = format!(
        "the same pieces, {} of {} B: the loop added what each recv returned and asked only for \
         the bytes still missing — {whole} of {} messages whole",
        count(run.recvs.len(), "recv"),
        sizes.join(" + "),
        messages.len()
    );
    run.judged(verdict, Code::Shown);
    run.notes = vec![
        "have += len(chunk): the count follows the bytes, not the request; and a recv that \
         returns b\"\" means the peer closed early, which is an error, not the end of a message"
            .into(),
    ];
    Ok(run)
}

/// The tutorial's client, line by line: `head = client.recv(4)`, the
/// counting loop, then `recv(4)` again for the next message's header.
fn tutorial_client(end: End) -> Result<(Seen, Counted)> {
    let mut reader = Reader::new(end);
    let head = reader.recv(HEADER_LEN)?;
    let Some(total) = head.first_chunk::<4>().map(|h| u32::from_be_bytes(*h)) else {
        // Not this pitfall's subject, see (b); the loop cannot start.
        reader.say(format!(
            "head = recv(4) returned {}: struct.unpack raises struct.error",
            count(head.len(), "byte")
        ));
        let unread = reader.drain()?;
        let counted = Counted {
            total: 0,
            data: Vec::new(),
            returned: Vec::new(),
            next_header: Vec::new(),
            unread,
        };
        return Ok((reader.finish(), counted));
    };
    reader.header_just_read(HEADER_LEN);
    reader.say(format!("head = recv(4) → total = {total}"));
    let mut have: u64 = 0;
    let mut data = Vec::new();
    let mut returned = Vec::new();
    while have < u64::from(total) {
        let chunk = reader.recv(RECV_SIZE)?;
        if chunk.is_empty() {
            // Python's loop would go on adding b"" and 1024 until have
            // reached total; the outcome is the same, only slower.
            break;
        }
        returned.push(chunk.len());
        data.extend_from_slice(&chunk);
        have += RECV_SIZE as u64;
        let next = if have < u64::from(total) {
            format!("{have} < {total}: recv again")
        } else {
            format!(
                "{have} ≥ {total}: the loop ends, len(data) = {}",
                data.len()
            )
        };
        reader.say(format!(
            "recv returned {}, have += 1024 → {next}",
            chunk.len()
        ));
    }
    let body_start = HEADER_LEN;
    let at = reader.offset();
    let next_header = reader.recv(HEADER_LEN)?;
    if let Some(h) = next_header.first_chunk::<4>() {
        reader.header_just_read(HEADER_LEN);
        let inside = at
            .checked_sub(body_start)
            .filter(|o| o + HEADER_LEN <= total as usize)
            .map_or_else(String::new, |o| {
                format!(" — bytes {o}..{} of message 1", o + HEADER_LEN)
            });
        reader.say(format!(
            "next head = recv(4) → total = {}{inside}",
            u32::from_be_bytes(*h)
        ));
    } else if !next_header.is_empty() {
        reader.say("next head = recv(4) came up short: struct.unpack raises struct.error");
    }
    let unread = reader.drain()?;
    let counted = Counted {
        total,
        data,
        returned,
        next_header,
        unread,
    };
    Ok((reader.finish(), counted))
}

/// Reads every message by counting what each recv returned, handing each
/// to the reader as it completes.
fn counting_client(end: End) -> Result<Seen> {
    let mut reader = Reader::new(end);
    loop {
        // The header: exactly 4 bytes, however many recvs that takes.
        let mut head = Vec::with_capacity(HEADER_LEN);
        while head.len() < HEADER_LEN {
            let chunk = reader.recv(HEADER_LEN - head.len())?;
            if chunk.is_empty() {
                break;
            }
            head.extend_from_slice(&chunk);
        }
        let Some(header) = head.first_chunk::<4>() else {
            if head.is_empty() {
                // A clean end: between two messages.
                return Ok(reader.finish());
            }
            return Err(Error::PeerClosed {
                during: format!("reading a header ({} of 4 bytes)", head.len()),
            });
        };
        let total = u32::from_be_bytes(*header) as usize;
        reader.header_just_read(HEADER_LEN);
        reader.say(format!("header → total = {total}"));
        let mut data = Vec::with_capacity(total.min(frame::DEFAULT_MAX_FRAME_LEN));
        while data.len() < total {
            let chunk = reader.recv(RECV_SIZE.min(total - data.len()))?;
            if chunk.is_empty() {
                return Err(Error::PeerClosed {
                    during: format!("reading a {total}-byte message (got {})", data.len()),
                });
            }
            data.extend_from_slice(&chunk);
            reader.say(format!(
                "have += {} → {} of {total}",
                chunk.len(),
                data.len()
            ));
        }
        reader.read_message(data);
    }
}

fn broken_verdict(counted: &Counted) -> String {
    let returned: Vec<String> = counted.returned.iter().map(usize::to_string).collect();
    let kept = format!(
        "it stopped after {} with {} of the {} bytes",
        count(counted.returned.len(), "recv"),
        counted.data.len(),
        counted.total
    );
    let damage = match (counted.lost(), counted.swallowed()) {
        (0, 0) => "nothing was lost — the bug stayed hidden this time".to_string(),
        (lost, 0) => format!("{lost} bytes of message 1 never reached data"),
        (_, swallowed) => format!("and {swallowed} bytes of message 2 glued onto it"),
    };
    let next = match counted.next_len() {
        Some(len) => format!(
            "; the next recv(4) read {} as a length: {}",
            hex::spaced(&counted.next_header),
            size::bytes(u64::from(len))
        ),
        None => String::new(),
    };
    format!(
        "the loop counted 1024 per recv, but recv returned {}: {kept}; {damage}{next}",
        returned.join(" + ")
    )
}
