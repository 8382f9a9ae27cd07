//! Reading a received chunk as UTF-8 text, and spotting characters that a
//! chunk boundary cut in two.
//!
//! A Chinese character is three bytes in UTF-8 (下 = `e4 b8 8b`). TCP knows
//! nothing of characters, so a `recv` can end after the first byte of one.
//! Decoding that chunk on its own fails — Python's `data.decode("utf8")`
//! raises `UnicodeDecodeError` — though no byte was lost: the rest of the
//! character is simply in the next chunk.
//!
//! ```text
//!   bytes   e4 b8 8b | e9 9b a8 | ... | e5 a4 a9
//!   text       下         雨              天
//!   recv #1 ends here ----------------------^  (e5 here, a4 a9 in recv #2)
//! ```

/// A chunk seen as text: the middle that decodes, and the partial
/// characters at either edge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reading<'a> {
    /// Trailing bytes of a character that began in an earlier chunk.
    pub lead: &'a [u8],
    /// The complete characters in between, or `None` if they are not UTF-8
    /// at all (binary data).
    pub text: Option<&'a str>,
    /// Leading bytes of a character that continues in a later chunk.
    pub tail: &'a [u8],
}

impl Reading<'_> {
    /// Whether a character was cut at either edge of the chunk.
    #[must_use]
    pub fn is_cut(&self) -> bool {
        !self.lead.is_empty() || !self.tail.is_empty()
    }
}

/// A character that a chunk boundary fell inside.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CutCharacter {
    /// The character.
    pub character: char,
    /// Its bytes before the boundary.
    pub before: usize,
    /// Its bytes after the boundary.
    pub after: usize,
}

/// Splits `chunk` into partial characters at its edges and the text between.
#[must_use]
pub fn read(chunk: &[u8]) -> Reading<'_> {
    let lead_len = chunk
        .iter()
        .take(3)
        .take_while(|&&b| is_continuation(b))
        .count();
    let rest = &chunk[lead_len..];
    let tail_len = match rest.iter().rposition(|&b| !is_continuation(b)) {
        Some(start) if rest.len() - start < width(rest[start]) => rest.len() - start,
        _ => 0,
    };
    let (middle, tail) = rest.split_at(rest.len() - tail_len);
    Reading {
        lead: &chunk[..lead_len],
        text: std::str::from_utf8(middle).ok(),
        tail,
    }
}

/// The character that `boundary` (a byte offset into `stream`) falls inside,
/// if it falls inside one rather than between two.
#[must_use]
pub fn cut_at(stream: &[u8], boundary: usize) -> Option<CutCharacter> {
    if boundary == 0 || boundary >= stream.len() || !is_continuation(stream[boundary]) {
        return None;
    }
    let start = (boundary.saturating_sub(3)..boundary)
        .rev()
        .find(|&i| !is_continuation(stream[i]))?;
    let end = start + width(stream[start]);
    let character = std::str::from_utf8(stream.get(start..end)?)
        .ok()?
        .chars()
        .next()?;
    Some(CutCharacter {
        character,
        before: boundary - start,
        after: end - boundary,
    })
}

/// A byte of the form `10xxxxxx` continues a multi-byte character.
fn is_continuation(byte: u8) -> bool {
    byte & 0b1100_0000 == 0b1000_0000
}

/// How many bytes the character starting with `byte` takes (1 for ASCII and
/// for bytes that cannot start a character).
fn width(byte: u8) -> usize {
    match byte {
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf7 => 4,
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SENTENCE: &str = "下雨天留客天留人不留";

    #[test]
    fn a_whole_sentence_reads_whole() {
        let reading = read(SENTENCE.as_bytes());
        assert_eq!(reading.text, Some(SENTENCE));
        assert!(!reading.is_cut());
    }

    #[test]
    fn a_cut_after_sixteen_bytes_splits_the_sixth_character() {
        let bytes = SENTENCE.as_bytes();
        let first = read(&bytes[..16]);
        assert_eq!(first.text, Some("下雨天留客"));
        assert_eq!(first.tail, &[0xe5]);
        let second = read(&bytes[16..]);
        assert_eq!(second.lead, &[0xa4, 0xa9]);
        assert_eq!(second.text, Some("留人不留"));
        assert_eq!(
            cut_at(bytes, 16),
            Some(CutCharacter {
                character: '天',
                before: 1,
                after: 2
            })
        );
        assert_eq!(cut_at(bytes, 15), None, "15 is between 客 and 天");
    }

    #[test]
    fn binary_bytes_are_not_text() {
        assert_eq!(read(&[0xff, 0x00, 0x41]).text, None);
        assert_eq!(read(b"plain ascii").text, Some("plain ascii"));
    }

    #[test]
    fn every_boundary_in_a_sentence_is_seen() {
        let bytes = SENTENCE.as_bytes();
        for boundary in 1..bytes.len() {
            let cut = cut_at(bytes, boundary);
            assert_eq!(cut.is_some(), boundary % 3 != 0, "boundary {boundary}");
            let (a, b) = bytes.split_at(boundary);
            assert_eq!(read(a).is_cut() || read(b).is_cut(), boundary % 3 != 0);
        }
    }
}
