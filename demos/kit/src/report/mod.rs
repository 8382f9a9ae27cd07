//! The report: the facts a demo shows, as one value that the terminal
//! renderer draws and `--json` prints.
//!
//! A report is a list of runs, and every run is one kind of section:
//!
//! - [`Exchange`]: sends and recvs over one connection, each recv traced
//!   back to the sends its bytes came from (TCP or UDP);
//! - [`SideBySide`]: the same traffic over TCP and over UDP, in two columns;
//! - [`Timing`]: round trips measured for several variants, as a table;
//! - [`Comparison`]: a table of facts with real rows and columns;
//! - [`Transfer`]: the exercise — a catalogue and the files downloaded.
//!
//! Graders and scripts read the JSON, so the keys below are a promise: new
//! keys may be added, these are never renamed. Every report has `demo`,
//! `title`, `lang` (the language of its text: `en` or `zh`) and `runs`; every run has `kind` and `label`, and the keys of
//! its kind:
//!
//! ```text
//! { "demo": "sticky", "title": "粘包 sticky packets", "lang": "en",
//!   "runs": [ { "kind": "exchange", "label", "transport": "tcp"|"udp",
//!               "knobs": {…as applied},
//!               "sends": [ { "index", "len", "hex" } ],
//!               "recvs": [ { "index", "len", "hex", "t_us",
//!                            "origin": [ { "send", "start", "end" } ] } ],
//!               "sticky", "half", "verdict", "code" },
//!             { "kind": "side_by_side", "label", "tcp": {exchange}, "udp": {exchange} },
//!             { "kind": "timing", "label", "rows": [ { "label", "rtt_us": { "median", "max" } } ] },
//!             { "kind": "comparison", "label", "columns", "rows", "verdict", "code" },
//!             { "kind": "transfer", "label", "server", "catalogue", "downloads", "verdict", "code" } ] }
//! ```

mod comparison;
mod exchange;
mod timing;
mod transfer;

pub use comparison::Comparison;
pub use exchange::{Annotation, Exchange, FrameRecord, RecvRecord, SendRecord, Side, Span};
pub use timing::{Rtt, Timing, TimingRow};
pub use transfer::{Download, Offered, Transfer};

use crate::lang::Lang;
use crate::verdict::Code;
use serde::{Deserialize, Serialize};

/// Everything one invocation of a demo showed.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Report {
    /// The demo's short name: `sticky`, `half`, …
    pub demo: String,
    /// The demo's title as the banner shows it.
    pub title: String,
    /// The language of every text field (`en`, `zh`): labels, verdicts,
    /// notes. The keys, the `code`s and the numbers are the same in every
    /// language, so a grader reads those.
    #[serde(default)]
    pub lang: Lang,
    /// One entry per section that was shown.
    pub runs: Vec<Run>,
}

/// Which transport carried an exchange.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Transport {
    /// A TCP byte stream.
    Tcp,
    /// UDP datagrams.
    Udp,
}

/// One section of a report; its `kind` says which, and how to draw it.
// A report holds a handful of runs: the size of the largest kind (two
// exchanges side by side) costs nothing worth a box.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Run {
    /// Sends and recvs over one connection.
    Exchange(Exchange),
    /// The same traffic over TCP and UDP.
    SideBySide(SideBySide),
    /// Round trips of several variants.
    Timing(Timing),
    /// A table of facts.
    Comparison(Comparison),
    /// The exercise's downloads.
    Transfer(Transfer),
}

/// The same lesson over TCP and over UDP, drawn in two columns.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SideBySide {
    /// What the comparison shows.
    pub label: String,
    /// The TCP column.
    pub tcp: Exchange,
    /// The UDP column.
    pub udp: Exchange,
}

impl Run {
    /// What the run shows, as its banner says.
    #[must_use]
    pub fn label(&self) -> &str {
        match self {
            Run::Exchange(run) => &run.label,
            Run::SideBySide(run) => &run.label,
            Run::Timing(run) => &run.label,
            Run::Comparison(run) => &run.label,
            Run::Transfer(run) => &run.label,
        }
    }

    /// The verdicts of the run, with their codes (two for a side by side,
    /// one per row for a timing table).
    #[must_use]
    pub fn verdicts(&self) -> Vec<(&str, Code)> {
        match self {
            Run::Exchange(run) => vec![(&run.verdict, run.code)],
            Run::SideBySide(run) => vec![
                (&run.tcp.verdict, run.tcp.code),
                (&run.udp.verdict, run.udp.code),
            ],
            Run::Timing(run) => run
                .rows
                .iter()
                .map(|row| (row.verdict.as_str(), Code::Measured))
                .collect(),
            Run::Comparison(run) => vec![(&run.verdict, run.code)],
            Run::Transfer(run) => vec![(&run.verdict, run.code)],
        }
    }

    /// The exchange, for a run of that kind.
    #[must_use]
    pub fn exchange(&self) -> Option<&Exchange> {
        match self {
            Run::Exchange(run) => Some(run),
            _ => None,
        }
    }

    /// The exchange, mutably, for a run of that kind.
    pub fn exchange_mut(&mut self) -> Option<&mut Exchange> {
        match self {
            Run::Exchange(run) => Some(run),
            _ => None,
        }
    }
}

impl Report {
    /// A report of `demo`, titled `title`, holding `runs`.
    #[must_use]
    pub fn new(demo: &str, title: &str, runs: Vec<Run>) -> Report {
        Report {
            demo: demo.into(),
            title: title.into(),
            lang: crate::lang::current(),
            runs,
        }
    }

    /// The first verdict whose peer did something other than the lesson
    /// expects (a mismatch, a stream cut short, a silent peer): a paired
    /// binary then exits with code 1, after printing the story.
    pub fn mismatch(&self) -> Option<&str> {
        self.runs
            .iter()
            .flat_map(Run::verdicts)
            .find(|(_, code)| code.is_mismatch())
            .map(|(verdict, _)| verdict)
    }
}

impl From<Exchange> for Run {
    fn from(run: Exchange) -> Run {
        Run::Exchange(run)
    }
}

impl From<SideBySide> for Run {
    fn from(run: SideBySide) -> Run {
        Run::SideBySide(run)
    }
}

impl From<Timing> for Run {
    fn from(run: Timing) -> Run {
        Run::Timing(run)
    }
}

impl From<Comparison> for Run {
    fn from(run: Comparison) -> Run {
        Run::Comparison(run)
    }
}

impl From<Transfer> for Run {
    fn from(run: Transfer) -> Run {
        Run::Transfer(run)
    }
}

/// Bytes as a lowercase hex string in JSON, the way `bytes.hex()` prints
/// them in Python.
pub(crate) mod hex {
    use serde::de::Error;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(bytes: &[u8], serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&crate::hex::lowercase(bytes))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<u8>, D::Error> {
        let text = String::deserialize(deserializer)?;
        crate::hex::parse(&text).map_err(D::Error::custom)
    }
}
