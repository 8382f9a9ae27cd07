//! The exercise: a server's catalogue, and the files a client downloaded
//! from it, each checked.

use crate::verdict::Code;
use serde::{Deserialize, Serialize};

/// A file server and its client, in one run.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Transfer {
    /// What the run shows.
    pub label: String,
    /// Where the server listened.
    pub server: String,
    /// The catalogue the client received.
    pub catalogue: Vec<Offered>,
    /// Each download, in order.
    pub downloads: Vec<Download>,
    /// The run in a sentence.
    pub verdict: String,
    /// The same verdict for a program.
    pub code: Code,
    /// How it was done: the lines a teacher explains.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// One file in the catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Offered {
    /// Its name.
    pub name: String,
    /// Its size in bytes.
    pub size: u64,
}

/// One download.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Download {
    /// The file.
    pub name: String,
    /// Its size in bytes.
    pub size: u64,
    /// Seconds the body took.
    pub seconds: f64,
    /// The CRC-32 both sides agreed on.
    pub crc32: u32,
    /// Whether the saved file equals the source byte for byte.
    pub identical: bool,
}
