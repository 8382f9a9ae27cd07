//! Running what an `output:` annotation names: one program, or a server,
//! perhaps the slicer, and a client, connected over 127.0.0.1.
//!
//! The order is fixed by the programs' roles, not by the annotation:
//! servers first, each told `--listen 127.0.0.1:0` (a Python server gets a
//! free port as its argument), then the slicer (`--listen 127.0.0.1:0
//! --upstream SERVER --once`), then the clients (`--connect` to the slicer
//! or the server; a Python client gets the port). A listening address is
//! read from the program's own start-up line on stderr (`listening on
//! ADDR`; with `--lang zh`, `正在监听 ADDR` or `正在 ADDR 上监听`) — never
//! guessed after a sleep. A client with no server in the session is
//! pointed at a free port, so that it finds nobody. Every wait has
//! testkit's deadline.
//!
//! A server the docs show listening on 0.0.0.0 (every network card) listens
//! on 127.0.0.1 here; its start-up line (in English or in Chinese) is then
//! rewritten to the address the docs used, with the client hint from `kit::cli::address_for_clients`.

use super::binaries;
use super::command::{self, Command, Program};
use super::python;
use crate::cached::{self, Output};
use std::net::SocketAddr;
use std::time::{Duration, Instant};
use testkit::Process;

/// Why a session was not run (python3 missing), or what the shown program
/// printed.
pub type Outcome = Result<Output, &'static str>;

/// Runs `shown` with the programs `with` (once per distinct session) and
/// returns what `shown` printed. `page` is where Python scripts come from.
pub fn run(page: &str, shown: &str, with: &[String]) -> Outcome {
    let parse = |text: &str| command::parse(text).unwrap_or_else(|e| panic!("{e}"));
    let shown = parse(shown);
    let others: Vec<Command> = with.iter().map(|w| parse(w)).collect();
    let all: Vec<&Command> = std::iter::once(&shown).chain(&others).collect();
    if all.iter().any(|c| matches!(c.program, Program::Python(_))) {
        if let Some(why) = python::missing() {
            return Err(why);
        }
    }
    // One run per session, shared by every block that quotes a part of it
    // (and by the Chinese page, unless a Python script comes from the page).
    let mut texts: Vec<String> = all.iter().map(|c| format!("{c:?}")).collect();
    texts.sort();
    let python = all.iter().any(|c| matches!(c.program, Program::Python(_)));
    let session_key = format!("{} {}", if python { page } else { "" }, texts.join(" + "));
    let key = |c: &Command| format!("{session_key} → {c:?}");
    Ok(cached::once(&key(&shown), || {
        let outputs = session(page, &all);
        for (command, output) in &outputs {
            if *command != &shown {
                cached::once(&key(command), || output.clone());
            }
        }
        outputs
            .into_iter()
            .find(|(c, _)| *c == &shown)
            .map(|(_, output)| output)
            .expect("the shown program ran")
    }))
}

/// A started program, and its command.
struct Started<'a> {
    command: &'a Command,
    process: Process,
}

/// Runs every program of a session; returns what each printed.
fn session<'a>(page: &str, all: &[&'a Command]) -> Vec<(&'a Command, Output)> {
    if let [only] = all {
        if only.program == Program::Tour {
            let args: Vec<&str> = only.args.iter().map(String::as_str).collect();
            let tour = binaries::tour();
            return vec![(
                *only,
                cached::run(tour.to_str().expect("a UTF-8 path"), &args),
            )];
        }
    }
    if let [only] = all {
        if only.name() == "lab-check" {
            // Not one of a pair: it starts the student's program itself, named
            // by a path relative to the workspace, as the docs write it.
            let args: Vec<&str> = only.args.iter().map(String::as_str).collect();
            let path = binaries::binary("lab-check");
            let finished = Process::start_from(
                &binaries::workspace(),
                path.to_str().expect("a UTF-8 path"),
                &args,
            )
            .finish();
            return vec![(
                *only,
                Output {
                    code: finished.code,
                    stdout: finished.stdout,
                    stderr: finished.stderr,
                },
            )];
        }
    }
    let mut started: Vec<Started> = Vec::new();
    let mut target: Option<SocketAddr> = None;
    for server in all.iter().filter(|c| c.is_server()) {
        let (process, addr) = listen(page, server, &[]);
        started.push(Started {
            command: server,
            process,
        });
        target = Some(addr);
    }
    for slicer in all.iter().filter(|c| c.is_slicer()) {
        let upstream = target.expect("a slicer needs a server").to_string();
        let mut extra = vec!["--upstream", upstream.as_str()];
        if !slicer.args.iter().any(|a| a == "--once") {
            extra.push("--once");
        }
        let (process, addr) = listen(page, slicer, &extra);
        started.push(Started {
            command: slicer,
            process,
        });
        target = Some(addr);
    }
    let target = target.unwrap_or_else(|| SocketAddr::from(([127, 0, 0, 1], testkit::free_port())));
    for client in all.iter().filter(|c| !c.is_server() && !c.is_slicer()) {
        let process = if let Program::Python(name) = &client.program {
            // A Python client does not retry: wait until its server listens.
            wait_listening(target.port());
            start_python(page, name, client, target.port())
        } else {
            let mut args = client.args_without_addresses();
            let connect = match client.option("--connect") {
                // An address of the docs' own, to a server not in the session.
                Some(addr) if started.is_empty() && !addr.ends_with(":9000") => addr.to_string(),
                _ => target.to_string(),
            };
            args.extend(["--connect".to_string(), connect]);
            start_binary(client, &args)
        };
        started.push(Started {
            command: client,
            process,
        });
    }
    // Clients first: a server ends when its client is done.
    let mut outputs = Vec::new();
    for item in started.into_iter().rev() {
        let finished = item.process.finish();
        let mut output = Output {
            code: finished.code,
            stdout: finished.stdout,
            stderr: finished.stderr,
        };
        if let Some(docs) = item.command.option("--listen") {
            output = as_the_docs_listened(output, docs);
        }
        outputs.push((item.command, output));
    }
    outputs
}

