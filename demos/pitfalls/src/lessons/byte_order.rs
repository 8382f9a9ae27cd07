//! (d) `struct.pack("i", n)`: native byte order, and signed.
//!
//! ```python
//! data_size_struct = struct.pack("i", data_size)
//! ```
//!
//! `i` is a C `int` in the machine's *native* byte order. x86 and ARM are
//! little-endian, so 24 becomes `18 00 00 00`; two such machines agree,
//! and the tutorial's code works in class. A big-endian peer — or any
//! receiver that follows the network-order convention, as Java's
//! `DataInputStream`, Go's `binary.BigEndian`, tokio-util and this lab's
//! decoder do — reads the same four bytes as 402653184. And `i` is
//! *signed*: a length of 3 GB does not fit at all.
//!
//! The fix is `struct.pack("!I", n)`: `!` is network byte order
//! (big-endian), `I` an unsigned 32-bit integer, good for up to
//! 4 GiB − 1; a longer body needs a 64-bit length (`"!Q"`).
//!
//! The demo packs `i` with [`i32::to_le_bytes`] — what `struct.pack("i")`
//! does on x86 and ARM — so the run is the same on any machine.

use crate::TEXT;
use crate::support::reading::{RECV_SIZE, Reader};
use crate::support::{decoding, sending, size, sliced};
use codec::decoder::DecodeError;
use codec::frame::{self, DEFAULT_MAX_FRAME_LEN, HEADER_LEN};
use fixed::slicer::Slicing;
use kit::error::Result;
use kit::hex;
use kit::knobs::Knobs;
use kit::report::{Comparison, Exchange};
use kit::verdict::Code;
use std::fmt;
use std::time::Duration;

/// Pieces of 5 to 11 bytes, 2 ms apart: the header arrives cut, so the
/// decoder is shown coping with that — the failure is the format's alone.
pub const SLICING: Slicing = Slicing {
    average: 8,
    variation: 3,
    delay: Duration::from_millis(2),
    seed: 4,
};

/// A length above `i32::MAX`: a 3 GB file.
pub const THREE_GB: u64 = 3_000_000_000;

/// What Python's `struct` raises, word for word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StructError(pub String);

impl fmt::Display for StructError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "struct.error: {}", self.0)
    }
}

impl std::error::Error for StructError {}

/// `struct.pack("i", n)` on a little-endian machine (x86, ARM).
pub fn pack_native_i(n: i64) -> Result<[u8; 4], StructError> {
    i32::try_from(n).map(i32::to_le_bytes).map_err(|_| {
        StructError(format!(
            "'i' format requires {} <= number <= {}",
            i32::MIN,
            i32::MAX
        ))
    })
}

/// `struct.pack("!I", n)`: unsigned, network byte order.
pub fn pack_network_u32(n: i64) -> Result<[u8; 4], StructError> {
    if n < 0 {
        return Err(StructError("argument out of range".into()));
    }
    u32::try_from(n)
        .map(u32::to_be_bytes)
        .map_err(|_| StructError(format!("'I' format requires 0 <= number <= {}", u32::MAX)))
}

/// The tutorial's two messages.
#[must_use]
pub fn messages() -> Vec<Vec<u8>> {
    sticky::tutorial_messages()
}

/// `struct.pack("i")` headers, read by a network-order receiver: the
/// decoder stops at the first header (the recv's decoder state says why),
/// and the run has no frame.
pub fn broken() -> Result<Exchange> {
    let mut run = run(|len| pack_native_i(len).ok())?;
    let stopped = decoding::annotate(&mut run, &messages());
    let header = first_header(&run);
    let read_as = u32::from_be_bytes(header);
    run.label = kit::tr!(TEXT, "label-d-broken");
    let refused = match &stopped {
        Some(DecodeError::TooLarge { max, .. }) => {
            kit::tr!(TEXT, "refused-too-large", max = max.to_string())
        }
        Some(error) => kit::tr!(
            TEXT,
            "refused-other",
            error = fixed::decoder_state::error(error)
        ),
        None => String::new(),
    };
    let verdict = kit::tr!(
        TEXT,
        "verdict-d-broken",
        hex = hex::spaced(&header),
        size = size::bytes(u64::from(read_as)),
        refused = refused,
        frames = run.frames.as_ref().map_or(0, Vec::len)
    );
    run.judged(verdict, Code::Shown);
    run.notes = vec![
        kit::tr!(TEXT, "note-d-pieces", pieces = sliced::pieces(&SLICING)),
        kit::tr!(TEXT, "note-d-native"),
        kit::tr!(
            TEXT,
            "note-d-no-limit",
            read = read_as.to_string(),
            max = DEFAULT_MAX_FRAME_LEN.to_string()
        ),
    ];
    Ok(run)
}

/// `struct.pack("!I")` headers: both sides agree, and both frames are
/// whole.
pub fn correct() -> Result<Exchange> {
    let mut run = run(|len| pack_network_u32(len).ok())?;
    decoding::annotate(&mut run, &messages());
    let header = first_header(&run);
    run.label = kit::tr!(TEXT, "label-d-correct");
    let verdict = kit::tr!(
        TEXT,
        "verdict-d-correct",
        hex = hex::spaced(&header),
        len = u32::from_be_bytes(header).to_string(),
        frames = run.frames.as_ref().map_or(0, Vec::len)
    );
    run.judged(verdict, Code::Shown);
    run.notes = vec![kit::tr!(TEXT, "note-d-network")];
    Ok(run)
}

