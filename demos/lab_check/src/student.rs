//! The student's program: started with the port it should connect to, fed
//! its stdin, and stopped at the case's deadline whatever it does.

use std::io::{self, Read, Write};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::thread;
use std::time::{Duration, Instant};

/// The placeholder in the command line that becomes the port.
pub const PORT: &str = "{port}";

/// The most of the program's stdout that is kept: 1 MiB of messages is
/// 2 MiB of hex, and a program that prints without end must not fill this
/// computer's memory.
pub const STDOUT_LIMIT: usize = 64 * 1024 * 1024;

/// How often a wait for the program looks whether it has ended.
const POLL: Duration = Duration::from_millis(2);

/// The command that runs the student's program.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Student {
    argv: Vec<String>,
}

impl Student {
    /// The program `argv[0]` with its arguments; `{port}` in any of them
    /// is replaced by the port. If none holds `{port}`, the port is added
    /// as the last argument.
    pub fn new(argv: Vec<String>) -> Result<Student, String> {
        if argv.is_empty() {
            return Err(kit::tr!(crate::TEXT, "no-program"));
        }
        Ok(Student { argv })
    }

    /// The command line as given, `{port}` and all.
    #[must_use]
    pub fn argv(&self) -> &[String] {
        &self.argv
    }

    /// The command line for `port`.
    #[must_use]
    pub fn argv_for(&self, port: u16) -> Vec<String> {
        let port = port.to_string();
        let mut argv: Vec<String> = self.argv.iter().map(|a| a.replace(PORT, &port)).collect();
        if !self.argv.iter().any(|a| a.contains(PORT)) {
            argv.push(port);
        }
        argv
    }

    /// Starts the program for `port`, with `stdin` as its standard input
    /// (none: an empty one). The port is also in `LAB_CHECK_PORT`.
    pub fn start(&self, port: u16, stdin: Option<Vec<u8>>) -> io::Result<Running> {
        let argv = self.argv_for(port);
        let mut child = Command::new(&argv[0])
            .args(&argv[1..])
            .env("LAB_CHECK_PORT", port.to_string())
            .stdin(if stdin.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()?;
        if let (Some(mut pipe), Some(bytes)) = (child.stdin.take(), stdin) {
            // A program that never reads its stdin must not block us: the
            // writing happens in a thread of its own, which ends when the
            // program does.
            thread::spawn(move || {
                let _ = pipe.write_all(&bytes);
            });
        }
        let stdout = collect(child.stdout.take());
        let stderr = collect(child.stderr.take());
        Ok(Running {
            child,
            stdout,
            stderr,
        })
    }
}

/// Reads a pipe to its end in a thread, keeping at most [`STDOUT_LIMIT`].
fn collect<R: Read + Send + 'static>(pipe: Option<R>) -> Receiver<Vec<u8>> {
    let (tx, rx) = mpsc::channel();
    if let Some(mut pipe) = pipe {
        thread::spawn(move || {
            let mut kept = Vec::new();
            let mut chunk = [0u8; 64 * 1024];
            loop {
                match pipe.read(&mut chunk) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        let room = STDOUT_LIMIT.saturating_sub(kept.len());
                        kept.extend_from_slice(&chunk[..n.min(room)]);
                    }
                }
            }
            let _ = tx.send(kept);
        });
    }
    rx
}

/// A started program.
#[derive(Debug)]
pub struct Running {
    child: Child,
    stdout: Receiver<Vec<u8>>,
    stderr: Receiver<Vec<u8>>,
}

/// How the program ended.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Finished {
    /// Its exit code; `None` if it was killed (by us at the deadline, or by
    /// a signal).
    pub code: Option<i32>,
    /// It was still running at the deadline, and was killed.
    pub timed_out: bool,
    /// Everything it printed on stdout (up to [`STDOUT_LIMIT`]).
    pub stdout: Vec<u8>,
    /// Everything it printed on stderr, as text.
    pub stderr: String,
}

impl Finished {
    /// The last non-blank line it printed on stderr: where Python puts the
    /// exception that ended it.
    #[must_use]
    pub fn last_error_line(&self) -> Option<&str> {
        self.stderr
            .lines()
            .rev()
            .map(str::trim)
            .find(|l| !l.is_empty())
    }
}

impl Running {
    /// Whether the program has ended already.
    pub fn has_exited(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(Some(_)))
    }

    /// Waits for the program to end, and kills it at `deadline`.
    pub fn finish(mut self, deadline: Instant) -> Finished {
        let mut timed_out = false;
        let status = loop {
            match self.child.try_wait() {
                Ok(Some(status)) => break Some(status),
                Ok(None) if Instant::now() < deadline => thread::sleep(POLL),
                _ => {
                    timed_out = true;
                    let _ = self.child.kill();
                    break self.child.wait().ok();
                }
            }
        };
        // The pipes close when the program ends — unless it left a child of
        // its own holding them: then whatever came so far is not waited for.
        let drain =
            |rx: &Receiver<Vec<u8>>| rx.recv_timeout(Duration::from_secs(1)).unwrap_or_default();
        Finished {
            code: if timed_out {
                None
            } else {
                status.and_then(|s| s.code())
            },
            timed_out,
            stdout: drain(&self.stdout),
            stderr: String::from_utf8_lossy(&drain(&self.stderr)).into_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_port_replaces_the_placeholder_or_comes_last() {
        let with = Student::new(vec![
            "python3".into(),
            "r.py".into(),
            "--port={port}".into(),
        ]);
        assert_eq!(with.unwrap().argv_for(7), ["python3", "r.py", "--port=7"]);
        let without = Student::new(vec!["./r".into()]).unwrap();
        assert_eq!(without.argv_for(7), ["./r", "7"]);
        assert!(Student::new(Vec::new()).is_err());
    }
}
