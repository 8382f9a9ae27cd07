//! Running the lab's binaries as real processes in tests: start one, wait
//! for a line it prints, collect its output, and never hang — every wait
//! has a deadline, and a process still running at the end is killed.

pub mod flags;
pub mod redact;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};

/// How long any single process may take in a test.
pub const DEADLINE: Duration = Duration::from_secs(30);

/// A running binary with its stdout collected in the background and its
/// stderr readable line by line.
pub struct Process {
    child: Child,
    stdout: Receiver<String>,
    stderr: Receiver<String>,
    seen: Vec<String>,
}

/// How a process ended.
#[derive(Debug)]
pub struct Finished {
    /// The exit code (`None` if killed by a signal).
    pub code: Option<i32>,
    /// Everything it printed on stdout.
    pub stdout: String,
    /// Everything it printed on stderr.
    pub stderr: String,
}

impl Finished {
    /// The stdout parsed as one JSON document.
    #[must_use]
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| {
            panic!(
                "stdout is not JSON ({e}):\n{}\nstderr:\n{}",
                self.stdout, self.stderr
            )
        })
    }
}

/// The locale a program under test starts with unless a test says
/// otherwise: the lab's programs speak the language the locale names, and
/// a test written for English output must not turn Chinese on a computer
/// set to Chinese. (Empty means unset, as `setlocale` reads it.)
const ENGLISH: [(&str, &str); 3] = [("LC_ALL", ""), ("LC_MESSAGES", ""), ("LANG", "C.UTF-8")];

impl Process {
    /// Starts `program` with `args`, no stdin, and `NO_COLOR` and `COLUMNS`
    /// unset (a test's output must not depend on the terminal it was
    /// started from).
    #[must_use]
    pub fn start(program: &str, args: &[&str]) -> Process {
        Process::start_with_env(program, args, &[])
    }

    /// Starts `program` with `args` and extra environment variables.
    #[must_use]
    pub fn start_with_env(program: &str, args: &[&str], env: &[(&str, &str)]) -> Process {
        let mut command = Command::new(program);
        command
            .env_remove("NO_COLOR")
            .env_remove("COLUMNS")
            .envs(ENGLISH)
            .envs(env.iter().copied());
        Process::spawn(command, args, None)
    }

    /// Starts `program` with `args` in the folder `dir` (for a command line
    /// that names files relative to it, as the docs write them).
    #[must_use]
    pub fn start_from(dir: &Path, program: &str, args: &[&str]) -> Process {
        let mut command = Command::new(program);
        command
            .current_dir(dir)
            .env_remove("NO_COLOR")
            .env_remove("COLUMNS")
            .envs(ENGLISH);
        Process::spawn(command, args, None)
    }

    /// Starts `program` in the folder `dir` with `args` and *only* the
    /// environment `env`: a program as it runs on a computer that has none
    /// of this one's tools (no Cargo on the `PATH`, no `CARGO_*`).
    #[must_use]
    pub fn start_in(dir: &Path, program: &str, args: &[&str], env: &[(&str, &str)]) -> Process {
        let mut command = Command::new(program);
        command
            .current_dir(dir)
            .env_clear()
            .envs(env.iter().copied());
        Process::spawn(command, args, None)
    }

    /// Starts `program` with `args`, with `input` on its stdin (then the
    /// end of it): a person typing at a menu.
    #[must_use]
    pub fn start_with_input(program: &str, args: &[&str], input: &[u8]) -> Process {
        let mut command = Command::new(program);
        command
            .env_remove("NO_COLOR")
            .env_remove("COLUMNS")
            .envs(ENGLISH);
        Process::spawn(command, args, Some(input))
    }

