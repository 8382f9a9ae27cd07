//! What `cargo metadata` says about the lab: its version, its programs and
//! where Cargo puts what it builds.

use serde_json::Value;
use std::ffi::OsString;
use std::io;
use std::path::PathBuf;
use std::process::Command;

/// The package that builds bundles: a tool for the teacher, not a program
/// for the students, so it is not in them.
pub const THIS_PACKAGE: &str = "bundle";

/// The lab as Cargo sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Workspace {
    /// The workspace's root folder.
    pub root: PathBuf,
    /// Where Cargo builds (`target/`, or `CARGO_TARGET_DIR`).
    pub target_dir: PathBuf,
    /// The lab's version: `0.1.0`.
    pub version: String,
    /// Every program of the workspace but this package's, sorted.
    pub programs: Vec<String>,
}

/// The `cargo` that started this program (Cargo sets `CARGO` for what it
/// runs), or the one on the `PATH`.
#[must_use]
pub fn cargo() -> OsString {
    std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into())
}

impl Workspace {
    /// Asks Cargo about the workspace around the current folder.
    pub fn read() -> io::Result<Workspace> {
        let output = Command::new(cargo())
            .args(["metadata", "--no-deps", "--format-version", "1"])
            .output()?;
        if !output.status.success() {
            return Err(io::Error::other(format!(
                "cargo metadata failed: {}",
                String::from_utf8_lossy(&output.stderr).trim()
            )));
        }
        let metadata: Value = serde_json::from_slice(&output.stdout)?;
        Workspace::from_metadata(&metadata)
            .ok_or_else(|| io::Error::other("cargo metadata said something unexpected"))
    }

    /// The workspace described by `cargo metadata`'s JSON.
    #[must_use]
    pub fn from_metadata(metadata: &Value) -> Option<Workspace> {
        let packages = metadata["packages"].as_array()?;
        let mut programs: Vec<String> = packages
            .iter()
            .filter(|package| package["name"] != THIS_PACKAGE)
            .flat_map(|package| package["targets"].as_array().into_iter().flatten())
            .filter(|target| {
                target["kind"]
                    .as_array()
                    .is_some_and(|kinds| kinds.iter().any(|k| k == "bin"))
            })
            .filter_map(|target| Some(target["name"].as_str()?.to_string()))
            .collect();
        programs.sort();
        // Every package shares the workspace's version; the first says it.
        let version = packages.first()?["version"].as_str()?.to_string();
        Some(Workspace {
            root: PathBuf::from(metadata["workspace_root"].as_str()?),
            target_dir: PathBuf::from(metadata["target_directory"].as_str()?),
            version,
            programs,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_programs_are_every_bin_but_the_bundlers() {
        let metadata = json!({
            "workspace_root": "/lab",
            "target_directory": "/lab/target",
            "packages": [
                { "name": "sticky", "version": "0.1.0", "targets": [
                    { "name": "sticky", "kind": ["lib"] },
                    { "name": "sticky-server", "kind": ["bin"] },
                    { "name": "paired", "kind": ["test"] },
                    { "name": "sticky-client", "kind": ["bin"] } ] },
                { "name": "bundle", "version": "0.1.0", "targets": [
                    { "name": "bundle", "kind": ["bin"] } ] },
                { "name": "tour", "version": "0.1.0", "targets": [
                    { "name": "tour", "kind": ["bin"] } ] }
            ]
        });
        let workspace = Workspace::from_metadata(&metadata).unwrap();
        assert_eq!(
            workspace.programs,
            ["sticky-client", "sticky-server", "tour"]
        );
        assert_eq!(workspace.version, "0.1.0");
        assert_eq!(workspace.target_dir, PathBuf::from("/lab/target"));
    }
}
