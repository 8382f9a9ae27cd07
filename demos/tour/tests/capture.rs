//! The lab's claims, checked by an independent tool: `just capture-sticky`
//! and `just capture-nagle` (scripts/capture.sh) record the paired run with
//! tcpdump, and tshark counts what really crossed the wire.
//!
//! - sticky: the client's two messages left as exactly as many data
//!   segments as its `--json` report says (`segments_out`, from the
//!   kernel's `TCP_INFO`) — 2 — while the server's one recv got both;
//! - nagle, the burst: 3 warm-ups, then the 9 one-byte writes as 2 data
//!   segments, 1 byte and then 8, about 40 ms apart (delayed ACK). The gap
//!   is compared with 40 ms as a ratio with a wide margin, never exactly.
//!
//! Capturing needs Linux, tcpdump, tshark and the right to capture (root,
//! or CAP_NET_RAW). CI installs the Debian packages in `.ci/run` and runs
//! as root; anywhere else these tests say on stderr why they skip.

#[path = "docs/binaries.rs"]
mod binaries;

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;
use testkit::Process;

/// Why this computer cannot capture, if it cannot.
fn cannot_capture() -> Option<String> {
    if !cfg!(target_os = "linux") {
        return Some("the capture script records the Linux loopback interface".into());
    }
    for tool in ["tcpdump", "tshark"] {
        let found = Command::new(tool).arg("--version").output();
        if !found.is_ok_and(|out| out.status.success()) {
            return Some(format!(
                "{tool} is not installed (CI installs the Debian packages tcpdump and tshark in \
                 .ci/run)"
            ));
        }
    }
    // CAP_NET_RAW is capability 13; root has every capability in CapEff.
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let effective = status
        .lines()
        .find_map(|l| l.strip_prefix("CapEff:"))
        .and_then(|hex| u64::from_str_radix(hex.trim(), 16).ok())
        .unwrap_or(0);
    if effective & (1 << 13) == 0 {
        return Some(
            "capturing packets needs root or CAP_NET_RAW, and this test has neither".into(),
        );
    }
    None
}

/// What one capture left behind.
struct Capture {
    port: u16,
    pcap: PathBuf,
    client: Value,
    /// What the script printed.
    said: String,
    /// The server's story, as saved.
    server: String,
}

/// Runs `scripts/capture.sh LESSON` with the binaries this `cargo test`
/// built, in English.
fn capture(lesson: &str) -> Capture {
    capture_in(lesson, "capture", &[], "port: ")
}

/// Runs `scripts/capture.sh LESSON` into `folder` with `locale` set, and
/// finds the port on the line that starts with `port_line`.
fn capture_in(lesson: &str, folder: &str, locale: &[(&str, &str)], port_line: &str) -> Capture {
    let folder = Path::new(env!("CARGO_TARGET_TMPDIR")).join(folder);
    let bin_dir = binaries::binary(&format!("{lesson}-server"))
        .parent()
        .expect("a folder")
        .to_string_lossy()
        .into_owned();
    // Checked to be up to date by `binary` above: the client too.
    binaries::binary(&format!("{lesson}-client"));
    let script = binaries::workspace().join("scripts/capture.sh");
    let run = Process::start_with_env(
        "bash",
        &[
            script.to_str().expect("a UTF-8 path"),
            lesson,
            folder.to_str().expect("a UTF-8 path"),
        ],
        &[&[("BIN_DIR", bin_dir.as_str())], locale].concat(),
    )
    .finish();
    assert_eq!(run.code, Some(0), "{}\n{}", run.stdout, run.stderr);
    let port = run
        .stdout
        .lines()
        .find_map(|l| l.strip_prefix(port_line))
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("no port line: {}", run.stdout));
    let client = std::fs::read_to_string(folder.join(format!("{lesson}-client.json")))
        .expect("the client's report");
    Capture {
        port,
        pcap: folder.join(format!("{lesson}.pcap")),
        client: serde_json::from_str(&client).expect("JSON"),
        said: run.stdout,
        server: std::fs::read_to_string(folder.join(format!("{lesson}-server.txt")))
            .expect("the server's story"),
    }
}

