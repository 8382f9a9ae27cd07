//! Throughput against a raw copy, and the client's memory.
//!
//! The same file crosses loopback twice: once as a plain TCP copy into a
//! file (no framing, no checksum — the fastest this machine can do), once
//! through the protocol with its CRC-32. Each client is a separate process
//! (the bench binary started again), so its peak memory is its own.

use std::fs::File;
use std::io::{self, Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::thread;
use std::time::{Duration, Instant};

use kit::units;
use transfer::client::{Client, Patience, Saving};
use transfer::demo::make_sample;
use transfer::error::{Error, Result};
use transfer::progress::Silent;
use transfer::server::{Config, Server};

/// Which client a child process runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// A plain recv/write loop from the socket into a file.
    Raw,
    /// The protocol: offer, body, CRC-32, rename.
    Framed,
}

/// What one child measured.
#[derive(Debug, Clone, Copy)]
pub struct Measured {
    /// Bytes received.
    pub bytes: u64,
    /// From connect to the last byte on disk (and, framed, verified).
    pub elapsed: Duration,
    /// The child's peak resident memory in KiB, where the OS tells.
    pub peak_rss_kib: Option<u64>,
}

impl Measured {
    /// Bytes per second.
    pub fn rate(&self) -> f64 {
        self.bytes as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }

    /// The line a child prints for its parent.
    pub fn to_line(self) -> String {
        format!(
            "measured bytes={} nanos={} rss_kib={}",
            self.bytes,
            self.elapsed.as_nanos(),
            self.peak_rss_kib.map_or(-1, |k| k as i64)
        )
    }

    /// Parses [`to_line`](Measured::to_line).
    pub fn from_line(line: &str) -> Option<Measured> {
        let mut bytes = None;
        let mut nanos = None;
        let mut rss = None;
        for field in line.strip_prefix("measured ")?.split(' ') {
            let (key, value) = field.split_once('=')?;
            match key {
                "bytes" => bytes = value.parse::<u64>().ok(),
                "nanos" => nanos = value.parse::<u64>().ok(),
                "rss_kib" => rss = value.parse::<i64>().ok(),
                _ => {}
            }
        }
        Some(Measured {
            bytes: bytes?,
            elapsed: Duration::from_nanos(nanos?),
            peak_rss_kib: rss.and_then(|k| u64::try_from(k).ok()),
        })
    }
}

/// The peak resident set size of this process in KiB (Linux: `VmHWM`).
pub fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// The child's side: download `name` from `addr` into `out` as `mode`.
pub fn child(mode: Mode, addr: SocketAddr, out: &Path, name: &str) -> Result<Measured> {
    let started = Instant::now();
    let bytes = match mode {
        Mode::Raw => {
            let mut stream = TcpStream::connect(addr).map_err(Error::io("connecting"))?;
            let mut file = File::create(out.join(name)).map_err(Error::io("creating the file"))?;
            raw_copy(&mut stream, &mut file).map_err(Error::io("copying"))?
        }
        Mode::Framed => {
            let mut client = Client::connect(addr, Patience::default())?;
            let done = client.download(name, &Saving::into(out), &mut Silent)?;
            client.quit()?;
            done.received()
        }
    };
    Ok(Measured {
        bytes,
        elapsed: started.elapsed(),
        peak_rss_kib: peak_rss_kib(),
    })
}

/// The baseline: recv into the same 256 KiB buffer the client uses, write
/// it to the file, until the stream ends. (Not `std::io::copy`, which on
/// Linux splices socket to file through a pipe and measures that instead.)
fn raw_copy(stream: &mut TcpStream, file: &mut File) -> io::Result<u64> {
    let mut buf = vec![0u8; transfer::client::RECV_CHUNK];
    let mut total = 0;
    loop {
        let n = match stream.read(&mut buf) {
            Ok(0) => return Ok(total),
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        file.write_all(&buf[..n])?;
        total += n as u64;
    }
}

/// The result of a bench run.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// The file's size.
    pub size: u64,
    /// The best raw copy of the rounds.
    pub raw: Measured,
    /// The best download through the protocol.
    pub framed: Measured,
    /// The first download through the protocol, while the server also
    /// computed the file's checksum (later ones use its cache).
    pub first: Measured,
    /// Every round: raw, then framed.
    pub rounds: Vec<(Measured, Measured)>,
}

impl Outcome {
    /// Protocol throughput over raw throughput.
    pub fn ratio(&self) -> f64 {
        self.framed.rate() / self.raw.rate()
    }

