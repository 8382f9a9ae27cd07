//! The option both UDP binaries share: the messages, one datagram each.
//! Give the server and the client the same list, so the server can tell
//! which datagram every recv returned — and which never came.

use clap::Args;

/// The lesson's messages on the command line.
#[derive(Debug, Clone, Args)]
pub struct Messages {
    /// A message sent as one datagram (repeat for each, in order; give both
    /// sides the same list). Defaults to the tutorial's "下雨天留客天留人"
    /// then "不留". An empty one is sent as a real, empty datagram.
    #[arg(long = "message", value_name = "TEXT", value_parser = datagram)]
    pub messages: Vec<Vec<u8>>,
}

impl Messages {
    /// The messages given, or the tutorial's two.
    #[must_use]
    pub fn or_tutorial(&self) -> Vec<Vec<u8>> {
        if self.messages.is_empty() {
            sticky::tutorial_messages()
        } else {
            self.messages.clone()
        }
    }
}

/// udp-server's own flags.
#[derive(Debug, Clone, Args)]
pub struct ServerFlags {
    /// The messages it expects.
    #[command(flatten)]
    pub messages: Messages,

    /// The buffer handed to each recv, in bytes (at most 65536: no
    /// datagram is larger). Smaller than a datagram, it truncates the
    /// datagram and the rest is discarded: try 16.
    #[arg(long, value_name = "N", default_value_t = 65536,
          value_parser = clap::value_parser!(u32).range(1..=65536))]
    pub recv_size: u32,
}

/// udp-client's own flags.
#[derive(Debug, Clone, Args)]
pub struct ClientFlags {
    /// The messages it sends.
    #[command(flatten)]
    pub messages: Messages,
}

/// Parses a `--message` (a clap value parser). Unlike a TCP send, an empty
/// datagram is a real one — the receiver's `recv` returns it as 0 bytes —
/// so any text will do; one too big for a datagram is refused by the
/// operating system when it is sent, which is a lesson of its own.
pub fn datagram(text: &str) -> Result<Vec<u8>, String> {
    Ok(text.as_bytes().to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tutorial_is_the_default() {
        let none = Messages {
            messages: Vec::new(),
        };
        assert_eq!(none.or_tutorial(), sticky::tutorial_messages());
        let some = Messages {
            messages: vec![datagram("").unwrap()],
        };
        assert_eq!(some.or_tutorial(), [Vec::<u8>::new()]);
    }
}
