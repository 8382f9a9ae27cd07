//! The head of every section: a rule with the demo's title and where the
//! section stands in the lesson, the label, and the knobs as applied.

use super::text::{Flow, hang_lines, line, space_after, width};
use crate::knobs::Applied;
use crate::style::Style;

/// Width of the banner rule (or of the story, if that is narrower).
const RULE: usize = 78;

/// Where a section stands: `run 2 of 5`, and what kind it is when that is
/// not an ordinary run (`side by side`, `round trips`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Heading<'a> {
    /// The demo's title, e.g. "粘包 sticky packets".
    pub title: &'a str,
    /// The section's number and how many the report has (`None` for a
    /// report of one).
    pub number: Option<(usize, usize)>,
    /// What kind of section it is, when not an ordinary run.
    pub kind: Option<&'a str>,
}

/// The rule: `━━ title · run 2 of 5 · side by side ━━━━…`.
pub fn rule(out: &mut String, heading: &Heading<'_>, style: &Style) {
    let mut head = format!("━━ {} ", heading.title);
    if let Some((i, of)) = heading.number {
        let run = crate::tr!(crate::TEXT, "banner-run", i = i, of = of);
        head.push_str(&format!("· {run} "));
    }
    if let Some(kind) = heading.kind {
        head.push_str(&format!("· {kind} "));
    }
    let fill = RULE.min(style.width).saturating_sub(width(&head));
    line(
        out,
        &format!("{}{}", style.bold(&head), style.dimmed(&"━".repeat(fill))),
    );
}

/// The label under the rule.
pub fn label(out: &mut String, label: &str, style: &Style) {
    hang_lines(out, &format!("   {}", style.bold(label)), style.width, 5);
}

/// The knobs line, if any knob was read back.
pub fn knobs(out: &mut String, knobs: &Applied, style: &Style) {
    let parts = knob_parts(knobs);
    let Some((first, rest)) = parts.split_first() else {
        return;
    };
    // A knob is never split over two lines; the knobs that do not fit go
    // under the first.
    let head = format!("   {}", crate::tr!(crate::TEXT, "banner-knobs"));
    let mut flow = Flow::new(
        &format!("   {}", style.dimmed(head.trim_start())),
        style.width,
        width(&head) + 1,
    );
    flow.push(space_after(&head), first);
    for part in rest {
        flow.push(" · ", part);
    }
    flow.finish(out);
}

/// `TCP_NODELAY off · SO_RCVBUF 131072 B · …`: the knobs on one line, as
/// a figure's caption says them.
#[must_use]
pub fn knobs_text(k: &Applied) -> String {
    knob_parts(k).join(" · ")
}

/// `TCP_NODELAY off`, `SO_RCVBUF 131072 B`, …: each knob that was read
/// back.
fn knob_parts(k: &Applied) -> Vec<String> {
    let on = |b: bool| {
        if b {
            crate::tr!(crate::TEXT, "knob-on")
        } else {
            crate::tr!(crate::TEXT, "knob-off")
        }
    };
    let mut parts = Vec::new();
    if let Some(b) = k.nodelay {
        parts.push(format!("TCP_NODELAY {}", on(b)));
    }
    if let Some(n) = k.recv_buffer {
        parts.push(format!("SO_RCVBUF {n} B"));
    }
    if let Some(n) = k.send_buffer {
        parts.push(format!("SO_SNDBUF {n} B"));
    }
    if let Some(b) = k.quickack {
        parts.push(format!("TCP_QUICKACK {}", on(b)));
    }
    if let Some(b) = k.cork {
        parts.push(format!("TCP_CORK {}", on(b)));
    }
    if let Some(n) = k.mss {
        parts.push(format!("MSS {n} B"));
    }
    parts
}