    fn spawn(mut command: Command, args: &[&str], input: Option<&[u8]>) -> Process {
        let program = command.get_program().to_string_lossy().into_owned();
        let mut child = command
            .args(args)
            .stdin(if input.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {program}: {e}"));
        if let (Some(mut stdin), Some(input)) = (child.stdin.take(), input) {
            let input = input.to_vec();
            // In a thread: a program that never reads its stdin must not
            // block the test.
            thread::spawn(move || {
                let _ = stdin.write_all(&input);
            });
        }
        let mut out = child.stdout.take().expect("piped stdout");
        let err = child.stderr.take().expect("piped stderr");
        let (out_tx, stdout) = mpsc::channel();
        thread::spawn(move || {
            let mut text = String::new();
            let _ = out.read_to_string(&mut text);
            let _ = out_tx.send(text);
        });
        let (err_tx, stderr) = mpsc::channel();
        thread::spawn(move || {
            for line in BufReader::new(err).lines().map_while(Result::ok) {
                if err_tx.send(line).is_err() {
                    break;
                }
            }
        });
        Process {
            child,
            stdout,
            stderr,
            seen: Vec::new(),
        }
    }

    /// Waits for a stderr line containing `needle` and returns it.
    pub fn wait_for_stderr(&mut self, needle: &str) -> String {
        self.wait_for_stderr_line(|line| line.contains(needle))
    }

    /// Waits for a stderr line that `wanted` accepts and returns it.
    pub fn wait_for_stderr_line(&mut self, wanted: impl Fn(&str) -> bool) -> String {
        let until = Instant::now() + DEADLINE;
        loop {
            let left = until.saturating_duration_since(Instant::now());
            if let Ok(line) = self.stderr.recv_timeout(left) {
                self.seen.push(line.clone());
                if wanted(&line) {
                    return line;
                }
            } else {
                let _ = self.child.kill();
                panic!("no such stderr line; saw {:?}", self.seen);
            }
        }
    }

    /// The operating system's id of the process.
    #[must_use]
    pub fn id(&self) -> u32 {
        self.child.id()
    }

    /// Ends a process that would otherwise run until stopped (a server
    /// without `--once`).
    pub fn kill(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// Waits for the process to end (killing it past the deadline).
    #[must_use]
    pub fn finish(mut self) -> Finished {
        let stdout = match self.stdout.recv_timeout(DEADLINE) {
            Ok(text) => text,
            Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => {
                let _ = self.child.kill();
                let _ = self.child.wait();
                panic!(
                    "process did not finish within {DEADLINE:?}; stderr so far {:?}",
                    self.seen
                );
            }
        };
        let status = self.child.wait().expect("wait for the child");
        let mut stderr = self.seen;
        // stdout closed, so the process is gone and stderr ends soon too.
        while let Ok(line) = self.stderr.recv_timeout(DEADLINE) {
            stderr.push(line);
        }
        Finished {
            code: status.code(),
            stdout,
            stderr: stderr.join("\n"),
        }
    }
}

/// Whether a test of the Python companions must skip: `python3` does not
/// run here, which it says on stderr (see [`no_python`]).
#[must_use]
pub fn python_skipped() -> bool {
    if let Some(why) = no_python() {
        eprintln!("skipped: {why}; the Python companions were not run");
        return true;
    }
    false
}

/// Why `python3` cannot run the Python companions here, if it cannot.
/// Tests of Python programs print this and skip (python3 is on every Linux
/// CI machine; a Windows or macOS computer may lack it).
#[must_use]
pub fn no_python() -> Option<&'static str> {
    static CHECK: std::sync::OnceLock<Option<&'static str>> = std::sync::OnceLock::new();
    *CHECK.get_or_init(|| match Command::new("python3").arg("--version").output() {
        Ok(out) if out.status.success() => None,
        _ => Some("python3 is not installed (or does not run) on this computer"),
    })
}

/// The path of `python/RELATIVE` in the workspace, as a string for a
/// command line (`manifest_dir` is the calling crate's `CARGO_MANIFEST_DIR`).
#[must_use]
pub fn python_file(manifest_dir: &str, relative: &str) -> String {
    std::path::Path::new(manifest_dir)
        .join("../../python")
        .join(relative)
        .to_string_lossy()
        .into_owned()
}

/// Runs `program` to the end.
#[must_use]
pub fn run(program: &str, args: &[&str]) -> Finished {
    Process::start(program, args).finish()
}

/// A loopback port that was free a moment ago: bound to `127.0.0.1:0`,
/// then released, for a test that must start a client before its server.
#[must_use]
pub fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind an ephemeral port");
    listener.local_addr().expect("local address").port()
}

/// The address a server printed in its "listening on ADDR" line.
#[must_use]
pub fn listening_addr(line: &str) -> String {
    // The first `IP:PORT` of the line, in whichever language it is said:
    // `listening on 127.0.0.1:9000 — …`, `正在监听 127.0.0.1:9000——…`.
    line.split(|c: char| !(c.is_ascii_hexdigit() || ".:[]".contains(c)))
        .find(|piece| piece.parse::<std::net::SocketAddr>().is_ok())
        .unwrap_or_else(|| panic!("not a listening line: {line}"))
        .to_string()
}

