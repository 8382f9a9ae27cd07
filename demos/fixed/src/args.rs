//! The options fixed-server and fixed-client share: give both the same
//! `--scenario` (and the same `--message`s, if any).

use crate::replay::Traffic;
use clap::builder::PossibleValue;
use clap::{Args, ValueEnum};

/// Whose traffic to replay, framed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scenario {
    /// The sticky demo: the tutorial's two messages; the server reads late.
    Sticky,
    /// The half demo: the tutorial's sentence; the server reads with recv(16).
    Half,
    /// The nagle demo: ten one-character messages with `TCP_NODELAY`; read late.
    Nagle,
}

/// Written out rather than derived so that `--help` explains each
/// scenario in the language the program speaks.
impl ValueEnum for Scenario {
    fn value_variants<'a>() -> &'a [Self] {
        &[Scenario::Sticky, Scenario::Half, Scenario::Nagle]
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        let text = &crate::TEXT;
        Some(match self {
            Scenario::Sticky => {
                PossibleValue::new("sticky").help(kit::tr!(text, "scenario-sticky"))
            }
            Scenario::Half => PossibleValue::new("half").help(kit::tr!(text, "scenario-half")),
            Scenario::Nagle => PossibleValue::new("nagle").help(kit::tr!(text, "scenario-nagle")),
        })
    }
}

/// fixed-server's own flags.
#[derive(Debug, Clone, Args)]
pub struct ServerFlags {
    /// The traffic it expects.
    #[command(flatten)]
    pub replay: ReplayArgs,

    /// Read as soon as bytes arrive (with a 64 KiB buffer) instead of the
    /// scenario's own late reader: through fixed-slicer this shows every
    /// piece as its own recv.
    #[arg(long)]
    pub prompt: bool,
}

/// fixed-client's own flags.
#[derive(Debug, Clone, Args)]
pub struct ClientFlags {
    /// The traffic it sends.
    #[command(flatten)]
    pub replay: ReplayArgs,
}

/// The shared options.
#[derive(Debug, Clone, Args)]
pub struct ReplayArgs {
    /// Which demo's traffic to send, now framed.
    #[arg(long, value_enum, default_value_t = Scenario::Sticky)]
    pub scenario: Scenario,

    /// Send these messages instead (repeat for each, in order; give the
    /// server the same list so it can check every frame).
    #[arg(long = "message", value_name = "TEXT", value_parser = kit::cli::message)]
    pub messages: Vec<Vec<u8>>,
}

impl ReplayArgs {
    /// The traffic the scenario replays.
    #[must_use]
    pub fn traffic(&self) -> Traffic {
        match self.scenario {
            Scenario::Sticky => Traffic::Sticky,
            Scenario::Half => Traffic::Half,
            Scenario::Nagle => Traffic::Nagle,
        }
    }

    /// These options as typed on a command line, defaults left out: what
    /// the other side must be given to agree.
    pub fn flags(&self) -> String {
        let mut flags = String::new();
        if self.scenario != Scenario::Sticky {
            let name = self
                .scenario
                .to_possible_value()
                .map_or_else(String::new, |v| v.get_name().to_string());
            flags += &kit::cli::flag("scenario", &name);
        }
        flags + &sticky::message_flags(&self.messages)
    }

    /// The messages to send, before framing.
    #[must_use]
    pub fn messages(&self) -> Vec<Vec<u8>> {
        if self.messages.is_empty() {
            self.traffic().messages()
        } else {
            self.messages.clone()
        }
    }
}
