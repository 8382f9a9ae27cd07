//! `cargo demo`: the whole tour in one process, as a story or as JSON.

use testkit::Process;

const TOUR: &str = env!("CARGO_BIN_EXE_tour");

#[test]
fn all_demos_run_in_lesson_order_as_one_json_document() {
    let run = testkit::run(TOUR, &["--json"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let reports = run.json();
    let demos: Vec<&str> = reports
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["demo"].as_str().unwrap())
        .collect();
    // In the order of the tour's own table, which `--list` prints.
    let listed = testkit::run(TOUR, &["--list"]);
    let lessons: Vec<&str> = listed.stdout.lines().collect();
    assert_eq!(demos, lessons);
    assert_eq!(
        lessons[..2],
        ["sticky", "half"],
        "the course starts with 粘包 and 半包"
    );
    // One shape for every lesson, the exercise included.
    for report in reports.as_array().unwrap() {
        for key in ["demo", "title", "runs"] {
            assert!(report.get(key).is_some(), "{} lacks {key}", report["demo"]);
        }
        for run in report["runs"].as_array().unwrap() {
            assert!(run["kind"].is_string(), "a run without a kind: {run}");
            assert!(run["label"].is_string(), "a run without a label: {run}");
        }
    }
    // Over TCP every byte arrives, in order — in the demos that send it
    // properly. (UDP drops and truncates by design; the pitfalls lose bytes
    // on purpose.)
    let honest = ["sticky", "half", "nagle", "fixed"];
    for report in reports.as_array().unwrap() {
        if !honest.contains(&report["demo"].as_str().unwrap()) {
            continue;
        }
        for run in report["runs"].as_array().unwrap() {
            if run["kind"] != "exchange" {
                continue; // a measurement of round trips, with no journal
            }
            let sent: String = run["sends"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s["hex"].as_str().unwrap())
                .collect();
            let got: String = run["recvs"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r["hex"].as_str().unwrap())
                .collect();
            assert_eq!(sent, got, "{}: every byte arrives, in order", run["label"]);
        }
    }
}

#[test]
fn one_demo_is_one_report() {
    let run = testkit::run(TOUR, &["sticky", "--json"]);
    assert_eq!(run.json()["demo"], "sticky");
    assert_eq!(run.json()["runs"][0]["sticky"], true);
}

#[test]
fn colour_follows_the_flag_the_terminal_and_no_color() {
    let piped = testkit::run(TOUR, &["half"]);
    assert!(!piped.stdout.contains('\x1b'), "a pipe gets plain text");
    assert!(
        piped.stdout.contains("1 message sent, 2 recvs needed"),
        "{}",
        piped.stdout
    );
    assert!(
        piped.stdout.contains("✂ 天 was cut in two"),
        "{}",
        piped.stdout
    );

    let forced = testkit::run(TOUR, &["half", "--color", "always"]);
    assert!(
        forced.stdout.contains("\x1b["),
        "--color always colours a pipe"
    );

    let refused =
        Process::start_with_env(TOUR, &["half", "--color", "auto"], &[("NO_COLOR", "1")]).finish();
    assert!(!refused.stdout.contains('\x1b'));
}

#[test]
fn an_unknown_demo_is_a_usage_error() {
    testkit::assert_one_line_error(&testkit::run(TOUR, &["nosuch"]), 2, "nosuch");
}

#[test]
fn html_writes_one_figure_per_run_beside_the_story() {
    let page = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("sticky.html");
    let _ = std::fs::remove_file(&page);
    let with = testkit::run(TOUR, &["sticky", "--html", page.to_str().unwrap()]);
    assert_eq!(with.code, Some(0), "{}", with.stderr);
    // The story is printed as without --html.
    assert!(
        with.stdout.contains("━━ 粘包 sticky packets · run 3 of 3"),
        "{}",
        with.stdout
    );
    let html = std::fs::read_to_string(&page).expect("the page was written");
    assert_eq!(html.matches("<figure ").count(), 3);
    assert!(html.contains("<h2>粘包 sticky packets</h2>"));
}

#[test]
fn an_html_path_that_cannot_be_written_is_a_usage_error_before_any_demo_runs() {
    let run = testkit::run(TOUR, &["--html", "/nonexistent-folder/tour.html"]);
    testkit::assert_one_line_error(&run, 2, "--html /nonexistent-folder/tour.html");
    assert!(run.stdout.is_empty(), "no demo ran: {}", run.stdout);
}
