//! The menu of pitfall (e): a list of file names as JSON text, and a
//! parser that fails the way Python's `json.loads` fails, with the same
//! words and positions.
//!
//! The tutorial sends its menu with `pickle.dumps`. A pickle is Python
//! only, and `pickle.loads` on bytes from the network can run any code the
//! sender chose, so the lab uses JSON instead (as
//! `json.dumps(names, ensure_ascii=False).encode("utf8")` writes it: the
//! Chinese names stay UTF-8, three bytes a character). Cut short, either
//! one fails to load; a JSON error at least says where.

use std::fmt;

/// `count` file names, as a server folder of the tutorial's videos might
/// hold them.
#[must_use]
pub fn names(count: usize) -> Vec<String> {
    (1..=count)
        .map(|i| format!("第{i:02}集 下雨天留客天留人不留.mp4"))
        .collect()
}

/// The list as JSON text in UTF-8: `["a", "b"]`, the separators of
/// Python's `json.dumps`.
#[must_use]
pub fn encode(names: &[String]) -> Vec<u8> {
    let mut text = String::from("[");
    for (i, name) in names.iter().enumerate() {
        if i > 0 {
            text.push_str(", ");
        }
        text.push('"');
        for c in name.chars() {
            match c {
                '"' => text.push_str("\\\""),
                '\\' => text.push_str("\\\\"),
                '\n' => text.push_str("\\n"),
                c if u32::from(c) < 0x20 => text.push_str(&format!("\\u{:04x}", u32::from(c))),
                c => text.push(c),
            }
        }
        text.push('"');
    }
    text.push(']');
    text.into_bytes()
}

/// Why a menu did not load, as Python would say it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseError {
    /// The bytes are not UTF-8: a character was cut (`UnicodeDecodeError`).
    Utf8 {
        /// Python's message, e.g. `'utf-8' codec can't decode bytes in
        /// position 1022-1023: unexpected end of data`.
        message: String,
        /// The byte offset of the first byte that does not decode.
        at: usize,
    },
    /// The text is not a whole JSON list (`json.JSONDecodeError`).
    Json {
        /// What was expected, e.g. `Unterminated string starting at`.
        expected: &'static str,
        /// The character position Python reports.
        char: usize,
    },
}

impl ParseError {
    /// The byte or character offset the error points at.
    #[must_use]
    pub fn position(&self) -> usize {
        match self {
            ParseError::Utf8 { at, .. } => *at,
            ParseError::Json { char, .. } => *char,
        }
    }
}

impl fmt::Display for ParseError {
    /// Python's last traceback line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParseError::Utf8 { message, .. } => write!(f, "UnicodeDecodeError: {message}"),
            // The lists here are one line long, so the column is char + 1.
            ParseError::Json { expected, char } => write!(
                f,
                "json.JSONDecodeError: {expected}: line 1 column {} (char {char})",
                char + 1
            ),
        }
    }
}

impl std::error::Error for ParseError {}

/// `json.loads(data)` for a list of strings.
pub fn parse(data: &[u8]) -> Result<Vec<String>, ParseError> {
    let text = std::str::from_utf8(data).map_err(|e| utf8_error(data, &e))?;
    let chars: Vec<char> = text.chars().collect();
    Parser { chars, at: 0 }.list()
}

/// Python's wording for bytes that are not UTF-8.
fn utf8_error(data: &[u8], error: &std::str::Utf8Error) -> ParseError {
    let at = error.valid_up_to();
    let message = match error.error_len() {
        // The data ends inside a character.
        None if data.len() - at > 1 => format!(
            "'utf-8' codec can't decode bytes in position {at}-{}: unexpected end of data",
            data.len() - 1
        ),
        None => format!(
            "'utf-8' codec can't decode byte 0x{:02x} in position {at}: unexpected end of data",
            data[at]
        ),
        Some(_) => {
            let why = if (0x80..0xc0).contains(&data[at]) {
                "invalid start byte"
            } else {
                "invalid continuation byte"
            };
            format!(
                "'utf-8' codec can't decode byte 0x{:02x} in position {at}: {why}",
                data[at]
            )
        }
    };
    ParseError::Utf8 { message, at }
}

struct Parser {
    chars: Vec<char>,
    at: usize,
}

impl Parser {
    fn fail<T>(&self, expected: &'static str, char: usize) -> Result<T, ParseError> {
        Err(ParseError::Json { expected, char })
    }

