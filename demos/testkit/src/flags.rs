//! Every binary, with every flag it documents: a table-driven check that
//! no combination panics and each ends with the exit code the README
//! promises (0 shown, 1 the peer did something else, 2 a command line that
//! cannot work).
//!
//! A crate lists its cases; [`check`] runs them — a server and its client
//! as two real processes where a flag needs a peer — and then reads each
//! program's `--help` to make sure no documented flag was left out of the
//! table.

use crate::run;
use std::collections::BTreeSet;

/// One line of the table.
#[derive(Debug, Clone, Copy)]
pub enum Case<'a> {
    /// The server with `server` flags (and `--listen 127.0.0.1:0`), then
    /// the client with `client` flags (and `--connect` to the server):
    /// their exit codes must be `codes` (server, client).
    Pair {
        /// The server's flags.
        server: &'a [&'a str],
        /// The client's flags.
        client: &'a [&'a str],
        /// The exit codes expected of the server and of the client.
        codes: (i32, i32),
    },
    /// One program alone with `args`, e.g. a command line that cannot work.
    Alone {
        /// The program's path.
        program: &'a str,
        /// Its arguments.
        args: &'a [&'a str],
        /// The exit code expected.
        code: i32,
    },
}

/// Runs every case of `cases` for the pair `server` / `client`, then checks
/// that every `--flag` in each program's `--help` appears in some case.
pub fn check(server: &str, client: &str, cases: &[Case<'_>]) {
    let mut used: BTreeSet<(String, String)> = BTreeSet::new();
    let mut note = |program: &str, args: &[&str]| {
        for arg in args.iter().filter(|a| a.starts_with("--")) {
            let name = arg.split('=').next().unwrap_or(arg);
            used.insert((program.to_string(), name.to_string()));
        }
    };
    for case in cases {
        match *case {
            Case::Pair {
                server: server_flags,
                client: client_flags,
                codes,
            } => {
                note(server, &["--listen"]);
                note(client, &["--connect"]);
                note(server, server_flags);
                note(client, client_flags);
                let (server_code, client_code) = pair(server, server_flags, client, client_flags);
                assert_eq!(
                    (server_code, client_code),
                    codes,
                    "exit codes (server, client) for {server_flags:?} / {client_flags:?}"
                );
            }
            Case::Alone {
                program,
                args,
                code,
            } => {
                note(program, args);
                let finished = run(program, args);
                assert_no_panic(&finished.stderr, program, args);
                assert_eq!(
                    finished.code,
                    Some(code),
                    "exit code of {program} {args:?}: {}",
                    finished.stderr
                );
            }
        }
    }
    for program in [server, client] {
        for flag in documented_flags(program) {
            assert!(
                used.contains(&(program.to_string(), flag.clone())),
                "{program} documents {flag} in --help, but no case of the table uses it"
            );
        }
    }
}

/// Runs a server and its client; returns their exit codes.
fn pair(server: &str, server_flags: &[&str], client: &str, client_flags: &[&str]) -> (i32, i32) {
    let (serving, addr) = crate::serve(server, server_flags);
    let mut args = vec!["--connect", addr.as_str()];
    args.extend_from_slice(client_flags);
    let client_run = run(client, &args);
    let server_run = serving.finish();
    assert_no_panic(&server_run.stderr, server, server_flags);
    assert_no_panic(&client_run.stderr, client, client_flags);
    let code = |c: Option<i32>| c.unwrap_or(-1);
    (code(server_run.code), code(client_run.code))
}

fn assert_no_panic(stderr: &str, program: &str, args: &[&str]) {
    assert!(
        !stderr.contains("panicked") && !stderr.contains("RUST_BACKTRACE"),
        "{program} {args:?} panicked:\n{stderr}"
    );
}

/// The long flags a program's `--help` lists, such as `--listen`.
#[must_use]
pub fn documented_flags(program: &str) -> Vec<String> {
    let help = run(program, &["--help"]);
    assert_eq!(help.code, Some(0), "{program} --help");
    help.stdout
        .lines()
        .filter_map(|line| {
            let line = line.trim_start();
            let line = line
                .strip_prefix("-h, ")
                .or(line.strip_prefix("-V, "))
                .unwrap_or(line);
            let flag: String = line
                .strip_prefix("--")?
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                .collect();
            (!flag.is_empty()).then(|| format!("--{flag}"))
        })
        .collect()
}
