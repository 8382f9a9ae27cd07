//! The server and the client as libraries, in one process, on 127.0.0.1
//! with ephemeral ports; hostile and broken peers are built from the
//! protocol's own pieces.

use std::fs;
use std::io::{Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::Path;
use std::thread;
use std::time::{Duration, Instant};

use transfer::Error;
use transfer::client::Client;
use transfer::demo::{make_sample, same_bytes};
use transfer::message::{Catalogue, Done, Entry, Offer, Refusal, Request};
use transfer::progress::Silent;
use transfer::server::{Config, Running, Server};
use transfer::wire;

const PATIENCE: Duration = Duration::from_secs(5);
const MIB: u64 = 1024 * 1024;

fn loopback() -> SocketAddr {
    SocketAddr::from((Ipv4Addr::LOCALHOST, 0))
}

fn serve_with(dir: &Path, tune: impl FnOnce(&mut Config)) -> Running {
    let mut config = Config::new(dir).unwrap().quiet();
    tune(&mut config);
    Server::bind(loopback(), config).unwrap().spawn()
}

fn serve(dir: &Path) -> Running {
    serve_with(dir, |_| {})
}

/// A raw connection that has read the catalogue.
fn raw(addr: SocketAddr) -> (TcpStream, Catalogue) {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream.set_read_timeout(Some(PATIENCE)).unwrap();
    let catalogue = wire::expect(&mut stream, "the catalogue").unwrap();
    (stream, catalogue)
}

fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
}

#[test]
fn downloads_equal_their_sources_for_0_1_1mib_and_64mib() {
    let shared = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let sizes = [("empty", 0), ("one", 1), ("mib", MIB), ("big", 64 * MIB)];
    for (name, size) in sizes {
        make_sample(&shared.path().join(name), size).unwrap();
    }
    let server = serve(shared.path());
    let mut client = Client::connect(server.addr(), PATIENCE).unwrap();
    let listed: Vec<(&str, u64)> = client
        .files()
        .iter()
        .map(|e| (e.name.as_str(), e.size))
        .collect();
    assert_eq!(
        listed,
        [("big", 64 * MIB), ("empty", 0), ("mib", MIB), ("one", 1)]
    );
    for (name, size) in sizes {
        let done = client
            .download(name, out.path(), false, &mut Silent)
            .unwrap();
        assert_eq!(done.size, size);
        assert!(
            same_bytes(&shared.path().join(name), &out.path().join(name)).unwrap(),
            "{name}"
        );
    }
    assert_eq!(
        entries(out.path()),
        ["big", "empty", "mib", "one"],
        "no .part left"
    );
    client.quit().unwrap();
    server.stop().unwrap();
}

#[test]
fn a_new_file_shows_up_without_a_restart() {
    let shared = tempfile::tempdir().unwrap();
    let server = serve(shared.path());
    assert!(
        Client::connect(server.addr(), PATIENCE)
            .unwrap()
            .files()
            .is_empty()
    );
    fs::write(shared.path().join("new.txt"), b"hello").unwrap();
    let client = Client::connect(server.addr(), PATIENCE).unwrap();
    assert_eq!(
        client.files(),
        [Entry {
            name: "new.txt".into(),
            size: 5
        }]
    );
    server.stop().unwrap();
}

#[test]
fn sixteen_concurrent_clients_all_finish_verified() {
    let shared = tempfile::tempdir().unwrap();
    make_sample(&shared.path().join("video.mp4"), 4 * MIB).unwrap();
    let server = serve(shared.path());
    let addr = server.addr();
    let clients: Vec<_> = (0..16)
        .map(|_| {
            thread::spawn(move || {
                let out = tempfile::tempdir().unwrap();
                let mut client = Client::connect(addr, PATIENCE).unwrap();
                let done = client
                    .download("video.mp4", out.path(), false, &mut Silent)
                    .unwrap();
                client.quit().unwrap();
                (out, done)
            })
        })
        .collect();
    for handle in clients {
        let (out, done) = handle.join().unwrap();
        assert!(same_bytes(&shared.path().join("video.mp4"), &done.path).unwrap());
        assert_eq!(entries(out.path()), ["video.mp4"]);
    }
    server.stop().unwrap();
}

