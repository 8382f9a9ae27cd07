//! Where the workspace's binaries are, and whether they are up to date.
//!
//! `env!("CARGO_BIN_EXE_…")` names only this package's own binary (the
//! tour). The paired binaries of the other packages sit beside it in the
//! same target folder: `cargo test` for the workspace builds them, because
//! each of those packages has integration tests of its own, and Cargo
//! builds a package's binaries for its integration tests. (A
//! `[dev-dependencies]` entry would not build them, and a `cargo build`
//! started from inside a test would rebuild into the very target folder
//! the running `cargo test` is using.) So this module only looks: a binary
//! that is missing, or older than a source file it is built from, is
//! reported with the command that rebuilds it, instead of being run stale.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// The workspace's root folder.
pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The tour binary (this package's own).
pub fn tour() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_tour"))
}

/// The binary `name` of the workspace, checked to exist and to be newer
/// than every source file of its package and of the workspace packages
/// it depends on.
pub fn binary(name: &str) -> PathBuf {
    let path = tour()
        .parent()
        .expect("the tour binary sits in a folder")
        .join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
    let rebuild = "run `cargo test` for the whole workspace (or `cargo build --workspace --bins`)";
    let built = fs::metadata(&path)
        .and_then(|m| m.modified())
        .unwrap_or_else(|_| panic!("{} is not built: {rebuild}", path.display()));
    let package = package_of(name);
    // Only what the binary is built from: its package's library and its
    // own `src/bin` file (or folder), and the libraries it depends on —
    // not the package's other binaries, which Cargo builds on their own.
    if let Some((file, _)) = sources(&package, name)
        .into_iter()
        .filter(|(_, changed)| *changed > built)
        .max_by_key(|(_, changed)| *changed)
    {
        panic!(
            "{} is older than {}: {rebuild}",
            path.display(),
            file.display()
        );
    }
    path
}

/// The package folder under `demos/` that builds binary `name`.
fn package_of(name: &str) -> String {
    let demos = workspace().join("demos");
    for entry in fs::read_dir(&demos).expect("demos/").flatten() {
        // A binary is `src/bin/NAME.rs`, or `src/bin/NAME/main.rs` when it
        // has modules of its own.
        let bin = entry.path().join("src/bin");
        if bin.join(format!("{name}.rs")).exists() || bin.join(name).join("main.rs").exists() {
            return entry.file_name().to_string_lossy().into_owned();
        }
    }
    panic!("no package in demos/ has a binary named {name}");
}

/// Every source file binary `bin` of `top` is built from — the package's
/// library, the binary's own file, and the libraries of the workspace
/// packages it depends on (`NAME.workspace = true` in its
/// `[dependencies]`) — with the time it last changed.
fn sources(top: &str, bin: &str) -> Vec<(PathBuf, SystemTime)> {
    let demos = workspace().join("demos");
    let mut todo = vec![top.to_string()];
    let mut seen: Vec<String> = Vec::new();
    let mut files = Vec::new();
    while let Some(package) = todo.pop() {
        if seen.contains(&package) {
            continue;
        }
        let folder = demos.join(&package);
        let manifest = fs::read_to_string(folder.join("Cargo.toml")).unwrap_or_default();
        let dependencies = manifest
            .split("[dependencies]")
            .nth(1)
            .and_then(|rest| rest.split("\n[").next())
            .unwrap_or_default();
        for line in dependencies.lines() {
            if let Some(name) = line.strip_suffix(".workspace = true") {
                if demos.join(name).join("Cargo.toml").exists() {
                    todo.push(name.to_string());
                }
            }
        }
        collect(&folder.join("src"), &mut files);
        seen.push(package);
    }
    let own = demos.join(top).join("src/bin");
    files
        .into_iter()
        .filter(|f| {
            // Under a `src/bin/`: only this binary's own file or folder.
            let in_bin = f.components().any(|c| c.as_os_str() == "bin");
            !in_bin || f.starts_with(own.join(format!("{bin}.rs"))) || f.starts_with(own.join(bin))
        })
        .filter_map(|f| Some((f.clone(), fs::metadata(&f).ok()?.modified().ok()?)))
        .collect()
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
