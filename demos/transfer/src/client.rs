//! The downloader: the catalogue, then files written to `NAME.part`,
//! checked, and only then renamed to `NAME`.
//!
//! The tutorial's client appends every `recv(1024)` to one `bytes` object
//! (a 4 GB film needs 4 GB of memory, copied again on each `+=`), adds
//! 1024 to its count whatever arrived, and writes the file at the end —
//! so a connection cut halfway leaves nothing, or a truncated file under
//! the real name. Here each piece goes to disk as it arrives, the count is
//! what `recv` returned, and `NAME` appears only once the CRC-32 matches.
//!
//! The client trusts the server no more than the server trusts it:
//!
//! - every read waits at most [`Patience::read`] (`--timeout`), so a
//!   server that stalls — before the catalogue, in the middle of a body —
//!   is an error naming the `.part` to resume, not a client hung for ever;
//!   TCP keepalive notices a server that vanished without a word;
//! - an offer must match the catalogue entry it answers, and the body
//!   header must match the offer: a server that lists 1 KiB and then
//!   offers a terabyte is refused before a byte is written;
//! - names are checked ([`names`]) and printed escaped ([`peer_text`](crate::peer_text));
//! - an existing `NAME` is replaced only when asked ([`Saving::overwrite`]).

use std::fmt;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use kit::knobs::Knobs;
use socket2::{SockRef, TcpKeepalive};

use crate::TEXT;
use crate::checksum;
use crate::error::{Cause, Error, Result, is_timeout};
use crate::message::{Catalogue, Done, Entry, Offer, Request};
use crate::names;
use crate::progress::Progress;
use crate::wire;
use kit::tr;
use kit::units;

/// Bytes asked of each `recv` for the body.
pub const RECV_CHUNK: usize = 256 * 1024;

/// How long any one read waits for the server unless told otherwise.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

/// Keepalive: after this long without traffic the kernel probes the
/// server, every [`KEEPALIVE_INTERVAL`]; a few unanswered probes end the
/// connection. A server whose computer was switched off, or a Wi-Fi that
/// dropped, then shows up as an error rather than as silence — and the
/// probes keep a home router's NAT entry alive while the student thinks.
pub const KEEPALIVE_IDLE: Duration = Duration::from_secs(15);

/// Time between keepalive probes.
pub const KEEPALIVE_INTERVAL: Duration = Duration::from_secs(5);

/// How long a client waits for the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Patience {
    /// How long to keep trying to connect, so the server may start after
    /// the client (`--retry-secs`). No attempt waits longer than this.
    pub connect: Duration,
    /// The longest any one read or write waits (`--timeout`).
    pub read: Duration,
}

impl Default for Patience {
    fn default() -> Patience {
        Patience {
            connect: kit::endpoint::DEFAULT_PATIENCE,
            read: DEFAULT_TIMEOUT,
        }
    }
}

/// Where and how downloads are saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saving {
    /// The folder (`--out`).
    pub folder: PathBuf,
    /// Continue an existing `NAME.part` from its length (`--resume`).
    pub resume: bool,
    /// Replace an existing `NAME` (`--overwrite`); without it, a download
    /// that would replace a file is refused before it starts.
    pub overwrite: bool,
}

impl Saving {
    /// Into `folder`, from the start, replacing nothing.
    #[must_use]
    pub fn into(folder: &Path) -> Saving {
        Saving {
            folder: folder.to_path_buf(),
            resume: false,
            overwrite: false,
        }
    }
}

/// A connection to a server, with the catalogue it sent.
#[derive(Debug)]
pub struct Client {
    stream: TcpStream,
    catalogue: Catalogue,
    server: SocketAddr,
    patience: Patience,
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
    /// Whether a file of that name was there before and was replaced
    /// (`--overwrite`).
    pub replaced: bool,
}

impl Download {
    /// Bytes that crossed the network this time.
    #[must_use]
    pub fn received(&self) -> u64 {
        self.size - self.resumed_from
    }
}