/// A hostile server: offers `names`, and answers every get with an offer
/// for `answer_with` and a valid body and checksum.
fn hostile_server(names: &[&str], answer_with: &str) -> SocketAddr {
    let listener = TcpListener::bind(loopback()).unwrap();
    let addr = listener.local_addr().unwrap();
    let files: Vec<Entry> = names
        .iter()
        .map(|n| Entry {
            name: n.to_string(),
            size: 3,
        })
        .collect();
    let answer_with = answer_with.to_string();
    thread::spawn(move || {
        for stream in listener.incoming() {
            let mut stream = stream.unwrap();
            let _ = wire::send(
                &mut stream,
                &Catalogue {
                    files: files.clone(),
                },
            );
            while let Ok(Some(_)) = wire::recv_frame(&mut stream, wire::MAX_FRAME_LEN) {
                let offer = Offer {
                    name: answer_with.clone(),
                    size: 3,
                    offset: 0,
                    len: 3,
                };
                let _ = wire::send(&mut stream, &offer);
                let _ = stream.write_all(&[&wire::body_header(3)[..], b"abc"].concat());
                let _ = wire::send(
                    &mut stream,
                    &Done {
                        crc32: crc32fast::hash(b"abc"),
                    },
                );
            }
        }
    });
    addr
}

#[test]
fn the_client_refuses_names_that_leave_its_folder() {
    let root = tempfile::tempdir().unwrap();
    let out = root.path().join("out");
    fs::create_dir(&out).unwrap();
    let hostile = ["../x", "/etc/x", "a/b", "..\\x", "CON", "nul.txt", "..x"];
    let addr = hostile_server(&hostile, "../x");
    let mut client = Client::connect(addr, PATIENCE).unwrap();
    for name in hostile {
        let error = client.download(name, &out, false, &mut Silent).unwrap_err();
        assert!(matches!(error, Error::UnsafeName { .. }), "{name}: {error}");
    }
    let listing = transfer::menu::listing(client.files());
    assert_eq!(
        listing.matches("(refused:").count(),
        hostile.len(),
        "{listing}"
    );
    assert_eq!(
        entries(root.path()),
        ["out"],
        "nothing written beside --out"
    );
    assert!(entries(&out).is_empty(), "nothing written inside --out");
}

#[test]
fn the_client_refuses_an_offer_for_another_name() {
    let root = tempfile::tempdir().unwrap();
    let out = root.path().join("out");
    fs::create_dir(&out).unwrap();
    let addr = hostile_server(&["fine.txt"], "../x");
    let mut client = Client::connect(addr, PATIENCE).unwrap();
    let error = client
        .download("fine.txt", &out, false, &mut Silent)
        .unwrap_err();
    assert!(
        error
            .to_string()
            .contains("the server answered with \"../x\""),
        "{error}"
    );
    assert_eq!(entries(root.path()), ["out"]);
    assert!(entries(&out).is_empty());
}

#[test]
fn the_server_refuses_traversal_with_an_error_frame_and_serves_on() {
    let root = tempfile::tempdir().unwrap();
    let shared = root.path().join("shared");
    fs::create_dir(&shared).unwrap();
    fs::write(root.path().join("x"), b"secret").unwrap();
    fs::write(shared.join("ok.txt"), b"fine").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(root.path().join("x"), shared.join("link")).unwrap();
    let server = serve(&shared);
    let (mut stream, catalogue) = raw(server.addr());
    let names: Vec<&str> = catalogue.files.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(
        names,
        ["ok.txt"],
        "a symlink out of the folder is not listed"
    );
    for name in ["../x", "/etc/passwd", "link", "missing", "", "..", "sub/x"] {
        let get = Request::Get {
            get: name.into(),
            offset: 0,
        };
        wire::send(&mut stream, &get).unwrap();
        let answer: Result<Offer, Error> = wire::expect(&mut stream, "an answer");
        assert!(
            matches!(answer, Err(Error::Refused(_))),
            "{name:?}: {answer:?}"
        );
    }
    // A bad offset is refused too, and the same connection still works.
    wire::send(
        &mut stream,
        &Request::Get {
            get: "ok.txt".into(),
            offset: 5,
        },
    )
    .unwrap();
    let answer: Result<Offer, Error> = wire::expect(&mut stream, "an answer");
    assert!(
        matches!(&answer, Err(Error::Refused(m)) if m.contains("past the end")),
        "{answer:?}"
    );
    let mut client = Client::over(TcpStream::connect(server.addr()).unwrap()).unwrap();
    let out = tempfile::tempdir().unwrap();
    client
        .download("ok.txt", out.path(), false, &mut Silent)
        .unwrap();
    assert_eq!(fs::read(out.path().join("ok.txt")).unwrap(), b"fine");
    server.stop().unwrap();
}

