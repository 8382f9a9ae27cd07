//! The slicer proxy, in-process and as a real process: it cuts streams
//! into pieces, and never changes, drops or reorders a byte, in either
//! direction, whatever the seed.

use fixed::slicer::{self, Forwarded, Slicing};
use socket2::{Domain, SockRef, Socket, Type};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::process::{Command, Stdio};
use std::thread::{self, JoinHandle};
use std::time::Duration;
use testkit::{Process, assert_one_line_error, listening_addr};

const SLICER: &str = env!("CARGO_BIN_EXE_fixed-slicer");

/// `len` bytes of the tutorial's sentence, cut off wherever `len` falls,
/// followed by every byte value: text and binary alike.
fn stream(len: usize, text: &str) -> Vec<u8> {
    let mut bytes: Vec<u8> = text.bytes().chain(0..=255).cycle().take(len).collect();
    bytes.truncate(len);
    bytes
}

/// A server that reads the whole request (until the client's FIN), then
/// answers with `reply` and closes. It returns what it received.
fn answering_server(reply: Vec<u8>) -> (SocketAddr, JoinHandle<Vec<u8>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let server = thread::spawn(move || {
        let (mut conn, _) = listener.accept().unwrap();
        let mut request = Vec::new();
        conn.read_to_end(&mut request).unwrap();
        conn.write_all(&reply).unwrap();
        request
    });
    (addr, server)
}

/// A client that sends `request`, closes its side, and reads the answer
/// until the server closes.
fn ask(addr: &str, request: &[u8]) -> Vec<u8> {
    let mut conn = TcpStream::connect(addr).unwrap();
    conn.write_all(request).unwrap();
    conn.shutdown(Shutdown::Write).unwrap();
    let mut reply = Vec::new();
    conn.read_to_end(&mut reply).unwrap();
    reply
}

/// Reads promptly with a big buffer until the peer closes: the size of
/// every read.
fn read_sizes(conn: &mut TcpStream) -> Vec<usize> {
    let mut buffer = vec![0; 64 * 1024];
    let mut sizes = Vec::new();
    loop {
        match conn.read(&mut buffer).unwrap() {
            0 => return sizes,
            n => sizes.push(n),
        }
    }
}

/// An address where nobody listens, reserved for as long as the socket
/// lives: bound but not listening, so a connection attempt is refused, and
/// no other test can start listening there meanwhile.
fn refusing_address() -> (Socket, SocketAddr) {
    let socket = Socket::new(Domain::IPV4, Type::STREAM, None).unwrap();
    socket.bind(&any_port().into()).unwrap();
    let addr = socket.local_addr().unwrap().as_socket().unwrap();
    (socket, addr)
}

fn any_port() -> SocketAddr {
    "127.0.0.1:0".parse().unwrap()
}

#[test]
fn both_directions_arrive_intact_for_several_seeds() {
    for seed in [1, 2, 42, u64::MAX] {
        let request = stream(3000, "下雨天留客天留人不留");
        let reply = stream(2000, "半包 half packets");
        let (upstream, server) = answering_server(reply.clone());
        let slicing = Slicing {
            average: 5,
            variation: 4,
            delay: Duration::from_micros(20),
            seed,
        };
        let (addr, slicer) = slicer::spawn(any_port(), upstream, slicing).unwrap();
        let answer = ask(&addr.to_string(), &request);
        let received = server.join().unwrap();
        let forwarded: Forwarded = slicer.join().unwrap().unwrap();

        assert!(received == request, "seed {seed}: the request was changed");
        assert!(answer == reply, "seed {seed}: the reply was changed");
        assert_eq!(forwarded.broken(), None);
        let there = &forwarded.client_to_server;
        let back = &forwarded.server_to_client;
        assert_eq!((there.bytes, back.bytes), (3000, 2000));
        // Pieces of 1 to 9 bytes: at least a third as many pieces as bytes.
        assert!(
            there.pieces >= 3000 / 9 && back.pieces >= 2000 / 9,
            "{forwarded:?}"
        );
    }
}

