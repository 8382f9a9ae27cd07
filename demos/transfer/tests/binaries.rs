//! transfer-server and transfer-client as real processes.

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use testkit::{assert_one_line_error, free_port, listening_addr, run};
use transfer::demo::make_sample;

const SERVER: &str = env!("CARGO_BIN_EXE_transfer-server");
const CLIENT: &str = env!("CARGO_BIN_EXE_transfer-client");

/// A server process, killed when the test ends, however it ends.
struct ServerProcess {
    child: Child,
    addr: String,
}

impl ServerProcess {
    fn start(dir: &std::path::Path) -> ServerProcess {
        let mut child = Command::new(SERVER)
            .args(["--listen", "127.0.0.1:0", "--dir"])
            .arg(dir)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start transfer-server");
        let stderr = child.stderr.take().expect("piped stderr");
        let (tx, rx) = mpsc::channel();
        thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let line = loop {
            match rx.recv_timeout(Duration::from_secs(30)) {
                Ok(line) if line.contains("listening on") => break line,
                Ok(_) => {}
                Err(_) => {
                    let _ = child.kill();
                    panic!("transfer-server printed no listening line");
                }
            }
        };
        ServerProcess {
            child,
            addr: listening_addr(&line),
        }
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn the_client_downloads_from_the_server_process() {
    let shared = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    make_sample(&shared.path().join("clip.mp4"), 2 * 1024 * 1024 + 3).unwrap();
    std::fs::write(shared.path().join("notes.txt"), "下雨天留客天留人").unwrap();
    let server = ServerProcess::start(shared.path());
    let dir = out.path().to_str().unwrap();

    let listed = run(CLIENT, &["--connect", &server.addr, "--list"]);
    assert_eq!(listed.code, Some(0), "{}", listed.stderr);
    assert!(
        listed.stdout.contains("[ 1] clip.mp4  (2.0 MiB)"),
        "{}",
        listed.stdout
    );
    assert!(
        listed.stdout.contains("[ 2] notes.txt  (24 B)"),
        "{}",
        listed.stdout
    );

    let got = run(
        CLIENT,
        &["--connect", &server.addr, "--get", "1", "--out", dir],
    );
    assert_eq!(got.code, Some(0), "{}", got.stderr);
    assert!(got.stdout.contains("verified"), "{}", got.stdout);
    let got = run(
        CLIENT,
        &[
            "--connect",
            &server.addr,
            "--get",
            "notes.txt",
            "--out",
            dir,
        ],
    );
    assert_eq!(got.code, Some(0), "{}", got.stderr);
    assert_eq!(
        std::fs::read(out.path().join("clip.mp4")).unwrap(),
        std::fs::read(shared.path().join("clip.mp4")).unwrap()
    );
    assert_eq!(
        std::fs::read_to_string(out.path().join("notes.txt")).unwrap(),
        "下雨天留客天留人"
    );
}

#[test]
fn the_menu_reprompts_on_bad_input_and_quits_on_q() {
    let shared = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    std::fs::write(shared.path().join("a.txt"), "abc").unwrap();
    let server = ServerProcess::start(shared.path());
    let mut client = Command::new(CLIENT)
        .args(["--connect", &server.addr, "--out"])
        .arg(out.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    client
        .stdin
        .take()
        .unwrap()
        .write_all(b"7\nabc\n1\nQ\n")
        .unwrap();
    let output = client.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{stdout}");
    assert!(
        stdout.contains("\"7\" is not a number from the list"),
        "{stdout}"
    );
    assert!(
        stdout.contains("\"abc\" is not a number from the list"),
        "{stdout}"
    );
    assert!(
        stdout.contains("saved") && stdout.ends_with("bye\n"),
        "{stdout}"
    );
    assert_eq!(std::fs::read(out.path().join("a.txt")).unwrap(), b"abc");
}

#[test]
fn bad_input_is_one_line_and_an_exit_code() {
    let shared = tempfile::tempdir().unwrap();
    std::fs::write(shared.path().join("a.txt"), "abc").unwrap();
    let server = ServerProcess::start(shared.path());

    let missing = run(
        SERVER,
        &["--dir", "/no/such/folder", "--listen", "127.0.0.1:0"],
    );
    assert_one_line_error(&missing, 2, "cannot share /no/such/folder");
    let no_dir = run(SERVER, &["--listen", "127.0.0.1:0"]);
    assert_one_line_error(&no_dir, 2, "--dir");
    let bad_addr = run(CLIENT, &["--connect", "1.2.3:x", "--list"]);
    assert_one_line_error(&bad_addr, 2, "1.2.3:x");
    let no_such = run(CLIENT, &["--connect", &server.addr, "--get", "9"]);
    assert_one_line_error(&no_such, 2, "there is no file number 9");
    let bad_out = run(
        CLIENT,
        &["--connect", &server.addr, "--get", "1", "--out", "/no/such"],
    );
    assert_one_line_error(&bad_out, 2, "not an existing folder");
    let port = free_port().to_string();
    let nobody = run(
        CLIENT,
        &[
            "--connect",
            &format!("127.0.0.1:{port}"),
            "--retry-secs",
            "0",
            "--list",
        ],
    );
    assert_one_line_error(&nobody, 1, "no server answered");
}
