//! (e) The menu read with one `recv(1024)`.
//!
//! ```python
//! movie_pickle = client.recv(1024)
//! movie_dict = pickle.loads(movie_pickle)
//! ```
//!
//! The tutorial's exercise sends its list of videos with one `send` and no
//! header, and the client reads it with one `recv(1024)`. With a long list
//! — 60 file names are 2820 bytes — `recv(1024)` can never return all of
//! it, whatever the timing: the list is cut and does not parse. With a
//! short list it works on one computer; through a slicer even a 235-byte
//! list arrives in pieces, and the first `recv` returns only the first.
//! The fix sends the menu as a frame: the receiver reads the header and
//! then exactly that many bytes, and parses only a whole menu.

use crate::support::reading::{RECV_SIZE, Reader, Seen};
use crate::support::{catalogue, decoding, sending, sliced};
use codec::frame;
use fixed::slicer::Slicing;
use kit::error::Result;
use kit::knobs::Knobs;
use kit::loopback::{self, End};
use kit::report::Exchange;
use kit::verdict::{Code, count};
use std::time::Duration;

/// File names in the long menu.
pub const LONG: usize = 60;
/// File names in the short menu.
pub const SHORT: usize = 5;

/// Pieces of exactly 100 bytes, 5 ms apart.
pub const SLICING: Slicing = Slicing {
    average: 100,
    variation: 0,
    delay: Duration::from_millis(5),
    seed: 5,
};

/// A 60-name menu, one `send`, one `recv(1024)` by a late reader: the
/// run's one recv is all the client parsed, and it says what `json.loads`
/// made of it.
pub fn too_long() -> Result<Exchange> {
    let menu = catalogue::encode(&catalogue::names(LONG));
    let len = menu.len();
    let (sender, seen) = loopback::pair(
        &Knobs::default(),
        &Knobs::default(),
        move |end| one_recv(end, Some(len)),
        move |end| sending::send_each(end, &[menu]),
    )?;
    let mut run = Exchange::both(
        format!("(e) broken · movie_pickle = client.recv(1024): a menu of {LONG} names, {len} B"),
        &sender,
        &seen.side,
    );
    seen.annotate(&mut run);
    run.reader = Some(format!(
        "late: waited until all {len} B were queued, then one recv(1024), as the tutorial's client"
    ));
    let data = run.received_stream();
    let verdict = match catalogue::parse(&data) {
        Err(error) => format!(
            "recv(1024) returned {} of the {len} bytes — it never returns more than 1024 — and \
             the menu does not parse: {error}",
            data.len()
        ),
        Ok(names) => format!("the menu parsed: {} names", names.len()),
    };
    run.judged(verdict, Code::Shown);
    run.notes = vec![
        format!(
            "the whole menu was queued before the recv, so the buffer size alone cut it: this \
             happens on every run, on any network; the other {} bytes stay queued, where the \
             next read — the first file's header — takes them for a length",
            len.saturating_sub(data.len())
        ),
        "the tutorial sends a pickle: cut short, pickle.loads raises \"pickle data was \
         truncated\"; and unpickling bytes from the network runs whatever code the sender chose \
         — never unpickle what a peer sent"
            .into(),
    ];
    Ok(run)
}

/// A 5-name menu through the slicer: short, and still cut — the run's one
/// recv is the first piece, and it does not parse.
pub fn cut_short() -> Result<Exchange> {
    let menu = catalogue::encode(&catalogue::names(SHORT));
    let len = menu.len();
    let done = sliced::run(
        SLICING,
        &Knobs::default(),
        move |end| sending::send_each(end, &[menu]),
        |end| one_recv(end, None),
    )?;
    let seen = done.client;
    let mut run = Exchange::both(
        format!("(e) broken · the same recv(1024), a menu of only {SHORT} names, {len} B"),
        &done.server,
        &seen.side,
    );
    seen.annotate(&mut run);
    run.reader = Some("prompt: one recv(1024), as the tutorial's client".into());
    let data = run.received_stream();
    let verdict = match catalogue::parse(&data) {
        Err(error) => format!(
            "the menu is only {len} bytes, well under 1024, yet recv(1024) returned {}: the first \
             piece — {error}",
            count(data.len(), "byte")
        ),
        Ok(names) => format!(
            "recv(1024) returned the whole menu this time ({} names): the reader was late enough \
             for the pieces to queue up — the bug stayed hidden",
            names.len()
        ),
    };
    run.judged(verdict, Code::Shown);
    run.notes = vec![
        sliced::pieces(&SLICING),
        "1024 is an upper bound, not a promise: recv returns what has arrived so far".into(),
    ];
    Ok(run)
}

/// The 60-name menu as a frame, through the slicer, into the decoder: the
/// run's one frame is the whole menu, and `json.loads` reads every name.
pub fn correct() -> Result<Exchange> {
    let menu = catalogue::encode(&catalogue::names(LONG));
    let len = menu.len();
    let framed = vec![frame::encode(&menu)];
    let done = sliced::run(
        SLICING,
        &Knobs::default(),
        move |end| sending::send_each(end, &framed),
        |end| {
            let mut reader = Reader::new(end);
            decoding::receive(&mut reader, RECV_SIZE)?;
            Ok(reader.finish())
        },
    )?;
    let seen = done.client;
    let mut run = Exchange::both(
        format!("(e) correct · the {LONG}-name menu as a frame, read whole before parsing"),
        &done.server,
        &seen.side,
    );
    run.reader = Some("prompt: recv(1024), each chunk pushed into the decoder".into());
    decoding::annotate(&mut run, &[menu]);
    let whole = run
        .frames
        .iter()
        .flatten()
        .next()
        .map_or(&[][..], |f| &f.bytes[..]);
    let verdict = match catalogue::parse(whole) {
        Ok(names) => format!(
            "the same {}-byte pieces, {}: the decoder waited for all {len} bytes the header \
             announced, and json.loads read all {} names",
            SLICING.average,
            count(run.recvs.len(), "recv"),
            names.len()
        ),
        Err(error) => format!("the menu did not parse: {error}"),
    };
    run.judged(verdict, Code::Shown);
    run.notes = vec![
        "sender: conn.sendall(struct.pack(\"!I\", len(menu)) + menu); receiver: read exactly 4 \
         bytes, then exactly that many, then json.loads"
            .into(),
    ];
    Ok(run)
}

/// `movie_pickle = client.recv(1024)`, optionally only once `late` bytes
/// are queued; then what `json.loads` says.
fn one_recv(end: End, late: Option<usize>) -> Result<Seen> {
    let mut reader = Reader::new(end);
    if let Some(n) = late {
        reader.wait_until_queued(n)?;
    }
    let data = reader.recv(RECV_SIZE)?;
    reader.say(match catalogue::parse(&data) {
        Ok(names) => format!("json.loads → {} names", names.len()),
        Err(error) => format!("json.loads → {error}"),
    });
    reader.drain()?;
    Ok(reader.finish())
}