#[test]
fn with_an_average_of_one_every_read_returns_one_byte() {
    let slicing = Slicing {
        average: 1,
        variation: 0,
        delay: Duration::from_micros(10_000),
        seed: 1,
    };
    let message = "下雨天留客天留人不留不留不留".as_bytes()[..40].to_vec();
    let reply = message.clone();
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let upstream = listener.local_addr().unwrap();
    // The server reads promptly, then answers with one 40-byte write.
    let server = thread::spawn(move || {
        let (mut conn, _) = listener.accept().unwrap();
        let sizes = read_sizes(&mut conn);
        conn.write_all(&reply).unwrap();
        sizes
    });
    let (addr, slicer) = slicer::spawn(any_port(), upstream, slicing).unwrap();
    let mut client = TcpStream::connect(addr).unwrap();
    client.write_all(&message).unwrap();
    client.shutdown(Shutdown::Write).unwrap();
    let back = read_sizes(&mut client);
    let there = server.join().unwrap();
    let forwarded = slicer.join().unwrap().unwrap();

    eprintln!("server's reads: {there:?}\nclient's reads: {back:?}");
    assert_eq!(there, [1; 40], "one send of 40 B became 40 recvs of 1 B");
    assert_eq!(back, [1; 40], "and so did the answer");
    assert_eq!(forwarded.client_to_server.pieces, 40);
    assert_eq!(forwarded.server_to_client.pieces, 40);
}

#[test]
fn a_reset_by_the_server_ends_the_connection_without_an_error() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let upstream = listener.local_addr().unwrap();
    let server = thread::spawn(move || {
        let (mut conn, _) = listener.accept().unwrap();
        let mut first = [0; 1];
        conn.read_exact(&mut first).unwrap();
        // SO_LINGER 0: closing sends a reset (RST) instead of a FIN.
        SockRef::from(&conn)
            .set_linger(Some(Duration::ZERO))
            .unwrap();
    });
    let (addr, slicer) = slicer::spawn(any_port(), upstream, Slicing::default()).unwrap();
    let mut client = TcpStream::connect(addr).unwrap();
    client.write_all(b"hello").unwrap();
    // The client sees its connection end (closed or reset), rather than hang.
    let mut rest = Vec::new();
    let _ = client.read_to_end(&mut rest);
    server.join().unwrap();
    let forwarded = slicer.join().unwrap().unwrap();
    let why = forwarded.broken().expect("the reset is reported");
    assert!(why.starts_with("the server "), "{why}");
}

#[test]
fn the_binary_with_once_delivers_both_directions_intact() {
    let request = stream(500, "下雨天留客天留人");
    let reply = stream(300, "不留");
    let (upstream, server) = answering_server(reply.clone());
    let mut slicer = Process::start(
        SLICER,
        &[
            "--listen",
            "127.0.0.1:0",
            "--upstream",
            &upstream.to_string(),
            "--once",
            "--average",
            "3",
            "--variation",
            "2",
            "--delay-us",
            "100",
            "--seed",
            "7",
        ],
    );
    let line = slicer.wait_for_stderr("listening on");
    assert!(
        line.contains(&format!("forwarding to {upstream}")),
        "{line}"
    );
    assert!(line.contains("pieces of ~3 B (1–5 B)"), "{line}");
    let answer = ask(&listening_addr(&line), &request);
    let received = server.join().unwrap();
    let slicer = slicer.finish();

    assert_eq!(slicer.code, Some(0), "{}", slicer.stderr);
    assert!(received == request, "the request was changed");
    assert!(answer == reply, "the reply was changed");
    assert!(
        slicer
            .stderr
            .contains("connection #1 closed: client→server 500 B in ")
            && slicer.stderr.contains("server→client 300 B in "),
        "{}",
        slicer.stderr
    );
}

