//! The Python companions of lessons 1 and 5 (`python/`) against the real
//! binaries: the corrected programs with fixed-server, fixed-client and the
//! slicer, and the tutorial's own programs behind the slicer, failing as
//! the lessons say. They need `python3`; where it does not run, each test
//! says so on stderr and passes without checking.

use testkit::{Finished, Process, free_port, listening_addr, python_file, python_skipped};

const SERVER: &str = env!("CARGO_BIN_EXE_fixed-server");
const CLIENT: &str = env!("CARGO_BIN_EXE_fixed-client");
const SLICER: &str = env!("CARGO_BIN_EXE_fixed-slicer");

fn script(relative: &str) -> String {
    python_file(env!("CARGO_MANIFEST_DIR"), relative)
}

/// `fixed-slicer` in front of `upstream_port`, serving one connection:
/// the slicer dials its server with retries, so a Python server that has
/// not bound its port yet is no race. Returns it and the port to dial.
fn slicer(upstream_port: u16, options: &[&str]) -> (Process, String) {
    let upstream = format!("127.0.0.1:{upstream_port}");
    let mut args = vec!["--listen", "127.0.0.1:0", "--upstream", &upstream, "--once"];
    args.extend_from_slice(options);
    let mut slicer = Process::start(SLICER, &args);
    let addr = listening_addr(&slicer.wait_for_stderr("listening on"));
    let port = addr.rsplit(':').next().expect("a port").to_string();
    (slicer, port)
}

/// A Python server and client, with the slicer between them; returns what
/// each printed.
fn python_pair(server: &str, client: &str, slicing: &[&str]) -> (Finished, Finished) {
    let port = free_port();
    let server = Process::start("python3", &[&script(server), &port.to_string()]);
    let (slicer, through) = slicer(port, slicing);
    let client = Process::start("python3", &[&script(client), &through]).finish();
    let _ = slicer.finish();
    (server.finish(), client)
}

#[test]
fn the_corrected_client_sends_frames_fixed_server_decodes() {
    if python_skipped() {
        return;
    }
    for slicing in [None, Some("1")] {
        let mut server = Process::start(SERVER, &["--listen", "127.0.0.1:0", "--json"]);
        let addr = listening_addr(&server.wait_for_stderr("listening on"));
        let port = addr.rsplit(':').next().unwrap().to_string();
        let (slicer, port) = match slicing {
            Some(average) => {
                let (slicer, through) = slicer(port.parse().unwrap(), &["--average", average]);
                (Some(slicer), through)
            }
            None => (None, port),
        };
        let client = Process::start("python3", &[&script("fixed/frame_client.py"), &port]).finish();
        assert_eq!(client.code, Some(0), "{}", client.stderr);
        let server = server.finish();
        assert_eq!(server.code, Some(0), "{}", server.stderr);
        let run = &server.json()["runs"][0];
        assert_eq!(run["code"], "frames_whole", "slicer {slicing:?}");
        if let Some(slicer) = slicer {
            assert!(slicer.finish().stderr.contains("38 B in 38 pieces"));
        }
    }
}

#[test]
fn the_corrected_server_reads_fixed_clients_frames_whole_behind_the_slicer() {
    if python_skipped() {
        return;
    }
    // Straight, and through pieces of 1 byte with the nagle scenario's ten
    // frames.
    let port = free_port();
    let server = Process::start(
        "python3",
        &[&script("fixed/frame_server.py"), &port.to_string()],
    );
    let connect = format!("127.0.0.1:{port}");
    let client = testkit::run(CLIENT, &["--connect", &connect]);
    assert_eq!(client.code, Some(0), "{}", client.stderr);
    let server = server.finish();
    assert_eq!(
        server.stdout, "24 下雨天留客天留人\n6 不留\n",
        "{}",
        server.stderr
    );

    let port = free_port();
    let server = Process::start(
        "python3",
        &[&script("fixed/frame_server.py"), &port.to_string()],
    );
    let (slicer, through) = slicer(port, &["--average", "1"]);
    let connect = format!("127.0.0.1:{through}");
    let client = testkit::run(CLIENT, &["--connect", &connect, "--scenario", "nagle"]);
    assert_eq!(client.code, Some(0), "{}", client.stderr);
    assert!(slicer.finish().stderr.contains("70 B in 70 pieces"));
    let lines: Vec<String> = server.finish().stdout.lines().map(String::from).collect();
    assert_eq!(lines.len(), 10, "{lines:?}");
    assert!(lines.iter().all(|l| l.starts_with("3 ")), "{lines:?}");
}

#[test]
fn the_tutorials_sticky_pair_breaks_behind_the_slicer() {
    if python_skipped() {
        return;
    }
    // Pieces of 5 bytes: the server's first recv is 下 and two thirds of 雨.
    // 50 ms apart, so that a Python slowed by a busy machine still reads
    // each piece before the next one arrives, rather than two glued.
    let (server, client) = python_pair(
        "tutorial/sticky_server.py",
        "tutorial/sticky_client.py",
        &["--average", "5", "--delay-us", "50000"],
    );
    assert_eq!(client.code, Some(0), "{}", client.stderr);
    assert_ne!(server.code, Some(0), "{}", server.stdout);
    assert!(
        server.stderr.contains("UnicodeDecodeError"),
        "{}",
        server.stderr
    );
}

#[test]
fn the_corrected_header_pair_comes_through_any_slicing() {
    if python_skipped() {
        return;
    }
    for slicing in [
        &["--average", "500", "--delay-us", "2000"][..],
        &["--average", "3", "--variation", "2", "--seed", "7"],
    ] {
        let (server, client) =
            python_pair("fixed/header_server.py", "fixed/header_client.py", slicing);
        assert_eq!(server.code, Some(0), "{}", server.stderr);
        assert_eq!(client.code, Some(0), "{}", client.stderr);
        assert_eq!(
            client.stdout,
            "1320 of 1320 bytes; 110 times 重要信息\n24 of 24 bytes; 0 times 重要信息\n"
        );
    }
}

#[test]
fn the_tutorials_header_pair_loses_bytes_behind_the_slicer() {
    if python_skipped() {
        return;
    }
    // docs/pitfalls.md (a): pieces of 500 B (there 5 ms apart; here 50 ms,
    // so that a Python slowed by a busy machine still meets each piece in
    // a recv of its own rather than two glued into one of 1000 B or more).
    let (_, client) = python_pair(
        "tutorial/header_server.py",
        "tutorial/header_client.py",
        &["--average", "500", "--delay-us", "50000"],
    );
    assert!(
        !client.stdout.starts_with("1320 of 1320 bytes"),
        "the counting loop should have stopped early: {}{}",
        client.stdout,
        client.stderr
    );
}
