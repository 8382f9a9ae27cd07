//! lab-check's `--help` in the reader's language.
//!
//! English help stays the one written in the code, as clap's derive words
//! it from the doc comments. Another language takes the catalogue's
//! `lab-check-about`, `lab-check-arg-{id}` and the examples after the
//! options; where the English help had only a short form, the translation
//! keeps only that too, so that the layout of `--help` does not change
//! with the language.

use crate::TEXT;
use kit::lang::{self, Lang};
use kit::tr;

/// `command` with its help from lab-check's catalogue, in the process's
/// language.
#[must_use]
pub fn localize(command: clap::Command) -> clap::Command {
    if lang::current() == Lang::En {
        return command;
    }
    let command = TEXT.localize(command, "lab-check");
    command.after_help(format!(
        "{}\n  {}\n  {}\n\n{}",
        tr!(TEXT, "lab-check-after-help-examples"),
        EXAMPLES[0],
        EXAMPLES[1],
        tr!(TEXT, "lab-check-after-help")
    ))
}

/// The two example command lines, the same in every language.
pub const EXAMPLES: [&str; 2] = [
    "lab-check receiver -- python3 my_receiver.py {port}",
    "lab-check sender -- python3 my_sender.py {port}",
];
