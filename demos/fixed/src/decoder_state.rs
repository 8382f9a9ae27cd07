//! The decoder's state and failures as sentences in the process's
//! language.
//!
//! The `codec` crate has no dependencies on purpose, so that a student can
//! copy it whole; its `Display` says the state in English. The lesson's
//! story speaks the student's language, so it words the same typed state
//! here, through the lesson's catalogue: English comes out exactly as
//! codec's `Display` says it.

use crate::TEXT;
use codec::decoder::{DecodeError, Part, State};
use codec::frame::HEADER_LEN;
use kit::catalogue::{FluentArgs, value};
use kit::lang::Lang;

/// Where the decoder is inside the next frame: "holding 2 of the 4 header
/// bytes; waiting for 2 more".
#[must_use]
pub fn state(state: State) -> String {
    match state {
        State::Header { have: 0 } => kit::tr!(TEXT, "state-between"),
        State::Header { have } => {
            kit::tr!(TEXT, "state-header", have = have, need = HEADER_LEN - have)
        }
        State::Body { len, have } => kit::tr!(
            TEXT,
            "state-body",
            have = have,
            len = len,
            need = len - have
        ),
    }
}

/// Why decoding failed: "the stream ended 3 bytes into a 30-byte
/// message".
#[must_use]
pub fn error(error: &DecodeError) -> String {
    error_in(kit::lang::current(), error)
}

/// Why decoding failed, in `lang` (a server logs in its own language what
/// it tells a client in English).
#[must_use]
pub fn error_in(lang: Lang, error: &DecodeError) -> String {
    let mut args = FluentArgs::new();
    let id = match *error {
        DecodeError::TooLarge { len, max } => {
            args.set("len", value(len));
            args.set("max", value(max));
            "decode-too-large"
        }
        DecodeError::Truncated {
            got,
            part: Part::Body { len },
        } => {
            args.set("got", value(got));
            args.set("len", value(len));
            "decode-truncated-body"
        }
        DecodeError::Truncated {
            got,
            part: Part::Header,
        } => {
            args.set("got", value(got));
            args.set("header", value(HEADER_LEN));
            "decode-truncated-header"
        }
    };
    TEXT.text_in(lang, id, Some(&args))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// English is codec's own wording, word for word, in every state.
    #[test]
    fn english_is_what_codec_says() {
        let states = [
            State::Header { have: 0 },
            State::Header { have: 2 },
            State::Body { len: 30, have: 1 },
            State::Body { len: 30, have: 3 },
        ];
        for s in states {
            assert_eq!(state(s), s.to_string());
        }
        let errors = [
            DecodeError::TooLarge { len: 9, max: 4 },
            DecodeError::Truncated {
                got: 3,
                part: Part::Body { len: 30 },
            },
            DecodeError::Truncated {
                got: 2,
                part: Part::Header,
            },
        ];
        for e in errors {
            assert_eq!(error(&e), e.to_string());
            assert_eq!(error_in(Lang::En, &e), e.to_string());
            let zh = error_in(Lang::Zh, &e);
            assert!(zh.contains("数据流") || zh.contains("报头"), "{zh}");
        }
    }
}
