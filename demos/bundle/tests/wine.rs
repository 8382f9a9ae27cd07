//! The Windows bundle's programs, run under Wine: the code paths only
//! Windows takes — no `TCP_INFO`, Winsock's errors, an `.exe` starting up,
//! Windows paths — exercised on every CI run, on Linux's TCP stack.
//!
//! What Wine cannot show is Windows' own stack: its delayed-ACK time, how
//! it rounds `SO_RCVBUF`, how it paces a small window. So the checks here
//! are the facts that do not depend on the stack (glued, split, frames
//! whole, every byte in order, the error words), and the stack's numbers
//! are left to a real Windows (docs/windows.md).
//!
//! Needs the zip from `just dist`, `wine` (Debian: wine64, wine) and the
//! MinGW-w64 C compiler (gcc-mingw-w64-x86-64) for the test's own
//! `bcryptprimitives.dll` (see fixtures/wine/bcryptprimitives.c). CI
//! installs and builds all three; elsewhere a test that lacks one says
//! which and skips. Every program is started with a deadline (testkit's),
//! listens on 127.0.0.1 only, and servers take an ephemeral port.

mod support;

use bundle::platform::WINDOWS;
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use testkit::{Finished, Process, hex, listening_addr};

/// The Windows bundle, unpacked, with Wine ready to run it.
struct Bench {
    /// The `wine` program.
    wine: PathBuf,
    /// Wine's "C: drive" and registry, kept between runs: creating one
    /// takes Wine about ten seconds.
    prefix: PathBuf,
    /// The unpacked bundle folder, with the fixture DLL beside the `.exe`s.
    folder: PathBuf,
    /// What `lab.exe --help` printed while the prefix was made.
    help: Finished,
}

/// The bench, set up once for every test in this file; or why it cannot be.
fn bench() -> Result<&'static Bench, String> {
    static BENCH: OnceLock<Result<Bench, String>> = OnceLock::new();
    BENCH.get_or_init(set_up).as_ref().map_err(Clone::clone)
}

/// `wine` on the `PATH`, or Debian's wine64 loader where the `wine`
/// wrapper package is not installed.
fn find_wine() -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .flat_map(|dir| [dir.join("wine"), dir.join("wine64")])
        .chain([PathBuf::from("/usr/lib/wine/wine64")])
        .find(|candidate| candidate.is_file())
}

/// The MinGW-w64 C compiler that builds the fixture DLL.
const MINGW_GCC: &str = "x86_64-w64-mingw32-gcc";

fn set_up() -> Result<Bench, String> {
    let archive = support::bundle(&WINDOWS)?;
    let wine = find_wine().ok_or("wine is not installed (apt-get install wine64 wine)")?;
    let work = Path::new(env!("CARGO_TARGET_TMPDIR")).join("wine");
    let unpacked = work.join("bundle");
    let _ = fs::remove_dir_all(&unpacked);
    fs::create_dir_all(&unpacked).map_err(|e| e.to_string())?;
    let file = fs::File::open(&archive).map_err(|e| e.to_string())?;
    zip::ZipArchive::new(file)
        .and_then(|mut zip| zip.extract(&unpacked))
        .map_err(|e| format!("{}: {e}", archive.display()))?;
    let folder = unpacked.join(bundle::folder_name(env!("CARGO_PKG_VERSION"), &WINDOWS));
    // The fixture goes beside the programs, where Windows looks for a DLL
    // first; it is never in the zip itself.
    let source =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/wine/bcryptprimitives.c");
    let built = Command::new(MINGW_GCC)
        .args(["-shared", "-O2", "-s", "-o"])
        .arg(folder.join("bcryptprimitives.dll"))
        .arg(&source)
        .arg("-ladvapi32")
        .status();
    match built {
        Ok(status) if status.success() => {}
        Ok(status) => return Err(format!("{MINGW_GCC} failed ({status})")),
        Err(_) => {
            return Err(format!(
                "{MINGW_GCC} is not installed (apt-get install gcc-mingw-w64-x86-64)"
            ));
        }
    }
    let mut bench = Bench {
        wine,
        prefix: work.join("prefix"),
        folder,
        help: Finished {
            code: None,
            stdout: String::new(),
            stderr: String::new(),
        },
    };
    // The first program Wine starts creates the prefix; one at a time.
    bench.help = bench.start("lab", &["--help"]).finish();
    Ok(bench)
}

