//! Each distinct command line runs once per test binary: the tour takes
//! seconds, and several tests (and several doc pages) read the same output.
//! The first test to ask runs the command; the others wait for it and get
//! a copy.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

/// What a finished command printed, and how it exited.
#[derive(Debug, Clone)]
pub struct Output {
    /// The exit code (`None` if it was killed by a signal).
    pub code: Option<i32>,
    /// Everything on stdout.
    pub stdout: String,
    /// Everything on stderr.
    pub stderr: String,
}

/// The output of `key`'s command, computed by `run` the first time `key`
/// is asked for and remembered after that.
pub fn once(key: &str, run: impl FnOnce() -> Output) -> Output {
    static CACHE: OnceLock<Mutex<HashMap<String, Arc<OnceLock<Output>>>>> = OnceLock::new();
    let slot = {
        let mut cache = CACHE
            .get_or_init(Default::default)
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        Arc::clone(cache.entry(key.to_string()).or_default())
    };
    // Only this key's slot is held while the command runs, so different
    // commands may run side by side.
    slot.get_or_init(run).clone()
}

/// `program args…` run to the end with a deadline (testkit's), once.
pub fn run(program: &str, args: &[&str]) -> Output {
    let key = format!("{program} {}", args.join(" "));
    once(&key, || {
        let finished = testkit::run(program, args);
        Output {
            code: finished.code,
            stdout: finished.stdout,
            stderr: finished.stderr,
        }
    })
}
