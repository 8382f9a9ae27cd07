//! Checking a student's sender: lab-check is the receiver, behind the
//! slicer.
//!
//! ```text
//!   the student's program                  fixed-slicer            lab-check
//!   stdin: one hex line per message        (in lab-check)          listen 127.0.0.1:U
//!   python3 s.py PORT ── connect ────────▶ 127.0.0.1:PORT ───────▶ accept
//!   a frame per message ───────────────────▶ [pieces]··[..]·· ────▶ recv, recv, … until FIN
//! ```
//!
//! The slicer slows the stream down to its pieces: a program that calls
//! `send` once per frame, and does not look at what `send` returned, then
//! meets a socket that takes only part.

use crate::cases::Case;
use crate::cutting::{Cutting, Piece};
use crate::messages::Stream;
use crate::outcome::{CaseResult, Divergence};
use crate::pitfall::{self, SenderEvidence};
use crate::receiver::ending;
use crate::student::{Finished, Student};
use crate::{TEXT, Trouble, accept_before};
use codec::decoder::Decoder;
use kit::tr;
use std::io::{ErrorKind, Read};
use std::net::TcpListener;
use std::thread;
use std::time::{Duration, Instant};

/// How long one direction of the slicer may stay open after the other
/// ended: the student's program has closed by then, or the case is over.
const LINGER: Duration = Duration::from_secs(1);

/// More than this beyond the expected stream is not read: a program that
/// sends without end cannot fill lab-check's memory.
const SLACK: usize = 64 * 1024;

/// The student's stdin: each message as a line of lowercase hex (an empty
/// line for an empty message).
#[must_use]
pub fn stdin(case: &Case) -> Vec<u8> {
    case.messages
        .iter()
        .map(|m| format!("{}\n", kit::hex::lowercase(&m.bytes)))
        .collect::<String>()
        .into_bytes()
}

/// What lab-check's receiver read.
#[derive(Debug, Default)]
struct Received {
    connected: bool,
    bytes: Vec<u8>,
    recvs: Vec<Piece>,
    /// Why reading stopped before the sender closed, if it did.
    cut: Option<String>,
}

/// Runs one case: the student's sender, through the slicer, to lab-check.
pub fn check(student: &Student, case: &Case, timeout: Duration) -> Result<CaseResult, Trouble> {
    let stream = Stream::of(&case.messages);
    let deadline = Instant::now() + timeout;
    let bind = |what: &str| -> Result<TcpListener, Trouble> {
        let listener = TcpListener::bind("127.0.0.1:0").map_err(Trouble::lab(what))?;
        listener
            .set_nonblocking(true)
            .map_err(Trouble::lab("setting up a listener"))?;
        Ok(listener)
    };
    let receiver = bind("listening on 127.0.0.1")?;
    let ours = receiver
        .local_addr()
        .map_err(Trouble::lab("reading the port"))?;
    let slicer = match case.cutting {
        Cutting::Whole => None,
        _ => Some(bind("listening on 127.0.0.1 for the slicer")?),
    };
    let door = slicer.as_ref().unwrap_or(&receiver);
    let port = door
        .local_addr()
        .map_err(Trouble::lab("reading the port"))?
        .port();
    let mut running = student
        .start(port, Some(stdin(case)))
        .map_err(Trouble::Start)?;

    let mut received = Received::default();
    let through = match (&slicer, case.cutting) {
        (Some(slicer), Cutting::Sliced(slicing)) => {
            accept_before(slicer, &mut running, deadline).map(|client| {
                // The slicer dials lab-check for the student, and forwards
                // its bytes in pieces, a pause apart.
                let patience = deadline.saturating_duration_since(Instant::now());
                thread::spawn(move || {
                    fixed::slicer::relay(client, ours, patience, &slicing, None, LINGER)
                });
            })
        }
        _ => Some(()),
    };
    if through.is_some() {
        if let Some(conn) = accept_before(&receiver, &mut running, deadline) {
            received = read(conn, stream.bytes.len() + SLACK, deadline);
        }
    }
    let finished = running.finish(deadline);
    Ok(grade(case, &stream, &received, &finished, port, timeout))
}

/// Reads until the sender closes, the deadline, or `limit` bytes.
fn read(mut conn: std::net::TcpStream, limit: usize, deadline: Instant) -> Received {
    let mut received = Received {
        connected: true,
        ..Received::default()
    };
    let mut chunk = vec![0u8; 64 * 1024];
    let _ = conn.set_nonblocking(false);
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() || conn.set_read_timeout(Some(left)).is_err() {
            received.cut = Some(tr!(TEXT, "sender-cut-deadline"));
            break;
        }
        match conn.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => {
                let start = received.bytes.len();
                received.bytes.extend_from_slice(&chunk[..n]);
                received.recvs.push(Piece {
                    index: received.recvs.len() + 1,
                    start,
                    end: start + n,
                });
                if received.bytes.len() > limit {
                    received.cut = Some(tr!(TEXT, "sender-cut-too-many"));
                    break;
                }
            }
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(e) if kit::error::is_timeout(&e) => {
                received.cut = Some(tr!(TEXT, "sender-cut-deadline"));
                break;
            }
            Err(_) => {
                received.cut = Some(tr!(TEXT, "sender-cut-reset"));
                break;
            }
        }
    }
    received
}

