//! The bands between the lanes: from each range of a message on the
//! sender's lane to where those bytes landed on the receiver's. Two bands
//! meeting in one recv is 粘包; one message fanning out is 半包. Pieces
//! that fall in the same pair of boxes, one after the other, make one
//! band, so a message spread over an elided run of recvs is one band.

use crate::lane::Lane;
use crate::palette::Ink;
use crate::stream::Stream;
use crate::svg::{Svg, num};
use kit::report::Exchange;

/// The bands from each piece of a message to where it landed. Pieces that
/// fall in the same pair of boxes, one after the other, make one band.
#[allow(clippy::too_many_arguments)]
pub fn draw(
    svg: &mut Svg,
    ink: &Ink,
    run: &Exchange,
    stream: &Stream,
    sender: &Lane,
    receiver: &Lane,
    top: f64,
    bottom: f64,
) {
    struct Band {
        slots: (usize, usize),
        sent: (usize, usize),
        got: (usize, usize),
        send: Option<usize>,
    }
    let mut merged: Vec<Band> = Vec::new();
    for (i, recv) in run.recvs.iter().enumerate() {
        let mut offset = stream.recv_start[i];
        for piece in &recv.origin {
            let len = piece.end - piece.start;
            let Some(start) = stream.send_start.get(&piece.send).map(|s| s + piece.start) else {
                offset += len;
                continue;
            };
            let (Some(s), Some(r)) = (sender.find(start), receiver.find(offset)) else {
                offset += len;
                continue;
            };
            match merged.last_mut() {
                Some(band)
                    if band.slots == (s, r) && band.sent.1 == start && band.got.1 == offset =>
                {
                    band.sent.1 += len;
                    band.got.1 += len;
                    if band.send != Some(piece.send) {
                        band.send = None;
                    }
                }
                _ => merged.push(Band {
                    slots: (s, r),
                    sent: (start, start + len),
                    got: (offset, offset + len),
                    send: Some(piece.send),
                }),
            }
            offset += len;
        }
    }
    let middle = f64::midpoint(top, bottom);
    for band in merged {
        let (s, r) = (&sender.slots[band.slots.0], &receiver.slots[band.slots.1]);
        let (a, b) = (s.x_of(band.sent.0), s.x_of(band.sent.1));
        let (c, d) = (r.x_of(band.got.0), r.x_of(band.got.1));
        let (top, bottom) = (top + 1.0, bottom - 1.0);
        let data = format!(
            "M{a},{top}L{b},{top}C{b},{m} {d},{m} {d},{bottom}L{c},{bottom}C{c},{m} {a},{m} {a},{top}Z",
            a = num(a),
            b = num(b),
            c = num(c),
            d = num(d),
            top = num(top),
            bottom = num(bottom),
            m = num(middle)
        );
        let paint = match band.send {
            Some(send) => ink.band(send),
            None => ink.many_band(),
        };
        svg.path(&data, &paint);
    }
}
