//! Hostile and broken peers for the tests, built from the protocol's own
//! pieces: a server that follows a script, and a client that connects
//! from another loopback address (another "computer").

#![allow(dead_code)] // each test file uses its own share of these

use std::io::Read;
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::thread;
use std::time::Duration;

use socket2::{Domain, Socket, Type};
use transfer::message::{Catalogue, Entry};

/// How long a test's own reads and connects may wait.
pub const PATIENCE: Duration = Duration::from_secs(5);

/// An ephemeral port on 127.0.0.1.
pub fn loopback() -> SocketAddr {
    SocketAddr::from((Ipv4Addr::LOCALHOST, 0))
}

/// A server that accepts one connection and runs `script` on it.
pub fn scripted(script: impl FnOnce(TcpStream) + Send + 'static) -> SocketAddr {
    let listener = TcpListener::bind(loopback()).unwrap();
    let addr = listener.local_addr().unwrap();
    thread::spawn(move || {
        if let Ok((stream, _)) = listener.accept() {
            script(stream);
        }
    });
    addr
}

/// Keeps the connection open, saying nothing, until the client closes it
/// (or a minute passes): a server that stalls.
pub fn stall(mut stream: TcpStream) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(60)));
    let mut sink = [0u8; 1024];
    while let Ok(n) = stream.read(&mut sink) {
        if n == 0 {
            break;
        }
    }
}

/// A catalogue of `(name, size)` pairs.
pub fn catalogue(files: &[(&str, u64)]) -> Catalogue {
    Catalogue {
        files: files
            .iter()
            .map(|&(name, size)| Entry {
                name: name.into(),
                size,
            })
            .collect(),
    }
}

/// A connection to `to` from the address `from` (port chosen by the
/// kernel): on Linux all of 127.0.0.0/8 is loopback, so 127.0.0.2 is a
/// second computer as far as the server can tell.
pub fn connect_from(from: Ipv4Addr, to: SocketAddr) -> TcpStream {
    let socket = Socket::new(Domain::IPV4, Type::STREAM, None).unwrap();
    socket.bind(&SocketAddr::from((from, 0)).into()).unwrap();
    socket.connect_timeout(&to.into(), PATIENCE).unwrap();
    let stream: TcpStream = socket.into();
    stream.set_read_timeout(Some(PATIENCE)).unwrap();
    stream
}

/// A server that lists `name` with `size` bytes, answers the first
/// request with an honest offer, sends `sent` bytes of the body and then
/// stalls: a server whose disk or network hangs mid-transfer.
pub fn stalls_mid_body(name: &'static str, size: u64, sent: usize) -> SocketAddr {
    use std::io::Write;
    use transfer::message::Offer;
    use transfer::wire;
    scripted(move |mut stream| {
        wire::send(&mut stream, &catalogue(&[(name, size)])).unwrap();
        wire::recv_frame(&mut stream, wire::MAX_MESSAGE_LEN).unwrap();
        let offer = Offer {
            name: name.into(),
            size,
            offset: 0,
            len: size,
        };
        wire::send(&mut stream, &offer).unwrap();
        stream.write_all(&wire::body_header(size)).unwrap();
        stream.write_all(&vec![7u8; sent]).unwrap();
        stall(stream);
    })
}
