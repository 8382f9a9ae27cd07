//! transfer-server and transfer-client as real processes.

mod support;

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::thread;
use std::time::{Duration, Instant};

use testkit::{assert_one_line_error, free_port, listening_addr, run};
use transfer::demo::make_sample;

const SERVER: &str = env!("CARGO_BIN_EXE_transfer-server");
const CLIENT: &str = env!("CARGO_BIN_EXE_transfer-client");

/// How long a test waits for a line the server should print.
const LOG_PATIENCE: Duration = Duration::from_secs(10);

/// A server process, killed when the test ends, however it ends.
struct ServerProcess {
    child: Child,
    addr: String,
    stderr: Receiver<String>,
    seen: Vec<String>,
}

impl ServerProcess {
    fn start(dir: &std::path::Path) -> ServerProcess {
        ServerProcess::start_with(dir, &[])
    }

    /// Starts the server on an ephemeral loopback port with `flags` added.
    fn start_with(dir: &std::path::Path, flags: &[&str]) -> ServerProcess {
        let mut child = Command::new(SERVER)
            .args(["--listen", "127.0.0.1:0", "--dir"])
            .arg(dir)
            .args(flags)
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
        let mut server = ServerProcess {
            child,
            addr: String::new(),
            stderr: rx,
            seen: Vec::new(),
        };
        let line = server.wait_for("listening on");
        server.addr = listening_addr(&line);
        server
    }

    /// Waits for a log line containing `needle` and returns it.
    fn wait_for(&mut self, needle: &str) -> String {
        let until = Instant::now() + LOG_PATIENCE;
        loop {
            let left = until.saturating_duration_since(Instant::now());
            match self.stderr.recv_timeout(left) {
                Ok(line) => {
                    self.seen.push(line.clone());
                    if line.contains(needle) {
                        return line;
                    }
                }
                Err(_) => panic!(
                    "the server logged no {needle:?}; it logged {:#?}",
                    self.seen
                ),
            }
        }
    }

