//! The JSON messages inside the control frames.
//!
//! JSON instead of the tutorial's `pickle`: unpickling data from the
//! network runs whatever code the sender chose, and only Python can read
//! it. JSON is inert, and a student's client in any language can speak it.

use serde::{Deserialize, Serialize};

use crate::reason::Reason;

/// One file the server offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// The file's name inside the server's folder.
    pub name: String,
    /// Its size in bytes.
    pub size: u64,
}

/// The first frame on every connection: what the server can send.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Catalogue {
    /// The files, sorted by name.
    pub files: Vec<Entry>,
}

/// What a client asks for.
///
/// The server reads requests strictly, with [`Request::from_json`]: a key
/// it does not know, a value of the wrong type, or `{"quit": false}` is an
/// error frame, not a guess. A student whose client sends `"ofset"` learns
/// it at once instead of downloading from byte 0 without noticing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Request {
    /// `{"get": NAME, "offset": N}`: send NAME from byte N on.
    Get(Get),
    /// `{"quit": true}`: the client is done.
    Quit(Quit),
}

/// `{"get": NAME, "offset": N}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Get {
    /// The file's name, as the catalogue spells it.
    pub get: String,
    /// Where to start: 0 (the default), or the length of a partial
    /// download.
    #[serde(default)]
    pub offset: u64,
}

/// `{"quit": true}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quit {
    /// Always `true`; `false` is refused, not read as "quit anyway".
    pub quit: bool,
}

impl Request {
    /// A request for `name` from byte `offset` on.
    #[must_use]
    pub fn get(name: &str, offset: u64) -> Request {
        Request::Get(Get {
            get: name.into(),
            offset,
        })
    }

    /// The goodbye.
    #[must_use]
    pub fn quit() -> Request {
        Request::Quit(Quit { quit: true })
    }

    /// Parses one request, or says what is wrong with it in a sentence
    /// for the client's author (and the server's log).
    pub fn from_json(json: &[u8]) -> Result<Request, Reason> {
        // Every refusal ends by showing the two requests there are.
        let malformed = |id| {
            Reason::new(id)
                .with("get", r#"{"get": NAME, "offset": N}"#)
                .with("quit", r#"{"quit": true}"#)
        };
        let value: serde_json::Value = serde_json::from_slice(json)
            .map_err(|e| malformed("malformed-not-json").with("error", e))?;
        let Some(object) = value.as_object() else {
            return Err(malformed("malformed-not-object"));
        };
        // The key tells which request it is; then that request's own
        // fields, and only those, must be there with the right types.
        let strict = |e: serde_json::Error| malformed("malformed-fields").with("error", e);
        if object.contains_key("get") {
            return serde_json::from_value(value)
                .map(Request::Get)
                .map_err(strict);
        }
        if object.contains_key("quit") {
            let quit: Quit = serde_json::from_value(value).map_err(strict)?;
            if !quit.quit {
                return Err(malformed("malformed-quit-false"));
            }
            return Ok(Request::Quit(quit));
        }
        Err(malformed("malformed-neither"))
    }
}

/// The server's answer to a `get`, just before the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Offer {
    /// The file being sent.
    pub name: String,
    /// Its whole size.
    pub size: u64,
    /// Where the body starts inside the file.
    pub offset: u64,
    /// Bytes in the body: `size - offset`.
    pub len: u64,
}

/// The last frame of a transfer: the checksum of the whole file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Done {
    /// CRC-32 (IEEE, as zlib and Python's `zlib.crc32`) of the whole file,
    /// including any part the client already had.
    pub crc32: u32,
}

/// `{"error": "…"}`: what went wrong, for the person at the client.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Refusal {
    /// The sentence.
    pub error: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_are_the_json_of_the_protocol() {
        let get = serde_json::to_string(&Request::get("a", 7)).unwrap();
        assert_eq!(get, r#"{"get":"a","offset":7}"#);
        let quit = serde_json::to_string(&Request::quit()).unwrap();
        assert_eq!(quit, r#"{"quit":true}"#);
        assert_eq!(Request::from_json(get.as_bytes()), Ok(Request::get("a", 7)));
        assert_eq!(Request::from_json(quit.as_bytes()), Ok(Request::quit()));
        assert_eq!(
            Request::from_json(br#"{"get":"a"}"#),
            Ok(Request::get("a", 0))
        );
    }

    #[test]
    fn wrong_types_unknown_keys_and_a_false_quit_are_refused() {
        for (json, says) in [
            (&br#"{"quit":false}"#[..], r#""quit" must be true"#),
            (br#"{"quit":1}"#, "invalid type"),
            (br#"{"quit":true,"get":"a"}"#, "unknown field `quit`"),
            (br#"{"get":"a","ofset":5}"#, "unknown field `ofset`"),
            (br#"{"get":"a","offset":"5"}"#, "invalid type"),
            (br#"{"get":5}"#, "invalid type"),
            (br#"{"get":"a","offset":-1}"#, "invalid value"),
            (br#"{"fetch":"a"}"#, "neither"),
            (br#"["get","a"]"#, "not a JSON object"),
            (b"{not json", "not JSON"),
        ] {
            let error = Request::from_json(json).unwrap_err().for_the_wire();
            assert!(
                error.contains(says),
                "{}: {error}",
                String::from_utf8_lossy(json)
            );
            assert!(error.starts_with("malformed request: "), "{error}");
            assert!(error.contains("expected {"), "{error}");
        }
    }
}