#[test]
fn the_dump_shows_every_piece_with_its_direction_index_and_size() {
    let request = "下雨天留客天留人".as_bytes();
    let (upstream, server) = answering_server("不留".into());
    let mut slicer = Process::start(
        SLICER,
        &[
            "--listen",
            "127.0.0.1:0",
            "--upstream",
            &upstream.to_string(),
            "--once",
            "--average",
            "4",
            "--delay-us",
            "100",
            "--dump",
            "--color",
            "never",
        ],
    );
    let addr = listening_addr(&slicer.wait_for_stderr("listening on"));
    assert_eq!(ask(&addr, request), "不留".as_bytes());
    server.join().unwrap();
    let slicer = slicer.finish();
    assert_eq!(slicer.code, Some(0), "{}", slicer.stderr);
    let stderr = &slicer.stderr;
    assert!(!stderr.contains('\x1b'), "--color never: {stderr}");
    assert!(
        stderr.contains("client→server piece #1  4 B  (stream bytes 0..4)\n    |e4b88be9|"),
        "{stderr}"
    );
    assert!(stderr.contains("server→client piece #1  4 B"), "{stderr}");
    // Every byte is in some piece: the client→server sizes add up to 24.
    let sent: usize = stderr
        .lines()
        .filter(|l| l.starts_with("client→server piece #"))
        .map(|l| l.split("  ").nth(1).unwrap().trim_end_matches(" B"))
        .map(|size| size.parse::<usize>().unwrap())
        .sum();
    assert_eq!(sent, 24, "{stderr}");
}

#[test]
fn a_reset_is_one_status_line_and_not_a_panic() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let upstream = listener.local_addr().unwrap().to_string();
    let mut slicer = Process::start(
        SLICER,
        &["--listen", "127.0.0.1:0", "--upstream", &upstream, "--once"],
    );
    let addr = listening_addr(&slicer.wait_for_stderr("listening on"));
    let client = TcpStream::connect(&addr).unwrap();
    let (conn, _) = listener.accept().unwrap();
    // The client resets: SO_LINGER 0, then close.
    SockRef::from(&client)
        .set_linger(Some(Duration::ZERO))
        .unwrap();
    drop(client);
    let slicer = slicer.finish();
    drop(conn);
    assert_eq!(slicer.code, Some(0), "{}", slicer.stderr);
    let ended: Vec<&str> = slicer
        .stderr
        .lines()
        .filter(|l| l.contains("connection #1 ended early"))
        .collect();
    assert_eq!(ended.len(), 1, "{}", slicer.stderr);
    assert!(
        ended[0].contains("the client reset the connection"),
        "{}",
        ended[0]
    );
    assert!(!slicer.stderr.contains("panicked"), "{}", slicer.stderr);
}

