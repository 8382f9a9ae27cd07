//! What the bundle tests share: finding a bundle `just dist` made, knowing
//! whether it is up to date, and skipping — plainly, and never in CI —
//! when what a test needs is not on this machine.

#![allow(dead_code)] // each test file uses its own part

use bundle::Platform;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// The workspace's root folder.
pub fn workspace() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    root.canonicalize().unwrap_or(root)
}

/// Why a test cannot run here. Outside CI it says so and the test passes;
/// in CI (`CI` set) it fails, because `.ci/run` installs and builds
/// everything these tests need: a skip there would hide a broken step.
pub fn cannot_run(test: &str, why: &str) {
    if std::env::var_os("CI").is_some() {
        panic!("{test}: {why} — .ci/run should have provided it");
    }
    // Straight to stderr: the test harness captures `eprintln!` of a
    // passing test, and a skip nobody sees is a skip nobody fixes.
    let _ = writeln!(std::io::stderr(), "skipped {test}: {why}");
}

/// The bundle of `platform` that `just dist` left in `dist/`, if it is
/// there and newer than everything it is built from.
pub fn bundle(platform: &Platform) -> Result<PathBuf, String> {
    let name = bundle::archive_name(env!("CARGO_PKG_VERSION"), platform);
    let path = workspace().join("dist").join(&name);
    let made = fs::metadata(&path)
        .and_then(|m| m.modified())
        .map_err(|_| {
            format!("dist/{name} is not built (run `just dist`, or `cargo run -p bundle`)")
        })?;
    if let Some((file, _)) = newest_source().filter(|(_, changed)| *changed > made) {
        let root = workspace();
        return Err(format!(
            "dist/{name} is older than {}: run `just dist` again",
            file.strip_prefix(&root).unwrap_or(&file).display()
        ));
    }
    Ok(path)
}

/// The most recently changed file a bundle is built from: the manifests,
/// the lock file, and every crate's `src/` (with the START-HERE page).
fn newest_source() -> Option<(PathBuf, SystemTime)> {
    let root = workspace();
    let mut files = vec![root.join("Cargo.toml"), root.join("Cargo.lock")];
    let demos = root.join("demos");
    for package in fs::read_dir(&demos).into_iter().flatten().flatten() {
        files.push(package.path().join("Cargo.toml"));
        files.push(package.path().join("START-HERE.txt"));
        collect(&package.path().join("src"), &mut files);
    }
    files
        .into_iter()
        .filter_map(|f| Some((f.clone(), fs::metadata(&f).ok()?.modified().ok()?)))
        .max_by_key(|(_, changed)| *changed)
}

fn collect(folder: &Path, files: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(folder).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, files);
        } else {
            files.push(path);
        }
    }
}

/// The programs a bundle must hold: every program of the workspace but
/// the bundler, with the tour as `lab`, each with `platform`'s suffix.
pub fn expected_programs(platform: &Platform) -> Vec<String> {
    let workspace = bundle::workspace::Workspace::read().expect("cargo metadata");
    let mut names: Vec<String> = workspace
        .programs
        .iter()
        .map(|p| bundle::contents::bundled_name(p, platform))
        .collect();
    names.sort();
    names
}

/// The names of the files in `folder`, sorted.
pub fn listing(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}
