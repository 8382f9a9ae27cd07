//! What the locking tests read of a demo: its story and its report, each
//! run once per test binary (see `cached.rs`) and redacted by
//! `testkit::redact`, in English or with `--lang zh`.

use crate::cached;
use testkit::redact;

const TOUR: &str = env!("CARGO_BIN_EXE_tour");

/// `args`, and `--lang LANG` unless the language is English (so that the
/// English runs are the same command lines the other tests share).
fn with_lang<'a>(mut args: Vec<&'a str>, lang: &'a str) -> Vec<&'a str> {
    if lang != "en" {
        args.extend(["--lang", lang]);
    }
    args
}

/// The plain-text story of `demo` in `lang`, redacted.
pub fn story(demo: &str, lang: &str) -> String {
    let out = cached::run(TOUR, &with_lang(vec![demo, "--color", "never"], lang));
    assert_eq!(out.code, Some(0), "{demo} ({lang}): {}", out.stderr);
    redact::story(&out.stdout)
}

/// The JSON report of `demo` in `lang`, redacted and pretty-printed.
pub fn report(demo: &str, lang: &str) -> String {
    let out = cached::run(TOUR, &with_lang(vec![demo, "--json"], lang));
    assert_eq!(out.code, Some(0), "{demo} ({lang}): {}", out.stderr);
    let json: serde_json::Value = serde_json::from_str(&out.stdout)
        .unwrap_or_else(|e| panic!("{demo} --json is not JSON ({e}):\n{}", out.stdout));
    serde_json::to_string_pretty(&redact::json(&json)).expect("a Value always serialises") + "\n"
}

/// Every demo the tour lists, in lesson order: a new lesson is locked as
/// soon as it joins the tour's table.
pub fn demos() -> Vec<String> {
    let out = cached::run(TOUR, &["--list"]);
    assert_eq!(out.code, Some(0), "tour --list: {}", out.stderr);
    out.stdout.lines().map(str::to_string).collect()
}

/// Runs every demo in `lang` (side by side, each in its own process), then
/// compares each story and report with its snapshot, one by one:
/// `{demo}_story{suffix}` and `{demo}_json{suffix}`. A macro, so that insta
/// names and finds the snapshots from the calling test file.
macro_rules! every_demo_reads_as_locked {
    ($lang:literal, $suffix:literal) => {{
        let demos = crate::locked::demos();
        assert!(demos.len() >= 7, "the tour lists {demos:?}");
        std::thread::scope(|scope| {
            for demo in &demos {
                scope.spawn(move || {
                    (
                        crate::locked::story(demo, $lang),
                        crate::locked::report(demo, $lang),
                    )
                });
            }
        });
        for demo in &demos {
            let story = crate::locked::story(demo, $lang);
            insta::assert_snapshot!(format!("{demo}_story{}", $suffix), story);
            let report = crate::locked::report(demo, $lang);
            insta::assert_snapshot!(format!("{demo}_json{}", $suffix), report);
        }
    }};
}
pub(crate) use every_demo_reads_as_locked;
