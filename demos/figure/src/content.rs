//! What a box says inside: its bytes as text when they are text, with a
//! ✂ where a character was cut by the box's edge (a Chinese character is
//! three bytes, and TCP knows nothing of characters), and control bytes
//! spelled out.

use kit::render::text::visible;
use kit::utf8;

/// The bytes as a label, or `None` when they are not text.
#[must_use]
pub fn text(bytes: &[u8]) -> Option<String> {
    if bytes.is_empty() {
        return None;
    }
    let reading = utf8::read(bytes);
    let middle = reading.text?;
    let mut shown = String::new();
    if !reading.lead.is_empty() {
        shown.push('✂');
    }
    shown.push_str(&visible(middle));
    if !reading.tail.is_empty() {
        shown.push('✂');
    }
    Some(shown)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cut_character_shows_scissors_and_binary_shows_nothing() {
        let bytes = "下雨天".as_bytes();
        assert_eq!(text(bytes).as_deref(), Some("下雨天"));
        assert_eq!(text(&bytes[..7]).as_deref(), Some("下雨✂"));
        assert_eq!(text(&bytes[2..]).as_deref(), Some("✂雨天"));
        assert_eq!(text(&[0xff, 0xfe, 0x00, 0x80]), None);
        assert_eq!(text(b"a\nb").as_deref(), Some("a\\nb"));
    }
}