/// The first message's header as it was sent: the first 4 bytes of the
/// run's first send.
fn first_header(run: &Exchange) -> [u8; HEADER_LEN] {
    run.sends
        .first()
        .and_then(|send| send.bytes.first_chunk::<HEADER_LEN>())
        .copied()
        .unwrap_or_default()
}

/// The messages, each after a header packed by `pack`, through the slicer
/// into a network-order decoder. The run's recvs are left for
/// [`decoding::annotate`] to explain.
fn run(pack: impl Fn(i64) -> Option<[u8; 4]>) -> Result<Exchange> {
    let writes: Vec<Vec<u8>> = messages()
        .iter()
        // Both lengths are tiny, so both packings succeed.
        .map(|message| [&pack(message.len() as i64).unwrap_or_default()[..], message].concat())
        .collect();
    let done = sliced::run(
        SLICING,
        &Knobs::default(),
        move |end| sending::send_each(end, &writes),
        |end| {
            let mut reader = Reader::new(end);
            decoding::receive(&mut reader, RECV_SIZE)?;
            Ok(reader.finish())
        },
    )?;
    let mut run = Exchange::both(String::new(), &done.server, &done.client.side);
    run.reader = Some(kit::tr!(TEXT, "reader-d"));
    Ok(run)
}

/// The facts about a 3 GB length, computed: what `"i"` and `"!I"` do
/// with it, and where even `"!I"` ends.
#[must_use]
pub fn too_big() -> Comparison {
    let three = THREE_GB as i64;
    let four = 1i64 << 32;
    let pack_i = match pack_native_i(three) {
        Ok(bytes) => hex::spaced(&bytes),
        Err(e) => e.to_string(),
    };
    let try_i32 = match i32::try_from(THREE_GB) {
        Ok(n) => n.to_string(),
        Err(e) => format!("Err({e})"),
    };
    let wrapped = THREE_GB as u32 as i32;
    let pack_u = pack_network_u32(three).map_or_else(|e| e.to_string(), |b| hex::spaced(&b));
    let pack_u_4g = pack_network_u32(four).map_or_else(|e| e.to_string(), |b| hex::spaced(&b));
    let header_4g = match frame::header(four as usize) {
        Some(bytes) => hex::spaced(&bytes),
        None => "None".into(),
    };
    let q = hex::spaced(&(four as u64).to_be_bytes());
    let row = |language: &str, call: String, result: String| vec![language.into(), call, result];
    Comparison {
        label: kit::tr!(TEXT, "label-d-too-big"),
        columns: vec![
            String::new(),
            kit::tr!(TEXT, "column-call"),
            kit::tr!(TEXT, "column-gives"),
        ],
        rows: vec![
            row("Python", format!("struct.pack(\"i\", {THREE_GB})"), pack_i),
            row("Rust", format!("i32::try_from({THREE_GB}u64)"), try_i32),
            row("Rust", format!("{THREE_GB}u32 as i32"), wrapped.to_string()),
            row("Python", format!("struct.pack(\"!I\", {THREE_GB})"), pack_u),
            row("Python", format!("struct.pack(\"!I\", {four})"), pack_u_4g),
            row("Rust", format!("codec::frame::header({four})"), header_4g),
            row("Python", format!("struct.pack(\"!Q\", {four})"), q),
        ],
        verdict: kit::tr!(
            TEXT,
            "verdict-d-too-big",
            imax = i32::MAX.to_string(),
            umax = u32::MAX.to_string()
        ),
        code: Code::Shown,
        notes: vec![
            kit::tr!(
                TEXT,
                "note-d-wrapped",
                three = THREE_GB.to_string(),
                wrapped = wrapped.to_string()
            ),
            kit::tr!(TEXT, "note-d-none"),
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn struct_pack_i_is_little_endian_and_signed() {
        assert_eq!(pack_native_i(24), Ok([0x18, 0, 0, 0]));
        assert_eq!(pack_native_i(-1), Ok([0xff; 4]));
        assert_eq!(
            pack_native_i(3_000_000_000).unwrap_err().to_string(),
            "struct.error: 'i' format requires -2147483648 <= number <= 2147483647"
        );
    }

    #[test]
    fn struct_pack_network_unsigned_holds_up_to_4_gib_minus_one() {
        assert_eq!(pack_network_u32(24), Ok([0, 0, 0, 0x18]));
        assert_eq!(pack_network_u32(i64::from(u32::MAX)), Ok([0xff; 4]));
        assert_eq!(
            pack_network_u32(1 << 32).unwrap_err().to_string(),
            "struct.error: 'I' format requires 0 <= number <= 4294967295"
        );
        assert_eq!(
            pack_network_u32(-1).unwrap_err().to_string(),
            "struct.error: argument out of range"
        );
    }
}
