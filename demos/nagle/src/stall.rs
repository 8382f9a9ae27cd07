//! Nagle's stall: a request written as two small writes — a 4-byte header,
//! then the body — waits about 40 ms for every reply.
//!
//! ```text
//!   client                                   server
//!   write(header) ──── segment 4 B ────────▶ recv(4)      wants the body next,
//!   write(body)   ┐                                        so it has nothing to send
//!                 │ Nagle: the header is                   and delays its ACK,
//!                 │ not ACKed yet, so the                  hoping to piggyback it
//!                 │ small body waits…                      on a reply (≥ 40 ms)
//!                 │          ◀──────────── ACK (40 ms later)
//!                 └─ segment N B ─────────▶ recv(N)
//!   read(2)       ◀──────────── reply "ok"
//! ```
//!
//! Two reasonable mechanisms deadlock for 40 ms: Nagle's algorithm waits
//! for an ACK before sending a small segment, and delayed ACK waits for data
//! to ride on before sending an ACK. Anything that breaks either wait ends
//! the stall: `TCP_NODELAY` (send the body at once), `TCP_QUICKACK` on the server
//! (ACK at once — but Linux clears it again, so it must be re-armed before
//! every read), `TCP_CORK` around the two writes (send them as one segment),
//! or simply one combined write.

use crate::TEXT;
use kit::error::{Error, Result};
use kit::knobs::{Applied, Knobs};
use kit::loopback::{self, End};
use kit::report::{Side, TimingRow};
use socket2::SockRef;
use std::io::{self, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

/// Round trips per variant.
pub const ROUND_TRIPS: usize = 20;
/// What the timing table shows.
#[must_use]
pub fn label() -> String {
    kit::tr!(TEXT, "stall-label")
}
/// The request body: the tutorial's sentence.
pub const BODY: &str = "下雨天留客天留人不留";
/// The server's reply to each request.
pub const REPLY: &[u8] = b"ok";

/// One way of sending the request, or of acknowledging it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Variant {
    /// The defaults: Nagle on, delayed ACK on.
    Nagle,
    /// `TCP_NODELAY` on the client.
    NoDelay,
    /// `TCP_QUICKACK` on the server, re-armed before every read (Linux).
    QuickAck,
    /// `TCP_QUICKACK` on the server, set once after accept (Linux).
    QuickAckOnce,
    /// `TCP_CORK` on the client around the two writes (Linux).
    Cork,
    /// Header and body in one write.
    Combined,
}

impl Variant {
    /// Every variant, in the order the table shows them.
    pub const ALL: [Variant; 6] = [
        Variant::Nagle,
        Variant::NoDelay,
        Variant::QuickAck,
        Variant::QuickAckOnce,
        Variant::Cork,
        Variant::Combined,
    ];

    /// The row label.
    #[must_use]
    pub fn label(self) -> String {
        match self {
            Variant::Nagle => kit::tr!(TEXT, "variant-nagle"),
            Variant::NoDelay => kit::tr!(TEXT, "variant-nodelay"),
            Variant::QuickAck => kit::tr!(TEXT, "variant-quickack"),
            Variant::QuickAckOnce => kit::tr!(TEXT, "variant-quickack-once"),
            Variant::Cork => kit::tr!(TEXT, "variant-cork"),
            Variant::Combined => kit::tr!(TEXT, "variant-combined"),
        }
    }

    /// Why a round trip of this variant did not stall: what its knob
    /// changed, or — for the variants that change nothing on the client —
    /// what the server must have done.
    #[must_use]
    pub fn why_fast(self) -> String {
        match self {
            Variant::NoDelay => kit::tr!(TEXT, "why-fast-nodelay"),
            Variant::Cork => kit::tr!(TEXT, "why-fast-cork"),
            Variant::Combined => kit::tr!(TEXT, "why-fast-combined"),
            Variant::QuickAck => kit::tr!(TEXT, "why-fast-quickack"),
            Variant::Nagle | Variant::QuickAckOnce => kit::tr!(TEXT, "why-fast-server"),
        }
    }

    /// Whether this platform has the socket option the variant needs.
    #[must_use]
    pub fn available(self) -> bool {
        match self {
            Variant::QuickAck | Variant::QuickAckOnce | Variant::Cork => cfg!(target_os = "linux"),
            _ => true,
        }
    }

    /// The client's knobs, set before `connect`.
    #[must_use]
    pub fn client_knobs(self) -> Knobs {
        Knobs {
            nodelay: Some(self == Variant::NoDelay),
            ..Knobs::default()
        }
    }
}