impl Bench {
    /// Starts `program.exe` of the bundle under Wine.
    fn start(&self, program: &str, args: &[&str]) -> Process {
        let exe = self.folder.join(format!("{program}.exe"));
        let mut all = vec![exe.to_str().expect("a UTF-8 path")];
        all.extend_from_slice(args);
        Process::start_with_env(
            self.wine.to_str().expect("a UTF-8 path"),
            &all,
            &[
                ("WINEPREFIX", self.prefix.to_str().expect("a UTF-8 path")),
                // Wine's own chatter (and the wrapper's hint about 32-bit
                // Wine) would mix with the programs' stderr.
                ("WINEDEBUG", "-all"),
            ],
        )
    }

    /// Runs `program.exe` to the end; it must exit 0.
    fn run(&self, program: &str, args: &[&str]) -> Finished {
        let finished = self.start(program, args).finish();
        assert_eq!(
            finished.code,
            Some(0),
            "{program} {args:?}\nstdout:\n{}\nstderr:\n{}",
            finished.stdout,
            finished.stderr
        );
        finished
    }

    /// `cargo demo NAME --json`, as `lab.exe`: its report.
    fn tour(&self, name: &str) -> Value {
        self.run("lab", &[name, "--json"]).json()
    }

    /// A server of the bundle on an ephemeral loopback port with
    /// `server_flags`, then its client against it with `client_flags`;
    /// both must exit 0. Returns what each printed.
    fn pair(
        &self,
        server: &str,
        client: &str,
        server_flags: &[&str],
        client_flags: &[&str],
    ) -> (Finished, Finished) {
        let mut args = vec!["--listen", "127.0.0.1:0"];
        args.extend_from_slice(server_flags);
        let mut started = self.start(server, &args);
        let addr = listening_addr(&started.wait_for_stderr("listening on"));
        let mut args = vec!["--connect", addr.as_str()];
        args.extend_from_slice(client_flags);
        let client = self.run(client, &args);
        let finished = started.finish();
        assert_eq!(finished.code, Some(0), "{server}: {}", finished.stderr);
        (finished, client)
    }
}

impl Bench {
    /// `lab.exe ARGS` on a Windows whose interface speaks `locale`'s
    /// language, with no locale variables in its environment (as on a
    /// real Windows, where nothing sets them): Wine takes its interface
    /// language from the locale it is started in, and `cmd` then removes
    /// the variables before the program starts.
    fn lab_on_a_windows_in(&self, locale: &str, args: &str) -> Finished {
        let line = format!(
            "set LC_ALL=&& set LC_MESSAGES=&& set LANG=&& {} {args}",
            windows_path(&self.folder.join("lab.exe"))
        );
        Process::start_with_env(
            self.wine.to_str().expect("a UTF-8 path"),
            &["cmd", "/c", &line],
            &[
                ("WINEPREFIX", self.prefix.to_str().expect("a UTF-8 path")),
                ("WINEDEBUG", "-all"),
                ("LC_ALL", locale),
            ],
        )
        .finish()
    }
}

/// `path` as a Windows program under Wine names it: drive Z: is `/`.
fn windows_path(path: &Path) -> String {
    format!("Z:{}", path.display()).replace('/', "\\")
}

/// The bench, or `None` after saying why this test cannot run here.
fn ready(test: &str) -> Option<&'static Bench> {
    match bench() {
        Ok(bench) => Some(bench),
        Err(why) => {
            support::cannot_run(test, &why);
            None
        }
    }
}

