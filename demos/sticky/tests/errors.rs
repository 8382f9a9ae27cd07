//! Every bad input gets one line naming the problem and exit code 2
//! (usage) or 1 (run time) — never a panic or a backtrace.

use std::net::{TcpListener, TcpStream};
use testkit::{Process, assert_one_line_error, free_port, listening_addr};

const SERVER: &str = env!("CARGO_BIN_EXE_sticky-server");
const CLIENT: &str = env!("CARGO_BIN_EXE_sticky-client");

#[test]
fn an_unknown_option_is_a_usage_error() {
    let run = testkit::run(SERVER, &["--bogus"]);
    assert_one_line_error(&run, 2, "--bogus");
    let run = testkit::run(CLIENT, &["--nodelay", "maybe"]);
    assert_one_line_error(&run, 2, "maybe");
}

#[test]
fn an_address_that_does_not_parse_is_a_usage_error() {
    testkit::assert_addresses_are_checked(SERVER, CLIENT);
}

#[test]
fn an_empty_message_is_a_usage_error() {
    assert_one_line_error(
        &testkit::run(CLIENT, &["--message", ""]),
        2,
        "cannot be empty",
    );
}

#[test]
fn a_port_in_use_is_named() {
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap().to_string();
    let run = testkit::run(SERVER, &["--listen", &addr]);
    assert_one_line_error(&run, 1, "already in use");
}

#[test]
fn a_server_that_is_not_there_is_reported_after_the_retry_window() {
    let addr = format!("127.0.0.1:{}", free_port());
    let run = testkit::run(CLIENT, &["--connect", &addr, "--retry-secs", "0.3"]);
    assert_one_line_error(&run, 1, "no server answered");
}

#[test]
fn a_client_that_hangs_up_without_sending_is_reported() {
    let mut server = Process::start(SERVER, &["--listen", "127.0.0.1:0"]);
    let addr = listening_addr(&server.wait_for_stderr("listening on"));
    drop(TcpStream::connect(&addr).unwrap());
    assert_one_line_error(&server.finish(), 1, "closed the connection");
}
