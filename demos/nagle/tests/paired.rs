//! nagle-server and nagle-client as two real processes, in either order.

use testkit::{Process, assert_one_line_error, free_port};

const SERVER: &str = env!("CARGO_BIN_EXE_nagle-server");
const CLIENT: &str = env!("CARGO_BIN_EXE_nagle-client");

fn pair_server_first(variant: &[&str]) -> (serde_json::Value, serde_json::Value) {
    testkit::pair_server_first(SERVER, CLIENT, variant)
}

#[test]
fn the_stall_server_first_reports_round_trip_times() {
    let (server, client) = pair_server_first(&["--variant", "combined", "--round-trips", "5"]);
    assert_eq!(
        server["verdict"],
        "answered 5 requests; the round-trip times are on the client's screen"
    );
    assert_eq!(client["kind"], "timing");
    let row = &client["rows"][0];
    assert_eq!(row["round_trips"], 5);
    let rtt = &row["rtt_us"];
    assert!(rtt["median"].as_u64().unwrap() <= rtt["max"].as_u64().unwrap());
    testkit::assert_run_keys(&server, "tcp");
}

#[test]
fn the_stall_client_first() {
    let addr = format!("127.0.0.1:{}", free_port());
    let variant = ["--variant", "nodelay", "--round-trips", "3"];
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
    assert_eq!(
        server.json()["runs"][0]["verdict"],
        "answered 3 requests; the round-trip times are on the client's screen"
    );
    let row = &client.json()["runs"][0]["rows"][0];
    assert_eq!(row["knobs"]["nodelay"], true);
    assert!(row["rtt_us"]["median"].is_u64());
}

#[test]
fn the_burst_counts_segments_on_the_client_and_traces_bytes_on_the_server() {
    let (server, client) = pair_server_first(&["--variant", "burst"]);
    let got: String = server["recvs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["hex"].as_str().unwrap())
        .collect();
    assert_eq!(got, "313233343536373839");
    assert_eq!(client["sends"].as_array().unwrap().len(), 9);
    if cfg!(target_os = "linux") {
        assert_eq!(client["segments_out"], 2);
    }
}

#[test]
fn an_unknown_variant_is_a_usage_error() {
    assert_one_line_error(&testkit::run(CLIENT, &["--variant", "fast"]), 2, "fast");
}

/// A server and a client started with different variants each wait for
/// what the other never sends: both end after --timeout, exit 1, and name
/// the flag to match.
#[test]
fn mismatched_variants_end_by_themselves_and_name_the_flag_to_match() {
    let (server, addr) = testkit::serve(SERVER, &["--variant", "burst", "--timeout", "1"]);
    let client = testkit::run(
        CLIENT,
        &["--connect", &addr, "--variant", "nagle", "--timeout", "1"],
    );
    let server = server.finish();
    testkit::assert_one_line_error(
        &client,
        1,
        "is nagle-server running with the same flags: --variant nagle?",
    );
    testkit::assert_one_line_error(
        &server,
        1,
        "is nagle-client running with the same flags: --variant burst?",
    );
}
