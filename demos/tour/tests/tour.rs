//! `cargo demo`: the whole tour in one process, as a story or as JSON.

use testkit::{Process, redact};

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

/// The sections of a story, each from its banner on.
fn sections(story: &str) -> Vec<String> {
    let mut sections: Vec<String> = Vec::new();
    for line in story.lines() {
        if line.starts_with("━━ ") || sections.is_empty() {
            sections.push(String::new());
        }
        let section = sections.last_mut().expect("one at least");
        section.push_str(line);
        section.push('\n');
    }
    sections
}

#[test]
fn run_n_shows_only_that_run_numbered_as_in_the_whole_demo() {
    let one = testkit::run(TOUR, &["sticky", "--run", "2", "--color", "never"]);
    assert_eq!(one.code, Some(0), "{}", one.stderr);
    let whole = testkit::run(TOUR, &["sticky", "--color", "never"]);
    let banners: Vec<&str> = one
        .stdout
        .lines()
        .filter(|l| l.starts_with("━━ "))
        .collect();
    assert_eq!(banners.len(), 1, "{}", one.stdout);
    assert!(banners[0].contains("· run 2 of 3 "), "{}", banners[0]);
    // The very section the whole demo shows as its run 2 (times redacted).
    let second = sections(&whole.stdout)[1].trim_end().to_string() + "\n";
    assert_eq!(redact::story(&one.stdout), redact::story(&second));

    // The JSON holds that run alone.
    let json = testkit::run(TOUR, &["pitfalls", "--run", "5", "--json"]).json();
    let all = testkit::run(TOUR, &["pitfalls", "--json"]).json();
    let runs = json["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 1, "{json}");
    assert_eq!(runs[0]["label"], all["runs"][4]["label"]);
    let story = testkit::run(TOUR, &["pitfalls", "--run", "5", "--color", "never"]);
    assert!(
        story
            .stdout
            .starts_with("━━ 陷阱 pitfalls of a naive fix · run 5 of 16 ━")
    );
}

#[test]
fn run_n_needs_one_demo_and_a_run_it_has() {
    let all = testkit::run(TOUR, &["--run", "2"]);
    testkit::assert_one_line_error(&all, 2, "--run needs a demo's name");
    let past = testkit::run(TOUR, &["sticky", "--run", "4"]);
    testkit::assert_one_line_error(&past, 2, "sticky has 3 runs, so there is no run 4");
    assert!(past.stdout.is_empty(), "{}", past.stdout);
    let zero = testkit::run(TOUR, &["sticky", "--run", "0"]);
    testkit::assert_one_line_error(&zero, 2, "numbered from 1");
}

#[test]
fn step_never_waits_when_the_output_is_no_terminal() {
    // stdout is a pipe here (and stdin empty): the story comes out whole,
    // with no prompt, as without --step.
    let stepped = testkit::run(TOUR, &["sticky", "--step", "--color", "never"]);
    assert_eq!(stepped.code, Some(0), "{}", stepped.stderr);
    assert!(!stepped.stdout.contains("Enter"), "{}", stepped.stdout);
    let plain = testkit::run(TOUR, &["sticky", "--color", "never"]);
    assert_eq!(redact::story(&stepped.stdout), redact::story(&plain.stdout));
}

#[test]
fn help_and_version_name_the_lab() {
    let help = testkit::run(TOUR, &["--help"]);
    assert!(
        help.stdout.contains("Usage: cargo demo [OPTIONS] [DEMO]"),
        "{}",
        help.stdout
    );
    for flag in ["-V", "--version"] {
        let version = testkit::run(TOUR, &[flag]);
        assert_eq!(
            version.stdout,
            format!(
                "Sticky Packet Lab (粘包实验室) {}\n",
                env!("CARGO_PKG_VERSION")
            )
        );
    }
}

/// The widest line of `text`, in terminal columns.
fn widest(text: &str) -> usize {
    text.lines()
        .map(kit::render::text::width)
        .max()
        .unwrap_or(0)
}

#[test]
fn columns_sets_the_width_of_the_story() {
    let story = |columns: Option<&str>| {
        let env: Vec<(&str, &str)> = columns.map(|c| ("COLUMNS", c)).into_iter().collect();
        let run = Process::start_with_env(TOUR, &["udp", "--color", "never"], &env).finish();
        assert_eq!(run.code, Some(0), "{}", run.stderr);
        run.stdout
    };
    let default = story(None);
    assert!(widest(&default) > 80, "the default is wider than 80");
    assert!(widest(&default) <= 96, "and never wider than 96");
    let narrow = story(Some("80"));
    assert!(widest(&narrow) <= 80, "COLUMNS=80:\n{narrow}");
    // A COLUMNS that is no number is not obeyed: the default width.
    assert!(widest(&story(Some("eighty"))) > 80);
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
