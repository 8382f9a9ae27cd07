//! The renderer locked byte for byte, with no redaction at all: each
//! demo's report, captured once from `cargo demo NAME --json` into
//! `tests/fixtures/NAME.json`, is read back into the library's own types
//! and drawn again without colour. A refactor of the renderer or of the
//! report types must reproduce every character — including the runs whose
//! shape varies from one execution to the next, which the snapshots of
//! live runs can only redact.
//!
//! One test function draws every fixture: colour is a global switch of
//! the `colored` crate, and tests in one binary run on parallel threads.

use kit::report::Report;
use serde_json::Value;
use std::fs;
use std::path::Path;
use transfer::demo::{Story, Transfer};
use transfer::message::Entry;

/// The demos whose `--json` is a `kit::report::Report`.
const REPORTS: [&str; 6] = ["sticky", "half", "nagle", "udp", "fixed", "pitfalls"];

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(format!("{name}.json"));
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `transfer::demo::Story` serialises but does not deserialise, so the
/// fixture is read field by field into it.
fn transfer_story(json: &Value) -> Story {
    let catalogue: Vec<Entry> =
        serde_json::from_value(json["catalogue"].clone()).expect("the catalogue");
    let transfers = json["transfers"]
        .as_array()
        .expect("the transfers")
        .iter()
        .map(|t| Transfer {
            name: t["name"].as_str().expect("name").into(),
            size: t["size"].as_u64().expect("size"),
            seconds: t["seconds"].as_f64().expect("seconds"),
            crc32: t["crc32"]
                .as_u64()
                .and_then(|c| u32::try_from(c).ok())
                .expect("crc32"),
            identical: t["identical"].as_bool().expect("identical"),
        })
        .collect();
    Story {
        server: json["server"].as_str().expect("server").into(),
        catalogue,
        transfers,
    }
}

#[test]
fn every_fixture_renders_exactly_as_locked() {
    for name in REPORTS {
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

    let json: Value = serde_json::from_str(&fixture("transfer")).expect("JSON");
    let story = transfer_story(&json);
    let mut back = serde_json::to_value(&story).expect("serialise");
    back["demo"] = "transfer".into();
    assert_eq!(
        back, json,
        "transfer.json does not round-trip through Story"
    );
    insta::assert_snapshot!("render_transfer", story.to_string());
}
