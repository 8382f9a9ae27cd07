//! One connection on the server: the catalogue, then requests until the
//! client quits, goes silent, breaks the protocol or disappears.
//!
//! Whatever the client does, only this connection's thread notices: a
//! client that dies mid-transfer is a failed write here and nothing more.

use std::fs::File;
use std::io::{self, Seek, SeekFrom, Write};
use std::net::{SocketAddr, TcpStream};
use std::thread;
use std::time::Instant;

use crate::body;
use crate::checksum;
use crate::message::{Done, Offer, Refusal, Request};
use crate::rate;
use crate::server::Config;
use crate::wire;

/// Why a connection ended, for the log line.
enum End {
    Quit,
    Closed,
    Dropped(String),
}

/// Serves one client until the connection ends, logging one line for the
/// connection and one per transfer.
pub fn serve(mut stream: TcpStream, peer: SocketAddr, config: &Config) {
    let started = Instant::now();
    (config.log)(&format!("{peer}: connected"));
    let mut sent = 0u64;
    let end = converse(&mut stream, peer, config, &mut sent);
    let how = match end {
        End::Quit => "quit".to_string(),
        End::Closed => "closed the connection".to_string(),
        End::Dropped(why) => format!("dropped: {why}"),
    };
    (config.log)(&format!(
        "{peer}: {how}; sent {} in {:.1} s",
        rate::bytes(sent),
        started.elapsed().as_secs_f64()
    ));
}

fn converse(stream: &mut TcpStream, peer: SocketAddr, config: &Config, sent: &mut u64) -> End {
    // The timeouts turn a silent client into an error on this thread alone:
    // a read that waited `idle_timeout` for a request, or a write that
    // waited as long for a client that stopped reading.
    let timeouts = stream
        .set_read_timeout(Some(config.idle_timeout))
        .and_then(|()| stream.set_write_timeout(Some(config.idle_timeout)))
        .and_then(|()| stream.set_nodelay(true));
    if let Err(e) = timeouts {
        return End::Dropped(format!("cannot set socket options ({e})"));
    }
    let catalogue = match config.folder.list() {
        Ok(catalogue) => catalogue,
        Err(e) => return End::Dropped(format!("cannot read the folder ({e})")),
    };
    if let Err(e) = wire::send(stream, &catalogue) {
        return End::Dropped(format!("sending the catalogue failed ({e})"));
    }
    loop {
        let payload = match wire::recv_frame(stream, wire::MAX_FRAME_LEN) {
            Ok(Some(payload)) => payload,
            Ok(None) => return End::Closed,
            Err(e) if is_timeout(&e) => {
                return End::Dropped(format!(
                    "idle for {:.0} s",
                    config.idle_timeout.as_secs_f64()
                ));
            }
            Err(e) if e.kind() == io::ErrorKind::InvalidData => {
                return refuse_and_close(stream, format!("bad frame: {e}"));
            }
            Err(e) => return End::Dropped(format!("read failed ({e})")),
        };
        let request = match serde_json::from_slice::<Request>(&payload) {
            Ok(request) => request,
            Err(_) => {
                return refuse_and_close(
                    stream,
                    r#"malformed request: expected {"get": NAME, "offset": N} or {"quit": true}"#
                        .into(),
                );
            }
        };
        match request {
            Request::Quit { .. } => return End::Quit,
            Request::Get { get, offset } => match send_file(stream, peer, config, &get, offset) {
                Ok(Some(n)) => *sent += n,
                Ok(None) => {} // refused with an error frame; the stream is still in step
                Err(e) => return End::Dropped(format!("sending {get:?} failed ({e})")),
            },
        }
    }
}

fn refuse_and_close(stream: &mut TcpStream, error: String) -> End {
    let _ = wire::send(
        stream,
        &Refusal {
            error: error.clone(),
        },
    );
    End::Dropped(error)
}

fn is_timeout(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
    )
}

/// Sends one file from `offset`: the offer, the body, the checksum.
/// `Ok(None)` if it was refused with an error frame.
fn send_file(
    stream: &mut TcpStream,
    peer: SocketAddr,
    config: &Config,
    name: &str,
    offset: u64,
) -> io::Result<Option<u64>> {
    let (path, size) = match config.folder.resolve(name) {
        Ok(found) => found,
        Err(why) => {
            (config.log)(&format!("{peer}: refused {name:?}: {why}"));
            wire::send(stream, &Refusal { error: why })?;
            return Ok(None);
        }
    };
    if offset > size {
        let why = format!("offset {offset} is past the end of {name:?} ({size} bytes)");
        (config.log)(&format!("{peer}: refused: {why}"));
        wire::send(stream, &Refusal { error: why })?;
        return Ok(None);
    }
    let mut file = File::open(&path)?;
    let modified = file.metadata()?.modified()?;
    let cached = config.checksums.get(&path, size, modified);
    file.seek(SeekFrom::Start(offset))?;
    let len = size - offset;
    let started = Instant::now();
    let offer = Offer {
        name: name.into(),
        size,
        offset,
        len,
    };
    wire::send(stream, &offer)?;
    stream.write_all(&wire::body_header(len))?;
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
        let crc = hashing
            .join()
            .unwrap_or_else(|_| Err(io::Error::other("the checksum thread failed")));
        (copied, crc)
    });
    let copied = copied?;
    if copied != len {
        // The file shrank while being sent: the body is short, so the only
        // honest thing left is to close; the client keeps its .part.
        return Err(io::Error::other(format!(
            "{name:?} shrank while being sent ({copied} of {len} bytes)"
        )));
    }
    let crc = crc?;
    config.checksums.put(&path, size, modified, crc);
    wire::send(stream, &Done { crc32: crc })?;
    (config.log)(&format!(
        "{peer}: sent {name:?} from byte {offset}: {}",
        rate::summary(len, started.elapsed())
    ));
    Ok(Some(len))
}
