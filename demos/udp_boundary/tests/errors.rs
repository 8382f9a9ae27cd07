//! Every bad input gets one line naming the problem and exit code 2
//! (usage) or 1 (run time) — never a panic or a backtrace.

use std::net::UdpSocket;
use testkit::assert_one_line_error;

const SERVER: &str = env!("CARGO_BIN_EXE_udp-server");
const CLIENT: &str = env!("CARGO_BIN_EXE_udp-client");

#[test]
fn an_unknown_option_is_a_usage_error() {
    assert_one_line_error(&testkit::run(SERVER, &["--bogus"]), 2, "--bogus");
    assert_one_line_error(&testkit::run(CLIENT, &["--nodelay", "on"]), 2, "--nodelay");
    assert_one_line_error(&testkit::run(SERVER, &["--recv-size", "0"]), 2, "0");
}

#[test]
fn an_address_that_does_not_parse_is_a_usage_error() {
    testkit::assert_addresses_are_checked(SERVER, CLIENT);
}

#[test]
fn a_port_in_use_is_named() {
    let taken = UdpSocket::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap().to_string();
    assert_one_line_error(
        &testkit::run(SERVER, &["--listen", &addr]),
        1,
        "already in use",
    );
}

#[test]
fn no_server_within_the_retry_window_is_one_line_with_the_udp_port() {
    // A bound socket that never answers: the probes arrive and go unread.
    let silent = UdpSocket::bind("127.0.0.1:0").unwrap();
    let addr = silent.local_addr().unwrap();
    let run = testkit::run(
        CLIENT,
        &["--connect", &addr.to_string(), "--retry-secs", "0.3"],
    );
    assert_one_line_error(&run, 1, &format!("no udp-server answered at {addr} after"));
    assert!(run.stderr.contains(&format!("UDP port {}", addr.port())));

    // Nothing bound at all: the probes are refused.
    drop(silent);
    let run = testkit::run(
        CLIENT,
        &["--connect", &addr.to_string(), "--retry-secs", "0.3"],
    );
    assert_one_line_error(&run, 1, "no udp-server answered");
}
