//! `--dump`: every piece the slicer writes, as a hex dump on stderr.
//!
//! The layout is the one the other demos use for a `recv` (the `hexdump`
//! crate's): sixteen bytes a line in groups of four, the printable ASCII
//! beside them, and the offset — here the offset in this direction's
//! stream, so a piece can be found again in the receiver's dump.

use super::Direction;
use kit::hex;
use std::io::{self, Write};

/// Renders the pieces the slicer forwards, with or without colour.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Dump {
    /// Colour the headings and dim the dump (ANSI escapes).
    pub colour: bool,
}

impl Dump {
    /// One piece: a heading with its direction, index and size, then its
    /// bytes. `offset` is where the piece starts in its direction's stream.
    #[must_use]
    pub fn render(&self, direction: Direction, index: u64, offset: u64, bytes: &[u8]) -> String {
        let end = offset + bytes.len() as u64;
        let heading = kit::tr!(
            crate::TEXT,
            "slicer-dump-heading",
            direction = direction.words(),
            index = index,
            len = bytes.len(),
            offset = offset,
            end = end
        );
        let mut out = self.paint(colour_of(direction), &heading);
        out.push('\n');
        for (row, line) in bytes.chunks(hex::ROW).enumerate() {
            let at = offset + (row * hex::ROW) as u64;
            out.push_str("    ");
            out.push_str(&self.paint(DIM, &hex::row(line, at)));
            out.push('\n');
        }
        out
    }

    /// Writes one piece to stderr in a single call, so that the two
    /// directions' dumps, written from two threads, never interleave.
    pub fn write(&self, direction: Direction, index: u64, offset: u64, bytes: &[u8]) {
        let text = self.render(direction, index, offset, bytes);
        let _ = io::stderr().lock().write_all(text.as_bytes());
    }

    fn paint(&self, code: &str, text: &str) -> String {
        if self.colour {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
}

/// Cyan for what the client sends, magenta for what the server sends.
fn colour_of(direction: Direction) -> &'static str {
    match direction {
        Direction::ClientToServer => "36;1",
        Direction::ServerToClient => "35;1",
    }
}

const DIM: &str = "2";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_piece_is_headed_and_dumped_like_a_recv() {
        let dump = Dump::default();
        let text = dump.render(Direction::ClientToServer, 3, 16, "下雨 ok".as_bytes());
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines,
            [
                "client→server piece #3  9 B  (stream bytes 16..25)",
                // The same columns as the hexdump crate's lines in a recv.
                "    |e4b88be9 9ba8206f 6b|                ...... ok        00000010",
            ]
        );
    }

    #[test]
    fn long_pieces_take_several_lines_with_their_stream_offsets() {
        let bytes: Vec<u8> = (b'a'..=b'z').collect();
        let text = Dump::default().render(Direction::ServerToClient, 1, 0, &bytes);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 3);
        assert!(lines[0].starts_with("server→client piece #1  26 B"));
        assert!(
            lines[1].ends_with("abcdefghijklmnop 00000000"),
            "{}",
            lines[1]
        );
        assert!(
            lines[2].ends_with("qrstuvwxyz       00000010"),
            "{}",
            lines[2]
        );
        // The text column lines up whatever the length of the line.
        assert_eq!(lines[1].find("abc"), lines[2].find("qrs"));
    }

    #[test]
    fn colour_is_escapes_around_the_same_text() {
        let plain = Dump { colour: false }.render(Direction::ClientToServer, 1, 0, b"hi");
        let coloured = Dump { colour: true }.render(Direction::ClientToServer, 1, 0, b"hi");
        assert!(!plain.contains('\x1b'));
        assert!(coloured.contains("\x1b[36;1m"));
        let stripped = coloured
            .replace("\x1b[36;1m", "")
            .replace("\x1b[2m", "")
            .replace("\x1b[0m", "");
        assert_eq!(stripped, plain);
    }
}
