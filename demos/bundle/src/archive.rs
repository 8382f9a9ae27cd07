//! Writing a bundle: a zip file for Windows, a gzipped tar for Linux, each
//! holding one folder.

use crate::contents::Entry;
use crate::platform::Archive;
use flate2::Compression;
use flate2::write::GzEncoder;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

/// Writes `entries` into the folder `folder` of a new archive at `path`;
/// returns the archive's size in bytes.
pub fn write(path: &Path, folder: &str, entries: &[Entry], kind: Archive) -> io::Result<u64> {
    let file = BufWriter::new(File::create(path)?);
    match kind {
        Archive::Zip => zip(file, folder, entries)?,
        Archive::TarGz => tar_gz(file, folder, entries)?,
    }
    Ok(std::fs::metadata(path)?.len())
}

fn zip(file: impl Write + io::Seek, folder: &str, entries: &[Entry]) -> io::Result<()> {
    use zip::write::SimpleFileOptions;
    let mut zip = zip::ZipWriter::new(file);
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(9));
    zip.add_directory(format!("{folder}/"), options)
        .map_err(io::Error::other)?;
    for entry in entries {
        // Unix modes are kept for whoever unpacks the zip elsewhere;
        // Windows ignores them.
        let mode = if entry.executable { 0o755 } else { 0o644 };
        zip.start_file(
            format!("{folder}/{}", entry.name),
            options.unix_permissions(mode),
        )
        .map_err(io::Error::other)?;
        zip.write_all(&entry.bytes)?;
    }
    zip.finish().map_err(io::Error::other)?.flush()
}

fn tar_gz(file: impl Write, folder: &str, entries: &[Entry]) -> io::Result<()> {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let mut tar = tar::Builder::new(GzEncoder::new(file, Compression::best()));
    let mut header = tar::Header::new_gnu();
    header.set_entry_type(tar::EntryType::Directory);
    header.set_mode(0o755);
    header.set_mtime(now);
    header.set_size(0);
    tar.append_data(&mut header, format!("{folder}/"), io::empty())?;
    for entry in entries {
        let mut header = tar::Header::new_gnu();
        header.set_mode(if entry.executable { 0o755 } else { 0o644 });
        header.set_mtime(now);
        header.set_size(entry.bytes.len() as u64);
        tar.append_data(
            &mut header,
            format!("{folder}/{}", entry.name),
            entry.bytes.as_slice(),
        )?;
    }
    tar.into_inner()?.finish()?.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn entries() -> Vec<Entry> {
        vec![
            Entry {
                name: "lab".into(),
                bytes: b"\x7fELF program".to_vec(),
                executable: true,
            },
            Entry {
                name: "START-HERE.txt".into(),
                bytes: "下雨天留客天留人".as_bytes().to_vec(),
                executable: false,
            },
        ]
    }

    #[test]
    fn a_tar_gz_keeps_the_folder_the_bytes_and_the_executable_bit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.tar.gz");
        let size = write(&path, "b", &entries(), Archive::TarGz).unwrap();
        assert!(size > 0);
        let mut tar = tar::Archive::new(flate2::read::GzDecoder::new(File::open(&path).unwrap()));
        let mut seen = Vec::new();
        for entry in tar.entries().unwrap() {
            let mut entry = entry.unwrap();
            let name = entry.path().unwrap().to_string_lossy().into_owned();
            let mode = entry.header().mode().unwrap();
            let mut bytes = Vec::new();
            entry.read_to_end(&mut bytes).unwrap();
            seen.push((name, mode, bytes));
        }
        assert_eq!(seen[0].0, "b/");
        assert_eq!((seen[1].0.as_str(), seen[1].1), ("b/lab", 0o755));
        assert_eq!(seen[1].2, b"\x7fELF program");
        assert_eq!((seen[2].0.as_str(), seen[2].1), ("b/START-HERE.txt", 0o644));
    }

    #[test]
    fn a_zip_holds_the_folder_and_the_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.zip");
        write(&path, "b", &entries(), Archive::Zip).unwrap();
        let mut zip = zip::ZipArchive::new(File::open(&path).unwrap()).unwrap();
        let mut page = String::new();
        zip.by_name("b/START-HERE.txt")
            .unwrap()
            .read_to_string(&mut page)
            .unwrap();
        assert_eq!(page, "下雨天留客天留人");
        assert_eq!(zip.by_name("b/lab").unwrap().unix_mode(), Some(0o100_755));
    }
}
