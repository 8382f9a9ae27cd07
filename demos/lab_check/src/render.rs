//! The grade as text: one line per case, and for a failure the first byte
//! that differs, hex-dumped, and the pitfall it looks like.

use crate::outcome::{CaseResult, Divergence, Grade};
use crate::pitfall::Pitfall;
use colored::Colorize;
use kit::render::text::{line, wrap};
use kit::style::Style;

/// What lab-check does in a case, for the head of the report.
fn how(role: &str) -> &'static str {
    match role {
        "receiver" => {
            "each case: lab-check listens on 127.0.0.1, starts your program with the port, \
             sends the messages as frames (a 4-byte big-endian length, then the bytes) cut as \
             the case says, and closes the connection; your program prints each message as one \
             line of hex and exits with code 0."
        }
        _ => {
            "each case: your program reads one line of hex per message on stdin, connects to \
             the port, sends each message as a frame (a 4-byte big-endian length, then the \
             bytes) and closes the connection; lab-check reads it behind the slicer, and your \
             program exits with code 0."
        }
    }
}

/// The whole grade.
#[must_use]
pub fn grade(grade: &Grade, style: &Style) -> String {
    let mut out = String::new();
    line(
        &mut out,
        &style.bold(&format!(
            "lab-check {} — {}",
            grade.role,
            grade.command.join(" ")
        )),
    );
    let deadline = format!(" At most {} s a case.", grade.timeout_s);
    for part in wrap(&format!("{}{deadline}", how(grade.role)), style.width) {
        line(&mut out, &style.dimmed(&part));
    }
    line(&mut out, "");
    let name_width = grade.cases.iter().map(|c| c.name.len()).max().unwrap_or(0);
    for case in &grade.cases {
        one(&mut out, case, name_width, style);
    }
    line(&mut out, "");
    let total = grade.cases.len();
    let mut verdict = format!("{} of {total} cases passed", grade.passed);
    if !grade.pitfalls.is_empty() {
        let titles: Vec<&str> = grade
            .cases
            .iter()
            .filter_map(|c| c.pitfall.as_ref().map(|p| p.code))
            .fold(Vec::new(), |mut seen: Vec<Pitfall>, p| {
                if !seen.contains(&p) {
                    seen.push(p);
                }
                seen
            })
            .into_iter()
            .map(Pitfall::title)
            .collect();
        verdict.push_str(&format!("; looks like: {}", titles.join("; ")));
    }
    let paint = if grade.all_passed() {
        style.paint(&verdict, |t| t.green().bold())
    } else {
        style.paint(&verdict, |t| t.red().bold())
    };
    line(&mut out, &format!("result: {paint}"));
    out
}

fn one(out: &mut String, case: &CaseResult, name_width: usize, style: &Style) {
    let mark = if case.passed {
        style.paint("PASS", |t| t.green().bold())
    } else {
        style.paint("FAIL", |t| t.red().bold())
    };
    let messages = if case.messages == 1 {
        "message"
    } else {
        "messages"
    };
    line(
        out,
        &format!(
            "{mark}  {:name_width$}  {} {messages} in {} B: {}",
            case.name, case.messages, case.bytes, case.cutting
        ),
    );
    if case.passed {
        return;
    }
    let indent = "      ";
    let say = |out: &mut String, label: &str, text: &str| {
        let head = format!("{indent}{label}");
        for (i, part) in wrap(text, style.width - head.len()).iter().enumerate() {
            let lead = if i == 0 {
                style.bold(&head)
            } else {
                " ".repeat(head.len())
            };
            line(out, &format!("{lead}{part}"));
        }
    };
    if let Some(problem) = &case.problem {
        say(out, "", problem);
    }
    if let Some(d) = &case.divergence {
        say(out, "first difference: ", &place(d));
        dump(out, d, style);
    }
    if let Some(p) = &case.pitfall {
        say(
            out,
            "looks like: ",
            &format!("{} — {}", p.code.title(), p.says),
        );
        say(out, "fix: ", p.code.fix());
    }
    if let Some(stderr) = &case.stderr {
        say(out, "stderr: ", stderr);
    }
}

/// Where the first difference is, and what carried it.
fn place(d: &Divergence) -> String {
    let carried = match (d.piece, d.recv) {
        (Some(p), _) => format!(
            ", written in piece #{} (stream bytes {}..{})",
            p.index, p.start, p.end
        ),
        (None, Some(r)) => format!(
            ", read by lab-check's recv #{} (stream bytes {}..{})",
            r.index, r.start, r.end
        ),
        (None, None) => String::new(),
    };
    format!("{} at stream byte {}{carried}", d.place, d.stream_offset)
}

/// The two hex rows, expected above what came.
fn dump(out: &mut String, d: &Divergence, style: &Style) {
    let row = |hex: &str, none: &str| {
        let bytes = kit::hex::parse(hex).unwrap_or_default();
        if bytes.is_empty() {
            none.to_string()
        } else {
            kit::hex::row(&bytes, d.dump_offset as u64)
        }
    };
    let got = match &d.got_hex {
        Some(hex) => row(hex, "(nothing more)"),
        None => "(nothing)".to_string(),
    };
    line(
        out,
        &format!(
            "        expected  {}",
            row(&d.expected_hex, "(an empty message)")
        ),
    );
    line(
        out,
        &format!("        got       {}", style.paint(&got, |t| t.yellow())),
    );
}
