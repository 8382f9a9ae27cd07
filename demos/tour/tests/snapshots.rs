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

#[test]
fn every_demo_reads_exactly_as_locked() {
    locked::every_demo_reads_as_locked!("en", "");
}