/// The client: `round_trips` requests, each written as header then body
/// (as the variant says), each waiting for the reply. Returns its side and
/// the time of every round trip.
pub fn client(end: End, variant: Variant, round_trips: usize) -> Result<(Side, Vec<Duration>)> {
    let End {
        mut stream,
        knobs,
        epoch,
        ..
    } = end;
    let body = BODY.as_bytes();
    let header = (body.len() as u32).to_be_bytes();
    let mut samples = Vec::with_capacity(round_trips);
    let mut reply = [0u8; REPLY.len()];
    let mut corked_as_read = None;
    for i in 1..=round_trips {
        let doing = || kit::tr!(TEXT, "doing-round-trip", n = i);
        let began = Instant::now();
        match variant {
            Variant::Combined => stream.write_all(&[&header[..], body].concat()),
            Variant::Cork => corked(&mut stream, &header, body).map(|cork| corked_as_read = cork),
            _ => stream
                .write_all(&header)
                .and_then(|()| stream.write_all(body)),
        }
        .map_err(Error::io(doing()))?;
        stream.read_exact(&mut reply).map_err(Error::io(doing()))?;
        samples.push(began.elapsed());
    }
    let applied = Applied {
        cork: corked_as_read,
        ..knobs
    };
    let side = Side {
        journal: kit::journal::Journal::new(epoch),
        knobs: applied,
        segments_out: None,
    };
    Ok((side, samples))
}

/// `TCP_CORK` holds partial segments back until the cork is pulled, so the
/// header and body leave together as one segment.
/// Returns `TCP_CORK` as the kernel reported it while the cork was in.
fn corked(stream: &mut TcpStream, header: &[u8], body: &[u8]) -> io::Result<Option<bool>> {
    set_cork(stream, true)?;
    let cork = Knobs {
        cork: Some(true),
        ..Knobs::default()
    };
    let applied = Applied::read(SockRef::from(&*stream), &cork).cork;
    stream.write_all(header)?;
    stream.write_all(body)?;
    set_cork(stream, false)?;
    Ok(applied)
}

fn set_cork(stream: &TcpStream, on: bool) -> io::Result<()> {
    Knobs {
        cork: Some(on),
        ..Knobs::default()
    }
    .apply(SockRef::from(stream))
}

/// The server: answers every request until the client closes. Returns its
/// side and how many requests it answered.
pub fn server(end: End, variant: Variant) -> Result<(Side, usize)> {
    let End {
        mut stream,
        mut knobs,
        epoch,
        ..
    } = end;
    let quickack = Knobs {
        quickack: Some(true),
        ..Knobs::default()
    };
    if variant == Variant::QuickAckOnce {
        quickack
            .apply(SockRef::from(&stream))
            .map_err(Error::io(kit::tr!(TEXT, "doing-setting-quickack")))?;
    }
    let mut answered = 0;
    loop {
        let mut header = [0u8; 4];
        if !read_request_part(&mut stream, &mut header, variant, &quickack)? {
            break;
        }
        let len = u32::from_be_bytes(header) as usize;
        if len > 1 << 20 {
            return Err(Error::Io {
                doing: kit::tr!(TEXT, "doing-reading-request"),
                source: io::Error::new(
                    io::ErrorKind::InvalidData,
                    kit::tr!(TEXT, "error-body-not-ours", len = len),
                ),
            });
        }
        let mut body = vec![0u8; len];
        if !read_request_part(&mut stream, &mut body, variant, &quickack)? {
            return Err(Error::PeerClosed {
                during: kit::tr!(TEXT, "during-sending-body"),
            });
        }
        stream
            .write_all(REPLY)
            .map_err(Error::io(kit::tr!(TEXT, "doing-replying")))?;
        answered += 1;
    }
    // TCP_QUICKACK is not reported as a knob: Linux clears it on its own
    // after an ACK or two (the reason it must be re-armed), so reading it
    // back says only when the last ACK happened to go, not what was set.
    // The variant's label says what the server did.
    knobs.quickack = None;
    let side = Side {
        journal: kit::journal::Journal::new(epoch),
        knobs,
        segments_out: None,
    };
    Ok((side, answered))
}

/// Fills `buf` from the stream; `false` if the client closed first. With
/// [`Variant::QuickAck`], `TCP_QUICKACK` is re-armed before every `recv`:
/// Linux leaves quick-ACK mode again on its own, so one setting covers only
/// the next ACK or so.
fn read_request_part(
    stream: &mut TcpStream,
    buf: &mut [u8],
    variant: Variant,
    quickack: &Knobs,
) -> Result<bool> {
    let mut have = 0;
    while have < buf.len() {
        if variant == Variant::QuickAck {
            quickack
                .apply(SockRef::from(&*stream))
                .map_err(Error::io(kit::tr!(TEXT, "doing-rearming-quickack")))?;
        }
        match stream.read(&mut buf[have..]) {
            Ok(0) if have == 0 => return Ok(false),
            Ok(0) => {
                return Err(Error::PeerClosed {
                    during: kit::tr!(TEXT, "during-sending-request"),
                });
            }
            Ok(n) => have += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(Error::io(kit::tr!(TEXT, "doing-reading-request"))(e)),
        }
    }
    Ok(true)
}

