//! One connection on the server: the catalogue, then requests until the
//! client quits, goes silent, breaks the protocol or disappears.
//!
//! Whatever the client does, only this connection's thread notices: a
//! client that dies mid-transfer is a failed write here and nothing more.

use std::fs::{self, File};
use std::io::{self, Seek, SeekFrom, Write};
use std::net::{SocketAddr, TcpStream};
use std::thread;
use std::time::{Instant, SystemTime};

use crate::TEXT;
use crate::body;
use crate::checksum::{self, Version};
use crate::error::{Error, Result};
use crate::message::{Done, Get, Offer, Refusal, Request};
use crate::reason::Reason;
use crate::request_clock::RequestClock;
use crate::server::Config;
use crate::wire;
use codec::decoder::DecodeError;
use kit::tr;
use kit::units;

/// Why a connection ended, for the log line.
enum End {
    /// The client said `{"quit": true}`.
    Quit,
    /// The client closed the connection between requests.
    Closed,
    /// The server ended it, and told the client why: the client broke
    /// the protocol or went silent.
    Refused(Reason),
    /// The connection failed.
    Dropped(Error),
}

/// Serves one client until the connection ends, logging one line for the
/// connection and one per transfer.
pub fn serve(mut stream: TcpStream, peer: SocketAddr, config: &Config) {
    let started = Instant::now();
    config.note(&tr!(TEXT, "log-connected", peer = peer.to_string()));
    let mut sent = 0u64;
    let end = converse(&mut stream, peer, config, &mut sent);
    let how = match end {
        End::Quit => tr!(TEXT, "log-quit"),
        End::Closed => tr!(TEXT, "log-closed"),
        End::Refused(why) => tr!(TEXT, "log-dropped", why = why.for_the_log()),
        End::Dropped(error) => tr!(TEXT, "log-dropped", why = error.to_string()),
    };
    config.note(&tr!(
        TEXT,
        "log-end",
        peer = peer.to_string(),
        how = how,
        bytes = units::bytes(sent),
        secs = format!("{:.1}", started.elapsed().as_secs_f64())
    ));
}

fn converse(stream: &mut TcpStream, peer: SocketAddr, config: &Config, sent: &mut u64) -> End {
    // A write that waits `idle_timeout` is a client that stopped reading;
    // reads get their timeouts from the request clock below.
    let options = stream
        .set_write_timeout(Some(config.idle_timeout))
        .and_then(|()| stream.set_nodelay(true));
    if let Err(e) = options {
        return End::Dropped(Error::io(tr!(TEXT, "doing-socket-options"))(e));
    }
    let catalogue = match config.folder.list() {
        Ok(catalogue) => catalogue,
        // Out of file descriptors, or the folder was removed: the client
        // is told, not left to guess why the connection closed.
        Err(e) => {
            return refuse_and_close(stream, Reason::new("refusal-folder").with("error", e));
        }
    };
    if let Err(e) = wire::send(stream, &catalogue) {
        return End::Dropped(Error::io(tr!(TEXT, "doing-sending-catalogue"))(e));
    }
    loop {
        let mut clock = RequestClock::new(stream, config.idle_timeout, config.request_timeout);
        let payload = match wire::recv_frame(&mut clock, wire::MAX_MESSAGE_LEN) {
            Ok(Some(payload)) => payload,
            Ok(None) => return End::Closed,
            // Idle, stalled or too slow: the client learns which, and the
            // slot goes to someone else.
            Err(e) if kit::error::is_timeout(&e) => {
                return refuse_and_close(stream, Reason::of(&e));
            }
            Err(e) if e.kind() == io::ErrorKind::InvalidData => {
                let why = Reason::new("refusal-bad-frame");
                let why = match e
                    .get_ref()
                    .and_then(|inner| inner.downcast_ref::<DecodeError>())
                {
                    Some(decode) => why.with_decode_error("error", decode),
                    None => why.with("error", e),
                };
                return refuse_and_close(stream, why);
            }
            Err(e) => return End::Dropped(Error::io(tr!(TEXT, "doing-reading-request"))(e)),
        };
        let request = match Request::from_json(&payload) {
            Ok(request) => request,
            Err(why) => return refuse_and_close(stream, why),
        };
        match request {
            Request::Quit(_) => return End::Quit,
            Request::Get(Get { get, offset }) => {
                match send_file(stream, peer, config, &get, offset) {
                    Ok(Some(n)) => *sent += n,
                    Ok(None) => {} // refused with an error frame; the stream is still in step
                    Err(e) => return End::Dropped(e),
                }
            }
        }
    }
}

