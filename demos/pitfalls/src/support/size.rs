//! A length as a sentence: how many bytes a header announced, with the
//! size a person can picture beside it.
//!
//! A misread header does not announce a slightly wrong length: four bytes
//! taken from the middle of a message, or read in the other byte order,
//! announce hundreds of megabytes. Saying "402653184 bytes (384.0 MiB)"
//! rather than the bare number lets a class see at once why a receiver
//! that trusts it waits forever, or runs out of memory.

use crate::TEXT;

/// `24 bytes`, `1 byte`, `402653184 bytes (384.0 MiB)`.
#[must_use]
pub fn bytes(n: u64) -> String {
    if n < 1024 {
        counted(n as usize)
    } else {
        kit::tr!(
            TEXT,
            "size-bytes-pictured",
            n = n.to_string(),
            size = kit::units::bytes(n)
        )
    }
}

/// `1 byte`, `1320 bytes`: a count of bytes, however many.
#[must_use]
pub fn counted(n: usize) -> String {
    kit::tr!(TEXT, "size-bytes", n = n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_lengths_are_counted_and_large_ones_pictured() {
        assert_eq!(bytes(1), "1 byte");
        assert_eq!(bytes(24), "24 bytes");
        assert_eq!(bytes(1023), "1023 bytes");
        assert_eq!(bytes(1024), "1024 bytes (1.0 KiB)");
        assert_eq!(bytes(402_653_184), "402653184 bytes (384.0 MiB)");
        assert_eq!(bytes(3_917_975_016), "3917975016 bytes (3.6 GiB)");
    }
}
