//! The JSON messages inside the control frames.
//!
//! JSON instead of the tutorial's `pickle`: unpickling data from the
//! network runs whatever code the sender chose, and only Python can read
//! it. JSON is inert, and a student's client in any language can speak it.

use serde::{Deserialize, Serialize};

/// One file the server offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// The file's name inside the server's folder.
    pub name: String,
    /// Its size in bytes.
    pub size: u64,
}

/// The first frame on every connection: what the server can send.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Catalogue {
    /// The files, sorted by name.
    pub files: Vec<Entry>,
}

/// What a client asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Request {
    /// `{"get": NAME, "offset": N}`: send NAME from byte N on.
    Get {
        /// The file's name, as the catalogue spells it.
        get: String,
        /// Where to start: 0, or the length of a partial download.
        #[serde(default)]
        offset: u64,
    },
    /// `{"quit": true}`: the client is done.
    Quit {
        /// Always `true`.
        quit: bool,
    },
}

/// The server's answer to a `get`, just before the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Offer {
    /// The file being sent.
    pub name: String,
    /// Its whole size.
    pub size: u64,
    /// Where the body starts inside the file.
    pub offset: u64,
    /// Bytes in the body: `size - offset`.
    pub len: u64,
}

/// The last frame of a transfer: the checksum of the whole file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Done {
    /// CRC-32 (IEEE, as zlib and Python's `zlib.crc32`) of the whole file,
    /// including any part the client already had.
    pub crc32: u32,
}

/// `{"error": "…"}`: what went wrong, for the person at the client.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Refusal {
    /// The sentence.
    pub error: String,
}
