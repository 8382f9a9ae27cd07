//! (f) The three ways to put boundaries into a byte stream, as Netty
//! offers them: a length prefix (`LengthFieldBasedFrameDecoder`), a
//! delimiter (`LineBasedFrameDecoder`, `DelimiterBasedFrameDecoder`), and
//! fixed-length records (`FixedLengthFrameDecoder`).
//!
//! The same three messages go through each, cut by the same slicer. The
//! delimiter and the records fail on the messages themselves — one holds a
//! line break, one is longer than a record — while the length prefix
//! carries any bytes of any length up to 4 GiB − 1. The table at the end
//! sums up what each one costs.

use super::{delimiter, fixed_length};
use crate::TEXT;
use crate::support::{decoding, sliced};
use codec::frame::{self, HEADER_LEN};
use fixed::slicer::Slicing;
use kit::error::Result;
use kit::report::{Comparison, Exchange};
use kit::verdict::Code;
use std::time::Duration;

/// Pieces of 5 to 11 bytes, 2 ms apart, for all three framings.
pub const SLICING: Slicing = Slicing {
    average: 8,
    variation: 3,
    delay: Duration::from_millis(2),
    seed: 6,
};

/// The messages every framing carries: two from the tutorial, and the old
/// joke sentence punctuated the other way, on two lines — 43 bytes with a
/// line break inside.
#[must_use]
pub fn messages() -> Vec<Vec<u8>> {
    vec![
        "下雨天留客天留人".into(),
        "不留".into(),
        "下雨天，留客天；\n留人不？留！".into(),
    ]
}

/// The same messages as frames, through the same slicer: the decoder's
/// frames are the three messages, whole, line break and all.
pub fn length_prefix() -> Result<Exchange> {
    let messages = messages();
    let framed: Vec<Vec<u8>> = messages.iter().map(|m| frame::encode(m)).collect();
    let done = decoding::through_slicer(SLICING, framed)?;
    let seen = done.client;
    let mut run = Exchange::both(kit::tr!(TEXT, "label-f-prefix"), &done.server, &seen.side);
    run.reader = Some(kit::tr!(TEXT, "reader-decoder"));
    decoding::annotate(&mut run, &messages);
    let bytes: usize = messages.iter().map(|m| m.len() + HEADER_LEN).sum();
    let verdict = kit::tr!(
        TEXT,
        "verdict-f-prefix",
        messages = messages.len(),
        bytes = bytes,
        header = HEADER_LEN,
        frames = run.frames.as_ref().map_or(0, Vec::len),
        total = messages.len()
    );
    run.judged(verdict, Code::Shown);
    run.notes = vec![kit::tr!(
        TEXT,
        "note-f-decoder-pieces",
        pieces = sliced::pieces(&SLICING)
    )];
    Ok(run)
}

/// The trade-offs as a table, with what each framing cost for the three
/// messages above.
pub fn trade_offs() -> Comparison {
    let messages = messages();
    let payload: usize = messages.iter().map(Vec::len).sum();
    let wire =
        |encode: fn(&[u8]) -> Vec<u8>| -> usize { messages.iter().map(|m| encode(m).len()).sum() };
    let prefix = wire(frame::encode);
    let lines = wire(delimiter::encode);
    let records = wire(fixed_length::encode);
    let (yes, no) = (kit::tr!(TEXT, "cell-yes"), kit::tr!(TEXT, "cell-no"));
    Comparison {
        label: kit::tr!(TEXT, "label-f-table"),
        columns: vec![
            kit::tr!(TEXT, "column-framing"),
            kit::tr!(TEXT, "column-overhead"),
            kit::tr!(TEXT, "column-max-size"),
            kit::tr!(TEXT, "column-binary-safe"),
            kit::tr!(TEXT, "column-escaping"),
            kit::tr!(TEXT, "column-can-stream"),
        ],
        rows: vec![
            vec![
                kit::tr!(TEXT, "cell-length-prefix"),
                kit::tr!(TEXT, "cell-prefix-overhead"),
                "4 GiB − 1".into(),
                yes.clone(),
                no.clone(),
                kit::tr!(TEXT, "cell-no-length-first"),
            ],
            vec![
                kit::tr!(TEXT, "cell-delimiter"),
                kit::tr!(TEXT, "cell-delimiter-overhead"),
                kit::tr!(TEXT, "cell-unlimited"),
                no.clone(),
                yes.clone(),
                yes.clone(),
            ],
            vec![
                kit::tr!(TEXT, "cell-fixed"),
                kit::tr!(TEXT, "cell-fixed-overhead"),
                "32 B".into(),
                no.clone(),
                no,
                yes,
            ],
        ],
        verdict: kit::tr!(
            TEXT,
            "verdict-f-table",
            payload = payload,
            prefix = prefix,
            n = messages.len(),
            lines = lines,
            record = fixed_length::RECORD,
            records = records
        ),
        code: Code::Shown,
        notes: vec![
            kit::tr!(TEXT, "note-f-can-stream"),
            kit::tr!(TEXT, "note-f-binary-safe"),
        ],
    }
}