/// Whether `line` is a server's start-up line, in English or in Chinese.
#[must_use]
pub fn is_listening_line(line: &str) -> bool {
    line.contains("listening on") || line.contains("监听")
}

/// Asserts that a failed run printed exactly one line on stderr, starting
/// with `error:` and containing `needle`, and exited with `code`.
pub fn assert_one_line_error(finished: &Finished, code: i32, needle: &str) {
    assert_eq!(
        finished.code,
        Some(code),
        "exit code; stderr: {}",
        finished.stderr
    );
    let lines: Vec<&str> = finished
        .stderr
        .lines()
        .filter(|l| l.starts_with("error"))
        .collect();
    assert_eq!(lines.len(), 1, "one error line: {}", finished.stderr);
    assert!(
        lines[0].contains(needle),
        "{:?} should mention {needle:?}",
        lines[0]
    );
    assert!(
        !finished.stderr.contains("panicked"),
        "no panic: {}",
        finished.stderr
    );
    assert!(
        !finished.stderr.contains("backtrace"),
        "no backtrace: {}",
        finished.stderr
    );
}

/// Asserts `report` is a report of `demo` whose first run carries every
/// key graders rely on, over `transport`.
pub fn assert_report_keys(report: &serde_json::Value, demo: &str, transport: &str) {
    assert_eq!(report["demo"], demo);
    assert_run_keys(&report["runs"][0], transport);
}

/// Asserts `run` carries every key of a run that graders and scripts rely
/// on (the report format's promise: new keys may come, these never go),
/// and that it went over `transport`.
pub fn assert_run_keys(run: &serde_json::Value, transport: &str) {
    for key in [
        "label",
        "transport",
        "knobs",
        "sends",
        "recvs",
        "sticky",
        "half",
        "verdict",
    ] {
        assert!(run.get(key).is_some(), "run lacks {key:?}: {run}");
    }
    assert_eq!(run["transport"], transport);
}

/// Starts the server `program` on an ephemeral loopback port with `flags`;
/// returns it and the address it says it listens on.
#[must_use]
pub fn serve(program: &str, flags: &[&str]) -> (Process, String) {
    let mut args = vec!["--listen", "127.0.0.1:0"];
    args.extend_from_slice(flags);
    let mut server = Process::start(program, &args);
    let addr = listening_addr(&server.wait_for_stderr_line(is_listening_line));
    (server, addr)
}

/// Starts `server` on an ephemeral loopback port, then `client` against it,
/// both with `--json` and the same `shared` flags; both must succeed.
/// Returns the first run of the server's report and of the client's.
#[must_use]
pub fn pair_server_first(
    server: &str,
    client: &str,
    shared: &[&str],
) -> (serde_json::Value, serde_json::Value) {
    let mut args = vec!["--json"];
    args.extend_from_slice(shared);
    let (server, addr) = serve(server, &args);
    let mut args = vec!["--connect", addr.as_str(), "--json"];
    args.extend_from_slice(shared);
    let client = run(client, &args);
    let server = server.finish();
    assert_eq!(client.code, Some(0), "client: {}", client.stderr);
    assert_eq!(server.code, Some(0), "server: {}", server.stderr);
    (
        server.json()["runs"][0].clone(),
        client.json()["runs"][0].clone(),
    )
}

/// The UTF-8 bytes of `text` as the JSON report writes them: lowercase
/// hex, no separators.
#[must_use]
pub fn hex(text: &str) -> String {
    text.bytes().map(|b| format!("{b:02x}")).collect()
}

/// `text` with every run of white space folded to one space: the story
/// wraps long lines for a projector, so tests compare words, not layout.
#[must_use]
pub fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Asserts that a client and a server refuse addresses they cannot use
/// with a one-line usage error: a client address without a port, a server
/// address that is no IP at all.
pub fn assert_addresses_are_checked(server: &str, client: &str) {
    assert_one_line_error(&run(client, &["--connect", "192.168.1.20"]), 2, "no port");
    assert_one_line_error(
        &run(server, &["--listen", "300.1.2.3:9000"]),
        2,
        "300.1.2.3:9000",
    );
}
