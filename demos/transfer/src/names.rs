//! Which file names are safe to serve and to save.
//!
//! The tutorial's client does `os.path.join(MOVIE_DIR, movie_name)` with a
//! name that came over the network. A name such as `../../.bashrc` or
//! `/etc/cron.d/x` then writes wherever the *server* chooses; on Windows
//! `CON` or `nul.txt` is a device, not a file. Both sides therefore accept
//! only a plain name that stays inside its folder on every system.
//!
//! One rule serves both sides: the server lists exactly the names that
//! pass it (and serves exactly what it lists), and the client saves only
//! names that pass it. So our server never offers a file our client would
//! refuse, and whatever another server offers, our client writes nothing
//! it should not.

use crate::TEXT;
use crate::peer_text;

/// What the client appends to a name while the file is still arriving.
pub const PART_SUFFIX: &str = ".part";

/// The longest name either side accepts, in bytes of UTF-8: most file
/// systems allow 255 bytes (ext4, APFS) or 255 UTF-16 units (NTFS) per
/// name, and the client must be able to create `NAME.part` too. A longer
/// name is not listed, rather than listed and then unsaveable.
pub const MAX_NAME_LEN: usize = 255 - PART_SUFFIX.len();

/// Why `name` is not a plain file name, in the process's language, or
/// `None` if it is one.
pub fn unsafe_reason(name: &str) -> Option<String> {
    unsafe_reason_id(name).map(|id| TEXT.text(id, None))
}

/// The catalogue's message that says why `name` is not a plain file name
/// (the server's refusal says it in English, its log in its own language:
/// see [`crate::reason`]).
pub fn unsafe_reason_id(name: &str) -> Option<&'static str> {
    if name.is_empty() {
        return Some("name-empty");
    }
    if name.len() > MAX_NAME_LEN {
        return Some("name-too-long");
    }
    if name.contains('/') || name.contains('\\') {
        return Some("name-separator");
    }
    if name.starts_with('.') {
        return Some("name-dot");
    }
    if name.contains(':') {
        return Some("name-colon");
    }
    if name.chars().any(char::is_control) {
        return Some("name-control");
    }
    if name.chars().any(peer_text::is_bidi_control) {
        return Some("name-bidi");
    }
    if reserved_on_windows(name) {
        return Some("name-device");
    }
    None
}

/// The name a download is written under until its checksum matches.
#[must_use]
pub fn part_of(name: &str) -> String {
    format!("{name}{PART_SUFFIX}")
}

/// `CON`, `nul.txt`, `Com1.tar.gz`, `LPT9 .x`: a name whose part before
/// the first dot (trailing spaces and dots ignored) is a DOS device.
#[must_use]
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
            ".hidden",
            ".bashrc",
            "\u{1b}[2J.txt",
            "invoice\u{202e}fdp.exe",
            "x\u{2066}y",
            "x\u{61c}y",
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

    #[test]
    fn a_name_is_short_enough_for_its_part_file() {
        let longest = "a".repeat(MAX_NAME_LEN);
        assert_eq!(unsafe_reason(&longest), None);
        assert_eq!(part_of(&longest).len(), 255);
        let too_long = "a".repeat(MAX_NAME_LEN + 1);
        assert!(unsafe_reason(&too_long).unwrap().contains("255-byte"));
        // 83 three-byte characters: 249 bytes, fine; 84: 252, too long.
        assert_eq!(unsafe_reason(&"课".repeat(83)), None);
        assert!(unsafe_reason(&"课".repeat(84)).is_some());
    }
}
