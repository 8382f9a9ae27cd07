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

use crate::TEXT;
use crate::support::reading::{RECV_SIZE, Reader, Seen};
use crate::support::{catalogue, decoding, sending, size, sliced};
use codec::frame;
use fixed::slicer::Slicing;
use kit::error::Result;
use kit::knobs::Knobs;
use kit::loopback::{self, End};
use kit::report::Exchange;
use kit::verdict::Code;
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
        kit::tr!(TEXT, "label-e-too-long", names = LONG, len = len),
        &sender,
        &seen.side,
    );
    seen.annotate(&mut run);
    run.reader = Some(kit::tr!(TEXT, "reader-e-late", len = len));
    let data = run.received_stream();
    let verdict = match catalogue::parse(&data) {
        Err(error) => kit::tr!(
            TEXT,
            "verdict-e-too-long",
            got = data.len(),
            len = len,
            error = error.to_string()
        ),
        Ok(names) => kit::tr!(TEXT, "verdict-e-parsed", n = names.len()),
    };
    run.judged(verdict, Code::Shown);
    run.notes = vec![
        kit::tr!(TEXT, "note-e-queued", rest = len.saturating_sub(data.len())),
        kit::tr!(TEXT, "note-e-pickle"),
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
        kit::tr!(TEXT, "label-e-short", names = SHORT, len = len),
        &done.server,
        &seen.side,
    );
    seen.annotate(&mut run);
    run.reader = Some(kit::tr!(TEXT, "reader-e-prompt"));
    let data = run.received_stream();
    let verdict = match catalogue::parse(&data) {
        Err(error) => kit::tr!(
            TEXT,
            "verdict-e-short",
            len = len,
            got = size::counted(data.len()),
            error = error.to_string()
        ),
        Ok(names) => kit::tr!(TEXT, "verdict-e-short-whole", n = names.len()),
    };
    run.judged(verdict, Code::Shown);
    run.notes = vec![
        sliced::pieces(&SLICING),
        kit::tr!(TEXT, "note-e-upper-bound"),
    ];
    Ok(run)
}

/// The 60-name menu as a frame, through the slicer, into the decoder: the
/// run's one frame is the whole menu, and `json.loads` reads every name.
pub fn correct() -> Result<Exchange> {
    let menu = catalogue::encode(&catalogue::names(LONG));
    let len = menu.len();
    let framed = vec![frame::encode(&menu)];
    let done = decoding::through_slicer(SLICING, framed)?;
    let seen = done.client;
    let mut run = Exchange::both(
        kit::tr!(TEXT, "label-e-correct", names = LONG),
        &done.server,
        &seen.side,
    );
    run.reader = Some(kit::tr!(TEXT, "reader-decoder"));
    decoding::annotate(&mut run, &[menu]);
    let whole = run
        .frames
        .iter()
        .flatten()
        .next()
        .map_or(&[][..], |f| &f.bytes[..]);
    let verdict = match catalogue::parse(whole) {
        Ok(names) => kit::tr!(
            TEXT,
            "verdict-e-correct",
            piece = SLICING.average,
            recvs = run.recvs.len(),
            len = len,
            n = names.len()
        ),
        Err(error) => kit::tr!(TEXT, "verdict-e-not-parsed", error = error.to_string()),
    };
    run.judged(verdict, Code::Shown);
    run.notes = vec![kit::tr!(TEXT, "note-e-correct")];
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
        Ok(names) => kit::tr!(TEXT, "said-json-names", n = names.len()),
        Err(error) => format!("json.loads → {error}"),
    });
    reader.drain()?;
    Ok(reader.finish())
}