/// Starts a listening program on an ephemeral loopback port and returns
/// it with the address it reports.
fn listen(page: &str, command: &Command, extra: &[&str]) -> (Process, SocketAddr) {
    if let Program::Python(name) = &command.program {
        let port = testkit::free_port();
        let process = start_python(page, name, command, port);
        return (process, SocketAddr::from(([127, 0, 0, 1], port)));
    }
    let mut args = command.args_without_addresses();
    args.extend(["--listen", "127.0.0.1:0"].map(String::from));
    args.extend(extra.iter().map(std::string::ToString::to_string));
    let mut process = start_binary(command, &args);
    let line = loop {
        // Any line; the start-up line says `listening on` in English and
        // `监听` in Chinese (`--lang zh`).
        let line = process.wait_for_stderr("");
        if line.contains("127.0.0.1:") && (line.contains("listening on ") || line.contains("监听"))
        {
            break line;
        }
    };
    let addr = loopback_addr(&line)
        .parse()
        .unwrap_or_else(|e| panic!("{line}: {e}"));
    (process, addr)
}

/// The first `127.0.0.1:PORT` of a start-up line, in either language: the
/// address a program told `--listen 127.0.0.1:0` listens on.
fn loopback_addr(line: &str) -> String {
    let at = line
        .find("127.0.0.1:")
        .unwrap_or_else(|| panic!("not a listening line: {line}"));
    let rest = &line[at + "127.0.0.1:".len()..];
    let port: String = rest.chars().take_while(char::is_ascii_digit).collect();
    format!("127.0.0.1:{port}")
}

fn start_binary(command: &Command, args: &[String]) -> Process {
    let path = match &command.program {
        Program::Tour => binaries::tour(),
        Program::Binary(name) => binaries::binary(name),
        Program::Python(_) => unreachable!("started by start_python"),
    };
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    Process::start(path.to_str().expect("a UTF-8 path"), &args)
}

fn start_python(page: &str, name: &str, command: &Command, port: u16) -> Process {
    let script = python::file(page, name);
    let mut args = vec![script.to_string_lossy().into_owned()];
    args.extend(command.args_without_addresses());
    args.push(port.to_string());
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    Process::start("python3", &args)
}

/// Waits until something listens on 127.0.0.1:`port` (Linux: read from
/// `/proc/net/tcp`, which does not connect and so takes nothing from the
/// server's single `accept`). Elsewhere a Python client simply starts.
fn wait_listening(port: u16) {
    let local = format!("0100007F:{port:04X}");
    let until = Instant::now() + testkit::DEADLINE;
    while Instant::now() < until {
        let Ok(table) = std::fs::read_to_string("/proc/net/tcp") else {
            return;
        };
        let listening = table.lines().skip(1).any(|row| {
            let fields: Vec<&str> = row.split_whitespace().collect();
            fields.get(1) == Some(&local.as_str()) && fields.get(3) == Some(&"0A")
        });
        if listening {
            return;
        }
        // Polling a kernel table, not sleeping in place of a signal.
        std::thread::sleep(Duration::from_millis(5));
    }
    panic!(
        "nothing listened on 127.0.0.1:{port} within {:?}",
        testkit::DEADLINE
    );
}

/// `output` of a server the docs started with `--listen DOCS`: where DOCS
/// is 0.0.0.0, its start-up line says what it would have said there.
fn as_the_docs_listened(mut output: Output, docs: &str) -> Output {
    let Ok(addr) = docs.parse::<SocketAddr>() else {
        return output;
    };
    if !addr.ip().is_unspecified() {
        return output;
    }
    let lines: Vec<String> = output
        .stderr
        .lines()
        .map(|line| {
            if let Some(line) = as_the_docs_listened_zh(line, addr) {
                return line;
            }
            match line.split_once(" listening on ") {
                Some((program, rest)) => {
                    let hint = rest.split(" — now start ").nth(1).unwrap_or_default();
                    let (client, after) = hint.split_once(" --connect ").unwrap_or((hint, ""));
                    let flags = after
                        .split_once(' ')
                        .map(|(_, flags)| format!(" {flags}"))
                        .unwrap_or_default();
                    let clients = kit::cli::address_for_clients(addr);
                    format!(
                        "{program} listening on {addr} — now start {client} --connect {}{flags}{}",
                        clients.addr, clients.note
                    )
                }
                None => line.to_string(),
            }
        })
        .collect();
    output.stderr = lines.join("\n");
    output
}

/// The Chinese start-up line (`PROGRAM：正在监听 ADDR——现在启动 CLIENT
/// --connect …`) as it would have read on `addr`, or `None` for any other
/// line.
fn as_the_docs_listened_zh(line: &str, addr: SocketAddr) -> Option<String> {
    let (program, rest) = line.split_once("：正在监听 ")?;
    let hint = rest.split("——现在启动 ").nth(1).unwrap_or_default();
    let (client, after) = hint.split_once(" --connect ").unwrap_or((hint, ""));
    let flags = after
        .split_once(' ')
        .map(|(_, flags)| format!(" {flags}"))
        .unwrap_or_default();
    let clients = kit::cli::address_for_clients(addr);
    Some(format!(
        "{program}：正在监听 {addr}——现在启动 {client} --connect {}{flags}{}",
        clients.addr, clients.note
    ))
}