    /// The report for the screen.
    pub fn render(&self) -> String {
        let speed = |m: &Measured| format!("{}/s", units::bytes(m.rate() as u64));
        let rss = |m: &Measured| {
            m.peak_rss_kib
                .map_or("n/a".into(), |k| format!("{:.1} MiB", k as f64 / 1024.0))
        };
        format!(
            "file: {} over 127.0.0.1, into a file, best of the rounds\n\
             raw TCP copy (no framing, no checksum): {:>12}   client peak RSS {}\n\
             transfer protocol (CRC-32 verified):    {:>12}   client peak RSS {}\n\
             ratio transfer/raw: {:.2} (goal >= 0.80); client peak RSS goal < 32 MiB\n\
             first transfer, server hashing the file as it sends: {} (ratio {:.2})\n",
            units::bytes(self.size),
            speed(&self.raw),
            rss(&self.raw),
            speed(&self.framed),
            rss(&self.framed),
            self.ratio(),
            speed(&self.first),
            self.first.rate() / self.raw.rate()
        ) + &self
            .rounds
            .iter()
            .enumerate()
            .map(|(i, (raw, framed))| {
                format!(
                    "  round {}: raw {:>12}, transfer {:>12}\n",
                    i + 1,
                    speed(raw),
                    speed(framed)
                )
            })
            .collect::<String>()
    }
}

/// Runs `rounds` of both clients over a `size`-byte file made in a
/// temporary folder (deleted afterwards). `exe` is the bench binary, run
/// again as the child with `--child raw|framed ADDR OUT NAME`.
pub fn run(exe: &Path, size: u64, rounds: usize) -> Result<Outcome> {
    const NAME: &str = "bench.bin";
    let shared = tempfile::tempdir().map_err(Error::io("making a folder"))?;
    let source = shared.path().join(NAME);
    make_sample(&source, size).map_err(Error::io("making the file"))?;
    let server = Server::bind(
        SocketAddr::from((Ipv4Addr::LOCALHOST, 0)),
        Config::new(shared.path())?.quiet(),
    )?
    .spawn();
    let raw_listener =
        TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).map_err(Error::io("binding the raw server"))?;
    let raw_addr = raw_listener
        .local_addr()
        .map_err(Error::io("raw address"))?;
    let raw_source = source.clone();
    // The raw server: accept, send the file the same way the real server
    // does (sendfile on Linux), close; as many times as there are rounds.
    let raw_server = thread::spawn(move || -> io::Result<()> {
        for _ in 0..rounds {
            let (mut stream, _) = raw_listener.accept()?;
            let file = File::open(&raw_source)?;
            let len = file.metadata()?.len();
            transfer::body::send(file, len, &mut stream)?;
        }
        Ok(())
    });
    let mut rounds_seen = Vec::new();
    for _ in 0..rounds {
        let raw = spawn_child(exe, Mode::Raw, raw_addr, NAME)?;
        let framed = spawn_child(exe, Mode::Framed, server.addr(), NAME)?;
        rounds_seen.push((raw, framed));
    }
    let fastest = |pick: fn(&(Measured, Measured)) -> Measured| {
        rounds_seen
            .iter()
            .map(pick)
            .max_by(|a, b| a.rate().total_cmp(&b.rate()))
    };
    let best = match (fastest(|r| r.0), fastest(|r| r.1)) {
        (Some(raw), Some(framed)) => Some(Outcome {
            size,
            raw,
            framed,
            first: rounds_seen[0].1,
            rounds: rounds_seen.clone(),
        }),
        _ => None,
    };
    // A raw server still waiting (a child failed) ends with the process.
    drop(raw_server);
    server.stop()?;
    best.ok_or_else(|| Error::usage("--rounds must be at least 1"))
}

fn spawn_child(exe: &Path, mode: Mode, addr: SocketAddr, name: &str) -> Result<Measured> {
    let out = tempfile::tempdir().map_err(Error::io("making a folder"))?;
    let flag = match mode {
        Mode::Raw => "raw",
        Mode::Framed => "framed",
    };
    let output = Command::new(exe)
        .args(["--child", flag, &addr.to_string()])
        .arg(out.path())
        .arg(name)
        .output()
        .map_err(Error::io("starting the client process"))?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let measured = stdout
        .lines()
        .find_map(Measured::from_line)
        .ok_or_else(|| {
            Error::Protocol(format!(
                "the {flag} client failed: {}",
                String::from_utf8_lossy(&output.stderr).trim()
            ))
        })?;
    // The copy is checked too: same length as the source.
    let copy: PathBuf = out.path().join(name);
    let len = std::fs::metadata(&copy).map(|m| m.len()).unwrap_or(0);
    if len != measured.bytes {
        return Err(Error::Protocol(format!("the {flag} copy has {len} bytes")));
    }
    Ok(measured)
}
