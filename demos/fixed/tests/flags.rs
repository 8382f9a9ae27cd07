//! Every flag of fixed-server, fixed-client and fixed-slicer, alone and
//! together: no panic, and the exit code the README promises.

use testkit::flags::{Case, check, documented_flags};
use testkit::{Process, listening_addr, run};

const SERVER: &str = env!("CARGO_BIN_EXE_fixed-server");
const CLIENT: &str = env!("CARGO_BIN_EXE_fixed-client");
const SLICER: &str = env!("CARGO_BIN_EXE_fixed-slicer");

#[test]
fn every_documented_flag_of_the_pair_ends_with_the_promised_exit_code() {
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
            both(&["--scenario", "half", "--json"]),
            both(&["--scenario", "nagle", "--color", "never", "--timeout", "5"]),
            both(&["--message", "下雨", "--message", "it's"]),
            Case::Pair {
                server: &["--prompt"],
                client: &["--retry-secs", "2"],
                codes: (0, 0),
            },
            // Other frames than the server expects: a mismatch, exit 1.
            Case::Pair {
                server: &[],
                client: &["--scenario", "half"],
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
                args: &["--scenario", "tcp"],
                code: 2,
            },
            Case::Alone {
                program: SERVER,
                args: &["--timeout", "soon"],
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

/// The slicer sits between the two: every one of its flags at once, then
/// the command lines it must refuse.
#[test]
fn every_documented_flag_of_the_slicer_ends_with_the_promised_exit_code() {
    let slicer_flags = [
        "--average",
        "3",
        "--variation",
        "2",
        "--delay-us",
        "100",
        "--seed",
        "7",
        "--dump",
        "--once",
        "--retry-secs",
        "2",
        "--close-timeout",
        "2",
        "--color",
        "never",
        "--lang",
        "en",
    ];
    let mut server = Process::start(SERVER, &["--listen", "127.0.0.1:0", "--json"]);
    let upstream = listening_addr(&server.wait_for_stderr("listening on"));
    let mut args = vec!["--listen", "127.0.0.1:0", "--upstream", upstream.as_str()];
    args.extend_from_slice(&slicer_flags);
    let mut slicer = Process::start(SLICER, &args);
    let addr = listening_addr(&slicer.wait_for_stderr("listening on"));
    let client = run(CLIENT, &["--connect", &addr]);
    let (server, slicer) = (server.finish(), slicer.finish());
    assert_eq!(client.code, Some(0), "client: {}", client.stderr);
    assert_eq!(slicer.code, Some(0), "slicer: {}", slicer.stderr);
    assert_eq!(server.code, Some(0), "server: {}", server.stderr);
    assert!(
        slicer.stderr.contains("piece #"),
        "--dump: {}",
        slicer.stderr
    );

    let refused: [&[&str]; 6] = [
        &["--average", "0"],
        &["--listen", "127.0.0.1:9001", "--upstream", "127.0.0.1:9001"],
        &["--close-timeout", "0"],
        &["--delay-us", "-1"],
        &["--upstream", "nowhere"],
        &["--lang", "fr"],
    ];
    for line in refused {
        let finished = run(SLICER, line);
        assert_eq!(finished.code, Some(2), "{line:?}: {}", finished.stderr);
        assert!(!finished.stderr.contains("panicked"), "{}", finished.stderr);
    }
    for line in [["--help"], ["--version"]] {
        assert_eq!(run(SLICER, &line).code, Some(0), "{line:?}");
    }
    let used: Vec<&str> = slicer_flags
        .iter()
        .chain(refused.iter().flat_map(|l| l.iter()))
        .chain(&["--listen", "--upstream", "--help", "--version"])
        .copied()
        .filter(|f| f.starts_with("--"))
        .collect();
    for flag in documented_flags(SLICER) {
        assert!(
            used.contains(&flag.as_str()),
            "fixed-slicer's {flag} is not in the table"
        );
    }
}
