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

use kit::error::{Error, Result};
use kit::knobs::{Applied, Knobs};
use kit::loopback::{self, End};
use kit::report::{Side, TimingRow};
use socket2::SockRef;
use std::io::{self, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

/// How long this system's delayed ACK holds an ACK by default: Linux's
/// minimum delayed-ACK timeout (`TCP_DELACK_MIN`, 40 ms); Windows'
/// `TcpDelAckTicks` (2 ticks of 100 ms); macOS's `tcp_delack` (100 ms,
/// fired by a timer list that runs every 100 ms, so 100 to 200 ms).
pub const DELAYED_ACK: &str = if cfg!(windows) {
    "about 200 ms"
} else if cfg!(target_os = "macos") {
    "100 to 200 ms"
} else {
    "40 ms"
};

/// Round trips per variant.
pub const ROUND_TRIPS: usize = 20;
/// What the timing table shows.
pub const LABEL: &str = "a request written as a 4-byte header and a body, then the reply read";
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
    pub fn label(self) -> &'static str {
        match self {
            Variant::Nagle => "Nagle on (the default)",
            Variant::NoDelay => "TCP_NODELAY on the client",
            Variant::QuickAck => "TCP_QUICKACK re-armed before every read",
            Variant::QuickAckOnce => "TCP_QUICKACK set once",
            Variant::Cork => "TCP_CORK around the two writes",
            Variant::Combined => "one combined write",
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
        let doing = || format!("round trip #{i}");
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
            .map_err(Error::io("setting TCP_QUICKACK"))?;
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
                doing: "reading a request".into(),
                source: io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!("a {len}-byte body is not one of ours"),
                ),
            });
        }
        let mut body = vec![0u8; len];
        if !read_request_part(&mut stream, &mut body, variant, &quickack)? {
            return Err(Error::PeerClosed {
                during: "sending a request body".into(),
            });
        }
        stream.write_all(REPLY).map_err(Error::io("replying"))?;
        answered += 1;
    }
    if matches!(variant, Variant::QuickAck | Variant::QuickAckOnce) {
        // Read back at the end of the run: off again, because Linux clears
        // quick-ACK mode on its own — the reason it must be re-armed.
        knobs.quickack = Applied::read(SockRef::from(&stream), &quickack).quickack;
    }
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
                .map_err(Error::io("re-arming TCP_QUICKACK"))?;
        }
        match stream.read(&mut buf[have..]) {
            Ok(0) if have == 0 => return Ok(false),
            Ok(0) => {
                return Err(Error::PeerClosed {
                    during: "sending a request".into(),
                });
            }
            Ok(n) => have += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(Error::io("reading a request")(e)),
        }
    }
    Ok(true)
}

/// A client's round trips as a table row.
pub fn client_row(variant: Variant, client: &Side, samples: &[Duration]) -> Result<TimingRow> {
    TimingRow::measured(variant.label(), client.knobs.sending(), samples).ok_or_else(|| Error::Io {
        doing: "timing round trips".into(),
        source: io::Error::other("no round trip was made"),
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

/// The two lines that explain the stall, for the table's foot.
#[must_use]
pub fn mechanism() -> Vec<String> {
    vec![
        "Nagle's algorithm holds a small write (the body) while earlier data (the header) is \
         still unACKed"
            .into(),
        format!(
            "the server's delayed ACK holds that ACK for {DELAYED_ACK}, hoping to ride on a reply \
             — and the reply waits for the body"
        ),
        "TCP_QUICKACK is cleared by the kernel after use: set once it changes nothing; re-armed \
         before every read it ends the stall"
            .into(),
    ]
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
