//! The options both nagle binaries share: give the server and the client
//! the same `--variant`, so each side does its half of it.

use crate::stall::{self, Variant};
use clap::{Args, ValueEnum};

/// What the pair of binaries runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
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
            Some(variant) if !variant.available() => Err(kit::Error::Usage(format!(
                "'{}' needs a Linux socket option (TCP_QUICKACK or TCP_CORK) that this platform does not have",
                variant.label()
            ))),
            None if self.variant == Choice::Minshall && !crate::minshall::available() => {
                Err(kit::Error::Usage(
                    "'minshall' needs Linux: the sender reads TCP_INFO to see which write its \
                     kernel held back, and this platform has no TCP_INFO"
                        .into(),
                ))
            }
            _ => Ok(()),
        }
    }
}
