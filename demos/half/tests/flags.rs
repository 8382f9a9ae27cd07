//! Every flag of half-server and half-client, alone and paired: no panic,
//! and the exit code the README promises.

use testkit::flags::{Case, check};

const SERVER: &str = env!("CARGO_BIN_EXE_half-server");
const CLIENT: &str = env!("CARGO_BIN_EXE_half-client");

#[test]
fn every_documented_flag_ends_with_the_promised_exit_code() {
    let both = |flags: &'static [&'static str]| Case::Pair {
        server: flags,
        client: flags,
        codes: (0, 0),
    };
    check(
        SERVER,
        CLIENT,
        &[
            both(&[]),
            both(&["--recv-size", "4", "--json"]),
            both(&["--message", "你好", "--recv-size", "2", "--color", "never"]),
            both(&["--rcvbuf"]),
            both(&["--rcvbuf", "8192", "--size", "100000", "--timeout", "5"]),
            both(&["--staged"]),
            both(&["--staged", "--pieces", "1,2", "--message", "hi!"]),
            // A server with a small queue, a client with the default variant.
            Case::Pair {
                server: &["--rcvbuf", "--timeout", "1"],
                client: &[],
                codes: (1, 0),
            },
            // A staged client waits for answers that a late reader never
            // sends: both give up after --timeout.
            Case::Pair {
                server: &["--timeout", "1"],
                client: &["--staged", "--timeout", "1", "--retry-secs", "2"],
                codes: (1, 1),
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
                program: SERVER,
                args: &["--recv-size", "0"],
                code: 2,
            },
            Case::Alone {
                program: CLIENT,
                args: &["--rcvbuf", "--staged"],
                code: 2,
            },
            Case::Alone {
                program: CLIENT,
                args: &["--staged", "--pieces", "0,1"],
                code: 2,
            },
            Case::Alone {
                program: CLIENT,
                args: &["--staged", "--pieces", "40"],
                code: 2,
            },
            Case::Alone {
                program: SERVER,
                args: &["--rcvbuf", "--size", "0"],
                code: 2,
            },
            Case::Alone {
                program: SERVER,
                args: &["--message", ""],
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
