//! The figures the lesson pages show: every one exists, every run of the
//! tour has one, and each still is what the current code draws.
//!
//! A figure cannot be compared byte for byte with a new run: its time axis
//! is all measurements, and box widths follow the bytes of runs whose shape
//! varies by nature. So both are reduced to their *structure* first: the
//! elements in order, each by name, class and the pattern it is filled
//! with, and every text with times and ratios redacted — the rules of
//! `testkit::redact`, plus the bare `44.01 ms` of a bar's value. Geometry
//! is left out, and so is the time axis (`<g class="time">`). For a run
//! listed in `testkit::redact::VARYING`, what varies is left out as the
//! story's placeholder leaves it out: the recvs, bands, frames and
//! caption, and with `Keep::Knobs` the sends too. With `Keep::Sends` the
//! send boxes stay, but not the length headers marked in them nor the
//! text beside those marks: a header is marked where the receiver read
//! one (a broken reader may take any four bytes for a length).

use regex::Regex;
use std::sync::LazyLock;
use testkit::redact::{self, Keep};

/// The folder of the committed figures, relative to `docs/`.
pub const FOLDER: &str = "figures";

/// Parts of a figure dropped from every structure: measurements only.
const TIMED: [&str; 1] = ["time"];
/// Parts that hold what a varying run's receiver got.
const RECEIVED: [&str; 7] = [
    "receiver",
    "bands",
    "frames",
    "reading",
    "caption",
    "datagrams",
    "legend",
];
/// Parts that hold what a varying run's sender wrote, when even that is
/// paced by a small window.
const SENT: [&str; 1] = ["sender"];
/// Elements of a varying run's sends that follow what its receiver read:
/// the header marks, their labels, and the text placed beside them.
const READ_INTO_SENDS: [&str; 3] = ["header", "hdr", "in"];

/// The figures `page` shows: the `NAME` of every `![…](figures/NAME.svg)`
/// (`../figures/` from `docs/zh/`).
pub fn shown(page: &str) -> Vec<String> {
    static IMAGE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"!\[[^\]]*\]\((?:\.\./)?figures/([^)\s]+)\.svg\)").unwrap());
    IMAGE
        .captures_iter(page)
        .map(|c| c[1].to_string())
        .collect()
}

/// The structure of `svg`, one line per element kept.
pub fn structure(svg: &str) -> Vec<String> {
    static TOKEN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"<(/?)([a-zA-Z]+)((?:[^>"]|"[^"]*")*?)(/?)>|([^<]+)"#).unwrap()
    });
    static CLASS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r#"\bclass="([^"]*)""#).unwrap());
    static FILL: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r#"\bfill="url\(#[^)]*?-([a-z]+\d*)\)""#).unwrap());
    let (skipped, shallow) = skipped_parts(svg);
    let mut out = Vec::new();
    // Depth inside a skipped element (0: not skipping), and the open
    // elements' names, to find where a skipped one closes.
    let mut skipping = 0usize;
    let mut open: Vec<(String, Option<String>)> = Vec::new();
    for token in TOKEN.captures_iter(svg) {
        if let Some(text) = token.get(5) {
            if skipping == 0 && !text.as_str().trim().is_empty() {
                if let Some(last) = out.last_mut() {
                    *last = format!("{last} {:?}", redacted(text.as_str()));
                }
            }
            continue;
        }
        let (closing, name, attrs, empty) = (
            !token[1].is_empty(),
            token[2].to_string(),
            token[3].to_string(),
            !token[4].is_empty(),
        );
        if closing {
            open.pop();
            skipping = skipping.saturating_sub(1);
            continue;
        }
        let class = CLASS.captures(&attrs).map(|c| c[1].to_string());
        let in_shallow = open
            .iter()
            .any(|(_, class)| class.as_deref() == Some("sender"))
            && shallow;
        let skip_this = skipping > 0
            || ["defs", "style", "title"].contains(&name.as_str())
            || class.as_deref().is_some_and(|c| skipped.contains(&c))
            || (in_shallow
                && class
                    .as_deref()
                    .is_some_and(|c| READ_INTO_SENDS.contains(&c)));
        if !empty {
            open.push((name.clone(), class.clone()));
            if skip_this {
                skipping += 1;
            }
        }
        if skip_this {
            continue;
        }
        let mut line = name;
        if let Some(class) = class {
            line.push('.');
            line.push_str(&class);
        }
        if let Some(fill) = FILL.captures(&attrs) {
            line.push_str(&format!(" fill={}", &fill[1]));
        }
        out.push(line);
    }
    out
}

/// Which parts of the figure `svg` its run's nature leaves out, and
/// whether its sends are kept without what was read into them.
fn skipped_parts(svg: &str) -> (Vec<&'static str>, bool) {
    static TITLE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r#"<title[^>]*>([^<]*)</title>"#).unwrap());
    let label = TITLE
        .captures(svg)
        .and_then(|c| c[1].split_once(" — ").map(|(_, label)| unescape(label)))
        .unwrap_or_default();
    let mut parts = TIMED.to_vec();
    let mut shallow = false;
    if let Some(varying) = redact::varying(&label) {
        parts.extend(RECEIVED);
        match varying.keep {
            Keep::Knobs => parts.extend(SENT),
            Keep::Sends => shallow = true,
        }
    }
    (parts, shallow)
}

fn unescape(text: &str) -> String {
    text.replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// A text with its measured values redacted.
fn redacted(text: &str) -> String {
    static MS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\d+(\.\d+)? ms\b").unwrap());
    static RATIO: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"( · )?\d+×").unwrap());
    let text = unescape(text);
    let text = MS.replace_all(&text, "[time] ms");
    let text = RATIO.replace_all(&text, "");
    redact::line(&text)
}
