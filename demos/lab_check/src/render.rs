//! The grade as text: one line per case, and for a failure the first byte
//! that differs, hex-dumped, and the pitfall it looks like.

use crate::TEXT;
use crate::outcome::{CaseResult, Divergence, Grade};
use crate::pitfall::Pitfall;
use colored::Colorize;
use kit::render::text::{line, width, wrap};
use kit::style::Style;
use kit::tr;

/// What lab-check does in a case, for the head of the report.
fn how(role: &str) -> String {
    match role {
        "receiver" => tr!(TEXT, "how-receiver"),
        _ => tr!(TEXT, "how-sender"),
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
    let deadline = tr!(TEXT, "how-deadline", secs = grade.timeout_s.to_string());
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
    let mut verdict = tr!(
        TEXT,
        "verdict-passed",
        passed = grade.passed.to_string(),
        total = total.to_string()
    );
    if !grade.pitfalls.is_empty() {
        let titles: Vec<String> = grade
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
        let titles = titles.join(&tr!(TEXT, "titles-separator"));
        verdict.push_str(&tr!(TEXT, "verdict-looks-like", titles = titles));
    }
    let paint = if grade.all_passed() {
        style.paint(&verdict, |t| t.green().bold())
    } else {
        style.paint(&verdict, |t| t.red().bold())
    };
    line(&mut out, &tr!(TEXT, "result", verdict = paint));
    out
}

fn one(out: &mut String, case: &CaseResult, name_width: usize, style: &Style) {
    let mark = if case.passed {
        style.paint(&tr!(TEXT, "case-pass"), |t| t.green().bold())
    } else {
        style.paint(&tr!(TEXT, "case-fail"), |t| t.red().bold())
    };
    let summary = tr!(
        TEXT,
        "case-summary",
        count = case.messages,
        bytes = case.bytes.to_string(),
        cutting = &case.cutting
    );
    line(
        out,
        &format!("{mark}  {:name_width$}  {summary}", case.name),
    );
    if case.passed {
        return;
    }
    let indent = "      ";
    let say = |out: &mut String, label: &str, text: &str| {
        // Columns, not bytes: a Chinese label is twice as wide as long.
        let head = format!("{indent}{label}");
        let head_width = width(&head);
        for (i, part) in wrap(text, style.width - head_width).iter().enumerate() {
            let lead = if i == 0 {
                style.bold(&head)
            } else {
                " ".repeat(head_width)
            };
            line(out, &format!("{lead}{part}"));
        }
    };
    if let Some(problem) = &case.problem {
        say(out, "", problem);
    }
    if let Some(d) = &case.divergence {
        say(out, &tr!(TEXT, "label-difference"), &place(d));
        dump(out, d, style);
    }
    if let Some(p) = &case.pitfall {
        say(
            out,
            &tr!(TEXT, "label-looks-like"),
            &tr!(
                TEXT,
                "pitfall-named",
                title = p.code.title(),
                says = &p.says
            ),
        );
        say(out, &tr!(TEXT, "label-fix"), &p.code.fix());
    }
    if let Some(stderr) = &case.stderr {
        say(out, &tr!(TEXT, "label-stderr"), stderr);
    }
}

/// Where the first difference is, and what carried it.
fn place(d: &Divergence) -> String {
    let carried = match (d.piece, d.recv) {
        (Some(p), _) => tr!(
            TEXT,
            "carried-piece",
            index = p.index.to_string(),
            start = p.start.to_string(),
            end = p.end.to_string()
        ),
        (None, Some(r)) => tr!(
            TEXT,
            "carried-recv",
            index = r.index.to_string(),
            start = r.start.to_string(),
            end = r.end.to_string()
        ),
        (None, None) => String::new(),
    };
    tr!(
        TEXT,
        "place",
        place = &d.place,
        offset = d.stream_offset.to_string(),
        carried = carried
    )
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
        Some(hex) => row(hex, &tr!(TEXT, "dump-nothing-more")),
        None => tr!(TEXT, "dump-nothing"),
    };
    // The two labels padded to one width, in columns, so the rows align.
    let (expected_label, got_label) = (tr!(TEXT, "dump-expected"), tr!(TEXT, "dump-got"));
    let label_width = width(&expected_label).max(width(&got_label)) + 2;
    let pad = |label: &str| format!("{label}{}", " ".repeat(label_width - width(label)));
    line(
        out,
        &format!(
            "        {}{}",
            pad(&expected_label),
            row(&d.expected_hex, &tr!(TEXT, "dump-empty-message"))
        ),
    );
    line(
        out,
        &format!(
            "        {}{}",
            pad(&got_label),
            style.paint(&got, |t| t.yellow())
        ),
    );
}
