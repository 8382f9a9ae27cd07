//! The tour's `--help` in the reader's language.
//!
//! English help stays the one written in the code, as clap's derive words
//! it from the doc comments. Another language takes the catalogue's
//! `tour-about` and `tour-arg-{id}`; where the English help had only a
//! short form, the translation keeps only that too, so that the layout of
//! `--help` does not change with the language. (The lesson list and the
//! lines after the options are worded from the catalogue in every
//! language: clap shows them the same way whatever their words.)

use crate::TEXT;
use kit::lang::{self, Lang};

/// `command` with its help from the tour's catalogue, in the process's
/// language.
#[must_use]
pub fn localize(command: clap::Command) -> clap::Command {
    if lang::current() == Lang::En {
        return command;
    }
    let had_long_about = command.get_long_about().is_some();
    let short_only: Vec<String> = command
        .get_arguments()
        .filter(|arg| arg.get_long_help().is_none())
        .map(|arg| arg.get_id().to_string())
        .collect();
    let mut command = TEXT.localize(command, "tour");
    if !had_long_about {
        command = command.long_about(None);
    }
    for id in short_only {
        command = command.mut_arg(id, |arg| arg.long_help(None));
    }
    command
}
