//! sticky-server and sticky-client as two real processes, started in either
//! order: the same story as the in-process run.

use testkit::{Process, free_port, hex, listening_addr};

const SERVER: &str = env!("CARGO_BIN_EXE_sticky-server");
const CLIENT: &str = env!("CARGO_BIN_EXE_sticky-client");
const GLUED: &str =
    "2 messages sent, 1 recv returned them glued together: the receiver cannot tell where #1 ended";

/// The keys DESIGN §3 promises to graders.
fn assert_report_keys(report: &serde_json::Value) {
    testkit::assert_report_keys(report, "sticky", "tcp");
}

fn check_server(report: &serde_json::Value) {
    assert_report_keys(report);
    let run = &report["runs"][0];
    assert_eq!(run["verdict"], GLUED);
    assert_eq!(run["sticky"], true);
    assert_eq!(run["half"], false);
    let recvs = run["recvs"].as_array().unwrap();
    assert_eq!(recvs.len(), 1);
    assert_eq!(recvs[0]["len"], 30);
    assert_eq!(recvs[0]["hex"], hex("下雨天留客天留人不留"));
    let origin: Vec<(u64, u64, u64)> = recvs[0]["origin"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["send"].as_u64().unwrap(),
                p["start"].as_u64().unwrap(),
                p["end"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(origin, [(1, 0, 24), (2, 0, 6)]);
    assert!(
        run["sends"].as_array().unwrap().is_empty(),
        "a server reports its own side"
    );
}

fn check_client(report: &serde_json::Value) {
    assert_report_keys(report);
    let sends = report["runs"][0]["sends"].as_array().unwrap();
    assert_eq!(sends.len(), 2);
    assert_eq!(sends[0]["hex"], hex("下雨天留客天留人"));
    assert_eq!(sends[1]["hex"], hex("不留"));
    assert!(report["runs"][0]["recvs"].as_array().unwrap().is_empty());
}

#[test]
fn server_first() {
    let mut server = Process::start(SERVER, &["--listen", "127.0.0.1:0", "--json"]);
    let addr = listening_addr(&server.wait_for_stderr("listening on"));
    let client = testkit::run(CLIENT, &["--connect", &addr, "--nodelay", "on", "--json"]);
    let server = server.finish();
    assert_eq!(client.code, Some(0), "{}", client.stderr);
    assert_eq!(server.code, Some(0), "{}", server.stderr);
    check_client(&client.json());
    check_server(&server.json());
    if cfg!(target_os = "linux") {
        assert_eq!(
            client.json()["runs"][0]["segments_out"],
            2,
            "TCP_NODELAY: one segment per send"
        );
    }
}

#[test]
fn client_first() {
    let addr = format!("127.0.0.1:{}", free_port());
    let mut client = Process::start(
        CLIENT,
        &["--connect", &addr, "--retry-secs", "20", "--json"],
    );
    client.wait_for_stderr("connecting to");
    let server = testkit::run(SERVER, &["--listen", &addr, "--json"]);
    let client = client.finish();
    assert_eq!(server.code, Some(0), "{}", server.stderr);
    assert_eq!(client.code, Some(0), "{}", client.stderr);
    check_server(&server.json());
    check_client(&client.json());
}

#[test]
fn the_story_on_a_pipe_is_plain_text_with_the_origin_map() {
    let mut server = Process::start(SERVER, &["--listen", "127.0.0.1:0"]);
    let addr = listening_addr(&server.wait_for_stderr("listening on"));
    let client = testkit::run(CLIENT, &["--connect", &addr]);
    let server = server.finish();
    assert_eq!((client.code, server.code), (Some(0), Some(0)));
    assert!(!server.stdout.contains('\x1b'), "no colour into a pipe");
    assert!(server.stdout.contains("recv #1  30 B"), "{}", server.stdout);
    assert!(
        server.stdout.contains("= send #1 [0..24] + send #2 [0..6]"),
        "{}",
        server.stdout
    );
    // The verdict is wrapped for a projector: compare it with spaces folded.
    let words = testkit::words(&server.stdout);
    assert!(words.contains(GLUED), "{}", server.stdout);
    assert!(client.stdout.contains("send #1  24 B"), "{}", client.stdout);
}

#[test]
fn other_messages_on_both_sides_are_traced_and_foreign_ones_are_not() {
    let mut server = Process::start(
        SERVER,
        &[
            "--listen",
            "127.0.0.1:0",
            "--json",
            "--message",
            "ping",
            "--message",
            "pong",
            "--message",
            "!",
        ],
    );
    let addr = listening_addr(&server.wait_for_stderr("listening on"));
    let args = [
        "--connect",
        &addr,
        "--json",
        "--message",
        "ping",
        "--message",
        "pong",
        "--message",
        "!",
    ];
    assert_eq!(testkit::run(CLIENT, &args).code, Some(0));
    let run = &server.finish().json()["runs"][0];
    assert_eq!(run["recvs"][0]["len"], 9);
    assert_eq!(run["recvs"][0]["origin"].as_array().unwrap().len(), 3);

    // A server expecting the tutorial's messages cannot place "hello": it
    // waits until the sender goes quiet, then says so instead of guessing.
    let mut server = Process::start(SERVER, &["--listen", "127.0.0.1:0", "--json"]);
    let addr = listening_addr(&server.wait_for_stderr("listening on"));
    assert_eq!(
        testkit::run(CLIENT, &["--connect", &addr, "--message", "hello"]).code,
        Some(0)
    );
    let run = &server.finish().json()["runs"][0];
    assert_eq!(run["sticky"], serde_json::Value::Null);
    assert!(
        run["verdict"]
            .as_str()
            .unwrap()
            .contains("not the messages this side expected")
    );
    assert!(run["recvs"][0]["origin"].as_array().unwrap().is_empty());
}
