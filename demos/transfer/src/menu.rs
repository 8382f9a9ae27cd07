//! The tutorial's numbered menu: list the files, read a number, download,
//! again until `q`.

use std::io::{BufRead, Write};
use std::path::Path;

use crate::client::Client;
use crate::error::{Error, Result};
use crate::message::Entry;
use crate::names;
use crate::progress::Progress;
use crate::rate;

/// The catalogue as numbered lines, with unsafe names marked, not hidden,
/// so a student sees what a hostile server tried.
pub fn listing(files: &[Entry]) -> String {
    if files.is_empty() {
        return "the server offers no files (its folder is empty)\n".into();
    }
    let mut text = String::new();
    for (i, entry) in files.iter().enumerate() {
        let warning = match names::unsafe_reason(&entry.name) {
            Some(why) => format!("  (refused: {why})"),
            None => String::new(),
        };
        text.push_str(&format!(
            "[{:>2}] {}  ({}){warning}\n",
            i + 1,
            entry.name,
            rate::bytes(entry.size)
        ));
    }
    text
}

/// Runs the menu on `input` and `output` until `q`, `Q` or the end of
/// input. A choice that is not a number from the list asks again; a
/// refusal from the server is shown and the menu goes on.
pub fn run(
    client: &mut Client,
    input: &mut dyn BufRead,
    output: &mut dyn Write,
    out: &Path,
    resume: bool,
    progress: &mut dyn Progress,
) -> Result<()> {
    let io = Error::io("writing to the terminal");
    let say = |output: &mut dyn Write, text: &str| {
        output
            .write_all(text.as_bytes())
            .and_then(|()| output.flush())
    };
    loop {
        let prompt = format!(
            "files on the server:\n{}number to download (Q/q quits): ",
            listing(client.files())
        );
        say(output, &prompt).map_err(Error::io("writing to the terminal"))?;
        let mut line = String::new();
        let read = input
            .read_line(&mut line)
            .map_err(Error::io("reading your choice"))?;
        let choice = line.trim();
        if read == 0 || choice.eq_ignore_ascii_case("q") {
            return say(output, "bye\n").map_err(io);
        }
        let entry = match choice.parse::<usize>() {
            Ok(n) if (1..=client.files().len()).contains(&n) => client.files()[n - 1].clone(),
            _ => {
                let text = format!(
                    "{choice:?} is not a number from the list; type 1 to {}, or q to quit\n",
                    client.files().len()
                );
                say(output, &text).map_err(Error::io("writing to the terminal"))?;
                continue;
            }
        };
        match client.download(&entry.name, out, resume, progress) {
            Ok(done) => {
                let text = format!(
                    "saved {} — {}, CRC-32 {:08x} verified\n",
                    done.path.display(),
                    rate::summary(done.received(), done.elapsed),
                    done.crc32
                );
                say(output, &text).map_err(Error::io("writing to the terminal"))?;
            }
            // The server said no, or the name was unsafe: the connection
            // is still in step, so the student may pick another file.
            Err(error @ (Error::Refused(_) | Error::UnsafeName { .. })) => {
                say(output, &format!("{error}\n")).map_err(Error::io("writing to the terminal"))?;
            }
            Err(error) => return Err(error),
        }
    }
}
