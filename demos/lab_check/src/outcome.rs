//! What a case found: passed or not, and for a failure the first place the
//! bytes went wrong and the pitfall it looks like. The JSON of `--json` is
//! these types, so their keys are a promise to a teacher's scripts.

use crate::cutting::Piece;
use crate::pitfall::Diagnosis;
use serde::Serialize;

/// One case's result.
#[derive(Debug, Clone, Serialize)]
pub struct CaseResult {
    /// The case's name (`pieces-500`).
    pub name: String,
    /// How the stream was cut, in words.
    pub cutting: String,
    /// The slicer's seed, for cases with random piece sizes.
    pub seed: Option<u64>,
    /// Messages in the case.
    pub messages: usize,
    /// Bytes in the stream of frames.
    pub bytes: usize,
    /// A receiver's case: the pieces lab-check wrote. A sender's case: the
    /// recvs lab-check's receiver read.
    pub chunks: usize,
    /// Whether the program did everything right.
    pub passed: bool,
    /// The program's exit code (`null` if it was killed).
    pub exit_code: Option<i32>,
    /// The program was still running at the deadline, and was killed.
    pub timed_out: bool,
    /// What went wrong, in one sentence (`null` when it passed).
    pub problem: Option<String>,
    /// The first byte that differs from what it should have been.
    pub divergence: Option<Divergence>,
    /// The pitfall the failure looks like, if it looks like one.
    pub pitfall: Option<Diagnosis>,
    /// The last line the program printed on stderr.
    pub stderr: Option<String>,
}

/// The first byte that is not what it should be.
#[derive(Debug, Clone, Serialize)]
pub struct Divergence {
    /// The message it belongs to (1-based).
    pub message: usize,
    /// Where it is, in words: `byte 496 of message #2 (1 MiB)`.
    pub place: String,
    /// Its offset in the stream of frames.
    pub stream_offset: usize,
    /// The offset the two dumps start at (a multiple of 16, in the message
    /// for a receiver, in the stream for a sender).
    pub dump_offset: usize,
    /// Up to 16 bytes that were expected there, as hex.
    pub expected_hex: String,
    /// Up to 16 bytes that came instead, as hex; `null` when nothing came
    /// at all (no line for the message, or the stream ended before it).
    pub got_hex: Option<String>,
    /// A receiver's case: the piece lab-check wrote that byte in.
    pub piece: Option<Piece>,
    /// A sender's case: lab-check's recv that read that byte.
    pub recv: Option<Piece>,
}

/// Everything one `lab-check` run found.
#[derive(Debug, Clone, Serialize)]
pub struct Grade {
    /// `receiver` or `sender`.
    pub role: &'static str,
    /// The student's command line, `{port}` and all.
    pub command: Vec<String>,
    /// The deadline of each case, in seconds.
    pub timeout_s: f64,
    /// Cases passed.
    pub passed: usize,
    /// Cases failed.
    pub failed: usize,
    /// The pitfalls the failures look like, each once, in the order met.
    pub pitfalls: Vec<String>,
    /// Every case.
    pub cases: Vec<CaseResult>,
}

impl Grade {
    /// The grade of `cases` for `role`.
    #[must_use]
    pub fn new(
        role: &'static str,
        command: &[String],
        timeout_s: f64,
        cases: Vec<CaseResult>,
    ) -> Grade {
        let passed = cases.iter().filter(|c| c.passed).count();
        let mut pitfalls: Vec<String> = Vec::new();
        for code in cases
            .iter()
            .filter_map(|c| c.pitfall.as_ref())
            .map(|p| p.code.name())
        {
            if !pitfalls.iter().any(|p| p == code) {
                pitfalls.push(code.to_string());
            }
        }
        Grade {
            role,
            command: command.to_vec(),
            timeout_s,
            passed,
            failed: cases.len() - passed,
            pitfalls,
            cases,
        }
    }

    /// Whether every case passed.
    #[must_use]
    pub fn all_passed(&self) -> bool {
        self.failed == 0
    }
}
