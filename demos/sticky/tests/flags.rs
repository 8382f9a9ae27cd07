//! Every flag of sticky-server and sticky-client, alone and paired: no
//! panic, and the exit code the README promises.

use testkit::flags::{Case, check};

const SERVER: &str = env!("CARGO_BIN_EXE_sticky-server");
const CLIENT: &str = env!("CARGO_BIN_EXE_sticky-client");

#[test]
fn every_documented_flag_ends_with_the_promised_exit_code() {
    let port = format!("127.0.0.1:{}", testkit::free_port());
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
                server: &["--prompt", "--json", "--color", "never", "--timeout", "5"],
                client: &[
                    "--nodelay",
                    "on",
                    "--json",
                    "--color",
                    "always",
                    "--timeout",
                    "5",
                ],
                codes: (0, 0),
            },
            Case::Pair {
                server: &["--message", "你好", "--message", "it's"],
                client: &[
                    "--message",
                    "你好",
                    "--message",
                    "it's",
                    "--retry-secs",
                    "2",
                ],
                codes: (0, 0),
            },
            // The server expects other messages than the client sends.
            Case::Pair {
                server: &["--message", "other", "--timeout", "1"],
                client: &["--nodelay", "off"],
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
                args: &["--connect", &port, "--retry-secs", "0"],
                code: 1,
            },
            Case::Alone {
                program: SERVER,
                args: &["--listen", "300.1.2.3:9000"],
                code: 2,
            },
            Case::Alone {
                program: SERVER,
                args: &["--timeout", "0"],
                code: 2,
            },
            Case::Alone {
                program: CLIENT,
                args: &["--message", ""],
                code: 2,
            },
            Case::Alone {
                program: CLIENT,
                args: &["--nodelay", "maybe"],
                code: 2,
            },
            Case::Alone {
                program: CLIENT,
                args: &["--color", "sometimes"],
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

#[test]
fn version_names_the_program_and_the_lab() {
    for (program, name) in [(SERVER, "sticky-server"), (CLIENT, "sticky-client")] {
        let version = testkit::run(program, &["-V"]);
        assert_eq!(
            version.stdout,
            format!(
                "{name} · Sticky Packet Lab (粘包实验室) {}\n",
                env!("CARGO_PKG_VERSION")
            )
        );
    }
}
