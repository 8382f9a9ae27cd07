//! The downloader: the catalogue, then files written to `NAME.part`,
//! checked, and only then renamed to `NAME`.
//!
//! The tutorial's client appends every `recv(1024)` to one `bytes` object
//! (a 4 GB film needs 4 GB of memory, copied again on each `+=`), adds
//! 1024 to its count whatever arrived, and writes the file at the end —
//! so a connection cut halfway leaves nothing, or a truncated file under
//! the real name. Here each piece goes to disk as it arrives, the count is
//! what `recv` returned, and `NAME` appears only once the CRC-32 matches.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use kit::knobs::Knobs;

use crate::checksum;
use crate::error::{Error, Result};
use crate::message::{Catalogue, Done, Entry, Offer, Request};
use crate::names;
use crate::progress::Progress;
use crate::wire;

/// Bytes asked of each `recv` for the body.
pub const RECV_CHUNK: usize = 256 * 1024;

/// A connection to a server, with the catalogue it sent.
#[derive(Debug)]
pub struct Client {
    stream: TcpStream,
    catalogue: Catalogue,
}

/// A finished, verified download.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Download {
    /// The file's name.
    pub name: String,
    /// Where it was saved.
    pub path: PathBuf,
    /// Its size.
    pub size: u64,
    /// Bytes it already had from an earlier attempt (`--resume`).
    pub resumed_from: u64,
    /// How long the body took.
    pub elapsed: Duration,
    /// The CRC-32 both sides agree on.
    pub crc32: u32,
}

impl Download {
    /// Bytes that crossed the network this time.
    pub fn received(&self) -> u64 {
        self.size - self.resumed_from
    }
}

impl Client {
    /// Connects (retrying for `patience`, so the server may start later)
    /// and reads the catalogue.
    pub fn connect(addr: SocketAddr, patience: Duration) -> Result<Client> {
        let (stream, _) = kit::endpoint::connect(addr, &Knobs::default(), patience)?;
        Client::over(stream)
    }

    /// Reads the catalogue from an open connection.
    pub fn over(mut stream: TcpStream) -> Result<Client> {
        stream
            .set_nodelay(true)
            .map_err(Error::io("setting TCP_NODELAY"))?;
        let catalogue = wire::expect(&mut stream, "the catalogue")?;
        Ok(Client { stream, catalogue })
    }

    /// The files the server offered.
    pub fn files(&self) -> &[Entry] {
        &self.catalogue.files
    }

    /// The catalogue entry chosen by `choice`: a number from the list
    /// (1 is the first) or a name.
    pub fn find(&self, choice: &str) -> Result<&Entry> {
        let files = self.files();
        if let Ok(number) = choice.parse::<usize>() {
            if let Some(entry) = number.checked_sub(1).and_then(|i| files.get(i)) {
                return Ok(entry);
            }
            return Err(Error::usage(format!(
                "there is no file number {number}: the list has {} (see --list)",
                files.len()
            )));
        }
        files.iter().find(|e| e.name == choice).ok_or_else(|| {
            Error::usage(format!(
                "the server offers no file named {choice:?} (see --list)"
            ))
        })
    }

