//! The options both nagle binaries share: give the server and the client
//! the same `--variant`, so each side does its half of it.

use crate::TEXT;
use crate::stall::{self, Variant};
use clap::builder::PossibleValue;
use clap::{Args, ValueEnum};

/// What the pair of binaries runs.
///
/// `ValueEnum` is written out by hand (below) rather than derived: the
/// derive would take each value's help from these doc comments, in
/// English, while `--help` must say them in the language of the run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    /// The stall with the defaults: header and body as two writes.
    Nagle,
    /// The stall with `TCP_NODELAY` on the client.
    Nodelay,
    /// The stall with `TCP_QUICKACK` re-armed on the server before every read (Linux).
    Quickack,
    /// The stall with `TCP_QUICKACK` set once on the server (Linux).
    QuickackOnce,
    /// The stall with `TCP_CORK` around the client's two writes (Linux).
    Cork,
    /// The stall avoided: header and body in one write.
    Combined,
    /// Nine one-byte writes after three warm-ups, Nagle on.
    Burst,
    /// Nine one-byte writes after three warm-ups, `TCP_NODELAY` on.
    BurstNodelay,
    /// A full segment, then two one-byte writes: which one waits (Linux).
    Minshall,
}

impl ValueEnum for Choice {
    fn value_variants<'a>() -> &'a [Self] {
        &[
            Choice::Nagle,
            Choice::Nodelay,
            Choice::Quickack,
            Choice::QuickackOnce,
            Choice::Cork,
            Choice::Combined,
            Choice::Burst,
            Choice::BurstNodelay,
            Choice::Minshall,
        ]
    }

    /// The value's name on the command line, and its help in the
    /// process's language (asked for when `--help` is printed, after the
    /// language is chosen).
    fn to_possible_value(&self) -> Option<PossibleValue> {
        let (name, help) = match self {
            Choice::Nagle => ("nagle", kit::tr!(TEXT, "choice-nagle")),
            Choice::Nodelay => ("nodelay", kit::tr!(TEXT, "choice-nodelay")),
            Choice::Quickack => ("quickack", kit::tr!(TEXT, "choice-quickack")),
            Choice::QuickackOnce => ("quickack-once", kit::tr!(TEXT, "choice-quickack-once")),
            Choice::Cork => ("cork", kit::tr!(TEXT, "choice-cork")),
            Choice::Combined => ("combined", kit::tr!(TEXT, "choice-combined")),
            Choice::Burst => ("burst", kit::tr!(TEXT, "choice-burst")),
            Choice::BurstNodelay => ("burst-nodelay", kit::tr!(TEXT, "choice-burst-nodelay")),
            Choice::Minshall => ("minshall", kit::tr!(TEXT, "choice-minshall")),
        };
        Some(PossibleValue::new(name).help(help))
    }
}

impl Choice {
    /// The stall variant, or `None` for a burst.
    #[must_use]
    pub fn stall(self) -> Option<Variant> {
        match self {
            Choice::Nagle => Some(Variant::Nagle),
            Choice::Nodelay => Some(Variant::NoDelay),
            Choice::Quickack => Some(Variant::QuickAck),
            Choice::QuickackOnce => Some(Variant::QuickAckOnce),
            Choice::Cork => Some(Variant::Cork),
            Choice::Combined => Some(Variant::Combined),
            Choice::Burst | Choice::BurstNodelay | Choice::Minshall => None,
        }
    }

    /// Whether this is the burst with `TCP_NODELAY` on.
    #[must_use]
    pub fn nodelay(self) -> bool {
        self == Choice::BurstNodelay
    }
}

/// The `--variant` and `--round-trips` options.
#[derive(Debug, Clone, Args)]
pub struct VariantArgs {
    /// What to run; give both sides the same one.
    #[arg(long, value_enum, default_value_t = Choice::Nagle)]
    pub variant: Choice,

    /// Round trips of the stall (the client decides; the server answers
    /// as many as come).
    #[arg(long, value_name = "N", default_value_t = stall::ROUND_TRIPS,
          value_parser = clap::builder::TypedValueParser::map(
              clap::value_parser!(u16).range(1..=10_000), usize::from))]
    pub round_trips: usize,
}

impl VariantArgs {
    /// ` --variant NAME`: the flag the other side must be given to agree
    /// (the round trips are the client's to choose).
    pub fn flags(&self) -> String {
        let name = self
            .variant
            .to_possible_value()
            .map_or_else(String::new, |v| v.get_name().to_string());
        kit::cli::flag("variant", &name)
    }

    /// A usage error if this platform lacks the variant's socket option.
    pub fn check(&self) -> kit::Result<()> {
        match self.variant.stall() {
            Some(variant) if !variant.available() => Err(kit::Error::Usage(kit::tr!(
                TEXT,
                "usage-needs-linux-option",
                variant = variant.label()
            ))),
            None if self.variant == Choice::Minshall && !crate::minshall::available() => Err(
                kit::Error::Usage(kit::tr!(TEXT, "usage-minshall-needs-linux")),
            ),
            _ => Ok(()),
        }
    }
}
