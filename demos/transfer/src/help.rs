//! The programs' `--help` in the reader's language, from the exercise's
//! catalogue (see `kit::catalogue::Catalogue::localize`).

/// `command` with its help from the exercise's catalogue, in the
/// process's language, under `prefix` (`transfer-client`).
#[must_use]
pub fn localize(command: clap::Command, prefix: &str) -> clap::Command {
    crate::TEXT.localize(command, prefix)
}
