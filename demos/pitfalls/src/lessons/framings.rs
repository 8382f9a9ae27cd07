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
use crate::support::reading::{RECV_SIZE, Reader};
use crate::support::{decoding, sending, sliced};
use codec::frame::{self, HEADER_LEN};
use fixed::slicer::Slicing;
use kit::error::Result;
use kit::knobs::Knobs;
use kit::report::{Comparison, Exchange};
use kit::verdict::{Code, count};
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
        "(f) length prefix · the same messages, each after a 4-byte length",
        &done.server,
        &seen.side,
    );
    run.reader = Some("prompt: recv(1024), each chunk pushed into the decoder".into());
    decoding::annotate(&mut run, &messages);
    let bytes: usize = messages.iter().map(|m| m.len() + HEADER_LEN).sum();
    let verdict = format!(
        "{} in {bytes} B, {HEADER_LEN} B of header each: the line break in #3 and its 43 bytes \
         are just payload — {} of {} messages whole",
        count(messages.len(), "message"),
        run.frames.as_ref().map_or(0, Vec::len),
        messages.len()
    );
    run.judged(verdict, Code::Shown);
    run.notes = vec![format!(
        "{}; the decoder does not mind either",
        sliced::pieces(&SLICING)
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
    let row = |cells: [&str; 6]| {
        cells
            .iter()
            .map(std::string::ToString::to_string)
            .collect::<Vec<_>>()
    };
    Comparison {
        label: "(f) which framing? length prefix, delimiter, fixed length".into(),
        columns: row([
            "framing",
            "overhead",
            "max size",
            "binary-safe",
            "escaping",
            "can stream",
        ]),
        rows: vec![
            row([
                "length prefix",
                "4 B per message",
                "4 GiB − 1",
                "yes",
                "no",
                "no: length first",
            ]),
            row([
                "delimiter \\n",
                "1 B + escapes",
                "unlimited",
                "no",
                "yes",
                "yes",
            ]),
            row(["fixed 32 B", "padding to 32 B", "32 B", "no", "no", "yes"]),
        ],
        verdict: format!(
            "for these {payload} bytes of messages: a length prefix sent {prefix} B and kept all \
             {}; a delimiter sent {lines} B and split one in two; {}-byte records sent {records} \
             B and cut one short",
            messages.len(),
            fixed_length::RECORD
        ),
        code: Code::Shown,
        notes: vec![
            "can stream: the sender may start before it knows how long the message is; a length \
             prefix needs the length first (a file has one; a live stream is sent in framed \
             chunks)"
                .into(),
            "binary-safe: any byte may occur in a message — a delimiter may not, and zero \
             padding eats trailing zeros"
                .into(),
        ],
    }
}
