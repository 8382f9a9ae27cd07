//! The flags of sticky-server and sticky-client. Give both the same
//! `--message` list, so the server can tell which message each byte came
//! from.

use clap::builder::PossibleValue;
use clap::{Args, ValueEnum};

/// sticky-server's own flags.
#[derive(Debug, Clone, Args)]
pub struct ServerFlags {
    /// A message the client sends (repeat for each, in order). Used only to
    /// trace bytes back to messages; defaults to the tutorial's two.
    #[arg(long = "message", value_name = "TEXT", value_parser = kit::cli::message)]
    pub messages: Vec<Vec<u8>>,

    /// Read as soon as bytes arrive instead of waiting for all of them: the
    /// number of chunks then depends on timing.
    #[arg(long)]
    pub prompt: bool,
}

/// sticky-client's own flags.
#[derive(Debug, Clone, Args)]
pub struct ClientFlags {
    /// A message to send (repeat for each, in order). Defaults to the
    /// tutorial's "下雨天留客天留人" then "不留".
    #[arg(long = "message", value_name = "TEXT", value_parser = kit::cli::message)]
    pub messages: Vec<Vec<u8>>,

    /// `TCP_NODELAY`: `on` sends each message at once as its own segment;
    /// `off` (the default) lets Nagle's algorithm hold small writes back.
    /// Either way the server gets them glued.
    #[arg(long, value_enum, value_name = "ON|OFF", default_value_t = Switch::Off)]
    pub nodelay: Switch,
}

/// A socket option switch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Switch {
    /// The option is set.
    On,
    /// The option is cleared.
    Off,
}

/// Written out rather than derived so that `--help` explains each value
/// in the language the program speaks.
impl ValueEnum for Switch {
    fn value_variants<'a>() -> &'a [Self] {
        &[Switch::On, Switch::Off]
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(match self {
            Switch::On => PossibleValue::new("on").help(kit::tr!(crate::TEXT, "switch-on")),
            Switch::Off => PossibleValue::new("off").help(kit::tr!(crate::TEXT, "switch-off")),
        })
    }
}

/// The messages given, or the tutorial's two.
#[must_use]
pub fn or_tutorial(messages: &[Vec<u8>]) -> Vec<Vec<u8>> {
    if messages.is_empty() {
        crate::tutorial_messages()
    } else {
        messages.to_vec()
    }
}
