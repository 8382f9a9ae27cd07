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
#[path = "support/locked.rs"]
mod locked;

use locked::demos;

/// The story of `demo` in English, redacted.
fn story(demo: &str) -> String {
    locked::story(demo, "en")
}

/// The report of `demo` in English, redacted.
fn report(demo: &str) -> String {
    locked::report(demo, "en")
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
