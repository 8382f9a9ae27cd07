//! Which file names are safe to serve and to save.
//!
//! The tutorial's client does `os.path.join(MOVIE_DIR, movie_name)` with a
//! name that came over the network. A name such as `../../.bashrc` or
//! `/etc/cron.d/x` then writes wherever the *server* chooses; on Windows
//! `CON` or `nul.txt` is a device, not a file. Both sides therefore accept
//! only a plain name that stays inside its folder on every system.

/// Why `name` is not a plain file name, or `None` if it is one.
pub fn unsafe_reason(name: &str) -> Option<&'static str> {
    if name.is_empty() {
        return Some("it is empty");
    }
    if name.len() > 255 {
        return Some("it is longer than 255 bytes");
    }
    if name.contains('/') || name.contains('\\') {
        return Some("it contains a path separator, so it could point into another folder");
    }
    if name == "." || name.starts_with("..") {
        return Some("it starts with a dot-dot (or is a dot), which leads out of the folder");
    }
    if name.contains(':') {
        return Some("it contains ':', a drive letter or stream name on Windows");
    }
    if name.chars().any(char::is_control) {
        return Some("it contains control characters");
    }
    if reserved_on_windows(name) {
        return Some("it is a device name on Windows (CON, PRN, AUX, NUL, COM1-9, LPT1-9)");
    }
    None
}

/// `CON`, `nul.txt`, `Com1.tar.gz`, `LPT9 .x`: a name whose part before
/// the first dot (trailing spaces and dots ignored) is a DOS device.
pub fn reserved_on_windows(name: &str) -> bool {
    let stem = name
        .split('.')
        .next()
        .unwrap_or("")
        .trim_end_matches([' ', '.']);
    let upper = stem.to_ascii_uppercase();
    match upper.as_str() {
        "CON" | "PRN" | "AUX" | "NUL" => true,
        _ => {
            let (prefix, digit) = upper.split_at(upper.len().min(3));
            (prefix == "COM" || prefix == "LPT")
                && digit.len() == 1
                && matches!(digit.as_bytes()[0], b'1'..=b'9')
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_names_pass() {
        for name in [
            "movie.mp4",
            "第一课.mkv",
            "a b.txt",
            ".hidden",
            "con2.txt",
            "comx",
            "x..y",
        ] {
            assert_eq!(unsafe_reason(name), None, "{name}");
        }
    }

    #[test]
    fn names_that_leave_the_folder_are_refused() {
        for name in [
            "",
            ".",
            "..",
            "../x",
            "..x",
            "/etc/x",
            "a/b",
            "a\\b",
            "C:x",
            "C:\\x",
            "\\\\srv\\x",
            "a\u{0}b",
        ] {
            assert!(unsafe_reason(name).is_some(), "{name:?}");
        }
    }

    #[test]
    fn windows_devices_are_refused_with_or_without_extension() {
        for name in [
            "CON",
            "con",
            "Prn.txt",
            "aux.tar.gz",
            "NUL",
            "COM1",
            "com9.log",
            "LPT1",
            "lpt5.x",
            "nul .txt",
        ] {
            assert!(reserved_on_windows(name), "{name}");
            assert!(unsafe_reason(name).is_some(), "{name}");
        }
        for name in ["COM0", "COM10", "console", "LPT", "nulled.txt"] {
            assert!(!reserved_on_windows(name), "{name}");
        }
    }
}
