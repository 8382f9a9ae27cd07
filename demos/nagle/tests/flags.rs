//! Every flag of nagle-server and nagle-client, alone and paired: no
//! panic, and the exit code the README promises.

use testkit::flags::{Case, check};

const SERVER: &str = env!("CARGO_BIN_EXE_nagle-server");
const CLIENT: &str = env!("CARGO_BIN_EXE_nagle-client");

/// Variants that need a Linux socket option: elsewhere a usage error.
const LINUX_ONLY: [&str; 3] = ["quickack", "quickack-once", "cork"];

#[test]
fn every_documented_flag_ends_with_the_promised_exit_code() {
    let variants = [
        "nagle",
        "nodelay",
        "quickack",
        "quickack-once",
        "cork",
        "combined",
        "burst",
        "burst-nodelay",
    ];
    let mut cases: Vec<Case<'_>> = Vec::new();
    let lines: Vec<[&str; 4]> = variants
        .iter()
        .map(|&v| ["--variant", v, "--round-trips", "2"])
        .collect();
    for (variant, line) in variants.iter().zip(&lines) {
        if cfg!(not(target_os = "linux")) && LINUX_ONLY.contains(variant) {
            cases.push(Case::Alone {
                program: CLIENT,
                args: line,
                code: 2,
            });
        } else {
            cases.push(Case::Pair {
                server: line,
                client: line,
                codes: (0, 0),
            });
        }
    }
    cases.extend([
        Case::Pair {
            server: &["--json", "--color", "never"],
            client: &["--json", "--color", "always", "--retry-secs", "2"],
            codes: (0, 0),
        },
        // The server runs the burst, the client the stall: each waits for
        // what the other never sends, until --timeout.
        Case::Pair {
            server: &["--variant", "burst", "--timeout", "1"],
            client: &["--variant", "nagle", "--timeout", "1"],
            codes: (1, 1),
        },
        Case::Pair {
            server: &["--variant", "burst", "--lang", "zh"],
            client: &["--variant", "burst", "--lang", "en"],
            codes: (0, 0),
        },
        Case::Alone {
            program: SERVER,
            args: &["--lang", "fr"],
            code: 2,
        },
        Case::Alone {
            program: CLIENT,
            args: &["--round-trips", "0"],
            code: 2,
        },
        Case::Alone {
            program: SERVER,
            args: &["--variant", "fast"],
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
    ]);
    check(SERVER, CLIENT, &cases);
}
