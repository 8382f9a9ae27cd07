//! The lab in Chinese (`--lang zh`): every demo's story and JSON locked as
//! the English ones are, the story within the terminal's width when half
//! its characters take two columns, none of the English scaffolding left
//! over, and the locale choosing the language when `--lang` is not given.

#[path = "support/cached.rs"]
mod cached;
#[path = "support/locked.rs"]
mod locked;

use locked::demos;
use testkit::{Process, redact};

const TOUR: &str = env!("CARGO_BIN_EXE_tour");

#[test]
fn every_demo_reads_exactly_as_locked_in_chinese() {
    locked::every_demo_reads_as_locked!("zh", "_zh");
}

/// Words of the English story's frame that a Chinese story must not show:
/// each was once in every demo's output, so one left over means a sentence
/// the catalogue does not have.
const ENGLISH_FRAME: [&str; 12] = [
    " sender",
    " receiver",
    "verdict:",
    "knobs as the kernel",
    "run 1 of",
    "left as",
    "returned them",
    "waited until",
    "as soon as",
    "the receiver",
    "decoded frames",
    "messages sent",
];

#[test]
fn a_chinese_story_keeps_no_english_sentences_and_names_its_language() {
    for demo in demos() {
        let out = cached::run(TOUR, &[&demo, "--color", "never", "--lang", "zh"]);
        for words in ENGLISH_FRAME {
            assert!(
                !out.stdout.contains(words),
                "{demo} --lang zh still says {words:?}:\n{}",
                out.stdout
            );
        }
        let json = cached::run(TOUR, &[&demo, "--json", "--lang", "zh"]);
        let value: serde_json::Value = serde_json::from_str(&json.stdout).expect("JSON");
        assert_eq!(value["lang"], "zh", "{demo}");
        // The keys and codes a grader reads do not change with the language
        // (a run whose outcome varies by timing is compared by its
        // placeholder: its code may differ between two runs in one language).
        let english = cached::run(TOUR, &[&demo, "--json"]);
        let english: serde_json::Value = serde_json::from_str(&english.stdout).expect("JSON");
        assert_eq!(
            codes(&redact::json(&value)),
            codes(&redact::json(&english)),
            "{demo}"
        );
    }
}

/// Every `code` of a report, in order: the verdicts a grader reads.
fn codes(value: &serde_json::Value) -> Vec<String> {
    let mut found = Vec::new();
    let mut stack = vec![value];
    while let Some(v) = stack.pop() {
        match v {
            serde_json::Value::Object(fields) => {
                if let Some(code) = fields.get("code").and_then(|c| c.as_str()) {
                    found.push(code.to_string());
                }
                stack.extend(fields.values());
            }
            serde_json::Value::Array(items) => stack.extend(items),
            _ => {}
        }
    }
    found.sort();
    found
}

#[test]
fn at_80_columns_no_chinese_line_is_wider_than_the_terminal() {
    for demo in demos() {
        let run = Process::start_with_env(
            TOUR,
            &[&demo, "--color", "never", "--lang", "zh"],
            &[("COLUMNS", "80")],
        )
        .finish();
        assert_eq!(run.code, Some(0), "{demo}: {}", run.stderr);
        for line in run.stdout.lines() {
            let columns = kit::render::text::width(line);
            assert!(columns <= 80, "{demo}: {columns} columns: {line}");
        }
    }
}

#[test]
fn the_locale_chooses_chinese_when_no_lang_is_given_and_lang_wins_over_it() {
    let with = |env: &[(&str, &str)], args: &[&str]| {
        let mut all = vec!["sticky", "--color", "never", "--run", "1"];
        all.extend_from_slice(args);
        // The machine's own locale must not decide: unset what a case
        // does not set.
        let mut env_all = vec![("LC_ALL", ""), ("LC_MESSAGES", ""), ("LANG", "")];
        env_all.extend_from_slice(env);
        let run = Process::start_with_env(TOUR, &all, &env_all).finish();
        assert_eq!(run.code, Some(0), "{}", run.stderr);
        redact::story(&run.stdout)
    };
    let chinese = with(&[("LC_ALL", ""), ("LANG", "zh_CN.UTF-8")], &[]);
    let asked = with(&[("LC_ALL", ""), ("LANG", "C")], &["--lang", "zh"]);
    let english = with(&[("LC_ALL", ""), ("LANG", "C")], &[]);
    assert_eq!(chinese, asked);
    assert_ne!(chinese, english);
    assert!(english.contains(" receiver"), "{english}");
    // LC_ALL wins over LANG, and --lang over both.
    assert_eq!(
        with(&[("LC_ALL", "zh_TW.UTF-8"), ("LANG", "C")], &[]),
        chinese
    );
    assert_eq!(
        with(&[("LC_ALL", "zh_CN.UTF-8")], &["--lang", "en"]),
        english
    );
}

#[test]
fn a_mistyped_command_line_is_explained_in_chinese_and_exits_2() {
    for (args, said) in [
        (&["--lang", "zh", "--nosuch"][..], "没有 --nosuch 这个选项"),
        (&["--lang", "zh", "--lsit"][..], "你是想写 --list 吗？"),
        (&["--lang", "zh", "nosuch"][..], "不接受“nosuch”"),
        (&["--lang", "zh", "sticky", "--run"][..], "后面要写一个值"),
        (
            &["--lang", "zh", "--list", "--run", "1"][..],
            "不能和 --run <N> 一起用",
        ),
    ] {
        let run = testkit::run(TOUR, args);
        assert_eq!(run.code, Some(2), "{args:?}: {}", run.stderr);
        assert!(run.stderr.starts_with("错误："), "{args:?}: {}", run.stderr);
        assert!(run.stderr.contains(said), "{args:?}: {}", run.stderr);
        assert_eq!(run.stderr.lines().count(), 1, "{args:?}: {}", run.stderr);
    }
    // English keeps clap's own sentence.
    let run = testkit::run(TOUR, &["--nosuch"]);
    assert!(
        run.stderr
            .starts_with("error: unexpected argument '--nosuch' found"),
        "{}",
        run.stderr
    );
}
