//! How the story looks: in colour on a terminal, plain otherwise.
//!
//! A projector shows colours; a file, a pipe or a grader does not want
//! escape codes. `--color always|never` decides outright; `auto` colours
//! only when stdout is a terminal and `NO_COLOR` is not set (no-color.org).
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

    /// The style for this process's stdout. For `main` only: when colour
    /// is on it also tells the `colored` crate, which would otherwise make
    /// its own guess from the environment, to paint.
    #[must_use]
    pub fn style(self) -> Style {
        let no_color = std::env::var("NO_COLOR").ok();
        let colour = self.decide(std::io::stdout().is_terminal(), no_color.as_deref());
        if colour {
            colored::control::set_override(true);
        }
        Style { colour }
    }
}

/// Whether text is painted: every renderer takes one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Style {
    /// Paint with ANSI colours and weights.
    pub colour: bool,
}

impl Style {
    /// Plain text: for files, pipes, tests and graders.
    pub const PLAIN: Style = Style { colour: false };

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
    fn a_plain_style_never_paints() {
        assert_eq!(Style::PLAIN.bold("x"), "x");
        assert_eq!(Style::PLAIN.paint("y", colored::Colorize::red), "y");
    }
}
