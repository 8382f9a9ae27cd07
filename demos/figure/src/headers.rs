//! Length headers, drawn black wherever they are. The report marks them
//! in the recvs, as the reader found them; the same bytes are in the
//! sends, so they are marked there too — where a broken reader took any
//! four bytes for a length, the send shows which ones. Text in a box goes
//! beside its headers, and reads the payload only.

use crate::exchange::BOX;
use crate::lane::{Kind, Slot};
use crate::measure;
use crate::palette::Ink;
use crate::stream::Stream;
use crate::svg::{Anchor, Rect, Svg};
use kit::report::Exchange;

/// Length headers, as ranges of the sent stream.
pub fn sent(run: &Exchange, stream: &Stream) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (i, recv) in run.recvs.iter().enumerate() {
        for span in &recv.headers {
            let start = stream.sent_position(run, i, span.start);
            let end = stream.sent_position(run, i, span.end - 1);
            if let (Some(start), Some(end)) = (start, end) {
                out.push((start, end + 1));
            }
        }
    }
    // A header read in parts (one byte in one recv, three in the next) is
    // still one header in the send.
    out.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(out.len());
    for (start, end) in out {
        match merged.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    merged
}

/// `bytes` (starting at stream position `start`) without the bytes of
/// length headers: the payload, which is what reads as text.
pub fn without(bytes: &[u8], start: usize, headers: &[(usize, usize)]) -> Vec<u8> {
    bytes
        .iter()
        .enumerate()
        .filter(|(i, _)| !headers.iter().any(|(a, b)| (*a..*b).contains(&(start + i))))
        .map(|(_, b)| *b)
        .collect()
}

/// Black boxes over the length headers inside one slot, each saying the
/// length it holds (as a reader in network byte order takes it) where
/// there is room. `bytes` are the slot's own bytes.
pub fn marks(svg: &mut Svg, slot: &Slot, headers: &[(usize, usize)], top: f64, bytes: &[u8]) {
    if !matches!(slot.kind, Kind::One(_)) {
        return;
    }
    for (a, b) in headers {
        let (a, b) = ((*a).max(slot.start), (*b).min(slot.end));
        if a >= b {
            continue;
        }
        let (x0, x1) = (slot.x_of(a), slot.x_of(b));
        let r = Rect {
            x: x0,
            y: top,
            w: (x1 - x0).max(4.0),
            h: BOX,
        };
        svg.rect(r, &format!("{} class=\"header\"", Ink::header()));
        let value = bytes
            .get(a - slot.start..b - slot.start)
            .and_then(|h| <[u8; 4]>::try_from(h).ok())
            .map(u32::from_be_bytes);
        let mut labels = Vec::new();
        if let Some(value) = value {
            labels.push(format!("len {value}"));
            labels.push(value.to_string());
        }
        labels.push("len".to_string());
        if let Some(text) = labels.iter().find(|t| measure::width(t, 15.0) + 6.0 <= r.w) {
            svg.text(
                r.middle(),
                r.y + r.h / 2.0 + 6.0,
                Anchor::Middle,
                "hdr",
                text,
            );
        }
    }
}

/// The part of the box for stream bytes `a..b` of `slot` that is not a
/// length header: where its text goes (the longest such stretch), if any.
pub fn payload_rect(
    slot: &Slot,
    a: usize,
    b: usize,
    headers: &[(usize, usize)],
    top: f64,
) -> Option<Rect> {
    let mut free = vec![(a, b)];
    for (h0, h1) in headers {
        free = free
            .into_iter()
            .flat_map(|(s, e)| {
                if *h1 <= s || *h0 >= e {
                    vec![(s, e)]
                } else {
                    vec![(s, *h0.max(&s)), (*h1.min(&e), e)]
                }
            })
            .filter(|(s, e)| s < e)
            .collect();
    }
    let (s, e) = free.into_iter().max_by_key(|(s, e)| e - s)?;
    let (x0, x1) = (slot.x_of(s), slot.x_of(e));
    Some(Rect {
        x: x0,
        y: top,
        w: x1 - x0,
        h: BOX,
    })
}
