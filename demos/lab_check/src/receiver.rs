//! Checking a student's receiver: lab-check is the sender.
//!
//! ```text
//!   lab-check                                           the student's program
//!   listen 127.0.0.1:PORT ◀───────── connect ────────── python3 r.py PORT
//!   frames, cut in pieces ─[00 00]··[00 00 e4 b8]··…──▶ recv, recv, …
//!   FIN (the stream ends between two frames)   ───────▶ recv → b"": done
//!                                                       stdout: one hex line per message
//! ```

use crate::cases::Case;
use crate::cutting::{self, Piece};
use crate::messages::Stream;
use crate::outcome::{CaseResult, Divergence};
use crate::pitfall::{self, ReceiverEvidence};
use crate::student::{Finished, Student};
use crate::{TEXT, Trouble, accept_before};
use fixed::slicer::Pacer;
use kit::tr;
use std::io;
use std::net::{Shutdown, TcpListener, TcpStream};
use std::time::{Duration, Instant};

/// How far lab-check got with its side of the case.
#[derive(Debug)]
enum Sent {
    /// The program never connected.
    NeverConnected,
    /// Every piece, then FIN. The connection is kept open until the program
    /// ends, so that nothing it still has to read is lost to a reset.
    All(TcpStream),
    /// Writing stopped after `bytes`: the program closed, or stopped reading.
    Stopped { bytes: usize, why: String },
}

/// Runs one case: the student's receiver against lab-check's frames.
pub fn check(student: &Student, case: &Case, timeout: Duration) -> Result<CaseResult, Trouble> {
    let stream = Stream::of(&case.messages);
    let pieces = case.cutting.pieces(&stream);
    let deadline = Instant::now() + timeout;
    let listener =
        TcpListener::bind("127.0.0.1:0").map_err(Trouble::lab("listening on 127.0.0.1"))?;
    listener
        .set_nonblocking(true)
        .map_err(Trouble::lab("setting up the listener"))?;
    let port = listener
        .local_addr()
        .map_err(Trouble::lab("reading the port"))?
        .port();
    let mut running = student.start(port, None).map_err(Trouble::Start)?;
    let sent = match accept_before(&listener, &mut running, deadline) {
        Some(conn) => send(conn, &stream, &pieces, case, deadline),
        None => Sent::NeverConnected,
    };
    // The connection stays open until the program has ended, then closes.
    let finished = running.finish(deadline);
    if let Sent::All(conn) = &sent {
        let _ = conn.shutdown(Shutdown::Both);
    }
    Ok(grade(
        case, &stream, &pieces, &sent, &finished, port, timeout,
    ))
}

/// Writes the pieces a pause apart, then FIN.
fn send(
    conn: TcpStream,
    stream: &Stream,
    pieces: &[Piece],
    case: &Case,
    deadline: Instant,
) -> Sent {
    let mut conn = conn;
    let mut pacer = Pacer::new(case.cutting.delay());
    let mut written = 0;
    let mut write = |conn: &mut TcpStream| -> io::Result<()> {
        conn.set_nonblocking(false)?;
        // Each piece a segment of its own: without TCP_NODELAY, Nagle's
        // algorithm would hold the later pieces back and send them together.
        conn.set_nodelay(true)?;
        for piece in pieces {
            let left = deadline.saturating_duration_since(Instant::now());
            // A program that stops reading fills its receive window, and then
            // our write waits: never past the case's deadline.
            conn.set_write_timeout(Some(left.max(Duration::from_millis(1))))?;
            pacer.write(conn, &stream.bytes[piece.start..piece.end])?;
            written = piece.end;
        }
        conn.shutdown(Shutdown::Write)
    };
    match write(&mut conn) {
        Ok(()) => Sent::All(conn),
        Err(e) => Sent::Stopped {
            bytes: written,
            why: if kit::error::is_timeout(&e) {
                tr!(TEXT, "sent-stopped-reading")
            } else {
                tr!(TEXT, "sent-closed")
            },
        },
    }
}

/// The program's stdout as messages: one line of hex each (`None` for a
/// line that is not hex). A `\r` before the `\n` is allowed.
#[must_use]
pub fn lines(stdout: &[u8]) -> Vec<Option<Vec<u8>>> {
    let text = String::from_utf8_lossy(stdout);
    let mut lines: Vec<&str> = text.split('\n').collect();
    if lines.last() == Some(&"") {
        lines.pop();
    }
    lines
        .into_iter()
        .map(|l| kit::hex::parse(&l.trim().to_ascii_lowercase()).ok())
        .collect()
}