impl fmt::Display for Download {
    /// `saved out/a.mp4 — 3.0 MiB in 0.003 s (1.0 GiB/s), CRC-32 … verified`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let replaced = if self.replaced {
            tr!(TEXT, "download-replacing")
        } else {
            String::new()
        };
        let text = tr!(
            TEXT,
            "download-saved",
            path = self.path.display().to_string(),
            replaced = replaced,
            summary = units::summary(self.received(), self.elapsed),
            crc = format!("{:08x}", self.crc32)
        );
        f.write_str(&text)
    }
}

impl Client {
    /// Connects (retrying for `patience.connect`, so the server may start
    /// later) and reads the catalogue.
    pub fn connect(addr: SocketAddr, patience: Patience) -> Result<Client> {
        let (stream, _) = kit::endpoint::connect(addr, &Knobs::default(), patience.connect)?;
        Client::over(stream, patience)
    }

    /// Reads the catalogue from an open connection.
    pub fn over(mut stream: TcpStream, patience: Patience) -> Result<Client> {
        let server = stream
            .peer_addr()
            .map_err(Error::io(tr!(TEXT, "doing-server-address")))?;
        prepare(&stream, patience).map_err(Error::io(tr!(TEXT, "doing-socket-options")))?;
        let catalogue = wire::expect(
            &mut stream,
            &tr!(TEXT, "wait-catalogue"),
            wire::MAX_CATALOGUE_LEN,
            patience.read,
        )?;
        Ok(Client {
            stream,
            catalogue,
            server,
            patience,
        })
    }

    /// The files the server offered.
    #[must_use]
    pub fn files(&self) -> &[Entry] {
        &self.catalogue.files
    }

    /// The server's address.
    #[must_use]
    pub fn server(&self) -> SocketAddr {
        self.server
    }

    /// The catalogue entry chosen by `choice`: a number from the list
    /// (1 is the first) or a name.
    pub fn find(&self, choice: &str) -> Result<&Entry> {
        let files = self.files();
        if let Ok(number) = choice.parse::<usize>() {
            if let Some(entry) = number.checked_sub(1).and_then(|i| files.get(i)) {
                return Ok(entry);
            }
            return Err(Error::usage(tr!(
                TEXT,
                "client-no-number",
                number = number.to_string(),
                count = files.len().to_string()
            )));
        }
        files
            .iter()
            .find(|e| e.name == choice)
            .ok_or_else(|| Error::usage(tr!(TEXT, "client-no-name", name = format!("{choice:?}"))))
    }

    /// Connects again if the server has ended this connection while it
    /// sat unused, and reads the new catalogue; says whether it did.
    ///
    /// A person at the menu may think for minutes. The server does not
    /// wait for them: a connection that sends nothing for `--idle-timeout`
    /// is closed (with a last frame saying so), and its slot goes to
    /// someone else. We chose this over a server that keeps thinking
    /// students' connections open for half an hour: a connection nobody
    /// uses then costs the server nothing, a class of idle menus cannot
    /// fill `--max-clients`, and the same reconnection also carries the
    /// student over a restarted server or a Wi-Fi that dropped meanwhile.
    /// A request is a plain question ("file X from byte N"), so asking it
    /// on a new connection is as good as on the old one.
    ///
    /// The check is a peek that does not wait: since its last answer the
    /// server has nothing to say, so anything readable — its goodbye
    /// frame, or the end of the stream — means the conversation is over.
    pub fn reconnect_if_closed(&mut self) -> Result<bool> {
        if !self.server_hung_up() {
            return Ok(false);
        }
        *self = Client::connect(self.server, self.patience)?;
        Ok(true)
    }

    fn server_hung_up(&self) -> bool {
        if self.stream.set_nonblocking(true).is_err() {
            return true;
        }
        let readable = self.stream.peek(&mut [0u8; 1]);
        let restored = self.stream.set_nonblocking(false);
        let waiting = matches!(&readable, Err(e) if e.kind() == io::ErrorKind::WouldBlock);
        !waiting || restored.is_err()
    }

