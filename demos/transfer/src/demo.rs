//! The whole exercise in one process: a folder of "videos", the server on
//! a loopback port, two downloads, each checked byte for byte.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::net::{Ipv4Addr, SocketAddr};
use std::path::Path;

use kit::report::{Download, Offered, Report, Transfer};
use kit::tr;
use kit::verdict::Code;

use crate::TEXT;
use crate::client::{Client, Patience, Saving};
use crate::error::{Error, Result};
use crate::progress::Silent;
use crate::server::{Config, Server};

/// The demo's short name.
pub const NAME: &str = "transfer";
/// The banner title.
pub const TITLE: &str = "文件传输 the exercise: a file server and its client";

/// The sample files: name and size. Cheap to make: a repeated pattern, and
/// small enough that a student's laptop writes them in a blink — the
/// largest still takes many recvs and shows a rate.
pub const SAMPLES: [(&str, u64); 4] = [
    ("lesson-01-sticky.mp4", 3 * 1024 * 1024),
    ("lesson-02-half.mp4", 5 * 1024 * 1024),
    ("campus-tour.mkv", 24 * 1024 * 1024),
    ("slides.pdf", 1024 * 1024 + 17),
];

/// The files the demo downloads.
pub const CHOSEN: [&str; 2] = ["lesson-01-sticky.mp4", "campus-tour.mkv"];

/// Runs the demo: makes the files, serves them, downloads two, compares —
/// the whole exercise as one run of a report.
pub fn report() -> kit::Result<Report> {
    let run = run().map_err(kit::Error::from)?;
    Ok(Report::new(NAME, TITLE, vec![run.into()]))
}

fn run() -> Result<Transfer> {
    let shared = tempfile::tempdir().map_err(Error::io(tr!(TEXT, "doing-demo-server-folder")))?;
    let saved = tempfile::tempdir().map_err(Error::io(tr!(TEXT, "doing-demo-client-folder")))?;
    for (name, size) in SAMPLES {
        make_sample(&shared.path().join(name), size).map_err(Error::io(tr!(
            TEXT,
            "doing-demo-making",
            name = name
        )))?;
    }
    let config = Config::new(shared.path())?.quiet();
    let server = Server::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)), config)?.spawn();
    let mut client = Client::connect(server.addr(), Patience::default())?;
    let catalogue = client
        .files()
        .iter()
        .map(|entry| Offered {
            name: entry.name.clone(),
            size: entry.size,
        })
        .collect();
    let mut downloads = Vec::new();
    for name in CHOSEN {
        let done = client.download(name, &Saving::into(saved.path()), &mut Silent)?;
        let identical = same_bytes(&shared.path().join(name), &done.path)
            .map_err(Error::io(tr!(TEXT, "doing-demo-comparing", name = name)))?;
        downloads.push(Download {
            name: done.name,
            size: done.size,
            seconds: done.elapsed.as_secs_f64(),
            crc32: done.crc32,
            identical,
        });
    }
    client.quit()?;
    let addr = server.addr().to_string();
    server.stop()?;
    let whole = downloads.iter().filter(|d| d.identical).count();
    let (verdict, code) = if whole == downloads.len() {
        (
            tr!(TEXT, "demo-verified", files = downloads.len()),
            Code::Verified,
        )
    } else {
        (
            tr!(
                TEXT,
                "demo-corrupt",
                whole = whole.to_string(),
                files = downloads.len()
            ),
            Code::Corrupt,
        )
    };
    Ok(Transfer {
        label: tr!(TEXT, "demo-label"),
        server: addr,
        catalogue,
        downloads,
        verdict,
        code,
        notes: vec![
            tr!(TEXT, "demo-note-streamed"),
            tr!(TEXT, "demo-note-renamed"),
        ],
    })
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
