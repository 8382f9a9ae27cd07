//! The frame format: a 4-byte big-endian length, then that many bytes.
//!
//! ```text
//! +----------------+----------------------------+
//! | len: u32 (BE)  |  payload: len bytes        |
//! +----------------+----------------------------+
//!   00 00 00 18      e4 b8 8b e9 9b a8 …        "下雨天留客天留人" = 24 bytes
//! ```
//!
//! These are exactly the bytes of Python's `struct.pack("!I", n) + payload`
//! (`!` is network byte order — big-endian — and `I` an unsigned 32-bit
//! integer), and of tokio-util's `LengthDelimitedCodec` with its defaults.
//! The receiver reads 4 bytes, learns how many follow, and reads exactly
//! that many: a message boundary the byte stream itself never had.
//!
//! The tutorial packs the length with `struct.pack("i", n)`: `i` is a
//! *signed* integer in the machine's *native* byte order. Two machines of
//! different byte order disagree about every length, and a length above
//! 2 GiB cannot be packed at all. Network byte order and an unsigned length
//! avoid both.

/// Bytes in the length header.
pub const HEADER_LEN: usize = 4;

/// The largest payload a receiver accepts unless told otherwise: 8 MiB,
/// as in tokio-util. A corrupt or hostile header can announce up to 4 GiB;
/// the limit is checked before a single byte of that is awaited.
pub const DEFAULT_MAX_FRAME_LEN: usize = 8 * 1024 * 1024;

/// The header for a payload of `len` bytes, or `None` if `len` does not
/// fit in 32 bits.
pub fn header(len: usize) -> Option<[u8; HEADER_LEN]> {
    u32::try_from(len).ok().map(u32::to_be_bytes)
}

/// One whole frame: header and payload in one buffer, ready for one write.
///
/// # Panics
///
/// If the payload is 4 GiB or longer, which no frame can describe.
#[must_use]
pub fn encode(payload: &[u8]) -> Vec<u8> {
    let header = header(payload.len()).expect("a frame payload is shorter than 4 GiB");
    let mut frame = Vec::with_capacity(HEADER_LEN + payload.len());
    frame.extend_from_slice(&header);
    frame.extend_from_slice(payload);
    frame
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `struct.pack("!I", 24) + "下雨天留客天留人".encode()`, as Python 3
    /// prints it.
    const PYTHON: &[u8] = b"\x00\x00\x00\x18\xe4\xb8\x8b\xe9\x9b\xa8\xe5\xa4\xa9\xe7\x95\x99\
\xe5\xae\xa2\xe5\xa4\xa9\xe7\x95\x99\xe4\xba\xba";

    #[test]
    fn a_frame_is_python_struct_pack_network_order_bytes() {
        assert_eq!(encode("下雨天留客天留人".as_bytes()), PYTHON);
    }

    #[test]
    fn the_header_is_big_endian_and_unsigned() {
        assert_eq!(header(1), Some([0, 0, 0, 1]));
        assert_eq!(header(0x0102_0304), Some([1, 2, 3, 4]));
        assert_eq!(
            header(3_000_000_000),
            Some([0xb2, 0xd0, 0x5e, 0x00]),
            "3 GB fits in u32"
        );
        assert_eq!(header(1 << 32), None);
    }
}
