//! The renderer locked byte for byte, with no redaction at all: each
//! demo's report, captured once from `cargo demo NAME --json` into
//! `tests/fixtures/NAME.json`, is read back into the library's own types
//! and drawn again without colour. A refactor of the renderer or of the
//! report types must reproduce every character — including the runs whose
//! shape varies from one execution to the next, which the snapshots of
//! live runs can only redact.
//!
//! One test function draws every fixture, in plain text (no colour).

use kit::report::Report;
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
