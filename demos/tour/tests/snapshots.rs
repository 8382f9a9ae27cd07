//! What a person reads, locked: for every demo of the tour, the story as
//! `cargo demo NAME --color never` prints it and the report as
//! `cargo demo NAME --json` prints it, each run as a real process.
//!
//! Measured values (times, rates, ports, kernel-default buffers) and the
//! runs whose shape varies by nature are redacted by `testkit::redact`, the
//! same rules the docs check uses; everything else must stay byte for byte.
//! A refactor that changes a single character of the output fails here:
//! review the change with `cargo insta review`, or reject it.

#[path = "support/cached.rs"]
mod cached;

use testkit::redact;

const TOUR: &str = env!("CARGO_BIN_EXE_tour");

/// The plain-text story of `demo`, redacted.
fn story(demo: &str) -> String {
    let out = cached::run(TOUR, &[demo, "--color", "never"]);
    assert_eq!(out.code, Some(0), "{demo}: {}", out.stderr);
    redact::story(&out.stdout)
}

/// The JSON report of `demo`, redacted and pretty-printed.
fn report(demo: &str) -> String {
    let out = cached::run(TOUR, &[demo, "--json"]);
    assert_eq!(out.code, Some(0), "{demo}: {}", out.stderr);
    let json: serde_json::Value = serde_json::from_str(&out.stdout)
        .unwrap_or_else(|e| panic!("{demo} --json is not JSON ({e}):\n{}", out.stdout));
    serde_json::to_string_pretty(&redact::json(&json)).expect("a Value always serialises") + "\n"
}

/// Every demo the tour lists, in lesson order: a new lesson is locked as
/// soon as it joins the tour's table.
fn demos() -> Vec<String> {
    let out = cached::run(TOUR, &["--list"]);
    assert_eq!(out.code, Some(0), "tour --list: {}", out.stderr);
    out.stdout.lines().map(str::to_string).collect()
}

#[test]
fn every_demo_reads_exactly_as_locked() {
    let demos = demos();
    assert!(demos.len() >= 7, "the tour lists {demos:?}");
    // The demos run side by side (each in its own process); the snapshots
    // are then compared one by one, on this thread.
    std::thread::scope(|scope| {
        for demo in &demos {
            scope.spawn(move || (story(demo), report(demo)));
        }
    });
    for demo in &demos {
        insta::assert_snapshot!(format!("{demo}_story"), story(demo));
        insta::assert_snapshot!(format!("{demo}_json"), report(demo));
    }
}
