//! The renderer locked byte for byte, with no redaction at all: each
//! demo's report, captured once from `cargo demo NAME --json` into
//! `tests/fixtures/NAME.json`, is read back into the library's own types
//! and drawn again without colour. A refactor of the renderer or of the
//! report types must reproduce every character — including the runs whose
//! shape varies from one execution to the next, which the snapshots of
//! live runs can only redact.
//!
//! One test function draws every fixture, in plain text (no colour), at
//! the widest width; another draws them at 80 columns, the width of a
//! laptop's terminal, and checks that no line is wider.

use kit::render::text::width;
use kit::report::Report;
use kit::style::{ColorChoice, Style};
use serde_json::Value;
use std::fs;
use std::path::Path;

/// Every captured report: `tests/fixtures/NAME.json`, by name.
fn captured() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut names: Vec<String> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().into_string().ok()?;
            name.strip_suffix(".json").map(str::to_string)
        })
        .collect();
    names.sort();
    names
}

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(format!("{name}.json"));
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn every_fixture_renders_exactly_as_locked() {
    let names = captured();
    assert!(names.len() >= 7, "fixtures: {names:?}");
    for name in &names {
        let text = fixture(name);
        let report: Report = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{name}.json is not a Report: {e}"));
        // Reading loses nothing: the report serialises back to the same JSON.
        let original: Value = serde_json::from_str(&text).expect("JSON");
        assert_eq!(
            serde_json::to_value(&report).expect("serialise"),
            original,
            "{name}.json does not round-trip through kit::report::Report"
        );
        insta::assert_snapshot!(format!("render_{name}"), kit::render::plain(&report));
    }
}

fn report(name: &str) -> Report {
    serde_json::from_str(&fixture(name)).unwrap_or_else(|e| panic!("{name}.json: {e}"))
}

/// Every line of `text` is at most `columns` wide, as a terminal counts
/// (CJK two columns, escape codes none) — hex rows included, unless
/// `rows_too` is false.
fn assert_fits(name: &str, text: &str, columns: usize, rows_too: bool) {
    let widest = text
        .lines()
        .filter(|line| rows_too || !line.trim_start().starts_with('|'))
        .max_by_key(|line| width(line))
        .unwrap_or_default();
    assert!(
        width(widest) <= columns,
        "{name} at {columns} columns has a line of {}:\n{widest}",
        width(widest)
    );
}

#[test]
fn every_fixture_fits_in_80_columns() {
    let colour = ColorChoice::Always.style().with_width(80);
    for name in captured() {
        let report = report(&name);
        let plain = kit::render::report(&report, &Style::PLAIN.with_width(80));
        assert_fits(&name, &plain, 80, true);
        insta::assert_snapshot!(format!("render_80_{name}"), plain);
        // Painted, the same lines: colour changes no line's length.
        let painted = kit::render::report(&report, &colour);
        assert_fits(&name, &painted, 80, true);
        assert_eq!(painted.lines().count(), plain.lines().count(), "{name}");
        // At the narrowest width every line but a hex row (69 columns) and
        // the lab's widest table (whose words alone take 64) fits too.
        let narrow = kit::render::report(&report, &Style::PLAIN.with_width(64));
        assert_fits(&name, &narrow, 64, false);
    }
}