    fn skip_space(&mut self) {
        while self
            .chars
            .get(self.at)
            .is_some_and(|c| matches!(c, ' ' | '\t' | '\n' | '\r'))
        {
            self.at += 1;
        }
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn list(mut self) -> Result<Vec<String>, ParseError> {
        self.skip_space();
        if self.peek() != Some('[') {
            return self.fail("Expecting value", self.at);
        }
        self.at += 1;
        let mut names = Vec::new();
        self.skip_space();
        if self.peek() == Some(']') {
            self.at += 1;
        } else {
            loop {
                self.skip_space();
                if self.peek() != Some('"') {
                    return self.fail("Expecting value", self.at);
                }
                names.push(self.string()?);
                self.skip_space();
                match self.peek() {
                    Some(',') => self.at += 1,
                    Some(']') => {
                        self.at += 1;
                        break;
                    }
                    _ => return self.fail("Expecting ',' delimiter", self.at),
                }
            }
        }
        self.skip_space();
        if self.at < self.chars.len() {
            return self.fail("Extra data", self.at);
        }
        Ok(names)
    }

    /// A string starting at the opening quote.
    fn string(&mut self) -> Result<String, ParseError> {
        let start = self.at;
        self.at += 1;
        let mut text = String::new();
        loop {
            let Some(c) = self.peek() else {
                return self.fail("Unterminated string starting at", start);
            };
            self.at += 1;
            match c {
                '"' => return Ok(text),
                '\\' => {
                    let Some(escaped) = self.peek() else {
                        return self.fail("Unterminated string starting at", start);
                    };
                    self.at += 1;
                    match escaped {
                        'n' => text.push('\n'),
                        't' => text.push('\t'),
                        'r' => text.push('\r'),
                        'b' => text.push('\u{8}'),
                        'f' => text.push('\u{c}'),
                        'u' => {
                            let digits: String = self.chars.iter().skip(self.at).take(4).collect();
                            let code = (digits.len() == 4)
                                .then(|| u32::from_str_radix(&digits, 16).ok())
                                .flatten()
                                .and_then(char::from_u32);
                            let Some(code) = code else {
                                return self.fail("Invalid \\uXXXX escape", self.at - 1);
                            };
                            text.push(code);
                            self.at += 4;
                        }
                        other => text.push(other),
                    }
                }
                c => text.push(c),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each case and what Python 3.11's `json.loads` raised for it.
    #[test]
    fn errors_read_like_pythons() {
        let cases: [(&[u8], &str); 9] = [
            (
                b"",
                "json.JSONDecodeError: Expecting value: line 1 column 1 (char 0)",
            ),
            (
                b"[",
                "json.JSONDecodeError: Expecting value: line 1 column 2 (char 1)",
            ),
            (
                b"[\"a\"",
                "json.JSONDecodeError: Expecting ',' delimiter: line 1 column 5 (char 4)",
            ),
            (
                b"[\"a\",",
                "json.JSONDecodeError: Expecting value: line 1 column 6 (char 5)",
            ),
            (
                b"[\"a\", ",
                "json.JSONDecodeError: Expecting value: line 1 column 7 (char 6)",
            ),
            (
                b"[\"a\", \"b",
                "json.JSONDecodeError: Unterminated string starting at: line 1 column 7 (char 6)",
            ),
            (
                b"[\"\xe4\xb8",
                "UnicodeDecodeError: 'utf-8' codec can't decode bytes in position 2-3: unexpected end of data",
            ),
            (
                b"[\"\xe4",
                "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xe4 in position 2: unexpected end of data",
            ),
            (
                b"[\"a\\u12",
                "json.JSONDecodeError: Invalid \\uXXXX escape: line 1 column 5 (char 4)",
            ),
        ];
        for (data, python) in cases {
            assert_eq!(parse(data).unwrap_err().to_string(), python, "{data:?}");
        }
    }

    #[test]
    fn a_whole_list_round_trips() {
        let names = names(60);
        assert_eq!(parse(&encode(&names)), Ok(names));
        let odd = vec!["quote \" and \\ and\nnewline".to_string(), String::new()];
        assert_eq!(parse(&encode(&odd)), Ok(odd));
        assert_eq!(parse(b" [ ] "), Ok(vec![]));
    }

    #[test]
    fn every_cut_of_a_list_fails_to_parse() {
        let whole = encode(&names(3));
        for end in 0..whole.len() {
            assert!(parse(&whole[..end]).is_err(), "cut at {end}");
        }
    }
}
