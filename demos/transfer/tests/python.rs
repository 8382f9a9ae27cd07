//! The Python companions of the exercise (`python/`): the corrected video
//! client downloads from transfer-server, transfer-client downloads from
//! the corrected video server, and the tutorial's own pair breaks behind
//! the slicer. They need `python3`; where it does not run, each test says
//! so on stderr and passes without checking.

use fixed::slicer::{self, Slicing};
use std::fs;
use std::net::SocketAddr;
use std::time::Duration;
use testkit::{Process, free_port, listening_addr, python_file, python_skipped};

const SERVER: &str = env!("CARGO_BIN_EXE_transfer-server");
const CLIENT: &str = env!("CARGO_BIN_EXE_transfer-client");

fn script(relative: &str) -> String {
    python_file(env!("CARGO_MANIFEST_DIR"), relative)
}

/// A folder with a film of 300 000 bytes (every byte value) and a note.
fn server_movie() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let film: Vec<u8> = (0..300_000u32).map(|i| (i * 7 % 256) as u8).collect();
    fs::write(dir.path().join("lesson.mp4"), film).unwrap();
    fs::write(dir.path().join("notes.txt"), "下雨天留客天留人").unwrap();
    dir
}

#[test]
fn the_corrected_movie_client_downloads_from_transfer_server() {
    if python_skipped() {
        return;
    }
    let shared = server_movie();
    let out = tempfile::tempdir().unwrap();
    let mut server = Process::start(
        SERVER,
        &[
            "--listen",
            "127.0.0.1:0",
            "--dir",
            shared.path().to_str().unwrap(),
        ],
    );
    let addr = listening_addr(&server.wait_for_stderr("listening on"));
    let port = addr.rsplit(':').next().unwrap();
    // The tutorial's menu: a number, then q.
    let client = Process::start_with_input(
        "python3",
        &[
            &script("fixed/movie_client.py"),
            port,
            out.path().to_str().unwrap(),
        ],
        b"1\n2\nq\n",
    )
    .finish();
    server.kill();
    assert_eq!(client.code, Some(0), "{}{}", client.stdout, client.stderr);
    assert!(
        client.stdout.contains("lesson.mp4 保存成功"),
        "{}",
        client.stdout
    );
    for name in ["lesson.mp4", "notes.txt"] {
        let sent = fs::read(shared.path().join(name)).unwrap();
        assert_eq!(fs::read(out.path().join(name)).unwrap(), sent, "{name}");
    }
}

#[test]
fn transfer_client_downloads_from_the_corrected_movie_server() {
    if python_skipped() {
        return;
    }
    let shared = server_movie();
    let out = tempfile::tempdir().unwrap();
    let port = free_port().to_string();
    let mut server = Process::start(
        "python3",
        &[
            &script("fixed/movie_server.py"),
            &port,
            shared.path().to_str().unwrap(),
        ],
    );
    server.wait_for_stderr("listening on");
    let connect = format!("127.0.0.1:{port}");
    let list = testkit::run(CLIENT, &["--connect", &connect, "--list"]);
    let client = testkit::run(
        CLIENT,
        &[
            "--connect",
            &connect,
            "--get",
            "lesson.mp4",
            "--out",
            out.path().to_str().unwrap(),
        ],
    );
    server.kill();
    assert_eq!(list.code, Some(0), "{}", list.stderr);
    assert!(list.stdout.contains("lesson.mp4") && list.stdout.contains("notes.txt"));
    assert_eq!(client.code, Some(0), "{}", client.stderr);
    assert!(client.stdout.contains("verified"), "{}", client.stdout);
    let sent = fs::read(shared.path().join("lesson.mp4")).unwrap();
    assert_eq!(fs::read(out.path().join("lesson.mp4")).unwrap(), sent);
}

#[test]
fn the_tutorials_movie_pair_breaks_behind_the_slicer() {
    if python_skipped() {
        return;
    }
    let shared = server_movie();
    let out = tempfile::tempdir().unwrap();
    let port = free_port();
    let server = Process::start(
        "python3",
        &[
            &script("tutorial/movie_server.py"),
            &port.to_string(),
            shared.path().to_str().unwrap(),
        ],
    );
    // Pieces of 16 bytes, 50 ms apart: the client's first recv(1024) is
    // waiting long before the second piece comes, so it returns 16 bytes
    // of the pickled menu — on a busy machine too, where a client that is
    // a few milliseconds late would otherwise find every piece queued.
    let upstream = SocketAddr::from(([127, 0, 0, 1], port));
    let slicing = Slicing {
        average: 16,
        delay: Duration::from_millis(50),
        ..Slicing::default()
    };
    let (through, _forwarding) =
        slicer::spawn(SocketAddr::from(([127, 0, 0, 1], 0)), upstream, slicing).unwrap();
    let client = Process::start_with_input(
        "python3",
        &[
            &script("tutorial/movie_client.py"),
            &through.port().to_string(),
            out.path().to_str().unwrap(),
        ],
        b"1\nq\n",
    )
    .finish();
    server.kill();
    assert_ne!(client.code, Some(0), "{}", client.stdout);
    assert!(
        client.stderr.contains("pickle data was truncated") || client.stderr.contains("Unpickling"),
        "{}",
        client.stderr
    );
}
