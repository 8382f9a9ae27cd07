//! half-server and half-client as two real processes, for each variant and
//! in either order of start-up.

use std::net::TcpListener;
use std::thread;
use testkit::{Process, assert_one_line_error, free_port};

const SERVER: &str = env!("CARGO_BIN_EXE_half-server");
const CLIENT: &str = env!("CARGO_BIN_EXE_half-client");

/// Runs the pair with `variant` flags on both sides, server first, and
/// returns the server's run and the client's run.
fn server_first(variant: &[&str]) -> (serde_json::Value, serde_json::Value) {
    testkit::pair_server_first(SERVER, CLIENT, variant)
}

fn sizes(run: &serde_json::Value) -> Vec<u64> {
    run["recvs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["len"].as_u64().unwrap())
        .collect()
}

fn received_hex(run: &serde_json::Value) -> String {
    run["recvs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["hex"].as_str().unwrap())
        .collect()
}

#[test]
fn small_recv_buffer() {
    let (server, client) = server_first(&["--recv-size", "4"]);
    assert_eq!(sizes(&server), [4, 4, 4, 4, 4, 4, 4, 2]);
    assert_eq!(
        received_hex(&server),
        client["sends"][0]["hex"].as_str().unwrap()
    );
    assert_eq!(
        server["verdict"],
        "1 message sent, 8 recvs needed: each returned only part of it"
    );
    assert_eq!(server["half"], true);
}

#[test]
fn small_receive_queue() {
    let (server, client) = server_first(&["--rcvbuf", "4096"]);
    let applied = server["knobs"]["recv_buffer"].as_u64().unwrap();
    let sizes = sizes(&server);
    assert!(sizes.len() > 1);
    assert!(sizes.iter().all(|&n| n <= applied), "{sizes:?} ≤ {applied}");
    assert_eq!(sizes.iter().sum::<u64>(), 256 * 1024);
    assert_eq!(
        received_hex(&server),
        client["sends"][0]["hex"].as_str().unwrap()
    );
}

#[test]
fn staged_pieces_client_first() {
    let addr = format!("127.0.0.1:{}", free_port());
    let variant = ["--staged", "--pieces", "2,5,13"];
    let mut args = vec!["--connect", addr.as_str(), "--retry-secs", "20", "--json"];
    args.extend_from_slice(&variant);
    let mut client = Process::start(CLIENT, &args);
    client.wait_for_stderr("connecting to");
    let mut args = vec!["--listen", addr.as_str(), "--json"];
    args.extend_from_slice(&variant);
    let server = testkit::run(SERVER, &args);
    let client = client.finish();
    assert_eq!(server.code, Some(0), "{}", server.stderr);
    assert_eq!(client.code, Some(0), "{}", client.stderr);
    let server = &server.json()["runs"][0];
    assert_eq!(sizes(server), [2, 5, 13, 10]);
    assert_eq!(
        client.json()["runs"][0]["sends"][0]["pieces"],
        serde_json::json!([2, 5, 13, 10])
    );
}

#[test]
fn a_staged_client_whose_server_hangs_up_says_so() {
    let server = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = server.local_addr().unwrap().to_string();
    let hang_up = thread::spawn(move || drop(server.accept().unwrap()));
    let client = testkit::run(CLIENT, &["--connect", &addr, "--staged"]);
    hang_up.join().unwrap();
    assert_one_line_error(&client, 1, "closed the connection");
}

#[test]
fn pieces_longer_than_the_message_are_a_usage_error() {
    let run = testkit::run(CLIENT, &["--staged", "--pieces", "20,20"]);
    assert_one_line_error(&run, 2, "add up to 40 bytes");
}

/// A server with a small receive queue expects a 256 KiB message; a
/// client with the defaults sends the 30-byte sentence. The server says
/// which flag differs: --rcvbuf, not --message.
#[test]
fn a_mismatch_names_the_servers_own_variant_flags() {
    let (server, addr) = testkit::serve(SERVER, &["--rcvbuf", "--json"]);
    let client = testkit::run(CLIENT, &["--connect", &addr]);
    assert_eq!(client.code, Some(0), "{}", client.stderr);
    let server = server.finish();
    testkit::assert_one_line_error(
        &server,
        1,
        "is half-client running with the same flags: --rcvbuf 4096?",
    );
    assert_eq!(server.json()["runs"][0]["code"], "unexpected");
    assert!(!server.stderr.contains("--message"), "{}", server.stderr);
}

/// `--message` is one text on both sides (it once panicked in clap).
#[test]
fn a_message_of_ones_own_is_sent_and_traced() {
    let (run_server, run_client) = testkit::pair_server_first(
        SERVER,
        CLIENT,
        &["--message", "你好, it's me", "--recv-size", "4"],
    );
    assert_eq!(run_server["half"], true);
    assert_eq!(run_server["code"], "split");
    assert_eq!(run_client["sends"][0]["len"], "你好, it's me".len());
}
