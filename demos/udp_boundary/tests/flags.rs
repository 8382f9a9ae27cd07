//! Every flag of udp-server and udp-client, alone and paired: no panic,
//! and the exit code the README promises.

use testkit::flags::{Case, check};

const SERVER: &str = env!("CARGO_BIN_EXE_udp-server");
const CLIENT: &str = env!("CARGO_BIN_EXE_udp-client");

#[test]
fn every_documented_flag_ends_with_the_promised_exit_code() {
    let nobody = format!("127.0.0.1:{}", testkit::free_port());
    check(
        SERVER,
        CLIENT,
        &[
            Case::Pair {
                server: &[],
                client: &[],
                codes: (0, 0),
            },
            Case::Pair {
                server: &["--message", "a", "--message", "", "--json"],
                client: &[
                    "--message",
                    "a",
                    "--message",
                    "",
                    "--json",
                    "--retry-secs",
                    "2",
                ],
                codes: (0, 0),
            },
            // Truncation is part of the lesson, not a failure.
            Case::Pair {
                server: &["--recv-size", "16", "--color", "never"],
                client: &["--color", "always", "--timeout", "2"],
                codes: (0, 0),
            },
            // The server expects another datagram than the client sends.
            Case::Pair {
                server: &["--message", "other", "--timeout", "2"],
                client: &[],
                codes: (1, 0),
            },
            // A language the lab does not speak is refused before anything runs.
            Case::Alone {
                program: SERVER,
                args: &["--lang", "fr"],
                code: 2,
            },
            Case::Alone {
                program: CLIENT,
                args: &["--lang", "fr"],
                code: 2,
            },
            Case::Alone {
                program: CLIENT,
                args: &["--connect", &nobody, "--retry-secs", "0.3"],
                code: 1,
            },
            Case::Alone {
                program: SERVER,
                args: &["--recv-size", "0"],
                code: 2,
            },
            Case::Alone {
                program: SERVER,
                args: &["--recv-size", "70000"],
                code: 2,
            },
            Case::Alone {
                program: SERVER,
                args: &["--help"],
                code: 0,
            },
            Case::Alone {
                program: CLIENT,
                args: &["--help"],
                code: 0,
            },
            Case::Alone {
                program: SERVER,
                args: &["--version"],
                code: 0,
            },
            Case::Alone {
                program: CLIENT,
                args: &["--version"],
                code: 0,
            },
        ],
    );
}
