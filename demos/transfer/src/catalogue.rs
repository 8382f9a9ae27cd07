//! The server's folder: what it lists and what a requested name resolves to.
//!
//! The folder is read again on every connection, so a file copied in while
//! the server runs shows up for the next client. Only regular files
//! directly inside the folder count; a symbolic link is followed only if
//! it ends in the folder itself, so a link to `/etc/passwd` is never served.
//!
//! What is listed and what is served are one decision, made by
//! [`Folder::resolve`]: the list is every name in the folder that resolves.
//! A hidden file (`.env`, `.git-credentials`) is neither listed nor served
//! by name, nor is a name a client could not save (see [`names`]).

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::message::{Catalogue, Entry};
use crate::names;
use crate::reason::Reason;

/// The folder a server shares, canonicalised once.
#[derive(Debug, Clone)]
pub struct Folder {
    root: PathBuf,
}

impl Folder {
    /// Opens `dir`, which must be an existing folder.
    pub fn open(dir: &Path) -> io::Result<Folder> {
        let root = fs::canonicalize(dir)?;
        if !root.is_dir() {
            return Err(io::Error::new(io::ErrorKind::NotADirectory, "not a folder"));
        }
        Ok(Folder { root })
    }

    /// The folder's canonical path.
    #[must_use]
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Every file that [`resolve`](Folder::resolve) would serve, by name.
    pub fn list(&self) -> io::Result<Catalogue> {
        let mut files = Vec::new();
        for entry in fs::read_dir(&self.root)? {
            let Ok(entry) = entry else { continue };
            let Ok(name) = entry.file_name().into_string() else {
                continue; // not UTF-8: no JSON string can name it
            };
            if let Ok((_, size)) = self.resolve(&name) {
                files.push(Entry { name, size });
            }
        }
        files.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(Catalogue { files })
    }

    /// The files in the folder that are not offered because of their
    /// names, with why — for the person who put them there and wonders
    /// where they went. Hidden files are left out of this too: they are
    /// hidden on purpose.
    pub fn left_out(&self) -> io::Result<Vec<(String, String)>> {
        let mut left = Vec::new();
        for entry in fs::read_dir(&self.root)? {
            let Ok(entry) = entry else { continue };
            let name = entry.file_name();
            let shown = name.to_string_lossy().into_owned();
            if shown.starts_with('.') || !entry.path().is_file() {
                continue;
            }
            let why = match name.to_str() {
                None => Some(kit::tr!(crate::TEXT, "name-not-utf8")),
                Some(name) => names::unsafe_reason(name),
            };
            if let Some(why) = why {
                left.push((shown, why));
            }
        }
        left.sort();
        Ok(left)
    }

    /// The path and size of the file `name`, or why it is not served: the
    /// one rule for both listing and serving. The why is the refusal the
    /// client receives (in English) and the server logs (in its language).
    pub fn resolve(&self, name: &str) -> Result<(PathBuf, u64), Reason> {
        if let Some(why) = names::unsafe_reason_id(name) {
            return Err(Reason::new("refusal-not-plain")
                .with("name", format!("{name:?}"))
                .with_message("why", why));
        }
        let unknown = || Reason::new("refusal-unknown").with("name", format!("{name:?}"));
        let path = fs::canonicalize(self.root.join(name)).map_err(|_| unknown())?;
        // A symlink that leads out of the folder resolves elsewhere.
        if path.parent() != Some(self.root.as_path()) {
            return Err(unknown());
        }
        let meta = fs::metadata(&path).map_err(|_| unknown())?;
        if !meta.is_file() {
            return Err(unknown());
        }
        Ok((path, meta.len()))
    }
}
