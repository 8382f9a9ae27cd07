//! Text that came from the peer, made safe to print on a terminal.
//!
//! A terminal obeys the bytes it is given. A file name holding `ESC [2J`
//! clears the student's screen; `ESC ]0;…BEL` retitles the window; a
//! carriage return lets a name overwrite the line it is printed on. The
//! invisible Unicode *bidi controls* reorder what follows them: with
//! U+202E (RIGHT-TO-LEFT OVERRIDE) the name `"invoice\u{202e}fdp.exe"` shows
//! as `invoiceexe.pdf`. Neither side decides what the other sends, so every
//! name, error message and log line that holds peer text goes through
//! [`escape`] on its way to a terminal: the dangerous characters are
//! spelled out as `\u{1b}`, `\u{202e}`, the way Rust's `{:?}` writes them.

use std::borrow::Cow;

/// Whether `c` reorders text around it without being seen: the bidi
/// embeddings and overrides (U+202A–U+202E), isolates (U+2066–U+2069),
/// the left-to-right and right-to-left marks (U+200E, U+200F) and the
/// Arabic letter mark (U+061C).
#[must_use]
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}'
    )
}

/// Whether `c` changes what a terminal shows instead of being shown: a
/// control character (C0, DEL, C1 — ESC, CR, BEL and the rest) or a bidi
/// control.
#[must_use]
pub fn is_unprintable(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

/// `text` with every [unprintable](is_unprintable) character written as
/// `\u{…}`; borrowed unchanged when there is none.
pub fn escape(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unprintable) {
        return Cow::Borrowed(text);
    }
    let mut shown = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if is_unprintable(c) {
            shown.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            shown.push(c);
        }
    }
    Cow::Owned(shown)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_and_bidi_controls_are_spelled_out() {
        assert_eq!(escape("\u{1b}[2Jgone"), "\\u{1b}[2Jgone");
        assert_eq!(escape("invoice\u{202e}fdp.exe"), "invoice\\u{202e}fdp.exe");
        assert_eq!(escape("a\rb\u{7}\u{9b}"), "a\\u{d}b\\u{7}\\u{9b}");
        for c in [
            '\u{202a}', '\u{202e}', '\u{2066}', '\u{2069}', '\u{200e}', '\u{200f}', '\u{061c}',
        ] {
            assert!(is_bidi_control(c), "{c:?}");
            assert_eq!(escape(&c.to_string()), format!("\\u{{{:x}}}", c as u32));
        }
    }

    #[test]
    fn ordinary_text_is_borrowed_unchanged() {
        for text in ["movie.mp4", "第一课 下雨天.mkv", "شبكة.txt", "a b-c_d"] {
            assert!(matches!(escape(text), Cow::Borrowed(t) if t == text));
        }
    }
}
