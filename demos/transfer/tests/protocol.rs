//! The server and the client as libraries, in one process, on 127.0.0.1
//! with ephemeral ports; hostile and broken peers are built from the
//! protocol's own pieces.

mod support;

use std::fs;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::Path;
use std::thread;
use std::time::{Duration, Instant};

use support::{PATIENCE, catalogue, loopback, scripted, stall};
use transfer::Error;
use transfer::client::{Client, Patience, Saving};
use transfer::demo::{make_sample, same_bytes};
use transfer::message::{Catalogue, Done, Entry, Offer, Refusal, Request};
use transfer::progress::Silent;
use transfer::server::{Config, Running, Server};
use transfer::wire;

const MIB: u64 = 1024 * 1024;

/// A client's patience in these tests: 5 s to connect, 5 s per read.
fn patient() -> Patience {
    Patience {
        connect: PATIENCE,
        read: PATIENCE,
    }
}

fn connect(addr: SocketAddr) -> Result<Client, Error> {
    Client::connect(addr, patient())
}

/// Downloads into `out` from the start, replacing nothing.
fn get(client: &mut Client, name: &str, out: &Path) -> Result<transfer::client::Download, Error> {
    client.download(name, &Saving::into(out), &mut Silent)
}

/// Reads one message the way the client does.
fn read_answer<T: serde::de::DeserializeOwned>(stream: &mut TcpStream) -> Result<T, Error> {
    wire::expect(stream, "an answer", wire::MAX_CATALOGUE_LEN, PATIENCE)
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
    let catalogue = read_answer(&mut stream).unwrap();
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
    let mut client = connect(server.addr()).unwrap();
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
        let done = get(&mut client, name, out.path()).unwrap();
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
    assert!(connect(server.addr()).unwrap().files().is_empty());
    fs::write(shared.path().join("new.txt"), b"hello").unwrap();
    let client = connect(server.addr()).unwrap();
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
    // Sixteen clients on one computer: more than one address may have by
    // default, so this classroom-of-one raises the cap.
    let server = serve_with(shared.path(), |c| c.max_per_address = 16);
    let addr = server.addr();
    let clients: Vec<_> = (0..16)
        .map(|_| {
            thread::spawn(move || {
                let out = tempfile::tempdir().unwrap();
                let mut client = connect(addr).unwrap();
                let done = get(&mut client, "video.mp4", out.path()).unwrap();
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
            while let Ok(Some(_)) = wire::recv_frame(&mut stream, wire::MAX_MESSAGE_LEN) {
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
    let mut client = connect(addr).unwrap();
    for name in hostile {
        let error = get(&mut client, name, &out).unwrap_err();
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
    let mut client = connect(addr).unwrap();
    let error = get(&mut client, "fine.txt", &out).unwrap_err();
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
        wire::send(&mut stream, &Request::get(name, 0)).unwrap();
        let answer: Result<Offer, Error> = read_answer(&mut stream);
        assert!(
            matches!(answer, Err(Error::Refused(_))),
            "{name:?}: {answer:?}"
        );
    }
    // A bad offset is refused too, and the same connection still works.
    wire::send(&mut stream, &Request::get("ok.txt", 5)).unwrap();
    let answer: Result<Offer, Error> = read_answer(&mut stream);
    assert!(
        matches!(&answer, Err(Error::Refused(m)) if m.contains("past the end")),
        "{answer:?}"
    );
    let mut client = Client::over(TcpStream::connect(server.addr()).unwrap(), patient()).unwrap();
    let out = tempfile::tempdir().unwrap();
    get(&mut client, "ok.txt", out.path()).unwrap();
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
        wire::recv_frame(&mut stream, wire::MAX_MESSAGE_LEN).unwrap();
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
    let mut client = connect(addr).unwrap();
    let error = get(&mut client, "film.mkv", out.path()).unwrap_err();
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
    let mut client = connect(server.addr()).unwrap();
    let resume = Saving {
        resume: true,
        ..Saving::into(out.path())
    };
    let done = client.download("film.mkv", &resume, &mut Silent).unwrap();
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
        wire::recv_frame(&mut stream, wire::MAX_MESSAGE_LEN).unwrap();
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
    let mut client = connect(addr).unwrap();
    let error = get(&mut client, "a.bin", root.path()).unwrap_err();
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
    let error = connect(addr).unwrap_err();
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
    // The silent client is told why, then its connection ends.
    let (tx, dropped) = std::sync::mpsc::channel();
    thread::spawn(move || {
        let goodbye: Result<Offer, Error> = read_answer(&mut quiet);
        let n = quiet.read(&mut [0u8; 16]);
        let _ = tx.send((goodbye, n.map_err(|e| e.kind()), started.elapsed()));
    });
    // Meanwhile another client downloads without pause, never idle.
    let out = tempfile::tempdir().unwrap();
    let mut busy = connect(server.addr()).unwrap();
    let again = Saving {
        overwrite: true,
        ..Saving::into(out.path())
    };
    let mut downloads = 0;
    let (goodbye, read, after) = loop {
        busy.download("v.mp4", &again, &mut Silent).unwrap();
        downloads += 1;
        if let Ok(result) = dropped.try_recv() {
            break result;
        }
        assert!(
            started.elapsed() < PATIENCE,
            "the idle client was never dropped"
        );
    };
    assert!(
        matches!(&goodbye, Err(Error::Refused(m)) if m.contains("--idle-timeout")),
        "{goodbye:?}"
    );
    assert_eq!(read, Ok(0), "the idle client was disconnected");
    assert!(
        after >= idle - Duration::from_millis(50),
        "dropped after {after:?}"
    );
    assert!(downloads > 1, "the other client kept downloading meanwhile");
    busy.download("v.mp4", &again, &mut Silent).unwrap();
    server.stop().unwrap();
}

#[test]
fn a_malformed_frame_gets_an_error_frame_and_others_are_still_served() {
    let shared = tempfile::tempdir().unwrap();
    fs::write(shared.path().join("ok.txt"), b"fine").unwrap();
    let server = serve(shared.path());

    let (mut bad, _) = raw(server.addr());
    codec::io::FrameWriter::new(&mut bad)
        .send(b"{not json")
        .unwrap();
    let answer: Result<Offer, Error> = read_answer(&mut bad);
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
    let answer: Result<Offer, Error> = read_answer(&mut huge);
    assert!(
        matches!(&answer, Err(Error::Refused(m)) if m.contains("more than the")),
        "{answer:?}"
    );

    let out = tempfile::tempdir().unwrap();
    let mut good = connect(server.addr()).unwrap();
    get(&mut good, "ok.txt", out.path()).unwrap();
    server.stop().unwrap();
}

#[test]
fn a_client_dying_mid_transfer_does_not_disturb_the_server() {
    let shared = tempfile::tempdir().unwrap();
    make_sample(&shared.path().join("big"), 32 * MIB).unwrap();
    let server = serve(shared.path());
    let (mut quitter, _) = raw(server.addr());
    wire::send(&mut quitter, &Request::get("big", 0)).unwrap();
    let _: Offer = read_answer(&mut quitter).unwrap();
    quitter.read_exact(&mut [0u8; 1000]).unwrap();
    drop(quitter);
    let out = tempfile::tempdir().unwrap();
    let mut client = connect(server.addr()).unwrap();
    get(&mut client, "big", out.path()).unwrap();
    server.stop().unwrap();
}

#[test]
fn one_client_too_many_is_told_the_server_is_busy() {
    let shared = tempfile::tempdir().unwrap();
    let server = serve_with(shared.path(), |c| c.max_clients = 1);
    let first = connect(server.addr()).unwrap();
    let error = connect(server.addr()).unwrap_err();
    assert!(
        matches!(&error, Error::Refused(m) if m.starts_with("server busy")),
        "{error}"
    );
    first.quit().unwrap();
    server.stop().unwrap();
}

#[test]
fn the_demo_tells_its_story() {
    let report = transfer::demo::report().unwrap();
    let kit::report::Run::Transfer(run) = &report.runs[0] else {
        panic!("the demo is one transfer run");
    };
    assert_eq!(run.catalogue.len(), 4);
    assert_eq!(run.downloads.len(), 2);
    assert!(run.downloads.iter().all(|d| d.identical));
    assert_eq!(run.code, kit::verdict::Code::Verified);
    let text = kit::render::plain(&report);
    assert!(
        text.contains("campus-tour.mkv") && text.contains("✓ identical"),
        "{text}"
    );
}

#[test]
fn a_refusal_frame_is_what_the_error_json_says() {
    let json = serde_json::to_string(&Refusal { error: "x".into() }).unwrap();
    assert_eq!(json, r#"{"error":"x"}"#);
    let json = serde_json::to_string(&Request::get("a", 7)).unwrap();
    assert_eq!(json, r#"{"get":"a","offset":7}"#);
}

// ---------------------------------------------------------------------
// What the server defends against: peers that hold slots, dribble,
// lie about lengths, or send what the protocol does not allow.
// ---------------------------------------------------------------------

#[test]
fn a_request_dribbled_under_the_idle_timeout_is_cut_off_at_its_deadline() {
    let shared = tempfile::tempdir().unwrap();
    let deadline = Duration::from_millis(600);
    let server = serve_with(shared.path(), |c| {
        c.idle_timeout = Duration::from_secs(5);
        c.request_timeout = deadline;
    });
    let (mut slow, _) = raw(server.addr());
    // A 100-byte request, announced and then sent a byte per 100 ms: never
    // idle, never finished.
    slow.write_all(&100u32.to_be_bytes()).unwrap();
    let started = Instant::now();
    let mut writer = slow.try_clone().unwrap();
    thread::spawn(move || {
        while writer.write_all(b" ").is_ok() {
            thread::sleep(Duration::from_millis(100));
        }
    });
    let answer: Result<Offer, Error> = read_answer(&mut slow);
    let took = started.elapsed();
    assert!(
        matches!(&answer, Err(Error::Refused(m)) if m.contains("--request-timeout")),
        "{answer:?}"
    );
    assert!(
        took >= deadline - Duration::from_millis(50) && took < Duration::from_secs(3),
        "cut off after {took:?}"
    );
    server.stop().unwrap();
}

#[cfg(target_os = "linux")]
#[test]
fn one_address_cannot_take_every_slot() {
    use std::net::Ipv4Addr;
    let shared = tempfile::tempdir().unwrap();
    fs::write(shared.path().join("ok.txt"), b"fine").unwrap();
    let server = serve_with(shared.path(), |c| {
        c.max_clients = 4;
        c.max_per_address = 2;
    });
    let other = Ipv4Addr::new(127, 0, 0, 2);
    let mut held = Vec::new();
    for _ in 0..2 {
        let mut stream = support::connect_from(other, server.addr());
        let _: Catalogue = read_answer(&mut stream).unwrap();
        held.push(stream);
    }
    let mut third = support::connect_from(other, server.addr());
    let busy: Result<Catalogue, Error> = read_answer(&mut third);
    assert!(
        matches!(&busy, Err(Error::Refused(m))
            if m.starts_with("server busy: 127.0.0.2 already has 2 connections")
                && m.contains("--max-per-address 2")),
        "{busy:?}"
    );
    // Another computer is still served.
    let out = tempfile::tempdir().unwrap();
    let mut client = connect(server.addr()).unwrap();
    get(&mut client, "ok.txt", out.path()).unwrap();
    drop(held);
    server.stop().unwrap();
}

#[cfg(not(target_os = "linux"))]
#[test]
fn one_address_cannot_take_every_slot() {
    eprintln!(
        "skipped: needs Linux, where all of 127.0.0.0/8 is loopback (127.0.0.2 is another computer)"
    );
}

#[test]
fn a_thread_that_cannot_start_gives_its_slot_back() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    let shared = tempfile::tempdir().unwrap();
    fs::write(shared.path().join("ok.txt"), b"fine").unwrap();
    let fail_once = Arc::new(AtomicBool::new(true));
    let server = serve_with(shared.path(), |c| {
        c.max_clients = 1;
        let real = transfer::server::os_threads();
        let fail_once = Arc::clone(&fail_once);
        c.spawn = Arc::new(move |name, job| {
            if fail_once.swap(false, Ordering::SeqCst) {
                return Err(std::io::Error::other("no threads left"));
            }
            real(name, job)
        });
    });
    let refused = connect(server.addr()).unwrap_err();
    assert!(
        matches!(&refused, Error::Refused(m)
            if m.contains("cannot start a thread") && m.contains("no threads left")),
        "{refused}"
    );
    // The only slot came back: the next client is served.
    let out = tempfile::tempdir().unwrap();
    let mut client = connect(server.addr()).unwrap();
    get(&mut client, "ok.txt", out.path()).unwrap();
    server.stop().unwrap();
}

#[cfg(unix)]
#[test]
fn a_file_rewritten_with_its_old_size_and_mtime_is_hashed_again() {
    use std::sync::Arc;
    use transfer::checksum::{Cache, RACY_WINDOW, Version};
    let shared = tempfile::tempdir().unwrap();
    let path = shared.path().join("notes.txt");
    fs::write(&path, b"version one!").unwrap();
    // The cache trusts only versions older than its racy window; let this
    // one age past it, as any file on a real server has.
    let age = fs::metadata(&path)
        .unwrap()
        .modified()
        .unwrap()
        .elapsed()
        .unwrap();
    thread::sleep((RACY_WINDOW + Duration::from_millis(200)).saturating_sub(age));
    let cache = Arc::new(Cache::default());
    let server = serve_with(shared.path(), |c| c.checksums = Arc::clone(&cache));
    let out = tempfile::tempdir().unwrap();
    let mut client = connect(server.addr()).unwrap();
    get(&mut client, "notes.txt", out.path()).unwrap();
    let served = fs::canonicalize(&path).unwrap();
    let before = fs::metadata(&path).unwrap();
    assert!(
        cache.get(&served, Version::of(&before)).is_some(),
        "the first download left its checksum in the cache"
    );

    // Same size, and the modification time put back, as `touch -d` or a
    // careful editor would: only the ctime tells.
    let file = fs::OpenOptions::new().write(true).open(&path).unwrap();
    (&file).write_all(b"version two!").unwrap();
    file.set_modified(before.modified().unwrap()).unwrap();
    drop(file);
    let after = fs::metadata(&path).unwrap();
    assert_eq!(after.len(), before.len());
    assert_eq!(after.modified().unwrap(), before.modified().unwrap());

    let overwrite = Saving {
        overwrite: true,
        ..Saving::into(out.path())
    };
    client
        .download("notes.txt", &overwrite, &mut Silent)
        .unwrap();
    assert_eq!(
        fs::read(out.path().join("notes.txt")).unwrap(),
        b"version two!"
    );
    server.stop().unwrap();
}

#[cfg(not(unix))]
#[test]
fn a_file_rewritten_with_its_old_size_and_mtime_is_hashed_again() {
    eprintln!("skipped: without a ctime (Windows) the server hashes every download afresh");
}

#[test]
fn hidden_files_are_neither_listed_nor_served_by_name() {
    let shared = tempfile::tempdir().unwrap();
    fs::write(shared.path().join(".env"), b"SECRET=1").unwrap();
    fs::write(shared.path().join("ok.txt"), b"fine").unwrap();
    let server = serve(shared.path());
    let (mut stream, catalogue) = raw(server.addr());
    let names: Vec<&str> = catalogue.files.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["ok.txt"]);
    wire::send(&mut stream, &Request::get(".env", 0)).unwrap();
    let answer: Result<Offer, Error> = read_answer(&mut stream);
    assert!(matches!(answer, Err(Error::Refused(_))), "{answer:?}");
    server.stop().unwrap();
}

#[test]
fn requests_with_wrong_types_or_unknown_keys_get_an_error_frame() {
    let shared = tempfile::tempdir().unwrap();
    fs::write(shared.path().join("ok.txt"), b"fine").unwrap();
    let server = serve(shared.path());
    for (json, says) in [
        (&br#"{"quit": false}"#[..], r#""quit" must be true"#),
        (br#"{"get": "ok.txt", "ofset": 2}"#, "unknown field `ofset`"),
        (br#"{"get": "ok.txt", "offset": "2"}"#, "invalid type"),
        (
            br#"{"quit": true, "get": "ok.txt"}"#,
            "unknown field `quit`",
        ),
    ] {
        let (mut stream, _) = raw(server.addr());
        codec::io::FrameWriter::new(&mut stream).send(json).unwrap();
        let answer: Result<Offer, Error> = read_answer(&mut stream);
        assert!(
            matches!(&answer, Err(Error::Refused(m)) if m.starts_with("malformed request") && m.contains(says)),
            "{}: {answer:?}",
            String::from_utf8_lossy(json)
        );
        assert_eq!(
            stream.read(&mut [0u8; 1]).unwrap(),
            0,
            "then the server closes"
        );
    }
    server.stop().unwrap();
}

#[test]
fn a_name_too_long_for_its_part_file_is_neither_listed_nor_saved() {
    let shared = tempfile::tempdir().unwrap();
    let longest = "a".repeat(transfer::names::MAX_NAME_LEN);
    let too_long = "b".repeat(255);
    fs::write(shared.path().join(&longest), b"fits").unwrap();
    fs::write(shared.path().join(&too_long), b"does not").unwrap();
    let server = serve(shared.path());
    let out = tempfile::tempdir().unwrap();
    let mut client = connect(server.addr()).unwrap();
    let names: Vec<&str> = client.files().iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, [longest.as_str()], "the 255-byte name is not listed");
    let folder = transfer::catalogue::Folder::open(shared.path()).unwrap();
    let left_out = folder.left_out().unwrap();
    assert_eq!(left_out.len(), 1);
    assert_eq!(left_out[0].0, too_long, "and the operator is told why");
    get(&mut client, &longest, out.path()).unwrap();
    assert_eq!(fs::read(out.path().join(&longest)).unwrap(), b"fits");
    server.stop().unwrap();

    // Another server lists it anyway: the client refuses before writing.
    let addr = hostile_server(&[&too_long], &too_long);
    let mut client = connect(addr).unwrap();
    let error = get(&mut client, &too_long, out.path()).unwrap_err();
    assert!(
        matches!(&error, Error::UnsafeName { why, .. } if why.contains("255-byte")),
        "{error}"
    );
    assert_eq!(entries(out.path()), [longest]);
}

// ---------------------------------------------------------------------
// What the client defends against: servers that stall, lie, or try to
// write on the student's terminal or over the student's files.
// ---------------------------------------------------------------------

/// A client as impatient as a test wants: `read` per read.
fn impatient(addr: SocketAddr, read: Duration) -> Result<Client, Error> {
    Client::connect(
        addr,
        Patience {
            connect: PATIENCE,
            read,
        },
    )
}

#[test]
fn a_server_that_stalls_before_the_catalogue_is_given_up_on() {
    let addr = scripted(stall);
    let started = Instant::now();
    let error = impatient(addr, Duration::from_millis(300)).unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(3));
    assert_eq!(
        error.to_string(),
        "the peer sent nothing for 0.3 s while waiting for the catalogue"
    );
    assert_eq!(error.exit_code(), 1);
}

#[test]
fn a_server_that_stalls_mid_body_leaves_a_part_to_resume() {
    let out = tempfile::tempdir().unwrap();
    let addr = support::stalls_mid_body("film.mkv", 10_000, 1234);
    let mut client = impatient(addr, Duration::from_millis(300)).unwrap();
    let error = get(&mut client, "film.mkv", out.path()).unwrap_err();
    assert!(
        matches!(&error, Error::Interrupted { have: 1234, .. }),
        "{error}"
    );
    let text = error.to_string();
    assert!(
        text.starts_with("the server sent nothing for 0.3 s (--timeout) after 1234 of 10000 bytes"),
        "{text}"
    );
    assert!(text.contains("film.mkv.part is kept"), "{text}");
    assert_eq!(entries(out.path()), ["film.mkv.part"]);
}

/// A server that lists `listed` bytes of `a.bin`, then offers `offered`
/// and announces a body of `body` bytes (sending none of it).
fn lying_server(listed: u64, offered: u64, body: u64) -> SocketAddr {
    scripted(move |mut stream| {
        wire::send(&mut stream, &catalogue(&[("a.bin", listed)])).unwrap();
        wire::recv_frame(&mut stream, wire::MAX_MESSAGE_LEN).unwrap();
        let offer = Offer {
            name: "a.bin".into(),
            size: offered,
            offset: 0,
            len: offered,
        };
        let _ = wire::send(&mut stream, &offer);
        let _ = stream.write_all(&wire::body_header(body));
        stall(stream);
    })
}

#[test]
fn an_offer_larger_than_the_catalogue_said_is_refused_before_a_byte_is_written() {
    let out = tempfile::tempdir().unwrap();
    let mut client = connect(lying_server(1024, 1_000_000_000_000, 1_000_000_000_000)).unwrap();
    let error = get(&mut client, "a.bin", out.path()).unwrap_err();
    assert!(
        error.to_string().contains(
            "the list said \"a.bin\" has 1024 bytes, the server now offers 1000000000000"
        ),
        "{error}"
    );
    assert!(entries(out.path()).is_empty(), "nothing written");
}

#[test]
fn a_body_longer_than_the_offer_is_refused() {
    let out = tempfile::tempdir().unwrap();
    let mut client = connect(lying_server(1024, 1024, 1 << 40)).unwrap();
    let error = get(&mut client, "a.bin", out.path()).unwrap_err();
    assert!(
        error
            .to_string()
            .contains("the offer promised 1024 bytes, the body announces 1099511627776"),
        "{error}"
    );
    assert!(!out.path().join("a.bin").exists());
}

#[test]
fn peer_text_reaches_the_terminal_escaped_and_such_names_are_not_saved() {
    let clear = "\u{1b}[2Jclear.txt";
    let reversed = "invoice\u{202e}fdp.exe";
    let out = tempfile::tempdir().unwrap();
    let addr = scripted(move |mut stream| {
        let files = catalogue(&[(clear, 3), (reversed, 3), ("ok.txt", 3)]);
        wire::send(&mut stream, &files).unwrap();
        wire::recv_frame(&mut stream, wire::MAX_MESSAGE_LEN).unwrap();
        let error = "\u{1b}]0;pwned\u{7}\u{1b}[2J no \u{202e}txt.exe".to_string();
        wire::send(&mut stream, &Refusal { error }).unwrap();
        stall(stream);
    });
    let mut client = connect(addr).unwrap();
    let shown = transfer::menu::listing(client.files());
    assert!(
        !shown.contains('\u{1b}') && !shown.contains('\u{202e}'),
        "{shown:?}"
    );
    assert!(shown.contains("[ 1] \\u{1b}[2Jclear.txt"), "{shown}");
    assert!(shown.contains("invoice\\u{202e}fdp.exe"), "{shown}");
    for name in [clear, reversed] {
        let error = get(&mut client, name, out.path()).unwrap_err();
        assert!(matches!(error, Error::UnsafeName { .. }), "{error}");
        let text = error.to_string();
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{202e}'),
            "{text:?}"
        );
    }
    let refused = get(&mut client, "ok.txt", out.path())
        .unwrap_err()
        .to_string();
    assert_eq!(
        refused,
        "the server refused: \\u{1b}]0;pwned\\u{7}\\u{1b}[2J no \\u{202e}txt.exe"
    );
    assert!(entries(out.path()).is_empty());
}

#[test]
fn the_server_log_escapes_what_clients_sent() {
    use std::sync::{Arc, Mutex};
    let shared = tempfile::tempdir().unwrap();
    let lines = Arc::new(Mutex::new(Vec::<String>::new()));
    let kept = Arc::clone(&lines);
    let server = serve_with(shared.path(), |c| {
        c.log = Arc::new(move |line| kept.lock().unwrap().push(line.to_string()));
    });
    let (mut stream, _) = raw(server.addr());
    wire::send(&mut stream, &Request::get("\u{1b}[2J\u{202e}", 0)).unwrap();
    let _: Result<Offer, Error> = read_answer(&mut stream);
    codec::io::FrameWriter::new(&mut stream)
        .send(br#"{"get":"a","\u001b[31m":1}"#)
        .unwrap();
    let _: Result<Offer, Error> = read_answer(&mut stream);
    assert_eq!(stream.read(&mut [0u8; 1]).unwrap(), 0);
    server.stop().unwrap();
    let lines = lines.lock().unwrap();
    let log = lines.join("\n");
    assert!(log.contains("refused"), "{log}");
    assert!(log.contains("unknown field"), "{log}");
    assert!(
        !log.contains('\u{1b}') && !log.contains('\u{202e}'),
        "{log:?}"
    );
}

#[test]
fn an_existing_file_is_replaced_only_with_overwrite() {
    let shared = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    fs::write(shared.path().join("a.txt"), b"new").unwrap();
    fs::write(out.path().join("a.txt"), b"mine").unwrap();
    let server = serve(shared.path());
    let mut client = connect(server.addr()).unwrap();
    let error = get(&mut client, "a.txt", out.path()).unwrap_err();
    assert!(matches!(error, Error::Exists { .. }), "{error}");
    assert!(error.to_string().contains("add --overwrite"), "{error}");
    assert_eq!(error.exit_code(), 2);
    assert_eq!(fs::read(out.path().join("a.txt")).unwrap(), b"mine");
    assert_eq!(entries(out.path()), ["a.txt"], "no .part either");

    let overwrite = Saving {
        overwrite: true,
        ..Saving::into(out.path())
    };
    let done = client.download("a.txt", &overwrite, &mut Silent).unwrap();
    assert!(done.replaced);
    assert!(
        done.to_string()
            .contains("(replacing the file that was there)"),
        "{done}"
    );
    assert_eq!(fs::read(out.path().join("a.txt")).unwrap(), b"new");
    server.stop().unwrap();
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_names_the_part_and_what_to_do() {
    let shared = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    make_sample(&shared.path().join("a.bin"), MIB).unwrap();
    // The .part leads to /dev/full, where every write fails with ENOSPC:
    // the kernel's own "no space left on device", through the client's
    // real file-writing path.
    std::os::unix::fs::symlink("/dev/full", out.path().join("a.bin.part")).unwrap();
    let server = serve(shared.path());
    let mut client = connect(server.addr()).unwrap();
    let error = get(&mut client, "a.bin", out.path()).unwrap_err();
    let text = error.to_string();
    assert!(
        matches!(
            &error,
            Error::Interrupted {
                cause: transfer::error::Cause::Disk(_),
                ..
            }
        ),
        "{text}"
    );
    let part = out.path().join("a.bin.part").display().to_string();
    assert!(
        text.starts_with(&format!("writing {part} failed after 0 of 1048576 bytes")),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "{part} is kept — free some space on that disk, then run"
        )) && text.contains("--resume"),
        "{text}"
    );
    assert_eq!(error.exit_code(), 1);
    server.stop().unwrap();
}

#[cfg(not(target_os = "linux"))]
#[test]
fn a_full_disk_names_the_part_and_what_to_do() {
    eprintln!("skipped: needs Linux's /dev/full");
}

#[test]
fn a_part_longer_than_the_file_is_refused_with_what_to_do() {
    let shared = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    fs::write(shared.path().join("a.txt"), b"abcd").unwrap();
    fs::write(out.path().join("a.txt.part"), b"0123456789").unwrap();
    let server = serve(shared.path());
    let mut client = connect(server.addr()).unwrap();
    let resume = Saving {
        resume: true,
        ..Saving::into(out.path())
    };
    let error = client.download("a.txt", &resume, &mut Silent).unwrap_err();
    let part = out.path().join("a.txt.part").display().to_string();
    assert_eq!(
        error.to_string(),
        format!(
            "{part} has 10 bytes but the file on the server has only 4, so it is not the start \
             of this file (the file changed, or the .part is another's); delete {part} and \
             download again without --resume"
        )
    );
    // Refused before asking: the connection is still in step.
    get(&mut client, "a.txt", out.path()).unwrap();
    server.stop().unwrap();
}

#[test]
fn a_failed_rename_names_the_verified_part() {
    let shared = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    fs::write(shared.path().join("a.txt"), b"abcd").unwrap();
    // A folder with something in it stands where the file should go.
    fs::create_dir(out.path().join("a.txt")).unwrap();
    fs::write(out.path().join("a.txt").join("keep"), b"x").unwrap();
    let server = serve(shared.path());
    let mut client = connect(server.addr()).unwrap();
    let overwrite = Saving {
        overwrite: true,
        ..Saving::into(out.path())
    };
    let error = client
        .download("a.txt", &overwrite, &mut Silent)
        .unwrap_err();
    let part = out.path().join("a.txt.part").display().to_string();
    let text = error.to_string();
    assert!(matches!(error, Error::RenameFailed { .. }), "{text}");
    assert!(
        text.contains(&format!("renaming {part} to"))
            && text.ends_with(&format!("the verified file is {part}: rename it yourself")),
        "{text}"
    );
    assert_eq!(fs::read(&part).unwrap(), b"abcd");
    server.stop().unwrap();
}
