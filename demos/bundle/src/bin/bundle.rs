//! `bundle` (`just dist`): builds every program of the lab for the
//! students' platforms and packs each set, with its START-HERE page, into
//! `dist/`.

use bundle::contents;
use bundle::platform::{self, Platform};
use bundle::workspace::{self, Workspace};
use clap::Parser;
use std::io;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

/// Builds the classroom bundles: every program of the lab for Windows and
/// Linux, each platform's set in one archive with a START-HERE page, so
/// that students need no Rust toolchain.
#[derive(Debug, Parser)]
#[command(name = "bundle", version)]
struct Args {
    /// Build only this platform (repeat for several): x86_64-pc-windows-gnu
    /// or x86_64-unknown-linux-musl. Default: both.
    #[arg(long = "target", value_name = "TRIPLE", value_parser = triple)]
    targets: Vec<Platform>,

    /// The folder the archives go into, relative to the workspace.
    #[arg(long, value_name = "DIR", default_value = "dist")]
    out: PathBuf,

    /// The Cargo profile to build with (`dist`: release, stripped).
    #[arg(long, value_name = "NAME", default_value = "dist")]
    profile: String,
}

/// Parses a target triple the lab bundles for (a clap value parser).
fn triple(text: &str) -> Result<Platform, String> {
    platform::by_triple(text).ok_or_else(|| {
        let known: Vec<&str> = platform::ALL.iter().map(|p| p.triple).collect();
        format!("no bundle for '{text}': choose {}", known.join(" or "))
    })
}

/// The folder Cargo builds `profile` into (`dev` is `debug`).
fn profile_dir(profile: &str) -> &str {
    match profile {
        "dev" | "test" => "debug",
        "bench" => "release",
        other => other,
    }
}

/// Builds every program but this one for `platform`.
fn build(platform: &Platform, profile: &str) -> io::Result<()> {
    let status = Command::new(workspace::cargo())
        .args(["build", "--workspace", "--bins", "--profile", profile])
        .args(["--target", platform.triple])
        .args(["--exclude", workspace::THIS_PACKAGE])
        .status()?;
    if status.success() {
        Ok(())
    } else {
        Err(io::Error::other(format!(
            "cargo build for {} failed ({status}); is its standard library installed \
             (rustup target add {}) and, for Windows, the MinGW-w64 linker \
             (apt-get install gcc-mingw-w64-x86-64)?",
            platform.triple, platform.triple
        )))
    }
}

/// Builds and packs one platform's bundle; returns its path and size.
fn bundle(workspace: &Workspace, args: &Args, platform: &Platform) -> io::Result<(PathBuf, u64)> {
    build(platform, &args.profile)?;
    let built = workspace
        .target_dir
        .join(platform.triple)
        .join(profile_dir(&args.profile));
    let entries = contents::entries(&workspace.programs, &built, &workspace.version, platform)?;
    let out = workspace.root.join(&args.out);
    std::fs::create_dir_all(&out)?;
    let path = out.join(bundle::archive_name(&workspace.version, platform));
    let folder = bundle::folder_name(&workspace.version, platform);
    let size = bundle::archive::write(&path, &folder, &entries, platform.archive)?;
    Ok((path, size))
}

fn shown(path: &Path, root: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .display()
        .to_string()
}

fn main() -> ExitCode {
    let mut args: Args = kit::cli::parse();
    if args.targets.is_empty() {
        args.targets = platform::ALL.to_vec();
    }
    let workspace = match Workspace::read() {
        Ok(workspace) => workspace,
        Err(e) => return fail(&e),
    };
    let mut made = Vec::new();
    for platform in &args.targets {
        match bundle(&workspace, &args, platform) {
            Ok(done) => made.push(done),
            Err(e) => return fail(&e),
        }
    }
    for (path, size) in made {
        println!(
            "{}  {:.1} MiB",
            shown(&path, &workspace.root),
            size as f64 / (1024.0 * 1024.0)
        );
    }
    ExitCode::SUCCESS
}

/// The error's one line on stderr, and exit code 1: the command line was
/// fine (clap answers a mistyped one with exit code 2), building was not.
fn fail(error: &io::Error) -> ExitCode {
    kit::cli::status(&format!("error: {error}"));
    ExitCode::from(1)
}
