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

macro_rules! locked {
    ($($demo:ident),* $(,)?) => {$(
        #[test]
        fn $demo() {
            let name = stringify!($demo);
            insta::assert_snapshot!(format!("{name}_story"), story(name));
            insta::assert_snapshot!(format!("{name}_json"), report(name));
        }
    )*};
}

locked!(sticky, half, nagle, udp, fixed, pitfalls, transfer);
