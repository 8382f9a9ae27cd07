//! The Linux bundle, as a student meets it: unpacked with `tar` into an
//! empty folder on a computer without Rust, and run from there.
//!
//! Needs `dist/…-x86_64-unknown-linux-musl.tar.gz` from `just dist` (CI
//! makes it before the tests); without it the test says why and skips.

mod support;

use bundle::platform::LINUX;
use std::path::{Path, PathBuf};
use std::process::Command;
use testkit::{Process, listening_addr};

/// The unpacked bundle folder inside `into`, or why there is none.
fn unpacked(into: &Path) -> Result<PathBuf, String> {
    let archive = support::bundle(&LINUX)?;
    let status = Command::new("tar")
        .arg("-xzf")
        .arg(&archive)
        .arg("-C")
        .arg(into)
        .status()
        .map_err(|e| format!("cannot run tar: {e}"))?;
    assert!(status.success(), "tar -xzf {}", archive.display());
    // One folder, and nothing beside it: unpacking scatters nothing.
    let top = support::listing(into);
    assert_eq!(
        top,
        [bundle::folder_name(env!("CARGO_PKG_VERSION"), &LINUX)]
    );
    Ok(into.join(&top[0]))
}

/// Runs `program` of the bundle in `folder`, as `./program`, with nothing
/// in its environment but a `PATH` that holds no Cargo.
fn run(folder: &Path, program: &str, args: &[&str]) -> testkit::Finished {
    let process = Process::start_in(
        folder,
        &format!("./{program}"),
        args,
        &[("PATH", folder.to_str().unwrap())],
    );
    process.finish()
}

/// Whether the ELF file `bytes` names a dynamic loader (a `PT_INTERP`
/// program header): a statically linked program names none, and so runs
/// on any Linux, whatever its C library.
fn names_a_loader(bytes: &[u8]) -> bool {
    assert_eq!(&bytes[..4], b"\x7fELF", "an ELF file");
    assert_eq!(bytes[4], 2, "64-bit");
    let u16_at = |at: usize| usize::from(u16::from_le_bytes([bytes[at], bytes[at + 1]]));
    let phoff = u64::from_le_bytes(bytes[0x20..0x28].try_into().unwrap()) as usize;
    let (size, count) = (u16_at(0x36), u16_at(0x38));
    (0..count).any(|i| {
        let at = phoff + i * size;
        u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap()) == 3 // PT_INTERP
    })
}

#[test]
fn the_linux_bundle_runs_from_an_empty_folder_without_rust() {
    let empty = tempfile::tempdir().unwrap();
    let folder = match unpacked(empty.path()) {
        Ok(folder) => folder,
        Err(why) => return support::cannot_run("the Linux bundle", &why),
    };
    // Every program, the tour as `lab`, and the page; each program static
    // and executable.
    let mut expected = support::expected_programs(&LINUX);
    expected.push("START-HERE.txt".into());
    expected.sort();
    assert_eq!(support::listing(&folder), expected);
    for program in support::expected_programs(&LINUX) {
        let path = folder.join(&program);
        let bytes = std::fs::read(&path).unwrap();
        assert!(!names_a_loader(&bytes), "{program} is dynamically linked");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o111, 0o111, "{program} is executable");
        }
    }
    let page = std::fs::read_to_string(folder.join("START-HERE.txt")).unwrap();
    assert!(
        page.contains("./sticky-server --listen 0.0.0.0:9000"),
        "{page}"
    );

    // The tour under the name a student types, and its help in that name.
    let help = run(&folder, "lab", &["--help"]);
    assert_eq!(help.code, Some(0), "{}", help.stderr);
    assert!(
        help.stdout.contains("Usage: lab [OPTIONS] [DEMO]"),
        "{}",
        help.stdout
    );
    assert!(help.stdout.contains("START-HERE.txt"), "{}", help.stdout);
    assert!(
        !help.stdout.contains("cargo"),
        "no Cargo here: {}",
        help.stdout
    );

    // Every lesson, in order, as one JSON document.
    let tour = run(&folder, "lab", &["--json"]);
    assert_eq!(tour.code, Some(0), "{}", tour.stderr);
    let reports = tour.json();
    let demos: Vec<&str> = reports
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["demo"].as_str().unwrap())
        .collect();
    assert_eq!(
        demos,
        [
            "sticky", "half", "nagle", "udp", "fixed", "pitfalls", "transfer"
        ]
    );
    assert_eq!(reports[0]["runs"][0]["code"], "glued");
    assert_eq!(
        reports[0]["runs"][0]["segments_out"], 2,
        "Linux counts segments"
    );
}

#[test]
fn a_pair_from_the_linux_bundle_talks_over_loopback() {
    let empty = tempfile::tempdir().unwrap();
    let folder = match unpacked(empty.path()) {
        Ok(folder) => folder,
        Err(why) => return support::cannot_run("the Linux bundle's pair", &why),
    };
    let path = [("PATH", folder.to_str().unwrap())];
    let mut server = Process::start_in(
        &folder,
        "./sticky-server",
        &["--listen", "127.0.0.1:0", "--json"],
        &path,
    );
    let addr = listening_addr(&server.wait_for_stderr("listening on"));
    let client =
        Process::start_in(&folder, "./sticky-client", &["--connect", &addr], &path).finish();
    let server = server.finish();
    assert_eq!(
        (client.code, server.code),
        (Some(0), Some(0)),
        "{}",
        server.stderr
    );
    assert_eq!(server.json()["runs"][0]["recvs"][0]["len"], 30);
    assert_eq!(server.json()["runs"][0]["code"], "glued");
}
