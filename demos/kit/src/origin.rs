//! The origin map: for every chunk a `recv` returned, which sent messages
//! (and which byte ranges of them) it holds.
//!
//! TCP delivers one stream of bytes. Number the bytes of the sent messages
//! one after another and the received chunks cut the same numbered stream in
//! other places:
//!
//! ```text
//!   sends   |<---------- #1: 24 B ---------->|<- #2: 6 B ->|
//!   stream  0                                24            30
//!   recvs   |<-------------------- #1: 30 B ------------------>|
//!
//!   recv #1 = send #1 [0..24] + send #2 [0..6]
//! ```
//!
//! A recv that holds pieces of two messages is *sticky* (粘包); a message
//! whose bytes are spread over two recvs arrived *half* at a time (半包).

use serde::{Deserialize, Serialize};

/// A byte range of one sent message found inside a received chunk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Piece {
    /// 1-based index of the send the bytes came from.
    pub send: usize,
    /// First byte of that send held by the chunk.
    pub start: usize,
    /// One past the last byte of that send held by the chunk.
    pub end: usize,
    /// The chunk holds the whole send, from its first byte to its last.
    #[serde(default)]
    pub whole: bool,
}

/// Maps each received chunk back to the sends it came from.
///
/// Returns `None` when the received bytes are not the sent bytes (another
/// program, or other messages, on the far side): then the origin of a byte
/// cannot be known, which is exactly the receiver's problem in real life.
/// Received bytes may stop short of the sent ones (a run cut off early).
pub fn map<S: AsRef<[u8]>, R: AsRef<[u8]>>(sends: &[S], recvs: &[R]) -> Option<Vec<Vec<Piece>>> {
    let mut maps = Vec::with_capacity(recvs.len());
    // The cursor: which send, and how far into it, the next received byte is.
    let mut send = 0;
    let mut offset = 0;
    for recv in recvs {
        let mut chunk = recv.as_ref();
        let mut pieces = Vec::new();
        while !chunk.is_empty() {
            // Empty sends put nothing on the wire: skip them.
            while send < sends.len() && offset == sends[send].as_ref().len() {
                send += 1;
                offset = 0;
            }
            let message = sends.get(send)?.as_ref();
            let take = chunk.len().min(message.len() - offset);
            if chunk[..take] != message[offset..offset + take] {
                return None;
            }
            pieces.push(Piece {
                send: send + 1,
                start: offset,
                end: offset + take,
                whole: offset == 0 && take == message.len(),
            });
            offset += take;
            chunk = &chunk[take..];
        }
        maps.push(pieces);
    }
    Some(maps)
}