fn lens(run: &Value) -> Vec<u64> {
    run["recvs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["len"].as_u64().unwrap())
        .collect()
}

#[test]
fn lab_exe_starts_and_names_itself() {
    let Some(bench) = ready("lab.exe --help") else {
        return;
    };
    assert_eq!(bench.help.code, Some(0), "{}", bench.help.stderr);
    assert!(
        bench.help.stdout.contains("Usage: lab [OPTIONS] [DEMO]"),
        "{}",
        bench.help.stdout
    );
    assert!(
        !bench.help.stdout.contains("cargo"),
        "{}",
        bench.help.stdout
    );
}

#[test]
fn sticky_and_half_tell_the_same_story_as_on_linux() {
    let Some(bench) = ready("the tour's sticky and half under Wine") else {
        return;
    };
    let sticky = bench.tour("sticky");
    for run in sticky["runs"].as_array().unwrap() {
        // A prompt reader gets one chunk or two, by timing, on Linux too.
        if testkit::redact::varying(run["label"].as_str().unwrap_or_default()).is_some() {
            continue;
        }
        assert_eq!(run["code"], "glued", "{}", run["label"]);
        assert_eq!(lens(run), [30], "{}", run["label"]);
        // Windows keeps no per-connection segment count.
        assert!(run.get("segments_out").is_none(), "{run}");
    }
    let story = bench.run("lab", &["sticky", "--color", "never"]).stdout;
    assert!(
        story.contains("(segment counts are not measured on Windows: its SIO_TCP_INFO counts bytes, not segments)"),
        "{story}"
    );
    let half = bench.tour("half");
    let runs = half["runs"].as_array().unwrap();
    assert_eq!(
        lens(&runs[0]),
        [16, 14],
        "recv(16) splits the 30-byte sentence"
    );
    let applied = runs[1]["knobs"]["recv_buffer"].as_u64().unwrap();
    let queue = lens(&runs[1]);
    assert_eq!(queue.iter().sum::<u64>(), 256 * 1024);
    assert!(
        queue.iter().all(|&n| n <= applied),
        "each recv ≤ SO_RCVBUF {applied}: {queue:?}"
    );
    assert_eq!(
        lens(&runs[2]),
        [2, 5, 13, 10],
        "the staged pieces, read as written"
    );
    for run in runs {
        assert_eq!(run["code"], "split", "{}", run["label"]);
    }
}

#[test]
fn nagle_leaves_out_the_linux_only_variants_and_says_why() {
    let Some(bench) = ready("the tour's nagle under Wine") else {
        return;
    };
    let nagle = bench.tour("nagle");
    let table = &nagle["runs"][0];
    let rows: Vec<&str> = table["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row["label"].as_str().unwrap())
        .collect();
    assert_eq!(
        rows,
        [
            "Nagle on (the default)",
            "TCP_NODELAY on the client",
            "one combined write"
        ]
    );
    let notes = table["notes"].to_string();
    assert!(
        notes.contains(
            "not on this platform (TCP_QUICKACK and TCP_CORK exist only on Linux): TCP_QUICKACK \
             re-armed before every read, TCP_QUICKACK set once, TCP_CORK around the two writes"
        ),
        "{notes}"
    );
    // The stall is explained from the median this run measured: Wine runs
    // on Linux's TCP stack, so it is Linux's ~44 ms here, not Windows' 200.
    assert!(
        notes.contains("ms a round trip in the slowest row"),
        "{notes}"
    );
    // The late reader: ten sends, one recv, whatever TCP_NODELAY says.
    let late = &nagle["runs"][3];
    assert_eq!(
        (lens(late).as_slice(), &late["code"]),
        ([30].as_slice(), &Value::from("glued"))
    );
    // Both the paired programs refuse a variant Windows lacks: a usage error.
    let refused = bench
        .start(
            "nagle-server",
            &["--listen", "127.0.0.1:0", "--variant", "cork"],
        )
        .finish();
    testkit::assert_one_line_error(&refused, 2, "needs a Linux socket option");
}

#[test]
fn udp_names_wsaemsgsize_in_our_words() {
    let Some(bench) = ready("the tour's udp under Wine") else {
        return;
    };
    let story = bench.run("lab", &["udp", "--color", "never"]).stdout;
    assert!(
        story.contains("send: message too long (WSAEMSGSIZE)"),
        "{story}"
    );
    assert!(
        !story.contains("os error") && !story.contains("formatmessagew"),
        "{story}"
    );
    let udp = bench.tour("udp");
    let runs = udp["runs"].as_array().unwrap();
    assert_eq!(runs[0]["code"], "datagrams_kept");
    assert_eq!(lens(&runs[0]), [24, 6], "one recv per datagram");
    assert_eq!(
        lens(&runs[3]),
        [65507],
        "the largest datagram arrives whole"
    );
}

#[test]
fn fixed_pitfalls_and_transfer_end_as_on_linux() {
    let Some(bench) = ready("the tour's fixed, pitfalls and transfer under Wine") else {
        return;
    };
    for run in bench.tour("fixed")["runs"].as_array().unwrap() {
        assert_eq!(run["code"], "frames_whole", "{}", run["label"]);
        assert!(
            run["frames"]
                .as_array()
                .unwrap()
                .iter()
                .all(|f| f["whole"] == true)
        );
    }
    let pitfalls = bench.tour("pitfalls");
    let linux: Value = serde_json::from_str(
        &fs::read_to_string(support::workspace().join("demos/tour/tests/fixtures/pitfalls.json"))
            .unwrap(),
    )
    .unwrap();
    let labels = |report: &Value| -> Vec<String> {
        report["runs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["label"].to_string())
            .collect()
    };
    assert_eq!(
        labels(&pitfalls),
        labels(&linux),
        "the same pitfalls, in order"
    );
    assert!(
        pitfalls["runs"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["code"] == "shown")
    );
    assert_eq!(bench.tour("transfer")["runs"][0]["code"], "verified");
}

#[test]
fn a_sticky_pair_of_exes_talks_over_loopback() {
    let Some(bench) = ready("sticky-server.exe and sticky-client.exe") else {
        return;
    };
    let (server, client) = bench.pair("sticky-server", "sticky-client", &["--json"], &["--json"]);
    let run = &server.json()["runs"][0];
    assert_eq!(run["code"], "glued");
    assert_eq!(run["recvs"][0]["hex"], hex("下雨天留客天留人不留"));
    let sends = client.json()["runs"][0]["sends"].clone();
    assert_eq!(sends[0]["hex"], hex("下雨天留客天留人"));
    assert_eq!(sends[1]["hex"], hex("不留"));
}

#[test]
fn a_fixed_pair_of_exes_keeps_every_frame_whole() {
    let Some(bench) = ready("fixed-server.exe and fixed-client.exe") else {
        return;
    };
    let flags = ["--scenario", "half", "--json"];
    let (server, _) = bench.pair("fixed-server", "fixed-client", &flags, &flags);
    let run = &server.json()["runs"][0];
    assert_eq!(lens(run), [16, 16, 2], "still split by recv(16)");
    assert_eq!(run["frames"][0]["hex"], hex("下雨天留客天留人不留"));
    assert_eq!(run["code"], "frames_whole");
}

#[test]
fn a_transfer_pair_of_exes_downloads_into_a_windows_path() {
    let Some(bench) = ready("transfer-server.exe and transfer-client.exe") else {
        return;
    };
    let shared = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let clip: Vec<u8> = (0..300_000u32).map(|i| (i * 7 % 251) as u8).collect();
    fs::write(shared.path().join("clip.mp4"), &clip).unwrap();
    let server_dir = windows_path(shared.path());
    let out_dir = windows_path(out.path());
    let mut server = bench.start(
        "transfer-server",
        &["--listen", "127.0.0.1:0", "--dir", &server_dir],
    );
    let addr = listening_addr(&server.wait_for_stderr("listening on"));
    let got = bench.run(
        "transfer-client",
        &["--connect", &addr, "--get", "1", "--out", &out_dir],
    );
    server.kill();
    assert!(got.stdout.contains("verified"), "{}", got.stdout);
    assert_eq!(fs::read(out.path().join("clip.mp4")).unwrap(), clip);
    assert!(
        !out.path().join("clip.mp4.part").exists(),
        "the .part was renamed"
    );
}

#[test]
fn a_refused_connection_is_one_line_in_our_words() {
    let Some(bench) = ready("sticky-client.exe with nobody listening") else {
        return;
    };
    let port = testkit::free_port().to_string();
    let addr = format!("127.0.0.1:{port}");
    let refused = bench
        .start("sticky-client", &["--connect", &addr, "--retry-secs", "0"])
        .finish();
    testkit::assert_one_line_error(&refused, 1, "(connection refused)");
}

#[test]
fn a_windows_set_up_in_chinese_speaks_chinese_without_lang() {
    let Some(bench) = ready("lab.exe on a Chinese Windows") else {
        return;
    };
    let chinese = bench.lab_on_a_windows_in("zh_CN.UTF-8", "sticky --run 1 --color never");
    assert_eq!(chinese.code, Some(0), "{}", chinese.stderr);
    assert!(
        chinese.stdout.contains("第 1 次运行（共 3 次）") && chinese.stdout.contains("结论："),
        "{}",
        chinese.stdout
    );
    let english = bench.lab_on_a_windows_in("en_US.UTF-8", "sticky --run 1 --color never");
    assert_eq!(english.code, Some(0), "{}", english.stderr);
    assert!(english.stdout.contains("run 1 of 3"), "{}", english.stdout);
    // That --lang wins over the locale is the same code on every system:
    // demos/tour/tests/chinese.rs checks it.
}