    /// Downloads `name` as `saving` says: to `NAME.part`, then, once the
    /// checksum matches, renamed to `NAME`. With `saving.resume`, an
    /// existing `NAME.part` is continued from its length.
    pub fn download(
        &mut self,
        name: &str,
        saving: &Saving,
        progress: &mut dyn Progress,
    ) -> Result<Download> {
        // The catalogue is what the server promised; the offer must keep it.
        let listed = self
            .files()
            .iter()
            .find(|e| e.name == name)
            .cloned()
            .ok_or_else(|| {
                Error::usage(tr!(TEXT, "client-not-listed", name = format!("{name:?}")))
            })?;
        // Whatever the server listed, a name that leaves the folder, hides
        // or rewrites the terminal is never used.
        if let Some(why) = names::unsafe_reason(name) {
            return Err(Error::UnsafeName {
                name: name.into(),
                why,
            });
        }
        let target = saving.folder.join(name);
        let part = saving.folder.join(names::part_of(name));
        let part_name = part.display().to_string();
        // `symlink_metadata`: a link, even a dangling one, is something
        // the student has there too.
        let replaced = fs::symlink_metadata(&target).is_ok();
        if replaced && !saving.overwrite {
            return Err(Error::Exists {
                target: target.display().to_string(),
            });
        }
        let mut hasher = crc32fast::Hasher::new();
        let offset = if saving.resume {
            resume_from(&part, listed.size, &mut hasher)?
        } else {
            0
        };
        let patience = self.patience.read;
        wire::send(&mut self.stream, &Request::get(name, offset))
            .map_err(Error::network(tr!(TEXT, "doing-sending-request"), patience))?;
        let offer: Offer = wire::expect(
            &mut self.stream,
            &tr!(TEXT, "wait-header"),
            wire::MAX_MESSAGE_LEN,
            patience,
        )?;
        check_offer(&offer, &listed, offset)?;

        // Only now, with a valid offer for a safe name, does a file appear.
        let mut file = if offset > 0 {
            OpenOptions::new().append(true).open(&part)
        } else {
            File::create(&part)
        }
        .map_err(Error::io(tr!(TEXT, "doing-opening", path = &part_name)))?;
        let stopped = |have: u64, cause: Cause| Error::Interrupted {
            name: name.into(),
            part: part_name.clone(),
            have,
            size: offer.size,
            cause,
            resume: None,
        };

        let mut header = [0u8; wire::BODY_HEADER_LEN];
        match wire::read_full(&mut self.stream, &mut header) {
            Ok(got) if got == header.len() => {}
            Ok(_) => return Err(stopped(offset, Cause::Closed)),
            Err(e) => return Err(stopped(offset, network_cause(e, patience))),
        }
        let body_len = u64::from_be_bytes(header);
        if body_len != offer.len {
            return Err(Error::Protocol(tr!(
                TEXT,
                "client-body-mismatch",
                promised = offer.len.to_string(),
                announced = body_len.to_string()
            )));
        }

        progress.start(name, offer.size, offset);
        let started = Instant::now();
        let (received, cause) = receive_body(
            &mut self.stream,
            &mut file,
            &mut hasher,
            body_len,
            patience,
            progress,
        );
        progress.finish();
        let elapsed = started.elapsed();
        drop(file);
        // Whatever happened, what did arrive is on disk for --resume.
        if let Some(cause) = cause {
            return Err(stopped(offset + received, cause));
        }

        let done: Done = wire::expect(
            &mut self.stream,
            &tr!(TEXT, "wait-checksum"),
            wire::MAX_MESSAGE_LEN,
            patience,
        )
        .map_err(|e| match e {
            // Every byte is here; only the sum is missing. --resume asks
            // for the 0 bytes left and gets the sum.
            Error::Kit(kit::Error::PeerClosed { .. }) => stopped(offer.size, Cause::Closed),
            Error::Kit(kit::Error::PeerSilent { waited, .. }) => {
                stopped(offer.size, Cause::Silent(waited.unwrap_or(patience)))
            }
            other => other,
        })?;
        let got = hasher.finalize();
        if got != done.crc32 {
            return Err(Error::Corrupt {
                part: part_name,
                expected: done.crc32,
                got,
            });
        }
        fs::rename(&part, &target).map_err(|source| Error::RenameFailed {
            part: part_name.clone(),
            target: target.display().to_string(),
            source,
        })?;
        Ok(Download {
            name: name.into(),
            path: target,
            size: offer.size,
            resumed_from: offset,
            elapsed,
            crc32: got,
            replaced,
        })
    }