    /// Every log line so far.
    #[cfg_attr(not(target_os = "linux"), allow(dead_code))]
    fn log(&mut self) -> &[String] {
        while let Ok(line) = self.stderr.try_recv() {
            self.seen.push(line);
        }
        &self.seen
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Runs the client's menu against `addr`, saving into `out`: shows it,
/// waits `think`, then types `input`. The client must succeed; returns
/// what it printed.
fn menu(addr: &str, out: &std::path::Path, think: Duration, input: &[u8]) -> String {
    let mut client = Command::new(CLIENT)
        .args(["--connect", addr, "--out"])
        .arg(out)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = client.stdin.take().unwrap();
    thread::sleep(think);
    stdin.write_all(input).unwrap();
    drop(stdin);
    let output = client.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stdout}\n{stderr}");
    assert!(
        stdout.contains("saved") && stdout.ends_with("bye\n"),
        "{stdout}"
    );
    stdout
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
    let stdout = menu(&server.addr, out.path(), Duration::ZERO, b"7\nabc\n1\nQ\n");
    assert!(
        stdout.contains("\"7\" is not a number from the list"),
        "{stdout}"
    );
    assert!(
        stdout.contains("\"abc\" is not a number from the list"),
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
    let out = tempfile::tempdir().unwrap();
    std::fs::write(out.path().join("a.txt"), "mine").unwrap();
    let dir = out.path().to_str().unwrap();
    let exists = run(
        CLIENT,
        &["--connect", &server.addr, "--get", "1", "--out", dir],
    );
    assert_one_line_error(&exists, 2, "already exists, so nothing was downloaded");
    assert_eq!(std::fs::read(out.path().join("a.txt")).unwrap(), b"mine");
    let no_wait = run(
        CLIENT,
        &["--connect", &server.addr, "--timeout", "0", "--list"],
    );
    assert_one_line_error(&no_wait, 2, "is no deadline: give more than 0 seconds");
    let no_deadline = run(SERVER, &["--dir", dir, "--request-timeout", "0"]);
    assert_one_line_error(&no_deadline, 2, "--request-timeout must be more than 0");
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

#[test]
fn a_student_thinking_at_the_menu_longer_than_the_idle_timeout_still_downloads() {
    let shared = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    std::fs::write(shared.path().join("a.txt"), "abc").unwrap();
    let mut server = ServerProcess::start_with(shared.path(), &["--idle-timeout", "1"]);
    // The student reads the menu for three seconds: the scenario itself.
    let stdout = menu(&server.addr, out.path(), Duration::from_secs(3), b"1\nq\n");
    server.wait_for("nothing arrived for 1 s between requests");
    assert!(
        stdout.contains(&format!(
            "(the server had closed the connection while you chose — it closes idle ones; \
             connected to {} again)",
            server.addr
        )),
        "{stdout}"
    );
    assert_eq!(std::fs::read(out.path().join("a.txt")).unwrap(), b"abc");
}

#[test]
fn a_stalled_download_names_its_part_and_the_exact_resume_command() {
    let out = tempfile::tempdir().unwrap();
    let addr = support::stalls_mid_body("film.mkv", 10_000, 4321).to_string();
    let dir = out.path().to_str().unwrap();
    let args = [
        "--connect",
        &addr,
        "--get",
        "film.mkv",
        "--out",
        dir,
        "--timeout",
        "0.5",
    ];
    let stalled = run(CLIENT, &args);
    let part = out.path().join("film.mkv.part");
    let command = format!("{CLIENT} {} --resume", args.join(" "));
    assert_one_line_error(
        &stalled,
        1,
        &format!(
            "the server sent nothing for 0.5 s (--timeout) after 4321 of 10000 bytes of \
             \"film.mkv\"; {} is kept — run {command} to finish it",
            part.display()
        ),
    );
    assert_eq!(std::fs::metadata(&part).unwrap().len(), 4321);
}

#[cfg(not(target_os = "linux"))]
#[test]
fn sixty_four_dribbling_connections_from_one_address_lock_nobody_out() {
    eprintln!(
        "skipped: needs Linux (all of 127.0.0.0/8 on loopback, and /proc/PID/status for the \
         server's peak memory)"
    );
}

#[cfg(not(target_os = "linux"))]
#[test]
fn out_of_file_descriptors_the_server_backs_off_and_logs_once_per_burst() {
    eprintln!("skipped: needs Linux (prlimit to take the server's file descriptors away)");
}

/// `VmHWM` (peak) and `VmRSS` (now) of process `pid`, in KiB.
#[cfg(target_os = "linux")]
fn memory_kib(pid: u32) -> (u64, u64) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let field = |name: &str| -> u64 {
        let line = status.lines().find(|l| l.starts_with(name)).unwrap();
        line.split_whitespace().nth(1).unwrap().parse().unwrap()
    };
    (field("VmHWM:"), field("VmRSS:"))
}

#[cfg(target_os = "linux")]
#[test]
fn sixty_four_dribbling_connections_from_one_address_lock_nobody_out() {
    use std::net::Ipv4Addr;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    use transfer::client::{Client, Patience, Saving};
    use transfer::message::Catalogue;
    use transfer::wire;

    let shared = tempfile::tempdir().unwrap();
    make_sample(&shared.path().join("lesson.mp4"), 4 << 20).unwrap();
    let server = ServerProcess::start(shared.path()); // every limit at its default
    let addr: std::net::SocketAddr = server.addr.parse().unwrap();
    // Sixty-four connections from one other computer. Each one served
    // announces a 64 KiB request and sends it a byte per 50 ms: never
    // idle, never done.
    let stop = Arc::new(AtomicBool::new(false));
    let mut dribblers = Vec::new();
    let mut turned_away = Vec::new();
    for _ in 0..64 {
        let mut stream = support::connect_from(Ipv4Addr::new(127, 0, 0, 2), addr);
        let first: Result<Catalogue, transfer::Error> =
            wire::expect(&mut stream, "the catalogue", 1 << 20, support::PATIENCE);
        match first {
            Ok(_) => {
                let stop = Arc::clone(&stop);
                dribblers.push(thread::spawn(move || {
                    let _ = stream.write_all(&(64u32 << 10).to_be_bytes());
                    while !stop.load(Ordering::SeqCst) && stream.write_all(b" ").is_ok() {
                        thread::sleep(Duration::from_millis(50));
                    }
                }));
            }
            Err(transfer::Error::Refused(busy)) => {
                assert!(busy.contains("--max-per-address 8"), "{busy}");
                turned_away.push(stream);
            }
            Err(other) => panic!("{other}"),
        }
    }
    assert_eq!((dribblers.len(), turned_away.len()), (8, 56));

    let t = Instant::now();
    let out = tempfile::tempdir().unwrap();
    let mut client = Client::connect(addr, Patience::default()).unwrap();
    assert_eq!(client.files()[0].name, "lesson.mp4");
    let saving = Saving::into(out.path());
    client
        .download("lesson.mp4", &saving, &mut transfer::progress::Silent)
        .unwrap();
    client.quit().unwrap();
    let took = t.elapsed();
    let (peak, now) = memory_kib(server.child.id());

    stop.store(true, Ordering::SeqCst);
    for dribbler in dribblers {
        dribbler.join().unwrap();
    }
    assert!(
        took < Duration::from_secs(5),
        "the real client took {took:?}"
    );
    assert!(
        peak < 64 << 10,
        "server peak RSS {peak} KiB (now {now} KiB) under the attack"
    );
}

/// Sets process `pid`'s soft limit on open files to `soft`; returns the
/// limit it had.
#[cfg(target_os = "linux")]
// prlimit(2) on another process has no safe wrapper in std.
#[allow(unsafe_code)]
fn limit_open_files(pid: u32, soft: u64) -> libc::rlimit {
    let mut old = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: prlimit reads `new` and writes `old`, both valid for the call.
    let done = unsafe {
        libc::prlimit(pid as i32, libc::RLIMIT_NOFILE, std::ptr::null(), &mut old) == 0 && {
            let new = libc::rlimit {
                rlim_cur: soft.min(old.rlim_max),
                rlim_max: old.rlim_max,
            };
            libc::prlimit(pid as i32, libc::RLIMIT_NOFILE, &new, std::ptr::null_mut()) == 0
        }
    };
    assert!(done, "prlimit: {}", std::io::Error::last_os_error());
    old
}

/// The descriptor process `pid` would get for the next file it opens:
/// the lowest number not in use. The limit on open files is a limit on
/// that number, so a limit of `next_descriptor(pid)` leaves none.
#[cfg(target_os = "linux")]
fn next_descriptor(pid: u32) -> u64 {
    let open: Vec<u64> = std::fs::read_dir(format!("/proc/{pid}/fd"))
        .unwrap()
        .filter_map(|entry| entry.ok()?.file_name().to_str()?.parse().ok())
        .collect();
    (0..).find(|fd| !open.contains(fd)).unwrap()
}

#[cfg(target_os = "linux")]
#[test]
fn out_of_file_descriptors_the_server_backs_off_and_logs_once_per_burst() {
    use std::io::Read;
    use std::net::TcpStream;
    use transfer::message::Catalogue;
    use transfer::wire;

    let shared = tempfile::tempdir().unwrap();
    std::fs::write(shared.path().join("a.txt"), "abc").unwrap();
    let mut server = ServerProcess::start(shared.path());
    let pid = server.child.id();
    let first = |stream: &mut TcpStream| -> Result<Catalogue, transfer::Error> {
        wire::expect(stream, "the catalogue", 1 << 20, support::PATIENCE)
    };

    // One descriptor left: the connection takes it, and listing the
    // folder then needs one more. The client is told so, not hung up on.
    let normal = limit_open_files(pid, next_descriptor(pid) + 1);
    let mut told = TcpStream::connect(&server.addr).unwrap();
    let answer = first(&mut told);
    assert!(
        matches!(&answer, Err(transfer::Error::Refused(m))
            if m.starts_with("the server cannot read its folder right now")),
        "{answer:?}"
    );
    assert_eq!(told.read(&mut [0u8; 1]).unwrap(), 0);

    // None left: every accept fails while the outage lasts. (`accept`
    // takes its descriptor before it waits, so the server, blocked in
    // `accept`, may still hold one for the first connection.) The kernel
    // completes each handshake all the same; the connections queue.
    limit_open_files(pid, next_descriptor(pid));
    let mut clients: Vec<TcpStream> = (0..5)
        .map(|_| TcpStream::connect(&server.addr).unwrap())
        .collect();
    server.wait_for("accept failed: Too many open files");
    // The outage lasts a second: a loop without a pause would log
    // thousands of lines meanwhile.
    thread::sleep(Duration::from_secs(1));
    let mut queued = Vec::new();
    for mut stream in clients.drain(..) {
        // Accepted and told something, or still in the queue; never
        // accepted and then hung up on without a word.
        stream.set_nonblocking(true).unwrap();
        let waiting = stream.peek(&mut [0u8; 1]);
        stream.set_nonblocking(false).unwrap();
        match waiting {
            Ok(0) => panic!("a connection was closed without an error frame"),
            Ok(_) => {
                let told = first(&mut stream);
                assert!(
                    matches!(&told, Ok(_) | Err(transfer::Error::Refused(_))),
                    "{told:?}"
                );
            }
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => queued.push(stream),
            Err(e) => panic!("{e}"),
        }
    }
    assert!(queued.len() >= 4, "the connections waited in the queue");

    // Descriptors again: the queue is served, and after a quiet second
    // the next accept sums the burst up.
    limit_open_files(pid, normal.rlim_cur);
    for stream in &mut queued {
        first(stream).unwrap();
    }
    thread::sleep(transfer::accept_failures::QUIET + Duration::from_millis(200));
    let mut fresh = TcpStream::connect(&server.addr).unwrap();
    let summary = server.wait_for("times in the last");
    first(&mut fresh).unwrap();
    let failures: u64 = summary
        .split("accept failed ")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{summary}"));
    let lines = server
        .log()
        .iter()
        .filter(|l| l.contains("accept failed"))
        .count();
    assert_eq!(lines, 2, "{:#?}", server.log());
    assert!((5..=30).contains(&failures), "{summary}");
    assert!(summary.ends_with("accepting again"), "{summary}");
}

/// Every flag of both programs, with the exit code the README promises
/// (0 done, 1 the peer or the network, 2 a command line that cannot
/// work), and no documented flag left out.
#[test]
fn every_documented_flag_ends_with_the_promised_exit_code() {
    let shared = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    make_sample(&shared.path().join("clip.mp4"), 64 * 1024 + 5).unwrap();
    let server_flags = [
        "--max-clients",
        "4",
        "--max-per-address",
        "2",
        "--idle-timeout",
        "5",
        "--request-timeout",
        "5",
    ];
    let server = ServerProcess::start_with(shared.path(), &server_flags);
    let addr = server.addr.as_str();
    let dir = out.path().to_str().unwrap();
    let client = |args: &[&str]| {
        let mut line = vec!["--connect", addr];
        line.extend_from_slice(args);
        run(CLIENT, &line)
    };
    let cases: [(&[&str], i32); 10] = [
        (&["--list", "--retry-secs", "1", "--timeout", "5"], 0),
        (&["--list", "--lang", "zh"], 0),
        (&["--list", "--lang", "fr"], 2),
        (&["--get", "1", "--out", dir], 0),
        // The file is there now: replacing it takes --overwrite.
        (&["--get", "1", "--out", dir], 2),
        (&["--get", "clip.mp4", "--out", dir, "--overwrite"], 0),
        (
            &["--get", "clip.mp4", "--out", dir, "--overwrite", "--resume"],
            0,
        ),
        (&["--get", "99", "--out", dir], 2),
        (&["--list", "--get", "1"], 2),
        (&["--timeout", "0", "--list"], 2),
    ];
    let mut used: Vec<&str> = vec!["--connect", "--dir", "--listen"];
    used.extend(server_flags.iter().filter(|f| f.starts_with("--")));
    for (args, code) in cases {
        let finished = client(args);
        assert!(
            !finished.stderr.contains("panicked"),
            "{args:?}: {}",
            finished.stderr
        );
        assert_eq!(finished.code, Some(code), "{args:?}: {}", finished.stderr);
        used.extend(args.iter().filter(|a| a.starts_with("--")));
    }
    drop(server);
    let nowhere = format!("127.0.0.1:{}", free_port());
    let alone: [(&str, &[&str], i32); 8] = [
        (
            CLIENT,
            &["--connect", &nowhere, "--retry-secs", "0", "--list"],
            1,
        ),
        (SERVER, &["--dir", "/no/such/folder"], 2),
        (SERVER, &["--dir", ".", "--max-clients", "0"], 2),
        (SERVER, &["--help"], 0),
        (SERVER, &["--help", "--lang", "zh"], 0),
        (SERVER, &["--version"], 0),
        (CLIENT, &["--help"], 0),
        (CLIENT, &["--version"], 0),
    ];
    for (program, args, code) in alone {
        let finished = run(program, args);
        assert_eq!(finished.code, Some(code), "{args:?}: {}", finished.stderr);
        used.extend(args.iter().filter(|a| a.starts_with("--")));
    }
    for program in [SERVER, CLIENT] {
        for flag in testkit::flags::documented_flags(program) {
            assert!(
                used.contains(&flag.as_str()),
                "{program} documents {flag}, but no case uses it"
            );
        }
    }
}
