//! Bytes as hex, in the three ways the lab shows them: one word
//! (`e4b88b`, as Python's `bytes.hex()` and the JSON report), spaced
//! (`e4 b8 8b`, for a few bytes in a sentence), and the `hexdump` crate's
//! rows (sixteen bytes a line in groups of four, the printable ASCII
//! beside them, and the offset).

/// Bytes per hex dump row.
pub const ROW: usize = 16;

/// `e4b88b`: lowercase, no separators.
#[must_use]
pub fn lowercase(bytes: &[u8]) -> String {
    let mut text = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        text.push(DIGITS[usize::from(byte >> 4)]);
        text.push(DIGITS[usize::from(byte & 0x0f)]);
    }
    text
}

/// `e4 b8 8b`: one byte per word.
#[must_use]
pub fn spaced(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|b| lowercase(std::slice::from_ref(b)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The bytes of a [`lowercase`] hex string, or why it is not one.
pub fn parse(text: &str) -> Result<Vec<u8>, String> {
    if text.len() % 2 != 0 {
        return Err("hex text of odd length".into());
    }
    (0..text.len())
        .step_by(2)
        .map(|i| {
            text.get(i..i + 2)
                .and_then(|pair| u8::from_str_radix(pair, 16).ok())
                .ok_or_else(|| format!("'{}' is not hex", &text[i..]))
        })
        .collect()
}

/// The `hexdump` crate's rows for `bytes`:
/// `|e4b88be9 9ba8e5a4 a9e79599 e5aea2e5| ................ 00000000`.
#[must_use]
pub fn rows(bytes: &[u8]) -> Vec<String> {
    let mut rows: Vec<String> = hexdump::hexdump_iter(bytes)
        .map(|row| row.to_string())
        .collect();
    // The crate ends with a line holding only the total length: not a row.
    rows.pop();
    rows
}

/// One row in the same layout as [`rows`], for up to sixteen `bytes` that
/// start `offset` bytes into some longer stream (the slicer numbers its
/// pieces by their place in the connection, not from zero).
#[must_use]
pub fn row(bytes: &[u8], offset: u64) -> String {
    let bytes = &bytes[..bytes.len().min(ROW)];
    let mut hex = String::with_capacity(ROW * 2 + 3);
    for (i, byte) in bytes.iter().enumerate() {
        if i > 0 && i % 4 == 0 {
            hex.push(' ');
        }
        hex.push_str(&lowercase(std::slice::from_ref(byte)));
    }
    let text: String = bytes
        .iter()
        .map(|&b| {
            if b.is_ascii_graphic() || b == b' ' {
                b as char
            } else {
                '.'
            }
        })
        .collect();
    format!(
        "|{hex}|{:pad$} {text:<ROW$} {offset:08x}",
        "",
        pad = 35 - hex.len()
    )
}

/// Where byte `i` of a row (0 to 15) sits in a [`rows`] line: after the
/// opening `|`, two digits a byte and a space after every fourth.
#[must_use]
pub fn column_of(i: usize) -> usize {
    1 + 2 * i + i / 4
}

/// Where byte `i` of a row (0 to 15) shows as a character in a [`rows`]
/// line: after the hex of a full row (`|`, 32 digits, 3 blanks), its
/// closing `|` and one blank — from column 38 on, whatever the row's length.
#[must_use]
pub fn text_column_of(i: usize) -> usize {
    1 + 2 * ROW + (ROW / 4 - 1) + 2 + i
}

const DIGITS: [char; 16] = [
    '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f',
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_three_ways() {
        let bytes = "下".as_bytes();
        assert_eq!(lowercase(bytes), "e4b88b");
        assert_eq!(spaced(bytes), "e4 b8 8b");
        assert_eq!(parse("e4b88b"), Ok(bytes.to_vec()));
        assert!(parse("e4b").is_err());
        assert!(parse("zz").is_err());
        let rows = rows("下雨天留客天留人不留".as_bytes());
        assert_eq!(
            rows,
            [
                "|e4b88be9 9ba8e5a4 a9e79599 e5aea2e5| ................ 00000000",
                "|a4a9e795 99e4baba e4b88de7 9599|     ..............   00000010",
            ]
        );
        assert_eq!(&rows[0][column_of(4)..column_of(4) + 2], "9b");
        let ascii = super::rows("ab下".as_bytes());
        assert_eq!(&ascii[0][text_column_of(0)..text_column_of(2)], "ab");
        assert_eq!(&ascii[0][text_column_of(4)..=text_column_of(4)], ".");
    }

    /// `row` draws exactly what the hexdump crate draws, for every length
    /// of a row and bytes of every kind.
    #[test]
    fn a_row_is_the_hexdump_crates_row() {
        let bytes: Vec<u8> = (0..=255u8).chain("下雨 ok".bytes()).collect();
        for len in 1..=ROW {
            for start in [0, 30, 248] {
                let chunk = &bytes[start..start + len];
                assert_eq!(rows(chunk)[0], row(chunk, 0), "{len} bytes from {start}");
            }
        }
        assert!(row(b"ab", 0x10).ends_with("ab               00000010"));
    }
}
