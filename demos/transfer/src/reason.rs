//! Why the server will not serve a request or a connection: one sentence
//! said in two places.
//!
//! ```text
//!                      ┌─ to the client ─▶ {"error": "no file named \"x\" (ask for one from the list)"}
//!   Reason ("refusal-unknown", name = "x")        English: the protocol's language
//!                      └─ to the log ────▶ 127.0.0.1:52004：拒绝：没有名为 "x" 的文件（请从列表里选）
//!                                                 the language the server was started with
//! ```
//!
//! The frame goes to a client on another computer, which may speak another
//! language, and to students' own programs, which print it as it came: so
//! it is English, as the rest of the protocol. The log is for the teacher
//! in front of the server, so it speaks the server's `--lang`.

use std::fmt;

use crate::TEXT;
use codec::decoder::DecodeError;
use kit::catalogue::FluentArgs;
use kit::lang::Lang;

/// A refusal, kept as a catalogue message and its values until it is said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reason {
    id: &'static str,
    args: Vec<(&'static str, Part)>,
}

/// A value of a placeholder.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    /// Shown as it is: a name, a number, the operating system's words.
    Text(String),
    /// Another message of the catalogue, said in the same language.
    Message(&'static str),
    /// Why a frame did not decode, as the framing lesson words it.
    Decode(DecodeError),
}

impl Reason {
    /// The catalogue's message `id`, its placeholders still to fill.
    #[must_use]
    pub fn new(id: &'static str) -> Reason {
        Reason {
            id,
            args: Vec::new(),
        }
    }

    /// Words that came from elsewhere (an I/O error, a decoder), kept as
    /// they are in every language.
    #[must_use]
    pub fn verbatim(text: impl fmt::Display) -> Reason {
        Reason::new("refusal-verbatim").with("text", text)
    }

    /// Fills placeholder `name` with `text`.
    #[must_use]
    pub fn with(mut self, name: &'static str, text: impl fmt::Display) -> Reason {
        self.args.push((name, Part::Text(text.to_string())));
        self
    }

    /// Fills placeholder `name` with the catalogue's message `id`, said in
    /// the same language as this one.
    #[must_use]
    pub fn with_message(mut self, name: &'static str, id: &'static str) -> Reason {
        self.args.push((name, Part::Message(id)));
        self
    }

    /// Fills placeholder `name` with why a frame did not decode.
    #[must_use]
    pub fn with_decode_error(mut self, name: &'static str, error: &DecodeError) -> Reason {
        self.args.push((name, Part::Decode(error.clone())));
        self
    }

    /// The sentence in `lang`.
    #[must_use]
    pub fn said_in(&self, lang: Lang) -> String {
        let mut args = FluentArgs::new();
        for (name, part) in &self.args {
            let text = match part {
                Part::Text(text) => text.clone(),
                Part::Message(id) => TEXT.text_in(lang, id, None),
                Part::Decode(error) => fixed::decoder_state::error_in(lang, error),
            };
            args.set(*name, text);
        }
        TEXT.text_in(lang, self.id, Some(&args))
    }

    /// The sentence of the `{"error": …}` frame: English.
    #[must_use]
    pub fn for_the_wire(&self) -> String {
        self.said_in(Lang::En)
    }

    /// The sentence of the server's log: the process's language.
    #[must_use]
    pub fn for_the_log(&self) -> String {
        self.said_in(kit::lang::current())
    }

    /// The reason an I/O error carries, if the request clock made it; any
    /// other error's own words otherwise.
    #[must_use]
    pub fn of(error: &std::io::Error) -> Reason {
        error
            .get_ref()
            .and_then(|inner| inner.downcast_ref::<Reason>())
            .cloned()
            .unwrap_or_else(|| Reason::verbatim(error))
    }
}

/// As the frame says it, in English.
impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.for_the_wire())
    }
}

impl std::error::Error for Reason {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_frame_is_english_and_the_log_speaks_the_servers_language() {
        let reason = Reason::new("refusal-idle-between").with("secs", 5);
        assert_eq!(
            reason.for_the_wire(),
            "nothing arrived for 5 s between requests (--idle-timeout)"
        );
        assert_eq!(reason.to_string(), reason.for_the_wire());
        let zh = reason.said_in(Lang::Zh);
        assert!(zh.contains("5 s") && zh.contains("--idle-timeout"), "{zh}");
        assert!(!zh.contains("nothing arrived"), "{zh}");
    }

    #[test]
    fn a_nested_message_is_said_in_the_same_language() {
        let reason = Reason::new("refusal-not-plain")
            .with("name", "\"../x\"")
            .with_message("why", "name-separator");
        let (en, zh) = (reason.said_in(Lang::En), reason.said_in(Lang::Zh));
        assert!(
            en.ends_with(&TEXT.text_in(Lang::En, "name-separator", None)),
            "{en}"
        );
        assert!(
            zh.ends_with(&TEXT.text_in(Lang::Zh, "name-separator", None)),
            "{zh}"
        );
    }

    #[test]
    fn an_io_error_keeps_the_reason_it_carries() {
        let reason = Reason::new("refusal-late").with("secs", 0.3);
        let error = std::io::Error::new(std::io::ErrorKind::TimedOut, reason.clone());
        assert_eq!(Reason::of(&error), reason);
        assert_eq!(error.to_string(), reason.for_the_wire());
        let other = std::io::Error::other("broken pipe");
        assert_eq!(Reason::of(&other).for_the_wire(), "broken pipe");
    }
}
