//! The whole exercise in one process: a folder of "videos", the server on
//! a loopback port, two downloads, each checked byte for byte.

use std::fmt;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::net::{Ipv4Addr, SocketAddr};
use std::path::Path;
use std::time::Duration;

use serde::Serialize;

use crate::client::{Client, Patience, Saving};
use crate::error::{Error, Result};
use crate::menu;
use crate::message::Entry;
use crate::progress::Silent;
use crate::rate;
use crate::server::{Config, Server};

/// The sample files: name and size. Cheap to make: a repeated pattern.
pub const SAMPLES: [(&str, u64); 4] = [
    ("lesson-01-sticky.mp4", 3 * 1024 * 1024),
    ("lesson-02-half.mp4", 5 * 1024 * 1024),
    ("campus-tour.mkv", 200 * 1024 * 1024),
    ("slides.pdf", 1024 * 1024 + 17),
];

/// The files the demo downloads.
pub const CHOSEN: [&str; 2] = ["lesson-01-sticky.mp4", "campus-tour.mkv"];

/// What the demo did, for the screen or as JSON.
#[derive(Debug, Clone, Serialize)]
pub struct Story {
    /// Where the server listened.
    pub server: String,
    /// The catalogue the client received.
    pub catalogue: Vec<Entry>,
    /// Each download.
    pub transfers: Vec<Transfer>,
}

/// One download in the story.
#[derive(Debug, Clone, Serialize)]
pub struct Transfer {
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

/// Runs the demo: makes the files, serves them, downloads two, compares.
pub fn demo() -> kit::Result<Story> {
    run().map_err(kit::Error::from)
}

fn run() -> Result<Story> {
    let shared = tempfile::tempdir().map_err(Error::io("making a folder for the server"))?;
    let saved = tempfile::tempdir().map_err(Error::io("making a folder for the client"))?;
    for (name, size) in SAMPLES {
        make_sample(&shared.path().join(name), size)
            .map_err(Error::io(format!("making {name}")))?;
    }
    let config = Config::new(shared.path())?.quiet();
    let server = Server::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)), config)?.spawn();
    let mut client = Client::connect(server.addr(), Patience::default())?;
    let mut story = Story {
        server: server.addr().to_string(),
        catalogue: client.files().to_vec(),
        transfers: Vec::new(),
    };
    for name in CHOSEN {
        let done = client.download(name, &Saving::into(saved.path()), &mut Silent)?;
        let identical = same_bytes(&shared.path().join(name), &done.path)
            .map_err(Error::io(format!("comparing {name}")))?;
        story.transfers.push(Transfer {
            name: done.name,
            size: done.size,
            seconds: done.elapsed.as_secs_f64(),
            crc32: done.crc32,
            identical,
        });
    }
    client.quit()?;
    server.stop()?;
    Ok(story)
}

/// Writes `size` bytes of a pattern that differs from one 64 KiB block to
/// the next, so a block sent twice or skipped changes the checksum.
pub fn make_sample(path: &Path, size: u64) -> io::Result<()> {
    let mut file = BufWriter::with_capacity(1 << 20, File::create(path)?);
    let mut block = [0u8; 64 * 1024];
    let mut left = size;
    let mut index: u32 = 0;
    while left > 0 {
        for (i, byte) in block.iter_mut().enumerate() {
            *byte = (i as u32).wrapping_mul(31).wrapping_add(index) as u8;
        }
        block[..4].copy_from_slice(&index.to_be_bytes());
        let n = left.min(block.len() as u64) as usize;
        file.write_all(&block[..n])?;
        left -= n as u64;
        index += 1;
    }
    file.flush()
}

/// Whether two files hold the same bytes, compared a piece at a time.
pub fn same_bytes(a: &Path, b: &Path) -> io::Result<bool> {
    let (mut a, mut b) = (File::open(a)?, File::open(b)?);
    if a.metadata()?.len() != b.metadata()?.len() {
        return Ok(false);
    }
    let (mut x, mut y) = (vec![0u8; 1 << 20], vec![0u8; 1 << 20]);
    loop {
        let n = crate::wire::read_full(&mut a, &mut x)?;
        let m = crate::wire::read_full(&mut b, &mut y)?;
        if n != m || x[..n] != y[..m] {
            return Ok(false);
        }
        if n == 0 {
            return Ok(true);
        }
    }
}

impl fmt::Display for Story {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "transfer — the exercise: a file server and its client")?;
        writeln!(f)?;
        writeln!(
            f,
            "The server shares a folder on {}; on connecting, the client receives:",
            self.server
        )?;
        for line in menu::listing(&self.catalogue).lines() {
            writeln!(f, "  {line}")?;
        }
        writeln!(f)?;
        for t in &self.transfers {
            writeln!(
                f,
                "get {:<22} {}  CRC-32 {:08x} {}",
                t.name,
                rate::summary(t.size, Duration::from_secs_f64(t.seconds)),
                t.crc32,
                if t.identical {
                    "verified, identical to the source"
                } else {
                    "DIFFERENT FROM THE SOURCE"
                }
            )?;
        }
        writeln!(f)?;
        writeln!(
            f,
            "Each body streamed from disk to disk after an 8-byte length, never whole in \
             memory;\nthe file appeared under its name only after the CRC-32 matched."
        )
    }
}
