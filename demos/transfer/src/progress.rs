//! Showing a download as it happens.
//!
//! The tutorial redraws its own bar after every `recv(1024)` and counts
//! 1024 bytes each time, whatever arrived, so its bar passes 100 %. Here
//! the bar counts the bytes really written, draws at most a few times a
//! second, and stays hidden when stdout is not a terminal (a pipe, a log
//! file, a test).

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;

/// Something told how a download is going.
pub trait Progress {
    /// A download of `size` bytes begins, `offset` of them already here.
    fn start(&mut self, name: &str, size: u64, offset: u64);
    /// `n` more bytes were written.
    fn advance(&mut self, n: u64);
    /// The download ended (well or not).
    fn finish(&mut self);
}

/// No progress shown: for tests, demos and scripts.
#[derive(Debug, Default)]
pub struct Silent;

impl Progress for Silent {
    fn start(&mut self, _: &str, _: u64, _: u64) {}
    fn advance(&mut self, _: u64) {}
    fn finish(&mut self) {}
}

/// An indicatif bar with bytes, rate and ETA, on stdout's terminal only.
#[derive(Debug, Default)]
pub struct Bar {
    bar: Option<ProgressBar>,
}

impl Progress for Bar {
    fn start(&mut self, name: &str, size: u64, offset: u64) {
        let target = if std::io::stdout().is_terminal() {
            ProgressDrawTarget::stdout()
        } else {
            ProgressDrawTarget::hidden()
        };
        let bar = ProgressBar::with_draw_target(Some(size), target);
        // Only the word before the time left is a language's; indicatif
        // measures the line in terminal columns, so Chinese stays aligned.
        let template = format!(
            "{{msg}} [{{bar:30}}] {{bytes}}/{{total_bytes}} {{binary_bytes_per_sec}} {} {{eta}}",
            kit::tr!(crate::TEXT, "progress-eta")
        );
        if let Ok(style) = ProgressStyle::with_template(&template) {
            bar.set_style(style.progress_chars("=> "));
        }
        // The name is the server's text, drawn on the student's terminal.
        bar.set_message(crate::peer_text::escape(name).into_owned());
        bar.set_position(offset);
        bar.reset_eta();
        self.bar = Some(bar);
    }

    fn advance(&mut self, n: u64) {
        if let Some(bar) = &self.bar {
            bar.inc(n);
        }
    }

    fn finish(&mut self) {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
    }
}
