//! lab-check against the example students in `python/lab_check/`: the
//! corrected programs pass, and each buggy one fails with its pitfall
//! named. They need `python3`; where it does not run, each test says so
//! and passes without checking (lab-check itself still has its unit tests).

use serde_json::Value;
use testkit::Finished;

const LAB_CHECK: &str = env!("CARGO_BIN_EXE_lab-check");

fn no_python() -> Option<&'static str> {
    testkit::no_python()
}

fn student(name: &str) -> String {
    testkit::python_file(env!("CARGO_MANIFEST_DIR"), &format!("lab_check/{name}"))
}

/// `lab-check ROLE --json OPTIONS -- python3 python/lab_check/STUDENT {port}`,
/// or `None` (and a note on stderr) without python3.
fn check(role: &str, options: &[&str], name: &str) -> Option<(Finished, Value)> {
    if let Some(why) = no_python() {
        eprintln!("skipped: {why}; the Python students were not run");
        return None;
    }
    let path = student(name);
    let mut args = vec![role, "--json"];
    args.extend_from_slice(options);
    args.extend(["--", "python3", &path, "{port}"]);
    let finished = testkit::run(LAB_CHECK, &args);
    let grade = finished.json();
    Some((finished, grade))
}

fn pitfalls(grade: &Value) -> Vec<&str> {
    grade["pitfalls"]
        .as_array()
        .expect("a list of pitfalls")
        .iter()
        .filter_map(Value::as_str)
        .collect()
}

#[test]
fn the_corrected_receiver_passes_every_case() {
    let Some((finished, grade)) = check("receiver", &[], "receiver.py") else {
        return;
    };
    assert_eq!(finished.code, Some(0), "{}", finished.stdout);
    assert_eq!(grade["failed"], 0);
    assert_eq!(grade["passed"], 10);
}

#[test]
fn the_tutorials_receiver_fails_and_its_counting_is_named() {
    let cases = ["--case", "pieces-500"];
    let Some((finished, grade)) = check("receiver", &cases, "tutorial_receiver.py") else {
        return;
    };
    assert_eq!(finished.code, Some(1));
    assert_eq!(grade["passed"], 0);
    assert!(pitfalls(&grade).contains(&"counting"), "{grade:#}");
    let case = &grade["cases"][0];
    assert_eq!(case["pitfall"]["code"], "counting", "{case:#}");
    // The first difference is in the 1 MiB message, in a piece of 500 B.
    assert_eq!(case["divergence"]["message"], 2);
    let piece = &case["divergence"]["piece"];
    assert!(piece["end"].as_u64().unwrap() - piece["start"].as_u64().unwrap() <= 500);
}

#[test]
fn a_receiver_reading_native_byte_order_is_named() {
    let cases = ["--case", "whole", "--case", "pieces-1"];
    let Some((finished, grade)) = check("receiver", &cases, "native_order_receiver.py") else {
        return;
    };
    assert_eq!(finished.code, Some(1));
    for case in grade["cases"].as_array().unwrap() {
        assert_eq!(case["pitfall"]["code"], "native_byte_order", "{case:#}");
    }
    // The 1 MiB message's header, 00 10 00 00, read as little-endian: 4096.
    let says = grade["cases"][0]["pitfall"]["says"].as_str().unwrap();
    assert!(says.contains("exactly those 4096 bytes"), "{says}");
}

#[test]
fn the_corrected_sender_passes_every_case() {
    let Some((finished, grade)) = check("sender", &[], "sender.py") else {
        return;
    };
    assert_eq!(finished.code, Some(0), "{}", finished.stdout);
    assert_eq!(grade["passed"], 5);
}

#[test]
fn a_sender_packing_with_struct_pack_i_is_named() {
    let cases = ["--case", "pieces-2-6-seed-1"];
    let Some((finished, grade)) = check("sender", &cases, "native_order_sender.py") else {
        return;
    };
    assert_eq!(finished.code, Some(1));
    let case = &grade["cases"][0];
    assert_eq!(case["pitfall"]["code"], "native_byte_order", "{case:#}");
    // The sentence's header went out as 18 00 00 00, at stream byte 4.
    assert_eq!(case["divergence"]["stream_offset"], 4);
    assert!(
        case["divergence"]["got_hex"]
            .as_str()
            .unwrap()
            .starts_with("0000000018000000")
    );
}

#[test]
fn a_sender_ignoring_what_send_returned_is_named() {
    let cases = ["--case", "whole"];
    let Some((finished, grade)) = check("sender", &cases, "short_write_sender.py") else {
        return;
    };
    assert_eq!(finished.code, Some(1));
    assert_eq!(
        grade["cases"][0]["pitfall"]["code"], "short_write",
        "{grade:#}"
    );
}

#[test]
fn a_program_that_hangs_is_stopped_at_the_deadline() {
    if no_python().is_some() {
        eprintln!("skipped: python3 does not run here");
        return;
    }
    let started = std::time::Instant::now();
    let finished = testkit::run(
        LAB_CHECK,
        &[
            "receiver",
            "--json",
            "--timeout",
            "1",
            "--case",
            "pieces-1",
            "--",
            "python3",
            "-c",
            "import time; time.sleep(60)",
        ],
    );
    assert_eq!(finished.code, Some(1));
    let case = &finished.json()["cases"][0];
    assert_eq!(case["timed_out"], true);
    assert!(
        case["problem"]
            .as_str()
            .unwrap()
            .contains("never connected"),
        "{case:#}"
    );
    assert!(
        started.elapsed().as_secs() < 10,
        "killed after 1 s, not waited for"
    );
}

#[test]
fn a_command_line_that_cannot_work_exits_with_2() {
    for args in [
        &["receiver"][..],
        &["teacher", "--", "python3", "x.py"],
        &["receiver", "--case", "nope", "--", "python3", "x.py"],
        &["sender", "--timeout", "0", "--", "python3", "x.py"],
        &["receiver", "--", "/no/such/program-for-lab-check"],
    ] {
        let finished = testkit::run(LAB_CHECK, args);
        assert_eq!(finished.code, Some(2), "{args:?}: {}", finished.stderr);
        assert!(
            finished.stderr.starts_with("error:"),
            "{args:?}: {}",
            finished.stderr
        );
        assert!(finished.stdout.is_empty(), "{args:?}");
    }
}
