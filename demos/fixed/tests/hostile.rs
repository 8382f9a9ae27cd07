//! fixed-server against peers that do something else than fixed-client:
//! garbage, a stream cut inside a frame, other frames, a flood, a peer
//! that never closes. Each run still prints its story, ends by itself, and
//! exits with code 1 and one line that says what happened.

use std::io::{Read, Write};
use std::net::{Shutdown, TcpStream};
use std::time::Duration;
use testkit::{Finished, serve};

const SERVER: &str = env!("CARGO_BIN_EXE_fixed-server");
const CLIENT: &str = env!("CARGO_BIN_EXE_fixed-client");

/// The bytes of fixed-client's default traffic: the tutorial's two
/// messages, each behind a 4-byte big-endian length (38 B in all).
fn framed() -> Vec<u8> {
    let mut bytes = Vec::new();
    for message in ["下雨天留客天留人", "不留"] {
        bytes.extend((message.len() as u32).to_be_bytes());
        bytes.extend(message.as_bytes());
    }
    bytes
}

/// Runs fixed-server with `flags` against a peer that `behaves` as it
/// likes on the connection, then returns how the server ended.
fn against(flags: &[&str], behave: impl FnOnce(TcpStream)) -> Finished {
    let mut args = vec!["--json"];
    args.extend_from_slice(flags);
    let (server, addr) = serve(SERVER, &args);
    let peer = TcpStream::connect(&addr).expect("connect to fixed-server");
    behave(peer);
    server.finish()
}

/// Exit code 1, the report on stdout all the same, and one error line
/// containing `needle` and the flags to check.
fn assert_mismatch(finished: &Finished, code: &str, needle: &str) -> serde_json::Value {
    testkit::assert_one_line_error(finished, 1, needle);
    assert!(
        finished.stderr.contains("is fixed-client running with"),
        "a hint names the flags to match: {}",
        finished.stderr
    );
    let report = finished.json();
    assert_eq!(report["runs"][0]["code"], code, "{report}");
    report
}

#[test]
fn a_header_the_decoder_refuses_is_exit_1_with_the_story() {
    let finished = against(&[], |mut peer| {
        peer.write_all(&[0xff, 0xff, 0xff, 0xff, b'x']).unwrap();
        peer.shutdown(Shutdown::Write).unwrap();
    });
    let report = assert_mismatch(&finished, "unexpected", "the decoder stopped");
    assert_eq!(report["runs"][0]["recvs"][0]["len"], 5);
}

#[test]
fn a_stream_cut_inside_a_frame_says_what_was_expected_and_what_came() {
    let finished = against(&[], |mut peer| {
        peer.write_all(&framed()[..14]).unwrap();
    });
    let report = assert_mismatch(&finished, "cut_short", "the sender closed the connection");
    assert_eq!(
        report["runs"][0]["verdict"],
        "expected 2 frames (38 B); the sender closed the connection after 14 B, in 1 recv; \
         the decoder stopped: the stream ended 10 bytes into a 24-byte message"
    );
}

#[test]
fn frames_other_than_the_expected_ones_are_exit_1() {
    let (server, addr) = serve(SERVER, &["--json"]);
    let client = testkit::run(CLIENT, &["--connect", &addr, "--message", "其他"]);
    assert_eq!(client.code, Some(0), "the client sent what it was told");
    let finished = server.finish();
    assert_mismatch(&finished, "unexpected", "not those frames");
}

#[test]
fn a_peer_that_never_closes_ends_the_run_at_the_timeout() {
    let finished = against(&["--timeout", "1"], |mut peer| {
        peer.write_all(&framed()).unwrap();
        // Keep the connection open, sending nothing, until the server
        // gives up and closes it: then this read returns 0.
        peer.set_read_timeout(Some(Duration::from_secs(20)))
            .unwrap();
        assert_eq!(peer.read(&mut [0u8; 1]).unwrap(), 0, "the server closed");
    });
    let report = assert_mismatch(&finished, "peer_silent", "did not close the connection");
    let run = &report["runs"][0];
    assert_eq!(
        run["frames"].as_array().unwrap().len(),
        2,
        "both frames decoded"
    );
    assert!(
        run["verdict"]
            .as_str()
            .unwrap()
            .starts_with("2 frames sent, 1 recv returned them glued; the decoder rebuilt both"),
        "{run}"
    );
}

/// A peer that streams as fast as it can: the server keeps a screenful,
/// stops reading, and says so; its memory never follows the flood.
#[test]
fn a_flood_is_cut_off_after_a_bounded_number_of_bytes() {
    let finished = against(&["--prompt"], |mut peer| {
        peer.set_write_timeout(Some(Duration::from_secs(20)))
            .unwrap();
        let block = vec![b'x'; 64 * 1024];
        // Writes fail (reset or broken pipe) once the server has stopped
        // reading and closed: that is the event this loop waits for.
        let mut written = 0usize;
        while peer.write_all(&block).is_ok() {
            written += block.len();
            assert!(written < 1 << 30, "the server never stopped reading");
        }
    });
    let report = assert_mismatch(&finished, "unexpected", "stopped reading after");
    let kept: u64 = report["runs"][0]["recvs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["len"].as_u64().unwrap())
        .sum();
    // 38 expected bytes plus the 64 KiB of slack a receiver allows.
    assert!(kept <= 38 + 64 * 1024, "kept {kept} bytes");
}
