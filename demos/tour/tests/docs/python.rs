//! The Python scripts the docs run: where their source comes from, and
//! whether there is a `python3` to run them.
//!
//! A script is, in this order: a code block on the same page annotated
//! `<!-- file: NAME -->` (so the page runs the very code it shows); a file
//! in `tests/fixtures/python/` (the tutorial's own programs, which the
//! pages describe but do not quote whole); or one of [`DERIVED`], a script
//! a page defines as another with one change.
//!
//! Every script gets its port as its last argument. A quoted snippet that
//! hard-codes the lab's port 9000 is run with that `9000` replaced by the
//! port on its command line.

use super::markdown::{self, Block};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

/// Scripts a page defines as another script with one change:
/// (name, made from, text replaced, replacement).
pub const DERIVED: [(&str, &str, &str, &str); 1] = [
    // docs/fixed.md: "frame_client.py with "!I" changed to "i"".
    ("frame_client_i.py", "frame_client.py", r#""!I""#, r#""i""#),
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

/// The source of script `name` for `page`.
pub fn source(page: &str, name: &str) -> String {
    let annotated = format!("file: {name}");
    if let Some(block) = markdown::blocks(page)
        .into_iter()
        .find(|b: &Block| b.annotation.as_deref() == Some(&annotated))
    {
        return block.body;
    }
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/python")
        .join(name);
    if let Ok(text) = fs::read_to_string(&fixture) {
        return text;
    }
    if let Some((_, from, old, new)) = DERIVED.iter().find(|(n, ..)| *n == name) {
        let original = source(page, from);
        assert!(original.contains(old), "{from} has no {old} to change");
        return original.replace(old, new);
    }
    panic!("docs/{page}: no script {name} (annotate its code block `<!-- file: {name} -->`)");
}

/// Writes script `name` of `page` to a file and returns its path.
pub fn file(page: &str, name: &str) -> PathBuf {
    let source = source(page, name).replace("9000", "int(__import__('sys').argv[-1])");
    let folder = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("docs-python")
        .join(page.replace('/', "-"));
    fs::create_dir_all(&folder).expect("a folder for the scripts");
    let path = folder.join(name);
    fs::write(&path, source).expect("write the script");
    path
}
