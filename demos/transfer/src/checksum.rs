//! CRC-32 of a file, read in pieces.
//!
//! TCP's own 16-bit checksum misses about one corrupted segment in 65 536,
//! and nothing checks the bytes between the socket and the disk. The
//! tutorial never checks anything; here the server sends the CRC-32 of the
//! whole file after the body and the client compares it with what it
//! wrote. CRC-32 (the one in zip, PNG and Python's `zlib.crc32`) catches
//! accidents, not attackers, and runs at many GB/s, so it never slows a
//! download down.

use std::collections::HashMap;
use std::fs::{File, Metadata};
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, SystemTime};

/// Bytes read from disk at a time.
pub const CHUNK: usize = 256 * 1024;

/// CRC-32 of the first `len` bytes of the file at `path` (all of it if it
/// is shorter), fed into `hasher`; returns the bytes read.
pub fn hash_prefix(path: &Path, len: u64, hasher: &mut crc32fast::Hasher) -> io::Result<u64> {
    let mut file = File::open(path)?.take(len);
    let mut buf = vec![0u8; CHUNK];
    let mut total = 0;
    loop {
        let n = match file.read(&mut buf) {
            Ok(0) => return Ok(total),
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        hasher.update(&buf[..n]);
        total += n as u64;
    }
}

/// CRC-32 of the whole file at `path`.
pub fn hash_file(path: &Path) -> io::Result<u32> {
    let mut hasher = crc32fast::Hasher::new();
    hash_prefix(path, u64::MAX, &mut hasher)?;
    Ok(hasher.finalize())
}

/// How recently changed a file may be and still have its checksum
/// remembered. A file system stamps changes with a clock that ticks
/// coarsely — a few milliseconds on Linux, a second on HFS+, two on FAT —
/// so a write in the same tick as the one we saw would leave the stamp
/// unchanged. Only a version whose stamp is older than one tick when
/// hashing began cannot change under the same stamp (git's "racily
/// clean" rule, for the same reason).
pub const RACY_WINDOW: Duration = Duration::from_secs(2);

/// One version of a file's content, as the operating system identifies
/// it: which file (device and inode) and when its content or metadata
/// last changed (ctime, to the nanosecond), with its size.
///
/// Not the modification time: any user can set that back (`touch -d`,
/// `File::set_modified`, a copy that keeps times), and a file edited in
/// place with the same size and mtime would keep its old checksum — every
/// download would then fail its check until the server restarted. The
/// ctime cannot be set by a user: every write, and setting the mtime
/// itself, moves it to now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Version {
    device: u64,
    inode: u64,
    size: u64,
    changed: SystemTime,
}

impl Version {
    /// The version `meta` describes, or `None` where the system gives no
    /// ctime (Windows): there the checksum is computed for every download.
    #[must_use]
    pub fn of(meta: &Metadata) -> Option<Version> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let since_epoch = Duration::new(
                meta.ctime().max(0) as u64,
                meta.ctime_nsec().clamp(0, 999_999_999) as u32,
            );
            Some(Version {
                device: meta.dev(),
                inode: meta.ino(),
                size: meta.len(),
                changed: SystemTime::UNIX_EPOCH + since_epoch,
            })
        }
        #[cfg(not(unix))]
        {
            let _ = meta;
            None
        }
    }
}

/// Checksums already computed, one per file, for the version it had.
///
/// A class downloads the same video thirty times; hashing it once is
/// enough. A file that changes has a new [`Version`], which misses, and
/// the new checksum replaces the old.
#[derive(Debug, Default)]
pub struct Cache {
    known: Mutex<HashMap<PathBuf, (Version, u32)>>,
}

impl Cache {
    /// The checksum of `path` at `version`, if it was computed before.
    pub fn get(&self, path: &Path, version: Option<Version>) -> Option<u32> {
        let version = version?;
        let known = self.known.lock().ok()?;
        match known.get(path) {
            Some(&(v, crc)) if v == version => Some(crc),
            _ => None,
        }
    }

    /// Remembers `crc` as the checksum of `path` at `version`, hashed from
    /// `hashing_began` on — unless that version is too recent to be told
    /// apart from a change made while it was being hashed
    /// ([`RACY_WINDOW`]).
    pub fn put(&self, path: &Path, version: Option<Version>, crc: u32, hashing_began: SystemTime) {
        let Some(version) = version else { return };
        let settled = version
            .changed
            .checked_add(RACY_WINDOW)
            .is_some_and(|t| t < hashing_began);
        if !settled {
            return;
        }
        if let Ok(mut known) = self.known.lock() {
            known.insert(path.to_path_buf(), (version, crc));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_crc_is_zlibs() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x");
        std::fs::write(&path, b"123456789").unwrap();
        // zlib.crc32(b"123456789") == 0xcbf43926, the standard check value.
        assert_eq!(hash_file(&path).unwrap(), 0xcbf4_3926);
    }

    #[cfg(unix)]
    #[test]
    fn a_new_ctime_misses_and_a_racy_version_is_not_remembered() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x");
        std::fs::write(&path, b"one").unwrap();
        let version = Version::of(&std::fs::metadata(&path).unwrap());
        let cache = Cache::default();
        let later = SystemTime::now() + RACY_WINDOW + Duration::from_secs(1);
        cache.put(&path, version, 7, SystemTime::now());
        assert_eq!(cache.get(&path, version), None, "too recent to trust");
        cache.put(&path, version, 7, later);
        assert_eq!(cache.get(&path, version), Some(7));
        let mut moved = version.unwrap();
        moved.changed += Duration::from_nanos(1);
        assert_eq!(
            cache.get(&path, Some(moved)),
            None,
            "one nanosecond is a change"
        );
        assert_eq!(cache.get(&path, None), None);
    }
}
