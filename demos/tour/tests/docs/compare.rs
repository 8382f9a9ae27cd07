//! Comparing a quoted block with what its command printed, both sides
//! redacted by `testkit::redact` — the rules the snapshot tests use.

use super::annotation::{Output as Annotated, Part, Stream};
use super::command;
use super::jq;
use super::markdown::Block;
use crate::cached::Output;
use serde_json::Value;
use testkit::redact;

/// Checks `block` against `produced`, the output of `annotated`'s command.
///
/// With `varies`, only the block's head is compared: its lines before the
/// first `recv #` line, and never its last line; the output must begin
/// with them (after the redaction) and be at least as long as the block.
pub fn check(block: &Block, annotated: &Annotated, produced: &Output) -> Result<(), String> {
    let command = command::parse(&annotated.command)?;
    if annotated.varies {
        return head(block, annotated, &command, produced);
    }
    if let Some(jq) = &command.jq {
        let report: Value = serde_json::from_str(&produced.stdout).map_err(|e| {
            format!(
                "`{}` printed no JSON ({e}): {}",
                annotated.command, produced.stderr
            )
        })?;
        let lines = jq::run(&jq.filter, &redact::json(&report))?;
        return jq_lines(block, &lines);
    }
    let text = match annotated.stream {
        Stream::Stdout => produced.stdout.clone(),
        Stream::Stderr => format!("{}\n", produced.stderr),
        Stream::Both => format!("{}\n{}", produced.stderr, produced.stdout),
    };
    let ours = redact::story(&text);
    let theirs = redact::story(&block.body);
    let ours: Vec<&str> = ours.lines().collect();
    let theirs: Vec<&str> = theirs.lines().collect();
    let found = match annotated.part {
        Part::Whole => trim(&ours) == trim(&theirs),
        Part::Run(n) => run(&ours, n).is_some_and(|section| trim(section) == trim(&theirs)),
        Part::Excerpt => ours
            .windows(theirs.len().max(1))
            .any(|w| w == theirs.as_slice()),
    };
    if found {
        return Ok(());
    }
    let shown = match annotated.part {
        Part::Run(n) => run(&ours, n).unwrap_or(&[]),
        _ => &ours[..],
    };
    Err(difference(&theirs, shown))
}

/// The `varies` comparison: the block's stable head only.
fn head(
    block: &Block,
    annotated: &Annotated,
    command: &command::Command,
    produced: &Output,
) -> Result<(), String> {
    let text = match annotated.stream {
        Stream::Stdout if command.jq.is_some() => {
            let report: Value = serde_json::from_str(&produced.stdout)
                .map_err(|e| format!("`{}` printed no JSON ({e})", annotated.command))?;
            let jq = command.jq.as_ref().expect("checked");
            jq::run(&jq.filter, &redact::json(&report))?.join("\n")
        }
        Stream::Stdout => produced.stdout.clone(),
        Stream::Stderr => produced.stderr.clone(),
        Stream::Both => format!("{}\n{}", produced.stderr, produced.stdout),
    };
    let ours = redact::text(&text);
    let theirs = redact::text(&block.body);
    let ours: Vec<&str> = ours.lines().collect();
    let theirs: Vec<&str> = theirs.lines().collect();
    let stable = theirs
        .iter()
        .position(|l| l.contains("recv #"))
        .unwrap_or(theirs.len().saturating_sub(1));
    if ours.len() >= theirs.len() && ours[..stable] == theirs[..stable] {
        return Ok(());
    }
    Err(difference(&theirs[..stable], &ours))
}

/// The lines of the section whose banner says `· run N of` (in Chinese,
/// `· 第 N 次运行`).
fn run<'a>(lines: &'a [&'a str], n: usize) -> Option<&'a [&'a str]> {
    let banners = [format!("· run {n} of "), format!("· 第 {n} 次运行")];
    let start = lines.iter().position(|l| {
        l.starts_with("━━ ") && banners.iter().any(|banner| l.contains(banner.as_str()))
    })?;
    let end = (start + 1..lines.len())
        .find(|&i| lines[i].starts_with("━━ "))
        .unwrap_or(lines.len());
    Some(&lines[start..end])
}

/// `lines` without blank lines at either end.
fn trim<'a>(lines: &'a [&'a str]) -> &'a [&'a str] {
    let start = lines
        .iter()
        .position(|l| !l.trim().is_empty())
        .unwrap_or(lines.len());
    let end = lines
        .iter()
        .rposition(|l| !l.trim().is_empty())
        .map_or(start, |e| e + 1);
    &lines[start..end]
}

/// Compares `jq`'s lines with the block's. A value the redacted report
/// shows as a placeholder (the outcome of a run that varies by nature)
/// matches whatever the block shows in its place.
fn jq_lines(block: &Block, ours: &[String]) -> Result<(), String> {
    let theirs: Vec<String> = block.body.lines().map(redact::line).collect();
    let ours: Vec<String> = ours.iter().map(|l| redact::line(l)).collect();
    let same = theirs.len() == ours.len()
        && theirs
            .iter()
            .zip(&ours)
            .all(|(t, o)| t == o || masked_equal(t, o));
    if same {
        return Ok(());
    }
    let theirs: Vec<&str> = theirs.iter().map(String::as_str).collect();
    let ours: Vec<&str> = ours.iter().map(String::as_str).collect();
    Err(difference(&theirs, &ours))
}

/// Whether two JSON lines are equal once every place where `ours` holds
/// a placeholder is taken as matching.
fn masked_equal(theirs: &str, ours: &str) -> bool {
    let (Ok(theirs), Ok(ours)) = (
        serde_json::from_str::<Value>(theirs),
        serde_json::from_str::<Value>(ours),
    ) else {
        return redact::is_placeholder(ours);
    };
    matches(&theirs, &ours)
}

fn matches(theirs: &Value, ours: &Value) -> bool {
    match (theirs, ours) {
        (_, Value::String(s)) if redact::is_placeholder(s) => true,
        (Value::Object(t), Value::Object(o)) => {
            t.len() == o.len()
                && t.iter()
                    .all(|(k, v)| o.get(k).is_some_and(|w| matches(v, w)))
        }
        (Value::Array(t), Value::Array(o)) => {
            t.len() == o.len() && t.iter().zip(o).all(|(v, w)| matches(v, w))
        }
        _ => theirs == ours,
    }
}

/// A message naming the first line that differs, then the whole redacted
/// output to copy from.
fn difference(theirs: &[&str], ours: &[&str]) -> String {
    let at = theirs
        .iter()
        .zip(ours)
        .position(|(t, o)| t != o)
        .unwrap_or(theirs.len().min(ours.len()));
    format!(
        "first difference at line {} of the block:\n  docs:   {:?}\n  output: {:?}\n\
         the output, redacted:\n{}",
        at + 1,
        theirs.get(at).copied().unwrap_or("(nothing)"),
        ours.get(at).copied().unwrap_or("(nothing)"),
        ours.join("\n")
    )
}
