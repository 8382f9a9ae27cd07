//! What a bundle holds: every program, the tour under a name a student can
//! type, and the START-HERE page.

use crate::platform::Platform;
use std::fs;
use std::io;
use std::path::Path;

/// One file of a bundle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Its name inside the bundle's folder.
    pub name: String,
    /// Its bytes.
    pub bytes: Vec<u8>,
    /// Whether it is a program (Unix needs the executable bit).
    pub executable: bool,
}

/// The tour's name in the workspace, where `cargo demo` runs it.
pub const TOUR: &str = "tour";
/// The tour's name in a bundle: short, and what a student types first.
/// The tour names itself after the file it was started as, so its
/// `--help` says `lab`.
pub const LAB: &str = "lab";
/// The page a student opens first.
pub const PAGE: &str = "START-HERE.txt";

/// The page, with `{VERSION}`, `{PLATFORM}` and `{RUN}` to fill in.
const PAGE_TEXT: &str = include_str!("../START-HERE.txt");

/// The START-HERE page for `platform`, in its line endings. On Windows it
/// starts with a byte-order mark, so that an editor that guesses the
/// encoding shows the Chinese half as Chinese.
#[must_use]
pub fn page(version: &str, platform: &Platform) -> Vec<u8> {
    let text = PAGE_TEXT
        .replace("{VERSION}", version)
        .replace("{PLATFORM}", platform.name)
        .replace("{RUN}", platform.run);
    let lines: Vec<&str> = text.lines().collect();
    let mut page = lines.join(platform.newline);
    page.push_str(platform.newline);
    let bom: &[u8] = if platform.newline == "\r\n" {
        "\u{feff}".as_bytes()
    } else {
        b""
    };
    [bom, page.as_bytes()].concat()
}

/// The name a program has in a bundle.
#[must_use]
pub fn bundled_name(program: &str, platform: &Platform) -> String {
    let name = if program == TOUR { LAB } else { program };
    format!("{name}{}", platform.exe_suffix)
}

/// Every file of the bundle for `platform`: each of `programs`, read from
/// `built` (the folder Cargo built them into), then the page.
pub fn entries(
    programs: &[String],
    built: &Path,
    version: &str,
    platform: &Platform,
) -> io::Result<Vec<Entry>> {
    let mut entries = Vec::new();
    for program in programs {
        let file = built.join(format!("{program}{}", platform.exe_suffix));
        let bytes = fs::read(&file)
            .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", file.display())))?;
        entries.push(Entry {
            name: bundled_name(program, platform),
            bytes,
            executable: true,
        });
    }
    entries.sort_by(|a, b| a.name.cmp(&b.name));
    entries.push(Entry {
        name: PAGE.into(),
        bytes: page(version, platform),
        executable: false,
    });
    Ok(entries)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::platform::{LINUX, WINDOWS};

    #[test]
    fn the_tour_is_lab_and_windows_programs_end_in_exe() {
        assert_eq!(bundled_name("tour", &WINDOWS), "lab.exe");
        assert_eq!(bundled_name("tour", &LINUX), "lab");
        assert_eq!(bundled_name("sticky-server", &WINDOWS), "sticky-server.exe");
    }

    #[test]
    fn the_page_is_filled_in_for_each_platform() {
        let windows = String::from_utf8(page("0.1.0", &WINDOWS)).unwrap();
        assert!(
            windows.starts_with("\u{feff}Sticky Packet Lab 0.1.0"),
            "{windows}"
        );
        assert!(windows.contains(".\\sticky-server --listen 0.0.0.0:9000\r\n"));
        assert!(!windows.replace("\r\n", "").contains('\n'), "CRLF only");
        let linux = String::from_utf8(page("0.1.0", &LINUX)).unwrap();
        assert!(linux.contains("./lab sticky"), "{linux}");
        assert!(!linux.contains('{'), "every placeholder filled: {linux}");
        assert!(!linux.contains('\r'));
    }

    #[test]
    fn the_page_fits_one_printed_page() {
        let text = String::from_utf8(page("0.1.0", &LINUX)).unwrap();
        assert!(text.lines().count() <= 66, "{} lines", text.lines().count());
        for line in text.lines() {
            // Chinese characters take two columns.
            let width: usize = line.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum();
            assert!(width <= 80, "{width} columns: {line}");
        }
    }
}