fn grade(
    case: &Case,
    stream: &Stream,
    pieces: &[Piece],
    sent: &Sent,
    finished: &Finished,
    port: u16,
    timeout: Duration,
) -> CaseResult {
    let lines = lines(&finished.stdout);
    let expected: Vec<&[u8]> = case.messages.iter().map(|m| m.bytes.as_slice()).collect();
    let first_wrong = (0..lines.len().max(expected.len()))
        .find(|&i| lines.get(i).map(|l| l.as_deref()) != expected.get(i).map(|e| Some(*e)));
    let clean_exit = finished.code == Some(0);
    let connected = !matches!(sent, Sent::NeverConnected);
    let passed = connected && first_wrong.is_none() && clean_exit && !finished.timed_out;
    let header_cut = first_wrong
        .and_then(|i| stream.starts.get(i))
        .and_then(|&start| cutting::splits_header(pieces, start));
    let pitfall = if passed || !connected {
        None
    } else {
        pitfall::receiver(&ReceiverEvidence {
            messages: &case.messages,
            stream,
            lines: &lines,
            first_wrong,
            header_cut,
            clean_exit,
            timed_out: finished.timed_out,
            stderr: &finished.stderr,
        })
    };
    let problem =
        (!passed).then(|| problem(case, sent, finished, &lines, first_wrong, port, timeout));
    CaseResult {
        name: case.name.clone(),
        cutting: case.cutting.describe(),
        seed: case.cutting.seed(),
        messages: case.messages.len(),
        bytes: stream.bytes.len(),
        chunks: pieces.len(),
        passed,
        exit_code: finished.code,
        timed_out: finished.timed_out,
        problem,
        divergence: first_wrong
            .filter(|&i| i < expected.len())
            .map(|i| divergence(case, stream, pieces, i, lines.get(i))),
        pitfall,
        stderr: finished.last_error_line().map(str::to_string),
    }
}

fn problem(
    case: &Case,
    sent: &Sent,
    finished: &Finished,
    lines: &[Option<Vec<u8>>],
    first_wrong: Option<usize>,
    port: u16,
    timeout: Duration,
) -> String {
    let ending = ending(finished, timeout);
    let total = case.messages.len();
    let stopped = match sent {
        Sent::Stopped { bytes, why } => {
            tr!(TEXT, "sent-stopped", why = why, bytes = bytes.to_string())
        }
        _ => String::new(),
    };
    match (sent, first_wrong) {
        (Sent::NeverConnected, _) => {
            tr!(
                TEXT,
                "problem-never-connected",
                port = port.to_string(),
                ending = &ending
            )
        }
        (_, Some(i)) if i >= total => tr!(
            TEXT,
            "problem-too-many-lines",
            lines = lines.len().to_string(),
            total = total.to_string(),
            stopped = &stopped,
            ending = &ending
        ),
        (_, Some(i)) => {
            let message = &case.messages[i];
            let what = tr!(
                TEXT,
                "problem-message",
                number = (i + 1).to_string(),
                total = total.to_string(),
                name = message.name,
                bytes = message.bytes.len().to_string()
            );
            match lines.get(i) {
                None => tr!(
                    TEXT,
                    "problem-never-came",
                    what = &what,
                    lines = lines.len(),
                    stopped = &stopped,
                    ending = &ending
                ),
                Some(None) => tr!(
                    TEXT,
                    "problem-not-hex",
                    number = (i + 1).to_string(),
                    stopped = &stopped,
                    ending = &ending
                ),
                Some(Some(got)) => tr!(
                    TEXT,
                    "problem-wrong",
                    what = &what,
                    bytes = got.len().to_string(),
                    stopped = &stopped,
                    ending = &ending
                ),
            }
        }
        (_, None) => tr!(
            TEXT,
            "problem-all-right",
            stopped = &stopped,
            ending = &ending
        ),
    }
}

/// How the program ended, for a sentence: `exited with code 1`.
#[must_use]
pub fn ending(finished: &Finished, timeout: Duration) -> String {
    match finished.code {
        _ if finished.timed_out => tr!(
            TEXT,
            "ending-still-running",
            secs = timeout.as_secs_f64().to_string()
        ),
        Some(code) => tr!(TEXT, "ending-code", code = code.to_string()),
        None => tr!(TEXT, "ending-signal"),
    }
}

fn divergence(
    case: &Case,
    stream: &Stream,
    pieces: &[Piece],
    i: usize,
    line: Option<&Option<Vec<u8>>>,
) -> Divergence {
    let expected = &case.messages[i].bytes;
    let name = case.messages[i].name;
    let got: Option<&[u8]> = line.and_then(|l| l.as_deref());
    let at = got.map_or(0, |got| {
        expected
            .iter()
            .zip(got)
            .position(|(a, b)| a != b)
            .unwrap_or(expected.len().min(got.len()))
    });
    let dump = at / kit::hex::ROW * kit::hex::ROW;
    let row = |bytes: &[u8]| {
        kit::hex::lowercase(&bytes[dump.min(bytes.len())..(dump + kit::hex::ROW).min(bytes.len())])
    };
    // No line at all: the place to look is where the message's frame starts.
    let stream_offset = match got {
        None => stream.starts[i],
        Some(_) => stream.offset_of(i, at),
    };
    let place = match got {
        None => tr!(
            TEXT,
            "place-no-line",
            number = (i + 1).to_string(),
            name = name
        ),
        Some(_) if at < expected.len() => tr!(
            TEXT,
            "place-byte",
            at = at.to_string(),
            number = (i + 1).to_string(),
            name = name
        ),
        Some(_) => tr!(
            TEXT,
            "place-past-end",
            number = (i + 1).to_string(),
            name = name
        ),
    };
    Divergence {
        message: i + 1,
        place,
        stream_offset,
        dump_offset: dump,
        expected_hex: row(expected),
        got_hex: got.map(row),
        piece: cutting::piece_at(pieces, stream_offset),
        recv: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stdout_lines_are_hex_messages() {
        assert_eq!(
            lines(b"\ne4b88b\r\nXYZ\nE4\n"),
            [
                Some(vec![]),
                Some(vec![0xe4, 0xb8, 0x8b]),
                None,
                Some(vec![0xe4])
            ]
        );
        assert!(lines(b"").is_empty());
    }
}
