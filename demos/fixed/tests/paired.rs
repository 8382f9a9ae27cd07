//! fixed-server and fixed-client as real processes — directly, and through
//! the slicer — and the sticky demo's own traffic through the slicer.

use fixed::slicer::{self, Slicing};
use kit::knobs::Knobs;
use kit::loopback::End;
use kit::queue::Patience;
use std::net::{SocketAddr, TcpListener};
use std::time::Duration;
use testkit::{Process, free_port, hex, listening_addr};

const SERVER: &str = env!("CARGO_BIN_EXE_fixed-server");
const CLIENT: &str = env!("CARGO_BIN_EXE_fixed-client");

fn frames(run: &serde_json::Value) -> Vec<String> {
    run["frames"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            assert_eq!(f["whole"], true, "{f}");
            f["hex"].as_str().unwrap().to_string()
        })
        .collect()
}

fn sizes(run: &serde_json::Value) -> Vec<u64> {
    run["recvs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["len"].as_u64().unwrap())
        .collect()
}

#[test]
fn sticky_traffic_server_first_every_frame_whole() {
    let mut server = Process::start(SERVER, &["--listen", "127.0.0.1:0", "--json"]);
    let addr = listening_addr(&server.wait_for_stderr("listening on"));
    let client = testkit::run(CLIENT, &["--connect", &addr, "--json"]);
    let server = server.finish();
    assert_eq!(
        (client.code, server.code),
        (Some(0), Some(0)),
        "{}",
        server.stderr
    );
    let run = &server.json()["runs"][0];
    assert_eq!(sizes(run), [38], "still glued: one recv");
    assert_eq!(frames(run), [hex("下雨天留客天留人"), hex("不留")]);
    assert_eq!(
        client.json()["runs"][0]["sends"][0]["hex"],
        format!("00000018{}", hex("下雨天留客天留人"))
    );
}

#[test]
fn half_traffic_client_first_every_frame_whole() {
    let addr = format!("127.0.0.1:{}", free_port());
    let mut client = Process::start(
        CLIENT,
        &[
            "--connect",
            &addr,
            "--scenario",
            "half",
            "--retry-secs",
            "20",
        ],
    );
    client.wait_for_stderr("connecting to");
    let server = testkit::run(SERVER, &["--listen", &addr, "--scenario", "half", "--json"]);
    assert_eq!(client.finish().code, Some(0));
    assert_eq!(server.code, Some(0), "{}", server.stderr);
    let run = &server.json()["runs"][0];
    assert_eq!(sizes(run), [16, 16, 2], "still split by recv(16)");
    assert_eq!(frames(run), [hex("下雨天留客天留人不留")]);
}

#[test]
fn byte_by_byte_through_the_slicer_every_frame_whole() {
    let mut server = Process::start(SERVER, &["--listen", "127.0.0.1:0", "--prompt", "--json"]);
    let upstream: SocketAddr = listening_addr(&server.wait_for_stderr("listening on"))
        .parse()
        .unwrap();
    // 10 ms between pieces: long enough for each byte to be read on its
    // own even on a loaded machine.
    let slicing = Slicing {
        average: 1,
        variation: 0,
        delay: Duration::from_millis(10),
        seed: 7,
    };
    let (addr, slicer) = slicer::spawn("127.0.0.1:0".parse().unwrap(), upstream, slicing).unwrap();
    let client = testkit::run(CLIENT, &["--connect", &addr.to_string()]);
    let server = server.finish();
    slicer.join().unwrap().unwrap();
    assert_eq!(
        (client.code, server.code),
        (Some(0), Some(0)),
        "{}",
        server.stderr
    );
    let run = &server.json()["runs"][0];
    let sizes = sizes(run);
    assert_eq!(sizes.iter().sum::<u64>(), 38);
    assert!(
        sizes.iter().all(|&n| n == 1),
        "one byte per recv: {sizes:?}"
    );
    assert_eq!(frames(run), [hex("下雨天留客天留人"), hex("不留")]);
}

/// The sticky demo's unframed messages through the slicer, read promptly:
/// the same bytes every time, cut differently for each seed.
#[test]
fn the_sticky_traffic_is_cut_differently_for_each_seed() {
    let chunks = |seed| {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let upstream = listener.local_addr().unwrap();
        let slicing = Slicing {
            average: 5,
            variation: 4,
            delay: Duration::from_millis(2),
            seed,
        };
        let (addr, slicer) =
            slicer::spawn("127.0.0.1:0".parse().unwrap(), upstream, slicing).unwrap();
        let receiver = std::thread::spawn(move || {
            let (stream, _) = listener.accept().unwrap();
            let end = End::new(stream, Default::default(), Duration::from_secs(10)).unwrap();
            sticky::recv(
                end,
                sticky::Reader::Prompt,
                1024,
                30,
                Patience::exact(Duration::from_secs(10)),
            )
            .unwrap()
            .0
        });
        let (stream, knobs) =
            kit::endpoint::connect(addr, &Knobs::default(), Duration::from_secs(5)).unwrap();
        let end = End::new(stream, knobs, Duration::from_secs(10)).unwrap();
        sticky::send(end, &sticky::tutorial_messages()).unwrap();
        let side = receiver.join().unwrap();
        slicer.join().unwrap().unwrap();
        let got: Vec<Vec<u8>> = side
            .journal
            .recvs()
            .iter()
            .map(|c| c.bytes.clone())
            .collect();
        assert_eq!(
            got.concat(),
            "下雨天留客天留人不留".as_bytes(),
            "seed {seed}: same bytes"
        );
        got.iter().map(Vec::len).collect::<Vec<_>>()
    };
    let (one, two) = (chunks(1), chunks(2));
    assert!(
        one.len() > 2 && two.len() > 2,
        "cut into pieces: {one:?} {two:?}"
    );
    assert_ne!(one, two, "different seeds cut differently");
}