/// Maps each received datagram to the sent datagram it is (or, when it was
/// truncated, the sent datagram it is the start of).
///
/// Datagrams are matched in order; sent datagrams with no recv were lost.
/// Returns `None` if some received datagram matches no sent one.
pub fn map_datagrams<S: AsRef<[u8]>, R: AsRef<[u8]>>(
    sends: &[S],
    recvs: &[R],
) -> Option<Vec<Vec<Piece>>> {
    let mut next = 0;
    recvs
        .iter()
        .map(|recv| {
            let recv = recv.as_ref();
            let found = (next..sends.len()).find(|&i| sends[i].as_ref().starts_with(recv))?;
            next = found + 1;
            Some(vec![Piece {
                send: found + 1,
                start: 0,
                end: recv.len(),
                whole: recv.len() == sends[found].as_ref().len(),
            }])
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_tutorial_example_glued() {
        let sends = ["下雨天留客天留人".as_bytes(), "不留".as_bytes()];
        let recvs = ["下雨天留客天留人不留".as_bytes()];
        let map = map(&sends, &recvs).unwrap();
        assert_eq!(
            map,
            vec![vec![
                Piece {
                    send: 1,
                    start: 0,
                    end: 24,
                    whole: true
                },
                Piece {
                    send: 2,
                    start: 0,
                    end: 6,
                    whole: true
                },
            ]]
        );
    }

    #[test]
    fn datagrams_map_one_to_one_skipping_the_lost() {
        let sends = [b"one".as_slice(), b"two", b"three"];
        let recvs = [b"one".as_slice(), b"thr"];
        let map = map_datagrams(&sends, &recvs).unwrap();
        assert_eq!(
            map[0],
            [Piece {
                send: 1,
                start: 0,
                end: 3,
                whole: true
            }]
        );
        assert_eq!(
            map[1],
            [Piece {
                send: 3,
                start: 0,
                end: 3,
                whole: false
            }],
            "truncated, #2 lost"
        );
        assert_eq!(map_datagrams(&sends, &[b"four".as_slice()]), None);
    }

    #[test]
    fn foreign_bytes_have_no_origin() {
        let sends = [b"hello".as_slice()];
        assert_eq!(map(&sends, &[b"help".as_slice()]), None);
        assert_eq!(
            map(&sends, &[b"hello!".as_slice()]),
            None,
            "more than was sent"
        );
    }

    /// Any messages, cut into any chunks: the pieces of each recv spell out
    /// exactly its bytes, and together the pieces tile every sent message
    /// once, in order, with no gap and no overlap.
    fn chunked() -> impl Strategy<Value = (Vec<Vec<u8>>, Vec<usize>)> {
        prop::collection::vec(prop::collection::vec(any::<u8>(), 0..40), 0..12).prop_flat_map(
            |sends| {
                let total: usize = sends.iter().map(Vec::len).sum();
                let cuts = prop::collection::vec(0..=total, 0..16);
                (Just(sends), cuts)
            },
        )
    }

    proptest! {
        #[test]
        fn any_chunking_maps_back_to_its_origins((sends, mut cuts) in chunked()) {
            let stream: Vec<u8> = sends.concat();
            cuts.push(0);
            cuts.push(stream.len());
            cuts.sort_unstable();
            cuts.dedup();
            let recvs: Vec<&[u8]> = cuts.windows(2).map(|w| &stream[w[0]..w[1]]).collect();

            let map = map(&sends, &recvs).expect("the bytes are the sent bytes");
            prop_assert_eq!(map.len(), recvs.len());

            let mut next = vec![0usize; sends.len()];
            let mut last_send = 0;
            for (recv, pieces) in recvs.iter().zip(&map) {
                let mut spelled = Vec::new();
                for piece in pieces {
                    let i = piece.send - 1;
                    prop_assert!(piece.start < piece.end, "no empty pieces");
                    prop_assert_eq!(piece.start, next[i], "no gap, no overlap");
                    prop_assert_eq!(
                        piece.whole,
                        piece.start == 0 && piece.end == sends[i].len(),
                        "whole means the whole send"
                    );
                    prop_assert!(piece.send >= last_send, "in send order");
                    spelled.extend_from_slice(&sends[i][piece.start..piece.end]);
                    next[i] = piece.end;
                    last_send = piece.send;
                }
                prop_assert_eq!(&spelled[..], *recv);
            }
            for (i, send) in sends.iter().enumerate() {
                prop_assert_eq!(next[i], send.len(), "every byte of send #{} placed", i + 1);
            }
        }

        #[test]
        fn a_changed_byte_is_never_attributed((sends, cuts) in chunked(), flip in any::<usize>()) {
            let mut stream: Vec<u8> = sends.concat();
            prop_assume!(!stream.is_empty());
            let at = flip % stream.len();
            stream[at] ^= 0x01;
            let mut cuts = cuts;
            cuts.push(0);
            cuts.push(stream.len());
            cuts.sort_unstable();
            cuts.dedup();
            let recvs: Vec<&[u8]> = cuts.windows(2).map(|w| &stream[w[0]..w[1]]).collect();
            prop_assert_eq!(map(&sends, &recvs), None);
        }
    }
}
