//! `--step`: the teacher's pause between two runs.
//!
//! On a projector a run is a page of the lesson: the class reads it, the
//! teacher explains, then moves on. The tour waits for Enter between runs
//! — only when its output goes to a terminal, where someone can press it.
//! Into a file or a pipe (a test, a grader, `| less`) it never waits.

use std::io::{self, BufRead, IsTerminal, Write};

/// Whether, and how, to wait between runs.
#[derive(Debug)]
pub struct Steps {
    waiting: bool,
}

/// What the person at the keyboard chose at a pause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    /// Go on with the next run.
    Next,
    /// Stop the tour here.
    Stop,
}

impl Steps {
    /// Waits between runs if `asked` and stdout is a terminal.
    #[must_use]
    pub fn new(asked: bool) -> Steps {
        Steps {
            waiting: asked && io::stdout().is_terminal(),
        }
    }

    /// Whether a pause takes the place of the blank line between runs.
    #[must_use]
    pub fn waiting(&self) -> bool {
        self.waiting
    }

    /// Between two runs: says how to go on and waits for a line on stdin.
    /// `q` stops; an empty line, anything else, or the end of stdin (which
    /// also ends the waiting) goes on.
    pub fn pause(&mut self, prompt: &str) -> Choice {
        if !self.waiting {
            return Choice::Next;
        }
        let mut out = io::stdout().lock();
        let _ = write!(out, "{prompt}").and_then(|()| out.flush());
        let mut answer = String::new();
        match io::stdin().lock().read_line(&mut answer) {
            Ok(0) | Err(_) => {
                // Nobody can answer: go on without waiting again.
                let _ = writeln!(out);
                self.waiting = false;
                Choice::Next
            }
            Ok(_) if answer.trim().eq_ignore_ascii_case("q") => Choice::Stop,
            Ok(_) => Choice::Next,
        }
    }
}