/// The data segments the client sent to the server's port, as tshark
/// reads them from the file: (seconds since the first packet, bytes).
fn data_segments(capture: &Capture) -> Vec<(f64, u64)> {
    let filter = format!("tcp.dstport == {} && tcp.len > 0", capture.port);
    let out = Command::new("tshark")
        .args([
            "-r",
            capture.pcap.to_str().expect("a UTF-8 path"),
            "-Y",
            &filter,
        ])
        .args(["-T", "fields", "-e", "frame.time_relative", "-e", "tcp.len"])
        .output()
        .expect("tshark runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|line| {
            let mut fields = line.split_whitespace();
            let time = fields.next().and_then(|t| t.parse().ok()).expect("a time");
            let len = fields
                .next()
                .and_then(|l| l.parse().ok())
                .expect("a length");
            (time, len)
        })
        .collect()
}

#[test]
fn sticky_segments_on_the_wire_are_what_tcp_info_reported() {
    if let Some(why) = cannot_capture() {
        eprintln!("skipped: {why}");
        return;
    }
    let capture = capture("sticky");
    let reported = capture.client["runs"][0]["segments_out"]
        .as_u64()
        .expect("segments_out in the client's report (Linux TCP_INFO)");
    let segments = data_segments(&capture);
    eprintln!("sticky: {segments:?} on the wire; TCP_INFO said {reported}");
    assert_eq!(segments.len() as u64, reported, "{segments:?}");
    let lens: Vec<u64> = segments.iter().map(|s| s.1).collect();
    assert_eq!(lens, [24, 6], "one data segment per send");
}

#[test]
fn nagles_burst_is_two_segments_about_40_ms_apart() {
    if let Some(why) = cannot_capture() {
        eprintln!("skipped: {why}");
        return;
    }
    let capture = capture("nagle");
    let reported = capture.client["runs"][0]["segments_out"]
        .as_u64()
        .expect("segments_out in the client's report (Linux TCP_INFO)");
    let segments = data_segments(&capture);
    // The warm-ups' one-byte requests are data segments too, before the
    // burst; the report counts the burst's only.
    let warm_ups = nagle::burst::WARM_UPS as u64;
    assert_eq!(segments.len() as u64, warm_ups + reported, "{segments:?}");
    assert_eq!(reported, 2, "Nagle on: the 9 writes as 2 segments");
    let burst = &segments[segments.len() - 2..];
    assert_eq!([burst[0].1, burst[1].1], [1, 8], "{burst:?}");
    let gap = burst[1].0 - burst[0].0;
    let ratio = gap / 0.040;
    eprintln!(
        "nagle: {segments:?} on the wire; TCP_INFO said {reported}; gap {gap:.4} s = {ratio:.2} × 40 ms"
    );
    assert!((0.5..=5.0).contains(&ratio), "the gap was {gap} s");
}

/// A teacher whose terminal speaks Chinese: the script finds the port in
/// the server's Chinese start-up line, says its own lines in Chinese, and
/// the saved story is the Chinese one.
#[test]
fn a_chinese_locale_captures_and_explains_in_chinese() {
    if let Some(why) = cannot_capture() {
        eprintln!("skipped: {why}");
        return;
    }
    let chinese = [("LANG", "zh_CN.UTF-8"), ("LC_ALL", ""), ("LC_MESSAGES", "")];
    let capture = capture_in("sticky", "capture-zh", &chinese, "端口：");
    for words in ["抓包文件：", "显示过滤器：", "看这里："] {
        assert!(capture.said.contains(words), "{}", capture.said);
    }
    assert!(!capture.said.contains("look at"), "{}", capture.said);
    assert!(capture.server.contains("接收方"), "{}", capture.server);
    let lens: Vec<u64> = data_segments(&capture).iter().map(|s| s.1).collect();
    assert_eq!(lens, [24, 6], "one data segment per send");
}