#[test]
fn without_once_it_serves_clients_side_by_side() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let upstream = listener.local_addr().unwrap().to_string();
    // The server echoes each of two connections back until its client closes.
    let server = thread::spawn(move || {
        let echoes: Vec<JoinHandle<()>> = (0..2)
            .map(|_| {
                let (mut conn, _) = listener.accept().unwrap();
                thread::spawn(move || {
                    let mut reader = conn.try_clone().unwrap();
                    std::io::copy(&mut reader, &mut conn).unwrap();
                })
            })
            .collect();
        echoes.into_iter().for_each(|e| e.join().unwrap());
    });
    let mut child = Command::new(SLICER)
        .args(["--listen", "127.0.0.1:0", "--upstream", &upstream])
        .args(["--delay-us", "100"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    stderr.read_line(&mut line).unwrap();
    let addr = listening_addr(&line);
    // Two clients connected at the same time, each talking in turn.
    let mut first = TcpStream::connect(&addr).unwrap();
    let mut second = TcpStream::connect(&addr).unwrap();
    let mut echo = [0; 12];
    for (conn, text) in [
        (&mut first, b"first  hello"),
        (&mut second, b"second hello"),
    ] {
        conn.write_all(text).unwrap();
        conn.read_exact(&mut echo).unwrap();
        assert_eq!(&echo, text);
    }
    for conn in [&first, &second] {
        conn.shutdown(Shutdown::Write).unwrap();
    }
    for mut conn in [first, second] {
        assert_eq!(conn.read(&mut echo).unwrap(), 0, "the echo ends too");
    }
    server.join().unwrap();
    // Both connections are reported closed; then the slicer is stopped.
    let mut closed = 0;
    while closed < 2 {
        line.clear();
        assert!(
            stderr.read_line(&mut line).unwrap() > 0,
            "stderr ended early"
        );
        if line.contains("closed: client→server 12 B") {
            closed += 1;
        }
    }
    child.kill().unwrap();
    child.wait().unwrap();
}

#[test]
fn an_unknown_option_is_a_usage_error() {
    let run = testkit::run(SLICER, &["--bogus"]);
    assert_one_line_error(&run, 2, "--bogus");
    let run = testkit::run(
        SLICER,
        &[
            "--listen",
            "127.0.0.1:0",
            "--upstream",
            "127.0.0.1:9",
            "--average",
            "0",
        ],
    );
    assert_one_line_error(&run, 2, "--average");
}

#[test]
fn a_bad_address_is_a_usage_error() {
    assert_one_line_error(
        &testkit::run(
            SLICER,
            &["--listen", "127.0.0.1:0", "--upstream", "300.1.2.3:9000"],
        ),
        2,
        "300.1.2.3:9000",
    );
    assert_one_line_error(
        &testkit::run(
            SLICER,
            &["--listen", "127.0.0.1", "--upstream", "127.0.0.1:9000"],
        ),
        2,
        "no port",
    );
    assert_one_line_error(
        &testkit::run(
            SLICER,
            &["--listen", "127.0.0.1:9000", "--upstream", "127.0.0.1:9000"],
        ),
        2,
        "forward to itself",
    );
}

#[test]
fn an_upstream_that_is_not_there_is_named_after_the_retry_window() {
    let (_reserved, upstream) = refusing_address();
    let upstream = upstream.to_string();
    let mut slicer = Process::start(
        SLICER,
        &[
            "--listen",
            "127.0.0.1:0",
            "--upstream",
            &upstream,
            "--once",
            "--retry-secs",
            "0.3",
        ],
    );
    let addr = listening_addr(&slicer.wait_for_stderr("listening on"));
    let mut client = TcpStream::connect(&addr).unwrap();
    // The slicer closes the client's connection when it gives up.
    let mut rest = Vec::new();
    let _ = client.read_to_end(&mut rest);
    assert!(rest.is_empty());
    let run = slicer.finish();
    assert_one_line_error(&run, 1, &format!("no server answered at {upstream}"));
}

/// A server that keeps every connection open after its client has left
/// must not make the slicer hold two threads and two sockets per client
/// for ever: once the client's side has ended, the server's side gets
/// `--close-timeout`, then the slicer closes both. (Linux: the slicer's
/// threads and open files are counted in /proc.)
#[test]
fn a_server_that_never_closes_does_not_keep_the_slicer_busy() {
    const CLIENTS: usize = 100;
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let upstream = listener.local_addr().unwrap().to_string();
    let mut slicer = Process::start(
        SLICER,
        &[
            "--listen",
            "127.0.0.1:0",
            "--upstream",
            &upstream,
            "--close-timeout",
            "0.5",
        ],
    );
    let addr = listening_addr(&slicer.wait_for_stderr("listening on"));
    let Some(at_rest) = usage(&slicer) else {
        slicer.kill();
        eprintln!("skipped: no /proc here to count the slicer's threads and files");
        return;
    };
    // Each client says one thing and leaves; the server reads it, sees the
    // client's FIN passed on, and then neither answers nor closes.
    let mut held = Vec::new();
    for _ in 0..CLIENTS {
        let mut client = TcpStream::connect(&addr).unwrap();
        client.write_all(b"bye").unwrap();
        drop(client);
        let (mut conn, _) = listener.accept().unwrap();
        let mut got = Vec::new();
        conn.read_to_end(&mut got).unwrap();
        assert_eq!(got, b"bye");
        held.push(conn);
    }
    let busy = usage(&slicer).unwrap();
    // Every forwarding thread ends, and every socket is closed, once the
    // silent server side has had its half second.
    let until = std::time::Instant::now() + Duration::from_secs(20);
    while usage(&slicer).unwrap() != at_rest {
        assert!(
            std::time::Instant::now() < until,
            "threads and files at rest {at_rest:?}, with {CLIENTS} clients gone {busy:?}, \
             still {:?}",
            usage(&slicer)
        );
        thread::sleep(Duration::from_millis(20));
    }
    slicer.kill();
    drop(held);
}

/// A running process's threads and open files (Linux: /proc), or `None`
/// where they cannot be counted.
fn usage(process: &Process) -> Option<(usize, usize)> {
    let count = |what: &str| {
        std::fs::read_dir(format!("/proc/{}/{what}", process.id()))
            .ok()
            .map(Iterator::count)
    };
    Some((count("task")?, count("fd")?))
}