/// A server that sends the first `cut` bytes of `source`'s body, then
/// closes, as a server killed mid-transfer would.
fn dying_server(source: &Path, cut: usize) -> SocketAddr {
    let listener = TcpListener::bind(loopback()).unwrap();
    let addr = listener.local_addr().unwrap();
    let body = fs::read(source).unwrap();
    let name = source.file_name().unwrap().to_str().unwrap().to_string();
    thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        let size = body.len() as u64;
        wire::send(
            &mut stream,
            &Catalogue {
                files: vec![Entry {
                    name: name.clone(),
                    size,
                }],
            },
        )
        .unwrap();
        wire::recv_frame(&mut stream, wire::MAX_FRAME_LEN).unwrap();
        wire::send(
            &mut stream,
            &Offer {
                name,
                size,
                offset: 0,
                len: size,
            },
        )
        .unwrap();
        stream.write_all(&wire::body_header(size)).unwrap();
        stream.write_all(&body[..cut]).unwrap();
    });
    addr
}

#[test]
fn a_server_dying_mid_transfer_leaves_a_part_file_that_resume_completes() {
    let shared = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let source = shared.path().join("film.mkv");
    make_sample(&source, 3 * MIB + 5).unwrap();
    let cut = 1_234_567;
    let addr = dying_server(&source, cut);
    let mut client = Client::connect(addr, PATIENCE).unwrap();
    let error = client
        .download("film.mkv", out.path(), false, &mut Silent)
        .unwrap_err();
    let text = error.to_string();
    assert!(
        matches!(error, Error::Interrupted { have, .. } if have == cut as u64),
        "{text}"
    );
    assert!(
        text.contains("--resume") && text.contains("film.mkv.part"),
        "{text}"
    );
    assert_eq!(
        entries(out.path()),
        ["film.mkv.part"],
        "never a truncated film.mkv"
    );
    assert_eq!(
        fs::metadata(out.path().join("film.mkv.part"))
            .unwrap()
            .len(),
        cut as u64
    );

    let server = serve(shared.path());
    let mut client = Client::connect(server.addr(), PATIENCE).unwrap();
    let done = client
        .download("film.mkv", out.path(), true, &mut Silent)
        .unwrap();
    assert_eq!(done.resumed_from, cut as u64);
    assert_eq!(done.received(), 3 * MIB + 5 - cut as u64);
    assert_eq!(done.crc32, transfer::checksum::hash_file(&source).unwrap());
    assert!(same_bytes(&source, &done.path).unwrap());
    assert_eq!(entries(out.path()), ["film.mkv"]);
    server.stop().unwrap();
}

#[test]
fn a_checksum_mismatch_keeps_the_part_file_and_says_so() {
    let root = tempfile::tempdir().unwrap();
    let listener = TcpListener::bind(loopback()).unwrap();
    let addr = listener.local_addr().unwrap();
    thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        let files = vec![Entry {
            name: "a.bin".into(),
            size: 3,
        }];
        wire::send(&mut stream, &Catalogue { files }).unwrap();
        wire::recv_frame(&mut stream, wire::MAX_FRAME_LEN).unwrap();
        wire::send(
            &mut stream,
            &Offer {
                name: "a.bin".into(),
                size: 3,
                offset: 0,
                len: 3,
            },
        )
        .unwrap();
        stream
            .write_all(&[&wire::body_header(3)[..], b"abd"].concat())
            .unwrap();
        wire::send(
            &mut stream,
            &Done {
                crc32: crc32fast::hash(b"abc"),
            },
        )
        .unwrap();
    });
    let mut client = Client::connect(addr, PATIENCE).unwrap();
    let error = client
        .download("a.bin", root.path(), false, &mut Silent)
        .unwrap_err();
    assert!(matches!(error, Error::Corrupt { .. }), "{error}");
    assert!(
        error.to_string().starts_with("checksum mismatch"),
        "{error}"
    );
    assert_eq!(entries(root.path()), ["a.bin.part"]);
}

#[test]
fn an_oversized_frame_is_refused_by_the_client() {
    let listener = TcpListener::bind(loopback()).unwrap();
    let addr = listener.local_addr().unwrap();
    thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        let _ = stream.write_all(&[0x7f, 0xff, 0xff, 0xff]);
        let _ = stream.read(&mut [0u8; 1]);
    });
    let error = Client::connect(addr, PATIENCE).unwrap_err();
    let text = error.to_string();
    assert!(
        text.contains("2147483647-byte message") && text.contains("catalogue"),
        "{text}"
    );
}

