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

use crate::TEXT;
use crate::support::reading::{RECV_SIZE, Reader, Seen};
use crate::support::{sending, size, sliced};
use codec::frame::{self, HEADER_LEN};
use fixed::slicer::Slicing;
use kit::error::{Error, Result};
use kit::hex;
use kit::knobs::Knobs;
use kit::loopback::End;
use kit::report::{Exchange, Side};
use kit::verdict::Code;
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
    let mut run = Exchange::both(kit::tr!(TEXT, "label-a-broken"), &done.server, &seen.side);
    seen.annotate(&mut run);
    run.reader = Some(kit::tr!(TEXT, "reader-a-broken", size = RECV_SIZE));
    run.judged(broken_verdict(&counted), Code::Shown);
    run.notes = vec![
        kit::tr!(TEXT, "note-a-pieces", pieces = sliced::pieces(&SLICING)),
        kit::tr!(TEXT, "note-a-counts-asked"),
        kit::tr!(
            TEXT,
            "note-a-lost",
            size = counted.next_len().map_or_else(
                || kit::tr!(TEXT, "size-unknown"),
                |n| size::bytes(u64::from(n))
            ),
            unread = size::counted(counted.unread)
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
    let mut run = Exchange::both(kit::tr!(TEXT, "label-a-correct"), &done.server, &seen.side);
    seen.annotate(&mut run);
    run.reader = Some(kit::tr!(TEXT, "reader-a-correct"));
    run.frames = Some(seen.frames(&messages));
    let whole = run.frames.iter().flatten().filter(|f| f.whole).count();
    let sizes: Vec<String> = run.recvs.iter().map(|r| r.len.to_string()).collect();
    let verdict = kit::tr!(
        TEXT,
        "verdict-a-correct",
        recvs = run.recvs.len(),
        sizes = sizes.join(" + "),
        whole = whole,
        total = messages.len()
    );
    run.judged(verdict, Code::Shown);
    run.notes = vec![kit::tr!(TEXT, "note-a-correct")];
    Ok(run)
}

/// The tutorial's client, line by line: `head = client.recv(4)`, the
/// counting loop, then `recv(4)` again for the next message's header.
fn tutorial_client(end: End) -> Result<(Seen, Counted)> {
    let mut reader = Reader::new(end);
    let head = reader.recv(HEADER_LEN)?;
    let Some(total) = head.first_chunk::<4>().map(|h| u32::from_be_bytes(*h)) else {
        // Not this pitfall's subject, see (b); the loop cannot start.
        reader.say(kit::tr!(
            TEXT,
            "said-a-head-short",
            got = size::counted(head.len())
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
        let (have_now, total_now) = (have.to_string(), total.to_string());
        let next = if have < u64::from(total) {
            kit::tr!(
                TEXT,
                "said-recv-again",
                have = &have_now,
                total = &total_now
            )
        } else {
            kit::tr!(
                TEXT,
                "said-loop-ends",
                have = &have_now,
                total = &total_now,
                len = data.len()
            )
        };
        reader.say(kit::tr!(
            TEXT,
            "said-recv-returned",
            n = chunk.len(),
            next = next
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
                kit::tr!(TEXT, "said-inside-message", from = o, to = o + HEADER_LEN)
            });
        reader.say(kit::tr!(
            TEXT,
            "said-next-head",
            total = u32::from_be_bytes(*h).to_string(),
            inside = inside
        ));
    } else if !next_header.is_empty() {
        reader.say(kit::tr!(TEXT, "said-next-head-short"));
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
                during: kit::tr!(TEXT, "during-reading-header", n = head.len()),
            });
        };
        let total = u32::from_be_bytes(*header) as usize;
        reader.header_just_read(HEADER_LEN);
        reader.say(kit::tr!(TEXT, "said-header-total", total = total));
        let mut data = Vec::with_capacity(total.min(frame::DEFAULT_MAX_FRAME_LEN));
        while data.len() < total {
            let chunk = reader.recv(RECV_SIZE.min(total - data.len()))?;
            if chunk.is_empty() {
                return Err(Error::PeerClosed {
                    during: kit::tr!(
                        TEXT,
                        "during-reading-message",
                        total = total,
                        got = data.len()
                    ),
                });
            }
            data.extend_from_slice(&chunk);
            reader.say(kit::tr!(
                TEXT,
                "said-have",
                n = chunk.len(),
                have = data.len(),
                total = total
            ));
        }
        reader.read_message(data);
    }
}

fn broken_verdict(counted: &Counted) -> String {
    let returned: Vec<String> = counted.returned.iter().map(usize::to_string).collect();
    let kept = kit::tr!(
        TEXT,
        "verdict-a-kept",
        recvs = counted.returned.len(),
        data = counted.data.len(),
        total = counted.total.to_string()
    );
    let damage = match (counted.lost(), counted.swallowed()) {
        (0, 0) => kit::tr!(TEXT, "verdict-a-nothing-lost"),
        (lost, 0) => kit::tr!(TEXT, "verdict-a-lost", lost = lost),
        (_, swallowed) => kit::tr!(TEXT, "verdict-a-swallowed", swallowed = swallowed),
    };
    let next = match counted.next_len() {
        Some(len) => kit::tr!(
            TEXT,
            "verdict-a-next",
            hex = hex::spaced(&counted.next_header),
            size = size::bytes(u64::from(len))
        ),
        None => String::new(),
    };
    kit::tr!(
        TEXT,
        "verdict-a-broken",
        returned = returned.join(" + "),
        kept = kept,
        damage = damage,
        next = next
    )
}
