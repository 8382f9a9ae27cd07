//! The Python scripts the docs run: where their source comes from, and
//! whether there is a `python3` to run them.
//!
//! A script is named as a reader types it, by its path in the workspace:
//! `python3 python/fixed/frame_client.py` runs that very file (the
//! companions in `python/`, which the pages link). A code block annotated
//! `<!-- file: python/… -->` quotes part of such a file, and
//! `quoted_python_is_in_its_file` (in `docs.rs`) checks that the quote is
//! really there. The one other kind is one of [`DERIVED`]: a script a page
//! defines as another with one change.
//!
//! Every script gets its port as its last argument.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

/// Scripts a page defines as another script with one change:
/// (name, made from, text replaced, replacement).
pub const DERIVED: [(&str, &str, &str, &str); 1] = [
    // docs/fixed.md: "frame_client.py with "!I" changed to "i"".
    (
        "frame_client_i.py",
        "python/fixed/frame_client.py",
        r#""!I""#,
        r#""i""#,
    ),
];

/// Whether `python3` runs here; the reason it does not, if not.
pub fn missing() -> Option<&'static str> {
    static CHECK: OnceLock<Option<&'static str>> = OnceLock::new();
    *CHECK.get_or_init(|| {
        let ran = Command::new("python3")
            .arg("--version")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
        match ran {
            Ok(status) if status.success() => None,
            _ => Some("python3 is not installed (or does not run) on this machine"),
        }
    })
}

/// The file of script `name`, relative to the workspace (`python/…`).
pub fn path(name: &str) -> PathBuf {
    super::binaries::workspace().join(name)
}

/// The source of script `name`: a file of the workspace, or a derived one.
pub fn source(page: &str, name: &str) -> String {
    if let Some((_, from, old, new)) = DERIVED.iter().find(|(n, ..)| *n == name) {
        let original = source(page, from);
        assert!(original.contains(old), "{from} has no {old} to change");
        return original.replace(old, new);
    }
    fs::read_to_string(path(name)).unwrap_or_else(|e| {
        panic!("docs/{page}: no script {name} ({e}); name it by its path, e.g. python/fixed/frame_client.py")
    })
}

/// The file to run for script `name` of `page`: the workspace's own file,
/// or a derived script written out for the test.
pub fn file(page: &str, name: &str) -> PathBuf {
    if !DERIVED.iter().any(|(n, ..)| *n == name) {
        let path = path(name);
        assert!(path.is_file(), "docs/{page}: no script {name}");
        return path;
    }
    let folder = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("docs-python")
        .join(page.replace('/', "-"));
    fs::create_dir_all(&folder).expect("a folder for the scripts");
    let path = folder.join(name);
    fs::write(&path, source(page, name)).expect("write the script");
    path
}