/// Sends `why` as the last frame, then ends the connection.
fn refuse_and_close(stream: &mut TcpStream, why: Reason) -> End {
    let error = format!("{why}; the server closes this connection");
    let _ = wire::send(stream, &Refusal { error });
    End::Refused(why)
}

/// Sends an error frame for a request that cannot be served; the
/// connection stays in step and usable.
fn refuse(stream: &mut TcpStream, peer: SocketAddr, config: &Config, why: Reason) -> Result<()> {
    config.note(&tr!(
        TEXT,
        "log-refused",
        peer = peer.to_string(),
        why = why.for_the_log()
    ));
    let error = why.for_the_wire();
    wire::send(stream, &Refusal { error }).map_err(Error::io(tr!(TEXT, "doing-sending-refusal")))
}

/// Sends one file from `offset`: the offer, the body, the checksum.
/// `Ok(None)` if it was refused with an error frame.
fn send_file(
    stream: &mut TcpStream,
    peer: SocketAddr,
    config: &Config,
    name: &str,
    offset: u64,
) -> Result<Option<u64>> {
    let sending = |what: String| {
        Error::io(tr!(
            TEXT,
            "doing-sending-file",
            name = format!("{name:?}"),
            what = what
        ))
    };
    let path = match config.folder.resolve(name) {
        Ok((path, _)) => path,
        Err(why) => return refuse(stream, peer, config, why).map(|()| None),
    };
    let mut file = match File::open(&path) {
        Ok(file) => file,
        Err(e) => {
            let why = Reason::new("refusal-cannot-open")
                .with("name", format!("{name:?}"))
                .with("error", e);
            return refuse(stream, peer, config, why).map(|()| None);
        }
    };
    // Size and version from the open file, not the name: the name may be
    // replaced while we send, the open file stays what it was.
    let meta = file
        .metadata()
        .map_err(sending(tr!(TEXT, "doing-file-size")))?;
    let size = meta.len();
    if offset > size {
        let why = Reason::new("refusal-past-end")
            .with("offset", offset)
            .with("name", format!("{name:?}"))
            .with("size", size);
        return refuse(stream, peer, config, why).map(|()| None);
    }
    let version = Version::of(&meta);
    let cached = config.checksums.get(&path, version);
    file.seek(SeekFrom::Start(offset))
        .map_err(sending(tr!(TEXT, "doing-file-seek")))?;
    let len = size - offset;
    let started = Instant::now();
    let hashing_began = SystemTime::now();
    let offer = Offer {
        name: name.into(),
        size,
        offset,
        len,
    };
    wire::send(stream, &offer).map_err(sending(tr!(TEXT, "doing-file-offer")))?;
    stream
        .write_all(&wire::body_header(len))
        .map_err(sending(tr!(TEXT, "doing-file-length")))?;
    // The checksum covers the whole file, the part the client already has
    // included; a second thread reads it (from the page cache, usually)
    // while the body goes out, so the client does not wait for it.
    // It is computed once per version of the file, then remembered.
    let (copied, crc) = thread::scope(|scope| {
        let hashing = scope.spawn(|| match cached {
            Some(crc) => Ok(crc),
            None => checksum::hash_file(&path),
        });
        // Straight from the page cache to the socket (sendfile on Linux):
        // the body never passes whole through this program's memory.
        let copied = body::send(file, len, stream);
        let crc = match hashing.join() {
            Ok(crc) => crc.map_err(sending(tr!(TEXT, "doing-file-checksum-read"))),
            Err(_) => Err(kit::Error::panicked("the checksum thread").into()),
        };
        (copied, crc)
    });
    let copied = copied.map_err(sending(tr!(TEXT, "doing-file-body")))?;
    if copied != len {
        // The file shrank while being sent: the body is short, so the only
        // honest thing left is to close; the client keeps its .part.
        return Err(Error::Protocol(format!(
            "{name:?} shrank while being sent ({copied} of {len} bytes)"
        )));
    }
    let crc = crc?;
    // Remember the sum only if the name still leads to the version that
    // was measured: hashing read the file by name, and it may have been
    // replaced or rewritten meanwhile.
    let still = fs::metadata(&path).ok().and_then(|m| Version::of(&m));
    if cached.is_none() && still == version {
        config.checksums.put(&path, version, crc, hashing_began);
    }
    wire::send(stream, &Done { crc32: crc }).map_err(sending(tr!(TEXT, "doing-file-checksum")))?;
    config.note(&tr!(
        TEXT,
        "log-sent",
        peer = peer.to_string(),
        name = format!("{name:?}"),
        offset = offset.to_string(),
        summary = units::summary(len, started.elapsed())
    ));
    Ok(Some(len))
}
