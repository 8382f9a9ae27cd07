//! How wide a line of text will be, without a font at hand: a terminal
//! column is about 0.56 em in the sans-serif faces the figures ask for,
//! and a Chinese character takes two columns, as on a terminal. Good
//! enough to fit labels in boxes and wrap captions; a browser with another
//! face may draw a little wider or narrower, so boxes keep a margin.

use kit::render::text;

/// Width of one terminal column, in ems.
const COLUMN_EM: f64 = 0.56;

/// The width of `line` at `size` units per em.
#[must_use]
pub fn width(line: &str, size: f64) -> f64 {
    text::width(line) as f64 * COLUMN_EM * size
}

/// As much of `line` as fits in `room` units, with `…` if it was cut;
/// `None` if not even one character and the ellipsis fit.
#[must_use]
pub fn fit(line: &str, room: f64, size: f64) -> Option<String> {
    if width(line, size) <= room {
        return Some(line.to_string());
    }
    let columns = (room / (COLUMN_EM * size)).floor() as usize;
    let (shown, _) = text::shorten_to(line, columns.checked_sub(1)?);
    (!shown.is_empty()).then(|| format!("{shown}…"))
}

/// `paragraph` broken at spaces into lines at most `room` units wide.
#[must_use]
pub fn wrap(paragraph: &str, room: f64, size: f64) -> Vec<String> {
    let columns = (room / (COLUMN_EM * size)).floor().max(1.0) as usize;
    text::wrap(paragraph, columns)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_is_twice_as_wide_as_latin() {
        assert!((width("下雨", 20.0) - 2.0 * width("ab", 20.0)).abs() < 1e-9);
    }

    #[test]
    fn a_long_label_is_cut_with_an_ellipsis_or_not_at_all() {
        let room = width("下雨天", 20.0);
        assert_eq!(fit("下雨天", room, 20.0).as_deref(), Some("下雨天"));
        assert_eq!(fit("下雨天留客", room, 20.0).as_deref(), Some("下雨…"));
        assert_eq!(fit("下雨天留客", 5.0, 20.0), None);
    }
}
