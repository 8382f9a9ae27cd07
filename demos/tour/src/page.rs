//! `--html FILE`: the figures of every run, as one self-contained page,
//! written beside the story (or the JSON) that the tour prints.
//!
//! The file is opened before any demo runs: a path that cannot be written
//! is a command line that cannot work (exit code 2), said at once rather
//! than after the whole tour.

use kit::report::Report;
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The page's file, open for writing.
pub struct PageFile {
    path: PathBuf,
    file: File,
}

impl PageFile {
    /// Creates (or empties) the file at `path`.
    pub fn create(path: &Path) -> kit::Result<PageFile> {
        let file = File::create(path).map_err(|e| unwritable(path, &e))?;
        Ok(PageFile {
            path: path.to_path_buf(),
            file,
        })
    }

    /// Writes the page of `reports` and closes the file.
    pub fn write(mut self, reports: &[Report]) -> kit::Result<()> {
        let page = figure::page(reports);
        self.file
            .write_all(page.as_bytes())
            .and_then(|()| self.file.flush())
            .map_err(|e| unwritable(&self.path, &e))
    }
}

fn unwritable(path: &Path, error: &std::io::Error) -> kit::Error {
    kit::Error::Usage(kit::tr!(
        crate::TEXT,
        "html-unwritable",
        path = path.display().to_string(),
        error = error.to_string()
    ))
}
