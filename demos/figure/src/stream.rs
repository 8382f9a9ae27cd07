//! Where each byte sits: numbered one after another, the sent messages
//! make one stream and the recvs cut the same stream in other places. A
//! piece of a recv's origin map is a range of one message; its place in
//! the sent stream is that message's start plus the range.

use kit::report::Exchange;
use std::collections::BTreeMap;

/// The stream positions of a run's bytes: where each send starts in the
/// sent stream and each recv in the received stream.
pub struct Stream {
    /// Where each send (by its index) starts in the sent stream.
    pub send_start: BTreeMap<usize, usize>,
    /// Where each recv (by its position) starts in the received stream.
    pub recv_start: Vec<usize>,
}

impl Stream {
    /// The positions of `run`'s bytes.
    #[must_use]
    pub fn of(run: &Exchange) -> Stream {
        let mut at = 0;
        let mut send_start = BTreeMap::new();
        for send in &run.sends {
            send_start.insert(send.index, at);
            at += send.len;
        }
        let mut at = 0;
        let recv_start = run
            .recvs
            .iter()
            .map(|r| {
                let start = at;
                at += r.len;
                start
            })
            .collect();
        Stream {
            send_start,
            recv_start,
        }
    }

    /// Where byte `offset` of recv `i` was in the sent stream.
    #[must_use]
    pub fn sent_position(&self, run: &Exchange, i: usize, offset: usize) -> Option<usize> {
        let mut at = 0;
        for piece in &run.recvs[i].origin {
            let len = piece.end - piece.start;
            if (at..at + len).contains(&offset) {
                return Some(self.send_start.get(&piece.send)? + piece.start + offset - at);
            }
            at += len;
        }
        None
    }
}