/// The frames that decode from `bytes`, up to the first error.
fn frames(bytes: &[u8]) -> Vec<Vec<u8>> {
    let mut decoder = Decoder::new();
    decoder.push(bytes);
    let mut frames = Vec::new();
    while let Ok(Some(frame)) = decoder.next_frame() {
        frames.push(frame.to_vec());
    }
    frames
}

fn grade(
    case: &Case,
    stream: &Stream,
    received: &Received,
    finished: &Finished,
    port: u16,
    timeout: Duration,
) -> CaseResult {
    let clean_exit = finished.code == Some(0);
    let same = received.bytes == stream.bytes;
    let passed = received.connected && same && clean_exit && !finished.timed_out;
    let divergence = (!same).then(|| {
        received
            .bytes
            .iter()
            .zip(&stream.bytes)
            .position(|(a, b)| a != b)
            .unwrap_or(received.bytes.len().min(stream.bytes.len()))
    });
    let frames = frames(&received.bytes);
    let pitfall = divergence.filter(|_| received.connected).and_then(|d| {
        pitfall::sender(&SenderEvidence {
            messages: &case.messages,
            stream,
            received: &received.bytes,
            divergence: d,
            frames: &frames,
            clean_exit,
        })
    });
    let whole = frames
        .iter()
        .zip(&case.messages)
        .take_while(|(f, m)| **f == m.bytes)
        .count();
    let ending = ending(finished, timeout);
    let problem = (!passed).then(|| {
        let cut = received
            .cut
            .as_ref()
            .map(|why| tr!(TEXT, "sender-cut", why = why))
            .unwrap_or_default();
        if !received.connected {
            tr!(
                TEXT,
                "problem-never-connected",
                port = port.to_string(),
                ending = &ending
            )
        } else if same {
            tr!(TEXT, "sender-all-right", ending = &ending)
        } else {
            tr!(
                TEXT,
                "sender-partial",
                got = received.bytes.len().to_string(),
                total = stream.bytes.len().to_string(),
                cut = cut,
                whole = whole.to_string(),
                messages = case.messages.len().to_string(),
                ending = &ending
            )
        }
    });
    CaseResult {
        name: case.name.clone(),
        cutting: match case.cutting {
            Cutting::Whole => tr!(TEXT, "cut-straight"),
            cutting => tr!(TEXT, "cut-through", cutting = cutting.describe()),
        },
        seed: case.cutting.seed(),
        messages: case.messages.len(),
        bytes: stream.bytes.len(),
        chunks: received.recvs.len(),
        passed,
        exit_code: finished.code,
        timed_out: finished.timed_out,
        problem,
        divergence: divergence
            .filter(|_| received.connected)
            .map(|d| place(case, stream, received, d)),
        pitfall,
        stderr: finished.last_error_line().map(str::to_string),
    }
}

fn place(case: &Case, stream: &Stream, received: &Received, d: usize) -> Divergence {
    let i = stream.starts.iter().rposition(|&s| s <= d).unwrap_or(0);
    let start = stream.starts[i];
    let name = case.messages[i].name;
    let place = if d >= stream.bytes.len() {
        tr!(TEXT, "place-after-end")
    } else if d < start + codec::frame::HEADER_LEN {
        tr!(
            TEXT,
            "place-header-byte",
            at = (d - start).to_string(),
            number = (i + 1).to_string(),
            name = name
        )
    } else {
        tr!(
            TEXT,
            "place-byte",
            at = (d - start - codec::frame::HEADER_LEN).to_string(),
            number = (i + 1).to_string(),
            name = name
        )
    };
    let dump = d / kit::hex::ROW * kit::hex::ROW;
    let row = |bytes: &[u8]| {
        kit::hex::lowercase(&bytes[dump.min(bytes.len())..(dump + kit::hex::ROW).min(bytes.len())])
    };
    Divergence {
        message: i + 1,
        place,
        stream_offset: d,
        dump_offset: dump,
        expected_hex: row(&stream.bytes),
        got_hex: (d < received.bytes.len()).then(|| row(&received.bytes)),
        piece: None,
        recv: received
            .recvs
            .iter()
            .copied()
            .find(|r| (r.start..r.end).contains(&d))
            .or_else(|| received.recvs.last().copied()),
    }
}
