//! The tutorial's numbered menu: list the files, read a number, download,
//! again until `q`.
//!
//! The student may sit at the prompt as long as they like. The server
//! closes a connection that stays silent past its `--idle-timeout`, so
//! after a long think the menu connects again before asking for the file,
//! and says so (see [`Client::reconnect_if_closed`] for why this side, and
//! not the server, deals with the person who is thinking).

use std::io::{BufRead, Write};

use crate::TEXT;
use crate::client::{Client, Saving};
use crate::error::{Error, Result};
use crate::message::Entry;
use crate::names;
use crate::peer_text::escape;
use crate::progress::Progress;
use kit::tr;
use kit::units;

/// The catalogue as numbered lines, with unsafe names marked, not hidden,
/// so a student sees what a hostile server tried — escaped, so that it
/// cannot rewrite the screen it is shown on.
#[must_use]
pub fn listing(files: &[Entry]) -> String {
    if files.is_empty() {
        return format!("{}\n", tr!(TEXT, "menu-empty"));
    }
    let mut text = String::new();
    for (i, entry) in files.iter().enumerate() {
        let warning = match names::unsafe_reason(&entry.name) {
            Some(why) => format!("  {}", tr!(TEXT, "menu-refused", why = why)),
            None => String::new(),
        };
        text.push_str(&format!(
            "[{:>2}] {}  ({}){warning}\n",
            i + 1,
            escape(&entry.name),
            units::bytes(entry.size)
        ));
    }
    text
}

/// Runs the menu on `input` and `output` until `q`, `Q` or the end of
/// input. A choice that is not a number from the list asks again; a
/// refusal (from the server, or of a name or a file already there) is
/// shown and the menu goes on.
pub fn run(
    client: &mut Client,
    input: &mut dyn BufRead,
    output: &mut dyn Write,
    saving: &Saving,
    progress: &mut dyn Progress,
) -> Result<()> {
    let mut say = |text: &str| {
        output
            .write_all(text.as_bytes())
            .and_then(|()| output.flush())
            .map_err(Error::io(tr!(TEXT, "doing-terminal-write")))
    };
    loop {
        say(&format!(
            "{}\n{}{}",
            tr!(TEXT, "menu-header"),
            listing(client.files()),
            tr!(TEXT, "menu-prompt")
        ))?;
        // However long this takes: the server is not waiting for it.
        let mut line = String::new();
        let read = input
            .read_line(&mut line)
            .map_err(Error::io(tr!(TEXT, "doing-terminal-read")))?;
        let choice = line.trim();
        if read == 0 || choice.eq_ignore_ascii_case("q") {
            return say(&format!("{}\n", tr!(TEXT, "menu-bye")));
        }
        let entry = match choice.parse::<usize>() {
            Ok(n) if (1..=client.files().len()).contains(&n) => client.files()[n - 1].clone(),
            _ => {
                let text = tr!(
                    TEXT,
                    "menu-not-a-choice",
                    choice = format!("{choice:?}"),
                    last = client.files().len().to_string()
                );
                say(&format!("{text}\n"))?;
                continue;
            }
        };
        if client.reconnect_if_closed()? {
            let text = tr!(
                TEXT,
                "menu-reconnected",
                server = client.server().to_string()
            );
            say(&format!("{text}\n"))?;
        }
        match client.download(&entry.name, saving, progress) {
            Ok(done) => say(&format!("{done}\n"))?,
            // Refused before the body: by the server, or by this side (a
            // bad name, a file already there, a .part that does not fit,
            // a file gone from the new list). The connection is still in
            // step, so the student may pick another file.
            Err(
                error @ (Error::Refused(_)
                | Error::UnsafeName { .. }
                | Error::Exists { .. }
                | Error::PartTooLong { .. }
                | Error::Kit(kit::Error::Usage(_))),
            ) => say(&format!("{error}\n"))?,
            Err(error) => return Err(error),
        }
    }
}