#[test]
fn an_idle_client_is_dropped_while_another_downloads() {
    let shared = tempfile::tempdir().unwrap();
    make_sample(&shared.path().join("v.mp4"), 2 * MIB).unwrap();
    let idle = Duration::from_millis(800);
    let server = serve_with(shared.path(), |c| c.idle_timeout = idle);
    let (mut quiet, _) = raw(server.addr());
    let started = Instant::now();
    // The silent client's connection ends: read returns 0 (end of stream).
    let (tx, dropped) = std::sync::mpsc::channel();
    thread::spawn(move || {
        let n = quiet.read(&mut [0u8; 16]);
        let _ = tx.send((n.map_err(|e| e.kind()), started.elapsed()));
    });
    // Meanwhile another client downloads without pause, never idle.
    let out = tempfile::tempdir().unwrap();
    let mut busy = Client::connect(server.addr(), PATIENCE).unwrap();
    let mut downloads = 0;
    let (read, after) = loop {
        busy.download("v.mp4", out.path(), false, &mut Silent)
            .unwrap();
        downloads += 1;
        if let Ok(result) = dropped.try_recv() {
            break result;
        }
        assert!(
            started.elapsed() < PATIENCE,
            "the idle client was never dropped"
        );
    };
    assert_eq!(read, Ok(0), "the idle client was disconnected");
    assert!(
        after >= idle - Duration::from_millis(50),
        "dropped after {after:?}"
    );
    assert!(downloads > 1, "the other client kept downloading meanwhile");
    busy.download("v.mp4", out.path(), false, &mut Silent)
        .unwrap();
    server.stop().unwrap();
}

#[test]
fn a_malformed_frame_gets_an_error_frame_and_others_are_still_served() {
    let shared = tempfile::tempdir().unwrap();
    fs::write(shared.path().join("ok.txt"), b"fine").unwrap();
    let server = serve(shared.path());

    let (mut bad, _) = raw(server.addr());
    fixed::io::FrameWriter::new(&mut bad)
        .send(b"{not json")
        .unwrap();
    let answer: Result<Offer, Error> = wire::expect(&mut bad, "an answer");
    assert!(
        matches!(&answer, Err(Error::Refused(m)) if m.starts_with("malformed request")),
        "{answer:?}"
    );
    assert_eq!(
        bad.read(&mut [0u8; 1]).unwrap(),
        0,
        "then the server closes"
    );

    let (mut huge, _) = raw(server.addr());
    huge.write_all(&[0xff, 0xff, 0xff, 0xff]).unwrap();
    let answer: Result<Offer, Error> = wire::expect(&mut huge, "an answer");
    assert!(
        matches!(&answer, Err(Error::Refused(m)) if m.contains("more than the")),
        "{answer:?}"
    );

    let out = tempfile::tempdir().unwrap();
    let mut good = Client::connect(server.addr(), PATIENCE).unwrap();
    good.download("ok.txt", out.path(), false, &mut Silent)
        .unwrap();
    server.stop().unwrap();
}

#[test]
fn a_client_dying_mid_transfer_does_not_disturb_the_server() {
    let shared = tempfile::tempdir().unwrap();
    make_sample(&shared.path().join("big"), 32 * MIB).unwrap();
    let server = serve(shared.path());
    let (mut quitter, _) = raw(server.addr());
    wire::send(
        &mut quitter,
        &Request::Get {
            get: "big".into(),
            offset: 0,
        },
    )
    .unwrap();
    let _: Offer = wire::expect(&mut quitter, "the offer").unwrap();
    quitter.read_exact(&mut [0u8; 1000]).unwrap();
    drop(quitter);
    let out = tempfile::tempdir().unwrap();
    let mut client = Client::connect(server.addr(), PATIENCE).unwrap();
    client
        .download("big", out.path(), false, &mut Silent)
        .unwrap();
    server.stop().unwrap();
}

#[test]
fn one_client_too_many_is_told_the_server_is_busy() {
    let shared = tempfile::tempdir().unwrap();
    let server = serve_with(shared.path(), |c| c.max_clients = 1);
    let first = Client::connect(server.addr(), PATIENCE).unwrap();
    let error = Client::connect(server.addr(), PATIENCE).unwrap_err();
    assert!(
        matches!(&error, Error::Refused(m) if m.starts_with("server busy")),
        "{error}"
    );
    first.quit().unwrap();
    server.stop().unwrap();
}

#[test]
fn the_demo_tells_its_story() {
    let story = transfer::demo::demo().unwrap();
    assert_eq!(story.catalogue.len(), 4);
    assert_eq!(story.transfers.len(), 2);
    assert!(story.transfers.iter().all(|t| t.identical));
    let text = story.to_string();
    assert!(
        text.contains("campus-tour.mkv") && text.contains("verified"),
        "{text}"
    );
}

#[test]
fn a_refusal_frame_is_what_the_error_json_says() {
    let json = serde_json::to_string(&Refusal { error: "x".into() }).unwrap();
    assert_eq!(json, r#"{"error":"x"}"#);
    let json = serde_json::to_string(&Request::Get {
        get: "a".into(),
        offset: 7,
    })
    .unwrap();
    assert_eq!(json, r#"{"get":"a","offset":7}"#);
}