/// A client's round trips as a table row.
pub fn client_row(variant: Variant, client: &Side, samples: &[Duration]) -> Result<TimingRow> {
    TimingRow::measured(variant.label(), client.knobs.sending(), samples).ok_or_else(|| Error::Io {
        doing: kit::tr!(TEXT, "doing-timing"),
        source: io::Error::other(kit::tr!(TEXT, "error-no-round-trip")),
    })
}

/// Runs one variant in this process over loopback: its row of the table.
pub fn run(variant: Variant, round_trips: usize) -> Result<TimingRow> {
    let ((client_side, samples), (server_side, _)) = loopback::pair(
        &Knobs::default(),
        &variant.client_knobs(),
        move |end| server(end, variant),
        |end| client(end, variant, round_trips),
    )?;
    let mut row = client_row(variant, &client_side, &samples)?;
    row.knobs = Applied::of_connection(&client_side.knobs, &server_side.knobs);
    Ok(row)
}

/// A round trip this slow is a delayed ACK at work (40 ms at least on
/// Linux), not a slow machine: loopback takes microseconds.
pub const STALLED_US: u64 = 30_000;

/// The lines under the table: why the slow rows were slow and the fast ones
/// fast — said from the medians this table measured, never assumed from
/// the variants' names.
pub fn notes(rows: &[TimingRow]) -> Vec<String> {
    let median = |variant: Variant| {
        rows.iter()
            .find(|row| row.label == variant.label())
            .map(|row| row.rtt_us.median)
    };
    // Two decimals, as the notes quote every measured time.
    let ms = |us: u64| format!("{:.2}", us as f64 / 1000.0);
    let mut notes = Vec::new();
    let slowest = rows.iter().max_by_key(|row| row.rtt_us.median);
    match slowest {
        Some(slow) if slow.rtt_us.median >= STALLED_US => {
            notes.push(kit::tr!(TEXT, "note-nagle-held"));
            notes.push(kit::tr!(
                TEXT,
                "note-server-delayed",
                ms = ms(slow.rtt_us.median)
            ));
        }
        Some(slow) => notes.push(kit::tr!(
            TEXT,
            "note-no-stall",
            ms = ms(slow.rtt_us.median),
            why = Variant::ALL
                .into_iter()
                .find(|v| v.label() == slow.label)
                .map_or_else(String::new, Variant::why_fast)
        )),
        None => {}
    }
    if let (Some(once), Some(rearmed)) = (median(Variant::QuickAckOnce), median(Variant::QuickAck))
    {
        let stalled_once_only = once >= STALLED_US && rearmed < STALLED_US;
        let (once, rearmed) = (ms(once), ms(rearmed));
        notes.push(if stalled_once_only {
            kit::tr!(
                TEXT,
                "note-quickack-cleared",
                once = &once,
                rearmed = &rearmed
            )
        } else {
            kit::tr!(TEXT, "note-quickack-both", once = &once, rearmed = &rearmed)
        });
    }
    notes
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;

    /// DESIGN §4: ~44 ms per round trip with Nagle on against a few tens
    /// of microseconds for every fix; compared as ratios within one run.
    #[test]
    fn nagle_stalls_and_every_fix_but_a_single_quickack_ends_it() {
        let median = |variant| run(variant, ROUND_TRIPS).unwrap().rtt_us;
        let nagle = median(Variant::Nagle);
        for fix in [
            Variant::NoDelay,
            Variant::QuickAck,
            Variant::Cork,
            Variant::Combined,
        ] {
            let fixed = median(fix);
            assert!(
                nagle.median >= 10 * fixed.median,
                "{}: median {} µs vs Nagle's {} µs",
                fix.label(),
                fixed.median,
                nagle.median
            );
        }
        let combined = median(Variant::Combined);
        assert!(
            combined.max * 2 < nagle.median,
            "one combined write is never slow: max {} µs vs Nagle's median {} µs",
            combined.max,
            nagle.median
        );
        let once = median(Variant::QuickAckOnce);
        assert!(
            once.median * 2 >= nagle.median,
            "TCP_QUICKACK set once does nothing: {} µs vs {} µs",
            once.median,
            nagle.median
        );
    }
}