    /// Downloads `name` into the folder `out`: to `NAME.part`, then, once
    /// the checksum matches, renamed to `NAME`. With `resume`, an existing
    /// `NAME.part` is continued from its length.
    pub fn download(
        &mut self,
        name: &str,
        out: &Path,
        resume: bool,
        progress: &mut dyn Progress,
    ) -> Result<Download> {
        // Whatever the server listed, a name that leaves `out` is never used.
        if let Some(why) = names::unsafe_reason(name) {
            return Err(Error::UnsafeName {
                name: name.into(),
                why,
            });
        }
        let target = out.join(name);
        let part = out.join(format!("{name}.part"));
        let part_name = part.display().to_string();
        let mut hasher = crc32fast::Hasher::new();
        let offset = match (resume, fs::metadata(&part)) {
            (true, Ok(meta)) => checksum::hash_prefix(&part, meta.len(), &mut hasher)
                .map_err(Error::io(format!("reading {part_name}")))?,
            _ => 0,
        };
        let request = Request::Get {
            get: name.into(),
            offset,
        };
        wire::send(&mut self.stream, &request).map_err(Error::io("sending the request"))?;
        let offer: Offer = wire::expect(&mut self.stream, "the file's header")?;
        check_offer(&offer, name, offset)?;

        // Only now, with a valid offer for a safe name, does a file appear.
        let file = if offset > 0 {
            OpenOptions::new().append(true).open(&part)
        } else {
            File::create(&part)
        }
        .map_err(Error::io(format!("opening {part_name}")))?;
        let mut file = file;

        let mut header = [0u8; wire::BODY_HEADER_LEN];
        let got = wire::read_full(&mut self.stream, &mut header)
            .map_err(Error::io("reading the body's length"))?;
        if got < header.len() {
            return Err(Error::Interrupted {
                part: part_name,
                have: offset,
                size: offer.size,
            });
        }
        let body_len = u64::from_be_bytes(header);
        if body_len != offer.len {
            return Err(Error::Protocol(format!(
                "the header promised {} bytes, the body announces {body_len}",
                offer.len
            )));
        }

        progress.start(name, offer.size, offset);
        let started = Instant::now();
        let received = receive_body(&mut self.stream, &mut file, &mut hasher, body_len, progress);
        progress.finish();
        let elapsed = started.elapsed();
        // Whatever happened, what did arrive is on disk for --resume.
        let flushed = file.flush();
        let received = received.map_err(Error::io(format!("receiving {name:?}")))?;
        flushed.map_err(Error::io(format!("writing {part_name}")))?;
        if received < body_len {
            return Err(Error::Interrupted {
                part: part_name,
                have: offset + received,
                size: offer.size,
            });
        }
        drop(file);

        let done: Done = wire::expect(&mut self.stream, "the checksum")?;
        let got = hasher.finalize();
        if got != done.crc32 {
            return Err(Error::Corrupt {
                part: part_name,
                expected: done.crc32,
                got,
            });
        }
        fs::rename(&part, &target).map_err(Error::io(format!(
            "renaming {part_name} to {}",
            target.display()
        )))?;
        Ok(Download {
            name: name.into(),
            path: target,
            size: offer.size,
            resumed_from: offset,
            elapsed,
            crc32: got,
        })
    }

    /// Says goodbye, so the server logs a clean quit.
    pub fn quit(mut self) -> Result<()> {
        wire::send(&mut self.stream, &Request::Quit { quit: true })
            .map_err(Error::io("sending quit"))
    }
}

/// The offer must be for the file asked for, from the offset asked for.
fn check_offer(offer: &Offer, name: &str, offset: u64) -> Result<()> {
    if offer.name != name {
        return Err(Error::Protocol(format!(
            "asked for {name:?}, the server answered with {:?}; nothing is saved under that name",
            offer.name
        )));
    }
    if offer.offset != offset || offer.size.checked_sub(offset) != Some(offer.len) {
        return Err(Error::Protocol(format!(
            "asked for {name:?} from byte {offset}, the server offers {} bytes from byte {} \
             of {}",
            offer.len, offer.offset, offer.size
        )));
    }
    Ok(())
}

/// Copies up to `len` bytes from the socket to the file and the hasher;
/// returns how many arrived before the stream ended.
fn receive_body(
    stream: &mut TcpStream,
    file: &mut impl Write,
    hasher: &mut crc32fast::Hasher,
    len: u64,
    progress: &mut dyn Progress,
) -> io::Result<u64> {
    let mut buf = vec![0u8; RECV_CHUNK];
    let mut have = 0u64;
    while have < len {
        let want = (len - have).min(buf.len() as u64) as usize;
        let n = match stream.read(&mut buf[..want]) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            // A reset is the server going away: what arrived is kept.
            Err(e) if e.kind() == io::ErrorKind::ConnectionReset => break,
            Err(e) => return Err(e),
        };
        hasher.update(&buf[..n]);
        file.write_all(&buf[..n])?;
        have += n as u64;
        progress.advance(n as u64);
    }
    Ok(have)
}