    /// Says goodbye, so the server logs a clean quit.
    pub fn quit(mut self) -> Result<()> {
        wire::send(&mut self.stream, &Request::quit())
            .map_err(Error::io(tr!(TEXT, "doing-sending-quit")))
    }
}

/// The socket options of every client connection: no Nagle delay on the
/// small requests, a timeout on every read and write, keepalive.
fn prepare(stream: &TcpStream, patience: Patience) -> io::Result<()> {
    stream.set_nodelay(true)?;
    stream.set_read_timeout(Some(patience.read))?;
    stream.set_write_timeout(Some(patience.read))?;
    let keepalive = TcpKeepalive::new().with_time(KEEPALIVE_IDLE);
    #[cfg(any(target_os = "linux", target_os = "macos", target_os = "windows"))]
    let keepalive = keepalive.with_interval(KEEPALIVE_INTERVAL);
    SockRef::from(stream).set_tcp_keepalive(&keepalive)
}

/// The length of an existing `.part` (0 if there is none), its bytes fed
/// into `hasher`: where a resumed download starts.
fn resume_from(part: &Path, size: u64, hasher: &mut crc32fast::Hasher) -> Result<u64> {
    let part_name = part.display().to_string();
    let have = match fs::metadata(part) {
        Ok(meta) => meta.len(),
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(0),
        Err(e) => return Err(Error::io(tr!(TEXT, "doing-reading", path = &part_name))(e)),
    };
    if have > size {
        return Err(Error::PartTooLong {
            part: part_name,
            have,
            size,
        });
    }
    checksum::hash_prefix(part, have, hasher).map_err(Error::io(tr!(
        TEXT,
        "doing-reading",
        path = &part_name
    )))
}

/// The offer must be for the file asked for, as the catalogue listed it,
/// from the offset asked for.
fn check_offer(offer: &Offer, listed: &Entry, offset: u64) -> Result<()> {
    let name = &listed.name;
    if offer.name != *name {
        return Err(Error::Protocol(tr!(
            TEXT,
            "offer-wrong-name",
            name = format!("{name:?}"),
            offered = format!("{:?}", offer.name)
        )));
    }
    if offer.size != listed.size {
        return Err(Error::Protocol(tr!(
            TEXT,
            "offer-wrong-size",
            name = format!("{name:?}"),
            listed = listed.size.to_string(),
            offered = offer.size.to_string()
        )));
    }
    if offer.offset != offset || offer.size.checked_sub(offset) != Some(offer.len) {
        return Err(Error::Protocol(tr!(
            TEXT,
            "offer-wrong-range",
            name = format!("{name:?}"),
            offset = offset.to_string(),
            len = offer.len.to_string(),
            from = offer.offset.to_string(),
            size = offer.size.to_string()
        )));
    }
    Ok(())
}

/// Why a read from the server failed, as a download's [`Cause`].
fn network_cause(error: io::Error, patience: Duration) -> Cause {
    if is_timeout(&error) {
        return Cause::Silent(patience);
    }
    match error.kind() {
        io::ErrorKind::ConnectionReset | io::ErrorKind::ConnectionAborted => Cause::Closed,
        _ => Cause::Network(error),
    }
}

/// Copies up to `len` bytes from the socket to `file` and the hasher;
/// returns how many arrived, and why it stopped if that is fewer.
fn receive_body(
    stream: &mut TcpStream,
    file: &mut impl Write,
    hasher: &mut crc32fast::Hasher,
    len: u64,
    patience: Duration,
    progress: &mut dyn Progress,
) -> (u64, Option<Cause>) {
    let mut buf = vec![0u8; RECV_CHUNK];
    let mut have = 0u64;
    while have < len {
        let want = (len - have).min(buf.len() as u64) as usize;
        let n = match stream.read(&mut buf[..want]) {
            Ok(0) => return (have, Some(Cause::Closed)),
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return (have, Some(network_cause(e, patience))),
        };
        if let Err(e) = file.write_all(&buf[..n]) {
            // What the file holds is unknown past `have`, but --resume
            // measures the file itself, not this count.
            return (have, Some(Cause::Disk(e)));
        }
        hasher.update(&buf[..n]);
        have += n as u64;
        progress.advance(n as u64);
    }
    (have, None)
}
