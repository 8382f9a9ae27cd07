//! How the story looks: in colour on a terminal, plain otherwise, and as
//! wide as the terminal.
//!
//! A projector shows colours; a file, a pipe or a grader does not want
//! escape codes. `--color always|never` decides outright; `auto` colours
//! only when stdout is a terminal and `NO_COLOR` is not set (no-color.org).
//!
//! The width is `COLUMNS` when it is set to a number, else the terminal's
//! when stdout is one, else [`WIDEST`] — so a file or a pipe gets the same
//! story on every computer. One pipe is read on the terminal all the same:
//! `--color always | less -R`, colour asked for by name, for a pager to
//! show; there the terminal that stderr still writes to gives the width.
//! The width is kept between [`NARROWEST`] and [`WIDEST`]: a wider
//! terminal gets the widest story, since longer lines are harder to read,
//! not easier.
//!
//! The decision is a [`Style`] value handed to every renderer: nothing
//! below `main` flips a process-wide switch.

use clap::ValueEnum;
use colored::{ColoredString, Colorize};
use std::io::IsTerminal;

/// The `--color` choice.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when stdout is a terminal and `NO_COLOR` is unset.
    #[default]
    Auto,
    /// Always colour, even into a pipe or a file.
    Always,
    /// Never colour.
    Never,
}

impl ColorChoice {
    /// Whether to colour, given the environment.
    pub fn decide(self, stdout_is_terminal: bool, no_color: Option<&str>) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => stdout_is_terminal && no_color.is_none_or(str::is_empty),
        }
    }

    /// The style for this process's stdout: colour as decided, and the
    /// width of [`columns`] — the terminal's being stdout's, or stderr's
    /// when colour is forced into a pipe (a pager's). For `main` only: when colour is on it also
    /// tells the `colored` crate, which would otherwise make its own guess
    /// from the environment, to paint.
    #[must_use]
    pub fn style(self) -> Style {
        let stdout = std::io::stdout();
        let no_color = std::env::var("NO_COLOR").ok();
        let colour = self.decide(stdout.is_terminal(), no_color.as_deref());
        if colour {
            colored::control::set_override(true);
        }
        let terminal = if stdout.is_terminal() {
            terminal_size::terminal_size_of(stdout)
        } else if self == ColorChoice::Always {
            terminal_size::terminal_size_of(std::io::stderr())
        } else {
            None
        };
        let terminal = terminal.map(|(w, _)| usize::from(w.0));
        let width = columns(std::env::var("COLUMNS").ok().as_deref(), terminal);
        Style { colour, width }
    }
}

/// Columns a story is drawn to when nothing says otherwise, and the most
/// it is ever drawn to: a projector at a readable font size shows about a
/// hundred.
pub const WIDEST: usize = 96;

/// The fewest columns a story is drawn to: below this, the hex rows and
/// the two columns of TCP beside UDP could not be read anyway.
pub const NARROWEST: usize = 60;

/// The story's width: `COLUMNS` when it holds a number above 0, else the
/// terminal's width (`None` when stdout is no terminal), else [`WIDEST`];
/// kept between [`NARROWEST`] and [`WIDEST`].
#[must_use]
pub fn columns(columns_variable: Option<&str>, terminal: Option<usize>) -> usize {
    columns_variable
        .and_then(|text| text.trim().parse::<usize>().ok())
        .filter(|&n| n > 0)
        .or(terminal.filter(|&n| n > 0))
        .map_or(WIDEST, |n| n.clamp(NARROWEST, WIDEST))
}

/// Whether text is painted, and how wide it is drawn: every renderer
/// takes one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    /// Paint with ANSI colours and weights.
    pub colour: bool,
    /// Columns no line may pass (but a hex dump row, which needs 69).
    pub width: usize,
}

impl Default for Style {
    fn default() -> Style {
        Style::PLAIN
    }
}

impl Style {
    /// Plain text at the widest width: for files, pipes, tests and graders.
    pub const PLAIN: Style = Style {
        colour: false,
        width: WIDEST,
    };

    /// The same style drawn `width` columns wide.
    #[must_use]
    pub fn with_width(self, width: usize) -> Style {
        Style { width, ..self }
    }

    /// `text` painted by `how` (e.g. `|t| t.bold()`), or as it is.
    pub fn paint(&self, text: &str, how: impl FnOnce(ColoredString) -> ColoredString) -> String {
        if self.colour {
            how(text.normal()).to_string()
        } else {
            text.to_string()
        }
    }

    /// Bold.
    #[must_use]
    pub fn bold(&self, text: &str) -> String {
        self.paint(text, colored::Colorize::bold)
    }

    /// Dimmed: what matters less.
    #[must_use]
    pub fn dimmed(&self, text: &str) -> String {
        self.paint(text, colored::Colorize::dimmed)
    }
}

#[cfg(test)]
mod tests {
    use super::ColorChoice::*;
    use super::Style;

    #[test]
    fn auto_follows_the_terminal_and_no_color() {
        assert!(Auto.decide(true, None));
        assert!(!Auto.decide(false, None), "a pipe gets plain text");
        assert!(!Auto.decide(true, Some("1")), "NO_COLOR is honoured");
        assert!(Auto.decide(true, Some("")), "an empty NO_COLOR is unset");
        assert!(Always.decide(false, Some("1")), "an explicit flag wins");
        assert!(!Never.decide(true, None));
    }

    #[test]
    fn the_width_is_columns_else_the_terminal_else_the_widest() {
        use super::{NARROWEST, WIDEST, columns};
        assert_eq!(columns(Some("80"), Some(120)), 80, "COLUMNS wins");
        assert_eq!(columns(None, Some(72)), 72, "then the terminal");
        assert_eq!(columns(None, None), WIDEST, "a pipe or a file");
        assert_eq!(
            columns(Some("wide"), Some(70)),
            70,
            "a COLUMNS that is no number"
        );
        assert_eq!(columns(Some("0"), None), WIDEST);
        assert_eq!(columns(Some(""), None), WIDEST);
        assert_eq!(columns(Some(" 81 "), None), 81);
        assert_eq!(columns(Some("20"), None), NARROWEST);
        assert_eq!(columns(None, Some(250)), WIDEST, "no wider than the widest");
    }

    #[test]
    fn a_plain_style_never_paints() {
        assert_eq!(Style::PLAIN.bold("x"), "x");
        assert_eq!(Style::PLAIN.paint("y", colored::Colorize::red), "y");
    }
}
