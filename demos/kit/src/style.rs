//! When to colour the output: on a terminal, unless told otherwise.
//!
//! A projector shows colours; a file, a pipe or a grader does not want
//! escape codes. `--color always|never` decides outright; `auto` colours
//! only when stdout is a terminal and `NO_COLOR` is not set (no-color.org).

use clap::ValueEnum;
use std::io::IsTerminal;

/// The `--color` choice.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when stdout is a terminal and NO_COLOR is unset.
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

    /// Decides for this process and switches the `colored` crate accordingly.
    pub fn apply(self) {
        let no_color = std::env::var("NO_COLOR").ok();
        let on = self.decide(std::io::stdout().is_terminal(), no_color.as_deref());
        colored::control::set_override(on);
    }
}

#[cfg(test)]
mod tests {
    use super::ColorChoice::*;

    #[test]
    fn auto_follows_the_terminal_and_no_color() {
        assert!(Auto.decide(true, None));
        assert!(!Auto.decide(false, None), "a pipe gets plain text");
        assert!(!Auto.decide(true, Some("1")), "NO_COLOR is honoured");
        assert!(Auto.decide(true, Some("")), "an empty NO_COLOR is unset");
        assert!(Always.decide(false, Some("1")), "an explicit flag wins");
        assert!(!Never.decide(true, None));
    }
}
